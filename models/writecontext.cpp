// SPDX-License-Identifier: GPL-3.0-or-later
#include "writecontext.h"

#include "sqlconnection.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

constexpr qsizetype maxCachedCalls = 200'000;

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

template<typename T>
QVariant nullable(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

} // namespace

WriteContext::WriteContext(QSqlDatabase db, DatabaseUrl::Backend backend)
    : m_db(std::move(db))
    , m_backend(backend)
    , m_events(u"INSERT INTO events (tenant_id, call_id, receipt_id, seq, provider, kind, occurred_at, offset_ms, payload) VALUES "_s,
               u"(?, ?, ?, ?, ?, ?, ?, ?, ?)"_s, 9)
    , m_search(backend == DatabaseUrl::Backend::Sqlite
                   ? u"INSERT OR REPLACE INTO search_index (rowid, tenant_id, call_id, source, body) VALUES "_s
                   : u"INSERT INTO search_index (rowid, tenant_id, call_id, source, body) VALUES "_s,
               u"(?, ?, ?, ?, ?)"_s, 5,
               backend == DatabaseUrl::Backend::Sqlite
                   ? QString()
                   : u"ON CONFLICT (rowid) DO UPDATE SET body = excluded.body"_s)
    , m_receiptLinks(u"UPDATE receipts SET call_id = v.column2 FROM (VALUES "_s,
                     u"(CAST(? AS BIGINT), CAST(? AS BIGINT))"_s, 2, u") AS v WHERE receipts.id = v.column1"_s)
{
    m_search.setLastRowWinsByKey(true);
}

std::expected<QSqlQuery *, StoreError> WriteContext::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        if (!query.prepare(sql))
            return std::unexpected(SqlConnection::errorFrom(query));
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    return &it->second;
}

std::expected<qint64, StoreError> WriteContext::tenantId(const QString &slug)
{
    if (const auto it = m_tenants.constFind(slug); it != m_tenants.constEnd())
        return it.value();
    if (const auto it = m_newTenants.constFind(slug); it != m_newTenants.constEnd())
        return it.value();
    auto query = prepared(u"SELECT id FROM tenants WHERE slug = ?"_s);
    if (!query)
        return std::unexpected(query.error());
    (*query)->bindValue(0, slug);
    if (auto done = SqlConnection::exec(**query); !done)
        return std::unexpected(done.error());
    if (!(*query)->next()) {
        (*query)->finish();
        return std::unexpected(StoreError{StoreError::Kind::UnknownTenant, u"unknown tenant \"%1\""_s.arg(slug)});
    }
    const qint64 id = (*query)->value(0).toLongLong();
    (*query)->finish();
    m_newTenants.insert(slug, id);
    return id;
}

std::expected<Tenant, StoreError> WriteContext::insertTenant(const QString &slug, const QString &name,
                                                            qint64 createdAtMs)
{
    auto query = prepared(u"INSERT INTO tenants (slug, name, created_at) VALUES (?, ?, ?) RETURNING id"_s);
    if (!query)
        return std::unexpected(query.error());
    (*query)->bindValue(0, slug);
    (*query)->bindValue(1, name);
    (*query)->bindValue(2, createdAtMs);
    if (auto done = SqlConnection::exec(**query); !done)
        return std::unexpected(done.error());
    if (!(*query)->next())
        return std::unexpected(StoreError{StoreError::Kind::Statement, u"the new tenant has no id"_s});
    Tenant tenant{TenantId{(*query)->value(0).toLongLong()}, slug, name, createdAtMs};
    (*query)->finish();
    m_newTenants.insert(slug, tenant.id.value);
    m_changes.tenantIds.insert(tenant.id.value);
    m_changes.kinds |= StoreChanges::Tenants;
    return tenant;
}

std::expected<qint64, StoreError> WriteContext::resolveCall(const CallKey &key, qint64 occurredAtMs)
{
    if (const auto it = m_calls.constFind(key); it != m_calls.constEnd())
        return it.value();
    if (const auto it = m_newCalls.constFind(key); it != m_newCalls.constEnd())
        return it.value();

    auto insert = prepared(
        u"INSERT INTO calls (tenant_id, uuid, provider, provider_call_id, sort_at, first_event_at, last_event_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, provider, provider_call_id) DO NOTHING RETURNING id"_s);
    if (!insert)
        return std::unexpected(insert.error());
    QSqlQuery &query = **insert;
    const QVariantList values{key.tenantId,
                              QUuid::createUuid().toString(QUuid::WithoutBraces),
                              toString(key.provider),
                              key.providerCallId,
                              occurredAtMs,
                              occurredAtMs,
                              occurredAtMs,
                              QDateTime::currentMSecsSinceEpoch()};
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (auto done = SqlConnection::exec(query); !done)
        return std::unexpected(done.error());
    if (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        query.finish();
        m_newCalls.insert(key, id);
        CallAggregate fresh;
        fresh.id = id;
        fresh.provider = key.provider;
        fresh.firstEventAt = occurredAtMs;
        fresh.lastEventAt = occurredAtMs;
        fresh.dirty = true;
        m_aggregates.emplace(id, std::move(fresh));
        return id;
    }
    query.finish();

    auto select = prepared(u"SELECT id FROM calls WHERE tenant_id = ? AND provider = ? AND provider_call_id = ?"_s);
    if (!select)
        return std::unexpected(select.error());
    (*select)->bindValue(0, key.tenantId);
    (*select)->bindValue(1, toString(key.provider));
    (*select)->bindValue(2, key.providerCallId);
    if (auto done = SqlConnection::exec(**select); !done)
        return std::unexpected(done.error());
    if (!(*select)->next())
        return std::unexpected(StoreError{StoreError::Kind::Statement, u"call vanished while resolving it"_s});
    const qint64 id = (*select)->value(0).toLongLong();
    (*select)->finish();
    m_newCalls.insert(key, id);
    return id;
}

