// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorfingerprint.h"

#include <QCryptographicHash>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::ErrorFingerprint {

QString maskMessage(const QString &message)
{
    // A number as people write it, not digits inside a word (a CallSid is an id, not a phone).
    static const QRegularExpression phone(
        u"(?<![\\p{L}\\p{N}_])\\+?\\(?\\d[\\d ()./-]{6,}\\d(?![\\p{L}\\p{N}_])"_s);
    static const QRegularExpression word(u"[\\p{L}\\p{N}_-]*\\d[\\p{L}\\p{N}_-]*"_s);
    static const QRegularExpression number(u"^\\d+$"_s);
    QString masked = message;
    masked.replace(phone, u"<phone>"_s);
    QString out;
    qsizetype last = 0;
    for (auto it = word.globalMatch(masked); it.hasNext();) {
        const auto match = it.next();
        out += QStringView(masked).mid(last, match.capturedStart() - last);
        out += number.match(match.captured()).hasMatch() ? u"<n>"_s : u"<id>"_s;
        last = match.capturedEnd();
    }
    out += QStringView(masked).mid(last);
    return out.simplified();
}

QString functionWithoutVersion(const QString &name)
{
    static const QRegularExpression version(u"_v\\d+$"_s, QRegularExpression::CaseInsensitiveOption);
    return QString(name).remove(version);
}

Fingerprint compute(const QString &source, const QString &code, const QString &functionName,
                    const QString &message)
{
    Fingerprint fingerprint{QString(), functionWithoutVersion(functionName), maskMessage(message)};
    const QString key =
        source + u'\x1f' + code + u'\x1f' + fingerprint.functionName + u'\x1f' + fingerprint.maskedMessage;
    fingerprint.hash = QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
    return fingerprint;
}

QString of(const QString &source, const QString &code, const QString &functionName, const QString &message)
{
    return compute(source, code, functionName, message).hash;
}

} // namespace CallScope::ErrorFingerprint
