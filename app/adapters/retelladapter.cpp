// SPDX-License-Identifier: GPL-3.0-or-later
#include "adapter.h"
#include "adapterutil.h"

#include <QHash>
#include <QJsonArray>

#include <cmath>
#include <utility>

using namespace Qt::Literals::StringLiterals;

// Retell delivers {event, call} with the whole call object (docs.retellai.com "Webhook overview",
// retell-typescript-sdk src/resources/call.ts), so every event restates what is known about the call.
namespace CallScope {

namespace {

using namespace AdapterUtil;

// Only the reasons that decide the outcome by themselves; a hang-up leaves it to the duration rule.
std::optional<Outcome> outcomeForReason(QStringView reason)
{
    if (reason == "dial_busy"_L1)
        return Outcome::Busy;
    if (reason == "dial_no_answer"_L1)
        return Outcome::NoAnswer;
    if (reason == "voicemail_reached"_L1)
        return Outcome::Voicemail;
    if (reason == "call_transfer"_L1)
        return Outcome::Transferred;
    if (reason == "dial_failed"_L1 || reason.startsWith("error_"_L1))
        return Outcome::Failed;
    return std::nullopt;
}

// "started", "bridged", ... for the transfer_* events; empty for the others.
QString transferStage(const QString &event)
{
    static const QStringList stages{u"started"_s, u"bridged"_s, u"cancelled"_s, u"ended"_s};
    if (!event.startsWith("transfer_"_L1))
        return {};
    const QString stage = event.mid(9);
    return stages.contains(stage) ? stage : QString();
}

// The status the event reports, or nothing for an event CallScope does not know.
std::optional<CallStatus> statusFor(const QString &event, QStringView callStatus)
{
    if (event == "call_started"_L1)
        return CallStatus::InProgress;
    if (event == "call_ended"_L1 || event == "call_analyzed"_L1)
        return CallStatus::Ended;
    // Also sent once more after the call ends; call_ended reports the end with its reason.
    if (event == "transcript_updated"_L1)
        return CallStatus::InProgress;
    if (transferStage(event).isEmpty())
        return std::nullopt;
    if (callStatus == "registered"_L1)
        return CallStatus::Queued;
    if (callStatus == "ended"_L1 || callStatus == "not_connected"_L1 || callStatus == "error"_L1)
        return CallStatus::Ended;
    return CallStatus::InProgress; // a transfer happens during the call
}

std::optional<qint64> nonNegative(std::optional<qint64> value)
{
    return value && *value >= 0 ? value : std::nullopt;
}

// Places utterances on the call's time line (TurnClock). Retell times words, not utterances: an
// utterance runs from its first word's start to its last word's end. One without timed words starts
// where the previous one ended (0 for the first) and has no end of its own.
class UtteranceClock
{
public:
    struct Span
    {
        qint64 startMs = 0;
        std::optional<qint64> endMs;
    };

    Span place(const QString &role, const QJsonArray &words)
    {
        std::optional<qint64> start;
        std::optional<qint64> end;
        for (const QJsonValue &word : words) {
            if ((start = secondsToMs(word.toObject().value("start"_L1))))
                break;
        }
        for (qsizetype i = words.size() - 1; i >= 0 && !end; --i)
            end = secondsToMs(words.at(i).toObject().value("end"_L1));

        Span span;
        span.startMs = m_clock.claim(role, start ? *start : end ? *end : m_clock.lastEndMs());
        if (end)
            span.endMs = std::max(*end, span.startMs);
        m_clock.ended(span.endMs.value_or(span.startMs));
        return span;
    }

    // Retell gives tool calls, node transitions and key presses no time: they happened after the
    // utterance before them, so they take its end.
    qint64 lastEndMs() const { return m_clock.lastEndMs(); }

private:
    TurnClock m_clock;
};

// Retell's speakers as the store sees them: the agent, the user, and the person a call was transferred
// to, who speaks for the agent's side (kept apart by "speaker"). Empty for entries that are not turns.
QString speakerRole(const QString &role)
{
    if (role == "user"_L1)
        return u"user"_s;
    if (role == "agent"_L1 || role == "transfer_target"_L1)
        return u"agent"_s;
    return {};
}

// A Retell delivery's events (EventBuilder), with the transcript's turns and timeline.
class RetellEvents : public EventBuilder
{
public:
    RetellEvents(const QString &callId, const QString &twilioCallSid, std::optional<qint64> callStartMs,
                 qint64 deliveryAtMs)
        : EventBuilder(Provider::Retell, callId, twilioCallSid, callStartMs, deliveryAtMs)
    {}

