// SPDX-License-Identifier: GPL-3.0-or-later
// The callback dispatcher against a frontend API of the test's own (real HTTP over loopback) and a
// real store (SQLite or PostgreSQL, CALLSCOPE_TEST_BACKEND): queue order, the body and key of a
// hand-off, the backoff schedule on an injected clock, failures, staff retries, two dispatchers on
// one database, an hour-long outage, and a request left posting by a killed server.
#include "callbacks/callbackdispatcher.h"
#include "cli/options.h"
#include "fakefrontend.h"
#include "httpclient.h"
#include "serverprocess.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"
#include "writecontext.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qint64 t0 = 1'790'000'000'000;
constexpr qint64 minute = 60'000;

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

struct RequestSpec
{
    QString number;
    Urgency urgency = Urgency::Normal;
    qint64 atMs = t0;
    QString callerName;
    QString concern;
    QJsonObject details;
    QString providerCallId; // the backend's own call id; empty: a request without a call
    QString tenant = u"default"_s;
};

} // namespace

class TestDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void claimantNamesHostProcessAndDispatcher();
    void postsInQueueOrderWithTheSpecifiedBodyAndKey_data();
    void postsInQueueOrderWithTheSpecifiedBodyAndKey();
    void failuresFollowTheBackoffScheduleThenTheRequestIsDead_data();
    void failuresFollowTheBackoffScheduleThenTheRequestIsDead();
    void noAnswerAndRefusalAreFailuresWithClearErrors_data();
    void noAnswerAndRefusalAreFailuresWithClearErrors();
    void staffRetryOfADeadRequestPostsAtOnceAndStartsTheScheduleAgain();
    void twoDispatchersOnOneDatabaseNeverPostARequestTwice();
    void anHourLongFrontendOutageLosesNothing();
    void aRequestMergedAfterItWasPostedIsNotPostedAgain();
    void withoutAFrontendUrlRequestsWaitForStaff();
    void stoppingWhilePostingReleasesTheRequest();
    void anAbandonedAttemptDoesNotUseUpTheSchedule();
    void abandonedClaimsAreReleased_data();
    void abandonedClaimsAreReleased();
    void aRequestLeftPostingByAKilledServerIsPostedAfterRestart();
    void theDesktopsSettingsFillWhatItsCommandLineLeftOpen_data();
    void theDesktopsSettingsFillWhatItsCommandLineLeftOpen();

private:
    // Stores a backend's callback.requested event; the request's uuid.
    QString request(const RequestSpec &spec);
    CallbackRecord record(const QString &uuid, const QString &tenant = u"default"_s);
    QList<CallbackHistoryEntry> attempts(const QString &uuid);
    DispatcherConfig config() const;
    std::unique_ptr<CallbackDispatcher> dispatcher(const DispatcherConfig &config, Store *store = nullptr,
                                                   bool fakeClock = true);
    // Wakes the dispatcher and waits until a cycle ended with nothing due.
    bool settle(CallbackDispatcher &dispatcher, int timeoutMs = 20'000);
    // Waits until every write submitted before has committed.
    void barrier(Store &store);

    TestDatabase m_database;
    DatabaseUrl m_url;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<FakeFrontend> m_frontend;
    QHash<QString, QString> m_keys; // tenant → frontend.apiKey
    qint64 m_now = t0;
    int m_events = 0;
};

void TestDispatcher::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
}

void TestDispatcher::init()
{
    m_reader.reset();
    m_store.reset();
    m_url = m_database.fresh();
    auto store = Store::open(m_url, m_url.password);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
    auto reader = StoreReader::open(m_url, m_url.password);
    QVERIFY2(reader, reader ? "" : qPrintable(reader.error().message));
    m_reader = std::move(*reader);
    m_frontend = std::make_unique<FakeFrontend>();
    QVERIFY(m_frontend->listen());
    m_keys = {{u"default"_s, u"fk-default-7f3a"_s}};
    m_now = t0;
}

void TestDispatcher::cleanup()
{
    m_frontend.reset();
    m_reader.reset();
    m_store.reset();
}

QString TestDispatcher::request(const RequestSpec &spec)
{
    QJsonObject payload{{u"callbackNumber"_s, spec.number}, {u"urgency"_s, toString(spec.urgency)}};
    if (!spec.callerName.isEmpty())
        payload.insert(u"callerName"_s, spec.callerName);
    if (!spec.concern.isEmpty())
        payload.insert(u"concern"_s, spec.concern);
    if (!spec.details.isEmpty())
        payload.insert(u"details"_s, spec.details);
    CallEvent event;
    event.provider = Provider::Backend;
    event.providerCallId = spec.providerCallId;
    event.kind = EventKind::CallbackRequested;
    event.occurredAtMs = spec.atMs;
    event.payload = payload;
    const auto stored = await(m_store->ingest(IngestSubmission{
        spec.tenant,
        {makeUnit(Provider::Backend, u"cb-%1"_s.arg(++m_events), spec.providerCallId, {event})}}));
    if (!stored) {
        qWarning("ingest: %s", qPrintable(stored.error().message));
        return {};
    }
    const auto tenant = m_reader->tenant(spec.tenant);
    if (!tenant)
        return {};
    const auto open = m_reader->callbacks(tenant->id);
    for (const CallbackRecord &r : open ? *open : QList<CallbackRecord>()) {
        if (r.callbackNumber == spec.number && r.isOpen())
            return r.uuid;
    }
    qWarning("no open request for %s", qPrintable(spec.number));
    return {};
}

