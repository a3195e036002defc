// SPDX-License-Identifier: GPL-3.0-or-later
#include "adaptertestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

// Declared before the payloads: moc misreads the \" escapes inside raw string literals.
class TestAdapterVapi : public QObject
{
    Q_OBJECT

private slots:
    void eachMessageType_data();
    void eachMessageType();
    void statusMapping_data();
    void statusMapping();
    void outcomeMapping_data();
    void outcomeMapping();
    void directionAndNumbers_data();
    void directionAndNumbers();
    void twilioCallSid_data();
    void twilioCallSid();
    void endOfCallReportStatus();
    void endOfCallReportCost();
    void endOfCallReportTranscript();
    void endOfCallReportToolCalls();
    void artifactTurnsWithoutTimesGetDerivedOffsets();
    void successEvaluation_data();
    void successEvaluation();
    void liveTranscripts_data();
    void liveTranscripts();
    void toolCallShapes_data();
    void toolCallShapes();
    void hangAndTransfer();
    void redaction_data();
    void redaction();
    void nothingToRedactKeepsTheRawBody();
    void keysUseTheTimestampAsGiven_data();
    void keysUseTheTimestampAsGiven();
    void duplicatesShareTheirKey();
    void missingCallIdIsUnattributed_data();
    void missingCallIdIsUnattributed();
    void malformedBodiesAreRejected_data();
    void malformedBodiesAreRejected();
};

namespace {

constexpr qint64 receivedAt = 1'761'210'900'000;
constexpr qint64 callStart = 1'761'210'843'120; // 2025-10-23T09:14:03.120Z
constexpr qint64 callEnd = 1'761'210'863'420;   // 2025-10-23T09:14:23.420Z

const QByteArray authToken = "s3cr3t-auth-token-0f1e2d"_ba;
const QByteArray apiSecret = "s3cr3t-api-secret-9c8b7a"_ba;

// A server message: the type and its own fields as JSON text, plus what every example shares: the
// call (with changes; a null removes a field), the Vapi phone number and the assistant.
QByteArray vapi(const QString &fields, const QJsonObject &callChanges = {})
{
    QJsonObject call = jsonObject(R"({
      "id": "3f1c8a52-6d0e-4b7a-9c3e-2a1b0c9d8e7f", "orgId": "5b2e4c1a", "type": "inboundPhoneCall",
      "createdAt": "2025-10-23T09:14:01.900Z", "startedAt": "2025-10-23T09:14:03.120Z", "status": "in-progress",
      "phoneCallProvider": "twilio", "phoneCallProviderId": "CA1b2c3d4e5f60718293a4b5c6d7e8f901",
      "assistantId": "a7c4e2f0", "customer": {"number": "+14155550123"}})");
    applyChanges(call, callChanges);
    QJsonObject message = jsonObject(u"{%1}"_s.arg(fields));
    message.insert(u"call"_s, call);
    message.insert(u"phoneNumber"_s,
                   QJsonObject{{u"id"_s, u"9e8d7c6b"_s},
                               {u"provider"_s, u"twilio"_s},
                               {u"number"_s, u"+14155550199"_s},
                               {u"twilioAccountSid"_s, u"AC00000000000000000000000000000000"_s}});
    message.insert(u"assistant"_s, QJsonObject{{u"id"_s, u"a7c4e2f0"_s}, {u"name"_s, u"Front desk"_s}});
    return jsonBytes(QJsonObject{{u"message"_s, message}});
}

const QString callId = u"3f1c8a52-6d0e-4b7a-9c3e-2a1b0c9d8e7f"_s;

const QByteArray endOfCallReport = vapi(uR"("type": "end-of-call-report", "timestamp": 1761210864000,
  "endedReason": "customer-ended-call", "startedAt": "2025-10-23T09:14:03.120Z", "endedAt": "2025-10-23T09:14:23.420Z",
  "durationMs": 20300, "cost": 0.1234,
  "costs": [{"type": "transport", "provider": "twilio", "minutes": 0.34, "cost": 0.0068},
            {"type": "model", "promptTokens": 1830, "completionTokens": 96, "cost": 0.0211},
            {"type": "analysis", "analysisType": "summary", "cost": 0.0009},
            {"type": "analysis", "analysisType": "successEvaluation", "cost": 0.0006}],
  "artifact": {"recordingUrl": "https://storage.vapi.ai/3f1c8a52-mono.wav",
               "logUrl": "https://calllogs.vapi.ai/3f1c8a52.log",
               "messages": [
    {"role": "system", "message": "You are the front desk of North Clinic.", "time": 1761210843100, "secondsFromStart": 0},
    {"role": "bot", "message": "North Clinic, how can I help?", "time": 1761210843540, "endTime": 1761210846020,
     "secondsFromStart": 0.42, "duration": 2480, "source": ""},
    {"role": "user", "message": "A cleaning next Tuesday, please.", "time": 1761210846220, "endTime": 1761210848460,
     "secondsFromStart": 3.1, "duration": 2240},
    {"role": "tool_calls", "message": "", "time": 1761210848900, "secondsFromStart": 5.78,
     "toolCalls": [{"id": "call_Qx7a1b", "type": "function",
                    "function": {"name": "check_availability", "arguments": "{\"date\":\"2026-10-27\"}"}}]},
    {"role": "tool_call_result", "toolCallId": "call_Qx7a1b", "result": "{\"slots\":[\"10:00\"]}",
     "time": 1761210849300, "secondsFromStart": 6.18},
    {"role": "bot", "message": "Tuesday at ten is free.", "time": 1761210851020, "secondsFromStart": 7.9, "duration": 2000}
  ]},
  "analysis": {"summary": "The caller booked a cleaning for Tuesday at ten.", "structuredData": {"booked": true},
               "successEvaluation": "true"})"_s);

