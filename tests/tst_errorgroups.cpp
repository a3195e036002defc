// SPDX-License-Identifier: GPL-3.0-or-later
// Error groups in the store (SQLite and PostgreSQL): what becomes an error (failed tool calls,
// backend error events, provider failure reasons, failed transfers, stale calls), the lifecycle
// (resolve, regression, ignore forever, until a count, until a time, reopen) as a table, the
// per-group counts (events, affected calls, events per hour) and the reads of the errors view.
#include "schema.h"
#include "sqlconnection.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 hourMs = 3'600'000;
// 2026-09-21 08:00 UTC, an hour boundary: the hourly roll-up's buckets are known.
constexpr qint64 t0 = 1'790'000'000'000 - 1'790'000'000'000 % hourMs;

// A step of a lifecycle row: an action on the group, or n more events of it.
struct Step
{
    enum Kind
    {
        Events,
        Resolve,
        Ignore,
        IgnoreCount, // n more events
        IgnoreUntil, // n hours from the last event
        Reopen,
        Sweep, // n hours after the last event
    } kind;
    int n = 1;
};

struct Expect
{
    QString status;
    bool regression = false;
    qint64 count = 0;
};

} // namespace

Q_DECLARE_METATYPE(QList<Step>)
Q_DECLARE_METATYPE(Expect)

class TestErrorGroups : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void lifecycle_data();
    void lifecycle();
    void refusedActions();
    void ignoreLimitsAreCheckedAndCleared();
    void sameFailureOneGroupAcrossCalls();
    void hourlyCountsAndRanges();
    void providerFailureReasons_data();
    void providerFailureReasons();
    void failedTransferIsAnError();
    void staleCalls();
    void severityDefaultsAndSettings();
    void eventsAndCallsOfAGroup();
    void migrationFillsTheRollUp();

private:
    // A failed tool call of book_appointment_v17 with the same failure (a different id in its
    // message each time) on `call`.
    void fail(const QString &call, qint64 atMs, const QString &code = u"calendar_unavailable"_s,
              const QString &function = u"book_appointment_v17"_s);
    void ingest(const QString &key, const QString &call, const CallEvents &events, Provider provider);
    QList<ErrorGroupRecord> groups(const ErrorGroupQuery &query = {});
    ErrorGroupRecord only();
    QStringList audit(qint64 groupId);

    TestDatabase m_database;
    DatabaseUrl m_url;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
    TenantId m_tenant;
    int m_serial = 0;
    qint64 m_lastAt = t0;
};

void TestErrorGroups::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
}

void TestErrorGroups::init()
{
    m_url = m_database.fresh();
    auto store = Store::open(m_url, m_url.password);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
    QVERIFY(await(m_store->ensureTenants({u"default"_s, u"salon"_s})));
    auto reader = StoreReader::open(m_url, m_url.password);
    QVERIFY2(reader, reader ? "" : qPrintable(reader.error().message));
    m_reader = std::move(*reader);
    auto tenant = m_reader->tenant(u"default"_s);
    QVERIFY(tenant);
    m_tenant = tenant->id;
    m_serial = 0;
    m_lastAt = t0;
}

void TestErrorGroups::cleanup()
{
    m_reader.reset();
    m_store.reset();
}

void TestErrorGroups::ingest(const QString &key, const QString &call, const CallEvents &events,
                             Provider provider)
{
    auto result =
        await(m_store->ingest(IngestSubmission{u"default"_s, {makeUnit(provider, key, call, events)}}));
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    QCOMPARE(result->accepted, 1);
}

