// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbackdispatcher.h"

#include "calldetail.h"
#include "jsontext.h"
#include "logging.h"
#include "store.h"
#include "storereader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSysInfo>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <optional>
#include <sys/types.h>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

// How much of a refusing answer's body goes into the request's error (the whole body is kept as
// the response).
constexpr qsizetype errorBodyChars = 200;
// A timer cannot wait longer; the poll runs long before anyway.
constexpr qint64 longestTimerMs = 24LL * 3600 * 1000;

std::atomic<int> nextSerial{1};

QString endpoint(const QUrl &url)
{
    return u"%1:%2"_s.arg(url.host()).arg(url.port(url.scheme() == "https"_L1 ? 443 : 80));
}

QByteArray handoffBody(const CallbackHandoff &handoff)
{
    QJsonValue details = QJsonValue::Null;
    if (!handoff.detailsJson.isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(handoff.detailsJson);
        if (document.isObject())
            details = document.object();
    }
    const QJsonObject body{{u"id"_s, handoff.uuid},
                           {u"tenant"_s, handoff.tenantSlug},
                           {u"callbackNumber"_s, handoff.callbackNumber},
                           {u"callerName"_s, textOrNull(handoff.callerName)},
                           {u"concern"_s, textOrNull(handoff.concern)},
                           {u"details"_s, details},
                           {u"urgency"_s, toString(handoff.urgency)},
                           {u"callId"_s, textOrNull(handoff.callUuid)},
                           {u"createdAt"_s, isoOrNull(handoff.createdAt)},
                           {u"attempt"_s, handoff.attempt}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// Why a post got no answer, in words for staff (the request's last error) and the log.
QString networkFailure(const QNetworkReply *reply, const QUrl &url, bool timedOut, qint64 timeoutMs)
{
    if (timedOut || reply->error() == QNetworkReply::OperationCanceledError ||
        reply->error() == QNetworkReply::TimeoutError)
        return u"no answer from the frontend %1 within %2 ms (timeout)"_s.arg(endpoint(url)).arg(timeoutMs);
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return u"connection refused by the frontend %1"_s.arg(endpoint(url));
    case QNetworkReply::HostNotFoundError:
        return u"the frontend host %1 was not found"_s.arg(url.host());
    case QNetworkReply::RemoteHostClosedError:
        return u"the frontend %1 closed the connection without an answer"_s.arg(endpoint(url));
    case QNetworkReply::SslHandshakeFailedError:
        return u"TLS error with the frontend %1: %2"_s.arg(endpoint(url), reply->errorString());
    default:
        return u"cannot reach the frontend %1: %2"_s.arg(endpoint(url), reply->errorString());
    }
}

} // namespace

struct CallbackDispatcher::Private
{
    CallbackDispatcher *q;
    Store *store;
    DispatcherConfig config;
    ApiKeyLookup apiKey;
    Clock clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    QString host = QSysInfo::machineHostName();
    QString claimant;

    std::unique_ptr<QNetworkAccessManager> network;
    QTimer poll;
    QTimer due;      // the next failed request's attempt
    QTimer deadline; // the post in flight's timeout
    std::unique_ptr<StoreReader> reader;

    bool started = false;
    bool stopping = false;
    bool cycling = false;   // a cycle is under way
    bool again = false;     // woken during the cycle
    bool storeBusy = false; // a claim or a finish is on its way to the store
    bool lookingUp = false; // waiting for the tenant's API key
    int postedInCycle = 0;
    std::optional<CallbackHandoff> current; // claimed and not finished
    QPointer<QNetworkReply> reply;
    bool timedOut = false;
    DispatcherCounts counts;

    Store::AbandonedClaim abandoned(qint64 nowMs) const;
    void beginCycle();
    void claimNext();
    void lookUpKeyAndPost();
    void post(const QString &key);
    void replyFinished(QNetworkReply *finished);
    void finishAttempt(const CallbackAttemptOutcome &outcome);
    enum class CycleEnd
    {
        NothingDue,
        BatchUsedUp,
        StoreFailed,
    };
    void endCycle(CycleEnd end);
    void armDueTimer();
    void finishStopWhenQuiet();
};

