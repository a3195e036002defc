// SPDX-License-Identifier: GPL-3.0-or-later
#include "verifier.h"
#include "verifysupport.h"

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Verify {

namespace {

struct RetellSignature
{
    qint64 timestampMs = 0;
    QByteArrayView digest; // 64 lower-case hex digits
};

bool isLowerHex(QByteArrayView text)
{
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

// The whole header must be exactly "v=<digits>,d=<64 lower-case hex>": the SDKs' own tests reject a
// prefix, a suffix, a short digest, a sign and any extra field, so nothing else is tolerated here.
std::optional<RetellSignature> parseRetellSignature(QByteArrayView header)
{
    if (!header.startsWith("v="))
        return std::nullopt;
    const qsizetype comma = header.indexOf(',');
    if (comma < 0)
        return std::nullopt;
    const QByteArrayView digits = header.sliced(2, comma - 2);
    // 18 digits always fit in qint64; a real millisecond timestamp has 13.
    if (digits.isEmpty() || digits.size() > 18)
        return std::nullopt;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    const QByteArrayView rest = header.sliced(comma + 1);
    if (!rest.startsWith("d="))
        return std::nullopt;
    const QByteArrayView digest = rest.sliced(2);
    if (digest.size() != 64 || !isLowerHex(digest))
        return std::nullopt;
    return RetellSignature{digits.toLongLong(), digest};
}

} // namespace

VerifyResult retell(const QByteArray &body, const HeaderLookup &headers, const QString &apiKey, qint64 nowMs,
                    qint64 windowMs)
{
    if (apiKey.isEmpty())
        return Detail::missingCredentials(u"No Retell API key is configured for webhooks."_s);
    const QByteArray header = Detail::header(headers, "x-retell-signature");
    if (header.isEmpty())
        return Detail::missingCredentials(u"The x-retell-signature header is missing."_s);

    const auto signature = parseRetellSignature(header);
    if (!signature)
        return Detail::badSignature(u"The x-retell-signature header is not of the form v=<ms>,d=<hex>."_s);

    // The SDKs sign the timestamp as a number, so leading zeros in the header do not reach the MAC.
    const QByteArray message = body + QByteArray::number(signature->timestampMs);
    const QByteArray expected = Detail::hmac(QCryptographicHash::Sha256, apiKey, message).toHex();
    if (!constantTimeEquals(expected, signature->digest))
        return Detail::badSignature(u"The Retell signature does not match the body."_s);

    // Checked after the MAC so that only authentic deliveries learn that our clocks disagree.
    if (!Detail::withinWindow(nowMs, signature->timestampMs, windowMs))
        return Detail::staleTimestamp(u"The Retell signature timestamp is outside the accepted window."_s);
    return {};
}

} // namespace CallScope::Verify
