// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakefrontend.h"

#include <QJsonDocument>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Test {

FakeFrontend::FakeFrontend()
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            m_sockets.append(socket);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

FakeFrontend::~FakeFrontend()
{
    // The sockets go with the server, after the members their handlers use.
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
        if (socket)
            disconnect(socket, nullptr, this, nullptr);
    }
}

bool FakeFrontend::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, m_port)) {
        qWarning("the fake frontend cannot listen on port %d: %s", m_port,
                 qPrintable(m_server.errorString()));
        return false;
    }
    m_port = m_server.serverPort();
    return true;
}

QUrl FakeFrontend::url(const QString &pathAndQuery) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(pathAndQuery));
}

void FakeFrontend::setMode(Mode mode)
{
    if (mode == Mode::Refuse) {
        m_server.close();
        dropConnections();
    } else if (!m_server.isListening()) {
        listen();
    }
    m_mode = mode;
}

void FakeFrontend::dropConnections()
{
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
        if (socket)
            socket->abort();
    }
    m_sockets.clear();
}

QStringList FakeFrontend::receivedIds() const
{
    QStringList out;
    for (const Received &r : m_received)
        out << r.json.value(u"id"_s).toString();
    return out;
}

QStringList FakeFrontend::acceptedIds() const
{
    QStringList out;
    for (const Received &r : m_received) {
        if (r.answered >= 200 && r.answered < 300)
            out << r.json.value(u"id"_s).toString();
    }
    return out;
}

void FakeFrontend::read(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Received r;
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() == 3) {
            r.method = requestLine.at(0);
            r.target = requestLine.at(1);
        }
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                r.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                 lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        r.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        r.json = QJsonDocument::fromJson(r.body).object();
        QByteArray answer;
        if (m_mode == Mode::Ok) {
            r.answered = 200;
            const QByteArray body = R"({"accepted":true})";
            answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body;
        } else if (m_mode == Mode::Error) {
            r.answered = 500;
            const QByteArray body = R"({"error":"maintenance","detail":"the frontend is being updated"})";
            answer =
                "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body;
        }
        m_received.append(r);
        if (!answer.isEmpty())
            socket->write(answer);
    }
}

} // namespace CallScope::Test
