// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httptypes.h"
#include "ratelimiter.h"
#include "requestparser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <optional>

class QTcpSocket;

namespace CallScope::Http {

class Connection;

// What a Responder shares with its connection. Only Responders own it, so its destructor runs when the
// last handle lets go: that is where an unanswered request gets its 500 (also when a handle is
// overwritten by a move assignment).
struct ResponderState
{
    ResponderState(Connection *connection, quint64 sequence, quint64 requestId);
    ~ResponderState();
    ResponderState(const ResponderState &) = delete;
    ResponderState &operator=(const ResponderState &) = delete;

    QPointer<Connection> connection;
    quint64 sequence;
    quint64 requestId;
    bool answered = false;
};

// Owned by the Server and shared by all its connections.
struct ServerContext
{
    explicit ServerContext(const Limits &limits)
        : limits(limits)
        , rateLimiter(limits.ratePerSecond, limits.rateBurst)
    {
        clock.start();
    }

    Limits limits;
    Handler handler;
    RateLimiter rateLimiter;
    QElapsedTimer clock;
    bool stopping = false;
};

quint64 nextRequestId();

struct WireOptions
{
    quint64 requestId = 0;
    bool close = false;           // "Connection: close", the socket closes after it
    bool http10KeepAlive = false; // an HTTP/1.0 client asked for keep-alive and must be told it got it
    bool headRequest = false;     // headers only, with the length the body would have had
};
QByteArray serializeResponse(const Response &response, const WireOptions &options);

// One client connection: frames requests with RequestParser, hands them to the handler and writes the
// answers strictly in request order, whatever order the handlers answer in.
class Connection : public QObject
{
    Q_OBJECT

public:
    // Unanswered pipelined requests beyond which the connection stops reading until answers go out.
    static constexpr qsizetype maxPendingRequests = 64;
    // Written but unsent bytes beyond which the connection stops reading: a client that does not read
    // its answers must not make us buffer them without end.
    static constexpr qint64 maxUnsentBytes = 1024 * 1024;

    Connection(QTcpSocket *socket, ServerContext *context, bool tls, QObject *parent = nullptr);
    ~Connection() override;

    void answer(quint64 sequence, Response response);
    // Finish the request in progress and those already received, then close.
    void stopAccepting();
    int requestsInFlight() const { return m_inFlight; }
    bool isClosed() const { return m_closed; }

signals:
    void closed();

private:
    struct Slot
    {
        quint64 sequence = 0;
        quint64 requestId = 0;
        QByteArray method;
        QString path;
        QElapsedTimer timer;
        qint64 durationMs = 0;
        QByteArray interim; // "100 Continue", written when the slot reaches the head of the queue
        std::optional<Response> response;
        bool dispatched = false;
        bool closeAfter = false;
        bool http10KeepAlive = false;
        bool head = false;
    };

    void processInput();
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void onHeadersComplete();
    void onMessageComplete();
    void onParseFailure();
    void onDeadline();
    void onIdle();
    Slot &currentSlot();
    void failCurrent(int status, const QString &code, const QString &detail);
    void flush();
    bool isBackPressured() const;
    void updateIdleTimer();
    void closeGracefully();
    void logAnswer(const Slot &slot) const;

    QTcpSocket *m_socket;
    ServerContext *m_context;
    RequestParser m_parser;
    QHostAddress m_peer;
    quint16 m_peerPort = 0;
    bool m_tls = false;
    QByteArray m_buffer; // bytes read from the socket, from m_bufferPos on not yet parsed
    qsizetype m_bufferPos = 0;
    std::deque<Slot> m_slots;
    quint64 m_nextSequence = 0;
    bool m_currentSlotOpen = false; // the back slot belongs to the request being received
    int m_inFlight = 0;             // dispatched to the handler and not answered
    bool m_reading = true;          // false once no further request will be parsed
    bool m_processing = false;
    bool m_closing = false;
    bool m_closed = false;
    QElapsedTimer m_requestClock; // from the first byte of the request being received
    QTimer m_deadlineTimer;
    QTimer m_idleTimer;
    QTimer m_lingerTimer;
};

} // namespace CallScope::Http
