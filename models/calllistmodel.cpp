// SPDX-License-Identifier: GPL-3.0-or-later
#include "calllistmodel.h"

#include "callpresentation.h"
#include "storereader.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QPalette>
#include <QScopedValueRollback>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

// Ids for one IN list at a time.
constexpr int idsPerRead = 500;

} // namespace

CallListModel::CallListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

CallListModel::~CallListModel() = default;

void CallListModel::setReader(StoreReader *reader, TenantId tenant)
{
    m_reader = reader;
    m_tenant = tenant;
    resetRows();
}

void CallListModel::setFilter(const CallQuery &filter)
{
    m_filter = filter;
    resetRows();
}

void CallListModel::setPageSize(int rows)
{
    m_pageSize = std::clamp(rows, 1, 1000);
}

CallOrder CallListModel::orderOf(int column)
{
    switch (Column(column)) {
    case Provider:
        return CallOrder::Provider;
    case Direction:
        return CallOrder::Direction;
    case Caller:
        return CallOrder::FromNumber;
    case Callee:
        return CallOrder::ToNumber;
    case Agent:
        return CallOrder::Agent;
    case Duration:
        return CallOrder::Duration;
    case Status:
        return CallOrder::Status;
    case Outcome:
        return CallOrder::Outcome;
    case Functions:
        return CallOrder::Functions;
    case Errors:
        return CallOrder::Errors;
    case Started:
    case ColumnCount:
        break;
    }
    return CallOrder::StartedAt;
}

void CallListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    const CallOrder wanted = orderOf(column);
    const bool ascending = order == Qt::AscendingOrder;
    if (wanted == m_order && ascending == m_ascending)
        return;
    m_order = wanted;
    m_ascending = ascending;
    resetRows();
}

std::optional<QList<CallSummary>> CallListModel::read(CallQuery query)
{
    if (!m_reader || !m_tenant.isValid())
        return QList<CallSummary>();
    query.order = m_order;
    query.ascending = m_ascending;
    auto rows = m_reader->calls(m_tenant, query);
    if (!rows) {
        m_lastError = rows.error().message;
        return std::nullopt;
    }
    m_lastError.clear();
    return std::move(*rows);
}

CallQuery CallListModel::pageQuery() const
{
    CallQuery query = m_filter;
    query.ids.reset();
    query.limit = m_pageSize;
    return query;
}

void CallListModel::resetRows()
{
    const QScopedValueRollback changing(m_changing, true);
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_atEnd = true;
    if (auto rows = read(pageQuery())) {
        m_rows = std::move(*rows);
        m_atEnd = m_rows.size() < m_pageSize;
    }
    rebuildIndex(0);
    endResetModel();
}

void CallListModel::rebuildIndex(int fromRow)
{
    for (int row = fromRow; row < m_rows.size(); ++row)
        m_rowOf.insert(m_rows.at(row).id, row);
}

bool CallListModel::canFetchMore(const QModelIndex &parent) const
{
    // Not from inside this model's own change signals (a view or tester reacting to them).
    return !parent.isValid() && !m_atEnd && !m_rows.isEmpty() && !m_changing;
}

void CallListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    CallQuery query = pageQuery();
    const CallSummary &last = m_rows.last();
    if (m_order == CallOrder::StartedAt && !m_ascending) {
        query.beforeSortAt = last.sortAt;
        query.beforeId = last.id;
    } else {
        query.afterKey = orderKey(last, m_order);
        query.afterId = last.id;
    }
    auto rows = read(query);
    if (!rows)
        return;
    m_atEnd = rows->size() < m_pageSize;
    // A call inserted live may already be loaded; it keeps its row.
    rows->removeIf([this](const CallSummary &call) { return m_rowOf.contains(call.id); });
    if (rows->isEmpty())
        return;
    const int first = int(m_rows.size());
    const QScopedValueRollback changing(m_changing, true);
    beginInsertRows({}, first, first + int(rows->size()) - 1);
    m_rows.append(*rows);
    rebuildIndex(first);
    endInsertRows();
}

bool CallListModel::before(const CallSummary &a, const CallSummary &b) const
{
    const QVariant ka = orderKey(a, m_order);
    const QVariant kb = orderKey(b, m_order);
    const QPartialOrdering c = QVariant::compare(ka, kb);
    if (c == QPartialOrdering::Less)
        return m_ascending;
    if (c == QPartialOrdering::Greater)
        return !m_ascending;
    return m_ascending ? a.id < b.id : a.id > b.id;
}

