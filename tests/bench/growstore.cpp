// SPDX-License-Identifier: GPL-3.0-or-later
#include "growstore.h"

#include "databaseurl.h"
#include "schema.h"
#include "sqlconnection.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStorageInfo>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Bench {

namespace {

constexpr qint64 dayMs = 86'400'000;
constexpr qint64 minFreeBytes = 2LL << 30; // stop growing when the disk has less than this left
const QString longCallId = longCallProviderId();

// printf, then flush: the log of a run in the background shows each step when it ends.
#define SAY(...) (std::printf(__VA_ARGS__), std::fflush(stdout))

// The bulk loader's connection: statements run as given, the first error is printed and ends the run.
class Bulk
{
public:
    explicit Bulk(QSqlDatabase db)
        : m_db(std::move(db))
    {}

    QSqlDatabase &db() { return m_db; }

    bool exec(const QString &sql, qint64 *rows = nullptr)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql)) {
            std::fprintf(stderr, "callscope-bench grow: %s\n  in: %s\n", qPrintable(query.lastError().text()),
                         qPrintable(sql.left(600)));
            return false;
        }
        if (rows)
            *rows = query.numRowsAffected();
        return true;
    }

    // The first column of the first row, or an invalid QVariant (with the error printed) when none.
    QVariant value(const QString &sql)
    {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.exec(sql)) {
            std::fprintf(stderr, "callscope-bench grow: %s\n  in: %s\n", qPrintable(query.lastError().text()),
                         qPrintable(sql.left(600)));
            return {};
        }
        return query.next() ? query.value(0) : QVariant();
    }

    qint64 number(const QString &sql) { return value(sql).toLongLong(); }

    QStringList columns(const QString &table)
    {
        QStringList out;
        QSqlQuery query(m_db);
        query.exec(u"PRAGMA table_info(%1)"_s.arg(table));
        while (query.next())
            out << query.value(1).toString();
        return out;
    }

    // INSERT INTO table SELECT every column FROM table AS s WHERE `where`, with the expressions of
    // `change` in place of their columns (the column list is read from the store: a schema step that
    // adds a column is cloned as it is).
    bool cloneRows(const QString &table, const QHash<QString, QString> &change, const QString &where,
                   qint64 *rows)
    {
        const QStringList names = columns(table);
        QStringList exprs;
        for (const QString &name : names)
            exprs << change.value(name, u"s."_s + name);
        return exec(u"INSERT INTO %1 (%2) SELECT %3 FROM %1 AS s WHERE %4 ORDER BY s.id"_s.arg(
                        table, names.join(u", "_s), exprs.join(u", "_s), where),
                    rows);
    }

private:
    QSqlDatabase m_db;
};

// The smallest power of ten above `value`: ids of one round are the originals' plus a multiple of it.
qint64 strideAbove(qint64 value)
{
    qint64 stride = 10;
    while (stride <= value)
        stride *= 10;
    return stride;
}

qint64 freeBytes(const QString &path)
{
    return QStorageInfo(QFileInfo(path).absolutePath()).bytesAvailable();
}

double seconds(const QElapsedTimer &clock)
{
    return double(clock.elapsed()) / 1000.0;
}

// `column`'s number with its last four digits moved by `k` * 1237 (mod 10 000): every round has
// numbers of its own, so a search by the last digits stays as selective as with real callers.
QString movedNumber(const QString &column, int k)
{
    return u"CASE WHEN s.%1 GLOB '*[0-9][0-9][0-9][0-9]' THEN substr(s.%1, 1, length(s.%1) - 4) || "
           "printf('%04d', (CAST(substr(s.%1, length(s.%1) - 3) AS INTEGER) + %2) % 10000) ELSE s.%1 END"_s
               .arg(column)
               .arg(qint64(k) * 1237);
}

QString suffixed(const QString &column, int k)
{
    return u"CASE WHEN s.%1 IS NULL THEN NULL ELSE s.%1 || '~c%2' END"_s.arg(column).arg(k);
}

struct SampleTurn
{
    QString role;
    QString text;
};

struct SampleTrace
{
    QString name;
    QString status;
    QString arguments;
    QString result;
    QString error;
    qint64 durationMs = 500;
};

