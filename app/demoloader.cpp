// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoloader.h"

#include "ingest/ingestservice.h"
#include "logging.h"
#include "runtime.h"
#include "secrets/overlaysecretstore.h"
#include "sim/simulation.h"
#include "store.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

// Hex from the system's secure generator: the demo's secrets must not be guessable either, the
// listener accepts what they sign.
QString randomHex(int bytes)
{
    QString out;
    while (out.size() < 2 * bytes)
        out += QString::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, QChar(u'0'));
    return out.left(2 * bytes);
}

// The secrets generated for a run: shaped like the providers' own (Retell's key_…, LiveKit's
// API…), for whoever looks at one in a debugger; their strength is in the random part.
struct GeneratedSecret
{
    QString key;
    QString prefix;
    int randomBytes;
};

const QList<GeneratedSecret> &generatedSecrets()
{
    static const QList<GeneratedSecret> secrets{
        {u"retell.apiKey"_s, u"key_"_s, 16},   {u"vapi.secret"_s, {}, 24},
        {u"ultravox.webhookSecret"_s, {}, 32}, {u"livekit.apiKey"_s, u"API"_s, 8},
        {u"livekit.apiSecret"_s, {}, 32},      {u"twilio.authToken"_s, {}, 16},
    };
    return secrets;
}

QHash<QString, QString> generateSecrets()
{
    QHash<QString, QString> secrets;
    for (const GeneratedSecret &secret : generatedSecrets())
        secrets.insert(secret.key, secret.prefix + randomHex(secret.randomBytes));
    return secrets;
}

// Every key the listener may have cached for a tenant, so that none of the demo's answers outlives
// the run in the cache (nor a miss from before it shadows the run's secrets).
QStringList cachedKeys()
{
    QStringList keys = SecretStore::knownKeys();
    for (const Provider provider : webhookProviders) {
        for (const QString &key : IngestService::configurationKeys(provider)) {
            if (!keys.contains(key))
                keys.append(key);
        }
    }
    return keys;
}

// The simulator threads still running. They are never waited for while the application runs (the
// listener they talk to shares the GUI thread), but they are when the application object goes: by
// then the listener is closed, so they end at once instead of running into static destruction.
QSet<QThread *> &runningWorkers()
{
    static QSet<QThread *> workers;
    return workers;
}

void waitForWorkers()
{
    const QSet<QThread *> workers = std::exchange(runningWorkers(), {});
    for (QThread *worker : workers) {
        worker->wait();
        delete worker;
    }
}

// Gives the tenant's secrets back to the store beneath the overlay and drops what the listener
// cached of them, so that none of the run's outlives it.
void dropRunSecrets(Runtime *runtime, const QString &tenant)
{
    if (OverlaySecretStore *overlay = runtime->overlaySecrets())
        overlay->clearTenant(tenant);
    runtime->invalidateSecrets(tenant, cachedKeys());
}

} // namespace

struct DemoLoader::Run
{
    QPointer<DemoLoader> loader; // read on the GUI thread only
    QPointer<Runtime> runtime;
    QString tenant;
    QString name;
    int calls = 0;
    std::optional<Sim::Language> language;
    quint64 seed = 0;
    QHash<QString, QString> secrets;
    bool overlaid = false;
    bool launched = false; // the worker took over
    QString tokenId;
    QString token;
    std::atomic<bool> cancelled{false};
};

struct DemoLoader::Outcome
{
    int code = 0;
    qint64 deliveries = 0;
    qint64 acked = 0;
    qint64 rejected = 0;
    QStringList rejectionSamples;
    QString fatal;
    QStringList notes;
    bool cancelled = false;
};

