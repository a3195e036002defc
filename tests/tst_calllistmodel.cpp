// SPDX-License-Identifier: GPL-3.0-or-later
// The calls list model over a real store (SQLite and PostgreSQL): paging, filters, search, raw-value
// sorting, and live inserts and updates that keep the selection.
#include "calllistmodel.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 day0 = 1'790'000'000'000;

struct CallSpec
{
    int n = 0;
    Provider provider = Provider::Retell;
    QString agent = u"front-desk"_s;
    QString words = u"I would like to book a cleaning"_s;
    bool failedFunction = false;
    int functions = 1;
    qint64 durationMs = 60'000;
    bool ended = true;
};

QString callIdOf(int n)
{
    return u"call-%1"_s.arg(n);
}

// One call: started at day0 + n minutes, from a number ending in its index, with one turn and
// `functions` function calls.
QList<IngestUnit> unitsOf(const CallSpec &spec)
{
    const QString id = callIdOf(spec.n);
    const qint64 start = day0 + spec.n * 60'000LL;
    CallEvents events;
    events << statusEvent(spec.provider, id, CallStatus::InProgress, start,
                          {{u"fromNumber"_s, u"+4930%1"_s.arg(100000 + spec.n)},
                           {u"toNumber"_s, u"+4930999000"_s},
                           {u"direction"_s, u"inbound"_s},
                           {u"agent"_s, spec.agent},
                           {u"startedAt"_s, double(start)}});
    events << transcriptEvent(spec.provider, id, u"user"_s, spec.words, 1000, start + 1000);
    for (int f = 0; f < spec.functions; ++f) {
        const QString tc = u"%1-tc%2"_s.arg(id).arg(f);
        events << functionEvent(spec.provider, id, EventKind::FunctionStarted, tc, u"book_appointment"_s,
                                2000 + f, start + 2000,
                                {{u"arguments"_s, QJsonObject{{u"day"_s, u"tuesday"_s}}}});
        const bool failed = spec.failedFunction && f == 0;
        events << functionEvent(spec.provider, id, EventKind::FunctionFinished, tc, u"book_appointment"_s,
                                2500 + f, start + 2500,
                                {{u"status"_s, failed ? u"error"_s : u"success"_s}, {u"durationMs"_s, 500}});
    }
    if (spec.ended)
        events << statusEvent(spec.provider, id, CallStatus::Ended, start + spec.durationMs,
                              {{u"startedAt"_s, double(start)},
                               {u"endedAt"_s, double(start + spec.durationMs)},
                               {u"durationMs"_s, double(spec.durationMs)},
                               {u"reason"_s, u"user_hangup"_s}});
    return {makeUnit(spec.provider, u"%1-all"_s.arg(id), id, events)};
}

} // namespace

class TestCallListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void pagesNewestFirstWithFetchMore();
    void filtersByProviderAgentAndErrors();
    void searchFindsAWordTheCallerSaidAndANumber();
    void sortsByRawValuesAcrossPages();
    void newCallIsInsertedLiveAndTheSelectionStays();
    void changedCallIsUpdatedInPlace();
    void newCallOutsideTheFilterIsNotInserted();
    void formatsForPeople();

private:
    void ingest(const QList<IngestUnit> &units);
    void ingestCalls(int count, const std::function<void(CallSpec &)> &shape = {});
    // Ingests and waits for the store's change notification, handed to the model.
    void ingestLive(CallListModel &model, const QList<IngestUnit> &units);

    TestDatabase m_database;
    DatabaseUrl m_url;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
    TenantId m_tenant;
};

void TestCallListModel::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
}

void TestCallListModel::init()
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
    auto tenant = m_reader->tenant(u"default"_s);
    QVERIFY(tenant);
    m_tenant = tenant->id;
}

// Returns once the store has announced the change (so no announcement is left over for later).
void TestCallListModel::ingest(const QList<IngestUnit> &units)
{
    QSignalSpy changed(m_store.get(), &Store::changed);
    auto result = await(m_store->ingest(IngestSubmission{u"default"_s, units}));
    if (!result)
        qFatal("ingest failed: %s", qPrintable(result.error().message));
    if (!waitForCallChange(changed))
        qFatal("the store did not announce the change");
}

void TestCallListModel::ingestCalls(int count, const std::function<void(CallSpec &)> &shape)
{
    QList<IngestUnit> units;
    for (int n = 0; n < count; ++n) {
        CallSpec spec;
        spec.n = n;
        if (shape)
            shape(spec);
        units << unitsOf(spec);
    }
    ingest(units);
}

