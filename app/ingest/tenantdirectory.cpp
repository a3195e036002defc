// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenantdirectory.h"

#include "storereader.h"

namespace CallScope {

TenantDirectory::TenantDirectory(DatabaseUrl url, QString password)
    : m_url(std::move(url))
    , m_password(std::move(password))
{}

TenantDirectory::~TenantDirectory() = default;

std::optional<TenantId> TenantDirectory::find(const QString &slug)
{
    if (const auto it = m_known.constFind(slug); it != m_known.constEnd())
        return it.value();
    if (!m_reader) {
        auto reader = StoreReader::open(m_url, m_password);
        if (!reader)
            return std::nullopt;
        m_reader = std::move(*reader);
    }
    auto tenant = m_reader->tenant(slug);
    if (!tenant) {
        if (tenant.error().kind == StoreError::Kind::Unavailable)
            m_reader.reset(); // reconnect next time
        return std::nullopt;
    }
    m_known.insert(slug, tenant->id);
    return tenant->id;
}

} // namespace CallScope
