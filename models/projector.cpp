// SPDX-License-Identifier: GPL-3.0-or-later
#include "projector.h"

#include "jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Arguments and results are any JSON; store them as their JSON text (null when absent).
QVariant storedText(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QVariant();
    return QString::fromUtf8(jsonText(value));
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

} // namespace

Projector::Projector(WriteContext &context)
    : m_ctx(context)
{}

std::expected<Projector::Staged, StoreError> Projector::stage(WriteContext &context,
                                                              const IngestSubmission &submission)
{
    Staged staged;
    auto tenant = context.tenantId(submission.tenantSlug);
    if (!tenant)
        return std::unexpected(tenant.error());
    staged.tenantId = *tenant;
    staged.receiptTickets.reserve(submission.units.size());
    for (const IngestUnit &unit : submission.units) {
        if (unit.receipt.eventKey.isEmpty())
            return std::unexpected(
                StoreError{StoreError::Kind::InvalidArgument, u"a receipt has no event key"_s});
        // A receipt belongs to the call of its first event that names one.
        std::optional<CallKey> receiptCall;
        for (const CallEvent &event : unit.events) {
            if (event.providerCallId.isEmpty())
                continue;
            const CallKey key{staged.tenantId, event.provider, event.providerCallId};
            context.requireCall(key, event.occurredAtMs);
            if (!receiptCall)
                receiptCall = key;
        }
        if (!receiptCall && !unit.receipt.providerCallId.isEmpty()) {
            receiptCall = CallKey{staged.tenantId, unit.receipt.provider, unit.receipt.providerCallId};
            context.requireCall(*receiptCall, unit.receipt.receivedAtMs);
        }
        staged.receiptTickets.append(context.stageReceipt(staged.tenantId, receiptCall, &unit.receipt));
    }
    return staged;
}

std::expected<IngestResult, StoreError> Projector::apply(const Staged &staged,
                                                         const IngestSubmission &submission)
{
    IngestResult result;
    for (qsizetype u = 0; u < submission.units.size(); ++u) {
        const std::optional<qint64> receiptId = m_ctx.stagedReceiptId(staged.receiptTickets.at(u));
        result.duplicate << !receiptId.has_value();
        m_ctx.countDelivery(staged.tenantId, submission.units.at(u).receipt.provider, !receiptId.has_value(),
                            submission.units.at(u).receipt.receivedAtMs);
        if (!receiptId) {
            ++result.duplicates;
            continue;
        }
        ++result.accepted;
        const IngestUnit &unit = submission.units.at(u);
        m_receiptProvider = unit.receipt.provider;
        if (unit.receipt.status == ReceiptStatus::Unattributed) {
            // Kept, and raised: never silently dropped.
            ErrorRecord error;
            error.source = u"ingest"_s;
            error.code = u"unattributed"_s;
            error.type = u"unattributed"_s;
            error.message = u"%1 delivery %2 could not be attributed: %3"_s.arg(
                providerDisplayName(unit.receipt.provider), unit.receipt.eventType,
                unit.receipt.unattributedReason.isEmpty() ? u"no call id"_s
                                                          : unit.receipt.unattributedReason);
            error.provider = unit.receipt.provider;
            error.receiptId = *receiptId;
            error.occurredAtMs = unit.receipt.receivedAtMs;
            if (auto recorded = m_ctx.recordError(staged.tenantId, error); !recorded)
                return std::unexpected(recorded.error());
        }
        const CallEvents &events = unit.events;
        for (qsizetype e = 0; e < events.size(); ++e) {
            if (auto done = applyEvent(staged.tenantId, *receiptId, int(e), events.at(e)); !done)
                return std::unexpected(done.error());
        }
    }
    m_ctx.changes().tenantIds.insert(staged.tenantId);
    if (result.accepted > 0)
        m_ctx.changes().kinds |= StoreChanges::Events;
    return result;
}

