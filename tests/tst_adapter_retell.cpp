// SPDX-License-Identifier: GPL-3.0-or-later
#include "adaptertestsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

// Declared before the payloads: moc misreads the \" escapes inside raw string literals.
class TestAdapterRetell : public QObject
{
    Q_OBJECT

private slots:
    void eachEvent_data();
    void eachEvent();
    void statusFacts();
    void transcriptTurnsFromWordTimes();
    void bothTranscriptsGiveEachTurnOnce();
    void turnsWithoutWordsGetDistinctDerivedOffsets();
    void transferTargetSpeaksForTheAgentSide();
    void toolCallsAreMatchedById();
    void nodeTransitionsAndKeyPresses();
    void statusMapping_data();
    void statusMapping();
    void outcomeMapping_data();
    void outcomeMapping();
    void durationFallsBackToTimestamps_data();
    void durationFallsBackToTimestamps();
    void analysis_data();
    void analysis();
    void cost();
    void transfers_data();
    void transfers();
    void duplicatesShareTheirKey();
    void transcriptUpdatesAreKeyedByContent();
    void unknownEventIsKeptWithItsCall();
    void missingCallIdIsUnattributed_data();
    void missingCallIdIsUnattributed();
    void malformedBodiesAreRejected_data();
    void malformedBodiesAreRejected();
};

namespace {

constexpr qint64 receivedAt = 1'761'210'900'000;
constexpr qint64 callStart = 1'761'210'843'120;
constexpr qint64 callEnd = 1'761'210'863'420;

// An inbound call that booked an appointment: two tool calls (the second failed), a node transition
// and a key press between the turns, both transcript forms, latency and cost.
const QByteArray callEnded = R"({"event": "call_ended", "call": {
  "call_type": "phone_call", "call_id": "call_5f2a9c1e", "agent_id": "agent_8d1f", "agent_name": "Front desk",
  "call_status": "ended", "direction": "inbound", "from_number": "+14155550123", "to_number": "+14155550199",
  "start_timestamp": 1761210843120, "end_timestamp": 1761210863420, "duration_ms": 20300,
  "disconnection_reason": "agent_hangup",
  "telephony_identifier": {"twilio_call_sid": "CA0f1e2d3c4b5a69788796a5b4c3d2e1f0"},
  "recording_url": "https://dxc03zgurdly9.cloudfront.net/call_5f2a9c1e/recording.wav",
  "public_log_url": "https://dxc03zgurdly9.cloudfront.net/call_5f2a9c1e/public.log",
  "latency": {"e2e": {"p50": 812, "p90": 1190, "min": 640, "max": 1480, "num": 4, "values": [640, 812, 1190, 1480]}},
  "call_cost": {"combined_cost": 11.7, "total_duration_seconds": 21,
                "product_costs": [{"product": "elevenlabs_tts", "cost": 2.45}, {"product": "retell_platform", "cost": 9.25}]},
  "transcript_object": [
    {"role": "agent", "content": "North Clinic, how can I help?",
     "words": [{"word": "North", "start": 0.42, "end": 0.7}, {"word": "help?", "start": 1.9, "end": 2.25}]},
    {"role": "user", "content": "A cleaning next Tuesday, please.",
     "words": [{"word": "A", "start": 3.1, "end": 3.2}, {"word": "please.", "start": 4.6, "end": 5.05}]},
    {"role": "agent", "content": "Tuesday at ten is booked.",
     "words": [{"word": "Tuesday", "start": 7.9, "end": 8.3}, {"word": "booked.", "start": 9.4, "end": 9.85}]}
  ],
  "transcript_with_tool_calls": [
    {"role": "agent", "content": "North Clinic, how can I help?",
     "words": [{"word": "North", "start": 0.42, "end": 0.7}, {"word": "help?", "start": 1.9, "end": 2.25}]},
    {"role": "user", "content": "A cleaning next Tuesday, please.",
     "words": [{"word": "A", "start": 3.1, "end": 3.2}, {"word": "please.", "start": 4.6, "end": 5.05}]},
    {"role": "tool_call_invocation", "tool_call_id": "tc_7a1b", "name": "check_availability",
     "arguments": "{\"date\":\"2026-10-27\",\"service\":\"cleaning\"}"},
    {"role": "tool_call_result", "tool_call_id": "tc_7a1b", "content": "{\"slots\":[\"10:00\",\"14:30\"]}",
     "successful": true},
    {"role": "node_transition", "former_node_id": "n1", "former_node_name": "Collect request",
     "new_node_id": "n2", "new_node_name": "Book appointment"},
    {"role": "tool_call_invocation", "tool_call_id": "tc_9c2d", "name": "book_appointment",
     "arguments": "{\"time\":\"10:00\"}"},
    {"role": "tool_call_result", "tool_call_id": "tc_9c2d",
     "content": "{\"code\":\"SLOT_TAKEN\",\"message\":\"slot no longer free\"}", "successful": false},
    {"role": "dtmf", "digit": "1"},
    {"role": "agent", "content": "Tuesday at ten is booked.",
     "words": [{"word": "Tuesday", "start": 7.9, "end": 8.3}, {"word": "booked.", "start": 9.4, "end": 9.85}]}
  ]}})"_ba;

