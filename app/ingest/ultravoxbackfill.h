// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adapters/adapterutil.h"

#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace CallScope {

class SecretCache;
class Store;

// Ultravox webhooks carry no transcript and no tool calls: after call.ended, when the tenant has an
// Ultravox API key, they are fetched from GET {api}/api/calls/{id}/messages (paginated, X-API-Key)
// and stored like any delivery, one receipt per page (a second fetch is a duplicate). Failures are
// retried with doubling delays; after the last attempt the failure is recorded as an error.
class UltravoxBackfill : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl apiBaseUrl = QUrl(QStringLiteral("https://api.ultravox.ai"));
        int maxAttempts = 10;
        int firstRetryDelayMs = 2'000;
        int transferTimeoutMs = 15'000;
        std::function<qint64()> clock;
    };

    UltravoxBackfill(Store *store, SecretCache *secrets, Options options, QObject *parent = nullptr);
    ~UltravoxBackfill() override;

    void schedule(const QString &tenant, const QString &callId);

signals:
    // For tests and logs: the back-fill of a call ended (ok: every page stored).
    void finished(const QString &tenant, const QString &callId, bool ok);

private:
    struct Job
    {
        QString tenant;
        QString callId;
        QString apiKey;
        QUrl url;
        int page = 0;
        int attempt = 1;
        AdapterUtil::TurnClock turns; // where the pages before this one left the transcript
    };
    void fetch(Job job);
    void retryOrGiveUp(Job job, const QString &reason);
    bool sameOrigin(const QUrl &url) const;

    Store *m_store;
    SecretCache *m_secrets;
    Options m_options;
    QNetworkAccessManager *m_network;
};

} // namespace CallScope
