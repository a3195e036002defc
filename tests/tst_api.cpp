// SPDX-License-Identifier: GPL-3.0-or-later
// The backend events API, the read API, /health and /metrics as other programs use them: a running
// callscope-server, real HTTP over loopback, tokens made with its command line, and a real store
// (SQLite or PostgreSQL, CALLSCOPE_TEST_BACKEND).
#include "httpclient.h"
#include "samplecalls.h"
#include "serverprocess.h"
#include "storereader.h"
#include "testsupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <cmath>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject object(const HttpAnswer &answer)
{
    return QJsonDocument::fromJson(answer.body).object();
}

QString errorCode(const HttpAnswer &answer)
{
    return object(answer).value(u"error"_s).toString();
}

QJsonObject backendCall(const QString &id, const QString &provider = u"backend"_s)
{
    return QJsonObject{{u"provider"_s, provider}, {u"providerCallId"_s, id}};
}

// One backend event: its id, type, time and call, plus the fields of its type.
QJsonObject backendEvent(const QString &id, const QString &type, qint64 atMs, const QJsonObject &call,
                         const QJsonObject &fields = {})
{
    QJsonObject out = fields;
    out.insert(u"id"_s, id);
    out.insert(u"type"_s, type);
    out.insert(u"occurredAt"_s, iso(atMs));
    if (!call.isEmpty())
        out.insert(u"call"_s, call);
    return out;
}

QJsonObject batch(const QJsonArray &events)
{
    return QJsonObject{{u"events"_s, events}};
}

QStringList keys(const QJsonObject &object)
{
    QStringList out = object.keys();
    out.sort();
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

bool isIsoUtcWithMs(const QJsonValue &value)
{
    static const QRegularExpression pattern(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
    return value.isString() && pattern.match(value.toString()).hasMatch();
}

const QStringList callSummaryKeys = sorted(
    {u"id"_s, u"tenant"_s, u"provider"_s, u"providerCallId"_s, u"direction"_s, u"fromNumber"_s, u"toNumber"_s,
     u"agent"_s, u"status"_s, u"outcome"_s, u"endedReason"_s, u"startedAt"_s, u"endedAt"_s, u"durationMs"_s,
     u"functionCallCount"_s, u"errorCount"_s, u"transcriptSegmentCount"_s, u"stale"_s});

// A Prometheus text exposition read back: samples by their name with labels, and the TYPE of each
// family. Anything that is not the format makes `error` say where.
struct Exposition
{
    QHash<QString, double> samples; // `name{a="x",b="y"}` as written (labels in their order)
    QHash<QString, QString> types;
    QStringList order; // sample keys in the order written
    QString error;

    double value(const QString &key) const { return samples.value(key, 0.0); }
};

Exposition parsePrometheus(const QByteArray &text)
{
    Exposition out;
    static const QRegularExpression sample(
        uR"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")(,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? ([-+]?(?:[0-9.eE+-]+|Inf|NaN))$)"_s);
    static const QRegularExpression typeLine(
        u"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$"_s);
    if (!text.endsWith('\n')) {
        out.error = u"the exposition does not end with a newline"_s;
        return out;
    }
    int lineNumber = 0;
    for (const QByteArray &raw : text.split('\n')) {
        ++lineNumber;
        const QString line = QString::fromUtf8(raw);
        if (line.isEmpty())
            continue;
        if (line.startsWith(u"# TYPE "_s)) {
            const auto match = typeLine.match(line);
            if (!match.hasMatch()) {
                out.error = u"line %1: bad TYPE line: %2"_s.arg(lineNumber).arg(line);
                return out;
            }
            if (out.types.contains(match.captured(1))) {
                out.error = u"line %1: a second TYPE for %2"_s.arg(lineNumber).arg(match.captured(1));
                return out;
            }
            out.types.insert(match.captured(1), match.captured(2));
            continue;
        }
        if (line.startsWith(u'#'))
            continue; // HELP and comments
        const auto match = sample.match(line);
        if (!match.hasMatch()) {
            out.error = u"line %1 is not a sample: %2"_s.arg(lineNumber).arg(line);
            return out;
        }
        const QString name = match.captured(1);
        QString family = name;
        for (const QString &suffix : {u"_bucket"_s, u"_sum"_s, u"_count"_s}) {
            if (name.endsWith(suffix) && out.types.value(name.chopped(suffix.size())) == "histogram"_L1)
                family = name.chopped(suffix.size());
        }
        if (!out.types.contains(family)) {
            out.error = u"line %1: sample %2 before its TYPE"_s.arg(lineNumber).arg(name);
            return out;
        }
        const QString key = line.section(u' ', 0, 0);
        if (out.samples.contains(key)) {
            out.error = u"line %1: sample %2 twice"_s.arg(lineNumber).arg(key);
            return out;
        }
        bool ok = false;
        const QString number = match.captured(5);
        double value = number.toDouble(&ok);
        if (number == "+Inf"_L1)
            value = qInf(), ok = true;
        if (!ok) {
            out.error = u"line %1: bad value %2"_s.arg(lineNumber).arg(number);
            return out;
        }
        out.samples.insert(key, value);
        out.order.append(key);
    }
    return out;
}

// Checks a histogram family: buckets in increasing `le`, counts never decreasing, +Inf == _count.
QString checkHistogram(const Exposition &exposition, const QString &family)
{
    if (exposition.types.value(family) != "histogram"_L1)
        return family + u" is not a histogram"_s;
    double lastLe = -qInf();
    double lastCount = -1;
    bool sawInf = false;
    static const QRegularExpression le(u"le=\"([^\"]+)\""_s);
    for (const QString &key : exposition.order) {
        if (!key.startsWith(family + u"_bucket{"_s))
            continue;
        const QString bound = le.match(key).captured(1);
        const double at = bound == "+Inf"_L1 ? qInf() : bound.toDouble();
        if (at <= lastLe)
            return u"%1: bucket %2 is not above the one before"_s.arg(family, bound);
        if (exposition.value(key) < lastCount)
            return u"%1: bucket %2 counts fewer than the one before"_s.arg(family, bound);
        lastLe = at;
        lastCount = exposition.value(key);
        sawInf = sawInf || bound == "+Inf"_L1;
    }
    if (!sawInf)
        return family + u" has no +Inf bucket"_s;
    if (lastCount != exposition.value(family + u"_count"_s))
        return family + u": +Inf bucket and _count differ"_s;
    if (!exposition.samples.contains(family + u"_sum"_s))
        return family + u" has no _sum"_s;
    return {};
}

} // namespace

class TestApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // POST /api/v1/events
    void failedToolCallGivesAFailedTraceACriticalCallbackAndAnError();
    void failureBeforeItsStartGivesOneTraceOneCallbackOneError();
    void succeededToolCallIsTimedFromItsTwoEvents();
    void timedOutToolCallIsATimeout();
    void sameBatchPostedTwiceIsStoredOnce();
    void oneBadEventInAHundredStoresNothing();
    void badEventsAreNamed_data();
    void badEventsAreNamed();
    void badBodiesAreRefusedWhole();
    void tokensAreCheckedForTenantAndScope();
    void everyEventTypeJoinsTheProvidersCall();
    void backendEventsBeforeTheProvidersCallJoinIt();

    // Read API
    void filtersAndFullTextSearch();
    void malformedFiltersAreInvalidQueries_data();
    void malformedFiltersAreInvalidQueries();
    void pagingReturnsEveryCallExactlyOnce();
    void anotherTenantsRecordsAreNotFound();
    void callAndOutcomeHaveTheSpecifiedShape();
    void callIsFoundByEveryIdItHas();
    void callbackQueueOrderAndActions();
    void errorGroupActionsAndRegressions();
    void outcomeStatsCountEveryCallInItsBucket();
    void functionStatsHaveCountsAndPercentiles();

    // Operations
    void metricsParseAndTheirCountersMove();
    void healthSaysWhatIsConfigured();
    void refusedDeliveriesAreCountedForTheTenant();
    void aTenantDeletedElsewhereIsNotFoundAndComesBack();

private:
    HttpAnswer request(const QByteArray &method, const QString &path, const QString &token,
                       const QByteArray &body = {});
    HttpAnswer postEvents(const QJsonObject &body, const QString &token = {});
    HttpAnswer get(const QString &path, const QString &token = {});
    QJsonObject getObject(const QString &path, const QString &token = {});
    void deliver(const SampleCalls::Call &call);
    QJsonArray calls(const QString &query = {});
    QStringList callIds(const QString &query);
    QJsonArray callbacks(const QString &query = {});
    QJsonArray errors(const QString &query = {});
    QString createToken(const QString &tenant, const QString &scope, QString *tokenId = nullptr);

    TestDatabase m_database;
    DatabaseUrl m_url;
    SampleCalls::Secrets m_secrets;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_client;
    QString m_ingest;
    QString m_read;
};

void TestApi::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
}

void TestApi::init()
{
    m_url = m_database.fresh();
    m_server = std::make_unique<ServerProcess>();
    m_server->setSetting(u"listener/ratePerSecond"_s, 0);
    QJsonObject secrets = QJsonDocument::fromJson(m_secrets.secretsFileJson()).object();
    secrets.insert(u"clinic"_s, secrets.value(u"default"_s));
    m_server->setSecrets(QJsonDocument(secrets).toJson());
    QVERIFY2(m_server->start(m_url), qPrintable(m_server->lastError()));
    m_client.reset();
    m_ingest = createToken(u"default"_s, u"ingest"_s);
    m_read = createToken(u"default"_s, u"read"_s);
    QVERIFY(m_ingest.startsWith(u"cs_ingest_"_s));
    QVERIFY(m_read.startsWith(u"cs_read_"_s));
}

void TestApi::cleanup()
{
    m_client.reset();
    if (m_server)
        QVERIFY2(m_server->stop(), m_server->standardError().constData());
    m_server.reset();
}

QString TestApi::createToken(const QString &tenant, const QString &scope, QString *tokenId)
{
    return m_server->createToken(m_url, tenant, scope, tokenId);
}

HttpAnswer TestApi::request(const QByteArray &method, const QString &path, const QString &token,
                            const QByteArray &body)
{
    if (!m_client || !m_client->isConnected())
        m_client = std::make_unique<HttpClient>(m_server->port());
    QByteArray bytes = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: " + m_server->host() + "\r\n";
    if (!token.isEmpty())
        bytes += "Authorization: Bearer " + token.toUtf8() + "\r\n";
    if (method == "POST")
        bytes +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    bytes += "\r\n" + body;
    HttpAnswer answer = m_client->exchange(bytes);
    if (answer.status == 0) { // the server closed a kept-alive connection: once more on a new one
        m_client = std::make_unique<HttpClient>(m_server->port());
        answer = m_client->exchange(bytes);
    }
    return answer;
}

