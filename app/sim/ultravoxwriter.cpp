// SPDX-License-Identifier: GPL-3.0-or-later
#include "callgenerator.h"
#include "simdelivery.h"

using namespace Qt::Literals::StringLiterals;

// Ultravox sends {event, call} for call.started, call.joined, call.ended and call.billed
// (docs.ultravox.ai "Webhooks"). Its webhooks carry no transcript and no tool calls: CallScope fetches
// those from the REST API afterwards, and a backend may report its tool calls itself.
namespace CallScope::Sim {

namespace {

class UltravoxWriter
{
public:
    UltravoxWriter(const CallPlan &plan, const QString &tenant)
        : m_plan(plan)
        , m_tenant(tenant)
    {
        // Only a call Ultravox dialled itself says which numbers it connected.
        const QJsonObject twilio =
            plan.outbound ? QJsonObject{{u"outgoing"_s, QJsonObject{{u"to"_s, plan.customerNumber},
                                                                    {u"from"_s, plan.businessNumber}}}}
                          : QJsonObject{};
        const bool german = plan.language == Language::German;
        m_call = QJsonObject{
            {u"callId"_s, plan.providerCallId},
            {u"created"_s, isoTime(plan.dialMs)},
            {u"agentId"_s, plan.agentId},
            {u"model"_s, u"fixie-ai/ultravox"_s},
            {u"voice"_s, german ? u"Susi-German"_s : u"Mark"_s},
            {u"languageHint"_s, toString(plan.language)},
            {u"firstSpeaker"_s, plan.outbound ? u"FIRST_SPEAKER_USER"_s : u"FIRST_SPEAKER_AGENT"_s},
            {u"maxDuration"_s, u"3600s"_s},
            {u"joinTimeout"_s, u"30s"_s},
            {u"recordingEnabled"_s, true},
            {u"medium"_s, QJsonObject{{u"twilio"_s, twilio}}},
            {u"metadata"_s,
             QJsonObject{{u"business"_s, plan.businessName}, {u"source"_s, u"callscope-sim"_s}}},
        };
    }

    Deliveries write()
    {
        add(u"call.started"_s, m_plan.dialMs + 150);
        if (m_plan.connected) {
            m_call.insert(u"joined"_s, isoTime(m_plan.answerMs));
            add(u"call.joined"_s, m_plan.answerMs + 120);
        }
        m_call.insert(u"ended"_s, isoTime(m_plan.endMs));
        m_call.insert(u"endReason"_s, endReason(m_plan));
        if (m_plan.connected) {
            m_call.insert(u"shortSummary"_s, m_plan.summary);
            m_call.insert(u"summary"_s, m_plan.summary);
        }
        add(u"call.ended"_s, m_plan.endMs + 300);
        if (m_plan.connected) {
            // Billed for the time the call was joined, written the protobuf-JSON way.
            m_call.insert(u"billedDuration"_s, u"%1s"_s.arg(double(m_plan.talkMs()) / 1000.0, 0, 'f', 1));
            add(u"call.billed"_s, m_plan.endMs + 20'000);
        }
        return m_out;
    }

private:
    void add(const QString &event, qint64 atMs)
    {
        SimDelivery delivery;
        delivery.provider = Provider::Ultravox;
        delivery.route = routeFor(m_tenant, Provider::Ultravox);
        delivery.body = compactJson(QJsonObject{{u"event"_s, event}, {u"call"_s, m_call}});
        delivery.atMs = atMs;
        delivery.label = u"ultravox "_s + event;
        m_out.append(delivery);
    }

    const CallPlan &m_plan;
    const QString &m_tenant;
    QJsonObject m_call;
    Deliveries m_out;
};

} // namespace

Deliveries ultravoxDeliveries(const CallPlan &plan, const QString &tenant, QRandomGenerator &)
{
    return UltravoxWriter(plan, tenant).write();
}

} // namespace CallScope::Sim
