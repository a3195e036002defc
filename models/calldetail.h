// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QJsonObject>

#include <expected>
#include <optional>

namespace CallScope {

class StoreReader;

// One thing on a call's time axis (offset from the call's start). Transcript turns and function
// traces come from their projections; status changes, flow transitions, errors and notes from the
// events. A backend reports times, not offsets: they are placed on the axis by the call's start.
struct TimelineItem
{
    enum class Kind
    {
        Transcript,
        Function,
        Status,
        Flow,
        Error,
        Note
    };
    Kind kind = Kind::Note;
    qint64 offsetMs = 0;
    std::optional<qint64> endOffsetMs;
    // Transcript: role (agent|user|system) and text. Note: text. Status: status, reason.
    // Flow: from, to (and transfer, destination). Error: code, severity, message.
    QString role;
    QString text;
    QString status;
    QString reason;
    QString from;
    QString to;
    QString code;
    QString severity;
    QString message;
    // Function: the trace with its offsets on the axis (start may be unknown when only the end
    // arrived: offsetMs is then the end).
    TraceRecord trace;
};

// Everything the call timeline, its receipts tab and the export show of one call, read in one go.
struct CallDetail
{
    CallSummary summary;
    QList<TimelineItem> items;     // by offset; items at the same offset keep their kinds' order
    QList<StoredReceipt> receipts; // in arrival order
    QString recordingUrl;
    QString logUrl;
    std::optional<double> costCents;
    QString currency;
    QString summaryText; // the provider's post-call analysis summary, when given

    static std::expected<CallDetail, StoreError> load(StoreReader &reader, TenantId tenant, qint64 callId);
    // The same for a call already read (its summary is not read again).
    static std::expected<CallDetail, StoreError> load(StoreReader &reader, TenantId tenant,
                                                      const CallSummary &call);

    // The transcript turn a function ran during (the last turn that started at or before it), or -1.
    int turnOf(int functionIndex) const;
    // The functions that ran while the turn at `turnIndex` was being spoken or before the next turn.
    QList<int> functionsDuring(int turnIndex) const;
    // How far the axis goes: the call's duration, else the last item's end.
    qint64 spanMs() const;
};

// The one order of a call's timeline: by offset; at one offset what changed the call's state (status,
// flow) first, then what was said, then what ran because of it, errors and notes last.
void sortTimeline(QList<TimelineItem> &items);

// The JSON forms shared by the read API and the export: a CallSummary of the HTTP contract, one
// timeline item, and the export bundle {"call": summary + header fields, "timeline": [...],
// "receipts": [...]} with each receipt's headers and pretty body (secrets were removed at ingest).
QJsonObject callSummaryJson(const CallSummary &call, const QString &tenantSlug);
QJsonObject timelineItemJson(const TimelineItem &item);
QJsonObject receiptJson(const StoredReceipt &receipt, bool withBody);
QJsonObject callBundleJson(const CallDetail &detail, const QString &tenantSlug);

// ISO 8601 UTC with milliseconds, or null.
QJsonValue isoOrNull(std::optional<qint64> ms);

} // namespace CallScope
