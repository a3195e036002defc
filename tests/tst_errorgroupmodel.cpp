// SPDX-License-Identifier: GPL-3.0-or-later
// The error groups model over a real store (SQLite and PostgreSQL), with errors made through the
// ingest path (a backend's error events and failed tool calls): order by last seen and by count, every
// filter, the sparkline's events per hour at known hours, live inserts, moves, updates and removals
// that keep the selection, the announcement of new critical groups and regressions, and relative
// times against an injected clock.
#include "errorgroupmodel.h"
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

constexpr qint64 minute = 60'000;
constexpr qint64 hour = ErrorGroupModel::hourMs;

struct ErrorSpec
{
    QString key;
    QString code;
    QString severity = u"high"_s;
    QString message;
    QString functionName; // empty: none
    qint64 atMs = 0;
    QString callId; // the call on `provider`; empty: none
    Provider provider = Provider::Vapi;
};

QStringList codes(const ErrorGroupModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.groupAt(row).code;
    return list;
}

} // namespace

class TestErrorGroupModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void ordersByLastSeenAndByCount();
    void filtersByStatusSeverityProviderAndFunction();
    void timeRangeCountsTheEventsInIt();
    void sparklineCountsEventsPerHour();
    void liveInsertMoveUpdateAndRemoveKeepTheSelection();
    void announcesNewCriticalGroupsAndRegressions();
    void lastSeenFollowsTheClock();
    void staysInStepWithTheStoreThroughRandomChanges();

private:
    // A backend's error event (on a call when it names one), through ingest.
    void error(const ErrorSpec &spec);
    // A tool call that failed on a call, through ingest: the function's error group.
    void failedToolCall(const QString &key, const QString &callId, const QString &name, const QString &code,
                        const QString &message, qint64 atMs);
    IngestUnit errorUnit(const ErrorSpec &spec) const;
    // Runs a store write and returns once the store announced the change to the errors.
    template<typename T> T committed(QFuture<T> future);
    void act(qint64 groupId, Store::ErrorGroupAction action, const Store::IgnoreLimits &limits = {});
    qint64 groupId(const QString &code);

    TestDatabase m_database;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
    TenantId m_tenant;
    qint64 m_now = 0;
};

void TestErrorGroupModel::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
}

void TestErrorGroupModel::init()
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
    // Half past an hour: the sparkline's buckets below are known.
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    m_now = wall - wall % hour + 30 * minute;
}

IngestUnit TestErrorGroupModel::errorUnit(const ErrorSpec &spec) const
{
    CallEvent event;
    event.provider = spec.callId.isEmpty() ? Provider::Backend : spec.provider;
    event.providerCallId = spec.callId;
    event.kind = EventKind::Error;
    event.occurredAtMs = spec.atMs;
    event.payload = {{u"code"_s, spec.code},
                     {u"severity"_s, spec.severity},
                     {u"message"_s, spec.message},
                     {u"type"_s, u"BookingError"_s}};
    if (!spec.functionName.isEmpty())
        event.payload.insert(u"functionName"_s, spec.functionName);
    return makeUnit(Provider::Backend, spec.key, spec.callId, {event});
}

template<typename T> T TestErrorGroupModel::committed(QFuture<T> future)
{
    return Test::committed(*m_store, future, StoreChanges::Errors);
}

void TestErrorGroupModel::error(const ErrorSpec &spec)
{
    committed(m_store->ingest(IngestSubmission{u"default"_s, {errorUnit(spec)}}));
}

