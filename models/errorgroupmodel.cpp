// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorgroupmodel.h"

#include "callbackpresentation.h"
#include "callpresentation.h"
#include "errorpresentation.h"
#include "storereader.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <QTimer>

#include <tuple>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

// Everything the list or the detail pane shows of a group; one that differs in none of it (nor in
// its sparkline) keeps its row untouched (no dataChanged).
auto shown(const ErrorGroupRecord &g)
{
    return std::tie(g.code, g.severity, g.status, g.count, g.affectedCalls, g.firstSeen, g.lastSeen,
                    g.functionName, g.provider, g.message, g.regression, g.ignoreUntilCount, g.ignoreUntil,
                    g.changedBy, g.changedAt, g.countInRange, g.source);
}

constexpr int timesEveryMs = 30'000;

qint64 floorHour(qint64 ms)
{
    return ms - ((ms % ErrorGroupModel::hourMs) + ErrorGroupModel::hourMs) % ErrorGroupModel::hourMs;
}

qint64 spanOf(ErrorGroupModel::TimeRange range)
{
    switch (range) {
    case ErrorGroupModel::TimeRange::LastHour:
        return ErrorGroupModel::hourMs;
    case ErrorGroupModel::TimeRange::Last7Days:
        return 7 * 24 * ErrorGroupModel::hourMs;
    case ErrorGroupModel::TimeRange::Last30Days:
        return 30 * 24 * ErrorGroupModel::hourMs;
    case ErrorGroupModel::TimeRange::Last24Hours:
    case ErrorGroupModel::TimeRange::All:
        break;
    }
    return 24 * ErrorGroupModel::hourMs;
}

qint64 total(const QList<qint64> &series)
{
    qint64 sum = 0;
    for (qint64 count : series)
        sum += count;
    return sum;
}

} // namespace

ErrorGroupModel::ErrorGroupModel(QObject *parent)
    : KeyedTableModel(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_coalesce(new QTimer(this))
    , m_ticker(new QTimer(this))
{
    m_query.status = u"unresolved"_s;
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(0);
    connect(m_coalesce, &QTimer::timeout, this, &ErrorGroupModel::refresh);
    m_ticker->setInterval(timesEveryMs);
    connect(m_ticker, &QTimer::timeout, this, &ErrorGroupModel::refreshTimes);
    m_ticker->start();
}

ErrorGroupModel::~ErrorGroupModel() = default;

void ErrorGroupModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refreshTimes();
}

void ErrorGroupModel::setReader(StoreReader *reader, TenantId tenant)
{
    m_reader = reader;
    m_tenant = tenant;
    m_coalesce->stop();
    beginResetModel();
    m_rows.clear();
    m_trends.clear();
    if (auto fresh = read()) {
        m_rows = std::move(fresh->rows);
        m_trends = std::move(fresh->trends);
    }
    rebuildIndex();
    endResetModel();
    m_knownCritical.clear();
    m_critical.clear();
    readCritical(false);
    emit criticalCountChanged(criticalUnresolvedCount());
    emit refreshed();
}

ErrorGroupModel::Filters ErrorGroupModel::filters() const
{
    return {m_query.status, m_query.severity, m_query.provider, m_query.functionName, m_range, m_query.order};
}

void ErrorGroupModel::setFilters(const Filters &filters)
{
    if (filters == this->filters())
        return;
    const bool rangeChanged = filters.range != m_range;
    m_query.status = filters.status;
    m_query.severity = filters.severity;
    m_query.provider = filters.provider;
    m_query.functionName = filters.functionName;
    m_query.order = filters.order;
    m_range = filters.range;
    refresh();
    // The counts' and the sparklines' explanations name the range.
    if (rangeChanged)
        emit headerDataChanged(Qt::Horizontal, Events, Trend);
}

void ErrorGroupModel::setStatusFilter(const QString &status)
{
    Filters f = filters();
    f.status = status;
    setFilters(f);
}

void ErrorGroupModel::setSeverityFilter(const QString &severity)
{
    Filters f = filters();
    f.severity = severity;
    setFilters(f);
}

void ErrorGroupModel::setProviderFilter(const QString &provider)
{
    Filters f = filters();
    f.provider = provider;
    setFilters(f);
}

void ErrorGroupModel::setFunctionFilter(const QString &functionName)
{
    Filters f = filters();
    f.functionName = functionName;
    setFilters(f);
}

void ErrorGroupModel::setTimeRange(TimeRange range)
{
    Filters f = filters();
    f.range = range;
    setFilters(f);
}

void ErrorGroupModel::setOrder(ErrorGroupOrder order)
{
    Filters f = filters();
    f.order = order;
    setFilters(f);
}

bool ErrorGroupModel::hasDefaultFilters() const
{
    return m_query.status == "unresolved"_L1 && m_query.severity.isEmpty() && m_query.provider.isEmpty() &&
           m_query.functionName.isEmpty() && m_range == TimeRange::All;
}

ErrorGroupQuery ErrorGroupModel::query(qint64 nowMs) const
{
    ErrorGroupQuery query = m_query;
    if (m_range != TimeRange::All) {
        query.fromMs = floorHour(nowMs - spanOf(m_range));
        query.toMs = floorHour(nowMs) + hourMs;
    }
    return query;
}

