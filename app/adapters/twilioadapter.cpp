// SPDX-License-Identifier: GPL-3.0-or-later
#include "adapter.h"
#include "adapterutil.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

using namespace AdapterUtil;

AdapterError notAForm(const QString &detail)
{
    return AdapterError{u"not a Twilio status callback form: "_s + detail};
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// One name or value of application/x-www-form-urlencoded: '+' is a space, %XX a byte, the bytes UTF-8.
std::expected<QString, AdapterError> decodeComponent(QByteArrayView text)
{
    QByteArray bytes;
    bytes.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            bytes.append(' ');
        } else if (c == '%') {
            const int high = i + 2 < text.size() ? hexValue(text[i + 1]) : -1;
            const int low = high >= 0 ? hexValue(text[i + 2]) : -1;
            if (low < 0)
                return std::unexpected(notAForm(u"a '%' is not followed by two hex digits"_s));
            bytes.append(char(high * 16 + low));
            i += 2;
        } else {
            bytes.append(c);
        }
    }
    return QString::fromUtf8(bytes);
}

// Twilio percent-encodes everything outside printable ASCII, so a raw control byte, a space or a
// byte above 0x7f means the body is something else (binary, JSON written out, a multipart body).
// A repeated name keeps its first value: status callbacks never repeat one.
std::expected<QHash<QString, QString>, AdapterError> parseForm(const QByteArray &body)
{
    const QByteArray text = body.trimmed();
    if (text.isEmpty())
        return std::unexpected(notAForm(u"the body is empty"_s));
    if (text.startsWith('{') || text.startsWith('['))
        return std::unexpected(notAForm(u"the body is JSON"_s));
    for (const char c : text) {
        if (uchar(c) < 0x21 || uchar(c) > 0x7e)
            return std::unexpected(notAForm(u"a raw byte 0x%1 where a form has a percent escape"_s.arg(
                uint(uchar(c)), 2, 16, QChar(u'0'))));
    }
    QHash<QString, QString> fields;
    for (const QByteArray &pair : text.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const auto name =
            decodeComponent(equals < 0 ? QByteArrayView(pair) : QByteArrayView(pair).first(equals));
        if (!name)
            return std::unexpected(name.error());
        if (name->isEmpty())
            return std::unexpected(notAForm(u"a field has no name"_s));
        const auto value =
            decodeComponent(equals < 0 ? QByteArrayView() : QByteArrayView(pair).sliced(equals + 1));
        if (!value)
            return std::unexpected(value.error());
        if (!fields.contains(*name))
            fields.insert(*name, *value);
    }
    return fields;
}

std::optional<CallStatus> statusFor(QStringView callStatus)
{
    if (callStatus == "queued"_L1 || callStatus == "initiated"_L1)
        return CallStatus::Queued;
    if (callStatus == "ringing"_L1)
        return CallStatus::Ringing;
    if (callStatus == "in-progress"_L1 || callStatus == "answered"_L1)
        return CallStatus::InProgress;
    if (callStatus == "completed"_L1 || callStatus == "busy"_L1 || callStatus == "failed"_L1 ||
        callStatus == "no-answer"_L1 || callStatus == "canceled"_L1)
        return CallStatus::Ended;
    return std::nullopt;
}

// A completed call's outcome is its length (the store's duration rule) unless answering-machine
// detection found a machine (machine_start, machine_end_beep, machine_end_silence, machine_end_other).
std::optional<Outcome> outcomeFor(QStringView callStatus, CallStatus status, QStringView answeredBy)
{
    if (callStatus == "busy"_L1)
        return Outcome::Busy;
    if (callStatus == "no-answer"_L1 || callStatus == "canceled"_L1)
        return Outcome::NoAnswer;
    if (callStatus == "failed"_L1)
        return Outcome::Failed;
    if ((status == CallStatus::InProgress || callStatus == "completed"_L1) &&
        answeredBy.startsWith("machine_"_L1))
        return Outcome::Voicemail;
    return std::nullopt;
}

// inbound, outbound-api (REST API) and outbound-dial (a <Dial> child leg).
QString directionFor(QStringView direction)
{
    if (direction == "inbound"_L1)
        return u"inbound"_s;
    if (direction.startsWith("outbound"_L1))
        return u"outbound"_s;
    return {};
}

std::optional<qint64> nonNegative(const QString &text, qint64 limit)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0 || value > limit)
        return std::nullopt;
    return value;
}

} // namespace

AdapterResult adaptTwilio(const QByteArray &body, qint64 receivedAtMs)
{
    const auto form = parseForm(body);
    if (!form)
        return std::unexpected(form.error());
    const auto field = [&form](QLatin1StringView name) { return form->value(QString(name)); };

    const QString callSid = field("CallSid"_L1);
    const QString callStatus = field("CallStatus"_L1);
    const QString sequenceNumber = field("SequenceNumber"_L1);

    AdaptedDelivery delivery;
    delivery.eventType = callStatus;
    delivery.providerCallId = callSid;
    if (callSid.isEmpty()) {
        delivery.eventKey = u"sha256:"_s + sha256Hex(body);
        delivery.attributed = false;
        delivery.unattributedReason = u"the form has no CallSid"_s;
        return delivery;
    }
    // Without SequenceNumber (callbacks configured without call progress events) each status is sent
    // once; without either, only the bytes tell one callback from another.
    if (!sequenceNumber.isEmpty())
        delivery.eventKey = callSid + u':' + sequenceNumber;
    else if (!callStatus.isEmpty())
        delivery.eventKey = callSid + u':' + callStatus;
    else
        delivery.eventKey = callSid + u":sha256:"_s + sha256Hex(body);

    const auto status = statusFor(callStatus);
    if (!status)
        return delivery;

    const auto timestamp = rfc2822ToMs(field("Timestamp"_L1));
    CallEvent event;
    event.provider = Provider::Twilio;
    event.providerCallId = callSid;
    event.twilioCallSid = callSid;
    event.kind = EventKind::CallStatus;
    event.occurredAtMs = timestamp.value_or(receivedAtMs);

    QJsonObject &payload = event.payload;
    payload.insert("status"_L1, toString(*status));
    payload.insert("reason"_L1, callStatus);
    const QString answeredBy = field("AnsweredBy"_L1);
    if (const auto outcome = outcomeFor(callStatus, *status, answeredBy))
        payload.insert("outcome"_L1, toString(*outcome));
    insertIf(payload, u"direction"_s, directionFor(field("Direction"_L1)));
    insertIf(payload, u"fromNumber"_s, field("From"_L1));
    insertIf(payload, u"toNumber"_s, field("To"_L1));
    // Timestamp is when this status happened: the answer for in-progress, the end for a final one.
    if (*status == CallStatus::InProgress)
        insertIf(payload, u"startedAt"_s, timestamp);
    if (*status == CallStatus::Ended) {
        insertIf(payload, u"endedAt"_s, timestamp);
        if (const auto seconds = nonNegative(field("CallDuration"_L1), 1'000'000'000))
            payload.insert("durationMs"_L1, double(*seconds * 1000));
    }
    insertIf(payload, u"sipResponseCode"_s, nonNegative(field("SipResponseCode"_L1), 999));
    insertIf(payload, u"answeredBy"_s, answeredBy);
    insertIf(payload, u"parentCallSid"_s, field("ParentCallSid"_L1));
    delivery.events.append(event);
    return delivery;
}

} // namespace CallScope
