// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"

#include <QString>
#include <QTemporaryDir>

#include <optional>

namespace CallScope::Bench {

// The store a benchmark runs on: --db's URL, or a new SQLite file in `dir` when it is empty. Says
// what is wrong on stderr and answers nothing when the URL does not parse.
std::optional<DatabaseUrl> benchDatabase(const QString &option, const QTemporaryDir &dir);

} // namespace CallScope::Bench
