// SPDX-License-Identifier: GPL-3.0-or-later
// callscope-firstrunshots OUTPUT_DIR [--lang en|de] [--dark]: a new user's first minute in a real X
// server (run it under xvfb-run), with the real runtime (listener on a free port, an empty SQLite
// database, no provider secret yet) and the real main window: firstrun-LANG.png (the welcome page
// with "Connect a provider…" and "Load demo calls"), firstrun-loading-LANG.png (the demo's webhooks
// arriving) and firstrun-demo-LANG.png (the calls view filled by the demo). Exits non-zero when a
// step did not happen or nothing was drawn.
#include "calllistmodel.h"
#include "callspage.h"
#include "callsview.h"
#include "demoloader.h"
#include "mainwindow.h"
#include "runtime.h"
#include "runtimesupport.h"
#include "secrets/secretstore.h"
#include "shotsupport.h"

#include <QApplication>
#include <QDir>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <cstdio>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "firstrunshots: %s\n", qPrintable(what));
    std::exit(1);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const auto shot = Test::shotArguments("firstrunshots");
    if (!shot)
        return 2;
    if (shot->dark) {
        QApplication::setStyle(u"Fusion"_s);
        QApplication::setPalette(Test::darkPalette());
    }
    QTranslator translator;
    if (!Test::applyShotLanguage(shot->language, translator, "firstrunshots"))
        return 1;
    QDir().mkpath(shot->outputDir);
    // The window remembers its tenant: in a throwaway place, not the user's settings.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();

    QTemporaryDir dir;
    const QString secrets = dir.filePath(u"secrets.json"_s);
    if (!Test::writeSecretsFile(secrets, R"({"default": {}})"))
        fail(u"cannot write the secrets file"_s);
    const DatabaseUrl database = DatabaseUrl::sqlite(dir.filePath(u"callscope.db"_s));
    auto started = Test::startRuntime(database, secrets);
    if (!started)
        fail(started.error());
    Runtime &runtime = **started;

    ShellInfo info;
    info.publicBaseUrl = runtime.publicBaseUrl();
    info.listenAddress = runtime.listenAddress();
    info.databaseDisplay = database.displayString();
    info.secretBackend = u"keychain"_s;
    MainWindow window(info);
    window.attachRuntime(&runtime);
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        fail(u"the window was not exposed"_s);
    QTest::qWait(300);
    const QString suffix = u"-"_s + shot->language + (shot->dark ? u"-dark"_s : QString()) + u".png"_s;
    bool ok = Test::saveShot(&window, shot->outputDir + u"/firstrun"_s + suffix, "firstrunshots");

    auto *demo = window.findChild<QPushButton *>(u"loadDemoButton"_s);
    auto *progress = window.findChild<QProgressBar *>(u"demoProgress"_s);
    if (!demo || !progress)
        fail(u"no demo button"_s);
    demo->click();
    // Caught while the webhooks arrive (the progress bar has a range once the simulation runs).
    if (!QTest::qWaitFor(
            [&] { return progress->maximum() > 0 && progress->value() * 3 >= progress->maximum(); }, 60'000))
        fail(u"the demo made no progress"_s);
    ok = Test::saveShot(&window, shot->outputDir + u"/firstrun-loading"_s + suffix, "firstrunshots") && ok;
    if (!QTest::qWaitFor([&] { return window.tenant() == "demo"_L1; }, 120'000))
        fail(u"the demo calls did not arrive"_s);
    if (!QTest::qWaitFor([&] { return window.callsPage()->callsView()->model()->rowCount() > 0; }, 10'000))
        fail(u"the calls view stayed empty"_s);
    QTest::qWait(500);
    ok = Test::saveShot(&window, shot->outputDir + u"/firstrun-demo"_s + suffix, "firstrunshots") && ok;

    window.close();
    bool stopped = false;
    QObject::connect(&runtime, &Runtime::stopped, [&] { stopped = true; });
    runtime.shutdown();
    QTest::qWaitFor([&] { return stopped; }, 20'000);
    return ok ? 0 : 1;
}
