// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowbuffer.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

RowBuffer::RowBuffer(QString head, QString rowTemplate, int columns, QString tail, int rowsPerStatement)
    : m_head(std::move(head))
    , m_rowTemplate(std::move(rowTemplate))
    , m_tail(std::move(tail))
    , m_columns(columns)
    , m_rowsPerStatement(rowsPerStatement)
{}

void RowBuffer::add(const QVariantList &row)
{
    Q_ASSERT(row.size() == m_columns);
    m_values.append(row);
}

QString RowBuffer::statementFor(int rows) const
{
    QString sql = m_head;
    sql.reserve(m_head.size() + rows * (m_rowTemplate.size() + 1) + m_tail.size() + 1);
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            sql += u',';
        sql += m_rowTemplate;
    }
    if (!m_tail.isEmpty())
        sql += u' ' + m_tail;
    return sql;
}

std::expected<void, StoreError> RowBuffer::flush(QSqlDatabase &db,
                                                 const std::function<void(const SqlStatement &)> &onRow)
{
    if (m_lastRowWins && rowCount() > 1) {
        QHash<qint64, int> lastRow;
        for (int row = 0; row < rowCount(); ++row)
            lastRow.insert(m_values.at(qsizetype(row) * m_columns).toLongLong(), row);
        if (lastRow.size() < rowCount()) {
            QVariantList kept;
            kept.reserve(qsizetype(lastRow.size()) * m_columns);
            for (int row = 0; row < rowCount(); ++row) {
                if (lastRow.value(m_values.at(qsizetype(row) * m_columns).toLongLong()) == row)
                    kept.append(m_values.mid(qsizetype(row) * m_columns, m_columns));
            }
            m_values = std::move(kept);
        }
    }
    const int rows = rowCount();
    for (int done = 0; done < rows;) {
        const int chunk = std::min(m_rowsPerStatement, rows - done);
        auto &statement = m_statements[chunk];
        if (!statement) {
            auto prepared = SqlStatement::prepare(db, statementFor(chunk));
            if (!prepared)
                return std::unexpected(prepared.error());
            statement = std::move(*prepared);
        }
        const qsizetype first = qsizetype(done) * m_columns;
        for (qsizetype i = 0; i < qsizetype(chunk) * m_columns; ++i)
            statement->bind(int(i), m_values.at(first + i));
        if (auto result = statement->exec(); !result)
            return result;
        while (statement->next()) {
            if (onRow)
                onRow(*statement);
        }
        statement->finish();
        done += chunk;
    }
    m_values.clear();
    return {};
}

} // namespace CallScope
