// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/connection.h"
#include "http/httpserver.h"
#include "http/router.h"
#include "testcertificate.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

using Test::testCertificate;
using Test::testPrivateKey;

struct RawResponse
{
    int status = 0; // 0: nothing complete arrived in time
    Http::HeaderList headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[field, value] : headers) {
            if (field.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

// Takes one complete response off the front of buffer; nothing while it is incomplete.
std::optional<RawResponse> takeResponse(QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    RawResponse response;
    response.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        response.headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    const bool bodyless = response.status < 200 || response.status == 204 || response.status == 304;
    const qsizetype length = bodyless ? 0 : response.header("Content-Length").toLongLong();
    if (buffer.size() < end + 4 + length)
        return std::nullopt;
    response.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    return response;
}

// A raw HTTP client over a real loopback socket.
class Client
{
public:
    explicit Client(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_buffer += m_socket.readAll(); });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 3000);
    }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    RawResponse read(int timeoutMs = 3000)
    {
        std::optional<RawResponse> response;
        const bool complete = QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                response = takeResponse(m_buffer);
                return response.has_value();
            },
            timeoutMs);
        return complete ? *response : RawResponse{};
    }
    bool waitClosed(int timeoutMs = 3000)
    {
        return QTest::qWaitFor(
            [this] {
                m_buffer += m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }
    QByteArray &buffer() { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray get(const QByteArray &path, const QByteArray &extraHeaders = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: test\r\n" + extraHeaders + "\r\n";
}

Http::Limits testLimits()
{
    Http::Limits limits;
    limits.maxBodyBytes = 1024;
    limits.maxHeaderBytes = 1024;
    limits.requestTimeoutMs = 5000;
    limits.idleTimeoutMs = 5000;
    limits.ratePerSecond = 0;
    return limits;
}

Http::Response text(QByteArray body, int status = 200)
{
    Http::Response response;
    response.status = status;
    response.body = std::move(body);
    return response.withHeader("Content-Type", "text/plain");
}

void answerLater(int ms, Http::Responder responder, Http::Response response, bool *answered = nullptr)
{
    auto held = std::make_shared<Http::Responder>(std::move(responder));
    QTimer::singleShot(ms, QCoreApplication::instance(), [held, response, answered] {
        held->send(response);
        if (answered)
            *answered = true;
    });
}

// "/" ok, "/echo" the body, "/defer?ms=N&body=B" B after N ms, "/drop" unanswered, "/twice" two answers.
Http::Handler testHandler(bool *lateAnswerSent = nullptr)
{
    return [lateAnswerSent](const Http::Request &request, Http::Responder responder) {
        if (request.path == "/"_L1) {
            responder.send(text("ok"));
        } else if (request.path == "/echo"_L1) {
            responder.send(text(request.body));
        } else if (request.path == "/defer"_L1) {
            answerLater(request.query.queryItemValue(u"ms"_s).toInt(), std::move(responder),
                        text(request.query.queryItemValue(u"body"_s).toUtf8()), lateAnswerSent);
        } else if (request.path == "/drop"_L1) {
            return;
        } else if (request.path == "/twice"_L1) {
            responder.send(text("one"));
            responder.send(text("two", 201));
        } else {
            responder.send(Http::Response::error(404, u"not_found"_s, u"no such test path"_s));
        }
    };
}

std::unique_ptr<Http::Server> startServer(const Http::Limits &limits, Http::Handler handler)
{
    auto server = std::make_unique<Http::Server>(limits);
    server->setHandler(std::move(handler));
    if (!server->listen(QHostAddress::LocalHost, 0))
        return nullptr;
    return server;
}

QByteArray errorCode(const RawResponse &response)
{
    return QJsonDocument::fromJson(response.body).object().value("error"_L1).toString().toUtf8();
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private slots:
    void simpleGet();
    void keepAliveServesTwoRequests();
    void pipelinedAnswersKeepRequestOrder();
    void manyPipelinedRequestsAreAllAnswered();
    void unansweredPipelinedRequestsAreBounded();
    void deferredAnswerDoesNotBlockOtherConnections();
    void http10ClosesAfterTheAnswer();
    void connectionCloseIsHonoured();
    void bodyOverLimitIsRefusedBeforeTheBody();
    void chunkedBodyIsDechunked();
    void chunkedBodyOverLimitIsRefused();
    void headerBlockOverLimitIsRefused();
    void expectContinueGetsInterimAnswer();
    void expectContinueWithTooLargeBodyIsRefused();
    void requestDeadlineAnswers408();
    void tricklingClientStillHitsTheDeadline();
    void idleConnectionClosesSilently();
    void rateLimitAnswers429_data();
    void rateLimitAnswers429();
    void malformedRequestAnswers400_data();
    void malformedRequestAnswers400();
    void routerMatchesParameters();
    void routerAnswers404And405();
    void droppedResponderAnswers500();
    void secondAnswerIsIgnored();
    void lateAnswerAfterClientLeftIsHarmless();
    void stopAcceptingDrains();
    void tooManyConnectionsAnswer503();
    void networkAccessManagerRoundTrip();
    void tlsRoundTrip();
};

void TestHttpServer::simpleGet()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    QVERIFY(server->port() != 0);
    Client client(server->port());
    client.send(get("/"));
    const RawResponse response = client.read();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, "ok");
    QCOMPARE(response.header("Content-Length"), "2");
    QCOMPARE(response.header("Content-Type"), "text/plain");
    QVERIFY(response.header("X-Request-Id").toULongLong() > 0);
    QVERIFY(!response.hasHeader("Connection"));
}

void TestHttpServer::keepAliveServesTwoRequests()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    client.send(get("/"));
    const RawResponse first = client.read();
    QCOMPARE(first.status, 200);
    client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nhello");
    const RawResponse second = client.read();
    QCOMPARE(second.status, 200);
    QCOMPARE(second.body, "hello");
    QVERIFY(second.header("X-Request-Id").toULongLong() > first.header("X-Request-Id").toULongLong());
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
    QCOMPARE(server->connectionCount(), 1);
}

