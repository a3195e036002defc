// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>

#include <functional>

namespace CallScope {

// Secrets the listener needs on every request, kept in memory for a while: the keychain answers
// over D-Bus, which is too slow to ask per webhook. Values never leave the process.
class SecretCache : public QObject
{
    Q_OBJECT

public:
    explicit SecretCache(SecretStore *store, int ttlMs = 60'000, QObject *parent = nullptr);

    // Calls back (on this object's thread) with the value, or an empty string when not set or
    // unreadable; immediately when cached.
    void get(const QString &tenant, const QString &key, std::function<void(const QString &)> callback);
    // Several keys at once; the callback gets them in order.
    void get(const QString &tenant, const QStringList &keys,
             std::function<void(const QStringList &)> callback);
    void invalidate(const QString &tenant, const QString &key);

private:
    struct Entry
    {
        QString value;
        QDeadlineTimer expires;
    };
    SecretStore *m_store;
    int m_ttlMs;
    QHash<QString, Entry> m_entries; // tenant + '/' + key
};

} // namespace CallScope
