// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"
#include "storetypes.h"

#include <QFuture>
#include <QMutex>
#include <QObject>
#include <QPromise>

#include <chrono>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace CallScope {

class WriteContext;
class StoreWriter;

// The durable store. One writer thread owns the write connection and merges every write submitted
// while it was busy into one transaction (group commit); a write's future completes only after its
// COMMIT returned. Readers open their own connections (StoreReader).
class Store : public QObject
{
    Q_OBJECT

public:
    template<typename R> using Result = std::expected<R, StoreError>;
    template<typename R> using Job = std::function<Result<R>(WriteContext &)>;

    // Opens the writer connection and migrates the schema before it returns. `password` stays in
    // memory for the reader connections and is never written anywhere.
    static Result<std::unique_ptr<Store>> open(const DatabaseUrl &url, const QString &password,
                                               QObject *parent = nullptr);
    ~Store() override;

    const DatabaseUrl &url() const { return m_url; }
    const QString &password() const { return m_password; }

    // Runs `job` on the writer thread inside the current group transaction. The job may run more than
    // once (after a rolled-back group it runs again alone), so it must not act outside `context`.
    template<typename R> QFuture<Result<R>> write(Job<R> job, int weight = 1);

    // As write(), with a stage that runs before every job of the group runs, so that the group's
    // shared statements (WriteContext::resolveStaged) serve all of them.
    using Stage = std::function<std::expected<void, StoreError>(WriteContext &)>;
    template<typename R> QFuture<Result<R>> write(Stage stage, Job<R> job, int weight = 1);

    // Stores receipts and their events, with every projection, as one all-or-nothing unit.
    QFuture<Result<IngestResult>> ingest(IngestSubmission submission);
    // The same for the hot path: `done` runs on the Store's thread after the commit. The writer
    // hands over all completions of a group with one posted event (a QFuture continuation costs a
    // posted event and a connection per write: a fifth of the listener's time at 10 000 webhooks/s).
    using IngestCallback = std::function<void(const Result<IngestResult> &)>;
    void ingest(IngestSubmission submission, IngestCallback done);

    QFuture<Result<Tenant>> createTenant(const QString &slug, const QString &name);
    // Creates the tenants that do not exist yet; existing ones are left as they are.
    QFuture<Result<QList<Tenant>>> ensureTenants(const QStringList &slugs);
    // A tenant's display name (1 to 100 characters after trimming; else InvalidArgument). NotFound
    // for an unknown slug. Announces StoreChanges::Tenants.
    QFuture<Result<Tenant>> renameTenant(const QString &slug, const QString &name);
    // Deletes the tenant and everything it owns (calls, events, receipts, callbacks, errors, tokens,
    // delivery counts, audit; the SQLite full-text rows too), in one transaction. The tenant
    // "default" cannot be deleted (Conflict); an unknown slug is NotFound. Announces Tenants.
    QFuture<Result<bool>> deleteTenant(const QString &slug);
    // Webhook deliveries the listener refused for a known tenant (bad signature, malformed body),
    // counted per provider: adds `count` rejections, the last one at `atMs` for `reason`.
    QFuture<Result<bool>> recordRejectedDeliveries(TenantId tenant, const QString &provider, qint64 count,
                                                   qint64 atMs, const QString &reason);

    // When API tokens were last used (token id → epoch ms), as the listener collected them; a later
    // time wins, an unknown or deleted token is skipped.
    QFuture<Result<bool>> recordTokenUse(const QHash<QString, qint64> &lastUsedMs);

    // Whether the database at `url` can be opened, as the settings dialog's "Test connection"
    // asks: the server's name and version ("PostgreSQL 15.5", "SQLite 3.40.1") or the driver's
    // exact error. With `migrate`, the schema is created or upgraded as Store::open does.
    static Result<QString> probe(const DatabaseUrl &url, const QString &password, bool migrate = false);

    // API tokens: the token is returned once and only its SHA-256 is stored. Format:
    // cs_<scope>_<tokenId>_<secret>, so a verifier finds the row by id and compares hashes.
    struct NewToken
    {
        QString tokenId;
        QString token;
    };
    QFuture<Result<NewToken>> createToken(const QString &tenantSlug, const QString &scope,
                                          const QString &label = {});
    QFuture<Result<bool>> revokeToken(const QString &tenantSlug, const QString &tokenId);

    // Staff and API actions on a callback request: retry (from failed or dead: post again now),
    // cancel (with a reason) and complete (with an outcome note) from any open state. A move the
    // state does not allow is a Conflict; another tenant's request is NotFound.
    enum class CallbackAction
    {
        Retry,
        Cancel,
        Complete
    };
    QFuture<Result<bool>> callbackAction(const QString &tenantSlug, const QString &uuid,
                                         CallbackAction action, const QString &text, const QString &actor);
    // The hand-off of callback requests to the frontend API (CallbackDispatcher). A request is
    // claimed before it is posted: the claim moves the first due request in queue order (pending, or
    // failed with its next attempt due at `nowMs`; critical > urgent > normal, then oldest) to
    // `posting`, counts the attempt and opens its attempt row, in one statement that two processes
    // on one database cannot both win (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has one writer).
    QFuture<Result<std::optional<CallbackHandoff>>> claimNextCallback(const QString &claimant, qint64 nowMs);
    // Records how the claimed attempt ended: a success makes the request `posted` (the answer kept);
    // a failure makes it `failed` with its next attempt `backoff[n - 1]` later, n counting the
    // attempts since the schedule began (the first post, or a staff retry of a dead request), or
    // `dead` when the schedule is used up. A request staff closed meanwhile keeps its state; the
    // attempt row is finished either way. Answers the request's state afterwards.
    QFuture<Result<QString>> finishCallbackAttempt(const CallbackHandoff &handoff, const QString &claimant,
                                                   const CallbackAttemptOutcome &outcome,
                                                   const QList<std::chrono::milliseconds> &backoff,
                                                   qint64 nowMs);
    // Requests left `posting` by a dispatcher that is gone (`abandoned(claimedBy, claimedAt)` says
    // which) go back to `pending`, so they are posted again at once; their attempt rows end as
    // "abandoned" and do not count against the backoff schedule. Answers how many.
    using AbandonedClaim = std::function<bool(const QString &claimedBy, qint64 claimedAtMs)>;
    QFuture<Result<int>> releaseAbandonedCallbacks(AbandonedClaim abandoned, const QString &actor,
                                                   qint64 nowMs);
    // A staff action without a state change, for the request's history (e.g. "dial").
    QFuture<Result<bool>> recordCallbackAction(const QString &tenantSlug, const QString &uuid,
                                               const QString &action, const QString &detail,
                                               const QString &actor);

