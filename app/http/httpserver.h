// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httptypes.h"

#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

#include <expected>

class QTcpServer;

namespace CallScope::Http {

// HTTP/1.1 over QTcpServer (QSslServer with a certificate), framed by Node's http-parser.
// Keep-alive and pipelining (answers go out in request order even when handlers answer out of order),
// deferred answers, the limits of Limits with the contract's status codes, a request id per request.
class Server : public QObject
{
    Q_OBJECT

public:
    explicit Server(Limits limits = {}, QObject *parent = nullptr);
    ~Server() override;

    void setHandler(Handler handler);
    // TLS for every connection accepted after this call.
    void setTls(const QSslCertificate &certificate, const QSslKey &key);

    std::expected<void, QString> listen(const QHostAddress &address, quint16 port);
    QHostAddress address() const;
    quint16 port() const;
    bool isListening() const;

    // Stops accepting; connections finish the requests they have and then close.
    void stopAccepting();
    int connectionCount() const;
    int requestsInFlight() const;

signals:
    // Every request in flight has been answered after stopAccepting().
    void drained();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace CallScope::Http
