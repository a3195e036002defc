// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <expected>

namespace CallScope {

// Collects rows for one table and writes them as multi-row statements: one round trip per chunk
// instead of one per row, which is what lets PostgreSQL keep up with group commit.
class RowBuffer
{
public:
    // `head` is the statement up to VALUES, `tail` what follows the rows (an ON CONFLICT clause).
    // `rowTemplate` is one row's placeholders, e.g. "(?, ?, CAST(? AS BIGINT))".
    RowBuffer(QString head, QString rowTemplate, int columns, QString tail = {}, int rowsPerStatement = 200);

    // Keep only the last row for each value of the first (integer) column (an upsert may not touch a row twice
    // in one PostgreSQL statement).
    void setLastRowWinsByKey(bool enabled) { m_lastRowWins = enabled; }

    void add(const QVariantList &row);
    bool isEmpty() const { return m_values.isEmpty(); }
    int rowCount() const { return int(m_values.size() / m_columns); }
    void clear() { m_values.clear(); }

    std::expected<void, StoreError> flush(QSqlDatabase &db);

private:
    QString statementFor(int rows) const;

    QString m_head;
    QString m_rowTemplate;
    QString m_tail;
    int m_columns;
    int m_rowsPerStatement;
    QVariantList m_values;
    QString m_fullStatement;
    bool m_lastRowWins = false;
};

} // namespace CallScope
