// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbackpresentation.h"

#include "callpresentation.h"

#include <QDateTime>
#include <QLocale>
#include <QPalette>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

QColor mix(const QColor &base, const QColor &tint, qreal amount)
{
    return QColor::fromRgbF(float(base.redF() + (tint.redF() - base.redF()) * amount),
                            float(base.greenF() + (tint.greenF() - base.greenF()) * amount),
                            float(base.blueF() + (tint.blueF() - base.blueF()) * amount));
}

} // namespace

QString CallbackPresentation::who(const CallbackRecord &request)
{
    return request.callerName.isEmpty() ? request.callbackNumber : request.callerName;
}

QString CallbackPresentation::urgency(Urgency urgency)
{
    return urgencySymbol(urgency) + u' ' + urgencyWord(urgency);
}

QString CallbackPresentation::urgencyWord(Urgency urgency)
{
    switch (urgency) {
    case Urgency::Critical:
        return tr("Critical");
    case Urgency::Urgent:
        return tr("Urgent");
    case Urgency::Normal:
        break;
    }
    return tr("Normal");
}

QString CallbackPresentation::urgencySymbol(Urgency urgency)
{
    switch (urgency) {
    case Urgency::Critical:
        return u"‼"_s;
    case Urgency::Urgent:
        return u"!"_s;
    case Urgency::Normal:
        break;
    }
    return u"–"_s;
}

QColor CallbackPresentation::urgencyColor(Urgency urgency, const QPalette &palette)
{
    switch (urgency) {
    case Urgency::Critical:
        return CallPresentation::errorColor(palette);
    case Urgency::Urgent:
        return CallPresentation::warningColor(palette);
    case Urgency::Normal:
        break;
    }
    return palette.color(QPalette::Text);
}

QColor CallbackPresentation::criticalBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), CallPresentation::errorColor(palette),
               CallPresentation::isDark(palette) ? 0.22 : 0.10);
}

QString CallbackPresentation::state(const QString &status)
{
    return stateSymbol(status) + u' ' + stateWord(status);
}

QString CallbackPresentation::stateWord(const QString &status)
{
    if (status == "pending"_L1)
        return tr("New");
    if (status == "posting"_L1)
        return tr("Handing over…");
    if (status == "posted"_L1)
        return tr("Handed over");
    if (status == "failed"_L1)
        return tr("Hand-off failed");
    if (status == "dead"_L1)
        return tr("Hand-off given up");
    if (status == "cancelled"_L1)
        return tr("Cancelled");
    if (status == "completed"_L1)
        return tr("Done");
    return status;
}

QString CallbackPresentation::stateSymbol(const QString &status)
{
    if (status == "pending"_L1)
        return u"○"_s;
    if (status == "posting"_L1)
        return u"↻"_s;
    if (status == "posted"_L1)
        return u"✓"_s;
    if (status == "failed"_L1)
        return u"⚠"_s;
    if (status == "dead"_L1)
        return u"✕"_s;
    if (status == "cancelled"_L1)
        return u"⊘"_s;
    if (status == "completed"_L1)
        return u"✔"_s;
    return u"·"_s;
}

QString CallbackPresentation::stateExplanation(const QString &status)
{
    if (status == "pending"_L1)
        return tr("Waiting to be called back; not handed to your front-desk system yet.");
    if (status == "posting"_L1)
        return tr("Being handed to your front-desk system right now.");
    if (status == "posted"_L1)
        return tr("Handed to your front-desk system. Mark it done once the customer has been called back.");
    if (status == "failed"_L1)
        return tr("Handing it to your front-desk system failed; it is tried again automatically. Call the "
                  "customer yourself or retry now.");
    if (status == "dead"_L1)
        return tr("Handing it to your front-desk system failed too often and is no longer tried. Call the "
                  "customer yourself, or retry once the system works again.");
    if (status == "cancelled"_L1)
        return tr("Cancelled by staff: no callback is needed.");
    if (status == "completed"_L1)
        return tr("Done: the customer has been called back.");
    return {};
}

QColor CallbackPresentation::stateColor(const QString &status, const QPalette &palette)
{
    if (status == "posted"_L1 || status == "completed"_L1)
        return CallPresentation::functionStatusColor(FunctionStatus::Success, palette);
    if (status == "failed"_L1)
        return CallPresentation::warningColor(palette);
    if (status == "dead"_L1)
        return CallPresentation::errorColor(palette);
    if (status == "cancelled"_L1)
        return palette.color(QPalette::PlaceholderText);
    return CallPresentation::functionStatusColor(FunctionStatus::Pending, palette);
}

QString CallbackPresentation::waited(qint64 ms)
{
    const qint64 minutes = std::max<qint64>(0, ms) / 60'000;
    if (minutes < 1)
        return tr("just now");
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return minutes % 60 ? tr("%1 h %2 min").arg(hours).arg(minutes % 60) : tr("%1 h").arg(hours);
    return hours % 24 ? tr("%1 d %2 h").arg(hours / 24).arg(hours % 24) : tr("%1 d").arg(hours / 24);
}

