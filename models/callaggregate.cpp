// SPDX-License-Identifier: GPL-3.0-or-later
#include "callaggregate.h"

#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

std::optional<qint64> optionalMs(const QJsonObject &payload, QLatin1StringView key)
{
    const QJsonValue value = payload.value(key);
    if (!value.isDouble())
        return std::nullopt;
    return qint64(value.toDouble());
}

// The platform's value replaces; the carrier's only fills a gap.
void merge(QString &field, const QJsonObject &payload, QLatin1StringView key, bool fromPlatform)
{
    const QString value = payload.value(key).toString();
    if (!value.isEmpty() && (fromPlatform || field.isEmpty()))
        field = value;
}

void merge(std::optional<qint64> &field, const QJsonObject &payload, QLatin1StringView key, bool fromPlatform)
{
    if (const auto value = optionalMs(payload, key); value && (fromPlatform || !field))
        field = value;
}

} // namespace

void CallAggregate::apply(const CallEvent &event)
{
    const bool fromPlatform = event.provider == provider;
    dirty = true;
    ++eventDelta;
    if (firstEventAt == 0 || event.occurredAtMs < firstEventAt)
        firstEventAt = event.occurredAtMs;
    lastEventAt = std::max(lastEventAt, event.occurredAtMs);
    if (!event.twilioCallSid.isEmpty() && twilioCallSid.isEmpty()) {
        twilioCallSid = event.twilioCallSid;
        learnedCarrierSid = provider != Provider::Twilio;
    }
    if (!event.sipCallId.isEmpty() && sipCallId.isEmpty())
        sipCallId = event.sipCallId;
    if (!event.backendLogId.isEmpty() && backendLogId.isEmpty())
        backendLogId = event.backendLogId;

    switch (event.kind) {
    case EventKind::CallStatus:
        applyStatus(event, fromPlatform);
        break;
    case EventKind::CallAnalysis:
        if (event.payload.contains("outcome"_L1))
            decideOutcome(event, fromPlatform);
        break;
    case EventKind::CallCost:
        if (const QJsonValue cents = event.payload.value("costCents"_L1); cents.isDouble())
            costCents = cents.toDouble();
        break;
    case EventKind::Error:
        ++errorEventDelta;
        break;
    default:
        break;
    }
}

void CallAggregate::fillGapsFrom(const CallAggregate &carrier)
{
    const auto fill = [](QString &field, const QString &value) {
        if (field.isEmpty())
            field = value;
    };
    fill(direction, carrier.direction);
    fill(fromNumber, carrier.fromNumber);
    fill(toNumber, carrier.toNumber);
    fill(endedReason, carrier.endedReason);
    if (!startedAt)
        startedAt = carrier.startedAt;
    if (!endedAt)
        endedAt = carrier.endedAt;
    if (!durationMs)
        durationMs = carrier.durationMs;
    if (progressRank(carrier.status) > progressRank(status))
        status = carrier.status;
    if (carrier.outcome) {
        OutcomeDecision asCarrier = *carrier.outcome;
        asCarrier.source = OutcomeSource::Carrier;
        if (OutcomeRule::supersedes(asCarrier, outcome))
            outcome = asCarrier;
    }
    if (carrier.firstEventAt > 0 && (firstEventAt == 0 || carrier.firstEventAt < firstEventAt))
        firstEventAt = carrier.firstEventAt;
    lastEventAt = std::max(lastEventAt, carrier.lastEventAt);
}

void CallAggregate::applyStatus(const CallEvent &event, bool fromPlatform)
{
    const QJsonObject &payload = event.payload;
    if (const auto incoming = callStatusFromString(payload.value("status"_L1).toString());
        incoming && progressRank(*incoming) > progressRank(status))
        status = *incoming;

    merge(direction, payload, "direction"_L1, fromPlatform);
    merge(fromNumber, payload, "fromNumber"_L1, fromPlatform);
    merge(toNumber, payload, "toNumber"_L1, fromPlatform);
    merge(agent, payload, "agent"_L1, fromPlatform);
    merge(roomName, payload, "roomName"_L1, fromPlatform);
    merge(startedAt, payload, "startedAt"_L1, fromPlatform);
    merge(endedAt, payload, "endedAt"_L1, fromPlatform);
    merge(durationMs, payload, "durationMs"_L1, fromPlatform);
    if (!durationMs && startedAt && endedAt && *endedAt >= *startedAt)
        durationMs = *endedAt - *startedAt;

    if (status == CallStatus::Ended || payload.contains("outcome"_L1))
        decideOutcome(event, fromPlatform);
}

void CallAggregate::decideOutcome(const CallEvent &event, bool fromPlatform)
{
    const QJsonObject &payload = event.payload;
    const auto reasonOutcome = outcomeFromString(payload.value("outcome"_L1).toString());
    const OutcomeSource source =
        fromPlatform && event.provider != Provider::Twilio ? OutcomeSource::Platform : OutcomeSource::Carrier;
    const QString reason = payload.value("reason"_L1).toString();
    const auto decision = OutcomeRule::decide(reasonOutcome, durationMs, source);
    if (!decision || !OutcomeRule::supersedes(*decision, outcome)) {
        if (endedReason.isEmpty())
            endedReason = reason;
        return;
    }
    outcome = decision;
    if (!reason.isEmpty())
        endedReason = reason;
}

} // namespace CallScope
