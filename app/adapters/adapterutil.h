// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adapter.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QSet>

#include <optional>
#include <utility>

// Small pure helpers the provider adapters share.
namespace CallScope::AdapterUtil {

// The body as a JSON object, or the error the listener answers 400 invalid_json with.
std::expected<QJsonObject, AdapterError> parseObject(const QByteArray &body);

// ISO 8601 / RFC 3339 with or without fraction and zone ("2026-10-23T09:14:03.120Z",
// "2026-10-23T09:14:03+02:00", "+0200" or "+02" alike; "2026-10-23T09:14:03" taken as UTC, never as
// local time, so the result does not depend on where CallScope runs) → ms since the epoch. Digits
// after the milliseconds are dropped; a zone beyond ±23:59 is no time.
std::optional<qint64> isoToMs(QStringView text);
// RFC 2822 as Twilio sends it ("Tue, 24 Nov 2026 09:14:03 +0000") → ms since the epoch.
std::optional<qint64> rfc2822ToMs(QStringView text);
// A protobuf-JSON or Ultravox duration ("63.2s", "4.000s", "0.5s") → ms.
std::optional<qint64> durationToMs(QStringView text);
// A number or a numeric string (protojson int64 is a string) → its value.
std::optional<qint64> integer(const QJsonValue &value);
std::optional<double> number(const QJsonValue &value);
// Seconds from the call's start (a number or a numeric string) → ms; a value past a year is not a
// time in a call.
std::optional<qint64> secondsToMs(const QJsonValue &value);

// The string at key, empty when there is none.
QString stringAt(const QJsonObject &object, QLatin1StringView key);

// A JSON text (tool arguments often arrive as a string) → its value; other text stays a string.
QJsonValue parseJsonText(const QString &text);
// Tool arguments and results, which arrive as JSON text and sometimes as JSON already: a non-empty
// text as parseJsonText reads it, any other value but null as it is; nothing for null, "" or none.
std::optional<QJsonValue> jsonContent(const QJsonValue &value);
// Hex SHA-256, for idempotency keys of events that have no id of their own.
QString sha256Hex(QByteArrayView data);

// Inserts key: value when the value is known (adapters leave unknown keys out, never null).
void insertIf(QJsonObject &object, const QString &key, const QString &value);
void insertIf(QJsonObject &object, const QString &key, const std::optional<qint64> &value);

// Collects a delivery's events, all of one call. An event at an offset in the call happened at the
// call's start plus that offset, when the start is known; otherwise, and for events without an
// offset, when the delivery says it happened (deliveryAtMs), unless add() is given its time.
class EventBuilder
{
public:
    EventBuilder(Provider provider, const QString &callId, const QString &twilioCallSid,
                 std::optional<qint64> callStartMs, qint64 deliveryAtMs);

    void add(EventKind kind, QJsonObject payload, std::optional<qint64> offsetMs = std::nullopt,
             std::optional<qint64> atMs = std::nullopt);

    std::optional<qint64> callStartMs() const { return m_callStartMs; }
    CallEvents take() { return std::move(m_events); }

private:
    CallEvent m_base;
    std::optional<qint64> m_callStartMs;
    qint64 m_deliveryAtMs = 0;
    CallEvents m_events;
};

// Places a delivery's transcript turns on the call's time line. The store keeps one segment per
// (call, role, startMs) and a second one at the same start replaces the first, so no two turns of a
// role may share a start: claim() moves a start that role already has 1 ms later, until it is free.
// A turn without a time of its own starts where the last one ended (lastEndMs(), 0 at first), so the
// same delivery always yields the same offsets.
class TurnClock
{
public:
    // The start a turn of this role that would begin at startMs gets; that start is then taken.
    qint64 claim(const QString &role, qint64 startMs);
    // Where the time line stands now: the end of what was placed last.
    void ended(qint64 endMs) { m_lastEndMs = endMs; }
    qint64 lastEndMs() const { return m_lastEndMs; }

private:
    QSet<std::pair<QString, qint64>> m_taken;
    qint64 m_lastEndMs = 0;
};

} // namespace CallScope::AdapterUtil
