// SPDX-License-Identifier: GPL-3.0-or-later
#include "adapters/adapterutil.h"
#include "adaptertestsupport.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 receivedAt = 1'795'600'000'000;
constexpr qint64 createdMs = 1'795'511'640'000; // 2026-11-24T09:14:00Z
constexpr qint64 joinedMs = 1'795'511'643'120;  // 2026-11-24T09:14:03.120Z
constexpr qint64 endedMs = 1'795'511'706'320;   // 2026-11-24T09:15:06.320Z, 63.2 s after the join

const QString callId = u"4b0f4d2e-7a51-4c57-9a5e-1f0c7e3d9a12"_s;

// A call as Ultravox's webhooks deliver it (the Get Call object) after it ended.
constexpr auto endedCall = R"({
  "callId": "4b0f4d2e-7a51-4c57-9a5e-1f0c7e3d9a12",
  "clientVersion": "api",
  "created": "2026-11-24T09:14:00.000000Z",
  "joined": "2026-11-24T09:14:03.120000Z",
  "ended": "2026-11-24T09:15:06.320000Z",
  "endReason": "hangup",
  "billedDuration": "63.200s",
  "billingStatus": "BILLING_STATUS_BILLED",
  "firstSpeaker": "FIRST_SPEAKER_AGENT",
  "initialOutputMedium": "MESSAGE_MEDIUM_VOICE",
  "joinTimeout": "30s",
  "maxDuration": "3600s",
  "medium": {"twilio": {}},
  "model": "fixie-ai/ultravox",
  "recordingEnabled": false,
  "systemPrompt": "You book appointments for the Lindenhof clinic.",
  "voice": "Mark",
  "transcriptOptional": true,
  "errorCount": 0,
  "shortSummary": "The caller booked a check-up for Friday at 10:00.",
  "summary": "The caller asked for a check-up; the agent offered Friday at 10:00 and the caller accepted.",
  "agentId": "a1c2e3f4-0000-4a4a-8b8b-123456789abc",
  "metadata": {"crm": "lead-1881"}
})";

// A webhook about the call, as Ultravox sends it.
QByteArray webhookBody(const QString &event, const QJsonObject &call)
{
    return QJsonDocument(QJsonObject{{"event"_L1, event}, {"call"_L1, call}}).toJson();
}

// The ended call with some fields replaced (a null removes the field, as a call not yet joined has).
QByteArray delivery(const QString &event, const char *changes = "{}")
{
    QJsonObject call = jsonObject(endedCall);
    applyChanges(call, jsonObject(changes));
    return webhookBody(event, call);
}

void compareEvents(const CallEvents &events, const QStringList &kinds, const QStringList &payloads)
{
    QCOMPARE(kindsOf(events), kinds);
    QCOMPARE(payloads.size(), events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(toString(events[i].provider), toString(Provider::Ultravox));
        COMPARE_SUBSET(events[i].payload, jsonObject(payloads[i]));
    }
}

QJsonObject statusPayload(const QByteArray &body)
{
    const AdapterResult result = adaptUltravox(body, receivedAt);
    if (!result || result->events.isEmpty() || result->events.first().kind != EventKind::CallStatus)
        return {};
    return result->events.first().payload;
}

} // namespace

class TestAdapterUltravox : public QObject
{
    Q_OBJECT

private slots:
    void webhook_data();
    void webhook();
    void endReasonOutcome_data();
    void endReasonOutcome();
    void durationFormats_data();
    void durationFormats();
    void timestampFormats_data();
    void timestampFormats();
    void medium_data();
    void medium();
    void sameDeliverySameKey();
    void malformedWebhook_data();
    void malformedWebhook();
    void messages();
    void untimedTurnsOfOneRoleDoNotCollide();
    void untimedTurnsOnTheNextPageFollowThePreviousPage();
    void messagesPagination_data();
    void messagesPagination();
    void malformedMessages_data();
    void malformedMessages();
};

