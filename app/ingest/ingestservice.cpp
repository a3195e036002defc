// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingestservice.h"

#include "adapters/adapter.h"
#include "api/backendevents.h"
#include "api/tokenauth.h"
#include "ingest/tenantdirectory.h"
#include "ingest/ultravoxbackfill.h"
#include "logging.h"
#include "secrets/secretcache.h"
#include "store.h"
#include "verify/verifier.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

// Headers kept with a receipt for forensics. Credentials that carry a secret verbatim (Vapi's
// shared secret, bearer tokens, LiveKit's JWT) are never kept.
const QList<QByteArray> keptHeaders{"content-type",
                                    "user-agent",
                                    "x-request-id",
                                    "x-retell-signature",
                                    "x-ultravox-webhook-signature",
                                    "x-ultravox-webhook-timestamp",
                                    "x-twilio-signature",
                                    "i-twilio-idempotency-token",
                                    "x-signature",
                                    "x-timestamp",
                                    "x-call-id"};

// A JSON object of the kept headers, written directly: this runs for every webhook.
QByteArray selectedHeaders(const Http::Request &request)
{
    QByteArray json = "{";
    QList<QByteArray> seen;
    for (const auto &[name, value] : request.headers) {
        const QByteArray lower = name.toLower();
        if (!keptHeaders.contains(lower) || seen.contains(lower))
            continue;
        seen.append(lower);
        if (json.size() > 1)
            json += ',';
        json += '"' + lower + "\":\"";
        for (const char c : value.left(1024)) {
            const auto byte = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\')
                json += '\\' + QByteArray(1, c);
            else if (byte < 0x20 || byte >= 0x7f) // header values are ASCII; anything else is escaped
                json += "\\u00" + QByteArray::number(byte, 16).rightJustified(2, '0');
            else
                json += c;
        }
        json += '"';
    }
    return json + '}';
}

QString verifyErrorCode(VerifyError::Kind kind)
{
    switch (kind) {
    case VerifyError::Kind::MissingCredentials:
        return u"missing_credentials"_s;
    case VerifyError::Kind::StaleTimestamp:
        return u"stale_timestamp"_s;
    case VerifyError::Kind::BadSignature:
        break;
    }
    return u"bad_signature"_s;
}

// Why a delivery was refused, as the settings dialog shows it: short, fixed English words (never a
// detail that could echo a secret or the body).
QString rejectionReason(const QString &code, Provider provider, bool secretConfigured)
{
    if (code == "bad_signature"_L1)
        return u"signature does not match"_s;
    if (code == "stale_timestamp"_L1)
        return u"timestamp outside the allowed window"_s;
    if (code == "missing_credentials"_L1) {
        if (provider == Provider::Backend)
            return u"no bearer token"_s;
        return secretConfigured ? u"no signature"_s : u"no secret configured"_s;
    }
    if (code == "unauthorized"_L1)
        return u"token unknown, revoked or not an ingest token of this tenant"_s;
    if (code == "invalid_json"_L1)
        return u"body is not valid JSON"_s;
    if (code == "invalid_payload"_L1)
        return u"events do not match the API's schema"_s;
    return code;
}

Http::Response constantAnswer(const char *json)
{
    Http::Response response;
    response.status = 200;
    response.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    response.body = QByteArray::fromRawData(json, qsizetype(std::strlen(json)));
    return response;
}

bool isTrue(const QString &value)
{
    return value == "true"_L1 || value == "1"_L1 || value == "yes"_L1;
}

// What the verification of `provider` needs, by the order of IngestService::configurationKeys.
VerifyResult verify(Provider provider, const Http::Request &request, const QStringList &values, qint64 nowMs,
                    const QString &publicBaseUrl)
{
    const HeaderLookup headers = [&request](QByteArrayView name) { return request.header(name); };
    switch (provider) {
    case Provider::Retell:
        return Verify::retell(request.body, headers, values.value(0), nowMs);
    case Provider::Vapi: {
        Verify::VapiCredentials credentials;
        credentials.secret = values.value(0);
        credentials.hmacSecret = values.value(1);
        const auto option = [&values](int index, QString &field) {
            if (!values.value(index).isEmpty())
                field = values.value(index);
        };
        option(2, credentials.plan.algorithm);
        option(3, credentials.plan.signatureHeader);
        option(4, credentials.plan.timestampHeader);
        option(5, credentials.plan.messageTemplate);
        option(6, credentials.plan.encoding);
        option(7, credentials.plan.prefix);
        return Verify::vapi(request.body, headers, credentials);
    }
    case Provider::Ultravox: {
        QStringList secrets;
        for (const QString &secret : values.value(0).split(u',', Qt::SkipEmptyParts))
            secrets << secret.trimmed();
        return Verify::ultravox(request.body, headers, secrets, nowMs);
    }
    case Provider::LiveKit:
        return Verify::liveKit(request.body, headers, values.value(0), values.value(1), nowMs);
    case Provider::Twilio: {
        QString base = publicBaseUrl;
        while (base.endsWith(u'/'))
            base.chop(1);
        return Verify::twilio(base + QString::fromUtf8(request.target), request.body,
                              request.header("content-type"), headers, values.value(0));
    }
    case Provider::Backend:
        break;
    }
    return std::unexpected(
        VerifyError{VerifyError::Kind::MissingCredentials, u"no verifier for this route"_s});
}

} // namespace

