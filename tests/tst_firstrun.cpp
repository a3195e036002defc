// SPDX-License-Identifier: GPL-3.0-or-later
// A new user's first minute: the empty window offers "Connect a provider" and "Load demo calls", and
// one click on the latter fills the calls view with calls that went the real way (signed webhooks
// through the app's own listener, verified, ingested, stored) — on SQLite and on PostgreSQL.
#include "calllistmodel.h"
#include "callspage.h"
#include "callsview.h"
#include "demoloader.h"
#include "mainwindow.h"
#include "runtime.h"
#include "runtimesupport.h"
#include "secrets/secretstore.h"
#include "settingsdialog.h"
#include "storereader.h"
#include "testsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

class TestFirstRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void emptyDatabaseOffersTheTwoWaysIn();
    void loadDemoCallsFillsTheCallsViewWithVerifiedCalls();
    void connectAProviderOpensTheProvidersPage();

private:
    void startRuntime();
    std::unique_ptr<MainWindow> openWindow();

    Test::TestDatabase m_database;
    QTemporaryDir m_dir;
    std::unique_ptr<Runtime> m_runtime;
};

void TestFirstRun::initTestCase()
{
    QVERIFY2(m_database.unavailableReason().isEmpty(), qPrintable(m_database.unavailableReason()));
    // The window remembers the tenant it showed: in the test's own settings, not the user's.
    QStandardPaths::setTestModeEnabled(true);
}

void TestFirstRun::init()
{
    QSettings().clear();
    startRuntime();
}

void TestFirstRun::cleanup()
{
    if (!m_runtime)
        return;
    QSignalSpy stopped(m_runtime.get(), &Runtime::stopped);
    m_runtime->shutdown();
    QVERIFY(stopped.count() > 0 || stopped.wait(20'000));
    m_runtime.reset();
}

void TestFirstRun::startRuntime()
{
    // The provider secrets of the tenant "default" are none: a first run.
    const QString secrets = m_dir.filePath(u"secrets.json"_s);
    QVERIFY(Test::writeSecretsFile(secrets, R"({"default": {}})"));
    auto runtime = Test::startRuntime(m_database.fresh(), secrets);
    QVERIFY2(runtime, runtime ? "" : qPrintable(runtime.error()));
    m_runtime = std::move(*runtime);
    QVERIFY(!m_runtime->listenAddress().isEmpty());
}

std::unique_ptr<MainWindow> TestFirstRun::openWindow()
{
    ShellInfo info;
    info.publicBaseUrl = m_runtime->publicBaseUrl();
    info.listenAddress = m_runtime->listenAddress();
    info.databaseDisplay = m_runtime->options().database.displayString();
    info.secretBackend = m_runtime->secrets()->backendName();
    auto window = std::make_unique<MainWindow>(info);
    window->attachRuntime(m_runtime.get());
    window->show();
    return window;
}

void TestFirstRun::emptyDatabaseOffersTheTwoWaysIn()
{
    auto window = openWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QCOMPARE(window->currentPlace(), MainWindow::Place::Calls);
    auto *demo = window->findChild<QPushButton *>(u"loadDemoButton"_s);
    auto *connect = window->findChild<QPushButton *>(u"connectProviderButton"_s);
    QVERIFY(demo && connect);
    QVERIFY(demo->isVisible() && demo->isEnabled());
    QVERIFY(connect->isVisible());
    QCOMPARE(demo->text(), u"Load demo calls"_s);
    QVERIFY(!window->callsPage()->isVisible());
    auto *tenants = window->findChild<QComboBox *>(u"tenantSwitcher"_s);
    QVERIFY(tenants);
    QCOMPARE(tenants->currentData().toString(), u"default"_s);
}

void TestFirstRun::loadDemoCallsFillsTheCallsViewWithVerifiedCalls()
{
    auto window = openWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto *demo = window->findChild<QPushButton *>(u"loadDemoButton"_s);
    QVERIFY(demo);

    // One click.
    QTest::mouseClick(demo, Qt::LeftButton);
    QVERIFY(!demo->isEnabled()); // while the calls arrive
    QTRY_COMPARE_WITH_TIMEOUT(window->tenant(), u"demo"_s, 120'000);
    QVERIFY(demo->isEnabled());
    CallsPage *page = window->callsPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), 5'000);
    QCOMPARE(window->currentPlace(), MainWindow::Place::Calls);
    const int calls = DemoLoader::Options().calls;
    QTRY_COMPARE_WITH_TIMEOUT(page->callsView()->model()->rowCount(), calls, 10'000);
    auto *tenants = window->findChild<QComboBox *>(u"tenantSwitcher"_s);
    QCOMPARE(tenants->currentData().toString(), u"demo"_s);

    // They went the real way: every receipt signed and verified, from every provider and the backend.
    auto reader = StoreReader::open(m_runtime->store()->url(), m_runtime->store()->password());
    QVERIFY(reader);
    const auto tenant = (*reader)->tenant(u"demo"_s);
    QVERIFY(tenant);
    // Listed calls; a carrier's leg is part of its platform's call.
    const auto summaries = (*reader)->calls(tenant->id);
    QVERIFY(summaries);
    QCOMPARE(summaries->size(), calls);
    QSet<Provider> providers;
    qint64 receipts = 0;
    for (const CallSummary &call : *summaries) {
        const auto stored = (*reader)->receipts(tenant->id, call.id);
        QVERIFY(stored);
        QVERIFY2(!stored->isEmpty(), qPrintable(u"call %1 has no receipt"_s.arg(call.id)));
        for (const StoredReceipt &receipt : *stored) {
            QCOMPARE(int(receipt.verification), int(Verification::Verified));
            providers.insert(receipt.provider);
            ++receipts;
        }
    }
    for (const Provider provider : {Provider::Retell, Provider::Vapi, Provider::Ultravox, Provider::LiveKit,
                                    Provider::Twilio, Provider::Backend})
        QVERIFY2(providers.contains(provider), qPrintable(toString(provider)));
    QVERIFY(receipts > calls);
    // The tenant "default" is still empty, and the demo's secrets were never stored beneath.
    const auto defaultTenant = (*reader)->tenant(u"default"_s);
    QVERIFY(defaultTenant);
    QCOMPARE(*(*reader)->countCalls(defaultTenant->id), qint64(0));
    // The window comes back on the demo next time.
    QCOMPARE(QSettings().value(u"ui/tenant"_s).toString(), u"demo"_s);
}

void TestFirstRun::connectAProviderOpensTheProvidersPage()
{
    auto window = openWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto *connect = window->findChild<QPushButton *>(u"connectProviderButton"_s);
    QVERIFY(connect);
    // The dialog is modal: looked at from inside its event loop, then closed.
    bool sawDialog = false;
    int page = -1;
    QString tenant;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        sawDialog = true;
        page = int(dialog->currentPage());
        tenant = dialog->tenant();
        dialog->reject();
    });
    poll.start();
    QTest::mouseClick(connect, Qt::LeftButton);
    QVERIFY(sawDialog);
    QCOMPARE(page, int(SettingsDialog::Page::Providers));
    QCOMPARE(tenant, u"default"_s);
}

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
