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
    // A claim by a dispatcher on another machine older than timeout + this is abandoned.
    std::chrono::milliseconds leaseGrace{60'000};
};

// Hands pending callback requests to the customer's frontend API (spec/http-api.md, "Hand-off to
// the frontend"): one at a time in queue order, each claimed in the store before it is posted, so
// that two processes on one database never post the same request. Woken at once by a change to the
// queue (Store::changed with Callbacks), otherwise every pollInterval, and when the next failed
// request is due. A 2xx answer within the timeout makes the request `posted`; anything else makes it
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

    // Tests move time by hand; the default is the system clock.
    void setClock(Clock clock);
    // host#pid#serial: who claimed a request (kept in the request while it is posting).
    QString claimant() const;
    bool isEnabled() const; // a frontend URL is configured
    const DispatcherConfig &config() const;

    // Releases the requests left `posting` by a process of this machine that is gone (and claims of
    // other machines older than the lease), then runs a cycle.
    void start();
    // Runs a cycle now (or right after the one running).
    void wake();
    // Stops claiming; a post in flight is aborted and its request released to `pending`. `stopped`
    // follows once the store has it.
    void stop();

signals:
    void attemptFinished(const QString &requestUuid, int attempt, const QString &status);
    // A cycle ended and nothing is due now.
    void idle();
    void stopped();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace CallScope
