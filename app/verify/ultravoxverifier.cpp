// SPDX-License-Identifier: GPL-3.0-or-later
#include "verifier.h"
#include "verifysupport.h"

#include <QDate>
#include <QRegularExpression>
#include <QTime>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Verify {

namespace {

// ISO 8601 date-time in milliseconds since the epoch. A time without a zone is UTC (never the
// local zone: the result must not depend on where CallScope runs); digits after the milliseconds are
// dropped.
std::optional<qint64> parseIso8601Ms(QByteArrayView text)
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        uR"(([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:[.,]([0-9]{1,9}))?)"
        uR"((?:([Zz])|([+-])([0-9]{2})(?::?([0-9]{2}))?)?)"_s));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(text.trimmed()));
    if (!match.hasMatch())
        return std::nullopt;
    const auto number = [&match](int group) { return match.capturedView(group).toInt(); };

    const QDate date(number(1), number(2), number(3));
    if (!date.isValid() || !QTime::isValid(number(4), number(5), number(6)))
        return std::nullopt;
    const QString fraction = match.captured(7).leftJustified(3, u'0', true);
    qint64 offsetMinutes = 0;
    if (match.hasCaptured(9)) {
        const int hours = number(10);
        const int minutes = match.hasCaptured(11) ? number(11) : 0;
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        offsetMinutes = (match.capturedView(9) == u"-" ? -1 : 1) * (hours * 60 + minutes);
    }

    static const qint64 epochDay = QDate(1970, 1, 1).toJulianDay();
    const qint64 days = date.toJulianDay() - epochDay;
    const qint64 seconds = days * 86400 + number(4) * 3600 + number(5) * 60 + number(6) - offsetMinutes * 60;
    return seconds * 1000 + fraction.toInt();
}

} // namespace

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

    const auto signedAtMs = parseIso8601Ms(timestamp);
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