void TestAdapterUltravox::webhook_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("eventKey");
    QTest::addColumn<QString>("providerCallId");
    QTest::addColumn<bool>("attributed");
    QTest::addColumn<qint64>("occurredAtMs");
    QTest::addColumn<QStringList>("kinds");
    QTest::addColumn<QStringList>("payloads");

    const char *notJoined = R"({"joined": null, "ended": null, "endReason": null, "billedDuration": null,
                                "shortSummary": null, "summary": null})";
    QTest::newRow("call.started is queued at the time the call was created, and has not started yet")
        << delivery(u"call.started"_s, notJoined) << u"call.started:"_s + callId << callId << true
        << createdMs << QStringList{u"call.status"_s}
        << QStringList{uR"({"status": "queued", "startedAt": null, "endedAt": null, "durationMs": null,
                           "reason": null, "outcome": null, "agent": "a1c2e3f4-0000-4a4a-8b8b-123456789abc",
                           "direction": null})"_s};

    const char *joined = R"({"ended": null, "endReason": null, "billedDuration": null, "shortSummary": null,
                             "summary": null})";
    QTest::newRow("call.joined is in progress from the moment the client joined")
        << delivery(u"call.joined"_s, joined) << u"call.joined:"_s + callId << callId << true << joinedMs
        << QStringList{u"call.status"_s}
        << QStringList{uR"({"status": "in_progress", "startedAt": 1795511643120, "endedAt": null,
                           "durationMs": null, "outcome": null})"_s};

    QTest::newRow("call.ended after a hang-up lasts from join to end and leaves the outcome to the duration")
        << delivery(u"call.ended"_s, R"({"billedDuration": null})") << u"call.ended:"_s + callId << callId
        << true << endedMs << QStringList{u"call.status"_s, u"call.analysis"_s}
        << QStringList{uR"({"status": "ended", "startedAt": 1795511643120, "endedAt": 1795511706320,
                           "durationMs": 63200, "reason": "hangup", "outcome": null})"_s,
                       uR"({"summary": "The caller booked a check-up for Friday at 10:00."})"_s};

    QTest::newRow("call.billed takes Ultravox's billed duration over the join-to-end span")
        << delivery(u"call.billed"_s, R"({"billedDuration": "61.5s"})") << u"call.billed:"_s + callId
        << callId << true << endedMs << QStringList{u"call.status"_s, u"call.analysis"_s}
        << QStringList{uR"({"status": "ended", "durationMs": 61500, "reason": "hangup", "outcome": null})"_s,
                       uR"({"summary": "The caller booked a check-up for Friday at 10:00."})"_s};

    QTest::newRow("call.ended of a call nobody joined is no answer, started when it was created")
        << delivery(u"call.ended"_s, R"({"joined": null, "endReason": "unjoined", "billedDuration": "0s",
                                        "shortSummary": null, "summary": null})")
        << u"call.ended:"_s + callId << callId << true << endedMs << QStringList{u"call.status"_s}
        << QStringList{uR"({"status": "ended", "startedAt": 1795511640000, "endedAt": 1795511706320,
                           "durationMs": 0, "reason": "unjoined", "outcome": "no_answer"})"_s};

    QTest::newRow("the long summary stands in when there is no short one")
        << delivery(u"call.ended"_s, R"({"shortSummary": null})") << u"call.ended:"_s + callId << callId
        << true << endedMs << QStringList{u"call.status"_s, u"call.analysis"_s}
        << QStringList{
               u"{}"_s,
               uR"({"summary": "The caller asked for a check-up; the agent offered Friday at 10:00 and the caller accepted."})"_s};

    QTest::newRow("the agent's name is preferred to its id")
        << delivery(u"call.joined"_s, R"({"agent": {"agentId": "a1c2e3f4-0000-4a4a-8b8b-123456789abc",
                                                    "name": "Lindenhof front desk"}})")
        << u"call.joined:"_s + callId << callId << true << joinedMs << QStringList{u"call.status"_s}
        << QStringList{uR"({"agent": "Lindenhof front desk"})"_s};

    QTest::newRow("an event Ultravox may add later is kept with its call but records nothing")
        << delivery(u"call.transferred"_s) << u"call.transferred:"_s + callId << callId << true << qint64(0)
        << QStringList{} << QStringList{};

    const QByteArray anonymous = delivery(u"call.ended"_s, R"({"callId": null})");
    QTest::newRow("a call without a callId is kept unattributed, keyed by its bytes")
        << anonymous << u"call.ended:sha256:"_s + sha256Hex(anonymous) << QString() << false << qint64(0)
        << QStringList{} << QStringList{};
}

