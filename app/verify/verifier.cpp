// SPDX-License-Identifier: GPL-3.0-or-later
#include "verifier.h"

#include "verifysupport.h"

#include <QMessageAuthenticationCode>
#include <QtNumeric>

#include <limits>
#include <openssl/evp.h>

namespace CallScope::Verify {

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // The length of a digest is public; only its content must not leak through timing.
    if (a.size() != b.size())
        return false;
    // volatile keeps the compiler from turning the loop into an early-exit comparison.
    volatile unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference = difference | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]));
    return difference == 0;
}

namespace Detail {

std::unexpected<VerifyError> missingCredentials(const QString &detail)
{
    return std::unexpected(VerifyError{VerifyError::Kind::MissingCredentials, detail});
}

std::unexpected<VerifyError> badSignature(const QString &detail)
{
    return std::unexpected(VerifyError{VerifyError::Kind::BadSignature, detail});
}

std::unexpected<VerifyError> staleTimestamp(const QString &detail)
{
    return std::unexpected(VerifyError{VerifyError::Kind::StaleTimestamp, detail});
}

QByteArray header(const HeaderLookup &headers, QByteArrayView name)
{
    return headers ? headers(name) : QByteArray();
}

namespace {

const char *digestName(QCryptographicHash::Algorithm algorithm)
{
    switch (algorithm) {
    case QCryptographicHash::Sha1:
        return "SHA1";
    case QCryptographicHash::Sha256:
        return "SHA256";
    case QCryptographicHash::Sha512:
        return "SHA512";
    default:
        return nullptr;
    }
}

} // namespace

// OpenSSL rather than Qt's own SHA code: it uses the CPU's SHA instructions, and webhook bodies
// with word-level transcripts run to many kilobytes (measured: a third of the verification time).
QByteArray hmac(QCryptographicHash::Algorithm algorithm, const QString &key, const QByteArray &message)
{
    const QByteArray keyBytes = key.toUtf8();
    const char *name = digestName(algorithm);
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t length = 0;
    if (!name ||
        !EVP_Q_mac(nullptr, "HMAC", nullptr, name, nullptr, keyBytes.constData(), size_t(keyBytes.size()),
                   reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()), out,
                   sizeof out, &length))
        return QMessageAuthenticationCode::hash(message, keyBytes, algorithm);
    return QByteArray(reinterpret_cast<const char *>(out), qsizetype(length));
}

QByteArray sha256(QByteArrayView data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!EVP_Digest(data.data(), size_t(data.size()), out, &length, EVP_sha256(), nullptr))
        return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
    return QByteArray(reinterpret_cast<const char *>(out), qsizetype(length));
}

std::optional<QByteArray> decodeHex(QByteArrayView text)
{
    if (text.isEmpty() || text.size() % 2 != 0)
        return std::nullopt;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return std::nullopt;
    }
    return QByteArray::fromHex(text.toByteArray());
}

std::optional<QByteArray> decodeBase64(QByteArrayView text, QByteArray::Base64Options options)
{
    // Qt's aborting decoder refuses characters outside the alphabet and misplaced padding, but not a
    // dangling last character, which cannot encode a byte.
    qsizetype dataLength = text.size();
    while (dataLength > 0 && text[dataLength - 1] == '=')
        --dataLength;
    if (dataLength == 0 || dataLength % 4 == 1)
        return std::nullopt;
    auto decoded =
        QByteArray::fromBase64Encoding(text.toByteArray(), options | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(decoded.decoded);
}

bool withinWindow(qint64 a, qint64 b, qint64 window)
{
    qint64 difference = 0;
    if (qSubOverflow(a, b, &difference) || difference == std::numeric_limits<qint64>::min())
        return false;
    return (difference < 0 ? -difference : difference) <= window;
}

} // namespace Detail

} // namespace CallScope::Verify
