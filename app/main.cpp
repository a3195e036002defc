// SPDX-License-Identifier: GPL-3.0-or-later
// callscope: the desktop application.
#include "appicon.h"
#include "callpresentation.h"
#include "cli/options.h"
#include "desktopoptions.h"
#include "language.h"
#include "mainwindow.h"
#include "runtime.h"
#include "secrets/secretstore.h"
#include "settings.h"
#include "unixsignals.h"

#include <QApplication>
#include <QMessageBox>
#include <QProcess>

#include <cstdio>

using namespace CallScope;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CallScope"));
    QApplication::setApplicationName(QStringLiteral("callscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("CallScope"));
    QApplication::setApplicationVersion(QStringLiteral(CALLSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("callscope"));
    QApplication::setWindowIcon(appIcon());

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        std::fputs(qPrintable(usageText(Program::Desktop)), stdout);
        return 0;
    }
    auto options = parseOptions(arguments, Program::Desktop);
    if (!options) {
        std::fprintf(stderr, "callscope: %s\n%s", qPrintable(options.error().message),
                     qPrintable(usageText(Program::Desktop)));
        return 2;
    }
    Settings settings;
    // The command line wins over the settings (a script can start the app on a prepared setup).
    for (const QString &problem : applyStoredSettings(*options, settings))
        std::fprintf(stderr, "callscope: %s (ignored)\n", qPrintable(problem));
    // English is the source language; German ships. --lang wins over the setting, which wins over
    // the system's; the settings dialog changes it while the app runs.
    applyLanguage(options->language.isEmpty() ? settings.string(Settings::Key::Language) : options->language);
    CallPresentation::setMaskNumbersInLists(settings.value(Settings::Key::MaskPhoneNumbers).toBool());

    Runtime runtime(*options);
    if (auto secrets = runtime.openSecrets(); !secrets) {
        std::fprintf(stderr, "callscope: %s\n", qPrintable(secrets.error()));
        return 1;
    }
    std::unique_ptr<MainWindow> window;
    QObject::connect(&runtime, &Runtime::failed, &app, [](const QString &reason) {
        std::fprintf(stderr, "callscope: %s\n", qPrintable(reason));
        QMessageBox::critical(nullptr, QApplication::translate("main", "CallScope cannot start"), reason);
        QCoreApplication::exit(1);
    });
    QObject::connect(&runtime, &Runtime::started, &app, [&runtime, &window] {
        ShellInfo info;
        info.publicBaseUrl = runtime.publicBaseUrl();
        info.listenAddress = runtime.listenAddress();
        info.listenError = runtime.listenError();
        info.databaseDisplay = runtime.options().database.displayString();
        info.secretBackend = runtime.secrets()->backendName();
        info.configuredProviders = runtime.configuredProviders();
        window = std::make_unique<MainWindow>(info);
        window->attachRuntime(&runtime);
        // A restart (for a changed database or listener) starts a new process with the same command
        // line once this one has committed and stopped.
        QObject::connect(window.get(), &MainWindow::restartRequested, &runtime, [&runtime] {
            QObject::connect(&runtime, &Runtime::stopped, &runtime, [] {
                QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                        QCoreApplication::arguments().mid(1));
            });
            runtime.shutdown();
        });
        window->show();
        if (!info.listenAddress.isEmpty())
            std::printf("listening on %s\n", qPrintable(info.listenAddress));
        std::fflush(stdout);
    });
    UnixSignals unixSignals;
    QObject::connect(&unixSignals, &UnixSignals::terminationRequested, &runtime,
                     [&runtime] { runtime.shutdown(); });
    QObject::connect(&app, &QApplication::lastWindowClosed, &runtime, [&runtime] { runtime.shutdown(); });
    QObject::connect(&runtime, &Runtime::stopped, &app, [] { QCoreApplication::exit(0); });
    app.setQuitOnLastWindowClosed(false); // quit once the store has committed, not before
    // From inside the event loop: exit() before exec() would be lost.
    QMetaObject::invokeMethod(&runtime, &Runtime::start, Qt::QueuedConnection);
    return app.exec();
}