void TestCallListModel::ingestLive(CallListModel &model, const QList<IngestUnit> &units)
{
    QObject::connect(m_store.get(), &Store::changed, &model, &CallListModel::applyChanges,
                     Qt::UniqueConnection);
    ingest(units);
}

void TestCallListModel::pagesNewestFirstWithFetchMore()
{
    ingestCalls(230);
    CallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(100);
    model.setReader(m_reader.get(), m_tenant);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.callAt(0).providerCallId, callIdOf(229));
    QVERIFY(model.canFetchMore({}));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 100);
    QCOMPARE(inserted.first().at(2).toInt(), 199);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 230);
    QVERIFY(!model.canFetchMore({}));
    // Newest first, each call once.
    QSet<qint64> seen;
    for (int row = 1; row < model.rowCount(); ++row) {
        QVERIFY(model.index(row - 1, CallListModel::Started).data(CallListModel::SortRole).toLongLong() >
                model.index(row, CallListModel::Started).data(CallListModel::SortRole).toLongLong());
        seen.insert(model.callAt(row).id);
    }
    QCOMPARE(seen.size(), 229);
    QCOMPARE(model.rowOfCall(model.callAt(150).id), 150);
}

void TestCallListModel::filtersByProviderAgentAndErrors()
{
    ingestCalls(60, [](CallSpec &spec) {
        spec.provider = spec.n % 3 == 0 ? Provider::Vapi : Provider::Retell;
        spec.agent = spec.n % 2 ? u"salon-bot"_s : u"front-desk"_s;
        spec.failedFunction = spec.n % 10 == 0;
    });
    CallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReader(m_reader.get(), m_tenant);
    QCOMPARE(model.rowCount(), 60);

    CallQuery filter;
    filter.provider = Provider::Vapi;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 20);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, CallListModel::Provider).data().toString(), u"Vapi"_s);

    filter.agent = u"salon-bot"_s; // Vapi and odd: 3, 9, 15, ...
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 10);

    CallQuery errors;
    errors.withErrors = true;
    model.setFilter(errors);
    QCOMPARE(model.rowCount(), 6);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(model.index(row, CallListModel::Errors).data(CallListModel::SortRole).toInt() > 0);

    auto agents = m_reader->agents(m_tenant);
    QVERIFY(agents);
    QCOMPARE(*agents, (QStringList{u"front-desk"_s, u"salon-bot"_s}));
}

void TestCallListModel::searchFindsAWordTheCallerSaidAndANumber()
{
    ingestCalls(40, [](CallSpec &spec) {
        if (spec.n == 17)
            spec.words = u"My dog needs his rabies vaccination"_s;
    });
    CallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReader(m_reader.get(), m_tenant);
    CallQuery search;
    search.text = u"rabies"_s;
    model.setFilter(search);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.callAt(0).providerCallId, callIdOf(17));

    CallQuery number;
    number.numberSuffix = u"100023"_s;
    model.setFilter(number);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.callAt(0).providerCallId, callIdOf(23));

    // Sorted otherwise, the search still applies.
    model.sort(CallListModel::Duration, Qt::AscendingOrder);
    QCOMPARE(model.rowCount(), 1);
    search.text = u"cleaning"_s;
    model.setFilter(search);
    QCOMPARE(model.rowCount(), 39);
}

void TestCallListModel::sortsByRawValuesAcrossPages()
{
    // Durations 9 s .. 120 s and function counts 0..12: as text "9" > "10", as numbers not.
    ingestCalls(45, [](CallSpec &spec) {
        spec.durationMs = 9'000 + (spec.n * 37 % 45) * 2'500;
        spec.functions = spec.n % 13;
    });
    CallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(10);
    model.setReader(m_reader.get(), m_tenant);
    for (int column : {int(CallListModel::Duration), int(CallListModel::Functions)}) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            model.sort(column, order);
            while (model.canFetchMore({}))
                model.fetchMore({});
            QCOMPARE(model.rowCount(), 45);
            for (int row = 1; row < model.rowCount(); ++row) {
                const qint64 a = model.index(row - 1, column).data(CallListModel::SortRole).toLongLong();
                const qint64 b = model.index(row, column).data(CallListModel::SortRole).toLongLong();
                QVERIFY2(order == Qt::AscendingOrder ? a <= b : a >= b,
                         qPrintable(u"column %1 row %2: %3 then %4"_s.arg(column).arg(row).arg(a).arg(b)));
            }
        }
    }
    QCOMPARE(model.index(0, CallListModel::Functions).data(CallListModel::SortRole).toInt(), 12);
}

