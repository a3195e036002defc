// SPDX-License-Identifier: GPL-3.0-or-later
// Webhook ingest end to end: signed deliveries over real loopback HTTP to a running callscope-server
// with a real store (SQLite or PostgreSQL, CALLSCOPE_TEST_BACKEND), then the store read back.
#include "http/httpserver.h"
#include "httpclient.h"
#include "samplecalls.h"
#include "serverprocess.h"
#include "sqlconnection.h"
#include "storereader.h"
#include "testsupport.h"
#include "webhooksigner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <thread>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray publicBase = "https://hooks.example.com/cs";

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString answerCode(const HttpAnswer &answer)
{
    return QJsonDocument::fromJson(answer.body).object().value(u"error"_s).toString();
}

QString answerStatus(const HttpAnswer &answer)
{
    return QJsonDocument::fromJson(answer.body).object().value(u"status"_s).toString();
}

} // namespace

class TestIngest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void wholeCallEndsAsExpected_data();
    void wholeCallEndsAsExpected();
    void deliveriesInReverseOrderGiveTheSameCall_data();
    void deliveriesInReverseOrderGiveTheSameCall();
    void sameDeliveryThreeTimesAtOnceIsStoredOnce();
    void refusedDeliveriesStoreNothing_data();
    void refusedDeliveriesStoreNothing();
    void malformedJsonIsBadRequest();
    void oversizedBodyIsRefusedUnread();
    void slowHeadersTimeOut();
    void wrongMethodIsNotAllowed();
    void unknownTenantOrProviderIsNotFound();
    void tenantRouteStoresUnderThatTenant();
    void vapiSecretsNeverReachTheStore();
    void twilioLegJoinsTheRetellCall();
    void unattributedDeliveryIsKept();
    void storeUnavailableAnswers503AndTheRetrySucceeds();
    void ultravoxTranscriptIsFetchedAfterTheCall();

private:
    HttpAnswer post(const SampleCalls::Delivery &delivery, HttpClient *client = nullptr);
    std::unique_ptr<StoreReader> reader();
    TenantId tenant(StoreReader &reader, const QString &slug = u"default"_s);
    int count(StoreReader &reader, const QString &sql, const QVariantList &values = {});
    SampleCalls::Call sampleCall(const QString &provider, const QString &id);

    TestDatabase m_database;
    DatabaseUrl m_url;
    SampleCalls::Secrets m_secrets;
    std::unique_ptr<ServerProcess> m_server;
};

void TestIngest::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
}

void TestIngest::init()
{
    m_url = m_database.fresh();
    m_server = std::make_unique<ServerProcess>();
    m_server->setSetting(u"listener/commitDeadlineMs"_s, 1'000);
    m_server->setSetting(u"listener/requestTimeoutMs"_s, 800);
    m_server->setSetting(u"ultravox/firstRetryDelayMs"_s, 100);
    QJsonObject secrets = QJsonDocument::fromJson(m_secrets.secretsFileJson()).object();
    QJsonObject clinic = secrets.value(u"default"_s).toObject();
    clinic.insert(u"retell.apiKey"_s, u"clinic-retell-key"_s);
    secrets.insert(u"clinic"_s, clinic);
    secrets.insert(u"bare"_s, QJsonObject{}); // a tenant with no secrets at all
    m_server->setSecrets(QJsonDocument(secrets).toJson());
    QVERIFY2(m_server->start(m_url, {u"--public-url"_s, QString::fromLatin1(publicBase)}),
             qPrintable(m_server->lastError()));
}

void TestIngest::cleanup()
{
    if (m_server)
        QVERIFY2(m_server->stop(), m_server->standardError().constData());
    m_server.reset();
}

HttpAnswer TestIngest::post(const SampleCalls::Delivery &delivery, HttpClient *client)
{
    HttpClient own(m_server->port());
    return (client ? client : &own)->exchange(SampleCalls::httpRequest(delivery, m_server->host()));
}

std::unique_ptr<StoreReader> TestIngest::reader()
{
    auto opened = StoreReader::open(m_url, m_url.password);
    if (!opened)
        qFatal("cannot read the store: %s", qPrintable(opened.error().message));
    return std::move(*opened);
}

TenantId TestIngest::tenant(StoreReader &reader, const QString &slug)
{
    return reader.tenant(slug)->id;
}

int TestIngest::count(StoreReader &reader, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(reader.database());
    query.prepare(sql);
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec() || !query.next())
        qFatal("count failed: %s", qPrintable(sql));
    return query.value(0).toInt();
}