std::pair<qint64, qint64> ErrorGroupModel::trendWindow(qint64 nowMs) const
{
    return {floorHour(nowMs - spanOf(m_range)), floorHour(nowMs) + hourMs};
}

std::optional<ErrorGroupModel::Read> ErrorGroupModel::read()
{
    if (!m_reader || !m_tenant.isValid())
        return Read();
    const qint64 now = m_clock();
    auto rows = m_reader->errorGroups(m_tenant, query(now));
    if (!rows) {
        emit readFailed(rows.error().message);
        return std::nullopt;
    }
    Read fresh;
    fresh.rows = std::move(*rows);
    const auto [from, to] = trendWindow(now);
    const int hours = int((to - from) / hourMs);
    if (!fresh.rows.isEmpty()) {
        // One read for every listed group's sparkline.
        QList<qint64> ids;
        ids.reserve(fresh.rows.size());
        for (const ErrorGroupRecord &group : std::as_const(fresh.rows))
            ids.append(group.id);
        auto counts = m_reader->errorHours(m_tenant, ids, from, to);
        if (!counts) {
            emit readFailed(counts.error().message);
            return std::nullopt;
        }
        for (const ErrorGroupRecord &group : std::as_const(fresh.rows))
            fresh.trends.insert(group.id, QList<qint64>(hours, 0));
        for (const ErrorHourCount &count : std::as_const(*counts)) {
            const qint64 bucket = (count.hourStart - from) / hourMs;
            auto series = fresh.trends.find(count.groupId);
            if (series != fresh.trends.end() && bucket >= 0 && bucket < hours)
                (*series)[bucket] += count.count;
        }
    }
    m_readHour = floorHour(now);
    return fresh;
}

void ErrorGroupModel::readCritical(bool announce)
{
    if (!m_reader || !m_tenant.isValid())
        return;
    ErrorGroupQuery critical;
    critical.severity = u"critical"_s;
    critical.limit = 5000;
    auto groups = m_reader->errorGroups(m_tenant, critical);
    if (!groups) {
        emit readFailed(groups.error().message);
        return;
    }
    QSet<qint64> known;
    QHash<qint64, bool> unresolved; // id -> regression
    QList<ErrorGroupRecord> appeared;
    for (const ErrorGroupRecord &group : std::as_const(*groups)) {
        known.insert(group.id);
        if (group.status != "unresolved"_L1)
            continue;
        unresolved.insert(group.id, group.regression);
        // New, or back as a regression; not one that was reopened by hand or whose ignore ended.
        const bool isNew = !m_knownCritical.contains(group.id);
        const bool regressed = group.regression && !m_critical.value(group.id, false);
        if (announce && (isNew || regressed))
            appeared.append(group);
    }
    const bool countChanged = unresolved.size() != m_critical.size();
    m_knownCritical = std::move(known);
    m_critical = std::move(unresolved);
    if (announce && countChanged)
        emit criticalCountChanged(criticalUnresolvedCount());
    if (!appeared.isEmpty())
        emit criticalGroupsAppeared(appeared);
}

void ErrorGroupModel::applyChanges(const StoreChanges &changes)
{
    if (!m_reader || !m_tenant.isValid() || !(changes.kinds & StoreChanges::Errors))
        return;
    if (!changes.tenantIds.isEmpty() && !changes.tenantIds.contains(m_tenant.value))
        return;
    m_coalesce->start();
}

void ErrorGroupModel::refresh()
{
    m_coalesce->stop();
    if (auto fresh = read())
        applyRead(*fresh);
    readCritical(true);
    emit refreshed();
}

// The groups and their sparklines become those of `fresh`; a group whose trend changed is updated
// like one whose record did.
void ErrorGroupModel::applyRead(const Read &fresh)
{
    const QHash<qint64, QList<qint64>> before = std::exchange(m_trends, fresh.trends);
    applyRows(fresh.rows, [&](const ErrorGroupRecord &old, const ErrorGroupRecord &now) {
        return shown(old) == shown(now) && before.value(old.id) == m_trends.value(now.id);
    });
}

void ErrorGroupModel::refreshTimes()
{
    if (m_rows.isEmpty())
        return;
    if (m_reader && floorHour(m_clock()) != m_readHour) {
        // A new hour: the sparklines and the range's counts move on.
        refresh();
        if (m_rows.isEmpty())
            return;
    }
    const int last = int(m_rows.size()) - 1;
    emit dataChanged(index(0, FirstSeen), index(last, LastSeen), {Qt::DisplayRole, Qt::ToolTipRole});
}

int ErrorGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ErrorGroupModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ErrorGroupModel::display(const ErrorGroupRecord &group, int column) const
{
    switch (Column(column)) {
    case Severity:
        return ErrorPresentation::severity(group.severity);
    case Status:
        if (group.regression && group.status == "unresolved"_L1)
            return QString(ErrorPresentation::status(group.status) + u'\n' + ErrorPresentation::regression());
        return ErrorPresentation::status(group.status);
    case Error: {
        QString what = ErrorPresentation::title(group);
        if (!group.functionName.isEmpty())
            what += u" · "_s + group.functionName;
        // Without line breaks in the list; the detail pane has it as grouped.
        return QString(what + u'\n' + group.message.simplified());
    }
    case Provider:
        return group.provider.isEmpty() ? ErrorPresentation::source(group.source)
                                        : ErrorPresentation::provider(group.provider);
    case Events:
        return QLocale().toString(m_range == TimeRange::All ? group.count : group.countInRange);
    case Calls:
        return QLocale().toString(group.affectedCalls);
    case Trend:
        return {};
    case FirstSeen:
        return CallbackPresentation::moment(group.firstSeen, m_clock());
    case LastSeen:
        return ErrorPresentation::ago(group.lastSeen, m_clock());
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ErrorGroupModel::sortValue(const ErrorGroupRecord &group, int column) const
{
    switch (Column(column)) {
    case Severity:
        return ErrorPresentation::severityRank(group.severity);
    case Status:
        return group.status;
    case Error:
        return group.code;
    case Provider:
        return group.provider;
    case Events:
        return m_range == TimeRange::All ? group.count : group.countInRange;
    case Calls:
        return group.affectedCalls;
    case Trend:
        return total(m_trends.value(group.id));
    case FirstSeen:
        return group.firstSeen;
    case LastSeen:
        return group.lastSeen;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ErrorGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ErrorGroupRecord &group = m_rows.at(index.row());
    const int column = index.column();
    const bool unresolved = group.status == "unresolved"_L1;
    const bool critical = group.severity == "critical"_L1 && unresolved;
    switch (role) {
    case Qt::DisplayRole:
        return display(group, column);
    case Qt::AccessibleTextRole:
        if (column == Trend) {
            const qint64 events = total(m_trends.value(group.id));
            return events == 1 ? tr("1 event in the chart's hours")
                               : tr("%n events in the chart's hours", nullptr, int(events));
        }
        return display(group, column).toString().replace(u'\n', u' ');
    case RecordRole:
        return QVariant::fromValue(group);
    case GroupIdRole:
        return group.id;
    case StatusRole:
        return group.status;
    case SeverityRole:
        return group.severity;
    case TrendRole:
        return QVariant::fromValue(m_trends.value(group.id));
    case SortRole:
        return sortValue(group, column);
    case Qt::TextAlignmentRole:
        if (column == Events || column == Calls)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == Severity)
            return ErrorPresentation::severityColor(group.severity, CallPresentation::appPalette());
        if (column == Status)
            return group.regression && unresolved
                       ? CallPresentation::errorColor(CallPresentation::appPalette())
                       : ErrorPresentation::statusColor(group.status, CallPresentation::appPalette());
        return {};
    case Qt::BackgroundRole:
        if (critical)
            return CallbackPresentation::criticalBackground(CallPresentation::appPalette());
        return {};
    case Qt::FontRole:
        if ((column == Severity && ErrorPresentation::severityRank(group.severity) >= 2) ||
            (column == Status && group.regression && unresolved)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        switch (Column(column)) {
        case Error:
            return group.message.isEmpty() ? QVariant() : QVariant(group.message);
        case Status:
            return ErrorPresentation::statusExplanation(group);
        case Provider:
            return ErrorPresentation::source(group.source);
        case Events:
            if (m_range == TimeRange::All)
                return {};
            return tr("%1 in the selected time range, %2 in all")
                .arg(QLocale().toString(group.countInRange), QLocale().toString(group.count));
        case Trend: {
            const auto [from, to] = trendWindow();
            const qint64 events = total(m_trends.value(group.id));
            const QLocale locale;
            return tr("%1 since %2")
                .arg(events == 1 ? tr("1 event") : tr("%n events", nullptr, int(events)),
                     locale.toString(QDateTime::fromMSecsSinceEpoch(from).toLocalTime(),
                                     QLocale::ShortFormat));
        }
        case FirstSeen:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(group.firstSeen).toLocalTime(),
                                      QLocale::LongFormat);
        case LastSeen:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(group.lastSeen).toLocalTime(),
                                      QLocale::LongFormat);
        case Severity:
        case Calls:
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant ErrorGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
            ((section == Events || section == Calls) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Events:
            return m_range == TimeRange::All ? tr("How often it happened")
                                             : tr("How often it happened in the selected time range");
        case Calls:
            return tr("On how many calls it happened");
        case Trend:
            return m_range == TimeRange::All || m_range == TimeRange::Last24Hours
                       ? tr("Events per hour over the last 24 hours")
                       : tr("Events per hour over the selected time range");
        case FirstSeen:
            return tr("When it happened for the first time");
        case LastSeen:
            return tr("When it happened last");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Severity:
        return tr("Severity");
    case Status:
        return tr("Status");
    case Error:
        return tr("Error");
    case Provider:
        return tr("Provider");
    case Events:
        return tr("Events");
    case Calls:
        return tr("Calls");
    case Trend:
        return tr("Per hour");
    case FirstSeen:
        return tr("First seen");
    case LastSeen:
        return tr("Last seen");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace CallScope