HttpAnswer TestApi::postEvents(const QJsonObject &body, const QString &token)
{
    return request("POST", u"/api/v1/events"_s, token.isEmpty() ? m_ingest : token,
                   QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpAnswer TestApi::get(const QString &path, const QString &token)
{
    return request("GET", path, token.isEmpty() ? m_read : token);
}

QJsonObject TestApi::getObject(const QString &path, const QString &token)
{
    const HttpAnswer answer = get(path, token);
    if (answer.status != 200)
        qWarning("GET %s: %d %s", qPrintable(path), answer.status, answer.body.constData());
    return answer.status == 200 ? object(answer) : QJsonObject();
}

void TestApi::deliver(const SampleCalls::Call &call)
{
    HttpClient client(m_server->port());
    for (const SampleCalls::Delivery &delivery : call.deliveries) {
        const HttpAnswer answer = client.exchange(SampleCalls::httpRequest(delivery, m_server->host()));
        QVERIFY2(answer.status == 200 || answer.status == 204, answer.body.constData());
    }
}

QJsonArray TestApi::calls(const QString &query)
{
    return getObject(u"/api/v1/calls"_s + (query.isEmpty() ? QString() : u"?"_s + query))
        .value(u"calls"_s)
        .toArray();
}

QStringList TestApi::callIds(const QString &query)
{
    QStringList out;
    for (const QJsonValue &call : calls(query))
        out.append(call[u"providerCallId"_s].toString());
    out.sort();
    return out;
}

QJsonArray TestApi::callbacks(const QString &query)
{
    return getObject(u"/api/v1/callbacks"_s + (query.isEmpty() ? QString() : u"?"_s + query))
        .value(u"callbacks"_s)
        .toArray();
}

QJsonArray TestApi::errors(const QString &query)
{
    return getObject(u"/api/v1/errors"_s + (query.isEmpty() ? QString() : u"?"_s + query))
        .value(u"errors"_s)
        .toArray();
}

// ---------------------------------------------------------------------------------------------
// POST /api/v1/events

void TestApi::failedToolCallGivesAFailedTraceACriticalCallbackAndAnError()
{
    const qint64 t0 = now() - 60'000;
    const QJsonObject call = backendCall(u"be-call-1"_s);
    const HttpAnswer answer = postEvents(batch(
        {backendEvent(u"evt-1"_s, u"tool_call.started"_s, t0, call,
                      {{u"toolCallId"_s, u"tc-1"_s},
                       {u"name"_s, u"book_appointment_v17"_s},
                       {u"arguments"_s,
                        QJsonObject{{u"slot"_s, u"2026-11-25T09:30"_s}, {u"service"_s, u"cleaning"_s}}},
                       {u"callbackNumber"_s, u"+49 (151) 2345-6789"_s},
                       {u"callerName"_s, u"Anna Schmidt"_s}}),
         backendEvent(
             u"evt-2"_s, u"tool_call.failed"_s, t0 + 1250, call,
             {{u"toolCallId"_s, u"tc-1"_s},
              {u"error"_s, QJsonObject{{u"code"_s, u"calendar_unavailable"_s},
                                       {u"message"_s, u"Calendar did not answer after 3 attempts"_s}}}})}));
    QCOMPARE(answer.status, 200);
    QCOMPARE(object(answer), (QJsonObject{{u"accepted"_s, 2}, {u"duplicates"_s, 0}}));

    const QJsonObject stored = getObject(u"/api/v1/calls/backend:be-call-1"_s);
    QCOMPARE(stored[u"provider"_s].toString(), u"backend"_s);
    QCOMPARE(stored[u"functionCallCount"_s].toInt(), 1);
    QVERIFY(stored[u"errorCount"_s].toInt() >= 1);
    QJsonObject function;
    for (const QJsonValue &item : stored[u"timeline"_s].toArray()) {
        if (item[u"kind"_s] == u"function"_s)
            function = item.toObject();
    }
    QCOMPARE(function[u"name"_s].toString(), u"book_appointment_v17"_s);
    QCOMPARE(function[u"toolCallId"_s].toString(), u"tc-1"_s);
    QCOMPARE(function[u"status"_s].toString(), u"error"_s);
    QCOMPARE(function[u"durationMs"_s].toInteger(), 1250); // measured from the two events' times
    QCOMPARE(function[u"arguments"_s][u"service"_s].toString(), u"cleaning"_s);
    QCOMPARE(function[u"error"_s][u"message"_s].toString(), u"Calendar did not answer after 3 attempts"_s);
    QCOMPARE(function[u"error"_s][u"code"_s].toString(), u"calendar_unavailable"_s);
    QCOMPARE(function[u"endOffsetMs"_s].toInteger() - function[u"offsetMs"_s].toInteger(), 1250);

    const QJsonArray queue = callbacks();
    QCOMPARE(queue.size(), 1);
    const QJsonObject callback = queue.at(0).toObject();
    QCOMPARE(keys(callback),
             sorted({u"id"_s, u"status"_s, u"urgency"_s, u"callbackNumber"_s, u"callerName"_s, u"concern"_s,
                     u"callId"_s, u"attempts"_s, u"nextAttemptAt"_s, u"createdAt"_s}));
    QCOMPARE(callback[u"status"_s].toString(), u"pending"_s);
    QCOMPARE(callback[u"urgency"_s].toString(), u"critical"_s);
    QCOMPARE(callback[u"callbackNumber"_s].toString(), u"+4915123456789"_s);
    QCOMPARE(callback[u"callerName"_s].toString(), u"Anna Schmidt"_s);
    QCOMPARE(callback[u"callId"_s].toString(), stored[u"id"_s].toString());
    QCOMPARE(callback[u"attempts"_s].toInt(), 0);
    QVERIFY(isIsoUtcWithMs(callback[u"createdAt"_s]));

    QJsonArray groups = errors();
    QCOMPARE(groups.size(), 1);
    QJsonObject group = groups.at(0).toObject();
    QCOMPARE(keys(group), sorted({u"id"_s, u"fingerprint"_s, u"code"_s, u"severity"_s, u"status"_s,
                                  u"count"_s, u"firstSeen"_s, u"lastSeen"_s, u"functionName"_s, u"provider"_s,
                                  u"message"_s, u"regression"_s}));
    QCOMPARE(group[u"severity"_s].toString(), u"high"_s);
    QCOMPARE(group[u"status"_s].toString(), u"unresolved"_s);
    QCOMPARE(group[u"code"_s].toString(), u"calendar_unavailable"_s);
    QCOMPARE(group[u"count"_s].toInt(), 1);
    QVERIFY(group[u"functionName"_s].toString().startsWith(u"book_appointment"_s));

    // The next version of the same function failing the same way on another call is the same
    // problem: one group, counted twice.
    const QJsonObject other = backendCall(u"be-call-2"_s);
    QCOMPARE(postEvents(
                 batch({backendEvent(u"evt-3"_s, u"tool_call.started"_s, t0 + 5000, other,
                                     {{u"toolCallId"_s, u"tc-9"_s}, {u"name"_s, u"book_appointment_v18"_s}}),
                        backendEvent(
                            u"evt-4"_s, u"tool_call.failed"_s, t0 + 5400, other,
                            {{u"toolCallId"_s, u"tc-9"_s},
                             {u"error"_s,
                              QJsonObject{{u"code"_s, u"calendar_unavailable"_s},
                                          {u"message"_s, u"Calendar did not answer after 5 attempts"_s}}}})}))
                 .status,
             200);
    groups = errors();
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.at(0)[u"count"_s].toInt(), 2);
    QCOMPARE(callbacks().size(), 1); // no callback number this time: no callback
}

void TestApi::failureBeforeItsStartGivesOneTraceOneCallbackOneError()
{
    const qint64 t0 = now() - 30'000;
    const QJsonObject call = backendCall(u"be-late-start"_s);
    QJsonObject failed = backendEvent(u"f-1"_s, u"tool_call.failed"_s, t0 + 800, call,
                                      {{u"toolCallId"_s, u"tc-7"_s},
                                       {u"error"_s, QJsonObject{{u"message"_s, u"CRM returned 502"_s}}},
                                       {u"callbackNumber"_s, u"+1 415 555 0142"_s}});
    QCOMPARE(postEvents(failed).status, 200);
    // The failure alone is already a trace, a callback and an error: nothing waits for the start.
    QCOMPARE(callbacks().size(), 1);
    QCOMPARE(errors().size(), 1);

    const HttpAnswer started =
        postEvents(backendEvent(u"f-0"_s, u"tool_call.started"_s, t0, call,
                                {{u"toolCallId"_s, u"tc-7"_s},
                                 {u"name"_s, u"lookup_patient"_s},
                                 {u"arguments"_s, QJsonObject{{u"phone"_s, u"+14155550142"_s}}},
                                 {u"callbackNumber"_s, u"+14155550142"_s}}));
    QCOMPARE(started.status, 200);
    QCOMPARE(object(started), (QJsonObject{{u"accepted"_s, 1}, {u"duplicates"_s, 0}}));

    const QJsonObject stored = getObject(u"/api/v1/calls/backend:be-late-start"_s);
    QCOMPARE(stored[u"functionCallCount"_s].toInt(), 1);
    QJsonArray functions;
    for (const QJsonValue &item : stored[u"timeline"_s].toArray()) {
        if (item[u"kind"_s] == u"function"_s)
            functions.append(item);
    }
    QCOMPARE(functions.size(), 1);
    QCOMPARE(functions.at(0)[u"name"_s].toString(), u"lookup_patient"_s);
    QCOMPARE(functions.at(0)[u"status"_s].toString(), u"error"_s);
    QCOMPARE(functions.at(0)[u"durationMs"_s].toInteger(), 800);
    const QJsonArray queue = callbacks();
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.at(0)[u"urgency"_s].toString(), u"critical"_s);
    QCOMPARE(queue.at(0)[u"callbackNumber"_s].toString(), u"+14155550142"_s);
    const QJsonArray groups = errors();
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.at(0)[u"count"_s].toInt(), 1);
    QCOMPARE(groups.at(0)[u"code"_s].toString(), u"tool_error"_s);
}

void TestApi::succeededToolCallIsTimedFromItsTwoEvents()
{
    const qint64 t0 = now() - 20'000;
    const QJsonObject call = backendCall(u"be-ok"_s);
    QCOMPARE(
        postEvents(batch({backendEvent(u"s-1"_s, u"tool_call.started"_s, t0, call,
                                       {{u"toolCallId"_s, u"a"_s},
                                        {u"name"_s, u"check_availability"_s},
                                        {u"arguments"_s, QJsonObject{{u"day"_s, u"tuesday"_s}}}}),
                          backendEvent(u"s-2"_s, u"tool_call.succeeded"_s, t0 + 340, call,
                                       {{u"toolCallId"_s, u"a"_s},
                                        {u"result"_s, QJsonObject{{u"slots"_s, QJsonArray{u"09:30"_s}}}}}),
                          backendEvent(u"s-3"_s, u"tool_call.started"_s, t0 + 1000, call,
                                       {{u"toolCallId"_s, u"b"_s}, {u"name"_s, u"send_sms"_s}}),
                          backendEvent(
                              u"s-4"_s, u"tool_call.succeeded"_s, t0 + 9000, call,
                              {{u"toolCallId"_s, u"b"_s}, {u"result"_s, u"sent"_s}, {u"durationMs"_s, 77}})}))
            .status,
        200);
    const QJsonObject stored = getObject(u"/api/v1/calls/backend:be-ok"_s);
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &item : stored[u"timeline"_s].toArray()) {
        if (item[u"kind"_s] == u"function"_s)
            byId.insert(item[u"toolCallId"_s].toString(), item.toObject());
    }
    QCOMPARE(byId.size(), 2);
    QCOMPARE(byId[u"a"_s][u"status"_s].toString(), u"success"_s);
    QCOMPARE(byId[u"a"_s][u"durationMs"_s].toInteger(), 340);
    QCOMPARE(byId[u"a"_s][u"result"_s][u"slots"_s][0].toString(), u"09:30"_s);
    QVERIFY(byId[u"a"_s][u"error"_s].isNull());
    QCOMPARE(byId[u"b"_s][u"durationMs"_s].toInteger(), 77); // the backend's own figure wins
    QCOMPARE(byId[u"b"_s][u"result"_s].toString(), u"sent"_s);
    QCOMPARE(errors().size(), 0);
    QCOMPARE(callbacks().size(), 0);
}