SampleCalls::Call TestIngest::sampleCall(const QString &provider, const QString &id)
{
    const qint64 start = now() - 120'000;
    if (provider == "retell"_L1)
        return SampleCalls::retell(m_secrets, id, start);
    if (provider == "vapi"_L1)
        return SampleCalls::vapi(m_secrets, id, start);
    if (provider == "ultravox"_L1)
        return SampleCalls::ultravox(m_secrets, id, start);
    if (provider == "livekit"_L1)
        return SampleCalls::liveKit(m_secrets, id, start);
    return SampleCalls::twilio(m_secrets, id, start, publicBase);
}

void TestIngest::wholeCallEndsAsExpected_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("callId");
    QTest::newRow("a Retell call with two tool calls, one failing") << u"retell"_s << u"call_4a1f9e"_s;
    QTest::newRow("a Vapi call with its end-of-call report") << u"vapi"_s << u"5c0d7e21-vapi"_s;
    QTest::newRow("an Ultravox call") << u"ultravox"_s << u"2f9a1b3c-uvx"_s;
    QTest::newRow("a LiveKit SIP call") << u"livekit"_s << u"RM_x7Qp2LmN"_s;
    QTest::newRow("a Twilio call leg of its own") << u"twilio"_s << u"CA11111111111111111111111111111111"_s;
}

void TestIngest::wholeCallEndsAsExpected()
{
    QFETCH(QString, provider);
    QFETCH(QString, callId);
    const SampleCalls::Call call = sampleCall(provider, callId);
    HttpClient client(m_server->port()); // one keep-alive connection, as providers do
    for (const SampleCalls::Delivery &delivery : call.deliveries) {
        const HttpAnswer answer = post(delivery, &client);
        QVERIFY2(answer.status == 200, answer.body.constData());
    }

    auto store = reader();
    const TenantId id = tenant(*store);
    auto summary = store->callByProviderId(id, *providerFromString(provider), callId);
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().message));
    const SampleCalls::Expected &expected = call.expected;
    QCOMPARE(toString(summary->status), expected.status);
    QCOMPARE(summary->outcome ? toString(*summary->outcome) : QString(), expected.outcome);
    QCOMPARE(summary->durationMs.value_or(-1), expected.durationMs);
    QCOMPARE(summary->functionCallCount, expected.functionTraces);
    QCOMPARE(summary->transcriptSegmentCount, expected.transcriptSegments);
    QCOMPARE(count(*store, u"SELECT COUNT(*) FROM function_traces WHERE call_id = ? AND status = 'error'"_s,
                   {summary->id}),
             expected.failedFunctions);
    QCOMPARE(store->receipts(id, summary->id)->size(), call.deliveries.size());
}

void TestIngest::deliveriesInReverseOrderGiveTheSameCall_data()
{
    wholeCallEndsAsExpected_data();
}

void TestIngest::deliveriesInReverseOrderGiveTheSameCall()
{
    QFETCH(QString, provider);
    QFETCH(QString, callId);
    SampleCalls::Call call = sampleCall(provider, callId);
    std::reverse(call.deliveries.begin(), call.deliveries.end()); // "ended" before "started"
    for (const SampleCalls::Delivery &delivery : std::as_const(call.deliveries))
        QCOMPARE(post(delivery).status, 200);
    auto store = reader();
    auto summary = store->callByProviderId(tenant(*store), *providerFromString(provider), callId);
    QVERIFY(summary);
    QCOMPARE(toString(summary->status), call.expected.status);
    QCOMPARE(summary->outcome ? toString(*summary->outcome) : QString(), call.expected.outcome);
    QCOMPARE(summary->durationMs.value_or(-1), call.expected.durationMs);
    QCOMPARE(summary->functionCallCount, call.expected.functionTraces);
    QCOMPARE(summary->transcriptSegmentCount, call.expected.transcriptSegments);
}

