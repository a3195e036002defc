// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include "logging.h"

#include <QTcpSocket>

#include <atomic>
#include <exception>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Http {

namespace {

constexpr qint64 readChunkBytes = 16 * 1024;
// Qt stops reading from the kernel past this, so a client we do not read from meets TCP flow control.
constexpr qint64 socketReadBufferBytes = 64 * 1024;
constexpr int defaultLingerMs = 10'000;

QByteArray reasonPhrase(int status)
{
    const char *text = http_status_str(static_cast<http_status>(status));
    if (!text || *text == '<') // "<unknown>"
        return QByteArrayLiteral("Unknown");
    return QByteArray(text);
}

bool isToken(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

bool isFieldValue(QByteArrayView value)
{
    return !value.contains('\r') && !value.contains('\n') && !value.contains('\0');
}

// The server owns the framing; a handler's own idea of it would corrupt the stream.
bool isFramingHeader(QByteArrayView name)
{
    return name.compare("content-length", Qt::CaseInsensitive) == 0 ||
           name.compare("transfer-encoding", Qt::CaseInsensitive) == 0 ||
           name.compare("connection", Qt::CaseInsensitive) == 0;
}

// Paths may carry caller numbers; logs keep only the last four digits of any long run of digits.
QString maskedForLog(QString path)
{
    qsizetype run = 0;
    const auto maskRun = [&](qsizetype end) {
        if (run >= 7) {
            for (qsizetype i = end - run; i < end - 4; ++i)
                path[i] = u'*';
        }
        run = 0;
    };
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path.at(i).isDigit())
            ++run;
        else
            maskRun(i);
    }
    maskRun(path.size());
    return path;
}

} // namespace

quint64 nextRequestId()
{
    static std::atomic<quint64> counter{0};
    return ++counter;
}

QByteArray serializeResponse(const Response &response, const WireOptions &options)
{
    int status = response.status;
    if (status < 200 || status > 599) {
        qCWarning(lcHttp, "request %llu: status %d is not a final status; answering 500", options.requestId,
                  status);
        status = 500;
    }
    // RFC 9110: 204 and 304 carry neither a body nor a Content-Length.
    const bool bodyless = status == 204 || status == 304;

    QByteArray out;
    out.reserve(192 + response.headers.size() * 48 + (bodyless ? 0 : response.body.size()));
    out.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ').append(reasonPhrase(status));
    out.append("\r\n");
    bool hasContentType = false;
    for (const auto &[name, value] : response.headers) {
        if (isFramingHeader(name))
            continue;
        if (!isToken(name) || !isFieldValue(value)) {
            qCWarning(lcHttp, "request %llu: an invalid response header was dropped", options.requestId);
            continue;
        }
        hasContentType = hasContentType || name.compare("content-type", Qt::CaseInsensitive) == 0;
        out.append(name).append(": ").append(value).append("\r\n");
    }
    if (!bodyless) {
        if (!response.body.isEmpty() && !hasContentType)
            out.append("Content-Type: application/octet-stream\r\n");
        out.append("Content-Length: ").append(QByteArray::number(response.body.size())).append("\r\n");
    }
    out.append("X-Request-Id: ").append(QByteArray::number(options.requestId)).append("\r\n");
    if (options.close)
        out.append("Connection: close\r\n");
    else if (options.http10KeepAlive)
        out.append("Connection: keep-alive\r\n");
    out.append("\r\n");
    if (!bodyless && !options.headRequest)
        out.append(response.body);
    return out;
}

ResponderState::ResponderState(Connection *connection, quint64 sequence, quint64 requestId)
    : connection(connection)
    , sequence(sequence)
    , requestId(requestId)
{}

ResponderState::~ResponderState()
{
    if (answered || !connection)
        return;
    answered = true;
    qCWarning(lcHttp, "request %llu was dropped unanswered; answering 500", requestId);
    connection->answer(sequence, Response::error(500, u"internal"_s, u"the request was not answered"_s));
}

Connection::Connection(QTcpSocket *socket, ServerContext *context, bool tls, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_context(context)
    , m_parser(context->limits.maxHeaderBytes, context->limits.maxBodyBytes)
    , m_peer(socket->peerAddress())
    , m_peerPort(socket->peerPort())
    , m_tls(tls)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(socketReadBufferBytes);
    m_deadlineTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    m_lingerTimer.setSingleShot(true);

    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Connection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    connect(&m_deadlineTimer, &QTimer::timeout, this, &Connection::onDeadline);
    connect(&m_idleTimer, &QTimer::timeout, this, &Connection::onIdle);
    connect(&m_lingerTimer, &QTimer::timeout, m_socket, &QTcpSocket::abort);

    // Bytes (or a disconnect) that arrived before we were listening, e.g. during a TLS handshake, would
    // not signal again.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_socket->state() != QAbstractSocket::ConnectedState)
                onDisconnected();
            else
                processInput();
        },
        Qt::QueuedConnection);
    updateIdleTimer();
}