void TestHttpServer::pipelinedAnswersKeepRequestOrder()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    // The first is answered 200 ms later, the second at once: the wire must still carry first, second.
    client.send(get("/defer?ms=200&body=first") + get("/defer?ms=0&body=second"));
    const RawResponse first = client.read();
    const RawResponse second = client.read();
    QCOMPARE(first.body, "first");
    QCOMPARE(second.body, "second");
    QVERIFY(client.buffer().isEmpty());
}

void TestHttpServer::manyPipelinedRequestsAreAllAnswered()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    QByteArray burst;
    for (int i = 0; i < 200; ++i) // more than a connection keeps unanswered: it must pause, not drop
        burst += get("/defer?ms=0&body=" + QByteArray::number(i));
    client.send(burst);
    for (int i = 0; i < 200; ++i) {
        const RawResponse response = client.read();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray::number(i));
    }
}

void TestHttpServer::unansweredPipelinedRequestsAreBounded()
{
    std::deque<Http::Responder> held; // a deque: answering one dispatches more, and references must hold
    auto server = startServer(testLimits(), [&held](const Http::Request &, Http::Responder responder) {
        held.push_back(std::move(responder));
    });
    QVERIFY(server);
    Client client(server->port());
    QByteArray burst;
    for (int i = 0; i < 100; ++i)
        burst += get("/hold");
    client.send(burst);
    QTRY_COMPARE(held.size(), size_t(Http::Connection::maxPendingRequests));
    QTest::qWait(100); // give it the chance to read on, which it must not take
    QCOMPARE(held.size(), size_t(Http::Connection::maxPendingRequests));
    QCOMPARE(server->requestsInFlight(), int(Http::Connection::maxPendingRequests));

    for (size_t i = 0; i < 100; ++i) {
        QTRY_VERIFY(held.size() > i);
        held[i].send(text(QByteArray::number(qulonglong(i))));
    }
    for (int i = 0; i < 100; ++i)
        QCOMPARE(client.read().body, QByteArray::number(i));
}

void TestHttpServer::deferredAnswerDoesNotBlockOtherConnections()
{
    bool lateAnswerSent = false;
    auto server = startServer(testLimits(), testHandler(&lateAnswerSent));
    QVERIFY(server);
    Client slow(server->port());
    Client fast(server->port());
    slow.send(get("/defer?ms=400&body=late"));
    QTRY_COMPARE(server->requestsInFlight(), 1);
    fast.send(get("/"));
    const RawResponse quick = fast.read();
    QCOMPARE(quick.body, "ok");
    QVERIFY(!lateAnswerSent);
    const RawResponse late = slow.read();
    QCOMPARE(late.status, 200);
    QCOMPARE(late.body, "late");
    QCOMPARE(server->requestsInFlight(), 0);
}

void TestHttpServer::http10ClosesAfterTheAnswer()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    client.send("GET / HTTP/1.0\r\n\r\n");
    const RawResponse response = client.read();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, "ok");
    QCOMPARE(response.header("Connection"), "close");
    QVERIFY(client.waitClosed());
}