QString isoMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// One call of `items` timeline items, written as ingest writes a backend-reported call: every
// turn, trace, status change, flow transition and error as an event with its own receipt, and the
// turns and traces projected. Answers the call's id (0 when it failed) and sets `uuid`.
qint64 addLongCall(Bulk &bulk, qint64 tenantId, int items, qint64 endBeforeMs, bool indexFullText,
                   QString *uuid)
{
    QList<SampleTurn> turnsSample;
    {
        QSqlQuery q(bulk.db());
        q.exec(u"SELECT role, text FROM transcript_segments WHERE id % 53 = 0 LIMIT 3000"_s);
        while (q.next())
            turnsSample.append({q.value(0).toString(), q.value(1).toString()});
    }
    QList<SampleTrace> tracesSample;
    {
        QSqlQuery q(bulk.db());
        q.exec(u"SELECT name, status, arguments, result, error, duration_ms FROM function_traces "
               "WHERE id % 37 = 0 AND status <> 'pending' LIMIT 2000"_s);
        while (q.next())
            tracesSample.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                 q.value(3).toString(), q.value(4).toString(),
                                 std::clamp<qint64>(q.value(5).toLongLong(), 50, 30'000)});
    }
    if (turnsSample.isEmpty())
        turnsSample.append({u"agent"_s, u"How can I help you today?"_s});
    if (tracesSample.isEmpty())
        tracesSample.append({u"check_availability"_s, u"success"_s, u"{\"date\":\"2026-11-17\"}"_s,
                             u"{\"slots\":[\"09:30\"]}"_s, QString(), 420});

    const int turns = items * 4 / 10;
    const int traces = items * 3 / 10;
    const int others = items - turns - traces; // status, flow and error events
    constexpr qint64 turnMs = 5'000;
    const qint64 durationMs = qint64(std::max(turns, 1)) * turnMs + 6'000;
    const qint64 startedAt = endBeforeMs - durationMs - 3'600'000;
    const qint64 endedAt = startedAt + durationMs;
    *uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);

    struct Turn
    {
        QString role;
        QString text;
        qint64 start;
        qint64 end;
    };
    std::vector<Turn> turnRows;
    for (int i = 0; i < turns; ++i) {
        const SampleTurn &s = turnsSample.at(i % turnsSample.size());
        const qint64 start = 1'000 + qint64(i) * turnMs + (i * 7919) % 400;
        const qint64 speak = std::clamp<qint64>(qint64(s.text.size()) * 45, 900, 4'200);
        turnRows.push_back({i % 2 ? u"user"_s : u"agent"_s, s.text, start, start + speak});
    }
    struct Trace
    {
        QString toolCallId;
        SampleTrace s;
        qint64 start;
        qint64 end;
    };
    std::vector<Trace> traceRows;
    for (int j = 0; j < traces; ++j) {
        const SampleTrace &s = tracesSample.at(j % tracesSample.size());
        const int after = turns > 0 ? int(qint64(j) * turns / std::max(traces, 1)) : 0;
        const qint64 start = (turns > 0 ? turnRows[size_t(after)].end : 1'000) + 150 + (j % 3) * 40;
        traceRows.push_back({u"bench_tc_%1"_s.arg(j, 5, 10, QChar(u'0')), s, start, start + s.durationMs});
    }

    int errorEvents = 0;
    int failedTraces = 0;
    for (const Trace &t : traceRows)
        failedTraces += t.s.status == "error"_L1 || t.s.status == "timeout"_L1 ? 1 : 0;

    // The events of the call: (kind, offset, payload, receipt type); items first, then the rest.
    struct Event
    {
        QString kind;
        qint64 offset;
        QJsonObject payload;
        QString type;
    };
    std::vector<Event> events;
    static const char *const states[] = {"greeting", "identify_caller", "scheduling", "confirmation",
                                         "faq",      "billing",         "wrap_up"};
    struct ErrorKind
    {
        const char *code;
        const char *severity;
        const char *message;
    };
    static const ErrorKind errors[] = {
        {"tts_latency_high", "low", "Text-to-speech took 2652 ms to the first byte"},
        {"crm_sync_failed", "medium", "CRM sync for contact 34343 failed: upstream answered 502"},
        {"llm_timeout", "high", "The language model gave no answer within 8 s"},
    };
    const QString from = u"+16285550042"_s, to = u"+16175550137"_s;
    for (int m = 0; m < others; ++m) {
        const qint64 offset = others > 1 ? 1'000 + qint64(m) * (durationMs - 2'000) / (others - 1) : 1'000;
        if (others >= 3 && (m == 0 || m == 1 || m == others - 1)) {
            QJsonObject p{{u"direction"_s, u"inbound"_s}, {u"fromNumber"_s, from}, {u"toNumber"_s, to}};
            if (m == 0) {
                p.insert(u"status"_s, u"ringing"_s);
                events.push_back({u"call.status"_s, 0, p, u"call.ringing"_s});
            } else if (m == 1) {
                p.insert(u"status"_s, u"in_progress"_s);
                p.insert(u"startedAt"_s, startedAt);
                p.insert(u"agent"_s, u"Riverside Physiotherapy receptionist"_s);
                events.push_back({u"call.status"_s, 0, p, u"call.started"_s});
            } else {
                p.insert(u"status"_s, u"ended"_s);
                p.insert(u"reason"_s, u"completed"_s);
                p.insert(u"endedAt"_s, endedAt);
                p.insert(u"durationMs"_s, durationMs);
                events.push_back({u"call.status"_s, durationMs, p, u"call.ended"_s});
            }
            continue;
        }
        if (m % 6 == 5) {
            const ErrorKind &e = errors[(m / 6) % 3];
            events.push_back({u"error"_s, offset,
                              QJsonObject{{u"code"_s, QString::fromLatin1(e.code)},
                                          {u"severity"_s, QString::fromLatin1(e.severity)},
                                          {u"message"_s, QString::fromLatin1(e.message)},
                                          {u"type"_s, u"error"_s}},
                              u"error"_s});
            ++errorEvents;
            continue;
        }
        events.push_back({u"flow.transition"_s, offset,
                          QJsonObject{{u"from"_s, QString::fromLatin1(states[m % 7])},
                                      {u"to"_s, QString::fromLatin1(states[(m + 1) % 7])}},
                          u"flow.transition"_s});
    }
    for (const Turn &t : turnRows)
        events.push_back(
            {u"transcript.segment"_s, t.start,
             QJsonObject{
                 {u"role"_s, t.role}, {u"text"_s, t.text}, {u"startMs"_s, t.start}, {u"endMs"_s, t.end}},
             u"transcript.segment"_s});
    for (const Trace &t : traceRows) {
        events.push_back({u"function.started"_s, t.start,
                          QJsonObject{{u"name"_s, t.s.name},
                                      {u"toolCallId"_s, t.toolCallId},
                                      {u"arguments"_s, jsonObject(t.s.arguments)}},
                          u"tool_call.started"_s});
        QJsonObject finished{{u"name"_s, t.s.name},
                             {u"toolCallId"_s, t.toolCallId},
                             {u"status"_s, t.s.status},
                             {u"durationMs"_s, t.s.durationMs}};
        if (t.s.status == "success"_L1)
            finished.insert(u"result"_s, jsonObject(t.s.result));
        else
            finished.insert(u"error"_s, jsonObject(t.s.error));
        events.push_back({u"function.finished"_s, t.end, finished,
                          t.s.status == "success"_L1 ? u"tool_call.succeeded"_s : u"tool_call.failed"_s});
    }
    events.push_back({u"call.cost"_s, durationMs,
                      QJsonObject{{u"costCents"_s, 1234.5}, {u"currency"_s, u"USD"_s}}, u"call.cost"_s});

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery call(bulk.db());
    call.prepare(
        u"INSERT INTO calls (tenant_id, uuid, provider, provider_call_id, direction, from_number, to_number, "
        "agent, status, outcome, outcome_rank, ended_reason, started_at, ended_at, duration_ms, cost_cents, "
        "function_call_count, error_count, error_event_count, transcript_segment_count, event_count, stale, "
        "sort_at, first_event_at, last_event_at, updated_at) VALUES (?, ?, 'retell', ?, 'inbound', ?, ?, "
        "'Riverside Physiotherapy receptionist', 'ended', 'completed', 2, 'user_hangup', ?, ?, ?, 1234.5, "
        "?, ?, ?, ?, ?, 0, ?, ?, ?, ?)"_s);
    for (const QVariant &v : {QVariant(tenantId), QVariant(*uuid), QVariant(longCallId), QVariant(from),
                              QVariant(to), QVariant(startedAt), QVariant(endedAt), QVariant(durationMs),
                              QVariant(traces), QVariant(errorEvents + failedTraces), QVariant(errorEvents),
                              QVariant(turns), QVariant(qint64(events.size())), QVariant(startedAt),
                              QVariant(startedAt - 5'000), QVariant(endedAt + 60'000), QVariant(now)})
        call.addBindValue(v);
    if (!call.exec()) {
        std::fprintf(stderr, "callscope-bench grow: long call: %s\n", qPrintable(call.lastError().text()));
        return 0;
    }
    const qint64 callId = call.lastInsertId().toLongLong();

    QSqlQuery segment(bulk.db());
    segment.prepare(u"INSERT INTO transcript_segments (tenant_id, call_id, role, text, start_ms, end_ms) "
                    "VALUES (?, ?, ?, ?, ?, ?)"_s);
    for (const Turn &t : turnRows) {
        for (const QVariant &v : {QVariant(tenantId), QVariant(callId), QVariant(t.role), QVariant(t.text),
                                  QVariant(t.start), QVariant(t.end)})
            segment.addBindValue(v);
        if (!segment.exec()) {
            std::fprintf(stderr, "callscope-bench grow: turn: %s\n", qPrintable(segment.lastError().text()));
            return 0;
        }
    }
    QSqlQuery trace(bulk.db());
    trace.prepare(u"INSERT INTO function_traces (tenant_id, call_id, tool_call_id, name, status, arguments, "
                  "result, error, start_offset_ms, end_offset_ms, started_at, ended_at, duration_ms) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const Trace &t : traceRows) {
        const bool ok = t.s.status == "success"_L1;
        for (const QVariant &v :
             {QVariant(tenantId), QVariant(callId), QVariant(t.toolCallId), QVariant(t.s.name),
              QVariant(t.s.status), QVariant(t.s.arguments), ok ? QVariant(t.s.result) : QVariant(),
              ok ? QVariant() : QVariant(t.s.error), QVariant(t.start), QVariant(t.end),
              QVariant(startedAt + t.start), QVariant(startedAt + t.end), QVariant(t.s.durationMs)})
            trace.addBindValue(v);
        if (!trace.exec()) {
            std::fprintf(stderr, "callscope-bench grow: trace: %s\n", qPrintable(trace.lastError().text()));
            return 0;
        }
    }
    QSqlQuery receipt(bulk.db());
    receipt.prepare(u"INSERT INTO receipts (tenant_id, provider, event_key, event_type, call_id, status, "
                    "verification, received_at, headers, body) VALUES (?, 'backend', ?, ?, ?, 'processed', "
                    "'verified', ?, ?, ?)"_s);
    QSqlQuery event(bulk.db());
    event.prepare(u"INSERT INTO events (tenant_id, call_id, receipt_id, seq, provider, kind, occurred_at, "
                  "offset_ms, payload) VALUES (?, ?, ?, 0, 'retell', ?, ?, ?, ?)"_s);
    const QString headers = u"{\"user-agent\":\"callscope-bench\",\"content-type\":\"application/json\"}"_s;
    std::stable_sort(events.begin(), events.end(),
                     [](const Event &a, const Event &b) { return a.offset < b.offset; });
    for (size_t n = 0; n < events.size(); ++n) {
        const Event &e = events[n];
        const qint64 at = startedAt + e.offset;
        const QString key = u"bench-long-%1"_s.arg(n);
        QJsonObject body = e.payload;
        body.insert(u"call"_s, QJsonObject{{u"provider"_s, u"retell"_s}, {u"providerCallId"_s, longCallId}});
        body.insert(u"id"_s, key);
        body.insert(u"occurredAt"_s, isoMs(at));
        body.insert(u"type"_s, e.type);
        for (const QVariant &v :
             {QVariant(tenantId), QVariant(key), QVariant(e.type), QVariant(callId), QVariant(at + 200),
              QVariant(headers), QVariant(QJsonDocument(body).toJson(QJsonDocument::Compact))})
            receipt.addBindValue(v);
        if (!receipt.exec()) {
            std::fprintf(stderr, "callscope-bench grow: receipt: %s\n",
                         qPrintable(receipt.lastError().text()));
            return 0;
        }
        const qint64 receiptId = receipt.lastInsertId().toLongLong();
        const bool hasOffset = e.kind != "call.status"_L1 && e.kind != "call.cost"_L1 && e.kind != "error"_L1;
        for (const QVariant &v :
             {QVariant(tenantId), QVariant(callId), QVariant(receiptId), QVariant(e.kind), QVariant(at),
              hasOffset ? QVariant(e.offset) : QVariant(),
              QVariant(QString::fromUtf8(QJsonDocument(e.payload).toJson(QJsonDocument::Compact)))})
            event.addBindValue(v);
        if (!event.exec()) {
            std::fprintf(stderr, "callscope-bench grow: event: %s\n", qPrintable(event.lastError().text()));
            return 0;
        }
    }
    if (indexFullText &&
        (!bulk.exec(u"INSERT INTO transcript_fts (rowid, text) SELECT id, text FROM transcript_segments "
                    "WHERE call_id = %1"_s.arg(callId)) ||
         !bulk.exec(u"INSERT INTO function_fts (rowid, name, arguments) SELECT id, name, arguments FROM "
                    "function_traces WHERE call_id = %1"_s.arg(callId))))
        return 0;
    SAY("long call: id=%lld uuid=%s items=%d (turns=%d traces=%d status/flow/error events=%d, errors=%d) "
        "events=%zu receipts=%zu duration=%.1f h\n",
        static_cast<long long>(callId), qPrintable(*uuid), items, turns, traces, others, errorEvents,
        events.size(), events.size(), double(durationMs) / 3.6e6);
    return callId;
}

} // namespace