Connection::~Connection()
{
    m_closed = true;
    m_socket->disconnect(this);
    m_slots.clear();
}

void Connection::answer(quint64 sequence, Response response)
{
    if (m_closed || m_slots.empty())
        return;
    const quint64 first = m_slots.front().sequence;
    if (sequence < first || sequence - first >= m_slots.size())
        return;
    Slot &slot = m_slots[sequence - first];
    if (!slot.dispatched || slot.response)
        return;
    slot.response = std::move(response);
    slot.durationMs = slot.timer.elapsed();
    --m_inFlight;
    flush();
}

void Connection::stopAccepting()
{
    if (m_closed)
        return;
    // processInput() decides: a request half received is finished, nothing new is started.
    processInput();
    flush();
}

void Connection::onReadyRead()
{
    if (!m_reading) {
        // Nothing more will be parsed; draining keeps unread bytes from turning our close into a reset
        // that could destroy the answer before the client reads it.
        m_socket->readAll();
        return;
    }
    processInput();
}

void Connection::onBytesWritten()
{
    if (m_idleTimer.isActive())
        m_idleTimer.start();
    // Room in the send buffer may end back-pressure.
    processInput();
}

void Connection::processInput()
{
    if (m_processing || m_closed || m_closing)
        return;
    m_processing = true;
    const Limits &limits = m_context->limits;
    while (m_reading && !m_closed && !m_closing) {
        if (!m_parser.inProgress()) {
            if (m_context->stopping) {
                m_reading = false;
                break;
            }
            if (isBackPressured())
                break;
        }
        if (m_bufferPos >= m_buffer.size()) {
            m_buffer = m_socket->read(readChunkBytes);
            m_bufferPos = 0;
            if (m_buffer.isEmpty())
                break;
        }
        const auto step = m_parser.feed(QByteArrayView(m_buffer).sliced(m_bufferPos));
        m_bufferPos += step.consumed;
        if (m_parser.inProgress() && !m_requestClock.isValid()) {
            m_requestClock.start();
            if (limits.requestTimeoutMs > 0)
                m_deadlineTimer.start(limits.requestTimeoutMs);
        }

        switch (step.event) {
        case RequestParser::Event::NeedMore:
            break;
        case RequestParser::Event::HeadersComplete:
            onHeadersComplete();
            break;
        case RequestParser::Event::MessageComplete:
            onMessageComplete();
            break;
        case RequestParser::Event::Failed:
            onParseFailure();
            break;
        }
    }
    m_processing = false;
    if (!m_reading && m_slots.empty())
        closeGracefully();
    updateIdleTimer();
}

bool Connection::isBackPressured() const
{
    return qsizetype(m_slots.size()) >= maxPendingRequests || m_socket->bytesToWrite() > maxUnsentBytes;
}

Connection::Slot &Connection::currentSlot()
{
    if (!m_currentSlotOpen) {
        Slot slot;
        slot.sequence = m_nextSequence++;
        slot.requestId = nextRequestId();
        slot.timer = m_requestClock;
        if (!slot.timer.isValid())
            slot.timer.start();
        m_slots.push_back(std::move(slot));
        m_currentSlotOpen = true;
    }
    return m_slots.back();
}

void Connection::onHeadersComplete()
{
    Slot &slot = currentSlot();
    slot.method = m_parser.current().method;
    slot.path = m_parser.current().path;
    // The client waits for this before sending the body; an unacceptable length never gets here.
    if (m_parser.expectsContinue() && m_parser.expectsBody()) {
        slot.interim = QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
        flush();
    }
}

void Connection::onMessageComplete()
{
    Slot &slot = currentSlot();
    m_currentSlotOpen = false;
    m_deadlineTimer.stop();
    m_requestClock.invalidate();

    Request request = m_parser.takeRequest();
    request.id = slot.requestId;
    request.peer = m_peer;
    request.peerPort = m_peerPort;
    request.tls = m_tls;
    slot.method = request.method;
    slot.path = request.path;
    slot.head = request.method == "HEAD";
    slot.closeAfter = !m_parser.keepAlive();
    slot.http10KeepAlive = m_parser.isHttp10() && m_parser.keepAlive();
    if (slot.closeAfter)
        m_reading = false;

    const auto decision = m_context->rateLimiter.take(m_peer, m_context->clock.elapsed());
    if (!decision.allowed) {
        slot.response = Response::error(429, u"rate_limited"_s, u"too many requests from this client"_s)
                            .withHeader("Retry-After", QByteArray::number(decision.retryAfterSeconds));
        slot.durationMs = slot.timer.elapsed();
        flush();
        return;
    }

    slot.dispatched = true;
    ++m_inFlight;
    // The slot may be gone as soon as the handler has answered; only the sequence is used from here.
    Responder responder(std::make_shared<ResponderState>(this, slot.sequence, request.id));
    if (!m_context->handler) {
        responder.send(Response::error(404, u"not_found"_s, u"nothing is served here"_s));
        return;
    }
    try {
        m_context->handler(request, std::move(responder));
    } catch (const std::exception &error) {
        qCWarning(lcHttp, "request %llu: the handler threw: %s", request.id, error.what());
    } catch (...) {
        qCWarning(lcHttp, "request %llu: the handler threw", request.id);
    }
}