CallbackDispatcher::CallbackDispatcher(Store *store, DispatcherConfig config, ApiKeyLookup apiKey,
                                       QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->store = store;
    d->config = std::move(config);
    d->config.batchSize = std::max(1, d->config.batchSize);
    d->apiKey = std::move(apiKey);
    d->claimant = u"%1#%2#%3"_s.arg(d->host).arg(QCoreApplication::applicationPid()).arg(nextSerial++);

    d->poll.setInterval(d->config.pollInterval);
    connect(&d->poll, &QTimer::timeout, this, &CallbackDispatcher::wake);
    d->due.setSingleShot(true);
    connect(&d->due, &QTimer::timeout, this, &CallbackDispatcher::wake);
    d->deadline.setSingleShot(true);
    connect(&d->deadline, &QTimer::timeout, this, [this] {
        if (!d->reply)
            return;
        d->timedOut = true;
        d->reply->abort();
    });
    connect(store, &Store::changed, this, [this](const StoreChanges &changes) {
        if (changes.kinds & StoreChanges::CallbacksDue)
            wake(); // not for its own claims and finishes: they make nothing due
    });
}

CallbackDispatcher::~CallbackDispatcher()
{
    // The reply's handlers must not run while this object goes away.
    if (d->reply) {
        disconnect(d->reply, nullptr, this, nullptr);
        d->reply->abort();
    }
    d->network.reset();
}

void CallbackDispatcher::setClock(Clock clock)
{
    d->clock = std::move(clock);
}

QString CallbackDispatcher::claimant() const
{
    return d->claimant;
}

bool CallbackDispatcher::isEnabled() const
{
    const QUrl &url = d->config.frontendUrl;
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == "http"_L1 || url.scheme() == "https"_L1);
}

const DispatcherConfig &CallbackDispatcher::config() const
{
    return d->config;
}

DispatcherCounts CallbackDispatcher::counts() const
{
    return d->counts;
}

void CallbackDispatcher::start()
{
    if (d->started)
        return;
    if (!isEnabled()) {
        if (!d->config.frontendUrl.isEmpty())
            qCWarning(lcCallbacks) << "the frontend URL"
                                   << d->config.frontendUrl.toDisplayString(QUrl::RemoveUserInfo |
                                                                            QUrl::RemoveQuery)
                                   << "is not an http(s) URL; callback requests wait for staff";
        else
            qCInfo(lcCallbacks) << "no frontend URL: callback requests wait for staff";
        return;
    }
    d->started = true;
    d->stopping = false;
    if (!d->network)
        d->network = std::make_unique<QNetworkAccessManager>();
    qCInfo(lcCallbacks).noquote() << "handing callback requests to"
                                  << d->config.frontendUrl.toDisplayString(QUrl::RemoveUserInfo |
                                                                           QUrl::RemoveQuery)
                                  << "as" << d->claimant;
    if (d->config.pollInterval.count() > 0)
        d->poll.start();
    wake(); // a cycle starts with the release of abandoned claims
}

void CallbackDispatcher::wake()
{
    if (!d->started || d->stopping)
        return;
    if (d->cycling) {
        d->again = true;
        return;
    }
    d->beginCycle();
}

void CallbackDispatcher::stop()
{
    if (d->stopping)
        return; // stopped follows
    if (!d->started) {
        QMetaObject::invokeMethod(this, &CallbackDispatcher::stopped, Qt::QueuedConnection);
        return;
    }
    d->stopping = true;
    d->poll.stop();
    d->due.stop();
    if (d->reply)
        d->reply->abort(); // its handler sees `stopping` and leaves the request to the release
    d->finishStopWhenQuiet();
}