void TestHttpServer::connectionCloseIsHonoured()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    client.send(get("/", "Connection: close\r\n"));
    const RawResponse response = client.read();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Connection"), "close");
    QVERIFY(client.waitClosed());
}

void TestHttpServer::bodyOverLimitIsRefusedBeforeTheBody()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    // Only the header block: the answer must not wait for the 2048 bytes announced.
    client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 2048\r\n\r\n");
    const RawResponse response = client.read();
    QCOMPARE(response.status, 413);
    QCOMPARE(errorCode(response), "payload_too_large");
    QCOMPARE(response.header("Connection"), "close");
    QCOMPARE(response.header("Content-Type"), "application/json");
    QVERIFY(client.waitClosed());
}

void TestHttpServer::chunkedBodyIsDechunked()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    client.send("POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
    const RawResponse response = client.read();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, "hello world");
}

void TestHttpServer::chunkedBodyOverLimitIsRefused()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    const QByteArray chunk(600, 'x');
    client.send("POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n");
    client.send("258\r\n" + chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n"); // 2 x 600 > 1024
    const RawResponse response = client.read();
    QCOMPARE(response.status, 413);
    QCOMPARE(errorCode(response), "payload_too_large");
    QCOMPARE(response.header("Connection"), "close");
    QVERIFY(client.waitClosed());
}

void TestHttpServer::headerBlockOverLimitIsRefused()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    client.send(get("/", "X-Padding: " + QByteArray(2000, 'a') + "\r\n"));
    const RawResponse response = client.read();
    QCOMPARE(response.status, 431);
    QCOMPARE(errorCode(response), "headers_too_large");
    QCOMPARE(response.header("Connection"), "close");
    QVERIFY(client.waitClosed());
}

void TestHttpServer::expectContinueGetsInterimAnswer()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    client.send("POST /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    QTRY_COMPARE(client.buffer(), "HTTP/1.1 100 Continue\r\n\r\n");
    client.buffer().clear();
    client.send("hello");
    const RawResponse response = client.read();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, "hello");
}

void TestHttpServer::expectContinueWithTooLargeBodyIsRefused()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    client.send(
        "POST /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 1000000\r\n\r\n");
    const RawResponse response = client.read();
    QCOMPARE(response.status, 413);
    QVERIFY(!client.buffer().contains("100 Continue"));
    QVERIFY(client.waitClosed());
}

void TestHttpServer::requestDeadlineAnswers408()
{
    Http::Limits limits = testLimits();
    limits.requestTimeoutMs = 300;
    auto server = startServer(limits, testHandler());
    QVERIFY(server);
    Client client(server->port());
    QVERIFY(client.waitConnected());
    QElapsedTimer timer;
    timer.start();
    client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nhalf");
    const RawResponse response = client.read();
    QCOMPARE(response.status, 408);
    QCOMPARE(errorCode(response), "request_timeout");
    QCOMPARE(response.header("Connection"), "close");
    QVERIFY2(timer.elapsed() >= 250, QByteArray::number(timer.elapsed()).constData());
    QVERIFY(client.waitClosed());
}

void TestHttpServer::tricklingClientStillHitsTheDeadline()
{
    Http::Limits limits = testLimits();
    limits.requestTimeoutMs = 300;
    auto server = startServer(limits, testHandler());
    QVERIFY(server);
    Client client(server->port());
    QVERIFY(client.waitConnected());
    // One header byte every 50 ms keeps every read short; only a deadline stops this client.
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, &trickle, [&client] { client.send("X"); });
    client.send("GET / HTTP/1.1\r\nX-Slow: ");
    QElapsedTimer timer;
    timer.start();
    trickle.start(50);
    const RawResponse response = client.read(2000);
    trickle.stop();
    QCOMPARE(response.status, 408);
    QVERIFY2(timer.elapsed() < 1500, QByteArray::number(timer.elapsed()).constData());
    QVERIFY(client.waitClosed());
}

void TestHttpServer::idleConnectionClosesSilently()
{
    Http::Limits limits = testLimits();
    limits.idleTimeoutMs = 300;
    auto server = startServer(limits, testHandler());
    QVERIFY(server);
    Client client(server->port());
    client.send(get("/"));
    QCOMPARE(client.read().status, 200);
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
    QVERIFY(client.waitClosed(2000));
    QVERIFY(client.buffer().isEmpty());
    QTRY_COMPARE(server->connectionCount(), 0);
}

void TestHttpServer::rateLimitAnswers429_data()
{
    QTest::addColumn<double>("ratePerSecond");
    QTest::addColumn<double>("burst");
    QTest::addColumn<int>("allowed");
    QTest::addColumn<QByteArray>("retryAfter");

    QTest::newRow("a burst of two at one per second refuses the third for a second")
        << 1.0 << 2.0 << 2 << "1"_ba;
    QTest::newRow("one every two seconds refuses the second for two seconds") << 0.5 << 1.0 << 1 << "2"_ba;
}

