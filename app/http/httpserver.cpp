// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpserver.h"

#include "connection.h"
#include "logging.h"

#include <QPointer>
#include <QSet>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Http {

namespace {

// Sockets turned away with a 503 that are still being written; past this a flood is dropped unanswered.
constexpr int maxRejecting = 64;
constexpr int rejectLingerMs = 2'000;

QSslConfiguration tlsConfiguration(const QSslCertificate &certificate, const QSslKey &key)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

} // namespace

struct Server::Private
{
    Private(Server *q, const Limits &limits)
        : q(q)
        , context(limits)
    {}

    void acceptPending();
    void rejectBusy(QTcpSocket *socket);
    void scheduleDrainCheck();

    Server *q;
    ServerContext context;
    QPointer<QTcpServer> listener;
    QSslCertificate certificate;
    QSslKey key;
    bool tls = false;
    QSet<Connection *> connections;
    int rejecting = 0;
    bool drainedEmitted = false;
};

void Server::Private::acceptPending()
{
    while (listener && listener->hasPendingConnections()) {
        QTcpSocket *socket = listener->nextPendingConnection();
        if (!socket)
            break;
        const int maxConnections = context.limits.maxConnections;
        if (maxConnections > 0 && connections.size() >= maxConnections) {
            rejectBusy(socket);
            continue;
        }
        const bool encrypted = qobject_cast<QSslSocket *>(socket) != nullptr;
        auto *connection = new Connection(socket, &context, encrypted, q);
        connections.insert(connection);
        QObject::connect(connection, &Connection::closed, q, [this, connection] {
            connections.remove(connection);
            connection->deleteLater();
            if (context.stopping)
                scheduleDrainCheck();
        });
    }
}

// Answering (rather than resetting) tells a well-behaved client to come back in a second.
void Server::Private::rejectBusy(QTcpSocket *socket)
{
    socket->setParent(q);
    if (rejecting >= maxRejecting) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    ++rejecting;
    QObject::connect(socket, &QObject::destroyed, q, [this] { --rejecting; });
    QObject::connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(rejectLingerMs, socket, &QObject::deleteLater);

    WireOptions options;
    options.requestId = nextRequestId();
    options.close = true;
    qCDebug(lcHttp, "%llu - - 503 0ms (%d connections open)", options.requestId, int(connections.size()));
    const Response busy = Response::error(503, u"unavailable"_s, u"too many connections; retry shortly"_s)
                              .withHeader("Retry-After", "1");
    socket->write(serializeResponse(busy, options));
    socket->disconnectFromHost();
}

void Server::Private::scheduleDrainCheck()
{
    QTimer::singleShot(0, q, [this] {
        if (context.stopping && !drainedEmitted && connections.isEmpty()) {
            drainedEmitted = true;
            emit q->drained();
        }
    });
}

Server::Server(Limits limits, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, limits))
{}

Server::~Server()
{
    // Connections point at d->context; they go first.
    const auto connections = std::exchange(d->connections, {});
    for (Connection *connection : connections) {
        QObject::disconnect(connection, nullptr, this, nullptr);
        delete connection;
    }
}

void Server::setHandler(Handler handler)
{
    d->context.handler = std::move(handler);
}

void Server::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    d->certificate = certificate;
    d->key = key;
    d->tls = true;
    if (auto *sslServer = qobject_cast<QSslServer *>(d->listener.data()))
        sslServer->setSslConfiguration(tlsConfiguration(certificate, key));
    else if (d->listener)
        qCWarning(lcHttp,
                  "TLS was configured on a listening plain server; it applies from the next listen()");
}

std::expected<void, QString> Server::listen(const QHostAddress &address, quint16 port)
{
    if (d->listener && d->listener->isListening())
        return std::unexpected(u"the server is already listening"_s);
    delete d->listener.data();

    QTcpServer *listener = nullptr;
    if (d->tls) {
        if (!QSslSocket::supportsSsl())
            return std::unexpected(u"TLS was requested but no TLS backend is available"_s);
        if (d->certificate.isNull() || d->key.isNull())
            return std::unexpected(u"TLS was requested without a certificate and a private key"_s);
        auto *sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(tlsConfiguration(d->certificate, d->key));
        if (d->context.limits.requestTimeoutMs > 0)
            sslServer->setHandshakeTimeout(d->context.limits.requestTimeoutMs);
        connect(sslServer, &QSslServer::errorOccurred, this,
                [](QSslSocket *, QAbstractSocket::SocketError error) {
                    qCDebug(lcHttp) << "TLS handshake failed:" << error;
                });
        listener = sslServer;
    } else {
        listener = new QTcpServer(this);
    }
    // pendingConnectionAvailable (not newConnection) is emitted by QSslServer after the handshake.
    connect(listener, &QTcpServer::pendingConnectionAvailable, this, [this] { d->acceptPending(); });
    if (!listener->listen(address, port)) {
        const QString error = listener->errorString();
        delete listener;
        return std::unexpected(
            u"cannot listen on %1 port %2: %3"_s.arg(address.toString()).arg(port).arg(error));
    }
    d->listener = listener;
    d->context.stopping = false;
    d->drainedEmitted = false;
    return {};
}

QHostAddress Server::address() const
{
    return d->listener ? d->listener->serverAddress() : QHostAddress();
}

quint16 Server::port() const
{
    return d->listener ? d->listener->serverPort() : 0;
}

bool Server::isListening() const
{
    return d->listener && d->listener->isListening();
}

void Server::stopAccepting()
{
    d->context.stopping = true;
    if (d->listener)
        d->listener->close();
    // A connection may close, and leave the set, while being told.
    const auto connections = d->connections;
    for (Connection *connection : connections)
        connection->stopAccepting();
    d->scheduleDrainCheck();
}

int Server::connectionCount() const
{
    return int(d->connections.size());
}

int Server::requestsInFlight() const
{
    int count = 0;
    for (const Connection *connection : std::as_const(d->connections))
        count += connection->requestsInFlight();
    return count;
}

} // namespace CallScope::Http
