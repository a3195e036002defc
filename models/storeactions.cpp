// SPDX-License-Identifier: GPL-3.0-or-later
// The state machines that staff and the API move: callback requests and error groups.
#include "store.h"
#include "writecontext.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

StoreError conflict(const QString &message)
{
    return StoreError{StoreError::Kind::Conflict, message};
}

struct FoundCallback
{
    qint64 tenant = 0;
    qint64 id = 0;
    QString status;
    QString number;
};

// The tenant's callback request by its public id; another tenant's is not found.
std::expected<FoundCallback, StoreError> findCallback(WriteContext &context, const QString &tenantSlug,
                                                      const QString &uuid)
{
    auto tenant = context.tenantId(tenantSlug);
    if (!tenant)
        return std::unexpected(tenant.error());
    auto select = context.prepared(
        u"SELECT id, status, callback_number FROM callback_requests WHERE tenant_id = ? AND uuid = ?"_s);
    if (!select)
        return std::unexpected(select.error());
    (*select)->bind(0, *tenant);
    (*select)->bind(1, uuid);
    if (auto done = (*select)->exec(); !done)
        return std::unexpected(done.error());
    if (!(*select)->next())
        return std::unexpected(StoreError{StoreError::Kind::NotFound, u"no callback request %1"_s.arg(uuid)});
    FoundCallback found{*tenant, (*select)->int64(0), (*select)->text(1), (*select)->text(2)};
    (*select)->finish();
    return found;
}

} // namespace

QFuture<Store::Result<bool>> Store::callbackAction(const QString &tenantSlug, const QString &uuid,
                                                   CallbackAction action, const QString &text,
                                                   const QString &actor)
{
    return write<bool>([=](WriteContext &context) -> Result<bool> {
        auto found = findCallback(context, tenantSlug, uuid);
        if (!found)
            return std::unexpected(found.error());
        const qint64 tenant = found->tenant;
        const qint64 id = found->id;
        const QString &status = found->status;
        const QString &number = found->number;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();

        QString name;
        switch (action) {
        case CallbackAction::Retry: {
            name = u"retry"_s;
            if (status != "failed"_L1 && status != "dead"_L1)
                return std::unexpected(
                    conflict(u"a %1 request cannot be retried (only failed or dead ones)"_s.arg(status)));
            // A customer is never queued twice: not while another request for the number is open.
            auto open = context.prepared(
                u"SELECT 1 FROM callback_requests WHERE tenant_id = ? AND callback_number = ? "
                "AND id <> ? AND status IN ('pending', 'posting', 'posted', 'failed')"_s);
            if (!open)
                return std::unexpected(open.error());
            (*open)->bind(0, tenant);
            (*open)->bind(1, number);
            (*open)->bind(2, id);
            if (auto done = (*open)->exec(); !done)
                return std::unexpected(done.error());
            const bool another = (*open)->next();
            (*open)->finish();
            if (another)
                return std::unexpected(conflict(u"another request for this number is open"_s));
            if (auto done = context.execute(
                    u"UPDATE callback_requests SET status = 'pending', next_attempt_at = ?, "
                    "schedule_start = CASE WHEN status = 'dead' THEN attempts ELSE schedule_start END, "
                    "claimed_by = NULL, claimed_at = NULL, closed_at = NULL, updated_at = ? "
                    "WHERE id = ?"_s,
                    {now, now, id});
                !done)
                return std::unexpected(done.error());
            break;
        }
        case CallbackAction::Cancel:
        case CallbackAction::Complete: {
            const bool cancel = action == CallbackAction::Cancel;
            name = cancel ? u"cancel"_s : u"complete"_s;
            if (!CallbackRecord::isOpenCallbackStatus(status))
                return std::unexpected(conflict(u"a %1 request is closed already"_s.arg(status)));
            if (auto done = context.execute(
                    cancel ? u"UPDATE callback_requests SET status = 'cancelled', cancel_reason = ?, "
                             "closed_at = ?, updated_at = ? WHERE id = ?"_s
                           : u"UPDATE callback_requests SET status = 'completed', resolution_note = ?, "
                             "closed_at = ?, updated_at = ? WHERE id = ?"_s,
                    {text.isEmpty() ? QVariant() : QVariant(text), now, now, id});
                !done)
                return std::unexpected(done.error());
            break;
        }
        }
        if (auto done = context.audit(tenant, actor, name, u"callback"_s, QString::number(id), text); !done)
            return std::unexpected(done.error());
        context.changes().tenantIds.insert(tenant);
        context.changes().kinds |= StoreChanges::Callbacks;
        if (action == CallbackAction::Retry)
            context.changes().kinds |= StoreChanges::CallbacksDue;
        return true;
    });
}

