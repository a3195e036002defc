// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenantdirectory.h"

#include "api/readerslot.h"
#include "storereader.h"

namespace CallScope {

TenantDirectory::TenantDirectory(ReaderSlot *reader, int cacheMs)
    : m_reader(reader)
    , m_cacheMs(cacheMs)
{}

std::optional<TenantId> TenantDirectory::find(const QString &slug)
{
    const auto known = m_known.constFind(slug);
    if (known != m_known.constEnd() && !known->expires.hasExpired())
        return known->id;
    // While the database cannot be reached, a tenant known before is still routed: the store then
    // answers 503, which a provider retries, where a 404 would lose the delivery.
    const std::optional<TenantId> before =
        known != m_known.constEnd() ? std::optional<TenantId>(known->id) : std::nullopt;
    StoreReader *reader = m_reader->get();
    if (!reader)
        return before;
    auto tenant = reader->tenant(slug);
    if (!tenant) {
        if (tenant.error().kind == StoreError::Kind::UnknownTenant) {
            m_known.remove(slug);
            return std::nullopt;
        }
        m_reader->failed(tenant.error());
        return before;
    }
    m_known.insert(slug, Entry{tenant->id, QDeadlineTimer(m_cacheMs)});
    return tenant->id;
}

void TenantDirectory::forget(const QString &slug)
{
    m_known.remove(slug);
}

void TenantDirectory::clear()
{
    m_known.clear();
}

} // namespace CallScope