void TestApi::timedOutToolCallIsATimeout()
{
    const qint64 t0 = now() - 20'000;
    const QJsonObject call = backendCall(u"be-timeout"_s);
    QCOMPARE(postEvents(batch({backendEvent(u"t-1"_s, u"tool_call.started"_s, t0, call,
                                            {{u"toolCallId"_s, u"x"_s},
                                             {u"name"_s, u"transfer_to_staff"_s},
                                             {u"callbackNumber"_s, u"+4930555123"_s},
                                             {u"urgency"_s, u"urgent"_s}}),
                               backendEvent(
                                   u"t-2"_s, u"tool_call.failed"_s, t0 + 10'000, call,
                                   {{u"toolCallId"_s, u"x"_s},
                                    {u"error"_s, QJsonObject{{u"code"_s, u"timeout"_s},
                                                             {u"message"_s, u"no answer within 10 s"_s}}}})}))
                 .status,
             200);
    const QJsonObject stored = getObject(u"/api/v1/calls/backend:be-timeout"_s);
    bool found = false;
    for (const QJsonValue &item : stored[u"timeline"_s].toArray()) {
        if (item[u"kind"_s] == u"function"_s) {
            QCOMPARE(item[u"status"_s].toString(), u"timeout"_s);
            QCOMPARE(item[u"durationMs"_s].toInteger(), 10'000);
            found = true;
        }
    }
    QVERIFY(found);
    const QJsonArray queue = callbacks();
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.at(0)[u"urgency"_s].toString(), u"critical"_s); // a failure raises "urgent"
    QCOMPARE(errors().at(0)[u"severity"_s].toString(), u"high"_s);
}

void TestApi::sameBatchPostedTwiceIsStoredOnce()
{
    const qint64 t0 = now() - 10'000;
    const QJsonObject call = backendCall(u"be-twice"_s);
    const QJsonObject body = batch({backendEvent(u"d-1"_s, u"transcript.segment"_s, t0, call,
                                                 {{u"role"_s, u"user"_s},
                                                  {u"text"_s, u"Can someone call me back?"_s},
                                                  {u"startMs"_s, 1000},
                                                  {u"endMs"_s, 2500}}),
                                    backendEvent(u"d-2"_s, u"callback.requested"_s, t0 + 100, call,
                                                 {{u"callbackNumber"_s, u"+4940123456"_s},
                                                  {u"urgency"_s, u"normal"_s},
                                                  {u"concern"_s, u"Reschedule"_s}}),
                                    backendEvent(u"d-3"_s, u"error"_s, t0 + 200, call,
                                                 {{u"code"_s, u"crm_slow"_s},
                                                  {u"severity"_s, u"low"_s},
                                                  {u"message"_s, u"CRM answered in 4 s"_s}})});
    HttpAnswer first = postEvents(body);
    QCOMPARE(first.status, 200);
    QCOMPARE(object(first), (QJsonObject{{u"accepted"_s, 3}, {u"duplicates"_s, 0}}));
    const QJsonObject before = getObject(u"/api/v1/calls/backend:be-twice"_s);

    HttpAnswer second = postEvents(body);
    QCOMPARE(second.status, 200);
    QCOMPARE(object(second), (QJsonObject{{u"accepted"_s, 0}, {u"duplicates"_s, 3}}));
    const QJsonObject after = getObject(u"/api/v1/calls/backend:be-twice"_s);
    QCOMPARE(after[u"timeline"_s].toArray().size(), before[u"timeline"_s].toArray().size());
    QCOMPARE(after[u"receipts"_s].toArray().size(), 3);
    QCOMPARE(after[u"transcriptSegmentCount"_s].toInt(), 1);
    QCOMPARE(callbacks().size(), 1);
    QCOMPARE(errors().at(0)[u"count"_s].toInt(), 1);
    QCOMPARE(calls().size(), 1);

    // Half old, half new: only the new ones count.
    QJsonArray mixed = body[u"events"_s].toArray();
    mixed.append(backendEvent(u"d-4"_s, u"flow.transition"_s, t0 + 300, call,
                              {{u"from"_s, u"intake"_s}, {u"to"_s, u"callback"_s}}));
    QCOMPARE(object(postEvents(batch(mixed))), (QJsonObject{{u"accepted"_s, 1}, {u"duplicates"_s, 3}}));
}

void TestApi::oneBadEventInAHundredStoresNothing()
{
    const qint64 t0 = now() - 100'000;
    QJsonArray events;
    for (int i = 0; i < 100; ++i) {
        events.append(backendEvent(u"seg-%1"_s.arg(i), u"transcript.segment"_s, t0 + i * 1000,
                                   backendCall(u"be-batch-%1"_s.arg(i % 7)),
                                   {{u"role"_s, i % 2 ? u"user"_s : u"agent"_s},
                                    {u"text"_s, u"Segment number %1"_s.arg(i)},
                                    {u"startMs"_s, i * 1000},
                                    {u"endMs"_s, i * 1000 + 900}}));
    }
    QJsonObject bad = events.at(57).toObject();
    bad.remove(u"text"_s);
    events.replace(57, bad);
    const HttpAnswer answer = postEvents(batch(events));
    QCOMPARE(answer.status, 400);
    const QJsonObject body = object(answer);
    QCOMPARE(body[u"error"_s].toString(), u"invalid_payload"_s);
    QCOMPARE(body[u"index"_s].toInt(-1), 57);
    QVERIFY2(body[u"detail"_s].toString().contains(u"text"_s), answer.body.constData());
    QCOMPARE(calls().size(), 0);
    QCOMPARE(get(u"/api/v1/calls/backend:be-batch-0"_s).status, 404);

    // Fixed, the same batch is taken whole.
    bad.insert(u"text"_s, u"Segment number 57"_s);
    events.replace(57, bad);
    QCOMPARE(object(postEvents(batch(events))), (QJsonObject{{u"accepted"_s, 100}, {u"duplicates"_s, 0}}));
    QCOMPARE(calls().size(), 7);
}

void TestApi::badEventsAreNamed_data()
{
    QTest::addColumn<QJsonObject>("bad");
    QTest::addColumn<QString>("mentions");
    const qint64 t = now();
    const QJsonObject call = backendCall(u"be-x"_s);
    QTest::newRow("unknown type") << backendEvent(u"b"_s, u"tool_call.exploded"_s, t, call) << u"type"_s;
    QJsonObject noId =
        backendEvent(u"b"_s, u"flow.transition"_s, t, call, {{u"from"_s, u"a"_s}, {u"to"_s, u"b"_s}});
    noId.remove(u"id"_s);
    QTest::newRow("no id") << noId << u"id"_s;
    QJsonObject badTime =
        backendEvent(u"b"_s, u"flow.transition"_s, t, call, {{u"from"_s, u"a"_s}, {u"to"_s, u"b"_s}});
    badTime.insert(u"occurredAt"_s, u"yesterday"_s);
    QTest::newRow("occurredAt not ISO 8601") << badTime << u"occurredAt"_s;
    QTest::newRow("no call") << backendEvent(u"b"_s, u"flow.transition"_s, t, {},
                                             {{u"from"_s, u"a"_s}, {u"to"_s, u"b"_s}})
                             << u"call"_s;
    QTest::newRow("unknown provider")
        << backendEvent(u"b"_s, u"flow.transition"_s, t, backendCall(u"x"_s, u"skype"_s),
                        {{u"from"_s, u"a"_s}, {u"to"_s, u"b"_s}})
        << u"provider"_s;
    QTest::newRow("started without name")
        << backendEvent(u"b"_s, u"tool_call.started"_s, t, call, {{u"toolCallId"_s, u"1"_s}}) << u"name"_s;
    QTest::newRow("arguments not an object")
        << backendEvent(u"b"_s, u"tool_call.started"_s, t, call,
                        {{u"toolCallId"_s, u"1"_s}, {u"name"_s, u"f"_s}, {u"arguments"_s, u"{\"a\":1}"_s}})
        << u"arguments"_s;
    QTest::newRow("urgency asap") << backendEvent(
                                         u"b"_s, u"callback.requested"_s, t, {},
                                         {{u"callbackNumber"_s, u"+4930123"_s}, {u"urgency"_s, u"asap"_s}})
                                  << u"urgency"_s;
    QTest::newRow("callback number of letters")
        << backendEvent(u"b"_s, u"callback.requested"_s, t, {},
                        {{u"callbackNumber"_s, u"call me"_s}, {u"urgency"_s, u"normal"_s}})
        << u"callbackNumber"_s;
    QTest::newRow("failure without error object")
        << backendEvent(u"b"_s, u"tool_call.failed"_s, t, call,
                        {{u"toolCallId"_s, u"1"_s}, {u"error"_s, u"boom"_s}})
        << u"error"_s;
    QTest::newRow("segment ends before it starts")
        << backendEvent(
               u"b"_s, u"transcript.segment"_s, t, call,
               {{u"role"_s, u"user"_s}, {u"text"_s, u"hi"_s}, {u"startMs"_s, 900}, {u"endMs"_s, 100}})
        << u"endMs"_s;
    QTest::newRow("role narrator") << backendEvent(u"b"_s, u"transcript.segment"_s, t, call,
                                                   {{u"role"_s, u"narrator"_s},
                                                    {u"text"_s, u"hi"_s},
                                                    {u"startMs"_s, 0},
                                                    {u"endMs"_s, 1}})
                                   << u"role"_s;
    QTest::newRow("severity fatal") << backendEvent(u"b"_s, u"error"_s, t, call,
                                                    {{u"code"_s, u"x"_s},
                                                     {u"severity"_s, u"fatal"_s},
                                                     {u"message"_s, u"m"_s}})
                                    << u"severity"_s;
    QTest::newRow("negative duration") << backendEvent(u"b"_s, u"tool_call.succeeded"_s, t, call,
                                                       {{u"toolCallId"_s, u"1"_s}, {u"durationMs"_s, -5}})
                                       << u"durationMs"_s;
}

void TestApi::badEventsAreNamed()
{
    QFETCH(QJsonObject, bad);
    QFETCH(QString, mentions);
    const QJsonObject good = backendEvent(u"good-1"_s, u"flow.transition"_s, now(), backendCall(u"be-good"_s),
                                          {{u"from"_s, u"a"_s}, {u"to"_s, u"b"_s}});
    const HttpAnswer answer = postEvents(batch({good, bad}));
    QCOMPARE(answer.status, 400);
    QCOMPARE(errorCode(answer), u"invalid_payload"_s);
    QCOMPARE(object(answer)[u"index"_s].toInt(-1), 1);
    QVERIFY2(object(answer)[u"detail"_s].toString().contains(mentions), answer.body.constData());
    QCOMPARE(calls().size(), 0); // the good one went with it
    // The single-event form answers the same, without a batch around it.
    const HttpAnswer single = postEvents(bad);
    QCOMPARE(single.status, 400);
    QCOMPARE(errorCode(single), u"invalid_payload"_s);
}

void TestApi::badBodiesAreRefusedWhole()
{
    QJsonArray many;
    for (int i = 0; i < 1001; ++i)
        many.append(backendEvent(u"m-%1"_s.arg(i), u"flow.transition"_s, now(), backendCall(u"be-many"_s),
                                 {{u"from"_s, u"a"_s}, {u"to"_s, u"b"_s}}));
    HttpAnswer answer = postEvents(batch(many));
    QCOMPARE(answer.status, 400);
    QCOMPARE(errorCode(answer), u"invalid_payload"_s);
    QVERIFY2(!object(answer).contains(u"index"_s), answer.body.constData());

    answer = request("POST", u"/api/v1/events"_s, m_ingest, "{\"events\": [");
    QCOMPARE(answer.status, 400);
    QCOMPARE(errorCode(answer), u"invalid_json"_s);
    QVERIFY(!object(answer)[u"detail"_s].toString().isEmpty());

    for (const QByteArray &body : {QByteArray("[]"), QByteArray("{\"events\": []}"),
                                   QByteArray("{\"events\": {}}"), QByteArray("\"text\"")}) {
        answer = request("POST", u"/api/v1/events"_s, m_ingest, body);
        QCOMPARE(answer.status, 400);
        QCOMPARE(errorCode(answer), u"invalid_payload"_s);
        QVERIFY(!object(answer).contains(u"index"_s));
    }
    QCOMPARE(request("GET", u"/api/v1/events"_s, m_ingest).status, 405);
    QCOMPARE(calls().size(), 0);
}