const QByteArray callStarted = R"({"event": "call_started", "call": {
  "call_type": "phone_call", "call_id": "call_5f2a9c1e", "agent_id": "agent_8d1f", "call_status": "ongoing",
  "direction": "outbound", "from_number": "+14155550199", "to_number": "+14155550123",
  "start_timestamp": 1761210843120}})"_ba;

const QByteArray callAnalyzed = R"({"event": "call_analyzed", "call": {
  "call_type": "phone_call", "call_id": "call_5f2a9c1e", "call_status": "ended",
  "start_timestamp": 1761210843120, "end_timestamp": 1761210863420, "disconnection_reason": "user_hangup",
  "call_analysis": {"call_summary": "The caller booked a cleaning for Tuesday at ten.", "user_sentiment": "Positive",
                    "call_successful": true, "in_voicemail": false, "custom_analysis_data": {"booked": true}}}})"_ba;

// A dial that never connected: call_ended without call_started, no timestamps.
const QByteArray dialBusy = R"({"event": "call_ended", "call": {
  "call_type": "phone_call", "call_id": "call_busy01", "call_status": "not_connected", "direction": "outbound",
  "from_number": "+14155550199", "to_number": "+14155550123", "disconnection_reason": "dial_busy"}})"_ba;

// The transcript so far, sent on every turn: only transcript_with_tool_calls.
const QByteArray transcriptUpdated = R"({"event": "transcript_updated", "call": {
  "call_type": "phone_call", "call_id": "call_5f2a9c1e", "call_status": "ongoing", "start_timestamp": 1761210843120,
  "transcript_with_tool_calls": [
    {"role": "agent", "content": "North Clinic, how can I help?",
     "words": [{"word": "North", "start": 0.42, "end": 0.7}, {"word": "help?", "start": 1.9, "end": 2.25}]},
    {"role": "user", "content": "A cleaning next Tuesday, please.",
     "words": [{"word": "A", "start": 3.1, "end": 3.2}, {"word": "please.", "start": 4.6, "end": 5.05}]},
    {"role": "tool_call_invocation", "tool_call_id": "tc_7a1b", "name": "check_availability",
     "arguments": "{\"date\":\"2026-10-27\"}"}
  ]}})"_ba;

QByteArray transfer(const QString &stage)
{
    return uR"({"event": "transfer_%1", "call": {
  "call_type": "phone_call", "call_id": "call_5f2a9c1e", "call_status": "ongoing", "start_timestamp": 1761210843120,
  "transfer_destination": "+14155550142", "transfer_end_timestamp": 1761210923000},
  "transfer_option": {"type": "cold_transfer"}})"_s.arg(stage)
        .toUtf8();
}

// A call_ended body built from a call object, for the tables.
QByteArray retell(const QString &event, const QJsonObject &call)
{
    return jsonBytes(QJsonObject{{u"event"_s, event}, {u"call"_s, call}});
}

// Adapts a body that must be accepted (see REQUIRE_ADAPTED).
#define ADAPT(name, body) REQUIRE_ADAPTED(name, adaptRetell(body, receivedAt))

} // namespace

void TestAdapterRetell::eachEvent_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("eventKey");
    QTest::addColumn<QString>("eventType");
    QTest::addColumn<QStringList>("kinds");
    QTest::addColumn<QString>("status");
    QTest::addColumn<qint64>("occurredAt");

    const QString callStatus = u"call.status"_s;
    const QString segment = u"transcript.segment"_s;
    const QString started = u"function.started"_s;
    const QString finished = u"function.finished"_s;
    const QString flow = u"flow.transition"_s;

    QTest::newRow("call_started reports the call in progress at its start")
        << callStarted << u"call_started:call_5f2a9c1e"_s << u"call_started"_s << QStringList{callStatus}
        << u"in_progress"_s << callStart;
    QTest::newRow("call_ended reports the end, the turns, the tool calls, the flow, a key press and the cost")
        << callEnded << u"call_ended:call_5f2a9c1e"_s << u"call_ended"_s
        << QStringList{callStatus, segment, segment,  segment,   started,       finished,
                       flow,       started, finished, u"note"_s, u"call.cost"_s}
        << u"ended"_s << callEnd;
    QTest::newRow("call_analyzed reports the end again with the analysis")
        << callAnalyzed << u"call_analyzed:call_5f2a9c1e"_s << u"call_analyzed"_s
        << QStringList{callStatus, u"call.analysis"_s} << u"ended"_s << callEnd;
    QTest::newRow("a dial that never connected ends when it was received")
        << dialBusy << u"call_ended:call_busy01"_s << u"call_ended"_s << QStringList{callStatus} << u"ended"_s
        << receivedAt;
    QTest::newRow("transcript_updated reports the turns and tool calls so far, keyed by its content")
        << transcriptUpdated << u"transcript_updated:call_5f2a9c1e:"_s + sha256Hex(transcriptUpdated)
        << u"transcript_updated"_s << QStringList{callStatus, segment, segment, started} << u"in_progress"_s
        << receivedAt;
    QTest::newRow("transfer_started reports a transition to the transfer, keyed by the call's start")
        << transfer(u"started"_s) << u"transfer_started:call_5f2a9c1e:1761210843120"_s
        << u"transfer_started"_s << QStringList{callStatus, flow} << u"in_progress"_s << receivedAt;
    QTest::newRow("transfer_bridged reports a transition to the transfer")
        << transfer(u"bridged"_s) << u"transfer_bridged:call_5f2a9c1e:1761210843120"_s
        << u"transfer_bridged"_s << QStringList{callStatus, flow} << u"in_progress"_s << receivedAt;
    QTest::newRow("transfer_cancelled reports a transition to the transfer")
        << transfer(u"cancelled"_s) << u"transfer_cancelled:call_5f2a9c1e:1761210843120"_s
        << u"transfer_cancelled"_s << QStringList{callStatus, flow} << u"in_progress"_s << receivedAt;
    QTest::newRow("transfer_ended reports a transition to the transfer")
        << transfer(u"ended"_s) << u"transfer_ended:call_5f2a9c1e:1761210843120"_s << u"transfer_ended"_s
        << QStringList{callStatus, flow} << u"in_progress"_s << receivedAt;
}

