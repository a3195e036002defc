// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <expected>
#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;
struct pg_conn;
struct pg_result;

namespace CallScope {

// A prepared statement of the writer, talking to the C API under Qt's own connection.
// SQLite: Qt's QSQLITE binder formats a placeholder name and copies a QVariant per bound value,
// which cost three times the INSERT itself (measured: 215k vs 885k rows/s).
// PostgreSQL: Qt's QPSQL runs a prepared statement as the SQL text `EXECUTE name('v1', 'v2', ...)`,
// so the server lexes and parses every value again; libpq's PQexecPrepared sends them as protocol
// parameters. Placeholders are `?` in both; they become $1..$n for PostgreSQL.
class SqlStatement
{
public:
    static std::expected<std::unique_ptr<SqlStatement>, StoreError> prepare(QSqlDatabase &db,
                                                                            const QString &sql);
    ~SqlStatement();
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    // 0-based, like QSqlQuery::bindValue. A null or invalid QVariant binds SQL NULL.
    void bind(int index, const QVariant &value);

    // Runs the statement with the values bound; rows (RETURNING, SELECT) are read with next().
    std::expected<void, StoreError> exec();
    bool next();
    QVariant value(int column) const;
    qint64 int64(int column) const;
    QString text(int column) const;
    // Ends reading and releases the statement's locks; it can be bound and run again.
    void finish();

    const QString &sql() const { return m_sql; }

private:
    SqlStatement() = default;
    StoreError sqliteError(int code) const;

    StoreError postgresError(const QString &what) const;
    void clearResult();

    QString m_sql;
    // SQLite
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_rowPending = false; // the first row, stepped to by exec(), not yet read by next()
    bool m_hasRow = false;
    // PostgreSQL
    pg_conn *m_pg = nullptr;
    QByteArray m_pgName;
    QList<QByteArray> m_pgValues;
    QList<bool> m_pgNull;
    QList<int> m_pgFormats; // 0 text, 1 binary (bytea)
    pg_result *m_pgResult = nullptr;
    int m_pgRow = -1;
    // Any other driver
    std::optional<QSqlQuery> m_query;
};

} // namespace CallScope
