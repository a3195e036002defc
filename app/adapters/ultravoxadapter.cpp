// SPDX-License-Identifier: GPL-3.0-or-later
#include "adapter.h"
#include "adapterutil.h"

#include <QJsonArray>
#include <QUrl>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

using namespace AdapterUtil;

AdapterError malformed(const QString &detail)
{
    return AdapterError{u"not an Ultravox webhook: "_s + detail};
}

// Ultravox writes durations the protobuf-JSON way ("63.2s"), but the billedDuration format is
// UNVERIFIED: plain seconds (a number or a numeric string) are read as well.
std::optional<qint64> secondsOrDurationToMs(const QJsonValue &value)
{
    if (value.isString()) {
        if (const auto ms = durationToMs(value.toString()))
            return ms;
    }
    const auto seconds = number(value);
    if (!seconds || !std::isfinite(*seconds) || *seconds < 0 || *seconds > 1e9)
        return std::nullopt;
    return qint64(*seconds * 1000.0 + 0.5);
}

std::optional<qint64> timestamp(const QJsonObject &call, QLatin1StringView key)
{
    const QJsonValue value = call.value(key);
    return value.isString() ? isoToMs(value.toString()) : std::nullopt;
}

std::optional<CallStatus> statusForEvent(QStringView event)
{
    if (event == "call.started"_L1)
        return CallStatus::Queued;
    if (event == "call.joined"_L1)
        return CallStatus::InProgress;
    if (event == "call.ended"_L1 || event == "call.billed"_L1)
        return CallStatus::Ended;
    return std::nullopt;
}

// Only the reasons that say how the call went; hangup, agent_hangup and timeout end a conversation
// that took place, so its length decides (the store's duration rule).
std::optional<Outcome> outcomeForEndReason(QStringView reason)
{
    if (reason == "unjoined"_L1)
        return Outcome::NoAnswer;
    if (reason == "connection_error"_L1 || reason == "system_error"_L1)
        return Outcome::Failed;
    return std::nullopt;
}

struct Leg
{
    QString direction;
    QString fromNumber;
    QString toNumber;
};

// The medium names the transport; only some say which way the call went: webRtc is a browser call,
// a telephony medium with "outgoing" ({to, from}) was dialled by Ultravox, "incoming" was answered.
// A bare {"twilio": {}} or serverWebSocket does not say, so the direction stays unknown.
Leg legFromMedium(const QJsonObject &medium)
{
    Leg leg;
    if (medium.contains("webRtc"_L1)) {
        leg.direction = u"web"_s;
        return leg;
    }
    for (auto it = medium.constBegin(); it != medium.constEnd(); ++it) {
        const QJsonObject config = it.value().toObject();
        const bool outgoing = config.value("outgoing"_L1).isObject();
        if (!outgoing && !config.value("incoming"_L1).isObject())
            continue;
        const QJsonObject numbers = config.value(outgoing ? "outgoing"_L1 : "incoming"_L1).toObject();
        leg.direction = outgoing ? u"outbound"_s : u"inbound"_s;
        leg.fromNumber = numbers.value("from"_L1).toString();
        leg.toNumber = numbers.value("to"_L1).toString();
        break;
    }
    return leg;
}

QString agentOf(const QJsonObject &call)
{
    const QString name = call.value("agent"_L1).toObject().value("name"_L1).toString();
    return name.isEmpty() ? call.value("agentId"_L1).toString() : name;
}

CallEvent eventFor(const QString &callId, EventKind kind, qint64 occurredAtMs)
{
    CallEvent event;
    event.provider = Provider::Ultravox;
    event.providerCallId = callId;
    event.kind = kind;
    event.occurredAtMs = occurredAtMs;
    return event;
}

