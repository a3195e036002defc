// SPDX-License-Identifier: GPL-3.0-or-later
// callscope-server: the listener and workers with no window.
#include "cli/options.h"
#include "store.h"

#include <QCoreApplication>

#include <cstdio>

using namespace CallScope;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CallScope"));
    QCoreApplication::setApplicationName(QStringLiteral("callscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CALLSCOPE_VERSION));

    auto options = parseOptions(QCoreApplication::arguments(), Program::Server);
    if (!options) {
        std::fprintf(stderr, "callscope-server: %s\n%s", qPrintable(options.error().message),
                     qPrintable(usageText(Program::Server)));
        return 2;
    }
    auto store = Store::open(options->database, options->database.password);
    if (!store) {
        std::fprintf(stderr, "callscope-server: %s\n", qPrintable(store.error().message));
        return 1;
    }
    return 0;
}
