// SPDX-License-Identifier: GPL-3.0-or-later
#include "projector.h"

#include "sqlconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

constexpr int receiptsPerStatement = 100;

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Arguments and results are any JSON; store them as their JSON text.
QVariant jsonText(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QVariant();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // Scalars keep their JSON spelling, so "42" and 42 stay distinguishable.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QVariant optionalLong(const QJsonObject &payload, QLatin1StringView key)
{
    const QJsonValue value = payload.value(key);
    return value.isDouble() ? QVariant(qint64(value.toDouble())) : QVariant();
}

QVariant optionalOffset(const std::optional<qint64> &offset)
{
    return offset ? QVariant(*offset) : QVariant();
}

enum class SearchSource { Transcript = 0, Function = 1 };

qint64 searchRowId(qint64 rowId, SearchSource source)
{
    return rowId * 2 + static_cast<int>(source);
}

} // namespace

Projector::Projector(WriteContext &context)
    : m_ctx(context)
{
}

std::expected<IngestResult, StoreError> Projector::apply(qint64 tenantId, const IngestSubmission &submission)
{
    IngestResult result;
    auto receiptIds = insertReceipts(tenantId, submission.units);
    if (!receiptIds)
        return std::unexpected(receiptIds.error());

    for (qsizetype u = 0; u < submission.units.size(); ++u) {
        const std::optional<qint64> receiptId = receiptIds->at(u);
        result.duplicate << !receiptId.has_value();
        if (!receiptId) {
            ++result.duplicates;
            continue;
        }
        ++result.accepted;
        std::optional<qint64> firstCallId;
        const CallEvents &events = submission.units.at(u).events;
        for (qsizetype e = 0; e < events.size(); ++e) {
            if (auto done = applyEvent(tenantId, *receiptId, int(e), events.at(e), firstCallId); !done)
                return std::unexpected(done.error());
        }
        if (firstCallId)
            m_ctx.receiptLinks().add({*receiptId, *firstCallId});
    }
    m_ctx.changes().tenantIds.insert(tenantId);
    if (result.accepted > 0)
        m_ctx.changes().kinds |= StoreChanges::Events;
    return result;
}

std::expected<QList<std::optional<qint64>>, StoreError> Projector::insertReceipts(qint64 tenantId,
                                                                                 const QList<IngestUnit> &units)
{
    QList<std::optional<qint64>> ids(units.size());
    for (qsizetype first = 0; first < units.size(); first += receiptsPerStatement) {
        const qsizetype count = std::min<qsizetype>(receiptsPerStatement, units.size() - first);
        QString sql = u"INSERT INTO receipts (tenant_id, provider, event_key, event_type, status, verification, received_at, headers, body) VALUES "_s;
        for (qsizetype i = 0; i < count; ++i)
            sql += i == 0 ? u"(?, ?, ?, ?, ?, ?, ?, ?, ?)"_s : u", (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
        sql += u" ON CONFLICT (tenant_id, provider, event_key) DO NOTHING RETURNING id, provider, event_key"_s;
        auto statement = m_ctx.prepared(sql);
        if (!statement)
            return std::unexpected(statement.error());
        QSqlQuery &query = **statement;
        int bind = 0;
        for (qsizetype i = first; i < first + count; ++i) {
            const Receipt &receipt = units.at(i).receipt;
            if (receipt.eventKey.isEmpty())
                return std::unexpected(StoreError{StoreError::Kind::InvalidArgument, u"a receipt has no event key"_s});
            query.bindValue(bind++, tenantId);
            query.bindValue(bind++, toString(receipt.provider));
            query.bindValue(bind++, receipt.eventKey);
            query.bindValue(bind++, receipt.eventType.isEmpty() ? QVariant() : QVariant(receipt.eventType));
            query.bindValue(bind++, receipt.status == ReceiptStatus::Processed ? u"processed"_s : u"unattributed"_s);
            query.bindValue(bind++, receipt.verification == Verification::Verified ? u"verified"_s : u"unsigned"_s);
            query.bindValue(bind++, receipt.receivedAtMs);
            query.bindValue(bind++, receipt.headersJson.isEmpty() ? u"{}"_s : QString::fromUtf8(receipt.headersJson));
            query.bindValue(bind++, receipt.body);
        }
        if (auto done = SqlConnection::exec(query); !done)
            return std::unexpected(done.error());
        // RETURNING reports only the rows it inserted. Two units with one key in one submission: the
        // first takes the new row, the second is a duplicate.
        QHash<QString, qint64> inserted;
        while (query.next())
            inserted.insert(query.value(1).toString() + u'\x1f' + query.value(2).toString(), query.value(0).toLongLong());
        query.finish();
        for (qsizetype i = first; i < first + count; ++i) {
            const Receipt &receipt = units.at(i).receipt;
            if (const auto id = inserted.take(toString(receipt.provider) + u'\x1f' + receipt.eventKey))
                ids[i] = id;
        }
    }
    return ids;
}

