// SPDX-License-Identifier: GPL-3.0-or-later
#include "overlaysecretstore.h"

#include <QFuture>

namespace CallScope {

OverlaySecretStore::OverlaySecretStore(std::unique_ptr<SecretStore> beneath)
    : m_beneath(std::move(beneath))
{}

void OverlaySecretStore::setTenantSecrets(const QString &tenant, const QHash<QString, QString> &secrets)
{
    QMutexLocker lock(&m_mutex);
    m_tenants.insert(tenant, secrets);
}

void OverlaySecretStore::clearTenant(const QString &tenant)
{
    QMutexLocker lock(&m_mutex);
    m_tenants.remove(tenant);
}

bool OverlaySecretStore::hasTenant(const QString &tenant) const
{
    QMutexLocker lock(&m_mutex);
    return m_tenants.contains(tenant);
}

QFuture<SecretValue> OverlaySecretStore::read(const QString &tenant, const QString &key)
{
    {
        QMutexLocker lock(&m_mutex);
        if (const auto it = m_tenants.constFind(tenant); it != m_tenants.constEnd()) {
            const auto value = it->constFind(key);
            return QtFuture::makeReadyFuture(
                SecretValue(value == it->constEnd() ? std::nullopt : std::optional<QString>(*value)));
        }
    }
    return m_beneath->read(tenant, key);
}

QFuture<SecretDone> OverlaySecretStore::write(const QString &tenant, const QString &key, const QString &value)
{
    {
        QMutexLocker lock(&m_mutex);
        if (const auto it = m_tenants.find(tenant); it != m_tenants.end()) {
            it->insert(key, value);
            return QtFuture::makeReadyFuture(SecretDone());
        }
    }
    return m_beneath->write(tenant, key, value);
}

QFuture<SecretDone> OverlaySecretStore::remove(const QString &tenant, const QString &key)
{
    {
        QMutexLocker lock(&m_mutex);
        if (const auto it = m_tenants.find(tenant); it != m_tenants.end()) {
            it->remove(key);
            return QtFuture::makeReadyFuture(SecretDone());
        }
    }
    return m_beneath->remove(tenant, key);
}

} // namespace CallScope
