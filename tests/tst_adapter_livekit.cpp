// SPDX-License-Identifier: GPL-3.0-or-later
#include "adaptertestsupport.h"

#include <QTest>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 receivedAt = 1'795'600'000'000;
const QString roomSid = u"RM_hycBMAjmt6Ub"_s;

// protojson WebhookEvents as LiveKit Cloud sends them for one inbound phone call: int64 values are
// strings, enums are names, zero values are left out.
constexpr auto roomStarted = R"({
  "event": "room_started",
  "room": {"sid": "RM_hycBMAjmt6Ub", "name": "call-_+14155550199_x7Kq2", "emptyTimeout": 300,
           "departureTimeout": 20, "creationTime": "1795000000", "creationTimeMs": "1795000000412",
           "turnPassword": "p4Zb1Yc8", "enabledCodecs": [{"mime": "audio/opus"}, {"mime": "audio/red"}]},
  "id": "EV_3wZ8vYkLc9Qe",
  "createdAt": "1795000000"
})";

constexpr auto sipJoined = R"({
  "event": "participant_joined",
  "room": {"sid": "RM_hycBMAjmt6Ub", "name": "call-_+14155550199_x7Kq2", "emptyTimeout": 300,
           "creationTime": "1795000000", "numParticipants": 1},
  "participant": {"sid": "PA_sip7QkLp2Hn4", "identity": "sip_+14155550199", "state": "ACTIVE",
                  "joinedAt": "1795000001", "joinedAtMs": "1795000001250", "name": "Phone +14155550199",
                  "version": 2, "permission": {"canSubscribe": true, "canPublish": true, "canPublishData": true},
                  "kind": "SIP",
                  "attributes": {"sip.callID": "SCL_9aPXyT3kWm2R", "sip.callStatus": "active",
                                 "sip.phoneNumber": "+14155550199", "sip.trunkPhoneNumber": "+14155550100",
                                 "sip.trunkID": "ST_inK2m9dQ", "sip.ruleID": "SDR_q8Wm1xZ",
                                 "sip.hostname": "lindenhof.pstn.twilio.com"}},
  "id": "EV_5nT2pQrWx8Ma",
  "createdAt": "1795000001"
})";

constexpr auto sipLeft = R"({
  "event": "participant_left",
  "room": {"sid": "RM_hycBMAjmt6Ub", "name": "call-_+14155550199_x7Kq2", "creationTime": "1795000000",
           "numParticipants": 1},
  "participant": {"sid": "PA_sip7QkLp2Hn4", "identity": "sip_+14155550199", "state": "DISCONNECTED",
                  "joinedAt": "1795000001", "joinedAtMs": "1795000001250", "name": "Phone +14155550199",
                  "version": 5, "kind": "SIP", "disconnectReason": "CLIENT_INITIATED",
                  "attributes": {"sip.callID": "SCL_9aPXyT3kWm2R", "sip.callStatus": "hangup",
                                 "sip.phoneNumber": "+14155550199", "sip.trunkPhoneNumber": "+14155550100",
                                 "sip.trunkID": "ST_inK2m9dQ", "sip.ruleID": "SDR_q8Wm1xZ"}},
  "id": "EV_Lk4cBv7yHs2D",
  "createdAt": "1795000064"
})";

// An outbound call LiveKit dials (CreateSIPParticipant): no dispatch rule, "dialing" until answered.
constexpr auto outboundDialing = R"({
  "event": "participant_joined",
  "room": {"sid": "RM_o7TrbDq2VwXe", "name": "outbound-lead-1881", "creationTime": "1795000100"},
  "participant": {"sid": "PA_out3Jk8Qw", "identity": "sip_+14155550123", "state": "JOINED",
                  "joinedAt": "1795000101", "name": "Phone +14155550123", "kind": "SIP",
                  "attributes": {"sip.callID": "SCL_out4Rt6Yu", "sip.callStatus": "dialing",
                                 "sip.phoneNumber": "+14155550123", "sip.trunkPhoneNumber": "+14155550100",
                                 "sip.trunkID": "ST_outV3b7n", "sip.hostname": "lindenhof.pstn.twilio.com"}},
  "id": "EV_Dz8mNq3Vc1Rt",
  "createdAt": "1795000101"
})";

