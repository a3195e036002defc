// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keyedtablemodel.h"
#include "storetypes.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>
#include <optional>

class QTimer;

Q_DECLARE_METATYPE(CallScope::CallbackRecord)

namespace CallScope {

class StoreReader;

// The callback queue of one tenant as a table, in the store's queue order: open requests first,
// critical > urgent > normal, then oldest first. The store's changes to the queue are applied as
// row inserts, removals, moves and updates (coalesced to one re-read per event-loop turn), so the
// selection stays on its request; a filter change is applied the same way. "Waiting" and "Next
// attempt" are relative to the model's clock and refreshed every 30 s.
class CallbackQueueModel : public KeyedTableModel<CallbackRecord, QString>
{
    Q_OBJECT

public:
    enum Column
    {
        Urgency,
        Name,
        Number,
        Concern,
        Waiting,
        Attempts,
        NextAttempt,
        State,
        FromCall,
        ColumnCount
    };
    enum Role
    {
        RecordRole = Qt::UserRole + 1, // the CallbackRecord
        SortRole,                      // the raw value: urgency rank, ms since the epoch, counts, status
        UuidRole,
        StatusRole,
        CallIdRole, // the call the request came from first, 0 when none
    };
    // Which states the list shows. Open is pending, posting, posted and failed (the default).
    enum class StateFilter
    {
        Open,
        Closed, // dead, cancelled, completed
        All,
        Pending,
        Posting,
        Posted,
        Failed,
        Dead,
        Cancelled,
        Completed,
    };
    using Clock = std::function<qint64()>; // epoch ms

    explicit CallbackQueueModel(QObject *parent = nullptr);
    ~CallbackQueueModel() override;

    // Tests move time by hand; the default is the system clock.
    void setClock(Clock clock);
    qint64 now() const { return m_clock(); }
    // The store to read from (owned by the caller, used on this thread) and whose queue. Resets.
    void setReader(StoreReader *reader, TenantId tenant);
    void setStateFilter(StateFilter filter);
    StateFilter stateFilter() const { return m_stateFilter; }
    void setUrgencyFilter(std::optional<CallScope::Urgency> urgency);
    std::optional<CallScope::Urgency> urgencyFilter() const { return m_urgencyFilter; }
    static QStringList statusesOf(StateFilter filter);

    const CallbackRecord &requestAt(int row) const { return m_rows.at(row); }
    // The row of a request, -1 when it is not listed.
    int rowOfRequest(const QString &uuid) const { return m_rowOf.value(uuid, -1); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    // What a committed write changed: a change to this tenant's queue re-reads it on the next turn of
    // the event loop (several commits in one turn cost one read).
    void applyChanges(const CallScope::StoreChanges &changes);
    // Re-reads the queue now and applies the difference.
    void refresh();
    // The relative times ("12 min", "in 4 min") as of now: one dataChanged per column.
    void refreshTimes();

signals:
    // After every re-read (also one that changed nothing), for views that show more of the queue.
    void refreshed();
    // A read failed, and why (the rows shown stay as they were).
    void readFailed(const QString &message);

private:
    std::optional<QList<CallbackRecord>> read();
    QString keyOf(const CallbackRecord &request) const override { return request.uuid; }
    QVariant display(const CallbackRecord &request, int column) const;

    Clock m_clock;
    StoreReader *m_reader = nullptr;
    TenantId m_tenant;
    StateFilter m_stateFilter = StateFilter::Open;
    std::optional<CallScope::Urgency> m_urgencyFilter;
    QTimer *m_coalesce = nullptr;
    QTimer *m_ticker = nullptr;
};

} // namespace CallScope
