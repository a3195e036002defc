// SPDX-License-Identifier: GPL-3.0-or-later
#include "writecontext.h"

#include "errorfingerprint.h"
#include "sqlconnection.h"

#include <QDateTime>
#include <QStringList>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

constexpr qsizetype maxCachedCalls = 200'000;

// PostgreSQL pays a round trip per statement, so rows go in chunks. SQLite pays none and binds
// through the C API (SqlStatement), so one prepared single-row statement is the cheapest there.
int rowsPerStatement(DatabaseUrl::Backend backend)
{
    return backend == DatabaseUrl::Backend::Sqlite ? 1 : 200;
}

// `columns` (the first a BIGINT) equal to those of one of `rows` rows of parameters: a plain
// comparison for one row, a VALUES list for several.
QString matchesOneOf(const QStringList &columns, qsizetype rows)
{
    if (rows == 1)
        return columns.join(u" = ? AND "_s) + u" = ?"_s;
    QString row = u"(CAST(? AS BIGINT)"_s;
    for (qsizetype i = 1; i < columns.size(); ++i)
        row += u", ?"_s;
    row += u')';
    QString sql = u'(' + columns.join(u", "_s) + u") IN (VALUES "_s + row;
    for (qsizetype i = 1; i < rows; ++i)
        sql += u", "_s + row;
    return sql + u')';
}

} // namespace

WriteContext::WriteContext(QSqlDatabase db, DatabaseUrl::Backend backend)
    : m_db(std::move(db))
    , m_backend(backend)
    , m_events(
          u"INSERT INTO events (tenant_id, call_id, receipt_id, seq, provider, kind, occurred_at, offset_ms, payload) VALUES "_s,
          u"(?, ?, ?, ?, ?, ?, ?, ?, ?)"_s, 9, {}, rowsPerStatement(backend))
    , m_segmentRows(
          u"INSERT INTO transcript_segments (tenant_id, call_id, role, text, start_ms, end_ms) VALUES "_s,
          u"(?, ?, ?, ?, ?, ?)"_s, 6,
          // A provider that resends the whole transcript updates the turns it already sent.
          u"ON CONFLICT (call_id, role, start_ms) DO UPDATE SET text = excluded.text, "
          "end_ms = COALESCE(excluded.end_ms, transcript_segments.end_ms) RETURNING id"_s,
          rowsPerStatement(backend))
    , m_traceRows(
          u"INSERT INTO function_traces (tenant_id, call_id, tool_call_id, name, status, arguments, result, "
          "error, start_offset_ms, end_offset_ms, started_at, ended_at, duration_ms) VALUES "_s,
          u"(?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), "
          "CAST(? AS BIGINT), CAST(? AS BIGINT))"_s,
          13,
          // excluded.started_at is set when this transaction saw the start (whose name wins),
          // excluded.status is 'pending' when it saw no finish.
          u"ON CONFLICT (call_id, tool_call_id) DO UPDATE SET "
          "name = CASE WHEN excluded.started_at IS NOT NULL THEN COALESCE(excluded.name, "
          "function_traces.name) "
          "ELSE COALESCE(function_traces.name, excluded.name) END, "
          "status = CASE WHEN excluded.status = 'pending' THEN function_traces.status ELSE excluded.status "
          "END, "
          "arguments = COALESCE(excluded.arguments, function_traces.arguments), "
          "result = CASE WHEN excluded.status = 'pending' THEN function_traces.result ELSE excluded.result "
          "END, "
          "error = CASE WHEN excluded.status = 'pending' THEN function_traces.error ELSE excluded.error END, "
          "start_offset_ms = CASE WHEN excluded.started_at IS NOT NULL THEN excluded.start_offset_ms "
          "ELSE function_traces.start_offset_ms END, "
          "end_offset_ms = CASE WHEN excluded.status = 'pending' THEN function_traces.end_offset_ms "
          "ELSE excluded.end_offset_ms END, "
          "started_at = COALESCE(excluded.started_at, function_traces.started_at), "
          "ended_at = COALESCE(excluded.ended_at, function_traces.ended_at), "
          "duration_ms = COALESCE(excluded.duration_ms, function_traces.duration_ms, "
          "COALESCE(excluded.ended_at, function_traces.ended_at) - "
          "COALESCE(excluded.started_at, function_traces.started_at)) RETURNING id"_s,
          rowsPerStatement(backend))
    , m_aggregateRows(
          u"UPDATE calls SET status = v.column2, outcome = v.column3, outcome_rank = v.column4, "
          "ended_reason = v.column5, direction = v.column6, from_number = v.column7, to_number = v.column8, "
          "agent = v.column9, started_at = v.column10, ended_at = v.column11, duration_ms = v.column12, "
          "cost_cents = v.column13, twilio_call_sid = v.column14, sip_call_id = v.column15, "
          "backend_log_id = v.column16, first_event_at = v.column17, last_event_at = v.column18, "
          "sort_at = v.column19, updated_at = v.column20, event_count = calls.event_count + v.column21, "
          "error_event_count = calls.error_event_count + v.column22, room_name = v.column23, "
          "stale = CASE WHEN v.column2 = 'ended' THEN 0 ELSE calls.stale END, "
          "function_call_count = (SELECT COUNT(*) FROM function_traces f WHERE f.call_id = calls.id), "
          "transcript_segment_count = (SELECT COUNT(*) FROM transcript_segments t WHERE t.call_id = "
          "calls.id), "
          "error_count = calls.error_event_count + v.column22 + (SELECT COUNT(*) FROM function_traces f "
          "WHERE f.call_id = calls.id AND f.status IN ('error', 'timeout')) FROM (VALUES "_s,
          u"(CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS TEXT), "
          "CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT), "
          "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS DOUBLE PRECISION), CAST(? AS TEXT), CAST(? AS "
          "TEXT), "
          "CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), "
          "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TEXT))"_s,
          23, u") AS v WHERE calls.id = v.column1"_s, rowsPerStatement(backend))
{}

WriteContext::~WriteContext()
{
    // Statements hold the connection's resources: release them before the connection goes.
    m_statements.clear();
    for (RowBuffer *buffer : {&m_events, &m_segmentRows, &m_traceRows, &m_aggregateRows})
        buffer->resetStatements();
}

std::expected<SqlStatement *, StoreError> WriteContext::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto statement = SqlStatement::prepare(m_db, sql);
        if (!statement)
            return std::unexpected(statement.error());
        it = m_statements.emplace(sql, std::move(*statement)).first;
    }
    return it->second.get();
}

