// SPDX-License-Identifier: GPL-3.0-or-later
#include "adaptertestsupport.h"

#include <QTest>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 receivedAt = 1'795'600'000'000;
const QString callSid = u"CA5d1c9a3f0b7e2d4c6a8f1e3b5d7c9a01"_s;

// Status callbacks of one outbound call placed through the REST API, with call progress events, as
// Twilio posts them (the Timestamp's spaces as '+', the rest percent-encoded).
constexpr auto initiated =
    "Called=%2B14155550123&ToState=CA&CallerCountry=US&Direction=outbound-api"
    "&Timestamp=Tue%2C+24+Nov+2026+09%3A13%3A58+%2B0000&CallbackSource=call-progress-events"
    "&CallerState=CA&ToZip=&SequenceNumber=0&CallSid=CA5d1c9a3f0b7e2d4c6a8f1e3b5d7c9a01"
    "&To=%2B14155550123&CallerZip=&ToCountry=US&CalledZip=&ApiVersion=2010-04-01&CalledCity="
    "&CallStatus=initiated&From=%2B14155550100&AccountSid=AC3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c"
    "&CalledCountry=US&CallerCity=&ToCity=&FromCountry=US&Caller=%2B14155550100&FromCity="
    "&CalledState=CA&FromZip=&FromState=CA";

constexpr auto ringing =
    "Called=%2B14155550123&Direction=outbound-api"
    "&Timestamp=Tue%2C+24+Nov+2026+09%3A13%3A59+%2B0000&CallbackSource=call-progress-events"
    "&SequenceNumber=1&CallSid=CA5d1c9a3f0b7e2d4c6a8f1e3b5d7c9a01&To=%2B14155550123"
    "&ApiVersion=2010-04-01&CallStatus=ringing&From=%2B14155550100"
    "&AccountSid=AC3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c&Caller=%2B14155550100";

constexpr auto answered =
    "Called=%2B14155550123&Direction=outbound-api"
    "&Timestamp=Tue%2C%2024%20Nov%202026%2009%3A14%3A03%20%2B0000"
    "&CallbackSource=call-progress-events&SequenceNumber=2"
    "&CallSid=CA5d1c9a3f0b7e2d4c6a8f1e3b5d7c9a01&To=%2B14155550123&ApiVersion=2010-04-01"
    "&CallStatus=in-progress&From=%2B14155550100&AccountSid=AC3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c"
    "&Caller=%2B14155550100&AnsweredBy=human";

constexpr auto completed =
    "Called=%2B14155550123&Direction=outbound-api"
    "&Timestamp=Tue%2C+24+Nov+2026+09%3A14%3A50+%2B0000"
    "&CallbackSource=call-progress-events&SipResponseCode=200&SequenceNumber=3"
    "&CallSid=CA5d1c9a3f0b7e2d4c6a8f1e3b5d7c9a01&To=%2B14155550123&ApiVersion=2010-04-01"
    "&CallStatus=completed&Duration=1&CallDuration=47&From=%2B14155550100"
    "&AccountSid=AC3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c&Caller=%2B14155550100&AnsweredBy=human";

// A form's field replaced or added (value already encoded), or removed when value is null.
QByteArray withField(const QByteArray &form, const char *name, const char *value)
{
    QList<QByteArray> pairs = form.split('&');
    const QByteArray prefix = QByteArray(name) + '=';
    pairs.removeIf([&prefix](const QByteArray &pair) { return pair.startsWith(prefix); });
    if (value)
        pairs.append(prefix + value);
    return pairs.join('&');
}

QJsonObject payloadOf(const QByteArray &body)
{
    return onlyPayload(adaptTwilio(body, receivedAt));
}

} // namespace

class TestAdapterTwilio : public QObject
{
    Q_OBJECT

private slots:
    void callback_data();
    void callback();
    void callStatus_data();
    void callStatus();
    void answeredBy_data();
    void answeredBy();
    void direction_data();
    void direction();
    void decoding_data();
    void decoding();
    void sameDeliverySameKey();
    void unattributed();
    void malformed_data();
    void malformed();
};