void TestAdapterUltravox::webhook()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, eventKey);
    QFETCH(QString, providerCallId);
    QFETCH(bool, attributed);
    QFETCH(qint64, occurredAtMs);
    QFETCH(QStringList, kinds);
    QFETCH(QStringList, payloads);

    const AdapterResult result = adaptUltravox(body, receivedAt);
    QVERIFY2(result, qPrintable(failureOf(result)));
    QCOMPARE(result->eventKey, eventKey);
    QCOMPARE(result->eventType, eventKey.section(u':', 0, 0));
    QCOMPARE(result->providerCallId, providerCallId);
    QCOMPARE(result->attributed, attributed);
    QCOMPARE(result->unattributedReason.isEmpty(), attributed);
    compareEvents(result->events, kinds, payloads);
    for (const CallEvent &event : result->events) {
        QCOMPARE(event.providerCallId, providerCallId);
        QCOMPARE(event.occurredAtMs, occurredAtMs);
    }
}

void TestAdapterUltravox::endReasonOutcome_data()
{
    QTest::addColumn<QString>("endReason");
    QTest::addColumn<QString>("outcome");

    QTest::newRow("unjoined is no answer") << u"unjoined"_s << u"no_answer"_s;
    QTest::newRow("connection_error failed") << u"connection_error"_s << u"failed"_s;
    QTest::newRow("system_error failed") << u"system_error"_s << u"failed"_s;
    QTest::newRow("hangup leaves the outcome to the duration") << u"hangup"_s << QString();
    QTest::newRow("agent_hangup leaves the outcome to the duration") << u"agent_hangup"_s << QString();
    QTest::newRow("timeout leaves the outcome to the duration") << u"timeout"_s << QString();
}

void TestAdapterUltravox::endReasonOutcome()
{
    QFETCH(QString, endReason);
    QFETCH(QString, outcome);

    for (const QString &event : {u"call.ended"_s, u"call.billed"_s}) {
        QJsonObject call = jsonObject(endedCall);
        call.insert("endReason"_L1, endReason);
        const QJsonObject payload =
            statusPayload(jsonBytes(QJsonObject{{"event"_L1, event}, {"call"_L1, call}}));
        QCOMPARE(payload.value("status"_L1).toString(), u"ended"_s);
        QCOMPARE(payload.value("reason"_L1).toString(), endReason);
        QCOMPARE(payload.contains("outcome"_L1), !outcome.isEmpty());
        QCOMPARE(payload.value("outcome"_L1).toString(), outcome);
    }
}

