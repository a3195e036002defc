// SPDX-License-Identifier: GPL-3.0-or-later
#include "adapter.h"
#include "adapterutil.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

using namespace AdapterUtil;

AdapterError malformed(const QString &detail)
{
    return AdapterError{u"not a LiveKit WebhookEvent: "_s + detail};
}

// Beyond the year 5000 a "unix seconds" value is garbage; bounding it keeps the ms arithmetic exact.
constexpr qint64 maxUnixSeconds = 100'000'000'000;

// protojson writes int64 as a string, other encoders as a number; a zero is omitted altogether.
std::optional<qint64> unixSeconds(const QJsonValue &value)
{
    const auto seconds = integer(value);
    if (!seconds || *seconds <= 0 || *seconds > maxUnixSeconds)
        return std::nullopt;
    return seconds;
}

// livekit_models.proto DisconnectReason, by number (protojson may write either form).
constexpr std::array<QLatin1StringView, 17> disconnectReasonNames{
    "UNKNOWN_REASON"_L1,      // 0
    "CLIENT_INITIATED"_L1,    // 1
    "DUPLICATE_IDENTITY"_L1,  // 2
    "SERVER_SHUTDOWN"_L1,     // 3
    "PARTICIPANT_REMOVED"_L1, // 4
    "ROOM_DELETED"_L1,        // 5
    "STATE_MISMATCH"_L1,      // 6
    "JOIN_FAILURE"_L1,        // 7
    "MIGRATION"_L1,           // 8
    "SIGNAL_CLOSE"_L1,        // 9
    "ROOM_CLOSED"_L1,         // 10
    "USER_UNAVAILABLE"_L1,    // 11: SIP callee did not answer in time
    "USER_REJECTED"_L1,       // 12: SIP callee rejected the call (busy)
    "SIP_TRUNK_FAILURE"_L1,   // 13
    "CONNECTION_TIMEOUT"_L1,  // 14
    "MEDIA_FAILURE"_L1,       // 15
    "AGENT_ERROR"_L1,         // 16
};

// The reason's name; a number this table does not know stays a number, as the provider's value.
QString disconnectReason(const QJsonValue &value)
{
    const auto index = integer(value); // a name does not parse as a number and is kept as it is
    if (!index)
        return value.toString();
    if (*index >= 0 && *index < qint64(disconnectReasonNames.size()))
        return QString(disconnectReasonNames[size_t(*index)]);
    return QString::number(*index);
}

std::optional<Outcome> outcomeForDisconnect(QStringView reason)
{
    if (reason == "USER_UNAVAILABLE"_L1)
        return Outcome::NoAnswer;
    if (reason == "USER_REJECTED"_L1)
        return Outcome::Busy;
    if (reason == "SIP_TRUNK_FAILURE"_L1 || reason == "CONNECTION_TIMEOUT"_L1 ||
        reason == "MEDIA_FAILURE"_L1 || reason == "AGENT_ERROR"_L1)
        return Outcome::Failed;
    return std::nullopt;
}

// ParticipantInfo.Kind SIP = 3. Servers from before the kind field still mark a phone line by its
// sip.callID attribute; an explicit other kind (STANDARD is 0 and omitted) wins over attributes.
bool isSipParticipant(const QJsonObject &participant)
{
    const QJsonValue kind = participant.value("kind"_L1);
    if (kind.isUndefined() || kind.isNull())
        return !participant.value("attributes"_L1).toObject().value("sip.callID"_L1).toString().isEmpty();
    return kind.toString() == "SIP"_L1 || integer(kind) == 3;
}

bool stillDialling(const QString &sipCallStatus)
{
    return sipCallStatus == "dialing"_L1 || sipCallStatus == "ringing"_L1;
}

// LiveKit sets no direction attribute, but its attributes tell: sip.ruleID (the dispatch rule)
// exists only on calls that came in; an outbound call (CreateSIPParticipant) has sip.trunkID without
// a rule and starts "dialing". An explicit sip.callDirection (set by some deployments) wins.
// Otherwise the call is taken as inbound.
QString directionOf(const QJsonObject &attributes)
{
    const QString stated = attributes.value("sip.callDirection"_L1).toString().toLower();
    if (stated == "inbound"_L1 || stated == "outbound"_L1)
        return stated;
    if (!attributes.value("sip.ruleID"_L1).toString().isEmpty())
        return u"inbound"_s;
    if (attributes.value("sip.callStatus"_L1).toString() == "dialing"_L1 ||
        !attributes.value("sip.trunkID"_L1).toString().isEmpty())
        return u"outbound"_s;
    return u"inbound"_s;
}

std::optional<qint64> joinedAtMs(const QJsonObject &participant)
{
    if (const auto seconds = unixSeconds(participant.value("joinedAt"_L1)))
        return *seconds * 1000;
    const auto ms = integer(participant.value("joinedAtMs"_L1));
    if (ms && *ms > 0 && *ms <= maxUnixSeconds * 1000)
        return ms;
    return std::nullopt;
}