const QByteArray toolCalls = vapi(uR"("type": "tool-calls", "timestamp": 1761210849000,
  "toolCallList": [
    {"id": "call_Qx7a1b", "type": "function",
     "function": {"name": "check_availability", "arguments": "{\"date\":\"2026-10-27\",\"service\":\"cleaning\"}"}},
    {"id": "call_Qx7a1c", "type": "function", "function": {"name": "lookup_patient", "arguments": {"phone": "+14155550123"}}},
    {"id": "call_Qx7a1d", "name": "send_sms", "parameters": {"to": "+14155550123", "text": "See you Tuesday"}}
  ])"_s);

// Adapts a body that must be accepted (see REQUIRE_ADAPTED).
#define ADAPT(name, body) REQUIRE_ADAPTED(name, adaptVapi(body, receivedAt))

} // namespace

void TestAdapterVapi::eachMessageType_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("eventType");
    QTest::addColumn<QString>("timestamp");
    QTest::addColumn<QStringList>("kinds");

    const QString status = u"call.status"_s;
    const QString segment = u"transcript.segment"_s;

    QTest::newRow("status-update reports the status")
        << vapi(uR"("type": "status-update", "timestamp": 1761210843120, "status": "in-progress")"_s)
        << u"status-update"_s << u"1761210843120"_s << QStringList{status};
    QTest::newRow("a final transcript reports a turn")
        << vapi(uR"("type": "transcript", "timestamp": 1761210846300, "role": "assistant",
                    "transcriptType": "final", "transcript": "North Clinic, how can I help?")"_s)
        << u"transcript"_s << u"1761210846300"_s << QStringList{segment};
    QTest::newRow("a partial transcript reports nothing")
        << vapi(uR"("type": "transcript", "timestamp": 1761210845900, "role": "user",
                    "transcriptType": "partial", "transcript": "A clean")"_s)
        << u"transcript"_s << u"1761210845900"_s << QStringList();
    QTest::newRow("conversation-update reports nothing (the report has the turns)")
        << vapi(uR"("type": "conversation-update", "timestamp": 1761210846400,
                    "messages": [{"role": "bot", "message": "Hello", "time": 1761210843540, "secondsFromStart": 0.42}])"_s)
        << u"conversation-update"_s << u"1761210846400"_s << QStringList();
    QTest::newRow("speech-update reports nothing")
        << vapi(
               uR"("type": "speech-update", "timestamp": 1761210846500, "status": "started", "role": "user")"_s)
        << u"speech-update"_s << u"1761210846500"_s << QStringList();
    QTest::newRow("user-interrupted reports nothing")
        << vapi(uR"("type": "user-interrupted", "timestamp": 1761210847000)"_s) << u"user-interrupted"_s
        << u"1761210847000"_s << QStringList();
    QTest::newRow("tool-calls reports each call started")
        << toolCalls << u"tool-calls"_s << u"1761210849000"_s
        << QStringList{u"function.started"_s, u"function.started"_s, u"function.started"_s};
    QTest::newRow("end-of-call-report reports the end, the turns, the tool call, the analysis and the cost")
        << endOfCallReport << u"end-of-call-report"_s << u"1761210864000"_s
        << QStringList{status,
                       segment,
                       segment,
                       u"function.started"_s,
                       u"function.finished"_s,
                       segment,
                       u"call.analysis"_s,
                       u"call.cost"_s};
    QTest::newRow("hang reports a note") << vapi(uR"("type": "hang", "timestamp": 1761210850000)"_s)
                                         << u"hang"_s << u"1761210850000"_s << QStringList{u"note"_s};
    QTest::newRow("transfer-update reports a transition to the transfer")
        << vapi(uR"("type": "transfer-update", "timestamp": 1761210860000,
                    "destination": {"type": "number", "number": "+14155550142"})"_s)
        << u"transfer-update"_s << u"1761210860000"_s << QStringList{u"flow.transition"_s};
    QTest::newRow("a type CallScope does not know is kept with its call")
        << vapi(uR"("type": "assistant-request", "timestamp": 1761210842000)"_s) << u"assistant-request"_s
        << u"1761210842000"_s << QStringList();
}

void TestAdapterVapi::eachMessageType()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, eventType);
    QFETCH(QString, timestamp);
    QFETCH(QStringList, kinds);

    ADAPT(delivery, body);
    QCOMPARE(delivery.eventType, eventType);
    QCOMPARE(delivery.eventKey, eventType + u':' + callId + u':' + timestamp);
    QCOMPARE(delivery.providerCallId, callId);
    QVERIFY(delivery.attributed);
    QVERIFY(delivery.unattributedReason.isEmpty());
    QVERIFY(delivery.redactedBody.isEmpty()); // no credentials in these
    QCOMPARE(kindsOf(delivery), kinds);
    for (const CallEvent &event : delivery.events) {
        QCOMPARE(toString(event.provider), u"vapi"_s);
        QCOMPARE(event.providerCallId, callId);
        for (auto it = event.payload.constBegin(); it != event.payload.constEnd(); ++it)
            QVERIFY2(!it.value().isNull() && !it.value().isUndefined(), qPrintable(it.key()));
    }
}

