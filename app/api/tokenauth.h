// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"
#include "storetypes.h"

#include <QDeadlineTimer>
#include <QHash>

#include <memory>

namespace CallScope {

class StoreReader;

// Checks `Authorization: Bearer cs_<scope>_<id>_<secret>` against the stored SHA-256 of the token:
// it must exist, not be revoked, belong to the addressed tenant and have the scope. Lookups are
// remembered for a few seconds (a revocation from the command line takes effect within them).
class TokenAuth
{
public:
    TokenAuth(DatabaseUrl url, QString password, int cacheMs = 5'000);
    ~TokenAuth();

    enum class Scope
    {
        Ingest,
        Read
    };
    bool allows(QByteArrayView authorization, const QString &tenantSlug, Scope scope);

private:
    struct Entry
    {
        std::optional<StoredToken> token;
        QDeadlineTimer expires;
    };
    std::optional<StoredToken> lookup(const QString &tokenId);

    DatabaseUrl m_url;
    QString m_password;
    int m_cacheMs;
    std::unique_ptr<StoreReader> m_reader;
    QHash<QString, Entry> m_cache;
};

} // namespace CallScope