// The SIP participant is the phone line: its join is the call's start, its departure the call's end.
CallEvent sipStatusEvent(QStringView eventName, const QJsonObject &participant,
                         std::optional<qint64> createdAtMs)
{
    const QJsonObject attributes = participant.value("attributes"_L1).toObject();
    const QString sipCallStatus = attributes.value("sip.callStatus"_L1).toString();
    const QString direction = directionOf(attributes);
    // sip.phoneNumber is the far end (the caller inbound, the callee outbound), sip.trunkPhoneNumber ours.
    const QString remote = attributes.value("sip.phoneNumber"_L1).toString();
    const QString local = attributes.value("sip.trunkPhoneNumber"_L1).toString();
    const bool outbound = direction == "outbound"_L1;
    const auto joinedMs = joinedAtMs(participant);

    CallEvent event;
    event.kind = EventKind::CallStatus;
    event.sipCallId = attributes.value("sip.callID"_L1).toString();
    QJsonObject &payload = event.payload;
    payload.insert("direction"_L1, direction);
    insertIf(payload, u"fromNumber"_s, outbound ? local : remote);
    insertIf(payload, u"toNumber"_s, outbound ? remote : local);
    insertIf(payload, u"startedAt"_s, joinedMs);

    if (eventName == "participant_joined"_L1) {
        payload.insert("status"_L1,
                       toString(stillDialling(sipCallStatus) ? CallStatus::Ringing : CallStatus::InProgress));
        return event;
    }

    payload.insert("status"_L1, toString(CallStatus::Ended));
    insertIf(payload, u"endedAt"_s, createdAtMs);
    const QJsonValue reasonValue = participant.value("disconnectReason"_L1);
    const QString reason =
        reasonValue.isUndefined() || reasonValue.isNull() ? QString() : disconnectReason(reasonValue);
    insertIf(payload, u"reason"_s, reason);
    std::optional<Outcome> outcome = outcomeForDisconnect(reason);
    if (stillDialling(sipCallStatus)) {
        // The line left before anyone answered: the time in the room was ringing, not talking.
        payload.insert("durationMs"_L1, 0);
        if (!outcome)
            outcome = Outcome::NoAnswer;
    } else if (joinedMs && createdAtMs && *createdAtMs >= *joinedMs) {
        payload.insert("durationMs"_L1, double(*createdAtMs - *joinedMs));
    }
    if (outcome)
        payload.insert("outcome"_L1, toString(*outcome));
    return event;
}

std::optional<AdapterError> checkObject(const QJsonObject &root, QLatin1StringView key)
{
    const QJsonValue value = root.value(key);
    if (value.isUndefined() || value.isNull() || value.isObject())
        return std::nullopt;
    return malformed(u"\"%1\" is not an object"_s.arg(key));
}

} // namespace

AdapterResult adaptLiveKit(const QByteArray &body, qint64 receivedAtMs)
{
    const auto parsed = parseObject(body);
    if (!parsed)
        return std::unexpected(parsed.error());
    const QJsonObject &root = *parsed;
    const QString eventName = root.value("event"_L1).toString();
    if (eventName.isEmpty())
        return std::unexpected(malformed(u"no \"event\" string"_s));
    for (const auto key : {"room"_L1, "participant"_L1}) {
        if (auto error = checkObject(root, key))
            return std::unexpected(*error);
    }
    const QJsonObject room = root.value("room"_L1).toObject();
    const QJsonObject participant = root.value("participant"_L1).toObject();

    AdaptedDelivery delivery;
    delivery.eventType = eventName;
    // Every event LiveKit sends has an id; a body without one (the SDK's own test vector) is keyed by
    // its bytes so that a redelivery is still a duplicate.
    delivery.eventKey = root.value("id"_L1).toString();
    if (delivery.eventKey.isEmpty())
        delivery.eventKey = u"sha256:"_s + sha256Hex(body);
    delivery.providerCallId = room.value("sid"_L1).toString();
    if (delivery.providerCallId.isEmpty()) {
        delivery.attributed = false;
        delivery.unattributedReason = u"the event names no room sid"_s;
        return delivery;
    }

    const auto createdAt = unixSeconds(root.value("createdAt"_L1));
    const std::optional<qint64> createdAtMs =
        createdAt ? std::optional<qint64>(*createdAt * 1000) : std::nullopt;

    CallEvent event;
    if (eventName == "room_started"_L1) {
        // No start time: the room's creation is not the call's, and a late room_started must not
        // move the start a SIP participant's join already gave.
        event.kind = EventKind::CallStatus;
        event.payload.insert("status"_L1, toString(CallStatus::Queued));
    } else if (eventName == "room_finished"_L1) {
        event.kind = EventKind::CallStatus;
        event.payload.insert("status"_L1, toString(CallStatus::Ended));
        insertIf(event.payload, u"endedAt"_s, createdAtMs);
    } else if ((eventName == "participant_joined"_L1 || eventName == "participant_left"_L1 ||
                eventName == "participant_connection_aborted"_L1) &&
               isSipParticipant(participant)) {
        event = sipStatusEvent(eventName, participant, createdAtMs);
    } else {
        // Agents, web participants, tracks, egress, ingress, agent jobs: listed with the call, no fact
        // about the phone call in them.
        return delivery;
    }
    event.provider = Provider::LiveKit;
    event.providerCallId = delivery.providerCallId;
    event.occurredAtMs = createdAtMs.value_or(receivedAtMs);
    // People know a LiveKit call by its room's name more than by its sid (livekit:{name} resolves).
    insertIf(event.payload, u"roomName"_s, room.value("name"_L1).toString());
    delivery.events.append(event);
    return delivery;
}

} // namespace CallScope