Store::AbandonedClaim CallbackDispatcher::Private::abandoned(qint64 nowMs) const
{
    const qint64 leaseMs = qint64(config.timeout.count() + config.leaseGrace.count());
    // Runs on the writer thread: it works on copies only.
    return [host = host, nowMs, leaseMs](const QString &claimedBy, qint64 claimedAtMs) {
        if (claimedAtMs < nowMs - leaseMs)
            return true;
        const QStringList parts = claimedBy.split(u'#');
        if (parts.size() != 3 || parts.at(0) != host)
            return false; // another machine's processes cannot be looked at
        bool ok = false;
        const qint64 pid = parts.at(1).toLongLong(&ok);
        if (!ok || pid <= 0)
            return false;
        return ::kill(pid_t(pid), 0) == -1 && errno == ESRCH;
    };
}

void CallbackDispatcher::Private::beginCycle()
{
    cycling = true;
    again = false;
    postedInCycle = 0;
    due.stop();
    const qint64 now = clock();
    // Submitted together with the claim, so that both usually share one transaction; a request it
    // releases is claimed by the claim right after.
    store->releaseAbandonedCallbacks(abandoned(now), claimant, now)
        .then(q, [](const Store::Result<int> &released) {
            if (!released)
                qCWarning(lcCallbacks)
                    << "cannot release abandoned callback claims:" << released.error().message;
            else if (*released > 0)
                qCInfo(lcCallbacks) << "released" << *released
                                    << "callback request(s) left posting by a dispatcher that is gone or "
                                       "past its lease";
        });
    claimNext();
}

void CallbackDispatcher::Private::claimNext()
{
    storeBusy = true;
    store->claimNextCallback(claimant, clock())
        .then(q, [this](const Store::Result<std::optional<CallbackHandoff>> &claimed) {
            storeBusy = false;
            if (claimed && *claimed)
                current = **claimed;
            if (stopping) {
                finishStopWhenQuiet();
                return;
            }
            if (!claimed) {
                qCWarning(lcCallbacks) << "cannot claim a callback request:" << claimed.error().message;
                endCycle(CycleEnd::StoreFailed);
                return;
            }
            if (!current) {
                endCycle(CycleEnd::NothingDue);
                return;
            }
            lookUpKeyAndPost();
        });
}

void CallbackDispatcher::Private::lookUpKeyAndPost()
{
    if (!apiKey) {
        post({});
        return;
    }
    lookingUp = true;
    QPointer<CallbackDispatcher> self = q;
    apiKey(current->tenantSlug, [this, self](const QString &key) {
        if (!self)
            return;
        lookingUp = false;
        if (stopping) {
            finishStopWhenQuiet();
            return;
        }
        post(key);
    });
}

void CallbackDispatcher::Private::post(const QString &key)
{
    QNetworkRequest request(config.frontendUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
    // Exactly the configured URL: a redirect is an answer that is not 2xx, and the key goes nowhere else.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    timedOut = false;
    QNetworkReply *sent = network->post(request, handoffBody(*current));
    reply = sent;
    QObject::connect(sent, &QNetworkReply::finished, q, [this, sent] { replyFinished(sent); });
    // Bounds the whole exchange (a transfer timeout would only notice silence).
    deadline.start(config.timeout);
}

void CallbackDispatcher::Private::replyFinished(QNetworkReply *finished)
{
    finished->deleteLater();
    if (reply == finished)
        reply = nullptr;
    deadline.stop();
    if (stopping) {
        finishStopWhenQuiet();
        return;
    }
    const QUrl &url = config.frontendUrl;
    CallbackAttemptOutcome outcome;
    const QVariant status = finished->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid() && status.toInt() > 0) {
        // An answer: its status decides (a 2xx that came in time is the frontend's acknowledgement,
        // even when the rest of the body did not).
        const int code = status.toInt();
        outcome.httpStatus = code;
        outcome.response = finished->readAll();
        outcome.success = code >= 200 && code < 300;
        if (!outcome.success) {
            const QString start = QString::fromUtf8(outcome.response.left(errorBodyChars * 4))
                                      .simplified()
                                      .left(errorBodyChars);
            outcome.error = start.isEmpty() ? u"the frontend answered HTTP %1"_s.arg(code)
                                            : u"the frontend answered HTTP %1: %2"_s.arg(code).arg(start);
        }
    } else {
        outcome.error = networkFailure(finished, url, timedOut, qint64(config.timeout.count()));
    }
    timedOut = false;
    if (outcome.success)
        ++counts.posted;
    else
        ++counts.failed;
    finishAttempt(outcome);
}