CallbackRecord TestDispatcher::record(const QString &uuid, const QString &tenant)
{
    const auto id = m_reader->tenant(tenant);
    if (!id)
        return {};
    const auto found = m_reader->callback(id->id, uuid);
    if (!found) {
        qWarning("callback %s: %s", qPrintable(uuid), qPrintable(found.error().message));
        return {};
    }
    return *found;
}

QList<CallbackHistoryEntry> TestDispatcher::attempts(const QString &uuid)
{
    const CallbackRecord r = record(uuid);
    const auto history = m_reader->callbackHistory(m_reader->tenant(u"default"_s)->id, r.id);
    QList<CallbackHistoryEntry> out;
    for (const CallbackHistoryEntry &entry : history ? *history : QList<CallbackHistoryEntry>()) {
        if (entry.action == "attempt"_L1)
            out << entry;
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.attempt < b.attempt; });
    return out;
}

DispatcherConfig TestDispatcher::config() const
{
    DispatcherConfig config;
    config.frontendUrl = m_frontend->url(u"/hooks/callbacks?source=callscope"_s);
    config.timeout = 5s;
    config.pollInterval = 1h; // the tests wake it; a change to the queue does too
    return config;
}

std::unique_ptr<CallbackDispatcher> TestDispatcher::dispatcher(const DispatcherConfig &config, Store *store,
                                                               bool fakeClock)
{
    // Answered later, as the keychain does.
    auto lookup = [this](const QString &tenant, std::function<void(const QString &)> done) {
        QTimer::singleShot(0, this, [done = std::move(done), key = m_keys.value(tenant)] { done(key); });
    };
    auto made = std::make_unique<CallbackDispatcher>(store ? store : m_store.get(), config, lookup);
    if (fakeClock)
        made->setClock([this] { return m_now; });
    return made;
}

bool TestDispatcher::settle(CallbackDispatcher &dispatcher, int timeoutMs)
{
    QSignalSpy idle(&dispatcher, &CallbackDispatcher::idle);
    dispatcher.wake();
    return QTest::qWaitFor([&] { return !idle.isEmpty(); }, timeoutMs);
}

void TestDispatcher::barrier(Store &store)
{
    const auto done = await(store.write<bool>([](WriteContext &) -> Store::Result<bool> { return true; }));
    QVERIFY(done);
}

// ---------------------------------------------------------------------------------------------

void TestDispatcher::claimantNamesHostProcessAndDispatcher()
{
    const auto first = dispatcher(config());
    const auto second = dispatcher(config());
    const QStringList parts = first->claimant().split(u'#');
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.at(0), QSysInfo::machineHostName());
    QCOMPARE(parts.at(1).toLongLong(), QCoreApplication::applicationPid());
    QVERIFY(first->claimant() != second->claimant());
    QVERIFY(first->isEnabled());
}

void TestDispatcher::postsInQueueOrderWithTheSpecifiedBodyAndKey_data()
{
    QTest::addColumn<int>("batchSize");
    QTest::newRow("a batch smaller than the queue") << 2;
    QTest::newRow("a batch bigger than the queue") << 10;
}

