// SPDX-License-Identifier: GPL-3.0-or-later
// callscope-server: the listener and workers with no window, and the administration commands.
#include "cli/commands.h"
#include "cli/options.h"
#include "runtime.h"
#include "secrets/secretstore.h"
#include "unixsignals.h"

#include <QCoreApplication>

#include <cstdio>

using namespace CallScope;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CallScope"));
    QCoreApplication::setApplicationName(QStringLiteral("callscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CALLSCOPE_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        std::fputs(qPrintable(usageText(Program::Server)), stdout);
        return 0;
    }
    auto options = parseOptions(arguments, Program::Server);
    if (!options) {
        std::fprintf(stderr, "callscope-server: %s\n%s", qPrintable(options.error().message),
                     qPrintable(usageText(Program::Server)));
        return 2;
    }
    Runtime runtime(*options);
    if (auto secrets = runtime.openSecrets(); !secrets) {
        std::fprintf(stderr, "callscope-server: %s\n", qPrintable(secrets.error()));
        return 1;
    }

    if (!options->command.isEmpty()) {
        CommandRunner commands(runtime);
        QObject::connect(&commands, &CommandRunner::finished, &app,
                         [](int code) { QCoreApplication::exit(code); });
        QMetaObject::invokeMethod(&commands, &CommandRunner::run, Qt::QueuedConnection);
        return app.exec();
    }

    UnixSignals unixSignals;
    QObject::connect(&runtime, &Runtime::failed, &app, [](const QString &reason) {
        std::fprintf(stderr, "callscope-server: %s\n", qPrintable(reason));
        QCoreApplication::exit(1);
    });
    QObject::connect(&runtime, &Runtime::started, &app, [&runtime] {
        if (!runtime.listenError().isEmpty()) {
            std::fprintf(stderr, "callscope-server: %s\n", qPrintable(runtime.listenError()));
            QCoreApplication::exit(1);
            return;
        }
        // The first line on stdout, for scripts that start us on port 0.
        std::printf("listening on %s\n", qPrintable(runtime.listenAddress()));
        std::fflush(stdout);
        std::fprintf(stderr,
                     "callscope-server: database %s, secrets from the %s, webhooks at %s/webhooks/PROVIDER\n",
                     qPrintable(runtime.options().database.displayString()),
                     qPrintable(runtime.secrets()->backendName()), qPrintable(runtime.publicBaseUrl()));
    });
    QObject::connect(&unixSignals, &UnixSignals::terminationRequested, &runtime,
                     [&runtime] { runtime.shutdown(); });
    QObject::connect(&runtime, &Runtime::stopped, &app, [] { QCoreApplication::exit(0); });
    // From inside the event loop: exit() before exec() would be lost.
    QMetaObject::invokeMethod(&runtime, &Runtime::start, Qt::QueuedConnection);
    return app.exec();
}