void TestAdapterUltravox::durationFormats_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("billedDuration"); // JSON text
    QTest::addColumn<bool>("joined");
    QTest::addColumn<qint64>("durationMs"); // -1: absent

    QTest::newRow("a protobuf duration string with a fraction")
        << u"call.billed"_s << uR"("63.2s")"_s << true << qint64(63'200);
    QTest::newRow("a protobuf duration string with milliseconds")
        << u"call.billed"_s << uR"("4.000s")"_s << true << qint64(4'000);
    QTest::newRow("half a second") << u"call.billed"_s << uR"("0.5s")"_s << true << qint64(500);
    QTest::newRow("plain seconds as a number") << u"call.billed"_s << u"63.2"_s << true << qint64(63'200);
    QTest::newRow("whole seconds as a number") << u"call.billed"_s << u"63"_s << true << qint64(63'000);
    QTest::newRow("plain seconds as a string")
        << u"call.billed"_s << uR"("63.2")"_s << true << qint64(63'200);
    QTest::newRow("no billed duration falls back to join-to-end")
        << u"call.billed"_s << u"null"_s << true << qint64(63'200);
    QTest::newRow("an unreadable billed duration falls back to join-to-end")
        << u"call.billed"_s << uR"("about a minute")"_s << true << qint64(63'200);
    QTest::newRow("a negative billed duration is not read")
        << u"call.billed"_s << uR"("-3s")"_s << true << qint64(63'200);
    QTest::newRow("call.ended prefers join-to-end to the billed duration")
        << u"call.ended"_s << uR"("70s")"_s << true << qint64(63'200);
    QTest::newRow("call.ended of an unjoined call uses the billed duration")
        << u"call.ended"_s << uR"("0s")"_s << false << qint64(0);
    QTest::newRow("a call never joined lasted nothing, not created to ended")
        << u"call.ended"_s << u"null"_s << false << qint64(0);
}

void TestAdapterUltravox::durationFormats()
{
    QFETCH(QString, event);
    QFETCH(QString, billedDuration);
    QFETCH(bool, joined);
    QFETCH(qint64, durationMs);

    QJsonObject call = jsonObject(endedCall);
    call.insert("billedDuration"_L1, jsonValue(billedDuration));
    if (!joined)
        call.remove("joined"_L1);
    const QJsonObject payload = statusPayload(webhookBody(event, call));
    QCOMPARE(payload.value("status"_L1).toString(), u"ended"_s);
    QCOMPARE(payload.contains("durationMs"_L1), durationMs >= 0);
    if (durationMs >= 0)
        QCOMPARE(payload.value("durationMs"_L1).toDouble(), double(durationMs));
}

void TestAdapterUltravox::timestampFormats_data()
{
    QTest::addColumn<QString>("created");
    QTest::addColumn<qint64>("expected"); // -1: unreadable, the delivery's receipt time is used

    QTest::newRow("UTC with microseconds") << u"2026-11-24T09:14:00.123456Z"_s << createdMs + 123;
    QTest::newRow("UTC with milliseconds") << u"2026-11-24T09:14:00.123Z"_s << createdMs + 123;
    QTest::newRow("UTC without a fraction") << u"2026-11-24T09:14:00Z"_s << createdMs;
    QTest::newRow("an offset east of UTC") << u"2026-11-24T10:14:00+01:00"_s << createdMs;
    QTest::newRow("no zone is taken as UTC") << u"2026-11-24T09:14:00"_s << createdMs;
    QTest::newRow("an offset west of UTC without a colon") << u"2026-11-24T07:44:00-0130"_s << createdMs;
    QTest::newRow("an offset of whole hours") << u"2026-11-24T11:14:00+02"_s << createdMs;
    QTest::newRow("an offset of 24 hours is no zone") << u"2026-11-24T09:14:00+24:00"_s << qint64(-1);
    QTest::newRow("an offset of 60 minutes is no zone") << u"2026-11-24T09:14:00-01:60"_s << qint64(-1);
    QTest::newRow("an unreadable time") << u"yesterday at nine"_s << qint64(-1);
}

void TestAdapterUltravox::timestampFormats()
{
    QFETCH(QString, created);
    QFETCH(qint64, expected);

    QJsonObject call = jsonObject(endedCall);
    for (const auto key : {"joined"_L1, "ended"_L1, "endReason"_L1, "billedDuration"_L1})
        call.remove(key);
    call.insert("created"_L1, created);
    const AdapterResult result = adaptUltravox(webhookBody(u"call.started"_s, call), receivedAt);
    QVERIFY(result);
    QCOMPARE(result->events.size(), 1);
    const CallEvent &event = result->events.first();
    QCOMPARE(event.occurredAtMs, expected >= 0 ? expected : receivedAt);
    // A call that has only been created has no start yet (see statusPayload).
    QVERIFY(!event.payload.contains("startedAt"_L1));
}

void TestAdapterUltravox::medium_data()
{
    QTest::addColumn<QString>("medium");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a bare Twilio stream does not say which way the call went")
        << uR"({"twilio": {}})"_s << uR"({"direction": null, "fromNumber": null, "toNumber": null})"_s;
    QTest::newRow("a call Ultravox dialled through Twilio is outbound with its numbers")
        << uR"({"twilio": {"outgoing": {"to": "+14155550123", "from": "+14155550100"}}})"_s
        << uR"({"direction": "outbound", "fromNumber": "+14155550100", "toNumber": "+14155550123"})"_s;
    QTest::newRow("an outgoing SIP call is outbound with its addresses as given")
        << uR"({"sip": {"outgoing": {"to": "sip:+14155550123@pbx.example.com", "from": "+14155550100",
                                    "username": "lindenhof"}}})"_s
        << uR"({"direction": "outbound", "fromNumber": "+14155550100", "toNumber": "sip:+14155550123@pbx.example.com"})"_s;
    QTest::newRow("an incoming SIP call is inbound")
        << uR"({"sip": {"incoming": {}}})"_s << uR"({"direction": "inbound", "fromNumber": null})"_s;
    QTest::newRow("a WebRTC call is a web call") << uR"({"webRtc": {}})"_s << uR"({"direction": "web"})"_s;
    QTest::newRow("a server WebSocket does not say which way the call went")
        << uR"({"serverWebSocket": {"inputSampleRate": 48000, "outputSampleRate": 48000}})"_s
        << uR"({"direction": null})"_s;
    QTest::newRow("no medium says nothing") << u"null"_s << uR"({"direction": null})"_s;
}

void TestAdapterUltravox::medium()
{
    QFETCH(QString, medium);
    QFETCH(QString, expected);

    QJsonObject call = jsonObject(endedCall);
    call.insert("medium"_L1, jsonValue(medium));
    if (call.value("medium"_L1).isNull())
        call.remove("medium"_L1);
    const QJsonObject payload = statusPayload(webhookBody(u"call.joined"_s, call));
    QCOMPARE(payload.value("status"_L1).toString(), u"in_progress"_s);
    COMPARE_SUBSET(payload, jsonObject(expected));
}

void TestAdapterUltravox::sameDeliverySameKey()
{
    const QByteArray body = delivery(u"call.ended"_s);
    const AdapterResult first = adaptUltravox(body, receivedAt);
    const AdapterResult again = adaptUltravox(body, receivedAt + 60'000);
    QVERIFY(first && again);
    QCOMPARE(again->eventKey, first->eventKey);
    QCOMPARE(again->events.size(), first->events.size());
    QCOMPARE(again->events.first().payload, first->events.first().payload);
    QCOMPARE(again->events.first().occurredAtMs, first->events.first().occurredAtMs);

    // The same bytes re-serialized (another key order, other spacing) are the same delivery.
    const AdapterResult reformatted = adaptUltravox(jsonBytes(jsonObject(body)), receivedAt);
    QVERIFY(reformatted);
    QCOMPARE(reformatted->eventKey, first->eventKey);

    const AdapterResult billed = adaptUltravox(delivery(u"call.billed"_s), receivedAt);
    const AdapterResult otherCall = adaptUltravox(
        delivery(u"call.ended"_s, R"({"callId": "9e8d7c6b-0000-4000-8000-000000000001"})"), receivedAt);
    QVERIFY(billed && otherCall);
    QVERIFY(billed->eventKey != first->eventKey);
    QVERIFY(otherCall->eventKey != first->eventKey);
}

void TestAdapterUltravox::malformedWebhook_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("an empty body") << QByteArray();
    QTest::newRow("text that is not JSON") << QByteArray("event=call.ended&callId=4b0f");
    QTest::newRow("a JSON array") << QByteArray(R"([{"event": "call.ended"}])");
    QTest::newRow("truncated JSON") << delivery(u"call.ended"_s).chopped(20);
    QTest::newRow("no event") << QByteArray(R"({"call": {"callId": "4b0f"}})");
    QTest::newRow("an event that is not a string")
        << QByteArray(R"({"event": 3, "call": {"callId": "4b0f"}})");
    QTest::newRow("no call") << QByteArray(R"({"event": "call.ended"})");
    QTest::newRow("a call that is not an object") << QByteArray(R"({"event": "call.ended", "call": "4b0f"})");
}

void TestAdapterUltravox::malformedWebhook()
{
    QFETCH(QByteArray, body);

    const AdapterResult result = adaptUltravox(body, receivedAt);
    QVERIFY(!result);
    QVERIFY(!result.error().detail.isEmpty());
}

void TestAdapterUltravox::messages()
{
    // GET /api/calls/{id}/messages, first page.
    const QByteArray page = R"({
      "next": "https://api.ultravox.ai/api/calls/4b0f4d2e-7a51-4c57-9a5e-1f0c7e3d9a12/messages?cursor=cD0yMDI2LTExLTI0&pageSize=7",
      "results": [
        {"role": "MESSAGE_ROLE_AGENT", "text": "Lindenhof clinic, how can I help?", "medium": "MESSAGE_MEDIUM_VOICE",
         "callStageMessageIndex": 0, "callStageId": "cs_1", "timespan": {"start": "0.000s", "end": "2.480s"}},
        {"role": "MESSAGE_ROLE_USER", "text": "I'd like a check-up on Friday.", "medium": "MESSAGE_MEDIUM_VOICE",
         "timespan": {"start": "3.100s", "end": "4.000s"}},
        {"role": "MESSAGE_ROLE_TOOL_CALL", "text": "{\"day\": \"friday\", \"kind\": \"check-up\"}",
         "toolName": "findSlots", "invocationId": "inv_7f3a", "timespan": {"start": "4.200s", "end": "4.200s"}},
        {"role": "MESSAGE_ROLE_TOOL_RESULT", "text": "{\"slots\": [\"10:00\", \"14:30\"]}",
         "toolName": "findSlots", "invocationId": "inv_7f3a", "timespan": {"start": "4.950s", "end": "4.950s"}},
        {"role": "MESSAGE_ROLE_UNSPECIFIED", "text": "stage change", "timespan": {"start": "5.000s", "end": "5.100s"}},
        {"role": "MESSAGE_ROLE_AGENT", "text": "Friday at 10:00 or 14:30?"},
        {"role": "MESSAGE_ROLE_USER", "text": "", "timespan": {"start": "8.000s", "end": "8.400s"}},
        {"role": "MESSAGE_ROLE_TOOL_CALL", "text": "{\"slot\": \"10:00\"}", "toolName": "bookSlot",
         "invocationId": "inv_9b21", "timespan": {"start": "9.000s", "end": "9.000s"}},
        {"role": "MESSAGE_ROLE_TOOL_RESULT", "text": "Booking failed, please apologise.", "toolName": "bookSlot",
         "invocationId": "inv_9b21", "errorDetails": "HTTP 503 from https://clinic.example/book",
         "timespan": {"start": "9.800s", "end": "9.800s"}}
      ]
    })";

    const auto result = adaptUltravoxMessages(callId, page, receivedAt);
    QVERIFY2(result, qPrintable(failureOf(result)));
    QCOMPARE(
        result->next,
        u"https://api.ultravox.ai/api/calls/4b0f4d2e-7a51-4c57-9a5e-1f0c7e3d9a12/messages?cursor=cD0yMDI2LTExLTI0&pageSize=7"_s);

    // The unspecified role and the utterance without text are left out.
    const QStringList kinds{u"transcript.segment"_s, u"transcript.segment"_s, u"function.started"_s,
                            u"function.finished"_s,  u"transcript.segment"_s, u"function.started"_s,
                            u"function.finished"_s};
    const QStringList payloads{
        uR"({"role": "agent", "text": "Lindenhof clinic, how can I help?", "startMs": 0, "endMs": 2480,
             "offsetInferred": null})"_s,
        uR"({"role": "user", "text": "I'd like a check-up on Friday.", "startMs": 3100, "endMs": 4000})"_s,
        uR"({"toolCallId": "inv_7f3a", "name": "findSlots", "arguments": {"day": "friday", "kind": "check-up"}})"_s,
        uR"({"toolCallId": "inv_7f3a", "name": "findSlots", "status": "success",
             "result": {"slots": ["10:00", "14:30"]}, "error": null})"_s,
        // No timespan: placed where the previous message (the unspecified one) ended.
        uR"({"role": "agent", "text": "Friday at 10:00 or 14:30?", "startMs": 5100, "endMs": null,
             "offsetInferred": true})"_s,
        uR"({"toolCallId": "inv_9b21", "name": "bookSlot", "arguments": {"slot": "10:00"}})"_s,
        uR"({"toolCallId": "inv_9b21", "name": "bookSlot", "status": "error",
             "result": "Booking failed, please apologise.", "error": "HTTP 503 from https://clinic.example/book"})"_s,
    };
    compareEvents(result->events, kinds, payloads);
    if (QTest::currentTestFailed())
        return;

    const QList<qint64> offsets{0, 3'100, 4'200, 4'950, 5'100, 9'000, 9'800};
    for (qsizetype i = 0; i < result->events.size(); ++i) {
        const CallEvent &event = result->events[i];
        QCOMPARE(event.providerCallId, callId);
        QCOMPARE(event.occurredAtMs, receivedAt);
        QVERIFY(event.offsetMs);
        QCOMPARE(*event.offsetMs, offsets[i]);
    }
}