void TestAdapterVapi::statusMapping_data()
{
    QTest::addColumn<QString>("vapiStatus");
    QTest::addColumn<QString>("status");

    QTest::newRow("scheduled is queued") << u"scheduled"_s << u"queued"_s;
    QTest::newRow("queued is queued") << u"queued"_s << u"queued"_s;
    QTest::newRow("ringing is ringing") << u"ringing"_s << u"ringing"_s;
    QTest::newRow("in-progress is in progress") << u"in-progress"_s << u"in_progress"_s;
    QTest::newRow("forwarding is still in progress") << u"forwarding"_s << u"in_progress"_s;
    QTest::newRow("ended is ended") << u"ended"_s << u"ended"_s;
    QTest::newRow("an unknown status reports nothing") << u"paused"_s << QString();
}

void TestAdapterVapi::statusMapping()
{
    QFETCH(QString, vapiStatus);
    QFETCH(QString, status);

    ADAPT(delivery,
          vapi(uR"("type": "status-update", "timestamp": 1761210843120, "status": "%1")"_s.arg(vapiStatus)));
    QCOMPARE(delivery.events.size(), status.isEmpty() ? 0 : 1);
    if (status.isEmpty())
        return;
    QCOMPARE(delivery.events.first().payload.value("status"_L1).toString(), status);
    QCOMPARE(delivery.events.first().occurredAtMs, callStart); // the message's timestamp
}

void TestAdapterVapi::outcomeMapping_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("outcome");

    QTest::newRow("customer-busy is busy") << u"customer-busy"_s << u"busy"_s;
    QTest::newRow("customer-did-not-answer is no answer") << u"customer-did-not-answer"_s << u"no_answer"_s;
    QTest::newRow("voicemail is voicemail") << u"voicemail"_s << u"voicemail"_s;
    QTest::newRow("assistant-forwarded-call is transferred")
        << u"assistant-forwarded-call"_s << u"transferred"_s;
    QTest::newRow("twilio-failed-to-connect-call failed")
        << u"twilio-failed-to-connect-call"_s << u"failed"_s;
    QTest::newRow("pipeline-error-openai-llm-failed failed")
        << u"pipeline-error-openai-llm-failed"_s << u"failed"_s;
    QTest::newRow("a reason containing error failed")
        << u"call.in-progress.error-vapifault-openai-llm-failed"_s << u"failed"_s;
    QTest::newRow("assistant-error failed") << u"assistant-error"_s << u"failed"_s;
    QTest::newRow("customer-ended-call leaves it to the duration") << u"customer-ended-call"_s << QString();
    QTest::newRow("assistant-ended-call leaves it to the duration") << u"assistant-ended-call"_s << QString();
    QTest::newRow("silence-timed-out leaves it to the duration") << u"silence-timed-out"_s << QString();
    QTest::newRow("exceeded-max-duration leaves it to the duration")
        << u"exceeded-max-duration"_s << QString();
}

void TestAdapterVapi::outcomeMapping()
{
    QFETCH(QString, reason);
    QFETCH(QString, outcome);

    // The same mapping for the report and for the last status update.
    const QList<QByteArray> bodies{
        vapi(uR"("type": "end-of-call-report", "timestamp": 1761210864000, "endedReason": "%1")"_s.arg(
            reason)),
        vapi(
            uR"("type": "status-update", "timestamp": 1761210863500, "status": "ended", "endedReason": "%1")"_s
                .arg(reason))};
    for (const QByteArray &body : bodies) {
        ADAPT(delivery, body);
        const QJsonObject status = delivery.events.first().payload;
        QCOMPARE(status.value("status"_L1).toString(), u"ended"_s);
        QCOMPARE(status.value("reason"_L1).toString(), reason);
        QCOMPARE(status.contains("outcome"_L1), !outcome.isEmpty());
        QCOMPARE(status.value("outcome"_L1).toString(), outcome);
    }
}

