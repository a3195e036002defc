// SPDX-License-Identifier: GPL-3.0-or-later
#include "adapter.h"
#include "adapterutil.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

#include <cmath>
#include <utility>

using namespace Qt::Literals::StringLiterals;

// Vapi delivers server messages {message: {type, timestamp, call, ...}} (docs.vapi.ai "Server events",
// the OpenAPI ServerMessage* types); only a few of them say anything about the call's course.
namespace CallScope {

namespace {

using namespace AdapterUtil;

// Vapi echoes the phone number's Twilio credentials in message.phoneNumber (and call.phoneNumber):
// they must never reach the database. Removes them at any depth; true when any was there.
bool redact(QJsonValue &value)
{
    static constexpr QLatin1StringView secretKeys[] = {"twilioAuthToken"_L1, "twilioApiSecret"_L1};
    bool removed = false;
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (const QLatin1StringView key : secretKeys) {
            if (object.contains(key)) {
                object.remove(key);
                removed = true;
            }
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            QJsonValue child = it.value();
            if (redact(child)) {
                it.value() = child;
                removed = true;
            }
        }
        if (removed)
            value = object;
    } else if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it) {
            QJsonValue child = *it;
            if (redact(child)) {
                *it = child;
                removed = true;
            }
        }
        if (removed)
            value = array;
    }
    return removed;
}

// The key names the message by its timestamp exactly as sent (a number of ms, or a string).
QString timestampText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return {};
    const double ms = value.toDouble();
    if (ms == std::trunc(ms) && std::abs(ms) < 9.0e15)
        return QString::number(qint64(ms));
    return QString::number(ms, 'g', 17);
}

// Vapi's times: epoch ms as numbers, ISO 8601 as strings (older messages), both accepted everywhere.
std::optional<qint64> timeMs(const QJsonValue &value)
{
    if (value.isString()) {
        if (const auto iso = isoToMs(value.toString()))
            return iso;
    }
    return integer(value);
}