constexpr auto agentJoined = R"({
  "event": "participant_joined",
  "room": {"sid": "RM_hycBMAjmt6Ub", "name": "call-_+14155550199_x7Kq2", "creationTime": "1795000000"},
  "participant": {"sid": "PA_agent2Vb9", "identity": "agent-AJ_7sGk2Lm", "state": "ACTIVE",
                  "joinedAt": "1795000001", "kind": "AGENT", "attributes": {"lk.agent.state": "listening"}},
  "id": "EV_Ag5tJn1Kw7Pq",
  "createdAt": "1795000001"
})";

constexpr auto roomFinished = R"({
  "event": "room_finished",
  "room": {"sid": "RM_hycBMAjmt6Ub", "name": "call-_+14155550199_x7Kq2", "emptyTimeout": 300,
           "creationTime": "1795000000"},
  "id": "EV_Rf2gHk8Lp4Sw",
  "createdAt": "1795000085"
})";

// The event with some fields of its participant replaced (null removes one).
QByteArray withParticipant(const char *event, const char *changes, const char *attributeChanges = "{}")
{
    QJsonObject root = jsonObject(event);
    QJsonObject participant = root.value("participant"_L1).toObject();
    QJsonObject attributes = participant.value("attributes"_L1).toObject();
    applyChanges(attributes, jsonObject(attributeChanges));
    participant.insert("attributes"_L1, attributes);
    applyChanges(participant, jsonObject(changes));
    root.insert("participant"_L1, participant);
    return jsonBytes(root);
}

} // namespace

class TestAdapterLiveKit : public QObject
{
    Q_OBJECT

private slots:
    void webhook_data();
    void webhook();
    void disconnectReason_data();
    void disconnectReason();
    void direction_data();
    void direction();
    void sameDeliverySameKey();
    void malformed_data();
    void malformed();
};

