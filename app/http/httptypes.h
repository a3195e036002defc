// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace CallScope::Http {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct Request
{
    quint64 id = 0;    // request id for logs, unique per process
    QByteArray method; // "GET", "POST", ...
    QByteArray target; // the raw request target, e.g. "/t/clinic/webhooks/twilio?x=1"
    QString path;      // percent-decoded path without the query
    QUrlQuery query;
    HeaderList headers; // as received, names in their original case
    QByteArray body;
    QHostAddress peer;
    quint16 peerPort = 0;
    bool tls = false;

    // First value of a header, matched case-insensitively; empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
};

struct Response
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    // Compact JSON with Content-Type: application/json.
    static Response json(int status, const QJsonObject &object);
    // The contract's error body {"error": code, "detail": detail}.
    static Response error(int status, const QString &code, const QString &detail);
    static Response noContent();
    Response &withHeader(QByteArray name, QByteArray value)
    {
        headers.append({std::move(name), std::move(value)});
        return *this;
    }
};

class Connection;

// A handle to answer one request, now or later (after a commit). Move-only; safe to call after the
// client went away (the answer is dropped). Must be used on the server's thread.
class Responder
{
public:
    Responder() = default;
    Responder(std::shared_ptr<struct ResponderState> state);
    Responder(Responder &&) noexcept = default;
    Responder &operator=(Responder &&) noexcept = default;
    Responder(const Responder &) = delete;
    Responder &operator=(const Responder &) = delete;
    ~Responder(); // a handle dropped unanswered answers 500, so no client hangs

    void send(Response response);
    bool isAnswered() const;

private:
    std::shared_ptr<struct ResponderState> m_state;
};

using Handler = std::function<void(const Request &, Responder)>;

struct Limits
{
    qint64 maxBodyBytes = 1024 * 1024;
    qint64 maxHeaderBytes = 32 * 1024;
    int maxConnections = 1024;
    int requestTimeoutMs = 10'000; // whole request from its first byte
    int idleTimeoutMs = 30'000;    // keep-alive connection with no request in progress
    double ratePerSecond = 200;    // per client address, token bucket
    double rateBurst = 400;
};

} // namespace CallScope::Http