void TestAdapterRetell::eachEvent()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, eventKey);
    QFETCH(QString, eventType);
    QFETCH(QStringList, kinds);
    QFETCH(QString, status);
    QFETCH(qint64, occurredAt);

    ADAPT(delivery, body);
    QCOMPARE(delivery.eventKey, eventKey);
    QCOMPARE(delivery.eventType, eventType);
    QVERIFY(delivery.attributed);
    QVERIFY(delivery.unattributedReason.isEmpty());
    QVERIFY(delivery.redactedBody.isEmpty());
    QCOMPARE(kindsOf(delivery), kinds);
    QCOMPARE(delivery.events.first().payload.value("status"_L1).toString(), status);
    QCOMPARE(delivery.events.first().occurredAtMs, occurredAt);
    for (const CallEvent &event : delivery.events) {
        QCOMPARE(toString(event.provider), u"retell"_s);
        QCOMPARE(event.providerCallId, delivery.providerCallId);
        // Unknown values are left out, never null.
        for (auto it = event.payload.constBegin(); it != event.payload.constEnd(); ++it)
            QVERIFY2(!it.value().isNull() && !it.value().isUndefined(), qPrintable(it.key()));
    }
    QCOMPARE(delivery.providerCallId, eventKey.section(u':', 1, 1));
}

void TestAdapterRetell::statusFacts()
{
    ADAPT(delivery, callEnded);
    const QJsonObject status = delivery.events.first().payload;
    QCOMPARE(status.value("status"_L1).toString(), u"ended"_s);
    QCOMPARE(status.value("direction"_L1).toString(), u"inbound"_s);
    QCOMPARE(status.value("fromNumber"_L1).toString(), u"+14155550123"_s);
    QCOMPARE(status.value("toNumber"_L1).toString(), u"+14155550199"_s);
    QCOMPARE(status.value("agent"_L1).toString(), u"Front desk"_s);
    QCOMPARE(status.value("startedAt"_L1).toDouble(), double(callStart));
    QCOMPARE(status.value("endedAt"_L1).toDouble(), double(callEnd));
    QCOMPARE(status.value("durationMs"_L1).toDouble(), 20300.0);
    QCOMPARE(status.value("reason"_L1).toString(), u"agent_hangup"_s);
    QVERIFY(!status.contains("outcome"_L1)); // a hang-up leaves the outcome to the duration rule
    QCOMPARE(status.value("recordingUrl"_L1).toString(),
             u"https://dxc03zgurdly9.cloudfront.net/call_5f2a9c1e/recording.wav"_s);
    QCOMPARE(status.value("logUrl"_L1).toString(),
             u"https://dxc03zgurdly9.cloudfront.net/call_5f2a9c1e/public.log"_s);
    const QJsonObject e2e = status.value("latency"_L1).toObject().value("e2e"_L1).toObject();
    QCOMPARE(e2e.value("p50"_L1).toDouble(), 812.0);
    QCOMPARE(e2e.value("max"_L1).toDouble(), 1480.0);
    QVERIFY(!e2e.contains("values"_L1)); // compact: no per-turn values
    for (const CallEvent &event : delivery.events)
        QCOMPARE(event.twilioCallSid, u"CA0f1e2d3c4b5a69788796a5b4c3d2e1f0"_s);

    ADAPT(started, callStarted);
    const QJsonObject startedStatus = started.events.first().payload;
    QCOMPARE(startedStatus.value("direction"_L1).toString(), u"outbound"_s);
    QCOMPARE(startedStatus.value("agent"_L1).toString(), u"agent_8d1f"_s); // no name: the id
    QVERIFY(!startedStatus.contains("endedAt"_L1));
    QVERIFY(!startedStatus.contains("durationMs"_L1));
    QVERIFY(!startedStatus.contains("reason"_L1));
    QVERIFY(started.events.first().twilioCallSid.isEmpty());

    const AdapterResult web = adaptRetell(
        retell(u"call_started"_s, {{u"call_id"_s, u"call_web1"_s}, {u"call_type"_s, u"web_call"_s}}),
        receivedAt);
    QVERIFY(web);
    QCOMPARE(web->events.first().payload.value("direction"_L1).toString(), u"web"_s);
}

