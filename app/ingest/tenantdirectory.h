// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QString>

#include <optional>

namespace CallScope {

class ReaderSlot;

// Tenant slugs known to the store, for routing. A miss asks the database again, so a tenant created
// by another process (callscope-server tenant create) is found without a restart; a hit is trusted
// for a few seconds only, so one deleted there (tenant delete) is refused within them, and one
// created again under its slug is found with its new id.
class TenantDirectory
{
public:
    explicit TenantDirectory(ReaderSlot *reader, int cacheMs = 5'000);

    std::optional<TenantId> find(const QString &slug);
    // Drops what is known of one slug (the store said the tenant is gone) or of all of them (the
    // store announced a change of tenants).
    void forget(const QString &slug);
    void clear();

private:
    struct Entry
    {
        TenantId id;
        QDeadlineTimer expires;
    };

    ReaderSlot *m_reader;
    int m_cacheMs;
    QHash<QString, Entry> m_known;
};

} // namespace CallScope