void TestAdapterLiveKit::webhook_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("eventKey");
    QTest::addColumn<QString>("providerCallId");
    QTest::addColumn<bool>("attributed");
    QTest::addColumn<qint64>("occurredAtMs");
    QTest::addColumn<QString>("sipCallId");
    QTest::addColumn<QString>("payload"); // empty: no event

    QTest::newRow("room_started queues the call at the event's time")
        << QByteArray(roomStarted) << u"EV_3wZ8vYkLc9Qe"_s << roomSid << true << qint64(1'795'000'000'000)
        << QString() << uR"({"status": "queued", "startedAt": null, "endedAt": null})"_s;

    QJsonObject numeric = jsonObject(roomStarted);
    numeric.insert("createdAt"_L1, 1795000002);
    QTest::newRow("createdAt written as a number is read as well")
        << jsonBytes(numeric) << u"EV_3wZ8vYkLc9Qe"_s << roomSid << true << qint64(1'795'000'002'000)
        << QString() << uR"({"status": "queued"})"_s;

    QJsonObject undated = jsonObject(roomStarted);
    undated.remove("createdAt"_L1);
    QTest::newRow("an event without createdAt happened when it was received")
        << jsonBytes(undated) << u"EV_3wZ8vYkLc9Qe"_s << roomSid << true << receivedAt << QString()
        << uR"({"status": "queued"})"_s;

    QTest::newRow("the SIP participant joining puts an inbound call in progress")
        << QByteArray(sipJoined) << u"EV_5nT2pQrWx8Ma"_s << roomSid << true << qint64(1'795'000'001'000)
        << u"SCL_9aPXyT3kWm2R"_s
        << uR"({"status": "in_progress", "direction": "inbound", "fromNumber": "+14155550199",
               "toNumber": "+14155550100", "startedAt": 1795000001000, "endedAt": null, "outcome": null})"_s;

    QTest::newRow("a SIP participant still dialing out is ringing, from our number to theirs")
        << QByteArray(outboundDialing) << u"EV_Dz8mNq3Vc1Rt"_s << u"RM_o7TrbDq2VwXe"_s << true
        << qint64(1'795'000'101'000) << u"SCL_out4Rt6Yu"_s
        << uR"({"status": "ringing", "direction": "outbound", "fromNumber": "+14155550100",
               "toNumber": "+14155550123", "startedAt": 1795000101000})"_s;

    QTest::newRow("a SIP participant whose callee's phone rings is ringing")
        << withParticipant(outboundDialing, "{}", R"({"sip.callStatus": "ringing"})") << u"EV_Dz8mNq3Vc1Rt"_s
        << u"RM_o7TrbDq2VwXe"_s << true << qint64(1'795'000'101'000) << u"SCL_out4Rt6Yu"_s
        << uR"({"status": "ringing", "direction": "outbound"})"_s;

    QTest::newRow("the kind as its enum number 3 is a SIP participant")
        << withParticipant(sipJoined, R"({"kind": 3})") << u"EV_5nT2pQrWx8Ma"_s << roomSid << true
        << qint64(1'795'000'001'000) << u"SCL_9aPXyT3kWm2R"_s << uR"({"status": "in_progress"})"_s;

    QTest::newRow("a participant without a kind but with a SIP call id is the phone line")
        << withParticipant(sipJoined, R"({"kind": null})") << u"EV_5nT2pQrWx8Ma"_s << roomSid << true
        << qint64(1'795'000'001'000) << u"SCL_9aPXyT3kWm2R"_s << uR"({"status": "in_progress"})"_s;

    QTest::newRow("the SIP participant leaving ends the call after its time in the room")
        << QByteArray(sipLeft) << u"EV_Lk4cBv7yHs2D"_s << roomSid << true << qint64(1'795'000'064'000)
        << u"SCL_9aPXyT3kWm2R"_s
        << uR"({"status": "ended", "startedAt": 1795000001000, "endedAt": 1795000064000, "durationMs": 63000,
               "reason": "CLIENT_INITIATED", "outcome": null, "direction": "inbound",
               "fromNumber": "+14155550199"})"_s;

    QTest::newRow("a participant whose joinedAt was zero and omitted has no duration")
        << withParticipant(sipLeft, R"({"joinedAt": null, "joinedAtMs": null})") << u"EV_Lk4cBv7yHs2D"_s
        << roomSid << true << qint64(1'795'000'064'000) << u"SCL_9aPXyT3kWm2R"_s
        << uR"({"status": "ended", "endedAt": 1795000064000, "startedAt": null, "durationMs": null})"_s;

    QTest::newRow("joinedAtMs stands in for an omitted joinedAt")
        << withParticipant(sipLeft, R"({"joinedAt": null})") << u"EV_Lk4cBv7yHs2D"_s << roomSid << true
        << qint64(1'795'000'064'000) << u"SCL_9aPXyT3kWm2R"_s
        << uR"({"startedAt": 1795000001250, "durationMs": 62750})"_s;

    QTest::newRow("a left event without a disconnect reason (zero, omitted) has no reason")
        << withParticipant(sipLeft, R"({"disconnectReason": null})") << u"EV_Lk4cBv7yHs2D"_s << roomSid
        << true << qint64(1'795'000'064'000) << u"SCL_9aPXyT3kWm2R"_s
        << uR"({"status": "ended", "reason": null, "outcome": null, "durationMs": 63000})"_s;

    QTest::newRow("a line that leaves while still dialing was not answered and talked for no time")
        << withParticipant(outboundDialing,
                           R"({"disconnectReason": "CLIENT_INITIATED", "state": "DISCONNECTED"})")
               .replace("participant_joined", "participant_left")
        << u"EV_Dz8mNq3Vc1Rt"_s << u"RM_o7TrbDq2VwXe"_s << true << qint64(1'795'000'101'000)
        << u"SCL_out4Rt6Yu"_s
        << uR"({"status": "ended", "durationMs": 0, "reason": "CLIENT_INITIATED", "outcome": "no_answer"})"_s;

    QTest::newRow("a rejected line that never stopped ringing is busy, not no answer")
        << withParticipant(outboundDialing, R"({"disconnectReason": "USER_REJECTED"})",
                           R"({"sip.callStatus": "ringing"})")
               .replace("participant_joined", "participant_left")
        << u"EV_Dz8mNq3Vc1Rt"_s << u"RM_o7TrbDq2VwXe"_s << true << qint64(1'795'000'101'000)
        << u"SCL_out4Rt6Yu"_s << uR"({"status": "ended", "durationMs": 0, "outcome": "busy"})"_s;

    QTest::newRow("a SIP participant whose connection was aborted ends the call")
        << QByteArray(sipLeft).replace("participant_left", "participant_connection_aborted")
        << u"EV_Lk4cBv7yHs2D"_s << roomSid << true << qint64(1'795'000'064'000) << u"SCL_9aPXyT3kWm2R"_s
        << uR"({"status": "ended", "durationMs": 63000})"_s;

    QTest::newRow("room_finished ends the call when the room closed")
        << QByteArray(roomFinished) << u"EV_Rf2gHk8Lp4Sw"_s << roomSid << true << qint64(1'795'000'085'000)
        << QString()
        << uR"({"status": "ended", "endedAt": 1795000085000, "durationMs": null, "outcome": null})"_s;

    QTest::newRow("the agent joining is listed with the call but changes nothing")
        << QByteArray(agentJoined) << u"EV_Ag5tJn1Kw7Pq"_s << roomSid << true << qint64(0) << QString()
        << QString();
    QTest::newRow("the agent leaving changes nothing")
        << QByteArray(agentJoined).replace("participant_joined", "participant_left") << u"EV_Ag5tJn1Kw7Pq"_s
        << roomSid << true << qint64(0) << QString() << QString();
    QTest::newRow("a standard participant (kind zero, omitted) without SIP attributes changes nothing")
        << withParticipant(sipJoined, R"({"kind": null, "attributes": {}})") << u"EV_5nT2pQrWx8Ma"_s
        << roomSid << true << qint64(0) << QString() << QString();

    QJsonObject track = jsonObject(sipJoined);
    track.insert("event"_L1, u"track_published"_s);
    track.insert("track"_L1, jsonObject(R"({"sid": "TR_AMkq8Yz", "type": "AUDIO", "source": "MICROPHONE",
                                        "mimeType": "audio/opus"})"));
    QTest::newRow("a track of the phone line is listed with the call but records nothing")
        << jsonBytes(track) << u"EV_5nT2pQrWx8Ma"_s << roomSid << true << qint64(0) << QString() << QString();

    QTest::newRow("an egress of the room is listed with the call")
        << QByteArray(R"({"event": "egress_ended", "id": "EV_Eg1", "createdAt": "1795000090",
                          "room": {"sid": "RM_hycBMAjmt6Ub"},
                          "egressInfo": {"egressId": "EG_x1", "roomId": "RM_hycBMAjmt6Ub", "status": "EGRESS_COMPLETE"}})")
        << u"EV_Eg1"_s << roomSid << true << qint64(0) << QString() << QString();
    QTest::newRow("an agent job of the room is listed with the call")
        << QByteArray(R"({"event": "agent_job_ended", "id": "EV_Aj1", "createdAt": "1795000090",
                          "room": {"sid": "RM_hycBMAjmt6Ub", "name": "call-_+14155550199_x7Kq2"}})")
        << u"EV_Aj1"_s << roomSid << true << qint64(0) << QString() << QString();
    QTest::newRow("an egress naming no room is unattributed")
        << QByteArray(R"({"event": "egress_started", "id": "EV_Eg2", "createdAt": "1795000090",
                          "egressInfo": {"egressId": "EG_x2", "status": "EGRESS_STARTING"}})")
        << u"EV_Eg2"_s << QString() << false << qint64(0) << QString() << QString();

    QJsonObject roomless = jsonObject(sipJoined);
    roomless.insert("room"_L1, jsonObject(R"({"name": "call-_+14155550199_x7Kq2"})"));
    QTest::newRow("a participant event whose room has no sid is unattributed")
        << jsonBytes(roomless) << u"EV_5nT2pQrWx8Ma"_s << QString() << false << qint64(0) << QString()
        << QString();

    // The body of node-sdks' WebhookReceiver.test.ts: no id, so its bytes are its key.
    const QByteArray sdkVector =
        R"({"event":"room_started", "room":{"sid":"RM_TkVjUvAqgzKz", "name":"mytestroom", "emptyTimeout":300, "creationTime":"1628545903", "turnPassword":"ICkSr2rEeslkN6e9bXL4Ji5zzMD5Z7zzr6ulOaxMj6N", "enabledCodecs":[{"mime":"audio/opus"}, {"mime":"video/VP8"}]}})";
    QTest::newRow("the SDK's test event without id or createdAt is keyed by its bytes")
        << sdkVector << u"sha256:"_s + sha256Hex(sdkVector) << u"RM_TkVjUvAqgzKz"_s << true << receivedAt
        << QString() << uR"({"status": "queued"})"_s;
}

