// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every fuzz target checks, beside "no crash": the invariants the store relies on for any
// delivery an adapter accepts, and that the same bytes always give the same result.
#include "adapters/adapter.h"

#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

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

// The delivery: identified, attributed exactly when it names a call, and the same again down to the
// error text and the event times.
inline void checkDelivery(Provider provider, const AdapterResult &result, const AdapterResult &again)
{
    FUZZ_CHECK(bool(result) == bool(again));
    if (!result) {
        FUZZ_CHECK(!result.error().detail.isEmpty());
        FUZZ_CHECK(result.error().detail == again.error().detail);
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
    FUZZ_CHECK(again->attributed == d.attributed);
    FUZZ_CHECK(again->events.size() == d.events.size() && again->redactedBody == d.redactedBody);
    for (qsizetype i = 0; i < d.events.size(); ++i) {
        FUZZ_CHECK(again->events[i].kind == d.events[i].kind &&
                   again->events[i].payload == d.events[i].payload);
        FUZZ_CHECK(again->events[i].offsetMs == d.events[i].offsetMs);
        FUZZ_CHECK(again->events[i].occurredAtMs == d.events[i].occurredAtMs);
    }
}

// Adapts the body twice with the same clock and checks the delivery as above; returns the first.
inline AdapterResult checkDelivery(Provider provider, AdapterResult (*adapt)(const QByteArray &, qint64),
                                   const QByteArray &body, qint64 receivedAtMs)
{
    AdapterResult result = adapt(body, receivedAtMs);
    checkDelivery(provider, result, adapt(body, receivedAtMs));
    return result;
}

// Adapters leave a key whose value is unknown out: no payload value is an empty string.
inline void checkNoEmptyStrings(const CallEvent &event)
{
    const QJsonObject &p = event.payload;
    for (auto it = p.begin(); it != p.end(); ++it)
        FUZZ_CHECK(!it.value().isString() || !it.value().toString().isEmpty());
}

// The store keeps one turn per (call, role, startMs): two turns of one delivery must never collide.
inline void checkDistinctTurns(const CallEvents &events)
{
    using namespace Qt::Literals::StringLiterals;
    QSet<std::pair<QString, qint64>> turns;
    for (const CallEvent &event : events) {
        if (event.kind != EventKind::TranscriptSegment)
            continue;
        FUZZ_CHECK(event.offsetMs);
        const std::pair<QString, qint64> turn{event.payload.value("role"_L1).toString(), *event.offsetMs};
        FUZZ_CHECK(!turns.contains(turn));
        turns.insert(turn);
    }
}

inline bool isMs(const QJsonValue &value)
{
    return value.isDouble() && std::isfinite(value.toDouble()) && value.toDouble() >= 0;
}

// What adapters that place events on the call's time line (Retell, Vapi) give beside checkEvent: a
// direction the store knows, finite times, turns with text that end no earlier than they start and
// never collide, an error only for a failed function, transitions from or to somewhere, costs that
// are numbers, notes with text.
inline void checkTimedEvents(const CallEvents &events)
{
    using namespace Qt::Literals::StringLiterals;
    for (const CallEvent &event : events) {
        const QJsonObject &p = event.payload;
        switch (event.kind) {
        case EventKind::CallStatus:
            if (p.contains("direction"_L1))
                FUZZ_CHECK(QStringList({u"inbound"_s, u"outbound"_s, u"web"_s})
                               .contains(p.value("direction"_L1).toString()));
            if (p.contains("durationMs"_L1))
                FUZZ_CHECK(isMs(p.value("durationMs"_L1)));
            break;
        case EventKind::TranscriptSegment:
            FUZZ_CHECK(!p.value("text"_L1).toString().isEmpty());
            FUZZ_CHECK(isMs(p.value("startMs"_L1)));
            if (p.contains("endMs"_L1))
                FUZZ_CHECK(isMs(p.value("endMs"_L1)) &&
                           p.value("endMs"_L1).toDouble() >= p.value("startMs"_L1).toDouble());
            break;
        case EventKind::FunctionFinished:
            if (p.contains("error"_L1))
                FUZZ_CHECK(functionStatusFromString(p.value("status"_L1).toString()) ==
                           FunctionStatus::Error);
            break;
        case EventKind::FlowTransition:
            FUZZ_CHECK(p.contains("from"_L1) || p.contains("to"_L1));
            break;
        case EventKind::CallCost:
            FUZZ_CHECK(p.value("costCents"_L1).isDouble() &&
                       std::isfinite(p.value("costCents"_L1).toDouble()));
            break;
        case EventKind::Note:
            FUZZ_CHECK(!p.value("text"_L1).toString().isEmpty());
            break;
        default:
            break;
        }
    }
    checkDistinctTurns(events);
}

} // namespace CallScope::FuzzCheck
