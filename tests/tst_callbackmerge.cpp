// SPDX-License-Identifier: GPL-3.0-or-later
// The merge rule of the callback queue as a table (SQLite and PostgreSQL): a customer with an open
// request is never queued twice. A second request for the same number merges into the open one
// (urgency raised if higher, concern and call appended, state kept, so a request handed to the
// frontend is not handed over again); a closed or dead request does not take merges.
#include "store.h"
#include "storereader.h"
#include "testsupport.h"

#include <QJsonObject>
#include <QTest>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qint64 t0 = 1'790'000'000'000;
const QString first = u"+4930555001"_s;
const QString other = u"+4930555002"_s;

// The state the first request is brought to, through the same moves the dispatcher and staff make.
enum class State
{
    Pending,
    Posting,
    Posted,
    Failed,
    Dead,
    Completed,
    Cancelled
};

struct Ask
{
    QString tenant = u"default"_s;
    QString number = first;
    QString urgency = u"normal"_s;
    QString concern; // none when empty
    QString callerName;
    QString call = u"call-1"_s;
    QJsonObject details;
};

} // namespace

Q_DECLARE_METATYPE(State)
Q_DECLARE_METATYPE(Ask)

class TestCallbackMerge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void mergeRule_data();
    void mergeRule();
    void mergedAfterPostingIsNotPostedAgain();
    void historyTellsRequestAndMerge();
    void failedTransferQueuesTheCustomer_data();
    void failedTransferQueuesTheCustomer();

private:
    void ask(const Ask &request, const QString &eventId, qint64 atMs);
    void bringTo(const QString &uuid, State state);
    QList<CallbackRecord> all(const QString &tenant = u"default"_s);

    TestDatabase m_database;
    DatabaseUrl m_url;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
};

void TestCallbackMerge::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
}

void TestCallbackMerge::init()
{
    m_url = m_database.fresh();
    auto store = Store::open(m_url, m_url.password);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
    auto tenants = await(m_store->ensureTenants({u"default"_s, u"salon"_s}));
    QVERIFY(tenants);
    auto reader = StoreReader::open(m_url, m_url.password);
    QVERIFY2(reader, reader ? "" : qPrintable(reader.error().message));
    m_reader = std::move(*reader);
}

void TestCallbackMerge::cleanup()
{
    m_reader.reset();
    m_store.reset();
}

// A backend's callback.requested event for a call of its own, through ingest, as the API stores it.
void TestCallbackMerge::ask(const Ask &request, const QString &eventId, qint64 atMs)
{
    CallEvent event;
    event.provider = Provider::Backend;
    event.providerCallId = request.call;
    event.kind = EventKind::CallbackRequested;
    event.occurredAtMs = atMs;
    event.payload = {{u"callbackNumber"_s, request.number}, {u"urgency"_s, request.urgency}};
    if (!request.concern.isEmpty())
        event.payload.insert(u"concern"_s, request.concern);
    if (!request.callerName.isEmpty())
        event.payload.insert(u"callerName"_s, request.callerName);
    if (!request.details.isEmpty())
        event.payload.insert(u"details"_s, request.details);
    auto result = await(m_store->ingest(
        IngestSubmission{request.tenant, {makeUnit(Provider::Backend, eventId, request.call, {event})}}));
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
}

