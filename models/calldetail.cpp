// SPDX-License-Identifier: GPL-3.0-or-later
#include "calldetail.h"

#include "jsontext.h"
#include "storereader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

// Arguments, results and errors are kept as their JSON text; they go out as JSON again.
QJsonValue storedJson(const QByteArray &text)
{
    if (text.isEmpty())
        return QJsonValue::Null;
    return jsonValue(text).value_or(QString::fromUtf8(text));
}

int kindRank(TimelineItem::Kind kind)
{
    switch (kind) {
    case TimelineItem::Kind::Status:
        return 0;
    case TimelineItem::Kind::Flow:
        return 1;
    case TimelineItem::Kind::Transcript:
        return 2;
    case TimelineItem::Kind::Function:
        return 3;
    case TimelineItem::Kind::Error:
        return 4;
    case TimelineItem::Kind::Note:
        return 5;
    }
    return 5;
}

} // namespace

QJsonValue isoOrNull(std::optional<qint64> ms)
{
    if (!ms)
        return QJsonValue::Null;
    return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

std::expected<CallDetail, StoreError> CallDetail::load(StoreReader &reader, TenantId tenant, qint64 callId)
{
    auto call = reader.call(tenant, callId);
    if (!call)
        return std::unexpected(call.error());
    return load(reader, tenant, *call);
}

std::expected<CallDetail, StoreError> CallDetail::load(StoreReader &reader, TenantId tenant,
                                                       const CallSummary &call)
{
    const qint64 callId = call.id;
    auto events = reader.events(tenant, callId);
    if (!events)
        return std::unexpected(events.error());
    auto turns = reader.transcript(tenant, callId);
    if (!turns)
        return std::unexpected(turns.error());
    auto traces = reader.functionTraces(tenant, callId);
    if (!traces)
        return std::unexpected(traces.error());
    auto receipts = reader.receipts(tenant, callId);
    if (!receipts)
        return std::unexpected(receipts.error());

    CallDetail detail;
    detail.summary = call;
    detail.receipts = std::move(*receipts);
    QList<TimelineItem> &items = detail.items;
    items.reserve(turns->size() + traces->size() + events->size() / 4);

    const qint64 start = call.startedAt.value_or(call.sortAt);
    for (const TranscriptTurn &turn : std::as_const(*turns)) {
        TimelineItem item;
        item.kind = TimelineItem::Kind::Transcript;
        item.offsetMs = turn.startMs;
        item.endOffsetMs = turn.endMs;
        item.role = turn.role;
        item.text = turn.text;
        items.append(std::move(item));
    }
    // A provider reports offsets; a backend reports times, placed on the call's axis here (the call's
    // start may have arrived after them).
    const auto onAxis = [start](std::optional<qint64> offset, std::optional<qint64> at) {
        if (offset)
            return offset;
        return at ? std::optional<qint64>(std::max<qint64>(0, *at - start)) : std::nullopt;
    };
    for (TraceRecord &trace : *traces) {
        trace.startOffsetMs = onAxis(trace.startOffsetMs, trace.startedAtMs);
        trace.endOffsetMs = onAxis(trace.endOffsetMs, trace.endedAtMs);
        TimelineItem item;
        item.kind = TimelineItem::Kind::Function;
        item.offsetMs = (trace.startOffsetMs ? trace.startOffsetMs : trace.endOffsetMs).value_or(0);
        item.endOffsetMs = trace.endOffsetMs;
        item.trace = std::move(trace);
        items.append(std::move(item));
    }
    for (const StoredEvent &event : std::as_const(*events)) {
        // Turns and function calls come from their projections; the rest is read here.
        TimelineItem item;
        switch (event.kind) {
        case EventKind::CallStatus:
            item.kind = TimelineItem::Kind::Status;
            break;
        case EventKind::FlowTransition:
            item.kind = TimelineItem::Kind::Flow;
            break;
        case EventKind::Error:
            item.kind = TimelineItem::Kind::Error;
            break;
        case EventKind::Note:
            item.kind = TimelineItem::Kind::Note;
            break;
        case EventKind::CallCost:
        case EventKind::CallAnalysis: {
            const QJsonObject p = QJsonDocument::fromJson(event.payloadJson).object();
            if (const QJsonValue cents = p.value("costCents"_L1); cents.isDouble()) {
                detail.costCents = cents.toDouble();
                detail.currency = p.value("currency"_L1).toString();
            }
            if (const QString text = p.value("summary"_L1).toString(); !text.isEmpty())
                detail.summaryText = text;
            continue;
        }
        default:
            continue;
        }
        const QJsonObject p = QJsonDocument::fromJson(event.payloadJson).object();
        item.offsetMs = event.offsetMs.value_or(std::max<qint64>(0, event.occurredAtMs - start));
        switch (item.kind) {
        case TimelineItem::Kind::Status:
            item.status = p.value("status"_L1).toString();
            item.reason = p.value("reason"_L1).toString();
            if (const QString url = p.value("recordingUrl"_L1).toString(); !url.isEmpty())
                detail.recordingUrl = url;
            if (const QString url = p.value("logUrl"_L1).toString(); !url.isEmpty())
                detail.logUrl = url;
            break;
        case TimelineItem::Kind::Flow:
            item.from = p.value("from"_L1).toString();
            item.to = p.value("to"_L1).toString();
            item.status = p.value("transfer"_L1).toString();
            item.text = p.value("destination"_L1).toString();
            break;
        case TimelineItem::Kind::Error:
            item.code = p.value("code"_L1).toString();
            item.severity = p.value("severity"_L1).toString();
            item.message = p.value("message"_L1).toString();
            break;
        default:
            item.text = p.value("text"_L1).toString();
            break;
        }
        items.append(std::move(item));
    }
    sortTimeline(items);
    return detail;
}

void sortTimeline(QList<TimelineItem> &items)
{
    std::stable_sort(items.begin(), items.end(), [](const TimelineItem &a, const TimelineItem &b) {
        if (a.offsetMs != b.offsetMs)
            return a.offsetMs < b.offsetMs;
        return kindRank(a.kind) < kindRank(b.kind);
    });
}

int CallDetail::turnOf(int functionIndex) const
{
    if (functionIndex < 0 || functionIndex >= items.size())
        return -1;
    // Items are sorted by offset with turns before functions at one offset: the nearest turn before
    // the function in the list is the last one that started at or before it.
    for (int i = functionIndex - 1; i >= 0; --i) {
        if (items.at(i).kind == TimelineItem::Kind::Transcript)
            return i;
    }
    return -1;
}

QList<int> CallDetail::functionsDuring(int turnIndex) const
{
    QList<int> out;
    if (turnIndex < 0 || turnIndex >= items.size() ||
        items.at(turnIndex).kind != TimelineItem::Kind::Transcript)
        return out;
    for (int i = turnIndex + 1; i < items.size() && items.at(i).kind != TimelineItem::Kind::Transcript; ++i) {
        if (items.at(i).kind == TimelineItem::Kind::Function)
            out.append(i);
    }
    return out;
}

qint64 CallDetail::spanMs() const
{
    qint64 span = summary.durationMs.value_or(0);
    for (const TimelineItem &item : items)
        span = std::max(span, item.endOffsetMs.value_or(item.offsetMs));
    return span;
}

QJsonObject callSummaryJson(const CallSummary &call, const QString &tenantSlug)
{
    const QString direction =
        call.direction == "inbound"_L1 || call.direction == "outbound"_L1 || call.direction == "web"_L1
            ? call.direction
            : QString();
    return QJsonObject{{u"id"_s, call.uuid},
                       {u"tenant"_s, tenantSlug},
                       {u"provider"_s, toString(call.provider)},
                       {u"providerCallId"_s, call.providerCallId},
                       {u"direction"_s, textOrNull(direction)},
                       {u"fromNumber"_s, textOrNull(call.fromNumber)},
                       {u"toNumber"_s, textOrNull(call.toNumber)},
                       {u"agent"_s, textOrNull(call.agent)},
                       {u"status"_s, toString(call.status)},
                       {u"outcome"_s, call.outcome ? QJsonValue(toString(*call.outcome)) : QJsonValue::Null},
                       {u"endedReason"_s, textOrNull(call.endedReason)},
                       {u"startedAt"_s, isoOrNull(call.startedAt)},
                       {u"endedAt"_s, isoOrNull(call.endedAt)},
                       {u"durationMs"_s, numberOrNull(call.durationMs)},
                       {u"functionCallCount"_s, call.functionCallCount},
                       {u"errorCount"_s, call.errorCount},
                       {u"transcriptSegmentCount"_s, call.transcriptSegmentCount},
                       {u"stale"_s, call.stale}};
}

QJsonObject timelineItemJson(const TimelineItem &item)
{
    QJsonObject out{{u"offsetMs"_s, double(item.offsetMs)}};
    switch (item.kind) {
    case TimelineItem::Kind::Transcript:
        out.insert(u"kind"_s, u"transcript"_s);
        out.insert(u"role"_s, item.role);
        out.insert(u"text"_s, item.text);
        out.insert(u"endOffsetMs"_s, numberOrNull(item.endOffsetMs));
        break;
    case TimelineItem::Kind::Function: {
        const TraceRecord &trace = item.trace;
        out.insert(u"kind"_s, u"function"_s);
        // Neither start nor end known: the offset is unknown, not 0.
        if (!trace.startOffsetMs && !trace.endOffsetMs)
            out.insert(u"offsetMs"_s, QJsonValue::Null);
        out.insert(u"name"_s, textOrNull(trace.name));
        out.insert(u"toolCallId"_s, trace.toolCallId);
        out.insert(u"status"_s, toString(trace.status));
        out.insert(u"arguments"_s, storedJson(trace.argumentsJson));
        out.insert(u"result"_s, storedJson(trace.resultJson));
        out.insert(u"error"_s, storedJson(trace.errorJson));
        out.insert(u"durationMs"_s, numberOrNull(trace.durationMs));
        out.insert(u"endOffsetMs"_s, numberOrNull(trace.endOffsetMs));
        break;
    }
    case TimelineItem::Kind::Status:
        out.insert(u"kind"_s, u"status"_s);
        out.insert(u"status"_s, item.status);
        out.insert(u"reason"_s, textOrNull(item.reason));
        break;
    case TimelineItem::Kind::Flow:
        out.insert(u"kind"_s, u"flow"_s);
        out.insert(u"from"_s, textOrNull(item.from));
        out.insert(u"to"_s, textOrNull(item.to));
        break;
    case TimelineItem::Kind::Error:
        out.insert(u"kind"_s, u"error"_s);
        out.insert(u"code"_s, textOrNull(item.code));
        out.insert(u"severity"_s, textOrNull(item.severity));
        out.insert(u"message"_s, textOrNull(item.message));
        break;
    case TimelineItem::Kind::Note:
        out.insert(u"kind"_s, u"note"_s);
        out.insert(u"text"_s, textOrNull(item.text));
        break;
    }
    return out;
}

QJsonObject receiptJson(const StoredReceipt &receipt, bool withBody)
{
    QJsonObject out{
        {u"provider"_s, toString(receipt.provider)},
        {u"eventKey"_s, receipt.eventKey},
        {u"receivedAt"_s, isoOrNull(receipt.receivedAtMs)},
        {u"status"_s, receipt.status == ReceiptStatus::Processed ? u"processed"_s : u"unattributed"_s}};
    if (!withBody)
        return out;
    out.insert(u"eventType"_s, textOrNull(receipt.eventType));
    out.insert(u"verification"_s,
               receipt.verification == Verification::Verified ? u"verified"_s : u"unsigned"_s);
    out.insert(u"headers"_s,
               receipt.headersJson.isEmpty() ? QJsonValue(QJsonObject()) : storedJson(receipt.headersJson));
    // A JSON body goes out as JSON; a form (Twilio) or anything else as its text.
    out.insert(u"body"_s, storedJson(receipt.body));
    return out;
}

QJsonObject callBundleJson(const CallDetail &detail, const QString &tenantSlug)
{
    QJsonObject call = callSummaryJson(detail.summary, tenantSlug);
    call.insert(u"recordingUrl"_s, textOrNull(detail.recordingUrl));
    call.insert(u"logUrl"_s, textOrNull(detail.logUrl));
    call.insert(u"costCents"_s, detail.costCents ? QJsonValue(*detail.costCents) : QJsonValue::Null);
    call.insert(u"currency"_s, textOrNull(detail.currency));
    call.insert(u"summary"_s, textOrNull(detail.summaryText));
    QJsonArray timeline;
    for (const TimelineItem &item : detail.items)
        timeline.append(timelineItemJson(item));
    QJsonArray receipts;
    for (const StoredReceipt &receipt : detail.receipts)
        receipts.append(receiptJson(receipt, true));
    return QJsonObject{{u"format"_s, u"callscope-call-bundle/1"_s},
                       {u"call"_s, call},
                       {u"timeline"_s, timeline},
                       {u"receipts"_s, receipts}};
}

} // namespace CallScope