QFuture<Store::Result<bool>> Store::errorGroupAction(const QString &tenantSlug, qint64 groupId,
                                                     ErrorGroupAction action, const QString &actor,
                                                     const IgnoreLimits &limits)
{
    return write<bool>([=](WriteContext &context) -> Result<bool> {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (action == ErrorGroupAction::Ignore) {
            if (limits.moreEvents && *limits.moreEvents < 1)
                return std::unexpected(StoreError{StoreError::Kind::InvalidArgument,
                                                  u"ignore until how many more events: at least 1"_s});
            if (limits.untilMs && *limits.untilMs <= now)
                return std::unexpected(StoreError{StoreError::Kind::InvalidArgument,
                                                  u"ignore until a time: it must be in the future"_s});
        }
        auto tenant = context.tenantId(tenantSlug);
        if (!tenant)
            return std::unexpected(tenant.error());
        auto select = context.prepared(
            u"SELECT status, regression, count FROM error_groups WHERE tenant_id = ? AND id = ?"_s);
        if (!select)
            return std::unexpected(select.error());
        (*select)->bind(0, *tenant);
        (*select)->bind(1, groupId);
        if (auto done = (*select)->exec(); !done)
            return std::unexpected(done.error());
        if (!(*select)->next())
            return std::unexpected(
                StoreError{StoreError::Kind::NotFound, u"no error group %1"_s.arg(groupId)});
        const QString status = (*select)->text(0);
        const bool regression = (*select)->int64(1) != 0;
        const qint64 count = (*select)->int64(2);
        (*select)->finish();

        const QString target = action == ErrorGroupAction::Resolve  ? u"resolved"_s
                               : action == ErrorGroupAction::Ignore ? u"ignored"_s
                                                                    : u"unresolved"_s;
        // Reopening a regression (unresolved again by itself) acknowledges it: the flag goes.
        const bool allowed =
            action == ErrorGroupAction::Reopen ? status != "unresolved"_L1 || regression : status != target;
        if (!allowed)
            return std::unexpected(conflict(u"the group is %1 already"_s.arg(status)));
        // Only an ignore keeps limits; every other change clears them.
        const QVariant untilCount = action == ErrorGroupAction::Ignore && limits.moreEvents
                                        ? QVariant(count + *limits.moreEvents)
                                        : QVariant(QMetaType::fromType<qint64>());
        const QVariant untilMs = action == ErrorGroupAction::Ignore && limits.untilMs
                                     ? QVariant(*limits.untilMs)
                                     : QVariant(QMetaType::fromType<qint64>());
        if (auto done = context.execute(
                action == ErrorGroupAction::Reopen
                    ? u"UPDATE error_groups SET status = ?, regression = 0, changed_by = ?, changed_at = ?, "
                      "ignore_until_count = ?, ignore_until = ? WHERE id = ?"_s
                    : u"UPDATE error_groups SET status = ?, changed_by = ?, changed_at = ?, "
                      u"ignore_until_count = ?, "
                      "ignore_until = ? WHERE id = ?"_s,
                {target, actor, now, untilCount, untilMs, groupId});
            !done)
            return std::unexpected(done.error());
        const QString name = action == ErrorGroupAction::Resolve  ? u"resolve"_s
                             : action == ErrorGroupAction::Ignore ? u"ignore"_s
                                                                  : u"reopen"_s;
        QStringList detail;
        if (action == ErrorGroupAction::Ignore && limits.moreEvents)
            detail << u"until %1 more events"_s.arg(*limits.moreEvents);
        if (action == ErrorGroupAction::Ignore && limits.untilMs)
            detail << u"until %1"_s.arg(
                QDateTime::fromMSecsSinceEpoch(*limits.untilMs, Qt::UTC).toString(Qt::ISODateWithMs));
        if (auto done = context.audit(*tenant, actor, name, u"error_group"_s, QString::number(groupId),
                                      detail.join(u", "_s));
            !done)
            return std::unexpected(done.error());
        context.changes().tenantIds.insert(*tenant);
        context.changes().kinds |= StoreChanges::Errors;
        return true;
    });
}

