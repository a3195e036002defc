// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

#include <QHash>
#include <QMutex>

namespace CallScope {

// Secrets held only in memory: for tests, and the base of the file store.
class MemorySecretStore : public SecretStore
{
public:
    QString backendName() const override { return QStringLiteral("memory"); }
    QFuture<SecretValue> read(const QString &tenant, const QString &key) override;
    QFuture<SecretDone> write(const QString &tenant, const QString &key, const QString &value) override;
    QFuture<SecretDone> remove(const QString &tenant, const QString &key) override;

    // Synchronous forms, for callers that know the store is in memory.
    std::optional<QString> value(const QString &tenant, const QString &key) const;
    void set(const QString &tenant, const QString &key, const QString &value);
    QStringList tenants() const;

protected:
    // Called with the lock held after every change; the file store writes itself out here.
    virtual SecretDone persist(const QHash<QString, QHash<QString, QString>> &) { return {}; }

    mutable QMutex m_mutex;
    QHash<QString, QHash<QString, QString>> m_secrets; // tenant -> key -> value
};

} // namespace CallScope
