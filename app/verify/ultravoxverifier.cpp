// SPDX-License-Identifier: GPL-3.0-or-later
#include "adapters/adapterutil.h"
#include "verifier.h"
#include "verifysupport.h"

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Verify {

VerifyResult ultravox(const QByteArray &body, const HeaderLookup &headers, const QStringList &secrets,
                      qint64 nowMs, qint64 windowMs)
{
    QStringList keys;
    for (const QString &secret : secrets) {
        if (!secret.isEmpty())
            keys.append(secret);
    }
    if (keys.isEmpty())
        return Detail::missingCredentials(u"No Ultravox webhook secret is configured."_s);
    const QByteArray signatures = Detail::header(headers, "x-ultravox-webhook-signature");
    if (signatures.trimmed().isEmpty())
        return Detail::missingCredentials(u"The X-Ultravox-Webhook-Signature header is missing."_s);
    const QByteArray timestamp = Detail::header(headers, "x-ultravox-webhook-timestamp");
    if (timestamp.isEmpty())
        return Detail::missingCredentials(u"The X-Ultravox-Webhook-Timestamp header is missing."_s);

    // ISO 8601; a time without a zone is UTC, never the local zone.
    const auto signedAtMs = AdapterUtil::isoToMs(QString::fromLatin1(timestamp.trimmed()));
    if (!signedAtMs)
        return Detail::badSignature(u"The X-Ultravox-Webhook-Timestamp header is not an ISO 8601 time."_s);

    // The list lets Ultravox sign with the old and the new secret while a secret is being rotated.
    QList<QByteArray> candidates;
    for (const QByteArray &entry : signatures.split(',')) {
        if (const auto digest = Detail::decodeHex(entry.trimmed()))
            candidates.append(*digest);
    }
    // The header bytes are signed exactly as received; a normalised timestamp would not match.
    const QByteArray message = body + timestamp;
    bool matched = false;
    for (const QString &key : std::as_const(keys)) {
        const QByteArray expected = Detail::hmac(QCryptographicHash::Sha256, key, message);
        for (const QByteArray &candidate : std::as_const(candidates))
            matched = constantTimeEquals(expected, candidate) || matched;
    }
    if (!matched)
        return Detail::badSignature(u"No Ultravox signature matches the body and timestamp."_s);

    // Checked after the MAC so that only authentic deliveries learn that our clocks disagree.
    if (!Detail::withinWindow(nowMs, *signedAtMs, windowMs))
        return Detail::staleTimestamp(u"The Ultravox webhook timestamp is outside the accepted window."_s);
    return {};
}

} // namespace CallScope::Verify