void TestCallListModel::newCallIsInsertedLiveAndTheSelectionStays()
{
    ingestCalls(30);
    CallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(20);
    model.setReader(m_reader.get(), m_tenant);
    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(5, 0),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const qint64 selected = model.callAt(5).id;

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    CallSpec newest;
    newest.n = 100;
    ingestLive(model, unitsOf(newest));
    QTRY_COMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.rowCount(), 21);
    QCOMPARE(model.callAt(0).providerCallId, callIdOf(100));
    QCOMPARE(selection.currentIndex().row(), 6);
    QCOMPARE(selection.currentIndex().data(CallListModel::CallIdRole).toLongLong(), selected);
    QVERIFY(selection.isRowSelected(6));

    // A call older than everything loaded comes with a later page, not at the end of this one.
    CallSpec older;
    older.n = -50;
    ingestLive(model, unitsOf(older));
    QTest::qWait(50);
    QCOMPARE(inserted.size(), 1);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 32);
    QCOMPARE(model.callAt(31).providerCallId, callIdOf(-50));
}

void TestCallListModel::changedCallIsUpdatedInPlace()
{
    ingestCalls(10, [](CallSpec &spec) { spec.ended = spec.n != 4; });
    CallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReader(m_reader.get(), m_tenant);
    const int row = model.rowOfCall(model.callAt(5).id);
    QCOMPARE(model.callAt(row).providerCallId, callIdOf(4));
    QCOMPARE(model.index(row, CallListModel::Status).data().toString(), u"In progress"_s);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const qint64 start = day0 + 4 * 60'000LL;
    ingestLive(
        model,
        {makeUnit(Provider::Retell, u"call-4-end"_s, callIdOf(4),
                  {statusEvent(Provider::Retell, callIdOf(4), CallStatus::Ended, start + 42'000,
                               {{u"durationMs"_s, 42'000.0}, {u"endedAt"_s, double(start + 42'000)}})})});
    QTRY_VERIFY(!changed.isEmpty());
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
    QCOMPARE(model.index(row, CallListModel::Status).data().toString(), u"Ended"_s);
    QCOMPARE(model.index(row, CallListModel::Duration).data().toString(), u"0:42"_s);
    QCOMPARE(model.index(row, CallListModel::Outcome).data(CallListModel::OutcomeRole).toString(),
             u"completed"_s);
}

void TestCallListModel::newCallOutsideTheFilterIsNotInserted()
{
    ingestCalls(5);
    CallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReader(m_reader.get(), m_tenant);
    CallQuery filter;
    filter.provider = Provider::Vapi;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    CallSpec retell;
    retell.n = 50;
    ingestLive(model, unitsOf(retell));
    CallSpec vapi;
    vapi.n = 51;
    vapi.provider = Provider::Vapi;
    ingestLive(model, unitsOf(vapi));
    QTRY_COMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.callAt(0).providerCallId, callIdOf(51));
}

void TestCallListModel::formatsForPeople()
{
    ingestCalls(2, [](CallSpec &spec) {
        spec.durationMs = spec.n ? 3'725'000 : 61'400;
        spec.failedFunction = spec.n == 1;
    });
    CallListModel model;
    model.setReader(m_reader.get(), m_tenant);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, CallListModel::Duration).data().toString(), u"1:02:05"_s);
    QCOMPARE(model.index(1, CallListModel::Duration).data().toString(), u"1:01"_s);
    QCOMPARE(model.index(0, CallListModel::Duration).data(CallListModel::SortRole).toLongLong(), 3'725'000);
    QCOMPARE(model.index(0, CallListModel::Direction).data().toString(), u"Inbound"_s);
    QCOMPARE(model.index(0, CallListModel::Outcome).data().toString(), u"Completed"_s);
    // The outcome has a colour swatch and its word; errors stand out.
    QVERIFY(model.index(0, CallListModel::Outcome).data(Qt::DecorationRole).canConvert<QColor>());
    QVERIFY(model.index(0, CallListModel::Errors).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.index(1, CallListModel::Errors).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.headerData(CallListModel::Caller, Qt::Horizontal).toString(), u"Caller"_s);
    QCOMPARE(model.index(1, CallListModel::Caller).data().toString(), u"+4930100000"_s);
}

QTEST_GUILESS_MAIN(TestCallListModel)
#include "tst_calllistmodel.moc"