QHash<QString, QString> Store::defaultErrorSeverities()
{
    return {{u"function"_s, u"high"_s}, {u"provider"_s, u"high"_s}, {u"transfer"_s, u"high"_s},
            {u"ingest"_s, u"medium"_s}, {u"stale"_s, u"medium"_s},  {u"backend"_s, u"high"_s}};
}

void Store::setErrorSeverities(const QHash<QString, QString> &bySource)
{
    QHash<QString, QString> severities = defaultErrorSeverities();
    for (auto it = bySource.cbegin(); it != bySource.cend(); ++it) {
        if (severities.contains(it.key()) && errorSeverityRank(it.value()) >= 0)
            severities.insert(it.key(), it.value());
    }
    // Through the writer, so every write queued after this call sees the new defaults.
    write<bool>([severities](WriteContext &context) -> Result<bool> {
        context.setErrorSeverities(severities);
        return true;
    });
}

namespace {

// Receipts pruned per transaction: a year of them is many short transactions with other writes
// between them, not one that holds the writer for minutes.
constexpr qint64 receiptsPerPrune = 1'000;

// Drops the body and headers of up to receiptsPerPrune receipts received before `beforeMs`, oldest
// first (by the partial index of the receipts that still have a body); how many.
std::expected<qint64, StoreError> pruneReceipts(WriteContext &context, qint64 beforeMs)
{
    auto prune = context.prepared(
        u"UPDATE receipts SET body = NULL, headers = '{}' WHERE id IN (SELECT id FROM receipts "
        "WHERE body IS NOT NULL AND received_at < ? ORDER BY received_at LIMIT %1) RETURNING id"_s.arg(
            receiptsPerPrune));
    if (!prune)
        return std::unexpected(prune.error());
    (*prune)->bind(0, beforeMs);
    if (auto done = (*prune)->exec(); !done)
        return std::unexpected(done.error());
    qint64 pruned = 0;
    while ((*prune)->next())
        ++pruned;
    (*prune)->finish();
    return pruned;
}

} // namespace