std::expected<void, StoreError> Projector::applyEvent(qint64 tenantId, qint64 receiptId, int seq,
                                                      const CallEvent &event, std::optional<qint64> &firstCallId)
{
    std::optional<qint64> callId;
    CallAggregate *agg = nullptr;
    if (!event.providerCallId.isEmpty()) {
        auto resolved = m_ctx.resolveCall(CallKey{tenantId, event.provider, event.providerCallId}, event.occurredAtMs);
        if (!resolved)
            return std::unexpected(resolved.error());
        callId = *resolved;
        auto loaded = m_ctx.aggregate(*callId);
        if (!loaded)
            return std::unexpected(loaded.error());
        agg = *loaded;
        agg->apply(event);
        if (!firstCallId)
            firstCallId = callId;
        m_ctx.changes().callIds.insert(*callId);
        m_ctx.changes().kinds |= StoreChanges::Calls;
    }

    m_ctx.events().add({tenantId, callId ? QVariant(*callId) : QVariant(), receiptId, seq, toString(event.provider),
                        toString(event.kind), event.occurredAtMs, optionalOffset(event.offsetMs),
                        QString::fromUtf8(compactJson(event.payload))});

    if (!agg)
        return {};
    switch (event.kind) {
    case EventKind::TranscriptSegment:
        return projectTranscript(tenantId, *callId, event, *agg);
    case EventKind::FunctionStarted:
    case EventKind::FunctionFinished:
        return projectFunction(tenantId, *callId, event, *agg);
    case EventKind::Error:
        m_ctx.changes().kinds |= StoreChanges::Errors;
        return {};
    default:
        return {};
    }
}

std::expected<void, StoreError> Projector::projectTranscript(qint64 tenantId, qint64 callId, const CallEvent &event,
                                                             CallAggregate &agg)
{
    const QJsonObject &p = event.payload;
    const QString role = p.value("role"_L1).toString();
    const QString text = p.value("text"_L1).toString();
    const qint64 startMs = qint64(p.value("startMs"_L1).toDouble(double(event.offsetMs.value_or(0))));
    const QVariant endMs = optionalLong(p, "endMs"_L1);

    auto insert = m_ctx.prepared(
        u"INSERT INTO transcript_segments (tenant_id, call_id, role, text, start_ms, end_ms) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (call_id, role, start_ms) DO NOTHING RETURNING id"_s);
    if (!insert)
        return std::unexpected(insert.error());
    const QVariantList values{tenantId, callId, role, text, startMs, endMs};
    for (int i = 0; i < values.size(); ++i)
        (*insert)->bindValue(i, values.at(i));
    if (auto done = SqlConnection::exec(**insert); !done)
        return done;
    const bool inserted = (*insert)->next();
    qint64 segmentId = inserted ? (*insert)->value(0).toLongLong() : 0;
    (*insert)->finish();
    if (!inserted) {
        // A provider that resends the whole transcript updates the turn it already sent.
        auto update = m_ctx.prepared(u"UPDATE transcript_segments SET text = ?, end_ms = COALESCE(?, end_ms) "
                                     "WHERE call_id = ? AND role = ? AND start_ms = ? RETURNING id"_s);
        if (!update)
            return std::unexpected(update.error());
        const QVariantList keys{text, endMs, callId, role, startMs};
        for (int i = 0; i < keys.size(); ++i)
            (*update)->bindValue(i, keys.at(i));
        if (auto done = SqlConnection::exec(**update); !done)
            return done;
        if ((*update)->next())
            segmentId = (*update)->value(0).toLongLong();
        (*update)->finish();
    }
    if (inserted)
        ++agg.transcriptDelta;
    if (!text.isEmpty() && segmentId > 0)
        m_ctx.searchRows().add({searchRowId(segmentId, SearchSource::Transcript), tenantId, callId, u"transcript"_s, text});
    return {};
}

