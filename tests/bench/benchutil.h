// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"

#include <QElapsedTimer>
#include <QString>
#include <QTemporaryDir>

#include <optional>
#include <vector>

namespace CallScope::Bench {

// The store a benchmark runs on: --db's URL, or a new SQLite file in `dir` when it is empty. Says
// what is wrong on stderr and answers nothing when the URL does not parse.
std::optional<DatabaseUrl> benchDatabase(const QString &option, const QTemporaryDir &dir);
// The password to open `url` with: its own, else $PGPASSWORD.
QString benchPassword(const DatabaseUrl &url);

// Milliseconds on `clock` since it started, to the nanosecond.
double elapsedMs(const QElapsedTimer &clock);

// The p-quantile (0..1) of values sorted in increasing order; 0 when there are none.
double percentile(const std::vector<double> &sorted, double p);
// The median of values in any order; 0 when there are none.
double median(std::vector<double> values);

} // namespace CallScope::Bench
