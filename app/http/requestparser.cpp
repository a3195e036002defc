// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestparser.h"

#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Http {

namespace {

RequestParser *self(http_parser *parser)
{
    return static_cast<RequestParser *>(parser->data);
}

// Keeps "limit + 1" from overflowing with absurd settings.
constexpr qint64 clampLimit(qint64 limit)
{
    return std::clamp<qint64>(limit, 0, qint64(1) << 40);
}

// Request::header() lives next to Responder; the parser stays linkable on its own for the libFuzzer build.
QByteArray firstHeader(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &[field, value] : headers) {
        if (field.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

const http_parser_settings RequestParser::s_settings = [] {
    http_parser_settings settings;
    http_parser_settings_init(&settings);
    settings.on_message_begin = &RequestParser::onMessageBegin;
    settings.on_url = &RequestParser::onUrl;
    settings.on_header_field = &RequestParser::onHeaderField;
    settings.on_header_value = &RequestParser::onHeaderValue;
    settings.on_headers_complete = &RequestParser::onHeadersComplete;
    settings.on_body = &RequestParser::onBody;
    settings.on_message_complete = &RequestParser::onMessageComplete;
    return settings;
}();

RequestParser::RequestParser(qint64 maxHeaderBytes, qint64 maxBodyBytes)
    : m_maxHeaderBytes(clampLimit(maxHeaderBytes))
    , m_maxBodyBytes(clampLimit(maxBodyBytes))
{
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
}

RequestParser::Step RequestParser::feed(QByteArrayView data)
{
    if (m_phase == Phase::Failed)
        return {Event::Failed, 0};
    // http-parser reads an empty buffer as the end of the stream.
    if (data.isEmpty())
        return {Event::NeedMore, 0};

    // Until the header block is complete every consumed byte counts against the header limit, and the
    // parser never gets more than one byte past it, so oversized headers are never accumulated.
    const bool inHeaderBlock = m_phase == Phase::Idle || m_phase == Phase::Headers;
    qsizetype length = data.size();
    if (inHeaderBlock)
        length = qsizetype(std::min<qint64>(length, m_maxHeaderBytes - m_headerBytes + 1));

    m_event = Event::NeedMore;
    http_parser_pause(&m_parser, 0);
    const auto consumed = qsizetype(http_parser_execute(&m_parser, &s_settings, data.data(), size_t(length)));
    if (inHeaderBlock)
        m_headerBytes += consumed;

    const auto error = HTTP_PARSER_ERRNO(&m_parser);
    if (error == HPE_PAUSED) {
        http_parser_pause(&m_parser, 0);
    } else if (error != HPE_OK) {
        if (m_failure != Failure::None)
            return fail(m_failure, m_failureDetail, consumed);
        if (error == HPE_HEADER_OVERFLOW)
            return fail(Failure::HeadersTooLarge, u"the header block is too large"_s, consumed);
        return fail(Failure::Malformed, QString::fromLatin1(http_errno_description(error)), consumed);
    }
    if (inHeaderBlock && m_headerBytes > m_maxHeaderBytes) {
        return fail(Failure::HeadersTooLarge,
                    u"the header block is larger than %1 bytes"_s.arg(m_maxHeaderBytes), consumed);
    }
    // Only an upgrade makes http-parser stop early without an event; we do not switch protocols.
    if (m_event == Event::NeedMore && consumed < length)
        return fail(Failure::Malformed, u"the request could not be framed"_s, consumed);
    return {m_event, consumed};
}

Request RequestParser::takeRequest()
{
    return std::exchange(m_request, Request{});
}

int RequestParser::onMessageBegin(http_parser *parser)
{
    RequestParser *p = self(parser);
    p->m_phase = Phase::Headers;
    p->m_request = Request{};
    p->m_lastWasValue = false;
    p->m_expectContinue = false;
    p->m_expectBody = false;
    return 0;
}

int RequestParser::onUrl(http_parser *parser, const char *at, size_t length)
{
    self(parser)->m_request.target.append(at, qsizetype(length));
    return 0;
}

int RequestParser::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    if (p->m_phase != Phase::Headers) // trailers of a chunked body carry nothing we use
        return 0;
    HeaderList &headers = p->m_request.headers;
    if (p->m_lastWasValue || headers.isEmpty()) {
        if (headers.size() >= maxHeaderCount)
            return p->refuse(Failure::HeadersTooLarge, u"more than %1 header fields"_s.arg(maxHeaderCount));
        headers.append({QByteArray(at, qsizetype(length)), QByteArray()});
    } else {
        headers.last().first.append(at, qsizetype(length));
    }
    p->m_lastWasValue = false;
    return 0;
}

int RequestParser::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    if (p->m_phase != Phase::Headers || p->m_request.headers.isEmpty())
        return 0;
    p->m_request.headers.last().second.append(at, qsizetype(length));
    p->m_lastWasValue = true;
    return 0;
}

int RequestParser::onHeadersComplete(http_parser *parser)
{
    return self(parser)->headersComplete();
}

int RequestParser::headersComplete()
{
    // Any value but 0, 1 and 2 is an error to http-parser (1 and 2 mean "no body follows").
    if (m_parser.http_major != 1)
        return refuse(Failure::Malformed, u"only HTTP/1.0 and HTTP/1.1 are supported"_s);
    if (m_parser.method == HTTP_CONNECT)
        return refuse(Failure::Malformed, u"CONNECT is not supported"_s);
    m_http10 = m_parser.http_minor == 0;
    m_request.method = QByteArray(http_method_str(static_cast<http_method>(m_parser.method)));
    for (auto &header : m_request.headers)
        header.second = header.second.trimmed();
    if (!parseTarget())
        return refuse(Failure::Malformed, u"the request target is not a valid path"_s);

    const bool chunked = (m_parser.flags & F_CHUNKED) != 0;
    const bool hasLength = !chunked && m_parser.content_length != std::numeric_limits<uint64_t>::max();
    // Refused before a byte of the body is read: the client learns it at once and we store nothing.
    if (hasLength && m_parser.content_length > quint64(m_maxBodyBytes))
        return refuse(Failure::BodyTooLarge, u"the body is larger than %1 bytes"_s.arg(m_maxBodyBytes));
    m_expectBody = chunked || (hasLength && m_parser.content_length > 0);
    m_expectContinue =
        !m_http10 && firstHeader(m_request.headers, "expect")
                             .compare(QByteArrayView("100-continue"), Qt::CaseInsensitive) == 0;

    m_phase = Phase::Body;
    m_event = Event::HeadersComplete;
    http_parser_pause(&m_parser, 1);
    return 0;
}

bool RequestParser::parseTarget()
{
    const QByteArray &target = m_request.target;
    // http_parser_url keeps 16-bit offsets.
    if (target.isEmpty() || target.size() > std::numeric_limits<uint16_t>::max())
        return false;
    http_parser_url url;
    http_parser_url_init(&url);
    if (http_parser_parse_url(target.constData(), size_t(target.size()), 0, &url) != 0)
        return false;
    const auto field = [&](http_parser_url_fields which) {
        return target.sliced(url.field_data[which].off, url.field_data[which].len);
    };
    if (url.field_set & (1 << UF_PATH)) {
        const QByteArray path = field(UF_PATH);
        if (!path.startsWith('/'))
            return false;
        m_request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(path));
    } else {
        m_request.path = u"/"_s; // absolute form without a path, "http://host"
    }
    if (url.field_set & (1 << UF_QUERY))
        m_request.query.setQuery(QString::fromUtf8(field(UF_QUERY)));
    return true;
}

int RequestParser::onBody(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    // Chunked bodies announce no length, so the limit is checked as the bytes arrive.
    if (p->m_request.body.size() + qint64(length) > p->m_maxBodyBytes)
        return p->refuse(Failure::BodyTooLarge, u"the body is larger than %1 bytes"_s.arg(p->m_maxBodyBytes));
    p->m_request.body.append(at, qsizetype(length));
    return 0;
}

int RequestParser::onMessageComplete(http_parser *parser)
{
    RequestParser *p = self(parser);
    p->m_keepAlive = http_should_keep_alive(parser) != 0;
    p->m_phase = Phase::Idle;
    p->m_headerBytes = 0;
    p->m_event = Event::MessageComplete;
    http_parser_pause(parser, 1);
    return 0;
}

int RequestParser::refuse(Failure failure, QString detail)
{
    m_failure = failure;
    m_failureDetail = std::move(detail);
    return -1;
}

RequestParser::Step RequestParser::fail(Failure failure, QString detail, qsizetype consumed)
{
    m_phase = Phase::Failed;
    m_failure = failure;
    m_failureDetail = std::move(detail);
    return {Event::Failed, consumed};
}

} // namespace CallScope::Http
