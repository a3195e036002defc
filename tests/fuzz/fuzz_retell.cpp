// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Retell adapter: besides "no crash" and what every target checks
// (fuzzcheck.h: also the same result again down to the error text and the event times), what Retell
// shares with Vapi (FuzzCheck::checkTimedEvents: finite times, turns that never collide) and its own
// rules: the call's status first, no redacted body.
#define FUZZ_TARGET "fuzz_retell"
#include "fuzzcheck.h"

#include <cstdint>

using namespace CallScope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    constexpr qint64 receivedAtMs = 1'761'210'900'000;
    const AdapterResult result = FuzzCheck::checkDelivery(Provider::Retell, adaptRetell, body, receivedAtMs);
    if (!result)
        return 0;
    const AdaptedDelivery &delivery = *result;
    FUZZ_CHECK(delivery.redactedBody.isEmpty()); // Retell's payload holds no credentials
    // Every known event reports the call's status first.
    if (!delivery.events.isEmpty())
        FUZZ_CHECK(delivery.events.first().kind == EventKind::CallStatus);
    FuzzCheck::checkTimedEvents(delivery.events);
    return 0;
}
