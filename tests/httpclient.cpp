// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include <QDeadlineTimer>

namespace CallScope::Test {

QByteArray HttpAnswer::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpClient::HttpClient(quint16 port, const QByteArray &host)
    : m_socket(std::make_unique<QTcpSocket>())
{
    m_socket->connectToHost(QString::fromLatin1(host), port);
    m_socket->waitForConnected(5'000);
}

bool HttpClient::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

bool HttpClient::send(const QByteArray &bytes)
{
    if (m_socket->write(bytes) != bytes.size())
        return false;
    return m_socket->waitForBytesWritten(5'000) || m_socket->bytesToWrite() == 0;
}

HttpAnswer HttpClient::read(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    HttpAnswer answer;
    for (;;) {
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
            const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
            answer.status = statusLine.value(1).toInt();
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed();
                const QByteArray value = line.mid(colon + 1).trimmed();
                answer.headers.append({name, value});
                if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                    length = value.toLongLong();
            }
            if (answer.status == 100) { // an interim answer: the real one follows
                m_buffer.remove(0, headerEnd + 4);
                answer = HttpAnswer();
                continue;
            }
            if (m_buffer.size() >= headerEnd + 4 + length) {
                answer.body = m_buffer.mid(headerEnd + 4, length);
                m_buffer.remove(0, headerEnd + 4 + length);
                return answer;
            }
        }
        if (deadline.hasExpired() || m_socket->state() != QAbstractSocket::ConnectedState) {
            m_buffer += m_socket->readAll();
            if (m_buffer.indexOf("\r\n\r\n") >= 0 && !deadline.hasExpired())
                continue;
            return HttpAnswer();
        }
        if (m_socket->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            m_buffer += m_socket->readAll();
    }
}

HttpAnswer HttpClient::exchange(const QByteArray &request, int timeoutMs)
{
    if (!send(request))
        return HttpAnswer();
    return read(timeoutMs);
}

bool HttpClient::waitClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket->state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (m_socket->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            m_buffer += m_socket->readAll();
    }
    return m_socket->state() != QAbstractSocket::ConnectedState;
}

} // namespace CallScope::Test
