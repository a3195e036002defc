// SPDX-License-Identifier: GPL-3.0-or-later
#include "callgenerator.h"
#include "simdelivery.h"
#include "simids.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

// Vapi sends server messages {message: {type, timestamp, call, ...}} (docs.vapi.ai "Server events"):
// status-update as the call moves on, tool-calls for server tools, transfer-update, and the
// end-of-call-report whose artifact.messages is the reliable transcript. Like the real thing, every
// message echoes the phone number's Twilio credentials; CallScope must strip them before storing.
namespace CallScope::Sim {

namespace {

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

class VapiWriter
{
public:
    VapiWriter(const CallPlan &plan, const QString &tenant, QRandomGenerator &random)
        : m_plan(plan)
        , m_tenant(tenant)
        , m_random(random)
    {
        const QString orgId = randomUuid(m_random);
        const QString assistantId = randomUuid(m_random);
        const QString phoneNumberId = randomUuid(m_random);
        m_customer = QJsonObject{{u"number"_s, plan.customerNumber}};
        m_assistant =
            QJsonObject{{u"id"_s, assistantId}, {u"name"_s, QString(plan.businessName + u" receptionist"_s)}};
        m_phoneNumber =
            QJsonObject{{u"id"_s, phoneNumberId},
                        {u"orgId"_s, orgId},
                        {u"number"_s, plan.businessNumber},
                        {u"provider"_s, u"twilio"_s},
                        {u"twilioAccountSid"_s, QString(u"AC"_s + randomHex(m_random, 32))},
                        {u"twilioAuthToken"_s, QString(u"sim-not-a-secret-"_s + randomHex(m_random, 16))}};
        m_call = QJsonObject{{u"id"_s, plan.providerCallId},
                             {u"orgId"_s, orgId},
                             {u"createdAt"_s, isoTime(plan.dialMs)},
                             {u"type"_s, plan.outbound ? u"outboundPhoneCall"_s : u"inboundPhoneCall"_s},
                             {u"phoneCallProvider"_s, u"twilio"_s},
                             {u"phoneCallProviderId"_s, plan.twilioCallSid},
                             {u"phoneCallTransport"_s, u"pstn"_s},
                             {u"assistantId"_s, assistantId},
                             {u"phoneNumberId"_s, phoneNumberId},
                             {u"customer"_s, m_customer}};
        // Half of the tenants' credentials are configured as a bearer token, half as X-Vapi-Secret.
        m_bearer = plan.index % 4 >= 2;
    }

    Deliveries write()
    {
        if (m_plan.outbound) {
            status(u"queued"_s, m_plan.dialMs);
            status(u"ringing"_s, m_plan.dialMs + 700);
        }
        if (m_plan.connected)
            status(u"in-progress"_s, m_plan.answerMs);
        for (const ToolCall &tool : m_plan.toolCalls()) {
            const qint64 at = m_plan.answerMs + tool.startMs;
            if (tool.name == "transfer_call"_L1) {
                add(u"transfer-update"_s, at + 1,
                    {{u"destination"_s,
                      QJsonObject{{u"type"_s, u"number"_s}, {u"number"_s, m_plan.transferNumber}}}});
                status(u"forwarding"_s, at + 2);
                continue;
            }
            const QJsonObject call{
                {u"id"_s, tool.id},
                {u"type"_s, u"function"_s},
                {u"function"_s, QJsonObject{{u"name"_s, tool.name}, {u"arguments"_s, tool.arguments}}}};
            add(u"tool-calls"_s, at, {{u"toolCallList"_s, QJsonArray{call}}});
        }
        const QString reason = endReason(m_plan);
        status(u"ended"_s, m_plan.endMs + 150, {{u"endedReason"_s, reason}});
        endOfCallReport(reason);
        return m_out;
    }

private:
    void add(const QString &type, qint64 atMs, QJsonObject fields = {})
    {
        fields.insert(u"type"_s, type);
        fields.insert(u"timestamp"_s, double(atMs));
        fields.insert(u"call"_s, m_call);
        fields.insert(u"customer"_s, m_customer);
        fields.insert(u"assistant"_s, m_assistant);
        fields.insert(u"phoneNumber"_s, m_phoneNumber);
        SimDelivery delivery;
        delivery.provider = Provider::Vapi;
        delivery.route = routeFor(m_tenant, Provider::Vapi);
        delivery.body = compactJson(QJsonObject{{u"message"_s, fields}});
        delivery.atMs = atMs;
        delivery.label = u"vapi "_s + type;
        delivery.bearerSecret = m_bearer;
        m_out.append(delivery);
    }

    void status(const QString &value, qint64 atMs, QJsonObject fields = {})
    {
        fields.insert(u"status"_s, value);
        add(u"status-update"_s, atMs, fields);
    }