std::expected<qint64, StoreError> WriteContext::tenantId(const QString &slug)
{
    if (const auto it = m_tenants.constFind(slug); it != m_tenants.constEnd())
        return it.value();
    auto query = prepared(u"SELECT id FROM tenants WHERE slug = ?"_s);
    if (!query)
        return std::unexpected(query.error());
    (*query)->bind(0, slug);
    if (auto done = (*query)->exec(); !done)
        return std::unexpected(done.error());
    if (!(*query)->next()) {
        (*query)->finish();
        return std::unexpected(
            StoreError{StoreError::Kind::UnknownTenant, u"unknown tenant \"%1\""_s.arg(slug)});
    }
    const qint64 id = (*query)->int64(0);
    (*query)->finish();
    m_tenants.insert(slug, id);
    return id;
}

std::expected<Tenant, StoreError> WriteContext::insertTenant(const QString &slug, const QString &name,
                                                             qint64 createdAtMs)
{
    // SQLite would give the highest rowid plus one, the id of a tenant deleted last: an id cached
    // anywhere must never come to name another tenant (PostgreSQL's identity never repeats).
    auto query = prepared(
        isSqlite() ? u"INSERT INTO tenants (id, slug, name, created_at) SELECT MAX(m) + 1, ?, ?, ? FROM "
                     "(SELECT COALESCE(MAX(id), 0) AS m FROM tenants UNION ALL "
                     "SELECT COALESCE(MAX(tenant_id), 0) FROM deleted_tenants) RETURNING id"_s
                   : u"INSERT INTO tenants (slug, name, created_at) VALUES (?, ?, ?) RETURNING id"_s);
    if (!query)
        return std::unexpected(query.error());
    (*query)->bind(0, slug);
    (*query)->bind(1, name);
    (*query)->bind(2, createdAtMs);
    if (auto done = (*query)->exec(); !done)
        return std::unexpected(done.error());
    if (!(*query)->next())
        return std::unexpected(StoreError{StoreError::Kind::Statement, u"the new tenant has no id"_s});
    Tenant tenant{TenantId{(*query)->int64(0)}, slug, name, createdAtMs};
    (*query)->finish();
    m_tenants.insert(slug, tenant.id.value);
    m_changes.tenantIds.insert(tenant.id.value);
    m_changes.kinds |= StoreChanges::Tenants;
    return tenant;
}

std::expected<void, StoreError> WriteContext::deleteTenant(qint64 tenantId, const QString &slug)
{
    // What earlier writes of this transaction buffered is written first, and so deleted as well.
    if (auto done = flush(); !done)
        return done;
    const QString ofCalls = u"(SELECT id FROM calls WHERE tenant_id = ?)"_s;
    QStringList statements;
    // The full-text rows are keyed by the turn's and the trace's id only.
    if (isSqlite())
        statements
            << u"DELETE FROM transcript_fts WHERE rowid IN (SELECT id FROM transcript_segments "
               "WHERE call_id IN "_s +
                   ofCalls + u')'
            << u"DELETE FROM function_fts WHERE rowid IN (SELECT id FROM function_traces WHERE call_id IN "_s +
                   ofCalls + u')';
    // The tables without a key to the tenant first (see schema step 1), then the big ones the tenant
    // row would otherwise reach through its calls; the tenant row takes the rest with it.
    statements << u"DELETE FROM events WHERE call_id IN "_s + ofCalls
               << u"DELETE FROM events WHERE call_id IS NULL AND tenant_id = ?"_s
               << u"DELETE FROM transcript_segments WHERE call_id IN "_s + ofCalls
               << u"DELETE FROM function_traces WHERE call_id IN "_s + ofCalls
               << u"DELETE FROM receipts WHERE tenant_id = ?"_s << u"DELETE FROM calls WHERE tenant_id = ?"_s;
    for (const QString &sql : std::as_const(statements)) {
        if (auto done = execute(sql, {tenantId}); !done)
            return done;
    }
    if (auto done = execute(u"INSERT INTO deleted_tenants (tenant_id, slug, name, deleted_at) "
                            "SELECT id, slug, name, ? FROM tenants WHERE id = ?"_s,
                            {QDateTime::currentMSecsSinceEpoch(), tenantId});
        !done)
        return done;
    if (auto done = execute(u"DELETE FROM tenants WHERE id = ?"_s, {tenantId}); !done)
        return done;

    m_tenants.remove(slug);
    for (QHash<CallKey, qint64> *calls : {&m_calls, &m_newCalls})
        calls->removeIf([tenantId](const auto &entry) { return entry.key().tenantId == tenantId; });
    std::erase_if(m_aggregates, [tenantId](const auto &entry) { return entry.second.tenantId == tenantId; });
    m_changes.tenantIds.insert(tenantId);
    m_changes.kinds |= StoreChanges::Tenants;
    return {};
}

void WriteContext::countDelivery(qint64 tenantId, Provider provider, bool duplicate, qint64 receivedAtMs)
{
    DeliveryCount &count = m_deliveries[{tenantId, toString(provider)}];
    if (duplicate) {
        ++count.duplicates;
        return;
    }
    ++count.accepted;
    count.lastAcceptedAtMs = std::max(count.lastAcceptedAtMs.value_or(receivedAtMs), receivedAtMs);
}

std::expected<void, StoreError> WriteContext::flushDeliveryCounts()
{
    for (const auto &[key, count] : m_deliveries) {
        if (auto done = execute(
                u"INSERT INTO delivery_stats (tenant_id, provider, accepted, duplicates, last_accepted_at) "
                "VALUES (?, ?, ?, ?, CAST(? AS BIGINT)) ON CONFLICT (tenant_id, provider) DO UPDATE SET "
                "accepted = delivery_stats.accepted + excluded.accepted, "
                "duplicates = delivery_stats.duplicates + excluded.duplicates, "
                "last_accepted_at = CASE WHEN delivery_stats.last_accepted_at IS NULL OR "
                "excluded.last_accepted_at > delivery_stats.last_accepted_at THEN "
                "COALESCE(excluded.last_accepted_at, delivery_stats.last_accepted_at) "
                "ELSE delivery_stats.last_accepted_at END"_s,
                {key.first, key.second, count.accepted, count.duplicates, nullable(count.lastAcceptedAtMs)});
            !done)
            return done;
    }
    m_deliveries.clear();
    return {};
}