QFuture<Store::Result<Store::Sweep>> Store::sweep(qint64 staleBeforeMs, qint64 nowMs,
                                                  std::optional<qint64> receiptsBeforeMs)
{
    // The stale calls and ended ignores in one write, then the receipts batch by batch: each batch is
    // queued when the one before committed, until one finds fewer than a full batch.
    struct Run
    {
        QPromise<Result<Sweep>> promise;
        Sweep sweep;
        std::function<void()> pruneNext; // holds the run weakly: no cycle to break

        void finish(const Result<Sweep> &result)
        {
            promise.addResult(result);
            promise.finish();
        }
    };
    auto run = std::make_shared<Run>();
    run->promise.start();
    QFuture<Result<Sweep>> future = run->promise.future();
    if (receiptsBeforeMs) {
        run->pruneNext = [this, weak = std::weak_ptr<Run>(run), beforeMs = *receiptsBeforeMs] {
            const std::shared_ptr<Run> current = weak.lock();
            if (!current)
                return;
            auto pruned = std::make_shared<qint64>(0);
            PendingWrite batch;
            batch.run = [pruned, beforeMs](WriteContext &context) -> std::expected<void, StoreError> {
                auto done = pruneReceipts(context, beforeMs);
                if (!done)
                    return std::unexpected(done.error());
                *pruned = *done;
                return {};
            };
            batch.succeed = [current, pruned] {
                current->sweep.receiptsPruned += *pruned;
                if (*pruned == receiptsPerPrune)
                    current->pruneNext();
                else
                    current->finish(current->sweep);
            };
            batch.fail = [current](const StoreError &error) { current->finish(std::unexpected(error)); };
            enqueue(std::move(batch));
        };
    }

    const auto staleAndIgnored = [=](WriteContext &context) -> Result<Sweep> {
        Sweep sweep;
        // A voice platform's call still open that nothing has arrived for in so long (by the event
        // times and by the time CallScope last wrote it: a replay of old events is not stale) lost its
        // end, a webhook that never came. A backend's own calls have no end to wait for.
        auto stale = context.prepared(
            u"UPDATE calls SET stale = 1 WHERE status IN ('queued', 'ringing', 'in_progress') AND stale = 0 "
            "AND merged_into IS NULL AND last_event_at < ? AND updated_at < ? AND provider <> 'backend' "
            "RETURNING id, tenant_id, provider, status, last_event_at"_s);
        if (!stale)
            return std::unexpected(stale.error());
        (*stale)->bind(0, staleBeforeMs);
        (*stale)->bind(1, staleBeforeMs);
        if (auto done = (*stale)->exec(); !done)
            return std::unexpected(done.error());
        struct StaleCall
        {
            qint64 id, tenantId;
            QString provider, status;
            qint64 lastEventAt;
        };
        QList<StaleCall> calls;
        while ((*stale)->next())
            calls.append({(*stale)->int64(0), (*stale)->int64(1), (*stale)->text(2), (*stale)->text(3),
                          (*stale)->int64(4)});
        (*stale)->finish();
        for (const StaleCall &call : std::as_const(calls)) {
            ErrorRecord error;
            error.source = u"stale"_s;
            error.code = u"stale_call"_s;
            error.type = u"stale"_s;
            error.provider = providerFromString(call.provider);
            const QString provider = error.provider ? providerDisplayName(*error.provider) : call.provider;
            error.message = u"the %1 call is still %2 but nothing has arrived for it since; its end may have "
                            "been lost"_s.arg(provider, QString(call.status).replace(u'_', u' '));
            error.callId = call.id;
            error.occurredAtMs = nowMs;
            if (auto recorded = context.recordError(call.tenantId, error); !recorded)
                return std::unexpected(recorded.error());
            context.changes().callIds.insert(call.id);
            context.changes().tenantIds.insert(call.tenantId);
            context.changes().kinds |= StoreChanges::Calls;
            ++sweep.staleCalls;
        }

        // An ignore that ran out of time: the group is back among the unresolved.
        auto expired = context.prepared(
            u"UPDATE error_groups SET status = 'unresolved', ignore_until = NULL, ignore_until_count = NULL, "
            "changed_by = 'CallScope', changed_at = ? WHERE status = 'ignored' AND ignore_until <= ? "
            "RETURNING id, tenant_id"_s);
        if (!expired)
            return std::unexpected(expired.error());
        (*expired)->bind(0, nowMs);
        (*expired)->bind(1, nowMs);
        if (auto done = (*expired)->exec(); !done)
            return std::unexpected(done.error());
        QList<std::pair<qint64, qint64>> groups;
        while ((*expired)->next())
            groups.append({(*expired)->int64(0), (*expired)->int64(1)});
        (*expired)->finish();
        for (const auto &[groupId, tenantId] : std::as_const(groups)) {
            if (auto done =
                    context.audit(tenantId, u"CallScope"_s, u"ignore_ended"_s, u"error_group"_s,
                                  QString::number(groupId), u"the time it was ignored until passed"_s);
                !done)
                return std::unexpected(done.error());
            context.changes().tenantIds.insert(tenantId);
            context.changes().kinds |= StoreChanges::Errors;
            ++sweep.ignoresEnded;
        }
        return sweep;
    };
    auto attempt = std::make_shared<Sweep>(); // of the last run of the job: it may run twice
    PendingWrite first;
    first.run = [attempt, staleAndIgnored](WriteContext &context) -> std::expected<void, StoreError> {
        auto done = staleAndIgnored(context);
        if (!done)
            return std::unexpected(done.error());
        *attempt = *done;
        return {};
    };
    first.succeed = [run, attempt] {
        run->sweep = *attempt;
        if (run->pruneNext)
            run->pruneNext();
        else
            run->finish(run->sweep);
    };
    first.fail = [run](const StoreError &error) { run->finish(std::unexpected(error)); };
    enqueue(std::move(first));
    return future;
}

namespace {

// Answers bodies up to this size are kept with the request and its attempt.
constexpr qsizetype maxKeptResponse = 64 * 1024;

QVariant kept(const QByteArray &body)
{
    if (body.isEmpty())
        return {};
    return QString::fromUtf8(body.left(maxKeptResponse));
}

} // namespace

