// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliverysigner.h"

#include "webhooksigner.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Sim {

TenantSecrets::TenantSecrets(QHash<QString, QString> values)
    : m_values(std::move(values))
{}

std::expected<TenantSecrets, QString> TenantSecrets::load(const QString &path, const QString &tenant)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(u"cannot read the secrets file %1: %2"_s.arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        return std::unexpected(
            u"the secrets file %1 is not a JSON object (%2)"_s.arg(path, error.errorString()));
    const QJsonValue entry = document.object().value(tenant);
    if (!entry.isObject())
        return std::unexpected(u"the secrets file %1 has no entry for tenant \"%2\""_s.arg(path, tenant));
    QHash<QString, QString> values;
    const QJsonObject keys = entry.toObject();
    for (auto it = keys.constBegin(); it != keys.constEnd(); ++it) {
        if (it.value().isString())
            values.insert(it.key(), it.value().toString());
    }
    return TenantSecrets(values);
}

bool TenantSecrets::canSign(Provider provider) const
{
    const auto has = [this](const QString &key) { return !m_values.value(key).isEmpty(); };
    switch (provider) {
    case Provider::Retell:
        return has(u"retell.apiKey"_s);
    case Provider::Vapi:
        return has(u"vapi.secret"_s) || has(u"vapi.hmacSecret"_s);
    case Provider::Ultravox:
        return has(u"ultravox.webhookSecret"_s);
    case Provider::LiveKit:
        return has(u"livekit.apiKey"_s) && has(u"livekit.apiSecret"_s);
    case Provider::Twilio:
        return has(u"twilio.authToken"_s);
    case Provider::Backend:
        return true; // the ingest token comes from the command line
    }
    return false;
}

QString TenantSecrets::keysFor(Provider provider)
{
    switch (provider) {
    case Provider::Retell:
        return u"retell.apiKey"_s;
    case Provider::Vapi:
        return u"vapi.secret or vapi.hmacSecret"_s;
    case Provider::Ultravox:
        return u"ultravox.webhookSecret"_s;
    case Provider::LiveKit:
        return u"livekit.apiKey and livekit.apiSecret"_s;
    case Provider::Twilio:
        return u"twilio.authToken"_s;
    case Provider::Backend:
        break;
    }
    return {};
}

DeliverySigner::DeliverySigner(TenantSecrets secrets, QByteArray publicBaseUrl, QByteArray ingestToken)
    : m_secrets(std::move(secrets))
    , m_publicBaseUrl(std::move(publicBaseUrl))
    , m_ingestToken(std::move(ingestToken))
{
    while (m_publicBaseUrl.endsWith('/'))
        m_publicBaseUrl.chop(1);
}

QList<QPair<QByteArray, QByteArray>> DeliverySigner::headers(const SimDelivery &delivery, qint64 nowMs) const
{
    switch (delivery.provider) {
    case Provider::Retell:
        return {{"x-retell-signature",
                 WebhookSigner::retell(delivery.body, m_secrets.value(u"retell.apiKey"_s), nowMs)}};
    case Provider::Vapi:
        return vapiHeaders(delivery, nowMs);
    case Provider::Ultravox: {
        // With rotation the file lists several secrets; the sender signs with the newest, the first.
        const QByteArray secret = m_secrets.value(u"ultravox.webhookSecret"_s).split(',').first().trimmed();
        const QByteArray timestamp =
            QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8();
        return {{"x-ultravox-webhook-timestamp", timestamp},
                {"x-ultravox-webhook-signature", WebhookSigner::ultravox(delivery.body, secret, timestamp)}};
    }
    case Provider::LiveKit:
        return {
            {"authorization", WebhookSigner::liveKit(delivery.body, m_secrets.value(u"livekit.apiKey"_s),
                                                     m_secrets.value(u"livekit.apiSecret"_s), nowMs / 1000)}};
    case Provider::Twilio:
        return {{"x-twilio-signature", WebhookSigner::twilio(m_publicBaseUrl + delivery.route, delivery.form,
                                                             m_secrets.value(u"twilio.authToken"_s))}};
    case Provider::Backend:
        return {{"authorization", "Bearer " + m_ingestToken}};
    }
    return {};
}

QList<QPair<QByteArray, QByteArray>> DeliverySigner::vapiHeaders(const SimDelivery &delivery,
                                                                 qint64 nowMs) const
{
    const QByteArray secret = m_secrets.value(u"vapi.secret"_s);
    if (!secret.isEmpty()) {
        if (delivery.bearerSecret)
            return {{"authorization", "Bearer " + secret}};
        return {{"x-vapi-secret", secret}};
    }
    // Only an HMAC credential: the tenant's plan (vapi.hmac.*), else Vapi's defaults.
    const auto setting = [this](const QString &key, const QByteArray &fallback) {
        const QByteArray value = m_secrets.value(key);
        return value.isEmpty() ? fallback : value;
    };
    const QByteArray algorithmName = setting(u"vapi.hmac.algorithm"_s, "sha256").toLower();
    const QCryptographicHash::Algorithm algorithm = algorithmName == "sha1"     ? QCryptographicHash::Sha1
                                                    : algorithmName == "sha512" ? QCryptographicHash::Sha512
                                                                                : QCryptographicHash::Sha256;
    const QByteArray timestamp = QByteArray::number(nowMs);
    QByteArray message = setting(u"vapi.hmac.template"_s, "{timestamp}.{body}");
    // The body goes in last, so that a body containing "{timestamp}" is signed as it is.
    message.replace("{timestamp}", timestamp);
    if (const qsizetype at = message.indexOf("{body}"); at >= 0)
        message.replace(at, 6, delivery.body);
    const QByteArray digest =
        QMessageAuthenticationCode::hash(message, m_secrets.value(u"vapi.hmacSecret"_s), algorithm);
    const QByteArray encoded =
        setting(u"vapi.hmac.encoding"_s, "hex").toLower() == "base64" ? digest.toBase64() : digest.toHex();
    return {{setting(u"vapi.hmac.header"_s, "x-signature").toLower(),
             m_secrets.value(u"vapi.hmac.prefix"_s) + encoded},
            {setting(u"vapi.hmac.timestampHeader"_s, "x-timestamp").toLower(), timestamp}};
}

} // namespace CallScope::Sim
