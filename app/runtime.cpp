// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtime.h"

#include "api/metrics.h"
#include "api/readapi.h"
#include "api/readerslot.h"
#include "api/tokenauth.h"
#include "callbacks/callbackdispatcher.h"
#include "http/httpserver.h"
#include "http/router.h"
#include "ingest/ingestservice.h"
#include "ingest/tenantdirectory.h"
#include "ingest/ultravoxbackfill.h"
#include "logging.h"
#include "secrets/environmentsecretstore.h"
#include "secrets/filesecretstore.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/overlaysecretstore.h"
#include "secrets/secretcache.h"
#include "settings.h"
#include "store.h"
#include "storereader.h"
#include "webhookurls.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

Runtime::Runtime(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

Runtime::~Runtime()
{
    // The listener goes first: nothing may reach the store while it stops.
    m_server.reset();
    m_dispatcher.reset();
    m_backfill.reset();
    m_ingest.reset();
    m_readApi.reset();
    m_tokens.reset();
    m_tenants.reset();
    m_reader.reset();
    if (m_store)
        m_store->stop();
}

std::expected<void, QString> Runtime::openSecrets()
{
    std::unique_ptr<SecretStore> beneath;
    if (!m_options.secretsFile.isEmpty()) {
        auto file = FileSecretStore::open(m_options.secretsFile);
        if (!file)
            return std::unexpected(file.error());
        m_secretFileTenants = (*file)->tenants();
        beneath = std::move(*file);
    } else {
        beneath = std::make_unique<KeychainSecretStore>();
    }
    auto overlay =
        std::make_unique<OverlaySecretStore>(std::make_unique<EnvironmentSecretStore>(std::move(beneath)));
    m_overlay = overlay.get();
    m_secrets = std::move(overlay);
    return {};
}

void Runtime::invalidateSecrets(const QString &tenant, const QStringList &keys)
{
    if (!m_secretCache)
        return;
    for (const QString &key : keys)
        m_secretCache->invalidate(tenant, key);
    if (tenant == "default"_L1) // /health says which providers it has
        refreshConfiguredProviders();
}

void Runtime::startWithoutListener()
{
    m_listen = false;
    start();
}

void Runtime::start()
{
    if (!m_secrets) {
        if (auto opened = openSecrets(); !opened) {
            emit failed(opened.error());
            return;
        }
    }
    const DatabaseUrl &url = m_options.database;
    if (url.isSqlite() || !url.password.isEmpty()) {
        openStore(url.password);
        return;
    }
    // PostgreSQL: the password comes from the secret store, else libpq's PGPASSWORD/.pgpass.
    m_secrets->read(u"default"_s, u"db.password"_s).then(this, [this](const SecretValue &value) {
        if (!value)
            qCWarning(lcApp) << "cannot read db.password from the secret store:" << value.error();
        openStore(value && value->has_value() ? **value : QString());
    });
}

void Runtime::openStore(const QString &password)
{
    auto store = Store::open(m_options.database, password);
    if (!store) {
        emit failed(u"cannot open the database %1: %2"_s.arg(m_options.database.displayString(),
                                                             store.error().message));
        return;
    }
    m_store = std::move(*store);
    if (!m_secretFileTenants.isEmpty()) {
        auto ensured = m_store->ensureTenants(m_secretFileTenants);
        ensured.waitForFinished(); // on the writer thread; no event loop needed
        if (const auto result = ensured.result(); !result) {
            emit failed(u"cannot create the tenants of the secrets file: %1"_s.arg(result.error().message));
            return;
        }
    }
    if (m_listen) {
        startListening();
        return;
    }
    emit started();
}

void Runtime::startListening()
{
    Settings settings;
    Http::Limits limits;
    limits.maxBodyBytes = settings.integer(Settings::Key::MaxBodyBytes);
    limits.maxHeaderBytes = settings.integer(Settings::Key::MaxHeaderBytes);
    limits.maxConnections = settings.integer(Settings::Key::MaxConnections);
    limits.requestTimeoutMs = settings.integer(Settings::Key::RequestTimeoutMs);
    limits.idleTimeoutMs = settings.integer(Settings::Key::IdleTimeoutMs);
    limits.ratePerSecond = settings.value(Settings::Key::RatePerSecond).toDouble();
    limits.rateBurst = settings.value(Settings::Key::RateBurst).toDouble();
    m_server = std::make_unique<Http::Server>(limits);
    m_router = std::make_unique<Http::Router>();
    m_secretCache = std::make_unique<SecretCache>(m_secrets.get());
    m_reader = std::make_unique<ReaderSlot>(m_options.database, m_store->password());
    m_tenants = std::make_unique<TenantDirectory>(m_reader.get());
    IngestService::Options ingestOptions;
    ingestOptions.publicBaseUrl = [this] { return publicBaseUrl(); };
    ingestOptions.commitDeadlineMs = settings.integer(Settings::Key::CommitDeadlineMs);
    m_tokens = std::make_unique<TokenAuth>(m_reader.get());
    m_ingest = std::make_unique<IngestService>(m_store.get(), m_tenants.get(), m_secretCache.get(),
                                               m_tokens.get(), ingestOptions);
    UltravoxBackfill::Options backfillOptions;
    backfillOptions.apiBaseUrl = QUrl(m_options.ultravoxApiUrl);
    backfillOptions.firstRetryDelayMs = settings.integer(Settings::Key::UltravoxRetryDelayMs);
    m_backfill = std::make_unique<UltravoxBackfill>(m_store.get(), m_secretCache.get(), backfillOptions);
    m_ingest->setUltravoxBackfill(m_backfill.get());
    m_ingest->registerRoutes(*m_router);
    m_readApi = std::make_unique<ReadApi>(m_reader.get(), m_store.get(), m_tenants.get(), m_tokens.get());
    m_readApi->registerRoutes(*m_router);
    registerRoutes();
    m_server->setHandler(m_router->handler());

    if (!m_options.tlsCert.isEmpty()) {
        QFile certFile(m_options.tlsCert);
        QFile keyFile(m_options.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            emit failed(u"cannot read the TLS certificate or key: %1"_s.arg(
                certFile.isOpen() ? keyFile.errorString() : certFile.errorString()));
            return;
        }
        const QSslCertificate certificate(&certFile, QSsl::Pem);
        QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        if (key.isNull()) {
            keyFile.seek(0);
            key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
        }
        if (certificate.isNull() || key.isNull()) {
            emit failed(u"the TLS certificate or key is not valid PEM"_s);
            return;
        }
        m_server->setTls(certificate, key);
    }

    const QHostAddress address = m_options.listenHost == "localhost"_L1
                                     ? QHostAddress(QHostAddress::LocalHost)
                                     : QHostAddress(m_options.listenHost);
    if (auto listening = m_server->listen(address, m_options.listenPort); !listening)
        m_listenError = listening.error();
    refreshConfiguredProviders();
    startDispatcher();
    m_store->setErrorSeverities(settings.errorSeverities());
    startSweeping(settings);
    emit started();
}

void Runtime::startSweeping(const Settings &settings)
{
    const qint64 staleAfterMs =
        m_options.staleAfter
            ? qint64(m_options.staleAfter->count())
            : qint64(std::max(1, settings.integer(Settings::Key::StaleCallMinutes))) * 60'000;
    m_sweepTimer = new QTimer(this);
    m_sweepTimer->setInterval(std::clamp<qint64>(staleAfterMs / 4, 1'000, 60'000));
    const auto sweep = [this, staleAfterMs] {
        if (m_stopping || !m_store)
            return;
        // Raw receipts (the bodies and headers as they arrived) are kept this long; calls and events
        // stay. Read each time: the settings dialog changes it while the app runs.
        const qint64 retentionMs =
            qint64(std::max(1, Settings().integer(Settings::Key::ReceiptRetentionDays))) * 24 * 3'600'000;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        flushTokenUse();
        m_store->sweep(now - staleAfterMs, now, now - retentionMs)
            .then(this, [](const Store::Result<Store::Sweep> &done) {
                if (!done)
                    qCWarning(lcApp) << "the sweep for stale calls failed:" << done.error().message;
                else if (done->staleCalls > 0 || done->ignoresEnded > 0 || done->receiptsPruned > 0)
                    qCInfo(lcApp) << done->staleCalls << "calls went stale," << done->ignoresEnded
                                  << "ignored error groups are back," << done->receiptsPruned
                                  << "raw receipts past their retention were emptied";
            });
    };
    connect(m_sweepTimer, &QTimer::timeout, this, sweep);
    m_sweepTimer->start();
    sweep();
}

void Runtime::flushTokenUse()
{
    if (!m_tokens || !m_store)
        return;
    if (const QHash<QString, qint64> used = m_tokens->takeUsage(); !used.isEmpty())
        m_store->recordTokenUse(used).then(this, [](const Store::Result<bool> &done) {
            if (!done)
                qCWarning(lcApp) << "cannot record when API tokens were used:" << done.error().message;
        });
}

void Runtime::startDispatcher()
{
    DispatcherConfig config;
    config.frontendUrl = QUrl(m_options.frontendUrl);
    config.backoff = m_options.callbackBackoff;
    config.timeout = m_options.frontendTimeout;
    // The key is looked up per hand-off (through the cache), so a key set later is used at once.
    auto apiKey = [cache = m_secretCache.get()](const QString &tenant,
                                                std::function<void(const QString &)> done) {
        cache->get(tenant, u"frontend.apiKey"_s, std::move(done));
    };
    m_dispatcher = std::make_unique<CallbackDispatcher>(m_store.get(), config, apiKey);
    m_dispatcher->start();
}

void Runtime::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    // The store stops last: after the listener answered what it accepted and the dispatcher released
    // the request it was posting.
    auto waiting = std::make_shared<int>(m_dispatcher ? 2 : 1);
    auto finish = [this, waiting] {
        if (--*waiting > 0)
            return;
        if (m_ingest)
            m_ingest->flushRejectedDeliveries(); // counted in memory: written before the store stops
        flushTokenUse();
        if (m_store)
            m_store->stop(); // commits what it accepted
        emit stopped();
    };
    if (m_dispatcher) {
        connect(m_dispatcher.get(), &CallbackDispatcher::stopped, this, finish, Qt::SingleShotConnection);
        m_dispatcher->stop();
    }
    if (!m_server || m_server->requestsInFlight() == 0) {
        if (m_server)
            m_server->stopAccepting();
        QMetaObject::invokeMethod(this, finish, Qt::QueuedConnection);
        return;
    }
    connect(m_server.get(), &Http::Server::drained, this, finish, Qt::SingleShotConnection);
    m_server->stopAccepting();
}