void TestCallbackMerge::bringTo(const QString &uuid, State state)
{
    const auto claimAndFinish = [&](std::optional<CallbackAttemptOutcome> outcome,
                                    const QList<std::chrono::milliseconds> &backoff) {
        auto claimed = await(m_store->claimNextCallback(u"test#1#1"_s, t0 + 10'000));
        QVERIFY2(claimed, claimed ? "" : qPrintable(claimed.error().message));
        QVERIFY(claimed->has_value());
        QCOMPARE((*claimed)->uuid, uuid);
        if (outcome) {
            auto finished = await(
                m_store->finishCallbackAttempt(**claimed, u"test#1#1"_s, *outcome, backoff, t0 + 11'000));
            QVERIFY2(finished, finished ? "" : qPrintable(finished.error().message));
        }
    };
    CallbackAttemptOutcome posted{true, 200, {}, "{\"ok\":true}"};
    CallbackAttemptOutcome refused{false, 503, u"HTTP 503"_s, {}};
    switch (state) {
    case State::Pending:
        break;
    case State::Posting:
        claimAndFinish(std::nullopt, {});
        break;
    case State::Posted:
        claimAndFinish(posted, {});
        break;
    case State::Failed:
        claimAndFinish(refused, {5min});
        break;
    case State::Dead:
        claimAndFinish(refused, {});
        break;
    case State::Completed:
    case State::Cancelled: {
        auto done = await(m_store->callbackAction(u"default"_s, uuid,
                                                  state == State::Completed ? Store::CallbackAction::Complete
                                                                            : Store::CallbackAction::Cancel,
                                                  u"closed by the test"_s, u"Test"_s));
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        break;
    }
    }
}

QList<CallbackRecord> TestCallbackMerge::all(const QString &tenant)
{
    auto id = m_reader->tenant(tenant);
    if (!id)
        qFatal("no tenant %s", qPrintable(tenant));
    auto records = m_reader->callbacks(id->id, CallbackQuery{});
    if (!records)
        qFatal("callbacks: %s", qPrintable(records.error().message));
    return *records;
}

void TestCallbackMerge::mergeRule_data()
{
    QTest::addColumn<Ask>("firstAsk");
    QTest::addColumn<State>("state");
    QTest::addColumn<Ask>("secondAsk");
    QTest::addColumn<int>("requests");    // for the number, both tenants together
    QTest::addColumn<QString>("urgency"); // of the request the second ask landed in
    QTest::addColumn<QString>("concern"); // of that request
    QTest::addColumn<QString>("status");  // of that request
    QTest::addColumn<int>("calls");       // calls listed by that request
    QTest::addColumn<QString>("callerName");

    const auto ask = [](const QString &urgency, const QString &concern, const QString &call = u"call-1"_s) {
        Ask a;
        a.urgency = urgency;
        a.concern = concern;
        a.call = call;
        return a;
    };
    const Ask quote = ask(u"normal"_s, u"Wants a quote"_s);

    QTest::newRow("pending, more urgent: raised, concerns joined, both calls")
        << quote << State::Pending << ask(u"urgent"_s, u"Also: insurance"_s, u"call-2"_s) << 1 << u"urgent"_s
        << u"Wants a quote | Also: insurance"_s << u"pending"_s << 2 << QString();
    QTest::newRow("pending, less urgent: urgency stays")
        << ask(u"critical"_s, u"Booking lost"_s) << State::Pending
        << ask(u"normal"_s, u"Opening hours"_s, u"call-2"_s) << 1 << u"critical"_s
        << u"Booking lost | Opening hours"_s << u"pending"_s << 2 << QString();
    QTest::newRow("same concern again: said once")
        << quote << State::Pending << ask(u"normal"_s, u"Wants a quote"_s, u"call-2"_s) << 1 << u"normal"_s
        << u"Wants a quote"_s << u"pending"_s << 2 << QString();
    QTest::newRow("a concern the request contains: said once")
        << ask(u"normal"_s, u"Wants a quote for a crown"_s) << State::Pending
        << ask(u"normal"_s, u"a crown"_s) << 1 << u"normal"_s << u"Wants a quote for a crown"_s
        << u"pending"_s << 1 << QString();
    QTest::newRow("no concern first, then one")
        << ask(u"normal"_s, {}) << State::Pending << ask(u"normal"_s, u"Rabies shot"_s, u"call-2"_s) << 1
        << u"normal"_s << u"Rabies shot"_s << u"pending"_s << 2 << QString();
    QTest::newRow("a concern first, then none")
        << quote << State::Pending << ask(u"urgent"_s, {}, u"call-2"_s) << 1 << u"urgent"_s
        << u"Wants a quote"_s << u"pending"_s << 2 << QString();
    QTest::newRow("the same call asks twice: listed once")
        << quote << State::Pending << ask(u"urgent"_s, u"Still waiting"_s) << 1 << u"urgent"_s
        << u"Wants a quote | Still waiting"_s << u"pending"_s << 1 << QString();
    Ask named = ask(u"normal"_s, u"Refill"_s, u"call-2"_s);
    named.callerName = u"Anna Schmidt"_s;
    QTest::newRow("a name learned later is kept")
        << quote << State::Pending << named << 1 << u"normal"_s << u"Wants a quote | Refill"_s << u"pending"_s
        << 2 << u"Anna Schmidt"_s;
    QTest::newRow("posting: merged, still posting")
        << quote << State::Posting << ask(u"critical"_s, u"Pain"_s, u"call-2"_s) << 1 << u"critical"_s
        << u"Wants a quote | Pain"_s << u"posting"_s << 2 << QString();
    QTest::newRow("posted: merged, stays posted")
        << quote << State::Posted << ask(u"urgent"_s, u"Pain"_s, u"call-2"_s) << 1 << u"urgent"_s
        << u"Wants a quote | Pain"_s << u"posted"_s << 2 << QString();
    QTest::newRow("failed: merged, waits for its retry")
        << quote << State::Failed << ask(u"urgent"_s, u"Pain"_s, u"call-2"_s) << 1 << u"urgent"_s
        << u"Wants a quote | Pain"_s << u"failed"_s << 2 << QString();
    QTest::newRow("dead: a new request") << quote << State::Dead << ask(u"urgent"_s, u"Pain"_s, u"call-2"_s)
                                         << 2 << u"urgent"_s << u"Pain"_s << u"pending"_s << 1 << QString();
    QTest::newRow("completed: a new request")
        << quote << State::Completed << ask(u"normal"_s, u"New question"_s, u"call-2"_s) << 2 << u"normal"_s
        << u"New question"_s << u"pending"_s << 1 << QString();
    QTest::newRow("cancelled: a new request")
        << quote << State::Cancelled << ask(u"critical"_s, u"Emergency"_s, u"call-2"_s) << 2 << u"critical"_s
        << u"Emergency"_s << u"pending"_s << 1 << QString();
    Ask otherNumber = ask(u"normal"_s, u"Other customer"_s, u"call-2"_s);
    otherNumber.number = other;
    QTest::newRow("another number: its own request")
        << quote << State::Pending << otherNumber << 1 << u"normal"_s << u"Other customer"_s << u"pending"_s
        << 1 << QString();
    Ask otherTenant = ask(u"urgent"_s, u"Haircut moved"_s, u"call-9"_s);
    otherTenant.tenant = u"salon"_s;
    QTest::newRow("another tenant, same number: its own request")
        << quote << State::Pending << otherTenant << 2 << u"urgent"_s << u"Haircut moved"_s << u"pending"_s
        << 1 << QString();
}

void TestCallbackMerge::mergeRule()
{
    QFETCH(Ask, firstAsk);
    QFETCH(State, state);
    QFETCH(Ask, secondAsk);
    QFETCH(int, requests);
    QFETCH(QString, urgency);
    QFETCH(QString, concern);
    QFETCH(QString, status);
    QFETCH(int, calls);
    QFETCH(QString, callerName);

    ask(firstAsk, u"ask-1"_s, t0);
    QCOMPARE(all().size(), 1);
    const QString firstUuid = all().constFirst().uuid;
    bringTo(firstUuid, state);
    if (QTest::currentTestFailed())
        return;
    ask(secondAsk, u"ask-2"_s, t0 + 60'000);

    QList<CallbackRecord> forNumber;
    for (const QString &tenant : {u"default"_s, u"salon"_s}) {
        for (const CallbackRecord &record : all(tenant)) {
            if (record.callbackNumber == secondAsk.number)
                forNumber.append(record);
        }
    }
    const int openForNumber = int(std::count_if(forNumber.cbegin(), forNumber.cend(),
                                                [](const CallbackRecord &r) { return r.isOpen(); }));
    // Never two open requests for one customer of one tenant.
    QVERIFY(openForNumber <= (secondAsk.tenant == firstAsk.tenant ? 1 : 2));
    if (secondAsk.number == firstAsk.number)
        QCOMPARE(forNumber.size(), requests);

    // The request the second ask landed in: the newest one of its tenant for the number.
    auto tenant = m_reader->tenant(secondAsk.tenant);
    QVERIFY(tenant);
    auto records = m_reader->callbacks(tenant->id, CallbackQuery{});
    QVERIFY(records);
    const CallbackRecord *landed = nullptr;
    for (const CallbackRecord &record : std::as_const(*records)) {
        if (record.callbackNumber == secondAsk.number && (!landed || record.id > landed->id))
            landed = &record;
    }
    QVERIFY(landed);
    QCOMPARE(toString(landed->urgency), urgency);
    QCOMPARE(landed->concern, concern);
    QCOMPARE(landed->status, status);
    QCOMPARE(landed->callerName, callerName);
    auto listed = m_reader->callbackCalls(tenant->id, landed->id);
    QVERIFY(listed);
    QCOMPARE(listed->size(), calls);
    // The first call stays the one it came from.
    if (calls == 2) {
        QCOMPARE(landed->uuid, firstUuid);
        QCOMPARE(listed->constFirst().uuid, landed->callUuid);
        QCOMPARE(listed->constFirst().providerCallId, firstAsk.call);
        QCOMPARE(listed->constLast().providerCallId, secondAsk.call);
    }
}

// The frontend has the request: a merge adds to it in the queue, but nothing is handed over twice.
void TestCallbackMerge::mergedAfterPostingIsNotPostedAgain()
{
    ask(Ask{}, u"ask-1"_s, t0);
    const QString uuid = all().constFirst().uuid;
    bringTo(uuid, State::Posted);
    Ask again;
    again.urgency = u"critical"_s;
    again.concern = u"Called again"_s;
    again.call = u"call-2"_s;
    ask(again, u"ask-2"_s, t0 + 60'000);
    auto claimed = await(m_store->claimNextCallback(u"test#1#1"_s, t0 + 24 * 3600'000LL));
    QVERIFY(claimed);
    QVERIFY(!claimed->has_value());
    QCOMPARE(all().constFirst().status, u"posted"_s);
    QCOMPARE(all().constFirst().attempts, 1);
}

void TestCallbackMerge::historyTellsRequestAndMerge()
{
    Ask a;
    a.concern = u"Wants a quote"_s;
    ask(a, u"ask-1"_s, t0);
    Ask b;
    b.urgency = u"urgent"_s;
    b.concern = u"Insurance"_s;
    b.call = u"call-2"_s;
    ask(b, u"ask-2"_s, t0 + 60'000);
    const CallbackRecord record = all().constFirst();
    auto tenant = m_reader->tenant(u"default"_s);
    QVERIFY(tenant);
    auto history = m_reader->callbackHistory(tenant->id, record.id);
    QVERIFY(history);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).action, u"requested"_s);
    QCOMPARE(history->at(0).actor, u"backend"_s);
    QVERIFY(history->at(0).detail.contains(u"Wants a quote"_s));
    QCOMPARE(history->at(1).action, u"merged"_s);
    QVERIFY(history->at(1).detail.contains(u"urgent"_s));
    QVERIFY(history->at(1).detail.contains(u"Insurance"_s));
}

void TestCallbackMerge::failedTransferQueuesTheCustomer_data()
{
    QTest::addColumn<QString>("direction");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<QString>("number"); // the request's, or empty for none
    QTest::addColumn<QString>("concern");

    QTest::newRow("inbound, not answered: the caller")
        << u"inbound"_s << u"cancelled"_s << u"+4930999111"_s << u"+4930123456"_s
        << u"Transfer to +4930999111 failed"_s;
    QTest::newRow("outbound, failed: the callee")
        << u"outbound"_s << u"failed"_s << QString() << u"+4930654321"_s << u"Transfer to staff failed"_s;
    QTest::newRow("bridged: nothing") << u"inbound"_s << u"bridged"_s << QString() << QString() << QString();
    QTest::newRow("a web call has no number")
        << u"web"_s << u"cancelled"_s << QString() << QString() << QString();
}

// A transfer to staff that broke: the customer is queued for a callback, critical, once per call.
void TestCallbackMerge::failedTransferQueuesTheCustomer()
{
    QFETCH(QString, direction);
    QFETCH(QString, stage);
    QFETCH(QString, destination);
    QFETCH(QString, number);
    QFETCH(QString, concern);

    const QString call = u"call_transfer_1"_s;
    QJsonObject start{{u"direction"_s, direction}, {u"startedAt"_s, double(t0)}};
    if (direction != "web"_L1) {
        start.insert(u"fromNumber"_s, u"+4930123456"_s);
        start.insert(u"toNumber"_s, u"+4930654321"_s);
    }
    CallEvent transfer;
    transfer.provider = Provider::Retell;
    transfer.providerCallId = call;
    transfer.kind = EventKind::FlowTransition;
    transfer.occurredAtMs = t0 + 30'000;
    transfer.payload = {{u"from"_s, u"agent"_s}, {u"to"_s, u"transfer"_s}, {u"transfer"_s, stage}};
    if (!destination.isEmpty())
        transfer.payload.insert(u"destination"_s, destination);
    // Delivered twice under different keys (a provider resending with a new id): still one request.
    for (const QString &key : {u"t-1"_s, u"t-2"_s}) {
        auto result = await(m_store->ingest(IngestSubmission{
            u"default"_s,
            {makeUnit(Provider::Retell, key, call,
                      {statusEvent(Provider::Retell, call, CallStatus::InProgress, t0, start), transfer})}}));
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    }
    const QList<CallbackRecord> queue = all();
    if (number.isEmpty()) {
        QVERIFY(queue.isEmpty());
        return;
    }
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.constFirst().callbackNumber, number);
    QCOMPARE(toString(queue.constFirst().urgency), u"critical"_s);
    QCOMPARE(queue.constFirst().concern, concern);
    QCOMPARE(queue.constFirst().status, u"pending"_s);
    QVERIFY(queue.constFirst().source.startsWith(u"failed_transfer:"_s));
    QVERIFY(queue.constFirst().callId.has_value());
}

QTEST_GUILESS_MAIN(TestCallbackMerge)
#include "tst_callbackmerge.moc"
