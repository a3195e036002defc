// SPDX-License-Identifier: GPL-3.0-or-later
#include "simdelivery.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

// The customer's backend runs the agent's tool handlers and logs before it executes (spec/http-api.md
// "Backend events"): each tool call's start and end, the flow's transitions, its own errors, callback
// requests, and for agents whose platform sends no transcript (LiveKit, a Twilio media stream) the
// transcript too. It flushes a few events at a time, joined to the provider's call by its id.
namespace CallScope::Sim {

namespace {

struct Event
{
    qint64 atMs = 0; // absolute, in the simulated day
    QJsonObject object;
};

class BackendWriter
{
public:
    BackendWriter(const CallPlan &plan, quint64 seed)
        : m_plan(plan)
        , m_seed(seed)
    {
        m_call =
            QJsonObject{{u"provider"_s, toString(plan.provider)}, {u"providerCallId"_s, plan.providerCallId}};
        if (!plan.twilioCallSid.isEmpty() && plan.provider != Provider::Twilio)
            m_call.insert(u"twilioCallSid"_s, plan.twilioCallSid);
    }

    QList<Event> events()
    {
        const bool ownTranscript = m_plan.provider == Provider::LiveKit ||
                                   m_plan.provider == Provider::Twilio ||
                                   m_plan.provider == Provider::Backend;
        for (const Step &step : m_plan.steps) {
            if (const auto *utterance = std::get_if<Utterance>(&step)) {
                if (ownTranscript)
                    add(u"transcript.segment"_s, utterance->endMs,
                        {{u"role"_s, utterance->agent ? u"agent"_s : u"user"_s},
                         {u"text"_s, utterance->text},
                         {u"startMs"_s, double(utterance->startMs)},
                         {u"endMs"_s, double(utterance->endMs)}});
            } else if (const auto *tool = std::get_if<ToolCall>(&step)) {
                toolCall(*tool);
            } else if (const auto *flow = std::get_if<FlowChange>(&step)) {
                add(u"flow.transition"_s, flow->atMs, {{u"from"_s, flow->from}, {u"to"_s, flow->to}});
            }
        }
        for (const BackendError &error : m_plan.errors)
            add(u"error"_s, error.atMs,
                {{u"code"_s, error.code},
                 {u"type"_s, error.type},
                 {u"severity"_s, error.severity},
                 {u"message"_s, error.message}});
        if (m_plan.callback) {
            add(u"callback.requested"_s, m_plan.callback->atMs,
                {{u"callbackNumber"_s, m_plan.customerNumber},
                 {u"callerName"_s, m_plan.callerName},
                 {u"concern"_s, m_plan.callback->concern},
                 {u"details"_s, m_plan.callback->details},
                 {u"urgency"_s, m_plan.callback->urgency}});
        }
        std::stable_sort(m_events.begin(), m_events.end(),
                         [](const Event &a, const Event &b) { return a.atMs < b.atMs; });
        // Ids are numbered in the order the backend emits them, after sorting, so they stay stable.
        for (qsizetype i = 0; i < m_events.size(); ++i)
            m_events[i].object.insert(u"id"_s, u"sim%1-%2-%3"_s.arg(m_seed).arg(m_plan.index).arg(i + 1));
        return m_events;
    }

private:
    void add(const QString &type, qint64 offsetMs, QJsonObject fields)
    {
        const qint64 at = m_plan.answerMs + offsetMs;
        fields.insert(u"type"_s, type);
        fields.insert(u"occurredAt"_s, isoTime(at));
        fields.insert(u"call"_s, m_call);
        m_events.append(Event{at, fields});
    }

    void toolCall(const ToolCall &tool)
    {
        add(u"tool_call.started"_s, tool.startMs,
            {{u"toolCallId"_s, tool.id}, {u"name"_s, tool.name}, {u"arguments"_s, tool.arguments}});
        const double durationMs = double(tool.endMs - tool.startMs);
        if (tool.succeeded) {
            add(u"tool_call.succeeded"_s, tool.endMs,
                {{u"toolCallId"_s, tool.id}, {u"result"_s, tool.result}, {u"durationMs"_s, durationMs}});
            return;
        }
        QJsonObject failed{
            {u"toolCallId"_s, tool.id},
            {u"error"_s, QJsonObject{{u"code"_s, tool.errorCode}, {u"message"_s, tool.errorMessage}}},
            {u"durationMs"_s, durationMs}};
        // A transfer nobody took: the caller must be called back, and the failure says on which number.
        if (tool.name == "transfer_call"_L1) {
            failed.insert(u"callbackNumber"_s, m_plan.customerNumber);
            failed.insert(u"callerName"_s, m_plan.callerName);
        }
        add(u"tool_call.failed"_s, tool.endMs, failed);
    }

    const CallPlan &m_plan;
    quint64 m_seed = 0;
    QJsonObject m_call;
    QList<Event> m_events;
};

} // namespace

Deliveries backendDeliveries(const CallPlan &plan, const QString &tenant, quint64 seed,
                             QRandomGenerator &random)
{
    const QList<Event> events = BackendWriter(plan, seed).events();
    Deliveries out;
    for (qsizetype first = 0; first < events.size();) {
        const qsizetype count = std::min<qsizetype>(random.bounded(1, 5), events.size() - first);
        QJsonArray batch;
        for (qsizetype i = first; i < first + count; ++i)
            batch.append(events.at(i).object);
        SimDelivery delivery;
        delivery.provider = Provider::Backend;
        delivery.route = routeFor(tenant, Provider::Backend);
        delivery.body = compactJson(QJsonObject{{u"events"_s, batch}});
        // The backend flushes its log a moment after the last event of the batch.
        delivery.atMs = events.at(first + count - 1).atMs + random.bounded(150, 1'200);
        delivery.events = int(count);
        delivery.label = u"backend %1 event(s)"_s.arg(count);
        out.append(delivery);
        first += count;
    }
    return out;
}

} // namespace CallScope::Sim
