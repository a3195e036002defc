// SPDX-License-Identifier: GPL-3.0-or-later
// callscope: the desktop application.
#include "appicon.h"
#include "cli/options.h"
#include "mainwindow.h"
#include "store.h"

#include <QApplication>

#include <cstdio>

using namespace CallScope;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CallScope"));
    QApplication::setApplicationName(QStringLiteral("callscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("CallScope"));
    QApplication::setApplicationVersion(QStringLiteral(CALLSCOPE_VERSION));
    QApplication::setWindowIcon(appIcon());

    auto options = parseOptions(QCoreApplication::arguments(), Program::Desktop);
    if (!options) {
        std::fprintf(stderr, "callscope: %s\n%s", qPrintable(options.error().message),
                     qPrintable(usageText(Program::Desktop)));
        return 2;
    }
    auto store = Store::open(options->database, options->database.password);
    ShellInfo info;
    info.databaseDisplay = options->database.displayString();
    MainWindow window(info);
    window.show();
    return app.exec();
}