DemoLoader::DemoLoader(Runtime *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
{}

DemoLoader::~DemoLoader()
{
    cancel();
    // Not launched yet: nothing else will take the run's secrets out of the overlay.
    if (m_run && !m_run->launched && m_run->overlaid && m_run->runtime)
        dropRunSecrets(m_run->runtime, m_run->tenant);
}

const QStringList &DemoLoader::secretKeys()
{
    static const QStringList keys = [] {
        QStringList keys;
        for (const GeneratedSecret &secret : generatedSecrets())
            keys << secret.key;
        return keys;
    }();
    return keys;
}

bool DemoLoader::isRunning() const
{
    return m_run != nullptr;
}

QString DemoLoader::tokenId() const
{
    return m_tokenId;
}

void DemoLoader::cancel()
{
    if (m_run)
        m_run->cancelled = true;
}

void DemoLoader::start(const Options &options)
{
    if (m_run) {
        qCWarning(lcApp) << "demo calls are being loaded already";
        return;
    }
    auto run = std::make_shared<Run>();
    run->loader = this;
    run->runtime = m_runtime;
    run->tenant = options.tenant;
    run->name = options.name.isEmpty() ? tr("Demo practice") : options.name;
    run->calls = std::max(1, options.calls);
    switch (options.language) {
    case Language::FollowUi:
        run->language =
            QLocale().language() == QLocale::German ? Sim::Language::German : Sim::Language::English;
        break;
    case Language::English:
        run->language = Sim::Language::English;
        break;
    case Language::German:
        run->language = Sim::Language::German;
        break;
    case Language::Mixed:
        break;
    }
    run->seed = options.seed != 0 ? options.seed : QRandomGenerator::system()->generate64() | 1;
    m_run = run;
    m_tokenId.clear();

    // Reported from the event loop, so that a caller connects before anything is emitted.
    QMetaObject::invokeMethod(
        this, [this, run] { prepare(run); }, Qt::QueuedConnection);
}

void DemoLoader::fail(const QString &reason)
{
    const std::shared_ptr<Run> run = std::exchange(m_run, nullptr);
    if (run && run->runtime) {
        if (run->overlaid && run->runtime->overlaySecrets())
            dropRunSecrets(run->runtime, run->tenant);
        if (!run->tokenId.isEmpty() && run->runtime->store())
            run->runtime->store()->revokeToken(run->tenant, run->tokenId);
    }
    qCWarning(lcApp) << "the demo calls were not loaded:" << reason;
    emit failed(reason);
}

void DemoLoader::prepare(const std::shared_ptr<Run> &run)
{
    Runtime *runtime = run->runtime;
    if (!runtime || !runtime->store() || !runtime->overlaySecrets()) {
        fail(tr("CallScope has not started yet."));
        return;
    }
    if (runtime->listenAddress().isEmpty()) {
        const QString why =
            runtime->listenError().isEmpty() ? tr("it has not been started") : runtime->listenError();
        fail(tr("The listener is not running: %1").arg(why));
        return;
    }
    // The simulator speaks plain HTTP only.
    if (!runtime->options().tlsCert.isEmpty()) {
        fail(tr("Demo calls cannot be loaded while the listener uses TLS."));
        return;
    }
    runtime->store()
        ->createTenant(run->tenant, run->name)
        .then(this, [this, run](const Store::Result<Tenant> &created) {
            if (run != m_run)
                return;
            if (!created && created.error().kind != StoreError::Kind::Conflict) {
                fail(tr("The tenant “%1” cannot be created: %2").arg(run->tenant, created.error().message));
                return;
            }
            Runtime *runtime = run->runtime;
            if (!runtime || !runtime->store()) {
                fail(tr("CallScope is shutting down."));
                return;
            }
            run->secrets = generateSecrets();
            runtime->overlaySecrets()->setTenantSecrets(run->tenant, run->secrets);
            run->overlaid = true;
            runtime->invalidateSecrets(run->tenant, cachedKeys());
            // In the runtime's context: a token made after the loader went is revoked all the same.
            runtime->store()
                ->createToken(run->tenant, u"ingest"_s, u"demo"_s)
                .then(runtime, [run](const Store::Result<Store::NewToken> &token) {
                    DemoLoader *loader = run->loader;
                    if (!loader || run != loader->m_run) {
                        if (token && run->runtime && run->runtime->store())
                            run->runtime->store()->revokeToken(run->tenant, token->tokenId);
                        return;
                    }
                    loader->tokenCreated(run, token);
                });
        });
}

void DemoLoader::tokenCreated(const std::shared_ptr<Run> &run, const Store::Result<Store::NewToken> &token)
{
    if (!token) {
        fail(tr("No ingest token can be created for “%1”: %2").arg(run->tenant, token.error().message));
        return;
    }
    run->tokenId = token->tokenId;
    run->token = token->token;
    m_tokenId = token->tokenId;
    launch(run);
}

void DemoLoader::launch(const std::shared_ptr<Run> &run)
{
    Runtime *runtime = run->runtime;
    if (!runtime || runtime->listenAddress().isEmpty()) {
        fail(tr("The listener stopped."));
        return;
    }
    Sim::SimOptions sim;
    sim.url = QUrl(u"http://"_s + runtime->listenAddress());
    sim.publicUrl = QUrl(runtime->publicBaseUrl());
    sim.secrets = run->secrets;
    sim.tenant = run->tenant;
    sim.ingestToken = run->token.toUtf8();
    sim.calls = run->calls;
    sim.concurrency = 4;
    sim.providers = {std::begin(webhookProviders), std::end(webhookProviders)};
    sim.backend = true;
    sim.providersGiven = true;
    sim.seed = run->seed;
    sim.language = run->language;
    sim.timeoutMs = 15'000;

    QThread *worker = QThread::create([run, sim] {
        QThread *self = QThread::currentThread();
        Sim::SimHooks hooks;
        hooks.cancelled = [run] { return run->cancelled.load(); };
        hooks.progress = [run, self](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                self,
                [run, done, total] {
                    if (run->loader)
                        run->loader->reportProgress(done, total);
                },
                Qt::QueuedConnection);
        };
        Sim::Simulation simulation(sim, hooks);
        Outcome outcome;
        outcome.code = simulation.run(nullptr, nullptr);
        outcome.deliveries = simulation.deliveries();
        outcome.acked = simulation.stats().ackedDeliveries;
        outcome.rejected = simulation.stats().rejectedDeliveries;
        outcome.rejectionSamples = simulation.stats().rejectionSamples;
        outcome.fatal = simulation.stats().fatal;
        outcome.notes = simulation.notes();
        outcome.cancelled = simulation.wasCancelled();
        // The thread object lives on the GUI thread: this runs there, after the last progress.
        QMetaObject::invokeMethod(
            self, [run, outcome] { conclude(run, outcome); }, Qt::QueuedConnection);
    });
    worker->setObjectName(u"demo-loader"_s);
    run->launched = true;
    static const bool waitsAtExit = [] {
        qAddPostRoutine(waitForWorkers);
        return true;
    }();
    Q_UNUSED(waitsAtExit);
    runningWorkers().insert(worker);
    connect(worker, &QThread::finished, worker, [worker] {
        runningWorkers().remove(worker);
        worker->deleteLater();
    });
    worker->start();
}