std::expected<void, StoreError> Projector::projectFunction(qint64 tenantId, qint64 callId, const CallEvent &event,
                                                           CallAggregate &agg)
{
    const QJsonObject &p = event.payload;
    const QString toolCallId = p.value("toolCallId"_L1).toString();
    if (toolCallId.isEmpty())
        return {}; // kept as an event; nothing to match a start with its end
    const QString name = p.value("name"_L1).toString();
    const bool started = event.kind == EventKind::FunctionStarted;

    // Start and end may arrive in any order: whichever comes first creates the trace.
    auto insert = m_ctx.prepared(
        u"INSERT INTO function_traces (tenant_id, call_id, tool_call_id, name, status) VALUES (?, ?, ?, ?, 'pending') "
        "ON CONFLICT (call_id, tool_call_id) DO NOTHING RETURNING id"_s);
    if (!insert)
        return std::unexpected(insert.error());
    (*insert)->bindValue(0, tenantId);
    (*insert)->bindValue(1, callId);
    (*insert)->bindValue(2, toolCallId);
    (*insert)->bindValue(3, name.isEmpty() ? QVariant() : QVariant(name));
    if (auto done = SqlConnection::exec(**insert); !done)
        return done;
    if ((*insert)->next())
        ++agg.functionCallDelta;
    (*insert)->finish();

    QSqlQuery *update = nullptr;
    if (started) {
        auto statement = m_ctx.prepared(
            u"UPDATE function_traces SET name = COALESCE(?, name), arguments = COALESCE(?, arguments), "
            "start_offset_ms = ?, started_at = ?, "
            "duration_ms = COALESCE(duration_ms, CASE WHEN ended_at IS NULL THEN NULL ELSE ended_at - ? END) "
            "WHERE call_id = ? AND tool_call_id = ? RETURNING id, name, arguments, status"_s);
        if (!statement)
            return std::unexpected(statement.error());
        update = *statement;
        const QVariantList values{name.isEmpty() ? QVariant() : QVariant(name), jsonText(p.value("arguments"_L1)),
                                  optionalOffset(event.offsetMs), event.occurredAtMs, event.occurredAtMs, callId,
                                  toolCallId};
        for (int i = 0; i < values.size(); ++i)
            update->bindValue(i, values.at(i));
    } else {
        const QString status = p.value("status"_L1).toString(u"success"_s);
        if (!functionStatusFromString(status))
            return std::unexpected(StoreError{StoreError::Kind::InvalidArgument,
                                              u"function status \"%1\" is not success, error or timeout"_s.arg(status)});
        auto statement = m_ctx.prepared(
            u"UPDATE function_traces SET name = COALESCE(name, ?), status = ?, result = ?, error = ?, "
            "end_offset_ms = ?, ended_at = ?, "
            "duration_ms = COALESCE(?, CASE WHEN started_at IS NULL THEN NULL ELSE ? - started_at END) "
            "WHERE call_id = ? AND tool_call_id = ? RETURNING id, name, arguments, status"_s);
        if (!statement)
            return std::unexpected(statement.error());
        update = *statement;
        const QVariantList values{name.isEmpty() ? QVariant() : QVariant(name),
                                  status,
                                  jsonText(p.value("result"_L1)),
                                  jsonText(p.value("error"_L1)),
                                  optionalOffset(event.offsetMs),
                                  event.occurredAtMs,
                                  optionalLong(p, "durationMs"_L1),
                                  event.occurredAtMs,
                                  callId,
                                  toolCallId};
        for (int i = 0; i < values.size(); ++i)
            update->bindValue(i, values.at(i));
        if (status != "success"_L1) {
            ++agg.errorDelta;
            m_ctx.changes().kinds |= StoreChanges::Errors;
        }
    }
    if (auto done = SqlConnection::exec(*update); !done)
        return done;
    if (update->next()) {
        const qint64 traceId = update->value(0).toLongLong();
        const QString body = QString(update->value(1).toString() + u' ' + update->value(2).toString()).trimmed();
        if (!body.isEmpty())
            m_ctx.searchRows().add({searchRowId(traceId, SearchSource::Function), tenantId, callId, u"function"_s, body});
    }
    update->finish();
    return {};
}

} // namespace CallScope
