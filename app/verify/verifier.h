// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <expected>
#include <functional>

namespace CallScope {

// Why a delivery is refused; the listener answers 401 with the matching error code.
struct VerifyError
{
    enum class Kind
    {
        MissingCredentials, // "missing_credentials": credential header absent, or no secret configured
        BadSignature,       // "bad_signature"
        StaleTimestamp,     // "stale_timestamp": timestamp or JWT exp/nbf outside the window
    };
    Kind kind = Kind::BadSignature;
    QString detail; // a sentence for the client; never contains a secret or the expected signature
};

using VerifyResult = std::expected<void, VerifyError>;
// Case-insensitive header lookup: the value, or an empty array when absent.
using HeaderLookup = std::function<QByteArray(QByteArrayView name)>;

// Verifiers work on the raw bytes as received, before any parsing; they are pure (the clock is a
// parameter) and compare in constant time.
namespace Verify {

bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// Retell: x-retell-signature "v=<unix ms>,d=<hex HMAC-SHA256(apiKey, body + decimal ms)>";
// |now - v| <= windowMs (inclusive).
VerifyResult retell(const QByteArray &body, const HeaderLookup &headers, const QString &apiKey, qint64 nowMs,
                    qint64 windowMs = 5 * 60 * 1000);

// Vapi: the legacy shared secret (X-Vapi-Secret), a bearer token (Authorization: Bearer), or the
// HMAC plan. With only `secret` set, both the header and the bearer form are accepted.
struct VapiHmacPlan
{
    QString algorithm = QStringLiteral("sha256"); // sha1 | sha256 | sha512
    QString signatureHeader = QStringLiteral("x-signature");
    QString timestampHeader = QStringLiteral("x-timestamp");
    QString messageTemplate = QStringLiteral("{timestamp}.{body}"); // {timestamp}, {body}
    QString encoding = QStringLiteral("hex");                       // hex | base64
    QString prefix;                                                 // e.g. "sha256=" before the digest
};
struct VapiCredentials
{
    QString secret;     // vapi.secret
    QString hmacSecret; // vapi.hmacSecret
    VapiHmacPlan plan;
};
VerifyResult vapi(const QByteArray &body, const HeaderLookup &headers, const VapiCredentials &credentials);

// Ultravox: X-Ultravox-Webhook-Signature (comma-separated; any may match) is hex
// HMAC-SHA256(secret, body + X-Ultravox-Webhook-Timestamp as received); the timestamp (ISO 8601) is
// within windowMs of now. `secrets` holds every configured secret (rotation).
VerifyResult ultravox(const QByteArray &body, const HeaderLookup &headers, const QStringList &secrets,
                      qint64 nowMs, qint64 windowMs = 5 * 60 * 1000);

// LiveKit: Authorization carries a JWT (no "Bearer"), HS256 with the API secret of the API key in
// `iss`; claim sha256 = base64(SHA-256(body)); exp required, nbf honoured, with leewayMs.
VerifyResult liveKit(const QByteArray &body, const HeaderLookup &headers, const QString &apiKey,
                     const QString &apiSecret, qint64 nowMs, qint64 leewayMs = 60 * 1000);

// Twilio: X-Twilio-Signature = base64 HMAC-SHA1(authToken, url + sorted form params). `url` is the
// public URL Twilio requested (public base + path + query); it is also tried without its port and
// with the scheme's default port. A JSON body is signed through a bodySHA256 query parameter, which
// must match the body's hash.
VerifyResult twilio(const QString &url, const QByteArray &body, const QByteArray &contentType,
                    const HeaderLookup &headers, const QString &authToken);

} // namespace Verify

} // namespace CallScope
