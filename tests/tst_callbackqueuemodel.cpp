// SPDX-License-Identifier: GPL-3.0-or-later
// The callback queue model over a real store (SQLite and PostgreSQL), with requests made through
// the ingest path: queue order, state and urgency filters, live inserts, moves, updates and removals
// that keep the selection, and waiting times against an injected clock.
#include "callbackqueuemodel.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

struct RequestSpec
{
    QString key;
    QString number;
    QString urgency = u"normal"_s;
    qint64 atMs = 0;
    QString name;
    QString concern;
    QString callId; // empty: a request without a call
};

// A backend's callback.requested, as POST /api/v1/events turns it into an event.
IngestUnit requestUnit(const RequestSpec &spec)
{
    CallEvent event;
    event.provider = Provider::Backend;
    event.providerCallId = spec.callId;
    event.kind = EventKind::CallbackRequested;
    event.occurredAtMs = spec.atMs;
    event.payload = {{u"callbackNumber"_s, spec.number}, {u"urgency"_s, spec.urgency}};
    if (!spec.name.isEmpty())
        event.payload.insert(u"callerName"_s, spec.name);
    if (!spec.concern.isEmpty())
        event.payload.insert(u"concern"_s, spec.concern);
    return makeUnit(Provider::Backend, spec.key, spec.callId, {event});
}

} // namespace

class TestCallbackQueueModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void criticalFirstThenOldest();
    void filtersByStateAndUrgency();
    void liveInsertMoveUpdateAndRemoveKeepTheSelection();
    void waitingAndNextAttemptFollowTheClock();
    void staysInStepWithTheStoreThroughRandomChanges();

private:
    void request(const RequestSpec &spec);
    // Runs a store write and returns once the store announced the queue's change.
    template<typename T> T committed(QFuture<T> future);
    void cancel(const QString &uuid, const QString &reason);

    TestDatabase m_database;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
    TenantId m_tenant;
    qint64 m_now = 0;
};

void TestCallbackQueueModel::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
}

void TestCallbackQueueModel::init()
{
    m_reader.reset();
    m_store.reset();
    const DatabaseUrl url = m_database.fresh();
    auto store = Store::open(url, url.password);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
    auto reader = StoreReader::open(url, url.password);
    QVERIFY2(reader, reader ? "" : qPrintable(reader.error().message));
    m_reader = std::move(*reader);
    auto tenant = m_reader->tenant(u"default"_s);
    QVERIFY(tenant);
    m_tenant = tenant->id;
    m_now = QDateTime::currentMSecsSinceEpoch();
}

template<typename T> T TestCallbackQueueModel::committed(QFuture<T> future)
{
    return Test::committed(*m_store, future, StoreChanges::Callbacks);
}

void TestCallbackQueueModel::request(const RequestSpec &spec)
{
    committed(m_store->ingest(IngestSubmission{u"default"_s, {requestUnit(spec)}}));
}

void TestCallbackQueueModel::cancel(const QString &uuid, const QString &reason)
{
    committed(m_store->callbackAction(u"default"_s, uuid, Store::CallbackAction::Cancel, reason, u"Mia"_s));
}

