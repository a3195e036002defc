// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"

#include <QString>
#include <QTemporaryDir>

#include <optional>
#include <vector>

namespace CallScope::Bench {

// The store a benchmark runs on: --db's URL, or a new SQLite file in `dir` when it is empty. Says
// what is wrong on stderr and answers nothing when the URL does not parse.
std::optional<DatabaseUrl> benchDatabase(const QString &option, const QTemporaryDir &dir);

// The p-quantile (0..1) of values sorted in increasing order; 0 when there are none.
double percentile(const std::vector<double> &sorted, double p);

} // namespace CallScope::Bench
