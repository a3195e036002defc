// SPDX-License-Identifier: GPL-3.0-or-later
#include "simreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Sim {

QByteArray reportJson(const ReportContext &context, const QList<CallPlan> &plans,
                      const QList<Deliveries> &sent, const SendStats &stats)
{
    QJsonArray calls;
    QJsonObject byProvider;
    QJsonObject byOutcome;
    for (qsizetype i = 0; i < plans.size(); ++i) {
        const CallPlan &plan = plans.at(i);
        int deliveries = 0;
        int backendEvents = 0;
        for (const SimDelivery &delivery : sent.at(i)) {
            if (delivery.duplicate)
                continue;
            ++deliveries;
            if (delivery.provider == Provider::Backend)
                backendEvents += delivery.events;
        }
        const QList<ToolCall> tools = plan.toolCalls();
        const auto failedTools =
            std::count_if(tools.cbegin(), tools.cend(), [](const ToolCall &t) { return !t.succeeded; });
        QJsonObject call{{u"index"_s, plan.index},
                         {u"provider"_s, toString(plan.provider)},
                         {u"providerCallId"_s, plan.providerCallId},
                         {u"twilioLeg"_s, plan.sendTwilioLeg},
                         {u"scenario"_s, toString(plan.scenario)},
                         {u"language"_s, toString(plan.language)},
                         {u"business"_s, toString(plan.business)},
                         {u"businessName"_s, plan.businessName},
                         {u"direction"_s, plan.outbound ? u"outbound"_s : u"inbound"_s},
                         {u"from"_s, plan.from()},
                         {u"to"_s, plan.to()},
                         {u"deliveries"_s, deliveries},
                         {u"backendEvents"_s, backendEvents},
                         {u"toolCalls"_s, int(tools.size())},
                         {u"failedToolCalls"_s, int(failedTools)},
                         {u"utterances"_s, int(plan.utterances().size())}};
        // Every call a provider reports ends; the backend alone reports no status.
        if (plan.provider != Provider::Backend)
            call.insert(u"status"_s, u"ended"_s);
        if (!plan.twilioCallSid.isEmpty())
            call.insert(u"twilioCallSid"_s, plan.twilioCallSid);
        // How long the parties talked; a call nobody answered has no such length.
        if (plan.connected)
            call.insert(u"durationMs"_s, double(plan.talkMs()));
        if (!plan.expectedOutcome.isEmpty())
            call.insert(u"outcome"_s, plan.expectedOutcome);
        if (plan.callback)
            call.insert(u"callbackUrgency"_s, plan.callback->urgency);
        calls.append(call);
        const QString provider = toString(plan.provider);
        byProvider.insert(provider, byProvider.value(provider).toInt() + 1);
        const QString outcome = plan.expectedOutcome.isEmpty() ? u"unknown"_s : plan.expectedOutcome;
        byOutcome.insert(outcome, byOutcome.value(outcome).toInt() + 1);
    }
    const QJsonObject totals{{u"calls"_s, int(plans.size())},
                             {u"byProvider"_s, byProvider},
                             {u"byOutcome"_s, byOutcome},
                             {u"ackedEvents"_s, double(stats.ackedEvents)},
                             {u"rejectedEvents"_s, double(stats.rejectedEvents)},
                             {u"duplicatesSent"_s, double(stats.duplicatesSent)},
                             {u"duplicateEvents"_s, double(stats.duplicateEventsSent)},
                             {u"duplicatesAnswered"_s, double(stats.duplicatesAnswered)}};
    const QJsonObject root{{u"seed"_s, QString::number(context.seed)},
                           {u"tenant"_s, context.tenant},
                           {u"language"_s, context.language},
                           {u"shuffle"_s, context.shuffle},
                           {u"duplicates"_s, context.duplicates},
                           {u"calls"_s, calls},
                           {u"totals"_s, totals}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace CallScope::Sim