void TestHttpServer::rateLimitAnswers429()
{
    QFETCH(double, ratePerSecond);
    QFETCH(double, burst);
    QFETCH(int, allowed);
    QFETCH(QByteArray, retryAfter);

    Http::Limits limits = testLimits();
    limits.ratePerSecond = ratePerSecond;
    limits.rateBurst = burst;
    auto server = startServer(limits, testHandler());
    QVERIFY(server);
    Client client(server->port());
    for (int i = 0; i < allowed; ++i) {
        client.send(get("/"));
        QCOMPARE(client.read().status, 200);
    }
    client.send(get("/"));
    const RawResponse refused = client.read();
    QCOMPARE(refused.status, 429);
    QCOMPARE(errorCode(refused), "rate_limited");
    QCOMPARE(refused.header("Retry-After"), retryAfter);
    // A refusal does not end the connection.
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
}

void TestHttpServer::malformedRequestAnswers400_data()
{
    QTest::addColumn<QByteArray>("request");

    QTest::newRow("a request line that is not HTTP") << "HELLO THERE\r\n\r\n"_ba;
    QTest::newRow("HTTP/2.0 in the request line") << "GET / HTTP/2.0\r\nHost: test\r\n\r\n"_ba;
    QTest::newRow("a header line without a colon") << "GET / HTTP/1.1\r\nHost\r\n\r\n"_ba;
    QTest::newRow("both Content-Length and chunked")
        << "POST /echo HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"_ba;
    QTest::newRow("a chunk size that is not hex")
        << "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"_ba;
    QTest::newRow("CONNECT") << "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n"_ba;
}

void TestHttpServer::malformedRequestAnswers400()
{
    QFETCH(QByteArray, request);

    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    client.send(request);
    const RawResponse response = client.read();
    QCOMPARE(response.status, 400);
    QCOMPARE(errorCode(response), "bad_request");
    QCOMPARE(response.header("Connection"), "close");
    QVERIFY(client.waitClosed());
}

void TestHttpServer::routerMatchesParameters()
{
    Http::Router router;
    router.add("POST", u"/t/{tenant}/webhooks/{provider}"_s,
               [](const Http::Request &, const Http::RouteParams &params, Http::Responder responder) {
                   responder.send(
                       text((params.value(u"tenant"_s) + u'|' + params.value(u"provider"_s)).toUtf8()));
               });
    router.add("POST", u"/t/{tenant}/webhooks/twilio"_s,
               [](const Http::Request &, const Http::RouteParams &, Http::Responder responder) {
                   responder.send(text("literal wins"));
               });
    auto server = startServer(testLimits(), router.handler());
    QVERIFY(server);
    Client client(server->port());
    client.send("POST /t/clinic/webhooks/retell HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n");
    QCOMPARE(client.read().body, "clinic|retell");
    client.send("POST /t/clinic/webhooks/twilio HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n");
    QCOMPARE(client.read().body, "literal wins");
}

void TestHttpServer::routerAnswers404And405()
{
    Http::Router router;
    const auto ok = [](const Http::Request &, const Http::RouteParams &, Http::Responder responder) {
        responder.send(text("ok"));
    };
    router.add("POST", u"/api/v1/callbacks/{id}/retry"_s, ok);
    router.add("DELETE", u"/api/v1/callbacks/{id}/retry"_s, ok);
    router.add("GET", u"/health"_s, ok);
    auto server = startServer(testLimits(), router.handler());
    QVERIFY(server);
    Client client(server->port());

    client.send(get("/health"));
    QCOMPARE(client.read().status, 200);
    client.send(get("/nowhere"));
    const RawResponse missing = client.read();
    QCOMPARE(missing.status, 404);
    QCOMPARE(errorCode(missing), "not_found");
    client.send(get("/api/v1/callbacks/42/retry"));
    const RawResponse wrongMethod = client.read();
    QCOMPARE(wrongMethod.status, 405);
    QCOMPARE(errorCode(wrongMethod), "method_not_allowed");
    QCOMPARE(wrongMethod.header("Allow"), "DELETE, POST");
}

void TestHttpServer::droppedResponderAnswers500()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"dropped unanswered"_s));
    client.send(get("/drop"));
    const RawResponse response = client.read();
    QCOMPARE(response.status, 500);
    QCOMPARE(response.body, R"({"error":"internal","detail":"the request was not answered"})");
    QCOMPARE(server->requestsInFlight(), 0);
}

