// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace CallScope::Http {

namespace {

constexpr qint64 pruneIntervalMs = 10'000;
// Past this many clients, prune every second rather than every ten.
constexpr qsizetype pruneThreshold = 50'000;
constexpr qint64 busyPruneIntervalMs = 1'000;

// A dual-stack listener reports IPv4 clients as ::ffff:a.b.c.d; they are the same client as a.b.c.d.
QHostAddress normalized(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : QHostAddress(address.toIPv6Address());
}

} // namespace

RateLimiter::RateLimiter(double ratePerSecond, double burst)
    : m_rate(ratePerSecond)
    , m_burst(std::max(burst, 1.0)) // a burst below one token would refuse everything
{}

RateLimiter::Decision RateLimiter::take(const QHostAddress &client, qint64 nowMs)
{
    if (!isEnabled())
        return {};
    const qint64 sincePrune = nowMs - m_lastPruneMs;
    if (sincePrune >= pruneIntervalMs ||
        (m_buckets.size() > pruneThreshold && sincePrune >= busyPruneIntervalMs))
        prune(nowMs);

    const QHostAddress key = normalized(client);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{m_burst, nowMs});
    Bucket &bucket = *it;
    const double elapsedSeconds = double(std::max<qint64>(0, nowMs - bucket.updatedMs)) / 1000.0;
    bucket.tokens = std::min(m_burst, bucket.tokens + elapsedSeconds * m_rate);
    bucket.updatedMs = nowMs;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return {};
    }
    const double seconds = std::ceil((1.0 - bucket.tokens) / m_rate);
    return {false, int(std::clamp(seconds, 1.0, 86'400.0))};
}

void RateLimiter::prune(qint64 nowMs)
{
    m_lastPruneMs = nowMs;
    m_buckets.removeIf([&](QHash<QHostAddress, Bucket>::iterator entry) {
        const Bucket &bucket = entry.value();
        return bucket.tokens + double(nowMs - bucket.updatedMs) / 1000.0 * m_rate >= m_burst;
    });
}

} // namespace CallScope::Http
