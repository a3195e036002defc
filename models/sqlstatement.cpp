// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlstatement.h"

#include "sqlconnection.h"

#include <QSqlDriver>
#include <QVarLengthArray>

#include <atomic>
#include <libpq-fe.h>
#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

sqlite3 *sqliteHandle(QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(handle.constData());
    return nullptr;
}

PGconn *postgresHandle(QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    // Registered under the struct's name (pg_conn*) or the typedef's, depending on the Qt build.
    if (handle.isValid() &&
        (qstrcmp(handle.typeName(), "pg_conn*") == 0 || qstrcmp(handle.typeName(), "PGconn*") == 0))
        return *static_cast<PGconn *const *>(handle.constData());
    return nullptr;
}

// `?` placeholders to $1..$n, leaving quoted text alone.
QByteArray numberedPlaceholders(const QString &sql, int *count)
{
    const QByteArray in = sql.toUtf8();
    QByteArray out;
    out.reserve(in.size() + in.size() / 4);
    char quote = 0;
    int n = 0;
    for (const char c : in) {
        if (quote) {
            quote = c == quote ? 0 : quote;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            out += '$' + QByteArray::number(++n);
        } else {
            out += c;
        }
    }
    *count = n;
    return out;
}

} // namespace

std::expected<std::unique_ptr<SqlStatement>, StoreError> SqlStatement::prepare(QSqlDatabase &db,
                                                                               const QString &sql)
{
    std::unique_ptr<SqlStatement> statement(new SqlStatement);
    statement->m_sql = sql;
    if (sqlite3 *handle = sqliteHandle(db)) {
        statement->m_db = handle;
        const QByteArray utf8 = sql.toUtf8();
        const int rc = sqlite3_prepare_v3(handle, utf8.constData(), int(utf8.size()),
                                          SQLITE_PREPARE_PERSISTENT, &statement->m_stmt, nullptr);
        if (rc != SQLITE_OK)
            return std::unexpected(statement->sqliteError(rc));
        return statement;
    }
    if (PGconn *connection = postgresHandle(db)) {
        static std::atomic<quint64> counter = 0;
        statement->m_pg = connection;
        statement->m_pgName = "callscope_" + QByteArray::number(counter.fetch_add(1));
        int parameters = 0;
        const QByteArray text = numberedPlaceholders(sql, &parameters);
        PGresult *result =
            PQprepare(connection, statement->m_pgName.constData(), text.constData(), parameters, nullptr);
        const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
        statement->m_pgResult = result;
        if (!ok) {
            const StoreError error = statement->postgresError(u"prepare"_s);
            statement->clearResult();
            statement->m_pgName.clear();
            return std::unexpected(error);
        }
        statement->clearResult();
        statement->m_pgValues.resize(parameters);
        statement->m_pgNull = QList<bool>(parameters, true);
        statement->m_pgFormats = QList<int>(parameters, 0);
        return statement;
    }
    statement->m_query.emplace(db);
    statement->m_query->setForwardOnly(true);
    if (!statement->m_query->prepare(sql))
        return std::unexpected(SqlConnection::errorFrom(*statement->m_query));
    return statement;
}

SqlStatement::~SqlStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
    clearResult();
    if (m_pg && !m_pgName.isEmpty() && PQstatus(m_pg) == CONNECTION_OK &&
        PQtransactionStatus(m_pg) == PQTRANS_IDLE) {
        // Prepared statements live as long as the session; free the ones we drop.
        PQclear(PQexec(m_pg, QByteArray("DEALLOCATE " + m_pgName).constData()));
    }
}

void SqlStatement::clearResult()
{
    if (m_pgResult) {
        PQclear(m_pgResult);
        m_pgResult = nullptr;
    }
    m_pgRow = -1;
}

void SqlStatement::bind(int index, const QVariant &value)
{
    if (m_query) {
        m_query->bindValue(index, value);
        return;
    }
    if (m_pg) {
        if (index < 0 || index >= m_pgValues.size())
            return;
        m_pgNull[index] = value.isNull();
        m_pgFormats[index] = 0;
        if (value.isNull()) {
            m_pgValues[index].clear();
        } else if (value.typeId() == QMetaType::QByteArray) {
            m_pgValues[index] = value.toByteArray(); // raw bytes, sent in binary format
            m_pgFormats[index] = 1;
        } else if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Float) {
            m_pgValues[index] = QByteArray::number(value.toDouble(), 'g', 17);
        } else if (value.typeId() == QMetaType::Bool) {
            m_pgValues[index] = value.toBool() ? "t" : "f";
        } else {
            m_pgValues[index] = value.toString().toUtf8();
        }
        return;
    }
    if (m_rowPending || m_hasRow)
        finish();
    const int position = index + 1;
    if (value.isNull()) {
        sqlite3_bind_null(m_stmt, position);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::Bool:
        sqlite3_bind_int64(m_stmt, position, value.toLongLong());
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        sqlite3_bind_double(m_stmt, position, value.toDouble());
        break;
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        sqlite3_bind_blob64(m_stmt, position, bytes.constData(), sqlite3_uint64(bytes.size()),
                            SQLITE_TRANSIENT);
        break;
    }
    case QMetaType::QString: {
        // UTF-16 as it is: SQLite converts once, into its page, with no QByteArray in between.
        const QString &text = *static_cast<const QString *>(value.constData());
        sqlite3_bind_text16(m_stmt, position, text.utf16(), int(text.size() * 2), SQLITE_TRANSIENT);
        break;
    }
    default: {
        const QString text = value.toString();
        sqlite3_bind_text16(m_stmt, position, text.utf16(), int(text.size() * 2), SQLITE_TRANSIENT);
        break;
    }
    }
}