QFuture<Store::Result<std::optional<CallbackHandoff>>> Store::claimNextCallback(const QString &claimant,
                                                                                qint64 nowMs)
{
    using Claimed = std::optional<CallbackHandoff>;
    return write<Claimed>([=](WriteContext &context) -> Result<Claimed> {
        // The row lock of FOR UPDATE SKIP LOCKED lets a second desktop on the same PostgreSQL
        // database claim the next request instead of waiting for (and then losing) this one.
        const QString lock = context.isSqlite() ? QString() : u" FOR UPDATE SKIP LOCKED"_s;
        auto claim = context.prepared(
            u"UPDATE callback_requests SET status = 'posting', attempts = attempts + 1, claimed_by = ?, "
            "claimed_at = ?, updated_at = ? WHERE id = (SELECT id FROM callback_requests WHERE status = "
            "'pending' OR (status = 'failed' AND next_attempt_at <= ?) ORDER BY urgency_rank DESC, "
            "created_at, id LIMIT 1"_s +
            lock + u") RETURNING id, attempts"_s);
        if (!claim)
            return std::unexpected(claim.error());
        (*claim)->bind(0, claimant);
        (*claim)->bind(1, nowMs);
        (*claim)->bind(2, nowMs);
        (*claim)->bind(3, nowMs);
        if (auto done = (*claim)->exec(); !done)
            return std::unexpected(done.error());
        if (!(*claim)->next()) {
            (*claim)->finish();
            return Claimed();
        }
        CallbackHandoff handoff;
        handoff.id = (*claim)->int64(0);
        handoff.attempt = int((*claim)->int64(1));
        (*claim)->finish();

        auto read = context.prepared(
            u"SELECT c.uuid, t.slug, c.callback_number, c.caller_name, c.concern, c.details, c.urgency, "
            "calls.uuid, c.created_at, c.tenant_id FROM callback_requests c JOIN tenants t ON t.id = "
            "c.tenant_id "
            "LEFT JOIN calls ON calls.id = c.call_id WHERE c.id = ?"_s);
        if (!read)
            return std::unexpected(read.error());
        (*read)->bind(0, handoff.id);
        if (auto done = (*read)->exec(); !done)
            return std::unexpected(done.error());
        if (!(*read)->next())
            return std::unexpected(
                StoreError{StoreError::Kind::Statement, u"the claimed request vanished"_s});
        handoff.uuid = (*read)->text(0);
        handoff.tenantSlug = (*read)->text(1);
        handoff.callbackNumber = (*read)->text(2);
        handoff.callerName = (*read)->text(3);
        handoff.concern = (*read)->text(4);
        handoff.detailsJson = (*read)->text(5).toUtf8();
        handoff.urgency = urgencyFromString((*read)->text(6)).value_or(Urgency::Normal);
        handoff.callUuid = (*read)->text(7);
        handoff.createdAt = (*read)->int64(8);
        const qint64 tenant = (*read)->int64(9);
        (*read)->finish();

        if (auto done = context.execute(u"INSERT INTO callback_attempts (tenant_id, callback_id, attempt, "
                                        "started_at) VALUES (?, ?, ?, ?)"_s,
                                        {tenant, handoff.id, handoff.attempt, nowMs});
            !done)
            return std::unexpected(done.error());
        context.changes().tenantIds.insert(tenant);
        context.changes().kinds |= StoreChanges::Callbacks;
        return Claimed(handoff);
    });
}

QFuture<Store::Result<QString>> Store::finishCallbackAttempt(const CallbackHandoff &handoff,
                                                             const QString &claimant,
                                                             const CallbackAttemptOutcome &outcome,
                                                             const QList<std::chrono::milliseconds> &backoff,
                                                             qint64 nowMs)
{
    return write<QString>([=](WriteContext &context) -> Result<QString> {
        auto select = context.prepared(u"SELECT tenant_id, status, attempts, schedule_start, claimed_by "
                                       "FROM callback_requests WHERE id = ?"_s);
        if (!select)
            return std::unexpected(select.error());
        (*select)->bind(0, handoff.id);
        if (auto done = (*select)->exec(); !done)
            return std::unexpected(done.error());
        if (!(*select)->next())
            return std::unexpected(
                StoreError{StoreError::Kind::NotFound, u"no callback request %1"_s.arg(handoff.uuid)});
        const qint64 tenant = (*select)->int64(0);
        QString status = (*select)->text(1);
        const qint64 attempts = (*select)->int64(2);
        const qint64 scheduleStart = (*select)->int64(3);
        const bool stillOurs = status == "posting"_L1 && (*select)->text(4) == claimant;
        (*select)->finish();

        if (auto done = context.execute(
                u"UPDATE callback_attempts SET finished_at = ?, result = ?, http_status = ?, error = ?, "
                "response = ? WHERE callback_id = ? AND attempt = ? AND finished_at IS NULL"_s,
                {nowMs, outcome.success ? u"posted"_s : u"failed"_s,
                 outcome.httpStatus ? QVariant(*outcome.httpStatus) : QVariant(), nullable(outcome.error),
                 kept(outcome.response), handoff.id, handoff.attempt});
            !done)
            return std::unexpected(done.error());

        if (stillOurs) {
            if (outcome.success) {
                status = u"posted"_s;
                if (auto done = context.execute(
                        u"UPDATE callback_requests SET status = 'posted', response = ?, last_error = NULL, "
                        "next_attempt_at = NULL, claimed_by = NULL, claimed_at = NULL, updated_at = ? WHERE id = ?"_s,
                        {kept(outcome.response), nowMs, handoff.id});
                    !done)
                    return std::unexpected(done.error());
            } else {
                // n attempts of this schedule failed: the n-th delay follows, or none is left.
                const qint64 n = std::max<qint64>(1, attempts - scheduleStart);
                const bool dead = n > backoff.size();
                status = dead ? u"dead"_s : u"failed"_s;
                const QVariant next = dead ? QVariant() : QVariant(nowMs + qint64(backoff.at(n - 1).count()));
                if (auto done = context.execute(
                        u"UPDATE callback_requests SET status = ?, last_error = ?, next_attempt_at = ?, "
                        "claimed_by = NULL, claimed_at = NULL, updated_at = ? WHERE id = ?"_s,
                        {status, nullable(outcome.error), next, nowMs, handoff.id});
                    !done)
                    return std::unexpected(done.error());
            }
        }
        context.changes().tenantIds.insert(tenant);
        context.changes().kinds |= StoreChanges::Callbacks;
        return status;
    });
}

