// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhooksigner.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <algorithm>

namespace CallScope::WebhookSigner {

namespace {

QByteArray hmac(QCryptographicHash::Algorithm algorithm, const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, algorithm);
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

QByteArray retell(const QByteArray &body, const QByteArray &apiKey, qint64 nowMs)
{
    const QByteArray timestamp = QByteArray::number(nowMs);
    return "v=" + timestamp + ",d=" + hmac(QCryptographicHash::Sha256, apiKey, body + timestamp).toHex();
}

QByteArray ultravox(const QByteArray &body, const QByteArray &secret, const QByteArray &timestamp)
{
    return hmac(QCryptographicHash::Sha256, secret, body + timestamp).toHex();
}

QByteArray liveKit(const QByteArray &body, const QByteArray &apiKey, const QByteArray &apiSecret,
                   qint64 nowSeconds, qint64 validSeconds)
{
    const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT"})");
    const QByteArray digest = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toBase64();
    const QByteArray claims = R"({"exp":)" + QByteArray::number(nowSeconds + validSeconds) + R"(,"iss":")" +
                              apiKey + R"(","nbf":)" + QByteArray::number(nowSeconds) + R"(,"sha256":")" +
                              digest + R"(","video":{}})";
    const QByteArray signingInput = header + '.' + base64Url(claims);
    return signingInput + '.' + base64Url(hmac(QCryptographicHash::Sha256, apiSecret, signingInput));
}

QByteArray twilio(const QByteArray &url, const QList<QPair<QByteArray, QByteArray>> &params,
                  const QByteArray &authToken)
{
    QList<QPair<QByteArray, QByteArray>> sorted = params;
    std::sort(sorted.begin(), sorted.end());
    QByteArray message = url;
    for (const auto &[name, value] : sorted)
        message += name + value;
    return hmac(QCryptographicHash::Sha1, authToken, message).toBase64();
}

QByteArray formBody(const QList<QPair<QByteArray, QByteArray>> &params)
{
    QByteArray body;
    for (const auto &[name, value] : params) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(QString::fromUtf8(name)) + '=' +
                QUrl::toPercentEncoding(QString::fromUtf8(value));
    }
    return body;
}

QByteArray vapiHmac(const QByteArray &body, const QByteArray &secret, const QByteArray &timestamp)
{
    return hmac(QCryptographicHash::Sha256, secret, timestamp + '.' + body).toHex();
}

} // namespace CallScope::WebhookSigner
