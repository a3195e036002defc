// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace CallScope::Bench {

struct ErrorsBenchOptions
{
    QString db;           // empty: a new SQLite file
    int events = 100'000; // error events to record (skipped when the store holds that many already)
    int groups = 240;     // distinct failures they fall into (a few loud, most rare)
    int days = 30;        // spread over the last D days, more of them recent
    int repeats = 7;      // timed runs of each step; the median is printed
};

// The errors view on a store of many error events, as issue 7 asks: records `events` failures
// through the real ingest (failed tool calls, backend error events, provider failure reasons), then
// times opening the Errors view (ErrorsView on the real store: the groups with their counts and
// sparklines, until the table has painted), each filter and time range and the order by count
// through ErrorGroupModel::refresh(), the detail of the loudest group, and the store's queries on
// their own. Needs a QApplication (QT_QPA_PLATFORM=offscreen is fine).
int runErrorsBench(const ErrorsBenchOptions &options);

} // namespace CallScope::Bench
