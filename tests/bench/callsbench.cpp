// SPDX-License-Identifier: GPL-3.0-or-later
#include "callsbench.h"

#include "benchutil.h"
#include "databaseurl.h"
#include "growstore.h"
#include "storereader.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Bench {

namespace {

constexpr qint64 dayMs = 86'400'000;

struct Case
{
    QString name;
    CallQuery query;
    QString target;
    std::vector<double> ms;
    qint64 rows = 0;
    double coldMs = -1;
};

} // namespace

int runCallsBench(const CallsBenchOptions &options)
{
    const auto parsed = DatabaseUrl::parse(options.db);
    if (!parsed) {
        std::fprintf(stderr, "callscope-bench calls: %s\n", qPrintable(parsed.error()));
        return 2;
    }
    const QString password = benchPassword(*parsed);
    QElapsedTimer openClock;
    openClock.start();
    std::unique_ptr<StoreReader> reader;
    const auto open = [&] {
        reader.reset();
        auto opened = StoreReader::open(*parsed, password);
        if (!opened) {
            std::fprintf(stderr, "callscope-bench calls: %s\n", qPrintable(opened.error().message));
            return false;
        }
        reader = std::move(*opened);
        return true;
    };
    // Drops the store's files from the page cache (they are clean after a checkpoint).
    const auto evict = [&] {
        for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
            const int fd = ::open(QFile::encodeName(parsed->path + suffix).constData(), O_RDONLY);
            if (fd < 0)
                continue;
            ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
            ::close(fd);
        }
    };
    if (options.cold && parsed->isSqlite())
        evict();
    if (!open())
        return 1;
    const auto tenant = reader->tenant(options.tenant);
    if (!tenant) {
        std::fprintf(stderr, "callscope-bench calls: %s\n", qPrintable(tenant.error().message));
        return 1;
    }
    const double openMs = elapsedMs(openClock);

    QSqlQuery q(reader->database());
    q.exec(u"SELECT COUNT(*) FROM calls WHERE merged_into IS NULL"_s);
    const qint64 listed = q.next() ? q.value(0).toLongLong() : 0;
    // A caller's number from the middle of the history: its last 4 and 7 digits.
    q.exec(u"SELECT from_number FROM calls WHERE merged_into IS NULL AND from_number GLOB '+[0-9]*' "
           "ORDER BY sort_at, id LIMIT 1 OFFSET %1"_s.arg(listed / 2));
    const QString number = q.next() ? q.value(0).toString() : u"+16285550197"_s;
    q.finish();

    const auto query = [](auto set) {
        CallQuery c;
        c.limit = 100;
        set(c);
        return c;
    };
    const auto text = [&](const QString &words) {
        return query([&](CallQuery &c) {
            c.text = words;
            static const QRegularExpression digits(u"^\\d{4,}$"_s);
            if (digits.match(words).hasMatch())
                c.numberSuffix = words;
        });
    };
    std::vector<Case> cases;
    const auto add = [&cases](const QString &name, const CallQuery &c, const QString &target = u"<=300"_s) {
        cases.push_back(Case{name, c, target, {}, 0, -1});
    };
    add(u"first page (100)"_s, query([](CallQuery &) {}), u"<=1000 (window)"_s);
    add(u"status=ended"_s, query([](CallQuery &c) { c.status = CallStatus::Ended; }));
    add(u"status=in_progress"_s, query([](CallQuery &c) { c.status = CallStatus::InProgress; }));
    add(u"outcome=voicemail"_s, query([](CallQuery &c) { c.outcome = Outcome::Voicemail; }));
    add(u"outcome=transferred"_s, query([](CallQuery &c) { c.outcome = Outcome::Transferred; }));
    add(u"provider=vapi"_s, query([](CallQuery &c) { c.provider = Provider::Vapi; }));
    add(u"provider=ultravox+outcome=failed"_s, query([](CallQuery &c) {
            c.provider = Provider::Ultravox;
            c.outcome = Outcome::Failed;
        }));
    add(u"last 30 days"_s,
        query([](CallQuery &c) { c.fromMs = QDateTime::currentMSecsSinceEpoch() - 30 * dayMs; }));
    add(u"q=appointment (common)"_s, text(u"appointment"_s));
    add(u"q=Termin (common de)"_s, text(u"Termin"_s));
    add(u"q=book_appointment (fn)"_s, text(u"book_appointment"_s));
    add(u"q=verwählt (rare)"_s, text(u"verwählt"_s));
    add(u"q=dialled (rare)"_s, text(u"dialled"_s));
    add(u"q=xylophone (absent)"_s, text(u"xylophone"_s));
    add(u"q=" + number.right(4) + u" (4 digits)"_s, text(number.right(4)));
    add(u"q=" + number.right(7) + u" (7 digits)"_s, text(number.right(7)));
    add(u"q=appointment+provider=retell"_s, query([](CallQuery &c) {
            c.text = u"appointment"_s;
            c.provider = Provider::Retell;
        }));
    add(u"q=dialled+outcome=voicemail"_s, query([](CallQuery &c) {
            c.text = u"dialled"_s;
            c.outcome = Outcome::Voicemail;
        }));

    bool failed = false;
    const auto run = [&](const CallQuery &c, qint64 *rows, QList<CallSummary> *out = nullptr) {
        QElapsedTimer clock;
        clock.start();
        auto result = reader->calls(tenant->id, c);
        const double ms = elapsedMs(clock);
        if (!result) {
            std::fprintf(stderr, "callscope-bench calls: %s\n", qPrintable(result.error().message));
            failed = true;
            return ms;
        }
        if (rows)
            *rows = result->size();
        if (out)
            *out = std::move(*result);
        return ms;
    };
    const bool cold = options.cold && parsed->isSqlite();
    for (Case &c : cases) {
        if (cold) {
            evict();
            if (!open())
                return 1;
            c.coldMs = run(c.query, &c.rows);
        }
        for (int r = 0; r < options.repeats && !failed; ++r)
            c.ms.push_back(run(c.query, &c.rows));
    }
    // Paging: 20 pages of 100 by cursor, from the top (unfiltered) and through a common word.
    struct Paging
    {
        QString name;
        CallQuery base;
        std::vector<double> pageMs;  // every page of every repeat
        std::vector<double> totalMs; // per repeat
        qint64 rows = 0;
    };
    std::vector<Paging> pagings{{u"page 1..20 by cursor"_s, query([](CallQuery &) {}), {}, {}, 0},
                                {u"page 1..20, q=appointment"_s, text(u"appointment"_s), {}, {}, 0},
                                {u"page 1..20, status=ended"_s,
                                 query([](CallQuery &c) { c.status = CallStatus::Ended; }),
                                 {},
                                 {},
                                 0}};
    for (Paging &p : pagings) {
        for (int r = 0; r < options.repeats && !failed; ++r) {
            CallQuery c = p.base;
            double total = 0;
            p.rows = 0;
            for (int page = 0; page < 20 && !failed; ++page) {
                QList<CallSummary> rows;
                qint64 n = 0;
                const double ms = run(c, &n, &rows);
                p.pageMs.push_back(ms);
                total += ms;
                p.rows += n;
                if (rows.isEmpty())
                    break;
                c.beforeSortAt = rows.last().sortAt;
                c.beforeId = rows.last().id;
            }
            p.totalMs.push_back(total);
        }
    }
    if (failed)
        return 1;

    std::printf("store %s: %lld listed calls; StoreReader::open + tenant %.1f ms; %d runs per case, "
                "limit 100\n",
                qPrintable(parsed->displayString()), static_cast<long long>(listed), openMs, options.repeats);
    std::printf("%-36s %6s %9s %9s %9s %9s  %s\n", "case", "rows", "first ms", "median", "min", "max",
                "target ms");
    for (const Case &c : cases) {
        const auto [lo, hi] = std::minmax_element(c.ms.begin(), c.ms.end());
        std::printf("%s %6lld %9.2f %9.2f %9.2f %9.2f  %s\n", qPrintable(c.name.leftJustified(36)),
                    static_cast<long long>(c.rows), cold ? c.coldMs : c.ms.front(), median(c.ms), *lo, *hi,
                    qPrintable(c.target));
    }
    for (const Paging &p : pagings) {
        std::vector<double> pages = p.pageMs;
        std::sort(pages.begin(), pages.end());
        std::printf("%s %6lld %9.2f %9.2f %9.2f %9.2f  per page (p99 %.2f); 20 pages: median %.1f ms\n",
                    qPrintable(p.name.leftJustified(36)), static_cast<long long>(p.rows), p.pageMs.front(),
                    median(p.pageMs), pages.front(), pages.back(), percentile(pages, 0.99),
                    median(p.totalMs));
    }
    std::fflush(stdout);
    return 0;
}

} // namespace CallScope::Bench
