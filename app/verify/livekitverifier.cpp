// SPDX-License-Identifier: GPL-3.0-or-later
#include "verifier.h"
#include "verifysupport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Verify {

namespace {

// JWT segments are unpadded base64url (RFC 7515 §2).
std::optional<QJsonObject> decodeSegment(QByteArrayView segment)
{
    if (segment.contains('='))
        return std::nullopt;
    const auto json = Detail::decodeBase64(segment, QByteArray::Base64UrlEncoding);
    if (!json)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// A NumericDate claim in milliseconds; nullopt when it is not a finite number.
std::optional<double> claimTimeMs(const QJsonValue &value)
{
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return std::nullopt;
    return value.toDouble() * 1000.0;
}

} // namespace

VerifyResult liveKit(const QByteArray &body, const HeaderLookup &headers, const QString &apiKey,
                     const QString &apiSecret, qint64 nowMs, qint64 leewayMs)
{
    if (apiKey.isEmpty() || apiSecret.isEmpty())
        return Detail::missingCredentials(u"No LiveKit API key and secret are configured."_s);
    // LiveKit sends the bare JWT (providers.md: no "Bearer"). A "Bearer " in front is not stripped:
    // the space makes the first segment invalid base64url, so such a header is a bad signature.
    const QByteArray token = Detail::header(headers, "authorization");
    if (token.isEmpty())
        return Detail::missingCredentials(u"The Authorization header with the LiveKit token is missing."_s);

    const QList<QByteArray> segments = token.split('.');
    if (segments.size() != 3)
        return Detail::badSignature(u"The LiveKit token is not a JWT of three segments."_s);
    const auto header = decodeSegment(segments[0]);
    if (!header)
        return Detail::badSignature(u"The LiveKit token header is not base64url-encoded JSON."_s);
    // Only the algorithm LiveKit uses; "none" and every other algorithm are refused (RFC 8725 §3.1).
    if (header->value("alg"_L1).toString() != "HS256"_L1)
        return Detail::badSignature(u"The LiveKit token is not signed with HS256."_s);

    const auto signature = Detail::decodeBase64(segments[2], QByteArray::Base64UrlEncoding);
    if (!signature || segments[2].contains('='))
        return Detail::badSignature(u"The LiveKit token signature is not base64url."_s);
    const QByteArray signingInput = segments[0] + '.' + segments[1];
    if (!constantTimeEquals(Detail::hmac(QCryptographicHash::Sha256, apiSecret, signingInput), *signature))
        return Detail::badSignature(u"The LiveKit token signature does not match."_s);

    const auto claims = decodeSegment(segments[1]);
    if (!claims)
        return Detail::badSignature(u"The LiveKit token claims are not base64url-encoded JSON."_s);
    // The issuer names the API key whose secret signed the token; a token of another key is foreign.
    if (claims->value("iss"_L1).toString() != apiKey)
        return Detail::badSignature(u"The LiveKit token was issued for another API key."_s);
    const QByteArray bodyHash = Detail::sha256(body).toBase64();
    if (!constantTimeEquals(bodyHash, claims->value("sha256"_L1).toString().toLatin1()))
        return Detail::badSignature(u"The body does not match the LiveKit token's sha256 claim."_s);

    const auto expiresMs = claimTimeMs(claims->value("exp"_L1));
    if (!expiresMs)
        return Detail::badSignature(u"The LiveKit token has no numeric exp claim."_s);
    const QJsonValue notBefore = claims->value("nbf"_L1);
    const auto notBeforeMs = claimTimeMs(notBefore);
    if (!notBefore.isUndefined() && !notBeforeMs)
        return Detail::badSignature(u"The LiveKit token's nbf claim is not numeric."_s);

    const double now = double(nowMs);
    const double leeway = double(leewayMs);
    if (now > *expiresMs + leeway)
        return Detail::staleTimestamp(u"The LiveKit token has expired."_s);
    if (notBeforeMs && now < *notBeforeMs - leeway)
        return Detail::staleTimestamp(u"The LiveKit token is not valid yet."_s);
    return {};
}

} // namespace CallScope::Verify
