// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchutil.h"

#include <algorithm>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Bench {

std::optional<DatabaseUrl> benchDatabase(const QString &option, const QTemporaryDir &dir)
{
    if (option.isEmpty())
        return DatabaseUrl::sqlite(dir.filePath(u"bench.db"_s));
    auto parsed = DatabaseUrl::parse(option);
    if (!parsed) {
        std::fprintf(stderr, "callscope-bench: %s\n", qPrintable(parsed.error()));
        return std::nullopt;
    }
    return *parsed;
}

QString benchPassword(const DatabaseUrl &url)
{
    return url.password.isEmpty() ? qEnvironmentVariable("PGPASSWORD") : url.password;
}

double elapsedMs(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))];
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return percentile(values, 0.5);
}

} // namespace CallScope::Bench
