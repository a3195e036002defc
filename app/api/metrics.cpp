// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics.h"

#include "callbacks/callbackdispatcher.h"
#include "ingest/ingestservice.h"
#include "store.h"
#include "storereader.h"

#include <QSqlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}

QByteArray escapeLabel(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\' || c == '"')
            out += '\\';
        out += c == '\n' ? QByteArray("\\n") : QByteArray(1, c);
    }
    return out;
}

void help(QByteArray &out, const char *name, const char *type, const char *text)
{
    out += "# HELP " + QByteArray(name) + ' ' + text + "\n# TYPE " + name + ' ' + type + '\n';
}

// Counts by a label from one GROUP BY query; nothing when the store cannot be read.
void gaugeByLabel(QByteArray &out, StoreReader *reader, const char *name, const char *label,
                  const QString &sql, const QStringList &known)
{
    QHash<QString, qint64> counts;
    for (const QString &value : known)
        counts.insert(value, 0);
    if (reader) {
        QSqlQuery query(reader->database());
        if (query.exec(sql)) {
            while (query.next())
                counts.insert(query.value(0).toString(), query.value(1).toLongLong());
        }
    }
    QStringList keys = counts.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys))
        out += QByteArray(name) + '{' + label + "=\"" + escapeLabel(key) + "\"} " +
               QByteArray::number(counts.value(key)) + '\n';
}

} // namespace

QByteArray prometheusMetrics(const IngestMetrics &ingest, const Store &store, StoreReader *reader,
                             const DispatcherCounts &dispatcher)
{
    QByteArray out;
    help(out, "callscope_receipts_total", "counter", "Deliveries by provider and what became of them.");
    QStringList providers = ingest.receipts.keys();
    providers.sort();
    for (const QString &provider : std::as_const(providers)) {
        const auto &results = ingest.receipts.value(provider);
        QStringList names = results.keys();
        names.sort();
        for (const QString &result : std::as_const(names))
            out += "callscope_receipts_total{provider=\"" + escapeLabel(provider) + "\",result=\"" +
                   escapeLabel(result) + "\"} " + QByteArray::number(results.value(result)) + '\n';
    }

    help(out, "callscope_ingest_seconds", "histogram",
         "Time from a delivery's arrival to its answer after the commit.");
    for (size_t i = 0; i < std::size(IngestMetrics::latencyBuckets); ++i)
        out += "callscope_ingest_seconds_bucket{le=\"" + number(IngestMetrics::latencyBuckets[i]) + "\"} " +
               QByteArray::number(ingest.latencyCounts[i]) + '\n';
    out += "callscope_ingest_seconds_bucket{le=\"+Inf\"} " + QByteArray::number(ingest.latencyCount) + '\n';
    out += "callscope_ingest_seconds_sum " + number(ingest.latencySum) + '\n';
    out += "callscope_ingest_seconds_count " + QByteArray::number(ingest.latencyCount) + '\n';

    help(out, "callscope_commit_batch_size", "histogram",
         "Writes merged into one transaction by group commit.");
    const QList<quint64> buckets = store.groupSizeBuckets();
    for (qsizetype i = 0; i < buckets.size(); ++i)
        out += "callscope_commit_batch_size_bucket{le=\"" + QByteArray::number(Store::groupSizeBounds[i]) +
               "\"} " + QByteArray::number(buckets.at(i)) + '\n';
    out += "callscope_commit_batch_size_bucket{le=\"+Inf\"} " + QByteArray::number(store.committedGroups()) +
           '\n';
    out += "callscope_commit_batch_size_sum " + QByteArray::number(store.committedWrites()) + '\n';
    out += "callscope_commit_batch_size_count " + QByteArray::number(store.committedGroups()) + '\n';

    help(out, "callscope_queue_depth", "gauge", "Writes waiting for the writer.");
    out += "callscope_queue_depth " + QByteArray::number(store.queueDepth()) + '\n';

    help(out, "callscope_callbacks", "gauge", "Callback requests by state.");
    gaugeByLabel(
        out, reader, "callscope_callbacks", "state",
        u"SELECT status, COUNT(*) FROM callback_requests GROUP BY status"_s,
        {u"pending"_s, u"posting"_s, u"posted"_s, u"failed"_s, u"dead"_s, u"cancelled"_s, u"completed"_s});
    help(out, "callscope_dispatcher_attempts_total", "counter",
         "Hand-offs of callback requests in the database (by every process on it), by result.");
    gaugeByLabel(
        out, reader, "callscope_dispatcher_attempts_total", "result",
        u"SELECT COALESCE(result, 'unknown'), COUNT(*) FROM callback_attempts GROUP BY COALESCE(result, 'unknown')"_s,
        {u"posted"_s, u"failed"_s});
    help(out, "callscope_callback_attempts_total", "counter",
         "Hand-offs of callback requests this process attempted, by result.");
    out += "callscope_callback_attempts_total{result=\"failed\"} " + QByteArray::number(dispatcher.failed) +
           '\n';
    out += "callscope_callback_attempts_total{result=\"posted\"} " + QByteArray::number(dispatcher.posted) +
           '\n';
    return out;
}

} // namespace CallScope
