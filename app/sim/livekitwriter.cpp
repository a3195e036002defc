// SPDX-License-Identifier: GPL-3.0-or-later
#include "callgenerator.h"
#include "simdelivery.h"
#include "simids.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

// LiveKit sends protojson WebhookEvents (livekit/protocol livekit_webhook.proto): the room starts, the
// agent joins, the phone line joins as a SIP participant and leaves with its disconnect reason, the
// room finishes. int64 fields (times) are strings, zero values are left out. A LiveKit agent reports
// what was said and which tools ran through the backend events API, not through LiveKit.
namespace CallScope::Sim {

namespace {

QString unixSeconds(qint64 ms)
{
    return QString::number(ms / 1000);
}

class LiveKitWriter
{
public:
    LiveKitWriter(const CallPlan &plan, const QString &tenant, QRandomGenerator &random)
        : m_plan(plan)
        , m_tenant(tenant)
        , m_random(random)
    {
        m_room = QJsonObject{
            {u"sid"_s, plan.providerCallId},
            {u"name"_s, plan.roomName},
            {u"emptyTimeout"_s, 300},
            {u"departureTimeout"_s, 20},
            {u"creationTime"_s, unixSeconds(plan.dialMs)},
            {u"enabledCodecs"_s,
             QJsonArray{QJsonObject{{u"mime"_s, u"audio/opus"_s}}, QJsonObject{{u"mime"_s, u"audio/red"_s}}}},
            {u"metadata"_s, QString::fromUtf8(compactJson({{u"business"_s, plan.businessName}}))}};
        m_agent = QJsonObject{{u"sid"_s, QString(u"PA_"_s + randomAlphanumeric(m_random, 12))},
                              {u"identity"_s, QString(u"agent-AJ_"_s + randomAlphanumeric(m_random, 12))},
                              {u"name"_s, plan.agentName},
                              {u"state"_s, u"ACTIVE"_s},
                              {u"kind"_s, u"AGENT"_s},
                              {u"joinedAt"_s, unixSeconds(plan.dialMs + 1'000)}};
        // An inbound call reaches the room through a dispatch rule; an outbound one is dialled on a trunk.
        QJsonObject attributes{{u"sip.callID"_s, plan.sipCallId},
                               {u"sip.phoneNumber"_s, plan.customerNumber},
                               {u"sip.trunkPhoneNumber"_s, plan.businessNumber},
                               {u"sip.callStatus"_s, plan.connected ? u"active"_s : u"dialing"_s}};
        if (plan.outbound)
            attributes.insert(u"sip.trunkID"_s, QString(u"ST_"_s + randomAlphanumeric(m_random, 12)));
        else
            attributes.insert(u"sip.ruleID"_s, QString(u"SDR_"_s + randomAlphanumeric(m_random, 12)));
        // Answered lines join when they are answered (wait_until_answered); unanswered ones join
        // dialling and leave without ever being answered.
        m_sip = QJsonObject{{u"sid"_s, QString(u"PA_"_s + randomAlphanumeric(m_random, 12))},
                            {u"identity"_s, QString(u"sip_"_s + plan.customerNumber)},
                            {u"name"_s, QString(u"Phone "_s + plan.customerNumber)},
                            {u"state"_s, u"ACTIVE"_s},
                            {u"kind"_s, u"SIP"_s},
                            {u"joinedAt"_s, unixSeconds(plan.connected ? plan.answerMs : plan.dialMs)},
                            {u"attributes"_s, attributes}};
    }

    Deliveries write()
    {
        add(u"room_started"_s, m_plan.dialMs);
        add(u"participant_joined"_s, m_plan.dialMs + 1'000, m_agent);
        add(u"participant_joined"_s, m_plan.connected ? m_plan.answerMs : m_plan.dialMs + 1'200, m_sip);
        QJsonObject left = m_sip;
        left.insert(u"state"_s, u"DISCONNECTED"_s);
        left.insert(u"disconnectReason"_s, endReason(m_plan));
        add(u"participant_left"_s, m_plan.endMs, left);
        QJsonObject agentLeft = m_agent;
        agentLeft.insert(u"state"_s, u"DISCONNECTED"_s);
        agentLeft.insert(u"disconnectReason"_s, u"ROOM_DELETED"_s);
        add(u"participant_left"_s, m_plan.endMs + 1'000, agentLeft);
        add(u"room_finished"_s, m_plan.endMs + 2'000);
        return m_out;
    }

private:
    void add(const QString &event, qint64 atMs, const QJsonObject &participant = {})
    {
        QJsonObject root{{u"event"_s, event},
                         {u"id"_s, QString(u"EV_"_s + randomAlphanumeric(m_random, 12))},
                         {u"createdAt"_s, unixSeconds(atMs)},
                         {u"room"_s, m_room}};
        if (!participant.isEmpty())
            root.insert(u"participant"_s, participant);
        SimDelivery delivery;
        delivery.provider = Provider::LiveKit;
        delivery.route = routeFor(m_tenant, Provider::LiveKit);
        delivery.contentType = "application/webhook+json";
        delivery.body = compactJson(root);
        delivery.atMs = atMs;
        delivery.label = u"livekit "_s + event;
        m_out.append(delivery);
    }

    const CallPlan &m_plan;
    const QString &m_tenant;
    QRandomGenerator &m_random;
    QJsonObject m_room;
    QJsonObject m_agent;
    QJsonObject m_sip;
    Deliveries m_out;
};

} // namespace

Deliveries liveKitDeliveries(const CallPlan &plan, const QString &tenant, QRandomGenerator &random)
{
    return LiveKitWriter(plan, tenant, random).write();
}

} // namespace CallScope::Sim