void CallbackDispatcher::Private::finishAttempt(const CallbackAttemptOutcome &outcome)
{
    storeBusy = true;
    const CallbackHandoff handoff = *current;
    store->finishCallbackAttempt(handoff, claimant, outcome, config.backoff, clock())
        .then(q, [this, handoff, outcome](const Store::Result<QString> &finished) {
            storeBusy = false;
            current.reset();
            if (!finished) {
                // The request stays claimed by us; the lease releases it if we cannot.
                qCWarning(lcCallbacks)
                    << "cannot record the end of attempt" << handoff.attempt << "of callback request"
                    << handoff.uuid << ":" << finished.error().message;
            } else {
                if (outcome.success)
                    qCDebug(lcCallbacks)
                        << "callback request" << handoff.uuid << "posted (attempt" << handoff.attempt << ")";
                else
                    qCInfo(lcCallbacks).noquote()
                        << "hand-off of callback request" << handoff.uuid << "attempt" << handoff.attempt
                        << "failed:" << outcome.error << "- now" << *finished;
                emit q->attemptFinished(handoff.uuid, handoff.attempt, *finished);
            }
            if (stopping) {
                finishStopWhenQuiet();
                return;
            }
            if (++postedInCycle >= config.batchSize) {
                endCycle(CycleEnd::BatchUsedUp);
                return;
            }
            claimNext();
        });
}

void CallbackDispatcher::Private::endCycle(CycleEnd end)
{
    cycling = false;
    if (stopping) {
        finishStopWhenQuiet();
        return;
    }
    if (end == CycleEnd::StoreFailed)
        return; // the poll tries again; a due timer could spin on a store that keeps failing
    if (again || end == CycleEnd::BatchUsedUp) {
        // Through the event loop, so that a long queue does not starve the rest of the program.
        QMetaObject::invokeMethod(q, &CallbackDispatcher::wake, Qt::QueuedConnection);
        return;
    }
    armDueTimer();
    emit q->idle();
}

void CallbackDispatcher::Private::armDueTimer()
{
    if (!reader) {
        auto opened = StoreReader::open(store->url(), store->password());
        if (!opened) {
            qCWarning(lcCallbacks) << "cannot read when the next callback attempt is due:"
                                   << opened.error().message;
            return; // the poll still comes
        }
        reader = std::move(*opened);
    }
    auto next = reader->nextCallbackAttemptAt();
    if (!next) {
        qCWarning(lcCallbacks) << "cannot read when the next callback attempt is due:"
                               << next.error().message;
        reader.reset(); // a new connection next time
        return;
    }
    if (!*next)
        return;
    due.start(int(std::clamp<qint64>(**next - clock(), 0, longestTimerMs)));
}

void CallbackDispatcher::Private::finishStopWhenQuiet()
{
    if (!stopping || storeBusy || lookingUp || reply)
        return; // what is under way calls again when it ends
    if (!started)
        return; // the release is on its way
    started = false;
    cycling = false;
    deadline.stop();
    const QString own = claimant;
    store
        ->releaseAbandonedCallbacks([own](const QString &claimedBy, qint64) { return claimedBy == own; },
                                    claimant, clock())
        .then(q, [this](const Store::Result<int> &released) {
            if (!released)
                qCWarning(lcCallbacks)
                    << "cannot release the callback request being posted:" << released.error().message;
            current.reset();
            stopping = false;
            qCInfo(lcCallbacks) << "callback dispatcher stopped";
            QMetaObject::invokeMethod(q, &CallbackDispatcher::stopped, Qt::QueuedConnection);
        });
}

} // namespace CallScope
