// SPDX-License-Identifier: GPL-3.0-or-later
// "Load demo calls" through the real path: a real Runtime (listener on a free port, the store on
// SQLite or PostgreSQL, CALLSCOPE_TEST_BACKEND, secrets from a 0600 file) and the simulator on its own
// thread. The calls arrive signed and verified, with the backend's events; the generated secrets
// never reach the store beneath the overlay; the ingest token is revoked; a second load adds calls;
// no listener, a cancel and a loader destroyed mid-run end cleanly.
#include "demoloader.h"
#include "runtime.h"
#include "runtimesupport.h"
#include "secrets/memorysecretstore.h"
#include "secrets/overlaysecretstore.h"
#include "settings.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

class TestDemoLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void theOverlayAnswersForItsTenantsAndForwardsTheRest();
    void demoCallsArriveVerifiedWithBackendEvents();
    void aSecondLoadAddsCalls();
    void theGeneratedSecretsStayInMemory();
    void refusedDeliveriesAreCountedWithTheFirstReason();
    void withoutAListenerItFailsWithTheListenersError();
    void cancelStopsAndTidiesUp();
    void aLoaderDestroyedMidRunTidiesUpWithoutIt();
    void aRuntimeGoneMidRunEndsTheRun();
    void aLoaderDestroyedBeforeItsRunBeganLeavesNothingBehind();

private:
    // A Runtime on a free port over a fresh database; false (with a failed test) when it cannot start.
    bool startRuntime(quint16 port = 0);
    // Runs the loader to its end: finished()'s arguments, or a failed test.
    struct Ended
    {
        bool ok = false;
        QString summary;
        QList<QPair<int, int>> progress;
    };
    Ended load(DemoLoader::Options options);
    TenantId demoTenant();
    // The demo tenant's calls as the calls view lists them (a carrier leg is part of its call).
    qint64 demoCalls();

    TestDatabase m_database;
    QTemporaryDir m_dir;
    QString m_secretsFile;
    std::unique_ptr<Runtime> m_runtime;
    std::unique_ptr<StoreReader> m_reader;
};

void TestDemoLoader::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    QVERIFY2(m_database.unavailableReason().isEmpty(), qPrintable(m_database.unavailableReason()));
    QVERIFY(m_dir.isValid());
    // The runtime reads its listener limits from the settings: the test's own, in its directory.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(u"config"_s)));
    m_secretsFile = m_dir.filePath(u"secrets.json"_s);
    QVERIFY(Test::writeSecretsFile(m_secretsFile,
                                   R"({"default": {"frontend.apiKey": "frontend-key-of-the-test"}})"));
}

void TestDemoLoader::init()
{
    QVERIFY(startRuntime());
}

void TestDemoLoader::cleanup()
{
    m_reader.reset();
    m_runtime.reset();
}

bool TestDemoLoader::startRuntime(quint16 port)
{
    m_reader.reset();
    m_runtime.reset();
    const DatabaseUrl database = m_database.fresh();
    auto runtime = Test::startRuntime(database, m_secretsFile, port);
    if (!runtime) {
        qWarning("%s", qPrintable(runtime.error()));
        return false;
    }
    m_runtime = std::move(*runtime);
    auto reader = StoreReader::open(database, m_runtime->store()->password());
    if (!reader) {
        qWarning("no reader: %s", qPrintable(reader.error().message));
        return false;
    }
    m_reader = std::move(*reader);
    return true;
}

