// SPDX-License-Identifier: GPL-3.0-or-later
// callscope: the desktop application.
#include "appicon.h"
#include "cli/options.h"
#include "mainwindow.h"
#include "runtime.h"
#include "secrets/secretstore.h"
#include "settings.h"
#include "unixsignals.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QTranslator>

#include <cstdio>

using namespace CallScope;

namespace {

// English is the source language; German ships. --lang wins over the setting, which wins over the system.
void installTranslations(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("callscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

} // namespace

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
    if (auto applied = applyCallbackSettings(*options, settings.string(Settings::Key::FrontendUrl),
                                             settings.string(Settings::Key::CallbackBackoff));
        !applied)
        std::fprintf(stderr, "callscope: %s (ignored)\n", qPrintable(applied.error()));
    installTranslations(app, options->language.isEmpty() ? settings.string(Settings::Key::Language)
                                                         : options->language);

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
        window->attachStore(runtime.store());
        QObject::connect(&runtime, &Runtime::providersChanged, window.get(),
                         [&runtime, &window, info]() mutable {
                             info.configuredProviders = runtime.configuredProviders();
                             window->setShellInfo(info);
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