void TestAdapterUltravox::untimedTurnsOfOneRoleDoNotCollide()
{
    // Two user messages without timespans both start where the agent's ended. The store keeps one
    // segment per (call, role, startMs): had they the same start, the second would replace the first.
    const QByteArray page = R"({"next": null, "results": [
        {"role": "MESSAGE_ROLE_AGENT", "text": "Which day suits you?", "timespan": {"start": "0.500s", "end": "2.000s"}},
        {"role": "MESSAGE_ROLE_USER", "text": "Friday."},
        {"role": "MESSAGE_ROLE_USER", "text": "In the morning, please."},
        {"role": "MESSAGE_ROLE_AGENT", "text": "Friday at 10:00 then."}
    ]})";

    const auto result = adaptUltravoxMessages(callId, page, receivedAt);
    QVERIFY2(result, qPrintable(failureOf(result)));
    QCOMPARE(result->events.size(), 4);
    QSet<std::pair<QString, qint64>> turns;
    for (const CallEvent &event : result->events) {
        QCOMPARE(toString(event.kind), toString(EventKind::TranscriptSegment));
        const qint64 startMs = qint64(event.payload.value("startMs"_L1).toDouble());
        QVERIFY(event.offsetMs);
        QCOMPARE(*event.offsetMs, startMs);
        const std::pair<QString, qint64> turn{event.payload.value("role"_L1).toString(), startMs};
        QVERIFY2(!turns.contains(turn), qPrintable(compactJson(event.payload)));
        turns.insert(turn);
    }
    // Both user turns are kept, in the order they were said, right after the agent's turn.
    QCOMPARE(result->events[1].payload.value("text"_L1).toString(), u"Friday."_s);
    QCOMPARE(*result->events[1].offsetMs, 2'000);
    QCOMPARE(result->events[2].payload.value("text"_L1).toString(), u"In the morning, please."_s);
    QVERIFY(*result->events[2].offsetMs > *result->events[1].offsetMs);
    QVERIFY(*result->events[3].offsetMs >= *result->events[2].offsetMs);
    for (qsizetype i = 1; i < result->events.size(); ++i)
        QCOMPARE(result->events[i].payload.value("offsetInferred"_L1), QJsonValue(true));
}