TestDemoLoader::Ended TestDemoLoader::load(DemoLoader::Options options)
{
    Ended ended;
    DemoLoader loader(m_runtime.get());
    QSignalSpy finished(&loader, &DemoLoader::finished);
    QSignalSpy failed(&loader, &DemoLoader::failed);
    connect(&loader, &DemoLoader::progress, this, [&ended](int done, int total) {
        ended.progress.append({done, total});
    });
    loader.start(options);
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 120'000)) {
        qWarning("the demo did not end");
        return ended;
    }
    if (!failed.isEmpty()) {
        ended.summary = failed.first().first().toString();
        return ended;
    }
    ended.ok = finished.first().at(0).toBool();
    ended.summary = finished.first().at(1).toString();
    if (loader.isRunning())
        ended.summary += u" (and still running)"_s;
    // The token is revoked before the loader reports.
    if (auto token = m_reader->token(loader.tokenId()); !token || !token->revoked) {
        ended.ok = false;
        ended.summary += u" (its token is not revoked)"_s;
    }
    return ended;
}

TenantId TestDemoLoader::demoTenant()
{
    const auto tenant = m_reader->tenant(u"demo"_s);
    return tenant ? tenant->id : TenantId();
}

qint64 TestDemoLoader::demoCalls()
{
    CallQuery query;
    query.limit = 10'000;
    const auto calls = m_reader->calls(demoTenant(), query);
    return calls ? calls->size() : -1;
}

void TestDemoLoader::theOverlayAnswersForItsTenantsAndForwardsTheRest()
{
    auto beneath = std::make_unique<MemorySecretStore>();
    MemorySecretStore *memory = beneath.get();
    memory->set(u"default"_s, u"twilio.authToken"_s, u"beneath-default"_s);
    memory->set(u"demo"_s, u"twilio.authToken"_s, u"beneath-demo"_s);
    OverlaySecretStore overlay(std::move(beneath));
    QCOMPARE(overlay.backendName(), u"memory"_s);
    QCOMPARE(await(overlay.read(u"demo"_s, u"twilio.authToken"_s)).value(),
             std::optional<QString>(u"beneath-demo"_s));

    // A tenant put into the overlay is answered from it alone; what it lacks is not set.
    overlay.setTenantSecrets(u"demo"_s, {{u"retell.apiKey"_s, u"overlay-retell"_s}});
    QVERIFY(overlay.hasTenant(u"demo"_s));
    QCOMPARE(await(overlay.read(u"demo"_s, u"retell.apiKey"_s)).value(),
             std::optional<QString>(u"overlay-retell"_s));
    QCOMPARE(await(overlay.read(u"demo"_s, u"twilio.authToken"_s)).value(), std::nullopt);
    // Writes for it stay in memory; other tenants' go beneath.
    QVERIFY(await(overlay.write(u"demo"_s, u"vapi.secret"_s, u"overlay-vapi"_s)).has_value());
    QCOMPARE(await(overlay.read(u"demo"_s, u"vapi.secret"_s)).value(),
             std::optional<QString>(u"overlay-vapi"_s));
    QCOMPARE(memory->value(u"demo"_s, u"vapi.secret"_s), std::nullopt);
    QVERIFY(await(overlay.write(u"default"_s, u"vapi.secret"_s, u"beneath-vapi"_s)).has_value());
    QCOMPARE(memory->value(u"default"_s, u"vapi.secret"_s), std::optional<QString>(u"beneath-vapi"_s));
    QVERIFY(await(overlay.remove(u"demo"_s, u"twilio.authToken"_s)).has_value());
    QCOMPARE(memory->value(u"demo"_s, u"twilio.authToken"_s), std::optional<QString>(u"beneath-demo"_s));
    QCOMPARE(await(overlay.read(u"default"_s, u"twilio.authToken"_s)).value(),
             std::optional<QString>(u"beneath-default"_s));

    // Cleared, the tenant is the store beneath's again.
    overlay.clearTenant(u"demo"_s);
    QVERIFY(!overlay.hasTenant(u"demo"_s));
    QCOMPARE(await(overlay.read(u"demo"_s, u"retell.apiKey"_s)).value(), std::nullopt);
    QCOMPARE(await(overlay.read(u"demo"_s, u"twilio.authToken"_s)).value(),
             std::optional<QString>(u"beneath-demo"_s));
}

