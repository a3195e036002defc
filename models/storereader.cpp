// SPDX-License-Identifier: GPL-3.0-or-later
#include "storereader.h"

#include "sqlconnection.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>

#include <limits>
#include <type_traits>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

const QString callColumns = u"id, tenant_id, uuid, provider, provider_call_id, direction, from_number, "
                            u"to_number, agent, status, outcome, "
                            "ended_reason, started_at, ended_at, duration_ms, function_call_count, "
                            "error_count, transcript_segment_count, "
                            "event_count, stale, sort_at, twilio_call_sid"_s;

std::optional<qint64> optionalLong(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

CallSummary callFrom(const QSqlQuery &q)
{
    CallSummary c;
    c.id = q.value(0).toLongLong();
    c.tenantId = TenantId{q.value(1).toLongLong()};
    c.uuid = q.value(2).toString();
    c.provider = providerFromString(q.value(3).toString()).value_or(Provider::Backend);
    c.providerCallId = q.value(4).toString();
    c.direction = q.value(5).toString();
    c.fromNumber = q.value(6).toString();
    c.toNumber = q.value(7).toString();
    c.agent = q.value(8).toString();
    c.status = callStatusFromString(q.value(9).toString()).value_or(CallStatus::Queued);
    c.outcome = outcomeFromString(q.value(10).toString());
    c.endedReason = q.value(11).toString();
    c.startedAt = optionalLong(q.value(12));
    c.endedAt = optionalLong(q.value(13));
    c.durationMs = optionalLong(q.value(14));
    c.functionCallCount = q.value(15).toInt();
    c.errorCount = q.value(16).toInt();
    c.transcriptSegmentCount = q.value(17).toInt();
    c.eventCount = q.value(18).toInt();
    c.stale = q.value(19).toInt() != 0;
    c.sortAt = q.value(20).toLongLong();
    c.twilioCallSid = q.value(21).toString();
    return c;
}

// The SQL expression a call is ordered by; orderKey() gives the same value from a row.
QString orderExpression(CallOrder order)
{
    switch (order) {
    case CallOrder::StartedAt:
        return u"sort_at"_s;
    case CallOrder::Provider:
        return u"provider"_s;
    case CallOrder::Direction:
        return u"COALESCE(direction, '')"_s;
    case CallOrder::FromNumber:
        return u"COALESCE(from_number, '')"_s;
    case CallOrder::ToNumber:
        return u"COALESCE(to_number, '')"_s;
    case CallOrder::Agent:
        return u"COALESCE(agent, '')"_s;
    case CallOrder::Duration:
        return u"COALESCE(duration_ms, -1)"_s;
    case CallOrder::Status:
        return u"status"_s;
    case CallOrder::Outcome:
        return u"COALESCE(outcome, '')"_s;
    case CallOrder::Functions:
        return u"function_call_count"_s;
    case CallOrder::Errors:
        return u"error_count"_s;
    }
    return u"sort_at"_s;
}

const QString receiptColumns =
    u"id, call_id, provider, event_key, event_type, status, received_at, headers, body, verification"_s;

StoredReceipt receiptFrom(const QSqlQuery &q)
{
    StoredReceipt r;
    r.id = q.value(0).toLongLong();
    r.callId = optionalLong(q.value(1));
    r.provider = providerFromString(q.value(2).toString()).value_or(Provider::Backend);
    r.eventKey = q.value(3).toString();
    r.eventType = q.value(4).toString();
    r.status =
        q.value(5).toString() == "unattributed"_L1 ? ReceiptStatus::Unattributed : ReceiptStatus::Processed;
    r.receivedAtMs = q.value(6).toLongLong();
    r.headersJson = q.value(7).toString().toUtf8();
    r.body = q.value(8).toByteArray();
    r.verification = q.value(9).toString() == "unsigned"_L1 ? Verification::Unsigned : Verification::Verified;
    return r;
}

// "?,?,?" for an IN list of n values.
QString placeholders(qsizetype n)
{
    return QString(u"?,"_s.repeated(n)).chopped(1);
}

std::expected<QSqlQuery, StoreError> run(QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return std::unexpected(SqlConnection::errorFrom(query));
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (auto done = SqlConnection::exec(query); !done)
        return std::unexpected(done.error());
    return query;
}

// Runs a statement and builds a record of each row.
template<typename Build>
auto readAll(QSqlDatabase &db, const QString &sql, const QVariantList &values, Build build)
    -> std::expected<QList<std::invoke_result_t<Build, const QSqlQuery &>>, StoreError>
{
    auto query = run(db, sql, values);
    if (!query)
        return std::unexpected(query.error());
    QList<std::invoke_result_t<Build, const QSqlQuery &>> out;
    while (query->next())
        out.append(build(*query));
    return out;
}

// Runs a statement and builds a record of its first row; missing() tells the error when it has none.
template<typename Build, typename Missing>
auto readOne(QSqlDatabase &db, const QString &sql, const QVariantList &values, Build build, Missing missing)
    -> std::expected<std::invoke_result_t<Build, const QSqlQuery &>, StoreError>
{
    auto query = run(db, sql, values);
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::unexpected(missing());
    return build(*query);
}

Tenant tenantFrom(const QSqlQuery &q)
{
    return Tenant{TenantId{q.value(0).toLongLong()}, q.value(1).toString(), q.value(2).toString(),
                  q.value(3).toLongLong()};
}

StoredEvent eventFrom(const QSqlQuery &q)
{
    StoredEvent e;
    e.id = q.value(0).toLongLong();
    e.callId = optionalLong(q.value(1));
    e.receiptId = q.value(2).toLongLong();
    e.seq = q.value(3).toInt();
    e.provider = providerFromString(q.value(4).toString()).value_or(Provider::Backend);
    e.kind = eventKindFromString(q.value(5).toString()).value_or(EventKind::Note);
    e.occurredAtMs = q.value(6).toLongLong();
    e.offsetMs = optionalLong(q.value(7));
    e.payloadJson = q.value(8).toString().toUtf8();
    return e;
}

TranscriptTurn turnFrom(const QSqlQuery &q)
{
    return TranscriptTurn{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                          optionalLong(q.value(3))};
}

TraceRecord traceFrom(const QSqlQuery &q)
{
    TraceRecord t;
    t.toolCallId = q.value(0).toString();
    t.name = q.value(1).toString();
    t.status = functionStatusFromString(q.value(2).toString()).value_or(FunctionStatus::Pending);
    t.argumentsJson = q.value(3).toString().toUtf8();
    t.resultJson = q.value(4).toString().toUtf8();
    t.errorJson = q.value(5).toString().toUtf8();
    t.startOffsetMs = optionalLong(q.value(6));
    t.endOffsetMs = optionalLong(q.value(7));
    t.durationMs = optionalLong(q.value(8));
    t.startedAtMs = optionalLong(q.value(9));
    t.endedAtMs = optionalLong(q.value(10));
    return t;
}

StoredToken tokenFrom(const QSqlQuery &q)
{
    return StoredToken{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       !q.value(3).isNull()};
}

StoreError invalidTenant()
{
    return StoreError{StoreError::Kind::InvalidArgument,
                      u"no tenant given: every read is scoped to one tenant"_s};
}

StoreError notFound(const QString &what)
{
    return StoreError{StoreError::Kind::NotFound, u"%1 not found"_s.arg(what)};
}

// FTS5 query syntax is not for users: every word becomes a quoted prefix term, all required.
QString ftsQuery(const QString &text)
{
    static const QRegularExpression word(u"[\\p{L}\\p{N}_]+"_s);
    QStringList terms;
    for (auto it = word.globalMatch(text); it.hasNext();)
        terms << u'"' + it.next().captured() + u"\"*"_s;
    return terms.join(u' ');
}

// The same for PostgreSQL: every word a prefix lexeme, all required ('simple' configuration, so
// no stemming; underscores split words as the tsvector parser splits them).
QString tsQuery(const QString &text)
{
    static const QRegularExpression word(u"[\\p{L}\\p{N}]+"_s);
    QStringList terms;
    for (auto it = word.globalMatch(text.toLower()); it.hasNext();)
        terms << u'\'' + it.next().captured() + u"':*"_s;
    return terms.join(u" & "_s);
}

} // namespace