void TestDispatcher::postsInQueueOrderWithTheSpecifiedBodyAndKey()
{
    QFETCH(int, batchSize);
    QVERIFY(await(m_store->createTenant(u"clinic"_s, u"Clinic"_s))); // no frontend key
    const QJsonObject details{{u"slot"_s, u"tue 10:00"_s}, {u"doctor"_s, u"Weber"_s}};
    const QString a = request(
        {u"+493055500001"_s, Urgency::Normal, t0 + 1000, u"Ada"_s, u"reschedule"_s, details, u"call-a"_s});
    const QString b = request({u"+493055500002"_s, Urgency::Critical, t0 + 5000});
    const QString c = request({u"+493055500003"_s, Urgency::Urgent, t0 + 2000});
    const QString dd = request({u"+493055500004"_s, Urgency::Normal, t0});
    const QString e = request({u"+493055500005"_s, Urgency::Critical, t0 + 3000});
    const QString f = request({u"+493055500006"_s, Urgency::Urgent, t0 + 4000});
    RequestSpec clinic{u"+493055500007"_s, Urgency::Urgent, t0 + 2500};
    clinic.tenant = u"clinic"_s;
    const QString g = request(clinic);
    for (const QString &uuid : {a, b, c, dd, e, f, g})
        QVERIFY(!uuid.isEmpty());

    DispatcherConfig settings = config();
    settings.batchSize = batchSize;
    const auto d = dispatcher(settings);
    QSignalSpy finished(d.get(), &CallbackDispatcher::attemptFinished);
    QSignalSpy idle(d.get(), &CallbackDispatcher::idle);
    d->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 7, 20'000);
    QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty(), 20'000);

    // critical > urgent > normal, then oldest, across tenants
    QCOMPARE(m_frontend->receivedIds(), (QStringList{e, b, c, g, f, dd, a}));
    for (const QList<QVariant> &emission : std::as_const(finished)) {
        QCOMPARE(emission.at(1).toInt(), 1);
        QCOMPARE(emission.at(2).toString(), u"posted"_s);
    }
    QCOMPARE(d->counts().posted, quint64(7));
    QCOMPARE(d->counts().failed, quint64(0));

    const QStringList keys = sorted({u"id"_s, u"tenant"_s, u"callbackNumber"_s, u"callerName"_s, u"concern"_s,
                                     u"details"_s, u"urgency"_s, u"callId"_s, u"createdAt"_s, u"attempt"_s});
    static const QRegularExpression isoMs(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
    for (const FakeFrontend::Received &r : m_frontend->received()) {
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, QByteArray("/hooks/callbacks?source=callscope"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(sorted(r.json.keys()), keys);
        QVERIFY2(isoMs.match(r.json.value(u"createdAt"_s).toString()).hasMatch(),
                 qPrintable(r.json.value(u"createdAt"_s).toString()));
        QCOMPARE(r.json.value(u"attempt"_s).toInt(), 1);
        const bool fromClinic = r.json.value(u"id"_s).toString() == g;
        QCOMPARE(r.json.value(u"tenant"_s).toString(), fromClinic ? u"clinic"_s : u"default"_s);
        if (fromClinic)
            QVERIFY2(!r.headers.contains("authorization"), "a tenant without a key sends none");
        else
            QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer fk-default-7f3a"));
    }

    const auto call =
        m_reader->callByProviderId(m_reader->tenant(u"default"_s)->id, Provider::Backend, u"call-a"_s);
    QVERIFY(call);
    const QJsonObject full = m_frontend->received().last().json;
    QCOMPARE(full.value(u"id"_s).toString(), a);
    QCOMPARE(full.value(u"callbackNumber"_s).toString(), u"+493055500001"_s);
    QCOMPARE(full.value(u"callerName"_s).toString(), u"Ada"_s);
    QCOMPARE(full.value(u"concern"_s).toString(), u"reschedule"_s);
    QCOMPARE(full.value(u"details"_s).toObject(), details);
    QCOMPARE(full.value(u"urgency"_s).toString(), u"normal"_s);
    QCOMPARE(full.value(u"callId"_s).toString(), call->uuid);
    QCOMPARE(full.value(u"createdAt"_s).toString(), iso(t0 + 1000));
    const QJsonObject bare = m_frontend->received().at(1).json;
    QCOMPARE(bare.value(u"id"_s).toString(), b);
    QCOMPARE(bare.value(u"urgency"_s).toString(), u"critical"_s);
    for (const QString &empty : {u"callerName"_s, u"concern"_s, u"details"_s, u"callId"_s})
        QVERIFY2(bare.value(empty).isNull(), qPrintable(empty));

    for (const QString &uuid : {a, b, c, dd, e, f}) {
        const CallbackRecord r = record(uuid);
        QCOMPARE(r.status, u"posted"_s);
        QCOMPARE(r.attempts, 1);
        QVERIFY(r.claimedBy.isEmpty());
    }
    QCOMPARE(record(g, u"clinic"_s).status, u"posted"_s);
    const auto tried = attempts(a);
    QCOMPARE(tried.size(), 1);
    QCOMPARE(tried.first().result, u"posted"_s);
    QCOMPARE(tried.first().httpStatus, std::optional<int>(200));
}

void TestDispatcher::failuresFollowTheBackoffScheduleThenTheRequestIsDead_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::newRow("the default 5m,15m,1h: four attempts") << u"5m,15m,1h"_s;
    QTest::newRow("a test schedule 1s,2s: three attempts") << u"1s,2s"_s;
    QTest::newRow("one retry after 30s: two attempts") << u"30s"_s;
}

void TestDispatcher::failuresFollowTheBackoffScheduleThenTheRequestIsDead()
{
    QFETCH(QString, schedule);
    const auto parsed = parseDurationList(schedule);
    QVERIFY(parsed);
    const QList<std::chrono::milliseconds> backoff = *parsed;
    m_frontend->setMode(FakeFrontend::Mode::Error);
    const QString uuid = request({u"+493055501000"_s, Urgency::Urgent, t0});
    QVERIFY(!uuid.isEmpty());
    DispatcherConfig settings = config();
    settings.backoff = backoff;
    const auto d = dispatcher(settings);
    QSignalSpy finished(d.get(), &CallbackDispatcher::attemptFinished);
    d->start();
    QVERIFY(settle(*d));
    QCOMPARE(m_frontend->received().size(), 1);

    for (qsizetype i = 0; i < backoff.size(); ++i) {
        const CallbackRecord failed = record(uuid);
        QCOMPARE(failed.status, u"failed"_s);
        QCOMPARE(failed.attempts, int(i + 1));
        QCOMPARE(failed.nextAttemptAt, std::optional<qint64>(m_now + backoff.at(i).count()));
        QVERIFY2(failed.lastError.contains(u"HTTP 500"_s) && failed.lastError.contains(u"maintenance"_s),
                 qPrintable(failed.lastError));

        m_now += backoff.at(i).count() - 1; // not yet due
        QVERIFY(settle(*d));
        QCOMPARE(m_frontend->received().size(), i + 1);
        QCOMPARE(record(uuid).status, u"failed"_s);

        m_now += 1; // due
        QVERIFY(settle(*d));
        QCOMPARE(m_frontend->received().size(), i + 2);
        QCOMPARE(m_frontend->received().last().json.value(u"attempt"_s).toInt(), int(i + 2));
        QCOMPARE(m_frontend->received().last().json.value(u"id"_s).toString(), uuid);
    }
    const CallbackRecord dead = record(uuid);
    QCOMPARE(dead.status, u"dead"_s);
    QCOMPARE(dead.attempts, int(backoff.size() + 1));
    QVERIFY(!dead.nextAttemptAt);

    m_now += 24 * 60 * minute; // a dead request is not posted again by itself
    QVERIFY(settle(*d));
    QCOMPARE(m_frontend->received().size(), backoff.size() + 1);

    QCOMPARE(finished.size(), backoff.size() + 1);
    for (qsizetype i = 0; i < finished.size(); ++i) {
        QCOMPARE(finished.at(i).at(1).toInt(), int(i + 1));
        QCOMPARE(finished.at(i).at(2).toString(), i < backoff.size() ? u"failed"_s : u"dead"_s);
    }
    QCOMPARE(d->counts().failed, quint64(backoff.size() + 1));
    const auto tried = attempts(uuid);
    QCOMPARE(tried.size(), backoff.size() + 1);
    for (const CallbackHistoryEntry &attempt : tried) {
        QCOMPARE(attempt.result, u"failed"_s);
        QCOMPARE(attempt.httpStatus, std::optional<int>(500));
        QVERIFY2(attempt.detail.contains(u"HTTP 500"_s), qPrintable(attempt.detail));
        QVERIFY(attempt.finishedAt);
    }
}

void TestDispatcher::noAnswerAndRefusalAreFailuresWithClearErrors_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("reached");
    QTest::newRow("a frontend that never answers times out")
        << int(FakeFrontend::Mode::Hang) << u"within 700 ms (timeout)"_s << 1;
    QTest::newRow("a frontend that is down refuses the connection")
        << int(FakeFrontend::Mode::Refuse) << u"connection refused"_s << 0;
}

