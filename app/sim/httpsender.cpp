// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpsender.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Sim {

namespace {

constexpr int rejectionSamples = 5;
constexpr qint64 maxRetryAfterSeconds = 30;

struct Answer
{
    int status = 0;
    QByteArray body;
    qint64 retryAfterSeconds = 1;
    bool close = false;
};

QByteArray headerValue(QByteArrayView head, QByteArrayView name)
{
    qsizetype start = 0;
    while (start < head.size()) {
        qsizetype end = head.indexOf("\r\n", start);
        if (end < 0)
            end = head.size();
        const QByteArrayView line = head.sliced(start, end - start);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.sliced(colon + 1).trimmed().toByteArray();
        start = end + 2;
    }
    return {};
}

// One complete answer from the front of `in` (Content-Length framing, as the listener answers),
// removing it; nothing while it is incomplete.
std::optional<Answer> takeAnswer(QByteArray &in)
{
    const qsizetype end = in.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QByteArrayView head = QByteArrayView(in).first(end);
    const qint64 length = headerValue(head, "content-length").toLongLong();
    if (in.size() < end + 4 + length)
        return std::nullopt;
    Answer answer;
    answer.status = in.mid(9, 3).toInt();
    answer.body = in.mid(end + 4, length);
    if (const QByteArray retry = headerValue(head, "retry-after"); !retry.isEmpty())
        answer.retryAfterSeconds = std::clamp<qint64>(retry.toLongLong(), 0, maxRetryAfterSeconds);
    answer.close = headerValue(head, "connection").compare("close", Qt::CaseInsensitive) == 0 ||
                   in.startsWith("HTTP/1.0");
    in.remove(0, end + 4 + length);
    return answer;
}

// How many of a delivery's events the answer calls duplicates: {"status":"duplicate"} for a webhook,
// {"accepted":N,"duplicates":M} for a backend batch.
qint64 duplicatesIn(const SimDelivery &delivery, const QByteArray &body)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (delivery.provider == Provider::Backend)
        return qint64(answer.value("duplicates"_L1).toDouble());
    return answer.value("status"_L1).toString() == "duplicate"_L1 ? 1 : 0;
}

int connectTo(const addrinfo *address)
{
    for (const addrinfo *candidate = address; candidate; candidate = candidate->ai_next) {
        const int fd =
            ::socket(candidate->ai_family, candidate->ai_socktype | SOCK_CLOEXEC, candidate->ai_protocol);
        if (fd < 0)
            continue;
        if (::connect(fd, candidate->ai_addr, candidate->ai_addrlen) == 0) {
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
            return fd;
        }
        ::close(fd);
    }
    return -1;
}

struct Connection
{
    int fd = -1;
    QByteArray out;
    qsizetype written = 0;
    QByteArray in;
    int call = -1; // the call whose delivery is in flight; -1: idle
    qint64 sentNs = 0;
    qint64 writtenNs = 0;
};

struct CallRun
{
    qsizetype next = 0; // the delivery to send
    bool inFlight = false;
    int attempt = 0;
    qint64 notBeforeNs = 0; // a retry waits for Retry-After
};

class Run
{
public:
    Run(const SenderOptions &options, const DeliverySigner &signer, const QList<Deliveries> &calls)
        : m_options(options)
        , m_signer(signer)
        , m_calls(calls)
        , m_runs(size_t(calls.size()))
        , m_connections(size_t(std::max(1, options.concurrency)))
        , m_random(quint32(options.seed ^ (options.seed >> 32)))
    {}

    SendStats go()
    {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo *address = nullptr;
        if (const int error = ::getaddrinfo(m_options.host.constData(),
                                            QByteArray::number(m_options.port).constData(), &hints, &address);
            error != 0) {
            m_stats.fatal = u"cannot resolve %1: %2"_s.arg(QString::fromUtf8(m_options.host),
                                                           QString::fromLocal8Bit(::gai_strerror(error)));
            return m_stats;
        }
        m_address = address;
        m_clock.start();
        loop();
        m_stats.seconds = double(m_clock.nsecsElapsed()) / 1e9;
        for (Connection &connection : m_connections) {
            if (connection.fd >= 0)
                ::close(connection.fd);
        }
        ::freeaddrinfo(address);
        return m_stats;
    }

private:
    void loop()
    {
        std::vector<pollfd> fds(m_connections.size());
        while (m_finished < m_calls.size() && m_stats.fatal.isEmpty()) {
            startCalls();
            assign();
            if (!m_stats.fatal.isEmpty())
                break;
            for (size_t i = 0; i < m_connections.size(); ++i) {
                const Connection &connection = m_connections[i];
                fds[i].fd = connection.fd;
                fds[i].events =
                    short(POLLIN |
                          (connection.call >= 0 && connection.written < connection.out.size() ? POLLOUT : 0));
                fds[i].revents = 0;
            }
            ::poll(fds.data(), nfds_t(fds.size()), pollTimeoutMs());
            for (size_t i = 0; i < m_connections.size(); ++i) {
                if (fds[i].fd >= 0 && fds[i].revents)
                    service(m_connections[i], fds[i].revents);
            }
            expire();
        }
    }

