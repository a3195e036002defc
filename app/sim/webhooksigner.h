// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// Signs webhook deliveries the way each provider does (spec/providers.md), for tests, the load
// benchmark and the simulator. Written apart from the verifiers so that each checks the other.
namespace CallScope::WebhookSigner {

// x-retell-signature: v=<ms>,d=<hex HMAC-SHA256(key, body + ms)>
QByteArray retell(const QByteArray &body, const QByteArray &apiKey, qint64 nowMs);
// X-Ultravox-Webhook-Signature for the timestamp header value `timestamp`.
QByteArray ultravox(const QByteArray &body, const QByteArray &secret, const QByteArray &timestamp);
// The Authorization header of a LiveKit webhook: a JWT (no "Bearer").
QByteArray liveKit(const QByteArray &body, const QByteArray &apiKey, const QByteArray &apiSecret,
                   qint64 nowSeconds, qint64 validSeconds = 300);
// X-Twilio-Signature for a form POST to `url`.
QByteArray twilio(const QByteArray &url, const QList<QPair<QByteArray, QByteArray>> &params,
                  const QByteArray &authToken);
// The form body of `params`, percent-encoded.
QByteArray formBody(const QList<QPair<QByteArray, QByteArray>> &params);
// Vapi's default HMAC plan: hex HMAC-SHA256(secret, "{timestamp}.{body}").
QByteArray vapiHmac(const QByteArray &body, const QByteArray &secret, const QByteArray &timestamp);

} // namespace CallScope::WebhookSigner
