// SPDX-License-Identifier: GPL-3.0-or-later
#include "calldetailsample.h"

using namespace Qt::Literals::StringLiterals;

namespace CallScope::TestCalls {

TimelineItem turn(qint64 at, qint64 length, const QString &role, const QString &text)
{
    TimelineItem item;
    item.kind = TimelineItem::Kind::Transcript;
    item.offsetMs = at;
    item.endOffsetMs = at + length;
    item.role = role;
    item.text = text;
    return item;
}

TimelineItem function(const QString &id, const QString &name, FunctionStatus status, qint64 start, qint64 end,
                      const QByteArray &arguments, const QByteArray &result, const QByteArray &error)
{
    TimelineItem item;
    item.kind = TimelineItem::Kind::Function;
    item.offsetMs = start;
    item.trace.toolCallId = id;
    item.trace.name = name;
    item.trace.status = status;
    item.trace.startOffsetMs = start;
    if (status != FunctionStatus::Pending) {
        item.endOffsetMs = end;
        item.trace.endOffsetMs = end;
        item.trace.durationMs = end - start;
    }
    item.trace.argumentsJson = arguments;
    item.trace.resultJson = result;
    item.trace.errorJson = error;
    return item;
}

TimelineItem marker(TimelineItem::Kind kind, qint64 at)
{
    TimelineItem item;
    item.kind = kind;
    item.offsetMs = at;
    return item;
}

StoredReceipt receipt(qint64 id, Provider provider, const QString &type, qint64 at, const QByteArray &body,
                      Verification verification)
{
    StoredReceipt r;
    r.id = id;
    r.callId = 42;
    r.provider = provider;
    r.eventKey = u"key-%1"_s.arg(id);
    r.eventType = type;
    r.receivedAtMs = callStart + at;
    r.verification = verification;
    r.headersJson = R"({"content-type":"application/json","user-agent":"provider/1.0"})";
    r.body = body;
    return r;
}

// A dental clinic's booking call: 24 turns, six function calls (one fails, one times out), status
// changes, a flow transition, an error, and four receipts of three body formats.
CallDetail bookingCall()
{
    CallDetail d;
    d.summary.id = 42;
    d.summary.uuid = u"7f0c2a1e-0000-4000-8000-000000000042"_s;
    d.summary.provider = Provider::Retell;
    d.summary.providerCallId = u"call_8d1f"_s;
    d.summary.direction = u"inbound"_s;
    d.summary.fromNumber = u"+14155550123"_s;
    d.summary.toNumber = u"+14155550199"_s;
    d.summary.agent = u"Front desk (dental)"_s;
    d.summary.status = CallStatus::Ended;
    d.summary.outcome = Outcome::Completed;
    d.summary.endedReason = u"customer hung up"_s;
    d.summary.startedAt = callStart;
    d.recordingUrl = u"https://recordings.example.com/call_8d1f.wav"_s;
    d.logUrl = u"https://dashboard.example.com/calls/call_8d1f"_s;
    d.costCents = 42.5;
    d.currency = u"USD"_s;
    d.summaryText = u"The caller booked a cleaning for Tuesday after the first slot was taken."_s;

    // Turns as long as their words take, the next one a moment later; the agent waits for its tools.
    qint64 t = 1'800;
    const auto say = [&](const QString &role, const QString &text) {
        const qint64 length = std::max<qint64>(900, text.size() * 62);
        d.items << turn(t, length, role, text);
        t += length + (role == "agent"_L1 ? 650 : 450);
    };
    const auto agent = [&](const QString &text) { say(u"agent"_s, text); };
    const auto user = [&](const QString &text) { say(u"user"_s, text); };
    const auto run = [&](const QString &id, const QString &name, FunctionStatus status, qint64 length,
                         const QByteArray &arguments, const QByteArray &result,
                         const QByteArray &error = {}) {
        d.items << function(id, name, status, t, t + length, arguments, result, error);
        t += length + 250;
    };
    TimelineItem ringing = marker(TimelineItem::Kind::Status, 0);
    ringing.status = u"ringing"_s;
    TimelineItem answered = marker(TimelineItem::Kind::Status, 1'200);
    answered.status = u"in_progress"_s;
    d.items << ringing << answered;
    agent(u"Thanks for calling Bright Smile Dental, this is Ava. How can I help you today?"_s);
    user(u"Hi, I'd like to book a cleaning, please."_s);
    TimelineItem flow = marker(TimelineItem::Kind::Flow, t - 200);
    flow.from = u"greeting"_s;
    flow.to = u"booking"_s;
    d.items << flow;
    agent(u"Of course. Can I have your date of birth so I can find your file?"_s);
    user(u"Sure, it's March 3rd, 1988."_s);
    run(u"tc_1"_s, u"lookup_patient"_s, FunctionStatus::Success, 900,
        R"({"dateOfBirth":"1988-03-03","phone":"+14155550123"})",
        R"({"patientId":"p_311","name":"Maria Lopez"})");
    agent(u"Thank you, Maria. I found your file. Which day works best for you?"_s);
    user(u"Is next Monday morning possible?"_s);
    agent(u"Let me check Monday morning for you."_s);
    user(u"Great."_s);
    run(u"tc_2"_s, u"check_availability"_s, FunctionStatus::Success, 1'200,
        R"({"day":"2026-06-01","period":"morning"})", R"({"slots":["09:30"]})");
    agent(u"Monday has a 9:30 with Dr. Chen. Shall I book it?"_s);
    user(u"Yes, please book the 9:30."_s);
    run(u"tc_3"_s, u"book_appointment"_s, FunctionStatus::Error, 1'300,
        R"({"patientId":"p_311","date":"2026-06-01","time":"09:30","provider":"Dr. Chen"})", {},
        R"({"code":"SLOT_TAKEN","message":"The slot 2026-06-01 09:30 was booked by another patient"})");
    TimelineItem error = marker(TimelineItem::Kind::Error, t - 250);
    error.code = u"SLOT_TAKEN"_s;
    error.severity = u"high"_s;
    error.message = u"The slot 2026-06-01 09:30 was booked by another patient"_s;
    d.items << error;
    run(u"tc_4"_s, u"check_availability"_s, FunctionStatus::Success, 600,
        R"({"day":"2026-06-02","period":"morning"})", R"({"slots":["10:00","11:30"]})");
    agent(
        u"I'm sorry, that slot was just taken by someone else. Tuesday at 10:00 is free, would that work?"_s);
    user(u"Hmm, okay, Tuesday at ten is fine."_s);
    agent(u"Booking Tuesday at 10:00 with Dr. Chen now."_s);
    run(u"tc_5"_s, u"book_appointment"_s, FunctionStatus::Success, 1'200,
        R"({"patientId":"p_311","date":"2026-06-02","time":"10:00"})", R"({"appointmentId":"a_977"})");
    user(u"Thank you."_s);
    agent(u"You're booked for Tuesday at 10:00. Would you like a text reminder?"_s);
    user(u"Yes, a text would be great."_s);
    agent(u"I'll send it to the number you're calling from, ending in 0123."_s);
    run(u"tc_6"_s, u"send_sms_reminder"_s, FunctionStatus::Timeout, 10'000,
        R"({"to":"+14155550123","template":"reminder"})", {},
        R"({"code":"TIMEOUT","message":"SMS gateway did not answer within 10 s"})");
    user(u"Perfect."_s);
    agent(u"The reminder didn't go out right away, our office will resend it today."_s);
    user(u"No problem."_s);
    agent(u"Is there anything else I can help you with?"_s);
    user(u"No, that's all. Thanks!"_s);
    agent(u"You're welcome, Maria. See you on Tuesday. Goodbye!"_s);
    user(u"Bye."_s);
    TimelineItem ended = marker(TimelineItem::Kind::Status, t + 1'000);
    ended.status = u"ended"_s;
    ended.reason = u"customer hung up"_s;
    d.items << ended;
    d.summary.durationMs = t + 1'000;
    d.summary.endedAt = callStart + t + 1'000;
    sortTimeline(d.items);

    d.receipts << receipt(1, Provider::Retell, u"call_started"_s, 300,
                          R"({"event":"call_started","call":{"call_id":"call_8d1f","agent_id":"ag_1"}})")
               << receipt(2, Provider::Backend, u"function.finished"_s, 68'400,
                          R"({"type":"function.finished","toolCallId":"tc_3","status":"error"})")
               << receipt(3, Provider::Twilio, u"status-callback"_s, 176'500,
                          "CallSid=CA123&CallStatus=completed&From=%2B14155550123&CallDuration=176&Caller+"
                          "Name=Maria+Lopez",
                          Verification::Unsigned)
               << receipt(4, Provider::Backend, u"note"_s, 177'000, "plain text, not JSON");
    return d;
}

int indexOf(const CallDetail &detail, const QString &toolCallId)
{
    for (int i = 0; i < detail.items.size(); ++i) {
        if (detail.items.at(i).trace.toolCallId == toolCallId)
            return i;
    }
    return -1;
}

} // namespace CallScope::TestCalls