void TestDispatcher::noAnswerAndRefusalAreFailuresWithClearErrors()
{
    QFETCH(int, mode);
    QFETCH(QString, error);
    QFETCH(int, reached);
    m_frontend->setMode(FakeFrontend::Mode(mode));
    const QString uuid = request({u"+493055502000"_s, Urgency::Normal, t0});
    DispatcherConfig settings = config();
    settings.timeout = 700ms;
    const auto d = dispatcher(settings);
    QSignalSpy finished(d.get(), &CallbackDispatcher::attemptFinished);
    d->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
    QCOMPARE(finished.first().at(2).toString(), u"failed"_s);
    QCOMPARE(m_frontend->received().size(), reached);

    const CallbackRecord failed = record(uuid);
    QCOMPARE(failed.status, u"failed"_s);
    QVERIFY2(failed.lastError.contains(error), qPrintable(failed.lastError));
    QVERIFY2(failed.lastError.contains(u"127.0.0.1:"_s), qPrintable(failed.lastError));
    QCOMPARE(failed.nextAttemptAt, std::optional<qint64>(m_now + 5 * minute));
    const auto tried = attempts(uuid);
    QCOMPARE(tried.size(), 1);
    QCOMPARE(tried.first().result, u"failed"_s);
    QVERIFY(!tried.first().httpStatus);
    QCOMPARE(tried.first().detail, failed.lastError);
}

