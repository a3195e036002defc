// SPDX-License-Identifier: GPL-3.0-or-later
#include "showcasecall.h"

#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Test {

namespace {

struct Turn
{
    bool agent;
    const char *text;
    qint64 atMs;
    qint64 lengthMs;
};

// The caller wants a vaccination for her dog, the booking fails, the transfer to staff is not
// answered, and a callback is promised.
const Turn turns[] = {
    {true,
     "Good morning, Tierarztpraxis Sonnenhof, this is Mia, the practice's assistant. How can I help you?",
     400, 4200},
    {false, "Hi, this is Laura Becker. My dog Bello needs his rabies vaccination, it's due this month.", 5200,
     5100},
    {true, "Of course, Ms Becker. Let me look you up. Is this the number we have on file for you?", 10800,
     4300},
    {false, "Yes, that's my mobile.", 15600, 1600},
    {true,
     "I found you and Bello, a Labrador, eight years old. Would you like the appointment with Dr Hartmann "
     "again?",
     19800, 5600},
    {false, "Yes please, he knows him. Ideally Friday morning, before ten if possible.", 26000, 4400},
    {true, "Let me check Friday morning for Dr Hartmann.", 30900, 2400},
    {true, "Friday I have 9:30 or 11:15. Shall I book 9:30?", 36200, 3100},
    {false, "9:30 is perfect.", 39800, 1400},
    {true, "One moment, I'm booking Bello for Friday at 9:30.", 41600, 2800},
    {true, "I'm sorry, the practice calendar is not answering right now, so I could not save the booking.",
     49800, 5200},
    {false, "Oh no. Can you try again?", 55600, 1700},
    {true, "I tried once more, but the calendar is still unavailable.", 58200, 3400},
    {true, "I can put you through to the front desk, they can book it by hand. Is that all right?", 62100,
     4500},
    {false, "Yes, please do that.", 67000, 1300},
    {true, "Connecting you now, please hold.", 68800, 2000},
    {true, "I'm afraid nobody at the front desk is free at the moment.", 101500, 3300},
    {true, "I can ask the team to call you back today to book the 9:30 slot. Would that help?", 105300, 4800},
    {false, "Yes, that's fine. Please call me back on this number, I'm free all afternoon.", 110600, 4700},
    {true,
     "I've noted a callback for this afternoon: rabies vaccination for Bello, Friday 9:30 with Dr Hartmann.",
     115900, 6100},
    {false, "Great. Does he need to come fasting or anything?", 122600, 2900},
    {true, "No, nothing special. Please bring his vaccination booklet.", 126000, 3500},
    {false, "Okay, I will. Thank you, Mia.", 130100, 1900},
    {true, "You're welcome, Ms Becker. Have a nice day, goodbye!", 132600, 3000},
};

struct Function
{
    const char *name;
    const char *arguments;
    qint64 atMs;
    qint64 durationMs;
    const char *status;
    const char *result; // or error
};

const Function functions[] = {
    {"lookup_patient", R"({"phone":"+491701234567"})", 12400, 640, "success",
     R"({"owner":"Laura Becker","pets":[{"name":"Bello","species":"dog","breed":"Labrador","age":8}]})"},
    {"get_vet_preferences", R"({"patientId":"p_48213"})", 21000, 410, "success", R"({"vet":"Dr Hartmann"})"},
    {"check_availability", R"({"vet":"Dr Hartmann","day":"2026-11-27","before":"10:00"})", 32100, 2300,
     "success", R"({"slots":["09:30","11:15"]})"},
    {"book_appointment_v17",
     R"({"patientId":"p_48213","vet":"Dr Hartmann","start":"2026-11-27T09:30:00+01:00","reason":"rabies vaccination"})",
     43200, 5800, "error",
     R"({"code":"calendar_unavailable","message":"Calendar API answered 503 Service Unavailable after 5.8 s","retryable":true})"},
    {"book_appointment_v17",
     R"({"patientId":"p_48213","vet":"Dr Hartmann","start":"2026-11-27T09:30:00+01:00","reason":"rabies vaccination"})",
     56100, 10000, "timeout", R"({"code":"timeout","message":"no answer within 10 s"})"},
    {"transfer_call", R"({"destination":"+49305550100","reason":"booking failed"})", 69900, 30800, "error",
     R"({"code":"transfer_no_answer","message":"front desk did not answer within 30 s"})"},
    {"request_callback",
     R"({"phone":"+491701234567","name":"Laura Becker","concern":"Book rabies vaccination for Bello, Fri 9:30, Dr Hartmann","urgency":"urgent"})",
     117400, 520, "success", R"({"callbackId":"cb_1193","queued":true})"},
};

QJsonObject parsed(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

IngestUnit unit(const QString &eventKey, const QString &type, const QJsonObject &body, qint64 receivedAt,
                const CallEvents &events)
{
    IngestUnit u = makeUnit(Provider::Vapi, eventKey, QString(), events);
    u.receipt.eventType = type;
    u.receipt.receivedAtMs = receivedAt;
    u.receipt.headersJson =
        R"({"content-type":"application/json","user-agent":"Vapi/1.0","x-vapi-signature":"[redacted]"})";
    u.receipt.body = QJsonDocument(QJsonObject{{u"message"_s, body}}).toJson(QJsonDocument::Compact);
    return u;
}

} // namespace

QList<IngestUnit> showcaseCall(int n, qint64 startMs)
{
    const QString id = u"vapi-call-7f3c%1"_s.arg(n, 4, 10, QChar(u'0'));
    const QString from = u"+4917012%1"_s.arg(34567 + n);
    const QJsonObject callJson{{u"id"_s, id}, {u"type"_s, u"inboundPhoneCall"_s}};
    QList<IngestUnit> units;
    const QJsonObject numbers{{u"fromNumber"_s, from},
                              {u"toNumber"_s, u"+49305550199"_s},
                              {u"direction"_s, u"inbound"_s},
                              {u"agent"_s, u"Mia – Sonnenhof reception"_s},
                              {u"startedAt"_s, double(startMs)}};
    units << unit(id + u"-status-ringing"_s, u"status-update"_s,
                  {{u"type"_s, u"status-update"_s}, {u"status"_s, u"ringing"_s}, {u"call"_s, callJson}},
                  startMs - 2000,
                  {statusEvent(Provider::Vapi, id, CallStatus::Ringing, startMs - 2000, numbers)});
    units << unit(id + u"-status-in-progress"_s, u"status-update"_s,
                  {{u"type"_s, u"status-update"_s}, {u"status"_s, u"in-progress"_s}, {u"call"_s, callJson}},
                  startMs, {statusEvent(Provider::Vapi, id, CallStatus::InProgress, startMs, numbers)});
    int t = 0;
    for (const Turn &turn : turns) {
        CallEvent e =
            transcriptEvent(Provider::Vapi, id, turn.agent ? u"agent"_s : u"user"_s,
                            QString::fromUtf8(turn.text), turn.atMs, startMs + turn.atMs + turn.lengthMs);
        e.payload.insert(u"endMs"_s, double(turn.atMs + turn.lengthMs));
        units << unit(id + u"-transcript-%1"_s.arg(t++), u"transcript"_s,
                      {{u"type"_s, u"transcript"_s},
                       {u"role"_s, turn.agent ? u"assistant"_s : u"user"_s},
                       {u"transcriptType"_s, u"final"_s},
                       {u"transcript"_s, QString::fromUtf8(turn.text)},
                       {u"call"_s, callJson}},
                      startMs + turn.atMs + turn.lengthMs + 180, {e});
    }
    int f = 0;
    for (const Function &fn : functions) {
        const QString tc = u"call_%1_%2"_s.arg(id.right(8)).arg(f++);
        const QString name = QString::fromUtf8(fn.name);
        const QJsonObject args = parsed(fn.arguments);
        units << unit(tc + u"-start"_s, u"tool-calls"_s,
                      {{u"type"_s, u"tool-calls"_s},
                       {u"toolCallList"_s,
                        QJsonArray{QJsonObject{
                            {u"id"_s, tc},
                            {u"type"_s, u"function"_s},
                            {u"function"_s, QJsonObject{{u"name"_s, name}, {u"arguments"_s, args}}}}}},
                       {u"call"_s, callJson}},
                      startMs + fn.atMs + 90,
                      {functionEvent(Provider::Vapi, id, EventKind::FunctionStarted, tc, name, fn.atMs,
                                     startMs + fn.atMs, {{u"arguments"_s, args}})});
        const bool ok = qstrcmp(fn.status, "success") == 0;
        QJsonObject end{{u"status"_s, QString::fromLatin1(fn.status)},
                        {u"durationMs"_s, double(fn.durationMs)}};
        end.insert(ok ? u"result"_s : u"error"_s, parsed(fn.result));
        // How the function ended, as the assistant's server reports it.
        IngestUnit finished =
            makeUnit(Provider::Vapi, tc + u"-end"_s, QString(),
                     {functionEvent(Provider::Vapi, id, EventKind::FunctionFinished, tc, name,
                                    fn.atMs + fn.durationMs, startMs + fn.atMs + fn.durationMs, end)});
        finished.receipt.eventType = u"tool-call-result"_s;
        finished.receipt.receivedAtMs = startMs + fn.atMs + fn.durationMs + 60;
        finished.receipt.body =
            QJsonDocument(QJsonObject{{u"message"_s, QJsonObject{{u"type"_s, u"tool-call-result"_s},
                                                                 {u"toolCallId"_s, tc},
                                                                 {u"name"_s, name},
                                                                 {u"outcome"_s, end}}}})
                .toJson(QJsonDocument::Compact);
        units << finished;
    }
    CallEvent toTransfer;
    toTransfer.provider = Provider::Vapi;
    toTransfer.providerCallId = id;
    toTransfer.kind = EventKind::FlowTransition;
    toTransfer.occurredAtMs = startMs + 69'000;
    toTransfer.offsetMs = 69'000;
    toTransfer.payload = {{u"from"_s, u"booking"_s},
                          {u"to"_s, u"transfer"_s},
                          {u"transfer"_s, u"started"_s},
                          {u"destination"_s, u"+49305550100"_s}};
    CallEvent back = toTransfer;
    back.occurredAtMs = startMs + 100'800;
    back.offsetMs = 100'800;
    back.payload = {{u"from"_s, u"transfer"_s}, {u"to"_s, u"callback"_s}, {u"transfer"_s, u"cancelled"_s}};
    units << unit(id + u"-transfer"_s, u"transfer-destination-request"_s,
                  {{u"type"_s, u"transfer-destination-request"_s}, {u"call"_s, callJson}}, startMs + 69'100,
                  {toTransfer});
    CallEvent error;
    error.provider = Provider::Vapi;
    error.providerCallId = id;
    error.kind = EventKind::Error;
    error.occurredAtMs = startMs + 100'700;
    error.offsetMs = 100'700;
    error.payload = {{u"code"_s, u"transfer_no_answer"_s},
                     {u"severity"_s, u"high"_s},
                     {u"message"_s, u"Transfer to +49305550100 was not answered within 30 s"_s}};
    units << unit(id + u"-transfer-failed"_s, u"hang"_s, {{u"type"_s, u"hang"_s}, {u"call"_s, callJson}},
                  startMs + 100'900, {error, back});
    const qint64 duration = 136'400;
    CallEvent ended =
        statusEvent(Provider::Vapi, id, CallStatus::Ended, startMs + duration,
                    {{u"reason"_s, u"customer-ended-call"_s},
                     {u"endedAt"_s, double(startMs + duration)},
                     {u"durationMs"_s, double(duration)},
                     {u"recordingUrl"_s, u"https://storage.vapi.ai/recordings/%1.wav"_s.arg(id)},
                     {u"logUrl"_s, u"https://dashboard.vapi.ai/calls/%1"_s.arg(id)}});
    CallEvent cost;
    cost.provider = Provider::Vapi;
    cost.providerCallId = id;
    cost.kind = EventKind::CallCost;
    cost.occurredAtMs = startMs + duration;
    cost.payload = {{u"costCents"_s, 23.7}, {u"currency"_s, u"USD"_s}};
    CallEvent analysis;
    analysis.provider = Provider::Vapi;
    analysis.providerCallId = id;
    analysis.kind = EventKind::CallAnalysis;
    analysis.occurredAtMs = startMs + duration;
    analysis.payload = {{u"summary"_s,
                         u"Caller wanted a rabies vaccination for her dog on Friday 9:30; booking "
                         "failed (calendar unavailable), transfer unanswered, callback promised."_s},
                        {u"success"_s, false}};
    units << unit(id + u"-end-of-call-report"_s, u"end-of-call-report"_s,
                  {{u"type"_s, u"end-of-call-report"_s},
                   {u"endedReason"_s, u"customer-ended-call"_s},
                   {u"cost"_s, 0.237},
                   {u"call"_s, callJson}},
                  startMs + duration + 1500, {ended, cost, analysis});
    return units;
}

QList<IngestUnit> ordinaryCall(int n, qint64 startMs)
{
    const QString id = u"vapi-call-%1"_s.arg(1000 + n);
    const bool outbound = n % 4 == 1;
    const qint64 duration = 25'000 + (n * 7919 % 140) * 1000;
    const QJsonObject callJson{{u"id"_s, id}};
    CallEvents events;
    events << statusEvent(
        Provider::Vapi, id, CallStatus::InProgress, startMs,
        {{u"fromNumber"_s, outbound ? u"+49305550199"_s : u"+4915%1"_s.arg(223344000 + n * 37)},
         {u"toNumber"_s, outbound ? u"+4916%1"_s.arg(100200300 + n * 53) : u"+49305550199"_s},
         {u"direction"_s, outbound ? u"outbound"_s : u"inbound"_s},
         {u"agent"_s, n % 3 ? u"Mia – Sonnenhof reception"_s : u"Reminder caller"_s},
         {u"startedAt"_s, double(startMs)}});
    events << transcriptEvent(Provider::Vapi, id, u"agent"_s, u"Tierarztpraxis Sonnenhof, how can I help?"_s,
                              300, startMs + 300);
    events << transcriptEvent(Provider::Vapi, id, u"user"_s,
                              u"I'd like to move my cat's check-up to next week."_s, 3'500, startMs + 3'500);
    const int calls = n % 3 + 1;
    for (int f = 0; f < calls; ++f) {
        const QString tc = u"%1-tc%2"_s.arg(id).arg(f);
        events << functionEvent(Provider::Vapi, id, EventKind::FunctionStarted, tc, u"check_availability"_s,
                                6'000 + f * 5'000, startMs + 6'000,
                                {{u"arguments"_s, QJsonObject{{u"day"_s, u"2026-12-01"_s}}}});
        const bool failed = n % 9 == 4 && f == 0;
        events << functionEvent(Provider::Vapi, id, EventKind::FunctionFinished, tc, u"check_availability"_s,
                                7'200 + f * 5'000, startMs + 7'200,
                                {{u"status"_s, failed ? u"error"_s : u"success"_s},
                                 {u"durationMs"_s, 1'200},
                                 {failed ? u"error"_s : u"result"_s,
                                  QJsonObject{{u"code"_s, failed ? u"calendar_unavailable"_s : u"ok"_s}}}});
    }
    const bool noAnswer = outbound && n % 8 == 1;
    QJsonObject end{{u"endedAt"_s, double(startMs + duration)},
                    {u"durationMs"_s, double(noAnswer ? 0 : duration)},
                    {u"reason"_s, noAnswer ? u"customer-did-not-answer"_s : u"customer-ended-call"_s}};
    if (noAnswer)
        end.insert(u"outcome"_s, u"no_answer"_s);
    events << statusEvent(Provider::Vapi, id, CallStatus::Ended, startMs + duration, end);
    IngestUnit u = makeUnit(Provider::Vapi, id + u"-all"_s, id, events);
    u.receipt.receivedAtMs = startMs + duration;
    u.receipt.eventType = u"end-of-call-report"_s;
    u.receipt.body =
        QJsonDocument(QJsonObject{{u"message"_s,
                                   QJsonObject{{u"type"_s, u"end-of-call-report"_s}, {u"call"_s, callJson}}}})
            .toJson(QJsonDocument::Compact);
    return {u};
}

} // namespace CallScope::Test
