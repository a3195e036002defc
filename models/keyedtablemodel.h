// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <algorithm>

namespace CallScope {

// A table of records that each have a key (a callback request's uuid, an error group's id), shown in
// the order the store reads them. A new read is applied as row removals, moves, inserts and in-place
// updates, never a reset: persistent indexes (the selection, the current row) follow their record,
// and a view scrolls nowhere. The live models of the callback queue and the errors view share it.
template<typename Row, typename Key> class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    virtual Key keyOf(const Row &row) const = 0;

    // The rows become `fresh` through removals, moves and inserts, in that order; a row whose record
    // `same(old, new)` says still shows the same is left alone, any other is updated in place with
    // one dataChanged over its columns.
    template<typename Same> void applyRows(const QList<Row> &fresh, Same same)
    {
        QHash<Key, int> wanted; // key -> row in `fresh`
        for (int row = 0; row < fresh.size(); ++row)
            wanted.insert(keyOf(fresh.at(row)), row);

        for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
            if (wanted.contains(keyOf(m_rows.at(row))))
                continue;
            const int last = row;
            while (row > 0 && !wanted.contains(keyOf(m_rows.at(row - 1))))
                --row;
            beginRemoveRows({}, row, last);
            m_rows.remove(row, last - row + 1);
            rebuildIndex();
            endRemoveRows();
        }

        for (int row = 0; row < fresh.size();) {
            const Row &want = fresh.at(row);
            const Key key = keyOf(want);
            if (row < m_rows.size() && keyOf(m_rows.at(row)) == key) {
                if (!same(m_rows.at(row), want)) {
                    m_rows[row] = want;
                    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
                }
                ++row;
                continue;
            }
            const int at = m_rowOf.value(key, -1);
            if (at < 0) {
                // New records, as one block when they come together.
                int end = row + 1;
                while (end < fresh.size() && !m_rowOf.contains(keyOf(fresh.at(end))))
                    ++end;
                beginInsertRows({}, row, end - 1);
                for (int i = row; i < end; ++i)
                    m_rows.insert(i, fresh.at(i));
                rebuildIndex();
                endInsertRows();
                row = end;
                continue;
            }
            if (row + 1 < m_rows.size() && keyOf(m_rows.at(row + 1)) == key) {
                // The record in the way is the one that moved (a request closed, a group happened
                // again): it goes to where it belongs instead of every row below it coming up.
                const int target = std::min(wanted.value(keyOf(m_rows.at(row))), int(m_rows.size()) - 1);
                beginMoveRows({}, row, row, {}, target + 1);
                m_rows.move(row, target);
                rebuildIndex();
                endMoveRows();
                continue;
            }
            beginMoveRows({}, at, at, {}, row);
            m_rows.move(at, row);
            rebuildIndex();
            endMoveRows();
        }
    }

    void rebuildIndex()
    {
        m_rowOf.clear();
        for (int row = 0; row < m_rows.size(); ++row)
            m_rowOf.insert(keyOf(m_rows.at(row)), row);
    }

    QList<Row> m_rows;
    QHash<Key, int> m_rowOf; // key -> row
};

} // namespace CallScope
