// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqlstatement.h"
#include "storetypes.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <expected>
#include <functional>
#include <map>
#include <memory>

namespace CallScope {

// Collects rows for one table and writes them as multi-row statements: one round trip per chunk
// instead of one per row, which is what lets PostgreSQL keep up with group commit.
class RowBuffer
{
public:
    // `head` is the statement up to VALUES, `tail` what follows the rows (ON CONFLICT, RETURNING).
    // `rowTemplate` is one row's placeholders, e.g. "(?, ?, CAST(? AS BIGINT))".
    RowBuffer(QString head, QString rowTemplate, int columns, QString tail = {}, int rowsPerStatement = 200);

    // Keep only the last row for each value of the first (integer) column: an upsert may not touch
    // a row twice in one PostgreSQL statement.
    void setLastRowWinsByKey(bool enabled) { m_lastRowWins = enabled; }

    void add(const QVariantList &row);
    bool isEmpty() const { return m_values.isEmpty(); }
    int rowCount() const { return int(m_values.size() / m_columns); }
    void clear() { m_values.clear(); }

    // Writes every buffered row; `onRow` sees each row a RETURNING tail produced.
    std::expected<void, StoreError> flush(QSqlDatabase &db,
                                          const std::function<void(const SqlStatement &)> &onRow = {});
    // Forgets prepared statements (the connection was reopened).
    void resetStatements() { m_statements.clear(); }

private:
    QString statementFor(int rows) const;

    QString m_head;
    QString m_rowTemplate;
    QString m_tail;
    int m_columns;
    int m_rowsPerStatement;
    QVariantList m_values;
    bool m_lastRowWins = false;
    std::map<int, std::unique_ptr<SqlStatement>> m_statements; // by row count
};

} // namespace CallScope
