// SPDX-License-Identifier: GPL-3.0-or-later
#include "backendevents.h"

#include "adapters/adapterutil.h"
#include "jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

using Fail = std::unexpected<QString>;

// Reads the fields of one event, remembering the first problem as a sentence for the client.
class Fields
{
public:
    explicit Fields(const QJsonObject &object)
        : m_object(object)
    {}

    std::expected<QString, QString> text(const char *name, bool required, int maxLength = 2000) const
    {
        const QJsonValue value = m_object.value(QLatin1StringView(name));
        if (value.isUndefined() || value.isNull()) {
            if (required)
                return Fail(u"\"%1\" is missing"_s.arg(QLatin1StringView(name)));
            return QString();
        }
        if (!value.isString())
            return Fail(u"\"%1\" must be a string"_s.arg(QLatin1StringView(name)));
        const QString text = value.toString();
        if (required && text.trimmed().isEmpty())
            return Fail(u"\"%1\" is empty"_s.arg(QLatin1StringView(name)));
        if (text.size() > maxLength)
            return Fail(u"\"%1\" is longer than %2 characters"_s.arg(QLatin1StringView(name)).arg(maxLength));
        return text;
    }

    std::expected<std::optional<qint64>, QString> milliseconds(const char *name, bool required) const
    {
        const QJsonValue value = m_object.value(QLatin1StringView(name));
        if (value.isUndefined() || value.isNull()) {
            if (required)
                return Fail(u"\"%1\" is missing"_s.arg(QLatin1StringView(name)));
            return std::optional<qint64>();
        }
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 1e12)
            return Fail(
                u"\"%1\" must be a number of milliseconds (0 or more)"_s.arg(QLatin1StringView(name)));
        return std::optional<qint64>(qint64(value.toDouble()));
    }

    std::expected<QString, QString> choice(const char *name, const QStringList &allowed, bool required) const
    {
        auto value = text(name, required, 40);
        if (!value)
            return value;
        if (!value->isEmpty() && !allowed.contains(*value))
            return Fail(u"\"%1\" must be one of %2"_s.arg(QLatin1StringView(name), allowed.join(u", "_s)));
        return value;
    }

    QJsonValue value(const char *name) const { return m_object.value(QLatin1StringView(name)); }

private:
    const QJsonObject &m_object;
};

#define TRY(variable, expression)                                                                            \
    auto variable = (expression);                                                                            \
    if (!variable)                                                                                           \
    return Fail(variable.error())

const QStringList urgencies{u"normal"_s, u"urgent"_s, u"critical"_s};

// Keeps a phone number as written but without the spaces, dashes, dots and brackets people put in,
// so that one customer is one callback number.
QString compactNumber(const QString &number)
{
    QString out;
    for (const QChar c : number) {
        if (c.isDigit() || (c == u'+' && out.isEmpty()))
            out += c;
    }
    return out;
}

std::expected<QString, QString> callbackNumber(const Fields &fields, bool required)
{
    TRY(raw, fields.text("callbackNumber", required, 40));
    if (raw->isEmpty())
        return QString();
    const QString number = compactNumber(*raw);
    if (number.size() < 3 || number.size() > 20)
        return Fail(u"\"callbackNumber\" is not a phone number"_s);
    return number;
}