std::expected<CallAggregate *, StoreError> WriteContext::aggregate(qint64 callId)
{
    if (auto it = m_aggregates.find(callId); it != m_aggregates.end())
        return &it->second;
    const QString sql =
        u"SELECT provider, status, outcome, outcome_rank, ended_reason, direction, from_number, to_number, agent, "
        "started_at, ended_at, duration_ms, cost_cents, twilio_call_sid, sip_call_id, backend_log_id, "
        "first_event_at, last_event_at FROM calls WHERE id = ?"_s +
        (isSqlite() ? QString() : u" FOR UPDATE"_s);
    auto select = prepared(sql);
    if (!select)
        return std::unexpected(select.error());
    QSqlQuery &query = **select;
    query.bindValue(0, callId);
    if (auto done = SqlConnection::exec(query); !done)
        return std::unexpected(done.error());
    if (!query.next())
        return std::unexpected(StoreError{StoreError::Kind::NotFound, u"call %1 not found"_s.arg(callId)});

    CallAggregate agg;
    agg.id = callId;
    agg.provider = providerFromString(query.value(0).toString()).value_or(Provider::Backend);
    agg.status = callStatusFromString(query.value(1).toString()).value_or(CallStatus::Queued);
    if (const auto outcome = outcomeFromString(query.value(2).toString())) {
        const int rank = query.value(3).toInt();
        agg.outcome = OutcomeDecision{*outcome, (rank & 1) != 0,
                                      rank >= 2 ? OutcomeSource::Platform : OutcomeSource::Carrier};
    }
    agg.endedReason = query.value(4).toString();
    agg.direction = query.value(5).toString();
    agg.fromNumber = query.value(6).toString();
    agg.toNumber = query.value(7).toString();
    agg.agent = query.value(8).toString();
    auto optionalLong = [&query](int column) -> std::optional<qint64> {
        const QVariant value = query.value(column);
        return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
    };
    agg.startedAt = optionalLong(9);
    agg.endedAt = optionalLong(10);
    agg.durationMs = optionalLong(11);
    if (!query.value(12).isNull())
        agg.costCents = query.value(12).toDouble();
    agg.twilioCallSid = query.value(13).toString();
    agg.sipCallId = query.value(14).toString();
    agg.backendLogId = query.value(15).toString();
    agg.firstEventAt = query.value(16).toLongLong();
    agg.lastEventAt = query.value(17).toLongLong();
    query.finish();
    return &m_aggregates.emplace(callId, std::move(agg)).first->second;
}

std::expected<void, StoreError> WriteContext::begin()
{
    discardTransactionState();
    return SqlConnection::exec(m_db, isSqlite() ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s);
}

std::expected<void, StoreError> WriteContext::flush()
{
    for (RowBuffer *buffer : {&m_events, &m_search, &m_receiptLinks}) {
        if (auto done = buffer->flush(m_db); !done)
            return done;
    }
    auto update = prepared(
        u"UPDATE calls SET status = ?, outcome = ?, outcome_rank = ?, ended_reason = ?, direction = ?, "
        "from_number = ?, to_number = ?, agent = ?, started_at = ?, ended_at = ?, duration_ms = ?, cost_cents = ?, "
        "twilio_call_sid = ?, sip_call_id = ?, backend_log_id = ?, first_event_at = ?, last_event_at = ?, "
        "sort_at = ?, updated_at = ?, function_call_count = function_call_count + ?, "
        "error_count = error_count + ?, transcript_segment_count = transcript_segment_count + ?, "
        "event_count = event_count + ? WHERE id = ?"_s);
    if (!update)
        return std::unexpected(update.error());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto &[id, agg] : m_aggregates) {
        if (!agg.dirty)
            continue;
        QSqlQuery &query = **update;
        const QVariantList values{
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
            agg.functionCallDelta,
            agg.errorDelta,
            agg.transcriptDelta,
            agg.eventDelta,
            id,
        };
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        if (auto done = SqlConnection::exec(query); !done)
            return done;
        agg.dirty = false;
        agg.functionCallDelta = agg.errorDelta = agg.transcriptDelta = agg.eventDelta = 0;
    }
    return {};
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
    m_tenants.insert(m_newTenants);
    m_newTenants.clear();
    m_aggregates.clear();
    return {};
}

void WriteContext::rollback()
{
    SqlConnection::exec(m_db, u"ROLLBACK"_s);
    discardTransactionState();
}

void WriteContext::resetConnection(QSqlDatabase db)
{
    m_statements.clear();
    m_db = std::move(db);
    discardTransactionState();
}

void WriteContext::discardTransactionState()
{
    m_newCalls.clear();
    m_newTenants.clear();
    m_aggregates.clear();
    m_events.clear();
    m_search.clear();
    m_receiptLinks.clear();
    m_changes = StoreChanges();
}

} // namespace CallScope
