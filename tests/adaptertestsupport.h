// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the adapter tests (tst_adapter_*) share: reading events, writing and comparing JSON.

#include "adapters/adapter.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QTest>

namespace CallScope::Test {

// The events' kinds, in order, by name.
QStringList kindsOf(const CallEvents &events);
inline QStringList kindsOf(const AdaptedDelivery &delivery)
{
    return kindsOf(delivery.events);
}
// The events of one kind, in order.
CallEvents eventsOf(const CallEvents &events, EventKind kind);
inline CallEvents eventsOf(const AdaptedDelivery &delivery, EventKind kind)
{
    return eventsOf(delivery.events, kind);
}
// The payload of a delivery's only event; empty when the delivery was refused or has more or fewer.
QJsonObject onlyPayload(const AdapterResult &result);

// Any JSON value (a string, a number, an object, ...) as compact JSON text.
QString compactJson(const QJsonValue &value);
// An object as compact JSON, a body to adapt.
QByteArray jsonBytes(const QJsonObject &object);
// JSON text → its object; empty when the text is not an object.
QJsonObject jsonObject(QAnyStringView json);
// JSON text of any value (not only an object or an array) → the value.
QJsonValue jsonValue(const QString &text);
// Each key of changes replaced or added in target; a null removes the key.
void applyChanges(QJsonObject &target, const QJsonObject &changes);
// Hex SHA-256, as the adapters key deliveries that carry no id.
QString sha256Hex(QByteArrayView data);

// Empty when every key of expected has its value in actual (a null in expected: that key must be
// absent), else what differs. See COMPARE_SUBSET.
QString subsetMismatch(const QJsonObject &actual, const QJsonObject &expected);

// The adapter's reason for refusing a body, empty when it was accepted.
template<typename T> QString failureOf(const std::expected<T, AdapterError> &result)
{
    return result ? QString() : result.error().detail;
}

} // namespace CallScope::Test

// Fails the test (in the test function or a void helper) unless every key of expected has its value
// in actual; a null in expected means the key must be absent.
#define COMPARE_SUBSET(actual, expected)                                                                     \
    do {                                                                                                     \
        const QString mismatch_ = CallScope::Test::subsetMismatch(actual, expected);                         \
        QVERIFY2(mismatch_.isEmpty(), qPrintable(mismatch_));                                                \
    } while (false)

// Adapts a body that must be accepted: `name` is the delivery; the test fails with the adapter's
// reason otherwise. `result` is the adapter's call, as adaptRetell(body, receivedAt).
#define REQUIRE_ADAPTED(name, result)                                                                        \
    const CallScope::AdapterResult name##Result = (result);                                                  \
    QVERIFY2(name##Result.has_value(), qPrintable(CallScope::Test::failureOf(name##Result)));                \
    const CallScope::AdaptedDelivery &name = *name##Result