void TestApi::tokensAreCheckedForTenantAndScope()
{
    const QJsonObject body = backendEvent(u"tok-1"_s, u"flow.transition"_s, now(), backendCall(u"be-tok"_s),
                                          {{u"from"_s, u"a"_s}, {u"to"_s, u"b"_s}});
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);

    HttpAnswer answer = request("POST", u"/api/v1/events"_s, QString(), bytes);
    QCOMPARE(answer.status, 401);
    QCOMPARE(errorCode(answer), u"missing_credentials"_s);

    const QString clinicIngest = createToken(u"clinic"_s, u"ingest"_s);
    QString revokedId;
    const QString revoked = createToken(u"default"_s, u"ingest"_s, &revokedId);
    QVERIFY(!revokedId.isEmpty());
    QCOMPARE(m_server->run(m_url, {u"token"_s, u"revoke"_s, u"--tenant"_s, u"default"_s, revokedId}).exitCode,
             0);

    const QList<std::pair<const char *, QString>> refused{
        {"an unknown token", u"cs_ingest_0000000000000000_00000000000000000000000000000000"_s},
        {"garbage", u"not-a-token"_s},
        {"a read token", m_read},
        {"another tenant's ingest token", clinicIngest},
        {"a revoked token", revoked},
    };
    for (const auto &[what, token] : refused) {
        answer = request("POST", u"/api/v1/events"_s, token, bytes);
        QVERIFY2(answer.status == 401, what);
        QVERIFY2(errorCode(answer) == "unauthorized"_L1, what);
    }
    // The read API the other way round.
    answer = get(u"/api/v1/calls"_s, m_ingest);
    QCOMPARE(answer.status, 401);
    QCOMPARE(errorCode(answer), u"unauthorized"_s);
    answer = request("GET", u"/api/v1/calls"_s, QString());
    QCOMPARE(answer.status, 401);
    QCOMPARE(errorCode(answer), u"missing_credentials"_s);
    QCOMPARE(calls().size(), 0); // nothing of the refused posts was stored

    // The clinic's token works on the clinic's route, and what it stores stays there.
    answer = request("POST", u"/t/clinic/api/v1/events"_s, clinicIngest, bytes);
    QCOMPARE(answer.status, 200);
    QCOMPARE(calls().size(), 0);
    const QString clinicRead = createToken(u"clinic"_s, u"read"_s);
    QCOMPARE(getObject(u"/t/clinic/api/v1/calls"_s, clinicRead)[u"calls"_s].toArray().size(), 1);

    // A token revoked after use stops working within the cache's few seconds.
    QString usedId;
    const QString used = createToken(u"default"_s, u"read"_s, &usedId);
    QCOMPARE(get(u"/api/v1/calls"_s, used).status, 200);
    QCOMPARE(m_server->run(m_url, {u"token"_s, u"revoke"_s, u"--tenant"_s, u"default"_s, usedId}).exitCode,
             0);
    QTRY_COMPARE_WITH_TIMEOUT(get(u"/api/v1/calls"_s, used).status, 401, 15'000);
}

