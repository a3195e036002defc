// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

// Whole calls as each provider delivers them: signed webhook requests in the order the provider
// sends them, with what the store must end up knowing about the call.
namespace CallScope::SampleCalls {

struct Secrets
{
    QByteArray retellApiKey = "key_retell_test";
    QByteArray vapiSecret = "vapi-shared-secret";
    QByteArray ultravoxSecret = "ultravox-webhook-secret";
    QByteArray liveKitApiKey = "APIkey123";
    QByteArray liveKitApiSecret = "livekit-secret-abc";
    QByteArray twilioAuthToken = "twilio-auth-token";

    // The same, as a --secrets-file for `tenant`.
    QByteArray secretsFileJson(const QString &tenant = QStringLiteral("default")) const;
};

struct Delivery
{
    Provider provider = Provider::Retell;
    QByteArray path; // "/webhooks/retell" or "/t/<tenant>/webhooks/retell"
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers; // signature headers
    QByteArray body;
};

struct Expected
{
    QString providerCallId;
    QString status = QStringLiteral("ended");
    QString outcome;
    qint64 durationMs = 0;
    int functionTraces = 0;
    int failedFunctions = 0;
    int transcriptSegments = 0;
};

struct Call
{
    QList<Delivery> deliveries;
    Expected expected;
};

// `publicBaseUrl` is what Twilio signs (the listener's public URL); `tenant` "default" uses the
// routes without /t/. Times are around `startMs`.
Call retell(const Secrets &secrets, const QString &callId, qint64 startMs,
            const QString &tenant = QStringLiteral("default"));
Call vapi(const Secrets &secrets, const QString &callId, qint64 startMs,
          const QString &tenant = QStringLiteral("default"));
Call ultravox(const Secrets &secrets, const QString &callId, qint64 startMs,
              const QString &tenant = QStringLiteral("default"));
Call liveKit(const Secrets &secrets, const QString &roomSid, qint64 startMs,
             const QString &tenant = QStringLiteral("default"));
Call twilio(const Secrets &secrets, const QString &callSid, qint64 startMs, const QByteArray &publicBaseUrl,
            const QString &tenant = QStringLiteral("default"));

// One distinct, signed delivery with one event (for load): a Retell call_started, or a LiveKit
// room_started.
Delivery retellStarted(const Secrets &secrets, const QString &callId, qint64 nowMs,
                       const QString &tenant = QStringLiteral("default"));
Delivery liveKitRoomStarted(const Secrets &secrets, const QString &roomSid, qint64 nowMs,
                            const QString &tenant = QStringLiteral("default"));

// The request bytes of a delivery (HTTP/1.1, keep-alive).
QByteArray httpRequest(const Delivery &delivery, const QByteArray &host);

} // namespace CallScope::SampleCalls

Q_DECLARE_METATYPE(CallScope::SampleCalls::Delivery)
