// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/options.h"

#include <QObject>

class QTimer;

#include <functional>
#include <memory>

namespace CallScope {

class CallbackDispatcher;
class IngestService;
class OverlaySecretStore;
class SecretCache;
class SecretStore;
class Settings;
class Store;
class TenantDirectory;
class TokenAuth;
class ReadApi;
class ReaderSlot;
class UltravoxBackfill;
namespace Http {
class Router;
class Server;
} // namespace Http

// Everything that runs without a window, wired once for both executables: the secret store, the
// durable store, the HTTP listener and the callback dispatcher. start() is asynchronous because the
// keychain is.
class Runtime : public QObject
{
    Q_OBJECT

public:
    explicit Runtime(Options options, QObject *parent = nullptr);
    ~Runtime() override;

    // Opens the secret store (synchronously, so a refused --secrets-file is reported at once).
    std::expected<void, QString> openSecrets();
    // Opens the database, the listener and the callback dispatcher (which posts only with a
    // frontend URL); emits started() or failed(). A listener that cannot bind is reported by
    // listenError() and does not stop the desktop app (the server treats it as a failure).
    void start();
    // Opens the database only (for the command-line commands); emits started() or failed().
    void startWithoutListener();
    // Stops accepting and dispatching, answers what was accepted, releases the callback request
    // being posted, commits it all, then emits stopped().
    void shutdown();

    const Options &options() const { return m_options; }
    SecretStore *secrets() const { return m_secrets.get(); }
    // The outermost layer of secrets(): where the demo tenant's generated secrets live, in memory only.
    OverlaySecretStore *overlaySecrets() const { return m_overlay; }
    // Forgets the listener's cached values of `keys`, so that changed secrets are used at once.
    void invalidateSecrets(const QString &tenant, const QStringList &keys);
    Store *store() const { return m_store.get(); }
    Http::Server *server() const { return m_server.get(); }
    CallbackDispatcher *dispatcher() const { return m_dispatcher.get(); } // once started

    QString listenAddress() const; // HOST:PORT actually bound, empty when not listening
    QString listenError() const { return m_listenError; }
    QString publicBaseUrl() const;
    // Which providers have their signing secrets for the tenant "default" (for /health and the UI).
    QHash<QString, bool> configuredProviders() const { return m_configured; }
    // The same for any tenant, read from the secret store: `done` gets every provider once all
    // reads answered (on this object's thread).
    void readConfiguredProviders(const QString &tenant,
                                 std::function<void(const QHash<QString, bool> &)> done);

signals:
    void started();
    void failed(const QString &reason);
    // configuredProviders() changed (secrets are read asynchronously after start).
    void providersChanged();
    void stopped();

private:
    void openStore(const QString &password);
    void startListening();
    void registerRoutes();
    void refreshConfiguredProviders();
    void startDispatcher();
    void startSweeping(const Settings &settings);
    // When API tokens were last used, collected by TokenAuth: written with the minute's sweep and at
    // shutdown.
    void flushTokenUse();

    Options m_options;
    std::unique_ptr<SecretStore> m_secrets;
    OverlaySecretStore *m_overlay = nullptr; // m_secrets itself
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Http::Server> m_server;
    std::unique_ptr<Http::Router> m_router;
    std::unique_ptr<SecretCache> m_secretCache;
    std::unique_ptr<ReaderSlot> m_reader; // the listener thread's reads, shared by the four below
    std::unique_ptr<TenantDirectory> m_tenants;
    std::unique_ptr<TokenAuth> m_tokens;
    std::unique_ptr<ReadApi> m_readApi;
    std::unique_ptr<IngestService> m_ingest;
    std::unique_ptr<UltravoxBackfill> m_backfill;
    std::unique_ptr<CallbackDispatcher> m_dispatcher;
    QTimer *m_sweepTimer = nullptr; // stale calls and ended ignores, every minute

    QString m_listenError;
    QStringList m_secretFileTenants;
    QHash<QString, bool> m_configured;
    bool m_stopping = false;
    bool m_listen = true;
};

} // namespace CallScope
