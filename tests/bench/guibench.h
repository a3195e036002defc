// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace CallScope::Bench {

struct GuiBenchOptions
{
    QString db;
    QString tenant = QStringLiteral("default");
    int scrollRows = 5'000; // how far down the list the scroll test goes
    int repeats = 5;        // runs per filter, search and call opening
    int width = 1'400;      // the window's size
    int height = 900;
};

// The desktop window on a store, in one process (a QApplication; QT_QPA_PLATFORM=offscreen is
// fine): the time from process start until the calls list has painted its first page (the real
// Store, MainWindow and attachStore, as the app starts), each frame of scrolling the list down page
// by page (fetchMore included when it happens), filters and searches through the calls view until
// their rows are painted, opening the call with the most timeline items in a tab until it is
// painted, and the peak resident memory. Prints a table with the targets of issue 5.
int runGuiBench(const GuiBenchOptions &options);

} // namespace CallScope::Bench
