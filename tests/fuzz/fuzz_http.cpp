// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the HTTP request framing (RequestParser, which every connection drives). Besides
// "no crash", it checks the limits and that the result does not depend on how the bytes were split
// into reads.
#include "http/requestparser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace CallScope::Http;

namespace {

constexpr qint64 maxHeaderBytes = 512;
constexpr qint64 maxBodyBytes = 2048;

[[noreturn]] void broken(const char *invariant, int line)
{
    std::fprintf(stderr, "fuzz_http: invariant broken at line %d: %s\n", line, invariant);
    std::abort();
}

#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            broken(#condition, __LINE__);                                                                    \
    } while (false)

// Feeds data to a parser in the pieces given by cuts, as a connection would (unconsumed bytes given again,
// nothing after a failure or a last request), and describes what a connection would have seen.
QByteArray drive(QByteArrayView data, const std::vector<qsizetype> &cuts)
{
    RequestParser parser(maxHeaderBytes, maxBodyBytes);
    QByteArray seen;
    qsizetype begin = 0;
    qsizetype steps = 0;
    bool finished = false;
    for (size_t i = 0; i <= cuts.size() && !finished; ++i) {
        const qsizetype end = i < cuts.size() ? cuts[i] : data.size();
        QByteArrayView piece = data.sliced(begin, end - begin);
        begin = end;
        while (!piece.isEmpty() && !finished) {
            // Every step consumes a byte, except a header block completing on its last byte, once.
            FUZZ_CHECK(++steps <= 2 * data.size() + 2);
            const RequestParser::Step step = parser.feed(piece);
            FUZZ_CHECK(step.consumed >= 0 && step.consumed <= piece.size());
            FUZZ_CHECK(parser.current().body.size() <= maxBodyBytes);
            piece = piece.sliced(step.consumed);
            switch (step.event) {
            case RequestParser::Event::NeedMore:
                FUZZ_CHECK(piece.isEmpty());
                FUZZ_CHECK(!parser.hasFailed());
                break;
            case RequestParser::Event::HeadersComplete:
                FUZZ_CHECK(parser.inProgress());
                FUZZ_CHECK(parser.headerBytes() <= maxHeaderBytes);
                FUZZ_CHECK(parser.current().headers.size() <= RequestParser::maxHeaderCount);
                FUZZ_CHECK(!parser.current().method.isEmpty());
                FUZZ_CHECK(parser.current().path.startsWith(u'/'));
                seen += "headers " + QByteArray::number(parser.expectsContinue()) +
                        QByteArray::number(parser.expectsBody()) + '\n';
                break;
            case RequestParser::Event::MessageComplete: {
                FUZZ_CHECK(!parser.inProgress());
                const Request request = parser.takeRequest();
                FUZZ_CHECK(request.body.size() <= maxBodyBytes);
                FUZZ_CHECK(request.path.startsWith(u'/'));
                seen += "request " + request.method + ' ' + request.target + ' ' + request.path.toUtf8() +
                        ' ' + QByteArray::number(request.headers.size()) + ' ' +
                        QByteArray::number(parser.keepAlive()) + '\n';
                for (const auto &[name, value] : request.headers)
                    seen += name + ": " + value + '\n';
                seen += "body " + request.body + '\n';
                finished = !parser.keepAlive();
                break;
            }
            case RequestParser::Event::Failed: {
                FUZZ_CHECK(parser.hasFailed());
                FUZZ_CHECK(parser.failure() != RequestParser::Failure::None);
                FUZZ_CHECK(!parser.failureDetail().isEmpty());
                const RequestParser::Step again = parser.feed("GET / HTTP/1.1\r\n\r\n");
                FUZZ_CHECK(again.event == RequestParser::Event::Failed && again.consumed == 0);
                // Where a chunked body both overflows and breaks its framing, which is seen first
                // depends on the read boundaries; an oversized header block does not.
                seen +=
                    parser.failure() == RequestParser::Failure::HeadersTooLarge ? "failed 431\n" : "failed\n";
                finished = true;
                break;
            }
            }
        }
    }
    return seen;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));

    const QByteArray whole = drive(input, {});

    // A few reads at points derived from the input itself, so a failure reproduces from the input alone.
    std::vector<qsizetype> cuts;
    quint32 state = 2166136261u;
    for (const char c : input)
        state = (state ^ quint8(c)) * 16777619u;
    for (qsizetype at = 0; input.size() > 1;) {
        state = state * 1103515245u + 12345u;
        at += 1 + qsizetype((state >> 8) % quint32(std::max<qsizetype>(1, input.size() / 3)));
        if (at >= input.size())
            break;
        cuts.push_back(at);
    }
    FUZZ_CHECK(drive(input, cuts) == whole);

    // One byte per read: the worst case for state carried between reads.
    if (size <= 4096) {
        std::vector<qsizetype> everyByte;
        for (qsizetype at = 1; at < input.size(); ++at)
            everyByte.push_back(at);
        FUZZ_CHECK(drive(input, everyByte) == whole);
    }
    return 0;
}