void TestAdapterVapi::directionAndNumbers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("direction");
    QTest::addColumn<QString>("fromNumber");
    QTest::addColumn<QString>("toNumber");

    const QString status = uR"("type": "status-update", "timestamp": 1761210843120, "status": "ringing")"_s;
    QTest::newRow("an inbound call comes from the customer to the Vapi number")
        << vapi(status) << u"inbound"_s << u"+14155550123"_s << u"+14155550199"_s;
    QTest::newRow("an outbound call goes from the Vapi number to the customer")
        << vapi(status, {{u"type"_s, u"outboundPhoneCall"_s}}) << u"outbound"_s << u"+14155550199"_s
        << u"+14155550123"_s;
    QTest::newRow("a web call has no numbers")
        << uR"({"message": {%1, "call": {"id": "web-1", "type": "webCall"}}})"_s.arg(status).toUtf8()
        << u"web"_s << QString() << QString();
    QTest::newRow("numbers in the call win over the message's")
        << vapi(status, {{u"phoneNumber"_s, QJsonObject{{u"number"_s, u"+14155550100"_s}}}}) << u"inbound"_s
        << u"+14155550123"_s << u"+14155550100"_s;
    QTest::newRow("the message's numbers stand in for the call's")
        << vapi(status + uR"(, "customer": {"number": "+14155550111"})"_s, {{u"customer"_s, QJsonValue()}})
        << u"inbound"_s << u"+14155550111"_s << u"+14155550199"_s;
    QTest::newRow("a call of an unknown type has no direction, its numbers read as inbound")
        << vapi(status, {{u"type"_s, QJsonValue()}}) << QString() << u"+14155550123"_s << u"+14155550199"_s;
}

void TestAdapterVapi::directionAndNumbers()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, direction);
    QFETCH(QString, fromNumber);
    QFETCH(QString, toNumber);

    ADAPT(delivery, body);
    const QJsonObject status = delivery.events.first().payload;
    QCOMPARE(status.value("direction"_L1).toString(), direction);
    QCOMPARE(status.value("fromNumber"_L1).toString(), fromNumber);
    QCOMPARE(status.value("toNumber"_L1).toString(), toNumber);
    QCOMPARE(status.contains("fromNumber"_L1), !fromNumber.isEmpty());
}

void TestAdapterVapi::twilioCallSid_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("twilioCallSid");

    const QString hang = uR"("type": "hang", "timestamp": 1761210850000)"_s;
    QTest::newRow("a Twilio call gives its CallSid") << vapi(hang) << u"CA1b2c3d4e5f60718293a4b5c6d7e8f901"_s;
    QTest::newRow("another carrier's id is not a CallSid")
        << vapi(hang, {{u"phoneCallProvider"_s, u"vonage"_s}}) << QString();
    QTest::newRow("an id without a named carrier is taken as Twilio's")
        << vapi(hang, {{u"phoneCallProvider"_s, QJsonValue()}}) << u"CA1b2c3d4e5f60718293a4b5c6d7e8f901"_s;
}

void TestAdapterVapi::twilioCallSid()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, twilioCallSid);

    ADAPT(delivery, body);
    QVERIFY(!delivery.events.isEmpty());
    for (const CallEvent &event : delivery.events)
        QCOMPARE(event.twilioCallSid, twilioCallSid);
}

void TestAdapterVapi::endOfCallReportStatus()
{
    ADAPT(delivery, endOfCallReport);
    const CallEvent &event = delivery.events.first();
    QCOMPARE(toString(event.kind), u"call.status"_s);
    QCOMPARE(event.occurredAtMs, callEnd);
    QCOMPARE(event.twilioCallSid, u"CA1b2c3d4e5f60718293a4b5c6d7e8f901"_s);
    const QJsonObject &status = event.payload;
    QCOMPARE(status.value("status"_L1).toString(), u"ended"_s);
    QCOMPARE(status.value("reason"_L1).toString(), u"customer-ended-call"_s);
    QVERIFY(!status.contains("outcome"_L1));
    QCOMPARE(status.value("startedAt"_L1).toDouble(), double(callStart));
    QCOMPARE(status.value("endedAt"_L1).toDouble(), double(callEnd));
    QCOMPARE(status.value("durationMs"_L1).toDouble(), 20300.0);
    QCOMPARE(status.value("agent"_L1).toString(), u"Front desk"_s);
    QCOMPARE(status.value("recordingUrl"_L1).toString(), u"https://storage.vapi.ai/3f1c8a52-mono.wav"_s);
    QCOMPARE(status.value("logUrl"_L1).toString(), u"https://calllogs.vapi.ai/3f1c8a52.log"_s);

    // Without durationMs: durationSeconds, else the end minus the start.
    ADAPT(inSeconds, vapi(uR"("type": "end-of-call-report", "timestamp": 1, "durationSeconds": 12.5)"_s));
    QCOMPARE(inSeconds.events.first().payload.value("durationMs"_L1).toDouble(), 12500.0);
    ADAPT(fromTimes, vapi(uR"("type": "end-of-call-report", "timestamp": 1,
      "startedAt": "2025-10-23T09:14:03.120Z", "endedAt": "2025-10-23T09:14:23.420Z")"_s));
    QCOMPARE(fromTimes.events.first().payload.value("durationMs"_L1).toDouble(), 20300.0);
}

void TestAdapterVapi::endOfCallReportCost()
{
    ADAPT(delivery, endOfCallReport);
    const CallEvents costs = eventsOf(delivery, EventKind::CallCost);
    QCOMPARE(costs.size(), 1);
    const QJsonObject cost = costs.first().payload;
    QCOMPARE(cost.value("costCents"_L1).toDouble(), 12.34); // Vapi's cost is in dollars
    QCOMPARE(cost.value("currency"_L1).toString(), u"USD"_s);
    const QJsonObject breakdown = cost.value("breakdown"_L1).toObject();
    QCOMPARE(breakdown.value("transport"_L1).toDouble(), 0.68);
    QCOMPARE(breakdown.value("model"_L1).toDouble(), 2.11);
    QCOMPARE(breakdown.value("analysis"_L1).toDouble(), 0.15); // both analyses, summed
    QCOMPARE(breakdown.size(), 3);

    ADAPT(free, vapi(uR"("type": "end-of-call-report", "timestamp": 1, "cost": 0)"_s));
    QCOMPARE(eventsOf(free, EventKind::CallCost).first().payload.value("costCents"_L1).toDouble(), 0.0);
    ADAPT(unknown, vapi(uR"("type": "end-of-call-report", "timestamp": 1)"_s));
    QVERIFY(eventsOf(unknown, EventKind::CallCost).isEmpty());
}

void TestAdapterVapi::endOfCallReportTranscript()
{
    ADAPT(delivery, endOfCallReport);
    const CallEvents segments = eventsOf(delivery, EventKind::TranscriptSegment);
    QCOMPARE(segments.size(), 3); // the system prompt is not a turn
    const struct
    {
        QString role;
        QString text;
        qint64 startMs;
        qint64 endMs;
        qint64 time;
    } expected[] = {{u"agent"_s, u"North Clinic, how can I help?"_s, 420, 2900, 1761210843540},
                    {u"user"_s, u"A cleaning next Tuesday, please."_s, 3100, 5340, 1761210846220},
                    // no endTime: the end is the start plus the duration
                    {u"agent"_s, u"Tuesday at ten is free."_s, 7900, 9900, 1761210851020}};
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QJsonObject p = segments.at(i).payload;
        QCOMPARE(p.value("role"_L1).toString(), expected[i].role);
        QCOMPARE(p.value("text"_L1).toString(), expected[i].text);
        QCOMPARE(p.value("startMs"_L1).toDouble(), double(expected[i].startMs));
        QCOMPARE(p.value("endMs"_L1).toDouble(), double(expected[i].endMs));
        QCOMPARE(segments.at(i).offsetMs, std::optional<qint64>(expected[i].startMs));
        QCOMPARE(segments.at(i).occurredAtMs, expected[i].time);
    }
}