QString Runtime::listenAddress() const
{
    if (!m_server || !m_server->isListening())
        return {};
    const QHostAddress address = m_server->address();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + address.toString() + u']'
                             : address.toString();
    return host + u':' + QString::number(m_server->port());
}

QString Runtime::publicBaseUrl() const
{
    if (!m_options.publicUrl.isEmpty())
        return m_options.publicUrl;
    const QString scheme = m_options.tlsCert.isEmpty() ? u"http"_s : u"https"_s;
    if (const QString bound = listenAddress(); !bound.isEmpty())
        return scheme + u"://"_s + bound;
    return scheme + u"://%1:%2"_s.arg(m_options.listenHost).arg(m_options.listenPort);
}

void Runtime::readConfiguredProviders(const QString &tenant,
                                      std::function<void(const QHash<QString, bool> &)> done)
{
    // A provider is set up when its first key is stored (Vapi: its secret or its HMAC secret).
    QList<std::pair<QString, QString>> asks; // provider, key
    auto configured = std::make_shared<QHash<QString, bool>>();
    for (const Provider provider : webhookProviders) {
        configured->insert(toString(provider), false);
        for (const QString &key : secretKeysFor(provider)) {
            asks.append({toString(provider), key});
            if (provider != Provider::Vapi)
                break;
        }
    }
    auto pending = std::make_shared<qsizetype>(asks.size());
    auto finish = std::make_shared<std::function<void(const QHash<QString, bool> &)>>(std::move(done));
    for (const auto &[name, key] : std::as_const(asks)) {
        m_secrets->read(tenant, key)
            .then(this, [configured, pending, finish, name](const SecretValue &value) {
                if (value && value->has_value() && !(*value)->isEmpty())
                    configured->insert(name, true);
                if (--*pending == 0)
                    (*finish)(*configured);
            });
    }
}

