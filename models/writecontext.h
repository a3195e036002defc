// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callaggregate.h"
#include "databaseurl.h"
#include "rowbuffer.h"
#include "sqlstatement.h"
#include "storetypes.h"

#include <QHash>
#include <QSqlDatabase>
#include <QVariant>

#include <expected>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

namespace CallScope {

// A statement's value for an empty text or a missing value: SQL NULL.
inline QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

template<typename T> QVariant nullable(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

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

// A transcript turn waiting to be written; a later event for the same turn replaces it.
struct PendingSegment
{
    qint64 tenantId = 0;
    qint64 callId = 0;
    QString role;
    qint64 startMs = 0;
    QString text;
    std::optional<qint64> endMs;
};

// What the events of one transaction say about one function call; start and finish may come in
// any order and in different transactions, and are merged with the row already stored.
struct PendingTrace
{
    qint64 tenantId = 0;
    qint64 callId = 0;
    QString toolCallId;
    QString startName;
    QString finishName;
    QVariant arguments;
    std::optional<qint64> startOffsetMs;
    std::optional<qint64> startedAt;
    QString status = QStringLiteral("pending"); // of the finish; pending when no finish came
    QVariant result;
    QVariant error;
    std::optional<qint64> endOffsetMs;
    std::optional<qint64> endedAt;
    std::optional<qint64> durationMs;

    // The name the stored row takes: the start's, else the finish's.
    const QString &name() const { return startName.isEmpty() ? finishName : startName; }
};

// Everything one transaction of the writer needs: the connection, prepared statements, buffered
// rows and the call aggregates it has touched. Projections are collected in memory while the
// transaction's writes run and written as multi-row statements by flush(), inside the transaction.
// Caches learned inside a transaction become visible to later ones only once it committed.
class WriteContext
{
public:
    WriteContext(QSqlDatabase db, DatabaseUrl::Backend backend);
    ~WriteContext();

    QSqlDatabase &db() { return m_db; }
    bool isSqlite() const { return m_backend == DatabaseUrl::Backend::Sqlite; }
    DatabaseUrl::Backend backend() const { return m_backend; }

    // A prepared statement, prepared once per connection.
    std::expected<SqlStatement *, StoreError> prepared(const QString &sql);

    // Prepares (once), binds `values` in order and runs `sql`.
    std::expected<void, StoreError> execute(const QString &sql, const QVariantList &values);
    // One row of the audit log: who did what to which entity, now.
    std::expected<void, StoreError> audit(qint64 tenantId, const QString &actor, const QString &action,
                                          const QString &entity, const QString &entityId,
                                          const QString &detail);

    // The id of a tenant by slug (UnknownTenant when there is none). Remembered for one transaction
    // only: another process may delete the tenant (callscope-server tenant delete) between two.
    std::expected<qint64, StoreError> tenantId(const QString &slug);
    std::expected<Tenant, StoreError> insertTenant(const QString &slug, const QString &name,
                                                   qint64 createdAtMs);
    // Deletes the tenant and every row it owns (see Store::deleteTenant) and forgets its cached calls.
    std::expected<void, StoreError> deleteTenant(qint64 tenantId, const QString &slug);

    // Counts a delivery of `provider` for the tenant: new (accepted) or a duplicate. The counts of a
    // transaction go to delivery_stats in one statement per tenant and provider when it commits, so
    // counting costs no statement per webhook.
    void countDelivery(qint64 tenantId, Provider provider, bool duplicate, qint64 receivedAtMs);

    // The call row for a provider's call id, created on first sight (any order: the first event of
    // an unknown call creates its session).
    std::expected<qint64, StoreError> resolveCall(const CallKey &key, qint64 occurredAtMs);

    // Staging: the writes of a group say what they need before any of them runs, so that one
    // statement per table serves the whole group (on PostgreSQL, round trips are what limit a
    // writer). requireCall() and stageReceipt() collect; resolveStaged() finds or creates the calls,
    // loads their aggregates and inserts the receipts; stagedReceiptId() then tells a ticket's
    // receipt id, or nothing when it was a duplicate.
    void requireCall(const CallKey &key, qint64 occurredAtMs);
    int stageReceipt(qint64 tenantId, const std::optional<CallKey> &call, const Receipt *receipt);
    std::expected<void, StoreError> resolveStaged();
    std::optional<qint64> stagedReceiptId(int ticket) const { return m_stagedReceiptIds.value(ticket); }

    // The aggregate of a call, loaded (and locked on PostgreSQL) on first touch in this transaction.
    std::expected<CallAggregate *, StoreError> aggregate(qint64 callId);

    RowBuffer &events() { return m_events; }
    void addSegment(PendingSegment segment);
    // Merges a function event into what this transaction knows of its call.
    void addTracePart(const PendingTrace &part, bool isStart);
    // What is known of a function call before a new part is merged: its name and whether a
    // failure was already recorded (this transaction's parts first, then the stored row).
    struct TraceState
    {
        QString name;
        bool failed = false;
    };
    std::expected<TraceState, StoreError> traceState(qint64 callId, const QString &toolCallId);
    StoreChanges &changes() { return m_changes; }
    // Queues a callback, or merges it into the open request for the same number; its id.
    std::expected<std::optional<qint64>, StoreError> requestCallback(qint64 tenantId,
                                                                     const CallbackRequest &request);
    // Adds the occurrence to its group (created, counted, reopened as a regression when resolved).
    std::expected<qint64, StoreError> recordError(qint64 tenantId, const ErrorRecord &error);
    // The severity of an error whose report brings none, by source (Store::setErrorSeverities).
    void setErrorSeverities(const QHash<QString, QString> &bySource) { m_errorSeverities = bySource; }

    std::expected<void, StoreError> begin();
    // Writes buffered rows and touched aggregates; the transaction is still open afterwards.
    std::expected<void, StoreError> flush();
    std::expected<void, StoreError> commit();
    void rollback();

private:
    std::expected<void, StoreError> resolveRequiredCalls();
    // A Twilio leg is part of the platform call that reports its CallSid: those of these legs (keyed
    // by their Twilio call keys) that have one.
    std::expected<QHash<CallKey, qint64>, StoreError> platformCallsFor(const QList<CallKey> &legs);
    std::expected<void, StoreError> mergeCarrierLegs();
    // Loads the aggregates of the calls this transaction does not hold yet.
    std::expected<void, StoreError> loadAggregates(const QList<qint64> &callIds);
    std::expected<void, StoreError> insertStagedReceipts();
    std::expected<void, StoreError> flushSegments();
    std::expected<void, StoreError> flushTraces();
    std::expected<void, StoreError> flushFullText();
    std::expected<void, StoreError> flushAggregates();
    std::expected<void, StoreError> flushDeliveryCounts();
    void discardTransactionState();

    QSqlDatabase m_db;
    DatabaseUrl::Backend m_backend;
    std::unordered_map<QString, std::unique_ptr<SqlStatement>> m_statements;

    QHash<QString, qint64> m_tenants; // learned in the open transaction
    QHash<CallKey, qint64> m_calls;
    QHash<CallKey, qint64> m_newCalls; // created or looked up in the open transaction
    std::map<qint64, CallAggregate> m_aggregates;

    struct StagedReceipt
    {
        qint64 tenantId;
        std::optional<CallKey> call;
        const Receipt *receipt;
    };
    QHash<CallKey, qint64> m_requiredCalls; // key -> earliest event time
    QList<CallKey> m_requiredOrder;
    QList<StagedReceipt> m_stagedReceipts;
    QList<std::optional<qint64>> m_stagedReceiptIds;

    std::map<std::tuple<qint64, QString, qint64>, PendingSegment> m_segments; // (call, role, start)
    std::map<std::pair<qint64, QString>, PendingTrace> m_traces;              // (call, tool call id)
    QList<qint64> m_touchedSegments; // ids written in this transaction, for the SQLite full-text index
    QList<qint64> m_touchedTraces;
    RowBuffer m_events;
    RowBuffer m_segmentRows;
    RowBuffer m_traceRows;
    RowBuffer m_aggregateRows;
    StoreChanges m_changes;
    QHash<QString, QString> m_errorSeverities;

    struct DeliveryCount
    {
        qint64 accepted = 0;
        qint64 duplicates = 0;
        std::optional<qint64> lastAcceptedAtMs;
    };
    // (tenant, provider), in key order: two writers on one PostgreSQL database lock the rows in the
    // same order.
    std::map<std::pair<qint64, QString>, DeliveryCount> m_deliveries;
};

} // namespace CallScope
