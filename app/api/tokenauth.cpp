// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenauth.h"

#include "ingest/tenantdirectory.h"
#include "readerslot.h"
#include "storereader.h"
#include "verify/verifier.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

TokenAuth::TokenAuth(ReaderSlot *reader, int cacheMs)
    : m_reader(reader)
    , m_cacheMs(cacheMs)
{}

std::optional<StoredToken> TokenAuth::lookup(const QString &tokenId)
{
    if (const auto it = m_cache.constFind(tokenId); it != m_cache.constEnd() && !it->expires.hasExpired())
        return it->token;
    StoreReader *reader = m_reader->get();
    if (!reader)
        return std::nullopt;
    auto token = reader->token(tokenId);
    if (!token && token.error().kind == StoreError::Kind::Unavailable) {
        m_reader->failed(token.error()); // reconnect next time; refuse now
        return std::nullopt;
    }
    if (m_cache.size() > 10'000)
        m_cache.clear(); // a flood of made-up ids must not grow the cache without bound
    Entry entry{token ? std::optional<StoredToken>(*token) : std::nullopt, QDeadlineTimer(m_cacheMs)};
    m_cache.insert(tokenId, entry);
    return entry.token;
}

bool TokenAuth::allows(QByteArrayView authorization, const QString &tenantSlug, Scope scope)
{
    static const QRegularExpression format(
        u"^Bearer\\s+(cs_(ingest|read)_([0-9a-f]{16})_[0-9a-f]{48})\\s*$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const auto match = format.match(QString::fromLatin1(authorization));
    if (!match.hasMatch())
        return false;
    const QString token = match.captured(1);
    const std::optional<StoredToken> stored = lookup(match.captured(3));
    if (!stored || stored->revoked || stored->tenantSlug != tenantSlug)
        return false;
    if (stored->scope != (scope == Scope::Ingest ? "ingest"_L1 : "read"_L1))
        return false;
    const QByteArray hash = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
    if (!Verify::constantTimeEquals(hash, stored->hash.toLatin1()))
        return false;
    m_usage.insert(match.captured(3).toLower(), QDateTime::currentMSecsSinceEpoch());
    return true;
}

std::expected<TenantId, TokenAuth::Refusal> TokenAuth::admit(const Http::Request &request,
                                                             const QString &tenantSlug, Scope scope,
                                                             TenantDirectory &tenants)
{
    const std::optional<TenantId> tenant = tenants.find(tenantSlug);
    if (!tenant)
        return std::unexpected(
            Refusal{u"not_found"_s,
                    Http::Response::error(404, u"not_found"_s, u"unknown tenant \"%1\""_s.arg(tenantSlug))});
    const QString kind = scope == Scope::Ingest ? u"ingest"_s : u"read"_s;
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty())
        return std::unexpected(
            Refusal{u"missing_credentials"_s,
                    Http::Response::error(
                        401, u"missing_credentials"_s,
                        u"send the tenant's %1 token as Authorization: Bearer <token>"_s.arg(kind))});
    if (!allows(authorization, tenantSlug, scope))
        return std::unexpected(
            Refusal{u"unauthorized"_s,
                    Http::Response::error(
                        401, u"unauthorized"_s,
                        u"the token is unknown, revoked, or not an %1 token of this tenant"_s.arg(kind))});
    return *tenant;
}

} // namespace CallScope