IngestService::IngestService(Store *store, TenantDirectory *tenants, SecretCache *secrets, TokenAuth *tokens,
                             Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_tenants(tenants)
    , m_secrets(secrets)
    , m_tokens(tokens)
    , m_options(std::move(options))
{
    if (!m_options.clock)
        m_options.clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_monotonic.start();
    m_sweep.setInterval(std::clamp(m_options.commitDeadlineMs / 20, 10, 250));
    connect(&m_sweep, &QTimer::timeout, this, &IngestService::expireOverdue);
    m_rejectedFlush.setSingleShot(true);
    m_rejectedFlush.setInterval(1'000);
    connect(&m_rejectedFlush, &QTimer::timeout, this, &IngestService::flushRejectedDeliveries);
    // A tenant renamed, deleted or created in this process is routed by what the store says now.
    connect(m_store, &Store::changed, this, [this](const StoreChanges &changes) {
        if (changes.kinds & StoreChanges::Tenants)
            m_tenants->clear();
    });
}

void IngestService::expireOverdue()
{
    const qint64 now = m_monotonic.nsecsElapsed();
    while (!m_pending.empty() && (m_pending.front()->answered || m_pending.front()->deadlineNs <= now)) {
        PendingAnswer &pending = *m_pending.front();
        if (!pending.answered) {
            pending.answered = true;
            count(pending.provider, u"unavailable"_s);
            pending.responder->send(
                Http::Response::error(503, u"unavailable"_s, u"the store did not commit in time; retry"_s)
                    .withHeader("Retry-After", QByteArray::number(m_options.retryAfterSeconds)));
        }
        m_pending.pop_front();
    }
    if (m_pending.empty())
        m_sweep.stop();
}

IngestService::~IngestService()
{
    flushRejectedDeliveries();
}

void IngestService::countRejected(TenantId tenant, Provider provider, const QString &code,
                                  bool secretConfigured)
{
    Rejected &rejected = m_rejected[{tenant.value, toString(provider)}];
    ++rejected.count;
    rejected.lastAtMs = m_options.clock();
    rejected.lastReason = rejectionReason(code, provider, secretConfigured);
    if (!m_rejectedFlush.isActive())
        m_rejectedFlush.start();
}

void IngestService::flushRejectedDeliveries()
{
    m_rejectedFlush.stop();
    for (const auto &[key, rejected] : std::as_const(m_rejected)) {
        m_store
            ->recordRejectedDeliveries(TenantId{key.first}, key.second, rejected.count, rejected.lastAtMs,
                                       rejected.lastReason)
            .then(this, [provider = key.second](const Store::Result<bool> &done) {
                if (!done)
                    qCWarning(lcHttp)
                        << "cannot count rejected" << provider << "deliveries:" << done.error().message;
            });
    }
    m_rejected.clear();
}

QStringList IngestService::configurationKeys(Provider provider)
{
    // "<provider>.unsigned" = true marks a provider as accepted without a signature, for
    // development only (the UI warns); it is read from the same place as the secrets.
    const QString unsignedKey = toString(provider) + u".unsigned"_s;
    switch (provider) {
    case Provider::Retell:
        return {u"retell.apiKey"_s, unsignedKey};
    case Provider::Vapi:
        return {u"vapi.secret"_s,        u"vapi.hmacSecret"_s,           u"vapi.hmac.algorithm"_s,
                u"vapi.hmac.header"_s,   u"vapi.hmac.timestampHeader"_s, u"vapi.hmac.template"_s,
                u"vapi.hmac.encoding"_s, u"vapi.hmac.prefix"_s,          unsignedKey};
    case Provider::Ultravox:
        return {u"ultravox.webhookSecret"_s, u"ultravox.apiKey"_s, unsignedKey};
    case Provider::LiveKit:
        return {u"livekit.apiKey"_s, u"livekit.apiSecret"_s, unsignedKey};
    case Provider::Twilio:
        return {u"twilio.authToken"_s, unsignedKey};
    case Provider::Backend:
        break;
    }
    return {};
}

void IngestService::registerRoutes(Http::Router &router)
{
    const auto handler = [this](const Http::Request &request, const Http::RouteParams &params,
                                Http::Responder responder) {
        handleWebhook(request, params, std::move(responder));
    };
    router.add("POST", u"/webhooks/{provider}"_s, handler);
    router.add("POST", u"/t/{tenant}/webhooks/{provider}"_s, handler);
    const auto events = [this](const Http::Request &request, const Http::RouteParams &params,
                               Http::Responder responder) {
        handleBackendEvents(request, params, std::move(responder));
    };
    router.add("POST", u"/api/v1/events"_s, events);
    router.add("POST", u"/t/{tenant}/api/v1/events"_s, events);
}

void IngestService::count(Provider provider, const QString &result)
{
    ++m_metrics.receipts[toString(provider)][result];
}

void IngestService::observeLatency(qint64 startedNs)
{
    const double seconds = double(startedNs) / 1e9;
    ++m_metrics.latencyCount;
    m_metrics.latencySum += seconds;
    for (size_t i = 0; i < std::size(IngestMetrics::latencyBuckets); ++i) {
        if (seconds <= IngestMetrics::latencyBuckets[i])
            ++m_metrics.latencyCounts[i];
    }
}

void IngestService::storeAndAnswer(IngestSubmission submission, Provider provider,
                                   std::shared_ptr<Http::Responder> responder,
                                   std::function<void(const IngestResult &, Http::Responder &)> onCommitted)
{
    // Answered once: by the commit, or by the deadline when the store is too slow.
    auto pending = std::make_shared<PendingAnswer>(
        PendingAnswer{responder, provider,
                      m_monotonic.nsecsElapsed() + qint64(m_options.commitDeadlineMs) * 1'000'000, false});
    m_pending.push_back(pending);
    if (!m_sweep.isActive())
        m_sweep.start();
    const QString tenant = submission.tenantSlug; // before the submission is moved away
    m_store->ingest(std::move(submission), [this, pending, responder, provider, tenant,
                                            onCommitted = std::move(onCommitted)](
                                               const Store::Result<IngestResult> &result) {
        if (pending->answered)
            return;
        pending->answered = true;
        if (result) {
            onCommitted(*result, *responder);
            return;
        }
        count(provider, u"unavailable"_s);
        qCWarning(lcHttp) << "cannot store a" << toString(provider) << "delivery:" << result.error().message;
        switch (result.error().kind) {
        case StoreError::Kind::Unavailable:
        case StoreError::Kind::ShuttingDown:
            responder->send(
                Http::Response::error(503, u"unavailable"_s, u"the store cannot commit right now; retry"_s)
                    .withHeader("Retry-After", QByteArray::number(m_options.retryAfterSeconds)));
            return;
        case StoreError::Kind::UnknownTenant:
            m_tenants->forget(tenant); // deleted since it was routed
            responder->send(Http::Response::error(404, u"not_found"_s, u"unknown tenant"_s));
            return;
        default:
            responder->send(Http::Response::error(500, u"internal"_s, u"the delivery could not be stored"_s));
            return;
        }
    });
}

void IngestService::handleBackendEvents(const Http::Request &request, const Http::RouteParams &params,
                                        Http::Responder responder)
{
    const QString tenant = params.value(u"tenant"_s, u"default"_s);
    const auto admitted = m_tokens->admit(request, tenant, TokenAuth::Scope::Ingest, *m_tenants);
    if (!admitted) {
        if (admitted.error().code != "not_found"_L1) {
            count(Provider::Backend, admitted.error().code);
            if (const std::optional<TenantId> known = m_tenants->find(tenant))
                countRejected(*known, Provider::Backend, admitted.error().code);
        }
        responder.send(admitted.error().response);
        return;
    }
    auto units = parseBackendEvents(request.body, m_options.clock());
    if (!units) {
        const QString code = units.error().invalidJson ? u"invalid_json"_s : u"invalid_payload"_s;
        count(Provider::Backend, code);
        countRejected(*admitted, Provider::Backend, code);
        QJsonObject body{{u"error"_s, code}, {u"detail"_s, units.error().detail}};
        if (units.error().index >= 0)
            body.insert(u"index"_s, units.error().index);
        responder.send(Http::Response::json(400, body));
        return;
    }
    const QByteArray headers = selectedHeaders(request);
    for (IngestUnit &unit : *units)
        unit.receipt.headersJson = headers;
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    storeAndAnswer(
        IngestSubmission{tenant, std::move(*units)}, Provider::Backend,
        std::make_shared<Http::Responder>(std::move(responder)),
        [this, timer](const IngestResult &result, Http::Responder &answer) {
            observeLatency(timer->nsecsElapsed());
            m_metrics.receipts[u"backend"_s][u"accepted"_s] += quint64(result.accepted);
            m_metrics.receipts[u"backend"_s][u"duplicate"_s] += quint64(result.duplicates);
            answer.send(Http::Response::json(
                200, QJsonObject{{u"accepted"_s, result.accepted}, {u"duplicates"_s, result.duplicates}}));
        });
}

void IngestService::handleWebhook(const Http::Request &request, const Http::RouteParams &params,
                                  Http::Responder responder)
{
    const QString providerName = params.value(u"provider"_s);
    const std::optional<Provider> provider = providerFromString(providerName);
    if (!provider || *provider == Provider::Backend) {
        responder.send(
            Http::Response::error(404, u"not_found"_s, u"no webhook route for \"%1\""_s.arg(providerName)));
        return;
    }
    const QString tenant = params.value(u"tenant"_s, u"default"_s);
    const std::optional<TenantId> tenantId = m_tenants->find(tenant);
    if (!tenantId) {
        responder.send(Http::Response::error(404, u"not_found"_s, u"unknown tenant \"%1\""_s.arg(tenant)));
        return;
    }

    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const qint64 receivedAtMs = m_options.clock();
    const QStringList keys = configurationKeys(*provider);
    m_secrets->get(
        tenant, keys,
        [this, request, provider = *provider, tenant, tenantId = *tenantId, receivedAtMs, timer,
         responder = std::make_shared<Http::Responder>(std::move(responder))](const QStringList &values) {
            const bool unsignedAllowed = isTrue(values.constLast());
            const bool hasSecret =
                !values.first().isEmpty() || (provider == Provider::Vapi && !values.value(1).isEmpty());
            Verification verification = Verification::Verified;
            if (unsignedAllowed && !hasSecret) {
                verification = Verification::Unsigned;
            } else if (auto verified = verify(provider, request, values, receivedAtMs,
                                              provider == Provider::Twilio && m_options.publicBaseUrl
                                                  ? m_options.publicBaseUrl()
                                                  : QString());
                       !verified) {
                const QString code = verifyErrorCode(verified.error().kind);
                count(provider, code);
                countRejected(tenantId, provider, code, hasSecret);
                qCDebug(lcHttp) << "request" << request.id << toString(provider) << "refused:" << code;
                responder->send(Http::Response::error(401, code, verified.error().detail));
                return;
            }

            AdapterResult adapted = adapt(provider, request.body, receivedAtMs);
            if (!adapted) {
                count(provider, u"invalid_json"_s);
                countRejected(tenantId, provider, u"invalid_json"_s);
                responder->send(Http::Response::error(400, u"invalid_json"_s, adapted.error().detail));
                return;
            }

            IngestUnit unit;
            unit.receipt.provider = provider;
            unit.receipt.eventKey = adapted->eventKey;
            unit.receipt.eventType = adapted->eventType;
            unit.receipt.providerCallId = adapted->providerCallId;
            unit.receipt.receivedAtMs = receivedAtMs;
            unit.receipt.status =
                adapted->attributed ? ReceiptStatus::Processed : ReceiptStatus::Unattributed;
            unit.receipt.unattributedReason = adapted->unattributedReason;
            unit.receipt.verification = verification;
            unit.receipt.headersJson = selectedHeaders(request);
            unit.receipt.body = adapted->redactedBody.isEmpty() ? request.body : adapted->redactedBody;
            if (unit.receipt.eventKey.isEmpty()) // never collapse unidentifiable deliveries
                unit.receipt.eventKey =
                    u"body:"_s +
                    QString::fromLatin1(
                        QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex());
            unit.events = std::move(adapted->events);
            const bool ended = std::any_of(unit.events.cbegin(), unit.events.cend(), [](const CallEvent &e) {
                return e.kind == EventKind::CallStatus &&
                       e.payload.value(u"status"_s).toString() == "ended"_L1;
            });
            const bool vapiToolCalls = provider == Provider::Vapi && adapted->eventType == "tool-calls"_L1;
            const QString callId = adapted->providerCallId;
            const bool attributed = adapted->attributed;

            // Answered once: by the commit, or by the deadline when the store is too slow.
            storeAndAnswer(IngestSubmission{tenant, {std::move(unit)}}, provider, responder,
                           [this, provider, tenant, callId, ended, vapiToolCalls, attributed,
                            timer](const IngestResult &result, Http::Responder &answer) {
                               observeLatency(timer->nsecsElapsed());
                               if (result.duplicates > 0) {
                                   count(provider, u"duplicate"_s);
                                   answer.send(constantAnswer(R"({"status":"duplicate"})"));
                                   return;
                               }
                               count(provider, attributed ? u"accepted"_s : u"unattributed"_s);
                               // Vapi waits for an answer to tool-calls; CallScope only records them.
                               answer.send(vapiToolCalls ? constantAnswer("{}")
                                                         : constantAnswer(R"({"status":"accepted"})"));
                               if (provider == Provider::Ultravox && ended && m_backfill && !callId.isEmpty())
                                   m_backfill->schedule(tenant, callId);
                           });
        });
}

} // namespace CallScope
