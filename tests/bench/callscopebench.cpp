// SPDX-License-Identifier: GPL-3.0-or-later
// callscope-bench: benchmark programs (figures, not pass/fail tests).
//   callscope-bench http [--db URL] [--requests N] [--connections C] [--rate R] [--payload calls|small]
// starts callscope-server and posts distinct signed Retell and LiveKit webhooks at it.
//   callscope-bench store [--db URL] [--events N] [--events-per-receipt K] [--receipts-per-submission R]
//                         [--events-per-call E] [--submitters C] [--in-flight F] [--mix
//                         status|transcript|mixed]
// appends N synthetic events through the group-commit writer and prints events/s.
//   callscope-bench query [--db URL] [--calls N] [--requests N] [--day-hours H]
// fills a store with N simulated calls through callscope-server (callscope-sim's simulator, a day of
// H hours per 10 000 calls; skipped when the store given by --db holds them already) and prints GET
// /api/v1/calls?q=... latency per query class.
//   callscope-bench grow --db sqlite:///path.db [--calls N] [--long-call-items I] [--clone-events 0|1]
//                        [--analyze 0|1]
// brings a store of simulated calls (a copy: it is changed) up to N calls by cloning them in SQL
// into earlier time, and adds one call with I timeline items.
//   callscope-bench calls --db URL [--tenant SLUG] [--repeats R] [--cold 0|1]
// times StoreReader::calls as the calls view uses it: first page, paging, filters, full-text search.
//   callscope-bench gui --db URL [--tenant SLUG] [--scroll-rows N] [--repeats R]
// the desktop window on the store (QT_QPA_PLATFORM=offscreen is fine): first page from process
// start, scrolling frames, filter and search latency, opening the largest call, peak memory.
//   callscope-bench errors [--db URL] [--events N] [--groups G] [--days D] [--repeats R]
// records N error events through ingest (unless the store has them), then times opening the Errors
// view, its filters and time ranges, and the store's error queries.
#include "benchutil.h"
#include "callsbench.h"
#include "errorsbench.h"
#include "growstore.h"
#include "guibench.h"
#include "httpbench.h"
#include "querybench.h"
#include "store.h"
#include "testsupport.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <deque>
#include <memory>
#include <thread>
#include <vector>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

struct StoreBenchOptions
{
    QString db;
    qint64 events = 200'000;
    int eventsPerReceipt = 4;
    int receiptsPerSubmission = 1;
    int eventsPerCall = 40;
    int submitters = 8;
    int inFlight = 64;
    QString mix = u"mixed"_s;
};

CallEvent syntheticEvent(const QString &mix, qint64 n, const QString &call, qint64 atMs)
{
    const int pick = mix == "status"_L1 ? 0 : mix == "transcript"_L1 ? 1 : int(n % 4);
    switch (pick) {
    case 0:
        return Test::statusEvent(Provider::Retell, call,
                                 n % 10 == 9 ? CallStatus::Ended : CallStatus::InProgress, atMs,
                                 {{u"fromNumber"_s, u"+4915112345678"_s}, {u"agent"_s, u"front-desk"_s}});
    case 1:
        return Test::transcriptEvent(
            Provider::Retell, call, n % 2 ? u"user"_s : u"agent"_s,
            u"Turn %1: I would like to book a cleaning appointment next Tuesday morning"_s.arg(n), n * 1000,
            atMs);
    case 2:
        return Test::functionEvent(
            Provider::Retell, call, EventKind::FunctionStarted, u"tc%1"_s.arg(n / 4), u"book_appointment"_s,
            n * 1000, atMs,
            {{u"arguments"_s, QJsonObject{{u"day"_s, u"tuesday"_s}, {u"slot"_s, u"09:30"_s}}}});
    default:
        return Test::functionEvent(Provider::Retell, call, EventKind::FunctionFinished, u"tc%1"_s.arg(n / 4),
                                   u"book_appointment"_s, n * 1000 + 420, atMs,
                                   {{u"status"_s, n % 20 == 3 ? u"error"_s : u"success"_s}});
    }
}