void TestAdapterLiveKit::webhook()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, eventKey);
    QFETCH(QString, providerCallId);
    QFETCH(bool, attributed);
    QFETCH(qint64, occurredAtMs);
    QFETCH(QString, sipCallId);
    QFETCH(QString, payload);

    const AdapterResult result = adaptLiveKit(body, receivedAt);
    QVERIFY2(result, qPrintable(failureOf(result)));
    QCOMPARE(result->eventKey, eventKey);
    QCOMPARE(result->eventType, jsonObject(body).value("event"_L1).toString());
    QCOMPARE(result->providerCallId, providerCallId);
    QCOMPARE(result->attributed, attributed);
    QCOMPARE(result->unattributedReason.isEmpty(), attributed);
    QCOMPARE(result->events.size(), payload.isEmpty() ? 0 : 1);
    if (payload.isEmpty())
        return;
    const CallEvent &event = result->events.first();
    QCOMPARE(toString(event.kind), u"call.status"_s);
    QCOMPARE(toString(event.provider), u"livekit"_s);
    QCOMPARE(event.providerCallId, providerCallId);
    QCOMPARE(event.occurredAtMs, occurredAtMs);
    QCOMPARE(event.sipCallId, sipCallId);
    QVERIFY(event.twilioCallSid.isEmpty());
    COMPARE_SUBSET(event.payload, jsonObject(payload));
}