    QJsonArray artifactMessages(QString *transcript) const
    {
        const qint64 start = m_plan.answerMs;
        QJsonArray messages{QJsonObject{{u"role"_s, u"system"_s},
                                        {u"message"_s, m_plan.systemPrompt},
                                        {u"time"_s, double(start)},
                                        {u"secondsFromStart"_s, 0}}};
        for (const Step &step : m_plan.steps) {
            if (const auto *utterance = std::get_if<Utterance>(&step)) {
                messages.append(QJsonObject{{u"role"_s, utterance->agent ? u"bot"_s : u"user"_s},
                                            {u"message"_s, utterance->text},
                                            {u"time"_s, double(start + utterance->startMs)},
                                            {u"endTime"_s, double(start + utterance->endMs)},
                                            {u"secondsFromStart"_s, double(utterance->startMs) / 1000.0},
                                            {u"duration"_s, double(utterance->endMs - utterance->startMs)}});
                *transcript += (utterance->agent ? u"AI: "_s : u"User: "_s) + utterance->text + u'\n';
            } else if (const auto *tool = std::get_if<ToolCall>(&step)) {
                const QJsonObject call{
                    {u"id"_s, tool->id},
                    {u"type"_s, u"function"_s},
                    {u"function"_s,
                     QJsonObject{{u"name"_s, tool->name}, {u"arguments"_s, jsonText(tool->arguments)}}}};
                messages.append(QJsonObject{{u"role"_s, u"tool_calls"_s},
                                            {u"message"_s, QString()},
                                            {u"toolCalls"_s, QJsonArray{call}},
                                            {u"time"_s, double(start + tool->startMs)},
                                            {u"secondsFromStart"_s, double(tool->startMs) / 1000.0}});
                messages.append(QJsonObject{{u"role"_s, u"tool_call_result"_s},
                                            {u"toolCallId"_s, tool->id},
                                            {u"name"_s, tool->name},
                                            {u"result"_s, jsonText(tool->result)},
                                            {u"time"_s, double(start + tool->endMs)},
                                            {u"secondsFromStart"_s, double(tool->endMs) / 1000.0}});
            }
        }
        return messages;
    }

    void endOfCallReport(const QString &reason)
    {
        QString transcript;
        const QJsonArray messages = m_plan.connected ? artifactMessages(&transcript) : QJsonArray();
        const double minutes = double(m_plan.talkMs()) / 60'000.0;
        const double model = std::round(minutes * 2'000.0) / 1e5;
        const double voice = std::round(minutes * 3'600.0) / 1e5;
        const double transport = std::round(minutes * 1'300.0) / 1e5;
        QJsonObject report{
            {u"endedReason"_s, reason},
            {u"endedAt"_s, isoTime(m_plan.endMs)},
            {u"cost"_s, model + voice + transport},
            {u"costs"_s, QJsonArray{QJsonObject{{u"type"_s, u"model"_s}, {u"cost"_s, model}},
                                    QJsonObject{{u"type"_s, u"voice"_s}, {u"cost"_s, voice}},
                                    QJsonObject{{u"type"_s, u"transport"_s}, {u"cost"_s, transport}}}},
            {u"summary"_s, m_plan.summary},
            {u"transcript"_s, transcript},
            {u"artifact"_s, QJsonObject{{u"messages"_s, messages}, {u"transcript"_s, transcript}}},
        };
        if (m_plan.connected) {
            report.insert(u"startedAt"_s, isoTime(m_plan.answerMs));
            report.insert(u"durationMs"_s, double(m_plan.talkMs()));
            report.insert(u"durationSeconds"_s, double(m_plan.talkMs()) / 1000.0);
            const QString recording = u"https://storage.vapi.ai/"_s + m_plan.providerCallId + u"-mono.wav"_s;
            report.insert(u"recordingUrl"_s, recording);
            const bool success = m_plan.scenario != Scenario::TransferFailed &&
                                 m_plan.scenario != Scenario::ShortHangUp &&
                                 m_plan.scenario != Scenario::Voicemail;
            report.insert(u"analysis"_s,
                          QJsonObject{{u"summary"_s, m_plan.summary},
                                      {u"successEvaluation"_s, success ? u"true"_s : u"false"_s}});
        }
        add(u"end-of-call-report"_s, m_plan.endMs + m_random.bounded(1'500, 6'000), report);
    }

    const CallPlan &m_plan;
    const QString &m_tenant;
    QRandomGenerator &m_random;
    QJsonObject m_call;
    QJsonObject m_customer;
    QJsonObject m_assistant;
    QJsonObject m_phoneNumber;
    bool m_bearer = false;
    Deliveries m_out;
};

} // namespace

Deliveries vapiDeliveries(const CallPlan &plan, const QString &tenant, QRandomGenerator &random)
{
    return VapiWriter(plan, tenant, random).write();
}

} // namespace CallScope::Sim