void TestAdapterTwilio::callback_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("eventKey");
    QTest::addColumn<QString>("eventType");
    QTest::addColumn<qint64>("occurredAtMs");
    QTest::addColumn<QString>("payload"); // empty: no event

    QTest::newRow("initiated queues the outbound call")
        << QByteArray(initiated) << callSid + u":0"_s << u"initiated"_s << qint64(1'795'511'638'000)
        << uR"({"status": "queued", "reason": "initiated", "outcome": null, "direction": "outbound",
               "fromNumber": "+14155550100", "toNumber": "+14155550123", "startedAt": null, "endedAt": null,
               "durationMs": null, "sipResponseCode": null})"_s;
    QTest::newRow("ringing rings") << QByteArray(ringing) << callSid + u":1"_s << u"ringing"_s
                                   << qint64(1'795'511'639'000)
                                   << uR"({"status": "ringing", "reason": "ringing"})"_s;
    QTest::newRow("in-progress is in progress since the callback's time")
        << QByteArray(answered) << callSid + u":2"_s << u"in-progress"_s << qint64(1'795'511'643'000)
        << uR"({"status": "in_progress", "startedAt": 1795511643000, "endedAt": null, "outcome": null,
               "answeredBy": "human"})"_s;
    QTest::newRow("completed ends the call with its duration and leaves the outcome to it")
        << QByteArray(completed) << callSid + u":3"_s << u"completed"_s << qint64(1'795'511'690'000)
        << uR"({"status": "ended", "reason": "completed", "outcome": null, "endedAt": 1795511690000,
               "durationMs": 47000, "sipResponseCode": 200, "startedAt": null})"_s;

    QTest::newRow("without SequenceNumber the status keys the callback")
        << withField(completed, "SequenceNumber", nullptr) << callSid + u":completed"_s << u"completed"_s
        << qint64(1'795'511'690'000) << uR"({"status": "ended"})"_s;
    QTest::newRow("without a Timestamp the callback happened when it was received")
        << withField(completed, "Timestamp", nullptr) << callSid + u":3"_s << u"completed"_s << receivedAt
        << uR"({"status": "ended", "endedAt": null, "durationMs": 47000})"_s;
    QTest::newRow("an unreadable Timestamp is not used")
        << withField(completed, "Timestamp", "last+Tuesday") << callSid + u":3"_s << u"completed"_s
        << receivedAt << uR"({"endedAt": null})"_s;
    QTest::newRow("a busy callee with SIP 486 is busy")
        << withField(withField(completed, "CallStatus", "busy"), "SipResponseCode", "486")
        << callSid + u":3"_s << u"busy"_s << qint64(1'795'511'690'000)
        << uR"({"status": "ended", "reason": "busy", "outcome": "busy", "sipResponseCode": 486})"_s;
    QTest::newRow("a <Dial> child leg names its parent")
        << withField(withField(answered, "Direction", "outbound-dial"), "ParentCallSid",
                     "CA0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d")
        << callSid + u":2"_s << u"in-progress"_s << qint64(1'795'511'643'000)
        << uR"({"direction": "outbound", "parentCallSid": "CA0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d"})"_s;
    QTest::newRow("a status Twilio may add later is listed with the call but records nothing")
        << withField(ringing, "CallStatus", "transferring") << callSid + u":1"_s << u"transferring"_s
        << qint64(0) << QString();
    const QByteArray voiceRequest("CallSid=CA5d1c9a3f0b7e2d4c6a8f1e3b5d7c9a01&Digits=1&AccountSid=AC3f2e");
    QTest::newRow("a voice request without CallStatus is listed with the call")
        << voiceRequest << callSid + u":sha256:"_s + sha256Hex(voiceRequest) << QString() << qint64(0)
        << QString();
}

void TestAdapterTwilio::callback()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, eventKey);
    QFETCH(QString, eventType);
    QFETCH(qint64, occurredAtMs);
    QFETCH(QString, payload);

    const AdapterResult result = adaptTwilio(body, receivedAt);
    QVERIFY2(result, qPrintable(failureOf(result)));
    QCOMPARE(result->eventKey, eventKey);
    QCOMPARE(result->eventType, eventType);
    QCOMPARE(result->providerCallId, callSid);
    QVERIFY(result->attributed);
    QVERIFY(result->redactedBody.isEmpty());
    QCOMPARE(result->events.size(), payload.isEmpty() ? 0 : 1);
    if (payload.isEmpty())
        return;
    const CallEvent &event = result->events.first();
    QCOMPARE(toString(event.kind), u"call.status"_s);
    QCOMPARE(toString(event.provider), u"twilio"_s);
    QCOMPARE(event.providerCallId, callSid);
    QCOMPARE(event.twilioCallSid, callSid);
    QCOMPARE(event.occurredAtMs, occurredAtMs);
    COMPARE_SUBSET(event.payload, jsonObject(payload));
}