QJsonObject statusPayload(QStringView eventName, CallStatus status, const QJsonObject &call)
{
    const auto created = timestamp(call, "created"_L1);
    const auto joined = timestamp(call, "joined"_L1);
    const auto ended = timestamp(call, "ended"_L1);

    QJsonObject payload{{"status"_L1, toString(status)}};
    // The call starts when it is joined. call.started says only when it was created: sent late, it
    // would overwrite the join time, so only a call that ended unjoined falls back to creation.
    insertIf(payload, u"startedAt"_s,
             joined ? joined : (status == CallStatus::Ended ? created : std::nullopt));
    insertIf(payload, u"endedAt"_s, ended);

    // Joined to ended is the conversation; the billed duration is Ultravox's own reading of it and
    // the only one call.billed is about.
    // A call that ended without being joined had no conversation: zero, not created to ended.
    const std::optional<qint64> span = joined && ended && *ended >= *joined
                                           ? std::optional<qint64>(*ended - *joined)
                                       : !joined && status == CallStatus::Ended ? std::optional<qint64>(0)
                                                                                : std::nullopt;
    const auto billed = secondsOrDurationToMs(call.value("billedDuration"_L1));
    insertIf(payload, u"durationMs"_s,
             eventName == "call.billed"_L1 ? (billed ? billed : span) : (span ? span : billed));

    if (status == CallStatus::Ended) {
        const QString reason = call.value("endReason"_L1).toString();
        insertIf(payload, u"reason"_s, reason);
        if (const auto outcome = outcomeForEndReason(reason))
            payload.insert("outcome"_L1, toString(*outcome));
    }
    insertIf(payload, u"agent"_s, agentOf(call));
    const Leg leg = legFromMedium(call.value("medium"_L1).toObject());
    insertIf(payload, u"direction"_s, leg.direction);
    insertIf(payload, u"fromNumber"_s, leg.fromNumber);
    insertIf(payload, u"toNumber"_s, leg.toNumber);
    return payload;
}

std::optional<qint64> occurredAt(QStringView eventName, const QJsonObject &call)
{
    if (eventName == "call.started"_L1)
        return timestamp(call, "created"_L1);
    if (eventName == "call.joined"_L1)
        return timestamp(call, "joined"_L1);
    // Billing has no time of its own in the call object; the call's end is the closest fact.
    return timestamp(call, "ended"_L1);
}

} // namespace

AdapterResult adaptUltravox(const QByteArray &body, qint64 receivedAtMs)
{
    const auto parsed = parseObject(body);
    if (!parsed)
        return std::unexpected(parsed.error());
    const QJsonObject &root = *parsed;
    const QString eventName = root.value("event"_L1).toString();
    if (eventName.isEmpty())
        return std::unexpected(malformed(u"no \"event\" string"_s));
    if (!root.value("call"_L1).isObject())
        return std::unexpected(malformed(u"no \"call\" object"_s));
    const QJsonObject call = root.value("call"_L1).toObject();

    AdaptedDelivery delivery;
    delivery.eventType = eventName;
    delivery.providerCallId = call.value("callId"_L1).toString();
    if (delivery.providerCallId.isEmpty()) {
        // Without a call id there is no idempotency key from the spec; the body's hash still makes a
        // redelivery of the same bytes a duplicate.
        delivery.eventKey = eventName + u":sha256:"_s + sha256Hex(body);
        delivery.attributed = false;
        delivery.unattributedReason = u"the call object has no callId"_s;
        return delivery;
    }
    delivery.eventKey = eventName + u':' + delivery.providerCallId;

    const auto status = statusForEvent(eventName);
    if (!status)
        return delivery;

    const qint64 occurredAtMs = occurredAt(eventName, call).value_or(receivedAtMs);
    CallEvent statusEvent = eventFor(delivery.providerCallId, EventKind::CallStatus, occurredAtMs);
    statusEvent.payload = statusPayload(eventName, *status, call);
    delivery.events.append(statusEvent);

    if (*status == CallStatus::Ended) {
        QString summary = call.value("shortSummary"_L1).toString();
        if (summary.isEmpty())
            summary = call.value("summary"_L1).toString();
        if (!summary.isEmpty()) {
            CallEvent analysis = eventFor(delivery.providerCallId, EventKind::CallAnalysis, occurredAtMs);
            analysis.payload.insert("summary"_L1, summary);
            delivery.events.append(analysis);
        }
    }
    return delivery;
}