void TestIngest::sameDeliveryThreeTimesAtOnceIsStoredOnce()
{
    const SampleCalls::Delivery delivery = SampleCalls::retellStarted(m_secrets, u"call_dup"_s, now());
    const QByteArray request = SampleCalls::httpRequest(delivery, m_server->host());
    HttpClient a(m_server->port()), b(m_server->port()), c(m_server->port());
    // All three are on the wire before any answer is read.
    QVERIFY(a.send(request) && b.send(request) && c.send(request));
    QStringList statuses;
    for (HttpClient *client : {&a, &b, &c}) {
        const HttpAnswer answer = client->read();
        QCOMPARE(answer.status, 200);
        statuses << answerStatus(answer);
    }
    statuses.sort();
    QCOMPARE(statuses, (QStringList{u"accepted"_s, u"duplicate"_s, u"duplicate"_s}));
    auto store = reader();
    QCOMPARE(*store->countReceipts(tenant(*store)), qint64(1));
    QCOMPARE(*store->countEvents(tenant(*store)), qint64(1));
}

void TestIngest::refusedDeliveriesStoreNothing_data()
{
    QTest::addColumn<SampleCalls::Delivery>("delivery");
    QTest::addColumn<QString>("code");
    const qint64 t = now();
    SampleCalls::Delivery tampered = SampleCalls::retellStarted(m_secrets, u"call_t"_s, t);
    tampered.body.replace("inbound", "outbound");
    QTest::newRow("a Retell body changed after signing") << tampered << u"bad_signature"_s;
    QTest::newRow("a Retell signature from ten minutes ago")
        << SampleCalls::retellStarted(m_secrets, u"call_s"_s, t - 600'000) << u"stale_timestamp"_s;
    SampleCalls::Delivery unsignedDelivery = SampleCalls::retellStarted(m_secrets, u"call_u"_s, t);
    unsignedDelivery.headers.clear();
    QTest::newRow("a Retell delivery without its signature") << unsignedDelivery << u"missing_credentials"_s;
    SampleCalls::Secrets wrong;
    wrong.liveKitApiSecret = "not-the-secret";
    QTest::newRow("a LiveKit token signed with another secret")
        << SampleCalls::liveKitRoomStarted(wrong, u"RM_wrong"_s, t) << u"bad_signature"_s;
    QTest::newRow("a tenant with no secret for the provider")
        << SampleCalls::retellStarted(m_secrets, u"call_b"_s, t, u"bare"_s) << u"missing_credentials"_s;
    SampleCalls::Call twilio = SampleCalls::twilio(m_secrets, u"CA22222222222222222222222222222222"_s, t,
                                                   "https://other-host.example.com");
    QTest::newRow("a Twilio signature over another public URL")
        << twilio.deliveries.first() << u"bad_signature"_s;
}

void TestIngest::refusedDeliveriesStoreNothing()
{
    QFETCH(SampleCalls::Delivery, delivery);
    QFETCH(QString, code);
    const HttpAnswer answer = post(delivery);
    QCOMPARE(answer.status, 401);
    QCOMPARE(answerCode(answer), code);
    QVERIFY(!QJsonDocument::fromJson(answer.body).object().value(u"detail"_s).toString().isEmpty());
    auto store = reader();
    for (const QString &slug : {u"default"_s, u"bare"_s})
        QCOMPARE(*store->countReceipts(tenant(*store, slug)), qint64(0));
}

void TestIngest::malformedJsonIsBadRequest()
{
    SampleCalls::Delivery delivery{
        Provider::Retell, "/webhooks/retell", "application/json", {}, "{\"event\": \"call_ended\", "};
    delivery.headers.append(
        {"x-retell-signature", WebhookSigner::retell(delivery.body, m_secrets.retellApiKey, now())});
    const HttpAnswer answer = post(delivery);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answerCode(answer), u"invalid_json"_s);
    auto store = reader();
    QCOMPARE(*store->countReceipts(tenant(*store)), qint64(0));
}