StoreReader::StoreReader(QSqlDatabase db, QString connectionName, DatabaseUrl::Backend backend)
    : m_db(std::move(db))
    , m_connectionName(std::move(connectionName))
    , m_backend(backend)
{}

StoreReader::~StoreReader()
{
    m_db = QSqlDatabase();
    SqlConnection::close(m_connectionName);
}

StoreReader::Result<std::unique_ptr<StoreReader>> StoreReader::open(const DatabaseUrl &url,
                                                                    const QString &password)
{
    const QString name = SqlConnection::uniqueName(u"reader"_s);
    auto db = SqlConnection::open(url, password, name, SqlConnection::Role::Reader);
    if (!db)
        return std::unexpected(db.error());
    return std::unique_ptr<StoreReader>(new StoreReader(*db, name, url.backend));
}

StoreReader::Result<QList<Tenant>> StoreReader::tenants()
{
    return readAll(m_db, u"SELECT id, slug, name, created_at FROM tenants ORDER BY slug"_s, {}, tenantFrom);
}

StoreReader::Result<Tenant> StoreReader::tenant(const QString &slug)
{
    return readOne(
        m_db, u"SELECT id, slug, name, created_at FROM tenants WHERE slug = ?"_s, {slug}, tenantFrom, [&] {
            return StoreError{StoreError::Kind::UnknownTenant, u"unknown tenant \"%1\""_s.arg(slug)};
        });
}

StoreReader::Result<QList<CallSummary>> StoreReader::selectCalls(TenantId tenant, const QString &where,
                                                                 const QVariantList &values,
                                                                 const QString &tail)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    QString sql = u"SELECT "_s + callColumns + u" FROM calls WHERE tenant_id = ?"_s;
    if (!where.isEmpty())
        sql += u" AND "_s + where;
    if (!tail.isEmpty())
        sql += u' ' + tail;
    return readAll(m_db, sql, QVariantList{tenant.value} + values, callFrom);
}