std::expected<qint64, StoreError> WriteContext::resolveCall(const CallKey &key, qint64 occurredAtMs)
{
    if (const auto it = m_calls.constFind(key); it != m_calls.constEnd())
        return it.value();
    if (const auto it = m_newCalls.constFind(key); it != m_newCalls.constEnd())
        return it.value();
    if (key.provider == Provider::Twilio) {
        auto platforms = platformCallsFor({key});
        if (!platforms)
            return std::unexpected(platforms.error());
        if (const auto it = platforms->constFind(key); it != platforms->constEnd()) {
            m_newCalls.insert(key, it.value());
            return it.value();
        }
    }

    auto insert = prepared(
        u"INSERT INTO calls (tenant_id, uuid, provider, provider_call_id, sort_at, first_event_at, "
        u"last_event_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, provider, provider_call_id) DO NOTHING RETURNING id"_s);
    if (!insert)
        return std::unexpected(insert.error());
    SqlStatement &query = **insert;
    const QVariantList values{key.tenantId,           QUuid::createUuid().toString(QUuid::WithoutBraces),
                              toString(key.provider), key.providerCallId,
                              occurredAtMs,           occurredAtMs,
                              occurredAtMs,           QDateTime::currentMSecsSinceEpoch()};
    for (int i = 0; i < values.size(); ++i)
        query.bind(i, values.at(i));
    if (auto done = query.exec(); !done)
        return std::unexpected(done.error());
    if (query.next()) {
        const qint64 id = query.int64(0);
        query.finish();
        m_newCalls.insert(key, id);
        CallAggregate fresh;
        fresh.id = id;
        fresh.tenantId = key.tenantId;
        fresh.provider = key.provider;
        fresh.firstEventAt = occurredAtMs;
        fresh.lastEventAt = occurredAtMs;
        fresh.dirty = true;
        m_aggregates.emplace(id, std::move(fresh));
        return id;
    }
    query.finish();

    auto select =
        prepared(u"SELECT id FROM calls WHERE tenant_id = ? AND provider = ? AND provider_call_id = ?"_s);
    if (!select)
        return std::unexpected(select.error());
    (*select)->bind(0, key.tenantId);
    (*select)->bind(1, toString(key.provider));
    (*select)->bind(2, key.providerCallId);
    if (auto done = (*select)->exec(); !done)
        return std::unexpected(done.error());
    if (!(*select)->next())
        return std::unexpected(
            StoreError{StoreError::Kind::Statement, u"call vanished while resolving it"_s});
    const qint64 id = (*select)->int64(0);
    (*select)->finish();
    m_newCalls.insert(key, id);
    return id;
}

std::expected<CallAggregate *, StoreError> WriteContext::aggregate(qint64 callId)
{
    if (auto it = m_aggregates.find(callId); it == m_aggregates.end()) {
        if (auto loaded = loadAggregates({callId}); !loaded)
            return std::unexpected(loaded.error());
    }
    if (auto it = m_aggregates.find(callId); it != m_aggregates.end())
        return &it->second;
    return std::unexpected(StoreError{StoreError::Kind::NotFound, u"call %1 not found"_s.arg(callId)});
}

std::expected<void, StoreError> WriteContext::loadAggregates(const QList<qint64> &callIds)
{
    // A call this transaction holds already was loaded (and locked) or created by it.
    QList<qint64> ids;
    ids.reserve(callIds.size());
    for (const qint64 id : callIds) {
        if (!m_aggregates.contains(id))
            ids.append(id);
    }
    // Rows are locked in id order on PostgreSQL, so two writers on one database cannot deadlock.
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const int chunkSize = rowsPerStatement(m_backend);
    for (qsizetype first = 0; first < ids.size(); first += chunkSize) {
        const qsizetype count = std::min<qsizetype>(chunkSize, ids.size() - first);
        QString sql =
            u"SELECT id, provider, status, outcome, outcome_rank, ended_reason, direction, from_number, "
            "to_number, agent, started_at, ended_at, duration_ms, cost_cents, twilio_call_sid, sip_call_id, "
            "backend_log_id, first_event_at, last_event_at, room_name, tenant_id FROM calls WHERE id IN (?"_s;
        for (qsizetype i = 1; i < count; ++i)
            sql += u", ?"_s;
        sql += isSqlite() ? u")"_s : u") ORDER BY id FOR UPDATE"_s;
        auto select = prepared(sql);
        if (!select)
            return std::unexpected(select.error());
        SqlStatement &query = **select;
        for (qsizetype i = 0; i < count; ++i)
            query.bind(int(i), ids.at(first + i));
        if (auto done = query.exec(); !done)
            return done;
        while (query.next()) {
            CallAggregate agg;
            agg.id = query.int64(0);
            agg.tenantId = query.int64(20);
            agg.provider = providerFromString(query.text(1)).value_or(Provider::Backend);
            agg.status = callStatusFromString(query.text(2)).value_or(CallStatus::Queued);
            if (const auto outcome = outcomeFromString(query.text(3))) {
                const int rank = int(query.int64(4));
                agg.outcome = OutcomeDecision{*outcome, (rank & 1) != 0,
                                              rank >= 2 ? OutcomeSource::Platform : OutcomeSource::Carrier};
            }
            agg.endedReason = query.text(5);
            agg.direction = query.text(6);
            agg.fromNumber = query.text(7);
            agg.toNumber = query.text(8);
            agg.agent = query.text(9);
            auto optionalLong = [&query](int column) -> std::optional<qint64> {
                const QVariant value = query.value(column);
                return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
            };
            agg.startedAt = optionalLong(10);
            agg.endedAt = optionalLong(11);
            agg.durationMs = optionalLong(12);
            if (const QVariant cost = query.value(13); !cost.isNull())
                agg.costCents = cost.toDouble();
            agg.twilioCallSid = query.text(14);
            agg.sipCallId = query.text(15);
            agg.backendLogId = query.text(16);
            agg.firstEventAt = query.int64(17);
            agg.lastEventAt = query.int64(18);
            agg.roomName = query.text(19);
            m_aggregates.emplace(agg.id, std::move(agg));
        }
        query.finish();
    }
    return {};
}

void WriteContext::requireCall(const CallKey &key, qint64 occurredAtMs)
{
    if (m_calls.contains(key) || m_newCalls.contains(key))
        return;
    auto it = m_requiredCalls.find(key);
    if (it == m_requiredCalls.end()) {
        m_requiredCalls.insert(key, occurredAtMs);
        m_requiredOrder.append(key);
    } else if (occurredAtMs < it.value()) {
        it.value() = occurredAtMs;
    }
}

int WriteContext::stageReceipt(qint64 tenantId, const std::optional<CallKey> &call, const Receipt *receipt)
{
    m_stagedReceipts.append(StagedReceipt{tenantId, call, receipt});
    return int(m_stagedReceipts.size() - 1);
}

std::expected<void, StoreError> WriteContext::resolveStaged()
{
    if (auto done = resolveRequiredCalls(); !done)
        return done;
    return insertStagedReceipts();
}