void TestIngest::oversizedBodyIsRefusedUnread()
{
    HttpClient client(m_server->port());
    QVERIFY(client.send("POST /webhooks/retell HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        "Content-Length: 5242880\r\n\r\n"));
    // The answer comes without a byte of the 5 MiB body sent.
    const HttpAnswer answer = client.read(5'000);
    QCOMPARE(answer.status, 413);
    QCOMPARE(answerCode(answer), u"payload_too_large"_s);
    QVERIFY(client.waitClosed());
}

void TestIngest::slowHeadersTimeOut()
{
    HttpClient client(m_server->port());
    QVERIFY(client.send("POST /webhooks/retell HTTP/1.1\r\nHost: x\r\nContent-Ty"));
    const HttpAnswer answer = client.read(5'000); // the server's limit is 800 ms here
    QCOMPARE(answer.status, 408);
    QCOMPARE(answerCode(answer), u"request_timeout"_s);
    QVERIFY(client.waitClosed());
}

void TestIngest::wrongMethodIsNotAllowed()
{
    HttpClient client(m_server->port());
    const HttpAnswer answer = client.exchange("GET /webhooks/retell HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(answer.status, 405);
    QCOMPARE(answerCode(answer), u"method_not_allowed"_s);
    QCOMPARE(answer.header("Allow"), QByteArray("POST"));
}

void TestIngest::unknownTenantOrProviderIsNotFound()
{
    SampleCalls::Delivery delivery = SampleCalls::retellStarted(m_secrets, u"call_x"_s, now(), u"nobody"_s);
    HttpAnswer answer = post(delivery);
    QCOMPARE(answer.status, 404);
    QCOMPARE(answerCode(answer), u"not_found"_s);
    delivery.path = "/webhooks/bland";
    answer = post(delivery);
    QCOMPARE(answer.status, 404);
}

void TestIngest::tenantRouteStoresUnderThatTenant()
{
    SampleCalls::Secrets clinicSecrets = m_secrets;
    clinicSecrets.retellApiKey = "clinic-retell-key";
    // The default tenant's key does not open the clinic's route, and the other way round.
    QCOMPARE(post(SampleCalls::retellStarted(m_secrets, u"call_c1"_s, now(), u"clinic"_s)).status, 401);
    QCOMPARE(post(SampleCalls::retellStarted(clinicSecrets, u"call_c1"_s, now(), u"clinic"_s)).status, 200);
    auto store = reader();
    QVERIFY(store->callByProviderId(tenant(*store, u"clinic"_s), Provider::Retell, u"call_c1"_s));
    QVERIFY(!store->callByProviderId(tenant(*store), Provider::Retell, u"call_c1"_s));
}

void TestIngest::vapiSecretsNeverReachTheStore()
{
    for (const SampleCalls::Delivery &delivery : sampleCall(u"vapi"_s, u"vapi-redact"_s).deliveries) {
        QVERIFY(delivery.body.contains("SECRET-TWILIO-TOKEN"));
        QCOMPARE(post(delivery).status, 200);
    }
    auto store = reader();
    for (const QString &sql :
         {u"SELECT COUNT(*) FROM receipts WHERE CAST(body AS TEXT) LIKE '%SECRET-TWILIO%'"_s,
          u"SELECT COUNT(*) FROM receipts WHERE headers LIKE '%vapi-shared-secret%'"_s,
          u"SELECT COUNT(*) FROM events WHERE payload LIKE '%SECRET-TWILIO%'"_s})
        QCOMPARE(count(*store, sql), 0);
    QCOMPARE(*store->countReceipts(tenant(*store)), qint64(2));
}

void TestIngest::twilioLegJoinsTheRetellCall()
{
    const QString callId = u"call_legs"_s;
    const SampleCalls::Call retell = sampleCall(u"retell"_s, callId);
    const SampleCalls::Call twilio =
        SampleCalls::twilio(m_secrets, u"CA"_s + callId, now() - 100'000, publicBase);
    // The carrier's first callbacks arrive before the agent platform's first webhook.
    QCOMPARE(post(twilio.deliveries.at(0)).status, 200);
    QCOMPARE(post(twilio.deliveries.at(1)).status, 200);
    for (const SampleCalls::Delivery &delivery : retell.deliveries)
        QCOMPARE(post(delivery).status, 200);
    QCOMPARE(post(twilio.deliveries.at(2)).status, 200);
    QCOMPARE(post(twilio.deliveries.at(3)).status, 200);

    auto store = reader();
    const TenantId id = tenant(*store);
    const auto calls = store->calls(id);
    QCOMPARE(calls->size(), 1);
    QCOMPARE(toString(calls->first().provider), u"retell"_s);
    QCOMPARE(calls->first().durationMs.value_or(-1),
             retell.expected.durationMs); // the platform's duration wins
    QCOMPARE(store->receipts(id, calls->first().id)->size(),
             retell.deliveries.size() + twilio.deliveries.size());
    QCOMPARE(store->callByProviderId(id, Provider::Twilio, u"CA"_s + callId)->id, calls->first().id);
}

void TestIngest::unattributedDeliveryIsKept()
{
    SampleCalls::Delivery delivery = SampleCalls::liveKitRoomStarted(m_secrets, u"RM_gone"_s, now());
    const QJsonObject withoutRoom{{u"event"_s, u"participant_joined"_s},
                                  {u"id"_s, u"EV_noroom"_s},
                                  {u"createdAt"_s, QString::number(now() / 1000)}};
    delivery.body = QJsonDocument(withoutRoom).toJson(QJsonDocument::Compact);
    delivery.headers = {{"authorization", WebhookSigner::liveKit(delivery.body, m_secrets.liveKitApiKey,
                                                                 m_secrets.liveKitApiSecret, now() / 1000)}};
    const HttpAnswer answer = post(delivery);
    QCOMPARE(answer.status, 200); // a 4xx would make LiveKit drop it
    auto store = reader();
    const auto receipt = store->receiptByKey(tenant(*store), Provider::LiveKit, u"EV_noroom"_s);
    QVERIFY(receipt);
    QVERIFY(receipt->status == ReceiptStatus::Unattributed);
    QCOMPARE(count(*store, u"SELECT COUNT(*) FROM errors WHERE code = 'unattributed'"_s), 1);
}

void TestIngest::storeUnavailableAnswers503AndTheRetrySucceeds()
{
    const SampleCalls::Delivery delivery = SampleCalls::retellStarted(m_secrets, u"call_busy"_s, now());
    const QString name = SqlConnection::uniqueName(u"blocker"_s);
    {
        auto blocker = SqlConnection::open(m_url, m_url.password, name, SqlConnection::Role::Writer);
        QVERIFY(blocker);
        // Another program holds the database: the writer cannot commit within the deadline.
        QVERIFY(SqlConnection::exec(*blocker, m_url.isSqlite() ? u"BEGIN EXCLUSIVE"_s : u"BEGIN"_s));
        if (!m_url.isSqlite())
            QVERIFY(SqlConnection::exec(*blocker, u"LOCK TABLE receipts IN ACCESS EXCLUSIVE MODE"_s));
        const HttpAnswer refused = post(delivery);
        QCOMPARE(refused.status, 503);
        QCOMPARE(answerCode(refused), u"unavailable"_s);
        QVERIFY(refused.header("Retry-After").toInt() >= 1);
        QVERIFY(SqlConnection::exec(*blocker, u"ROLLBACK"_s));
    }
    SqlConnection::close(name);
    // The provider retries; now it is stored (or already was, once the lock went away).
    const HttpAnswer retried = post(delivery);
    QCOMPARE(retried.status, 200);
    auto store = reader();
    QCOMPARE(*store->countReceipts(tenant(*store)), qint64(1));
}

void TestIngest::ultravoxTranscriptIsFetchedAfterTheCall()
{
    // A local stand-in for the Ultravox API: the first request fails, then two pages.
    Http::Server api;
    int requests = 0;
    QByteArray apiKeySeen;
    api.setHandler([&](const Http::Request &request, Http::Responder responder) {
        ++requests;
        apiKeySeen = request.header("X-API-Key");
        if (requests == 1) {
            responder.send(Http::Response::error(503, u"busy"_s, u"try later"_s));
            return;
        }
        const bool second = request.query.queryItemValue(u"cursor"_s) == "2"_L1;
        const QString base = u"http://127.0.0.1:%1"_s.arg(api.port());
        const QJsonArray results =
            second
                ? QJsonArray{QJsonObject{{u"role"_s, u"MESSAGE_ROLE_TOOL_RESULT"_s},
                                         {u"toolName"_s, u"lookup_hours"_s},
                                         {u"invocationId"_s, u"inv1"_s},
                                         {u"text"_s, u"{\"open\":\"9-18\"}"_s},
                                         {u"timespan"_s,
                                          QJsonObject{{u"start"_s, u"7.200s"_s}, {u"end"_s, u"7.300s"_s}}}},
                             QJsonObject{{u"role"_s, u"MESSAGE_ROLE_AGENT"_s},
                                         {u"text"_s, u"We are open nine to six."_s},
                                         {u"timespan"_s,
                                          QJsonObject{{u"start"_s, u"7.500s"_s}, {u"end"_s, u"9.100s"_s}}}}}
                : QJsonArray{QJsonObject{{u"role"_s, u"MESSAGE_ROLE_AGENT"_s},
                                         {u"text"_s, u"Salon Anna, hello!"_s},
                                         {u"timespan"_s,
                                          QJsonObject{{u"start"_s, u"0.400s"_s}, {u"end"_s, u"1.900s"_s}}}},
                             QJsonObject{{u"role"_s, u"MESSAGE_ROLE_USER"_s},
                                         {u"text"_s, u"When are you open?"_s},
                                         {u"timespan"_s,
                                          QJsonObject{{u"start"_s, u"3.000s"_s}, {u"end"_s, u"4.500s"_s}}}},
                             QJsonObject{{u"role"_s, u"MESSAGE_ROLE_TOOL_CALL"_s},
                                         {u"toolName"_s, u"lookup_hours"_s},
                                         {u"invocationId"_s, u"inv1"_s},
                                         {u"text"_s, u"{\"day\":\"today\"}"_s},
                                         {u"timespan"_s,
                                          QJsonObject{{u"start"_s, u"5.000s"_s}, {u"end"_s, u"5.100s"_s}}}}};
        QJsonObject page{{u"results"_s, results}};
        page.insert(u"next"_s,
                    second ? QJsonValue() : QJsonValue(QString(base + request.path + u"?cursor=2"_s)));
        responder.send(Http::Response::json(200, page));
    });
    QVERIFY(api.listen(QHostAddress::LocalHost, 0));

    // Restart the server with the API key and the stand-in's URL.
    QVERIFY(m_server->stop());
    QJsonObject secrets = QJsonDocument::fromJson(m_secrets.secretsFileJson()).object();
    QJsonObject keys = secrets.value(u"default"_s).toObject();
    keys.insert(u"ultravox.apiKey"_s, u"uv-api-key"_s);
    secrets.insert(u"default"_s, keys);
    m_server = std::make_unique<ServerProcess>();
    m_server->setSetting(u"ultravox/firstRetryDelayMs"_s, 100);
    m_server->setSecrets(QJsonDocument(secrets).toJson());
    QVERIFY(m_server->start(m_url, {u"--ultravox-api-url"_s, u"http://127.0.0.1:%1"_s.arg(api.port())}));

    const QString callId = u"uvx-backfill-1"_s;
    // The deliveries go out from a thread: the stand-in API answers on this thread's event loop.
    const SampleCalls::Call call = sampleCall(u"ultravox"_s, callId);
    std::thread sender([&] {
        for (const SampleCalls::Delivery &delivery : call.deliveries)
            post(delivery);
    });
    QTRY_VERIFY_WITH_TIMEOUT(requests >= 3, 15'000);
    sender.join();
    QCOMPARE(apiKeySeen, QByteArray("uv-api-key"));
    auto store = reader();
    const TenantId id = tenant(*store);
    QTRY_COMPARE_WITH_TIMEOUT(store->callByProviderId(id, Provider::Ultravox, callId)->transcriptSegmentCount,
                              3, 10'000);
    const CallSummary summary = *store->callByProviderId(id, Provider::Ultravox, callId);
    QCOMPARE(summary.functionCallCount, 1);
    QCOMPARE(count(*store,
                   u"SELECT COUNT(*) FROM function_traces WHERE call_id = ? AND status = 'success' "
                   "AND duration_ms IS NOT NULL"_s,
                   {summary.id}),
             1);
    QCOMPARE(toString(summary.status), u"ended"_s);
}

QTEST_GUILESS_MAIN(TestIngest)
#include "tst_ingest.moc"
