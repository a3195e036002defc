// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace CallScope {

// Any JSON value — object, array, string, number, boolean — as its compact text, and back. Qt 6.4
// reads only objects and arrays at the top of a document, so scalars travel inside a one-element
// array. Function arguments and results are stored this way, so "42" and 42 stay distinguishable.
QByteArray jsonText(const QJsonValue &value);
// nullopt when `text` is not one JSON value.
std::optional<QJsonValue> jsonValue(QByteArrayView text);

// The API's habit for unknown values: null, never "" or 0.
inline QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}
inline QJsonValue numberOrNull(std::optional<qint64> value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

} // namespace CallScope
