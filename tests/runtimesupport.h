// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"

#include <QByteArray>
#include <QString>

#include <expected>
#include <memory>

namespace CallScope {
class Runtime;
}

namespace CallScope::Test {

// Writes `json` to `path` as a secrets file, readable only by its owner as the runtime demands.
bool writeSecretsFile(const QString &path, const QByteArray &json);

// The app's runtime as callscope starts it (store, listener, dispatcher, sweep) on the loopback at
// `port` (0: a free one) over `database`, with the secrets of `secretsFile`; started, or why not.
std::expected<std::unique_ptr<Runtime>, QString> startRuntime(const DatabaseUrl &database,
                                                              const QString &secretsFile, quint16 port = 0);

} // namespace CallScope::Test