void Connection::onParseFailure()
{
    const QString detail = m_parser.failureDetail();
    switch (m_parser.failure()) {
    case RequestParser::Failure::HeadersTooLarge:
        failCurrent(431, u"headers_too_large"_s, detail);
        break;
    case RequestParser::Failure::BodyTooLarge:
        failCurrent(413, u"payload_too_large"_s, detail);
        break;
    case RequestParser::Failure::Malformed:
    case RequestParser::Failure::None:
        failCurrent(400, u"bad_request"_s, u"malformed request: %1"_s.arg(detail));
        break;
    }
}

void Connection::onDeadline()
{
    if (!m_reading || !m_parser.inProgress())
        return;
    failCurrent(408, u"request_timeout"_s,
                u"the request was not received within %1 ms"_s.arg(m_context->limits.requestTimeoutMs));
}

void Connection::onIdle()
{
    if (m_parser.inProgress() || !m_slots.empty())
        return;
    qCDebug(lcHttp, "closing an idle connection");
    closeGracefully();
}

// The connection ends after this answer: whatever follows on the stream cannot be framed or is not wanted.
void Connection::failCurrent(int status, const QString &code, const QString &detail)
{
    Slot &slot = currentSlot();
    m_currentSlotOpen = false;
    m_deadlineTimer.stop();
    m_requestClock.invalidate();
    if (slot.method.isEmpty())
        slot.method = m_parser.current().method;
    if (slot.path.isEmpty())
        slot.path = m_parser.current().path;
    slot.interim.clear();
    slot.response = Response::error(status, code, detail);
    slot.durationMs = slot.timer.elapsed();
    slot.closeAfter = true;
    m_reading = false;
    flush();
}

void Connection::flush()
{
    while (!m_slots.empty() && !m_closed && !m_closing) {
        Slot &head = m_slots.front();
        if (!head.interim.isEmpty()) {
            m_socket->write(head.interim);
            head.interim.clear();
        }
        if (!head.response)
            break;
        // Once nothing more will be read the last answer says so, and so does one that ends the stream.
        const bool last = head.closeAfter || (!m_reading && m_slots.size() == 1);
        WireOptions options;
        options.requestId = head.requestId;
        options.close = last;
        options.http10KeepAlive = head.http10KeepAlive;
        options.headRequest = head.head;
        m_socket->write(serializeResponse(*head.response, options));
        logAnswer(head);
        m_slots.pop_front();
        if (last) {
            m_reading = false;
            m_slots.clear();
        }
    }
    if (m_closed || m_closing)
        return;
    if (!m_reading && m_slots.empty()) {
        closeGracefully();
        return;
    }
    // Answers going out may end back-pressure on a pipelining client.
    processInput();
    updateIdleTimer();
}

void Connection::updateIdleTimer()
{
    if (m_closed || m_closing)
        return;
    const bool idle = !m_parser.inProgress() && m_slots.empty();
    if (idle && m_context->limits.idleTimeoutMs > 0) {
        if (!m_idleTimer.isActive())
            m_idleTimer.start(m_context->limits.idleTimeoutMs);
    } else {
        m_idleTimer.stop();
    }
}

void Connection::closeGracefully()
{
    if (m_closing || m_closed)
        return;
    m_closing = true;
    m_reading = false;
    m_deadlineTimer.stop();
    m_idleTimer.stop();
    // A client that does not read its answer must not hold the connection open for ever.
    const int requestTimeoutMs = m_context->limits.requestTimeoutMs;
    m_lingerTimer.start(requestTimeoutMs > 0 ? requestTimeoutMs : defaultLingerMs);
    m_socket->disconnectFromHost(); // emits disconnected() at once when nothing is left to write
}

void Connection::onDisconnected()
{
    if (m_closed)
        return;
    m_closed = true;
    m_reading = false;
    m_deadlineTimer.stop();
    m_idleTimer.stop();
    m_lingerTimer.stop();
    // Answers still to come are dropped by answer(); their Responders stay safe to use.
    m_slots.clear();
    m_inFlight = 0;
    emit closed();
}

void Connection::logAnswer(const Slot &slot) const
{
    qCDebug(lcHttp, "%llu %s %s %d %lldms", slot.requestId,
            slot.method.isEmpty() ? "-" : slot.method.constData(),
            slot.path.isEmpty() ? "-" : qUtf8Printable(maskedForLog(slot.path)), slot.response->status,
            slot.durationMs);
}

} // namespace CallScope::Http