StoreReader::Result<QList<CallSummary>> StoreReader::calls(TenantId tenant, const CallQuery &query)
{
    QStringList where;
    QVariantList values;
    where << u"merged_into IS NULL"_s; // a carrier leg is listed as part of its platform call
    if (query.status) {
        where << u"status = ?"_s;
        values << toString(*query.status);
    }
    if (query.provider) {
        where << u"provider = ?"_s;
        values << toString(*query.provider);
    }
    if (query.outcome) {
        where << u"outcome = ?"_s;
        values << toString(*query.outcome);
    }
    if (query.fromMs) {
        where << u"sort_at >= ?"_s;
        values << *query.fromMs;
    }
    if (query.toMs) {
        where << u"sort_at < ?"_s;
        values << *query.toMs;
    }
    if (query.beforeSortAt) {
        // Written so that an index on sort_at bounds the range (an OR alone would not).
        where << u"sort_at <= ? AND (sort_at < ? OR id < ?)"_s;
        values << *query.beforeSortAt << *query.beforeSortAt << query.beforeId;
    }
    if (!query.agent.isEmpty()) {
        where << u"agent = ?"_s;
        values << query.agent;
    }
    if (query.withErrors)
        where << u"error_count > 0"_s;
    if (query.ids) {
        if (query.ids->isEmpty())
            return QList<CallSummary>();
        where << u"id IN (%1)"_s.arg(placeholders(query.ids->size()));
        for (qint64 id : std::as_const(*query.ids))
            values << id;
    }
    const int limit = std::clamp(query.limit, 1, 1000);
    const QString text = query.text.trimmed();
    const QString match = text.isEmpty() ? QString() : isSqlite() ? ftsQuery(text) : tsQuery(text);
    if (!text.isEmpty() && match.isEmpty() && query.numberSuffix.isEmpty())
        return QList<CallSummary>();
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    if (!query.newestFirst())
        return orderedCalls(tenant, query, match, where, values, limit);
    const QString order = u"ORDER BY sort_at DESC, id DESC LIMIT %1"_s;
    if (match.isEmpty() && query.numberSuffix.isEmpty())
        return selectCalls(tenant, where.join(u" AND "_s), values, order.arg(limit));

    const auto matching = [&](qint64 minTurn, qint64 minTrace, QVariantList &args) {
        return matchingCalls(tenant, match, query.numberSuffix, minTurn, minTrace, args);
    };
    // The matching calls that pass the filters, newest first, from the (few) matches to their calls,
    // never through every call in time order. SQLite's CROSS JOIN keeps that order of the loops;
    // PostgreSQL's planner would hash-join every call, but looks up the ids of an array one by one.
    const auto select = [&](const QStringList &filters, const QVariantList &filterValues, int rows,
                            qint64 minTurn, qint64 minTrace) -> Result<QList<CallSummary>> {
        QVariantList args;
        const QString sql =
            isSqlite()
                ? u"SELECT "_s + callColumns + u" FROM ("_s + matching(minTurn, minTrace, args) +
                      u") AS m CROSS JOIN calls ON calls.id = m.match_id WHERE tenant_id = ? AND "_s
                : u"SELECT "_s + callColumns + u" FROM calls WHERE id = ANY (ARRAY(SELECT match_id FROM ("_s +
                      matching(minTurn, minTrace, args) + u") AS m)) AND tenant_id = ? AND "_s;
        return readAll(m_db, sql + filters.join(u" AND "_s) + u' ' + order.arg(rows),
                       args + QVariantList{tenant.value} + filterValues, callFrom);
    };
    // PostgreSQL: whether one call matches, through its own turns and traces (by their call_id
    // index; the stored tsvectors need no full-text index for that).
    const auto matches = [&](QVariantList &args) -> QString {
        QStringList any{u"EXISTS (SELECT 1 FROM transcript_segments s WHERE s.call_id = calls.id AND "
                        "s.tsv @@ to_tsquery('simple', ?))"_s,
                        u"EXISTS (SELECT 1 FROM function_traces f WHERE f.call_id = calls.id AND "
                        "f.tsv @@ to_tsquery('simple', ?))"_s};
        args << match << match;
        if (!query.numberSuffix.isEmpty()) {
            any << u"from_number LIKE ? OR to_number LIKE ?"_s;
            args << QString(u"%"_s + query.numberSuffix) << QString(u"%"_s + query.numberSuffix);
        }
        return u"("_s + any.join(u" OR "_s) + u')';
    };

    QList<CallSummary> found;
    QStringList rest = where; // where the calls not found yet are
    QVariantList restValues = values;
    if (!match.isEmpty()) {
        // First the most recent calls the filters pass: a common word (most searches) costs what
        // that window holds, not what the whole history holds. SQLite searches only the turns and
        // traces written from the window's oldest call on (new calls' turns are the newest);
        // PostgreSQL looks at the window's calls one by one, newest first, until the page is full.
        // Exact either way: the window is every call from its oldest call's (sort_at, id) on.
        const int window = std::max(1'000, 20 * limit);
        auto bounds = run(
            m_db,
            u"WITH recent AS (SELECT id, sort_at FROM calls WHERE tenant_id = ? AND %1 "
            "ORDER BY sort_at DESC, id DESC LIMIT %2), "
            "oldest AS (SELECT id, sort_at FROM recent ORDER BY sort_at, id LIMIT 1) "
            "SELECT (SELECT COUNT(*) FROM recent), (SELECT sort_at FROM oldest), (SELECT id FROM oldest), "
            "%3"_s.arg(where.join(u" AND "_s))
                .arg(window)
                .arg(isSqlite()
                         ? u"(SELECT MIN(id) FROM transcript_segments WHERE call_id IN (SELECT id FROM "
                           u"recent)), "
                           "(SELECT MIN(id) FROM function_traces WHERE call_id IN (SELECT id FROM recent))"_s
                         : u"NULL, NULL"_s),
            QVariantList{tenant.value} + values);
        if (!bounds)
            return std::unexpected(bounds.error());
        if (!bounds->next())
            return std::unexpected(StoreError{StoreError::Kind::Statement, u"no window of recent calls"_s});
        const qint64 count = bounds->value(0).toLongLong();
        if (count == 0)
            return found;
        const qint64 oldestSortAt = bounds->value(1).toLongLong();
        const qint64 oldestId = bounds->value(2).toLongLong();
        // No turn (trace) in the window: nothing of its text can match there.
        constexpr qint64 none = std::numeric_limits<qint64>::max();
        const qint64 minTurn = bounds->value(3).isNull() ? none : bounds->value(3).toLongLong();
        const qint64 minTrace = bounds->value(4).isNull() ? none : bounds->value(4).toLongLong();
        bounds->finish();
        QStringList inWindow = where;
        QVariantList inWindowValues = values;
        inWindow << u"sort_at >= ? AND (sort_at > ? OR id >= ?)"_s;
        inWindowValues << oldestSortAt << oldestSortAt << oldestId;
        auto recent = [&]() -> Result<QList<CallSummary>> {
            if (isSqlite())
                return select(inWindow, inWindowValues, limit, minTurn, minTrace);
            inWindow << matches(inWindowValues);
            return selectCalls(tenant, inWindow.join(u" AND "_s), inWindowValues, order.arg(limit));
        }();
        if (!recent)
            return recent;
        found = std::move(*recent);
        if (found.size() >= limit || count < window)
            return found;
        rest << u"sort_at <= ? AND (sort_at < ? OR id < ?)"_s;
        restValues << oldestSortAt << oldestSortAt << oldestId;
    }
    // The rest of the history (a rare word, or a number): from the matching turns, traces and numbers
    // to their calls, which are few, rather than through every call in time order.
    auto older = select(rest, restValues, limit - int(found.size()), 0, 0);
    if (!older)
        return older;
    found.append(*older);
    return found;
}

// The calls the text or the number matches, as a UNION of call ids: the text, every word a
// prefix, in one transcript turn or one function trace; the number's last digits (an index on
// each number's last four digits finds the candidates, LIKE the exact suffix). From `minTurn` and
// `minTrace` on, only the turns and traces with at least that id are searched.
QString StoreReader::matchingCalls(TenantId tenant, const QString &match, const QString &numberSuffix,
                                   qint64 minTurn, qint64 minTrace, QVariantList &args) const
{
    QStringList parts;
    if (!match.isEmpty() && isSqlite()) {
        parts << u"SELECT call_id AS match_id FROM transcript_segments WHERE id IN (SELECT rowid FROM "
                 "transcript_fts WHERE transcript_fts MATCH ? AND rowid >= ?)"_s
              << u"SELECT call_id FROM function_traces WHERE id IN (SELECT rowid FROM function_fts "
                 "WHERE function_fts MATCH ? AND rowid >= ?)"_s;
        args << match << minTurn << match << minTrace;
    } else if (!match.isEmpty()) {
        parts << u"SELECT call_id AS match_id FROM transcript_segments WHERE tsv @@ "
                 "to_tsquery('simple', ?) AND id >= ?"_s
              << u"SELECT call_id FROM function_traces WHERE tsv @@ to_tsquery('simple', ?) AND id >= ?"_s;
        args << match << minTurn << match << minTrace;
    }
    if (!numberSuffix.isEmpty()) {
        const QString last4 = numberSuffix.right(4);
        const QString like = u"%"_s + numberSuffix;
        for (const char *column : {"from_number", "to_number"}) {
            if (numberSuffix.size() < 4) { // shorter than the index's key: LIKE alone
                parts << u"SELECT id AS match_id FROM calls WHERE tenant_id = ? AND %1 LIKE ?"_s.arg(
                    QLatin1StringView(column));
                args << tenant.value << like;
                continue;
            }
            parts << u"SELECT id AS match_id FROM calls WHERE tenant_id = ? AND "
                     "substr(%1, length(%1) - 3) = ? AND %1 LIKE ?"_s.arg(QLatin1StringView(column));
            args << tenant.value << last4 << like;
        }
    }
    return parts.join(u" UNION "_s);
}

// Any order but newest first: the filters, the text or number as a set of call ids, and a cursor
// after the previous page's last row in that order. A plain index walk serves none of these orders
// over the whole history; they are for browsing, newest first is for finding.
StoreReader::Result<QList<CallSummary>> StoreReader::orderedCalls(TenantId tenant, const CallQuery &query,
                                                                  const QString &match, QStringList where,
                                                                  QVariantList values, int limit)
{
    const QString key = orderExpression(query.order);
    const QString direction = query.ascending ? u"ASC"_s : u"DESC"_s;
    if (query.afterKey) {
        const QChar beyond = query.ascending ? u'>' : u'<';
        where << u"(%1 %2 ? OR (%1 = ? AND id %2 ?))"_s.arg(key, beyond);
        values << *query.afterKey << *query.afterKey << query.afterId;
    }
    QVariantList args;
    if (!match.isEmpty() || !query.numberSuffix.isEmpty()) {
        const QString ids = matchingCalls(tenant, match, query.numberSuffix, 0, 0, args);
        where << (isSqlite() ? u"id IN (SELECT match_id FROM (%1) AS m)"_s
                             : u"id = ANY (ARRAY(SELECT match_id FROM (%1) AS m))"_s)
                     .arg(ids);
    }
    const QString sql = u"SELECT "_s + callColumns + u" FROM calls WHERE tenant_id = ? AND "_s +
                        where.join(u" AND "_s) +
                        u" ORDER BY %1 %2, id %2 LIMIT %3"_s.arg(key, direction).arg(limit);
    // The matching ids' arguments come after the filters' in the text.
    return readAll(m_db, sql, QVariantList{tenant.value} + values + args, callFrom);
}

QVariant orderKey(const CallSummary &call, CallOrder order)
{
    switch (order) {
    case CallOrder::StartedAt:
        return call.sortAt;
    case CallOrder::Provider:
        return toString(call.provider);
    case CallOrder::Direction:
        return call.direction;
    case CallOrder::FromNumber:
        return call.fromNumber;
    case CallOrder::ToNumber:
        return call.toNumber;
    case CallOrder::Agent:
        return call.agent;
    case CallOrder::Duration:
        return call.durationMs.value_or(-1);
    case CallOrder::Status:
        return toString(call.status);
    case CallOrder::Outcome:
        return call.outcome ? toString(*call.outcome) : QString();
    case CallOrder::Functions:
        return call.functionCallCount;
    case CallOrder::Errors:
        return call.errorCount;
    }
    return call.sortAt;
}

StoreReader::Result<QStringList> StoreReader::agents(TenantId tenant, const QList<qint64> &amongCalls)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    QString sql =
        u"SELECT DISTINCT agent FROM calls WHERE tenant_id = ? AND agent IS NOT NULL AND agent <> ''"_s;
    QVariantList values{tenant.value};
    if (!amongCalls.isEmpty()) {
        sql += u" AND id IN (%1)"_s.arg(placeholders(amongCalls.size()));
        for (qint64 id : amongCalls)
            values << id;
    }
    return readAll(m_db, sql + u" ORDER BY agent"_s, values,
                   [](const QSqlQuery &q) { return q.value(0).toString(); });
}

