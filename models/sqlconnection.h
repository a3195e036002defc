// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"
#include "storetypes.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <expected>

namespace CallScope {

// Opens one named connection, tuned for its role. A connection belongs to the thread that opened it.
class SqlConnection
{
public:
    enum class Role
    {
        Writer,
        Reader
    };

    static std::expected<QSqlDatabase, StoreError> open(const DatabaseUrl &url, const QString &password,
                                                        const QString &connectionName, Role role);
    static void close(const QString &connectionName);

    // Runs one statement; the error names the statement's first words, never its bound values.
    static std::expected<void, StoreError> exec(QSqlDatabase &db, const QString &sql);
    static std::expected<void, StoreError> exec(QSqlQuery &query);
    static StoreError errorFrom(const QSqlQuery &query);
    static StoreError errorFrom(const QSqlDatabase &db);

    // A unique connection name for the calling thread and purpose.
    static QString uniqueName(const QString &purpose);
};

} // namespace CallScope
