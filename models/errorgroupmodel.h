// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keyedtablemodel.h"
#include "storetypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <functional>
#include <optional>

class QTimer;

Q_DECLARE_METATYPE(CallScope::ErrorGroupRecord)

namespace CallScope {

class StoreReader;

// The error groups of one tenant as a table, most recently seen (or most frequent) first, each with
// its events per hour over the time range shown (or the last 24 hours) for a sparkline. The store's
// changes to the groups are applied as row inserts, removals, moves and updates (coalesced to one
// re-read per event-loop turn), so the selection stays on its group; a filter change is applied the
// same way. "Last seen" is relative to the model's clock and refreshed every 30 s.
//
// The model also watches the tenant's critical unresolved groups whatever the filters show: their
// number, and each one that appears (a new group, or a resolved one that came back as a regression).
class ErrorGroupModel : public KeyedTableModel<ErrorGroupRecord, qint64>
{
    Q_OBJECT

public:
    enum Column
    {
        Severity,
        Status,
        Error,
        Provider,
        Events,
        Calls,
        Trend,
        FirstSeen,
        LastSeen,
        ColumnCount
    };
    enum Role
    {
        RecordRole = Qt::UserRole + 1, // the ErrorGroupRecord
        SortRole,                      // the raw value: severity rank, counts, ms since the epoch
        GroupIdRole,
        StatusRole,
        SeverityRole,
        TrendRole, // QList<qint64>: events per hour over trendWindow(), oldest first
    };
    // Which events count: those of the last hour ... last 30 days, or all of them. Counted by the
    // hour (the store's roll-up): a range starts at the full hour before "now − span".
    enum class TimeRange
    {
        LastHour,
        Last24Hours,
        Last7Days,
        Last30Days,
        All,
    };
    using Clock = std::function<qint64()>; // epoch ms

    static constexpr qint64 hourMs = 3'600'000;

    explicit ErrorGroupModel(QObject *parent = nullptr);
    ~ErrorGroupModel() override;

    // Tests move time by hand; the default is the system clock.
    void setClock(Clock clock);
    qint64 now() const { return m_clock(); }
    // The store to read from (owned by the caller, used on this thread) and whose groups. Resets; the
    // critical groups found now are known, not new.
    void setReader(StoreReader *reader, TenantId tenant);

    // Empty strings list every status, severity, provider or function.
    void setStatusFilter(const QString &status);
    QString statusFilter() const { return m_query.status; }
    void setSeverityFilter(const QString &severity);
    QString severityFilter() const { return m_query.severity; }
    void setProviderFilter(const QString &provider);
    QString providerFilter() const { return m_query.provider; }
    void setFunctionFilter(const QString &functionName);
    QString functionFilter() const { return m_query.functionName; }
    void setTimeRange(TimeRange range);
    TimeRange timeRange() const { return m_range; }
    void setOrder(ErrorGroupOrder order);
    ErrorGroupOrder order() const { return m_query.order; }
    // Every filter at once (the view's filter bar): one re-read when any of them changed.
    struct Filters
    {
        QString status;
        QString severity;
        QString provider;
        QString functionName;
        TimeRange range = TimeRange::All;
        ErrorGroupOrder order = ErrorGroupOrder::LastSeen;
        bool operator==(const Filters &) const = default;
    };
    Filters filters() const;
    void setFilters(const Filters &filters);
    // Whether the filters are the defaults (unresolved, any severity, provider and function, all time).
    bool hasDefaultFilters() const;

    // The query the filters make as of `nowMs` (the range counted from the full hour).
    ErrorGroupQuery query(qint64 nowMs) const;
    // The hours the sparklines cover as of `nowMs`: [first hour, end), a multiple of an hour each.
    std::pair<qint64, qint64> trendWindow(qint64 nowMs) const;
    std::pair<qint64, qint64> trendWindow() const { return trendWindow(m_clock()); }

    const ErrorGroupRecord &groupAt(int row) const { return m_rows.at(row); }
    // The row of a group, -1 when it is not listed.
    int rowOfGroup(qint64 id) const { return m_rowOf.value(id, -1); }
    // Events per hour of the listed group over trendWindow(), oldest first.
    QList<qint64> trendOf(qint64 id) const { return m_trends.value(id); }
    // The tenant's unresolved critical groups (whatever the filters), at the last read.
    int criticalUnresolvedCount() const { return int(m_critical.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

public slots:
    // What a committed write changed: a change to this tenant's errors re-reads them on the next turn
    // of the event loop (several commits in one turn cost one read).
    void applyChanges(const CallScope::StoreChanges &changes);
    // Re-reads the groups now and applies the difference (what the benchmark times).
    void refresh();
    // The relative times as of now: one dataChanged per column; a new hour moves the window (re-read).
    void refreshTimes();

signals:
    // After every re-read (also one that changed nothing), for views that show more of a group.
    void refreshed();
    // A read failed, and why (the rows shown stay as they were).
    void readFailed(const QString &message);
    // The number of unresolved critical groups changed (and once after setReader()).
    void criticalCountChanged(int count);
    // Critical groups that became unresolved since the last read because they are new or came back
    // as a regression; never for the groups found by setReader().
    void criticalGroupsAppeared(const QList<CallScope::ErrorGroupRecord> &groups);

private:
    struct Read
    {
        QList<ErrorGroupRecord> rows;
        QHash<qint64, QList<qint64>> trends;
    };
    std::optional<Read> read();
    qint64 keyOf(const ErrorGroupRecord &group) const override { return group.id; }
    void applyRead(const Read &fresh);
    void readCritical(bool announce);
    QVariant display(const ErrorGroupRecord &group, int column) const;
    QVariant sortValue(const ErrorGroupRecord &group, int column) const;

    Clock m_clock;
    StoreReader *m_reader = nullptr;
    TenantId m_tenant;
    ErrorGroupQuery m_query;
    TimeRange m_range = TimeRange::All;
    QHash<qint64, QList<qint64>> m_trends;
    qint64 m_readHour = 0; // the hour of the last read: a new one moves the trend window
    // Critical groups at the last look: every one of them by id, and those unresolved (with their
    // regression mark), so that a new one and a regression are told from one reopened by hand.
    QSet<qint64> m_knownCritical;
    QHash<qint64, bool> m_critical;
    QTimer *m_coalesce = nullptr;
    QTimer *m_ticker = nullptr;
};

} // namespace CallScope