void DemoLoader::reportProgress(qint64 done, qint64 total)
{
    emit progress(int(done), int(total));
}

// On the GUI thread, whether or not the loader is still there: the run's secrets leave the overlay,
// its token is revoked, and the loader (if any) reports once the revocation is committed.
void DemoLoader::conclude(const std::shared_ptr<Run> &run, const Outcome &outcome)
{
    Runtime *runtime = run->runtime;
    if (!runtime) {
        if (run->loader)
            run->loader->report(*run, outcome);
        return;
    }
    dropRunSecrets(runtime, run->tenant);
    Store *store = runtime->store();
    if (!store) {
        if (run->loader)
            run->loader->report(*run, outcome);
        return;
    }
    QObject *context = run->loader ? static_cast<QObject *>(run->loader) : static_cast<QObject *>(runtime);
    store->revokeToken(run->tenant, run->tokenId)
        .then(context, [run, outcome](const Store::Result<bool> &revoked) {
            if (!revoked)
                qCWarning(lcApp) << "the demo's ingest token was not revoked:" << revoked.error().message;
            if (run->loader)
                run->loader->report(*run, outcome);
        });
}

void DemoLoader::report(const Run &run, const Outcome &outcome)
{
    if (m_run.get() != &run)
        return;
    m_run.reset();
    const QLocale locale;
    if (outcome.code == 2 || (outcome.acked == 0 && outcome.rejected == 0 && !outcome.fatal.isEmpty())) {
        const QString why = outcome.fatal.isEmpty() ? outcome.notes.join(u"; "_s) : outcome.fatal;
        qCWarning(lcApp) << "the demo calls were not loaded:" << why;
        emit failed(tr("The demo could not reach the listener: %1").arg(why));
        return;
    }
    if (outcome.cancelled) {
        emit finished(false, tr("Cancelled: %1 of %2 deliveries were loaded.")
                                 .arg(locale.toString(outcome.acked), locale.toString(outcome.deliveries)));
        return;
    }
    if (!outcome.fatal.isEmpty()) {
        qCWarning(lcApp) << "the listener stopped answering the demo after" << outcome.acked << "of"
                         << outcome.deliveries << "deliveries:" << outcome.fatal;
        emit finished(false, tr("The listener stopped answering after %1 of %2 deliveries: %3")
                                 .arg(locale.toString(outcome.acked), locale.toString(outcome.deliveries),
                                      outcome.fatal));
        return;
    }
    if (outcome.rejected > 0) {
        const QString sample = outcome.rejectionSamples.value(0);
        qCWarning(lcApp) << outcome.rejected << "of" << outcome.deliveries
                         << "demo deliveries were refused, the first:" << sample;
        emit finished(
            false, tr("%1 of %2 deliveries were refused: %3")
                       .arg(locale.toString(outcome.rejected), locale.toString(outcome.deliveries), sample));
        return;
    }
    qCInfo(lcApp) << "loaded" << run.calls << "demo calls into tenant" << run.tenant;
    const QString loaded =
        run.calls == 1 ? tr("1 demo call loaded") : tr("%n demo calls loaded", nullptr, run.calls);
    emit finished(true, tr("%1 into “%2”: %3 deliveries, each signed, verified and stored.")
                            .arg(loaded, run.name, locale.toString(outcome.deliveries)));
}

} // namespace CallScope
