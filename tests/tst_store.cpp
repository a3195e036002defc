// SPDX-License-Identifier: GPL-3.0-or-later
// The store suite: the same tests against SQLite and PostgreSQL (CALLSCOPE_TEST_BACKEND).
#include "schema.h"
#include "sqlconnection.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"
#include "writecontext.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <functional>
#include <thread>
#include <vector>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void migratesAnEmptyDatabase();
    void reopeningDoesNotMigrateAgain();
    void refusesADatabaseNewerThanItself();
    void releasedSchemaStepsAreNeverEdited();
    void appendsAndReadsBack();
    void duplicateReceiptKeyChangesNothing();
    void duplicateWithinOneSubmission();
    void invalidEventMidBatchLeavesNothing();
    void failingStatementMidWriteLeavesNothing();
    void faultyWriteDoesNotSpoilItsGroup();
    void concurrentSubmittersAllCommitExactlyOnce();
    void lateStatusNeverRegressesAnEndedCall();
    void functionEndBeforeStartMakesOneTrace();
    void fullTextSearchFindsTranscriptAndFunctions();
    void searchPagesThroughManyCallsNewestFirst();
    void readHelpersRefuseOtherTenants_data();
    void readHelpersRefuseOtherTenants();
    void announcesWhatChanged();
    void tenantsAreCreatedOnceAndValidated();
    void stopAnswersEverythingAccepted();
    void carrierLegArrivingFirstIsMergedIntoThePlatformCall();
    void carrierLegArrivingLaterJoinsThePlatformCall();
    void carrierLegsOfOneSubmissionEachJoinTheirPlatformCall();
    void aCarrierLegNeverJoinsAnotherTenantsCall();
    void unattributedDeliveryIsKeptAndRaisedAsAnError();

private:
    std::unique_ptr<Store> openStore();
    IngestResult ingestOk(Store &store, const QString &tenant, const QList<IngestUnit> &units);

    TestDatabase m_database;
    DatabaseUrl m_url;
};

void TestStore::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
}

void TestStore::init()
{
    m_url = m_database.fresh();
}

void TestStore::cleanup() {}

std::unique_ptr<Store> TestStore::openStore()
{
    auto store = Store::open(m_url, m_url.password);
    if (!store)
        qFatal("cannot open the store: %s", qPrintable(store.error().message));
    return std::move(*store);
}

IngestResult TestStore::ingestOk(Store &store, const QString &tenant, const QList<IngestUnit> &units)
{
    auto result = await(store.ingest(IngestSubmission{tenant, units}));
    if (!result)
        qFatal("ingest failed: %s", qPrintable(result.error().message));
    return *result;
}

void TestStore::migratesAnEmptyDatabase()
{
    auto store = openStore();
    auto reader = StoreReader::open(m_url, m_url.password);
    QVERIFY2(reader, reader ? "" : qPrintable(reader.error().message));
    QCOMPARE(*Schema::currentVersion((*reader)->database()), Schema::latestVersion());
    const QStringList tables = (*reader)->database().tables();
    for (const char *table :
         {"tenants", "calls", "events", "receipts", "function_traces", "transcript_segments", "error_groups",
          "errors", "tool_call_logs", "callback_requests", "callback_attempts", "audit_log", "api_tokens"}) {
        QVERIFY2(tables.contains(QString::fromLatin1(table)), table);
    }
    // Every row carries tenant_id.
    for (const QString &table : tables) {
        if (table == "schema_migrations"_L1 || table == "tenants"_L1 || table.contains("_fts"_L1) ||
            table.startsWith("sqlite_"_L1))
            continue;
        QSqlQuery probe((*reader)->database());
        QVERIFY2(probe.exec(u"SELECT tenant_id FROM %1 WHERE 1 = 0"_s.arg(table)), qPrintable(table));
    }
    auto tenant = (*reader)->tenant(u"default"_s);
    QVERIFY2(tenant, "the default tenant exists after migrating");
}

void TestStore::reopeningDoesNotMigrateAgain()
{
    openStore().reset();
    auto store = openStore();
    auto reader = StoreReader::open(m_url, m_url.password);
    QSqlQuery query((*reader)->database());
    QVERIFY(query.exec(u"SELECT COUNT(*) FROM schema_migrations"_s));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), Schema::latestVersion());
    QCOMPARE((*reader)->tenants()->size(), 1);
}

void TestStore::refusesADatabaseNewerThanItself()
{
    openStore().reset();
    {
        const QString name = SqlConnection::uniqueName(u"test"_s);
        auto db = SqlConnection::open(m_url, m_url.password, name, SqlConnection::Role::Writer);
        QVERIFY(db);
        QVERIFY(SqlConnection::exec(
            *db, u"INSERT INTO schema_migrations (version, applied_at) VALUES (999, 0)"_s));
        db = QSqlDatabase();
        SqlConnection::close(name);
    }
    auto store = Store::open(m_url, m_url.password);
    QVERIFY(!store);
    QCOMPARE(store.error().kind, StoreError::Kind::Migration);
    QVERIFY2(store.error().message.contains(u"newer"_s), qPrintable(store.error().message));
}

void TestStore::releasedSchemaStepsAreNeverEdited()
{
    // A database made by v1 must open in every later version, so step 1 is frozen: change the schema
    // with a new step, never by editing this one. The hash pins its exact text for both backends.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (auto backend : {DatabaseUrl::Backend::Sqlite, DatabaseUrl::Backend::Postgres})
        hash.addData(Schema::statements(1, backend).join(u";\n"_s).toUtf8());
    QCOMPARE(hash.result().toHex(),
             QByteArray("dad92248005ce07e7eeb5a392c46d9f68eec886bca4b3f9fd16b4ceb4a25b427"));
}