void TestErrorGroupModel::failedToolCall(const QString &key, const QString &callId, const QString &name,
                                         const QString &code, const QString &message, qint64 atMs)
{
    CallEvents events;
    events << statusEvent(Provider::Vapi, callId, CallStatus::InProgress, atMs - 20'000,
                          {{u"startedAt"_s, double(atMs - 20'000)}});
    events << functionEvent(Provider::Vapi, callId, EventKind::FunctionStarted, key, name, 15'000,
                            atMs - 5'000);
    events << functionEvent(
        Provider::Vapi, callId, EventKind::FunctionFinished, key, name, 20'000, atMs,
        {{u"status"_s, u"error"_s}, {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}});
    committed(
        m_store->ingest(IngestSubmission{u"default"_s, {makeUnit(Provider::Vapi, key, callId, events)}}));
}

void TestErrorGroupModel::act(qint64 groupId, Store::ErrorGroupAction action,
                              const Store::IgnoreLimits &limits)
{
    committed(m_store->errorGroupAction(u"default"_s, groupId, action, u"Mia Berger"_s, limits));
}

qint64 TestErrorGroupModel::groupId(const QString &code)
{
    ErrorGroupQuery all;
    auto groups = m_reader->errorGroups(m_tenant, all);
    for (const ErrorGroupRecord &group : groups ? *groups : QList<ErrorGroupRecord>()) {
        if (group.code == code)
            return group.id;
    }
    return 0;
}

void TestErrorGroupModel::ordersByLastSeenAndByCount()
{
    ErrorGroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([this] { return m_now; });
    // Three failures of one kind (different slots and calls: one group), two and one of others.
    for (int i = 0; i < 3; ++i)
        error({u"a%1"_s.arg(i), u"calendar_unavailable"_s, u"high"_s,
               u"Calendar API returned 503 for slot %1"_s.arg(1000 + i), u"book_appointment_v17"_s,
               m_now - (70 - i * 10) * minute, u"call-a%1"_s.arg(i)});
    error({u"b0"_s, u"slot_taken"_s, u"medium"_s, u"Slot 14:30 is taken"_s, u"check_availability"_s,
           m_now - 10 * minute, u"call-b0"_s});
    for (int i = 0; i < 2; ++i)
        error({u"c%1"_s.arg(i), u"no_answer"_s, u"critical"_s, u"Nobody answered the transfer"_s,
               u"transfer_to_staff"_s, m_now - (40 - i * 10) * minute, u"call-c%1"_s.arg(i),
               Provider::Retell});
    model.setReader(m_reader.get(), m_tenant);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(codes(model), (QStringList{u"slot_taken"_s, u"no_answer"_s, u"calendar_unavailable"_s}));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setOrder(ErrorGroupOrder::Count);
    QCOMPARE(codes(model), (QStringList{u"calendar_unavailable"_s, u"no_answer"_s, u"slot_taken"_s}));
    model.setOrder(ErrorGroupOrder::LastSeen);
    QCOMPARE(codes(model), (QStringList{u"slot_taken"_s, u"no_answer"_s, u"calendar_unavailable"_s}));
    QCOMPARE(reset.size(), 0);

    // What a row shows: severity and status in symbols and words, the error as grouped (the function
    // without its version, numbers masked), counts, and when.
    const int calendar = model.rowOfGroup(groupId(u"calendar_unavailable"_s));
    QCOMPARE(calendar, 2);
    const ErrorGroupRecord group = model.groupAt(calendar);
    QCOMPARE(group.count, 3);
    QCOMPARE(group.affectedCalls, 3);
    QCOMPARE(group.functionName, u"book_appointment"_s);
    QCOMPARE(model.index(calendar, ErrorGroupModel::Severity).data().toString(), u"! High"_s);
    QCOMPARE(model.index(calendar, ErrorGroupModel::Status).data().toString(), u"● Unresolved"_s);
    const QString shown = model.index(calendar, ErrorGroupModel::Error).data().toString();
    QVERIFY2(shown.startsWith(u"calendar_unavailable · book_appointment\n"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"Calendar API returned <n> for slot <n>"_s), qPrintable(shown));
    QCOMPARE(model.index(calendar, ErrorGroupModel::Provider).data().toString(), u"Vapi"_s);
    QCOMPARE(model.index(calendar, ErrorGroupModel::Events).data().toString(), u"3"_s);
    QCOMPARE(model.index(calendar, ErrorGroupModel::Calls).data().toString(), u"3"_s);
    QCOMPARE(model.index(calendar, ErrorGroupModel::LastSeen).data().toString(), u"50 min ago"_s);
    QCOMPARE(model.index(calendar, ErrorGroupModel::LastSeen).data(ErrorGroupModel::SortRole).toLongLong(),
             m_now - 50 * minute);
    QCOMPARE(model.index(calendar, ErrorGroupModel::Events).data(ErrorGroupModel::SortRole).toLongLong(), 3);
    QCOMPARE(model.index(calendar, 0).data(ErrorGroupModel::GroupIdRole).toLongLong(), group.id);
    QCOMPARE(model.index(calendar, 0).data(ErrorGroupModel::RecordRole).value<ErrorGroupRecord>().code,
             u"calendar_unavailable"_s);

    // A critical unresolved group stands out (not by colour alone: its severity reads "Critical").
    const int transfer = model.rowOfGroup(groupId(u"no_answer"_s));
    QCOMPARE(model.index(transfer, ErrorGroupModel::Severity).data().toString(), u"‼ Critical"_s);
    QVERIFY(model.index(transfer, ErrorGroupModel::Error).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(calendar, ErrorGroupModel::Error).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.index(transfer, ErrorGroupModel::Provider).data().toString(), u"Retell"_s);
    QCOMPARE(model.headerData(ErrorGroupModel::LastSeen, Qt::Horizontal).toString(), u"Last seen"_s);
    QCOMPARE(model.rowOfGroup(987654), -1);
}

void TestErrorGroupModel::filtersByStatusSeverityProviderAndFunction()
{
    error({u"f1"_s, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment_v17"_s,
           m_now - 30 * minute, u"call-f1"_s});
    error({u"f2"_s, u"no_answer"_s, u"critical"_s, u"Nobody answered"_s, u"transfer_to_staff"_s,
           m_now - 20 * minute, u"call-f2"_s, Provider::Retell});
    failedToolCall(u"f3"_s, u"call-f3"_s, u"check_availability_v2"_s, u"timeout_upstream"_s,
                   u"Upstream took 8000 ms"_s, m_now - 10 * minute);
    ErrorGroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([this] { return m_now; });
    model.setReader(m_reader.get(), m_tenant);
    QCOMPARE(model.statusFilter(), u"unresolved"_s);
    QVERIFY(model.hasDefaultFilters());
    QCOMPARE(codes(model), (QStringList{u"timeout_upstream"_s, u"no_answer"_s, u"calendar_unavailable"_s}));
    // The failed tool call is grouped by its function, without the version.
    QCOMPARE(model.groupAt(0).functionName, u"check_availability"_s);
    QCOMPARE(model.groupAt(0).source, u"function"_s);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    act(groupId(u"calendar_unavailable"_s), Store::ErrorGroupAction::Resolve);
    model.refresh();
    QCOMPARE(codes(model), (QStringList{u"timeout_upstream"_s, u"no_answer"_s}));
    model.setStatusFilter(u"resolved"_s);
    QVERIFY(!model.hasDefaultFilters());
    QCOMPARE(codes(model), (QStringList{u"calendar_unavailable"_s}));
    QCOMPARE(model.index(0, ErrorGroupModel::Status).data().toString(), u"✓ Resolved"_s);
    QCOMPARE(model.groupAt(0).changedBy, u"Mia Berger"_s);
    model.setStatusFilter(u"ignored"_s);
    QCOMPARE(model.rowCount(), 0);
    model.setStatusFilter(QString());
    QCOMPARE(model.rowCount(), 3);

    model.setSeverityFilter(u"critical"_s);
    QCOMPARE(codes(model), (QStringList{u"no_answer"_s}));
    model.setSeverityFilter(QString());
    model.setProviderFilter(u"retell"_s);
    QCOMPARE(codes(model), (QStringList{u"no_answer"_s}));
    model.setProviderFilter(u"vapi"_s);
    QCOMPARE(codes(model), (QStringList{u"timeout_upstream"_s, u"calendar_unavailable"_s}));
    model.setFunctionFilter(u"book_appointment"_s);
    QCOMPARE(codes(model), (QStringList{u"calendar_unavailable"_s}));
    model.setProviderFilter(QString());
    model.setFunctionFilter(u"check_availability"_s);
    QCOMPARE(codes(model), (QStringList{u"timeout_upstream"_s}));
    model.setFunctionFilter(QString());
    QCOMPARE(model.rowCount(), 3);
    // Filters change rows, not the whole model.
    QCOMPARE(reset.size(), 0);

    // What the filters offer: the providers and functions the groups name.
    QCOMPARE(*m_reader->errorProviders(m_tenant), (QStringList{u"retell"_s, u"vapi"_s}));
    QCOMPARE(*m_reader->errorFunctions(m_tenant),
             (QStringList{u"book_appointment"_s, u"check_availability"_s, u"transfer_to_staff"_s}));
}

void TestErrorGroupModel::timeRangeCountsTheEventsInIt()
{
    // calendar_unavailable: twice three days ago, once now; slot_taken only three days ago.
    for (int i = 0; i < 2; ++i)
        error({u"old%1"_s.arg(i), u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s,
               u"book_appointment"_s, m_now - 72 * hour - i * minute, u"call-old%1"_s.arg(i)});
    error({u"new"_s, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment"_s,
           m_now - 5 * minute, u"call-new"_s});
    error({u"slot"_s, u"slot_taken"_s, u"medium"_s, u"Slot taken"_s, u"check_availability"_s,
           m_now - 71 * hour, u"call-slot"_s});
    ErrorGroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([this] { return m_now; });
    model.setReader(m_reader.get(), m_tenant);
    QCOMPARE(model.timeRange(), ErrorGroupModel::TimeRange::All);
    QCOMPARE(codes(model), (QStringList{u"calendar_unavailable"_s, u"slot_taken"_s}));
    QCOMPARE(model.index(0, ErrorGroupModel::Events).data().toString(), u"3"_s);

    model.setTimeRange(ErrorGroupModel::TimeRange::Last24Hours);
    QCOMPARE(codes(model), (QStringList{u"calendar_unavailable"_s}));
    QCOMPARE(model.index(0, ErrorGroupModel::Events).data().toString(), u"1"_s); // in the range
    QCOMPARE(model.groupAt(0).count, 3);
    QVERIFY(model.index(0, ErrorGroupModel::Events).data(Qt::ToolTipRole).toString().contains(u"3 in all"_s));
    model.setTimeRange(ErrorGroupModel::TimeRange::LastHour);
    QCOMPARE(codes(model), (QStringList{u"calendar_unavailable"_s}));
    model.setTimeRange(ErrorGroupModel::TimeRange::Last7Days);
    QCOMPARE(codes(model), (QStringList{u"calendar_unavailable"_s, u"slot_taken"_s}));
    QCOMPARE(model.index(0, ErrorGroupModel::Events).data().toString(), u"3"_s);
    // Most frequent in the range first.
    model.setOrder(ErrorGroupOrder::Count);
    QCOMPARE(codes(model), (QStringList{u"calendar_unavailable"_s, u"slot_taken"_s}));
    model.setTimeRange(ErrorGroupModel::TimeRange::Last30Days);
    QCOMPARE(model.rowCount(), 2);

    // The query the range makes starts at a full hour and ends after the current one.
    const ErrorGroupQuery query = model.query(m_now);
    QVERIFY(query.fromMs && query.toMs);
    QCOMPARE(*query.fromMs % hour, 0);
    QCOMPARE(*query.toMs, m_now - 30 * minute + hour);
}

void TestErrorGroupModel::sparklineCountsEventsPerHour()
{
    // m_now is hh:30. Two events five minutes ago (this hour), one 2 h 10 min ago, one 30 h ago.
    const auto at = [this](const QString &key, qint64 ago) {
        error({key, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment"_s,
               m_now - ago, u"call-"_s + key});
    };
    at(u"s1"_s, 5 * minute);
    at(u"s2"_s, 6 * minute);
    at(u"s3"_s, 2 * hour + 10 * minute);
    at(u"s4"_s, 30 * hour);
    error({u"other"_s, u"slot_taken"_s, u"medium"_s, u"Slot taken"_s, QString(), m_now - 40 * minute,
           u"call-other"_s});
    ErrorGroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([this] { return m_now; });
    model.setReader(m_reader.get(), m_tenant);

    // All time: the last 24 hours' sparkline, from the full hour 24 h ago to the end of this one.
    const auto [from, to] = model.trendWindow();
    QCOMPARE(from, m_now - 30 * minute - 24 * hour);
    QCOMPARE(to, m_now + 30 * minute);
    const int row = model.rowOfGroup(groupId(u"calendar_unavailable"_s));
    QList<qint64> expected(25, 0);
    expected[24] = 2;
    expected[22] = 1;
    QCOMPARE(model.index(row, ErrorGroupModel::Trend).data(ErrorGroupModel::TrendRole).value<QList<qint64>>(),
             expected);
    QCOMPARE(model.trendOf(groupId(u"calendar_unavailable"_s)), expected);
    QCOMPARE(model.index(row, ErrorGroupModel::Trend).data(ErrorGroupModel::SortRole).toLongLong(), 3);
    QList<qint64> other(25, 0);
    other[23] = 1; // 40 min before hh:30 is the hour before

    QCOMPARE(model.trendOf(groupId(u"slot_taken"_s)), other);

    // Seven days: an hour each, the event of 30 h ago too.
    model.setTimeRange(ErrorGroupModel::TimeRange::Last7Days);
    const QList<qint64> week = model.trendOf(groupId(u"calendar_unavailable"_s));
    QCOMPARE(week.size(), 7 * 24 + 1);
    QCOMPARE(week.at(7 * 24), 2);
    QCOMPARE(week.at(7 * 24 - 2), 1);
    QCOMPARE(week.at(7 * 24 - 30), 1);
    qint64 sum = 0;
    for (qint64 count : week)
        sum += count;
    QCOMPARE(sum, 4);

    // A new event this hour raises its bar live.
    connect(m_store.get(), &Store::changed, &model, &ErrorGroupModel::applyChanges);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    at(u"s5"_s, 1 * minute);
    QTRY_COMPARE(model.trendOf(groupId(u"calendar_unavailable"_s)).at(7 * 24), 3);
    QVERIFY(!changed.isEmpty());
}

void TestErrorGroupModel::liveInsertMoveUpdateAndRemoveKeepTheSelection()
{
    error({u"l1"_s, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment"_s,
           m_now - 40 * minute, u"call-l1"_s});
    error({u"l2"_s, u"slot_taken"_s, u"medium"_s, u"Slot taken"_s, u"check_availability"_s,
           m_now - 30 * minute, u"call-l2"_s});
    error({u"l3"_s, u"no_answer"_s, u"high"_s, u"Nobody answered"_s, u"transfer_to_staff"_s,
           m_now - 20 * minute, u"call-l3"_s});
    ErrorGroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([this] { return m_now; });
    model.setReader(m_reader.get(), m_tenant);
    connect(m_store.get(), &Store::changed, &model, &ErrorGroupModel::applyChanges);
    QCOMPARE(codes(model), (QStringList{u"no_answer"_s, u"slot_taken"_s, u"calendar_unavailable"_s}));
    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(1, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const qint64 slot = model.groupAt(1).id;

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A new failure goes to the top; the selection stays on slot_taken.
    error({u"l4"_s, u"llm_timeout"_s, u"high"_s, u"The model did not answer in 5000 ms"_s, QString(),
           m_now - 5 * minute, u"call-l4"_s});
    QTRY_COMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 0);
    QCOMPARE(codes(model),
             (QStringList{u"llm_timeout"_s, u"no_answer"_s, u"slot_taken"_s, u"calendar_unavailable"_s}));
    QCOMPARE(selection.currentIndex().data(ErrorGroupModel::GroupIdRole).toLongLong(), slot);
    QVERIFY(selection.isRowSelected(2));

    // calendar_unavailable happens again: it moves to the top, counted twice.
    error({u"l5"_s, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment_v18"_s,
           m_now - 1 * minute, u"call-l5"_s});
    QTRY_COMPARE(moved.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(codes(model),
             (QStringList{u"calendar_unavailable"_s, u"llm_timeout"_s, u"no_answer"_s, u"slot_taken"_s}));
    QCOMPARE(model.groupAt(0).count, 2);
    QCOMPARE(model.index(0, ErrorGroupModel::Events).data().toString(), u"2"_s);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(selection.currentIndex().data(ErrorGroupModel::GroupIdRole).toLongLong(), slot);
    QCOMPARE(selection.currentIndex().row(), 3);

    // no_answer is resolved: it leaves the unresolved list; nothing else moves.
    changed.clear();
    act(groupId(u"no_answer"_s), Store::ErrorGroupAction::Resolve);
    QTRY_COMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 2);
    QCOMPARE(codes(model), (QStringList{u"calendar_unavailable"_s, u"llm_timeout"_s, u"slot_taken"_s}));
    QCOMPARE(selection.currentIndex().data(ErrorGroupModel::GroupIdRole).toLongLong(), slot);

    // Ignoring the selected group under "any status" changes its row in place.
    model.setStatusFilter(QString());
    const int row = model.rowOfGroup(slot);
    changed.clear();
    act(slot, Store::ErrorGroupAction::Ignore, Store::IgnoreLimits{5, std::nullopt});
    QTRY_COMPARE(model.groupAt(row).status, u"ignored"_s);
    QCOMPARE(model.groupAt(row).ignoreUntilCount, std::optional<qint64>(6));
    QCOMPARE(model.index(row, ErrorGroupModel::Status).data().toString(), u"⊘ Ignored"_s);
    QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [row](const QList<QVariant> &emission) {
        return emission.at(0).toModelIndex().row() <= row && emission.at(1).toModelIndex().row() >= row;
    }));
    QCOMPARE(selection.currentIndex().data(ErrorGroupModel::GroupIdRole).toLongLong(), slot);
    QCOMPARE(reset.size(), 0);

    // Another tenant's change is none of this model's business.
    QSignalSpy refreshed(&model, &ErrorGroupModel::refreshed);
    StoreChanges other;
    other.tenantIds.insert(m_tenant.value + 100);
    other.kinds = StoreChanges::Errors;
    model.applyChanges(other);
    StoreChanges calls;
    calls.tenantIds.insert(m_tenant.value);
    calls.kinds = StoreChanges::Calls;
    model.applyChanges(calls);
    QTest::qWait(20);
    QCOMPARE(refreshed.size(), 0);
}

void TestErrorGroupModel::announcesNewCriticalGroupsAndRegressions()
{
    error({u"k1"_s, u"no_answer"_s, u"critical"_s, u"Nobody answered"_s, u"transfer_to_staff"_s,
           m_now - 50 * minute, u"call-k1"_s});
    error({u"k2"_s, u"sip_trunk_failure"_s, u"critical"_s, u"SIP trunk down"_s, QString(),
           m_now - 40 * minute, u"call-k2"_s});
    act(groupId(u"sip_trunk_failure"_s), Store::ErrorGroupAction::Resolve);
    ErrorGroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([this] { return m_now; });
    QSignalSpy appeared(&model, &ErrorGroupModel::criticalGroupsAppeared);
    QSignalSpy count(&model, &ErrorGroupModel::criticalCountChanged);
    connect(m_store.get(), &Store::changed, &model, &ErrorGroupModel::applyChanges);
    model.setReader(m_reader.get(), m_tenant);
    // The first load announces nothing; it counts.
    QCOMPARE(appeared.size(), 0);
    QCOMPARE(model.criticalUnresolvedCount(), 1);
    QCOMPARE(count.size(), 1);
    QCOMPARE(count.last().first().toInt(), 1);

    // A new critical group is announced, whatever the list shows.
    model.setStatusFilter(u"resolved"_s);
    error({u"k3"_s, u"emergency_transfer_failed"_s, u"critical"_s, u"Transfer to the on-call doctor failed"_s,
           u"transfer_to_staff"_s, m_now - 5 * minute, u"call-k3"_s});
    QTRY_COMPARE(appeared.size(), 1);
    auto groups = appeared.first().first().value<QList<ErrorGroupRecord>>();
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.first().code, u"emergency_transfer_failed"_s);
    QCOMPARE(model.criticalUnresolvedCount(), 2);
    QCOMPARE(count.last().first().toInt(), 2);

    // A new high group, or another event of a known critical one: nothing to announce.
    error({u"k4"_s, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment"_s,
           m_now - 4 * minute, u"call-k4"_s});
    error({u"k5"_s, u"no_answer"_s, u"critical"_s, u"Nobody answered"_s, u"transfer_to_staff"_s,
           m_now - 3 * minute, u"call-k5"_s});
    QTest::qWait(50);
    QCOMPARE(appeared.size(), 1);

    // The resolved trunk failure happens again: a regression, announced.
    error({u"k6"_s, u"sip_trunk_failure"_s, u"critical"_s, u"SIP trunk down"_s, QString(), m_now - 2 * minute,
           u"call-k6"_s});
    QTRY_COMPARE(appeared.size(), 2);
    groups = appeared.last().first().value<QList<ErrorGroupRecord>>();
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.first().code, u"sip_trunk_failure"_s);
    QVERIFY(groups.first().regression);
    QCOMPARE(model.criticalUnresolvedCount(), 3);

    // Resolved and reopened by hand, or ignored and reopened: counted, not announced.
    const qint64 transfer = groupId(u"no_answer"_s);
    act(transfer, Store::ErrorGroupAction::Resolve);
    QTRY_COMPARE(model.criticalUnresolvedCount(), 2);
    act(transfer, Store::ErrorGroupAction::Reopen);
    QTRY_COMPARE(model.criticalUnresolvedCount(), 3);
    act(groupId(u"emergency_transfer_failed"_s), Store::ErrorGroupAction::Ignore);
    QTRY_COMPARE(model.criticalUnresolvedCount(), 2);
    act(groupId(u"emergency_transfer_failed"_s), Store::ErrorGroupAction::Reopen);
    QTRY_COMPARE(model.criticalUnresolvedCount(), 3);
    QCOMPARE(appeared.size(), 2);
    QCOMPARE(count.last().first().toInt(), 3);
}

void TestErrorGroupModel::lastSeenFollowsTheClock()
{
    const qint64 seen = m_now - 12 * minute - 5'000;
    error({u"t1"_s, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment"_s, seen,
           u"call-t1"_s});
    ErrorGroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    qint64 clock = m_now;
    model.setClock([&clock] { return clock; });
    model.setReader(m_reader.get(), m_tenant);
    const QModelIndex lastSeen = model.index(0, ErrorGroupModel::LastSeen);
    QCOMPARE(lastSeen.data().toString(), u"12 min ago"_s);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    clock = seen + 20'000;
    model.refreshTimes();
    QCOMPARE(lastSeen.data().toString(), u"just now"_s);
    QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &emission) {
        return emission.at(0).toModelIndex().column() <= ErrorGroupModel::LastSeen &&
               emission.at(1).toModelIndex().column() >= ErrorGroupModel::LastSeen;
    }));
    clock = seen + 3 * hour;
    QCOMPARE(lastSeen.data().toString(), u"3 h ago"_s);
    clock = seen + 50 * hour;
    QCOMPARE(lastSeen.data().toString(), u"2 d ago"_s);

    // An hour later the sparkline's window has moved on: the event is one bar further left.
    clock = m_now;
    model.refreshTimes();
    const int bar = int(model.trendOf(model.groupAt(0).id).indexOf(1));
    QVERIFY(bar >= 0);
    clock = m_now + hour;
    QSignalSpy refreshed(&model, &ErrorGroupModel::refreshed);
    model.refreshTimes();
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(model.trendOf(model.groupAt(0).id).indexOf(1), bar - 1);
}

