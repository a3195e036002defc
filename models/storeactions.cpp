// SPDX-License-Identifier: GPL-3.0-or-later
// The state machines that staff and the API move: callback requests and error groups.
#include "store.h"
#include "writecontext.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

const QStringList openCallbackStates{u"pending"_s, u"posting"_s, u"posted"_s, u"failed"_s};

StoreError conflict(const QString &message)
{
    return StoreError{StoreError::Kind::Conflict, message};
}

std::expected<void, StoreError> execute(WriteContext &context, const QString &sql, const QVariantList &values)
{
    auto statement = context.prepared(sql);
    if (!statement)
        return std::unexpected(statement.error());
    for (int i = 0; i < values.size(); ++i)
        (*statement)->bind(i, values.at(i));
    return (*statement)->exec();
}

std::expected<void, StoreError> audit(WriteContext &context, qint64 tenantId, const QString &actor,
                                      const QString &action, const QString &entity, const QString &entityId,
                                      const QString &detail)
{
    return execute(context,
                   u"INSERT INTO audit_log (tenant_id, at, actor, action, entity, entity_id, detail) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                   {tenantId, QDateTime::currentMSecsSinceEpoch(), actor, action, entity, entityId,
                    detail.isEmpty() ? QVariant() : QVariant(detail)});
}

} // namespace

QFuture<Store::Result<bool>> Store::callbackAction(const QString &tenantSlug, const QString &uuid,
                                                   CallbackAction action, const QString &text,
                                                   const QString &actor)
{
    return write<bool>([=](WriteContext &context) -> Result<bool> {
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
            return std::unexpected(
                StoreError{StoreError::Kind::NotFound, u"no callback request %1"_s.arg(uuid)});
        const qint64 id = (*select)->int64(0);
        const QString status = (*select)->text(1);
        const QString number = (*select)->text(2);
        (*select)->finish();
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
            (*open)->bind(0, *tenant);
            (*open)->bind(1, number);
            (*open)->bind(2, id);
            if (auto done = (*open)->exec(); !done)
                return std::unexpected(done.error());
            const bool another = (*open)->next();
            (*open)->finish();
            if (another)
                return std::unexpected(conflict(u"another request for this number is open"_s));
            if (auto done = execute(context,
                                    u"UPDATE callback_requests SET status = 'pending', next_attempt_at = ?, "
                                    "closed_at = NULL, updated_at = ? WHERE id = ?"_s,
                                    {now, now, id});
                !done)
                return std::unexpected(done.error());
            break;
        }
        case CallbackAction::Cancel:
        case CallbackAction::Complete: {
            const bool cancel = action == CallbackAction::Cancel;
            name = cancel ? u"cancel"_s : u"complete"_s;
            if (!openCallbackStates.contains(status))
                return std::unexpected(conflict(u"a %1 request is closed already"_s.arg(status)));
            if (auto done = execute(
                    context,
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
        if (auto done = audit(context, *tenant, actor, name, u"callback"_s, QString::number(id), text); !done)
            return std::unexpected(done.error());
        context.changes().tenantIds.insert(*tenant);
        context.changes().kinds |= StoreChanges::Callbacks;
        return true;
    });
}

QFuture<Store::Result<bool>> Store::errorGroupAction(const QString &tenantSlug, qint64 groupId,
                                                     ErrorGroupAction action, const QString &actor)
{
    return write<bool>([=](WriteContext &context) -> Result<bool> {
        auto tenant = context.tenantId(tenantSlug);
        if (!tenant)
            return std::unexpected(tenant.error());
        auto select =
            context.prepared(u"SELECT status, regression FROM error_groups WHERE tenant_id = ? AND id = ?"_s);
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
        (*select)->finish();

        const QString target = action == ErrorGroupAction::Resolve  ? u"resolved"_s
                               : action == ErrorGroupAction::Ignore ? u"ignored"_s
                                                                    : u"unresolved"_s;
        // Reopening a regression (unresolved again by itself) acknowledges it: the flag goes.
        const bool allowed =
            action == ErrorGroupAction::Reopen ? status != "unresolved"_L1 || regression : status != target;
        if (!allowed)
            return std::unexpected(conflict(u"the group is %1 already"_s.arg(status)));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (auto done = execute(
                context,
                action == ErrorGroupAction::Reopen
                    ? u"UPDATE error_groups SET status = ?, regression = 0, changed_by = ?, changed_at = ? "
                      "WHERE id = ?"_s
                    : u"UPDATE error_groups SET status = ?, changed_by = ?, changed_at = ? WHERE id = ?"_s,
                {target, actor, now, groupId});
            !done)
            return std::unexpected(done.error());
        const QString name = action == ErrorGroupAction::Resolve  ? u"resolve"_s
                             : action == ErrorGroupAction::Ignore ? u"ignore"_s
                                                                  : u"reopen"_s;
        if (auto done = audit(context, *tenant, actor, name, u"error_group"_s, QString::number(groupId), {});
            !done)
            return std::unexpected(done.error());
        context.changes().tenantIds.insert(*tenant);
        context.changes().kinds |= StoreChanges::Errors;
        return true;
    });
}

} // namespace CallScope
