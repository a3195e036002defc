// SPDX-License-Identifier: GPL-3.0-or-later
#include "ultravoxbackfill.h"

#include "adapters/adapter.h"
#include "logging.h"
#include "secrets/secretcache.h"
#include "store.h"
#include "writecontext.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

UltravoxBackfill::UltravoxBackfill(Store *store, SecretCache *secrets, Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
{
    if (!m_options.clock)
        m_options.clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
}

UltravoxBackfill::~UltravoxBackfill() = default;

void UltravoxBackfill::schedule(const QString &tenant, const QString &callId)
{
    m_secrets->get(tenant, u"ultravox.apiKey"_s, [this, tenant, callId](const QString &apiKey) {
        if (apiKey.isEmpty())
            return; // without an API key the transcript stays with Ultravox
        QUrl url = m_options.apiBaseUrl;
        QString path = url.path();
        while (path.endsWith(u'/'))
            path.chop(1);
        url.setPath(path + u"/api/calls/"_s + QString::fromLatin1(QUrl::toPercentEncoding(callId)) +
                    u"/messages"_s);
        fetch(Job{tenant, callId, apiKey, url, 0, 1});
    });
}

bool UltravoxBackfill::sameOrigin(const QUrl &url) const
{
    // The API key is only ever sent to the configured API.
    return url.scheme() == m_options.apiBaseUrl.scheme() && url.host() == m_options.apiBaseUrl.host() &&
           url.port(url.scheme() == "https"_L1 ? 443 : 80) ==
               m_options.apiBaseUrl.port(m_options.apiBaseUrl.scheme() == "https"_L1 ? 443 : 80);
}

void UltravoxBackfill::fetch(Job job)
{
    QNetworkRequest request(job.url);
    request.setRawHeader("X-API-Key", job.apiKey.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_options.transferTimeoutMs);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, job]() mutable {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300) {
            retryOrGiveUp(job, status ? u"HTTP %1"_s.arg(status) : reply->errorString());
            return;
        }
        const QByteArray body = reply->readAll();
        const qint64 now = m_options.clock();
        AdapterUtil::TurnClock turns = job.turns; // the job's own stays as it was, for a retry
        auto page = adaptUltravoxMessages(job.callId, body, now, &turns);
        if (!page) {
            retryOrGiveUp(job, page.error().detail);
            return;
        }
        IngestUnit unit;
        unit.receipt.provider = Provider::Ultravox;
        unit.receipt.eventKey = u"messages:%1:%2"_s.arg(job.callId).arg(job.page);
        unit.receipt.eventType = u"messages"_s;
        unit.receipt.providerCallId = job.callId;
        unit.receipt.receivedAtMs = now;
        unit.receipt.headersJson = R"({"source":"ultravox-api"})";
        unit.receipt.body = body;
        unit.events = page->events;
        const QString next = page->next;
        m_store->ingest(IngestSubmission{job.tenant, {unit}})
            .then(this, [this, job, next, turns](const Store::Result<IngestResult> &stored) mutable {
                if (!stored) {
                    retryOrGiveUp(job, stored.error().message);
                    return;
                }
                if (next.isEmpty()) {
                    emit finished(job.tenant, job.callId, true);
                    return;
                }
                const QUrl nextUrl = job.url.resolved(QUrl(next));
                if (!sameOrigin(nextUrl)) {
                    job.attempt = m_options.maxAttempts;
                    retryOrGiveUp(job, u"the next page is on another host"_s);
                    return;
                }
                fetch(Job{job.tenant, job.callId, job.apiKey, nextUrl, job.page + 1, 1, turns});
            });
    });
}

void UltravoxBackfill::retryOrGiveUp(Job job, const QString &reason)
{
    if (job.attempt < m_options.maxAttempts) {
        const int delay = m_options.firstRetryDelayMs << std::min(job.attempt - 1, 16);
        qCInfo(lcApp) << "Ultravox messages of call" << job.callId << "failed (" << reason << "), retrying in"
                      << delay << "ms";
        ++job.attempt;
        QTimer::singleShot(delay, this, [this, job] { fetch(job); });
        return;
    }
    qCWarning(lcApp) << "giving up on the Ultravox messages of call" << job.callId << ":" << reason;
    const qint64 now = m_options.clock();
    const QString message =
        u"the transcript of Ultravox call %1 could not be fetched: %2"_s.arg(job.callId, reason);
    m_store
        ->write<qint64>([tenant = job.tenant, callId = job.callId, message,
                         now](WriteContext &context) -> Store::Result<qint64> {
            auto tenantId = context.tenantId(tenant);
            if (!tenantId)
                return std::unexpected(tenantId.error());
            auto call = context.resolveCall(CallKey{*tenantId, Provider::Ultravox, callId}, now);
            if (!call)
                return std::unexpected(call.error());
            ErrorRecord error;
            error.source = u"provider"_s;
            error.code = u"ultravox_messages_unavailable"_s;
            error.type = u"backfill"_s;
            error.message = message;
            error.provider = Provider::Ultravox;
            error.callId = *call;
            error.occurredAtMs = now;
            return context.recordError(*tenantId, error);
        })
        .then(this,
              [this, job](const Store::Result<qint64> &) { emit finished(job.tenant, job.callId, false); });
}

} // namespace CallScope
