// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenauth.h"

#include "storereader.h"
#include "verify/verifier.h"

#include <QCryptographicHash>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

TokenAuth::TokenAuth(DatabaseUrl url, QString password, int cacheMs)
    : m_url(std::move(url))
    , m_password(std::move(password))
    , m_cacheMs(cacheMs)
{}

TokenAuth::~TokenAuth() = default;

std::optional<StoredToken> TokenAuth::lookup(const QString &tokenId)
{
    if (const auto it = m_cache.constFind(tokenId); it != m_cache.constEnd() && !it->expires.hasExpired())
        return it->token;
    if (!m_reader) {
        auto reader = StoreReader::open(m_url, m_password);
        if (!reader)
            return std::nullopt;
        m_reader = std::move(*reader);
    }
    auto token = m_reader->token(tokenId);
    if (!token && token.error().kind == StoreError::Kind::Unavailable) {
        m_reader.reset(); // reconnect next time; refuse now
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
    return Verify::constantTimeEquals(hash, stored->hash.toLatin1());
}

} // namespace CallScope