std::expected<void, StoreError> WriteContext::resolveRequiredCalls()
{
    if (m_requiredOrder.isEmpty())
        return {};
    QList<CallKey> keys = std::exchange(m_requiredOrder, {});
    const QHash<CallKey, qint64> times = std::exchange(m_requiredCalls, {});
    const int chunkSize = rowsPerStatement(m_backend);

    // A Twilio leg whose CallSid a platform call already reports goes to that call.
    QList<CallKey> legs;
    for (const CallKey &key : std::as_const(keys)) {
        if (key.provider == Provider::Twilio)
            legs.append(key);
    }
    if (!legs.isEmpty()) {
        auto platforms = platformCallsFor(legs);
        if (!platforms)
            return std::unexpected(platforms.error());
        if (!platforms->isEmpty()) {
            QList<qint64> platformCalls;
            keys.removeIf([&](const CallKey &key) {
                const auto it = platforms->constFind(key);
                if (it == platforms->constEnd())
                    return false;
                m_newCalls.insert(key, it.value());
                platformCalls.append(it.value());
                return true;
            });
            if (auto loaded = loadAggregates(platformCalls); !loaded)
                return loaded;
        }
    }

    // 1. The calls that exist already.
    QList<qint64> existing;
    QSet<CallKey> found;
    for (qsizetype first = 0; first < keys.size(); first += chunkSize) {
        const qsizetype count = std::min<qsizetype>(chunkSize, keys.size() - first);
        auto select = prepared(u"SELECT id, tenant_id, provider, provider_call_id FROM calls WHERE "_s +
                               matchesOneOf({u"tenant_id"_s, u"provider"_s, u"provider_call_id"_s}, count));
        if (!select)
            return std::unexpected(select.error());
        SqlStatement &query = **select;
        int bind = 0;
        for (qsizetype i = first; i < first + count; ++i) {
            query.bind(bind++, keys.at(i).tenantId);
            query.bind(bind++, toString(keys.at(i).provider));
            query.bind(bind++, keys.at(i).providerCallId);
        }
        if (auto done = query.exec(); !done)
            return done;
        while (query.next()) {
            const CallKey key{query.int64(1), providerFromString(query.text(2)).value_or(Provider::Backend),
                              query.text(3)};
            m_newCalls.insert(key, query.int64(0));
            existing.append(query.int64(0));
            found.insert(key);
        }
        query.finish();
    }
    if (auto loaded = loadAggregates(existing); !loaded)
        return loaded;

    // 2. The calls seen for the first time: created, with a fresh aggregate each.
    QList<CallKey> missing;
    for (const CallKey &key : keys) {
        if (!found.contains(key))
            missing.append(key);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype first = 0; first < missing.size(); first += chunkSize) {
        const qsizetype count = std::min<qsizetype>(chunkSize, missing.size() - first);
        QString sql =
            u"INSERT INTO calls (tenant_id, uuid, provider, provider_call_id, sort_at, first_event_at, "
            "last_event_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s;
        for (qsizetype i = 1; i < count; ++i)
            sql += u", (?, ?, ?, ?, ?, ?, ?, ?)"_s;
        sql += u" ON CONFLICT (tenant_id, provider, provider_call_id) DO NOTHING "
               "RETURNING id, tenant_id, provider, provider_call_id"_s;
        auto insert = prepared(sql);
        if (!insert)
            return std::unexpected(insert.error());
        SqlStatement &query = **insert;
        int bind = 0;
        for (qsizetype i = first; i < first + count; ++i) {
            const CallKey &key = missing.at(i);
            const qint64 at = times.value(key);
            for (const QVariant &value :
                 {QVariant(key.tenantId), QVariant(QUuid::createUuid().toString(QUuid::WithoutBraces)),
                  QVariant(toString(key.provider)), QVariant(key.providerCallId), QVariant(at), QVariant(at),
                  QVariant(at), QVariant(now)})
                query.bind(bind++, value);
        }
        if (auto done = query.exec(); !done)
            return done;
        while (query.next()) {
            const CallKey key{query.int64(1), providerFromString(query.text(2)).value_or(Provider::Backend),
                              query.text(3)};
            CallAggregate fresh;
            fresh.id = query.int64(0);
            fresh.tenantId = key.tenantId;
            fresh.provider = key.provider;
            fresh.firstEventAt = fresh.lastEventAt = times.value(key);
            fresh.dirty = true;
            m_newCalls.insert(key, fresh.id);
            m_aggregates.emplace(fresh.id, std::move(fresh));
        }
        query.finish();
    }
    // A call another writer created between the two statements is looked up one by one.
    for (const CallKey &key : std::as_const(missing)) {
        if (!m_newCalls.contains(key)) {
            if (auto resolved = resolveCall(key, times.value(key)); !resolved)
                return std::unexpected(resolved.error());
        }
    }
    return {};
}

std::expected<void, StoreError> WriteContext::execute(const QString &sql, const QVariantList &values)
{
    auto statement = prepared(sql);
    if (!statement)
        return std::unexpected(statement.error());
    for (int i = 0; i < values.size(); ++i)
        (*statement)->bind(i, values.at(i));
    auto done = (*statement)->exec();
    (*statement)->finish();
    return done;
}

