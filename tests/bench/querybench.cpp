// SPDX-License-Identifier: GPL-3.0-or-later
#include "querybench.h"

#include "benchutil.h"
#include "httpclient.h"
#include "samplecalls.h"
#include "serverprocess.h"
#include "simulation.h"
#include "storereader.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <sys/stat.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Bench {

namespace {

// What Twilio signs: the same for the server and the simulator.
const QString publicBase = u"https://hooks.example.com/cs"_s;
constexpr int fillChunk = 10'000; // calls per simulator run (it builds a run's deliveries up front)
constexpr int pagesPerChain = 10; // the "paging" class follows nextCursor this far, then starts again

struct QueryClass
{
    const char *name;
    QStringList queries; // URL query strings (encoded), used in turn
    std::vector<double> latenciesMs;
    qint64 rows = 0;
};

QString q(const QString &text)
{
    return u"q="_s + QString::fromLatin1(QUrl::toPercentEncoding(text));
}

std::optional<qint64> listedCalls(StoreReader &reader, TenantId tenant)
{
    QSqlQuery query(reader.database());
    query.prepare(u"SELECT COUNT(*) FROM calls WHERE tenant_id = ? AND merged_into IS NULL"_s);
    query.addBindValue(tenant.value);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

// Last digits of callers' and callees' numbers as staff type them: four digits, and seven.
QStringList numberSuffixes(StoreReader &reader, TenantId tenant)
{
    QSqlQuery query(reader.database());
    query.prepare(u"SELECT from_number, to_number FROM calls WHERE tenant_id = ? AND merged_into IS NULL "
                  "AND from_number LIKE '+%' AND to_number LIKE '+%' ORDER BY random() LIMIT 8"_s);
    query.addBindValue(tenant.value);
    QStringList out;
    if (!query.exec())
        return out;
    for (int i = 0; query.next(); ++i) {
        const QString number = query.value(i % 2).toString();
        out << number.right(i % 4 < 2 ? 4 : 7);
    }
    return out;
}

// One simulator run (callscope_sim, as callscope-sim runs it) against the server: `calls` calls of
// every provider and backend events over a day of `dayHours` ending at `dayEndMs`. False when it failed.
bool simulate(quint16 port, const QString &secretsFile, const QString &ingestToken, int calls, quint64 seed,
              qint64 dayEndMs, int dayHours)
{
    Sim::SimOptions options;
    options.url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    options.publicUrl = QUrl(publicBase);
    options.secretsFile = secretsFile;
    options.ingestToken = ingestToken.toUtf8();
    options.calls = calls;
    options.providers = {Provider::Retell, Provider::Vapi, Provider::Ultravox, Provider::LiveKit,
                         Provider::Twilio};
    options.backend = true;
    options.seed = seed;
    options.timeoutMs = 120'000;
    options.dayEndMs = dayEndMs;
    options.dayHours = dayHours;
    FILE *out = std::tmpfile();
    if (!out)
        return false;
    const int status = Sim::Simulation(options).run(out, stderr);
    std::rewind(out);
    QByteArray text;
    char buffer[4096];
    while (const size_t n = std::fread(buffer, 1, sizeof buffer, out))
        text.append(buffer, qsizetype(n));
    std::fclose(out);
    std::printf("fill: seed=%llu %s\n", static_cast<unsigned long long>(seed),
                text.trimmed().split('\n').last().constData());
    std::fflush(stdout);
    return status == 0;
}

} // namespace