void TestAdapterRetell::transcriptTurnsFromWordTimes()
{
    ADAPT(delivery, callEnded);
    const CallEvents segments = eventsOf(delivery, EventKind::TranscriptSegment);
    QCOMPARE(segments.size(), 3);
    const struct
    {
        QString role;
        QString text;
        qint64 startMs;
        qint64 endMs;
    } expected[] = {{u"agent"_s, u"North Clinic, how can I help?"_s, 420, 2250},
                    {u"user"_s, u"A cleaning next Tuesday, please."_s, 3100, 5050},
                    {u"agent"_s, u"Tuesday at ten is booked."_s, 7900, 9850}};
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QJsonObject p = segments.at(i).payload;
        QCOMPARE(p.value("role"_L1).toString(), expected[i].role);
        QCOMPARE(p.value("text"_L1).toString(), expected[i].text);
        QCOMPARE(p.value("startMs"_L1).toDouble(), double(expected[i].startMs));
        QCOMPARE(p.value("endMs"_L1).toDouble(), double(expected[i].endMs));
        QCOMPARE(segments.at(i).offsetMs, std::optional<qint64>(expected[i].startMs));
        QCOMPARE(segments.at(i).occurredAtMs, callStart + expected[i].startMs);
    }
}

void TestAdapterRetell::bothTranscriptsGiveEachTurnOnce()
{
    // transcript_object has a turn transcript_with_tool_calls lacks: the turns come from the first only.
    QJsonObject call = jsonObject(callEnded).value("call"_L1).toObject();
    QJsonArray turns = call.value("transcript_object"_L1).toArray();
    turns.append(QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Thanks, bye."_s}});
    call.insert(u"transcript_object"_s, turns);
    ADAPT(delivery, retell(u"call_ended"_s, call));
    const CallEvents segments = eventsOf(delivery, EventKind::TranscriptSegment);
    QCOMPARE(segments.size(), 4);
    QCOMPARE(segments.last().payload.value("text"_L1).toString(), u"Thanks, bye."_s);
    QCOMPARE(eventsOf(delivery, EventKind::FunctionStarted).size(), 2);

    // Without transcript_object, the turns come from transcript_with_tool_calls.
    call.remove(u"transcript_object"_s);
    ADAPT(timelineOnly, retell(u"call_ended"_s, call));
    QCOMPARE(eventsOf(timelineOnly, EventKind::TranscriptSegment).size(), 3);
}

void TestAdapterRetell::turnsWithoutWordsGetDistinctDerivedOffsets()
{
    // No word times: a turn starts where the one before it ended (0 for the first), 1 ms later when
    // its role already has a turn there.
    const QByteArray body =
        R"({"event": "call_ended", "call": {"call_id": "call_nowords", "transcript_object": [
      {"role": "agent", "content": "Hello?", "words": []},
      {"role": "agent", "content": "Hello, anyone there?"},
      {"role": "user", "content": "Yes, hi.", "words": [{"word": "Yes,", "start": 2.0, "end": 2.2},
                                                         {"word": "hi.", "start": 2.3, "end": 2.6}]},
      {"role": "agent", "content": "Great."},
      {"role": "user", "content": "Mm."}
    ]}})"_ba;
    ADAPT(delivery, body);
    const CallEvents segments = eventsOf(delivery, EventKind::TranscriptSegment);
    QCOMPARE(segments.size(), 5);
    const QList<qint64> expectedStarts{0, 1, 2000, 2600, 2600};
    QSet<std::pair<QString, qint64>> seen;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QJsonObject p = segments.at(i).payload;
        QCOMPARE(qint64(p.value("startMs"_L1).toDouble()), expectedStarts.at(i));
        QCOMPARE(segments.at(i).offsetMs, std::optional<qint64>(expectedStarts.at(i)));
        // Only word times give an end.
        QCOMPARE(p.contains("endMs"_L1), i == 2);
        seen.insert({p.value("role"_L1).toString(), expectedStarts.at(i)});
    }
    QCOMPARE(seen.size(), segments.size());
    // No start time: the turns happened when the delivery arrived.
    QCOMPARE(segments.first().occurredAtMs, receivedAt);

    ADAPT(again, body);
    for (qsizetype i = 0; i < segments.size(); ++i)
        QCOMPARE(eventsOf(again, EventKind::TranscriptSegment).at(i).payload, segments.at(i).payload);
}