std::expected<void, StoreError> WriteContext::audit(qint64 tenantId, const QString &actor,
                                                    const QString &action, const QString &entity,
                                                    const QString &entityId, const QString &detail)
{
    return execute(
        u"INSERT INTO audit_log (tenant_id, at, actor, action, entity, entity_id, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {tenantId, QDateTime::currentMSecsSinceEpoch(), actor, action, entity, entityId, nullable(detail)});
}

std::expected<std::optional<qint64>, StoreError> WriteContext::requestCallback(qint64 tenantId,
                                                                               const CallbackRequest &request)
{
    if (request.oncePerSource) {
        auto exists =
            prepared(u"SELECT 1 FROM callback_requests WHERE tenant_id = ? AND source = ? LIMIT 1"_s);
        if (!exists)
            return std::unexpected(exists.error());
        (*exists)->bind(0, tenantId);
        (*exists)->bind(1, request.source);
        if (auto done = (*exists)->exec(); !done)
            return std::unexpected(done.error());
        const bool found = (*exists)->next();
        (*exists)->finish();
        if (found)
            return std::optional<qint64>();
    }
    // One open request per number (a partial unique index): a second request raises the urgency and
    // adds its concern (unless the request says it already) and its call to the one already waiting.
    // Its state stays: a request posted to the frontend is not posted again.
    const QString contains = isSqlite() ? u"instr(callback_requests.concern, excluded.concern) > 0"_s
                                        : u"strpos(callback_requests.concern, excluded.concern) > 0"_s;
    auto upsert = prepared(
        u"INSERT INTO callback_requests (tenant_id, uuid, call_id, status, urgency, urgency_rank, "
        "callback_number, caller_name, concern, details, source, attempts, next_attempt_at, created_at, "
        "updated_at) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) "
        "ON CONFLICT (tenant_id, callback_number) WHERE status IN ('pending', 'posting', 'posted', 'failed') "
        "DO UPDATE SET urgency = CASE WHEN excluded.urgency_rank > callback_requests.urgency_rank "
        "THEN excluded.urgency ELSE callback_requests.urgency END, "
        "urgency_rank = CASE WHEN excluded.urgency_rank > callback_requests.urgency_rank "
        "THEN excluded.urgency_rank ELSE callback_requests.urgency_rank END, "
        "concern = CASE WHEN excluded.concern IS NULL THEN callback_requests.concern "
        "WHEN callback_requests.concern IS NULL THEN excluded.concern "
        "WHEN "_s +
        contains +
        u" THEN callback_requests.concern "
        "ELSE callback_requests.concern || ' | ' || excluded.concern END, "
        "call_id = COALESCE(callback_requests.call_id, excluded.call_id), "
        "caller_name = COALESCE(callback_requests.caller_name, excluded.caller_name), "
        "details = COALESCE(excluded.details, callback_requests.details), "
        "updated_at = excluded.updated_at RETURNING id, uuid"_s);
    if (!upsert)
        return std::unexpected(upsert.error());
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QVariantList values{
        tenantId,
        uuid,
        nullable(request.callId),
        toString(request.urgency),
        int(request.urgency),
        request.number,
        nullable(request.callerName),
        nullable(request.concern),
        request.detailsJson.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(request.detailsJson)),
        request.source,
        request.atMs,
        request.atMs,
        QDateTime::currentMSecsSinceEpoch()};
    for (int i = 0; i < values.size(); ++i)
        (*upsert)->bind(i, values.at(i));
    if (auto done = (*upsert)->exec(); !done)
        return std::unexpected(done.error());
    if (!(*upsert)->next())
        return std::unexpected(StoreError{StoreError::Kind::Statement, u"the callback request has no id"_s});
    const qint64 id = (*upsert)->int64(0);
    const bool merged = (*upsert)->text(1) != uuid;
    (*upsert)->finish();
    // Every call the customer asked from, in the order they came.
    if (request.callId) {
        if (auto done = execute(u"INSERT INTO callback_calls (tenant_id, callback_id, call_id, added_at) "
                                "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"_s,
                                {tenantId, id, *request.callId, request.atMs});
            !done)
            return std::unexpected(done.error());
    }
    QStringList detail{u"urgency %1"_s.arg(toString(request.urgency))};
    if (!request.concern.isEmpty())
        detail << request.concern;
    if (auto done = audit(tenantId, request.source, merged ? u"merged"_s : u"requested"_s, u"callback"_s,
                          QString::number(id), detail.join(u": "_s));
        !done)
        return std::unexpected(done.error());
    m_changes.tenantIds.insert(tenantId);
    m_changes.kinds |= StoreChanges::Callbacks | StoreChanges::CallbacksDue;
    return std::optional<qint64>(id);
}

