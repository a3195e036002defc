// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpbench.h"

#include "adapters/adapter.h"
#include "benchutil.h"
#include "samplecalls.h"
#include "serverprocess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <deque>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Bench {

namespace {

struct Connection
{
    int fd = -1;
    QByteArray out;
    qsizetype written = 0;
    QByteArray in;
    bool busy = false;
    qint64 startedNs = 0; // when the request was due (rate mode) or sent
};

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

// The status of one complete answer at the front of `in`, removing it; 0 when it is not complete.
int takeAnswer(QByteArray &in)
{
    const qsizetype end = in.indexOf("\r\n\r\n");
    if (end < 0)
        return 0;
    qsizetype length = 0;
    const qsizetype at = in.indexOf("Content-Length: ");
    if (at >= 0 && at < end)
        length = in.mid(at + 16, in.indexOf('\r', at) - at - 16).toLongLong();
    if (in.size() < end + 4 + length)
        return 0;
    const int status = in.mid(9, 3).toInt();
    in.remove(0, end + 4 + length);
    return status;
}

// How many normalized events the listener makes of a delivery (the same adapters it runs).
qint64 countEvents(const SampleCalls::Delivery &delivery)
{
    const AdapterResult adapted =
        adapt(delivery.provider, delivery.body, QDateTime::currentMSecsSinceEpoch());
    return adapted ? qint64(adapted->events.size()) : 0;
}

} // namespace