void TestAdapterRetell::transferTargetSpeaksForTheAgentSide()
{
    const QByteArray body = R"({"event": "call_ended", "call": {"call_id": "call_xfer", "transcript_object": [
      {"role": "agent", "content": "Connecting you.", "words": [{"word": "Connecting", "start": 1.0, "end": 1.8}]},
      {"role": "transfer_target", "content": "Front desk, Sam speaking.",
       "words": [{"word": "Front", "start": 1.0, "end": 1.3}, {"word": "speaking.", "start": 2.1, "end": 2.6}]},
      {"role": "sms", "content": "not a spoken turn"}
    ]}})"_ba;
    ADAPT(delivery, body);
    const CallEvents segments = eventsOf(delivery, EventKind::TranscriptSegment);
    QCOMPARE(segments.size(), 2);
    QVERIFY(!segments.first().payload.contains("speaker"_L1));
    const QJsonObject target = segments.last().payload;
    QCOMPARE(target.value("role"_L1).toString(), u"agent"_s);
    QCOMPARE(target.value("speaker"_L1).toString(), u"transfer_target"_s);
    // The agent already has a turn at 1 s: the transfer target's moves 1 ms later.
    QCOMPARE(target.value("startMs"_L1).toDouble(), 1001.0);
    QCOMPARE(target.value("endMs"_L1).toDouble(), 2600.0);
}

void TestAdapterRetell::toolCallsAreMatchedById()
{
    ADAPT(delivery, callEnded);
    const CallEvents started = eventsOf(delivery, EventKind::FunctionStarted);
    const CallEvents finished = eventsOf(delivery, EventKind::FunctionFinished);
    QCOMPARE(started.size(), 2);
    QCOMPARE(finished.size(), 2);

    const QJsonObject check = started.at(0).payload;
    QCOMPARE(check.value("toolCallId"_L1).toString(), u"tc_7a1b"_s);
    QCOMPARE(check.value("name"_L1).toString(), u"check_availability"_s);
    QVERIFY(check.value("arguments"_L1).isObject());
    QCOMPARE(check.value("arguments"_L1).toObject().value("service"_L1).toString(), u"cleaning"_s);

    const QJsonObject checked = finished.at(0).payload;
    QCOMPARE(checked.value("toolCallId"_L1).toString(), u"tc_7a1b"_s);
    QCOMPARE(checked.value("name"_L1).toString(), u"check_availability"_s); // from its invocation
    QCOMPARE(checked.value("status"_L1).toString(), u"success"_s);
    QCOMPARE(checked.value("result"_L1).toObject().value("slots"_L1).toArray().size(), 2);
    QVERIFY(!checked.contains("error"_L1));

    const QJsonObject booked = finished.at(1).payload;
    QCOMPARE(booked.value("toolCallId"_L1).toString(), u"tc_9c2d"_s);
    QCOMPARE(booked.value("name"_L1).toString(), u"book_appointment"_s);
    QCOMPARE(booked.value("status"_L1).toString(), u"error"_s);
    QCOMPARE(booked.value("error"_L1).toObject().value("code"_L1).toString(), u"SLOT_TAKEN"_s);

    // Retell times no tool call: each takes the end of the turn before it (the user's, at 5.05 s).
    for (const CallEvent &event : started + finished) {
        QCOMPARE(event.offsetMs, std::optional<qint64>(5050));
        QCOMPARE(event.occurredAtMs, callStart + 5050);
    }
}

void TestAdapterRetell::nodeTransitionsAndKeyPresses()
{
    ADAPT(delivery, callEnded);
    const CallEvents flows = eventsOf(delivery, EventKind::FlowTransition);
    QCOMPARE(flows.size(), 1);
    QCOMPARE(flows.first().payload.value("from"_L1).toString(), u"Collect request"_s);
    QCOMPARE(flows.first().payload.value("to"_L1).toString(), u"Book appointment"_s);
    QCOMPARE(flows.first().offsetMs, std::optional<qint64>(5050));
    const CallEvents notes = eventsOf(delivery, EventKind::Note);
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.first().payload.value("text"_L1).toString(), u"DTMF 1"_s);

    // Node ids stand in for missing names.
    const QByteArray ids =
        R"({"event": "call_ended", "call": {"call_id": "call_ids", "transcript_with_tool_calls": [
      {"role": "node_transition", "former_node_id": "start", "new_node_id": "node-2"}]}})"_ba;
    ADAPT(byId, ids);
    QCOMPARE(eventsOf(byId, EventKind::FlowTransition).first().payload,
             (QJsonObject{{u"from"_s, u"start"_s}, {u"to"_s, u"node-2"_s}}));
}

