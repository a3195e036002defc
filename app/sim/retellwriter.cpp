// SPDX-License-Identifier: GPL-3.0-or-later
#include "callgenerator.h"
#include "simdelivery.h"
#include "simids.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

// Retell sends {event, call} with the whole call object as known at that moment (docs.retellai.com
// "Webhook overview", retell-typescript-sdk src/resources/call.ts): call_started when the call is
// connected (never for a dial that failed), transfer_* around a transfer, call_ended with the
// transcript and tool calls, call_analyzed with the analysis as well.
namespace CallScope::Sim {

namespace {

double seconds(qint64 ms)
{
    return double(ms) / 1000.0;
}

// Retell times words, not utterances, in seconds from the call's start.
QJsonArray words(const Utterance &utterance)
{
    const QStringList list = utterance.text.split(u' ', Qt::SkipEmptyParts);
    QJsonArray out;
    const double step =
        list.isEmpty() ? 0 : double(utterance.endMs - utterance.startMs) / double(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const double start = double(utterance.startMs) + step * double(i);
        out.append(QJsonObject{{u"word"_s, list.at(i)},
                               {u"start"_s, std::round(start) / 1000.0},
                               {u"end"_s, std::round(start + step * 0.85) / 1000.0}});
    }
    return out;
}

QJsonObject utteranceObject(const Utterance &utterance)
{
    return {{u"role"_s, utterance.agent ? u"agent"_s : u"user"_s},
            {u"content"_s, utterance.text},
            {u"words"_s, words(utterance)}};
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(value.isObject()
                                 ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
}

QJsonObject latency(QRandomGenerator &random, int base)
{
    const int p50 = base + random.bounded(base / 3);
    return {{u"p50"_s, p50},
            {u"p90"_s, p50 * 1.4},
            {u"p95"_s, p50 * 1.6},
            {u"p99"_s, p50 * 2.1},
            {u"min"_s, p50 * 0.6},
            {u"max"_s, p50 * 2.4},
            {u"num"_s, random.bounded(4, 20)}};
}

class RetellWriter
{
public:
    RetellWriter(const CallPlan &plan, const QString &tenant, QRandomGenerator &random)
        : m_plan(plan)
        , m_tenant(tenant)
        , m_random(random)
    {
        m_call = QJsonObject{
            {u"call_id"_s, plan.providerCallId},
            {u"call_type"_s, u"phone_call"_s},
            {u"agent_id"_s, plan.agentId},
            {u"agent_name"_s, QString(plan.businessName + u" receptionist"_s)},
            {u"agent_version"_s, 17},
            {u"direction"_s, plan.outbound ? u"outbound"_s : u"inbound"_s},
            {u"from_number"_s, plan.from()},
            {u"to_number"_s, plan.to()},
            {u"call_status"_s, u"ongoing"_s},
            {u"start_timestamp"_s, double(plan.connected ? plan.answerMs : plan.dialMs)},
            {u"telephony_identifier"_s, QJsonObject{{u"twilio_call_sid"_s, plan.twilioCallSid}}},
            {u"metadata"_s,
             QJsonObject{{u"business"_s, plan.businessName}, {u"source"_s, u"callscope-sim"_s}}},
            {u"retell_llm_dynamic_variables"_s,
             QJsonObject{{u"customer_name"_s, plan.callerName.section(u' ', 0, 0)}}},
        };
    }

    Deliveries write()
    {
        if (m_plan.connected)
            add(u"call_started"_s, m_call, m_plan.answerMs + m_random.bounded(50, 400));
        for (const ToolCall &tool : m_plan.toolCalls()) {
            if (tool.name != "transfer_call"_L1)
                continue;
            QJsonObject root{{u"transfer_destination"_s, QJsonObject{{u"number"_s, m_plan.transferNumber}}}};
            add(u"transfer_started"_s, m_call, m_plan.answerMs + tool.startMs + 200, root);
            add(tool.succeeded ? u"transfer_bridged"_s : u"transfer_cancelled"_s, m_call,
                m_plan.answerMs + tool.endMs, root);
        }
        QJsonObject ended = endedCall();
        add(u"call_ended"_s, ended, m_plan.endMs + m_random.bounded(300, 1'500));
        if (m_plan.connected) {
            ended.insert(u"call_analysis"_s, analysis());
            add(u"call_analyzed"_s, ended, m_plan.endMs + m_random.bounded(3'000, 9'000));
        }
        return m_out;
    }

private:
    void add(const QString &event, const QJsonObject &call, qint64 atMs, QJsonObject root = {})
    {
        root.insert(u"event"_s, event);
        root.insert(u"call"_s, call);
        SimDelivery delivery;
        delivery.provider = Provider::Retell;
        delivery.route = routeFor(m_tenant, Provider::Retell);
        delivery.body = compactJson(root);
        delivery.atMs = atMs;
        delivery.label = u"retell "_s + event;
        m_out.append(delivery);
    }

    QJsonObject endedCall()
    {
        QJsonObject call = m_call;
        const QString reason = endReason(m_plan);
        call.insert(u"call_status"_s, m_plan.connected                      ? u"ended"_s
                                      : m_plan.scenario == Scenario::Failed ? u"error"_s
                                                                            : u"not_connected"_s);
        call.insert(u"end_timestamp"_s, double(m_plan.endMs));
        call.insert(u"duration_ms"_s, double(m_plan.talkMs()));
        call.insert(u"disconnection_reason"_s, reason);
        if (!m_plan.connected)
            return call;

        QJsonArray transcript;
        QJsonArray withTools;
        QString text;
        for (const Step &step : m_plan.steps) {
            if (const auto *utterance = std::get_if<Utterance>(&step)) {
                transcript.append(utteranceObject(*utterance));
                withTools.append(utteranceObject(*utterance));
                text += (utterance->agent ? u"Agent: "_s : u"User: "_s) + utterance->text + u'\n';
            } else if (const auto *tool = std::get_if<ToolCall>(&step)) {
                withTools.append(QJsonObject{{u"role"_s, u"tool_call_invocation"_s},
                                             {u"tool_call_id"_s, tool->id},
                                             {u"name"_s, tool->name},
                                             {u"arguments"_s, jsonText(tool->arguments)}});
                QJsonObject result{{u"role"_s, u"tool_call_result"_s},
                                   {u"tool_call_id"_s, tool->id},
                                   {u"content"_s, jsonText(tool->result)}};
                result.insert(u"successful"_s, tool->succeeded);
                withTools.append(result);
            } else if (const auto *flow = std::get_if<FlowChange>(&step)) {
                withTools.append(QJsonObject{{u"role"_s, u"node_transition"_s},
                                             {u"former_node_id"_s, QString(u"node-"_s + flow->from)},
                                             {u"former_node_name"_s, flow->from},
                                             {u"new_node_id"_s, QString(u"node-"_s + flow->to)},
                                             {u"new_node_name"_s, flow->to},
                                             {u"time_sec"_s, seconds(flow->atMs)}});
            }
        }
        call.insert(u"transcript"_s, text);
        call.insert(u"transcript_object"_s, transcript);
        call.insert(u"transcript_with_tool_calls"_s, withTools);
        const QString base = u"https://dxc03zgurdly9.cloudfront.net/"_s + randomHex(m_random, 40);
        call.insert(u"recording_url"_s, QString(base + u"/recording.wav"_s));
        call.insert(u"public_log_url"_s, QString(base + u"/public.log"_s));
        // Cents: about 7 cents a minute for voice, LLM and telephony together.
        const double minutes = double(m_plan.talkMs()) / 60'000.0;
        const double voice = std::round(minutes * 700.0) / 100.0;
        const double llm = std::round(minutes * 250.0) / 100.0;
        call.insert(
            u"call_cost"_s,
            QJsonObject{{u"product_costs"_s,
                         QJsonArray{QJsonObject{{u"product"_s, u"elevenlabs_tts"_s}, {u"cost"_s, voice}},
                                    QJsonObject{{u"product"_s, u"gpt_4o"_s}, {u"cost"_s, llm}}}},
                        {u"combined_cost"_s, voice + llm},
                        {u"total_duration_seconds"_s, double(m_plan.talkMs() / 1000)},
                        {u"total_duration_unit_price"_s, 0.1167}});
        call.insert(u"latency"_s, QJsonObject{{u"e2e"_s, latency(m_random, 900)},
                                              {u"llm"_s, latency(m_random, 420)},
                                              {u"tts"_s, latency(m_random, 180)}});
        return call;
    }

    QJsonObject analysis() const
    {
        const Scenario scenario = m_plan.scenario;
        const bool successful = scenario != Scenario::TransferFailed && scenario != Scenario::ShortHangUp &&
                                scenario != Scenario::Voicemail;
        const QString sentiment = scenario == Scenario::TransferFailed ? u"Negative"_s
                                  : successful                         ? u"Positive"_s
                                                                       : u"Neutral"_s;
        return {{u"call_summary"_s, m_plan.summary},
                {u"user_sentiment"_s, sentiment},
                {u"call_successful"_s, successful},
                {u"in_voicemail"_s, scenario == Scenario::Voicemail},
                {u"custom_analysis_data"_s, QJsonObject{{u"scenario"_s, toString(scenario)}}}};
    }

    const CallPlan &m_plan;
    const QString &m_tenant;
    QRandomGenerator &m_random;
    QJsonObject m_call;
    Deliveries m_out;
};

} // namespace

Deliveries retellDeliveries(const CallPlan &plan, const QString &tenant, QRandomGenerator &random)
{
    return RetellWriter(plan, tenant, random).write();
}

} // namespace CallScope::Sim
