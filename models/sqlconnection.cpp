// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlconnection.h"

#include "logging.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

bool isConnectionError(const QSqlError &error)
{
    return error.type() == QSqlError::ConnectionError;
}

QString firstWords(const QString &sql)
{
    return sql.simplified().section(u' ', 0, 3);
}

} // namespace

std::expected<QSqlDatabase, StoreError> SqlConnection::open(const DatabaseUrl &url, const QString &password,
                                                            const QString &connectionName, Role role)
{
    if (url.isSqlite()) {
        const QFileInfo info(url.path);
        // Calls hold phone numbers and what callers said: the folder and file CallScope creates are
        // private to the user (SQLite gives its -wal and -shm files the database file's mode).
        if (!QDir(info.absolutePath()).exists()) {
            if (!QDir().mkpath(info.absolutePath()))
                return std::unexpected(StoreError{StoreError::Kind::Unavailable,
                                                  u"cannot create the folder %1"_s.arg(info.absolutePath())});
            QFile::setPermissions(info.absolutePath(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        if (!info.exists()) {
            QFile file(url.path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
                !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
                return std::unexpected(
                    StoreError{StoreError::Kind::Unavailable,
                               u"cannot create %1: %2"_s.arg(url.path, file.errorString())});
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        db.setDatabaseName(url.path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        if (!db.open()) {
            StoreError error{StoreError::Kind::Unavailable,
                             u"cannot open %1: %2"_s.arg(url.path, db.lastError().text())};
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
            return std::unexpected(error);
        }
        // WAL lets readers work beside the one writer; FULL makes every COMMIT durable before we ack.
        const QStringList pragmas{
            u"PRAGMA journal_mode=WAL"_s,
            u"PRAGMA synchronous=FULL"_s,
            u"PRAGMA foreign_keys=ON"_s,
            u"PRAGMA busy_timeout=10000"_s,
            u"PRAGMA temp_store=MEMORY"_s,
            role == Role::Writer ? u"PRAGMA cache_size=-32768"_s : u"PRAGMA cache_size=-8192"_s,
        };
        for (const QString &pragma : pragmas) {
            if (auto result = exec(db, pragma); !result)
                return std::unexpected(result.error());
        }
        return db;
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    db.setHostName(url.host);
    db.setPort(url.port);
    db.setDatabaseName(url.database);
    db.setUserName(url.user);
    if (!password.isEmpty())
        db.setPassword(password);
    db.setConnectOptions(u"connect_timeout=5;application_name=callscope"_s);
    if (!db.open()) {
        StoreError error{
            StoreError::Kind::Unavailable,
            u"cannot connect to %1: %2"_s.arg(url.displayString(), db.lastError().text().trimmed())};
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return std::unexpected(error);
    }
    QStringList settings{u"SET client_min_messages TO warning"_s, u"SET TIME ZONE 'UTC'"_s};
    if (role == Role::Writer)
        settings << u"SET synchronous_commit TO on"_s;
    for (const QString &statement : std::as_const(settings)) {
        if (auto result = exec(db, statement); !result)
            return std::unexpected(result.error());
    }
    return db;
}

void SqlConnection::close(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

std::expected<void, StoreError> SqlConnection::exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        StoreError error = errorFrom(query);
        error.message = u"%1: %2"_s.arg(firstWords(sql), error.message);
        return std::unexpected(error);
    }
    return {};
}

std::expected<void, StoreError> SqlConnection::exec(QSqlQuery &query)
{
    if (!query.exec()) {
        StoreError error = errorFrom(query);
        error.message = u"%1: %2"_s.arg(firstWords(query.lastQuery()), error.message);
        return std::unexpected(error);
    }
    return {};
}

StoreError SqlConnection::errorFrom(const QSqlQuery &query)
{
    const QSqlError error = query.lastError();
    return StoreError{isConnectionError(error) ? StoreError::Kind::Unavailable : StoreError::Kind::Statement,
                      error.text().trimmed()};
}

StoreError SqlConnection::errorFrom(const QSqlDatabase &db)
{
    const QSqlError error = db.lastError();
    return StoreError{isConnectionError(error) ? StoreError::Kind::Unavailable : StoreError::Kind::Statement,
                      error.text().trimmed()};
}

QString SqlConnection::uniqueName(const QString &purpose)
{
    static QAtomicInteger<quint64> counter;
    return u"callscope-%1-%2"_s.arg(purpose).arg(counter.fetchAndAddRelaxed(1));
}

} // namespace CallScope
