// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QString>
#include <QStringList>

#include <expected>
#include <optional>

namespace CallScope {

// A secret's value, nothing when it is not set, or why it could not be read.
using SecretValue = std::expected<std::optional<QString>, QString>;
using SecretDone = std::expected<void, QString>;

// Where API keys, signing secrets and the database password live: never in QSettings, the database
// or a log line. Keys are namespaced by tenant slug. Implementations answer through futures because
// the OS keychain answers asynchronously (over D-Bus); a future may already be finished.
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    // A short name for the UI and logs ("keychain", "file", "memory").
    virtual QString backendName() const = 0;
    virtual QFuture<SecretValue> read(const QString &tenant, const QString &key) = 0;
    virtual QFuture<SecretDone> write(const QString &tenant, const QString &key, const QString &value) = 0;
    virtual QFuture<SecretDone> remove(const QString &tenant, const QString &key) = 0;

    // The keys of the HTTP and CLI contracts.
    static const QStringList &knownKeys();
    static bool isKnownKey(const QString &key) { return knownKeys().contains(key); }
};

} // namespace CallScope
