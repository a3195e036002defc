// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>

namespace CallScope::Http {

// A token bucket per client address. The clock is passed in (a monotonic millisecond count) so the
// arithmetic can be tested without waiting. Buckets that have refilled completely are indistinguishable
// from new ones and are pruned, so memory follows the number of recently active clients.
class RateLimiter
{
public:
    struct Decision
    {
        bool allowed = true;
        int retryAfterSeconds = 0; // whole seconds until a token is back, at least 1 when refused
    };

    // ratePerSecond <= 0 disables the limit.
    RateLimiter(double ratePerSecond, double burst);

    bool isEnabled() const { return m_rate > 0; }
    Decision take(const QHostAddress &client, qint64 nowMs);
    qsizetype bucketCount() const { return m_buckets.size(); }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };

    void prune(qint64 nowMs);

    QHash<QHostAddress, Bucket> m_buckets;
    double m_rate;
    double m_burst;
    qint64 m_lastPruneMs = 0;
};

} // namespace CallScope::Http