void TestAdapterUltravox::untimedTurnsOnTheNextPageFollowThePreviousPage()
{
    // The back-fill carries one clock from page to page: an untimed turn on page 2 neither starts
    // at 0 again nor takes the start of a turn of page 1.
    const QByteArray first = R"({"next": null, "results": [
        {"role": "MESSAGE_ROLE_USER", "text": "Hello?"},
        {"role": "MESSAGE_ROLE_AGENT", "text": "Good morning.", "timespan": {"start": "1.000s", "end": "2.500s"}}
    ]})";
    const QByteArray second = R"({"next": null, "results": [
        {"role": "MESSAGE_ROLE_USER", "text": "I need a new appointment."}
    ]})";
    AdapterUtil::TurnClock clock;
    const auto one = adaptUltravoxMessages(callId, first, receivedAt, &clock);
    const auto two = adaptUltravoxMessages(callId, second, receivedAt, &clock);
    QVERIFY(one && two);
    QCOMPARE(one->events.size(), 2);
    QCOMPARE(two->events.size(), 1);
    QCOMPARE(*one->events[0].offsetMs, 0);
    QCOMPARE(*two->events[0].offsetMs, 2'500); // after page 1, not at 0 where "Hello?" is
    // Without the carried clock the second page's turn would collide with the first page's.
    QCOMPARE(*adaptUltravoxMessages(callId, second, receivedAt)->events[0].offsetMs, 0);
}

