// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace CallScope::Bench {

struct CallsBenchOptions
{
    QString db;
    QString tenant = QStringLiteral("default");
    int repeats = 5;
    // Before each case, one run more on a store read from disk: a new connection, and the store's
    // files dropped from the page cache (posix_fadvise, this file only). Printed as "cold".
    bool cold = false;
};

// Times StoreReader::calls on a store as the calls view asks it: the first page, paging by cursor,
// filters, full-text search (a common word, a rare word, an absent word, the last digits of a
// number) and prints the median, min and max of `repeats` runs per case.
int runCallsBench(const CallsBenchOptions &options);

} // namespace CallScope::Bench