    void startCalls()
    {
        while (int(m_active.size()) < std::max(1, m_options.inProgress) && m_nextCall < m_calls.size()) {
            const int call = int(m_nextCall++);
            if (m_calls.at(call).isEmpty())
                ++m_finished;
            else
                m_active.push_back(call);
        }
    }

    // A call whose next delivery may go now, picked at random so that calls interleave.
    int readyCall(qint64 nowNs)
    {
        if (m_active.empty())
            return -1;
        const size_t start = size_t(m_random.bounded(quint32(m_active.size())));
        for (size_t i = 0; i < m_active.size(); ++i) {
            const int call = m_active[(start + i) % m_active.size()];
            const CallRun &run = m_runs[size_t(call)];
            if (!run.inFlight && run.notBeforeNs <= nowNs)
                return call;
        }
        return -1;
    }

    void assign()
    {
        const qint64 nowNs = m_clock.nsecsElapsed();
        for (Connection &connection : m_connections) {
            if (connection.call >= 0)
                continue;
            if (m_options.rate > 0 && m_nextDueNs > nowNs)
                return;
            const int call = readyCall(nowNs);
            if (call < 0)
                return;
            if (connection.fd < 0 && !reconnect(connection))
                return;
            CallRun &run = m_runs[size_t(call)];
            const SimDelivery &delivery = m_calls.at(call).at(run.next);
            QByteArray request = "POST " + m_options.pathPrefix + delivery.route +
                                 " HTTP/1.1\r\nHost: " + m_options.hostHeader +
                                 "\r\nUser-Agent: callscope-sim/" CALLSCOPE_VERSION "\r\nContent-Type: " +
                                 delivery.contentType +
                                 "\r\nContent-Length: " + QByteArray::number(delivery.body.size()) + "\r\n";
            // Signed now: Retell, Ultravox and LiveKit refuse signatures from minutes ago.
            for (const auto &[name, value] : m_signer.headers(delivery, QDateTime::currentMSecsSinceEpoch()))
                request += name + ": " + value + "\r\n";
            connection.out = request + "\r\n" + delivery.body;
            connection.written = 0;
            connection.call = call;
            connection.sentNs = nowNs;
            connection.writtenNs = 0;
            run.inFlight = true;
            if (delivery.duplicate && run.attempt == 0) {
                ++m_stats.duplicatesSent;
                m_stats.duplicateEventsSent += delivery.events;
            }
            if (m_options.rate > 0) {
                // A short stall may be caught up, a long one is not turned into a burst.
                m_nextDueNs = std::max(m_nextDueNs, nowNs - 100'000'000) +
                              qint64(double(delivery.events) * 1e9 / m_options.rate);
            }
        }
    }

