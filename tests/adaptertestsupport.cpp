// SPDX-License-Identifier: GPL-3.0-or-later
#include "adaptertestsupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Test {

QStringList kindsOf(const CallEvents &events)
{
    QStringList kinds;
    for (const CallEvent &event : events)
        kinds.append(toString(event.kind));
    return kinds;
}

CallEvents eventsOf(const CallEvents &events, EventKind kind)
{
    CallEvents ofKind;
    for (const CallEvent &event : events) {
        if (event.kind == kind)
            ofKind.append(event);
    }
    return ofKind;
}

QJsonObject onlyPayload(const AdapterResult &result)
{
    if (!result || result->events.size() != 1)
        return {};
    return result->events.first().payload;
}

QString compactJson(const QJsonValue &value)
{
    // Wrapped in an array, since QJsonDocument holds only objects and arrays; the brackets cut off.
    const QString text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    return text.sliced(1, text.size() - 2);
}

QByteArray jsonBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject jsonObject(QAnyStringView json)
{
    return QJsonDocument::fromJson(json.toString().toUtf8()).object();
}

QJsonValue jsonValue(const QString &text)
{
    return QJsonDocument::fromJson(u"[%1]"_s.arg(text).toUtf8()).array().first();
}

void applyChanges(QJsonObject &target, const QJsonObject &changes)
{
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        if (it.value().isNull())
            target.remove(it.key());
        else
            target.insert(it.key(), it.value());
    }
}

QString sha256Hex(QByteArrayView data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString subsetMismatch(const QJsonObject &actual, const QJsonObject &expected)
{
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        const QString context = it.key() + u" in "_s + compactJson(actual);
        if (it.value().isNull()) {
            if (actual.contains(it.key()))
                return u"unexpected "_s + context;
            continue;
        }
        if (!actual.contains(it.key()))
            return u"missing "_s + context;
        const QString value = compactJson(actual.value(it.key()));
        const QString wanted = compactJson(it.value());
        if (value != wanted)
            return u"%1 is %2, expected %3, in %4"_s.arg(it.key(), value, wanted, compactJson(actual));
    }
    return {};
}

} // namespace CallScope::Test