QFuture<Store::Result<int>> Store::releaseAbandonedCallbacks(AbandonedClaim abandoned, const QString &actor,
                                                             qint64 nowMs)
{
    return write<int>([=](WriteContext &context) -> Result<int> {
        auto select = context.prepared(
            u"SELECT id, tenant_id, attempts, claimed_by, claimed_at FROM callback_requests WHERE status = "
            "'posting'"_s);
        if (!select)
            return std::unexpected(select.error());
        if (auto done = (*select)->exec(); !done)
            return std::unexpected(done.error());
        struct Claim
        {
            qint64 id, tenant, attempt;
            QString claimedBy;
        };
        QList<Claim> gone;
        while ((*select)->next()) {
            const QString claimedBy = (*select)->text(3);
            if (abandoned(claimedBy, (*select)->int64(4)))
                gone.append({(*select)->int64(0), (*select)->int64(1), (*select)->int64(2), claimedBy});
        }
        (*select)->finish();
        for (const Claim &claim : std::as_const(gone)) {
            if (auto done = context.execute(
                    u"UPDATE callback_requests SET status = 'pending', claimed_by = NULL, claimed_at = NULL, "
                    "schedule_start = schedule_start + 1, updated_at = ? "
                    "WHERE id = ? AND status = 'posting' AND claimed_by = ?"_s,
                    {nowMs, claim.id, claim.claimedBy});
                !done)
                return std::unexpected(done.error());
            if (auto done = context.execute(
                    u"UPDATE callback_attempts SET finished_at = ?, result = 'abandoned', error = ? "
                    "WHERE callback_id = ? AND attempt = ? AND finished_at IS NULL"_s,
                    {nowMs, u"%1 stopped while posting"_s.arg(claim.claimedBy), claim.id, claim.attempt});
                !done)
                return std::unexpected(done.error());
            if (auto done = context.audit(claim.tenant, actor, u"released"_s, u"callback"_s,
                                          QString::number(claim.id), claim.claimedBy);
                !done)
                return std::unexpected(done.error());
            context.changes().tenantIds.insert(claim.tenant);
            context.changes().kinds |= StoreChanges::Callbacks | StoreChanges::CallbacksDue;
        }
        return int(gone.size());
    });
}

QFuture<Store::Result<bool>> Store::recordCallbackAction(const QString &tenantSlug, const QString &uuid,
                                                         const QString &action, const QString &detail,
                                                         const QString &actor)
{
    return write<bool>([=](WriteContext &context) -> Result<bool> {
        auto found = findCallback(context, tenantSlug, uuid);
        if (!found)
            return std::unexpected(found.error());
        const qint64 tenant = found->tenant;
        const qint64 id = found->id;
        if (auto done = context.audit(tenant, actor, action, u"callback"_s, QString::number(id), detail);
            !done)
            return std::unexpected(done.error());
        context.changes().tenantIds.insert(tenant);
        context.changes().kinds |= StoreChanges::Callbacks;
        return true;
    });
}

} // namespace CallScope
