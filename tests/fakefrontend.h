// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace CallScope::Test {

// A customer's frontend API on loopback, for the callback dispatcher: records every request it
// receives (HTTP/1.1, kept alive) and answers it as its mode says when the request is complete.
class FakeFrontend : public QObject
{
public:
    enum class Mode
    {
        Ok,     // 200 {"accepted":true}
        Error,  // 500 with a JSON body that names "maintenance"
        Hang,   // reads the request and never answers
        Refuse, // not listening (and every connection closed): connecting is refused
    };
    struct Received
    {
        QByteArray method;
        QByteArray target;                     // path and query
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        QJsonObject json;
        int answered = 0; // the status it got; 0: none
    };

    FakeFrontend();
    ~FakeFrontend() override;
    // On 127.0.0.1, a free port the first time and the same port after a Refuse.
    bool listen();
    QUrl url(const QString &pathAndQuery) const;
    void setMode(Mode mode);
    // Closes every connection (a hanging one, or kept-alive ones).
    void dropConnections();

    const QList<Received> &received() const { return m_received; }
    QStringList receivedIds() const;
    // The ids the frontend acknowledged (2xx), as often as it did.
    QStringList acceptedIds() const;

private:
    void read(QTcpSocket *socket);

    QTcpServer m_server;
    quint16 m_port = 0;
    Mode m_mode = Mode::Ok;
    QList<QPointer<QTcpSocket>> m_sockets;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Received> m_received;
};

} // namespace CallScope::Test
