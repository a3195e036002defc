// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

#include <QHash>
#include <QMutex>

#include <memory>

namespace CallScope {

// Secrets that must exist only while the process runs (the demo tenant's generated ones) laid over
// the real store. A tenant put into the overlay is answered from memory alone, writes for it stay in
// memory too, and nothing of it ever reaches the keychain; every other tenant goes to the store
// beneath. Thread-safe: the listener reads on the GUI thread while the demo loader writes.
class OverlaySecretStore : public SecretStore
{
public:
    explicit OverlaySecretStore(std::unique_ptr<SecretStore> beneath);

    // Replaces everything the overlay holds for `tenant` (an empty hash still claims the tenant).
    void setTenantSecrets(const QString &tenant, const QHash<QString, QString> &secrets);
    // Gives `tenant` back to the store beneath.
    void clearTenant(const QString &tenant);
    bool hasTenant(const QString &tenant) const;

    // The store beneath's name: the overlay is not where the user's secrets live.
    QString backendName() const override { return m_beneath->backendName(); }
    QFuture<SecretValue> read(const QString &tenant, const QString &key) override;
    QFuture<SecretDone> write(const QString &tenant, const QString &key, const QString &value) override;
    QFuture<SecretDone> remove(const QString &tenant, const QString &key) override;

    SecretStore *beneath() const { return m_beneath.get(); }

private:
    std::unique_ptr<SecretStore> m_beneath;
    mutable QMutex m_mutex;
    QHash<QString, QHash<QString, QString>> m_tenants; // tenant -> key -> value
};

} // namespace CallScope