void TestAdapterVapi::endOfCallReportToolCalls()
{
    ADAPT(delivery, endOfCallReport);
    const CallEvents started = eventsOf(delivery, EventKind::FunctionStarted);
    const CallEvents finished = eventsOf(delivery, EventKind::FunctionFinished);
    QCOMPARE(started.size(), 1);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(started.first().payload.value("toolCallId"_L1).toString(), u"call_Qx7a1b"_s);
    QCOMPARE(started.first().payload.value("name"_L1).toString(), u"check_availability"_s);
    QCOMPARE(started.first().payload.value("arguments"_L1).toObject().value("date"_L1).toString(),
             u"2026-10-27"_s);
    QCOMPARE(started.first().offsetMs, std::optional<qint64>(5780));

    const QJsonObject result = finished.first().payload;
    QCOMPARE(result.value("toolCallId"_L1).toString(), u"call_Qx7a1b"_s);
    QCOMPARE(result.value("name"_L1).toString(), u"check_availability"_s); // matched by id
    QCOMPARE(result.value("status"_L1).toString(), u"success"_s);
    QCOMPARE(result.value("result"_L1).toObject().value("slots"_L1).toArray(), QJsonArray{u"10:00"_s});
    QCOMPARE(finished.first().offsetMs, std::optional<qint64>(6180));

    const QJsonObject analysis = eventsOf(delivery, EventKind::CallAnalysis).first().payload;
    QCOMPARE(analysis.value("summary"_L1).toString(), u"The caller booked a cleaning for Tuesday at ten."_s);
    QCOMPARE(analysis.value("success"_L1), QJsonValue(true));
    QVERIFY(!analysis.contains("structuredData"_L1));
}

void TestAdapterVapi::artifactTurnsWithoutTimesGetDerivedOffsets()
{
    // No secondsFromStart: time minus the call's start; no time either: the previous turn's end; a start
    // the role already has moves 1 ms later.
    ADAPT(delivery, vapi(uR"("type": "end-of-call-report", "timestamp": 1761210864000,
      "startedAt": "2025-10-23T09:14:03.120Z",
      "artifact": {"messages": [
        {"role": "bot", "message": "Hello?", "time": 1761210843620, "endTime": 1761210844120},
        {"role": "bot", "message": "Anyone there?"},
        {"role": "user", "message": "Yes."},
        {"role": "user", "message": "Sorry, yes."}
      ]})"_s));
    const CallEvents segments = eventsOf(delivery, EventKind::TranscriptSegment);
    QCOMPARE(segments.size(), 4);
    const QList<qint64> starts{500, 1000, 1000, 1001};
    QSet<std::pair<QString, qint64>> seen;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        QCOMPARE(qint64(segments.at(i).payload.value("startMs"_L1).toDouble()), starts.at(i));
        seen.insert({segments.at(i).payload.value("role"_L1).toString(), starts.at(i)});
    }
    QCOMPARE(seen.size(), 4);
    QCOMPARE(segments.first().payload.value("endMs"_L1).toDouble(), 1000.0);
    QVERIFY(!segments.at(1).payload.contains("endMs"_L1));
    // A turn without a time of its own happened at the call's start plus its offset.
    QCOMPARE(segments.at(1).occurredAtMs, callStart + 1000);
}