void TestAdapterTwilio::callStatus_data()
{
    QTest::addColumn<QString>("callStatus");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("outcome");

    QTest::newRow("queued is queued") << u"queued"_s << u"queued"_s << QString();
    QTest::newRow("initiated is queued") << u"initiated"_s << u"queued"_s << QString();
    QTest::newRow("ringing is ringing") << u"ringing"_s << u"ringing"_s << QString();
    QTest::newRow("in-progress is in progress") << u"in-progress"_s << u"in_progress"_s << QString();
    QTest::newRow("answered is in progress") << u"answered"_s << u"in_progress"_s << QString();
    QTest::newRow("completed ended, its length decides") << u"completed"_s << u"ended"_s << QString();
    QTest::newRow("busy ended busy") << u"busy"_s << u"ended"_s << u"busy"_s;
    QTest::newRow("no-answer ended unanswered") << u"no-answer"_s << u"ended"_s << u"no_answer"_s;
    QTest::newRow("canceled ended unanswered") << u"canceled"_s << u"ended"_s << u"no_answer"_s;
    QTest::newRow("failed ended failed") << u"failed"_s << u"ended"_s << u"failed"_s;
}

void TestAdapterTwilio::callStatus()
{
    QFETCH(QString, callStatus);
    QFETCH(QString, status);
    QFETCH(QString, outcome);

    const QJsonObject payload =
        payloadOf(withField(ringing, "CallStatus", callStatus.toLatin1().constData()));
    QCOMPARE(payload.value("status"_L1).toString(), status);
    QCOMPARE(payload.value("reason"_L1).toString(), callStatus);
    QCOMPARE(payload.contains("outcome"_L1), !outcome.isEmpty());
    QCOMPARE(payload.value("outcome"_L1).toString(), outcome);
}

void TestAdapterTwilio::answeredBy_data()
{
    QTest::addColumn<QString>("callStatus");
    QTest::addColumn<QString>("answeredBy");
    QTest::addColumn<QString>("outcome");

    QTest::newRow("machine_start on a completed call is voicemail")
        << u"completed"_s << u"machine_start"_s << u"voicemail"_s;
    QTest::newRow("machine_end_beep on a completed call is voicemail")
        << u"completed"_s << u"machine_end_beep"_s << u"voicemail"_s;
    QTest::newRow("machine_end_silence on a completed call is voicemail")
        << u"completed"_s << u"machine_end_silence"_s << u"voicemail"_s;
    QTest::newRow("machine_end_other on a completed call is voicemail")
        << u"completed"_s << u"machine_end_other"_s << u"voicemail"_s;
    QTest::newRow("a machine found while in progress is already voicemail")
        << u"in-progress"_s << u"machine_end_beep"_s << u"voicemail"_s;
    QTest::newRow("a human leaves the outcome to the duration") << u"completed"_s << u"human"_s << QString();
    QTest::newRow("a fax is not voicemail") << u"completed"_s << u"fax"_s << QString();
    QTest::newRow("unknown is not voicemail") << u"completed"_s << u"unknown"_s << QString();
    QTest::newRow("busy stays busy whatever answered") << u"busy"_s << u"machine_start"_s << u"busy"_s;
}

void TestAdapterTwilio::answeredBy()
{
    QFETCH(QString, callStatus);
    QFETCH(QString, answeredBy);
    QFETCH(QString, outcome);

    const QByteArray body = withField(withField(completed, "CallStatus", callStatus.toLatin1().constData()),
                                      "AnsweredBy", answeredBy.toLatin1().constData());
    const QJsonObject payload = payloadOf(body);
    QCOMPARE(payload.value("answeredBy"_L1).toString(), answeredBy);
    QCOMPARE(payload.contains("outcome"_L1), !outcome.isEmpty());
    QCOMPARE(payload.value("outcome"_L1).toString(), outcome);
}

void TestAdapterTwilio::direction_data()
{
    QTest::addColumn<QByteArray>("direction");
    QTest::addColumn<QString>("expected");

    QTest::newRow("inbound is inbound") << QByteArray("inbound") << u"inbound"_s;
    QTest::newRow("outbound-api is outbound") << QByteArray("outbound-api") << u"outbound"_s;
    QTest::newRow("outbound-dial is outbound") << QByteArray("outbound-dial") << u"outbound"_s;
    QTest::newRow("an unknown direction is left out") << QByteArray("trunking-terminating") << QString();
    QTest::newRow("no direction is left out") << QByteArray() << QString();
}

void TestAdapterTwilio::direction()
{
    QFETCH(QByteArray, direction);
    QFETCH(QString, expected);

    const QJsonObject payload =
        payloadOf(withField(ringing, "Direction", direction.isEmpty() ? nullptr : direction.constData()));
    QCOMPARE(payload.value("status"_L1).toString(), u"ringing"_s);
    QCOMPARE(payload.contains("direction"_L1), !expected.isEmpty());
    QCOMPARE(payload.value("direction"_L1).toString(), expected);
}