void TestHttpServer::secondAnswerIsIgnored()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    Client client(server->port());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"already answered"_s));
    client.send(get("/twice"));
    const RawResponse response = client.read();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, "one");
    // Had the second answer gone out, it would be read here instead of this request's.
    client.send(get("/"));
    const RawResponse next = client.read();
    QCOMPARE(next.status, 200);
    QCOMPARE(next.body, "ok");
}

void TestHttpServer::lateAnswerAfterClientLeftIsHarmless()
{
    bool lateAnswerSent = false;
    auto server = startServer(testLimits(), testHandler(&lateAnswerSent));
    QVERIFY(server);
    {
        Client client(server->port());
        client.send(get("/defer?ms=150&body=nobody"));
        QTRY_COMPARE(server->requestsInFlight(), 1);
        client.socket().abort();
    }
    QTRY_COMPARE(server->connectionCount(), 0);
    QTRY_VERIFY(lateAnswerSent);
    Client next(server->port());
    next.send(get("/"));
    QCOMPARE(next.read().status, 200);
}

void TestHttpServer::stopAcceptingDrains()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    const quint16 port = server->port();
    QSignalSpy drained(server.get(), &Http::Server::drained);

    Client idle(port);
    idle.send(get("/"));
    QCOMPARE(idle.read().status, 200);
    Client busy(port);
    busy.send(get("/defer?ms=300&body=finished"));
    QTRY_COMPARE(server->requestsInFlight(), 1);

    server->stopAccepting();
    QVERIFY(!server->isListening());
    QVERIFY(idle.waitClosed());
    QCoreApplication::processEvents();
    QCOMPARE(drained.count(), 0); // the deferred request is still in flight

    QTcpSocket refused;
    refused.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE(refused.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(refused.error(), QAbstractSocket::ConnectionRefusedError);

    const RawResponse response = busy.read();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, "finished");
    QCOMPARE(response.header("Connection"), "close");
    QVERIFY(busy.waitClosed());
    QVERIFY(drained.count() == 1 || drained.wait(2000));
    QCOMPARE(drained.count(), 1);
    QCOMPARE(server->connectionCount(), 0);
}

void TestHttpServer::tooManyConnectionsAnswer503()
{
    Http::Limits limits = testLimits();
    limits.maxConnections = 2;
    auto server = startServer(limits, testHandler());
    QVERIFY(server);
    Client first(server->port());
    Client second(server->port());
    QTRY_COMPARE(server->connectionCount(), 2);

    Client third(server->port());
    const RawResponse busy = third.read();
    QCOMPARE(busy.status, 503);
    QCOMPARE(errorCode(busy), "unavailable");
    QCOMPARE(busy.header("Retry-After"), "1");
    QCOMPARE(busy.header("Connection"), "close");
    QVERIFY(third.waitClosed());
    QCOMPARE(server->connectionCount(), 2);

    first.send(get("/"));
    QCOMPARE(first.read().status, 200);
}

void TestHttpServer::networkAccessManagerRoundTrip()
{
    auto server = startServer(testLimits(), testHandler());
    QVERIFY(server);
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/echo"_s.arg(server->port())));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    std::unique_ptr<QNetworkReply> reply(manager.post(request, R"({"hello":"world"})"_ba));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(3000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->readAll(), R"({"hello":"world"})");
    QVERIFY(!reply->rawHeader("X-Request-Id").isEmpty());

    std::unique_ptr<QNetworkReply> missing(
        manager.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/missing"_s.arg(server->port())))));
    QSignalSpy missingFinished(missing.get(), &QNetworkReply::finished);
    QVERIFY(missingFinished.wait(3000));
    QCOMPARE(missing->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
}

void TestHttpServer::tlsRoundTrip()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    bool sawTls = false;
    auto server = std::make_unique<Http::Server>(testLimits());
    server->setHandler([&sawTls](const Http::Request &request, Http::Responder responder) {
        sawTls = request.tls;
        responder.send(text("secret"));
    });
    server->setTls(QSslCertificate(QByteArray(testCertificate)),
                   QSslKey(QByteArray(testPrivateKey), QSsl::Ec));
    QVERIFY(server->listen(QHostAddress::LocalHost, 0));

    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, server->port());
    QTRY_VERIFY(socket.isEncrypted());
    socket.write(get("/"));
    QByteArray buffer;
    std::optional<RawResponse> response;
    QVERIFY(QTest::qWaitFor(
        [&] {
            buffer += socket.readAll();
            response = takeResponse(buffer);
            return response.has_value();
        },
        3000));
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, "secret");
    QVERIFY(sawTls);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