void TestAdapterLiveKit::disconnectReason_data()
{
    QTest::addColumn<QString>("reason"); // JSON text: the name or the enum number
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("outcome");

    // livekit_models.proto DisconnectReason; the table in providers.md decides five of them.
    const struct
    {
        int number;
        const char *name;
        const char *outcome;
    } reasons[] = {
        {0, "UNKNOWN_REASON", ""},
        {1, "CLIENT_INITIATED", ""},
        {2, "DUPLICATE_IDENTITY", ""},
        {3, "SERVER_SHUTDOWN", ""},
        {4, "PARTICIPANT_REMOVED", ""},
        {5, "ROOM_DELETED", ""},
        {6, "STATE_MISMATCH", ""},
        {7, "JOIN_FAILURE", ""},
        {8, "MIGRATION", ""},
        {9, "SIGNAL_CLOSE", ""},
        {10, "ROOM_CLOSED", ""},
        {11, "USER_UNAVAILABLE", "no_answer"},
        {12, "USER_REJECTED", "busy"},
        {13, "SIP_TRUNK_FAILURE", "failed"},
        {14, "CONNECTION_TIMEOUT", "failed"},
        {15, "MEDIA_FAILURE", "failed"},
        {16, "AGENT_ERROR", "failed"},
    };
    for (const auto &[number, name, outcome] : reasons) {
        const QString outcomeText = *outcome ? QString::fromLatin1(outcome) : u"no outcome"_s;
        QTest::addRow("%s by name: %s", name, qPrintable(outcomeText))
            << u"\"%1\""_s.arg(QLatin1StringView(name)) << QString::fromLatin1(name)
            << QString::fromLatin1(outcome);
        QTest::addRow("%s as number %d: %s", name, number, qPrintable(outcomeText))
            << QString::number(number) << QString::fromLatin1(name) << QString::fromLatin1(outcome);
    }
    QTest::newRow("a number newer than the table is kept as the provider's value")
        << u"42"_s << u"42"_s << QString();
    QTest::newRow("a name newer than the table is kept as it is")
        << uR"("SIP_CALLEE_MOVED")"_s << u"SIP_CALLEE_MOVED"_s << QString();
    QTest::newRow("the number as a string is read too") << uR"("12")"_s << u"USER_REJECTED"_s << u"busy"_s;
}

