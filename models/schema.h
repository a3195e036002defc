// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"
#include "storetypes.h"

#include <QSqlDatabase>
#include <QStringList>

#include <expected>

namespace CallScope {

// The schema as ordered, numbered steps. A step is never edited once released: a change is a new step,
// so a database made by any earlier version opens in every later one.
namespace Schema {

int latestVersion();

// The statements of one step for one backend (exposed for the test that pins released steps).
QStringList statements(int version, DatabaseUrl::Backend backend);

// Reads the version a database is at (0 for an empty one).
std::expected<int, StoreError> currentVersion(QSqlDatabase &db);

// Brings the database to `targetVersion` (default: latest) inside one transaction, serialised
// against other processes doing the same. Refuses a database newer than this program.
std::expected<int, StoreError> migrate(QSqlDatabase &db, DatabaseUrl::Backend backend,
                                       int targetVersion = -1);

} // namespace Schema

} // namespace CallScope