StoreReader::Result<CallSummary> StoreReader::call(TenantId tenant, qint64 callId)
{
    auto rows = selectCalls(tenant, u"id = ?"_s, {callId});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::unexpected(notFound(u"call %1"_s.arg(callId)));
    return rows->first();
}

StoreReader::Result<CallSummary> StoreReader::callByUuid(TenantId tenant, const QString &uuid)
{
    auto rows = selectCalls(tenant, u"uuid = ?"_s, {uuid});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::unexpected(notFound(u"call %1"_s.arg(uuid)));
    return rows->first();
}

StoreReader::Result<CallSummary> StoreReader::callByProviderId(TenantId tenant, Provider provider,
                                                               const QString &providerCallId)
{
    // A Twilio CallSid also names the platform call that reports it as its carrier leg, whether the
    // leg's own row was merged into it or never existed.
    auto rows =
        provider == Provider::Twilio ? selectCalls(tenant,
                                                   u"((provider = 'twilio' AND provider_call_id = ?) OR "
                                                   "(provider <> 'twilio' AND twilio_call_sid = ?))"_s,
                                                   {providerCallId, providerCallId}, u"ORDER BY id"_s)
        : provider == Provider::LiveKit
            // The room's sid, its name, or the SIP call id of its phone line.
            ? selectCalls(
                  tenant,
                  u"provider = 'livekit' AND (provider_call_id = ? OR room_name = ? OR sip_call_id = ?)"_s,
                  {providerCallId, providerCallId, providerCallId, providerCallId},
                  u"ORDER BY CASE WHEN provider_call_id = ? THEN 0 ELSE 1 END, id"_s)
            : selectCalls(tenant, u"provider = ? AND provider_call_id = ?"_s,
                          {toString(provider), providerCallId});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return std::unexpected(notFound(u"call %1:%2"_s.arg(toString(provider), providerCallId)));
    // Prefer the platform call over its merged leg.
    for (const CallSummary &row : std::as_const(*rows)) {
        if (row.provider != Provider::Twilio)
            return row;
    }
    return rows->first();
}