int runGrow(const GrowOptions &options)
{
    QElapsedTimer total;
    total.start();
    const auto parsed = DatabaseUrl::parse(options.db);
    if (!parsed || !parsed->isSqlite()) {
        std::fprintf(stderr, "callscope-bench grow: --db must be a sqlite:/// URL of an existing store\n");
        return 2;
    }
    const QString path = parsed->path;
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "callscope-bench grow: no store at %s\n", qPrintable(path));
        return 2;
    }
    const QString connection = SqlConnection::uniqueName(u"grow"_s);
    int status = 1;
    {
        auto opened = SqlConnection::open(*parsed, QString(), connection, SqlConnection::Role::Writer);
        if (!opened) {
            std::fprintf(stderr, "callscope-bench grow: %s\n", qPrintable(opened.error().message));
            return 1;
        }
        Bulk bulk(*opened);
        status = [&]() -> int {
            // A bulk load of a copy: nothing here needs to survive a crash (start again from the copy).
            for (const char *pragma : {"PRAGMA synchronous=OFF", "PRAGMA foreign_keys=OFF",
                                       "PRAGMA cache_size=-524288", "PRAGMA temp_store=MEMORY"}) {
                if (!bulk.exec(QString::fromLatin1(pragma)))
                    return 1;
            }
            if (!bulk.db().tables().contains(u"transcript_fts"_s)) {
                std::fprintf(stderr, "callscope-bench grow: %s is not a CallScope SQLite store\n",
                             qPrintable(path));
                return 2;
            }
            const qint64 tenantId = bulk.number(
                u"SELECT COALESCE((SELECT id FROM tenants WHERE slug = 'default'), (SELECT MIN(id) FROM tenants))"_s);
            const qint64 listed = bulk.number(u"SELECT COUNT(*) FROM calls WHERE merged_into IS NULL"_s);
            const qint64 longCall = bulk.number(
                u"SELECT COALESCE((SELECT id FROM calls WHERE tenant_id = %1 AND provider = 'retell' "
                "AND provider_call_id = '%2'), 0)"_s.arg(tenantId)
                    .arg(longCallId));
            const bool grown =
                bulk.number(
                    u"SELECT EXISTS (SELECT 1 FROM calls WHERE provider_call_id GLOB '*~c[0-9]*')"_s) != 0;
            const bool wantLong = options.longCallItems > 0 && longCall == 0;
            const qint64 need = options.calls - listed - (wantLong ? 1 : 0);
            SAY("store %s: %lld listed calls, %.2f GB, %.1f GB free; target %lld calls%s\n", qPrintable(path),
                static_cast<long long>(listed), double(QFileInfo(path).size()) / 1e9,
                double(freeBytes(path)) / 1e9, static_cast<long long>(options.calls),
                wantLong ? " and the long call" : "");
            if (need <= 0 && !wantLong) {
                SAY("nothing to do: the store holds %lld calls already%s\n", static_cast<long long>(listed),
                    longCall ? u" and the long call (id %1)"_s.arg(longCall).toUtf8().constData() : "");
                return 0;
            }
            if (need > 0 && grown) {
                std::fprintf(stderr,
                             "callscope-bench grow: this store was grown before; grow a fresh copy of "
                             "the simulated store instead\n");
                return 2;
            }
            const qint64 originals = listed - (longCall ? 1 : 0);
            if (need > 0 && originals <= 0) {
                std::fprintf(stderr, "callscope-bench grow: the store holds no calls to clone\n");
                return 2;
            }

            bool ftsRebuilt = false;
            qint64 rounds = 0, callStride = 0, segmentStride = 0, traceStride = 0;
            if (need > 0) {
                rounds = (need + originals - 1) / originals;
                callStride = strideAbove(bulk.number(u"SELECT MAX(id) FROM calls"_s));
                segmentStride =
                    strideAbove(bulk.number(u"SELECT COALESCE(MAX(id), 0) FROM transcript_segments"_s));
                traceStride = strideAbove(bulk.number(u"SELECT COALESCE(MAX(id), 0) FROM function_traces"_s));
                const qint64 minSort = bulk.number(u"SELECT MIN(sort_at) FROM calls"_s);
                const qint64 maxSort = bulk.number(u"SELECT MAX(sort_at) FROM calls"_s);
                const qint64 span = ((maxSort - minSort) / dayMs + 1) * dayMs;
                SAY("plan: %lld rounds of up to %lld clones, each %lld days further back; id strides: calls "
                    "%lld, "
                    "turns %lld, traces %lld\n",
                    static_cast<long long>(rounds), static_cast<long long>(originals),
                    static_cast<long long>(span / dayMs), static_cast<long long>(callStride),
                    static_cast<long long>(segmentStride), static_cast<long long>(traceStride));

                // 1. Move the originals' ids (and every reference to them) above the clones' ids, and
                //    drop the full-text index (it is rebuilt over all rows at the end, in id order).
                QElapsedTimer clock;
                clock.start();
                if (!bulk.exec(u"BEGIN"_s))
                    return 1;
                const qint64 callShift = rounds * callStride;
                const qint64 segmentShift = rounds * segmentStride;
                const qint64 traceShift = rounds * traceStride;
                const QHash<QString, qint64> shiftOf{{u"calls"_s, callShift},
                                                     {u"transcript_segments"_s, segmentShift},
                                                     {u"function_traces"_s, traceShift}};
                QStringList tables;
                {
                    QSqlQuery q(bulk.db());
                    q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE "
                           u"VIRTUAL%' "
                           "AND name NOT LIKE 'sqlite_%'"_s);
                    while (q.next())
                        tables << q.value(0).toString();
                }
                for (const QString &table : std::as_const(tables)) {
                    QSqlQuery keys(bulk.db());
                    keys.exec(u"PRAGMA foreign_key_list(%1)"_s.arg(table));
                    while (keys.next()) {
                        const QString target = keys.value(2).toString();
                        const QString column = keys.value(3).toString();
                        if (!shiftOf.contains(target))
                            continue;
                        qint64 rows = 0;
                        if (!bulk.exec(u"UPDATE %1 SET %2 = %2 + %3 WHERE %2 IS NOT NULL"_s.arg(table, column)
                                           .arg(shiftOf.value(target)),
                                       &rows))
                            return 1;
                        SAY("  moved %s.%s: %lld rows\n", qPrintable(table), qPrintable(column),
                            static_cast<long long>(rows));
                    }
                }
                for (auto it = shiftOf.cbegin(); it != shiftOf.cend(); ++it) {
                    if (!bulk.exec(u"UPDATE %1 SET id = id + %2"_s.arg(it.key()).arg(it.value())))
                        return 1;
                }
                for (const QString &fts : {u"transcript_fts"_s, u"function_fts"_s}) {
                    const QString create =
                        bulk.value(u"SELECT sql FROM sqlite_master WHERE name = '%1'"_s.arg(fts)).toString();
                    if (create.isEmpty() || !bulk.exec(u"DROP TABLE "_s + fts) || !bulk.exec(create))
                        return 1;
                }
                ftsRebuilt = true;
                if (!bulk.exec(u"COMMIT"_s))
                    return 1;
                SAY("moved the originals' ids up in %.1f s\n", seconds(clock));

                // 2. The rounds: round k's calls are the originals k spans earlier, ids k strides lower.
                const QString isOriginal =
                    u"s.id > %1 AND s.provider_call_id <> '%2'"_s.arg(callShift).arg(longCallId);
                qint64 added = 0;
                for (int k = 1; k <= rounds; ++k) {
                    if (freeBytes(path) < minFreeBytes) {
                        std::fprintf(stderr, "callscope-bench grow: less than 2 GB free, stopping\n");
                        return 1;
                    }
                    clock.restart();
                    const qint64 count = std::min(originals, need - added);
                    QString subset;
                    if (count < originals) {
                        // The newest `count` originals (with their carrier legs): rounds stay contiguous.
                        const qint64 from = bulk.number(
                            u"SELECT id FROM calls AS s WHERE %1 AND merged_into IS NULL ORDER BY id DESC "
                            "LIMIT 1 OFFSET %2"_s.arg(isOriginal)
                                .arg(count - 1));
                        subset = u" AND COALESCE(s.merged_into, s.id) >= %1"_s.arg(from);
                    }
                    const qint64 idDown = qint64(k) * callStride;
                    const qint64 timeBack = qint64(k) * span;
                    const QString back = u"CASE WHEN s.%1 IS NULL THEN NULL ELSE s.%1 - "_s +
                                         QString::number(timeBack) + u" END"_s;
                    const auto shifted = [&](const QString &column) {
                        return QString(back).replace(u"%1"_s, column);
                    };
                    if (!bulk.exec(u"BEGIN"_s))
                        return 1;
                    qint64 calls = 0, turns = 0, traces = 0, events = 0;
                    const QHash<QString, QString> callChange{
                        {u"id"_s, u"s.id - %1"_s.arg(idDown)},
                        {u"uuid"_s, u"printf('%08x', s.id - %1) || substr(s.uuid, 9)"_s.arg(idDown)},
                        {u"provider_call_id"_s, suffixed(u"provider_call_id"_s, k)},
                        {u"twilio_call_sid"_s, suffixed(u"twilio_call_sid"_s, k)},
                        {u"sip_call_id"_s, suffixed(u"sip_call_id"_s, k)},
                        {u"backend_log_id"_s, suffixed(u"backend_log_id"_s, k)},
                        {u"room_name"_s, suffixed(u"room_name"_s, k)},
                        {u"merged_into"_s, u"s.merged_into - %1"_s.arg(idDown)},
                        {u"from_number"_s, movedNumber(u"from_number"_s, k)},
                        {u"to_number"_s, movedNumber(u"to_number"_s, k)},
                        {u"started_at"_s, shifted(u"started_at"_s)},
                        {u"ended_at"_s, shifted(u"ended_at"_s)},
                        {u"sort_at"_s, shifted(u"sort_at"_s)},
                        {u"first_event_at"_s, shifted(u"first_event_at"_s)},
                        {u"last_event_at"_s, shifted(u"last_event_at"_s)},
                        {u"updated_at"_s, shifted(u"updated_at"_s)},
                    };
                    if (!bulk.cloneRows(u"calls"_s, callChange, isOriginal + subset, &calls))
                        return 1;
                    const QString hasClone =
                        u"EXISTS (SELECT 1 FROM calls c WHERE c.id = s.call_id - %1)"_s.arg(idDown);
                    if (!bulk.cloneRows(u"transcript_segments"_s,
                                        {{u"id"_s, u"s.id - %1"_s.arg(qint64(k) * segmentStride)},
                                         {u"call_id"_s, u"s.call_id - %1"_s.arg(idDown)}},
                                        u"s.id > %1 AND "_s.arg(segmentShift) + hasClone, &turns))
                        return 1;
                    if (!bulk.cloneRows(u"function_traces"_s,
                                        {{u"id"_s, u"s.id - %1"_s.arg(qint64(k) * traceStride)},
                                         {u"call_id"_s, u"s.call_id - %1"_s.arg(idDown)},
                                         {u"started_at"_s, shifted(u"started_at"_s)},
                                         {u"ended_at"_s, shifted(u"ended_at"_s)}},
                                        u"s.id > %1 AND "_s.arg(traceShift) + hasClone, &traces))
                        return 1;
                    if (options.cloneEvents &&
                        !bulk.cloneRows(u"events"_s,
                                        {{u"id"_s, u"NULL"_s},
                                         {u"call_id"_s, u"s.call_id - %1"_s.arg(idDown)},
                                         {u"receipt_id"_s, u"NULL"_s},
                                         {u"occurred_at"_s, shifted(u"occurred_at"_s)}},
                                        u"s.call_id > %1 AND "_s.arg(callShift) + hasClone, &events))
                        return 1;
                    if (!bulk.exec(u"COMMIT"_s))
                        return 1;
                    added += count;
                    SAY("round %d/%lld: %lld calls (%lld listed), %lld turns, %lld traces, %lld events in "
                        "%.1f s; "
                        "listed now %lld; %.2f GB, %.1f GB free; %.0f s so far\n",
                        k, static_cast<long long>(rounds), static_cast<long long>(calls),
                        static_cast<long long>(count), static_cast<long long>(turns),
                        static_cast<long long>(traces), static_cast<long long>(events), seconds(clock),
                        static_cast<long long>(listed + added), double(QFileInfo(path).size()) / 1e9,
                        double(freeBytes(path)) / 1e9, seconds(total));
                }
            }

            // 3. The long call, newest but one hour.
            if (wantLong) {
                QElapsedTimer clock;
                clock.start();
                const qint64 newest = bulk.number(u"SELECT MAX(sort_at) FROM calls"_s);
                QString uuid;
                if (!bulk.exec(u"BEGIN"_s))
                    return 1;
                if (addLongCall(bulk, tenantId, options.longCallItems, newest, !ftsRebuilt, &uuid) == 0)
                    return 1;
                if (!bulk.exec(u"COMMIT"_s))
                    return 1;
                SAY("added the long call in %.1f s\n", seconds(clock));
            }

            // 4. The full-text index over every turn and trace, in id order, a stride at a time.
            if (ftsRebuilt) {
                for (const auto &[table, fts, columns, stride] :
                     {std::tuple{u"transcript_segments"_s, u"transcript_fts"_s, u"text"_s, segmentStride},
                      std::tuple{u"function_traces"_s, u"function_fts"_s, u"name, arguments"_s,
                                 traceStride}}) {
                    for (qint64 r = 0; r <= rounds; ++r) {
                        QElapsedTimer clock;
                        clock.start();
                        const QString upTo =
                            r == rounds ? QString() : u" AND id < %1"_s.arg((r + 1) * stride);
                        qint64 rows = 0;
                        if (!bulk.exec(u"BEGIN"_s) ||
                            !bulk.exec(u"INSERT INTO %1 (rowid, %2) SELECT id, %2 FROM %3 WHERE id >= %4%5 "
                                       "ORDER BY id"_s.arg(fts, columns, table)
                                           .arg(r * stride)
                                           .arg(upTo),
                                       &rows) ||
                            !bulk.exec(u"COMMIT"_s))
                            return 1;
                        SAY("full text %s: %lld rows in %.1f s\n", qPrintable(fts),
                            static_cast<long long>(rows), seconds(clock));
                    }
                }
            }

            // The store at this build's schema, as the app would leave it when it opens the store.
            QElapsedTimer clock;
            clock.start();
            if (auto migrated = Schema::migrate(bulk.db(), DatabaseUrl::Backend::Sqlite); !migrated) {
                std::fprintf(stderr, "callscope-bench grow: %s\n", qPrintable(migrated.error().message));
                return 1;
            } else {
                SAY("schema version %d (%.1f s)\n", *migrated, seconds(clock));
            }
            clock.restart();
            if (options.analyze) {
                if (!bulk.exec(u"ANALYZE"_s) || !bulk.exec(u"PRAGMA optimize"_s))
                    return 1;
                SAY("ANALYZE in %.1f s\n", seconds(clock));
            }
            bulk.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
            const qint64 nowListed = bulk.number(u"SELECT COUNT(*) FROM calls WHERE merged_into IS NULL"_s);
            const qint64 allCalls = bulk.number(u"SELECT COUNT(*) FROM calls"_s);
            const qint64 turns = bulk.number(u"SELECT COUNT(*) FROM transcript_segments"_s);
            const qint64 traces = bulk.number(u"SELECT COUNT(*) FROM function_traces"_s);
            SAY("done in %.1f s: %lld listed calls (%lld rows with carrier legs), %lld turns, %lld traces; "
                "%s is %.2f GB\n",
                seconds(total), static_cast<long long>(nowListed), static_cast<long long>(allCalls),
                static_cast<long long>(turns), static_cast<long long>(traces), qPrintable(path),
                double(QFileInfo(path).size()) / 1e9);
            return 0;
        }();
        if (status != 0)
            bulk.exec(u"ROLLBACK"_s);
    }
    SqlConnection::close(connection);
    return status;
}

} // namespace CallScope::Bench