std::expected<qint64, StoreError> WriteContext::recordError(qint64 tenantId, const ErrorRecord &error)
{
    const ErrorFingerprint::Fingerprint fingerprint =
        ErrorFingerprint::compute(error.source, error.code, error.functionName, error.message);
    const QString provider = error.provider ? toString(*error.provider) : QString();
    QString severity = error.severity;
    if (errorSeverityRank(severity) < 0)
        severity = m_errorSeverities.value(error.source, u"medium"_s);

    // The group as it was, in one read: a transition it makes is audited, and a call it has not hit
    // before counts as affected (or, for a once-per-call error, is the only one recorded).
    auto existing =
        prepared(u"SELECT g.id, g.status, CASE WHEN EXISTS (SELECT 1 FROM errors e WHERE e.call_id = ? AND "
                 "e.group_id = g.id) THEN 1 ELSE 0 END FROM error_groups g WHERE g.tenant_id = ? AND "
                 "g.fingerprint = ?"_s);
    if (!existing)
        return std::unexpected(existing.error());
    (*existing)->bind(0, nullable(error.callId));
    (*existing)->bind(1, tenantId);
    (*existing)->bind(2, fingerprint.hash);
    if (auto done = (*existing)->exec(); !done)
        return std::unexpected(done.error());
    std::optional<qint64> knownGroup;
    QString previousStatus;
    bool callHitBefore = false;
    if ((*existing)->next()) {
        knownGroup = (*existing)->int64(0);
        previousStatus = (*existing)->text(1);
        callHitBefore = (*existing)->int64(2) != 0;
    }
    (*existing)->finish();
    if (callHitBefore && error.oncePerCall)
        return *knownGroup;
    const int newCall = error.callId && !callHitBefore ? 1 : 0;

    // A resolved group that happens again is a regression; an ignored one comes back when it
    // reaches its count or its time, and otherwise only counts. A group takes the highest severity
    // any of its events had.
    const QString ignoreEnds =
        u"(error_groups.status = 'ignored' AND ((error_groups.ignore_until_count IS NOT "
        "NULL AND error_groups.count + 1 >= error_groups.ignore_until_count) OR "
        "(error_groups.ignore_until IS NOT NULL AND excluded.last_seen >= "
        "error_groups.ignore_until)))"_s;
    const QString reopens = u"(error_groups.status = 'resolved' OR "_s + ignoreEnds + u')';
    const auto rank = [](const QString &column) {
        return u"(CASE %1 WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)"_s.arg(
            column);
    };
    auto group = prepared(
        u"INSERT INTO error_groups (tenant_id, fingerprint, source, code, severity, status, count, "
        u"affected_calls, "
        "first_seen, last_seen, function_name, provider, message) VALUES (?, ?, ?, ?, ?, 'unresolved', 1, ?, "
        "?, ?, ?, ?, ?) "
        "ON CONFLICT (tenant_id, fingerprint) DO UPDATE SET count = error_groups.count + 1, "
        "affected_calls = error_groups.affected_calls + excluded.affected_calls, "
        "first_seen = CASE WHEN excluded.first_seen < error_groups.first_seen THEN excluded.first_seen "
        "ELSE error_groups.first_seen END, "
        "last_seen = CASE WHEN excluded.last_seen > error_groups.last_seen THEN excluded.last_seen "
        "ELSE error_groups.last_seen END, "
        "severity = CASE WHEN "_s +
        rank(u"excluded.severity"_s) + u" > "_s + rank(u"error_groups.severity"_s) +
        u" THEN excluded.severity ELSE error_groups.severity END, "
        "regression = CASE WHEN error_groups.status = 'resolved' THEN 1 ELSE error_groups.regression END, "
        "changed_by = CASE WHEN "_s +
        reopens + u" THEN 'CallScope' ELSE error_groups.changed_by END, changed_at = CASE WHEN "_s + reopens +
        u" THEN excluded.last_seen ELSE error_groups.changed_at END, ignore_until_count = CASE WHEN "_s +
        ignoreEnds + u" THEN NULL ELSE error_groups.ignore_until_count END, ignore_until = CASE WHEN "_s +
        ignoreEnds + u" THEN NULL ELSE error_groups.ignore_until END, status = CASE WHEN "_s + reopens +
        u" THEN 'unresolved' ELSE error_groups.status END RETURNING id, status"_s);
    if (!group)
        return std::unexpected(group.error());
    const QVariantList values{tenantId,
                              fingerprint.hash,
                              error.source,
                              nullable(error.code),
                              severity,
                              newCall,
                              error.occurredAtMs,
                              error.occurredAtMs,
                              nullable(fingerprint.functionName),
                              nullable(provider),
                              nullable(fingerprint.maskedMessage)};
    for (int i = 0; i < values.size(); ++i)
        (*group)->bind(i, values.at(i));
    if (auto done = (*group)->exec(); !done)
        return std::unexpected(done.error());
    if (!(*group)->next())
        return std::unexpected(StoreError{StoreError::Kind::Statement, u"the error group has no id"_s});
    const qint64 groupId = (*group)->int64(0);
    const QString status = (*group)->text(1);
    (*group)->finish();
    if (knownGroup && previousStatus != status) {
        const bool regressed = previousStatus == "resolved"_L1;
        if (auto done = audit(tenantId, u"CallScope"_s, regressed ? u"regressed"_s : u"ignore_ended"_s,
                              u"error_group"_s, QString::number(groupId),
                              regressed ? u"a new event after it was resolved"_s
                                        : u"it reached the count or time it was ignored until"_s);
            !done)
            return std::unexpected(done.error());
    }

    auto hour =
        prepared(u"INSERT INTO error_group_hours (tenant_id, group_id, hour, count) VALUES (?, ?, ?, 1) "
                 "ON CONFLICT (group_id, hour) DO UPDATE SET count = error_group_hours.count + 1"_s);
    if (!hour)
        return std::unexpected(hour.error());
    (*hour)->bind(0, tenantId);
    (*hour)->bind(1, groupId);
    (*hour)->bind(2, error.occurredAtMs - error.occurredAtMs % 3'600'000);
    if (auto done = (*hour)->exec(); !done)
        return std::unexpected(done.error());

    auto insert = prepared(
        u"INSERT INTO errors (tenant_id, group_id, call_id, receipt_id, source, code, type, severity, "
        "message, stack, function_name, provider, offset_ms, occurred_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!insert)
        return std::unexpected(insert.error());
    const QVariantList row{tenantId,
                           groupId,
                           nullable(error.callId),
                           nullable(error.receiptId),
                           error.source,
                           nullable(error.code),
                           nullable(error.type),
                           error.severity,
                           nullable(error.message),
                           nullable(error.stack),
                           nullable(error.functionName),
                           nullable(provider),
                           nullable(error.offsetMs),
                           error.occurredAtMs};
    for (int i = 0; i < row.size(); ++i)
        (*insert)->bind(i, row.at(i));
    if (auto done = (*insert)->exec(); !done)
        return std::unexpected(done.error());
    m_changes.tenantIds.insert(tenantId);
    m_changes.kinds |= StoreChanges::Errors;
    return groupId;
}

std::expected<QHash<CallKey, qint64>, StoreError> WriteContext::platformCallsFor(const QList<CallKey> &legs)
{
    QHash<CallKey, qint64> platforms;
    // A platform call of this transaction that learned the CallSid counts too, before the stored
    // rows; of several, the first by id. Only within the leg's own tenant.
    QHash<std::pair<qint64, QString>, qint64> learned;
    for (const auto &[id, agg] : m_aggregates) {
        const std::pair<qint64, QString> sid{agg.tenantId, agg.twilioCallSid};
        if (agg.provider != Provider::Twilio && !learned.contains(sid))
            learned.insert(sid, id);
    }
    QList<CallKey> unknown;
    for (const CallKey &leg : legs) {
        if (const auto it = learned.constFind({leg.tenantId, leg.providerCallId}); it != learned.constEnd())
            platforms.insert(leg, it.value());
        else
            unknown.append(leg);
    }

    // The stored platform calls, first by id, a chunk of legs per statement.
    const int chunkSize = rowsPerStatement(m_backend);
    for (qsizetype first = 0; first < unknown.size(); first += chunkSize) {
        const qsizetype count = std::min<qsizetype>(chunkSize, unknown.size() - first);
        auto select = prepared(
            u"SELECT tenant_id, twilio_call_sid, MIN(id) FROM calls WHERE "_s +
            matchesOneOf({u"tenant_id"_s, u"twilio_call_sid"_s}, count) +
            u" AND provider <> 'twilio' AND merged_into IS NULL GROUP BY tenant_id, twilio_call_sid"_s);
        if (!select)
            return std::unexpected(select.error());
        SqlStatement &query = **select;
        int bind = 0;
        for (qsizetype i = first; i < first + count; ++i) {
            query.bind(bind++, unknown.at(i).tenantId);
            query.bind(bind++, unknown.at(i).providerCallId);
        }
        if (auto done = query.exec(); !done)
            return std::unexpected(done.error());
        while (query.next())
            platforms.insert(CallKey{query.int64(0), Provider::Twilio, query.text(1)}, query.int64(2));
        query.finish();
    }
    return platforms;
}

std::expected<void, StoreError> WriteContext::mergeCarrierLegs()
{
    for (auto &[platformId, platform] : m_aggregates) {
        if (!platform.learnedCarrierSid)
            continue;
        platform.learnedCarrierSid = false;
        auto select =
            prepared(u"SELECT id, tenant_id FROM calls WHERE provider = 'twilio' AND provider_call_id = ? "
                     "AND merged_into IS NULL AND tenant_id = (SELECT tenant_id FROM calls WHERE id = ?)"_s);
        if (!select)
            return std::unexpected(select.error());
        (*select)->bind(0, platform.twilioCallSid);
        (*select)->bind(1, platformId);
        if (auto done = (*select)->exec(); !done)
            return done;
        if (!(*select)->next())
            continue;
        const qint64 legId = (*select)->int64(0);
        const qint64 tenantId = (*select)->int64(1);
        (*select)->finish();
        if (legId == platformId)
            continue;

        // The leg's events and receipts now belong to the platform call; its own facts only fill
        // what the platform did not say (numbers, duration and reason come from the platform).
        auto leg = aggregate(legId);
        if (!leg)
            return std::unexpected(leg.error());
        CallAggregate &carrier = **leg;
        platform.fillGapsFrom(carrier);
        platform.eventDelta += carrier.eventDelta;
        platform.errorEventDelta += carrier.errorEventDelta;
        platform.dirty = true;
        for (
            const QString &sql :
            {u"UPDATE events SET call_id = ? WHERE call_id = ?"_s,
             u"UPDATE receipts SET call_id = ? WHERE call_id = ?"_s,
             u"UPDATE errors SET call_id = ? WHERE call_id = ?"_s,
             u"UPDATE calls SET event_count = calls.event_count + leg.event_count, "
             "error_event_count = calls.error_event_count + leg.error_event_count "
             "FROM (SELECT event_count, error_event_count FROM calls WHERE id = ?) AS leg WHERE calls.id = ?"_s,
             u"UPDATE calls SET merged_into = ? WHERE id = ?"_s}) {
            auto update = prepared(sql);
            if (!update)
                return std::unexpected(update.error());
            const bool legFirst = sql.contains(u"AS leg"_s);
            (*update)->bind(0, legFirst ? legId : platformId);
            (*update)->bind(1, legFirst ? platformId : legId);
            if (auto done = (*update)->exec(); !done)
                return done;
        }
        carrier.dirty = false; // the merged row keeps what it had; it is no longer listed
        const CallKey legKey{tenantId, Provider::Twilio, platform.twilioCallSid};
        m_calls.remove(legKey);
        m_newCalls.insert(legKey, platformId);
        m_changes.callIds.insert(legId);
        m_changes.callIds.insert(platformId);
        m_changes.kinds |= StoreChanges::Calls;
    }
    return {};
}

std::expected<void, StoreError> WriteContext::insertStagedReceipts()
{
    m_stagedReceiptIds = QList<std::optional<qint64>>(m_stagedReceipts.size());
    const qsizetype chunkSize = isSqlite() ? 1 : 100;
    for (qsizetype first = 0; first < m_stagedReceipts.size(); first += chunkSize) {
        const qsizetype count = std::min<qsizetype>(chunkSize, m_stagedReceipts.size() - first);
        QString sql = u"INSERT INTO receipts (tenant_id, call_id, provider, event_key, event_type, status, "
                      "verification, received_at, headers, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
        for (qsizetype i = 1; i < count; ++i)
            sql += u", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
        sql +=
            u" ON CONFLICT (tenant_id, provider, event_key) DO NOTHING RETURNING id, tenant_id, provider, event_key"_s;
        auto statement = prepared(sql);
        if (!statement)
            return std::unexpected(statement.error());
        SqlStatement &query = **statement;
        int bind = 0;
        for (qsizetype i = first; i < first + count; ++i) {
            const StagedReceipt &staged = m_stagedReceipts.at(i);
            const Receipt &receipt = *staged.receipt;
            std::optional<qint64> callId;
            if (staged.call) {
                const auto it = m_newCalls.constFind(*staged.call);
                callId =
                    it != m_newCalls.constEnd() ? std::optional<qint64>(*it) : m_calls.value(*staged.call);
            }
            query.bind(bind++, staged.tenantId);
            query.bind(bind++, nullable(callId));
            query.bind(bind++, toString(receipt.provider));
            query.bind(bind++, receipt.eventKey);
            query.bind(bind++, nullable(receipt.eventType));
            query.bind(bind++,
                       receipt.status == ReceiptStatus::Processed ? u"processed"_s : u"unattributed"_s);
            query.bind(bind++,
                       receipt.verification == Verification::Verified ? u"verified"_s : u"unsigned"_s);
            query.bind(bind++, receipt.receivedAtMs);
            query.bind(bind++,
                       receipt.headersJson.isEmpty() ? u"{}"_s : QString::fromUtf8(receipt.headersJson));
            query.bind(bind++, receipt.body);
        }
        if (auto done = query.exec(); !done)
            return done;
        // RETURNING reports only the rows it inserted: of two receipts with one key in a group, the
        // first takes the row and the second is a duplicate.
        QHash<QString, qint64> inserted;
        while (query.next())
            inserted.insert(query.text(1) + u'\x1f' + query.text(2) + u'\x1f' + query.text(3),
                            query.int64(0));
        query.finish();
        for (qsizetype i = first; i < first + count; ++i) {
            const StagedReceipt &staged = m_stagedReceipts.at(i);
            if (const auto id =
                    inserted.take(QString::number(staged.tenantId) + u'\x1f' +
                                  toString(staged.receipt->provider) + u'\x1f' + staged.receipt->eventKey))
                m_stagedReceiptIds[i] = id;
        }
    }
    m_stagedReceipts.clear();
    return {};
}

void WriteContext::addSegment(PendingSegment segment)
{
    auto key = std::make_tuple(segment.callId, segment.role, segment.startMs);
    auto it = m_segments.find(key);
    if (it == m_segments.end()) {
        m_segments.emplace(std::move(key), std::move(segment));
        return;
    }
    // A later event for the same turn replaces its text, and keeps an end it already knew.
    if (!segment.endMs)
        segment.endMs = it->second.endMs;
    it->second = std::move(segment);
}

void WriteContext::addTracePart(const PendingTrace &part, bool isStart)
{
    auto [it, inserted] = m_traces.try_emplace(std::make_pair(part.callId, part.toolCallId), part);
    PendingTrace &trace = it->second;
    if (inserted)
        return;
    if (isStart) {
        trace.startName = part.startName;
        if (part.arguments.isValid())
            trace.arguments = part.arguments;
        trace.startOffsetMs = part.startOffsetMs;
        trace.startedAt = part.startedAt;
    } else {
        trace.finishName = part.finishName;
        trace.status = part.status;
        trace.result = part.result;
        trace.error = part.error;
        trace.endOffsetMs = part.endOffsetMs;
        trace.endedAt = part.endedAt;
        trace.durationMs = part.durationMs;
    }
}

std::expected<WriteContext::TraceState, StoreError> WriteContext::traceState(qint64 callId,
                                                                             const QString &toolCallId)
{
    TraceState state;
    const auto failedStatus = [](QStringView status) {
        return status == "error"_L1 || status == "timeout"_L1;
    };
    if (const auto it = m_traces.find(std::make_pair(callId, toolCallId)); it != m_traces.end()) {
        const PendingTrace &pending = it->second;
        state.name = pending.name();
        state.failed = failedStatus(pending.status);
        if (state.failed)
            return state; // the stored row cannot add to that
    }
    auto lookup =
        prepared(u"SELECT name, status FROM function_traces WHERE call_id = ? AND tool_call_id = ?"_s);
    if (!lookup)
        return std::unexpected(lookup.error());
    (*lookup)->bind(0, callId);
    (*lookup)->bind(1, toolCallId);
    if (auto done = (*lookup)->exec(); !done)
        return std::unexpected(done.error());
    if ((*lookup)->next()) {
        if (state.name.isEmpty())
            state.name = (*lookup)->text(0);
        state.failed = state.failed || failedStatus((*lookup)->text(1));
    }
    (*lookup)->finish();
    return state;
}

std::expected<void, StoreError> WriteContext::begin()
{
    discardTransactionState();
    return SqlConnection::exec(m_db, isSqlite() ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s);
}

std::expected<void, StoreError> WriteContext::flushSegments()
{
    for (const auto &[key, s] : m_segments)
        m_segmentRows.add({s.tenantId, s.callId, s.role, s.text, s.startMs, nullable(s.endMs)});
    m_segments.clear();
    return m_segmentRows.flush(m_db,
                               [this](const SqlStatement &row) { m_touchedSegments.append(row.int64(0)); });
}

std::expected<void, StoreError> WriteContext::flushTraces()
{
    for (const auto &[key, t] : m_traces) {
        std::optional<qint64> duration = t.durationMs;
        if (!duration && t.startedAt && t.endedAt)
            duration = *t.endedAt - *t.startedAt;
        m_traceRows.add({t.tenantId, t.callId, t.toolCallId, nullable(t.name()), t.status, t.arguments,
                         t.result, t.error, nullable(t.startOffsetMs), nullable(t.endOffsetMs),
                         nullable(t.startedAt), nullable(t.endedAt), nullable(duration)});
    }
    m_traces.clear();
    return m_traceRows.flush(m_db, [this](const SqlStatement &row) { m_touchedTraces.append(row.int64(0)); });
}

std::expected<void, StoreError> WriteContext::flushFullText()
{
    // PostgreSQL indexes generated tsvector columns itself. On SQLite, every turn and trace written
    // in this transaction is (re)indexed by one statement: OR REPLACE drops a row's old terms.
    const auto index = [this](QList<qint64> &ids, const QString &sql) -> std::expected<void, StoreError> {
        if (ids.isEmpty() || !isSqlite())
            return {};
        QByteArray json = "[";
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (i > 0)
                json += ',';
            json += QByteArray::number(ids.at(i));
        }
        json += ']';
        ids.clear();
        auto statement = prepared(sql);
        if (!statement)
            return std::unexpected(statement.error());
        (*statement)->bind(0, QString::fromLatin1(json));
        return (*statement)->exec();
    };
    if (auto done = index(m_touchedSegments,
                          u"INSERT OR REPLACE INTO transcript_fts (rowid, text) SELECT id, text "
                          "FROM transcript_segments WHERE id IN (SELECT value FROM json_each(?))"_s);
        !done)
        return done;
    return index(m_touchedTraces,
                 u"INSERT OR REPLACE INTO function_fts (rowid, name, arguments) SELECT id, name, "
                 "arguments FROM function_traces WHERE id IN (SELECT value FROM json_each(?))"_s);
}

