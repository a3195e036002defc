// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QHash>
#include <QString>

#include <optional>

namespace CallScope {

class ReaderSlot;

// Tenant slugs known to the store, for routing. A miss asks the database again, so a tenant created
// by another process (callscope-server tenant create) is found without a restart.
class TenantDirectory
{
public:
    explicit TenantDirectory(ReaderSlot *reader);

    std::optional<TenantId> find(const QString &slug);

private:
    ReaderSlot *m_reader;
    QHash<QString, TenantId> m_known;
};

} // namespace CallScope
