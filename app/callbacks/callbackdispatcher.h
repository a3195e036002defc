// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

namespace CallScope {

class Store;

struct DispatcherConfig
{
    QUrl frontendUrl; // empty: nothing is posted, requests wait for staff
    QList<std::chrono::milliseconds> backoff{std::chrono::minutes(5), std::chrono::minutes(15),
                                             std::chrono::hours(1)};
    int batchSize = 10;                        // requests claimed and posted per cycle
    std::chrono::milliseconds timeout{10'000}; // an answer later than this is a failure
    std::chrono::milliseconds pollInterval{30'000};
    // A claim older than timeout + this is abandoned, whoever made it (a dispatcher on another
    // machine, whose process cannot be looked at).
    std::chrono::milliseconds leaseGrace{60'000};
};

// The hand-offs this process attempted since it started, by how they ended (for /metrics).
struct DispatcherCounts
{
    quint64 posted = 0;
    quint64 failed = 0;
};

// Hands pending callback requests to the customer's frontend API (spec/http-api.md, "Hand-off to
// the frontend"): one at a time in queue order, each claimed in the store before it is posted, so
// that two processes on one database never post the same request. Woken at once when a request becomes
// ready to hand over (Store::changed with CallbacksDue), otherwise every pollInterval, and when the next
// failed request is due. A 2xx answer within the timeout makes the request `posted`; anything else makes it
// `failed` with the next attempt after the backoff, or `dead` after the last.
class CallbackDispatcher : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<qint64()>; // epoch ms
    // The frontend API key of a tenant (secret frontend.apiKey), handed to `done`; empty: none.
    using ApiKeyLookup =
        std::function<void(const QString &tenantSlug, std::function<void(const QString &)> done)>;

    CallbackDispatcher(Store *store, DispatcherConfig config, ApiKeyLookup apiKey, QObject *parent = nullptr);
    ~CallbackDispatcher() override;

    // Tests move time by hand; the default is the system clock. Claims, attempts and the backoff
    // use it; the answer's timeout is real time (it is how long the frontend really took).
    void setClock(Clock clock);
    // host#pid#serial: who claimed a request (kept in the request while it is posting).
    QString claimant() const;
    bool isEnabled() const; // a frontend URL is configured
    const DispatcherConfig &config() const;
    DispatcherCounts counts() const;

    // Releases the requests left `posting` by a process of this machine that is gone (and claims
    // older than the lease), then runs a cycle. Does nothing when no frontend URL is configured.
    void start();
    // Runs a cycle now (or right after the one running).
    void wake();
    // Stops claiming; a post in flight is aborted and its request released to `pending`. `stopped`
    // follows (never from inside stop()) once the store has it, also when nothing was running.
    void stop();

signals:
    // After the attempt's end is committed; `status` is the request's state afterwards (posted,
    // failed, dead, or a state staff gave it meanwhile).
    void attemptFinished(const QString &requestUuid, int attempt, const QString &status);
    // A cycle ended and nothing is due now.
    void idle();
    void stopped();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace CallScope
