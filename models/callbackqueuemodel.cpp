// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbackqueuemodel.h"

#include "callbackpresentation.h"
#include "callpresentation.h"
#include "storereader.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <QTimer>

#include <tuple>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

// Everything the list or the detail pane shows; a request that differs in none of it keeps its row
// untouched (no dataChanged).
auto shown(const CallbackRecord &r)
{
    return std::tie(r.status, r.urgency, r.callbackNumber, r.callerName, r.concern, r.callUuid, r.callId,
                    r.attempts, r.nextAttemptAt, r.createdAt, r.updatedAt, r.closedAt, r.details, r.lastError,
                    r.cancelReason, r.resolutionNote, r.callStartedAt);
}

constexpr int timesEveryMs = 30'000;

} // namespace

CallbackQueueModel::CallbackQueueModel(QObject *parent)
    : KeyedTableModel(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_coalesce(new QTimer(this))
    , m_ticker(new QTimer(this))
{
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(0);
    connect(m_coalesce, &QTimer::timeout, this, &CallbackQueueModel::refresh);
    m_ticker->setInterval(timesEveryMs);
    connect(m_ticker, &QTimer::timeout, this, &CallbackQueueModel::refreshTimes);
    m_ticker->start();
}

CallbackQueueModel::~CallbackQueueModel() = default;

void CallbackQueueModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refreshTimes();
}

void CallbackQueueModel::setReader(StoreReader *reader, TenantId tenant)
{
    m_reader = reader;
    m_tenant = tenant;
    m_coalesce->stop();
    beginResetModel();
    m_rows.clear();
    if (auto rows = read())
        m_rows = std::move(*rows);
    rebuildIndex();
    endResetModel();
    emit refreshed();
}

QStringList CallbackQueueModel::statusesOf(StateFilter filter)
{
    switch (filter) {
    case StateFilter::Open:
        return CallbackRecord::openCallbackStatuses();
    case StateFilter::Closed:
        return {u"dead"_s, u"cancelled"_s, u"completed"_s};
    case StateFilter::All:
        return {};
    case StateFilter::Pending:
        return {u"pending"_s};
    case StateFilter::Posting:
        return {u"posting"_s};
    case StateFilter::Posted:
        return {u"posted"_s};
    case StateFilter::Failed:
        return {u"failed"_s};
    case StateFilter::Dead:
        return {u"dead"_s};
    case StateFilter::Cancelled:
        return {u"cancelled"_s};
    case StateFilter::Completed:
        break;
    }
    return {u"completed"_s};
}

void CallbackQueueModel::setStateFilter(StateFilter filter)
{
    if (filter == m_stateFilter)
        return;
    m_stateFilter = filter;
    refresh();
}

void CallbackQueueModel::setUrgencyFilter(std::optional<CallScope::Urgency> urgency)
{
    if (urgency == m_urgencyFilter)
        return;
    m_urgencyFilter = urgency;
    refresh();
}

std::optional<QList<CallbackRecord>> CallbackQueueModel::read()
{
    if (!m_reader || !m_tenant.isValid())
        return QList<CallbackRecord>();
    CallbackQuery query;
    query.statuses = statusesOf(m_stateFilter);
    query.urgency = m_urgencyFilter;
    auto rows = m_reader->callbacks(m_tenant, query);
    if (!rows) {
        emit readFailed(rows.error().message);
        return std::nullopt;
    }
    return std::move(*rows);
}

void CallbackQueueModel::applyChanges(const StoreChanges &changes)
{
    if (!m_reader || !m_tenant.isValid() || !(changes.kinds & StoreChanges::Callbacks))
        return;
    if (!changes.tenantIds.isEmpty() && !changes.tenantIds.contains(m_tenant.value))
        return;
    m_coalesce->start();
}

void CallbackQueueModel::refresh()
{
    m_coalesce->stop();
    if (auto rows = read()) {
        applyRows(*rows, [](const CallbackRecord &old, const CallbackRecord &now) {
            return shown(old) == shown(now);
        });
    }
    emit refreshed();
}

void CallbackQueueModel::refreshTimes()
{
    if (m_rows.isEmpty())
        return;
    const int last = int(m_rows.size()) - 1;
    emit dataChanged(index(0, Waiting), index(last, Waiting), {Qt::DisplayRole, Qt::ToolTipRole});
    emit dataChanged(index(0, NextAttempt), index(last, NextAttempt), {Qt::DisplayRole, Qt::ToolTipRole});
}

int CallbackQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CallbackQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallbackQueueModel::display(const CallbackRecord &request, int column) const
{
    switch (Column(column)) {
    case Urgency:
        return CallbackPresentation::urgency(request.urgency);
    case Name:
        return request.callerName.isEmpty() ? tr("no name given") : request.callerName;
    case Number:
        return CallPresentation::listNumber(request.callbackNumber);
    case Concern:
        // Without line breaks in the list; the detail pane has it as written.
        return request.concern.simplified();
    case Waiting:
        return CallbackPresentation::waited(m_clock() - request.createdAt);
    case Attempts:
        return request.attempts;
    case NextAttempt:
        return CallbackPresentation::nextAttempt(request, m_clock());
    case State:
        return CallbackPresentation::state(request.status);
    case FromCall:
        if (request.callStartedAt)
            return CallbackPresentation::moment(*request.callStartedAt, m_clock());
        return {};
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CallbackQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CallbackRecord &request = m_rows.at(index.row());
    const int column = index.column();
    const bool critical = request.urgency == CallScope::Urgency::Critical && request.isOpen();
    switch (role) {
    case Qt::DisplayRole:
        return display(request, column);
    case Qt::AccessibleTextRole:
        return display(request, column).toString();
    case RecordRole:
        return QVariant::fromValue(request);
    case UuidRole:
        return request.uuid;
    case StatusRole:
        return request.status;
    case CallIdRole:
        return request.callId.value_or(0);
    case SortRole:
        switch (Column(column)) {
        case Urgency:
            return int(request.urgency);
        case Name:
            return request.callerName;
        case Number:
            return request.callbackNumber;
        case Concern:
            return request.concern;
        case Waiting:
            return request.createdAt;
        case Attempts:
            return request.attempts;
        case NextAttempt:
            return request.nextAttemptAt ? QVariant(*request.nextAttemptAt) : QVariant();
        case State:
            return request.status;
        case FromCall:
            return request.callStartedAt ? QVariant(*request.callStartedAt) : QVariant();
        case ColumnCount:
            break;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Attempts)
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == Urgency && request.urgency != CallScope::Urgency::Normal)
            return CallbackPresentation::urgencyColor(request.urgency, CallPresentation::appPalette());
        if (column == State)
            return CallbackPresentation::stateColor(request.status, CallPresentation::appPalette());
        if (column == Name && request.callerName.isEmpty())
            return CallPresentation::appPalette().color(QPalette::PlaceholderText);
        return {};
    case Qt::BackgroundRole:
        if (critical)
            return CallbackPresentation::criticalBackground(CallPresentation::appPalette());
        return {};
    case Qt::FontRole:
        if ((column == Urgency && request.urgency != CallScope::Urgency::Normal) ||
            (critical && column == Name)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        switch (Column(column)) {
        case Concern:
            return request.concern.isEmpty() ? QVariant() : QVariant(request.concern);
        case Name:
        case Number:
            return display(request, column);
        case Waiting:
            return tr("Asked at %1")
                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(request.createdAt).toLocalTime(),
                                        QLocale::LongFormat));
        case NextAttempt:
            if (request.status == "failed"_L1 && request.nextAttemptAt)
                return QLocale().toString(
                    QDateTime::fromMSecsSinceEpoch(*request.nextAttemptAt).toLocalTime(),
                    QLocale::LongFormat);
            return {};
        case State:
            return CallbackPresentation::stateExplanation(request.status);
        case Urgency:
        case Attempts:
        case FromCall:
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant CallbackQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section == Attempts ? Qt::AlignHCenter : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Waiting:
            return tr("How long ago the customer asked to be called back");
        case Attempts:
            return tr("How often the request was handed to your front-desk system");
        case NextAttempt:
            return tr("When a failed hand-off is tried again");
        case FromCall:
            return tr("When the call the request came from started");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Urgency:
        return tr("Urgency");
    case Name:
        return tr("Name");
    case Number:
        return tr("Number");
    case Concern:
        return tr("Concern");
    case Waiting:
        return tr("Waiting");
    case Attempts:
        return tr("Attempts");
    case NextAttempt:
        return tr("Next attempt");
    case State:
        return tr("State");
    case FromCall:
        return tr("From call");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace CallScope
