// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QAbstractTableModel>
#include <QHash>

namespace CallScope {

class StoreReader;

// The calls of one tenant as a table, newest first unless sorted otherwise, read from the store a
// page at a time (canFetchMore/fetchMore with a keyset cursor: a page costs the same on the
// millionth row as on the first). Calls the store reports as changed are re-read in place; new calls
// that pass the filter are inserted where they belong in the loaded range, so a selection and the
// rows on screen stay put. Display values are formatted text; SortRole gives the raw values.
class CallListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Started,
        Provider,
        Direction,
        Caller,
        Callee,
        Agent,
        Duration,
        Status,
        Outcome,
        Functions,
        Errors,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // the raw value: ms since the epoch, ms, counts, enum names
        CallIdRole,
        OutcomeRole, // the outcome's API name, empty while there is none
    };

    explicit CallListModel(QObject *parent = nullptr);
    ~CallListModel() override;

    // The store to read from (owned by the caller, used on this thread) and whose calls. Resets.
    void setReader(StoreReader *reader, TenantId tenant);
    TenantId tenant() const { return m_tenant; }
    // The filter and search; its cursor, order and limit fields are the model's own. Resets.
    void setFilter(const CallQuery &filter);
    CallQuery filter() const { return m_filter; }
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    const CallSummary &callAt(int row) const { return m_rows.at(row); }
    // The row of a call, -1 when it is not loaded.
    int rowOfCall(qint64 callId) const { return m_rowOf.value(callId, -1); }
    // Why the last read failed (the rows loaded so far stay); empty after a successful one.
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static CallOrder orderOf(int column);
    // A status in words, marked when the call went stale.
    static QString statusText(CallStatus status, bool stale);
    // A duration for the list's column: "2:16", "1:02:05".
    static QString durationText(std::optional<qint64> ms);

public slots:
    // What a committed write changed: re-reads the loaded calls among them, inserts new ones that
    // pass the filter, removes loaded ones that are no longer listed (a carrier leg merged into its
    // platform call).
    void applyChanges(const CallScope::StoreChanges &changes);

private:
    // The filter for a page: no id restriction, a page's rows.
    CallQuery pageQuery() const;
    std::optional<QList<CallSummary>> read(CallQuery query);
    void resetRows();
    void rebuildIndex(int fromRow);
    bool before(const CallSummary &a, const CallSummary &b) const; // a comes before b in this order
    QVariant display(const CallSummary &call, int column) const;

    StoreReader *m_reader = nullptr;
    TenantId m_tenant;
    CallQuery m_filter;
    CallOrder m_order = CallOrder::StartedAt;
    bool m_ascending = false;
    int m_pageSize = 100;
    QList<CallSummary> m_rows;
    QHash<qint64, int> m_rowOf;
    bool m_atEnd = true;
    bool m_changing = false;
    QString m_lastError;
};

} // namespace CallScope