void TestAdapterTwilio::decoding_data()
{
    QTest::addColumn<QByteArray>("from"); // as sent
    QTest::addColumn<QString>("expected");

    QTest::newRow("%2B is a plus") << QByteArray("%2B14155550100") << u"+14155550100"_s;
    QTest::newRow("a raw '+' is a space") << QByteArray("+14155550100") << u" 14155550100"_s;
    QTest::newRow("a SIP address is percent-decoded")
        << QByteArray("sip%3Aalice%40pbx.example.com") << u"sip:alice@pbx.example.com"_s;
    QTest::newRow("lower-case hex digits decode")
        << QByteArray("sip%3aalice%40pbx.example.com") << u"sip:alice@pbx.example.com"_s;
    QTest::newRow("UTF-8 bytes decode to one character")
        << QByteArray("J%C3%BCrgen+M%C3%BCller") << u"J\u00fcrgen M\u00fcller"_s;
    QTest::newRow("an empty value is left out") << QByteArray("") << QString();
}

void TestAdapterTwilio::decoding()
{
    QFETCH(QByteArray, from);
    QFETCH(QString, expected);

    const QJsonObject payload = payloadOf(withField(ringing, "From", from.constData()));
    QCOMPARE(payload.value("status"_L1).toString(), u"ringing"_s);
    QCOMPARE(payload.contains("fromNumber"_L1), !expected.isEmpty());
    QCOMPARE(payload.value("fromNumber"_L1).toString(), expected);
}

void TestAdapterTwilio::sameDeliverySameKey()
{
    const AdapterResult first = adaptTwilio(completed, receivedAt);
    const AdapterResult again = adaptTwilio(completed, receivedAt + 30'000);
    QVERIFY(first && again);
    QCOMPARE(again->eventKey, first->eventKey);
    QCOMPARE(again->events.first().payload, first->events.first().payload);
    QCOMPARE(again->events.first().occurredAtMs, first->events.first().occurredAtMs);

    // The field order does not matter, nor a trailing newline some proxies add.
    QList<QByteArray> pairs = QByteArray(completed).split('&');
    std::reverse(pairs.begin(), pairs.end());
    const AdapterResult reordered = adaptTwilio(pairs.join('&') + "\r\n", receivedAt);
    QVERIFY(reordered);
    QCOMPARE(reordered->eventKey, first->eventKey);
    QCOMPARE(reordered->events.first().payload, first->events.first().payload);

    const AdapterResult ringingResult = adaptTwilio(ringing, receivedAt);
    QVERIFY(ringingResult);
    QVERIFY(ringingResult->eventKey != first->eventKey);
}

void TestAdapterTwilio::unattributed()
{
    const QByteArray body = withField(completed, "CallSid", nullptr);
    const AdapterResult result = adaptTwilio(body, receivedAt);
    QVERIFY(result);
    QVERIFY(!result->attributed);
    QVERIFY(!result->unattributedReason.isEmpty());
    QVERIFY(result->providerCallId.isEmpty());
    QVERIFY(result->events.isEmpty());
    QCOMPARE(result->eventType, u"completed"_s);
    QCOMPARE(result->eventKey, u"sha256:"_s + sha256Hex(body));
}

void TestAdapterTwilio::malformed_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("an empty body") << QByteArray();
    QTest::newRow("only white space") << QByteArray(" \r\n");
    static const char binary[] = "CallSid=CA1\0\0\x01\xff&CallStatus=ringing";
    QTest::newRow("binary bytes with NULs") << QByteArray(binary, sizeof(binary) - 1);
    QTest::newRow("a JSON object") << QByteArray(R"({"CallSid":"CA5d1c","CallStatus":"completed"})");
    QTest::newRow("a JSON array") << QByteArray(R"(["CallSid","CA5d1c"])");
    QTest::newRow("a raw space inside the form") << QByteArray("CallSid=CA5d1c&From=Alice Smith");
    QTest::newRow("raw UTF-8 bytes") << QByteArray("CallSid=CA5d1c&CallerName=J\xc3\xbcrgen");
    QTest::newRow("a '%' without two hex digits") << QByteArray("CallSid=CA5d1c&From=%G1");
    QTest::newRow("a '%' cut short at the end") << QByteArray("CallSid=CA5d1c&From=%4");
    QTest::newRow("a field without a name") << QByteArray("CallSid=CA5d1c&=ringing");
}

void TestAdapterTwilio::malformed()
{
    QFETCH(QByteArray, body);

    const AdapterResult result = adaptTwilio(body, receivedAt);
    QVERIFY(!result);
    QVERIFY(!result.error().detail.isEmpty());
}

QTEST_GUILESS_MAIN(TestAdapterTwilio)
#include "tst_adapter_twilio.moc"