    bool reconnect(Connection &connection)
    {
        connection.fd = connectTo(m_address);
        connection.in.clear();
        if (connection.fd < 0) {
            m_stats.fatal = u"cannot connect to %1:%2: %3"_s.arg(QString::fromUtf8(m_options.host))
                                .arg(m_options.port)
                                .arg(QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        return true;
    }

    int pollTimeoutMs() const
    {
        const qint64 nowNs = m_clock.nsecsElapsed();
        qint64 waitNs = 50'000'000;
        if (m_options.rate > 0 && m_nextDueNs > nowNs)
            waitNs = std::min(waitNs, m_nextDueNs - nowNs);
        return int((waitNs + 999'999) / 1'000'000);
    }

    void service(Connection &connection, short revents)
    {
        if ((revents & POLLOUT) && connection.call >= 0 && connection.written < connection.out.size()) {
            const ssize_t n = ::send(connection.fd, connection.out.constData() + connection.written,
                                     size_t(connection.out.size() - connection.written), MSG_NOSIGNAL);
            if (n > 0) {
                connection.written += n;
                if (connection.written == connection.out.size())
                    connection.writtenNs = m_clock.nsecsElapsed();
            } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
                lost(connection, u"the connection broke while sending"_s);
                return;
            }
        }
        if (!(revents & (POLLIN | POLLHUP | POLLERR)))
            return;
        bool closed = false;
        for (;;) {
            char buffer[16384];
            const ssize_t n = ::recv(connection.fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                connection.in.append(buffer, n);
                continue;
            }
            closed = n == 0 || (errno != EAGAIN && errno != EINTR);
            break;
        }
        while (connection.call >= 0) {
            const auto answer = takeAnswer(connection.in);
            if (!answer)
                break;
            answered(connection, *answer);
            if (answer->close)
                closed = true;
        }
        if (closed)
            lost(connection, u"the server closed the connection before answering"_s);
    }

    // The connection is gone; a request on it without an answer is sent again on another.
    void lost(Connection &connection, const QString &reason)
    {
        ::close(connection.fd);
        connection.fd = -1;
        connection.in.clear();
        if (connection.call < 0)
            return;
        const int call = connection.call;
        connection.call = -1;
        CallRun &run = m_runs[size_t(call)];
        run.inFlight = false;
        if (run.attempt < m_options.retries) {
            ++run.attempt;
            ++m_stats.retries;
            return;
        }
        reject(call, 0, reason.toUtf8());
    }

    void expire()
    {
        const qint64 nowNs = m_clock.nsecsElapsed();
        for (Connection &connection : m_connections) {
            if (connection.call >= 0 && nowNs - connection.sentNs > qint64(m_options.timeoutMs) * 1'000'000)
                lost(connection, u"no answer within %1 ms"_s.arg(m_options.timeoutMs));
        }
    }

    void answered(Connection &connection, const Answer &answer)
    {
        const int call = connection.call;
        connection.call = -1;
        ++m_stats.requests;
        CallRun &run = m_runs[size_t(call)];
        run.inFlight = false;
        const SimDelivery &delivery = m_calls.at(call).at(run.next);
        const qint64 nowNs = m_clock.nsecsElapsed();
        if (answer.status / 100 == 2) {
            // An answer before the last byte went out (it should not happen) is timed from the send.
            const qint64 fromNs = connection.writtenNs > 0 ? connection.writtenNs : connection.sentNs;
            m_stats.latenciesMs.push_back(double(nowNs - fromNs) / 1e6);
            ++m_stats.ackedDeliveries;
            m_stats.ackedEvents += delivery.events;
            const qint64 duplicates = duplicatesIn(delivery, answer.body);
            if (delivery.duplicate) {
                m_stats.duplicatesAnswered += duplicates;
                m_stats.duplicatesNotRecognised += delivery.events - duplicates;
            } else {
                m_stats.alreadyKnown += duplicates;
            }
            advance(call);
            return;
        }
        // Providers retry what the listener cannot take right now (rate limit, store unavailable).
        if ((answer.status == 429 || answer.status == 503) && run.attempt < m_options.retries) {
            ++run.attempt;
            ++m_stats.retries;
            run.notBeforeNs = nowNs + answer.retryAfterSeconds * 1'000'000'000;
            return;
        }
        reject(call, answer.status, answer.body);
    }

    void reject(int call, int status, const QByteArray &body)
    {
        const SimDelivery &delivery = m_calls.at(call).at(m_runs[size_t(call)].next);
        ++m_stats.rejectedDeliveries;
        m_stats.rejectedEvents += delivery.events;
        ++m_stats.rejectedByStatus[status];
        if (m_stats.rejectionSamples.size() < rejectionSamples)
            m_stats.rejectionSamples.append(u"%1 for POST %2 (%3): %4"_s.arg(
                status == 0 ? u"no answer"_s : u"HTTP %1"_s.arg(status), QString::fromUtf8(delivery.route),
                delivery.label, QString::fromUtf8(body.left(300))));
        advance(call);
    }

    void advance(int call)
    {
        CallRun &run = m_runs[size_t(call)];
        run.attempt = 0;
        run.notBeforeNs = 0;
        if (++run.next < m_calls.at(call).size())
            return;
        ++m_finished;
        m_active.erase(std::find(m_active.begin(), m_active.end(), call));
    }

    const SenderOptions &m_options;
    const DeliverySigner &m_signer;
    const QList<Deliveries> &m_calls;
    std::vector<CallRun> m_runs;
    std::vector<Connection> m_connections;
    std::vector<int> m_active;
    qsizetype m_nextCall = 0;
    qsizetype m_finished = 0;
    qint64 m_nextDueNs = 0;
    QRandomGenerator m_random;
    QElapsedTimer m_clock;
    const addrinfo *m_address = nullptr;
    SendStats m_stats;
};

} // namespace

HttpSender::HttpSender(SenderOptions options, const DeliverySigner &signer)
    : m_options(std::move(options))
    , m_signer(signer)
{}

SendStats HttpSender::run(const QList<Deliveries> &calls)
{
    return Run(m_options, m_signer, calls).go();
}

} // namespace CallScope::Sim