void TestAdapterUltravox::messagesPagination_data()
{
    QTest::addColumn<QByteArray>("page");
    QTest::addColumn<QString>("next");
    QTest::addColumn<int>("events");

    QTest::newRow("a middle page names the absolute URL of the next")
        << QByteArray(R"({"next": "https://api.ultravox.ai/api/calls/4b0f/messages?cursor=cj0xJnA9Mg%3D%3D",
                          "results": [{"role": "MESSAGE_ROLE_USER", "text": "Hello?",
                                       "timespan": {"start": "1.250s", "end": "1.900s"}}]})")
        << u"https://api.ultravox.ai/api/calls/4b0f/messages?cursor=cj0xJnA9Mg%3D%3D"_s << 1;
    QTest::newRow("the last page has a null next")
        << QByteArray(R"({"next": null, "results": [{"role": "MESSAGE_ROLE_AGENT", "text": "Goodbye."}]})")
        << QString() << 1;
    QTest::newRow("a page without next is the last") << QByteArray(R"({"results": []})") << QString() << 0;
    QTest::newRow("an empty next is the last")
        << QByteArray(R"({"next": "", "results": []})") << QString() << 0;
}

void TestAdapterUltravox::messagesPagination()
{
    QFETCH(QByteArray, page);
    QFETCH(QString, next);
    QFETCH(int, events);

    const auto result = adaptUltravoxMessages(callId, page, receivedAt);
    QVERIFY(result);
    QCOMPARE(result->next, next);
    QCOMPARE(result->events.size(), events);
}