StoreReader::Result<QList<StoredEvent>> StoreReader::events(TenantId tenant, qint64 callId)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return readAll(
        m_db,
        u"SELECT id, call_id, receipt_id, seq, provider, kind, occurred_at, offset_ms, payload FROM events "
        "WHERE tenant_id = ? AND call_id = ? "
        "ORDER BY CASE WHEN offset_ms IS NULL THEN 1 ELSE 0 END, offset_ms, occurred_at, id"_s,
        {tenant.value, callId}, eventFrom);
}

StoreReader::Result<QList<StoredReceipt>> StoreReader::receipts(TenantId tenant, qint64 callId)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return readAll(m_db,
                   u"SELECT "_s + receiptColumns +
                       u" FROM receipts WHERE tenant_id = ? AND call_id = ? ORDER BY received_at, id"_s,
                   {tenant.value, callId}, receiptFrom);
}

StoreReader::Result<StoredReceipt> StoreReader::receiptByKey(TenantId tenant, Provider provider,
                                                             const QString &eventKey)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return readOne(m_db,
                   u"SELECT "_s + receiptColumns +
                       u" FROM receipts WHERE tenant_id = ? AND provider = ? AND event_key = ?"_s,
                   {tenant.value, toString(provider), eventKey}, receiptFrom,
                   [&] { return notFound(u"receipt %1"_s.arg(eventKey)); });
}

StoreReader::Result<QList<TranscriptTurn>> StoreReader::transcript(TenantId tenant, qint64 callId)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return readAll(
        m_db,
        u"SELECT role, text, start_ms, end_ms FROM transcript_segments WHERE tenant_id = ? AND call_id = ? "
        "ORDER BY start_ms, id"_s,
        {tenant.value, callId}, turnFrom);
}

StoreReader::Result<QList<TraceRecord>> StoreReader::functionTraces(TenantId tenant, qint64 callId)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return readAll(
        m_db,
        u"SELECT tool_call_id, name, status, arguments, result, error, start_offset_ms, end_offset_ms, "
        "duration_ms, started_at, ended_at FROM function_traces WHERE tenant_id = ? AND call_id = ? "
        "ORDER BY COALESCE(start_offset_ms, end_offset_ms), id"_s,
        {tenant.value, callId}, traceFrom);
}