void TestAdapterRetell::statusMapping_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("callStatus");
    QTest::addColumn<QString>("status");

    QTest::newRow("call_started is in progress") << u"call_started"_s << u"ongoing"_s << u"in_progress"_s;
    QTest::newRow("call_ended is ended") << u"call_ended"_s << u"ended"_s << u"ended"_s;
    QTest::newRow("call_ended of a call that never connected is ended")
        << u"call_ended"_s << u"not_connected"_s << u"ended"_s;
    QTest::newRow("call_ended of a call in error is ended") << u"call_ended"_s << u"error"_s << u"ended"_s;
    QTest::newRow("call_analyzed is ended") << u"call_analyzed"_s << u"ended"_s << u"ended"_s;
    QTest::newRow("transcript_updated is in progress")
        << u"transcript_updated"_s << u"ongoing"_s << u"in_progress"_s;
    QTest::newRow("the last transcript_updated after the end still says in progress")
        << u"transcript_updated"_s << u"ended"_s << u"in_progress"_s;
    QTest::newRow("a transfer of a registered call is queued")
        << u"transfer_started"_s << u"registered"_s << u"queued"_s;
    QTest::newRow("a transfer of an ongoing call is in progress")
        << u"transfer_bridged"_s << u"ongoing"_s << u"in_progress"_s;
    QTest::newRow("a transfer of an ended call is ended") << u"transfer_ended"_s << u"ended"_s << u"ended"_s;
    QTest::newRow("a transfer of a call that never connected is ended")
        << u"transfer_cancelled"_s << u"not_connected"_s << u"ended"_s;
    QTest::newRow("a transfer of a call in error is ended")
        << u"transfer_cancelled"_s << u"error"_s << u"ended"_s;
}

void TestAdapterRetell::statusMapping()
{
    QFETCH(QString, event);
    QFETCH(QString, callStatus);
    QFETCH(QString, status);

    ADAPT(delivery, retell(event, {{u"call_id"_s, u"call_1"_s}, {u"call_status"_s, callStatus}}));
    QCOMPARE(toString(delivery.events.first().kind), u"call.status"_s);
    QCOMPARE(delivery.events.first().payload.value("status"_L1).toString(), status);
}

void TestAdapterRetell::outcomeMapping_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("outcome");

    QTest::newRow("dial_busy is busy") << u"dial_busy"_s << u"busy"_s;
    QTest::newRow("dial_no_answer is no answer") << u"dial_no_answer"_s << u"no_answer"_s;
    QTest::newRow("voicemail_reached is voicemail") << u"voicemail_reached"_s << u"voicemail"_s;
    QTest::newRow("call_transfer is transferred") << u"call_transfer"_s << u"transferred"_s;
    QTest::newRow("dial_failed failed") << u"dial_failed"_s << u"failed"_s;
    QTest::newRow("error_llm_websocket_open failed") << u"error_llm_websocket_open"_s << u"failed"_s;
    QTest::newRow("error_no_audio_received failed") << u"error_no_audio_received"_s << u"failed"_s;
    QTest::newRow("error_retell failed") << u"error_retell"_s << u"failed"_s;
    QTest::newRow("error_unknown failed") << u"error_unknown"_s << u"failed"_s;
    QTest::newRow("user_hangup leaves it to the duration") << u"user_hangup"_s << QString();
    QTest::newRow("agent_hangup leaves it to the duration") << u"agent_hangup"_s << QString();
    QTest::newRow("inactivity leaves it to the duration") << u"inactivity"_s << QString();
    QTest::newRow("max_duration_reached leaves it to the duration") << u"max_duration_reached"_s << QString();
}

void TestAdapterRetell::outcomeMapping()
{
    QFETCH(QString, reason);
    QFETCH(QString, outcome);

    ADAPT(delivery, retell(u"call_ended"_s, {{u"call_id"_s, u"call_1"_s},
                                             {u"call_status"_s, u"ended"_s},
                                             {u"disconnection_reason"_s, reason}}));
    const QJsonObject status = delivery.events.first().payload;
    QCOMPARE(status.value("reason"_L1).toString(), reason);
    QCOMPARE(status.contains("outcome"_L1), !outcome.isEmpty());
    QCOMPARE(status.value("outcome"_L1).toString(), outcome);
}

void TestAdapterRetell::durationFallsBackToTimestamps_data()
{
    QTest::addColumn<QJsonObject>("call");
    QTest::addColumn<qint64>("durationMs");

    const QJsonObject times{{u"call_id"_s, u"call_1"_s},
                            {u"start_timestamp"_s, double(callStart)},
                            {u"end_timestamp"_s, double(callEnd)}};
    QJsonObject withDuration = times;
    withDuration.insert(u"duration_ms"_s, 19000);
    QJsonObject startOnly{{u"call_id"_s, u"call_1"_s}, {u"start_timestamp"_s, double(callStart)}};

    QTest::newRow("duration_ms wins over the timestamps") << withDuration << qint64(19000);
    QTest::newRow("without duration_ms the duration is end minus start") << times << qint64(20300);
    QTest::newRow("without an end there is no duration") << startOnly << qint64(-1);
}

void TestAdapterRetell::durationFallsBackToTimestamps()
{
    QFETCH(QJsonObject, call);
    QFETCH(qint64, durationMs);

    ADAPT(delivery, retell(u"call_ended"_s, call));
    const QJsonObject status = delivery.events.first().payload;
    QCOMPARE(status.contains("durationMs"_L1), durationMs >= 0);
    if (durationMs >= 0)
        QCOMPARE(qint64(status.value("durationMs"_L1).toDouble()), durationMs);
}