void TestDemoLoader::demoCallsArriveVerifiedWithBackendEvents()
{
    DemoLoader::Options options;
    options.calls = 10;
    options.language = DemoLoader::Language::German;
    const Ended ended = load(options);
    QVERIFY2(ended.ok, qPrintable(ended.summary));
    QVERIFY2(ended.summary.contains(u"10 demo calls loaded"_s), qPrintable(ended.summary));

    // Progress was told as it went, up to every delivery.
    QVERIFY(ended.progress.size() >= 2);
    QVERIFY(ended.progress.constFirst().first < ended.progress.constFirst().second);
    QCOMPARE(ended.progress.constLast().first, ended.progress.constLast().second);

    const auto tenant = m_reader->tenant(u"demo"_s);
    QVERIFY2(tenant, "the demo tenant was not created");
    QCOMPARE(tenant->name, u"Demo practice"_s);
    QCOMPARE(demoCalls(), 10);
    QCOMPARE(*m_reader->countCalls(m_reader->tenant(u"default"_s)->id), 0);

    CallQuery all;
    all.limit = 100;
    const auto calls = m_reader->calls(tenant->id, all);
    QVERIFY(calls);
    QCOMPARE(calls->size(), 10);
    QSet<Provider> providers;
    int backendReceipts = 0;
    int receipts = 0;
    QString agentSaid;
    for (const CallSummary &call : *calls) {
        providers.insert(call.provider);
        const auto transcript = m_reader->transcript(tenant->id, call.id);
        QVERIFY(transcript);
        for (const TranscriptTurn &turn : *transcript)
            agentSaid += turn.role == u"agent"_s ? turn.text + u'\n' : QString();
        const auto stored = m_reader->receipts(tenant->id, call.id);
        QVERIFY(stored);
        QVERIFY2(!stored->isEmpty(), qPrintable(call.providerCallId));
        for (const StoredReceipt &receipt : *stored) {
            ++receipts;
            QVERIFY2(receipt.verification == Verification::Verified,
                     qPrintable(receipt.eventKey + u" is not verified"_s));
            QVERIFY2(receipt.status == ReceiptStatus::Processed, qPrintable(receipt.eventKey));
            backendReceipts += receipt.provider == Provider::Backend ? 1 : 0;
        }
    }
    QVERIFY(receipts >= 30);
    QVERIFY2(backendReceipts > 0, "no backend events arrived");
    // Every provider had its turn (10 calls, taken in turn).
    QCOMPARE(providers.size(), 5);
    // German calls, as asked.
    QVERIFY2(agentSaid.contains(u"Sie "_s) && !agentSaid.contains(u" you"_s), qPrintable(agentSaid));
}

void TestDemoLoader::aSecondLoadAddsCalls()
{
    DemoLoader::Options options;
    options.calls = 6;
    Ended first = load(options);
    QVERIFY2(first.ok, qPrintable(first.summary));
    QCOMPARE(demoCalls(), 6);
    Ended second = load(options);
    QVERIFY2(second.ok, qPrintable(second.summary));
    QCOMPARE(demoCalls(), 12);
}