namespace {

const QString callbackColumns =
    u"c.id, c.uuid, c.status, c.urgency, c.callback_number, c.caller_name, c.concern, calls.uuid, "
    "c.attempts, c.next_attempt_at, c.created_at, c.call_id, c.updated_at, c.closed_at, c.source, c.details, "
    "c.last_error, c.cancel_reason, c.resolution_note, c.claimed_by, COALESCE(calls.started_at, "
    "calls.sort_at) "
    "FROM callback_requests c LEFT JOIN calls ON calls.id = c.call_id"_s;

// The conditions of `query` beyond the tenant (" AND ..."), their values appended to `values`.
QString callbackFilter(const CallbackQuery &query, QVariantList &values)
{
    QString sql;
    if (!query.statuses.isEmpty()) {
        sql += u" AND c.status IN (%1)"_s.arg(placeholders(query.statuses.size()));
        for (const QString &status : query.statuses)
            values << status;
    }
    if (query.urgency) {
        sql += u" AND c.urgency = ?"_s;
        values << toString(*query.urgency);
    }
    return sql;
}

CallbackRecord callbackFrom(const QSqlQuery &q)
{
    CallbackRecord c;
    c.id = q.value(0).toLongLong();
    c.uuid = q.value(1).toString();
    c.status = q.value(2).toString();
    c.urgency = urgencyFromString(q.value(3).toString()).value_or(Urgency::Normal);
    c.callbackNumber = q.value(4).toString();
    c.callerName = q.value(5).toString();
    c.concern = q.value(6).toString();
    c.callUuid = q.value(7).toString();
    c.attempts = q.value(8).toInt();
    c.nextAttemptAt = optionalLong(q.value(9));
    c.createdAt = q.value(10).toLongLong();
    c.callId = optionalLong(q.value(11));
    c.updatedAt = q.value(12).toLongLong();
    c.closedAt = optionalLong(q.value(13));
    c.source = q.value(14).toString();
    c.details = q.value(15).toString();
    c.lastError = q.value(16).toString();
    c.cancelReason = q.value(17).toString();
    c.resolutionNote = q.value(18).toString();
    c.claimedBy = q.value(19).toString();
    c.callStartedAt = optionalLong(q.value(20));
    return c;
}

// The columns of an error group read as `g` (errorGroupFrom), the count in a range after them.
const QString errorGroupColumns =
    u"g.id, g.fingerprint, g.code, g.severity, g.status, g.count, g.first_seen, g.last_seen, "
    u"g.function_name, "
    "g.provider, g.message, g.regression, g.source, g.affected_calls, g.ignore_until_count, g.ignore_until, "
    "g.changed_by, g.changed_at"_s;

ErrorGroupRecord errorGroupFrom(const QSqlQuery &q)
{
    ErrorGroupRecord g;
    g.id = q.value(0).toLongLong();
    g.fingerprint = q.value(1).toString();
    g.code = q.value(2).toString();
    g.severity = q.value(3).toString();
    g.status = q.value(4).toString();
    g.count = q.value(5).toLongLong();
    g.firstSeen = q.value(6).toLongLong();
    g.lastSeen = q.value(7).toLongLong();
    g.functionName = q.value(8).toString();
    g.provider = q.value(9).toString();
    g.message = q.value(10).toString();
    g.regression = q.value(11).toInt() != 0;
    g.source = q.value(12).toString();
    g.affectedCalls = q.value(13).toLongLong();
    g.ignoreUntilCount = optionalLong(q.value(14));
    g.ignoreUntil = optionalLong(q.value(15));
    g.changedBy = q.value(16).toString();
    g.changedAt = optionalLong(q.value(17));
    return g;
}

ErrorEventRecord errorEventFrom(const QSqlQuery &q)
{
    ErrorEventRecord e;
    e.id = q.value(0).toLongLong();
    e.groupId = q.value(1).toLongLong();
    e.callId = optionalLong(q.value(2));
    e.callUuid = q.value(3).toString();
    e.receiptId = optionalLong(q.value(4));
    e.source = q.value(5).toString();
    e.code = q.value(6).toString();
    e.type = q.value(7).toString();
    e.severity = q.value(8).toString();
    e.message = q.value(9).toString();
    e.stack = q.value(10).toString();
    e.functionName = q.value(11).toString();
    e.provider = q.value(12).toString();
    e.offsetMs = optionalLong(q.value(13));
    e.occurredAt = q.value(14).toLongLong();
    return e;
}

} // namespace

StoreReader::Result<QList<CallbackRecord>> StoreReader::callbacks(TenantId tenant, const QString &status,
                                                                  int limit)
{
    CallbackQuery query;
    if (!status.isEmpty())
        query.statuses = {status};
    query.limit = limit;
    return callbacks(tenant, query);
}

StoreReader::Result<QList<CallbackRecord>> StoreReader::callbacks(TenantId tenant, const CallbackQuery &query)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    QVariantList values{tenant.value};
    QString sql =
        u"SELECT "_s + callbackColumns + u" WHERE c.tenant_id = ?"_s + callbackFilter(query, values);
    sql += u" ORDER BY CASE WHEN c.status IN ('pending', 'posting', 'posted', 'failed') THEN 0 ELSE 1 END, "
           "c.urgency_rank DESC, c.created_at, c.id LIMIT %1"_s.arg(std::clamp(query.limit, 1, 5000));
    return readAll(m_db, sql, values, callbackFrom);
}

StoreReader::Result<QList<CallbackHistoryEntry>> StoreReader::callbackHistory(TenantId tenant,
                                                                              qint64 callbackId)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    auto actions = readAll(
        m_db,
        u"SELECT at, actor, action, detail FROM audit_log WHERE tenant_id = ? AND entity = 'callback' "
        "AND entity_id = ? ORDER BY at, id"_s,
        {tenant.value, QString::number(callbackId)}, [](const QSqlQuery &q) {
            CallbackHistoryEntry entry;
            entry.at = q.value(0).toLongLong();
            entry.actor = q.value(1).toString();
            entry.action = q.value(2).toString();
            entry.detail = q.value(3).toString();
            return entry;
        });
    if (!actions)
        return actions;
    auto attempts = readAll(m_db,
                            u"SELECT a.started_at, a.attempt, a.result, a.http_status, a.error, "
                            u"a.finished_at FROM callback_attempts a "
                            "WHERE a.tenant_id = ? AND a.callback_id = ? ORDER BY a.attempt"_s,
                            {tenant.value, callbackId}, [](const QSqlQuery &q) {
                                CallbackHistoryEntry entry;
                                entry.at = q.value(0).toLongLong();
                                entry.action = u"attempt"_s;
                                entry.attempt = q.value(1).toInt();
                                entry.result = q.value(2).toString();
                                if (!q.value(3).isNull())
                                    entry.httpStatus = q.value(3).toInt();
                                entry.detail = q.value(4).toString();
                                entry.finishedAt = optionalLong(q.value(5));
                                return entry;
                            });
    if (!attempts)
        return attempts;
    QList<CallbackHistoryEntry> history = *actions + *attempts;
    std::stable_sort(
        history.begin(), history.end(),
        [](const CallbackHistoryEntry &a, const CallbackHistoryEntry &b) { return a.at < b.at; });
    return history;
}

StoreReader::Result<QList<CallSummary>> StoreReader::callbackCalls(TenantId tenant, qint64 callbackId)
{
    return selectCalls(tenant,
                       u"id IN (SELECT call_id FROM callback_calls WHERE tenant_id = calls.tenant_id AND "
                       "callback_id = ?)"_s,
                       {callbackId, callbackId},
                       u"ORDER BY (SELECT added_at FROM callback_calls cc WHERE cc.callback_id = ? AND "
                       "cc.call_id = calls.id), id"_s);
}