void TestAdapterRetell::analysis_data()
{
    QTest::addColumn<QJsonObject>("analysis");
    QTest::addColumn<QJsonObject>("expected");

    QTest::newRow("a summary, sentiment and success are reported as they are")
        << QJsonObject{{u"call_summary"_s, u"Booked."_s},
                       {u"user_sentiment"_s, u"Positive"_s},
                       {u"call_successful"_s, true},
                       {u"in_voicemail"_s, false}}
        << QJsonObject{{u"summary"_s, u"Booked."_s},
                       {u"sentiment"_s, u"Positive"_s},
                       {u"success"_s, true},
                       {u"inVoicemail"_s, false}};
    QTest::newRow("a call the analysis found in voicemail has the voicemail outcome")
        << QJsonObject{{u"call_summary"_s, u"Left a message."_s}, {u"in_voicemail"_s, true}}
        << QJsonObject{{u"summary"_s, u"Left a message."_s},
                       {u"inVoicemail"_s, true},
                       {u"outcome"_s, u"voicemail"_s}};
    QTest::newRow("an unsuccessful call says so")
        << QJsonObject{{u"call_successful"_s, false}} << QJsonObject{{u"success"_s, false}};
    QTest::newRow("an analysis with nothing known gives no event")
        << QJsonObject{{u"custom_analysis_data"_s, 1}} << QJsonObject();
}

void TestAdapterRetell::analysis()
{
    QFETCH(QJsonObject, analysis);
    QFETCH(QJsonObject, expected);

    ADAPT(delivery,
          retell(u"call_analyzed"_s, {{u"call_id"_s, u"call_1"_s}, {u"call_analysis"_s, analysis}}));
    const CallEvents events = eventsOf(delivery, EventKind::CallAnalysis);
    QCOMPARE(events.size(), expected.isEmpty() ? 0 : 1);
    if (!expected.isEmpty())
        QCOMPARE(events.first().payload, expected);
}

void TestAdapterRetell::cost()
{
    ADAPT(delivery, callEnded);
    const CallEvents costs = eventsOf(delivery, EventKind::CallCost);
    QCOMPARE(costs.size(), 1);
    const QJsonObject cost = costs.first().payload;
    QCOMPARE(cost.value("costCents"_L1).toDouble(), 11.7); // Retell's cost is in cents already
    QCOMPARE(cost.value("currency"_L1).toString(), u"USD"_s);
    QCOMPARE(cost.value("breakdown"_L1).toObject().value("retell_platform"_L1).toDouble(), 9.25);
    QCOMPARE(cost.value("breakdown"_L1).toObject().value("elevenlabs_tts"_L1).toDouble(), 2.45);
}

void TestAdapterRetell::transfers_data()
{
    QTest::addColumn<QString>("stage");
    QTest::addColumn<qint64>("occurredAt");

    QTest::newRow("a started transfer happened when it was received") << u"started"_s << receivedAt;
    QTest::newRow("a bridged transfer happened when it was received") << u"bridged"_s << receivedAt;
    QTest::newRow("a cancelled transfer happened when it was received") << u"cancelled"_s << receivedAt;
    QTest::newRow("an ended transfer happened at transfer_end_timestamp")
        << u"ended"_s << qint64(1761210923000);
}

void TestAdapterRetell::transfers()
{
    QFETCH(QString, stage);
    QFETCH(qint64, occurredAt);

    ADAPT(delivery, transfer(stage));
    const CallEvents flows = eventsOf(delivery, EventKind::FlowTransition);
    QCOMPARE(flows.size(), 1);
    QCOMPARE(flows.first().payload, (QJsonObject{{u"from"_s, u"agent"_s},
                                                 {u"to"_s, u"transfer"_s},
                                                 {u"transfer"_s, stage},
                                                 {u"destination"_s, u"+14155550142"_s}}));
    QCOMPARE(flows.first().occurredAtMs, occurredAt);

    // The destination is also accepted beside the call object.
    const QByteArray beside =
        uR"({"event": "transfer_%1", "call": {"call_id": "c1"}, "transfer_destination": "sip:desk@pbx.example"})"_s
            .arg(stage)
            .toUtf8();
    ADAPT(outside, beside);
    QCOMPARE(eventsOf(outside, EventKind::FlowTransition).first().payload.value("destination"_L1).toString(),
             u"sip:desk@pbx.example"_s);
    QCOMPARE(outside.eventKey, u"transfer_"_s + stage + u":c1"_s); // no start_timestamp to add
}

