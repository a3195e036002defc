// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/httptypes.h"
#include "http/router.h"
#include "storetypes.h"
#include "types.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace CallScope {

class SecretCache;
class Store;
class TenantDirectory;
class TokenAuth;
class UltravoxBackfill;

// Counters of what the webhook routes did, for /metrics.
struct IngestMetrics
{
    // provider -> result (accepted, duplicate, unattributed, bad_signature, stale_timestamp,
    // missing_credentials, invalid_json, unavailable) -> count
    QHash<QString, QHash<QString, quint64>> receipts;
    // Seconds from the request to its answer after commit, cumulative buckets.
    static constexpr double latencyBuckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                0.1,   0.25,   0.5,   1,    2.5,   5};
    quint64 latencyCounts[std::size(latencyBuckets)] = {};
    quint64 latencyCount = 0;
    double latencySum = 0;
};

// The ingest routes: the providers' webhooks (POST /webhooks/{provider}) and the backends' own
// events (POST /api/v1/events), also under /t/{tenant}/. A delivery is routed to its tenant,
// verified (signature or bearer token), parsed, stored with its receipt through the writer's group
// commit, and answered only after the commit (or 503 when the store cannot commit within the
// deadline, so the sender retries).
class IngestService : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        std::function<qint64()> clock;          // ms since the epoch
        std::function<QString()> publicBaseUrl; // what Twilio signs: base + request target
        int commitDeadlineMs = 5'000;
        int retryAfterSeconds = 5;
    };

    IngestService(Store *store, TenantDirectory *tenants, SecretCache *secrets, TokenAuth *tokens,
                  Options options, QObject *parent = nullptr);
    ~IngestService() override;

    void registerRoutes(Http::Router &router);
    void setUltravoxBackfill(UltravoxBackfill *backfill) { m_backfill = backfill; }
    const IngestMetrics &metrics() const { return m_metrics; }

    // Hands the rejected deliveries counted since the last time to the store (they are counted in
    // memory and written at most about once a second; also done by the destructor). Call it before
    // the store stops, so that none counted is lost.
    void flushRejectedDeliveries();

    // The secret keys (and non-secret options kept beside them) a provider's verification reads.
    static QStringList configurationKeys(Provider provider);

private:
    // A delivery waiting for its commit. Answered exactly once: by the commit, or by the deadline.
    struct PendingAnswer
    {
        std::shared_ptr<Http::Responder> responder;
        Provider provider = Provider::Backend;
        qint64 deadlineNs = 0;
        bool answered = false;
    };
    void expireOverdue();
    // Stores `submission` and answers with `onCommitted(result)` after the commit, or 503 first.
    void storeAndAnswer(IngestSubmission submission, Provider provider,
                        std::shared_ptr<Http::Responder> responder,
                        std::function<void(const IngestResult &, Http::Responder &)> onCommitted);
    void handleBackendEvents(const Http::Request &request, const Http::RouteParams &params,
                             Http::Responder responder);
    void handleWebhook(const Http::Request &request, const Http::RouteParams &params,
                       Http::Responder responder);
    void count(Provider provider, const QString &result);
    // A delivery refused for a known tenant (401, 400): counted per tenant and provider for the
    // settings' "is my webhook working?", with `code` (an error code of the HTTP spec) as its reason.
    void countRejected(TenantId tenant, Provider provider, const QString &code, bool secretConfigured = true);
    void observeLatency(qint64 startedNs);

    Store *m_store;
    TenantDirectory *m_tenants;
    SecretCache *m_secrets;
    TokenAuth *m_tokens;
    Options m_options;
    UltravoxBackfill *m_backfill = nullptr;
    IngestMetrics m_metrics;
    // Deadlines all have the same length, so they expire in arrival order: one timer sweeps the
    // front (a timer per request costs O(n) each in Qt's timer list).
    std::deque<std::shared_ptr<PendingAnswer>> m_pending;
    QTimer m_sweep;
    QElapsedTimer m_monotonic;

    // Rejections waiting to be written, by (tenant id, provider): a flood of bad signatures costs
    // one write per tenant and provider a second, not one per request.
    struct Rejected
    {
        qint64 count = 0;
        qint64 lastAtMs = 0;
        QString lastReason;
    };
    std::map<std::pair<qint64, QString>, Rejected> m_rejected;
    QTimer m_rejectedFlush;
};

} // namespace CallScope
