// SPDX-License-Identifier: GPL-3.0-or-later
#include "callgenerator.h"
#include "simdelivery.h"
#include "simids.h"
#include "webhooksigner.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

// Twilio voice status callbacks: form posts, one per status the call passes through (with
// StatusCallbackEvent initiated, ringing, answered, completed), numbered by SequenceNumber. The
// carrier leg under a Retell or Vapi call has the CallSid that platform reports, so CallScope shows one
// call with both legs.
namespace CallScope::Sim {

namespace {

// RFC 2822 as Twilio writes it, in English whatever the machine's locale.
QByteArray rfc2822(qint64 ms)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return QLocale::c().toString(time, u"ddd, dd MMM yyyy HH:mm:ss"_s).toUtf8() + " +0000";
}

struct Status
{
    QByteArray name;
    qint64 atMs;
};

// The statuses of the call in order: an answered call rings and is answered; an unanswered one
// rings and gives up; a busy or failed one ends at once.
QList<Status> statuses(const CallPlan &plan, const QByteArray &finalStatus)
{
    QList<Status> out;
    if (plan.outbound)
        out.append({"initiated", plan.dialMs});
    if (plan.connected || plan.scenario == Scenario::NoAnswer)
        out.append({"ringing", plan.dialMs + (plan.outbound ? 1'000 : 0)});
    if (plan.connected)
        out.append({"in-progress", plan.answerMs});
    out.append({finalStatus, plan.endMs});
    return out;
}

QByteArray sipResponseCode(const QByteArray &finalStatus)
{
    if (finalStatus == "busy")
        return "486";
    if (finalStatus == "no-answer")
        return "480";
    if (finalStatus == "failed")
        return "503";
    return "200";
}

} // namespace

Deliveries twilioDeliveries(const CallPlan &plan, const QString &tenant, QRandomGenerator &random)
{
    // A leg's end is the platform's word, not Twilio's: for the carrier a transferred or voicemail
    // call simply completed.
    const QByteArray finalStatus = endReason(plan, Provider::Twilio).toUtf8();
    const QByteArray accountSid =
        "AC" + QByteArray::number(stableHash(plan.businessName), 16).rightJustified(32, '0');
    const QByteArray callSid = plan.twilioCallSid.toUtf8();
    const QByteArray from = plan.from().toUtf8();
    const QByteArray to = plan.to().toUtf8();
    Deliveries out;
    int sequence = 0;
    for (const Status &status : statuses(plan, finalStatus)) {
        QList<QPair<QByteArray, QByteArray>> params{
            {"AccountSid", accountSid},
            {"ApiVersion", "2010-04-01"},
            {"CallSid", callSid},
            {"CallStatus", status.name},
            {"Called", to},
            {"Caller", from},
            {"Direction", plan.outbound ? "outbound-api" : "inbound"},
            {"From", from},
            {"To", to},
            {"CallbackSource", "call-progress-events"},
            {"SequenceNumber", QByteArray::number(sequence++)},
            {"Timestamp", rfc2822(status.atMs)},
        };
        const bool final = status.name == finalStatus;
        if (final) {
            const qint64 talkSeconds = plan.talkMs() / 1000;
            params.append({"CallDuration", QByteArray::number(talkSeconds)});
            params.append({"Duration", QByteArray::number((talkSeconds + 59) / 60)});
            params.append({"SipResponseCode", sipResponseCode(finalStatus)});
        }
        // Answering-machine detection runs on outbound calls and reports from the answer on.
        if (plan.outbound && plan.connected && status.name != "initiated" && status.name != "ringing")
            params.append({"AnsweredBy", plan.scenario == Scenario::Voicemail ? QByteArray("machine_end_beep")
                                                                              : QByteArray("human")});

        SimDelivery delivery;
        delivery.provider = Provider::Twilio;
        delivery.route = routeFor(tenant, Provider::Twilio);
        delivery.contentType = "application/x-www-form-urlencoded";
        delivery.form = params;
        delivery.body = WebhookSigner::formBody(params);
        // Twilio posts a few hundred ms after the status changed.
        delivery.atMs = status.atMs + random.bounded(100, 900);
        delivery.label = u"twilio "_s + QString::fromLatin1(status.name);
        out.append(delivery);
    }
    return out;
}

} // namespace CallScope::Sim
