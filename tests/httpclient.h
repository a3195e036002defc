// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpSocket>

#include <memory>

namespace CallScope::Test {

struct HttpAnswer
{
    int status = 0; // 0: no answer (closed or timed out)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const;
};

// A blocking HTTP/1.1 client over one keep-alive connection, for tests against a server in another
// process (it must not be used against a server on the caller's own event loop).
class HttpClient
{
public:
    explicit HttpClient(quint16 port, const QByteArray &host = "127.0.0.1");
    bool isConnected() const;
    bool send(const QByteArray &bytes);
    // Reads one whole answer (Content-Length framed); waits up to timeoutMs.
    HttpAnswer read(int timeoutMs = 10'000);
    HttpAnswer exchange(const QByteArray &request, int timeoutMs = 10'000);
    // True when the server closed the connection within timeoutMs.
    bool waitClosed(int timeoutMs = 5'000);

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

} // namespace CallScope::Test