QString CallbackPresentation::nextAttempt(const CallbackRecord &request, qint64 nowMs)
{
    if (request.status == "posting"_L1)
        return tr("now");
    if (request.status != "failed"_L1 || !request.nextAttemptAt)
        return {};
    const qint64 left = *request.nextAttemptAt - nowMs;
    if (left < 60'000)
        return tr("due now");
    // Rounded up: "in 1 min" until the minute is over, never "in 0 min".
    return tr("in %1").arg(waited(left + 59'999));
}

QString CallbackPresentation::moment(qint64 epochMs, qint64 nowMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(epochMs).toLocalTime();
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).toLocalTime().date();
    const QLocale locale;
    const QString time = locale.toString(at.time(), u"HH:mm"_s);
    if (at.date() == today)
        return time;
    if (at.date() == today.addDays(-1))
        return tr("Yesterday %1").arg(time);
    return locale.toString(at.date(), QLocale::ShortFormat) + u' ' + time;
}

QString CallbackPresentation::actor(const CallbackHistoryEntry &entry)
{
    if (entry.action == "attempt"_L1)
        return tr("Hand-off");
    if (entry.actor == "backend"_L1)
        return tr("Voice agent");
    if (entry.actor.startsWith("failed_tool_call"_L1))
        return tr("Failed transfer");
    if (entry.actor == "api"_L1)
        return tr("API");
    if (entry.actor == "staff"_L1)
        return tr("Staff");
    // The dispatcher names itself host#pid#serial: the host is what a person recognises.
    if (entry.action == "released"_L1)
        return tr("Hand-off");
    return entry.actor.isEmpty() ? tr("Unknown") : entry.actor;
}

QString CallbackPresentation::historyText(const CallbackHistoryEntry &entry, bool withConcern)
{
    const QString &detail = entry.detail;
    if (entry.action == "requested"_L1 || entry.action == "merged"_L1) {
        // The store writes "urgency <name>" and the concern after ": ".
        QString urgencyName;
        QString concern = detail;
        if (detail.startsWith("urgency "_L1)) {
            const qsizetype colon = detail.indexOf(": "_L1);
            urgencyName = detail.mid(8, colon < 0 ? -1 : colon - 8);
            concern = colon < 0 ? QString() : detail.mid(colon + 2);
        }
        const QString level = urgencyFromString(urgencyName)
                                  .transform([](Urgency u) { return urgencyWord(u); })
                                  .value_or(urgencyName);
        const bool merged = entry.action == "merged"_L1;
        const QString what =
            merged ? (level.isEmpty() ? tr("Asked again") : tr("Asked again (%1)").arg(level))
                   : (level.isEmpty() ? tr("Request received") : tr("Request received (%1)").arg(level));
        return concern.isEmpty() || !withConcern ? what : tr("%1: %2").arg(what, concern);
    }
    if (entry.action == "retry"_L1)
        return tr("Retry now");
    if (entry.action == "cancel"_L1)
        return detail.isEmpty() ? tr("Cancelled") : tr("Cancelled: %1").arg(detail);
    if (entry.action == "complete"_L1)
        return detail.isEmpty() ? tr("Marked done") : tr("Marked done: %1").arg(detail);
    if (entry.action == "dial"_L1)
        return detail.isEmpty() ? tr("Dialled") : tr("Dialled %1").arg(detail);
    if (entry.action == "released"_L1)
        return tr("Hand-off interrupted (%1 stopped); it is tried again").arg(detail);
    if (entry.action == "attempt"_L1) {
        // The error usually names the status already ("the frontend answered HTTP 500: ...").
        QString http = entry.httpStatus ? tr("HTTP %1").arg(*entry.httpStatus) : QString();
        if (entry.httpStatus && detail.contains(u"HTTP %1"_s.arg(*entry.httpStatus)))
            http.clear();
        if (entry.result == "posted"_L1)
            return http.isEmpty() ? tr("Hand-off attempt %1: handed over").arg(entry.attempt)
                                  : tr("Hand-off attempt %1: handed over (%2)").arg(entry.attempt).arg(http);
        if (entry.result == "failed"_L1) {
            QString what = http.isEmpty()
                               ? tr("Hand-off attempt %1 failed").arg(entry.attempt)
                               : tr("Hand-off attempt %1 failed (%2)").arg(entry.attempt).arg(http);
            return detail.isEmpty() ? what : tr("%1: %2").arg(what, detail);
        }
        if (entry.result == "abandoned"_L1)
            return tr("Hand-off attempt %1 interrupted").arg(entry.attempt);
        return tr("Hand-off attempt %1 in progress…").arg(entry.attempt);
    }
    return detail.isEmpty() ? entry.action : tr("%1: %2").arg(entry.action, detail);
}

} // namespace CallScope