void TestCallbackQueueModel::criticalFirstThenOldest()
{
    CallbackQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    request({u"r1"_s, u"+4930111"_s, u"normal"_s, m_now - 50 * 60'000, u"Oldest Normal"_s});
    request({u"r2"_s, u"+4930222"_s, u"urgent"_s, m_now - 40 * 60'000, u"Urgent One"_s});
    request({u"r3"_s, u"+4930333"_s, u"normal"_s, m_now - 30 * 60'000, u"Newer Normal"_s});
    request({u"r4"_s, u"+4930444"_s, u"critical"_s, m_now - 60'000, u"Newest Critical"_s, u"Chest pain"_s});
    model.setReader(m_reader.get(), m_tenant);
    QCOMPARE(model.rowCount(), 4);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, CallbackQueueModel::Name).data().toString();
    QCOMPARE(names,
             (QStringList{u"Newest Critical"_s, u"Urgent One"_s, u"Oldest Normal"_s, u"Newer Normal"_s}));

    // Urgency reads without colour: a symbol and a word; a critical row stands out.
    QCOMPARE(model.index(0, CallbackQueueModel::Urgency).data().toString(), u"‼ Critical"_s);
    QCOMPARE(model.index(1, CallbackQueueModel::Urgency).data().toString(), u"! Urgent"_s);
    QCOMPARE(model.index(2, CallbackQueueModel::Urgency).data().toString(), u"– Normal"_s);
    QVERIFY(model.index(0, CallbackQueueModel::Concern).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(1, CallbackQueueModel::Concern).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.index(0, CallbackQueueModel::Concern).data().toString(), u"Chest pain"_s);
    QCOMPARE(model.index(0, CallbackQueueModel::State).data().toString(), u"○ New"_s);
    QCOMPARE(model.index(0, CallbackQueueModel::State).data(CallbackQueueModel::StatusRole).toString(),
             u"pending"_s);
    const auto record =
        model.index(0, CallbackQueueModel::Name).data(CallbackQueueModel::RecordRole).value<CallbackRecord>();
    QCOMPARE(record.callbackNumber, u"+4930444"_s);
    QCOMPARE(model.index(0, 0).data(CallbackQueueModel::UuidRole).toString(), record.uuid);
    QCOMPARE(model.rowOfRequest(record.uuid), 0);
    QCOMPARE(model.headerData(CallbackQueueModel::Waiting, Qt::Horizontal).toString(), u"Waiting"_s);
}

void TestCallbackQueueModel::filtersByStateAndUrgency()
{
    request({u"f1"_s, u"+4940111"_s, u"normal"_s, m_now - 30 * 60'000, u"Anna"_s});
    request({u"f2"_s, u"+4940222"_s, u"critical"_s, m_now - 20 * 60'000, u"Ben"_s});
    request({u"f3"_s, u"+4940333"_s, u"urgent"_s, m_now - 10 * 60'000, u"Clara"_s});
    CallbackQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReader(m_reader.get(), m_tenant);
    QCOMPARE(model.stateFilter(), CallbackQueueModel::StateFilter::Open);
    QCOMPARE(model.rowCount(), 3);
    cancel(model.requestAt(model.rowCount() - 1).uuid, u"customer called again"_s); // Anna
    model.refresh();
    QCOMPARE(model.rowCount(), 2);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setStateFilter(CallbackQueueModel::StateFilter::Closed);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.requestAt(0).callerName, u"Anna"_s);
    QCOMPARE(model.requestAt(0).cancelReason, u"customer called again"_s);
    QCOMPARE(model.index(0, CallbackQueueModel::State).data().toString(), u"⊘ Cancelled"_s);
    model.setStateFilter(CallbackQueueModel::StateFilter::Cancelled);
    QCOMPARE(model.rowCount(), 1);
    model.setStateFilter(CallbackQueueModel::StateFilter::Pending);
    QCOMPARE(model.rowCount(), 2);
    model.setStateFilter(CallbackQueueModel::StateFilter::Failed);
    QCOMPARE(model.rowCount(), 0);
    model.setStateFilter(CallbackQueueModel::StateFilter::All);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.requestAt(2).callerName, u"Anna"_s); // closed ones after the open ones

    model.setUrgencyFilter(Urgency::Critical);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.requestAt(0).callerName, u"Ben"_s);
    model.setStateFilter(CallbackQueueModel::StateFilter::Open);
    model.setUrgencyFilter(Urgency::Urgent);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.requestAt(0).callerName, u"Clara"_s);
    model.setUrgencyFilter(std::nullopt);
    QCOMPARE(model.rowCount(), 2);
    // Filters change rows, not the whole model.
    QCOMPARE(reset.size(), 0);
}

void TestCallbackQueueModel::liveInsertMoveUpdateAndRemoveKeepTheSelection()
{
    request({u"l1"_s, u"+4989111"_s, u"urgent"_s, m_now - 40 * 60'000, u"Anna"_s, u"Invoice"_s});
    request({u"l2"_s, u"+4989222"_s, u"normal"_s, m_now - 30 * 60'000, u"Ben"_s, u"Vaccination"_s});
    request({u"l3"_s, u"+4989333"_s, u"normal"_s, m_now - 20 * 60'000, u"Clara"_s, u"Haircut"_s});
    CallbackQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReader(m_reader.get(), m_tenant);
    connect(m_store.get(), &Store::changed, &model, &CallbackQueueModel::applyChanges);
    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(1, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString ben = model.requestAt(1).uuid;
    QCOMPARE(model.requestAt(1).callerName, u"Ben"_s);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A new critical request goes to the top; the selection stays on Ben.
    request({u"l4"_s, u"+4989444"_s, u"critical"_s, m_now - 60'000, u"Dora"_s, u"Transfer failed"_s});
    QTRY_COMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 0);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.requestAt(0).callerName, u"Dora"_s);
    QCOMPARE(selection.currentIndex().data(CallbackQueueModel::UuidRole).toString(), ben);
    QVERIFY(selection.isRowSelected(2));

    // Clara asks again, now urgently: her request is merged, raised and moves above Ben.
    request({u"l5"_s, u"+4989333"_s, u"urgent"_s, m_now - 30'000, u"Clara"_s, u"Also the colour"_s});
    QTRY_COMPARE(moved.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 4);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.requestAt(row).callerName;
    QCOMPARE(names, (QStringList{u"Dora"_s, u"Anna"_s, u"Clara"_s, u"Ben"_s}));
    const int clara = model.rowOfRequest(model.requestAt(2).uuid);
    QCOMPARE(model.index(clara, CallbackQueueModel::Urgency).data().toString(), u"! Urgent"_s);
    QVERIFY(model.requestAt(clara).concern.contains(u"Also the colour"_s));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(selection.currentIndex().data(CallbackQueueModel::UuidRole).toString(), ben);
    QCOMPARE(selection.currentIndex().row(), 3);

    // Cancelled, Anna leaves the open list; nothing else moves.
    cancel(model.requestAt(1).uuid, u"wrong number"_s);
    QTRY_COMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(selection.currentIndex().data(CallbackQueueModel::UuidRole).toString(), ben);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(reset.size(), 0);

    // Another tenant's change is none of this model's business.
    QSignalSpy refreshed(&model, &CallbackQueueModel::refreshed);
    StoreChanges other;
    other.tenantIds.insert(m_tenant.value + 100);
    other.kinds = StoreChanges::Callbacks;
    model.applyChanges(other);
    QTest::qWait(20);
    QCOMPARE(refreshed.size(), 0);
}

void TestCallbackQueueModel::waitingAndNextAttemptFollowTheClock()
{
    const qint64 asked = m_now - 12 * 60'000 - 5'000;
    request({u"t1"_s, u"+4930999"_s, u"normal"_s, asked, u"Erik"_s, u"Prescription"_s});
    CallbackQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    qint64 clock = m_now;
    model.setClock([&clock] { return clock; });
    model.setReader(m_reader.get(), m_tenant);
    const QModelIndex waiting = model.index(0, CallbackQueueModel::Waiting);
    QCOMPARE(waiting.data().toString(), u"12 min"_s);
    QCOMPARE(waiting.data(CallbackQueueModel::SortRole).toLongLong(), asked);
    QCOMPARE(model.index(0, CallbackQueueModel::NextAttempt).data().toString(), QString());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    clock = asked + (2 * 60 + 5) * 60'000LL;
    model.refreshTimes();
    QCOMPARE(waiting.data().toString(), u"2 h 5 min"_s);
    bool waitingColumnChanged = false;
    for (const QList<QVariant> &emission : std::as_const(changed)) {
        const QModelIndex from = emission.at(0).toModelIndex();
        const QModelIndex to = emission.at(1).toModelIndex();
        waitingColumnChanged = waitingColumnChanged || (from.column() <= CallbackQueueModel::Waiting &&
                                                        to.column() >= CallbackQueueModel::Waiting);
    }
    QVERIFY(waitingColumnChanged);
    clock = asked + 20'000;
    QCOMPARE(waiting.data().toString(), u"just now"_s);
    clock = asked + (3 * 24 + 4) * 3'600'000LL;
    QCOMPARE(waiting.data().toString(), u"3 d 4 h"_s);

    // A failed hand-off (the dispatcher's own store calls): next attempt after the backoff.
    connect(m_store.get(), &Store::changed, &model, &CallbackQueueModel::applyChanges);
    const QString claimant = u"test#1#1"_s;
    auto claimed = committed(m_store->claimNextCallback(claimant, m_now));
    QVERIFY(*claimed);
    QTRY_COMPARE(model.requestAt(0).status, u"posting"_s);
    QCOMPARE(model.index(0, CallbackQueueModel::State).data().toString(), u"↻ Handing over…"_s);
    CallbackAttemptOutcome failure;
    failure.httpStatus = 500;
    failure.error = u"HTTP 500: upstream down"_s;
    committed(m_store->finishCallbackAttempt(**claimed, claimant, failure, {std::chrono::minutes(5)}, m_now));
    QTRY_COMPARE(model.requestAt(0).status, u"failed"_s);
    QCOMPARE(model.index(0, CallbackQueueModel::Attempts).data().toInt(), 1);
    clock = m_now + 60'000;
    QCOMPARE(model.index(0, CallbackQueueModel::NextAttempt).data().toString(), u"in 4 min"_s);
    clock = m_now + 5 * 60'000;
    QCOMPARE(model.index(0, CallbackQueueModel::NextAttempt).data().toString(), u"due now"_s);
    QCOMPARE(model.index(0, CallbackQueueModel::State).data().toString(), u"⚠ Hand-off failed"_s);
}

// Merges that raise urgency, closures and new requests in random batches, under the "All" filter
// (closed requests move below the open ones): after each batch the rows are the store's queue.
void TestCallbackQueueModel::staysInStepWithTheStoreThroughRandomChanges()
{
    QRandomGenerator random(20261024);
    const QStringList urgencies{u"normal"_s, u"urgent"_s, u"critical"_s};
    int key = 0;
    const auto newRequest = [&](int number) {
        return requestUnit({u"rnd-%1"_s.arg(++key), u"+4930555%1"_s.arg(number, 3, 10, QChar(u'0')),
                            urgencies.at(random.bounded(3)), m_now - random.bounded(100'000) * 1000LL,
                            u"Caller %1"_s.arg(number)});
    };
    QList<IngestUnit> first;
    for (int n = 0; n < 12; ++n)
        first << newRequest(n);
    committed(m_store->ingest(IngestSubmission{u"default"_s, first}));

    CallbackQueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReader(m_reader.get(), m_tenant);
    model.setStateFilter(CallbackQueueModel::StateFilter::All);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    for (int round = 0; round < 15; ++round) {
        QList<IngestUnit> units;
        for (int n = 0; n < 3; ++n)
            units << newRequest(random.bounded(20)); // a known number merges
        committed(m_store->ingest(IngestSubmission{u"default"_s, units}));
        // The rows are the last round's until the refresh below.
        QSet<QString> cancelled;
        for (int n = 0; n < 2 && model.rowCount() > 0; ++n) {
            const CallbackRecord request = model.requestAt(random.bounded(model.rowCount()));
            if (request.isOpen() && !cancelled.contains(request.uuid)) {
                cancel(request.uuid, u"round %1"_s.arg(round));
                cancelled.insert(request.uuid);
            }
        }
        model.refresh();
        auto expected = m_reader->callbacks(m_tenant, CallbackQuery{});
        QVERIFY(expected);
        QCOMPARE(model.rowCount(), int(expected->size()));
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.requestAt(row).uuid, expected->at(row).uuid);
            QCOMPARE(model.requestAt(row).status, expected->at(row).status);
            QCOMPARE(model.rowOfRequest(expected->at(row).uuid), row);
        }
    }
    QCOMPARE(reset.size(), 0);
}

QTEST_GUILESS_MAIN(TestCallbackQueueModel)
#include "tst_callbackqueuemodel.moc"