void TestAdapterVapi::successEvaluation_data()
{
    QTest::addColumn<QString>("evaluation");
    QTest::addColumn<QString>("success");

    QTest::newRow("a boolean true is a success") << u"true"_s << u"true"_s;
    QTest::newRow("a boolean false is no success") << u"false"_s << u"false"_s;
    QTest::newRow("the text \"true\" is a success") << u"\"true\""_s << u"true"_s;
    QTest::newRow("the text \"false\" is no success") << u"\"false\""_s << u"false"_s;
    QTest::newRow("a pass is a success") << u"\"Pass\""_s << u"true"_s;
    QTest::newRow("a fail is no success") << u"\"fail\""_s << u"false"_s;
    QTest::newRow("a score says nothing about success") << u"\"8\""_s << QString();
    QTest::newRow("a description says nothing about success") << u"\"mostly polite\""_s << QString();
}

void TestAdapterVapi::successEvaluation()
{
    QFETCH(QString, evaluation);
    QFETCH(QString, success);

    ADAPT(delivery, vapi(uR"("type": "end-of-call-report", "timestamp": 1,
      "analysis": {"successEvaluation": %1, "structuredData": {"booked": true}})"_s.arg(evaluation)));
    const CallEvents analyses = eventsOf(delivery, EventKind::CallAnalysis);
    // Nothing known (no summary, no verdict): no analysis event.
    QCOMPARE(analyses.size(), success.isEmpty() ? 0 : 1);
    if (!success.isEmpty())
        QCOMPARE(analyses.first().payload, (QJsonObject{{u"success"_s, success == "true"_L1}}));
}

void TestAdapterVapi::liveTranscripts_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("role");
    QTest::addColumn<qint64>("startMs");

    QTest::newRow("a final turn of the assistant is placed at its timestamp minus the call's start")
        << vapi(uR"("type": "transcript", "timestamp": 1761210846300, "role": "assistant",
                    "transcriptType": "final", "transcript": "Hello")"_s)
        << u"agent"_s << qint64(3180);
    QTest::newRow("a final turn of the user with secondsFromStart is placed there")
        << vapi(uR"("type": "transcript", "timestamp": 1761210846300, "role": "user", "secondsFromStart": 2.5,
                    "transcriptType": "final", "transcript": "Hi")"_s)
        << u"user"_s << qint64(2500);
    QTest::newRow("a call not started yet is placed against its creation")
        << uR"({"message": {"type": "transcript", "timestamp": 1761210846300, "role": "bot", "transcriptType": "final",
               "transcript": "Hello", "call": {"id": "c1", "createdAt": "2025-10-23T09:14:01.900Z"}}})"_s
               .toUtf8()
        << u"agent"_s << qint64(4400);
    QTest::newRow("a final turn with no way to place it reports nothing")
        << uR"({"message": {"type": "transcript", "timestamp": 1761210846300, "role": "user", "transcriptType": "final",
               "transcript": "Hi", "call": {"id": "c1"}}})"_s.toUtf8()
        << QString() << qint64(-1);
    QTest::newRow("a partial turn reports nothing")
        << vapi(uR"("type": "transcript", "timestamp": 1761210846300, "role": "user", "secondsFromStart": 2.5,
                    "transcriptType": "partial", "transcript": "Hi")"_s)
        << QString() << qint64(-1);
    QTest::newRow("the final-transcript message type reports a turn")
        << vapi(
               uR"("type": "transcript[transcriptType=\"final\"]", "timestamp": 1761210846300, "role": "user",
                    "transcriptType": "final", "transcript": "Hi")"_s)
        << u"user"_s << qint64(3180);
}

void TestAdapterVapi::liveTranscripts()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, role);
    QFETCH(qint64, startMs);

    ADAPT(delivery, body);
    QVERIFY(delivery.attributed); // kept with its call either way
    QCOMPARE(delivery.events.size(), role.isEmpty() ? 0 : 1);
    if (role.isEmpty())
        return;
    const CallEvent &segment = delivery.events.first();
    QCOMPARE(segment.payload.value("role"_L1).toString(), role);
    QCOMPARE(qint64(segment.payload.value("startMs"_L1).toDouble()), startMs);
    QCOMPARE(segment.offsetMs, std::optional<qint64>(startMs));
    QCOMPARE(segment.occurredAtMs, delivery.events.first().occurredAtMs);
}

void TestAdapterVapi::toolCallShapes_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("toolCallId");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonObject>("arguments");

    QTest::newRow("a function call with its arguments as JSON text")
        << 0 << u"call_Qx7a1b"_s << u"check_availability"_s
        << QJsonObject{{u"date"_s, u"2026-10-27"_s}, {u"service"_s, u"cleaning"_s}};
    QTest::newRow("a function call with its arguments as JSON")
        << 1 << u"call_Qx7a1c"_s << u"lookup_patient"_s << QJsonObject{{u"phone"_s, u"+14155550123"_s}};
    QTest::newRow("a flattened call with parameters")
        << 2 << u"call_Qx7a1d"_s << u"send_sms"_s
        << QJsonObject{{u"to"_s, u"+14155550123"_s}, {u"text"_s, u"See you Tuesday"_s}};
}

