// SPDX-License-Identifier: GPL-3.0-or-later
#include "callpresentation.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <atomic>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

QString CallPresentation::offset(qint64 ms, qint64 precisionMs)
{
    const bool negative = ms < 0;
    const qint64 magnitude = negative ? -ms : ms;
    const qint64 totalSeconds = magnitude / 1000;
    const qint64 hours = totalSeconds / 3600;
    const qint64 minutes = (totalSeconds / 60) % 60;
    const qint64 seconds = totalSeconds % 60;
    QString text =
        hours > 0 ? u"%1:%2:%3"_s.arg(hours).arg(minutes, 2, 10, QChar(u'0')).arg(seconds, 2, 10, QChar(u'0'))
                  : u"%1:%2"_s.arg(minutes).arg(seconds, 2, 10, QChar(u'0'));
    if (precisionMs < 1000) {
        const int digits = precisionMs >= 100 ? 1 : precisionMs >= 10 ? 2 : 3;
        const qint64 fraction = (magnitude % 1000) / qint64(std::pow(10, 3 - digits));
        text += QLocale().decimalPoint() + u"%1"_s.arg(fraction, digits, 10, QChar(u'0'));
    }
    return negative ? u"−"_s + text : text;
}

QString CallPresentation::duration(qint64 ms)
{
    const QLocale locale;
    if (ms < 0)
        ms = 0;
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 10'000)
        return tr("%1 s").arg(locale.toString(double(ms) / 1000.0, 'f', 1));
    const qint64 seconds = (ms + 500) / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds / 60) % 60, 2, 10, QChar(u'0'));
}

QString CallPresentation::localDateTime(qint64 epochMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(epochMs).toLocalTime();
    const QLocale locale;
    return locale.toString(at.date(), QLocale::ShortFormat) + u' ' + at.time().toString(u"HH:mm:ss"_s);
}

QString CallPresentation::localTime(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs).toLocalTime().time().toString(u"HH:mm:ss.zzz"_s);
}

namespace {
std::atomic_bool maskNumbers = false;
} // namespace

QString CallPresentation::listNumber(const QString &number)
{
    if (!maskNumbers.load(std::memory_order_relaxed))
        return number;
    QString digits;
    for (const QChar c : number) {
        if (c.isDigit())
            digits.append(c);
    }
    if (digits.size() <= 4)
        return number;
    return u"••• "_s + digits.right(4);
}

void CallPresentation::setMaskNumbersInLists(bool mask)
{
    maskNumbers.store(mask, std::memory_order_relaxed);
}

bool CallPresentation::masksNumbersInLists()
{
    return maskNumbers.load(std::memory_order_relaxed);
}

QString CallPresentation::provider(Provider provider)
{
    // The platforms' own names; "Backend" is a word of ours and translated.
    return provider == Provider::Backend ? tr("Backend") : providerDisplayName(provider);
}

QPalette CallPresentation::appPalette()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) ? QGuiApplication::palette()
                                                                         : QPalette();
}

QString CallPresentation::direction(const QString &direction)
{
    if (direction == "inbound"_L1)
        return tr("Inbound");
    if (direction == "outbound"_L1)
        return tr("Outbound");
    if (direction == "web"_L1)
        return tr("Web call");
    return direction;
}

QString CallPresentation::role(const QString &role)
{
    if (role == "agent"_L1)
        return tr("Agent");
    if (role == "user"_L1)
        return tr("User");
    if (role == "system"_L1)
        return tr("System");
    return role.isEmpty() ? tr("Unknown") : role;
}

QString CallPresentation::callStatus(CallStatus status)
{
    switch (status) {
    case CallStatus::Queued:
        return tr("Queued");
    case CallStatus::Ringing:
        return tr("Ringing");
    case CallStatus::InProgress:
        return tr("In progress");
    case CallStatus::Ended:
        break;
    }
    return tr("Ended");
}

QString CallPresentation::callStatus(const QString &status)
{
    if (const auto known = callStatusFromString(status))
        return callStatus(*known);
    return status;
}

QString CallPresentation::outcome(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Completed:
        return tr("Completed");
    case Outcome::NoAnswer:
        return tr("No answer");
    case Outcome::Busy:
        return tr("Busy");
    case Outcome::Failed:
        return tr("Failed");
    case Outcome::Voicemail:
        return tr("Voicemail");
    case Outcome::Transferred:
        break;
    }
    return tr("Transferred");
}

