// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every fuzz target checks, beside "no crash": the invariants the store relies on for any
// delivery an adapter accepts, and that the same bytes always give the same result.
#include "adapters/adapter.h"

#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

namespace CallScope::FuzzCheck {

[[noreturn]] inline void broken(const char *target, const char *invariant, int line)
{
    std::fprintf(stderr, "%s: invariant broken at line %d: %s\n", target, line, invariant);
    std::abort();
}

} // namespace CallScope::FuzzCheck

// FUZZ_TARGET names the target in messages; define it before including this header.
#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            ::CallScope::FuzzCheck::broken(FUZZ_TARGET, #condition, __LINE__);                               \
    } while (false)

namespace CallScope::FuzzCheck {

// Every event: of this provider and call, a known kind, no null or undefined payload value, a
// status and outcome the store knows, non-negative offsets and durations, times that are numbers.
inline void checkEvent(Provider provider, const AdaptedDelivery &delivery, const CallEvent &event)
{
    using namespace Qt::Literals::StringLiterals;
    FUZZ_CHECK(event.provider == provider);
    FUZZ_CHECK(event.providerCallId == delivery.providerCallId);
    FUZZ_CHECK(eventKindFromString(toString(event.kind)) == event.kind);
    FUZZ_CHECK(!event.offsetMs || *event.offsetMs >= 0);
    const QJsonObject &p = event.payload;
    for (auto it = p.constBegin(); it != p.constEnd(); ++it)
        FUZZ_CHECK(!it.value().isNull() && !it.value().isUndefined());
    FUZZ_CHECK(!p.contains("outcome"_L1) || outcomeFromString(p.value("outcome"_L1).toString()));
    for (const auto key : {"durationMs"_L1, "startMs"_L1, "endMs"_L1})
        FUZZ_CHECK(!p.contains(key) || (p.value(key).isDouble() && p.value(key).toDouble() >= 0));
    // Retell, Vapi, Ultravox and Twilio pass a provider's time on as it is: one before 1970 is negative.
    for (const auto key : {"startedAt"_L1, "endedAt"_L1})
        FUZZ_CHECK(!p.contains(key) || p.value(key).isDouble());
    switch (event.kind) {
    case EventKind::CallStatus:
        FUZZ_CHECK(callStatusFromString(p.value("status"_L1).toString()));
        break;
    case EventKind::TranscriptSegment: {
        const QString role = p.value("role"_L1).toString();
        FUZZ_CHECK(role == "agent"_L1 || role == "user"_L1 || role == "system"_L1);
        FUZZ_CHECK(event.offsetMs && double(*event.offsetMs) == p.value("startMs"_L1).toDouble());
        break;
    }
    // An Ultravox message without an invocationId gives a function event without a toolCallId: the
    // store keeps it as an event with nothing to match.
    case EventKind::FunctionStarted:
        FUZZ_CHECK(provider == Provider::Ultravox || !p.value("toolCallId"_L1).toString().isEmpty());
        break;
    case EventKind::FunctionFinished: {
        FUZZ_CHECK(provider == Provider::Ultravox || !p.value("toolCallId"_L1).toString().isEmpty());
        const auto status = functionStatusFromString(p.value("status"_L1).toString());
        FUZZ_CHECK(status && *status != FunctionStatus::Pending);
        break;
    }
    default:
        break;
    }
}

// The delivery: identified, attributed exactly when it names a call, and the same again.
inline void checkDelivery(Provider provider, const AdapterResult &result, const AdapterResult &again)
{
    FUZZ_CHECK(bool(result) == bool(again));
    if (!result) {
        FUZZ_CHECK(!result.error().detail.isEmpty());
        return;
    }
    const AdaptedDelivery &d = *result;
    FUZZ_CHECK(!d.eventKey.isEmpty());
    // Twilio's event type is the CallStatus, which a voice request without one leaves empty.
    FUZZ_CHECK(!d.eventType.isEmpty() || provider == Provider::Twilio);
    FUZZ_CHECK(d.attributed == !d.providerCallId.isEmpty());
    FUZZ_CHECK(d.attributed == d.unattributedReason.isEmpty());
    FUZZ_CHECK(d.attributed || d.events.isEmpty());
    for (const CallEvent &event : d.events)
        checkEvent(provider, d, event);
    FUZZ_CHECK(again->eventKey == d.eventKey && again->eventType == d.eventType);
    FUZZ_CHECK(again->events.size() == d.events.size() && again->redactedBody == d.redactedBody);
    for (qsizetype i = 0; i < d.events.size(); ++i) {
        FUZZ_CHECK(again->events[i].kind == d.events[i].kind &&
                   again->events[i].payload == d.events[i].payload);
        FUZZ_CHECK(again->events[i].offsetMs == d.events[i].offsetMs);
    }
}

} // namespace CallScope::FuzzCheck
