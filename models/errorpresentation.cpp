// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorpresentation.h"

#include "callpresentation.h"

#include <QDateTime>
#include <QLocale>
#include <QPalette>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

QStringList ErrorPresentation::severities()
{
    QStringList mostFirst = errorSeverities();
    std::reverse(mostFirst.begin(), mostFirst.end());
    return mostFirst;
}

int ErrorPresentation::severityRank(const QString &severity)
{
    return errorSeverityRank(severity);
}

QString ErrorPresentation::severity(const QString &severity)
{
    return severitySymbol(severity) + u' ' + severityWord(severity);
}

QString ErrorPresentation::severityWord(const QString &severity)
{
    if (severity == "critical"_L1)
        return tr("Critical");
    if (severity == "high"_L1)
        return tr("High");
    if (severity == "medium"_L1)
        return tr("Medium");
    if (severity == "low"_L1)
        return tr("Low");
    return severity;
}

QString ErrorPresentation::severitySymbol(const QString &severity)
{
    if (severity == "critical"_L1)
        return u"‼"_s;
    if (severity == "high"_L1)
        return u"!"_s;
    if (severity == "medium"_L1)
        return u"•"_s;
    return u"–"_s;
}

QColor ErrorPresentation::severityColor(const QString &severity, const QPalette &palette)
{
    if (severity == "critical"_L1)
        return CallPresentation::errorColor(palette);
    if (severity == "high"_L1)
        return CallPresentation::warningColor(palette);
    if (severity == "low"_L1)
        return palette.color(QPalette::PlaceholderText);
    return palette.color(QPalette::Text);
}

QStringList ErrorPresentation::statuses()
{
    return {u"unresolved"_s, u"resolved"_s, u"ignored"_s};
}

QString ErrorPresentation::status(const QString &status)
{
    return statusSymbol(status) + u' ' + statusWord(status);
}

QString ErrorPresentation::statusWord(const QString &status)
{
    if (status == "unresolved"_L1)
        return tr("Unresolved");
    if (status == "resolved"_L1)
        return tr("Resolved");
    if (status == "ignored"_L1)
        return tr("Ignored");
    return status;
}

QString ErrorPresentation::statusSymbol(const QString &status)
{
    if (status == "unresolved"_L1)
        return u"●"_s;
    if (status == "resolved"_L1)
        return u"✓"_s;
    if (status == "ignored"_L1)
        return u"⊘"_s;
    return u"·"_s;
}

QColor ErrorPresentation::statusColor(const QString &status, const QPalette &palette)
{
    if (status == "resolved"_L1)
        return CallPresentation::functionStatusColor(FunctionStatus::Success, palette);
    if (status == "ignored"_L1)
        return palette.color(QPalette::PlaceholderText);
    return palette.color(QPalette::Text);
}

QString ErrorPresentation::regression()
{
    return tr("↺ Regression");
}

QString ErrorPresentation::statusExplanation(const ErrorGroupRecord &group)
{
    if (group.status == "resolved"_L1)
        return tr("Marked as fixed. If it happens again, it is reopened as a regression.");
    if (group.status == "ignored"_L1) {
        if (!group.ignoreUntilCount && !group.ignoreUntil)
            return tr("Ignored until someone reopens it: new events are only counted.");
        return tr("Ignored %1: until then new events are only counted.").arg(ignoreLimit(group));
    }
    if (group.regression)
        return tr("It was marked as fixed and happened again.");
    return tr("Happening and not dealt with yet.");
}

QString ErrorPresentation::source(const QString &source)
{
    if (source == "function"_L1)
        return tr("Function call");
    if (source == "provider"_L1)
        return tr("Voice platform");
    if (source == "transfer"_L1)
        return tr("Transfer");
    if (source == "backend"_L1)
        return tr("Your backend");
    if (source == "ingest"_L1)
        return tr("Unattributed delivery");
    if (source == "stale"_L1)
        return tr("Call that never ended");
    return source;
}

QString ErrorPresentation::title(const ErrorGroupRecord &group)
{
    return group.code.isEmpty() ? source(group.source) : group.code;
}

QString ErrorPresentation::provider(const QString &provider)
{
    if (provider.isEmpty())
        return {};
    if (const auto known = providerFromString(provider))
        return CallPresentation::provider(*known);
    return provider;
}

QString ErrorPresentation::ago(qint64 epochMs, qint64 nowMs)
{
    const qint64 minutes = std::max<qint64>(0, nowMs - epochMs) / 60'000;
    if (minutes < 1)
        return tr("just now");
    if (minutes < 60)
        return tr("%n min ago", nullptr, int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return tr("%n h ago", nullptr, int(hours));
    return tr("%n d ago", nullptr, int(hours / 24));
}

QString ErrorPresentation::change(const ErrorGroupRecord &group, qint64 nowMs)
{
    if (group.changedBy.isEmpty() || !group.changedAt)
        return {};
    const QString when = ago(*group.changedAt, nowMs);
    if (group.status == "resolved"_L1)
        return tr("Resolved by %1 %2").arg(group.changedBy, when);
    if (group.status == "ignored"_L1)
        return tr("Ignored by %1 %2").arg(group.changedBy, when);
    if (group.regression)
        return tr("Resolved by %1 %2, then it happened again").arg(group.changedBy, when);
    return tr("Reopened by %1 %2").arg(group.changedBy, when);
}

QString ErrorPresentation::ignoreLimit(const ErrorGroupRecord &group)
{
    if (group.status != "ignored"_L1)
        return {};
    QStringList limits;
    if (group.ignoreUntilCount) {
        const qint64 more = std::max<qint64>(0, *group.ignoreUntilCount - group.count);
        limits << (more == 1 ? tr("until it happens once more")
                             : tr("until it happens %n more times", nullptr, int(more)));
    }
    if (group.ignoreUntil)
        limits << tr("until %1")
                      .arg(
                          QLocale().toString(QDateTime::fromMSecsSinceEpoch(*group.ignoreUntil).toLocalTime(),
                                             QLocale::ShortFormat));
    if (limits.isEmpty())
        return tr("forever");
    return limits.join(tr(" or "));
}

} // namespace CallScope