StoreReader::Result<qint64> StoreReader::countCallbacks(TenantId tenant, const CallbackQuery &query)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    QVariantList values{tenant.value};
    const QString sql =
        u"SELECT COUNT(*) FROM callback_requests c WHERE c.tenant_id = ?"_s + callbackFilter(query, values);
    return readOne(
        m_db, sql, values, [](const QSqlQuery &q) { return q.value(0).toLongLong(); },
        [] {
            return StoreError{StoreError::Kind::Statement, u"COUNT(*) gave no row"_s};
        });
}
StoreReader::Result<CallbackRecord> StoreReader::callback(TenantId tenant, const QString &uuid)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return readOne(m_db, u"SELECT "_s + callbackColumns + u" WHERE c.tenant_id = ? AND c.uuid = ?"_s,
                   {tenant.value, uuid}, callbackFrom, [&] { return notFound(u"callback %1"_s.arg(uuid)); });
}

StoreReader::Result<std::optional<qint64>> StoreReader::nextCallbackAttemptAt()
{
    auto query =
        run(m_db, u"SELECT MIN(next_attempt_at) FROM callback_requests WHERE status = 'failed'"_s, {});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next() || query->value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(query->value(0).toLongLong());
}

StoreReader::Result<QList<ErrorGroupRecord>> StoreReader::errorGroups(TenantId tenant,
                                                                      const ErrorGroupQuery &query)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    QStringList where{u"g.tenant_id = ?"_s};
    QVariantList values{tenant.value};
    const auto filter = [&](const QString &column, const QString &value) {
        if (!value.isEmpty()) {
            where << u"g.%1 = ?"_s.arg(column);
            values << value;
        }
    };
    filter(u"status"_s, query.status);
    filter(u"severity"_s, query.severity);
    filter(u"provider"_s, query.provider);
    filter(u"function_name"_s, query.functionName);
    const bool ranged = query.fromMs || query.toMs;
    const qint64 from = query.fromMs.value_or(0);
    const qint64 to = query.toMs.value_or(std::numeric_limits<qint64>::max());
    QString sql;
    if (ranged) {
        // Counted from the hourly roll-up: the hours that overlap the range (a range that does not
        // start on an hour counts that hour whole, which the view's presets never do).
        const qint64 fromHour = from - from % 3'600'000;
        sql = u"SELECT %1, r.in_range FROM error_groups g JOIN (SELECT group_id, SUM(count) AS in_range "
              "FROM error_group_hours WHERE tenant_id = ? AND hour >= ? AND hour < ? GROUP BY group_id) r "
              "ON r.group_id = g.id WHERE %2"_s.arg(errorGroupColumns, where.join(u" AND "_s));
        values.prepend(to);
        values.prepend(fromHour);
        values.prepend(tenant.value);
    } else {
        sql = u"SELECT %1, g.count FROM error_groups g WHERE %2"_s.arg(errorGroupColumns,
                                                                       where.join(u" AND "_s));
    }
    sql +=
        query.order == ErrorGroupOrder::Count
            ? u" ORDER BY %1 DESC, g.last_seen DESC, g.id DESC"_s.arg(ranged ? u"r.in_range"_s : u"g.count"_s)
            : u" ORDER BY g.last_seen DESC, g.id DESC"_s;
    sql += u" LIMIT %1"_s.arg(std::clamp(query.limit, 1, 5000));
    return readAll(m_db, sql, values, [](const QSqlQuery &q) {
        ErrorGroupRecord g = errorGroupFrom(q);
        g.countInRange = q.value(18).toLongLong();
        return g;
    });
}

StoreReader::Result<QList<ErrorHourCount>>
StoreReader::errorHours(TenantId tenant, const QList<qint64> &groupIds, qint64 fromMs, qint64 toMs)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    QString sql = u"SELECT group_id, hour, count FROM error_group_hours WHERE tenant_id = ? AND hour >= ? "
                  "AND hour < ?"_s;
    QVariantList values{tenant.value, fromMs - fromMs % 3'600'000, toMs};
    if (!groupIds.isEmpty()) {
        sql += u" AND group_id IN (%1)"_s.arg(placeholders(groupIds.size()));
        for (qint64 id : groupIds)
            values << id;
    }
    return readAll(m_db, sql + u" ORDER BY group_id, hour"_s, values, [](const QSqlQuery &q) {
        return ErrorHourCount{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
    });
}

namespace {

const QString errorEventColumns = u"SELECT e.id, e.group_id, e.call_id, c.uuid, e.receipt_id, e.source, "
                                  u"e.code, e.type, e.severity, e.message, "
                                  "e.stack, e.function_name, e.provider, e.offset_ms, e.occurred_at FROM "
                                  "errors e LEFT JOIN calls c ON c.id = "
                                  "e.call_id WHERE e.tenant_id = ? AND e.group_id = ?"_s;

} // namespace

StoreReader::Result<QList<ErrorEventRecord>> StoreReader::errorEvents(TenantId tenant, qint64 groupId,
                                                                      int limit)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return readAll(m_db,
                   errorEventColumns +
                       u" ORDER BY e.occurred_at DESC, e.id DESC LIMIT %1"_s.arg(std::clamp(limit, 1, 1000)),
                   {tenant.value, groupId}, errorEventFrom);
}

StoreReader::Result<ErrorEventRecord> StoreReader::latestErrorEventOnCall(TenantId tenant, qint64 groupId,
                                                                          qint64 callId)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return readOne(m_db,
                   errorEventColumns + u" AND e.call_id = ? ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1"_s,
                   {tenant.value, groupId, callId}, errorEventFrom,
                   [&] { return notFound(u"error of group %1 on call %2"_s.arg(groupId).arg(callId)); });
}