void TestErrorGroups::fail(const QString &call, qint64 atMs, const QString &code, const QString &function)
{
    const int n = ++m_serial;
    m_lastAt = std::max(m_lastAt, atMs);
    const QJsonObject error{
        {u"code"_s, code},
        {u"message"_s, u"calendar 4711 answered 503 for slot %1 (request req_%2a9f)"_s.arg(n).arg(n)}};
    ingest(u"f-%1"_s.arg(n), call,
           {functionEvent(Provider::Backend, call, EventKind::FunctionStarted, u"tc-%1"_s.arg(n), function,
                          1'000, atMs - 500),
            functionEvent(Provider::Backend, call, EventKind::FunctionFinished, u"tc-%1"_s.arg(n), function,
                          1'500, atMs,
                          {{u"status"_s, u"error"_s}, {u"error"_s, error}, {u"durationMs"_s, 500}})},
           Provider::Backend);
}

QList<ErrorGroupRecord> TestErrorGroups::groups(const ErrorGroupQuery &query)
{
    auto rows = m_reader->errorGroups(m_tenant, query);
    if (!rows)
        qWarning() << rows.error().message;
    return rows.value_or(QList<ErrorGroupRecord>());
}

ErrorGroupRecord TestErrorGroups::only()
{
    const QList<ErrorGroupRecord> all = groups();
    if (all.size() != 1) {
        qWarning() << "groups:" << all.size();
        return {};
    }
    return all.first();
}

QStringList TestErrorGroups::audit(qint64 groupId)
{
    QSqlQuery query(m_reader->database());
    query.prepare(
        u"SELECT actor, action FROM audit_log WHERE entity = 'error_group' AND entity_id = ? ORDER BY id"_s);
    query.addBindValue(QString::number(groupId));
    QStringList out;
    if (!query.exec())
        return {u"failed"_s};
    while (query.next())
        out << query.value(0).toString() + u':' + query.value(1).toString();
    return out;
}

void TestErrorGroups::lifecycle_data()
{
    QTest::addColumn<QList<Step>>("steps");
    QTest::addColumn<Expect>("expected");
    QTest::addColumn<QStringList>("auditTrail");

    using S = Step;
    QTest::newRow("new") << QList<Step>{{S::Events, 3}} << Expect{u"unresolved"_s, false, 3} << QStringList();
    QTest::newRow("resolved") << QList<Step>{{S::Events, 2}, {S::Resolve}} << Expect{u"resolved"_s, false, 2}
                              << QStringList{u"Mia:resolve"_s};
    QTest::newRow("resolved then again: regression")
        << QList<Step>{{S::Events, 2}, {S::Resolve}, {S::Events, 1}} << Expect{u"unresolved"_s, true, 3}
        << QStringList{u"Mia:resolve"_s, u"CallScope:regressed"_s};
    QTest::newRow("regression reopened: acknowledged")
        << QList<Step>{{S::Events, 1}, {S::Resolve}, {S::Events, 1}, {S::Reopen}}
        << Expect{u"unresolved"_s, false, 2}
        << QStringList{u"Mia:resolve"_s, u"CallScope:regressed"_s, u"Mia:reopen"_s};
    QTest::newRow("ignored only counts") << QList<Step>{{S::Events, 1}, {S::Ignore}, {S::Events, 5}}
                                         << Expect{u"ignored"_s, false, 6} << QStringList{u"Mia:ignore"_s};
    QTest::newRow("ignored until 3 more: 2 more")
        << QList<Step>{{S::Events, 4}, {S::IgnoreCount, 3}, {S::Events, 2}} << Expect{u"ignored"_s, false, 6}
        << QStringList{u"Mia:ignore"_s};
    QTest::newRow("ignored until 3 more: 3 more")
        << QList<Step>{{S::Events, 4}, {S::IgnoreCount, 3}, {S::Events, 3}}
        << Expect{u"unresolved"_s, false, 7} << QStringList{u"Mia:ignore"_s, u"CallScope:ignore_ended"_s};
    QTest::newRow("ignored until 3 more: then ignored again, counts anew")
        << QList<Step>{{S::Events, 1},
                       {S::IgnoreCount, 3},
                       {S::Events, 3},
                       {S::IgnoreCount, 2},
                       {S::Events, 1}}
        << Expect{u"ignored"_s, false, 5}
        << QStringList{u"Mia:ignore"_s, u"CallScope:ignore_ended"_s, u"Mia:ignore"_s};
    QTest::newRow("ignored until in 2 h: an event within")
        << QList<Step>{{S::Events, 1}, {S::IgnoreUntil, 2}, {S::Events, 1}} << Expect{u"ignored"_s, false, 2}
        << QStringList{u"Mia:ignore"_s};
    QTest::newRow("ignored until in 2 h: the sweep after it")
        << QList<Step>{{S::Events, 1}, {S::IgnoreUntil, 2}, {S::Sweep, 3}}
        << Expect{u"unresolved"_s, false, 1} << QStringList{u"Mia:ignore"_s, u"CallScope:ignore_ended"_s};
    QTest::newRow("ignored until in 2 h: the sweep before it")
        << QList<Step>{{S::Events, 1}, {S::IgnoreUntil, 2}, {S::Sweep, 1}} << Expect{u"ignored"_s, false, 1}
        << QStringList{u"Mia:ignore"_s};
    QTest::newRow("ignored, resolved: limits gone, then a regression")
        << QList<Step>{{S::Events, 1}, {S::IgnoreCount, 1}, {S::Resolve}, {S::Events, 1}}
        << Expect{u"unresolved"_s, true, 2}
        << QStringList{u"Mia:ignore"_s, u"Mia:resolve"_s, u"CallScope:regressed"_s};
    QTest::newRow("resolved, ignored, again: stays ignored")
        << QList<Step>{{S::Events, 1}, {S::Resolve}, {S::Ignore}, {S::Events, 1}}
        << Expect{u"ignored"_s, false, 2} << QStringList{u"Mia:resolve"_s, u"Mia:ignore"_s};
}

void TestErrorGroups::lifecycle()
{
    QFETCH(QList<Step>, steps);
    QFETCH(Expect, expected);
    QFETCH(QStringList, auditTrail);

    qint64 at = t0;
    qint64 groupId = 0;
    for (const Step &step : std::as_const(steps)) {
        if (step.kind == Step::Events) {
            for (int i = 0; i < step.n; ++i) {
                at += 60'000;
                fail(u"call-%1"_s.arg(m_serial % 3), at);
            }
            groupId = only().id;
            continue;
        }
        if (step.kind == Step::Sweep) {
            // Far in the future for the ignore, but nothing is stale: the calls ended... or are
            // recent enough (stale before t0 - 1 h).
            auto swept =
                await(m_store->sweep(t0 - hourMs, QDateTime::currentMSecsSinceEpoch() + step.n * hourMs));
            QVERIFY(swept);
            continue;
        }
        Store::IgnoreLimits limits;
        Store::ErrorGroupAction action = Store::ErrorGroupAction::Ignore;
        switch (step.kind) {
        case Step::Resolve:
            action = Store::ErrorGroupAction::Resolve;
            break;
        case Step::Reopen:
            action = Store::ErrorGroupAction::Reopen;
            break;
        case Step::IgnoreCount:
            limits.moreEvents = step.n;
            break;
        case Step::IgnoreUntil:
            // "Until" is in real time (the store refuses a past one); the test's events are in the
            // past, so the later event is dated after it to cross it.
            limits.untilMs = QDateTime::currentMSecsSinceEpoch() + step.n * hourMs;
            break;
        default:
            break;
        }
        auto done = await(m_store->errorGroupAction(u"default"_s, groupId, action, u"Mia"_s, limits));
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    }
    const ErrorGroupRecord group = only();
    QCOMPARE(group.status, expected.status);
    QCOMPARE(group.regression, expected.regression);
    QCOMPARE(group.count, expected.count);
    QCOMPARE(audit(group.id), auditTrail);
    if (group.status != "ignored"_L1) {
        QVERIFY(!group.ignoreUntilCount);
        QVERIFY(!group.ignoreUntil);
    }
}

void TestErrorGroups::refusedActions()
{
    fail(u"call-1"_s, t0);
    const qint64 id = only().id;
    const auto act = [&](Store::ErrorGroupAction action) {
        return await(m_store->errorGroupAction(u"default"_s, id, action, u"Mia"_s));
    };
    // Reopening what is open, resolving what is resolved, ignoring what is ignored: a conflict.
    auto reopen = act(Store::ErrorGroupAction::Reopen);
    QVERIFY(!reopen);
    QCOMPARE(int(reopen.error().kind), int(StoreError::Kind::Conflict));
    QVERIFY(act(Store::ErrorGroupAction::Resolve));
    QCOMPARE(int(act(Store::ErrorGroupAction::Resolve).error().kind), int(StoreError::Kind::Conflict));
    QVERIFY(act(Store::ErrorGroupAction::Ignore));
    QCOMPARE(int(act(Store::ErrorGroupAction::Ignore).error().kind), int(StoreError::Kind::Conflict));
    // Another tenant's group and an unknown one are not found.
    auto other = await(m_store->errorGroupAction(u"salon"_s, id, Store::ErrorGroupAction::Resolve, u"Mia"_s));
    QCOMPARE(int(other.error().kind), int(StoreError::Kind::NotFound));
    auto missing =
        await(m_store->errorGroupAction(u"default"_s, id + 1000, Store::ErrorGroupAction::Resolve, u"Mia"_s));
    QCOMPARE(int(missing.error().kind), int(StoreError::Kind::NotFound));
    QCOMPARE(audit(id), (QStringList{u"Mia:resolve"_s, u"Mia:ignore"_s}));
}

void TestErrorGroups::ignoreLimitsAreCheckedAndCleared()
{
    fail(u"call-1"_s, t0);
    fail(u"call-1"_s, t0 + 1000);
    const qint64 id = only().id;
    const auto ignore = [&](Store::IgnoreLimits limits) {
        return await(
            m_store->errorGroupAction(u"default"_s, id, Store::ErrorGroupAction::Ignore, u"Mia"_s, limits));
    };
    auto zero = ignore({0, std::nullopt});
    QVERIFY(!zero);
    QCOMPARE(int(zero.error().kind), int(StoreError::Kind::InvalidArgument));
    auto past = ignore({std::nullopt, QDateTime::currentMSecsSinceEpoch() - 1});
    QVERIFY(!past);
    QCOMPARE(int(past.error().kind), int(StoreError::Kind::InvalidArgument));
    QCOMPARE(only().status, u"unresolved"_s); // nothing was changed half-way

    const qint64 until = QDateTime::currentMSecsSinceEpoch() + 24 * hourMs;
    QVERIFY(ignore({10, until}));
    ErrorGroupRecord group = only();
    QCOMPARE(group.status, u"ignored"_s);
    QCOMPARE(group.ignoreUntilCount, std::optional<qint64>(12)); // 2 now + 10 more
    QCOMPARE(group.ignoreUntil, std::optional<qint64>(until));
    QCOMPARE(group.changedBy, u"Mia"_s);
    QVERIFY(group.changedAt.has_value());
    QVERIFY(await(m_store->errorGroupAction(u"default"_s, id, Store::ErrorGroupAction::Reopen, u"Mia"_s)));
    group = only();
    QVERIFY(!group.ignoreUntilCount);
    QVERIFY(!group.ignoreUntil);
}

void TestErrorGroups::sameFailureOneGroupAcrossCalls()
{
    // The same failure with other ids and numbers in its message, on three calls: one group that hit
    // three calls; another code and another function are groups of their own.
    fail(u"call-a"_s, t0 + 1000);
    fail(u"call-a"_s, t0 + 2000);
    fail(u"call-b"_s, t0 + 3000);
    fail(u"call-c"_s, t0 + 4000);
    fail(u"call-a"_s, t0 + 5000, u"slot_taken"_s);
    fail(u"call-a"_s, t0 + 6000, u"calendar_unavailable"_s, u"check_availability"_s);
    // The version suffix is not part of the failure: v18 joins v17's group.
    fail(u"call-d"_s, t0 + 7000, u"calendar_unavailable"_s, u"book_appointment_v18"_s);
    const QList<ErrorGroupRecord> all = groups();
    QCOMPARE(all.size(), 3);
    const auto find = [&](const QString &code, const QString &function) {
        for (const ErrorGroupRecord &g : all) {
            if (g.code == code && g.functionName == function)
                return g;
        }
        return ErrorGroupRecord{};
    };
    const ErrorGroupRecord main = find(u"calendar_unavailable"_s, u"book_appointment"_s);
    QCOMPARE(main.count, 5);
    QCOMPARE(main.affectedCalls, 4);
    QCOMPARE(main.firstSeen, t0 + 1000);
    QCOMPARE(main.lastSeen, t0 + 7000);
    QCOMPARE(main.source, u"function"_s);
    QCOMPARE(main.severity, u"high"_s);
    QVERIFY2(!main.message.contains(u"4711"_s) && !main.message.contains(u"req_"_s),
             qPrintable(main.message));
    QCOMPARE(find(u"slot_taken"_s, u"book_appointment"_s).count, 1);
    QCOMPARE(find(u"calendar_unavailable"_s, u"check_availability"_s).count, 1);
    // Ordered by last seen, then by count.
    QCOMPARE(all.first().functionName, u"book_appointment"_s);
    ErrorGroupQuery byCount;
    byCount.order = ErrorGroupOrder::Count;
    QCOMPARE(groups(byCount).first().id, main.id);
}

void TestErrorGroups::hourlyCountsAndRanges()
{
    // 3 events in the first hour, 1 in the third, 2 in the fifth; another group once in the fifth.
    for (qint64 offset : {0LL, 10 * 60'000LL, 59 * 60'000LL, 2 * hourMs + 1, 4 * hourMs, 4 * hourMs + 5})
        fail(u"call-1"_s, t0 + offset);
    fail(u"call-2"_s, t0 + 4 * hourMs + 10, u"slot_taken"_s);
    const QList<ErrorGroupRecord> all = groups();
    QCOMPARE(all.size(), 2);
    qint64 main = 0;
    qint64 other = 0;
    for (const ErrorGroupRecord &g : all)
        (g.code == "slot_taken"_L1 ? other : main) = g.id;

    auto hours = m_reader->errorHours(m_tenant, {main}, t0, t0 + 24 * hourMs);
    QVERIFY(hours);
    QList<std::pair<qint64, qint64>> got;
    for (const ErrorHourCount &h : std::as_const(*hours)) {
        QCOMPARE(h.groupId, main);
        got.append({(h.hourStart - t0) / hourMs, h.count});
    }
    QCOMPARE(got, (QList<std::pair<qint64, qint64>>{{0, 3}, {2, 1}, {4, 2}}));
    // All groups, from an hour on.
    hours = m_reader->errorHours(m_tenant, {}, t0 + 2 * hourMs, t0 + 5 * hourMs);
    QVERIFY(hours);
    QCOMPARE(hours->size(), 3);

    // A range counts its events; a group without events in it is not listed.
    ErrorGroupQuery query;
    query.fromMs = t0 + 2 * hourMs;
    query.toMs = t0 + 5 * hourMs;
    query.order = ErrorGroupOrder::Count;
    QList<ErrorGroupRecord> ranged = groups(query);
    QCOMPARE(ranged.size(), 2);
    QCOMPARE(ranged.at(0).id, main);
    QCOMPARE(ranged.at(0).countInRange, 3);
    QCOMPARE(ranged.at(0).count, 6);
    QCOMPARE(ranged.at(1).countInRange, 1);
    query.fromMs = t0;
    query.toMs = t0 + hourMs;
    ranged = groups(query);
    QCOMPARE(ranged.size(), 1);
    QCOMPARE(ranged.first().countInRange, 3);
    // Without a range countInRange is the whole count.
    QCOMPARE(groups().first().countInRange, groups().first().count);

    // Filters: function, severity, status, provider; another tenant sees nothing.
    ErrorGroupQuery filter;
    filter.functionName = u"book_appointment"_s;
    QCOMPARE(groups(filter).size(), 2);
    filter.severity = u"critical"_s;
    QCOMPARE(groups(filter).size(), 0);
    filter = {};
    filter.status = u"resolved"_s;
    QCOMPARE(groups(filter).size(), 0);
    filter = {};
    filter.provider = u"backend"_s;
    QCOMPARE(groups(filter).size(), 2);
    filter.provider = u"retell"_s;
    QCOMPARE(groups(filter).size(), 0);
    QCOMPARE(*m_reader->errorFunctions(m_tenant), QStringList{u"book_appointment"_s});
    QCOMPARE(*m_reader->errorProviders(m_tenant), QStringList{u"backend"_s});
    auto salon = m_reader->tenant(u"salon"_s);
    QVERIFY(salon);
    QCOMPARE(m_reader->errorGroups(salon->id, ErrorGroupQuery{})->size(), 0);
    QCOMPARE(m_reader->errorHours(salon->id, {main}, t0, t0 + 24 * hourMs)->size(), 0);
    Q_UNUSED(other);
}

void TestErrorGroups::providerFailureReasons_data()
{
    QTest::addColumn<int>("provider");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("code"); // empty: no error

    QTest::newRow("vapi pipeline error") << int(Provider::Vapi) << u"pipeline-error-openai-llm-failed"_s
                                         << u"failed"_s << u"pipeline-error-openai-llm-failed"_s;
    QTest::newRow("retell llm websocket") << int(Provider::Retell) << u"error_llm_websocket_open"_s
                                          << u"failed"_s << u"error_llm_websocket_open"_s;
    QTest::newRow("livekit trunk") << int(Provider::LiveKit) << u"SIP_TRUNK_FAILURE"_s << u"failed"_s
                                   << u"SIP_TRUNK_FAILURE"_s;
    QTest::newRow("busy is no error") << int(Provider::Vapi) << u"customer-busy"_s << u"busy"_s << QString();
    QTest::newRow("hang-up is no error")
        << int(Provider::Retell) << u"user_hangup"_s << QString() << QString();
}

void TestErrorGroups::providerFailureReasons()
{
    QFETCH(int, provider);
    QFETCH(QString, reason);
    QFETCH(QString, outcome);
    QFETCH(QString, code);
    const Provider p = Provider(provider);
    QJsonObject end{{u"reason"_s, reason}, {u"startedAt"_s, double(t0)}, {u"endedAt"_s, double(t0 + 20'000)}};
    if (!outcome.isEmpty())
        end.insert(u"outcome"_s, outcome);
    // The end reported twice (call_ended, then call_analyzed): one error.
    ingest(u"e-1"_s, u"pc-1"_s, {statusEvent(p, u"pc-1"_s, CallStatus::Ended, t0 + 20'000, end)}, p);
    ingest(u"e-2"_s, u"pc-1"_s, {statusEvent(p, u"pc-1"_s, CallStatus::Ended, t0 + 21'000, end)}, p);
    const QList<ErrorGroupRecord> all = groups();
    if (code.isEmpty()) {
        QCOMPARE(all.size(), 0);
        return;
    }
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().source, u"provider"_s);
    QCOMPARE(all.first().code, code);
    QCOMPARE(all.first().count, 1);
    QCOMPARE(all.first().severity, u"high"_s);
    QCOMPARE(all.first().provider, toString(p));
    QCOMPARE(all.first().affectedCalls, 1);
    // Another call with the same reason joins the group.
    ingest(u"e-3"_s, u"pc-2"_s, {statusEvent(p, u"pc-2"_s, CallStatus::Ended, t0 + 40'000, end)}, p);
    QCOMPARE(only().count, 2);
    QCOMPARE(only().affectedCalls, 2);
}

void TestErrorGroups::failedTransferIsAnError()
{
    CallEvent transfer;
    transfer.provider = Provider::Retell;
    transfer.providerCallId = u"tc-1"_s;
    transfer.kind = EventKind::FlowTransition;
    transfer.occurredAtMs = t0 + 30'000;
    transfer.offsetMs = 30'000;
    transfer.payload = {{u"from"_s, u"agent"_s},
                        {u"to"_s, u"transfer"_s},
                        {u"transfer"_s, u"failed"_s},
                        {u"destination"_s, u"+4930111222"_s}};
    const QJsonObject start{{u"direction"_s, u"inbound"_s}, {u"fromNumber"_s, u"+4930123456"_s}};
    ingest(u"t-1"_s, u"tc-1"_s,
           {statusEvent(Provider::Retell, u"tc-1"_s, CallStatus::InProgress, t0, start), transfer},
           Provider::Retell);
    // Another call's transfer to another number is the same failure.
    transfer.providerCallId = u"tc-2"_s;
    transfer.payload.insert(u"destination"_s, u"+4930999888"_s);
    ingest(u"t-2"_s, u"tc-2"_s, {transfer}, Provider::Retell);
    const ErrorGroupRecord group = only();
    QCOMPARE(group.source, u"transfer"_s);
    QCOMPARE(group.code, u"transfer_failed"_s);
    QCOMPARE(group.count, 2);
    QVERIFY2(!group.message.contains(u"4930"_s), qPrintable(group.message));
    auto events = m_reader->errorEvents(m_tenant, group.id);
    QVERIFY(events);
    QCOMPARE(events->size(), 2);
    QCOMPARE(events->last().offsetMs, std::optional<qint64>(30'000));
    QVERIFY(events->last().message.contains(u"+4930111222"_s)); // the event keeps what was reported
}

void TestErrorGroups::staleCalls()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 old = now - 3 * hourMs;
    ingest(u"s-1"_s, u"open-1"_s, {statusEvent(Provider::Vapi, u"open-1"_s, CallStatus::InProgress, old)},
           Provider::Vapi);
    ingest(u"s-2"_s, u"open-2"_s,
           {statusEvent(Provider::Vapi, u"open-2"_s, CallStatus::InProgress, now - 60'000)}, Provider::Vapi);
    ingest(u"s-3"_s, u"done-1"_s, {statusEvent(Provider::Vapi, u"done-1"_s, CallStatus::Ended, old)},
           Provider::Vapi);
    // A backend's own call has no end to wait for.
    fail(u"backend-call"_s, old);
    // A replay of old events that just arrived is not stale: only what CallScope has not heard of
    // for so long is. open-1 and the backend call were last written three hours ago.
    auto swept = await(m_store->sweep(now - hourMs, now));
    QVERIFY(swept);
    QCOMPARE(swept->staleCalls, 0);
    {
        QSqlQuery age(m_reader->database());
        QVERIFY(age.exec(
            u"UPDATE calls SET updated_at = %1 WHERE provider_call_id IN ('open-1', 'backend-call')"_s.arg(
                old)));
    }
    const qint64 groupsBefore = groups().size();
    swept = await(m_store->sweep(now - hourMs, now));
    QVERIFY(swept);
    QCOMPARE(swept->staleCalls, 1);
    // Once: the next sweep finds nothing new.
    swept = await(m_store->sweep(now - hourMs, now + 60'000));
    QVERIFY(swept);
    QCOMPARE(swept->staleCalls, 0);
    auto call = m_reader->callByProviderId(m_tenant, Provider::Vapi, u"open-1"_s);
    QVERIFY(call);
    QVERIFY(call->stale);
    QVERIFY(!m_reader->callByProviderId(m_tenant, Provider::Vapi, u"open-2"_s)->stale);
    QVERIFY(!m_reader->callByProviderId(m_tenant, Provider::Backend, u"backend-call"_s)->stale);
    QCOMPARE(groups().size(), groupsBefore + 1);
    ErrorGroupRecord group;
    for (const ErrorGroupRecord &g : groups())
        if (g.source == "stale"_L1)
            group = g;
    QCOMPARE(group.source, u"stale"_s);
    QCOMPARE(group.code, u"stale_call"_s);
    QCOMPARE(group.severity, u"medium"_s);
    QCOMPARE(group.affectedCalls, 1);
    // Its end arrives late: no longer stale (the error stays).
    ingest(u"s-4"_s, u"open-1"_s, {statusEvent(Provider::Vapi, u"open-1"_s, CallStatus::Ended, now)},
           Provider::Vapi);
    QVERIFY(!m_reader->callByProviderId(m_tenant, Provider::Vapi, u"open-1"_s)->stale);
    for (const ErrorGroupRecord &g : groups())
        if (g.source == "stale"_L1)
            QCOMPARE(g.count, 1);
}

void TestErrorGroups::severityDefaultsAndSettings()
{
    // The setting raises failed tool calls to critical; an invalid value and an unknown source are
    // ignored.
    m_store->setErrorSeverities(
        {{u"function"_s, u"critical"_s}, {u"stale"_s, u"bogus"_s}, {u"x"_s, u"low"_s}});
    fail(u"call-1"_s, t0);
    QCOMPARE(only().severity, u"critical"_s);

    // A backend error brings its own severity; the group takes the highest it saw.
    const auto backendError = [&](const QString &key, const QString &severity) {
        CallEvent e;
        e.provider = Provider::Backend;
        e.providerCallId = u"call-2"_s;
        e.kind = EventKind::Error;
        e.occurredAtMs = t0 + 1000;
        e.payload = {{u"code"_s, u"crm_timeout"_s}, {u"message"_s, u"CRM did not answer"_s}};
        if (!severity.isEmpty())
            e.payload.insert(u"severity"_s, severity);
        ingest(key, u"call-2"_s, {e}, Provider::Backend);
    };
    backendError(u"b-1"_s, u"low"_s);
    ErrorGroupQuery query;
    query.functionName = QString();
    const auto crm = [&] {
        for (const ErrorGroupRecord &g : groups())
            if (g.code == "crm_timeout"_L1)
                return g;
        return ErrorGroupRecord{};
    };
    QCOMPARE(crm().severity, u"low"_s);
    backendError(u"b-2"_s, u"high"_s);
    QCOMPARE(crm().severity, u"high"_s);
    backendError(u"b-3"_s, u"medium"_s);
    QCOMPARE(crm().severity, u"high"_s);
    QCOMPARE(crm().count, 3);
    // Without one: the backend source's default (high).
    m_store->setErrorSeverities({});
    fail(u"call-1"_s, t0 + 5000, u"other_code"_s);
    for (const ErrorGroupRecord &g : groups()) {
        if (g.code == "other_code"_L1)
            QCOMPARE(g.severity, u"high"_s);
    }
    QCOMPARE(Store::defaultErrorSeverities().value(u"ingest"_s), u"medium"_s);
    QCOMPARE(Store::defaultErrorSeverities().value(u"provider"_s), u"high"_s);
}

void TestErrorGroups::eventsAndCallsOfAGroup()
{
    fail(u"call-a"_s, t0 + 1000);
    fail(u"call-b"_s, t0 + 2000);
    fail(u"call-a"_s, t0 + 3000);
    const ErrorGroupRecord group = only();
    auto events = m_reader->errorEvents(m_tenant, group.id, 2);
    QVERIFY(events);
    QCOMPARE(events->size(), 2);
    QCOMPARE(events->at(0).occurredAt, t0 + 3000); // newest first
    QCOMPARE(events->at(1).occurredAt, t0 + 2000);
    QCOMPARE(events->at(0).functionName, u"book_appointment_v17"_s); // as reported
    QVERIFY(events->at(0).message.contains(u"4711"_s));
    QCOMPARE(events->at(0).offsetMs, std::optional<qint64>(1'500));
    QVERIFY(!events->at(0).callUuid.isEmpty());
    QCOMPARE(events->at(0).type, u"error"_s);

    auto calls = m_reader->errorGroupCalls(m_tenant, group.id);
    QVERIFY(calls);
    QCOMPARE(calls->size(), 2);
    QStringList ids;
    for (const CallSummary &c : std::as_const(*calls))
        ids << c.providerCallId;
    ids.sort();
    QCOMPARE(ids, (QStringList{u"call-a"_s, u"call-b"_s}));
    // The latest event on one call (what a click on an older call opens the timeline at).
    for (const CallSummary &c : std::as_const(*calls)) {
        auto latest = m_reader->latestErrorEventOnCall(m_tenant, group.id, c.id);
        QVERIFY(latest);
        QCOMPARE(latest->callId, std::optional<qint64>(c.id));
        QCOMPARE(latest->occurredAt, c.providerCallId == "call-a"_L1 ? t0 + 3000 : t0 + 2000);
    }
    fail(u"call-z"_s, t0 + 4000, u"other_code"_s);
    auto unaffected = m_reader->callByProviderId(m_tenant, Provider::Backend, u"call-z"_s);
    QVERIFY(unaffected);
    auto none = m_reader->latestErrorEventOnCall(m_tenant, group.id, unaffected->id);
    QVERIFY(!none);
    QCOMPARE(int(none.error().kind), int(StoreError::Kind::NotFound));
    auto salon = m_reader->tenant(u"salon"_s);
    QCOMPARE(m_reader->errorEvents(salon->id, group.id)->size(), 0);
    QCOMPARE(m_reader->errorGroupCalls(salon->id, group.id)->size(), 0);
}

void TestErrorGroups::migrationFillsTheRollUp()
{
    // A database at schema 4 with errors recorded the old way: step 5 counts them per hour and
    // counts the calls each group hit.
    m_reader.reset();
    m_store.reset();
    const DatabaseUrl url = m_database.fresh();
    auto db = SqlConnection::open(url, url.password, u"migration-test"_s, SqlConnection::Role::Writer);
    QVERIFY2(db, db ? "" : qPrintable(db.error().message));
    {
        QVERIFY(Schema::migrate(*db, url.backend, 4));
        QSqlQuery q(*db);
        QVERIFY(q.exec(u"INSERT INTO tenants (slug, name, created_at) VALUES ('default', 'Default', 0)"_s));
        for (const QString &sql :
             {u"INSERT INTO calls (uuid, tenant_id, provider, provider_call_id, first_event_at, "
              u"last_event_at, "
              "sort_at, updated_at) SELECT 'u1', id, 'vapi', 'c1', 0, 0, 0, 0 FROM tenants"_s,
              u"INSERT INTO calls (uuid, tenant_id, provider, provider_call_id, first_event_at, "
              u"last_event_at, "
              "sort_at, updated_at) SELECT 'u2', id, 'vapi', 'c2', 0, 0, 0, 0 FROM tenants"_s,
              u"INSERT INTO error_groups (tenant_id, fingerprint, source, severity, count, first_seen, "
              u"last_seen) "
              "SELECT id, 'fp', 'function', 'high', 3, 0, 0 FROM tenants"_s})
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        for (const auto &[call, at] :
             {std::pair{u"u1"_s, t0 + 5}, std::pair{u"u1"_s, t0 + 10}, std::pair{u"u2"_s, t0 + hourMs + 1}}) {
            q.prepare(u"INSERT INTO errors (tenant_id, group_id, call_id, source, severity, occurred_at) "
                      "SELECT g.tenant_id, g.id, c.id, 'function', 'high', ? FROM error_groups g, calls c "
                      "WHERE c.uuid = ?"_s);
            q.addBindValue(at);
            q.addBindValue(call);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(Schema::migrate(*db, url.backend));
        QVERIFY(q.exec(u"SELECT affected_calls FROM error_groups"_s) && q.next());
        QCOMPARE(q.value(0).toLongLong(), 2);
        QVERIFY(q.exec(u"SELECT hour, count FROM error_group_hours ORDER BY hour"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), t0);
        QCOMPARE(q.value(1).toLongLong(), 2);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), t0 + hourMs);
        QCOMPARE(q.value(1).toLongLong(), 1);
        QVERIFY(!q.next());
    }
    db->close();
    *db = QSqlDatabase();
    SqlConnection::close(u"migration-test"_s);
}

QTEST_GUILESS_MAIN(TestErrorGroups)
#include "tst_errorgroups.moc"