QString CallPresentation::functionStatus(FunctionStatus status)
{
    return functionStatusSymbol(status) + u' ' + functionStatusWord(status);
}

QString CallPresentation::functionStatusWord(FunctionStatus status)
{
    switch (status) {
    case FunctionStatus::Pending:
        return tr("pending");
    case FunctionStatus::Success:
        return tr("success");
    case FunctionStatus::Error:
        return tr("error");
    case FunctionStatus::Timeout:
        break;
    }
    return tr("timeout");
}

QString CallPresentation::functionStatusSymbol(FunctionStatus status)
{
    switch (status) {
    case FunctionStatus::Pending:
        return u"◌"_s;
    case FunctionStatus::Success:
        return u"✓"_s;
    case FunctionStatus::Error:
        return u"✕"_s;
    case FunctionStatus::Timeout:
        break;
    }
    return u"◷"_s;
}

QString CallPresentation::verification(Verification verification)
{
    return verification == Verification::Verified ? tr("✓ Verified") : tr("⚠ Unsigned");
}

QString CallPresentation::receiptStatus(ReceiptStatus status)
{
    return status == ReceiptStatus::Processed ? tr("Processed") : tr("⚠ Unattributed");
}

bool CallPresentation::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor CallPresentation::functionStatusColor(FunctionStatus status, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (status) {
    case FunctionStatus::Pending:
        return dark ? QColor(0x90, 0xa4, 0xc8) : QColor(0x5c, 0x6f, 0x91);
    case FunctionStatus::Success:
        return dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
    case FunctionStatus::Error:
        return errorColor(palette);
    case FunctionStatus::Timeout:
        break;
    }
    return warningColor(palette);
}

QColor CallPresentation::outcomeColor(std::optional<Outcome> outcome, const QPalette &palette)
{
    if (!outcome)
        return functionStatusColor(FunctionStatus::Pending, palette);
    switch (*outcome) {
    case Outcome::Completed:
    case Outcome::Transferred:
        return functionStatusColor(FunctionStatus::Success, palette);
    case Outcome::NoAnswer:
    case Outcome::Busy:
    case Outcome::Voicemail:
        return warningColor(palette);
    case Outcome::Failed:
        break;
    }
    return errorColor(palette);
}

QColor CallPresentation::errorColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
}

QColor CallPresentation::warningColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0xa7, 0x26) : QColor(0xc2, 0x55, 0x00);
}

std::optional<qint64> CallPresentation::functionDuration(const TraceRecord &trace)
{
    if (trace.durationMs)
        return std::max<qint64>(0, *trace.durationMs);
    if (trace.startOffsetMs && trace.endOffsetMs)
        return std::max<qint64>(0, *trace.endOffsetMs - *trace.startOffsetMs);
    return std::nullopt;
}

std::optional<qint64> CallPresentation::functionStart(const TraceRecord &trace)
{
    if (trace.startOffsetMs)
        return trace.startOffsetMs;
    const std::optional<qint64> ran = functionDuration(trace);
    if (trace.endOffsetMs && ran)
        return *trace.endOffsetMs - *ran;
    return std::nullopt;
}

QString CallPresentation::functionLabel(const TimelineItem &item)
{
    const QString name = item.trace.name.isEmpty() ? tr("unnamed function") : item.trace.name;
    if (const auto ran = functionDuration(item.trace))
        return name + u" · "_s + duration(*ran);
    return name;
}

QString CallPresentation::markerLabel(const TimelineItem &item)
{
    switch (item.kind) {
    case TimelineItem::Kind::Status:
        return item.reason.isEmpty() ? callStatus(item.status)
                                     : tr("%1 · %2").arg(callStatus(item.status), item.reason);
    case TimelineItem::Kind::Flow:
        return tr("→ %1").arg(item.to.isEmpty() ? item.text : item.to);
    case TimelineItem::Kind::Error:
        return tr("◆ %1").arg(item.code.isEmpty() ? tr("error") : item.code);
    case TimelineItem::Kind::Note:
        return tr("✎ %1").arg(item.text);
    case TimelineItem::Kind::Transcript:
    case TimelineItem::Kind::Function:
        break;
    }
    return {};
}

} // namespace CallScope
