// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenantdirectory.h"

#include "api/readerslot.h"
#include "storereader.h"

namespace CallScope {

TenantDirectory::TenantDirectory(ReaderSlot *reader)
    : m_reader(reader)
{}

std::optional<TenantId> TenantDirectory::find(const QString &slug)
{
    if (const auto it = m_known.constFind(slug); it != m_known.constEnd())
        return it.value();
    StoreReader *reader = m_reader->get();
    if (!reader)
        return std::nullopt;
    auto tenant = reader->tenant(slug);
    if (!tenant) {
        m_reader->failed(tenant.error());
        return std::nullopt;
    }
    m_known.insert(slug, tenant->id);
    return tenant->id;
}

} // namespace CallScope