StoreReader::Result<QList<CallSummary>> StoreReader::errorGroupCalls(TenantId tenant, qint64 groupId,
                                                                     int limit)
{
    // The calls of the group's latest events (the errors_group index walked newest first, so a group
    // of many thousand events costs what its last few hundred do), newest call first.
    const int n = std::clamp(limit, 1, 1000);
    return selectCalls(
        tenant,
        u"id IN (SELECT call_id FROM (SELECT call_id FROM errors WHERE group_id = ? AND tenant_id = ? "
        "AND call_id IS NOT NULL ORDER BY occurred_at DESC LIMIT %1) AS recent)"_s.arg(n * 20),
        {groupId, tenant.value}, u"ORDER BY sort_at DESC, id DESC LIMIT %1"_s.arg(n));
}

namespace {

// The values one column of the tenant's error groups takes, in order (the errors view's filters).
std::expected<QStringList, StoreError> distinctGroupValues(QSqlDatabase &db, TenantId tenant,
                                                           const QString &column)
{
    return readAll(
        db,
        u"SELECT DISTINCT %1 FROM error_groups WHERE tenant_id = ? AND %1 IS NOT NULL AND %1 <> '' "
        "ORDER BY %1"_s.arg(column),
        {tenant.value}, [](const QSqlQuery &q) { return q.value(0).toString(); });
}

} // namespace

StoreReader::Result<QStringList> StoreReader::errorProviders(TenantId tenant)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return distinctGroupValues(m_db, tenant, u"provider"_s);
}

StoreReader::Result<QStringList> StoreReader::errorFunctions(TenantId tenant)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return distinctGroupValues(m_db, tenant, u"function_name"_s);
}

StoreReader::Result<ErrorGroupRecord> StoreReader::errorGroup(TenantId tenant, qint64 id)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return readOne(
        m_db, u"SELECT "_s + errorGroupColumns + u" FROM error_groups g WHERE g.tenant_id = ? AND g.id = ?"_s,
        {tenant.value, id}, errorGroupFrom, [&] { return notFound(u"error group %1"_s.arg(id)); });
}

StoreReader::Result<StoredToken> StoreReader::token(const QString &tokenId)
{
    return readOne(m_db,
                   u"SELECT t.slug, a.scope, a.token_hash, a.revoked_at FROM api_tokens a "
                   "JOIN tenants t ON t.id = a.tenant_id WHERE a.token_id = ?"_s,
                   {tokenId}, tokenFrom, [&] { return notFound(u"token %1"_s.arg(tokenId)); });
}

StoreReader::Result<QList<TokenInfo>> StoreReader::tokens(TenantId tenant)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return readAll(m_db,
                   u"SELECT token_id, scope, label, created_at, revoked_at, last_used_at FROM api_tokens "
                   "WHERE tenant_id = ? ORDER BY created_at DESC, id DESC"_s,
                   {tenant.value}, [](const QSqlQuery &q) {
                       return TokenInfo{q.value(0).toString(),    q.value(1).toString(),
                                        q.value(2).toString(),    q.value(3).toLongLong(),
                                        optionalLong(q.value(4)), optionalLong(q.value(5))};
                   });
}

StoreReader::Result<QList<DeliveryStats>> StoreReader::deliveryStats(TenantId tenant)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return readAll(m_db,
                   u"SELECT provider, accepted, duplicates, rejected, last_accepted_at, last_rejected_at, "
                   "last_rejected_reason FROM delivery_stats WHERE tenant_id = ? ORDER BY provider"_s,
                   {tenant.value}, [](const QSqlQuery &q) {
                       return DeliveryStats{q.value(0).toString(),    q.value(1).toLongLong(),
                                            q.value(2).toLongLong(),  q.value(3).toLongLong(),
                                            optionalLong(q.value(4)), optionalLong(q.value(5)),
                                            q.value(6).toString()};
                   });
}

StoreReader::Result<qint64> StoreReader::count(TenantId tenant, const QString &table)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    auto query = run(m_db, u"SELECT COUNT(*) FROM %1 WHERE tenant_id = ?"_s.arg(table), {tenant.value});
    if (!query)
        return std::unexpected(query.error());
    query->next();
    return query->value(0).toLongLong();
}

StoreReader::Result<qint64> StoreReader::countEvents(TenantId tenant)
{
    return count(tenant, u"events"_s);
}

StoreReader::Result<qint64> StoreReader::countReceipts(TenantId tenant)
{
    return count(tenant, u"receipts"_s);
}

StoreReader::Result<qint64> StoreReader::countCalls(TenantId tenant)
{
    return count(tenant, u"calls"_s);
}

StoreReader::Result<QList<StoreReader::OutcomeCount>>
StoreReader::outcomeCounts(TenantId tenant, qint64 fromMs, qint64 toMs, qint64 bucketMs)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    // Whole numbers of our own, written into the statement: both databases divide integers exactly.
    return readAll(
        m_db,
        u"SELECT (sort_at - %1) / %2 AS bucket, COALESCE(outcome, ''), COUNT(*) FROM calls "
        "WHERE tenant_id = ? AND merged_into IS NULL AND sort_at >= ? AND sort_at < ? "
        "GROUP BY bucket, COALESCE(outcome, '') ORDER BY bucket"_s.arg(fromMs)
            .arg(bucketMs),
        {tenant.value, fromMs, toMs}, [](const QSqlQuery &q) {
            return OutcomeCount{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()};
        });
}

StoreReader::Result<QList<StoreReader::TraceSample>> StoreReader::traceSamples(TenantId tenant, qint64 fromMs,
                                                                               qint64 toMs)
{
    if (!tenant.isValid())
        return std::unexpected(invalidTenant());
    return readAll(m_db,
                   u"SELECT name, status, duration_ms FROM function_traces WHERE tenant_id = ? AND "
                   "COALESCE(started_at, ended_at) >= ? AND COALESCE(started_at, ended_at) < ?"_s,
                   {tenant.value, fromMs, toMs}, [](const QSqlQuery &q) {
                       return TraceSample{
                           q.value(0).toString(),
                           functionStatusFromString(q.value(1).toString()).value_or(FunctionStatus::Pending),
                           optionalLong(q.value(2))};
                   });
}

} // namespace CallScope
