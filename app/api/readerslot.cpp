// SPDX-License-Identifier: GPL-3.0-or-later
#include "readerslot.h"

#include "storereader.h"

namespace CallScope {

ReaderSlot::ReaderSlot(DatabaseUrl url, QString password)
    : m_url(std::move(url))
    , m_password(std::move(password))
{}

ReaderSlot::~ReaderSlot() = default;

StoreReader *ReaderSlot::get()
{
    if (!m_reader) {
        if (auto opened = StoreReader::open(m_url, m_password))
            m_reader = std::move(*opened);
    }
    return m_reader.get();
}

void ReaderSlot::failed(const StoreError &error)
{
    if (error.kind == StoreError::Kind::Unavailable)
        m_reader.reset();
}

} // namespace CallScope