void TestAdapterVapi::toolCallShapes()
{
    QFETCH(int, index);
    QFETCH(QString, toolCallId);
    QFETCH(QString, name);
    QFETCH(QJsonObject, arguments);

    ADAPT(delivery, toolCalls);
    QCOMPARE(delivery.events.size(), 3);
    const CallEvent &event = delivery.events.at(index);
    QCOMPARE(event.payload.value("toolCallId"_L1).toString(), toolCallId);
    QCOMPARE(event.payload.value("name"_L1).toString(), name);
    QCOMPARE(event.payload.value("arguments"_L1), QJsonValue(arguments));
    QCOMPARE(event.offsetMs, std::optional<qint64>(1761210849000 - callStart));
    QCOMPARE(event.occurredAtMs, qint64(1761210849000));
}

void TestAdapterVapi::hangAndTransfer()
{
    ADAPT(hang, vapi(uR"("type": "hang", "timestamp": 1761210850000)"_s));
    QCOMPARE(hang.events.first().payload,
             (QJsonObject{{u"text"_s, u"hang: the assistant did not respond"_s}}));
    QCOMPARE(hang.events.first().occurredAtMs, qint64(1761210850000));

    ADAPT(transfer, vapi(uR"("type": "transfer-update", "timestamp": 1761210860000,
      "destination": {"type": "number", "number": "+14155550142", "message": "Transferring you now"})"_s));
    QCOMPARE(transfer.events.first().payload, (QJsonObject{{u"from"_s, u"agent"_s},
                                                           {u"to"_s, u"transfer"_s},
                                                           {u"transfer"_s, u"started"_s},
                                                           {u"destination"_s, u"+14155550142"_s}}));
    ADAPT(sip, vapi(uR"("type": "transfer-update", "timestamp": 1761210860000,
      "destination": {"type": "sip", "sipUri": "sip:desk@pbx.example"})"_s));
    QCOMPARE(sip.events.first().payload.value("destination"_L1).toString(), u"sip:desk@pbx.example"_s);
}

void TestAdapterVapi::redaction_data()
{
    QTest::addColumn<QByteArray>("body");

    const QString secrets = uR"("twilioAuthToken": "%1", "twilioApiSecret": "%2")"_s.arg(
        QString::fromLatin1(authToken), QString::fromLatin1(apiSecret));
    QTest::newRow("the message's phone number holds the credentials")
        << uR"({"message": {"type": "end-of-call-report", "timestamp": 1761210864000, "endedReason": "voicemail",
               "phoneNumber": {"id": "9e8d", "number": "+14155550199", "twilioAccountSid": "AC01", %1},
               "call": {"id": "c1", "type": "inboundPhoneCall", "customer": {"number": "+14155550123"}}}})"_s
               .arg(secrets)
               .toUtf8();
    QTest::newRow("the call's phone number holds the credentials")
        << uR"({"message": {"type": "status-update", "timestamp": 1761210843120, "status": "in-progress",
               "call": {"id": "c1", "type": "outboundPhoneCall",
                        "phoneNumber": {"number": "+14155550199", "twilioAccountSid": "AC01", %1}}}})"_s
               .arg(secrets)
               .toUtf8();
    QTest::newRow("credentials deep in an array are found too")
        << uR"({"message": {"type": "tool-calls", "timestamp": 1761210849000, "call": {"id": "c1"},
               "toolCallList": [{"id": "t1", "name": "dial", "parameters": {"numbers": [{"twilioAuthToken": "%1"}]}}],
               "phoneNumber": {"number": "+14155550199", "twilioApiSecret": "%2"}}})"_s
               .arg(QString::fromLatin1(authToken), QString::fromLatin1(apiSecret))
               .toUtf8();
}

void TestAdapterVapi::redaction()
{
    QFETCH(QByteArray, body);
    QVERIFY(body.contains(authToken) && body.contains(apiSecret));

    ADAPT(delivery, body);
    QVERIFY(!delivery.redactedBody.isEmpty());
    for (const QByteArray &secret : {authToken, apiSecret, "twilioAuthToken"_ba, "twilioApiSecret"_ba})
        QVERIFY2(!delivery.redactedBody.contains(secret), secret.constData());
    // Everything else is kept, compact.
    const QJsonDocument redacted = QJsonDocument::fromJson(delivery.redactedBody);
    QVERIFY(redacted.isObject());
    QVERIFY(delivery.redactedBody.contains("\"twilioAccountSid\"") || !body.contains("twilioAccountSid"));
    QCOMPARE(redacted.object().value("message"_L1).toObject().value("type"_L1).toString(),
             delivery.eventType);
    QVERIFY(!delivery.redactedBody.contains('\n'));
    QVERIFY(!delivery.events.isEmpty());
    for (const CallEvent &event : delivery.events) {
        const QByteArray payload = jsonBytes(event.payload);
        QVERIFY2(!payload.contains(authToken) && !payload.contains(apiSecret), payload.constData());
        QVERIFY(!payload.contains("twilioAuthToken") && !payload.contains("twilioApiSecret"));
    }
    QVERIFY(!delivery.eventKey.contains(QString::fromLatin1(authToken)));
}

