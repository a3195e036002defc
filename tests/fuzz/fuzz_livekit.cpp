// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the LiveKit adapter (protojson WebhookEvent). Besides "no crash" and what every
// target checks (fuzzcheck.h), LiveKit's own rules: one call.status at most, an outcome and an end
// only when it ended, no empty strings, SIP facts only for the phone line, times in whole seconds.
#define FUZZ_TARGET "fuzz_livekit"
#include "fuzzcheck.h"

#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 receivedAtMs = 1'795'600'000'123; // not a whole second: tells the clock from createdAt

void checkEvent(const CallEvent &event, const AdaptedDelivery &delivery)
{
    FUZZ_CHECK(event.kind == EventKind::CallStatus);
    FUZZ_CHECK(!event.offsetMs);
    FUZZ_CHECK(event.twilioCallSid.isEmpty() && event.backendLogId.isEmpty());
    // createdAt is in seconds: an event time is a whole second unless it is the receipt time.
    FUZZ_CHECK(event.occurredAtMs == receivedAtMs ||
               (event.occurredAtMs > 0 && event.occurredAtMs % 1000 == 0));

    FuzzCheck::checkNoEmptyStrings(event);
    const QJsonObject &p = event.payload;
    const auto status = callStatusFromString(p.value("status"_L1).toString());
    FUZZ_CHECK(!p.contains("outcome"_L1) || status == CallStatus::Ended);
    FUZZ_CHECK(!p.contains("endedAt"_L1) || status == CallStatus::Ended);
    FUZZ_CHECK(!p.contains("durationMs"_L1) || status == CallStatus::Ended);
    // Times come from unix seconds > 0 (FuzzCheck lets a time before 1970 be).
    for (const auto key : {"startedAt"_L1, "endedAt"_L1})
        FUZZ_CHECK(!p.contains(key) || p.value(key).toDouble() >= 0);
    const QString direction = p.value("direction"_L1).toString();
    FUZZ_CHECK(!p.contains("direction"_L1) || direction == "inbound"_L1 || direction == "outbound"_L1);
    // Only the phone line's events carry a direction; room events carry no SIP facts.
    FUZZ_CHECK(p.contains("direction"_L1) || (event.sipCallId.isEmpty() && !p.contains("fromNumber"_L1)));
    FUZZ_CHECK(!p.contains("outcome"_L1) || delivery.eventType.startsWith("participant_"_L1));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const AdapterResult result =
        FuzzCheck::checkDelivery(Provider::LiveKit, adaptLiveKit, body, receivedAtMs);
    if (!result)
        return 0;
    const AdaptedDelivery &d = *result;
    FUZZ_CHECK(d.events.size() <= 1);
    for (const CallEvent &event : d.events)
        checkEvent(event, d);
    return 0;
}