void CallListModel::applyChanges(const StoreChanges &changes)
{
    const QScopedValueRollback changing(m_changing, true);
    if (!m_reader || !m_tenant.isValid() || !(changes.kinds & (StoreChanges::Calls | StoreChanges::Events)))
        return;
    if (!changes.tenantIds.isEmpty() && !changes.tenantIds.contains(m_tenant.value))
        return;
    QList<qint64> known;
    QList<qint64> unknown;
    for (qint64 id : changes.callIds)
        (m_rowOf.contains(id) ? known : unknown).append(id);

    // Loaded calls: re-read without the filter (a call that stops matching stays where the user
    // saw it) and updated in place; one that is no longer listed at all goes.
    for (qsizetype at = 0; at < known.size(); at += idsPerRead) {
        const QList<qint64> ids = known.mid(at, idsPerRead);
        CallQuery query;
        query.ids = ids;
        query.limit = 1000;
        auto rows = read(query);
        if (!rows)
            return;
        QSet<qint64> listed;
        for (const CallSummary &call : std::as_const(*rows)) {
            listed.insert(call.id);
            const int row = m_rowOf.value(call.id, -1);
            if (row < 0)
                continue;
            m_rows[row] = call;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        for (qint64 id : ids) {
            if (listed.contains(id))
                continue;
            const int row = m_rowOf.value(id, -1);
            if (row < 0)
                continue;
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            m_rowOf.remove(id);
            rebuildIndex(row);
            endRemoveRows();
        }
    }

    // New calls that pass the filter, in their place among the loaded rows; one that sorts after
    // the last loaded row comes with a later page.
    for (qsizetype at = 0; at < unknown.size(); at += idsPerRead) {
        CallQuery query = m_filter;
        query.ids = unknown.mid(at, idsPerRead);
        query.limit = 1000;
        auto rows = read(query);
        if (!rows)
            return;
        for (const CallSummary &call : std::as_const(*rows)) {
            const auto it =
                std::lower_bound(m_rows.cbegin(), m_rows.cend(), call,
                                 [this](const CallSummary &a, const CallSummary &b) { return before(a, b); });
            const int row = int(it - m_rows.cbegin());
            if (row == m_rows.size() && !m_atEnd)
                continue;
            beginInsertRows({}, row, row);
            m_rows.insert(row, call);
            rebuildIndex(row);
            endInsertRows();
        }
    }
}

int CallListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CallListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CallListModel::statusText(CallStatus status, bool stale)
{
    const QString name = CallPresentation::callStatus(status);
    return stale ? tr("%1 · stale").arg(name) : name;
}

QString CallListModel::durationText(std::optional<qint64> ms)
{
    if (!ms)
        return {};
    const qint64 seconds = (*ms + 500) / 1000;
    if (seconds >= 3600)
        return u"%1:%2:%3"_s.arg(seconds / 3600)
            .arg((seconds / 60) % 60, 2, 10, QChar(u'0'))
            .arg(seconds % 60, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
}

QVariant CallListModel::display(const CallSummary &call, int column) const
{
    switch (Column(column)) {
    case Started: {
        const QDateTime at =
            QDateTime::fromMSecsSinceEpoch(call.startedAt.value_or(call.sortAt)).toLocalTime();
        const QLocale locale;
        // Today's calls by their time alone; older ones with their date.
        if (at.date() == QDate::currentDate())
            return locale.toString(at.time(), u"HH:mm:ss"_s);
        return QString(locale.toString(at.date(), QLocale::ShortFormat) + u"  "_s +
                       locale.toString(at.time(), u"HH:mm"_s));
    }
    case Provider:
        return CallPresentation::provider(call.provider);
    case Direction:
        return CallPresentation::direction(call.direction);
    case Caller:
        return CallPresentation::listNumber(call.fromNumber);
    case Callee:
        return CallPresentation::listNumber(call.toNumber);
    case Agent:
        return call.agent;
    case Duration:
        return durationText(call.durationMs);
    case Status:
        return statusText(call.status, call.stale);
    case Outcome:
        return call.outcome ? CallPresentation::outcome(*call.outcome) : QString();
    case Functions:
        return call.functionCallCount;
    case Errors:
        return call.errorCount;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CallListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CallSummary &call = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(call, column);
    case SortRole:
        return orderKey(call, orderOf(column));
    case CallIdRole:
        return call.id;
    case OutcomeRole:
        return call.outcome ? toString(*call.outcome) : QString();
    case Qt::TextAlignmentRole:
        if (column == Duration || column == Functions || column == Errors)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == Outcome && call.outcome)
            return CallPresentation::outcomeColor(call.outcome, CallPresentation::appPalette());
        if (column == Errors && call.errorCount > 0)
            return CallPresentation::errorColor(CallPresentation::appPalette());
        if (column == Status && call.stale)
            return CallPresentation::warningColor(CallPresentation::appPalette());
        return {};
    case Qt::DecorationRole:
        // A colour swatch beside the word (never the colour alone).
        if (column == Outcome && call.outcome)
            return CallPresentation::outcomeColor(call.outcome, CallPresentation::appPalette());
        if (column == Status && call.stale)
            return CallPresentation::warningColor(CallPresentation::appPalette());
        return {};
    case Qt::ToolTipRole:
        if (column == Status && call.stale)
            return tr("No event has arrived for this call for a long time although it has not ended: "
                      "a webhook may have been lost.");
        if (column == Outcome && !call.endedReason.isEmpty())
            return tr("Ended reason: %1").arg(call.endedReason);
        if (column == Agent || column == Caller || column == Callee) // in full where the column cuts it
            return display(call, column);
        if (column == Started)
            return QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(call.startedAt.value_or(call.sortAt)).toLocalTime(),
                QLocale::LongFormat);
        return {};
    case Qt::AccessibleTextRole:
        return display(call, column).toString();
    default:
        return {};
    }
}

QVariant CallListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section == Duration || section == Functions || section == Errors
                                        ? Qt::AlignRight
                                        : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Started:
        return tr("Started");
    case Provider:
        return tr("Provider");
    case Direction:
        return tr("Direction");
    case Caller:
        return tr("Caller");
    case Callee:
        return tr("Callee");
    case Agent:
        return tr("Agent");
    case Duration:
        return tr("Duration");
    case Status:
        return tr("Status");
    case Outcome:
        return tr("Outcome");
    case Functions:
        return tr("Functions");
    case Errors:
        return tr("Errors");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace CallScope