    void addSegment(const QJsonObject &utterance, const QString &role, UtteranceClock &clock)
    {
        const QString text = stringAt(utterance, "content"_L1);
        if (text.isEmpty())
            return;
        // Placed by the role the store sees: a transfer target shares the agent's turns.
        const QString speaker = speakerRole(role);
        const UtteranceClock::Span span = clock.place(speaker, utterance.value("words"_L1).toArray());
        QJsonObject payload{{"role"_L1, speaker}, {"text"_L1, text}, {"startMs"_L1, double(span.startMs)}};
        insertIf(payload, u"endMs"_s, span.endMs);
        if (role == "transfer_target"_L1)
            payload.insert("speaker"_L1, role);
        add(EventKind::TranscriptSegment, payload, span.startMs);
    }

    // transcript_with_tool_calls: tool calls, node transitions and key presses in the order they
    // happened, and the utterances too when no transcript_object supplies them.
    void addTimeline(const QJsonArray &items, bool withUtterances)
    {
        QHash<QString, QString> toolNames;
        for (const QJsonValue &item : items) {
            const QJsonObject object = item.toObject();
            if (stringAt(object, "role"_L1) == "tool_call_invocation"_L1)
                toolNames.insert(stringAt(object, "tool_call_id"_L1), stringAt(object, "name"_L1));
        }

        UtteranceClock clock;
        for (const QJsonValue &item : items) {
            const QJsonObject object = item.toObject();
            const QString role = stringAt(object, "role"_L1);
            const qint64 offset = clock.lastEndMs();
            if (!speakerRole(role).isEmpty()) {
                if (withUtterances) {
                    addSegment(object, role, clock);
                } else if (!stringAt(object, "content"_L1).isEmpty()) {
                    clock.place(speakerRole(role), object.value("words"_L1).toArray());
                }
            } else if (role == "tool_call_invocation"_L1 || role == "tool_call_result"_L1) {
                // Without its id a call cannot be matched with its result: nothing to show.
                const QString toolCallId = stringAt(object, "tool_call_id"_L1);
                if (toolCallId.isEmpty())
                    continue;
                QJsonObject payload{{"toolCallId"_L1, toolCallId}};
                insertIf(payload, u"name"_s, toolNames.value(toolCallId));
                if (role == "tool_call_invocation"_L1) {
                    if (const auto arguments = jsonContent(object.value("arguments"_L1)))
                        payload.insert("arguments"_L1, *arguments);
                    add(EventKind::FunctionStarted, payload, offset);
                    continue;
                }
                const bool failed = object.value("successful"_L1) == QJsonValue(false);
                payload.insert("status"_L1,
                               toString(failed ? FunctionStatus::Error : FunctionStatus::Success));
                if (const auto content = jsonContent(object.value("content"_L1))) {
                    payload.insert("result"_L1, *content);
                    if (failed)
                        payload.insert("error"_L1, *content);
                }
                add(EventKind::FunctionFinished, payload, offset);
            } else if (role == "node_transition"_L1) {
                QJsonObject payload;
                const QString from = stringAt(object, "former_node_name"_L1);
                const QString to = stringAt(object, "new_node_name"_L1);
                insertIf(payload, u"from"_s, from.isEmpty() ? stringAt(object, "former_node_id"_L1) : from);
                insertIf(payload, u"to"_s, to.isEmpty() ? stringAt(object, "new_node_id"_L1) : to);
                if (!payload.isEmpty())
                    add(EventKind::FlowTransition, payload, offset);
            } else if (role == "dtmf"_L1) {
                if (const QString digit = stringAt(object, "digit"_L1); !digit.isEmpty())
                    add(EventKind::Note, {{"text"_L1, QString(u"DTMF "_s + digit)}}, offset);
            }
        }
    }
};

// The percentiles, extremes and count of each latency metric; the per-turn "values" are left out to
// keep a status event small.
QJsonObject compactLatency(const QJsonObject &latency)
{
    static constexpr QLatin1StringView kept[] = {"p50"_L1, "p90"_L1, "p95"_L1, "p99"_L1,
                                                 "min"_L1, "max"_L1, "num"_L1};
    QJsonObject compact;
    for (auto metric = latency.constBegin(); metric != latency.constEnd(); ++metric) {
        const QJsonObject stats = metric.value().toObject();
        QJsonObject summary;
        for (const QLatin1StringView key : kept) {
            if (const QJsonValue value = stats.value(key);
                value.isDouble() && std::isfinite(value.toDouble()))
                summary.insert(key, value);
        }
        if (!summary.isEmpty())
            compact.insert(metric.key(), summary);
    }
    return compact;
}

QJsonObject statusPayload(CallStatus status, const QJsonObject &call)
{
    QJsonObject payload{{"status"_L1, toString(status)}};
    const QString direction = stringAt(call, "direction"_L1);
    if (stringAt(call, "call_type"_L1) == "web_call"_L1)
        payload.insert("direction"_L1, u"web"_s);
    else if (direction == "inbound"_L1 || direction == "outbound"_L1)
        payload.insert("direction"_L1, direction);
    insertIf(payload, u"fromNumber"_s, stringAt(call, "from_number"_L1));
    insertIf(payload, u"toNumber"_s, stringAt(call, "to_number"_L1));
    const QString agentName = stringAt(call, "agent_name"_L1);
    insertIf(payload, u"agent"_s, agentName.isEmpty() ? stringAt(call, "agent_id"_L1) : agentName);

    const auto start = integer(call.value("start_timestamp"_L1));
    const auto end = integer(call.value("end_timestamp"_L1));
    insertIf(payload, u"startedAt"_s, start);
    insertIf(payload, u"endedAt"_s, end);
    auto duration = nonNegative(integer(call.value("duration_ms"_L1)));
    if (!duration && start && end && *end >= *start)
        duration = *end - *start;
    insertIf(payload, u"durationMs"_s, duration);

    const QString reason = stringAt(call, "disconnection_reason"_L1);
    insertIf(payload, u"reason"_s, reason);
    if (const auto outcome = outcomeForReason(reason))
        payload.insert("outcome"_L1, toString(*outcome));
    insertIf(payload, u"recordingUrl"_s, stringAt(call, "recording_url"_L1));
    insertIf(payload, u"logUrl"_s, stringAt(call, "public_log_url"_L1));
    if (const QJsonObject latency = compactLatency(call.value("latency"_L1).toObject()); !latency.isEmpty())
        payload.insert("latency"_L1, latency);
    return payload;
}

QJsonObject analysisPayload(const QJsonObject &analysis)
{
    QJsonObject payload;
    insertIf(payload, u"summary"_s, stringAt(analysis, "call_summary"_L1));
    insertIf(payload, u"sentiment"_s, stringAt(analysis, "user_sentiment"_L1));
    if (const QJsonValue success = analysis.value("call_successful"_L1); success.isBool())
        payload.insert("success"_L1, success);
    if (const QJsonValue voicemail = analysis.value("in_voicemail"_L1); voicemail.isBool()) {
        payload.insert("inVoicemail"_L1, voicemail);
        if (voicemail.toBool())
            payload.insert("outcome"_L1, toString(Outcome::Voicemail));
    }
    return payload;
}

// combined_cost and product_costs[].cost are already in cents.
QJsonObject costPayload(const QJsonObject &cost)
{
    const QJsonValue combined = cost.value("combined_cost"_L1);
    if (!combined.isDouble() || !std::isfinite(combined.toDouble()))
        return {};
    QJsonObject payload{{"costCents"_L1, combined.toDouble()}, {"currency"_L1, u"USD"_s}};
    QJsonObject breakdown;
    for (const QJsonValue &item : cost.value("product_costs"_L1).toArray()) {
        const QString product = stringAt(item.toObject(), "product"_L1);
        const QJsonValue cents = item.toObject().value("cost"_L1);
        if (product.isEmpty() || !cents.isDouble() || !std::isfinite(cents.toDouble()))
            continue;
        breakdown.insert(product, breakdown.value(product).toDouble() + cents.toDouble());
    }
    if (!breakdown.isEmpty())
        payload.insert("breakdown"_L1, breakdown);
    return payload;
}

QString transferDestination(const QJsonObject &root, const QJsonObject &call)
{
    // Documented as "full call data plus transfer_destination": accepted beside the call and in it.
    for (const QJsonValue &value :
         {call.value("transfer_destination"_L1), root.value("transfer_destination"_L1)}) {
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
        const QJsonObject object = value.toObject();
        for (const auto key : {"number"_L1, "sip_uri"_L1}) {
            if (const QString text = stringAt(object, key); !text.isEmpty())
                return text;
        }
    }
    return {};
}

} // namespace

AdapterResult adaptRetell(const QByteArray &body, qint64 receivedAtMs)
{
    const auto root = parseObject(body);
    if (!root)
        return std::unexpected(root.error());
    const QString event = stringAt(*root, "event"_L1);
    if (event.isEmpty())
        return std::unexpected(AdapterError{u"not a Retell webhook: no \"event\" name"_s});
    if (!root->value("call"_L1).isObject())
        return std::unexpected(AdapterError{u"not a Retell webhook: no \"call\" object"_s});
    const QJsonObject call = root->value("call"_L1).toObject();

    AdaptedDelivery delivery;
    delivery.eventType = event;
    delivery.providerCallId = stringAt(call, "call_id"_L1);
    if (delivery.providerCallId.isEmpty()) {
        // Still a distinct receipt per body, so a repeat is recognised.
        delivery.eventKey = event + u":unattributed:"_s + sha256Hex(body);
        delivery.attributed = false;
        delivery.unattributedReason = u"the call has no call_id"_s;
        return delivery;
    }

    const auto start = integer(call.value("start_timestamp"_L1));
    const auto end = integer(call.value("end_timestamp"_L1));
    const QString stage = transferStage(event);
    delivery.eventKey = event + u':' + delivery.providerCallId;
    if (!stage.isEmpty() && start)
        delivery.eventKey += u':' + QString::number(*start);
    // Sent on every turn with the same call_id: each version of the transcript is its own delivery.
    if (event == "transcript_updated"_L1)
        delivery.eventKey += u':' + sha256Hex(body);

    const auto status = statusFor(event, stringAt(call, "call_status"_L1));
    if (!status)
        return delivery; // an event CallScope does not know: kept with its call, nothing to show

    qint64 deliveryAtMs = receivedAtMs;
    if (event == "call_started"_L1)
        deliveryAtMs = start.value_or(receivedAtMs);
    else if (event == "call_ended"_L1 || event == "call_analyzed"_L1)
        deliveryAtMs = end.value_or(receivedAtMs);

    RetellEvents events(delivery.providerCallId,
                        stringAt(call.value("telephony_identifier"_L1).toObject(), "twilio_call_sid"_L1),
                        start, deliveryAtMs);
    events.add(EventKind::CallStatus, statusPayload(*status, call), std::nullopt, deliveryAtMs);

    if (!stage.isEmpty()) {
        QJsonObject transfer{{"from"_L1, u"agent"_s}, {"to"_L1, u"transfer"_s}, {"transfer"_L1, stage}};
        insertIf(transfer, u"destination"_s, transferDestination(*root, call));
        const auto at = stage == "ended"_L1 ? integer(call.value("transfer_end_timestamp"_L1)) : std::nullopt;
        events.add(EventKind::FlowTransition, transfer, std::nullopt, at.value_or(receivedAtMs));
    }

    // transcript_object has the utterances alone; transcript_with_tool_calls repeats them among the
    // tool calls. Utterances come from the first when it has any, so none is reported twice.
    const QJsonArray utterances = call.value("transcript_object"_L1).toArray();
    UtteranceClock clock;
    for (const QJsonValue &utterance : utterances) {
        const QString role = stringAt(utterance.toObject(), "role"_L1);
        if (!speakerRole(role).isEmpty())
            events.addSegment(utterance.toObject(), role, clock);
    }
    events.addTimeline(call.value("transcript_with_tool_calls"_L1).toArray(), utterances.isEmpty());

    if (const QJsonObject analysis = analysisPayload(call.value("call_analysis"_L1).toObject());
        !analysis.isEmpty())
        events.add(EventKind::CallAnalysis, analysis, std::nullopt, deliveryAtMs);
    if (const QJsonObject cost = costPayload(call.value("call_cost"_L1).toObject()); !cost.isEmpty())
        events.add(EventKind::CallCost, cost, std::nullopt, deliveryAtMs);

    delivery.events = events.take();
    return delivery;
}

} // namespace CallScope