int runHttpBench(const HttpBenchOptions &options)
{
    QTemporaryDir dir;
    const std::optional<DatabaseUrl> database = Bench::benchDatabase(options.db, dir);
    if (!database)
        return 2;
    DatabaseUrl url = *database;
    const SampleCalls::Secrets secrets;
    Test::ServerProcess server;
    server.setSecrets(secrets.secretsFileJson());
    // All of the load comes from one address: the per-client limit would measure itself.
    server.setSetting(u"listener/ratePerSecond"_s, 0);
    if (!server.start(url)) {
        std::fprintf(stderr, "callscope-bench: %s\n", qPrintable(server.lastError()));
        return 1;
    }

    // Every request distinct and signed before the clock starts. Whole calls, as providers send
    // them: a Retell call (started, ended with its transcript and tool calls, analyzed) and a LiveKit
    // SIP call (room started, participant joined and left, room finished), interleaved over many
    // calls in progress at once, as a busy listener sees them.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString run = QString::number(now, 36);
    std::vector<QByteArray> requests;
    requests.reserve(size_t(options.requests));
    qint64 events = 0;
    constexpr int concurrentCalls = 64;
    std::vector<std::deque<SampleCalls::Delivery>> inProgress;
    for (qint64 i = 0; options.payload == "small"_L1 && i < options.requests; ++i) {
        const auto delivery =
            i % 2 ? SampleCalls::liveKitRoomStarted(secrets, u"RM_%1_%2"_s.arg(run).arg(i), now)
                  : SampleCalls::retellStarted(secrets, u"call_%1_%2"_s.arg(run).arg(i), now);
        events += countEvents(delivery);
        requests.push_back(SampleCalls::httpRequest(delivery, server.host()));
    }
    for (qint64 call = 0; qint64(requests.size()) < options.requests; ++call) {
        const qint64 startMs = now - 60'000;
        const SampleCalls::Call sample =
            call % 2 ? SampleCalls::liveKit(secrets, u"RM_%1_%2"_s.arg(run).arg(call), startMs)
                     : SampleCalls::retell(secrets, u"call_%1_%2"_s.arg(run).arg(call), startMs);
        inProgress.emplace_back(sample.deliveries.cbegin(), sample.deliveries.cend());
        if (inProgress.size() < concurrentCalls)
            continue;
        // Take one delivery from each call in progress, round robin, until one of them is done.
        for (auto it = inProgress.begin();
             it != inProgress.end() && qint64(requests.size()) < options.requests;) {
            const SampleCalls::Delivery delivery = it->front();
            it->pop_front();
            events += countEvents(delivery);
            requests.push_back(SampleCalls::httpRequest(delivery, server.host()));
            it = it->empty() ? inProgress.erase(it) : it + 1;
        }
    }

    std::vector<Connection> connections(size_t(options.connections));
    for (Connection &connection : connections) {
        connection.fd = connectTo(server.port());
        if (connection.fd < 0) {
            std::fprintf(stderr, "callscope-bench: cannot connect: %s\n", strerror(errno));
            return 1;
        }
    }

    std::vector<double> latenciesMs;
    latenciesMs.reserve(requests.size());
    qint64 next = 0;
    qint64 acked = 0;
    qint64 rejected = 0;
    QElapsedTimer clock;
    clock.start();
    const double intervalNs = options.rate > 0 ? 1e9 / options.rate : 0;
    std::vector<pollfd> fds(connections.size());
    while (qint64(latenciesMs.size()) + rejected < qint64(requests.size())) {
        const qint64 nowNs = clock.nsecsElapsed();
        // Hand out requests: as fast as connections free up, or on schedule at a fixed rate.
        for (Connection &connection : connections) {
            if (connection.busy || next >= qint64(requests.size()))
                continue;
            const qint64 dueNs = intervalNs > 0 ? qint64(double(next) * intervalNs) : nowNs;
            if (dueNs > nowNs)
                break;
            connection.out = requests[size_t(next++)];
            connection.written = 0;
            connection.busy = true;
            connection.startedNs = dueNs;
        }
        for (size_t i = 0; i < connections.size(); ++i) {
            fds[i].fd = connections[i].fd;
            fds[i].events =
                POLLIN |
                (connections[i].busy && connections[i].written < connections[i].out.size() ? POLLOUT : 0);
            fds[i].revents = 0;
        }
        ::poll(fds.data(), nfds_t(fds.size()), intervalNs > 0 ? 1 : 100);
        for (size_t i = 0; i < connections.size(); ++i) {
            Connection &connection = connections[i];
            if (fds[i].revents & POLLOUT) {
                const ssize_t n = ::write(connection.fd, connection.out.constData() + connection.written,
                                          size_t(connection.out.size() - connection.written));
                if (n > 0)
                    connection.written += n;
            }
            if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                char buffer[16384];
                const ssize_t n = ::read(connection.fd, buffer, sizeof buffer);
                if (n <= 0) {
                    std::fprintf(stderr, "callscope-bench: the server closed a connection\n");
                    return 1;
                }
                connection.in.append(buffer, n);
                while (const int status = takeAnswer(connection.in)) {
                    if (status / 100 == 2) {
                        ++acked;
                        latenciesMs.push_back(double(clock.nsecsElapsed() - connection.startedNs) / 1e6);
                    } else {
                        ++rejected;
                    }
                    connection.busy = false;
                }
            }
        }
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    for (Connection &connection : connections)
        ::close(connection.fd);
    server.stop();

    std::sort(latenciesMs.begin(), latenciesMs.end());
    std::printf(
        "backend=%s webhooks=%lld (distinct, signed, Retell and LiveKit, payload %s: %lld normalized events) "
        "connections=%d rate=%s\n",
        url.isSqlite() ? "sqlite" : "postgres", static_cast<long long>(options.requests),
        qPrintable(options.payload), static_cast<long long>(events), options.connections,
        options.rate > 0 ? qPrintable(QString::number(options.rate) + u"/s"_s) : "max");
    std::printf("latency ms: p50=%.2f p90=%.2f p99=%.2f max=%.2f\n", percentile(latenciesMs, 0.50),
                percentile(latenciesMs, 0.90), percentile(latenciesMs, 0.99),
                latenciesMs.empty() ? 0.0 : latenciesMs.back());
    std::printf("acked=%lld rejected=%lld seconds=%.3f webhooks_per_s=%.0f normalized_events_per_s=%.0f\n",
                static_cast<long long>(acked), static_cast<long long>(rejected), seconds,
                double(acked) / seconds, double(events) * double(acked) / double(requests.size()) / seconds);
    return rejected == 0 ? 0 : 1;
}

} // namespace CallScope::Bench