void Runtime::refreshConfiguredProviders()
{
    readConfiguredProviders(u"default"_s, [this](const QHash<QString, bool> &configured) {
        if (configured == m_configured)
            return;
        m_configured = configured;
        emit providersChanged();
    });
}

void Runtime::registerRoutes()
{
    m_router->add(
        "GET", u"/metrics"_s,
        [this](const Http::Request &, const Http::RouteParams &, Http::Responder responder) {
            Http::Response response;
            response.body = prometheusMetrics(m_ingest->metrics(), *m_store, m_reader->get(),
                                              m_dispatcher ? m_dispatcher->counts() : DispatcherCounts());
            response.headers.append(qMakePair(QByteArray("Content-Type"),
                                              QByteArray("text/plain; version=0.0.4; charset=utf-8")));
            responder.send(response);
        });
    m_router->add(
        "GET", u"/health"_s,
        [this](const Http::Request &, const Http::RouteParams &, Http::Responder responder) {
            QJsonObject providers;
            for (const Provider provider : webhookProviders) {
                const QString name = toString(provider);
                providers.insert(name, QJsonObject{{u"configured"_s, m_configured.value(name)}});
            }
            const bool ok = m_store && !m_stopping;
            responder.send(Http::Response::json(
                200, QJsonObject{{u"status"_s, ok ? u"ok"_s : u"degraded"_s},
                                 {u"store"_s, m_options.database.isSqlite() ? u"sqlite"_s : u"postgresql"_s},
                                 {u"providers"_s, providers},
                                 {u"queueDepth"_s, m_store ? m_store->queueDepth() : 0}}));
        });
}

} // namespace CallScope
