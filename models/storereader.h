// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"
#include "storetypes.h"

#include <QSqlDatabase>
#include <QVariantList>

#include <expected>
#include <memory>

namespace CallScope {

// A read connection of its own (SQLite WAL readers never wait for the writer). It belongs to the
// thread that opened it. Every helper that reads tenant data takes a TenantId and filters by it: an
// invalid id is refused, and another tenant's record reads as not found.
class StoreReader
{
public:
    template<typename T> using Result = std::expected<T, StoreError>;

    static Result<std::unique_ptr<StoreReader>> open(const DatabaseUrl &url, const QString &password);
    ~StoreReader();
    StoreReader(const StoreReader &) = delete;
    StoreReader &operator=(const StoreReader &) = delete;

    QSqlDatabase &database() { return m_db; }
    bool isSqlite() const { return m_backend == DatabaseUrl::Backend::Sqlite; }

    Result<QList<Tenant>> tenants();
    Result<Tenant> tenant(const QString &slug);

    // Newest first; a cursor continues after the last row of the previous page.
    Result<QList<CallSummary>> calls(TenantId tenant, const CallQuery &query = {});
    Result<CallSummary> call(TenantId tenant, qint64 callId);
    // The agents of the tenant's calls (or of those of `amongCalls` only), by name.
    Result<QStringList> agents(TenantId tenant, const QList<qint64> &amongCalls = {});
    Result<CallSummary> callByUuid(TenantId tenant, const QString &uuid);
    Result<CallSummary> callByProviderId(TenantId tenant, Provider provider, const QString &providerCallId);

    // In the order they happened on the call (offset, then time), not the order they arrived.
    Result<QList<StoredEvent>> events(TenantId tenant, qint64 callId);
    // In arrival order.
    Result<QList<StoredReceipt>> receipts(TenantId tenant, qint64 callId);
    Result<StoredReceipt> receiptByKey(TenantId tenant, Provider provider, const QString &eventKey);

    Result<QList<TranscriptTurn>> transcript(TenantId tenant, qint64 callId);
    Result<QList<TraceRecord>> functionTraces(TenantId tenant, qint64 callId);
    // Open requests first (pending, posting, posted, failed), then by urgency, then oldest first.
    Result<QList<CallbackRecord>> callbacks(TenantId tenant, const QString &status = {}, int limit = 500);
    Result<QList<CallbackRecord>> callbacks(TenantId tenant, const CallbackQuery &query);
    // Requests, merges, staff actions and hand-off attempts, oldest first.
    Result<QList<CallbackHistoryEntry>> callbackHistory(TenantId tenant, qint64 callbackId);
    // Every call the customer asked to be called back from, in the order they came.
    Result<QList<CallSummary>> callbackCalls(TenantId tenant, qint64 callbackId);
    // How many requests `query` finds (its limit aside).
    Result<qint64> countCallbacks(TenantId tenant, const CallbackQuery &query);
    Result<CallbackRecord> callback(TenantId tenant, const QString &uuid);
    // When the next failed request of any tenant is due again (the dispatcher serves them all).
    Result<std::optional<qint64>> nextCallbackAttemptAt();
    // Most recent first, or most events first (ErrorGroupQuery::order).
    Result<QList<ErrorGroupRecord>> errorGroups(TenantId tenant, const ErrorGroupQuery &query);
    Result<ErrorGroupRecord> errorGroup(TenantId tenant, qint64 id);
    // Events per hour of the given groups (all of the tenant's when empty) in [fromMs, toMs), from
    // the hourly roll-up kept at ingest; hours without events are left out.
    Result<QList<ErrorHourCount>> errorHours(TenantId tenant, const QList<qint64> &groupIds, qint64 fromMs,
                                             qint64 toMs);
    // The group's most recent events, newest first.
    Result<QList<ErrorEventRecord>> errorEvents(TenantId tenant, qint64 groupId, int limit = 50);
    // The group's latest event on one call; NotFound when the group never happened on it.
    Result<ErrorEventRecord> latestErrorEventOnCall(TenantId tenant, qint64 groupId, qint64 callId);
    // The calls the group's latest events happened on (those of its last 20 × limit events), newest
    // call first.
    Result<QList<CallSummary>> errorGroupCalls(TenantId tenant, qint64 groupId, int limit = 50);
    // The providers and function names the tenant's groups name, for the view's filters.
    Result<QStringList> errorProviders(TenantId tenant);
    Result<QStringList> errorFunctions(TenantId tenant);

    // An API token by its public id (tokens are global: the token names its tenant).
    Result<StoredToken> token(const QString &tokenId);
    // The tenant's tokens, newest first, revoked ones included (never their hash).
    Result<QList<TokenInfo>> tokens(TenantId tenant);
    // Per provider (those with any delivery): accepted, duplicates and rejected deliveries, with the
    // last accepted and last rejected time and why.
    Result<QList<DeliveryStats>> deliveryStats(TenantId tenant);

    Result<qint64> countEvents(TenantId tenant);
    Result<qint64> countReceipts(TenantId tenant);
    Result<qint64> countCalls(TenantId tenant);

    // Charts: calls started in [fromMs, toMs) by bucket of `bucketMs` (counted from fromMs) and
    // outcome ("" while a call has none), and every function trace of that window.
    struct OutcomeCount
    {
        qint64 bucket = 0;
        QString outcome;
        qint64 count = 0;
    };
    Result<QList<OutcomeCount>> outcomeCounts(TenantId tenant, qint64 fromMs, qint64 toMs, qint64 bucketMs);
    struct TraceSample
    {
        QString name;
        FunctionStatus status = FunctionStatus::Pending;
        std::optional<qint64> durationMs;
    };
    Result<QList<TraceSample>> traceSamples(TenantId tenant, qint64 fromMs, qint64 toMs);

private:
    StoreReader(QSqlDatabase db, QString connectionName, DatabaseUrl::Backend backend);

    Result<QList<CallSummary>> selectCalls(TenantId tenant, const QString &where, const QVariantList &values,
                                           const QString &tail = {});
    Result<qint64> count(TenantId tenant, const QString &table);
    // The ids of the calls whose turns or traces match `match` (an FTS or tsquery expression; from
    // the turn and trace ids given on) or whose numbers end in `numberSuffix`, as a UNION query.
    QString matchingCalls(TenantId tenant, const QString &match, const QString &numberSuffix, qint64 minTurn,
                          qint64 minTrace, QVariantList &args) const;
    Result<QList<CallSummary>> orderedCalls(TenantId tenant, const CallQuery &query, const QString &match,
                                            QStringList where, QVariantList values, int limit);

    QSqlDatabase m_db;
    QString m_connectionName;
    DatabaseUrl::Backend m_backend;
};

} // namespace CallScope
