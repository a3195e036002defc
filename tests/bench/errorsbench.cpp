// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorsbench.h"

#include "benchutil.h"
#include "errorgroupmodel.h"
#include "errorsview.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTableView>

#include <cmath>
#include <cstdio>
#include <deque>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Bench {

namespace {

constexpr qint64 hourMs = ErrorGroupModel::hourMs;

const char *const functions[] = {"book_appointment_v17", "check_availability",    "cancel_appointment_v3",
                                 "lookup_patient",       "send_sms_confirmation", "transfer_to_staff",
                                 "get_opening_hours",    "reschedule_v2",         "create_lead",
                                 "verify_insurance"};
const char *const codes[] = {"calendar_unavailable", "timeout",          "invalid_arguments",
                             "upstream_503",         "not_found",        "rate_limited",
                             "auth_expired",         "validation_failed"};
const char *const reasons[] = {"pipeline-error-openai-llm-failed", "error_llm_websocket_open",
                               "SIP_TRUNK_FAILURE", "pipeline-error-deepgram-transcriber-failed",
                               "error_inbound_webhook"};

// Event n of the run: a failure of one of `groups` kinds (the first ones far more frequent, as
// failures are: a few loud ones, a long tail), at a time in the last `days` (more recent more often),
// on one of many calls.
IngestUnit failure(int n, int groups, int days, qint64 now, QRandomGenerator &random)
{
    // Zipf-like: group k with weight 1/(k+1).
    const double u = random.generateDouble();
    const int group = std::min(groups - 1, int(std::floor(std::pow(double(groups + 1), u))) - 1);
    const qint64 span = qint64(days) * 24 * hourMs;
    const qint64 at = now - qint64(span * std::pow(random.generateDouble(), 2.0)) - 1000;
    const QString call = u"bench-call-%1"_s.arg(random.bounded(30'000));
    const int kinds = 3;
    const int function = group / kinds % int(std::size(functions));
    const int code = group / kinds / int(std::size(functions)) % int(std::size(codes));
    switch (group % kinds) {
    case 0: {
        const QString tool = u"bt-%1"_s.arg(n);
        // The function names carry a variant so that there are `groups` distinct failures.
        const QString name =
            QString::fromLatin1(functions[function]) +
            (group / kinds >= int(std::size(functions)) * int(std::size(codes)) ? u"_x%1"_s.arg(group)
                                                                                : QString());
        const QJsonObject error{
            {u"code"_s, QString::fromLatin1(codes[code])},
            {u"message"_s, u"upstream answered %1 for request req_%2 after %3 ms"_s.arg(500 + n % 4)
                               .arg(n)
                               .arg(100 + n % 900)}};
        return Test::makeUnit(
            Provider::Backend, u"bench-f-%1"_s.arg(n), call,
            {Test::functionEvent(Provider::Backend, call, EventKind::FunctionFinished, tool, name,
                                 4'000 + n % 60'000, at, {{u"status"_s, u"error"_s}, {u"error"_s, error}})});
    }
    case 1: {
        CallEvent e;
        e.provider = Provider::Backend;
        e.providerCallId = call;
        e.kind = EventKind::Error;
        e.occurredAtMs = at;
        e.offsetMs = 2'000 + n % 90'000;
        e.payload = {{u"code"_s, u"%1_%2"_s.arg(QString::fromLatin1(codes[code])).arg(group)},
                     {u"severity"_s, group % 7 == 1 ? u"critical"_s
                                     : group % 2    ? u"medium"_s
                                                    : u"low"_s},
                     {u"message"_s, u"CRM sync for +49301234%1 failed (job %2)"_s.arg(n % 1000).arg(n)},
                     {u"functionName"_s, QString::fromLatin1(functions[function])}};
        return Test::makeUnit(Provider::Backend, u"bench-e-%1"_s.arg(n), call, {e});
    }
    default: {
        // A provider that ended the call as failed (its own call id, so once per call).
        const QString reason = QString::fromLatin1(reasons[group / kinds % int(std::size(reasons))]) +
                               (group >= kinds * int(std::size(reasons)) ? u"-%1"_s.arg(group) : QString());
        const QString own = u"bench-pc-%1"_s.arg(n);
        return Test::makeUnit(Provider::Vapi, u"bench-p-%1"_s.arg(n), own,
                              {Test::statusEvent(Provider::Vapi, own, CallStatus::Ended, at,
                                                 {{u"reason"_s, reason}, {u"outcome"_s, u"failed"_s}})});
    }
    }
}

bool seed(Store &store, const ErrorsBenchOptions &options, qint64 now)
{
    QRandomGenerator random(20261125);
    std::deque<QFuture<Store::Result<IngestResult>>> pending;
    QElapsedTimer clock;
    clock.start();
    constexpr int perSubmission = 50;
    for (int n = 0; n < options.events; n += perSubmission) {
        IngestSubmission submission{u"default"_s, {}};
        for (int k = n; k < std::min(options.events, n + perSubmission); ++k)
            submission.units.append(failure(k, options.groups, options.days, now, random));
        pending.push_back(store.ingest(submission));
        while (pending.size() > 32 || (n + perSubmission >= options.events && !pending.empty())) {
            pending.front().waitForFinished();
            if (const auto result = pending.front().result(); !result) {
                std::fprintf(stderr, "ingest failed: %s\n", qPrintable(result.error().message));
                return false;
            }
            pending.pop_front();
        }
    }
    std::printf("recorded %d error events in %.1f s (%.0f events/s through ingest)\n", options.events,
                clock.elapsed() / 1000.0, options.events / (clock.elapsed() / 1000.0));
    return true;
}

template<typename Step> double timeMedian(int repeats, Step step)
{
    std::vector<double> runs;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer clock;
        clock.start();
        step();
        runs.push_back(elapsedMs(clock));
    }
    return median(runs);
}

} // namespace

int runErrorsBench(const ErrorsBenchOptions &options)
{
    QTemporaryDir dir;
    const auto url = benchDatabase(options.db, dir);
    if (!url)
        return 2;
    auto store = Store::open(*url, benchPassword(*url));
    if (!store) {
        std::fprintf(stderr, "cannot open the store: %s\n", qPrintable(store.error().message));
        return 1;
    }
    Test::await((*store)->ensureTenants({u"default"_s}));
    auto reader = StoreReader::open(*url, benchPassword(*url));
    if (!reader) {
        std::fprintf(stderr, "cannot read the store: %s\n", qPrintable(reader.error().message));
        return 1;
    }
    const TenantId tenant = (*reader)->tenant(u"default"_s)->id;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery countQuery((*reader)->database());
    const auto eventCount = [&] {
        countQuery.exec(u"SELECT COUNT(*) FROM errors"_s);
        return countQuery.next() ? countQuery.value(0).toLongLong() : 0;
    };
    if (eventCount() < options.events && !seed(**store, options, now))
        return 1;
    const qint64 events = eventCount();
    countQuery.exec(u"SELECT COUNT(*) FROM error_groups"_s);
    countQuery.next();
    const qint64 groups = countQuery.value(0).toLongLong();
    countQuery.finish();
    std::printf("store: %s, %lld error events in %lld groups\n\n", qPrintable(url->displayString()),
                static_cast<long long>(events), static_cast<long long>(groups));

    // Opening the view: a new ErrorsView on the store, shown, until its table has painted the groups
    // (counts, sparklines, relative times); the first run is cold for this process.
    std::vector<double> opens;
    int rows = 0;
    for (int i = 0; i < options.repeats; ++i) {
        QElapsedTimer clock;
        clock.start();
        ErrorsView view;
        view.resize(1400, 900);
        view.setStore(store->get(), reader->get(), tenant, u"default"_s);
        view.show();
        view.table()->viewport()->repaint();
        QCoreApplication::processEvents();
        opens.push_back(elapsedMs(clock));
        rows = view.model()->rowCount();
    }
    std::printf("%-58s %9s\n", "step (median of runs)", "ms");
    std::printf("%-58s %9.1f   (first %.1f; %d groups listed)\n",
                "open the Errors view (unresolved, all time)", median(opens), opens.front(), rows);

    ErrorGroupModel model;
    model.setReader(reader->get(), tenant);
    const auto refreshWith = [&](auto configure) {
        configure();
        return timeMedian(options.repeats, [&] { model.refresh(); });
    };
    using Range = ErrorGroupModel::TimeRange;
    const struct
    {
        const char *name;
        std::function<void()> configure;
    } steps[] = {
        {"refresh: unresolved, all time, by last seen", [&] { model.setTimeRange(Range::All); }},
        {"refresh: last 24 h", [&] { model.setTimeRange(Range::Last24Hours); }},
        {"refresh: last 7 days", [&] { model.setTimeRange(Range::Last7Days); }},
        {"refresh: last 30 days, by count",
         [&] {
             model.setTimeRange(Range::Last30Days);
             model.setOrder(ErrorGroupOrder::Count);
         }},
        {"refresh: every status, all time, by count",
         [&] {
             model.setStatusFilter(QString());
             model.setTimeRange(Range::All);
         }},
        {"refresh: critical only", [&] { model.setSeverityFilter(u"critical"_s); }},
        {"refresh: one function",
         [&] {
             model.setSeverityFilter(QString());
             model.setFunctionFilter(u"book_appointment"_s);
         }},
    };
    for (const auto &step : steps) {
        const double ms = refreshWith(step.configure);
        std::printf("%-58s %9.1f   (%d groups)\n", step.name, ms, model.rowCount());
    }

    // The store's queries alone.
    ErrorGroupQuery all;
    all.status = u"unresolved"_s;
    QList<qint64> ids;
    std::printf("%-58s %9.1f\n", "StoreReader::errorGroups (unresolved)", timeMedian(options.repeats, [&] {
                    ids.clear();
                    for (const ErrorGroupRecord &g : *(*reader)->errorGroups(tenant, all))
                        ids << g.id;
                }));
    std::printf(
        "%-58s %9.1f\n", "StoreReader::errorHours (24 h of the listed groups)",
        timeMedian(options.repeats, [&] { (*reader)->errorHours(tenant, ids, now - 24 * hourMs, now); }));
    std::printf("%-58s %9.1f\n", "StoreReader::errorHours (30 days of the listed groups)",
                timeMedian(options.repeats,
                           [&] { (*reader)->errorHours(tenant, ids, now - 30 * 24 * hourMs, now); }));
    ErrorGroupQuery loudest;
    loudest.order = ErrorGroupOrder::Count;
    loudest.limit = 1;
    const ErrorGroupRecord top = (*reader)->errorGroups(tenant, loudest)->first();
    std::printf("%-58s %9.1f   (%lld events)\n", "detail of the loudest group: 50 events + their calls",
                timeMedian(options.repeats,
                           [&] {
                               (*reader)->errorEvents(tenant, top.id, 50);
                               (*reader)->errorGroupCalls(tenant, top.id, 50);
                           }),
                static_cast<long long>(top.count));
    return 0;
}

} // namespace CallScope::Bench