void TestAdapterRetell::duplicatesShareTheirKey()
{
    for (const QByteArray &body :
         {callStarted, callEnded, callAnalyzed, transcriptUpdated, transfer(u"started"_s)}) {
        const AdapterResult first = adaptRetell(body, receivedAt);
        const AdapterResult retry = adaptRetell(body, receivedAt + 60'000);
        QVERIFY(first && retry);
        QCOMPARE(retry->eventKey, first->eventKey);
        QCOMPARE(retry->events.size(), first->events.size());
    }
    // Different events of one call are different deliveries.
    ADAPT(ended, callEnded);
    ADAPT(analyzed, callAnalyzed);
    QCOMPARE_NE(ended.eventKey, analyzed.eventKey);
    ADAPT(transferStarted, transfer(u"started"_s));
    ADAPT(transferBridged, transfer(u"bridged"_s));
    QCOMPARE_NE(transferStarted.eventKey, transferBridged.eventKey);
}

void TestAdapterRetell::transcriptUpdatesAreKeyedByContent()
{
    QByteArray longer = transcriptUpdated;
    longer.replace("\"arguments\": \"{\\\"date\\\":\\\"2026-10-27\\\"}\"}",
                   "\"arguments\": \"{\\\"date\\\":\\\"2026-10-27\\\"}\"},"
                   " {\"role\": \"agent\", \"content\": \"One moment.\"}");
    QVERIFY(longer.size() > transcriptUpdated.size());
    ADAPT(first, transcriptUpdated);
    ADAPT(second, longer);
    QCOMPARE_NE(second.eventKey, first.eventKey);
    QVERIFY(second.eventKey.startsWith(u"transcript_updated:call_5f2a9c1e:"_s));
    QCOMPARE(eventsOf(second, EventKind::TranscriptSegment).size(), 3);
    // The turns already reported keep their offsets, so the store updates them in place.
    QCOMPARE(eventsOf(second, EventKind::TranscriptSegment).first().payload,
             eventsOf(first, EventKind::TranscriptSegment).first().payload);
}

void TestAdapterRetell::unknownEventIsKeptWithItsCall()
{
    ADAPT(delivery,
          retell(u"call_paused"_s, {{u"call_id"_s, u"call_5f2a9c1e"_s}, {u"call_status"_s, u"ongoing"_s}}));
    QCOMPARE(delivery.eventType, u"call_paused"_s);
    QCOMPARE(delivery.eventKey, u"call_paused:call_5f2a9c1e"_s);
    QCOMPARE(delivery.providerCallId, u"call_5f2a9c1e"_s);
    QVERIFY(delivery.attributed);
    QVERIFY(delivery.events.isEmpty());
}

void TestAdapterRetell::missingCallIdIsUnattributed_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("a call without call_id")
        << R"({"event": "call_started", "call": {"agent_id": "agent_8d1f"}})"_ba;
    QTest::newRow("an empty call_id") << R"({"event": "call_ended", "call": {"call_id": ""}})"_ba;
    QTest::newRow("a call_id that is not a string")
        << R"({"event": "call_ended", "call": {"call_id": 42}})"_ba;
    QTest::newRow("an unknown event without call_id") << R"({"event": "call_paused", "call": {}})"_ba;
}

void TestAdapterRetell::missingCallIdIsUnattributed()
{
    QFETCH(QByteArray, body);

    ADAPT(delivery, body);
    QVERIFY(!delivery.attributed);
    QVERIFY(!delivery.unattributedReason.isEmpty());
    QVERIFY(delivery.providerCallId.isEmpty());
    QVERIFY(delivery.events.isEmpty());
    QVERIFY(!delivery.eventType.isEmpty());
    QVERIFY(delivery.eventKey.startsWith(delivery.eventType + u':'));
    const AdapterResult retry = adaptRetell(body, receivedAt + 1);
    QVERIFY(retry);
    QCOMPARE(retry->eventKey, delivery.eventKey);
}

void TestAdapterRetell::malformedBodiesAreRejected_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("an empty body") << QByteArray();
    QTest::newRow("text that is not JSON") << "event=call_ended&call_id=c1"_ba;
    QTest::newRow("truncated JSON") << callEnded.left(200);
    QTest::newRow("a JSON array") << R"([{"event": "call_ended", "call": {"call_id": "c1"}}])"_ba;
    QTest::newRow("a JSON string") << R"("call_ended")"_ba;
    QTest::newRow("an object without event") << R"({"call": {"call_id": "c1"}})"_ba;
    QTest::newRow("an event that is not a string") << R"({"event": 7, "call": {"call_id": "c1"}})"_ba;
    QTest::newRow("an empty event") << R"({"event": "", "call": {"call_id": "c1"}})"_ba;
    QTest::newRow("an event without call (the signature test vector's body)")
        << R"({"event":"call_ended"})"_ba;
    QTest::newRow("a call that is null") << R"({"event": "call_ended", "call": null})"_ba;
    QTest::newRow("a call that is a string") << R"({"event": "call_ended", "call": "c1"})"_ba;
}

void TestAdapterRetell::malformedBodiesAreRejected()
{
    QFETCH(QByteArray, body);

    const AdapterResult result = adaptRetell(body, receivedAt);
    QVERIFY(!result.has_value());
    QVERIFY(!result.error().detail.isEmpty());
}

QTEST_GUILESS_MAIN(TestAdapterRetell)
#include "tst_adapter_retell.moc"