void TestStore::appendsAndReadsBack()
{
    auto store = openStore();
    const qint64 t0 = 1'790'000'000'000;
    const QList<IngestUnit> units{
        makeUnit(Provider::Retell, u"call_started:c1"_s, u"c1"_s,
                 {statusEvent(Provider::Retell, u"c1"_s, CallStatus::InProgress, t0,
                              {{u"fromNumber"_s, u"+4915112345678"_s},
                               {u"toNumber"_s, u"+4930123456"_s},
                               {u"direction"_s, u"inbound"_s},
                               {u"startedAt"_s, double(t0)}})}),
        makeUnit(Provider::Retell, u"transcript:c1:1"_s, u"c1"_s,
                 {transcriptEvent(Provider::Retell, u"c1"_s, u"user"_s, u"I need an appointment on Tuesday"_s,
                                  4000, t0 + 4000),
                  functionEvent(Provider::Retell, u"c1"_s, EventKind::FunctionStarted, u"tc1"_s,
                                u"book_appointment"_s, 5200, t0 + 5200,
                                {{u"arguments"_s, QJsonObject{{u"day"_s, u"tue"_s}}}}),
                  functionEvent(Provider::Retell, u"c1"_s, EventKind::FunctionFinished, u"tc1"_s,
                                u"book_appointment"_s, 5900, t0 + 5900, {{u"status"_s, u"success"_s}})}),
        makeUnit(Provider::Retell, u"call_ended:c1"_s, u"c1"_s,
                 {statusEvent(Provider::Retell, u"c1"_s, CallStatus::Ended, t0 + 64'000,
                              {{u"endedAt"_s, double(t0 + 64'000)}, {u"reason"_s, u"user_hangup"_s}})}),
    };
    const IngestResult result = ingestOk(*store, u"default"_s, units);
    QCOMPARE(result.accepted, 3);
    QCOMPARE(result.duplicates, 0);

    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    const TenantId tenant = reader->tenant(u"default"_s)->id;
    auto call = reader->callByProviderId(tenant, Provider::Retell, u"c1"_s);
    QVERIFY2(call, call ? "" : qPrintable(call.error().message));
    QCOMPARE(toString(call->status), toString(CallStatus::Ended));
    QCOMPARE(call->outcome ? toString(*call->outcome) : QString(),
             toString(Outcome::Completed)); // 64 s, no explicit outcome
    QCOMPARE(call->durationMs, std::optional<qint64>(64'000));
    QCOMPARE(call->fromNumber, u"+4915112345678"_s);
    QCOMPARE(call->direction, u"inbound"_s);
    QCOMPARE(call->endedReason, u"user_hangup"_s);
    QCOMPARE(call->functionCallCount, 1);
    QCOMPARE(call->transcriptSegmentCount, 1);
    QCOMPARE(call->eventCount, 5);
    QCOMPARE(call->errorCount, 0);

    auto events = reader->events(tenant, call->id);
    QVERIFY(events);
    QCOMPARE(events->size(), 5);
    QStringList kinds;
    for (const StoredEvent &e : *events)
        kinds << toString(e.kind);
    const QStringList expected{u"transcript.segment"_s, u"function.started"_s, u"function.finished"_s,
                               u"call.status"_s, u"call.status"_s};
    QCOMPARE(kinds, expected);
    const QJsonObject payload = QJsonDocument::fromJson(events->at(0).payloadJson).object();
    QCOMPARE(payload.value(u"text"_s).toString(), u"I need an appointment on Tuesday"_s);

    auto receipts = reader->receipts(tenant, call->id);
    QVERIFY(receipts);
    QCOMPARE(receipts->size(), 3);
    QCOMPARE(receipts->at(0).eventKey, u"call_started:c1"_s);
    QCOMPARE(receipts->at(0).body, QByteArray(R"({"test":true})"));

    QSqlQuery trace(reader->database());
    QVERIFY(trace.exec(u"SELECT status, duration_ms, arguments FROM function_traces"_s));
    QVERIFY(trace.next());
    QCOMPARE(trace.value(0).toString(), u"success"_s);
    QCOMPARE(trace.value(1).toLongLong(), 700);
    QCOMPARE(trace.value(2).toString(), uR"({"day":"tue"})"_s);
}

void TestStore::duplicateReceiptKeyChangesNothing()
{
    auto store = openStore();
    const QList<IngestUnit> first{
        makeUnit(Provider::Vapi, u"k1"_s, u"v1"_s,
                 {statusEvent(Provider::Vapi, u"v1"_s, CallStatus::Ringing, 1000),
                  transcriptEvent(Provider::Vapi, u"v1"_s, u"agent"_s, u"Hello"_s, 0, 1000)})};
    QCOMPARE(ingestOk(*store, u"default"_s, first).accepted, 1);

    // The same key again, even with different content, is a duplicate and changes nothing.
    QList<IngestUnit> again = first;
    again[0].events.append(statusEvent(Provider::Vapi, u"v1"_s, CallStatus::Ended, 9000));
    const IngestResult result = ingestOk(*store, u"default"_s, again);
    QCOMPARE(result.accepted, 0);
    QCOMPARE(result.duplicates, 1);
    QCOMPARE(result.duplicate, QList<bool>{true});

    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    const TenantId tenant = reader->tenant(u"default"_s)->id;
    QCOMPARE(*reader->countReceipts(tenant), 1);
    QCOMPARE(*reader->countEvents(tenant), 2);
    auto call = reader->callByProviderId(tenant, Provider::Vapi, u"v1"_s);
    QCOMPARE(toString(call->status), toString(CallStatus::Ringing));
    QCOMPARE(call->eventCount, 2);

    // The same key from another provider is another receipt.
    QCOMPARE(ingestOk(*store, u"default"_s, {makeUnit(Provider::Retell, u"k1"_s, u"r1"_s, {})}).accepted, 1);
}

void TestStore::duplicateWithinOneSubmission()
{
    auto store = openStore();
    const IngestUnit unit = makeUnit(Provider::Twilio, u"CA1:completed"_s, u"CA1"_s,
                                     {statusEvent(Provider::Twilio, u"CA1"_s, CallStatus::Ended, 5000)});
    const IngestResult result = ingestOk(*store, u"default"_s, {unit, unit});
    QCOMPARE(result.accepted, 1);
    QCOMPARE(result.duplicates, 1);
    QCOMPARE(result.duplicate, (QList<bool>{false, true}));
    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    QCOMPARE(*reader->countEvents(reader->tenant(u"default"_s)->id), 1);
}

void TestStore::invalidEventMidBatchLeavesNothing()
{
    auto store = openStore();
    QList<IngestUnit> units;
    for (int i = 0; i < 5; ++i) {
        CallEvents events{statusEvent(Provider::Retell, u"m%1"_s.arg(i), CallStatus::InProgress, 1000 + i)};
        if (i == 3) // an event the projector cannot accept, after three good units
            events.append(functionEvent(Provider::Retell, u"m3"_s, EventKind::FunctionFinished, u"t"_s,
                                        u"f"_s, 10, 1010, {{u"status"_s, u"exploded"_s}}));
        units.append(makeUnit(Provider::Retell, u"m%1"_s.arg(i), u"m%1"_s.arg(i), events));
    }
    auto result = await(store->ingest(IngestSubmission{u"default"_s, units}));
    QVERIFY(!result);
    QCOMPARE(result.error().kind, StoreError::Kind::InvalidArgument);

    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    const TenantId tenant = reader->tenant(u"default"_s)->id;
    QCOMPARE(*reader->countReceipts(tenant), 0);
    QCOMPARE(*reader->countEvents(tenant), 0);
    QCOMPARE(*reader->countCalls(tenant), 0);

    // The store still works, and the same keys are not taken.
    units[3].events.removeLast();
    QCOMPARE(ingestOk(*store, u"default"_s, units).accepted, 5);
}

void TestStore::failingStatementMidWriteLeavesNothing()
{
    auto store = openStore();
    auto result = await(store->write<int>([](WriteContext &context) -> Store::Result<int> {
        if (auto tenant = context.insertTenant(u"halfway"_s, u"Halfway"_s, 1); !tenant)
            return std::unexpected(tenant.error());
        if (auto done = SqlConnection::exec(context.db(), u"INSERT INTO no_such_table VALUES (1)"_s); !done)
            return std::unexpected(done.error());
        return 1;
    }));
    QVERIFY(!result);
    QCOMPARE(result.error().kind, StoreError::Kind::Statement);
    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    QVERIFY(!reader->tenant(u"halfway"_s));

    // The rolled-back tenant is not remembered by the writer either.
    auto ingest =
        await(store->ingest(IngestSubmission{u"halfway"_s, {makeUnit(Provider::Vapi, u"x"_s, u"x"_s, {})}}));
    QVERIFY(!ingest);
    QCOMPARE(ingest.error().kind, StoreError::Kind::UnknownTenant);
}

void TestStore::faultyWriteDoesNotSpoilItsGroup()
{
    auto store = openStore();
    // Hold the writer busy so that the next writes queue up and are merged into one group.
    QFuture<Store::Result<int>> blocker = store->write<int>([](WriteContext &) -> Store::Result<int> {
        QThread::msleep(200);
        return 0;
    });
    QList<QFuture<Store::Result<IngestResult>>> good;
    for (int i = 0; i < 4; ++i)
        good.append(store->ingest(IngestSubmission{
            u"default"_s,
            {makeUnit(Provider::Vapi, u"g%1"_s.arg(i), u"g%1"_s.arg(i),
                      {statusEvent(Provider::Vapi, u"g%1"_s.arg(i), CallStatus::Ringing, 10)})}}));
    auto bad = store->ingest(IngestSubmission{u"nobody"_s, {makeUnit(Provider::Vapi, u"b"_s, u"b"_s, {})}});
    const quint64 groupsBefore = store->committedGroups();
    QVERIFY(await(blocker));
    for (auto &future : good) {
        auto result = await(future);
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QCOMPARE(result->accepted, 1);
    }
    auto badResult = await(bad);
    QVERIFY(!badResult);
    QCOMPARE(badResult.error().kind, StoreError::Kind::UnknownTenant);
    QVERIFY(store->committedGroups() > groupsBefore);
    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    QCOMPARE(*reader->countReceipts(reader->tenant(u"default"_s)->id), 4);
}

void TestStore::concurrentSubmittersAllCommitExactlyOnce()
{
    auto store = openStore();
    constexpr int submitters = 8;
    constexpr int eventsPerSubmitter = 1250; // 10 000 in all
    constexpr int eventsPerUnit = 5;
    constexpr int unitsPerSubmission = 10;
    std::vector<std::thread> threads;
    QAtomicInt failures = 0;
    QAtomicInt accepted = 0;
    for (int s = 0; s < submitters; ++s) {
        threads.emplace_back([&, s] {
            QList<QFuture<Store::Result<IngestResult>>> futures;
            QList<IngestUnit> units;
            for (int u = 0; u < eventsPerSubmitter / eventsPerUnit; ++u) {
                const QString call = u"s%1-call%2"_s.arg(s).arg(u % 7);
                CallEvents events;
                for (int e = 0; e < eventsPerUnit; ++e)
                    events.append(transcriptEvent(Provider::Ultravox, call, u"user"_s,
                                                  u"turn %1 %2 %3"_s.arg(s).arg(u).arg(e),
                                                  u * 10'000 + e * 1000, 1'000'000 + u));
                units.append(makeUnit(Provider::Ultravox, u"s%1-u%2"_s.arg(s).arg(u), call, events));
                if (units.size() == unitsPerSubmission) {
                    futures.append(store->ingest(IngestSubmission{u"default"_s, units}));
                    units.clear();
                }
            }
            for (auto &future : futures) {
                const auto result = await(future);
                if (!result)
                    failures.fetchAndAddRelaxed(1);
                else
                    accepted.fetchAndAddRelaxed(result->accepted);
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(failures.loadRelaxed(), 0);
    QCOMPARE(accepted.loadRelaxed(), submitters * eventsPerSubmitter / eventsPerUnit);

    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    const TenantId tenant = reader->tenant(u"default"_s)->id;
    QCOMPARE(*reader->countEvents(tenant), qint64(submitters * eventsPerSubmitter));
    QCOMPARE(*reader->countReceipts(tenant), qint64(submitters * eventsPerSubmitter / eventsPerUnit));
    QSqlQuery unique(reader->database());
    QVERIFY(unique.exec(u"SELECT COUNT(DISTINCT payload) FROM events"_s));
    QVERIFY(unique.next());
    QCOMPARE(unique.value(0).toInt(), submitters * eventsPerSubmitter);
    QCOMPARE(*reader->countCalls(tenant), qint64(submitters * 7));
    // Group commit merged concurrent writes: fewer transactions than writes.
    qInfo("%llu writes in %llu group transactions", store->committedWrites(), store->committedGroups());
    QVERIFY(store->committedGroups() < store->committedWrites());
}

void TestStore::lateStatusNeverRegressesAnEndedCall()
{
    auto store = openStore();
    ingestOk(*store, u"default"_s,
             {makeUnit(Provider::Vapi, u"end"_s, u"v9"_s,
                       {statusEvent(Provider::Vapi, u"v9"_s, CallStatus::Ended, 50'000,
                                    {{u"outcome"_s, u"voicemail"_s}, {u"reason"_s, u"voicemail"_s}})})});
    ingestOk(*store, u"default"_s,
             {makeUnit(Provider::Vapi, u"ringing"_s, u"v9"_s,
                       {statusEvent(Provider::Vapi, u"v9"_s, CallStatus::Ringing, 1'000)}),
              makeUnit(Provider::Vapi, u"progress"_s, u"v9"_s,
                       {statusEvent(Provider::Vapi, u"v9"_s, CallStatus::InProgress, 2'000)})});
    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    auto call = reader->callByProviderId(reader->tenant(u"default"_s)->id, Provider::Vapi, u"v9"_s);
    QCOMPARE(toString(call->status), toString(CallStatus::Ended));
    QCOMPARE(call->outcome ? toString(*call->outcome) : QString(), toString(Outcome::Voicemail));
    QCOMPARE(call->eventCount, 3);
}

void TestStore::functionEndBeforeStartMakesOneTrace()
{
    auto store = openStore();
    ingestOk(*store, u"default"_s,
             {makeUnit(Provider::Backend, u"end"_s, u"b1"_s,
                       {functionEvent(Provider::Backend, u"b1"_s, EventKind::FunctionFinished, u"t1"_s,
                                      u"transfer_call"_s, 9000, 19'000,
                                      {{u"status"_s, u"error"_s}, {u"error"_s, u"SIP 486 busy"_s}})})});
    ingestOk(*store, u"default"_s,
             {makeUnit(Provider::Backend, u"start"_s, u"b1"_s,
                       {functionEvent(Provider::Backend, u"b1"_s, EventKind::FunctionStarted, u"t1"_s,
                                      u"transfer_call"_s, 8000, 18'000)})});
    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    QSqlQuery trace(reader->database());
    QVERIFY(trace.exec(
        u"SELECT status, duration_ms, start_offset_ms, end_offset_ms, error FROM function_traces"_s));
    QVERIFY(trace.next());
    QCOMPARE(trace.value(0).toString(), u"error"_s);
    QCOMPARE(trace.value(1).toLongLong(), 1000);
    QCOMPARE(trace.value(2).toLongLong(), 8000);
    QCOMPARE(trace.value(3).toLongLong(), 9000);
    QCOMPARE(trace.value(4).toString(), u"\"SIP 486 busy\""_s);
    QVERIFY(!trace.next());
    auto call = reader->callByProviderId(reader->tenant(u"default"_s)->id, Provider::Backend, u"b1"_s);
    QCOMPARE(call->functionCallCount, 1);
    QCOMPARE(call->errorCount, 1);
}

void TestStore::fullTextSearchFindsTranscriptAndFunctions()
{
    auto store = openStore();
    ingestOk(*store, u"default"_s,
             {makeUnit(Provider::Retell, u"a"_s, u"ra"_s,
                       {transcriptEvent(Provider::Retell, u"ra"_s, u"user"_s,
                                        u"My dog needs a grooming slot"_s, 0, 1)}),
              makeUnit(Provider::Retell, u"b"_s, u"rb"_s,
                       {transcriptEvent(Provider::Retell, u"rb"_s, u"user"_s,
                                        u"I want to cancel my appointment"_s, 0, 2),
                        functionEvent(Provider::Retell, u"rb"_s, EventKind::FunctionStarted, u"t"_s,
                                      u"cancel_booking"_s, 10, 3,
                                      {{u"arguments"_s, QJsonObject{{u"patient"_s, u"Müller"_s}}}})})});
    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    const TenantId tenant = reader->tenant(u"default"_s)->id;
    auto search = [&](const QString &text) {
        CallQuery query;
        query.text = text;
        QStringList ids;
        const auto calls = reader->calls(tenant, query);
        for (const CallSummary &c : *calls)
            ids << c.providerCallId;
        return ids;
    };
    QCOMPARE(search(u"grooming"_s), QStringList{u"ra"_s});
    QCOMPARE(search(u"appointment"_s), QStringList{u"rb"_s});
    QCOMPARE(search(u"cancel_booking"_s), QStringList{u"rb"_s});
    QCOMPARE(search(u"Müller"_s), QStringList{u"rb"_s});
    QCOMPARE(search(u"nothing-like-this"_s), QStringList{});

    // Another tenant's search finds nothing of this one.
    QVERIFY(await(store->createTenant(u"salon"_s, u"Salon"_s)));
    const TenantId salon = reader->tenant(u"salon"_s)->id;
    CallQuery query;
    query.text = u"grooming"_s;
    QVERIFY(reader->calls(salon, query)->isEmpty());
}

void TestStore::searchPagesThroughManyCallsNewestFirst()
{
    // More calls than the reader's window of recent calls (1 000 for small pages), so both of its
    // ways are taken: a word of every call is answered from the window, a word of a few old calls
    // from the whole history. Start times are not in arrival order: every seventh call started
    // half an hour before the ones that arrived just before it.
    auto store = openStore();
    const qint64 t0 = 1'790'000'000'000;
    constexpr int calls = 1'500;
    struct Expected
    {
        qint64 start;
        int index;
    };
    std::vector<Expected> order;
    QList<IngestUnit> units;
    for (int i = 0; i < calls; ++i) {
        const QString id = u"c%1"_s.arg(i);
        const qint64 start = t0 + qint64(i) * 60'000 - (i % 7 == 0 ? 30 * 60'000 : 0);
        order.push_back({start, i});
        const QString number = u"+49301234%1"_s.arg(i % 50, 2, 10, QLatin1Char('0'));
        units << makeUnit(Provider::Retell, id + u"-s"_s, id,
                          {statusEvent(Provider::Retell, id, CallStatus::InProgress, start,
                                       {{u"fromNumber"_s, number}, {u"startedAt"_s, double(start)}})})
              << makeUnit(Provider::Retell, id + u"-t"_s, id,
                          {transcriptEvent(Provider::Retell, id, u"user"_s,
                                           i % 500 == 3 ? u"I need an appointment for a wedding"_s
                                                        : u"I need an appointment"_s,
                                           1000, start + 1000)});
        if (units.size() >= 200 || i == calls - 1) {
            ingestOk(*store, u"default"_s, units);
            units.clear();
        }
    }
    // Newest start first; calls that arrived later have larger ids.
    std::sort(order.begin(), order.end(), [](const Expected &a, const Expected &b) {
        return a.start != b.start ? a.start > b.start : a.index > b.index;
    });
    const auto expected = [&order](const std::function<bool(int)> &matches) {
        QStringList ids;
        for (const Expected &e : order) {
            if (matches(e.index))
                ids << u"c%1"_s.arg(e.index);
        }
        return ids;
    };

    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    const TenantId tenant = reader->tenant(u"default"_s)->id;
    // Every page, each continuing after the last call of the one before (the API's cursor).
    const auto pages = [&](CallQuery query) {
        QStringList ids;
        for (;;) {
            const auto page = reader->calls(tenant, query);
            if (!page)
                qFatal("calls: %s", qPrintable(page.error().message));
            for (const CallSummary &c : *page)
                ids << c.providerCallId;
            if (page->size() < query.limit)
                return ids;
            query.beforeSortAt = page->last().sortAt;
            query.beforeId = page->last().id;
        }
    };
    CallQuery common;
    common.text = u"appointment"_s;
    common.limit = 40;
    QCOMPARE(pages(common), expected([](int) { return true; }));
    CallQuery rare;
    rare.text = u"wedding"_s;
    rare.limit = 2;
    QCOMPARE(pages(rare), expected([](int i) { return i % 500 == 3; }));
    rare.limit = 10;
    QCOMPARE(pages(rare), expected([](int i) { return i % 500 == 3; }));
    // The last digits of the caller's number (the API sets both: the digits are words, too).
    CallQuery digits;
    digits.text = u"123407"_s;
    digits.numberSuffix = u"123407"_s;
    digits.limit = 7;
    QCOMPARE(pages(digits), expected([](int i) { return i % 50 == 7; }));
    digits.text = digits.numberSuffix = u"3407"_s;
    QCOMPARE(pages(digits), expected([](int i) { return i % 50 == 7; }));
    digits.text = digits.numberSuffix = u"9999"_s;
    QCOMPARE(pages(digits), QStringList());
}

void TestStore::readHelpersRefuseOtherTenants_data()
{
    QTest::addColumn<QString>("helper");
    for (const char *helper : {"calls", "call", "callByUuid", "callByProviderId", "events", "receipts",
                               "receiptByKey", "countEvents", "countReceipts", "countCalls"})
        QTest::newRow(helper) << QString::fromLatin1(helper);
}

void TestStore::readHelpersRefuseOtherTenants()
{
    QFETCH(QString, helper);
    auto store = openStore();
    QVERIFY(await(store->createTenant(u"clinic"_s, u"Clinic"_s)));
    QVERIFY(await(store->createTenant(u"salon"_s, u"Salon"_s)));
    ingestOk(*store, u"clinic"_s,
             {makeUnit(Provider::Retell, u"k"_s, u"secret-call"_s,
                       {statusEvent(Provider::Retell, u"secret-call"_s, CallStatus::InProgress, 5)})});
    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    const TenantId clinic = reader->tenant(u"clinic"_s)->id;
    const TenantId salon = reader->tenant(u"salon"_s)->id;
    const CallSummary owned = *reader->callByProviderId(clinic, Provider::Retell, u"secret-call"_s);

    // Returns how many rows the helper sees for `tenant`, or -1 for NotFound, -2 for InvalidArgument.
    auto rowsSeenBy = [&](TenantId tenant) -> qint64 {
        auto code = [](const StoreError &e) {
            return e.kind == StoreError::Kind::NotFound          ? -1
                   : e.kind == StoreError::Kind::InvalidArgument ? -2
                                                                 : -3;
        };
        if (helper == "calls"_L1) {
            auto r = reader->calls(tenant);
            return r ? r->size() : code(r.error());
        }
        if (helper == "call"_L1) {
            auto r = reader->call(tenant, owned.id);
            return r ? 1 : code(r.error());
        }
        if (helper == "callByUuid"_L1) {
            auto r = reader->callByUuid(tenant, owned.uuid);
            return r ? 1 : code(r.error());
        }
        if (helper == "callByProviderId"_L1) {
            auto r = reader->callByProviderId(tenant, Provider::Retell, u"secret-call"_s);
            return r ? 1 : code(r.error());
        }
        if (helper == "events"_L1) {
            auto r = reader->events(tenant, owned.id);
            return r ? r->size() : code(r.error());
        }
        if (helper == "receipts"_L1) {
            auto r = reader->receipts(tenant, owned.id);
            return r ? r->size() : code(r.error());
        }
        if (helper == "receiptByKey"_L1) {
            auto r = reader->receiptByKey(tenant, Provider::Retell, u"k"_s);
            return r ? 1 : code(r.error());
        }
        auto r = helper == "countEvents"_L1     ? reader->countEvents(tenant)
                 : helper == "countReceipts"_L1 ? reader->countReceipts(tenant)
                                                : reader->countCalls(tenant);
        return r ? *r : code(r.error());
    };
    QCOMPARE(rowsSeenBy(clinic), qint64(1));
    const qint64 seenByOther = rowsSeenBy(salon);
    QVERIFY2(seenByOther == 0 || seenByOther == -1, qPrintable(u"salon saw %1"_s.arg(seenByOther)));
    QCOMPARE(rowsSeenBy(TenantId{}), qint64(-2));
}

void TestStore::announcesWhatChanged()
{
    auto store = openStore();
    QSignalSpy spy(store.get(), &Store::changed);
    QTest::qWait(20); // let the announcement of the default tenant, created on open, go by
    spy.clear();
    ingestOk(*store, u"default"_s,
             {makeUnit(Provider::LiveKit, u"room_started:RM1"_s, u"RM1"_s,
                       {statusEvent(Provider::LiveKit, u"RM1"_s, CallStatus::InProgress, 5)})});
    QTRY_COMPARE(spy.size(), 1);
    const auto changes = spy.at(0).at(0).value<StoreChanges>();
    QVERIFY(changes.kinds & StoreChanges::Calls);
    QVERIFY(changes.kinds & StoreChanges::Events);
    QCOMPARE(changes.callIds.size(), 1);
    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    const TenantId tenant = reader->tenant(u"default"_s)->id;
    QCOMPARE(*changes.callIds.begin(), reader->callByProviderId(tenant, Provider::LiveKit, u"RM1"_s)->id);
    QVERIFY(changes.tenantIds.contains(tenant.value));

    // A duplicate changes nothing and announces no call.
    spy.clear();
    ingestOk(*store, u"default"_s, {makeUnit(Provider::LiveKit, u"room_started:RM1"_s, u"RM1"_s, {})});
    QTest::qWait(50);
    for (const auto &args : spy)
        QVERIFY(args.at(0).value<StoreChanges>().callIds.isEmpty());
}

void TestStore::tenantsAreCreatedOnceAndValidated()
{
    auto store = openStore();
    auto created = await(store->createTenant(u"clinic-42"_s, u"Clinic 42"_s));
    QVERIFY(created);
    QCOMPARE(created->slug, u"clinic-42"_s);
    QCOMPARE(created->name, u"Clinic 42"_s);
    auto again = await(store->createTenant(u"clinic-42"_s, u"Other"_s));
    QVERIFY(!again);
    QCOMPARE(again.error().kind, StoreError::Kind::Conflict);
    auto bad = await(store->createTenant(u"Not A Slug"_s, {}));
    QVERIFY(!bad);
    QCOMPARE(bad.error().kind, StoreError::Kind::InvalidArgument);
    auto ensured = await(store->ensureTenants({u"clinic-42"_s, u"salon"_s}));
    QVERIFY(ensured);
    QCOMPARE(ensured->size(), 1);
    QCOMPARE(ensured->first().slug, u"salon"_s);
    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    QStringList slugs;
    const auto tenants = reader->tenants();
    for (const Tenant &t : *tenants)
        slugs << t.slug;
    QCOMPARE(slugs, (QStringList{u"clinic-42"_s, u"default"_s, u"salon"_s}));
}

void TestStore::stopAnswersEverythingAccepted()
{
    auto store = openStore();
    QList<QFuture<Store::Result<IngestResult>>> futures;
    for (int i = 0; i < 50; ++i)
        futures.append(store->ingest(IngestSubmission{
            u"default"_s,
            {makeUnit(Provider::Twilio, u"stop%1"_s.arg(i), u"CA%1"_s.arg(i),
                      {statusEvent(Provider::Twilio, u"CA%1"_s.arg(i), CallStatus::Ringing, i)})}}));
    store->stop();
    for (auto &future : futures) {
        QVERIFY(future.isFinished());
        QVERIFY(future.result());
    }
    auto late = await(store->ingest(IngestSubmission{u"default"_s, {}}));
    QVERIFY(!late);
    QCOMPARE(late.error().kind, StoreError::Kind::ShuttingDown);
    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    QCOMPARE(*reader->countReceipts(reader->tenant(u"default"_s)->id), 50);
}

void TestStore::carrierLegArrivingFirstIsMergedIntoThePlatformCall()
{
    auto store = openStore();
    const QString sid = u"CA0123456789abcdef0123456789abcdef"_s;
    CallEvent twilioRinging =
        statusEvent(Provider::Twilio, sid, CallStatus::Ringing, 1'000,
                    {{u"fromNumber"_s, u"+4915100000001"_s}, {u"toNumber"_s, u"+4930000000"_s}});
    twilioRinging.twilioCallSid = sid;
    ingestOk(*store, u"default"_s, {makeUnit(Provider::Twilio, sid + u":0"_s, sid, {twilioRinging})});

    CallEvent retellStarted =
        statusEvent(Provider::Retell, u"call_r1"_s, CallStatus::InProgress, 2'000,
                    {{u"fromNumber"_s, u"+4915199999999"_s}, {u"agent"_s, u"Front desk"_s}});
    retellStarted.twilioCallSid = sid;
    ingestOk(*store, u"default"_s,
             {makeUnit(Provider::Retell, u"call_started:call_r1"_s, u"call_r1"_s, {retellStarted})});

    CallEvent twilioCompleted =
        statusEvent(Provider::Twilio, sid, CallStatus::Ended, 70'000, {{u"durationMs"_s, 68'000}});
    twilioCompleted.twilioCallSid = sid;
    ingestOk(*store, u"default"_s, {makeUnit(Provider::Twilio, sid + u":3"_s, sid, {twilioCompleted})});

    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    const TenantId tenant = reader->tenant(u"default"_s)->id;
    const auto listed = reader->calls(tenant);
    QCOMPARE(listed->size(), 1); // one call, both legs
    const CallSummary &call = listed->first();
    QCOMPARE(toString(call.provider), u"retell"_s);
    QCOMPARE(call.twilioCallSid, sid);
    QCOMPARE(call.fromNumber, u"+4915199999999"_s); // the platform's numbers win
    QCOMPARE(call.toNumber, u"+4930000000"_s);      // the carrier fills what the platform did not say
    QCOMPARE(toString(call.status), u"ended"_s);
    QCOMPARE(call.durationMs, std::optional<qint64>(68'000));
    QCOMPARE(call.eventCount, 3);
    QCOMPARE(reader->receipts(tenant, call.id)->size(), 3);
    QCOMPARE(reader->events(tenant, call.id)->size(), 3);
    // twilio:{CallSid} names the same call.
    const auto byCallSid = reader->callByProviderId(tenant, Provider::Twilio, sid);
    QVERIFY2(byCallSid, byCallSid ? "" : qPrintable(byCallSid.error().message));
    QCOMPARE(byCallSid->id, call.id);
}

void TestStore::carrierLegArrivingLaterJoinsThePlatformCall()
{
    auto store = openStore();
    const QString sid = u"CAfedcba9876543210fedcba9876543210"_s;
    CallEvent vapiStarted = statusEvent(Provider::Vapi, u"vapi-1"_s, CallStatus::InProgress, 1'000);
    vapiStarted.twilioCallSid = sid;
    ingestOk(*store, u"default"_s,
             {makeUnit(Provider::Vapi, u"status-update:vapi-1:1"_s, u"vapi-1"_s, {vapiStarted})});
    CallEvent twilio =
        statusEvent(Provider::Twilio, sid, CallStatus::InProgress, 1'500, {{u"toNumber"_s, u"+49301"_s}});
    twilio.twilioCallSid = sid;
    ingestOk(*store, u"default"_s, {makeUnit(Provider::Twilio, sid + u":1"_s, sid, {twilio})});

    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    const TenantId tenant = reader->tenant(u"default"_s)->id;
    QCOMPARE(*reader->countCalls(tenant), qint64(1)); // no row for the leg at all
    const CallSummary call = *reader->callByProviderId(tenant, Provider::Vapi, u"vapi-1"_s);
    QCOMPARE(call.twilioCallSid, sid);
    QCOMPARE(call.toNumber, u"+49301"_s);
    QCOMPARE(call.eventCount, 2);
    const auto byCallSid = reader->callByProviderId(tenant, Provider::Twilio, sid);
    QVERIFY2(byCallSid, byCallSid ? "" : qPrintable(byCallSid.error().message));
    QCOMPARE(byCallSid->id, call.id);
}

void TestStore::carrierLegsOfOneSubmissionEachJoinTheirPlatformCall()
{
    auto store = openStore();
    const QString vapiSid = u"CA11111111111111111111111111111111"_s;
    const QString retellSid = u"CA22222222222222222222222222222222"_s;
    const QString loneSid = u"CA33333333333333333333333333333333"_s;
    CallEvent vapiStarted = statusEvent(Provider::Vapi, u"vapi-1"_s, CallStatus::InProgress, 1'000);
    vapiStarted.twilioCallSid = vapiSid;
    CallEvent retellStarted = statusEvent(Provider::Retell, u"call_r1"_s, CallStatus::InProgress, 1'000);
    retellStarted.twilioCallSid = retellSid;
    ingestOk(*store, u"default"_s,
             {makeUnit(Provider::Vapi, u"status-update:vapi-1:1"_s, u"vapi-1"_s, {vapiStarted}),
              makeUnit(Provider::Retell, u"call_started:call_r1"_s, u"call_r1"_s, {retellStarted})});

    // One submission, one transaction: three legs (two of them known to a platform call) and another
    // event of a platform call whose leg is among them.
    QList<IngestUnit> units;
    for (const QString &sid : {vapiSid, retellSid, loneSid}) {
        CallEvent twilio =
            statusEvent(Provider::Twilio, sid, CallStatus::InProgress, 1'500, {{u"toNumber"_s, u"+49301"_s}});
        twilio.twilioCallSid = sid;
        units.append(makeUnit(Provider::Twilio, sid + u":1"_s, sid, {twilio}));
    }
    CallEvent vapiEnded = statusEvent(Provider::Vapi, u"vapi-1"_s, CallStatus::Ended, 9'000);
    vapiEnded.twilioCallSid = vapiSid;
    units.append(makeUnit(Provider::Vapi, u"end-of-call-report:vapi-1"_s, u"vapi-1"_s, {vapiEnded}));
    QCOMPARE(ingestOk(*store, u"default"_s, units).accepted, 4);

    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    const TenantId tenant = reader->tenant(u"default"_s)->id;
    QCOMPARE(*reader->countCalls(tenant), qint64(3)); // the two platform calls and the lone leg
    const CallSummary vapi = *reader->callByProviderId(tenant, Provider::Vapi, u"vapi-1"_s);
    QCOMPARE(vapi.toNumber, u"+49301"_s);
    QCOMPARE(toString(vapi.status), u"ended"_s);
    QCOMPARE(vapi.eventCount, 3);
    QCOMPARE(reader->callByProviderId(tenant, Provider::Twilio, vapiSid)->id, vapi.id);
    const CallSummary retell = *reader->callByProviderId(tenant, Provider::Retell, u"call_r1"_s);
    QCOMPARE(retell.toNumber, u"+49301"_s);
    QCOMPARE(retell.eventCount, 2);
    QCOMPARE(reader->callByProviderId(tenant, Provider::Twilio, retellSid)->id, retell.id);
    const auto lone = reader->callByProviderId(tenant, Provider::Twilio, loneSid);
    QVERIFY2(lone, lone ? "" : qPrintable(lone.error().message));
    QCOMPARE(toString(lone->provider), u"twilio"_s);
    QCOMPARE(lone->eventCount, 1);
}

void TestStore::aCarrierLegNeverJoinsAnotherTenantsCall()
{
    // The clinic's platform call knows CallSid X. Its next event and the default tenant's Twilio
    // leg with that CallSid are written in one group-commit transaction (a long submission keeps
    // the writer busy while both wait, so they are taken together): the leg stays the default
    // tenant's own call.
    auto store = openStore();
    QVERIFY(await(store->createTenant(u"clinic"_s, u"Clinic"_s)));
    const QString sid = u"CA44444444444444444444444444444444"_s;
    CallEvent retellStarted = statusEvent(Provider::Retell, u"call_clinic"_s, CallStatus::InProgress, 1'000);
    retellStarted.twilioCallSid = sid;
    ingestOk(*store, u"clinic"_s,
             {makeUnit(Provider::Retell, u"call_started:call_clinic"_s, u"call_clinic"_s, {retellStarted})});

    QList<IngestUnit> filler;
    for (int i = 0; i < 400; ++i)
        filler.append(
            makeUnit(Provider::Retell, u"filler:%1"_s.arg(i), u"call_f%1"_s.arg(i),
                     {statusEvent(Provider::Retell, u"call_f%1"_s.arg(i), CallStatus::InProgress, 500)}));
    auto busy = store->ingest(IngestSubmission{u"default"_s, filler});
    CallEvent retellEnded = statusEvent(Provider::Retell, u"call_clinic"_s, CallStatus::Ended, 60'000);
    retellEnded.twilioCallSid = sid;
    auto platform = store->ingest(IngestSubmission{
        u"clinic"_s,
        {makeUnit(Provider::Retell, u"call_ended:call_clinic"_s, u"call_clinic"_s, {retellEnded})}});
    CallEvent leg =
        statusEvent(Provider::Twilio, sid, CallStatus::InProgress, 1'500, {{u"toNumber"_s, u"+49301"_s}});
    leg.twilioCallSid = sid;
    auto carrier = store->ingest(
        IngestSubmission{u"default"_s, {makeUnit(Provider::Twilio, sid + u":1"_s, sid, {leg})}});
    QVERIFY(await(busy));
    QVERIFY(await(platform));
    QVERIFY(await(carrier));

    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    const TenantId own = reader->tenant(u"default"_s)->id;
    const TenantId clinic = reader->tenant(u"clinic"_s)->id;
    const auto ownLeg = reader->callByProviderId(own, Provider::Twilio, sid);
    QVERIFY2(ownLeg, ownLeg ? "" : qPrintable(ownLeg.error().message));
    QCOMPARE(toString(ownLeg->provider), u"twilio"_s);
    QCOMPARE(ownLeg->toNumber, u"+49301"_s);
    const CallSummary clinicCall = *reader->callByProviderId(clinic, Provider::Retell, u"call_clinic"_s);
    QVERIFY(clinicCall.toNumber.isEmpty()); // nothing of the other tenant's leg
    QCOMPARE(clinicCall.eventCount, 2);
}

void TestStore::unattributedDeliveryIsKeptAndRaisedAsAnError()
{
    auto store = openStore();
    IngestUnit unit = makeUnit(Provider::LiveKit, u"EV_abc"_s, QString(), {});
    unit.receipt.status = ReceiptStatus::Unattributed;
    unit.receipt.unattributedReason = u"the event names no room"_s;
    unit.receipt.eventType = u"participant_joined"_s;
    QCOMPARE(ingestOk(*store, u"default"_s, {unit}).accepted, 1);
    // The same failure again, from another delivery: one group, counted twice.
    unit.receipt.eventKey = u"EV_def"_s;
    QCOMPARE(ingestOk(*store, u"default"_s, {unit}).accepted, 1);

    auto reader = std::move(*StoreReader::open(m_url, m_url.password));
    const TenantId tenant = reader->tenant(u"default"_s)->id;
    QCOMPARE(*reader->countReceipts(tenant), qint64(2));
    auto receipt = reader->receiptByKey(tenant, Provider::LiveKit, u"EV_abc"_s);
    QVERIFY(receipt);
    QVERIFY(receipt->status == ReceiptStatus::Unattributed);
    QSqlQuery groups(reader->database());
    QVERIFY(groups.exec(u"SELECT count, severity, status, source, code, provider FROM error_groups"_s));
    QVERIFY(groups.next());
    QCOMPARE(groups.value(0).toInt(), 2);
    QCOMPARE(groups.value(1).toString(), u"medium"_s);
    QCOMPARE(groups.value(2).toString(), u"unresolved"_s);
    QCOMPARE(groups.value(3).toString(), u"ingest"_s);
    QCOMPARE(groups.value(4).toString(), u"unattributed"_s);
    QCOMPARE(groups.value(5).toString(), u"livekit"_s);
    QVERIFY(!groups.next());
    QSqlQuery errors(reader->database());
    QVERIFY(errors.exec(u"SELECT COUNT(*) FROM errors WHERE receipt_id IS NOT NULL"_s));
    QVERIFY(errors.next());
    QCOMPARE(errors.value(0).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