int runQueryBench(const QueryBenchOptions &options)
{
    QTemporaryDir dir;
    const std::optional<DatabaseUrl> database = Bench::benchDatabase(options.db, dir);
    if (!database)
        return 2;
    DatabaseUrl url = *database;
    const QString password = benchPassword(url);

    const SampleCalls::Secrets secrets;
    const QString secretsFile = dir.filePath(u"secrets.json"_s);
    {
        QFile file(secretsFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(secrets.secretsFileJson()) < 0) {
            std::fprintf(stderr, "callscope-bench: cannot write %s\n", qPrintable(secretsFile));
            return 1;
        }
    }
    ::chmod(QFile::encodeName(secretsFile).constData(), 0600);
    Test::ServerProcess server;
    server.setSecrets(secrets.secretsFileJson());
    // The simulator's load comes from one address: the per-client limit would only slow the fill down.
    server.setSetting(u"listener/ratePerSecond"_s, 0);
    if (!server.start(url, {u"--public-url"_s, publicBase})) {
        std::fprintf(stderr, "callscope-bench: %s\n", qPrintable(server.lastError()));
        return 1;
    }
    auto opened = StoreReader::open(url, password);
    if (!opened) {
        std::fprintf(stderr, "callscope-bench: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    StoreReader &reader = **opened;
    const auto tenant = reader.tenant(u"default"_s);
    if (!tenant) {
        std::fprintf(stderr, "callscope-bench: %s\n", qPrintable(tenant.error().message));
        return 1;
    }

    // Fill up to --calls listed calls, in runs of the simulator of 10 000 calls each, one simulated
    // day after another up to now: calls arrive in the order they happen, as they do in production.
    auto listed = listedCalls(reader, tenant->id);
    if (listed && *listed < options.calls) {
        const QString ingestToken = server.createToken(url, u"default"_s, u"ingest"_s);
        if (ingestToken.isEmpty()) {
            std::fprintf(stderr, "callscope-bench: cannot create an ingest token\n");
            return 1;
        }
        QElapsedTimer fillClock;
        fillClock.start();
        const qint64 before = *listed;
        const qint64 lastDayEnd = QDateTime::currentMSecsSinceEpoch() - 15 * 60'000;
        const qint64 runs = (options.calls + fillChunk - 1) / fillChunk;
        while (listed && *listed < options.calls) {
            const int chunk = int(std::min<qint64>(fillChunk, options.calls - *listed));
            const qint64 run = std::min(runs - 1, *listed / fillChunk);
            const qint64 dayEnd = lastDayEnd - (runs - 1 - run) * qint64(options.dayHours) * 3'600'000;
            // A seed of its own per run: the same seed would send the same calls again.
            if (!simulate(server.port(), secretsFile, ingestToken, chunk, 7919 + quint64(*listed), dayEnd,
                          options.dayHours)) {
                std::fprintf(stderr, "callscope-bench: the simulator failed\n");
                return 1;
            }
            const auto now = listedCalls(reader, tenant->id);
            if (now && *now == *listed) {
                std::fprintf(stderr, "callscope-bench: a simulator run added no call\n");
                return 1;
            }
            listed = now;
        }
        std::printf("filled %lld calls in %.1f s\n", static_cast<long long>(*listed - before),
                    double(fillClock.elapsed()) / 1000);
    }
    if (!listed) {
        std::fprintf(stderr, "callscope-bench: cannot count the calls\n");
        return 1;
    }
    const QString readToken = server.createToken(url, u"default"_s, u"read"_s);
    if (readToken.isEmpty()) {
        std::fprintf(stderr, "callscope-bench: cannot create a read token\n");
        return 1;
    }

    // The query classes: what staff type into the search box. Words the simulated agents and callers
    // say (app/sim/*scripts.cpp), tool names, the last digits of numbers, and the same with filters.
    QStringList digits = numberSuffixes(reader, tenant->id);
    if (digits.isEmpty())
        digits << u"4711"_s;
    QStringList numberQueries;
    for (const QString &d : std::as_const(digits))
        numberQueries << q(d);
    std::vector<QueryClass> classes{
        {"list", {QString(), u"status=ended"_s, u"provider=retell"_s, u"outcome=voicemail"_s}, {}},
        {"common_en", {q(u"appointment"_s), q(u"calling"_s), q(u"thank"_s), q(u"day"_s)}, {}},
        {"common_de", {q(u"Termin"_s), q(u"Ihnen"_s), q(u"danke"_s), q(u"Tag"_s)}, {}},
        {"two_words", {q(u"book appointment"_s), q(u"Termin verlegt"_s), q(u"Emma Johnson"_s)}, {}},
        {"uncommon", {q(u"Hochzeit"_s), q(u"voucher"_s), q(u"Geschenkgutscheins"_s), q(u"lifted"_s)}, {}},
        {"rare", {q(u"verwählt"_s), q(u"dialled"_s), q(u"Tschüss"_s), q(u"claim"_s)}, {}},
        {"absent", {q(u"xylophone"_s), q(u"Zahnseidespender"_s)}, {}},
        {"function",
         {q(u"book_appointment"_s), q(u"cancel_appointment"_s), q(u"reschedule_appointment"_s),
          q(u"transfer_call"_s), q(u"check_availability"_s)},
         {}},
        {"digits", numberQueries, {}},
        {"filtered",
         {q(u"appointment"_s) + u"&provider=retell"_s, q(u"Termin"_s) + u"&outcome=voicemail"_s,
          q(u"cancel_appointment"_s) + u"&provider=vapi"_s, q(u"transfer_call"_s) + u"&outcome=transferred"_s,
          numberQueries.first() + u"&provider=twilio"_s,
          q(u"appointment"_s) + u"&status=ended&provider=livekit"_s},
         {}},
        {"paging", {q(u"appointment"_s), q(u"Termin"_s), QString()}, {}},
    };

    Test::HttpClient client(server.port());
    const QByteArray authorization = "Authorization: Bearer " + readToken.toUtf8() + "\r\n";
    bool failed = false;
    // One GET; the page's calls and its next cursor.
    const auto get = [&](const QString &query, double *ms) -> std::optional<QJsonObject> {
        const QByteArray target = "/api/v1/calls" + (query.isEmpty() ? QByteArray() : "?" + query.toLatin1());
        const QByteArray request =
            "GET " + target + " HTTP/1.1\r\nHost: " + server.host() + "\r\n" + authorization + "\r\n";
        QElapsedTimer clock;
        clock.start();
        const Test::HttpAnswer answer = client.exchange(request, 60'000);
        if (ms)
            *ms = elapsedMs(clock);
        if (answer.status != 200) {
            std::fprintf(stderr, "callscope-bench: GET %s: %d %s\n", target.constData(), answer.status,
                         answer.body.constData());
            failed = true;
            return std::nullopt;
        }
        return QJsonDocument::fromJson(answer.body).object();
    };

    // Paging chains: each page continues after the last call of the one before; no call may appear twice.
    struct Chain
    {
        QString cursor;
        int page = 0;
        QSet<QString> seen;
    };
    std::vector<Chain> chains(classes.back().queries.size());
    qint64 pagingRepeats = 0;
    const auto pagingQuery = [&](size_t variant) {
        Chain &chain = chains[variant];
        const QString base = classes.back().queries.at(qsizetype(variant));
        if (chain.page == 0)
            return base;
        const QString cursor = u"cursor="_s + chain.cursor;
        return base.isEmpty() ? cursor : base + u'&' + cursor;
    };
    const auto pagingAnswer = [&](size_t variant, const QJsonObject &page) {
        Chain &chain = chains[variant];
        for (const QJsonValue &call : page.value(u"calls"_s).toArray()) {
            const QString id = call.toObject().value(u"id"_s).toString();
            pagingRepeats += chain.seen.contains(id) ? 1 : 0;
            chain.seen.insert(id);
        }
        const QJsonValue next = page.value(u"nextCursor"_s);
        if (next.isString() && ++chain.page < pagesPerChain) {
            chain.cursor = next.toString();
        } else {
            chain = Chain();
        }
    };

    // A warm-up round (the first answers also read the pages from disk), then the measured requests,
    // round robin over the classes and over each class's queries.
    for (QueryClass &c : classes) {
        for (const QString &query : std::as_const(c.queries))
            get(query, nullptr);
    }
    std::vector<size_t> nextVariant(classes.size(), 0);
    QElapsedTimer total;
    total.start();
    for (int r = 0; r < options.requests && !failed; ++r) {
        const size_t k = size_t(r) % classes.size();
        QueryClass &c = classes[k];
        const size_t variant = nextVariant[k]++ % size_t(c.queries.size());
        const bool paging = k == classes.size() - 1;
        double ms = 0;
        const auto page = get(paging ? pagingQuery(variant) : c.queries.at(qsizetype(variant)), &ms);
        if (!page)
            break;
        c.latenciesMs.push_back(ms);
        c.rows += page->value(u"calls"_s).toArray().size();
        if (paging)
            pagingAnswer(variant, *page);
    }
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    server.stop();

    std::printf("backend=%s listed_calls=%lld requests=%d (one keep-alive connection, limit 50) "
                "seconds=%.3f\n",
                url.isSqlite() ? "sqlite" : "postgres", static_cast<long long>(*listed), options.requests,
                seconds);
    for (QueryClass &c : classes) {
        std::sort(c.latenciesMs.begin(), c.latenciesMs.end());
        const double n = double(std::max<size_t>(1, c.latenciesMs.size()));
        std::printf(
            "%-10s n=%-5zu latency ms: p50=%.2f p90=%.2f p99=%.2f max=%.2f  rows/page=%.1f  e.g. %s\n",
            c.name, c.latenciesMs.size(), percentile(c.latenciesMs, 0.50), percentile(c.latenciesMs, 0.90),
            percentile(c.latenciesMs, 0.99), c.latenciesMs.empty() ? 0.0 : c.latenciesMs.back(),
            double(c.rows) / n, c.queries.first().isEmpty() ? "(no filter)" : qPrintable(c.queries.first()));
    }
    std::printf("paging: calls listed twice=%lld\n", static_cast<long long>(pagingRepeats));
    return failed || pagingRepeats > 0 ? 1 : 0;
}

} // namespace CallScope::Bench