// One event of the batch → the normalized events it stands for.
std::expected<IngestUnit, QString> parseEvent(const QJsonObject &object, qint64 receivedAtMs)
{
    const Fields fields(object);
    TRY(id, fields.text("id", true, 200));
    TRY(type,
        fields.choice("type",
                      {u"tool_call.started"_s, u"tool_call.succeeded"_s, u"tool_call.failed"_s,
                       u"transcript.segment"_s, u"flow.transition"_s, u"error"_s, u"callback.requested"_s},
                      true));
    TRY(occurredAtText, fields.text("occurredAt", true, 64));
    const std::optional<qint64> occurredAt = AdapterUtil::isoToMs(*occurredAtText);
    if (!occurredAt)
        return Fail(u"\"occurredAt\" is not an ISO 8601 time"_s);

    // The call the event belongs to; a backend that only has its own id uses provider "backend".
    CallEvent base;
    base.occurredAtMs = *occurredAt;
    const QJsonValue callValue = fields.value("call");
    const bool needsCall = *type != "callback.requested"_L1;
    if (callValue.isObject()) {
        const QJsonObject call = callValue.toObject();
        const Fields callFields(call);
        TRY(providerName,
            callFields.choice(
                "provider", {u"retell"_s, u"vapi"_s, u"ultravox"_s, u"livekit"_s, u"twilio"_s, u"backend"_s},
                true));
        TRY(providerCallId, callFields.text("providerCallId", true, 200));
        TRY(twilioCallSid, callFields.text("twilioCallSid", false, 64));
        base.provider = *providerFromString(*providerName);
        base.providerCallId = *providerCallId;
        base.twilioCallSid = base.provider == Provider::Twilio ? *providerCallId : *twilioCallSid;
    } else if (!callValue.isUndefined() && !callValue.isNull()) {
        return Fail(u"\"call\" must be an object {provider, providerCallId}"_s);
    } else if (needsCall) {
        return Fail(u"\"call\" is missing: {\"provider\": ..., \"providerCallId\": ...}"_s);
    }

    IngestUnit unit;
    unit.receipt.provider = Provider::Backend;
    unit.receipt.eventKey = *id;
    unit.receipt.eventType = *type;
    unit.receipt.receivedAtMs = receivedAtMs;
    unit.receipt.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    const auto add = [&unit, &base](EventKind kind, QJsonObject payload, std::optional<qint64> offset = {}) {
        CallEvent event = base;
        event.kind = kind;
        event.payload = std::move(payload);
        event.offsetMs = offset;
        unit.events.append(std::move(event));
    };

    if (type->startsWith("tool_call."_L1)) {
        TRY(toolCallId, fields.text("toolCallId", true, 200));
        const QString status = type->section(u'.', 1);
        QJsonObject logged{{u"toolCallId"_s, *toolCallId}, {u"status"_s, status}};
        if (status == "started"_L1) {
            TRY(name, fields.text("name", true, 200));
            const QJsonValue arguments = fields.value("arguments");
            if (!arguments.isUndefined() && !arguments.isNull() && !arguments.isObject())
                return Fail(u"\"arguments\" must be an object"_s);
            TRY(number, callbackNumber(fields, false));
            TRY(callerName, fields.text("callerName", false, 200));
            TRY(urgency, fields.choice("urgency", urgencies, false));
            QJsonObject started{{u"toolCallId"_s, *toolCallId}, {u"name"_s, *name}};
            if (arguments.isObject())
                started.insert(u"arguments"_s, arguments);
            add(EventKind::FunctionStarted, started);
            logged.insert(u"name"_s, *name);
            if (arguments.isObject())
                logged.insert(u"arguments"_s, arguments);
            AdapterUtil::insertIf(logged, u"callbackNumber"_s, *number);
            AdapterUtil::insertIf(logged, u"callerName"_s, *callerName);
            AdapterUtil::insertIf(logged, u"urgency"_s, *urgency);
        } else {
            TRY(duration, fields.milliseconds("durationMs", false));
            QJsonObject finished{{u"toolCallId"_s, *toolCallId}};
            AdapterUtil::insertIf(finished, u"durationMs"_s, *duration);
            if (status == "succeeded"_L1) {
                finished.insert(u"status"_s, u"success"_s);
                if (const QJsonValue result = fields.value("result");
                    !result.isUndefined() && !result.isNull()) {
                    finished.insert(u"result"_s, result);
                    logged.insert(u"result"_s, result);
                }
            } else {
                const QJsonValue error = fields.value("error");
                if (!error.isObject())
                    return Fail(u"\"error\" must be an object {code?, message, stack?}"_s);
                const Fields errorFields(error.toObject());
                TRY(message, errorFields.text("message", true, 4000));
                TRY(code, errorFields.text("code", false, 200));
                TRY(stack, errorFields.text("stack", false, 20000));
                QJsonObject normalized{{u"message"_s, *message}};
                AdapterUtil::insertIf(normalized, u"code"_s, *code);
                AdapterUtil::insertIf(normalized, u"stack"_s, *stack);
                // A backend that gave up waiting reports a failure with code "timeout".
                finished.insert(u"status"_s, *code == "timeout"_L1 ? u"timeout"_s : u"error"_s);
                finished.insert(u"error"_s, normalized);
                TRY(number, callbackNumber(fields, false));
                TRY(callerName, fields.text("callerName", false, 200));
                logged.insert(u"error"_s, normalized);
                AdapterUtil::insertIf(logged, u"callbackNumber"_s, *number);
                AdapterUtil::insertIf(logged, u"callerName"_s, *callerName);
            }
            add(EventKind::FunctionFinished, finished);
        }
        add(EventKind::ToolCallLogged, logged);
    } else if (*type == "transcript.segment"_L1) {
        TRY(role, fields.choice("role", {u"agent"_s, u"user"_s, u"system"_s}, true));
        TRY(text, fields.text("text", true, 20000));
        TRY(start, fields.milliseconds("startMs", true));
        TRY(end, fields.milliseconds("endMs", true));
        if (**end < **start)
            return Fail(u"\"endMs\" is before \"startMs\""_s);
        add(EventKind::TranscriptSegment,
            QJsonObject{{u"role"_s, *role},
                        {u"text"_s, *text},
                        {u"startMs"_s, double(**start)},
                        {u"endMs"_s, double(**end)}},
            **start);
    } else if (*type == "flow.transition"_L1) {
        TRY(from, fields.text("from", true, 200));
        TRY(to, fields.text("to", true, 200));
        add(EventKind::FlowTransition, QJsonObject{{u"from"_s, *from}, {u"to"_s, *to}});
    } else if (*type == "error"_L1) {
        TRY(code, fields.text("code", true, 200));
        TRY(severity, fields.choice("severity", errorSeverities(), true));
        TRY(message, fields.text("message", true, 4000));
        // The spec names it `type`, which the event's own type already is: it travels as errorType.
        TRY(errorType, fields.text("errorType", false, 200));
        TRY(stack, fields.text("stack", false, 20000));
        QJsonObject payload{{u"code"_s, *code}, {u"severity"_s, *severity}, {u"message"_s, *message}};
        AdapterUtil::insertIf(payload, u"type"_s, *errorType);
        AdapterUtil::insertIf(payload, u"stack"_s, *stack);
        add(EventKind::Error, payload);
    } else { // callback.requested
        TRY(number, callbackNumber(fields, true));
        TRY(urgency, fields.choice("urgency", urgencies, true));
        TRY(callerName, fields.text("callerName", false, 200));
        TRY(concern, fields.text("concern", false, 2000));
        const QJsonValue details = fields.value("details");
        if (!details.isUndefined() && !details.isNull() && !details.isObject())
            return Fail(u"\"details\" must be an object"_s);
        QJsonObject payload{{u"callbackNumber"_s, *number}, {u"urgency"_s, *urgency}};
        AdapterUtil::insertIf(payload, u"callerName"_s, *callerName);
        AdapterUtil::insertIf(payload, u"concern"_s, *concern);
        if (details.isObject())
            payload.insert(u"details"_s, details);
        add(EventKind::CallbackRequested, payload);
    }
    return unit;
}

