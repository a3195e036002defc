// SPDX-License-Identifier: GPL-3.0-or-later
#include "memorysecretstore.h"

#include <QFuture>

namespace CallScope {

QFuture<SecretValue> MemorySecretStore::read(const QString &tenant, const QString &key)
{
    return QtFuture::makeReadyFuture(SecretValue(value(tenant, key)));
}

QFuture<SecretDone> MemorySecretStore::write(const QString &tenant, const QString &key, const QString &value)
{
    QMutexLocker lock(&m_mutex);
    auto previous = m_secrets;
    m_secrets[tenant][key] = value;
    SecretDone done = persist(m_secrets);
    if (!done)
        m_secrets = std::move(previous);
    return QtFuture::makeReadyFuture(done);
}

QFuture<SecretDone> MemorySecretStore::remove(const QString &tenant, const QString &key)
{
    QMutexLocker lock(&m_mutex);
    auto previous = m_secrets;
    auto it = m_secrets.find(tenant);
    if (it != m_secrets.end()) {
        it->remove(key);
        if (it->isEmpty())
            m_secrets.erase(it);
    }
    SecretDone done = persist(m_secrets);
    if (!done)
        m_secrets = std::move(previous);
    return QtFuture::makeReadyFuture(done);
}

std::optional<QString> MemorySecretStore::value(const QString &tenant, const QString &key) const
{
    QMutexLocker lock(&m_mutex);
    const auto tenantIt = m_secrets.constFind(tenant);
    if (tenantIt == m_secrets.constEnd())
        return std::nullopt;
    const auto it = tenantIt->constFind(key);
    if (it == tenantIt->constEnd())
        return std::nullopt;
    return it.value();
}

void MemorySecretStore::set(const QString &tenant, const QString &key, const QString &value)
{
    QMutexLocker lock(&m_mutex);
    m_secrets[tenant][key] = value;
}

QStringList MemorySecretStore::tenants() const
{
    QMutexLocker lock(&m_mutex);
    QStringList out = m_secrets.keys();
    out.sort();
    return out;
}

} // namespace CallScope
