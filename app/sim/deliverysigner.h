// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simdelivery.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <expected>

namespace CallScope::Sim {

// One tenant's entry of a --secrets-file (the server's format, spec/cli.md):
// {"<tenant>": {"retell.apiKey": "...", ...}, ...}.
class TenantSecrets
{
public:
    static std::expected<TenantSecrets, QString> load(const QString &path, const QString &tenant);
    explicit TenantSecrets(QHash<QString, QString> values = {});

    QByteArray value(const QString &key) const { return m_values.value(key).toUtf8(); }
    // Whether deliveries of `provider` can be signed with what the tenant has.
    bool canSign(Provider provider) const;
    // The keys the provider would need, for a message.
    static QString keysFor(Provider provider);

private:
    QHash<QString, QString> m_values;
};

// Adds each provider's credential headers to a delivery at the moment it is sent (spec/providers.md):
// x-retell-signature, X-Vapi-Secret / Authorization: Bearer / Vapi HMAC, the Ultravox signature and
// timestamp, LiveKit's JWT, X-Twilio-Signature over the public URL, and the ingest token for the
// backend events API.
class DeliverySigner
{
public:
    // `publicBaseUrl`: what Twilio signs, the listener's public URL without a trailing slash.
    DeliverySigner(TenantSecrets secrets, QByteArray publicBaseUrl, QByteArray ingestToken);

    QList<QPair<QByteArray, QByteArray>> headers(const SimDelivery &delivery, qint64 nowMs) const;

private:
    QList<QPair<QByteArray, QByteArray>> vapiHeaders(const SimDelivery &delivery, qint64 nowMs) const;

    TenantSecrets m_secrets;
    QByteArray m_publicBaseUrl;
    QByteArray m_ingestToken;
};

} // namespace CallScope::Sim