void TestAdapterLiveKit::disconnectReason()
{
    QFETCH(QString, reason);
    QFETCH(QString, name);
    QFETCH(QString, outcome);

    QJsonObject root = jsonObject(sipLeft);
    QJsonObject participant = root.value("participant"_L1).toObject();
    participant.insert("disconnectReason"_L1, jsonValue(reason));
    root.insert("participant"_L1, participant);
    const QJsonObject payload = onlyPayload(adaptLiveKit(jsonBytes(root), receivedAt));
    QCOMPARE(payload.value("status"_L1).toString(), u"ended"_s);
    QCOMPARE(payload.value("reason"_L1).toString(), name);
    QCOMPARE(payload.contains("outcome"_L1), !outcome.isEmpty());
    QCOMPARE(payload.value("outcome"_L1).toString(), outcome);
    // The line was answered ("hangup" after "active"): its time in the room is the call's length.
    QCOMPARE(payload.value("durationMs"_L1).toDouble(), 63'000.0);
}

void TestAdapterLiveKit::direction_data()
{
    QTest::addColumn<QString>("attributes"); // changes to the inbound call's attributes
    QTest::addColumn<QString>("direction");

    QTest::newRow("a dispatch rule means the call came in") << u"{}"_s << u"inbound"_s;
    QTest::newRow("a trunk without a dispatch rule means LiveKit dialled out")
        << uR"({"sip.ruleID": null})"_s << u"outbound"_s;
    QTest::newRow("dialing means LiveKit dialled out")
        << uR"({"sip.ruleID": null, "sip.trunkID": null, "sip.callStatus": "dialing"})"_s << u"outbound"_s;
    QTest::newRow("an explicit call direction wins over the hints")
        << uR"({"sip.callDirection": "outbound"})"_s << u"outbound"_s;
    QTest::newRow("an explicit call direction in capitals is read")
        << uR"({"sip.ruleID": null, "sip.callDirection": "INBOUND"})"_s << u"inbound"_s;
    QTest::newRow("no hint at all is taken as inbound")
        << uR"({"sip.ruleID": null, "sip.trunkID": null})"_s << u"inbound"_s;
}

void TestAdapterLiveKit::direction()
{
    QFETCH(QString, attributes);
    QFETCH(QString, direction);

    const AdapterResult result =
        adaptLiveKit(withParticipant(sipJoined, "{}", attributes.toUtf8().constData()), receivedAt);
    QVERIFY(result);
    QCOMPARE(result->events.size(), 1);
    const QJsonObject payload = result->events.first().payload;
    QCOMPARE(payload.value("direction"_L1).toString(), direction);
    // sip.phoneNumber is always the far end.
    const bool outbound = direction == "outbound"_L1;
    QCOMPARE(payload.value("fromNumber"_L1).toString(), outbound ? u"+14155550100"_s : u"+14155550199"_s);
    QCOMPARE(payload.value("toNumber"_L1).toString(), outbound ? u"+14155550199"_s : u"+14155550100"_s);
}

void TestAdapterLiveKit::sameDeliverySameKey()
{
    const AdapterResult first = adaptLiveKit(sipLeft, receivedAt);
    const AdapterResult again = adaptLiveKit(jsonBytes(jsonObject(sipLeft)), receivedAt + 5'000);
    QVERIFY(first && again);
    QCOMPARE(again->eventKey, first->eventKey);
    QCOMPARE(again->events.first().payload, first->events.first().payload);
    QCOMPARE(again->events.first().occurredAtMs, first->events.first().occurredAtMs);

    const AdapterResult joined = adaptLiveKit(sipJoined, receivedAt);
    QVERIFY(joined);
    QVERIFY(joined->eventKey != first->eventKey);
    QCOMPARE(joined->providerCallId, first->providerCallId);
}

void TestAdapterLiveKit::malformed_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("an empty body") << QByteArray();
    QTest::newRow("text that is not JSON") << QByteArray("event=room_started");
    QTest::newRow("a JSON array") << QByteArray(R"([{"event": "room_started"}])");
    QTest::newRow("truncated JSON") << QByteArray(sipLeft).chopped(30);
    QTest::newRow("no event") << QByteArray(R"({"id": "EV_1", "room": {"sid": "RM_1"}})");
    QTest::newRow("an event that is not a string") << QByteArray(R"({"event": 1, "room": {"sid": "RM_1"}})");
    QTest::newRow("a room that is not an object")
        << QByteArray(R"({"event": "room_started", "id": "EV_1", "room": "RM_1"})");
    QTest::newRow("a participant that is not an object") << QByteArray(
        R"({"event": "participant_joined", "id": "EV_1", "room": {"sid": "RM_1"}, "participant": []})");
}

void TestAdapterLiveKit::malformed()
{
    QFETCH(QByteArray, body);

    const AdapterResult result = adaptLiveKit(body, receivedAt);
    QVERIFY(!result);
    QVERIFY(!result.error().detail.isEmpty());
}

QTEST_GUILESS_MAIN(TestAdapterLiveKit)
#include "tst_adapter_livekit.moc"