std::expected<void, StoreError> Projector::applyEvent(qint64 tenantId, qint64 receiptId, int seq,
                                                      const CallEvent &event)
{
    std::optional<qint64> callId;
    CallAggregate *agg = nullptr;
    if (!event.providerCallId.isEmpty()) {
        auto resolved =
            m_ctx.resolveCall(CallKey{tenantId, event.provider, event.providerCallId}, event.occurredAtMs);
        if (!resolved)
            return std::unexpected(resolved.error());
        callId = *resolved;
        auto loaded = m_ctx.aggregate(*callId);
        if (!loaded)
            return std::unexpected(loaded.error());
        agg = *loaded;
        agg->apply(event);
        m_ctx.changes().callIds.insert(*callId);
        m_ctx.changes().kinds |= StoreChanges::Calls;
    }

    m_ctx.events().add({tenantId, callId ? QVariant(*callId) : QVariant(), receiptId, seq,
                        toString(event.provider), toString(event.kind), event.occurredAtMs,
                        optionalOffset(event.offsetMs), QString::fromUtf8(compactJson(event.payload))});

    // Facts that stand without a call.
    switch (event.kind) {
    case EventKind::CallbackRequested:
        return requestCallback(tenantId, callId, event);
    case EventKind::Error:
        return recordErrorEvent(tenantId, callId, receiptId, event);
    default:
        break;
    }
    if (!agg)
        return {};
    switch (event.kind) {
    case EventKind::TranscriptSegment:
        return projectTranscript(tenantId, *callId, event);
    case EventKind::FunctionStarted:
    case EventKind::FunctionFinished:
        return projectFunction(tenantId, *callId, receiptId, event);
    case EventKind::ToolCallLogged:
        return projectToolCallLog(tenantId, *callId, event);
    case EventKind::FlowTransition:
        if (auto done = recordCallFailure(tenantId, *callId, receiptId, event); !done)
            return done;
        return requestCallbackAfterFailedTransfer(tenantId, *agg, event);
    case EventKind::CallStatus:
        return recordCallFailure(tenantId, *callId, receiptId, event);
    default:
        return {};
    }
}

std::expected<void, StoreError> Projector::recordCallFailure(qint64 tenantId, qint64 callId, qint64 receiptId,
                                                             const CallEvent &event)
{
    const QJsonObject &p = event.payload;
    ErrorRecord error;
    if (event.kind == EventKind::CallStatus) {
        if (p.value("outcome"_L1).toString() != "failed"_L1)
            return {};
        const QString reason = p.value("reason"_L1).toString();
        error.source = u"provider"_s;
        error.code = reason.isEmpty() ? u"call_failed"_s : reason.left(200);
        error.type = u"call_failed"_s;
        error.message = reason.isEmpty()
                            ? u"%1 reported the call as failed"_s.arg(providerDisplayName(event.provider))
                            : u"%1 ended the call: %2"_s.arg(providerDisplayName(event.provider), reason);
    } else {
        const QString stage = p.value("transfer"_L1).toString();
        if (stage != "cancelled"_L1 && stage != "failed"_L1)
            return {};
        const QString destination = p.value("destination"_L1).toString();
        error.source = u"transfer"_s;
        error.code = u"transfer_"_s + stage;
        error.type = u"transfer"_s;
        const QString to = destination.isEmpty() ? u"staff"_s : destination.left(200);
        error.message = stage == "failed"_L1 ? u"the transfer to %1 failed"_s.arg(to)
                                             : u"the transfer to %1 was cancelled"_s.arg(to);
    }
    error.provider = event.provider;
    error.callId = callId;
    error.receiptId = receiptId;
    error.offsetMs = event.offsetMs;
    error.occurredAtMs = event.occurredAtMs;
    // Providers repeat the end (Retell's call_ended, then call_analyzed): one error per call.
    error.oncePerCall = true;
    if (auto recorded = m_ctx.recordError(tenantId, error); !recorded)
        return std::unexpected(recorded.error());
    return {};
}

std::expected<void, StoreError> Projector::requestCallbackAfterFailedTransfer(qint64 tenantId,
                                                                              const CallAggregate &call,
                                                                              const CallEvent &event)
{
    const QString stage = event.payload.value("transfer"_L1).toString();
    if (stage != "cancelled"_L1 && stage != "failed"_L1)
        return {};
    // The customer is the caller of an inbound call and the callee of an outbound one; a web call
    // has no number to call back.
    const QString number = call.direction == "outbound"_L1 ? call.toNumber : call.fromNumber;
    static const QRegularExpression phone(u"^\\+?[0-9]{5,20}$"_s);
    if (!phone.match(number).hasMatch())
        return {};
    CallbackRequest request;
    request.callId = call.id;
    request.number = number;
    request.urgency = Urgency::Critical;
    request.source = u"failed_transfer:"_s + QString::number(call.id);
    const QString destination = event.payload.value("destination"_L1).toString();
    request.concern =
        destination.isEmpty() ? u"Transfer to staff failed"_s : u"Transfer to %1 failed"_s.arg(destination);
    request.atMs = event.occurredAtMs;
    request.oncePerSource = true;
    if (auto done = m_ctx.requestCallback(tenantId, request); !done)
        return std::unexpected(done.error());
    return {};
}