void TestAdapterUltravox::malformedMessages_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QByteArray>("page");

    QTest::newRow("text that is not JSON") << callId << QByteArray("<html>502 Bad Gateway</html>");
    QTest::newRow("a JSON array") << callId << QByteArray(R"([{"role": "MESSAGE_ROLE_USER"}])");
    QTest::newRow("no results") << callId << QByteArray(R"({"next": null})");
    QTest::newRow("results that are not a list") << callId << QByteArray(R"({"results": {"role": "x"}})");
    QTest::newRow("a relative next URL")
        << callId << QByteArray(R"({"next": "/api/calls/4b0f/messages?cursor=x", "results": []})");
    QTest::newRow("a next URL that is not a web address")
        << callId << QByteArray(R"({"next": "file:///etc/passwd", "results": []})");
    QTest::newRow("a next that is not a string") << callId << QByteArray(R"({"next": 2, "results": []})");
    QTest::newRow("no call id") << QString() << QByteArray(R"({"next": null, "results": []})");
}

void TestAdapterUltravox::malformedMessages()
{
    QFETCH(QString, call);
    QFETCH(QByteArray, page);

    const auto result = adaptUltravoxMessages(call, page, receivedAt);
    QVERIFY(!result);
    QVERIFY(!result.error().detail.isEmpty());
}

QTEST_GUILESS_MAIN(TestAdapterUltravox)
#include "tst_adapter_ultravox.moc"
