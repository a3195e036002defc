// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callaggregate.h"
#include "databaseurl.h"
#include "rowbuffer.h"
#include "storetypes.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <expected>
#include <map>
#include <unordered_map>

namespace CallScope {

struct CallKey
{
    qint64 tenantId = 0;
    Provider provider = Provider::Backend;
    QString providerCallId;
    friend bool operator==(const CallKey &, const CallKey &) = default;
};

inline size_t qHash(const CallKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.tenantId, static_cast<int>(key.provider), key.providerCallId);
}

// Everything one transaction of the writer needs: the connection, prepared statements, buffered
// multi-row inserts and the call aggregates it has touched. Caches learned inside a transaction
// become visible to later transactions only once it committed.
class WriteContext
{
public:
    WriteContext(QSqlDatabase db, DatabaseUrl::Backend backend);

    QSqlDatabase &db() { return m_db; }
    bool isSqlite() const { return m_backend == DatabaseUrl::Backend::Sqlite; }
    DatabaseUrl::Backend backend() const { return m_backend; }

    // A prepared statement, prepared once per connection.
    std::expected<QSqlQuery *, StoreError> prepared(const QString &sql);

    // The id of a tenant by slug (UnknownTenant when there is none).
    std::expected<qint64, StoreError> tenantId(const QString &slug);
    std::expected<Tenant, StoreError> insertTenant(const QString &slug, const QString &name, qint64 createdAtMs);

    // The call row for a provider's call id, created on first sight (any order: the first event of
    // an unknown call creates its session).
    std::expected<qint64, StoreError> resolveCall(const CallKey &key, qint64 occurredAtMs);

    // The aggregate of a call, loaded (and locked on PostgreSQL) on first touch in this transaction.
    std::expected<CallAggregate *, StoreError> aggregate(qint64 callId);

    RowBuffer &events() { return m_events; }
    RowBuffer &searchRows() { return m_search; }
    RowBuffer &receiptLinks() { return m_receiptLinks; }
    StoreChanges &changes() { return m_changes; }

    std::expected<void, StoreError> begin();
    // Writes buffered rows and touched aggregates; the transaction is still open afterwards.
    std::expected<void, StoreError> flush();
    std::expected<void, StoreError> commit();
    void rollback();

    // Forget connection-bound state after the connection was reopened.
    void resetConnection(QSqlDatabase db);

private:
    void discardTransactionState();

    QSqlDatabase m_db;
    DatabaseUrl::Backend m_backend;
    std::unordered_map<QString, QSqlQuery> m_statements; // QSqlQuery is move-only

    QHash<QString, qint64> m_tenants;
    QHash<QString, qint64> m_newTenants; // learned in the open transaction
    QHash<CallKey, qint64> m_calls;
    QHash<CallKey, qint64> m_newCalls; // created in the open transaction
    std::map<qint64, CallAggregate> m_aggregates;

    RowBuffer m_events;
    RowBuffer m_search;
    RowBuffer m_receiptLinks;
    StoreChanges m_changes;
};

} // namespace CallScope