#undef TRY

} // namespace

std::expected<QList<IngestUnit>, BackendEventsError> parseBackendEvents(const QByteArray &body,
                                                                        qint64 receivedAtMs)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        // Qt reads only objects and arrays at the top; a lone string or number is JSON all the same,
        // just not an event.
        if (jsonValue(body))
            return std::unexpected(
                BackendEventsError{-1, u"the body must be an event object or {\"events\": [...]}"_s});
        return std::unexpected(BackendEventsError{
            -1, u"the body is not JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset), true});
    }
    if (!document.isObject())
        return std::unexpected(
            BackendEventsError{-1, u"the body must be an event object or {\"events\": [...]}"_s});
    const QJsonObject root = document.object();
    QJsonArray events;
    if (root.contains("events"_L1)) {
        if (!root.value("events"_L1).isArray())
            return std::unexpected(BackendEventsError{-1, u"\"events\" must be an array"_s});
        events = root.value("events"_L1).toArray();
        if (events.isEmpty())
            return std::unexpected(BackendEventsError{-1, u"\"events\" is empty"_s});
        if (events.size() > maxBackendEventsPerRequest)
            return std::unexpected(BackendEventsError{
                -1, u"at most %1 events per request, not %2"_s.arg(maxBackendEventsPerRequest)
                        .arg(events.size())});
    } else {
        events.append(root);
    }

    QList<IngestUnit> units;
    units.reserve(events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (!events.at(i).isObject())
            return std::unexpected(BackendEventsError{int(i), u"event %1 is not an object"_s.arg(i)});
        auto unit = parseEvent(events.at(i).toObject(), receivedAtMs);
        if (!unit)
            return std::unexpected(BackendEventsError{int(i), u"event %1: %2"_s.arg(i).arg(unit.error())});
        units.append(std::move(*unit));
    }
    return units;
}

} // namespace CallScope
