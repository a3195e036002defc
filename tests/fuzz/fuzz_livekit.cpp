// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the LiveKit adapter (protojson WebhookEvent). Besides "no crash", it checks
// what the store relies on: one call.status at most, valid statuses and outcomes, no nulls, ids where
// the contract wants them, times in whole seconds, determinism.
#include "adapters/adapter.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 receivedAtMs = 1'795'600'000'123; // not a whole second: tells the clock from createdAt

[[noreturn]] void broken(const char *invariant, int line)
{
    std::fprintf(stderr, "fuzz_livekit: invariant broken at line %d: %s\n", line, invariant);
    std::abort();
}

#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            broken(#condition, __LINE__);                                                                    \
    } while (false)

bool isMs(const QJsonObject &payload, QLatin1StringView key)
{
    const QJsonValue value = payload.value(key);
    return value.isUndefined() || (value.isDouble() && value.toDouble() >= 0);
}

void checkEvent(const CallEvent &event, const AdaptedDelivery &delivery)
{
    FUZZ_CHECK(event.provider == Provider::LiveKit);
    FUZZ_CHECK(event.providerCallId == delivery.providerCallId);
    FUZZ_CHECK(int(event.kind) >= 0 && int(event.kind) <= int(EventKind::Note));
    FUZZ_CHECK(event.kind == EventKind::CallStatus);
    FUZZ_CHECK(!event.offsetMs);
    FUZZ_CHECK(event.twilioCallSid.isEmpty() && event.backendLogId.isEmpty());
    // createdAt is in seconds: an event time is a whole second unless it is the receipt time.
    FUZZ_CHECK(event.occurredAtMs == receivedAtMs ||
               (event.occurredAtMs > 0 && event.occurredAtMs % 1000 == 0));

    const QJsonObject &p = event.payload;
    for (auto it = p.begin(); it != p.end(); ++it) {
        FUZZ_CHECK(!it.value().isNull() && !it.value().isUndefined());
        FUZZ_CHECK(!it.value().isString() || !it.value().toString().isEmpty());
    }
    const auto status = callStatusFromString(p.value("status"_L1).toString());
    FUZZ_CHECK(status);
    FUZZ_CHECK(!p.contains("outcome"_L1) || outcomeFromString(p.value("outcome"_L1).toString()));
    FUZZ_CHECK(!p.contains("outcome"_L1) || *status == CallStatus::Ended);
    FUZZ_CHECK(!p.contains("endedAt"_L1) || *status == CallStatus::Ended);
    FUZZ_CHECK(!p.contains("durationMs"_L1) || *status == CallStatus::Ended);
    FUZZ_CHECK(isMs(p, "durationMs"_L1) && isMs(p, "startedAt"_L1) && isMs(p, "endedAt"_L1));
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
    const AdapterResult result = adaptLiveKit(body, receivedAtMs);
    if (!result) {
        FUZZ_CHECK(!result.error().detail.isEmpty());
        return 0;
    }
    const AdaptedDelivery &d = *result;
    FUZZ_CHECK(!d.eventKey.isEmpty());
    FUZZ_CHECK(!d.eventType.isEmpty());
    FUZZ_CHECK(d.attributed == !d.providerCallId.isEmpty());
    FUZZ_CHECK(d.attributed == d.unattributedReason.isEmpty());
    FUZZ_CHECK(d.attributed || d.events.isEmpty());
    FUZZ_CHECK(d.events.size() <= 1);
    for (const CallEvent &event : d.events)
        checkEvent(event, d);

    const AdapterResult again = adaptLiveKit(body, receivedAtMs);
    FUZZ_CHECK(again && again->eventKey == d.eventKey && again->events.size() == d.events.size());
    for (qsizetype i = 0; i < d.events.size(); ++i)
        FUZZ_CHECK(again->events[i].payload == d.events[i].payload);
    return 0;
}