// Offsets come from each message's timespan ("4.000s" from the call's start). A message without one
// is placed where the previous message ended (0 on a page's first), so the order is kept and the
// result depends on the page alone; such segments carry "offsetInferred": true and no endMs. An
// utterance whose start its role already has on this page moves 1 ms later (TurnClock): the store
// would otherwise keep only one of them.
std::expected<UltravoxMessagesPage, AdapterError>
adaptUltravoxMessages(const QString &callId, const QByteArray &body, qint64 receivedAtMs, TurnClock *pages)
{
    if (callId.isEmpty())
        return std::unexpected(AdapterError{u"no Ultravox call id for the messages page"_s});
    const auto parsed = parseObject(body);
    if (!parsed)
        return std::unexpected(parsed.error());
    const QJsonObject &root = *parsed;
    if (!root.value("results"_L1).isArray())
        return std::unexpected(AdapterError{u"not an Ultravox messages page: no \"results\" array"_s});

    UltravoxMessagesPage page;
    const QJsonValue next = root.value("next"_L1);
    if (next.isString() && !next.toString().isEmpty()) {
        // The caller fetches this URL with the API key: only an absolute web address is followed.
        const QUrl url(next.toString(), QUrl::StrictMode);
        const QString scheme = url.scheme();
        if (!url.isValid() || url.isRelative() || url.host().isEmpty() ||
            (scheme != "https"_L1 && scheme != "http"_L1))
            return std::unexpected(AdapterError{u"the messages page's \"next\" is not an absolute URL"_s});
        // The URL as QUrl understood it (scheme lower-cased), so every later check sees the same.
        page.next = url.toString(QUrl::FullyEncoded);
    } else if (!next.isNull() && !next.isUndefined() && !next.isString()) {
        return std::unexpected(AdapterError{u"the messages page's \"next\" is not a string"_s});
    }

    TurnClock ownClock;
    TurnClock &clock = pages ? *pages : ownClock;
    const QJsonArray results = root.value("results"_L1).toArray();
    for (const QJsonValue &value : results) {
        const QJsonObject message = value.toObject();
        const QJsonObject timespan = message.value("timespan"_L1).toObject();
        const QString role = message.value("role"_L1).toString();
        const QString text = message.value("text"_L1).toString();
        // The speaker as the store sees it; empty for a message that is not an utterance.
        const QString speaker = role == "MESSAGE_ROLE_USER"_L1    ? u"user"_s
                                : role == "MESSAGE_ROLE_AGENT"_L1 ? u"agent"_s
                                                                  : QString();
        const auto knownStart = secondsOrDurationToMs(timespan.value("start"_L1));
        auto endMs = secondsOrDurationToMs(timespan.value("end"_L1));
        qint64 startMs = knownStart.value_or(clock.lastEndMs());
        if (!speaker.isEmpty() && !text.isEmpty()) {
            const qint64 claimedMs = clock.claim(speaker, startMs);
            // A turn the move takes past its own end ends where it now starts.
            if (claimedMs != startMs && endMs && *endMs < claimedMs)
                endMs = claimedMs;
            startMs = claimedMs;
        }
        // Every message moves the time line on, none back.
        clock.ended(std::max(clock.lastEndMs(), endMs.value_or(startMs)));

        const QString toolName = message.value("toolName"_L1).toString();
        const QString invocationId = message.value("invocationId"_L1).toString();
        CallEvent event = eventFor(callId, EventKind::TranscriptSegment, receivedAtMs);
        event.offsetMs = startMs;
        QJsonObject &payload = event.payload;

        if (!speaker.isEmpty()) {
            // An utterance with no text (unrecognised speech) has nothing to show.
            if (text.isEmpty())
                continue;
            payload.insert("role"_L1, speaker);
            payload.insert("text"_L1, text);
            insertIf(payload, u"startMs"_s, startMs);
            insertIf(payload, u"endMs"_s, endMs);
            if (!knownStart)
                payload.insert("offsetInferred"_L1, true);
        } else if (role == "MESSAGE_ROLE_TOOL_CALL"_L1) {
            event.kind = EventKind::FunctionStarted;
            insertIf(payload, u"toolCallId"_s, invocationId);
            insertIf(payload, u"name"_s, toolName);
            if (!text.isEmpty())
                payload.insert("arguments"_L1, parseJsonText(text));
        } else if (role == "MESSAGE_ROLE_TOOL_RESULT"_L1) {
            // The text is what the model was told, also for a failure; Ultravox keeps the failure
            // itself in errorDetails, the only explicit error marker: without it the call succeeded.
            event.kind = EventKind::FunctionFinished;
            const QString errorDetails = message.value("errorDetails"_L1).toString();
            insertIf(payload, u"toolCallId"_s, invocationId);
            insertIf(payload, u"name"_s, toolName);
            payload.insert("status"_L1, toString(errorDetails.isEmpty() ? FunctionStatus::Success
                                                                        : FunctionStatus::Error));
            if (!text.isEmpty())
                payload.insert("result"_L1, parseJsonText(text));
            if (!errorDetails.isEmpty())
                payload.insert("error"_L1, parseJsonText(errorDetails));
        } else {
            continue;
        }
        page.events.append(event);
    }
    return page;
}

} // namespace CallScope