void TestDemoLoader::theGeneratedSecretsStayInMemory()
{
    OverlaySecretStore *overlay = m_runtime->overlaySecrets();
    QVERIFY(overlay);
    // Secrets of other tenants still come from beneath.
    QCOMPARE(await(overlay->read(u"default"_s, u"frontend.apiKey"_s)).value(),
             std::optional<QString>(u"frontend-key-of-the-test"_s));

    DemoLoader loader(m_runtime.get());
    QSignalSpy finished(&loader, &DemoLoader::finished);
    QHash<QString, QString> during;
    // While it runs, the overlay answers for the demo tenant with what it generated.
    connect(&loader, &DemoLoader::progress, this, [&] {
        if (!during.isEmpty())
            return;
        for (const QString &key : DemoLoader::secretKeys())
            during.insert(key, await(overlay->read(u"demo"_s, key)).value().value_or(QString()));
    });
    DemoLoader::Options options;
    options.calls = 5;
    loader.start(options);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(during.size(), 6);
    for (auto it = during.cbegin(); it != during.cend(); ++it)
        QVERIFY2(it.value().size() >= 16, qPrintable(it.key()));

    // Afterwards the overlay lets the tenant go, and nothing of it is beneath: not in the store the
    // runtime reads (the file here, the keychain in the app) nor in the file itself.
    QVERIFY(!overlay->hasTenant(u"demo"_s));
    for (const QString &key : DemoLoader::secretKeys()) {
        QCOMPARE(await(overlay->read(u"demo"_s, key)).value(), std::nullopt);
        QCOMPARE(await(overlay->beneath()->read(u"demo"_s, key)).value(), std::nullopt);
    }
    QFile file(m_secretsFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains("demo"));
    for (const QString &value : std::as_const(during))
        QVERIFY(!text.contains(value.toUtf8()));
    // Nor in the database: no table holds a generated value (receipts keep no credential headers).
    const QStringList tables{u"receipts"_s, u"events"_s, u"tenants"_s, u"api_tokens"_s};
    for (const QString &table : tables) {
        QSqlQuery query(m_reader->database());
        QVERIFY2(query.exec(u"SELECT * FROM "_s + table), qPrintable(table));
        while (query.next()) {
            for (int column = 0; column < query.record().count(); ++column) {
                const QString cell = query.value(column).toString();
                for (const QString &value : std::as_const(during))
                    QVERIFY2(!cell.contains(value), qPrintable(table + u" holds a demo secret"_s));
            }
        }
    }
}

void TestDemoLoader::refusedDeliveriesAreCountedWithTheFirstReason()
{
    // A listener that takes no body over 2 KB refuses the calls' longer reports (413).
    Settings settings;
    settings.setValue(Settings::Key::MaxBodyBytes, 2048);
    settings.sync();
    const bool started = startRuntime();
    settings.reset(Settings::Key::MaxBodyBytes);
    settings.sync();
    QVERIFY(started);

    DemoLoader::Options options;
    options.calls = 10;
    const Ended ended = load(options);
    QVERIFY(!ended.ok);
    static const QRegularExpression refused(
        u"^([0-9]+) of ([0-9]+) deliveries were refused: HTTP 413 for POST /t/demo/"_s);
    const QRegularExpressionMatch match = refused.match(ended.summary);
    QVERIFY2(match.hasMatch(), qPrintable(ended.summary));
    QVERIFY(match.captured(1).toInt() > 0);
    QVERIFY(match.captured(1).toInt() < match.captured(2).toInt());
    QVERIFY2(!ended.summary.contains(u"(its token is not revoked)"_s), qPrintable(ended.summary));
    QVERIFY(demoCalls() > 0); // what was accepted stays
}

void TestDemoLoader::withoutAListenerItFailsWithTheListenersError()
{
    // The port is taken: the desktop runs on without a listener and says why.
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost));
    QVERIFY(startRuntime(squatter.serverPort()));
    QVERIFY(m_runtime->listenAddress().isEmpty());
    QVERIFY(!m_runtime->listenError().isEmpty());

    DemoLoader loader(m_runtime.get());
    QSignalSpy failed(&loader, &DemoLoader::failed);
    QSignalSpy finished(&loader, &DemoLoader::finished);
    loader.start({});
    QVERIFY(failed.isEmpty()); // never before start() returned
    QTRY_COMPARE(failed.size(), 1);
    const QString reason = failed.first().first().toString();
    QVERIFY2(reason.startsWith(u"The listener is not running: "_s), qPrintable(reason));
    QVERIFY2(reason.contains(m_runtime->listenError()), qPrintable(reason));
    QVERIFY(finished.isEmpty());
    QVERIFY(!loader.isRunning());
    QVERIFY(!m_reader->tenant(u"demo"_s)); // nothing was made
}