void TestDispatcher::staffRetryOfADeadRequestPostsAtOnceAndStartsTheScheduleAgain()
{
    m_frontend->setMode(FakeFrontend::Mode::Error);
    const QString uuid = request({u"+493055503000"_s, Urgency::Critical, t0});
    DispatcherConfig settings = config();
    settings.backoff = {1min};
    const auto d = dispatcher(settings);
    d->start();
    QVERIFY(settle(*d));
    m_now += minute;
    QVERIFY(settle(*d));
    QCOMPARE(record(uuid).status, u"dead"_s);
    QCOMPARE(m_frontend->received().size(), 2);

    // Staff retries: the change to the queue wakes the dispatcher, no wake() here.
    QSignalSpy finished(d.get(), &CallbackDispatcher::attemptFinished);
    QVERIFY(await(m_store->callbackAction(u"default"_s, uuid, Store::CallbackAction::Retry, {}, u"ana"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
    QCOMPARE(m_frontend->received().size(), 3);
    QCOMPARE(m_frontend->received().last().json.value(u"attempt"_s).toInt(), 3);
    CallbackRecord again = record(uuid);
    QCOMPARE(again.status, u"failed"_s); // the schedule began again: one more retry, not dead at once
    QCOMPARE(again.nextAttemptAt, std::optional<qint64>(m_now + minute));
    m_now += minute;
    QVERIFY(settle(*d));
    QCOMPARE(record(uuid).status, u"dead"_s);
    QCOMPARE(m_frontend->received().size(), 4);

    m_frontend->setMode(FakeFrontend::Mode::Ok);
    QVERIFY(await(m_store->callbackAction(u"default"_s, uuid, Store::CallbackAction::Retry, {}, u"ana"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20'000);
    QCOMPARE(finished.last().at(2).toString(), u"posted"_s);
    again = record(uuid);
    QCOMPARE(again.status, u"posted"_s);
    QCOMPARE(again.attempts, 5);
    QCOMPARE(m_frontend->acceptedIds(), QStringList{uuid});
}

void TestDispatcher::twoDispatchersOnOneDatabaseNeverPostARequestTwice()
{
    auto second = Store::open(m_url, m_url.password);
    QVERIFY2(second, second ? "" : qPrintable(second.error().message));
    std::unique_ptr<Store> other = std::move(*second);
    DispatcherConfig settings = config();
    settings.batchSize = 3;
    settings.pollInterval = 100ms; // a store announces only its own writes
    const auto one = dispatcher(settings, m_store.get(), false);
    const auto two = dispatcher(settings, other.get(), false);

    // Most of the queue is there when both start and race for its head; the rest comes meanwhile.
    constexpr int count = 40;
    for (int i = 0; i < count; ++i) {
        if (i == 30) {
            one->start();
            two->start();
        }
        if (i % 2 == 1) {
            CallEvent event;
            event.kind = EventKind::CallbackRequested;
            event.occurredAtMs = t0 + i;
            event.payload = QJsonObject{{u"callbackNumber"_s, u"+4930556%1"_s.arg(i, 5, 10, QChar(u'0'))},
                                        {u"urgency"_s, u"normal"_s}};
            QVERIFY(await(other->ingest(IngestSubmission{
                u"default"_s, {makeUnit(Provider::Backend, u"two-%1"_s.arg(i), {}, {event})}})));
            continue;
        }
        QVERIFY(!request({u"+4930556%1"_s.arg(i, 5, 10, QChar(u'0')), Urgency::Normal, t0 + i}).isEmpty());
    }
    const auto everyRequest = [&] {
        const auto all = m_reader->callbacks(m_reader->tenant(u"default"_s)->id);
        return all ? *all : QList<CallbackRecord>();
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        std::ranges::all_of(everyRequest(),
                            [](const CallbackRecord &r) { return r.status == "posted"_L1; }) &&
            everyRequest().size() == count,
        40'000);
    QVERIFY(settle(*one));
    QVERIFY(settle(*two));

    const QStringList received = m_frontend->receivedIds();
    QCOMPARE(received.size(), count);
    QCOMPARE(QSet<QString>(received.begin(), received.end()).size(), qsizetype(count));
    for (const CallbackRecord &r : everyRequest())
        QCOMPARE(r.attempts, 1);
    QCOMPARE(one->counts().posted + two->counts().posted, quint64(count));
    qInfo("first dispatcher posted %llu, second %llu", one->counts().posted, two->counts().posted);
}

void TestDispatcher::anHourLongFrontendOutageLosesNothing()
{
    const auto d = dispatcher(config()); // 5m, 15m, 1h
    d->start();
    QStringList uuids;
    // Down (refusing, then answering 500) from minute 0 to 60; requests keep coming every 7 minutes.
    for (int at = 0; at <= 150; ++at) {
        m_now = t0 + at * minute;
        m_frontend->setMode(at < 30   ? FakeFrontend::Mode::Refuse
                            : at < 60 ? FakeFrontend::Mode::Error
                                      : FakeFrontend::Mode::Ok);
        if (at % 7 == 0 && at <= 63)
            uuids << request({u"+4930557%1"_s.arg(at, 4, 10, QChar(u'0')), Urgency::Normal, m_now});
        QVERIFY2(settle(*d), qPrintable(u"minute %1"_s.arg(at)));
    }
    QCOMPARE(uuids.size(), 10);
    for (const QString &uuid : std::as_const(uuids)) {
        const CallbackRecord r = record(uuid);
        QVERIFY2(r.status == "posted"_L1, qPrintable(uuid + u' ' + r.status + u' ' + r.lastError));
    }
    const QStringList accepted = m_frontend->acceptedIds();
    QCOMPARE(sorted(accepted), sorted(uuids));    // each exactly once
    QVERIFY(record(uuids.first()).attempts == 4); // failed at 0, 5 and 20; posted at 80
    QVERIFY(d->counts().failed > 0);
}

void TestDispatcher::aRequestMergedAfterItWasPostedIsNotPostedAgain()
{
    const auto d = dispatcher(config());
    d->start();
    const QString uuid = request({u"+493055504000"_s, Urgency::Normal, t0, {}, u"invoice question"_s});
    QTRY_COMPARE_WITH_TIMEOUT(m_frontend->received().size(), 1, 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(record(uuid).status, u"posted"_s, 20'000);

    QSignalSpy changed(m_store.get(), &Store::changed);
    const QString merged =
        request({u"+493055504000"_s, Urgency::Urgent, t0 + minute, {}, u"wants a new appointment"_s});
    QCOMPARE(merged, uuid);
    QTRY_VERIFY(!changed.isEmpty()); // the dispatcher heard of it
    QVERIFY(settle(*d));
    const CallbackRecord r = record(uuid);
    QCOMPARE(r.status, u"posted"_s);
    QCOMPARE(toString(r.urgency), u"urgent"_s);
    QVERIFY2(r.concern.contains(u"wants a new appointment"_s), qPrintable(r.concern));
    QCOMPARE(r.attempts, 1);
    QCOMPARE(m_frontend->received().size(), 1);
}

void TestDispatcher::withoutAFrontendUrlRequestsWaitForStaff()
{
    DispatcherConfig settings = config();
    settings.frontendUrl = QUrl();
    const auto d = dispatcher(settings);
    QVERIFY(!d->isEnabled());
    d->start();
    const QString first = request({u"+493055505000"_s, Urgency::Critical, t0});
    const QString second = request({u"+493055505001"_s, Urgency::Normal, t0});
    d->wake();
    QTest::qWait(200); // the change notification reached it
    barrier(*m_store); // and whatever it wrote committed
    for (const QString &uuid : {first, second}) {
        const CallbackRecord r = record(uuid);
        QCOMPARE(r.status, u"pending"_s);
        QCOMPARE(r.attempts, 0);
    }
    QCOMPARE(m_frontend->received().size(), 0);
    QSignalSpy stopped(d.get(), &CallbackDispatcher::stopped);
    d->stop();
    QTRY_COMPARE(stopped.size(), 1);
}

void TestDispatcher::stoppingWhilePostingReleasesTheRequest()
{
    m_frontend->setMode(FakeFrontend::Mode::Hang);
    const QString uuid = request({u"+493055506000"_s, Urgency::Normal, t0});
    DispatcherConfig settings = config();
    settings.timeout = 60s;
    auto d = dispatcher(settings);
    QSignalSpy finished(d.get(), &CallbackDispatcher::attemptFinished);
    d->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_frontend->received().size(), 1, 20'000);
    CallbackRecord posting = record(uuid);
    QCOMPARE(posting.status, u"posting"_s);
    QCOMPARE(posting.claimedBy, d->claimant());

    QSignalSpy stopped(d.get(), &CallbackDispatcher::stopped);
    d->stop();
    QCOMPARE(stopped.size(), 0); // not from inside stop()
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20'000);
    const CallbackRecord released = record(uuid);
    QCOMPARE(released.status, u"pending"_s);
    QVERIFY(released.claimedBy.isEmpty());
    QCOMPARE(finished.size(), 0);
    QCOMPARE(attempts(uuid).first().result, u"abandoned"_s);
    d.reset();

    m_frontend->setMode(FakeFrontend::Mode::Ok);
    const auto next = dispatcher(config());
    next->start();
    QTRY_COMPARE_WITH_TIMEOUT(record(uuid).status, u"posted"_s, 20'000);
    QCOMPARE(m_frontend->acceptedIds(), QStringList{uuid});
    QCOMPARE(m_frontend->received().last().json.value(u"attempt"_s).toInt(), 2);
}

// A post cut short by a stop (or a crash) is not a failure of the frontend: the next real failure
// still waits the first delay of the schedule.
void TestDispatcher::anAbandonedAttemptDoesNotUseUpTheSchedule()
{
    m_frontend->setMode(FakeFrontend::Mode::Hang);
    const QString uuid = request({u"+493055506100"_s, Urgency::Normal, t0});
    DispatcherConfig settings = config();
    settings.timeout = 60s;
    auto first = dispatcher(settings);
    first->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_frontend->received().size(), 1, 20'000);
    QSignalSpy stopped(first.get(), &CallbackDispatcher::stopped);
    first->stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 20'000);
    first.reset();
    QCOMPARE(record(uuid).status, u"pending"_s);

    m_frontend->setMode(FakeFrontend::Mode::Error);
    const auto next = dispatcher(config());
    next->start();
    QVERIFY(settle(*next));
    const CallbackRecord failed = record(uuid);
    QCOMPARE(failed.status, u"failed"_s);
    QCOMPARE(failed.attempts, 2);
    QCOMPARE(failed.nextAttemptAt, std::optional<qint64>(m_now + config().backoff.first().count()));
}

void TestDispatcher::abandonedClaimsAreReleased_data()
{
    QTest::addColumn<QString>("claimedBy");
    QTest::addColumn<bool>("releasedAtOnce");
    QProcess gone;
    gone.start(u"true"_s, {});
    QVERIFY(gone.waitForStarted(10'000));
    const qint64 gonePid = gone.processId();
    QVERIFY(gone.waitForFinished(10'000));
    const QString host = QSysInfo::machineHostName();
    QTest::newRow("this machine, a process that is gone: at once")
        << u"%1#%2#1"_s.arg(host).arg(gonePid) << true;
    QTest::newRow("this machine, a live process: after the lease")
        << u"%1#%2#7"_s.arg(host).arg(QCoreApplication::applicationPid()) << false;
    QTest::newRow("another machine: after the lease") << u"elsewhere.example#1#1"_s << false;
    QTest::newRow("a claimant that does not parse: after the lease") << u"somebody"_s << false;
}

void TestDispatcher::abandonedClaimsAreReleased()
{
    QFETCH(QString, claimedBy);
    QFETCH(bool, releasedAtOnce);
    const QString uuid = request({u"+493055507000"_s, Urgency::Normal, t0});
    // As a dispatcher elsewhere would have left it: claimed, counted, its attempt open.
    const qint64 claimedAt = m_now;
    QVERIFY(await(m_store->write<bool>([=](WriteContext &context) -> Store::Result<bool> {
        if (auto done = context.execute(u"UPDATE callback_requests SET status = 'posting', attempts = 1, "
                                        "claimed_by = ?, claimed_at = ? WHERE uuid = ?"_s,
                                        {claimedBy, claimedAt, uuid});
            !done)
            return std::unexpected(done.error());
        if (auto done = context.execute(u"INSERT INTO callback_attempts (tenant_id, callback_id, attempt, "
                                        "started_at) SELECT tenant_id, id, 1, ? FROM callback_requests "
                                        "WHERE uuid = ?"_s,
                                        {claimedAt, uuid});
            !done)
            return std::unexpected(done.error());
        return true;
    })));
    DispatcherConfig settings = config();
    settings.timeout = 10s;
    settings.leaseGrace = 60s;
    const auto d = dispatcher(settings);
    d->start();
    QVERIFY(settle(*d));
    if (releasedAtOnce) {
        QCOMPARE(record(uuid).status, u"posted"_s);
    } else {
        QCOMPARE(record(uuid).status, u"posting"_s);
        QCOMPARE(m_frontend->received().size(), 0);
        m_now += 70'000; // timeout + grace: still within the lease
        QVERIFY(settle(*d));
        QCOMPARE(record(uuid).status, u"posting"_s);
        m_now += 1;
        QVERIFY(settle(*d));
        QCOMPARE(record(uuid).status, u"posted"_s);
    }
    QCOMPARE(m_frontend->acceptedIds(), QStringList{uuid});
    QCOMPARE(m_frontend->received().first().json.value(u"attempt"_s).toInt(), 2);
    const auto tried = attempts(uuid);
    QCOMPARE(tried.size(), 2);
    QCOMPARE(tried.at(0).result, u"abandoned"_s);
    QCOMPARE(tried.at(1).result, u"posted"_s);
}

void TestDispatcher::aRequestLeftPostingByAKilledServerIsPostedAfterRestart()
{
    const QByteArray secrets = R"({"default": {"frontend.apiKey": "fk-restart-91c2"}})";
    const QString uuid = request({u"+493055508000"_s, Urgency::Urgent, t0, u"Bo"_s, u"lab results"_s});
    QVERIFY(!uuid.isEmpty());
    const QStringList arguments{u"--frontend-url"_s, m_frontend->url(u"/handoff"_s).toString()};

    m_frontend->setMode(FakeFrontend::Mode::Hang);
    ServerProcess first;
    first.setSecrets(secrets);
    QVERIFY2(first.start(m_url, arguments), qPrintable(first.lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(m_frontend->received().size(), 1, 30'000);
    QCOMPARE(m_frontend->received().first().json.value(u"id"_s).toString(), uuid);
    const CallbackRecord posting = record(uuid);
    QCOMPARE(posting.status, u"posting"_s);
    QVERIFY2(posting.claimedBy.startsWith(QSysInfo::machineHostName() + u'#'), qPrintable(posting.claimedBy));
    first.kill(); // SIGKILL: no chance to release it

    m_frontend->setMode(FakeFrontend::Mode::Ok);
    ServerProcess second;
    second.setSecrets(secrets);
    QVERIFY2(second.start(m_url, arguments), qPrintable(second.lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(m_frontend->received().size(), 2, 30'000);
    const FakeFrontend::Received &again = m_frontend->received().at(1);
    QCOMPARE(again.json.value(u"id"_s).toString(), uuid);
    QCOMPARE(again.json.value(u"attempt"_s).toInt(), 2);
    QCOMPARE(again.json.value(u"concern"_s).toString(), u"lab results"_s);
    QCOMPARE(again.target, QByteArray("/handoff"));
    QCOMPARE(again.headers.value("authorization"), QByteArray("Bearer fk-restart-91c2"));
    QTRY_COMPARE_WITH_TIMEOUT(record(uuid).status, u"posted"_s, 20'000);
    const auto tried = attempts(uuid);
    QCOMPARE(tried.size(), 2);
    QCOMPARE(tried.at(0).result, u"abandoned"_s);
    QCOMPARE(tried.at(1).result, u"posted"_s);
    QCOMPARE(tried.at(1).httpStatus, std::optional<int>(200));

    // The server's /metrics counts the hand-off it made.
    HttpClient client(second.port());
    const HttpAnswer metrics =
        client.exchange("GET /metrics HTTP/1.1\r\nHost: " + second.host() + "\r\n\r\n", 10'000);
    QCOMPARE(metrics.status, 200);
    QVERIFY2(metrics.body.contains("\ncallscope_callback_attempts_total{result=\"posted\"} 1\n"),
             metrics.body.constData());
    QVERIFY2(metrics.body.contains("\ncallscope_callbacks{state=\"posted\"} 1\n"), metrics.body.constData());

    // SIGTERM while a hand-off hangs: the server stops at once and the request waits, pending.
    m_frontend->setMode(FakeFrontend::Mode::Hang);
    const QString ingest = second.createToken(m_url, u"default"_s, u"ingest"_s);
    QVERIFY(!ingest.isEmpty());
    const QByteArray event = QJsonDocument(QJsonObject{{u"id"_s, u"restart-2"_s},
                                                       {u"type"_s, u"callback.requested"_s},
                                                       {u"occurredAt"_s, iso(t0 + minute)},
                                                       {u"callbackNumber"_s, u"+493055508001"_s},
                                                       {u"urgency"_s, u"normal"_s}})
                                 .toJson(QJsonDocument::Compact);
    const HttpAnswer accepted = HttpClient(second.port())
                                    .exchange("POST /api/v1/events HTTP/1.1\r\nHost: " + second.host() +
                                              "\r\nAuthorization: Bearer " + ingest.toUtf8() +
                                              "\r\nContent-Type: application/json\r\nContent-Length: " +
                                              QByteArray::number(event.size()) + "\r\n\r\n" + event);
    QCOMPARE(accepted.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_frontend->received().size(), 3, 20'000); // woken by its own store at once
    const QString waiting = m_frontend->received().last().json.value(u"id"_s).toString();
    QCOMPARE(record(waiting).status, u"posting"_s);
    QVERIFY2(second.stop(), second.standardError().constData());
    const CallbackRecord released = record(waiting);
    QCOMPARE(released.status, u"pending"_s);
    QVERIFY(released.claimedBy.isEmpty());
    QCOMPARE(attempts(waiting).first().result, u"abandoned"_s);
    QCOMPARE(m_frontend->acceptedIds(), QStringList{uuid});
}

void TestDispatcher::theDesktopsSettingsFillWhatItsCommandLineLeftOpen_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("urlSetting");
    QTest::addColumn<QString>("backoffSetting");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("backoff");
    QTest::addColumn<bool>("complaint");
    QTest::newRow("nothing given, nothing set: no frontend, the default schedule")
        << QStringList() << QString() << QString() << QString() << u"5m,15m,1h"_s << false;
    QTest::newRow("nothing given: the settings")
        << QStringList() << u"https://desk.example/callbacks"_s << u"1m,10m"_s
        << u"https://desk.example/callbacks"_s << u"1m,10m"_s << false;
    QTest::newRow("the command line wins over the settings")
        << QStringList{u"--frontend-url"_s, u"http://127.0.0.1:9000/x"_s, u"--callback-backoff"_s, u"2s"_s}
        << u"https://desk.example/callbacks"_s << u"1m,10m"_s << u"http://127.0.0.1:9000/x"_s << u"2s"_s
        << false;
    QTest::newRow("settings that are not valid are left out and named")
        << QStringList() << u"ftp://desk.example"_s << u"soon"_s << QString() << u"5m,15m,1h"_s << true;
}

void TestDispatcher::theDesktopsSettingsFillWhatItsCommandLineLeftOpen()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, urlSetting);
    QFETCH(QString, backoffSetting);
    QFETCH(QString, url);
    QFETCH(QString, backoff);
    QFETCH(bool, complaint);
    auto options = parseOptions(QStringList{u"callscope"_s} + arguments, Program::Desktop);
    QVERIFY(options);
    const auto applied = applyCallbackSettings(*options, urlSetting, backoffSetting);
    QCOMPARE(!applied, complaint);
    QCOMPARE(options->frontendUrl, url);
    QCOMPARE(options->callbackBackoff, *parseDurationList(backoff));
}

QTEST_GUILESS_MAIN(TestDispatcher)
#include "tst_dispatcher.moc"
