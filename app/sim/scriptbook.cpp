// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptbook.h"

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Sim {

const ScriptBook &scriptBook(Language language)
{
    return language == Language::German ? germanScriptBook() : englishScriptBook();
}

QString ScriptBook::spokenTime(int minutesOfDay) const
{
    const int hours = minutesOfDay / 60;
    const int minutes = minutesOfDay % 60;
    if (!twelveHourClock)
        return u"%1:%2 Uhr"_s.arg(hours).arg(minutes, 2, 10, QChar(u'0'));
    const int twelve = hours % 12 == 0 ? 12 : hours % 12;
    return u"%1:%2 %3"_s.arg(twelve).arg(minutes, 2, 10, QChar(u'0')).arg(hours < 12 ? u"am"_s : u"pm"_s);
}

QString fill(const QString &text, const QHash<QString, QString> &values)
{
    // One pass, so that a value containing braces is never filled again.
    QString out;
    out.reserve(text.size() + 32);
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = text.indexOf(u'{', i);
        const qsizetype close = open < 0 ? -1 : text.indexOf(u'}', open);
        if (open < 0 || close < 0) {
            out += QStringView(text).sliced(i);
            break;
        }
        out += QStringView(text).sliced(i, open - i);
        const QString key = text.sliced(open + 1, close - open - 1);
        const auto value = values.constFind(key);
        out +=
            value == values.cend() ? QStringView(text).sliced(open, close - open + 1) : QStringView(*value);
        i = close + 1;
    }
    return out;
}

} // namespace CallScope::Sim
