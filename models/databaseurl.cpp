// SPDX-License-Identifier: GPL-3.0-or-later
#include "databaseurl.h"

#include <QDir>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

std::expected<DatabaseUrl, QString> DatabaseUrl::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith("sqlite://"_L1)) {
        const QString path = trimmed.mid(9);
        if (path.isEmpty() || !QDir::isAbsolutePath(path))
            return std::unexpected(u"a SQLite URL needs an absolute path: sqlite:///absolute/path.db"_s);
        return sqlite(QDir::cleanPath(path));
    }
    if (trimmed.startsWith("postgresql://"_L1) || trimmed.startsWith("postgres://"_L1)) {
        const QUrl url(trimmed, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return std::unexpected(u"a PostgreSQL URL looks like postgresql://user@host:port/dbname"_s);
        DatabaseUrl result;
        result.backend = Backend::Postgres;
        result.host = url.host();
        result.port = url.port(5432);
        result.user = url.userName();
        result.password = url.password();
        result.database = url.path().mid(1);
        if (result.database.isEmpty() || result.database.contains(u'/'))
            return std::unexpected(
                u"the PostgreSQL URL names no database: postgresql://user@host:port/dbname"_s);
        if (result.user.isEmpty())
            result.user = u"postgres"_s;
        return result;
    }
    return std::unexpected(
        u"unknown database URL \"%1\": use sqlite:///path or postgresql://user@host:port/db"_s.arg(
            trimmed.section(u':', 0, 0)));
}

DatabaseUrl DatabaseUrl::sqlite(const QString &absolutePath)
{
    DatabaseUrl result;
    result.backend = Backend::Sqlite;
    result.path = absolutePath;
    return result;
}

QString DatabaseUrl::displayString() const
{
    if (isSqlite())
        return u"sqlite://"_s + path;
    return u"postgresql://%1@%2:%3/%4"_s.arg(user, host).arg(port).arg(database);
}

} // namespace CallScope
