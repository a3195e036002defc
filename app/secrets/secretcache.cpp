// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretcache.h"

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

SecretCache::SecretCache(SecretStore *store, int ttlMs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_ttlMs(ttlMs)
{}

void SecretCache::get(const QString &tenant, const QString &key,
                      std::function<void(const QString &)> callback)
{
    const QString id = tenant + u'/' + key;
    if (const auto it = m_entries.constFind(id); it != m_entries.constEnd() && !it->expires.hasExpired()) {
        callback(it->value);
        return;
    }
    QFuture<SecretValue> future = m_store->read(tenant, key);
    auto deliver = [this, id, callback = std::move(callback)](const SecretValue &value) {
        const QString text = value && value->has_value() ? **value : QString();
        // Unreadable (keychain locked) is not cached: the next request asks again.
        if (value)
            m_entries.insert(id, Entry{text, QDeadlineTimer(m_ttlMs)});
        callback(text);
    };
    if (future.isFinished()) {
        deliver(future.result());
        return;
    }
    future.then(this, std::move(deliver));
}

void SecretCache::get(const QString &tenant, const QStringList &keys,
                      std::function<void(const QStringList &)> callback)
{
    struct Gather
    {
        QStringList values;
        int pending = 0;
        std::function<void(const QStringList &)> callback;
    };
    auto gather = std::make_shared<Gather>();
    gather->values = QStringList(keys.size());
    gather->pending = int(keys.size());
    gather->callback = std::move(callback);
    if (keys.isEmpty()) {
        gather->callback({});
        return;
    }
    for (qsizetype i = 0; i < keys.size(); ++i) {
        get(tenant, keys.at(i), [gather, i](const QString &value) {
            gather->values[i] = value;
            if (--gather->pending == 0)
                gather->callback(gather->values);
        });
    }
}

void SecretCache::invalidate(const QString &tenant, const QString &key)
{
    m_entries.remove(tenant + u'/' + key);
}

} // namespace CallScope