// New groups, repeats of known ones and status changes in random batches, ordered by count under
// "any status": after each batch the rows are the store's list.
void TestErrorGroupModel::staysInStepWithTheStoreThroughRandomChanges()
{
    QRandomGenerator random(20261125);
    const QStringList severities{u"low"_s, u"medium"_s, u"high"_s, u"critical"_s};
    int key = 0;
    const auto newError = [&](int kind) {
        return errorUnit({u"rnd-%1"_s.arg(++key), u"code_%1"_s.arg(kind), severities.at(kind % 4),
                          u"Failure number %1"_s.arg(random.bounded(1000)), u"function_%1_v2"_s.arg(kind % 3),
                          m_now - random.bounded(48 * 60) * minute, u"call-%1"_s.arg(random.bounded(30))});
    };
    QList<IngestUnit> first;
    for (int n = 0; n < 10; ++n)
        first << newError(n);
    committed(m_store->ingest(IngestSubmission{u"default"_s, first}));

    ErrorGroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([this] { return m_now; });
    model.setReader(m_reader.get(), m_tenant);
    model.setStatusFilter(QString());
    model.setOrder(ErrorGroupOrder::Count);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    for (int round = 0; round < 12; ++round) {
        QList<IngestUnit> units;
        for (int n = 0; n < 4; ++n)
            units << newError(random.bounded(16)); // a known code repeats its group
        committed(m_store->ingest(IngestSubmission{u"default"_s, units}));
        const ErrorGroupRecord group = model.groupAt(random.bounded(model.rowCount()));
        const auto action = group.status == "resolved"_L1 ? Store::ErrorGroupAction::Reopen
                                                          : Store::ErrorGroupAction::Resolve;
        act(group.id, action);
        model.refresh();
        ErrorGroupQuery query;
        query.order = ErrorGroupOrder::Count;
        auto expected = m_reader->errorGroups(m_tenant, query);
        QVERIFY(expected);
        QCOMPARE(model.rowCount(), int(expected->size()));
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.groupAt(row).id, expected->at(row).id);
            QCOMPARE(model.groupAt(row).count, expected->at(row).count);
            QCOMPARE(model.groupAt(row).status, expected->at(row).status);
            QCOMPARE(model.rowOfGroup(expected->at(row).id), row);
        }
    }
    QCOMPARE(reset.size(), 0);
}

QTEST_GUILESS_MAIN(TestErrorGroupModel)
#include "tst_errorgroupmodel.moc"