std::expected<void, StoreError> Projector::requestCallback(qint64 tenantId, std::optional<qint64> callId,
                                                           const CallEvent &event)
{
    const QJsonObject &p = event.payload;
    CallbackRequest request;
    request.callId = callId;
    request.number = p.value("callbackNumber"_L1).toString();
    request.callerName = p.value("callerName"_L1).toString();
    request.concern = p.value("concern"_L1).toString();
    if (p.value("details"_L1).isObject())
        request.detailsJson = compactJson(p.value("details"_L1).toObject());
    request.urgency = urgencyFromString(p.value("urgency"_L1).toString()).value_or(Urgency::Normal);
    request.source = u"backend"_s;
    request.atMs = event.occurredAtMs;
    if (auto done = m_ctx.requestCallback(tenantId, request); !done)
        return std::unexpected(done.error());
    return {};
}

std::expected<void, StoreError> Projector::recordErrorEvent(qint64 tenantId, std::optional<qint64> callId,
                                                            qint64 receiptId, const CallEvent &event)
{
    const QJsonObject &p = event.payload;
    ErrorRecord error;
    error.source = event.provider == Provider::Backend || m_receiptProvider == Provider::Backend
                       ? u"backend"_s
                       : u"provider"_s;
    error.code = p.value("code"_L1).toString();
    error.type = p.value("type"_L1).toString();
    error.severity = p.value("severity"_L1).toString(); // else the backend source's default
    error.message = p.value("message"_L1).toString();
    error.stack = p.value("stack"_L1).toString();
    error.functionName = p.value("functionName"_L1).toString();
    error.provider = event.provider;
    error.callId = callId;
    error.receiptId = receiptId;
    error.offsetMs = event.offsetMs;
    error.occurredAtMs = event.occurredAtMs;
    if (auto recorded = m_ctx.recordError(tenantId, error); !recorded)
        return std::unexpected(recorded.error());
    return {};
}

