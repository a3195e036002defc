// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <expected>

namespace CallScope {

// Where the store lives: `sqlite:///absolute/path.db` or `postgresql://user@host:port/dbname`.
struct DatabaseUrl
{
    enum class Backend
    {
        Sqlite,
        Postgres
    };

    Backend backend = Backend::Sqlite;
    QString path; // SQLite file
    QString host; // PostgreSQL
    int port = 5432;
    QString user;
    QString database;
    QString password; // only when the URL itself carried one; never printed

    static std::expected<DatabaseUrl, QString> parse(const QString &text);
    static DatabaseUrl sqlite(const QString &absolutePath);

    // The URL without any password, safe for logs and the UI.
    QString displayString() const;
    bool isSqlite() const { return backend == Backend::Sqlite; }
};

} // namespace CallScope
