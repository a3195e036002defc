// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"
#include "storetypes.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace CallScope {

class StoreReader;

// Tenant slugs known to the store, for routing. A miss asks the database again, so a tenant created
// by another process (callscope-server tenant create) is found without a restart.
class TenantDirectory
{
public:
    TenantDirectory(DatabaseUrl url, QString password);
    ~TenantDirectory();

    std::optional<TenantId> find(const QString &slug);

private:
    DatabaseUrl m_url;
    QString m_password;
    std::unique_ptr<StoreReader> m_reader;
    QHash<QString, TenantId> m_known;
};

} // namespace CallScope
