// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httptypes.h"
#include "storetypes.h"

#include <QDeadlineTimer>
#include <QHash>

#include <expected>
#include <utility>

namespace CallScope {

class ReaderSlot;
class TenantDirectory;

// Checks `Authorization: Bearer cs_<scope>_<id>_<secret>` against the stored SHA-256 of the token:
// it must exist, not be revoked, belong to the addressed tenant and have the scope. Lookups are
// remembered for a few seconds (a revocation from the command line takes effect within them).
class TokenAuth
{
public:
    explicit TokenAuth(ReaderSlot *reader, int cacheMs = 5'000);

    enum class Scope
    {
        Ingest,
        Read
    };
    bool allows(QByteArrayView authorization, const QString &tenantSlug, Scope scope);

    // Whether a request may use the API of tenant `tenantSlug` with this scope: its tenant, or the
    // answer that refuses it (404 unknown tenant, 401 missing_credentials or unauthorized) with
    // the refusal's code.
    struct Refusal
    {
        QString code;
        Http::Response response;
    };
    std::expected<TenantId, Refusal> admit(const Http::Request &request, const QString &tenantSlug,
                                           Scope scope, TenantDirectory &tenants);

    // The tokens admitted since the last call, with when each was used last (token id → epoch ms),
    // for Store::recordTokenUse: collected here so a busy token costs no write per request.
    QHash<QString, qint64> takeUsage() { return std::exchange(m_usage, {}); }

private:
    struct Entry
    {
        std::optional<StoredToken> token;
        QDeadlineTimer expires;
    };
    std::optional<StoredToken> lookup(const QString &tokenId);

    ReaderSlot *m_reader;
    int m_cacheMs;
    QHash<QString, Entry> m_cache;
    QHash<QString, qint64> m_usage;
};

} // namespace CallScope