void TestApi::everyEventTypeJoinsTheProvidersCall()
{
    const qint64 start = now() - 200'000;
    deliver(SampleCalls::retell(m_secrets, u"call_join1"_s, start));
    const QJsonObject call = backendCall(u"call_join1"_s, u"retell"_s);
    const HttpAnswer answer = postEvents(batch(
        {backendEvent(u"j-1"_s, u"tool_call.started"_s, start + 20'000, call,
                      {{u"toolCallId"_s, u"be-1"_s},
                       {u"name"_s, u"lookup_patient"_s},
                       {u"arguments"_s, QJsonObject{{u"phone"_s, u"+14155550100"_s}}}}),
         backendEvent(u"j-2"_s, u"tool_call.succeeded"_s, start + 20'400, call,
                      {{u"toolCallId"_s, u"be-1"_s}, {u"result"_s, QJsonObject{{u"patientId"_s, 4711}}}}),
         backendEvent(u"j-3"_s, u"transcript.segment"_s, start + 90'000, call,
                      {{u"role"_s, u"system"_s},
                       {u"text"_s, u"Caller transferred to reception"_s},
                       {u"startMs"_s, 90'000},
                       {u"endMs"_s, 90'500}}),
         backendEvent(u"j-4"_s, u"flow.transition"_s, start + 30'000, call,
                      {{u"from"_s, u"intake"_s}, {u"to"_s, u"booking"_s}}),
         backendEvent(u"j-5"_s, u"error"_s, start + 40'000, call,
                      {{u"code"_s, u"crm_slow"_s},
                       {u"type"_s, u"Timeout"_s},
                       {u"severity"_s, u"medium"_s},
                       {u"message"_s, u"CRM answered after 4200 ms"_s}}),
         backendEvent(u"j-6"_s, u"callback.requested"_s, start + 94'000, call,
                      {{u"callbackNumber"_s, u"+14155550100"_s},
                       {u"callerName"_s, u"Jordan Lee"_s},
                       {u"concern"_s, u"Booking failed"_s},
                       {u"details"_s, QJsonObject{{u"slot"_s, u"09:30"_s}}},
                       {u"urgency"_s, u"urgent"_s}})}));
    QCOMPARE(answer.status, 200);
    QCOMPARE(object(answer)[u"accepted"_s].toInt(), 6);

    const QJsonArray list = calls();
    QCOMPARE(list.size(), 1); // joined, not a call of their own
    const QJsonObject stored = getObject(u"/api/v1/calls/retell:call_join1"_s);
    QCOMPARE(stored[u"functionCallCount"_s].toInt(), 3); // two from Retell, one from the backend
    QCOMPARE(stored[u"transcriptSegmentCount"_s].toInt(), 5);

    const QHash<QString, QStringList> fieldsOf{
        {u"transcript"_s, {u"role"_s, u"text"_s, u"endOffsetMs"_s}},
        {u"function"_s,
         {u"name"_s, u"toolCallId"_s, u"status"_s, u"arguments"_s, u"result"_s, u"error"_s, u"durationMs"_s,
          u"endOffsetMs"_s}},
        {u"status"_s, {u"status"_s, u"reason"_s}},
        {u"flow"_s, {u"from"_s, u"to"_s}},
        {u"error"_s, {u"code"_s, u"severity"_s, u"message"_s}},
        {u"note"_s, {u"text"_s}},
    };
    QSet<QString> kinds;
    qint64 lastOffset = -1;
    bool sawBackendFunction = false, sawFlow = false, sawError = false, sawSystemTurn = false;
    for (const QJsonValue &value : stored[u"timeline"_s].toArray()) {
        const QJsonObject item = value.toObject();
        const QString kind = item[u"kind"_s].toString();
        QVERIFY2(fieldsOf.contains(kind), qPrintable(kind));
        QCOMPARE(keys(item), sorted(fieldsOf.value(kind) + QStringList{u"kind"_s, u"offsetMs"_s}));
        QVERIFY2(item[u"offsetMs"_s].toInteger() >= lastOffset, "the timeline is ordered by offsetMs");
        lastOffset = item[u"offsetMs"_s].toInteger();
        kinds.insert(kind);
        if (kind == "function"_L1 && item[u"toolCallId"_s] == u"be-1"_s) {
            sawBackendFunction = true;
            QCOMPARE(item[u"status"_s].toString(), u"success"_s);
            QCOMPARE(item[u"durationMs"_s].toInteger(), 400);
            QCOMPARE(item[u"offsetMs"_s].toInteger(), 20'000);
            QCOMPARE(item[u"result"_s][u"patientId"_s].toInt(), 4711);
        }
        if (kind == "flow"_L1) {
            sawFlow = true;
            QCOMPARE(item[u"from"_s].toString(), u"intake"_s);
            QCOMPARE(item[u"to"_s].toString(), u"booking"_s);
            QCOMPARE(item[u"offsetMs"_s].toInteger(), 30'000);
        }
        if (kind == "error"_L1 && item[u"code"_s] == u"crm_slow"_s) {
            sawError = true;
            QCOMPARE(item[u"severity"_s].toString(), u"medium"_s);
            QCOMPARE(item[u"message"_s].toString(), u"CRM answered after 4200 ms"_s);
        }
        if (kind == "transcript"_L1 && item[u"role"_s] == u"system"_s) {
            sawSystemTurn = true;
            QCOMPARE(item[u"offsetMs"_s].toInteger(), 90'000);
            QCOMPARE(item[u"endOffsetMs"_s].toInteger(), 90'500);
        }
    }
    QVERIFY(sawBackendFunction && sawFlow && sawError && sawSystemTurn);
    QVERIFY(kinds.contains(u"status"_s));
    QVERIFY(kinds.contains(u"transcript"_s));

    const QJsonArray queue = callbacks();
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.at(0)[u"callId"_s].toString(), stored[u"id"_s].toString());
    QCOMPARE(queue.at(0)[u"urgency"_s].toString(), u"urgent"_s);
    QCOMPARE(queue.at(0)[u"concern"_s].toString(), u"Booking failed"_s);
    QCOMPARE(queue.at(0)[u"callerName"_s].toString(), u"Jordan Lee"_s);

    // A callback request without a call stands alone.
    QCOMPARE(postEvents(backendEvent(u"j-7"_s, u"callback.requested"_s, now(), {},
                                     {{u"callbackNumber"_s, u"+4989111222"_s}, {u"urgency"_s, u"normal"_s}}))
                 .status,
             200);
    const QJsonArray after = callbacks();
    QCOMPARE(after.size(), 2);
    QVERIFY(after.at(1)[u"callId"_s].isNull());
    QCOMPARE(calls().size(), 1);
}

void TestApi::backendEventsBeforeTheProvidersCallJoinIt()
{
    const qint64 start = now() - 200'000;
    const QJsonObject call = backendCall(u"call_early"_s, u"retell"_s);
    QCOMPARE(
        postEvents(batch({backendEvent(u"e-1"_s, u"tool_call.started"_s, start + 10'000, call,
                                       {{u"toolCallId"_s, u"be-9"_s}, {u"name"_s, u"verify_insurance"_s}}),
                          backendEvent(u"e-2"_s, u"tool_call.failed"_s, start + 12'000, call,
                                       {{u"toolCallId"_s, u"be-9"_s},
                                        {u"error"_s, QJsonObject{{u"message"_s, u"insurer API down"_s}}},
                                        {u"callbackNumber"_s, u"+14155550100"_s}})}))
            .status,
        200);
    deliver(SampleCalls::retell(m_secrets, u"call_early"_s, start));
    const QJsonArray list = calls();
    QCOMPARE(list.size(), 1);
    const QJsonObject summary = list.at(0).toObject();
    QCOMPARE(summary[u"provider"_s].toString(), u"retell"_s);
    QCOMPARE(summary[u"fromNumber"_s].toString(), u"+14155550100"_s);
    QCOMPARE(summary[u"functionCallCount"_s].toInt(), 3);
    QCOMPARE(summary[u"status"_s].toString(), u"ended"_s);
    QCOMPARE(callbacks().at(0)[u"callId"_s].toString(), summary[u"id"_s].toString());
}

// ---------------------------------------------------------------------------------------------
// Read API

void TestApi::filtersAndFullTextSearch()
{
    // Signatures carry the times of the calls: all of them within the providers' windows.
    const qint64 base = now() - 200'000;
    deliver(SampleCalls::retell(m_secrets, u"call_search_rt"_s, base));
    deliver(SampleCalls::vapi(m_secrets, u"vapi-search-1"_s, base + 30'000));
    deliver(SampleCalls::liveKit(m_secrets, u"RM_search1"_s, base + 60'000));
    deliver(SampleCalls::ultravox(m_secrets, u"uvx-search-1"_s, base + 90'000));

    QCOMPARE(calls().size(), 4);
    QCOMPARE(callIds(u"provider=vapi"_s), QStringList{u"vapi-search-1"_s});
    QCOMPARE(callIds(u"provider=livekit"_s), QStringList{u"RM_search1"_s});
    QCOMPARE(callIds(u"status=ended"_s).size(), 4);
    QCOMPARE(callIds(u"status=ringing"_s).size(), 0);

    // Outcomes as the samples end.
    const QHash<QString, QString> outcomes{
        {u"call_search_rt"_s, SampleCalls::retell(m_secrets, u"x"_s, base).expected.outcome},
        {u"vapi-search-1"_s, SampleCalls::vapi(m_secrets, u"x"_s, base).expected.outcome},
        {u"RM_search1"_s, SampleCalls::liveKit(m_secrets, u"x"_s, base).expected.outcome},
        {u"uvx-search-1"_s, SampleCalls::ultravox(m_secrets, u"x"_s, base).expected.outcome}};
    for (const QString &outcome : QSet<QString>(outcomes.cbegin(), outcomes.cend())) {
        QStringList expected;
        for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
            if (it.value() == outcome)
                expected.append(it.key());
        }
        QCOMPARE(callIds(u"outcome="_s + outcome), sorted(expected));
    }
    QVERIFY(!outcomes.values().contains(u"busy"_s));
    QCOMPARE(callIds(u"outcome=busy"_s), QStringList{}); // the filter filters

    // Full text: a word said, a prefix of it, a German word, a function name, digits of a number.
    QCOMPARE(callIds(u"q=cleaning"_s), QStringList{u"call_search_rt"_s});
    QCOMPARE(callIds(u"q=clean"_s), QStringList{u"call_search_rt"_s});
    QCOMPARE(callIds(u"q=Cleaning%20Tuesday"_s), QStringList{u"call_search_rt"_s});
    QCOMPARE(callIds(u"q=absagen"_s), QStringList{u"vapi-search-1"_s});
    QCOMPARE(callIds(u"q=cancel_appointment"_s), QStringList{u"vapi-search-1"_s});
    QCOMPARE(callIds(u"q=book_appointment_v17"_s), QStringList{u"call_search_rt"_s});
    QCOMPARE(callIds(u"q=0100"_s), QStringList{u"call_search_rt"_s});
    QCOMPARE(callIds(u"q=%2B14155550100"_s), QStringList{u"call_search_rt"_s});
    QCOMPARE(callIds(u"q=5678"_s), sorted({u"vapi-search-1"_s, u"RM_search1"_s})); // both end in 5678
    QCOMPARE(callIds(u"q=112345678"_s), QStringList{u"vapi-search-1"_s});
    QCOMPARE(callIds(u"q=zebra"_s), QStringList{});
    QCOMPARE(callIds(u"q=cleaning&provider=vapi"_s), QStringList{});
    QCOMPARE(callIds(u"q=%22%20OR%201%3D1%20--"_s).size(), 0); // an attempt at injection is a search for it

    // Time window: from inclusive, to exclusive, on startedAt.
    const QJsonArray all = calls();
    QHash<QString, QString> startedAt;
    for (const QJsonValue &call : all)
        startedAt.insert(call[u"providerCallId"_s].toString(), call[u"startedAt"_s].toString());
    const QString vapiStart =
        QString::fromLatin1(QUrl::toPercentEncoding(startedAt.value(u"vapi-search-1"_s)));
    const QString liveKitStart =
        QString::fromLatin1(QUrl::toPercentEncoding(startedAt.value(u"RM_search1"_s)));
    QCOMPARE(callIds(u"from="_s + vapiStart + u"&to="_s + liveKitStart), QStringList{u"vapi-search-1"_s});
    QCOMPARE(callIds(u"to="_s + vapiStart), QStringList{u"call_search_rt"_s});
    QCOMPARE(callIds(u"from="_s + liveKitStart), sorted({u"RM_search1"_s, u"uvx-search-1"_s}));

    // Newest first.
    QStringList order;
    for (const QJsonValue &call : all)
        order.append(call[u"providerCallId"_s].toString());
    QCOMPARE(order,
             (QStringList{u"uvx-search-1"_s, u"RM_search1"_s, u"vapi-search-1"_s, u"call_search_rt"_s}));
}

void TestApi::malformedFiltersAreInvalidQueries_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("status") << u"status=done"_s;
    QTest::newRow("outcome") << u"outcome=great"_s;
    QTest::newRow("provider") << u"provider=skype"_s;
    QTest::newRow("from") << u"from=yesterday"_s;
    QTest::newRow("to") << u"to=2026-13-45T00:00:00Z"_s;
    QTest::newRow("limit 0") << u"limit=0"_s;
    QTest::newRow("limit 501") << u"limit=501"_s;
    QTest::newRow("limit letters") << u"limit=ten"_s;
    QTest::newRow("cursor") << u"cursor=not-a-cursor"_s;
}

void TestApi::malformedFiltersAreInvalidQueries()
{
    QFETCH(QString, query);
    const HttpAnswer answer = get(u"/api/v1/calls?"_s + query);
    QCOMPARE(answer.status, 400);
    QCOMPARE(errorCode(answer), u"invalid_query"_s);
    QVERIFY(!object(answer)[u"detail"_s].toString().isEmpty());
}

void TestApi::pagingReturnsEveryCallExactlyOnce()
{
    // 57 calls, three at a time starting in the same millisecond, so that the cursor must break ties.
    const qint64 t0 = now() - 3'600'000;
    QJsonArray events;
    for (int i = 0; i < 57; ++i) {
        events.append(backendEvent(
            u"p-%1"_s.arg(i), u"transcript.segment"_s, t0 + (i / 3) * 1000,
            backendCall(u"page-%1"_s.arg(i, 2, 10, QChar(u'0'))),
            {{u"role"_s, u"user"_s}, {u"text"_s, u"Hello"_s}, {u"startMs"_s, 0}, {u"endMs"_s, 500}}));
    }
    QCOMPARE(object(postEvents(batch(events)))[u"accepted"_s].toInt(), 57);

    QStringList seen;
    QString cursor;
    QString lastStart;
    int pages = 0;
    do {
        const QJsonObject page = getObject(
            u"/api/v1/calls?limit=10"_s +
            (cursor.isEmpty() ? QString()
                              : u"&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor))));
        const QJsonArray list = page[u"calls"_s].toArray();
        QVERIFY(list.size() <= 10);
        for (const QJsonValue &call : list) {
            seen.append(call[u"providerCallId"_s].toString());
            const QString start = call[u"startedAt"_s].toString();
            QVERIFY2(lastStart.isEmpty() || start <= lastStart, "newest first across pages");
            lastStart = start;
        }
        if (pages == 0) {
            // A call that starts while staff page through does not shift the pages.
            QCOMPARE(
                postEvents(
                    backendEvent(
                        u"p-new"_s, u"transcript.segment"_s, now(), backendCall(u"page-new"_s),
                        {{u"role"_s, u"user"_s}, {u"text"_s, u"Hi"_s}, {u"startMs"_s, 0}, {u"endMs"_s, 1}}))
                    .status,
                200);
        }
        cursor = page[u"nextCursor"_s].toString();
        QVERIFY(page.contains(u"nextCursor"_s));
        ++pages;
    } while (!cursor.isEmpty() && pages < 20);
    QCOMPARE(pages, 6);
    QCOMPARE(seen.size(), 57);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), 57);
    QVERIFY(!seen.contains(u"page-new"_s));
    QCOMPARE(calls(u"limit=500"_s).size(), 58);
    QCOMPARE(calls().size(), 50); // the default page
}

void TestApi::anotherTenantsRecordsAreNotFound()
{
    const qint64 start = now() - 200'000;
    deliver(SampleCalls::retell(m_secrets, u"call_clinic"_s, start, u"clinic"_s));
    const QString clinicIngest = createToken(u"clinic"_s, u"ingest"_s);
    const QString clinicRead = createToken(u"clinic"_s, u"read"_s);
    QCOMPARE(request("POST", u"/t/clinic/api/v1/events"_s, clinicIngest,
                     QJsonDocument(backendEvent(u"c-1"_s, u"callback.requested"_s, now(),
                                                backendCall(u"call_clinic"_s, u"retell"_s),
                                                {{u"callbackNumber"_s, u"+14155550100"_s},
                                                 {u"urgency"_s, u"urgent"_s}}))
                         .toJson())
                 .status,
             200);

    const QJsonObject clinicCall = getObject(u"/t/clinic/api/v1/calls/retell:call_clinic"_s, clinicRead);
    const QString uuid = clinicCall[u"id"_s].toString();
    QVERIFY(!uuid.isEmpty());
    QCOMPARE(clinicCall[u"tenant"_s].toString(), u"clinic"_s);
    const QJsonArray clinicQueue =
        getObject(u"/t/clinic/api/v1/callbacks"_s, clinicRead)[u"callbacks"_s].toArray();
    QCOMPARE(clinicQueue.size(), 1);
    const QString callbackId = clinicQueue.at(0)[u"id"_s].toString();
    const QJsonArray clinicErrors =
        getObject(u"/t/clinic/api/v1/errors"_s, clinicRead)[u"errors"_s].toArray();
    QVERIFY(!clinicErrors.isEmpty());
    const QString errorId = clinicErrors.at(0)[u"id"_s].toString();

    // The default tenant sees none of it.
    QCOMPARE(calls().size(), 0);
    QCOMPARE(callbacks().size(), 0);
    QCOMPARE(errors().size(), 0);
    const QStringList paths{u"/api/v1/calls/"_s + uuid, u"/api/v1/calls/retell:call_clinic"_s,
                            QString(u"/api/v1/calls/"_s + uuid + u"/outcome"_s),
                            u"/api/v1/calls/twilio:CAcall_clinic"_s};
    for (const QString &path : paths) {
        const HttpAnswer answer = get(path);
        QVERIFY2(answer.status == 404, qPrintable(path));
        QCOMPARE(errorCode(answer), u"not_found"_s);
    }
    HttpAnswer answer = request("POST", u"/api/v1/callbacks/"_s + callbackId + u"/complete"_s, m_read, "{}");
    QCOMPARE(answer.status, 404);
    answer = request("POST", u"/api/v1/errors/"_s + errorId + u"/resolve"_s, m_read, "{}");
    QCOMPARE(answer.status, 404);
    // Its callback and error are untouched.
    QCOMPARE(
        getObject(u"/t/clinic/api/v1/callbacks"_s, clinicRead)[u"callbacks"_s][0][u"status"_s].toString(),
        u"pending"_s);

    // A default token on the clinic's routes is refused; an unknown tenant is not found.
    answer = get(u"/t/clinic/api/v1/calls/"_s + uuid);
    QCOMPARE(answer.status, 401);
    answer = get(u"/t/nosuch/api/v1/calls"_s);
    QCOMPARE(answer.status, 404);
    QCOMPARE(errorCode(answer), u"not_found"_s);
    // A well-formed id that is nobody's is not found either.
    QCOMPARE(get(u"/api/v1/calls/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces)).status, 404);
    QCOMPARE(get(u"/api/v1/calls/retell:nobody"_s).status, 404);
}

void TestApi::callAndOutcomeHaveTheSpecifiedShape()
{
    const qint64 start = now() - 200'000;
    const SampleCalls::Call sample = SampleCalls::retell(m_secrets, u"call_shape"_s, start);
    deliver(sample);

    const QJsonArray list = calls();
    QCOMPARE(list.size(), 1);
    QCOMPARE(keys(list.at(0).toObject()), callSummaryKeys);

    const QJsonObject full = getObject(u"/api/v1/calls/retell:call_shape"_s);
    QCOMPARE(keys(full), sorted(callSummaryKeys + QStringList{u"timeline"_s, u"receipts"_s}));
    QCOMPARE(full[u"tenant"_s].toString(), u"default"_s);
    QCOMPARE(full[u"provider"_s].toString(), u"retell"_s);
    QCOMPARE(full[u"providerCallId"_s].toString(), u"call_shape"_s);
    QCOMPARE(full[u"direction"_s].toString(), u"inbound"_s);
    QCOMPARE(full[u"fromNumber"_s].toString(), u"+14155550100"_s);
    QCOMPARE(full[u"toNumber"_s].toString(), u"+14155550199"_s);
    QCOMPARE(full[u"status"_s].toString(), u"ended"_s);
    QCOMPARE(full[u"outcome"_s].toString(), sample.expected.outcome);
    QCOMPARE(full[u"endedReason"_s].toString(), u"user_hangup"_s);
    QCOMPARE(full[u"durationMs"_s].toInteger(), sample.expected.durationMs);
    QCOMPARE(full[u"functionCallCount"_s].toInt(), sample.expected.functionTraces);
    QCOMPARE(full[u"transcriptSegmentCount"_s].toInt(), sample.expected.transcriptSegments);
    QCOMPARE(full[u"stale"_s], QJsonValue(false));
    QCOMPARE(full[u"startedAt"_s].toString(), iso(start));
    QCOMPARE(full[u"endedAt"_s].toString(), iso(start + sample.expected.durationMs));
    QVERIFY(isIsoUtcWithMs(full[u"startedAt"_s]) && isIsoUtcWithMs(full[u"endedAt"_s]));

    const QJsonArray receipts = full[u"receipts"_s].toArray();
    QCOMPARE(receipts.size(), sample.deliveries.size());
    QSet<QString> eventKeys;
    for (const QJsonValue &receipt : receipts) {
        QCOMPARE(keys(receipt.toObject()),
                 sorted({u"provider"_s, u"eventKey"_s, u"receivedAt"_s, u"status"_s}));
        QCOMPARE(receipt[u"status"_s].toString(), u"processed"_s);
        QCOMPARE(receipt[u"provider"_s].toString(), u"retell"_s);
        QVERIFY(isIsoUtcWithMs(receipt[u"receivedAt"_s]));
        eventKeys.insert(receipt[u"eventKey"_s].toString());
    }
    QCOMPARE(eventKeys.size(), receipts.size());

    const HttpAnswer outcomeAnswer = get(u"/api/v1/calls/retell:call_shape/outcome"_s);
    QCOMPARE(outcomeAnswer.status, 200);
    QCOMPARE(outcomeAnswer.header("content-type"), QByteArray("application/json"));
    const QJsonObject outcome = object(outcomeAnswer);
    QCOMPARE(keys(outcome), sorted({u"id"_s, u"provider"_s, u"providerCallId"_s, u"status"_s, u"outcome"_s,
                                    u"endedReason"_s, u"durationMs"_s, u"startedAt"_s, u"endedAt"_s}));
    for (const QString &key : keys(outcome))
        QCOMPARE(outcome.value(key), full.value(key));
    QVERIFY(outcome[u"durationMs"_s].isDouble());

    // A call still in progress: unknown fields are null, not missing.
    const QJsonObject live = backendEvent(u"live-1"_s, u"flow.transition"_s, now(), backendCall(u"be-live"_s),
                                          {{u"from"_s, u"a"_s}, {u"to"_s, u"b"_s}});
    QCOMPARE(postEvents(live).status, 200);
    const QJsonObject liveOutcome = getObject(u"/api/v1/calls/backend:be-live/outcome"_s);
    QCOMPARE(keys(liveOutcome), keys(outcome));
    QVERIFY(liveOutcome[u"outcome"_s].isNull());
    QVERIFY(liveOutcome[u"endedAt"_s].isNull());
    QVERIFY(liveOutcome[u"durationMs"_s].isNull());
}

void TestApi::callIsFoundByEveryIdItHas()
{
    const qint64 start = now() - 200'000;
    deliver(SampleCalls::retell(m_secrets, u"call_ids"_s, start));
    deliver(SampleCalls::liveKit(m_secrets, u"RM_ids77"_s, start + 1000));
    const QString retellId = getObject(u"/api/v1/calls/retell:call_ids"_s)[u"id"_s].toString();
    QVERIFY(!retellId.isEmpty());
    QCOMPARE(getObject(u"/api/v1/calls/"_s + retellId)[u"providerCallId"_s].toString(), u"call_ids"_s);
    // The Twilio leg's CallSid that Retell reported.
    QCOMPARE(getObject(u"/api/v1/calls/twilio:CAcall_ids"_s)[u"id"_s].toString(), retellId);
    QCOMPARE(getObject(u"/api/v1/calls/twilio:CAcall_ids/outcome"_s)[u"id"_s].toString(), retellId);

    const QString liveKitId = getObject(u"/api/v1/calls/livekit:RM_ids77"_s)[u"id"_s].toString();
    QVERIFY(!liveKitId.isEmpty());
    QCOMPARE(getObject(u"/api/v1/calls/livekit:call-RM_ids77"_s)[u"id"_s].toString(), liveKitId); // room name
    QCOMPARE(get(u"/api/v1/calls/vapi:call_ids"_s).status, 404);
    QCOMPARE(get(u"/api/v1/calls/skype:call_ids"_s).status, 404);
}

void TestApi::callbackQueueOrderAndActions()
{
    const qint64 t0 = now() - 50'000;
    const auto requestCallback = [&](const QString &id, const QString &number, const QString &urgency,
                                     qint64 at, const QString &concern) {
        return postEvents(
                   backendEvent(
                       id, u"callback.requested"_s, at, {},
                       {{u"callbackNumber"_s, number}, {u"urgency"_s, urgency}, {u"concern"_s, concern}}))
            .status;
    };
    QCOMPARE(requestCallback(u"cb-a"_s, u"+4930100001"_s, u"normal"_s, t0, u"Wants a quote"_s), 200);
    QCOMPARE(requestCallback(u"cb-b"_s, u"+4930100002"_s, u"urgent"_s, t0 + 1000, u"Pain since yesterday"_s),
             200);
    QCOMPARE(requestCallback(u"cb-c"_s, u"+4930100003"_s, u"critical"_s, t0 + 2000, u"Booking lost"_s), 200);
    QCOMPARE(requestCallback(u"cb-d"_s, u"+4930100004"_s, u"normal"_s, t0 + 3000, u"Opening hours"_s), 200);
    // The same customer again, more urgently: one request, raised.
    QCOMPARE(requestCallback(u"cb-a2"_s, u"+49 30 100001"_s, u"urgent"_s, t0 + 4000, u"Also: insurance"_s),
             200);

    QJsonArray queue = callbacks();
    QStringList numbers;
    for (const QJsonValue &item : queue)
        numbers.append(item[u"callbackNumber"_s].toString());
    // Most urgent first, then oldest first.
    QCOMPARE(numbers, (QStringList{u"+4930100003"_s, u"+4930100001"_s, u"+4930100002"_s, u"+4930100004"_s}));
    QCOMPARE(queue.at(1)[u"urgency"_s].toString(), u"urgent"_s);
    QVERIFY(queue.at(1)[u"concern"_s].toString().contains(u"Wants a quote"_s));
    QVERIFY(queue.at(1)[u"concern"_s].toString().contains(u"insurance"_s));
    const QString critical = queue.at(0)[u"id"_s].toString();
    const QString urgent = queue.at(2)[u"id"_s].toString();
    const QString normal = queue.at(3)[u"id"_s].toString();

    // Retry is for failed hand-offs; a pending request cannot be retried.
    HttpAnswer answer = request("POST", u"/api/v1/callbacks/"_s + critical + u"/retry"_s, m_read, "{}");
    QCOMPARE(answer.status, 409);
    QCOMPARE(errorCode(answer), u"invalid_transition"_s);

    answer = request("POST", u"/api/v1/callbacks/"_s + critical + u"/complete"_s, m_read,
                     R"({"note":"Rebooked for Thursday"})");
    QCOMPARE(answer.status, 200);
    QCOMPARE(object(answer)[u"id"_s].toString(), critical);
    QCOMPARE(object(answer)[u"status"_s].toString(), u"completed"_s);
    QVERIFY(object(answer)[u"nextAttemptAt"_s].isNull()); // nothing more will happen to it
    answer = request("POST", u"/api/v1/callbacks/"_s + critical + u"/complete"_s, m_read, "{}");
    QCOMPARE(answer.status, 409);
    QCOMPARE(errorCode(answer), u"invalid_transition"_s);
    answer = request("POST", u"/api/v1/callbacks/"_s + critical + u"/cancel"_s, m_read, R"({"reason":"x"})");
    QCOMPARE(answer.status, 409);

    answer = request("POST", u"/api/v1/callbacks/"_s + urgent + u"/cancel"_s, m_read,
                     R"({"reason":"Customer called again"})");
    QCOMPARE(answer.status, 200);
    QCOMPARE(object(answer)[u"status"_s].toString(), u"cancelled"_s);
    // Without a body, too.
    answer = request("POST", u"/api/v1/callbacks/"_s + normal + u"/cancel"_s, m_read, {});
    QCOMPARE(answer.status, 200);

    QCOMPARE(
        request("POST",
                u"/api/v1/callbacks/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u"/complete"_s,
                m_read, "{}")
            .status,
        404);
    QCOMPARE(request("POST", u"/api/v1/callbacks/"_s + urgent + u"/explode"_s, m_read, "{}").status, 404);
    QCOMPARE(request("GET", u"/api/v1/callbacks/"_s + urgent + u"/complete"_s, m_read).status, 405);
    QCOMPARE(request("POST", u"/api/v1/callbacks/"_s + urgent + u"/complete"_s, m_ingest, "{}").status, 401);

    // Open requests first, then the closed ones.
    queue = callbacks();
    QCOMPARE(queue.size(), 4);
    QCOMPARE(queue.at(0)[u"status"_s].toString(), u"pending"_s);
    QCOMPARE(queue.at(0)[u"callbackNumber"_s].toString(), u"+4930100001"_s);
    QStringList pending;
    for (const QJsonValue &item : callbacks(u"status=pending"_s))
        pending.append(item[u"callbackNumber"_s].toString());
    QCOMPARE(pending, QStringList{u"+4930100001"_s});
    QCOMPARE(callbacks(u"status=cancelled"_s).size(), 2);
    QCOMPARE(callbacks(u"status=completed"_s).size(), 1);
    QCOMPARE(get(u"/api/v1/callbacks?status=lost"_s).status, 400);
}

void TestApi::errorGroupActionsAndRegressions()
{
    const auto report = [&](const QString &id, const QString &message, qint64 at) {
        return postEvents(
                   backendEvent(
                       id, u"error"_s, at, backendCall(u"be-err-"_s + id),
                       {{u"code"_s, u"sms_failed"_s}, {u"severity"_s, u"medium"_s}, {u"message"_s, message}}))
            .status;
    };
    const qint64 t0 = now() - 40'000;
    QCOMPARE(report(u"e1"_s, u"SMS to +4915112345678 failed with 503"_s, t0), 200);
    QJsonArray groups = errors();
    QCOMPARE(groups.size(), 1);
    const QString id = groups.at(0)[u"id"_s].toString();
    QCOMPARE(groups.at(0)[u"severity"_s].toString(), u"medium"_s);
    QCOMPARE(groups.at(0)[u"regression"_s], QJsonValue(false));
    QVERIFY(isIsoUtcWithMs(groups.at(0)[u"firstSeen"_s]));

    const auto act = [&](const QString &action) {
        return request("POST", u"/api/v1/errors/"_s + id + u"/"_s + action, m_read, "{}");
    };
    QCOMPARE(act(u"reopen"_s).status, 409); // it is open
    HttpAnswer answer = act(u"resolve"_s);
    QCOMPARE(answer.status, 200);
    QCOMPARE(object(answer)[u"status"_s].toString(), u"resolved"_s);
    QCOMPARE(act(u"resolve"_s).status, 409);
    QCOMPARE(errors(u"status=unresolved"_s).size(), 0);
    QCOMPARE(errors(u"status=resolved"_s).size(), 1);

    // It happens again (another number, another code in the message: the same problem).
    QCOMPARE(report(u"e2"_s, u"SMS to +4917699887766 failed with 502"_s, t0 + 5000), 200);
    groups = errors();
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.at(0)[u"status"_s].toString(), u"unresolved"_s);
    QCOMPARE(groups.at(0)[u"regression"_s], QJsonValue(true));
    QCOMPARE(groups.at(0)[u"count"_s].toInt(), 2);

    answer = act(u"reopen"_s); // acknowledged: still open, no longer flagged
    QCOMPARE(answer.status, 200);
    QCOMPARE(object(answer)[u"regression"_s], QJsonValue(false));
    QCOMPARE(object(answer)[u"status"_s].toString(), u"unresolved"_s);

    QCOMPARE(act(u"ignore"_s).status, 200);
    QCOMPARE(report(u"e3"_s, u"SMS to +4917600000000 failed with 500"_s, t0 + 9000), 200);
    groups = errors(u"status=ignored"_s);
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.at(0)[u"count"_s].toInt(), 3);
    QCOMPARE(groups.at(0)[u"regression"_s], QJsonValue(false));
    QCOMPARE(act(u"reopen"_s).status, 200);
    QCOMPARE(errors(u"status=unresolved"_s).size(), 1);

    // A different problem is another group; filters by severity.
    QCOMPARE(postEvents(backendEvent(u"e4"_s, u"error"_s, t0 + 9500, backendCall(u"be-err-x"_s),
                                     {{u"code"_s, u"db_down"_s},
                                      {u"severity"_s, u"critical"_s},
                                      {u"message"_s, u"Database unreachable"_s}}))
                 .status,
             200);
    QCOMPARE(errors().size(), 2);
    QCOMPARE(errors().at(0)[u"code"_s].toString(), u"db_down"_s); // most recent first
    QCOMPARE(errors(u"severity=critical"_s).size(), 1);
    QCOMPARE(errors(u"severity=medium"_s).size(), 1);
    QCOMPARE(get(u"/api/v1/errors?status=forgotten"_s).status, 400);
    QCOMPARE(request("POST", u"/api/v1/errors/"_s + id + u"/delete"_s, m_read, "{}").status, 404);

    // Ignored until it happens twice more: the second brings it back (not as a regression).
    const auto ignore = [&](const QByteArray &body) {
        return request("POST", u"/api/v1/errors/"_s + id + u"/ignore"_s, m_read, body);
    };
    for (const QByteArray &bad :
         {QByteArray("{\"untilCount\": 0}"), QByteArray("{\"untilCount\": 1.5}"),
          QByteArray("{\"untilCount\": \"2\"}"), QByteArray("{\"until\": \"tomorrow\"}"),
          QByteArray("{\"until\": \"2001-01-01T00:00:00Z\"}")}) {
        const HttpAnswer refused = ignore(bad);
        QVERIFY2(refused.status == 400, bad.constData());
        QCOMPARE(object(refused)[u"error"_s].toString(), u"invalid_payload"_s);
    }
    QCOMPARE(ignore("[1]").status, 400);
    QCOMPARE(errors(u"status=unresolved"_s).size(), 2); // nothing changed
    QCOMPARE(ignore("{\"untilCount\": 2, \"until\": \"2999-01-01T00:00:00Z\"}").status, 200);
    QCOMPARE(report(u"e5"_s, u"SMS to +4917600000001 failed with 500"_s, t0 + 10'000), 200);
    QCOMPARE(errors(u"status=ignored"_s).size(), 1);
    QCOMPARE(report(u"e6"_s, u"SMS to +4917600000002 failed with 500"_s, t0 + 11'000), 200);
    groups = errors(u"status=unresolved&severity=medium"_s);
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.at(0)[u"count"_s].toInt(), 5);
    QCOMPARE(groups.at(0)[u"regression"_s], QJsonValue(false));

    // Ordered by count; a time range counts only the groups seen in it.
    QCOMPARE(errors(u"order=count"_s).at(0)[u"code"_s].toString(), u"sms_failed"_s);
    QCOMPARE(get(u"/api/v1/errors?order=loudest"_s).status, 400);
    QCOMPARE(get(u"/api/v1/errors?from=yesterday"_s).status, 400);
    QCOMPARE(errors(u"from=2999-01-01T00:00:00Z"_s).size(), 0);
    QCOMPARE(errors(u"provider=backend"_s).size(), 2);
    QCOMPARE(errors(u"provider=retell"_s).size(), 0);
}

void TestApi::outcomeStatsCountEveryCallInItsBucket()
{
    const qint64 start = now() - 200'000;
    const SampleCalls::Call retell = SampleCalls::retell(m_secrets, u"call_stats"_s, start);
    const SampleCalls::Call vapi = SampleCalls::vapi(m_secrets, u"vapi-stats"_s, start + 20'000);
    deliver(retell);
    deliver(vapi);
    // A backend-only call three hours ago, still without an outcome.
    QCOMPARE(postEvents(backendEvent(u"st-1"_s, u"flow.transition"_s, now() - 3 * 3'600'000,
                                     backendCall(u"be-old"_s), {{u"from"_s, u"a"_s}, {u"to"_s, u"b"_s}}))
                 .status,
             200);

    const QString from = QString::fromLatin1(QUrl::toPercentEncoding(iso(now() - 5 * 3'600'000)));
    const QJsonObject hourly = getObject(u"/api/v1/stats/outcomes?interval=hour&from="_s + from);
    const QJsonArray buckets = hourly[u"buckets"_s].toArray();
    QVERIFY2(buckets.size() == 6 || buckets.size() == 7, qPrintable(QString::number(buckets.size())));
    qint64 total = 0, previous = 0;
    QHash<QString, qint64> byOutcome;
    for (const QJsonValue &bucket : buckets) {
        QCOMPARE(keys(bucket.toObject()), sorted({u"start"_s, u"total"_s, u"completed"_s, u"no_answer"_s,
                                                  u"busy"_s, u"failed"_s, u"voicemail"_s, u"transferred"_s}));
        QVERIFY(isIsoUtcWithMs(bucket[u"start"_s]));
        const qint64 at =
            QDateTime::fromString(bucket[u"start"_s].toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        QCOMPARE(at % 3'600'000, 0);                          // whole hours
        QVERIFY(previous == 0 || at - previous == 3'600'000); // none left out
        previous = at;
        total += bucket[u"total"_s].toInteger();
        for (const QString &outcome :
             {u"completed"_s, u"no_answer"_s, u"busy"_s, u"failed"_s, u"voicemail"_s, u"transferred"_s})
            byOutcome[outcome] += bucket[outcome].toInteger();
    }
    QCOMPARE(total, 3);
    QHash<QString, qint64> expected;
    ++expected[retell.expected.outcome];
    ++expected[vapi.expected.outcome];
    for (auto it = byOutcome.cbegin(); it != byOutcome.cend(); ++it)
        QCOMPARE(it.value(), expected.value(it.key()));
    // The last bucket holds the two calls of a few minutes ago (or the one before it, at an hour's turn).
    QVERIFY(buckets.last()[u"total"_s].toInteger() + buckets.at(buckets.size() - 2)[u"total"_s].toInteger() >=
            2);

    // By day (the default): today's bucket has them all; a window before them has none.
    const QJsonArray daily = getObject(u"/api/v1/stats/outcomes"_s)[u"buckets"_s].toArray();
    QVERIFY(daily.size() >= 30 && daily.size() <= 31);
    qint64 dailyTotal = 0;
    for (const QJsonValue &bucket : daily)
        dailyTotal += bucket[u"total"_s].toInteger();
    QCOMPARE(dailyTotal, 3);
    const QString before = QString::fromLatin1(QUrl::toPercentEncoding(iso(now() - 10 * 3'600'000)));
    const QString after = QString::fromLatin1(QUrl::toPercentEncoding(iso(now() - 4 * 3'600'000)));
    qint64 early = 0;
    for (const QJsonValue &bucket :
         getObject(u"/api/v1/stats/outcomes?interval=hour&from="_s + before + u"&to="_s + after)[u"buckets"_s]
             .toArray())
        early += bucket[u"total"_s].toInteger();
    QCOMPARE(early, 0);

    const QStringList bads{u"interval=week"_s, u"from=yesterday"_s,
                           QString(u"from="_s + after + u"&to="_s + before),
                           u"interval=hour&from=2000-01-01T00:00:00Z"_s};
    for (const QString &bad : bads) {
        const HttpAnswer answer = get(u"/api/v1/stats/outcomes?"_s + bad);
        QVERIFY2(answer.status == 400, qPrintable(bad));
        QCOMPARE(errorCode(answer), u"invalid_query"_s);
    }
    QCOMPARE(get(u"/api/v1/stats/outcomes"_s, m_ingest).status, 401);
}

void TestApi::functionStatsHaveCountsAndPercentiles()
{
    const qint64 t0 = now() - 600'000;
    QJsonArray events;
    // 100 successes of 10, 20, ... 1000 ms, 3 failures of 5 s and 2 timeouts of 10 s.
    for (int i = 1; i <= 105; ++i) {
        const QString id = u"fs-%1"_s.arg(i);
        const QJsonObject call = backendCall(u"be-fs-%1"_s.arg(i % 10));
        events.append(backendEvent(id + u"s"_s, u"tool_call.started"_s, t0 + i * 1000, call,
                                   {{u"toolCallId"_s, id}, {u"name"_s, u"lookup_patient"_s}}));
        if (i <= 100) {
            events.append(backendEvent(id + u"e"_s, u"tool_call.succeeded"_s, t0 + i * 1000 + i * 10, call,
                                       {{u"toolCallId"_s, id}, {u"result"_s, true}}));
        } else {
            const bool timeout = i > 103;
            events.append(backendEvent(
                id + u"e"_s, u"tool_call.failed"_s, t0 + i * 1000 + (timeout ? 10'000 : 5'000), call,
                {{u"toolCallId"_s, id},
                 {u"error"_s, QJsonObject{{u"code"_s, timeout ? u"timeout"_s : u"crm_down"_s},
                                          {u"message"_s, u"x"_s}}}}));
        }
    }
    events.append(backendEvent(u"fs-other-s"_s, u"tool_call.started"_s, t0, backendCall(u"be-fs-x"_s),
                               {{u"toolCallId"_s, u"o"_s}, {u"name"_s, u"send_sms"_s}}));
    QCOMPARE(object(postEvents(batch(events)))[u"accepted"_s].toInt(), 211);

    const QJsonArray functions = getObject(u"/api/v1/stats/functions"_s)[u"functions"_s].toArray();
    QCOMPARE(functions.size(), 2);
    const QJsonObject lookup = functions.at(0).toObject(); // the busiest first
    QCOMPARE(keys(lookup),
             sorted({u"name"_s, u"calls"_s, u"errors"_s, u"timeouts"_s, u"p50Ms"_s, u"p95Ms"_s, u"p99Ms"_s}));
    QCOMPARE(lookup[u"name"_s].toString(), u"lookup_patient"_s);
    QCOMPARE(lookup[u"calls"_s].toInt(), 105);
    QCOMPARE(lookup[u"errors"_s].toInt(), 3);
    QCOMPARE(lookup[u"timeouts"_s].toInt(), 2);
    QCOMPARE(lookup[u"p50Ms"_s].toInteger(), 530);    // nearest rank 53 of 105
    QCOMPARE(lookup[u"p95Ms"_s].toInteger(), 1000);   // rank 100
    QCOMPARE(lookup[u"p99Ms"_s].toInteger(), 10'000); // rank 104
    const QJsonObject pending = functions.at(1).toObject();
    QCOMPARE(pending[u"name"_s].toString(), u"send_sms"_s);
    QCOMPARE(pending[u"calls"_s].toInt(), 1);
    QVERIFY(pending[u"p50Ms"_s].isNull()); // still running: no duration yet

    // A window that ends before them holds none.
    const QString to = QString::fromLatin1(QUrl::toPercentEncoding(iso(t0 - 1)));
    QCOMPARE(getObject(u"/api/v1/stats/functions?to="_s + to)[u"functions"_s].toArray().size(), 0);
    QCOMPARE(get(u"/api/v1/stats/functions?from=soon"_s).status, 400);
}

// ---------------------------------------------------------------------------------------------
// Operations

void TestApi::metricsParseAndTheirCountersMove()
{
    const auto scrape = [&]() {
        const HttpAnswer answer = request("GET", u"/metrics"_s, QString()); // no token needed
        if (answer.status != 200 || !answer.header("content-type").startsWith("text/plain"))
            qWarning("GET /metrics: %d %s", answer.status, answer.header("content-type").constData());
        return parsePrometheus(answer.body);
    };
    const Exposition before = scrape();
    QVERIFY2(before.error.isEmpty(), qPrintable(before.error));
    for (const QString &family :
         {u"callscope_receipts_total"_s, u"callscope_ingest_seconds"_s, u"callscope_commit_batch_size"_s,
          u"callscope_queue_depth"_s, u"callscope_callbacks"_s, u"callscope_dispatcher_attempts_total"_s})
        QVERIFY2(before.types.contains(family), qPrintable(family));
    QCOMPARE(before.types.value(u"callscope_receipts_total"_s), u"counter"_s);
    QCOMPARE(before.types.value(u"callscope_queue_depth"_s), u"gauge"_s);

    const SampleCalls::Call sample = SampleCalls::retell(m_secrets, u"call_metrics"_s, now() - 120'000);
    deliver(sample);
    deliver(sample); // all duplicates now
    SampleCalls::Delivery forged = sample.deliveries.at(0);
    forged.body.replace("call_metrics", "call_forged!");
    HttpClient client(m_server->port());
    QCOMPARE(client.exchange(SampleCalls::httpRequest(forged, m_server->host())).status, 401);
    QCOMPARE(postEvents(backendEvent(u"m-1"_s, u"callback.requested"_s, now(), {},
                                     {{u"callbackNumber"_s, u"+4930777"_s}, {u"urgency"_s, u"normal"_s}}))
                 .status,
             200);
    QCOMPARE(request("POST", u"/api/v1/events"_s, u"cs_ingest_nope"_s, "{}").status, 401);

    const Exposition after = scrape();
    QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
    const auto delta = [&](const QString &key) { return after.value(key) - before.value(key); };
    QCOMPARE(delta(u"callscope_receipts_total{provider=\"retell\",result=\"accepted\"}"_s),
             double(sample.deliveries.size()));
    QCOMPARE(delta(u"callscope_receipts_total{provider=\"retell\",result=\"duplicate\"}"_s),
             double(sample.deliveries.size()));
    QCOMPARE(delta(u"callscope_receipts_total{provider=\"retell\",result=\"bad_signature\"}"_s), 1.0);
    QCOMPARE(delta(u"callscope_receipts_total{provider=\"backend\",result=\"accepted\"}"_s), 1.0);
    QCOMPARE(delta(u"callscope_receipts_total{provider=\"backend\",result=\"unauthorized\"}"_s), 1.0);
    QVERIFY(delta(u"callscope_ingest_seconds_count"_s) >= double(sample.deliveries.size()));
    QVERIFY(delta(u"callscope_ingest_seconds_sum"_s) > 0);
    QVERIFY(delta(u"callscope_commit_batch_size_count"_s) >= 1);
    QCOMPARE(after.value(u"callscope_callbacks{state=\"pending\"}"_s), 1.0);
    for (const QString &family : {u"callscope_ingest_seconds"_s, u"callscope_commit_batch_size"_s}) {
        const QString problem = checkHistogram(after, family);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // The parser itself refuses what is not the format.
    QVERIFY(!parsePrometheus("callscope_x 1\n").error.isEmpty());              // no TYPE
    QVERIFY(!parsePrometheus("# TYPE a counter\na{b=c} 1\n").error.isEmpty()); // unquoted label
    QVERIFY(!parsePrometheus("# TYPE a counter\na 1\na 2\n").error.isEmpty()); // twice
    QVERIFY(parsePrometheus("# TYPE a counter\na{b=\"c\"} 1\n").error.isEmpty());
}

void TestApi::healthSaysWhatIsConfigured()
{
    const HttpAnswer answer = request("GET", u"/health"_s, QString());
    QCOMPARE(answer.status, 200);
    const QJsonObject health = object(answer);
    QCOMPARE(health[u"status"_s].toString(), u"ok"_s);
    QCOMPARE(health[u"store"_s].toString(), m_database.isPostgres() ? u"postgresql"_s : u"sqlite"_s);
    QVERIFY(health[u"queueDepth"_s].isDouble());
    QVERIFY(health[u"queueDepth"_s].toInt() >= 0);
    const QJsonObject providers = health[u"providers"_s].toObject();
    for (const QString &provider : {u"retell"_s, u"vapi"_s, u"ultravox"_s, u"livekit"_s, u"twilio"_s})
        QVERIFY2(providers[provider][u"configured"_s] == QJsonValue(true), qPrintable(provider));
    QCOMPARE(request("POST", u"/health"_s, QString(), "{}").status, 405);
}

// "Is my webhook working?": what the listener refused for a known tenant is counted in the store,
// a flood of refusals with one write a second.
void TestApi::refusedDeliveriesAreCountedForTheTenant()
{
    const auto scrapeWrites = [&] {
        return parsePrometheus(request("GET", u"/metrics"_s, QString()).body)
            .value(u"callscope_commit_batch_size_sum"_s);
    };
    const double writesBefore = scrapeWrites();
    QElapsedTimer flood;
    flood.start();
    HttpClient client(m_server->port());
    for (int i = 0; i < 50; ++i) {
        SampleCalls::Delivery forged =
            SampleCalls::retellStarted(m_secrets, u"call_%1"_s.arg(i), now(), u"clinic"_s);
        forged.body.replace("call_started", "call_ended__");
        QCOMPARE(client.exchange(SampleCalls::httpRequest(forged, m_server->host())).status, 401);
    }
    SampleCalls::Delivery events{Provider::Backend, "/t/clinic/api/v1/events", "application/json", {}, "{}"};
    QCOMPARE(client.exchange(SampleCalls::httpRequest(events, m_server->host())).status, 401);
    const qint64 floodMs = flood.elapsed();

    auto reader = StoreReader::open(m_url, m_url.password);
    QVERIFY(reader);
    const TenantId clinic = (*reader)->tenant(u"clinic"_s)->id;
    const auto stats = [&]() {
        QHash<QString, DeliveryStats> out;
        for (const DeliveryStats &row : (*reader)->deliveryStats(clinic).value_or(QList<DeliveryStats>()))
            out.insert(row.provider, row);
        return out;
    };
    QTRY_VERIFY_WITH_TIMEOUT(stats().value(u"retell"_s).rejected == 50 && stats().contains(u"backend"_s),
                             5'000);
    const DeliveryStats retell = stats().value(u"retell"_s);
    QCOMPARE(retell.lastRejectedReason, u"signature does not match"_s);
    QVERIFY(retell.lastRejectedAtMs && std::abs(*retell.lastRejectedAtMs - now()) < 60'000);
    QCOMPARE(retell.accepted, 0);
    QCOMPARE(stats().value(u"backend"_s).rejected, 1);
    QCOMPARE(stats().value(u"backend"_s).lastRejectedReason, u"no bearer token"_s);
    // Not one write per refusal (the dispatcher and the sweep may write beside them).
    const double writes = scrapeWrites() - writesBefore;
    QVERIFY2(writes <= 4 + floodMs / 1000, qPrintable(u"%1 writes in %2 ms"_s.arg(writes).arg(floodMs)));
    // A tenant the listener does not know is not counted anywhere.
    QCOMPARE(client
                 .exchange(SampleCalls::httpRequest(
                     SampleCalls::retellStarted(m_secrets, u"x"_s, now(), u"nope"_s), m_server->host()))
                 .status,
             404);
}

// A tenant deleted by another process while the server runs: the server refuses the
// tenant's deliveries as unknown (at once when it would write, within seconds when it would refuse
// anyway), and serves it again once it is created anew.
void TestApi::aTenantDeletedElsewhereIsNotFoundAndComesBack()
{
    const QString readToken = createToken(u"clinic"_s, u"read"_s);
    HttpClient client(m_server->port());
    const auto post = [&](const SampleCalls::Delivery &delivery) {
        return client.exchange(SampleCalls::httpRequest(delivery, m_server->host())).status;
    };
    const auto forged = [&](const QString &callId) {
        SampleCalls::Delivery delivery = SampleCalls::retellStarted(m_secrets, callId, now(), u"clinic"_s);
        delivery.body.replace("call_started", "call_ended__");
        return delivery;
    };
    QCOMPARE(post(SampleCalls::retellStarted(m_secrets, u"call_before"_s, now(), u"clinic"_s)), 200);
    QCOMPARE(post(forged(u"call_x"_s)), 401);
    QCOMPARE(get(u"/t/clinic/api/v1/calls"_s, readToken).status, 200);

    // This test is the other process, as `callscope-server tenant delete` would be.
    auto store = Store::open(m_url, m_url.password);
    QVERIFY(store);
    QVERIFY(await((*store)->deleteTenant(u"clinic"_s)));
    // Refused anyway: the listener learns it when what it remembers of the tenant expires.
    QTRY_COMPARE_WITH_TIMEOUT(post(forged(u"call_y"_s)), 404, 10'000);
    QCOMPARE(post(SampleCalls::retellStarted(m_secrets, u"call_after"_s, now(), u"clinic"_s)), 404);
    QTRY_COMPARE_WITH_TIMEOUT(get(u"/t/clinic/api/v1/calls"_s, readToken).status, 404, 10'000);

    QVERIFY(await((*store)->createTenant(u"clinic"_s, QString())));
    QCOMPARE(post(SampleCalls::retellStarted(m_secrets, u"call_again"_s, now(), u"clinic"_s)), 200);
    const QString newToken = createToken(u"clinic"_s, u"read"_s);
    const QJsonArray listed = getObject(u"/t/clinic/api/v1/calls"_s, newToken).value(u"calls"_s).toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0)[u"providerCallId"_s].toString(), u"call_again"_s);
}

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