std::expected<void, StoreError> SqlStatement::exec()
{
    if (m_query)
        return SqlConnection::exec(*m_query);
    if (m_pg) {
        clearResult();
        const int n = int(m_pgValues.size());
        QVarLengthArray<const char *, 64> values(n);
        QVarLengthArray<int, 64> lengths(n);
        for (int i = 0; i < n; ++i) {
            values[i] = m_pgNull.at(i) ? nullptr : m_pgValues.at(i).constData();
            lengths[i] = int(m_pgValues.at(i).size());
        }
        m_pgResult = PQexecPrepared(m_pg, m_pgName.constData(), n, values.data(), lengths.data(),
                                    m_pgFormats.constData(), 0);
        const ExecStatusType status = PQresultStatus(m_pgResult);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            const StoreError error = postgresError(u"exec"_s);
            clearResult();
            return std::unexpected(error);
        }
        return {};
    }
    m_rowPending = false;
    m_hasRow = false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_rowPending = true;
        return {};
    }
    if (rc == SQLITE_DONE) {
        sqlite3_reset(m_stmt);
        return {};
    }
    const StoreError error = sqliteError(rc);
    sqlite3_reset(m_stmt);
    return std::unexpected(error);
}

bool SqlStatement::next()
{
    if (m_query)
        return m_query->next();
    if (m_pg)
        return m_pgResult && ++m_pgRow < PQntuples(m_pgResult);
    if (m_rowPending) {
        m_rowPending = false;
        m_hasRow = true;
        return true;
    }
    if (!m_hasRow)
        return false;
    if (sqlite3_step(m_stmt) == SQLITE_ROW)
        return true;
    m_hasRow = false;
    sqlite3_reset(m_stmt);
    return false;
}

QVariant SqlStatement::value(int column) const
{
    if (m_query)
        return m_query->value(column);
    if (m_pg) {
        if (!m_pgResult || PQgetisnull(m_pgResult, m_pgRow, column))
            return QVariant();
        const char *raw = PQgetvalue(m_pgResult, m_pgRow, column);
        switch (PQftype(m_pgResult, column)) {
        case 20: // int8
        case 21: // int2
        case 23: // int4
            return QVariant(qint64(QByteArrayView(raw).toLongLong()));
        case 700: // float4
        case 701: // float8
            return QVariant(QByteArrayView(raw).toDouble());
        case 17: { // bytea, text format: \x followed by hex
            const QByteArray hex(raw + 2, qMax(0, PQgetlength(m_pgResult, m_pgRow, column) - 2));
            return QVariant(QByteArray::fromHex(hex));
        }
        default:
            return QVariant(text(column));
        }
    }
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_stmt, column));
    case SQLITE_TEXT:
        return QVariant(text(column));
    case SQLITE_BLOB:
        return QVariant(QByteArray(static_cast<const char *>(sqlite3_column_blob(m_stmt, column)),
                                   sqlite3_column_bytes(m_stmt, column)));
    default:
        return QVariant();
    }
}

qint64 SqlStatement::int64(int column) const
{
    if (m_query)
        return m_query->value(column).toLongLong();
    if (m_pg)
        return m_pgResult ? QByteArrayView(PQgetvalue(m_pgResult, m_pgRow, column)).toLongLong() : 0;
    return sqlite3_column_int64(m_stmt, column);
}

QString SqlStatement::text(int column) const
{
    if (m_query)
        return m_query->value(column).toString();
    if (m_pg) {
        if (!m_pgResult || PQgetisnull(m_pgResult, m_pgRow, column))
            return QString();
        return QString::fromUtf8(PQgetvalue(m_pgResult, m_pgRow, column),
                                 PQgetlength(m_pgResult, m_pgRow, column));
    }
    const auto *data = static_cast<const char16_t *>(sqlite3_column_text16(m_stmt, column));
    return data ? QString::fromUtf16(data, sqlite3_column_bytes16(m_stmt, column) / 2) : QString();
}

void SqlStatement::finish()
{
    if (m_query) {
        m_query->finish();
        return;
    }
    if (m_pg) {
        clearResult();
        return;
    }
    m_rowPending = false;
    m_hasRow = false;
    sqlite3_reset(m_stmt);
}

StoreError SqlStatement::postgresError(const QString &what) const
{
    const char *state = m_pgResult ? PQresultErrorField(m_pgResult, PG_DIAG_SQLSTATE) : nullptr;
    const QByteArray sqlState = state ? QByteArray(state) : QByteArray();
    // Class 08 is a connection exception, 57P0x the server shutting down, 53 out of resources.
    const bool unavailable = PQstatus(m_pg) != CONNECTION_OK || sqlState.startsWith("08") ||
                             sqlState.startsWith("57P0") || sqlState.startsWith("53");
    QString message =
        QString::fromUtf8(m_pgResult ? PQresultErrorMessage(m_pgResult) : PQerrorMessage(m_pg)).trimmed();
    if (message.isEmpty())
        message = QString::fromUtf8(PQerrorMessage(m_pg)).trimmed();
    return StoreError{unavailable ? StoreError::Kind::Unavailable : StoreError::Kind::Statement,
                      u"%1 %2: %3"_s.arg(what, m_sql.simplified().section(u' ', 0, 3), message)};
}

StoreError SqlStatement::sqliteError(int code) const
{
    const int primary = code & 0xff;
    const bool unavailable = primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_IOERR ||
                             primary == SQLITE_FULL || primary == SQLITE_CANTOPEN ||
                             primary == SQLITE_NOMEM || primary == SQLITE_READONLY ||
                             primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    return StoreError{unavailable ? StoreError::Kind::Unavailable : StoreError::Kind::Statement,
                      u"%1: %2"_s.arg(m_sql.simplified().section(u' ', 0, 3), message)};
}

} // namespace CallScope
