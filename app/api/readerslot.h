// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"
#include "storetypes.h"

#include <memory>

namespace CallScope {

class StoreReader;

// The listener thread's one read connection to the store, shared by tenant routing, token checks,
// the read API and /metrics. Opened on first use; a read that finds the store unreachable reports
// it with failed(), and the next get() connects again.
class ReaderSlot
{
public:
    ReaderSlot(DatabaseUrl url, QString password);
    ~ReaderSlot();

    // nullptr while the store cannot be reached.
    StoreReader *get();
    // Forgets the connection after an Unavailable error; other errors are the query's own.
    void failed(const StoreError &error);

private:
    DatabaseUrl m_url;
    QString m_password;
    std::unique_ptr<StoreReader> m_reader;
};

} // namespace CallScope