std::expected<void, StoreError> Projector::projectToolCallLog(qint64 tenantId, qint64 callId,
                                                              const CallEvent &event)
{
    const QJsonObject &p = event.payload;
    const QString toolCallId = p.value("toolCallId"_L1).toString();
    const QString status = p.value("status"_L1).toString();
    auto insert = m_ctx.prepared(
        u"INSERT INTO tool_call_logs (tenant_id, call_id, tool_call_id, name, status, arguments, "
        "result, error, callback_number, caller_name, occurred_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!insert)
        return std::unexpected(insert.error());
    const QVariantList values{
        tenantId,
        callId,
        toolCallId,
        p.contains("name"_L1) ? QVariant(p.value("name"_L1).toString()) : QVariant(),
        status,
        storedText(p.value("arguments"_L1)),
        storedText(p.value("result"_L1)),
        storedText(p.value("error"_L1)),
        p.contains("callbackNumber"_L1) ? QVariant(p.value("callbackNumber"_L1).toString()) : QVariant(),
        p.contains("callerName"_L1) ? QVariant(p.value("callerName"_L1).toString()) : QVariant(),
        event.occurredAtMs};
    for (int i = 0; i < values.size(); ++i)
        (*insert)->bind(i, values.at(i));
    if (auto done = (*insert)->exec(); !done)
        return done;

    // A failed tool call that carries a callback number, on its start or its failure, in either
    // order, hands the customer to the staff: a critical callback, once per tool call.
    if (status != "started"_L1 && status != "failed"_L1)
        return {};
    auto lookup = m_ctx.prepared(u"SELECT MAX(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), "
                                 u"MAX(callback_number), MAX(caller_name), MAX(name), "
                                 "MAX(CASE WHEN status = 'failed' THEN error END) FROM tool_call_logs "
                                 "WHERE call_id = ? AND tool_call_id = ?"_s);
    if (!lookup)
        return std::unexpected(lookup.error());
    (*lookup)->bind(0, callId);
    (*lookup)->bind(1, toolCallId);
    if (auto done = (*lookup)->exec(); !done)
        return done;
    (*lookup)->next();
    const bool failed = (*lookup)->int64(0) == 1;
    const QString number = (*lookup)->text(1);
    CallbackRequest request;
    request.callerName = (*lookup)->text(2);
    const QString name = (*lookup)->text(3);
    const QJsonObject error = QJsonDocument::fromJson((*lookup)->text(4).toUtf8()).object();
    (*lookup)->finish();
    if (!failed || number.isEmpty())
        return {};
    request.callId = callId;
    request.number = number;
    request.urgency = Urgency::Critical;
    request.source = u"failed_tool_call:"_s + toolCallId;
    request.concern = u"%1 failed: %2"_s.arg(name.isEmpty() ? u"A tool call"_s : name,
                                             error.value("message"_L1).toString(u"no reason given"_s));
    request.atMs = event.occurredAtMs;
    request.oncePerSource = true;
    if (auto done = m_ctx.requestCallback(tenantId, request); !done)
        return std::unexpected(done.error());
    return {};
}

std::expected<void, StoreError> Projector::projectTranscript(qint64 tenantId, qint64 callId,
                                                             const CallEvent &event)
{
    const QJsonObject &p = event.payload;
    PendingSegment segment;
    segment.tenantId = tenantId;
    segment.callId = callId;
    segment.role = p.value("role"_L1).toString();
    segment.text = p.value("text"_L1).toString();
    segment.startMs = qint64(p.value("startMs"_L1).toDouble(double(event.offsetMs.value_or(0))));
    if (const QVariant end = optionalLong(p, "endMs"_L1); end.isValid())
        segment.endMs = end.toLongLong();
    m_ctx.addSegment(std::move(segment));
    return {};
}

std::expected<void, StoreError> Projector::projectFunction(qint64 tenantId, qint64 callId, qint64 receiptId,
                                                           const CallEvent &event)
{
    const QJsonObject &p = event.payload;
    PendingTrace part;
    part.toolCallId = p.value("toolCallId"_L1).toString();
    if (part.toolCallId.isEmpty())
        return {}; // kept as an event; nothing to match a start with its end
    part.tenantId = tenantId;
    part.callId = callId;
    const QString name = p.value("name"_L1).toString();
    const bool started = event.kind == EventKind::FunctionStarted;
    if (started) {
        part.startName = name;
        part.arguments = storedText(p.value("arguments"_L1));
        part.startOffsetMs = event.offsetMs;
        part.startedAt = event.occurredAtMs;
    } else {
        part.finishName = name;
        part.status = p.value("status"_L1).toString(u"success"_s);
        if (!functionStatusFromString(part.status) || part.status == "pending"_L1)
            return std::unexpected(
                StoreError{StoreError::Kind::InvalidArgument,
                           u"function status \"%1\" is not success, error or timeout"_s.arg(part.status)});
        part.result = storedText(p.value("result"_L1));
        part.error = storedText(p.value("error"_L1));
        part.endOffsetMs = event.offsetMs;
        part.endedAt = event.occurredAtMs;
        if (const QVariant duration = optionalLong(p, "durationMs"_L1); duration.isValid())
            part.durationMs = duration.toLongLong();
        if (part.status != "success"_L1) {
            // A failed or timed-out tool call is an error group's occurrence, once per tool call:
            // Retell repeats the whole transcript in call_ended and call_analyzed.
            auto known = m_ctx.traceState(callId, part.toolCallId);
            if (!known)
                return std::unexpected(known.error());
            if (!known->failed) {
                if (auto recorded = recordFunctionFailure(tenantId, callId, receiptId, event, part,
                                                          name.isEmpty() ? known->name : name);
                    !recorded)
                    return recorded;
            }
        }
    }
    m_ctx.addTracePart(part, started);
    return {};
}

std::expected<void, StoreError> Projector::recordFunctionFailure(qint64 tenantId, qint64 callId,
                                                                 qint64 receiptId, const CallEvent &event,
                                                                 const PendingTrace &part,
                                                                 const QString &functionName)
{
    const QJsonValue reported = event.payload.value("error"_L1);
    const bool timedOut = part.status == "timeout"_L1;
    ErrorRecord error;
    error.source = u"function"_s;
    error.type = part.status;
    error.functionName = functionName;
    if (reported.isObject()) {
        const QJsonObject object = reported.toObject();
        error.code = object.value("code"_L1).toVariant().toString();
        error.message = object.value("message"_L1).toString();
        error.stack = object.value("stack"_L1).toString();
        if (error.message.isEmpty())
            error.message = object.value("error"_L1).toString();
    } else if (reported.isString()) {
        error.message = reported.toString();
    }
    if (error.code.isEmpty())
        error.code = timedOut ? u"timeout"_s : u"tool_error"_s;
    if (error.message.isEmpty())
        error.message = timedOut ? u"the tool call timed out"_s : u"the tool call failed"_s;
    error.message = error.message.left(4000);
    error.provider = event.provider;
    error.callId = callId;
    error.receiptId = receiptId;
    error.offsetMs = event.offsetMs;
    error.occurredAtMs = event.occurredAtMs;
    if (auto recorded = m_ctx.recordError(tenantId, error); !recorded)
        return std::unexpected(recorded.error());
    return {};
}

} // namespace CallScope