void TestAdapterVapi::nothingToRedactKeepsTheRawBody()
{
    for (const QByteArray &body : {endOfCallReport, toolCalls}) {
        ADAPT(delivery, body);
        QVERIFY(delivery.redactedBody.isEmpty());
    }
}

void TestAdapterVapi::keysUseTheTimestampAsGiven_data()
{
    QTest::addColumn<QString>("timestamp");
    QTest::addColumn<QString>("keySuffix");

    QTest::newRow("a number of ms") << u"1761210843120"_s << u"1761210843120"_s;
    QTest::newRow("an ISO string, unchanged")
        << u"\"2025-10-23T09:14:03.120Z\""_s << u"2025-10-23T09:14:03.120Z"_s;
    QTest::newRow("a fractional number") << u"1761210843120.5"_s << u"1761210843120.5"_s;
}

void TestAdapterVapi::keysUseTheTimestampAsGiven()
{
    QFETCH(QString, timestamp);
    QFETCH(QString, keySuffix);

    ADAPT(delivery,
          vapi(uR"("type": "status-update", "timestamp": %1, "status": "ringing")"_s.arg(timestamp)));
    QCOMPARE(delivery.eventKey, u"status-update:"_s + callId + u':' + keySuffix);
    // Either form is also the time of the status.
    QCOMPARE(delivery.events.first().occurredAtMs, callStart);
}

void TestAdapterVapi::duplicatesShareTheirKey()
{
    for (const QByteArray &body : {endOfCallReport, toolCalls}) {
        const AdapterResult first = adaptVapi(body, receivedAt);
        const AdapterResult retry = adaptVapi(body, receivedAt + 60'000);
        QVERIFY(first && retry);
        QCOMPARE(retry->eventKey, first->eventKey);
        QCOMPARE(retry->events.size(), first->events.size());
    }
    // Two messages of one type differ by their timestamps.
    ADAPT(ringing, vapi(uR"("type": "status-update", "timestamp": 1761210842500, "status": "ringing")"_s));
    ADAPT(answered,
          vapi(uR"("type": "status-update", "timestamp": 1761210843120, "status": "in-progress")"_s));
    QCOMPARE_NE(ringing.eventKey, answered.eventKey);

    // Without a timestamp the body tells them apart, and a repeat still matches.
    const QByteArray untimed = vapi(uR"("type": "status-update", "status": "ringing")"_s);
    ADAPT(once, untimed);
    ADAPT(twice, untimed);
    QCOMPARE(once.eventKey, twice.eventKey);
    QCOMPARE(once.eventKey, u"status-update:"_s + callId + u':' + sha256Hex(untimed));
    QCOMPARE(once.events.first().occurredAtMs, receivedAt);
}

void TestAdapterVapi::missingCallIdIsUnattributed_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("a message without a call")
        << R"({"message": {"type": "status-update", "timestamp": 1761210842000, "status": "queued"}})"_ba;
    QTest::newRow("a call without an id")
        << R"({"message": {"type": "end-of-call-report", "timestamp": 1, "cost": 0.1, "call": {"type": "webCall"}}})"_ba;
    QTest::newRow("an empty call id")
        << R"({"message": {"type": "hang", "timestamp": 1, "call": {"id": ""}}})"_ba;
    QTest::newRow("an unknown type without a call")
        << R"({"message": {"type": "chat.created", "timestamp": 1}})"_ba;
}

void TestAdapterVapi::missingCallIdIsUnattributed()
{
    QFETCH(QByteArray, body);

    ADAPT(delivery, body);
    QVERIFY(!delivery.attributed);
    QVERIFY(!delivery.unattributedReason.isEmpty());
    QVERIFY(delivery.providerCallId.isEmpty());
    QVERIFY(delivery.events.isEmpty());
    QVERIFY(delivery.eventKey.startsWith(delivery.eventType + u':'));
    const AdapterResult retry = adaptVapi(body, receivedAt + 1);
    QVERIFY(retry);
    QCOMPARE(retry->eventKey, delivery.eventKey);
}

void TestAdapterVapi::malformedBodiesAreRejected_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("an empty body") << QByteArray();
    QTest::newRow("text that is not JSON") << "type=status-update"_ba;
    QTest::newRow("truncated JSON") << endOfCallReport.left(300);
    QTest::newRow("a JSON array") << R"([{"message": {"type": "hang"}}])"_ba;
    QTest::newRow("an object without message") << R"({"type": "status-update", "call": {"id": "c1"}})"_ba;
    QTest::newRow("a message that is a string") << R"({"message": "status-update"})"_ba;
    QTest::newRow("a message that is null") << R"({"message": null})"_ba;
    QTest::newRow("a message without a type") << R"({"message": {"timestamp": 1, "call": {"id": "c1"}}})"_ba;
    QTest::newRow("a message whose type is not a string")
        << R"({"message": {"type": 3, "call": {"id": "c1"}}})"_ba;
}

void TestAdapterVapi::malformedBodiesAreRejected()
{
    QFETCH(QByteArray, body);

    const AdapterResult result = adaptVapi(body, receivedAt);
    QVERIFY(!result.has_value());
    QVERIFY(!result.error().detail.isEmpty());
}

QTEST_GUILESS_MAIN(TestAdapterVapi)
#include "tst_adapter_vapi.moc"
