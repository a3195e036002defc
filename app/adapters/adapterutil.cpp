// SPDX-License-Identifier: GPL-3.0-or-later
#include "adapterutil.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::AdapterUtil {

std::expected<QJsonObject, AdapterError> parseObject(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(AdapterError{
            u"the body is not JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset)});
    if (!document.isObject())
        return std::unexpected(AdapterError{u"the body is not a JSON object"_s});
    return document.object();
}

std::optional<qint64> isoToMs(QStringView text)
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        uR"((\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?)"
        uR"((?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)"_s));
    const auto match = pattern.match(text.trimmed().toString());
    if (!match.hasMatch())
        return std::nullopt;
    const auto number = [&match](int group) { return match.capturedView(group).toInt(); };
    const QDate date(number(1), number(2), number(3));
    const QTime time(number(4), number(5), number(6));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    qint64 ms = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
    if (const QString fraction = match.captured(7); !fraction.isEmpty())
        ms += QString(fraction + u"00"_s).left(3).toLongLong();
    if (match.hasCaptured(9)) {
        const int hours = number(10);
        const int minutes = match.hasCaptured(11) ? number(11) : 0;
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        ms -= (match.capturedView(9) == u"-" ? -1 : 1) * qint64(hours * 60 + minutes) * 60'000;
    }
    return ms;
}

std::optional<qint64> rfc2822ToMs(QStringView text)
{
    const QDateTime parsed = QDateTime::fromString(text.trimmed().toString(), Qt::RFC2822Date);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toMSecsSinceEpoch();
}

std::optional<qint64> durationToMs(QStringView text)
{
    static const QRegularExpression pattern(u"^(-?\\d+(?:\\.\\d+)?)s$"_s);
    const auto match = pattern.match(text.trimmed().toString());
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double seconds = match.captured(1).toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 1e9)
        return std::nullopt;
    return qint64(seconds * 1000.0 + 0.5);
}

std::optional<qint64> integer(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d > -9.0e15 && d < 9.0e15)
            return qint64(d);
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 n = value.toString().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

std::optional<double> number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

std::optional<qint64> secondsToMs(const QJsonValue &value)
{
    const auto seconds = number(value);
    if (!seconds || !std::isfinite(*seconds) || *seconds < 0 || *seconds > 31'536'000.0)
        return std::nullopt;
    return std::llround(*seconds * 1000.0);
}

QString stringAt(const QJsonObject &object, QLatin1StringView key)
{
    return object.value(key).toString();
}

QJsonValue parseJsonText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u'{') || trimmed.startsWith(u'[')) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError)
            return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    }
    return text;
}

std::optional<QJsonValue> jsonContent(const QJsonValue &value)
{
    if (value.isString() && !value.toString().isEmpty())
        return parseJsonText(value.toString());
    if (value.isObject() || value.isArray() || value.isBool() || value.isDouble())
        return value;
    return std::nullopt;
}

QString sha256Hex(QByteArrayView data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

void insertIf(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

void insertIf(QJsonObject &object, const QString &key, const std::optional<qint64> &value)
{
    if (value)
        object.insert(key, double(*value));
}

EventBuilder::EventBuilder(Provider provider, const QString &callId, const QString &twilioCallSid,
                           std::optional<qint64> callStartMs, qint64 deliveryAtMs)
    : m_callStartMs(callStartMs)
    , m_deliveryAtMs(deliveryAtMs)
{
    m_base.provider = provider;
    m_base.providerCallId = callId;
    m_base.twilioCallSid = twilioCallSid;
}

void EventBuilder::add(EventKind kind, QJsonObject payload, std::optional<qint64> offsetMs,
                       std::optional<qint64> atMs)
{
    CallEvent event = m_base;
    event.kind = kind;
    event.offsetMs = offsetMs;
    event.payload = std::move(payload);
    event.occurredAtMs = atMs                        ? *atMs
                         : offsetMs && m_callStartMs ? *m_callStartMs + *offsetMs
                                                     : m_deliveryAtMs;
    m_events.append(std::move(event));
}

qint64 TurnClock::claim(const QString &role, qint64 startMs)
{
    while (m_taken.contains({role, startMs}))
        ++startMs;
    m_taken.insert({role, startMs});
    return startMs;
}

} // namespace CallScope::AdapterUtil