std::expected<void, StoreError> WriteContext::flushAggregates()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto &[id, agg] : m_aggregates) {
        if (!agg.dirty)
            continue;
        m_aggregateRows.add({
            id,
            toString(agg.status),
            agg.outcome ? QVariant(toString(agg.outcome->outcome)) : QVariant(),
            agg.outcome ? agg.outcome->rank() : -1,
            nullable(agg.endedReason),
            nullable(agg.direction),
            nullable(agg.fromNumber),
            nullable(agg.toNumber),
            nullable(agg.agent),
            nullable(agg.startedAt),
            nullable(agg.endedAt),
            nullable(agg.durationMs),
            nullable(agg.costCents),
            nullable(agg.twilioCallSid),
            nullable(agg.sipCallId),
            nullable(agg.backendLogId),
            agg.firstEventAt,
            agg.lastEventAt,
            agg.sortAt(),
            now,
            agg.eventDelta,
            agg.errorEventDelta,
            nullable(agg.roomName),
        });
        agg.dirty = false;
        agg.eventDelta = agg.errorEventDelta = 0;
    }
    return m_aggregateRows.flush(m_db);
}

std::expected<void, StoreError> WriteContext::flush()
{
    // Turns and traces before the aggregates, which recount them.
    if (auto done = flushSegments(); !done)
        return done;
    if (auto done = flushTraces(); !done)
        return done;
    if (auto done = flushFullText(); !done)
        return done;
    if (auto done = m_events.flush(m_db); !done)
        return done;
    if (auto done = mergeCarrierLegs(); !done)
        return done;
    if (auto done = flushAggregates(); !done)
        return done;
    // Last: on PostgreSQL the row of a (tenant, provider) is locked from here to the COMMIT.
    return flushDeliveryCounts();
}

std::expected<void, StoreError> WriteContext::commit()
{
    if (auto done = flush(); !done)
        return done;
    if (auto done = SqlConnection::exec(m_db, u"COMMIT"_s); !done)
        return done;
    if (m_calls.size() + m_newCalls.size() > maxCachedCalls)
        m_calls.clear();
    m_calls.insert(m_newCalls);
    m_newCalls.clear();
    m_tenants.clear();
    m_aggregates.clear();
    return {};
}

void WriteContext::rollback()
{
    SqlConnection::exec(m_db, u"ROLLBACK"_s);
    discardTransactionState();
}

void WriteContext::discardTransactionState()
{
    m_newCalls.clear();
    m_tenants.clear();
    m_aggregates.clear();
    m_deliveries.clear();
    m_segments.clear();
    m_traces.clear();
    m_requiredCalls.clear();
    m_requiredOrder.clear();
    m_stagedReceipts.clear();
    m_stagedReceiptIds.clear();
    m_touchedSegments.clear();
    m_touchedTraces.clear();
    for (RowBuffer *buffer : {&m_events, &m_segmentRows, &m_traceRows, &m_aggregateRows})
        buffer->clear();
    m_changes = StoreChanges();
}

} // namespace CallScope