void TestDemoLoader::cancelStopsAndTidiesUp()
{
    DemoLoader loader(m_runtime.get());
    QSignalSpy finished(&loader, &DemoLoader::finished);
    connect(&loader, &DemoLoader::progress, &loader, [&loader] { loader.cancel(); });
    DemoLoader::Options options;
    options.calls = 300;
    loader.start(options);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60'000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    const QString summary = finished.first().at(1).toString();
    QVERIFY2(summary.startsWith(u"Cancelled: "_s), qPrintable(summary));
    const qint64 calls = demoCalls();
    QVERIFY2(calls > 0 && calls < 300, qPrintable(QString::number(calls)));
    QVERIFY(m_reader->token(loader.tokenId())->revoked);
    QVERIFY(!m_runtime->overlaySecrets()->hasTenant(u"demo"_s));
}

void TestDemoLoader::aLoaderDestroyedMidRunTidiesUpWithoutIt()
{
    auto loader = std::make_unique<DemoLoader>(m_runtime.get());
    QSignalSpy progress(loader.get(), &DemoLoader::progress);
    DemoLoader::Options options;
    options.calls = 300;
    loader->start(options);
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 60'000);
    const QString tokenId = loader->tokenId();
    QVERIFY(!tokenId.isEmpty());
    loader.reset();
    // The listener keeps answering (this thread is not blocked), the worker stops, and the run's
    // token and secrets are gone without the loader.
    QTRY_VERIFY_WITH_TIMEOUT(!m_runtime->overlaySecrets()->hasTenant(u"demo"_s), 60'000);
    QTRY_VERIFY_WITH_TIMEOUT(m_reader->token(tokenId)->revoked, 10'000);
    const qint64 calls = demoCalls();
    QVERIFY2(calls > 0 && calls < 300, qPrintable(QString::number(calls)));
    // The listener still works for another load.
    DemoLoader::Options again;
    again.calls = 3;
    const Ended ended = load(again);
    QVERIFY2(ended.ok, qPrintable(ended.summary));
}

void TestDemoLoader::aRuntimeGoneMidRunEndsTheRun()
{
    DemoLoader loader(m_runtime.get());
    QSignalSpy finished(&loader, &DemoLoader::finished);
    QSignalSpy failed(&loader, &DemoLoader::failed);
    QSignalSpy progress(&loader, &DemoLoader::progress);
    DemoLoader::Options options;
    options.calls = 300;
    loader.start(options);
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 60'000);
    m_reader.reset();
    m_runtime.reset(); // the listener closes under the simulator
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60'000);
    QVERIFY(!loader.isRunning());
    if (!finished.isEmpty()) {
        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString summary = finished.first().at(1).toString();
        QVERIFY2(summary.startsWith(u"The listener stopped answering after "_s), qPrintable(summary));
    }
}

void TestDemoLoader::aLoaderDestroyedBeforeItsRunBeganLeavesNothingBehind()
{
    OverlaySecretStore *overlay = m_runtime->overlaySecrets();
    auto loader = std::make_unique<DemoLoader>(m_runtime.get());
    loader->start({});
    // Gone as soon as its secrets are in place, while its token is being made (the commit takes
    // longer than the turn of the event loop that put them there).
    QDeadlineTimer deadline(10'000);
    while (!overlay->hasTenant(u"demo"_s) && !deadline.hasExpired())
        QCoreApplication::processEvents();
    QVERIFY(overlay->hasTenant(u"demo"_s));
    loader.reset();
    QVERIFY(!overlay->hasTenant(u"demo"_s));
    // The token made for it is revoked without it.
    const auto tokens = [this] { return m_reader->tokens(demoTenant()).value_or(QList<TokenInfo>()); };
    QTRY_COMPARE(tokens().size(), 1);
    QTRY_VERIFY(tokens().constFirst().revokedAtMs.has_value());
    QCOMPARE(demoCalls(), 0);
}

QTEST_GUILESS_MAIN(TestDemoLoader)
#include "tst_demoloader.moc"