// An offset or duration in ms: a number of at most a year.
std::optional<qint64> spanMs(const QJsonValue &value)
{
    const auto ms = number(value);
    if (!ms || !std::isfinite(*ms) || *ms < 0 || *ms > 31'536'000'000.0)
        return std::nullopt;
    return std::llround(*ms);
}

std::optional<qint64> difference(std::optional<qint64> later, std::optional<qint64> earlier)
{
    if (!later || !earlier || *later < *earlier || *later - *earlier > 31'536'000'000LL)
        return std::nullopt;
    return *later - *earlier;
}

std::optional<Outcome> outcomeForReason(QStringView reason)
{
    if (reason == "customer-busy"_L1)
        return Outcome::Busy;
    if (reason == "customer-did-not-answer"_L1)
        return Outcome::NoAnswer;
    if (reason == "voicemail"_L1)
        return Outcome::Voicemail;
    if (reason == "assistant-forwarded-call"_L1)
        return Outcome::Transferred;
    if (reason.contains("error"_L1) || reason == "twilio-failed-to-connect-call"_L1 ||
        reason.startsWith("pipeline-error-"_L1))
        return Outcome::Failed;
    return std::nullopt;
}

std::optional<CallStatus> statusFor(QStringView status)
{
    if (status == "scheduled"_L1 || status == "queued"_L1)
        return CallStatus::Queued;
    if (status == "ringing"_L1)
        return CallStatus::Ringing;
    // Forwarding is the assistant handing the live call on; the call goes on.
    if (status == "in-progress"_L1 || status == "forwarding"_L1)
        return CallStatus::InProgress;
    if (status == "ended"_L1)
        return CallStatus::Ended;
    return std::nullopt;
}

QString firstString(std::initializer_list<QString> candidates)
{
    for (const QString &candidate : candidates) {
        if (!candidate.isEmpty())
            return candidate;
    }
    return {};
}

// Vapi's speakers: the assistant is "bot" in artifact messages and "assistant" in live transcripts.
QString roleFor(QStringView role)
{
    if (role == "assistant"_L1 || role == "bot"_L1)
        return u"agent"_s;
    if (role == "user"_L1)
        return u"user"_s;
    return {};
}

// "true"/"pass"/"yes" and their opposites, as the boolean and pass/fail rubrics give them; a score on
// a scale says nothing about success by itself.
std::optional<bool> booleanLike(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    if (text == "true"_L1 || text == "pass"_L1 || text == "yes"_L1)
        return true;
    if (text == "false"_L1 || text == "fail"_L1 || text == "no"_L1)
        return false;
    return std::nullopt;
}

// Both tool call shapes: {id, type: "function", function: {name, arguments}} with the arguments as
// JSON text or as JSON, and the flattened {id, name, parameters}.
QJsonObject toolCallPayload(const QJsonObject &toolCall)
{
    const QJsonObject function = toolCall.value("function"_L1).toObject();
    QJsonObject payload;
    insertIf(payload, u"toolCallId"_s, stringAt(toolCall, "id"_L1));
    const QString name = stringAt(function, "name"_L1);
    insertIf(payload, u"name"_s, name.isEmpty() ? stringAt(toolCall, "name"_L1) : name);
    QJsonValue arguments = function.value("arguments"_L1);
    if (arguments.isUndefined() || arguments.isNull())
        arguments = toolCall.value("parameters"_L1);
    if (arguments.isUndefined() || arguments.isNull())
        arguments = toolCall.value("arguments"_L1);
    if (const auto content = jsonContent(arguments))
        payload.insert("arguments"_L1, *content);
    return payload;
}

class VapiMessage
{
public:
    VapiMessage(const QJsonObject &message, qint64 receivedAtMs)
        : m_message(message)
        , m_call(message.value("call"_L1).toObject())
        , m_timestampMs(timeMs(message.value("timestamp"_L1)))
        , m_events(Provider::Vapi, m_call.value("id"_L1).toString(), twilioCallSid(), callStartMs(),
                   m_timestampMs.value_or(receivedAtMs))
    {}

    CallEvents adapt(const QString &type)
    {
        if (type == "status-update"_L1)
            statusUpdate();
        else if (type == "transcript"_L1 || type == "transcript[transcriptType=\"final\"]"_L1)
            transcript();
        else if (type == "tool-calls"_L1)
            toolCalls();
        else if (type == "end-of-call-report"_L1)
            endOfCallReport();
        else if (type == "hang"_L1)
            m_events.add(EventKind::Note, {{"text"_L1, u"hang: the assistant did not respond"_s}},
                         liveOffset());
        else if (type == "transfer-update"_L1)
            transferUpdate();
        // conversation-update, speech-update, user-interrupted and the rest restate or anticipate
        // what the types above report: kept as receipts only.
        return m_events.take();
    }

private:
    // phoneCallProviderId is the carrier's id of the leg: a Twilio CallSid unless another carrier
    // (Vonage, Telnyx, ...) is named.
    QString twilioCallSid() const
    {
        const QString carrier = stringAt(m_call, "phoneCallProvider"_L1);
        if (!carrier.isEmpty() && carrier != "twilio"_L1)
            return {};
        return stringAt(m_call, "phoneCallProviderId"_L1);
    }

    // The start of the call that live messages are placed against: startedAt, else createdAt, which
    // Vapi sets as the call is made (then offsets include the ringing).
    std::optional<qint64> callStartMs() const
    {
        for (const auto key : {"startedAt"_L1, "createdAt"_L1}) {
            for (const QJsonObject &holder : {m_message, m_call}) {
                if (const auto ms = timeMs(holder.value(key)))
                    return ms;
            }
        }
        return std::nullopt;
    }

    // Live messages seldom carry an offset (secondsFromStart); else the message's timestamp minus the
    // call's start. The timestamp is when the message was sent, about the end of a turn, so a live
    // turn sits later than the report's one for the same words (and the store keeps both).
    std::optional<qint64> liveOffset() const
    {
        if (const auto seconds = secondsToMs(m_message.value("secondsFromStart"_L1)))
            return seconds;
        return difference(m_timestampMs, m_events.callStartMs());
    }

    // customer, phoneNumber and assistant: the call's, else the message's.
    QJsonObject callOrMessage(QLatin1StringView key) const
    {
        const QJsonObject inCall = m_call.value(key).toObject();
        return inCall.isEmpty() ? m_message.value(key).toObject() : inCall;
    }

    QJsonObject statusPayload(CallStatus status) const
    {
        QJsonObject payload{{"status"_L1, toString(status)}};
        const QString type = stringAt(m_call, "type"_L1);
        const bool outbound = type == "outboundPhoneCall"_L1;
        if (type == "inboundPhoneCall"_L1)
            payload.insert("direction"_L1, u"inbound"_s);
        else if (outbound)
            payload.insert("direction"_L1, u"outbound"_s);
        else if (type == "webCall"_L1)
            payload.insert("direction"_L1, u"web"_s);
        // The customer calls the Vapi number, or the Vapi number calls the customer.
        const QString customer = stringAt(callOrMessage("customer"_L1), "number"_L1);
        const QString vapiNumber = stringAt(callOrMessage("phoneNumber"_L1), "number"_L1);
        insertIf(payload, u"fromNumber"_s, outbound ? vapiNumber : customer);
        insertIf(payload, u"toNumber"_s, outbound ? customer : vapiNumber);
        insertIf(payload, u"agent"_s,
                 firstString({stringAt(callOrMessage("assistant"_L1), "name"_L1),
                              stringAt(m_call, "assistantId"_L1),
                              stringAt(callOrMessage("assistant"_L1), "id"_L1)}));

        const auto started = timeMs(m_message.contains("startedAt"_L1) ? m_message.value("startedAt"_L1)
                                                                       : m_call.value("startedAt"_L1));
        const auto ended = timeMs(m_message.contains("endedAt"_L1) ? m_message.value("endedAt"_L1)
                                                                   : m_call.value("endedAt"_L1));
        insertIf(payload, u"startedAt"_s, started);
        insertIf(payload, u"endedAt"_s, ended);
        auto duration = spanMs(m_message.value("durationMs"_L1));
        if (!duration)
            duration = secondsToMs(m_message.value("durationSeconds"_L1));
        if (!duration)
            duration = difference(ended, started);
        insertIf(payload, u"durationMs"_s, duration);

        const QString reason =
            firstString({stringAt(m_message, "endedReason"_L1), stringAt(m_call, "endedReason"_L1)});
        insertIf(payload, u"reason"_s, reason);
        if (const auto outcome = outcomeForReason(reason))
            payload.insert("outcome"_L1, toString(*outcome));
        const QJsonObject artifact = m_message.value("artifact"_L1).toObject();
        insertIf(
            payload, u"recordingUrl"_s,
            firstString({stringAt(m_message, "recordingUrl"_L1), stringAt(artifact, "recordingUrl"_L1)}));
        insertIf(payload, u"logUrl"_s, stringAt(artifact, "logUrl"_L1));
        return payload;
    }

    void statusUpdate()
    {
        if (const auto status = statusFor(stringAt(m_message, "status"_L1)))
            m_events.add(EventKind::CallStatus, statusPayload(*status));
    }

    // Partial transcripts are revised by the final one; only finals are kept.
    void transcript()
    {
        if (stringAt(m_message, "transcriptType"_L1) != "final"_L1)
            return;
        const QString role = roleFor(stringAt(m_message, "role"_L1));
        const QString text = stringAt(m_message, "transcript"_L1);
        // Without an offset the store would stack every turn at 0; the end-of-call report's
        // artifact.messages, the reliable transcript, brings them anyway.
        const auto offset = liveOffset();
        if (role.isEmpty() || text.isEmpty() || !offset)
            return;
        m_events.add(EventKind::TranscriptSegment,
                     {{"role"_L1, role}, {"text"_L1, text}, {"startMs"_L1, double(*offset)}}, offset);
    }

    void toolCalls()
    {
        QJsonArray list = m_message.value("toolCallList"_L1).toArray();
        if (list.isEmpty()) {
            for (const QJsonValue &entry : m_message.value("toolWithToolCallList"_L1).toArray())
                list.append(entry.toObject().value("toolCall"_L1));
        }
        for (const QJsonValue &entry : list) {
            // Without its id a call cannot be matched with its result: nothing to show.
            if (const QJsonObject payload = toolCallPayload(entry.toObject());
                payload.contains("toolCallId"_L1))
                m_events.add(EventKind::FunctionStarted, payload, liveOffset());
        }
    }

    void transferUpdate()
    {
        QJsonObject payload{{"from"_L1, u"agent"_s}, {"to"_L1, u"transfer"_s}, {"transfer"_L1, u"started"_s}};
        const QJsonValue destination = m_message.value("destination"_L1);
        const QJsonObject target = destination.toObject();
        insertIf(payload, u"destination"_s,
                 firstString({destination.toString(), stringAt(target, "number"_L1),
                              stringAt(target, "sipUri"_L1), stringAt(target, "assistantName"_L1)}));
        m_events.add(EventKind::FlowTransition, payload, liveOffset());
    }

    void endOfCallReport()
    {
        const QJsonObject status = statusPayload(CallStatus::Ended);
        std::optional<qint64> endedAt;
        if (const QJsonValue ended = status.value("endedAt"_L1); ended.isDouble())
            endedAt = qint64(ended.toDouble());
        m_events.add(EventKind::CallStatus, status, std::nullopt, endedAt);

        const QJsonObject artifact = m_message.value("artifact"_L1).toObject();
        artifactMessages(artifact.contains("messages"_L1) ? artifact.value("messages"_L1).toArray()
                                                          : m_message.value("messages"_L1).toArray());

        const QJsonObject analysis = m_message.value("analysis"_L1).toObject();
        QJsonObject analysisPayload;
        insertIf(analysisPayload, u"summary"_s,
                 firstString({stringAt(analysis, "summary"_L1), stringAt(m_message, "summary"_L1)}));
        if (const auto success = booleanLike(analysis.value("successEvaluation"_L1)))
            analysisPayload.insert("success"_L1, *success);
        if (!analysisPayload.isEmpty())
            m_events.add(EventKind::CallAnalysis, analysisPayload);

        costs();
    }

    // Vapi's costs are in US dollars.
    void costs()
    {
        const auto dollars = number(m_message.value("cost"_L1));
        if (!dollars || !std::isfinite(*dollars) || std::abs(*dollars) > 1e12)
            return;
        // Rounded to a millionth of a cent, so that 0.07 dollars is 7 cents and not 7.000000000000001.
        const auto cents = [](double amount) { return std::round(amount * 100.0 * 1e6) / 1e6; };
        QJsonObject payload{{"costCents"_L1, cents(*dollars)}, {"currency"_L1, u"USD"_s}};
        // costs[] may list a type more than once (one analysis cost per analysis): summed per type.
        QMap<QString, double> byType;
        for (const QJsonValue &item : m_message.value("costs"_L1).toArray()) {
            const QString type = stringAt(item.toObject(), "type"_L1);
            const auto cost = number(item.toObject().value("cost"_L1));
            if (!type.isEmpty() && cost && std::isfinite(*cost) && std::abs(*cost) <= 1e12)
                byType[type] += *cost;
        }
        QJsonObject breakdown;
        for (auto it = byType.cbegin(); it != byType.cend(); ++it)
            breakdown.insert(it.key(), cents(it.value()));
        if (!breakdown.isEmpty())
            payload.insert("breakdown"_L1, breakdown);
        m_events.add(EventKind::CallCost, payload);
    }

    // artifact.messages: the spoken turns with their offsets, the tool calls and their results.
    // A turn's start is secondsFromStart, else its time minus the call's start, else the previous
    // turn's end, and never one its role already has (TurnClock). Its end is start + (endTime - time),
    // else start + duration.
    void artifactMessages(const QJsonArray &messages)
    {
        QHash<QString, QString> toolNames;
        TurnClock clock;
        for (const QJsonValue &value : messages) {
            const QJsonObject message = value.toObject();
            const QString role = stringAt(message, "role"_L1);
            const auto time = timeMs(message.value("time"_L1));
            auto offset = secondsToMs(message.value("secondsFromStart"_L1));
            if (!offset)
                offset = difference(time, m_events.callStartMs());

            if (const QString speaker = roleFor(role); !speaker.isEmpty()) {
                const QString text = stringAt(message, "message"_L1);
                if (text.isEmpty())
                    continue;
                const qint64 startMs = clock.claim(speaker, offset.value_or(clock.lastEndMs()));
                auto lengthMs = difference(timeMs(message.value("endTime"_L1)), time);
                if (!lengthMs)
                    lengthMs = spanMs(message.value("duration"_L1));
                QJsonObject payload{{"role"_L1, speaker}, {"text"_L1, text}, {"startMs"_L1, double(startMs)}};
                if (lengthMs)
                    payload.insert("endMs"_L1, double(startMs + *lengthMs));
                clock.ended(lengthMs ? startMs + *lengthMs : startMs);
                m_events.add(EventKind::TranscriptSegment, payload, startMs, time);
            } else if (role == "tool_calls"_L1) {
                for (const QJsonValue &toolCall : message.value("toolCalls"_L1).toArray()) {
                    const QJsonObject payload = toolCallPayload(toolCall.toObject());
                    if (!payload.contains("toolCallId"_L1))
                        continue;
                    toolNames.insert(payload.value("toolCallId"_L1).toString(),
                                     payload.value("name"_L1).toString());
                    m_events.add(EventKind::FunctionStarted, payload, offset.value_or(clock.lastEndMs()),
                                 time);
                }
            } else if (role == "tool_call_result"_L1) {
                const QString toolCallId = stringAt(message, "toolCallId"_L1);
                if (toolCallId.isEmpty())
                    continue; // nothing to match it with
                QJsonObject payload{{"toolCallId"_L1, toolCallId},
                                    {"status"_L1, toString(FunctionStatus::Success)}};
                insertIf(payload, u"name"_s,
                         firstString({stringAt(message, "name"_L1), toolNames.value(toolCallId)}));
                if (const auto result = jsonContent(message.value("result"_L1)))
                    payload.insert("result"_L1, *result);
                m_events.add(EventKind::FunctionFinished, payload, offset.value_or(clock.lastEndMs()), time);
            }
        }
    }

    QJsonObject m_message;
    QJsonObject m_call;
    std::optional<qint64> m_timestampMs;
    EventBuilder m_events;
};

} // namespace

AdapterResult adaptVapi(const QByteArray &body, qint64 receivedAtMs)
{
    const auto parsed = parseObject(body);
    if (!parsed)
        return std::unexpected(parsed.error());
    if (!parsed->value("message"_L1).isObject())
        return std::unexpected(AdapterError{u"not a Vapi server message: no \"message\" object"_s});

    AdaptedDelivery delivery;
    QJsonValue root(*parsed);
    if (redact(root))
        delivery.redactedBody = QJsonDocument(root.toObject()).toJson(QJsonDocument::Compact);
    const QJsonObject message = root.toObject().value("message"_L1).toObject();
    const QString type = stringAt(message, "type"_L1);
    if (type.isEmpty())
        return std::unexpected(AdapterError{u"not a Vapi server message: no message type"_s});

    delivery.eventType = type;
    delivery.providerCallId = stringAt(message.value("call"_L1).toObject(), "id"_L1);
    if (delivery.providerCallId.isEmpty()) {
        delivery.eventKey = type + u":unattributed:"_s + sha256Hex(body);
        delivery.attributed = false;
        delivery.unattributedReason = u"the message names no call (message.call.id)"_s;
        return delivery;
    }
    // Without a timestamp only the body tells two messages of one type apart.
    const QString timestamp = timestampText(message.value("timestamp"_L1));
    delivery.eventKey =
        type + u':' + delivery.providerCallId + u':' + (timestamp.isEmpty() ? sha256Hex(body) : timestamp);
    delivery.events = VapiMessage(message, receivedAtMs).adapt(type);
    return delivery;
}

} // namespace CallScope