int storeBench(const StoreBenchOptions &options)
{
    QTemporaryDir dir;
    const std::optional<DatabaseUrl> database = Bench::benchDatabase(options.db, dir);
    if (!database)
        return 2;
    DatabaseUrl url = *database;
    auto opened = Store::open(url, Bench::benchPassword(url));
    if (!opened) {
        std::fprintf(stderr, "callscope-bench: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    Store &store = **opened;
    const QString runId = QString::number(QDateTime::currentMSecsSinceEpoch(), 36);

    // Build every submission before the clock starts: the figure is the store's, not the generator's.
    const int perSubmission = options.eventsPerReceipt * options.receiptsPerSubmission;
    const qint64 submissions = (options.events + perSubmission - 1) / perSubmission;
    std::vector<std::vector<IngestSubmission>> work(size_t(options.submitters));
    qint64 n = 0;
    for (qint64 s = 0; s < submissions; ++s) {
        IngestSubmission submission{u"default"_s, {}};
        for (int r = 0; r < options.receiptsPerSubmission; ++r) {
            const qint64 receipt = s * options.receiptsPerSubmission + r;
            const QString call =
                u"bench-%1-%2"_s.arg(runId).arg(receipt * options.eventsPerReceipt / options.eventsPerCall);
            CallEvents events;
            for (int e = 0; e < options.eventsPerReceipt; ++e, ++n)
                events.append(syntheticEvent(options.mix, n, call, 1'790'000'000'000 + n));
            submission.units.append(
                Test::makeUnit(Provider::Retell, u"%1-%2-%3"_s.arg(runId).arg(s).arg(r), call, events));
        }
        work[size_t(s % options.submitters)].push_back(std::move(submission));
    }

    std::atomic<qint64> acked = 0;
    std::atomic<int> failures = 0;
    std::vector<std::vector<double>> latencies(size_t(options.submitters));
    const quint64 groupsBefore = store.committedGroups();
    QElapsedTimer clock;
    clock.start();
    std::vector<std::thread> threads;
    for (int t = 0; t < options.submitters; ++t) {
        threads.emplace_back([&, t] {
            std::deque<std::pair<QFuture<Store::Result<IngestResult>>, qint64>> pending;
            auto drainOne = [&] {
                auto [future, startedNs] = std::move(pending.front());
                pending.pop_front();
                future.waitForFinished();
                latencies[size_t(t)].push_back(double(clock.nsecsElapsed() - startedNs) / 1e6);
                const auto result = future.result();
                if (!result)
                    failures.fetch_add(1);
                else
                    acked.fetch_add(qint64(result->accepted) * options.eventsPerReceipt);
            };
            for (IngestSubmission &submission : work[size_t(t)]) {
                if (int(pending.size()) >= options.inFlight)
                    drainOne();
                pending.emplace_back(store.ingest(std::move(submission)), clock.nsecsElapsed());
            }
            while (!pending.empty())
                drainOne();
        });
    }
    for (auto &thread : threads)
        thread.join();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const quint64 groups = store.committedGroups() - groupsBefore;
    store.stop();

    std::vector<double> all;
    for (auto &l : latencies)
        all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    const double p50 = Bench::percentile(all, 0.50), p99 = Bench::percentile(all, 0.99),
                 max = all.empty() ? 0 : all.back();
    std::printf("backend=%s synchronous=%s events=%lld receipts=%lld submissions=%lld events_per_call=%d "
                "submitters=%d "
                "in_flight=%d mix=%s\n",
                url.isSqlite() ? "sqlite" : "postgres", url.isSqlite() ? "FULL" : "on(synchronous_commit)",
                static_cast<long long>(acked.load()),
                static_cast<long long>(submissions * options.receiptsPerSubmission),
                static_cast<long long>(submissions), options.eventsPerCall, options.submitters,
                options.inFlight, qPrintable(options.mix));
    std::printf("group transactions=%llu (%.1f submissions each)\n", static_cast<unsigned long long>(groups),
                groups ? double(submissions) / double(groups) : 0.0);
    std::printf("completion latency ms: p50=%.2f p99=%.2f max=%.2f\n", p50, p99, max);
    std::printf("failures=%d seconds=%.3f events_per_s=%.0f\n", failures.load(), seconds,
                double(acked.load()) / seconds);
    return failures.load() == 0 ? 0 : 1;
}

int usage(FILE *to)
{
    std::fprintf(to, "usage: callscope-bench http [--db URL] [--requests N] [--connections C] [--rate R]\n"
                     "                            [--payload calls|small]\n");
    std::fprintf(to, "usage: callscope-bench store [--db URL] [--events N] [--events-per-receipt K]\n"
                     "                             [--receipts-per-submission R] [--events-per-call E]\n"
                     "                             [--submitters C] [--in-flight F]\n"
                     "                             [--mix status|transcript|mixed]\n");
    std::fprintf(to, "usage: callscope-bench query [--db URL] [--calls N] [--requests N] [--day-hours H]\n");
    std::fprintf(to, "usage: callscope-bench grow --db sqlite:///PATH [--calls N] [--long-call-items I]\n"
                     "                            [--clone-events 0|1] [--analyze 0|1]\n");
    std::fprintf(to, "usage: callscope-bench calls --db URL [--tenant SLUG] [--repeats R] [--cold 0|1]\n");
    std::fprintf(to, "usage: callscope-bench gui --db URL [--tenant SLUG] [--scroll-rows N] [--repeats R]\n");
    std::fprintf(to, "usage: callscope-bench errors [--db URL] [--events N] [--groups G] [--days D]\n"
                     "                              [--repeats R]\n");
    return to == stdout ? 0 : 2;
}

// Reads the "--name value" pairs after the mode; `set` keeps one and answers whether it knew the name
// and could take the value. Answers -1 when all were read, else the exit code to return.
template<typename Set> int readOptions(const QStringList &args, Set set)
{
    for (qsizetype i = 2; i < args.size(); ++i) {
        if (args.at(i) == "--help"_L1)
            return usage(stdout);
        if (i + 1 >= args.size())
            return usage(stderr);
        const QString &name = args.at(i);
        const QString &value = args.at(++i);
        if (!set(name, value))
            return usage(stderr);
    }
    return -1;
}

// A 0|1 option's value into `out`; false when it is neither.
bool readFlag(const QString &value, bool &out)
{
    if (value != "0"_L1 && value != "1"_L1)
        return false;
    out = value == "1"_L1;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    // The gui mode shows widgets: its application object is a QApplication.
    const bool gui = argc > 1 && (qstrcmp(argv[1], "gui") == 0 || qstrcmp(argv[1], "errors") == 0);
    const std::unique_ptr<QCoreApplication> app(gui ? new QApplication(argc, argv)
                                                    : new QCoreApplication(argc, argv));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.at(1) == "--help"_L1)
        return usage(args.size() < 2 ? stderr : stdout);
    if (args.at(1) == "http"_L1) {
        Bench::HttpBenchOptions options;
        const int status = readOptions(args, [&options](const QString &a, const QString &v) {
            bool ok = true;
            if (a == "--db"_L1)
                options.db = v;
            else if (a == "--requests"_L1)
                options.requests = v.toLongLong(&ok);
            else if (a == "--connections"_L1)
                options.connections = v.toInt(&ok);
            else if (a == "--rate"_L1)
                options.rate = v.toDouble(&ok);
            else if (a == "--payload"_L1 && (v == "calls"_L1 || v == "small"_L1))
                options.payload = v;
            else
                return false;
            return ok && options.requests > 0 && options.connections > 0 && options.rate >= 0;
        });
        if (status >= 0)
            return status;
        return Bench::runHttpBench(options);
    }
    if (args.at(1) == "query"_L1) {
        Bench::QueryBenchOptions options;
        const int status = readOptions(args, [&options](const QString &a, const QString &v) {
            bool ok = true;
            if (a == "--db"_L1)
                options.db = v;
            else if (a == "--calls"_L1)
                options.calls = v.toInt(&ok);
            else if (a == "--requests"_L1)
                options.requests = v.toInt(&ok);
            else if (a == "--day-hours"_L1)
                options.dayHours = v.toInt(&ok);
            else
                return false;
            return ok && options.calls > 0 && options.requests > 0 && options.dayHours > 0;
        });
        if (status >= 0)
            return status;
        return Bench::runQueryBench(options);
    }
    if (args.at(1) == "grow"_L1) {
        Bench::GrowOptions options;
        const int status = readOptions(args, [&options](const QString &a, const QString &v) {
            bool ok = true;
            if (a == "--db"_L1)
                options.db = v;
            else if (a == "--calls"_L1)
                options.calls = v.toLongLong(&ok);
            else if (a == "--long-call-items"_L1)
                options.longCallItems = v.toInt(&ok);
            else if (a == "--clone-events"_L1)
                ok = readFlag(v, options.cloneEvents);
            else if (a == "--analyze"_L1)
                ok = readFlag(v, options.analyze);
            else
                return false;
            return ok && options.calls > 0 && options.longCallItems >= 0;
        });
        if (status >= 0)
            return status;
        if (options.db.isEmpty())
            return usage(stderr);
        return Bench::runGrow(options);
    }
    if (args.at(1) == "calls"_L1) {
        Bench::CallsBenchOptions options;
        const int status = readOptions(args, [&options](const QString &a, const QString &v) {
            bool ok = true;
            if (a == "--db"_L1)
                options.db = v;
            else if (a == "--tenant"_L1)
                options.tenant = v;
            else if (a == "--repeats"_L1)
                options.repeats = v.toInt(&ok);
            else if (a == "--cold"_L1)
                ok = readFlag(v, options.cold);
            else
                return false;
            return ok && options.repeats > 0;
        });
        if (status >= 0)
            return status;
        if (options.db.isEmpty())
            return usage(stderr);
        return Bench::runCallsBench(options);
    }
    if (args.at(1) == "errors"_L1) {
        Bench::ErrorsBenchOptions options;
        const int status = readOptions(args, [&options](const QString &a, const QString &v) {
            bool ok = true;
            if (a == "--db"_L1)
                options.db = v;
            else if (a == "--events"_L1)
                options.events = v.toInt(&ok);
            else if (a == "--groups"_L1)
                options.groups = v.toInt(&ok);
            else if (a == "--days"_L1)
                options.days = v.toInt(&ok);
            else if (a == "--repeats"_L1)
                options.repeats = v.toInt(&ok);
            else
                return false;
            return ok && options.events > 0 && options.groups > 0 && options.days > 0 && options.repeats > 0;
        });
        if (status >= 0)
            return status;
        return Bench::runErrorsBench(options);
    }
    if (args.at(1) == "gui"_L1) {
        Bench::GuiBenchOptions options;
        const int status = readOptions(args, [&options](const QString &a, const QString &v) {
            bool ok = true;
            if (a == "--db"_L1)
                options.db = v;
            else if (a == "--tenant"_L1)
                options.tenant = v;
            else if (a == "--scroll-rows"_L1)
                options.scrollRows = v.toInt(&ok);
            else if (a == "--repeats"_L1)
                options.repeats = v.toInt(&ok);
            else
                return false;
            return ok && options.scrollRows > 0 && options.repeats > 0;
        });
        if (status >= 0)
            return status;
        if (options.db.isEmpty())
            return usage(stderr);
        return Bench::runGuiBench(options);
    }
    if (args.at(1) != "store"_L1)
        return usage(stderr);
    StoreBenchOptions options;
    const int status = readOptions(args, [&options](const QString &a, const QString &v) {
        bool ok = true;
        if (a == "--db"_L1)
            options.db = v;
        else if (a == "--events"_L1)
            options.events = v.toLongLong(&ok);
        else if (a == "--events-per-receipt"_L1)
            options.eventsPerReceipt = v.toInt(&ok);
        else if (a == "--receipts-per-submission"_L1)
            options.receiptsPerSubmission = v.toInt(&ok);
        else if (a == "--events-per-call"_L1)
            options.eventsPerCall = v.toInt(&ok);
        else if (a == "--submitters"_L1)
            options.submitters = v.toInt(&ok);
        else if (a == "--in-flight"_L1)
            options.inFlight = v.toInt(&ok);
        else if (a == "--mix"_L1 && (v == "status"_L1 || v == "transcript"_L1 || v == "mixed"_L1))
            options.mix = v;
        else
            return false;
        return ok && options.events > 0 && options.eventsPerReceipt > 0 &&
               options.receiptsPerSubmission > 0 && options.eventsPerCall > 0 && options.submitters > 0 &&
               options.inFlight > 0;
    });
    if (status >= 0)
        return status;
    return storeBench(options);
}
