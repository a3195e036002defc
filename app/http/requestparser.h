// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httptypes.h"

#include <QByteArrayView>

#include <http_parser.h>

namespace CallScope::Http {

// Frames HTTP/1.x requests out of a byte stream, without a socket, so that the server and the fuzzer
// drive the same code. feed() stops wherever the caller has a decision to make: after a header block
// (100-continue, an early 413) and after each complete request (answer order, back-pressure). Bytes it did
// not consume must be given again. Memory is bounded by the two limits: header bytes are counted while
// they arrive and the body is refused as soon as it would exceed its limit.
class RequestParser
{
public:
    enum class Event
    {
        NeedMore,
        HeadersComplete,
        MessageComplete,
        Failed
    };
    enum class Failure
    {
        None,
        Malformed,
        HeadersTooLarge,
        BodyTooLarge
    };
    struct Step
    {
        Event event = Event::NeedMore;
        qsizetype consumed = 0;
    };

    // A header block with more fields than this is refused like an oversized one: each field costs far
    // more memory than its bytes on the wire.
    static constexpr int maxHeaderCount = 256;

    RequestParser(qint64 maxHeaderBytes, qint64 maxBodyBytes);
    RequestParser(const RequestParser &) = delete;
    RequestParser &operator=(const RequestParser &) = delete;

    Step feed(QByteArrayView data);

    // The first byte of a request has been seen and the request is not complete yet.
    bool inProgress() const { return m_phase == Phase::Headers || m_phase == Phase::Body; }
    bool hasFailed() const { return m_phase == Phase::Failed; }
    Failure failure() const { return m_failure; }
    QString failureDetail() const { return m_failureDetail; }

    // From HeadersComplete on: what the current request announced.
    bool expectsContinue() const { return m_expectContinue; }
    bool expectsBody() const { return m_expectBody; }
    // The request being parsed so far (method, target, path, headers); for logs and error answers.
    const Request &current() const { return m_request; }
    qint64 headerBytes() const { return m_headerBytes; }

    // After MessageComplete: the request (method, target, path, query, headers, body) and whether the
    // connection may carry another one.
    Request takeRequest();
    bool keepAlive() const { return m_keepAlive; }
    bool isHttp10() const { return m_http10; }

private:
    enum class Phase
    {
        Idle,
        Headers,
        Body,
        Failed
    };

    static int onMessageBegin(http_parser *parser);
    static int onUrl(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);
    static const http_parser_settings s_settings;

    int headersComplete();
    bool parseTarget();
    int refuse(Failure failure, QString detail);
    Step fail(Failure failure, QString detail, qsizetype consumed);

    http_parser m_parser;
    qint64 m_maxHeaderBytes;
    qint64 m_maxBodyBytes;
    Phase m_phase = Phase::Idle;
    Event m_event = Event::NeedMore;
    Failure m_failure = Failure::None;
    QString m_failureDetail;
    Request m_request;
    qint64 m_headerBytes = 0;
    bool m_lastWasValue = false;
    bool m_expectContinue = false;
    bool m_expectBody = false;
    bool m_keepAlive = true;
    bool m_http10 = false;
};

} // namespace CallScope::Http