    // resolve (from unresolved or ignored), ignore (from unresolved or resolved), reopen (from
    // resolved or ignored; clears the regression mark).
    enum class ErrorGroupAction
    {
        Resolve,
        Ignore,
        Reopen
    };
    // Ignore may end by itself: when the group reaches `moreEvents` more events, or at `untilMs` (a new
    // event after it, or sweep()), the group is unresolved again.
    struct IgnoreLimits
    {
        std::optional<qint64> moreEvents;
        std::optional<qint64> untilMs;
    };
    QFuture<Result<bool>> errorGroupAction(const QString &tenantSlug, qint64 groupId, ErrorGroupAction action,
                                           const QString &actor, const IgnoreLimits &limits = {});

    // Housekeeping, run every minute by the runtime: a voice platform's call still open with no event
    // since `staleBeforeMs` (and not written since) is marked stale and raises a `stale_call` error (once);
    // an ignored group whose ignore-until time has passed is unresolved again. With `receiptsBeforeMs`
    // (the retention setting), the raw receipts received before it lose their body and headers; the
    // receipt row stays (it is the delivery's idempotency key and listed with its call), and so do the
    // events and the calls. That runs in transactions of a bounded size, other writes between them.
    struct Sweep
    {
        int staleCalls = 0;
        int ignoresEnded = 0;
        qint64 receiptsPruned = 0;
    };
    QFuture<Result<Sweep>> sweep(qint64 staleBeforeMs, qint64 nowMs,
                                 std::optional<qint64> receiptsBeforeMs = std::nullopt);

    // The severity an error of each source gets when its report does not bring one: sources
    // function, provider, transfer, ingest (unattributed deliveries), stale, backend. Unknown
    // sources and invalid severities are ignored; the defaults are those of the HTTP spec.
    void setErrorSeverities(const QHash<QString, QString> &bySource);
    static QHash<QString, QString> defaultErrorSeverities();

    // Writes waiting for the writer (not counting the group being committed).
    int queueDepth() const;
    // Group transactions committed and the writes they carried, for metrics and the benchmark.
    quint64 committedGroups() const;
    quint64 committedWrites() const;
    // How many writes the committed groups carried, as cumulative histogram buckets.
    static constexpr int groupSizeBounds[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000};
    QList<quint64> groupSizeBuckets() const;

    // Refuses new writes, lets the writer commit what it accepted, and joins it. Idempotent.
    void stop();

    static bool isValidSlug(QStringView slug);

signals:
    // Emitted on the Store's thread after a group committed.
    void changed(const CallScope::StoreChanges &changes);

private:
    Store(const DatabaseUrl &url, const QString &password, QObject *parent);

    struct PendingWrite
    {
        Stage stage; // may be empty
        std::function<std::expected<void, StoreError>(WriteContext &)> run;
        std::function<void()> succeed;
        std::function<void(const StoreError &)> fail;
        int weight = 1;
    };
    void enqueue(PendingWrite write);
    void publish(const StoreChanges &changes);
    // Runs `completion` on the Store's thread, batched with the others of the same group.
    void deliver(std::function<void()> completion);
    void drainMailbox();

    QMutex m_mailboxLock;
    std::vector<std::function<void()>> m_mailbox;

    friend class StoreWriter;
    DatabaseUrl m_url;
    QString m_password;
    std::unique_ptr<StoreWriter> m_writer;
};

template<typename R> QFuture<Store::Result<R>> Store::write(Job<R> job, int weight)
{
    return write<R>(Stage(), std::move(job), weight);
}

template<typename R> QFuture<Store::Result<R>> Store::write(Stage stage, Job<R> job, int weight)
{
    struct State
    {
        QPromise<Result<R>> promise;
        std::optional<R> value;
    };
    auto state = std::make_shared<State>();
    state->promise.start();
    QFuture<Result<R>> future = state->promise.future();
    PendingWrite pending;
    pending.stage = std::move(stage);
    pending.weight = weight;
    pending.run = [state, job = std::move(job)](WriteContext &context) -> std::expected<void, StoreError> {
        Result<R> result = job(context);
        if (!result)
            return std::unexpected(result.error());
        state->value = std::move(*result);
        return {};
    };
    pending.succeed = [state] {
        state->promise.addResult(Result<R>(std::move(*state->value)));
        state->promise.finish();
    };
    pending.fail = [state](const StoreError &error) {
        state->promise.addResult(Result<R>(std::unexpected(error)));
        state->promise.finish();
    };
    enqueue(std::move(pending));
    return future;
}

} // namespace CallScope
