// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorsview.h"

#include "appicon.h"
#include "callbackpresentation.h"
#include "emptystatepage.h"
#include "errordetailpane.h"
#include "errorgroupdelegate.h"
#include "errorpresentation.h"
#include "ignoreerrordialog.h"
#include "messagebar.h"
#include "recordtable.h"
#include "storereader.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

using TimeRange = ErrorGroupModel::TimeRange;

// Why the store refused, for the person looking at the list.
QString reasonOf(const StoreError &error)
{
    switch (error.kind) {
    case StoreError::Kind::Conflict:
        return ErrorsView::tr("it was changed in the meantime (%1); the list shows it as it is now")
            .arg(error.message);
    case StoreError::Kind::NotFound:
        return ErrorsView::tr("it no longer exists");
    case StoreError::Kind::Unavailable:
    case StoreError::Kind::ShuttingDown:
        return ErrorsView::tr("the database cannot take changes right now (%1)").arg(error.message);
    default:
        break;
    }
    return error.message;
}

// Everything the detail pane shows of the group itself: when none of it changed, a refresh does not
// read its events and calls again.
bool sameForPane(const ErrorGroupRecord &a, const ErrorGroupRecord &b)
{
    return a.id == b.id && a.count == b.count && a.lastSeen == b.lastSeen && a.status == b.status &&
           a.regression == b.regression && a.changedAt == b.changedAt && a.affectedCalls == b.affectedCalls &&
           a.ignoreUntil == b.ignoreUntil && a.ignoreUntilCount == b.ignoreUntilCount;
}

} // namespace

ErrorsView::ErrorsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new ErrorGroupModel(this))
    , m_errors(new MessageBar(this))
    , m_resolve(new QAction(this))
    , m_ignore(new QAction(this))
    , m_reopen(new QAction(this))
    , m_controls(new QWidget(this))
    , m_statusFilter(new QComboBox(m_controls))
    , m_severityFilter(new QComboBox(m_controls))
    , m_providerFilter(new QComboBox(m_controls))
    , m_functionFilter(new QComboBox(m_controls))
    , m_rangeFilter(new QComboBox(m_controls))
    , m_order(new QComboBox(m_controls))
    , m_count(new QLabel(m_controls))
    , m_body(new QStackedWidget(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_table(new QTableView(this))
    , m_detail(new ErrorDetailPane(this))
    , m_empty(new EmptyStatePage(this))
{
    setObjectName(u"errorsView"_s);
    m_errors->setObjectName(u"errorMessages"_s);
    m_resolve->setObjectName(u"resolveErrorAction"_s);
    m_ignore->setObjectName(u"ignoreErrorAction"_s);
    m_reopen->setObjectName(u"reopenErrorAction"_s);
    m_statusFilter->setObjectName(u"errorStatusFilter"_s);
    m_severityFilter->setObjectName(u"errorSeverityFilter"_s);
    m_providerFilter->setObjectName(u"errorProviderFilter"_s);
    m_functionFilter->setObjectName(u"errorFunctionFilter"_s);
    m_rangeFilter->setObjectName(u"errorTimeRange"_s);
    m_order->setObjectName(u"errorOrder"_s);
    m_count->setObjectName(u"errorCount"_s);
    m_table->setObjectName(u"errorTable"_s);
    m_empty->setObjectName(u"errorEmptyState"_s);

    m_resolve->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_ignore->setShortcut(Qt::CTRL | Qt::Key_I);
    m_reopen->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    updateIcons();

    // The actions and the filters, hidden while there is no error at all.
    auto *controls = new QVBoxLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->setSpacing(8);
    auto *actions = new QHBoxLayout;
    actions->setSpacing(6);
    for (QAction *action : {m_resolve, m_ignore, m_reopen}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        auto *button = new QToolButton(m_controls);
        button->setObjectName(action->objectName() + u"Button"_s);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setIconSize(QSize(18, 18));
        actions->addWidget(button);
    }
    actions->addStretch(1);
    actions->addWidget(m_count);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(6);
    for (QComboBox *box :
         {m_statusFilter, m_severityFilter, m_providerFilter, m_functionFilter, m_rangeFilter, m_order}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        filters->addWidget(box);
        if (box == m_functionFilter)
            filters->addSpacing(10); // what is listed | which events count and in which order
        connect(box, &QComboBox::activated, this, &ErrorsView::applyFilters);
    }
    filters->addStretch(1);

    // The error takes what the short facts leave; its full message is below, in the detail pane.
    setUpListTable(m_table, m_model, ErrorGroupModel::Error, 2);
    m_table->setItemDelegate(new ErrorGroupDelegate(m_table));

    m_splitter->setObjectName(u"errorSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_body->addWidget(m_splitter);
    m_body->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 0);
    layout->setSpacing(8);
    layout->addWidget(m_errors);
    controls->addLayout(actions);
    controls->addLayout(filters);
    layout->addWidget(m_controls);
    layout->addWidget(m_body, 1);

    connect(m_resolve, &QAction::triggered, this, &ErrorsView::resolveGroup);
    connect(m_ignore, &QAction::triggered, this, &ErrorsView::ignoreGroup);
    connect(m_reopen, &QAction::triggered, this, &ErrorsView::reopenGroup);
    connect(m_detail, &ErrorDetailPane::callRequested, this, &ErrorsView::openCallOf);
    // Enter and a double click open the call of the latest event, at the error.
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        for (const ErrorEventRecord &event : m_detail->samples()) {
            if (event.callId) {
                openCallOf(*event.callId, event.id);
                return;
            }
        }
    });
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_splitterMoved = true; });

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateDetail();
        updateActions();
    });
    connect(m_model, &ErrorGroupModel::refreshed, this, [this] {
        reselectCurrentRow(m_table);
        updateChoices();
        updateBody();
        updateDetail();
        updateActions();
        fitSplitter();
    });
    // The clock's tick (roles given) moves the pane's relative times on without reading anything.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to, const QList<int> &roles) {
                const int row = m_table->currentIndex().row();
                if (!roles.isEmpty() && row >= from.row() && row <= to.row())
                    m_detail->setNow(m_model->now());
            });
    connect(m_model, &ErrorGroupModel::readFailed, this,
            [this](const QString &message) { showError(tr("Cannot read the errors: %1").arg(message)); });
    connect(m_model, &ErrorGroupModel::criticalCountChanged, this, &ErrorsView::criticalCountChanged);
    connect(m_model, &ErrorGroupModel::criticalGroupsAppeared, this, &ErrorsView::criticalGroupsAppeared);

    retranslateUi();
    updateBody();
    updateActions();
}

ErrorsView::~ErrorsView() = default;

void ErrorsView::setStore(Store *store, StoreReader *reader, TenantId tenant, const QString &tenantSlug)
{
    m_store = store;
    m_reader = reader;
    m_tenant = tenant;
    m_tenantSlug = tenantSlug;
    m_model->setReader(reader, tenant);
}

void ErrorsView::setActor(const QString &actor)
{
    m_actor = actor;
}

qint64 ErrorsView::currentGroupId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(ErrorGroupModel::GroupIdRole).toLongLong() : 0;
}

void ErrorsView::selectGroup(qint64 id)
{
    const int row = m_model->rowOfGroup(id);
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->scrollTo(m_model->index(row, 0));
}

void ErrorsView::showCritical()
{
    m_statusFilter->setCurrentIndex(std::max(0, m_statusFilter->findData(u"unresolved"_s)));
    m_severityFilter->setCurrentIndex(std::max(0, m_severityFilter->findData(u"critical"_s)));
    applyFilters();
}

std::optional<ErrorGroupRecord> ErrorsView::current() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->groupAt(current.row());
}

void ErrorsView::applyChanges(const StoreChanges &changes)
{
    m_model->applyChanges(changes);
}

void ErrorsView::applyFilters()
{
    // One re-read for the whole bar; the model's refreshed() brings the rest of the view along.
    m_model->setFilters(
        {m_statusFilter->currentData().toString(), m_severityFilter->currentData().toString(),
         m_providerFilter->currentData().toString(), m_functionFilter->currentData().toString(),
         TimeRange(m_rangeFilter->currentData().toInt()), ErrorGroupOrder(m_order->currentData().toInt())});
}

void ErrorsView::resolveGroup()
{
    if (const auto group = current();
        group && (group->status == "unresolved"_L1 || group->status == "ignored"_L1))
        runAction(*group, Store::ErrorGroupAction::Resolve);
}

// Window-modal and asynchronous (no nested event loop): the action runs when the dialog is accepted.
void ErrorsView::ignoreGroup()
{
    const auto group = current();
    if (!group || group->status == "ignored"_L1)
        return;
    auto *dialog = new IgnoreErrorDialog(*group, m_model->now(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, group = *group] {
        runAction(group, Store::ErrorGroupAction::Ignore, dialog->limits());
    });
    dialog->open();
    emit ignoreDialogOpened(dialog);
}

void ErrorsView::reopenGroup()
{
    if (const auto group = current(); group && (group->status != "unresolved"_L1 || group->regression))
        runAction(*group, Store::ErrorGroupAction::Reopen);
}

void ErrorsView::runAction(const ErrorGroupRecord &group, Store::ErrorGroupAction action,
                           const Store::IgnoreLimits &limits)
{
    if (!m_store)
        return;
    const QString what = ErrorPresentation::title(group);
    m_store->errorGroupAction(m_tenantSlug, group.id, action, m_actor, limits)
        .then(this, [this, what, action](const Store::Result<bool> &result) {
            switch (action) {
            case Store::ErrorGroupAction::Resolve:
                if (!result)
                    showError(tr("Could not resolve “%1”: %2").arg(what, reasonOf(result.error())));
                else
                    emit notice(
                        tr("Resolved “%1”. If it happens again, it comes back as a regression.").arg(what));
                break;
            case Store::ErrorGroupAction::Ignore:
                if (!result)
                    showError(tr("Could not ignore “%1”: %2").arg(what, reasonOf(result.error())));
                else
                    emit notice(tr("Ignored “%1”.").arg(what));
                break;
            case Store::ErrorGroupAction::Reopen:
                if (!result)
                    showError(tr("Could not reopen “%1”: %2").arg(what, reasonOf(result.error())));
                else
                    emit notice(tr("Reopened “%1”.").arg(what));
                break;
            }
        });
}

void ErrorsView::openCallOf(qint64 callId, qint64 eventId)
{
    const auto group = m_detail->group();
    if (!group || !m_reader)
        return;
    std::optional<ErrorEventRecord> event;
    for (const ErrorEventRecord &sample : m_detail->samples()) {
        if (sample.callId == callId && (eventId == 0 || sample.id == eventId)) {
            event = sample;
            break;
        }
    }
    if (!event) {
        // An older call than the samples reach: its latest event of the group.
        if (auto older = m_reader->latestErrorEventOnCall(m_tenant, group->id, callId))
            event = *older;
    }
    std::optional<qint64> offset;
    if (event) {
        offset = m_detail->offsetOf(*event);
        if (!offset) {
            if (auto call = m_reader->call(m_tenant, callId))
                offset = std::max<qint64>(0, event->occurredAt - call->startedAt.value_or(call->sortAt));
        }
    }
    emit openCallRequested(callId, offset);
}

void ErrorsView::showError(const QString &message)
{
    m_errors->showMessage(MessageBar::Kind::Error, message);
}

void ErrorsView::updateActions()
{
    const auto group = current();
    const QString status = group ? group->status : QString();
    m_resolve->setEnabled(status == "unresolved"_L1 || status == "ignored"_L1);
    m_ignore->setEnabled(status == "unresolved"_L1 || status == "resolved"_L1);
    m_reopen->setEnabled(status == "resolved"_L1 || status == "ignored"_L1 ||
                         (status == "unresolved"_L1 && group->regression));
}

void ErrorsView::updateDetail()
{
    const auto group = current();
    if (!group || !m_reader) {
        m_detail->clear();
        return;
    }
    if (const auto shown = m_detail->group(); shown && sameForPane(*shown, *group)) {
        m_detail->setNow(m_model->now());
        return;
    }
    auto samples = m_reader->errorEvents(m_tenant, group->id, 20);
    auto calls = m_reader->errorGroupCalls(m_tenant, group->id, 50);
    if (!samples || !calls)
        showError(tr("Cannot read the events of the error: %1")
                      .arg(samples ? calls.error().message : samples.error().message));
    m_detail->setGroup(*group, samples ? *samples : QList<ErrorEventRecord>(),
                       calls ? *calls : QList<CallSummary>(), m_model->now());
}

// The provider and function filters offer what the tenant's groups name.
void ErrorsView::updateChoices()
{
    if (!m_reader || !m_tenant.isValid())
        return;
    auto providers = m_reader->errorProviders(m_tenant);
    auto functions = m_reader->errorFunctions(m_tenant);
    if (!providers || !functions)
        return;
    const auto refill = [](QComboBox *box, const QString &any, const QStringList &values, const auto &text) {
        const QString current = box->currentData().toString();
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(any, QString());
        for (const QString &value : values)
            box->addItem(text(value), value);
        // A filter on something that no longer occurs stays until it is changed.
        if (!current.isEmpty() && box->findData(current) < 0)
            box->addItem(text(current), current);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    if (*providers != m_providers) {
        m_providers = *providers;
        refill(m_providerFilter, tr("Any provider"), m_providers,
               [](const QString &provider) { return ErrorPresentation::provider(provider); });
    }
    if (*functions != m_functions) {
        m_functions = *functions;
        refill(m_functionFilter, tr("Any function"), m_functions, [](const QString &name) { return name; });
    }
}

void ErrorsView::updateBody()
{
    const int rows = m_model->rowCount();
    m_count->setText(rows == 1 ? tr("1 error group") : tr("%n error groups", nullptr, rows));
    if (rows > 0) {
        m_controls->show();
        m_body->setCurrentWidget(m_splitter);
        return;
    }
    bool none = true;
    if (m_reader && m_tenant.isValid()) {
        ErrorGroupQuery any;
        any.limit = 1;
        auto groups = m_reader->errorGroups(m_tenant, any);
        none = !groups || groups->isEmpty();
    }
    m_controls->setVisible(!none);
    if (none)
        m_empty->setTexts(
            tr("No errors"),
            tr("Every function call, transfer and provider webhook so far worked. When one fails, "
               "it appears here, grouped by cause, with how often it happened and on which calls."));
    else if (m_model->hasDefaultFilters())
        m_empty->setTexts(
            tr("No unresolved errors"),
            tr("Everything that failed has been resolved or ignored. A resolved error that happens "
               "again comes back here as a regression. Choose “Any status” to see them all."));
    else
        m_empty->setTexts(
            tr("No errors match these filters"),
            tr("Choose “Any status”, “Any severity”, “Any provider”, “Any function” and “All time” "
               "to see every error group."));
    m_body->setCurrentWidget(m_empty);
}

// Each column as wide as its header or its widest typical value, measured once per language (not
// per row); the error takes the rest.
void ErrorsView::updateColumnWidths()
{
    const QFontMetrics body = m_table->fontMetrics();
    QFont boldFont = m_table->font();
    boldFont.setBold(true);
    const QFontMetrics bold(boldFont);
    const QFontMetrics head = m_table->horizontalHeader()->fontMetrics();
    const int padding = 2 * m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 14;
    const QLocale locale;
    const QString lateTime = locale.toString(QTime(23, 58), u"HH:mm"_s);
    QStringList severities;
    for (const QString &severity : ErrorPresentation::severities())
        severities << ErrorPresentation::severity(severity);
    QStringList statuses;
    for (const QString &status : ErrorPresentation::statuses())
        statuses << ErrorPresentation::status(status);
    const QList<QStringList> samples{
        severities,
        statuses,
        {},
        {u"Ultravox"_s, u"LiveKit"_s, ErrorPresentation::provider(u"backend"_s)},
        {locale.toString(99'999)},
        {locale.toString(9'999)},
        {},
        {tr("Yesterday %1").arg(lateTime)},
        {ErrorPresentation::ago(0, 59 * 60'000), ErrorPresentation::ago(0, 23 * 3'600'000LL),
         ErrorPresentation::ago(0, 29 * 24 * 3'600'000LL)},
    };
    for (int column = 0; column < ErrorGroupModel::ColumnCount; ++column) {
        if (column == ErrorGroupModel::Error)
            continue;
        int width =
            head.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + padding + 4;
        for (const QString &text : samples.at(column))
            width = std::max(
                width, (column == ErrorGroupModel::Severity ? bold : body).horizontalAdvance(text) + padding);
        if (column == ErrorGroupModel::Status) // the regression mark is bold
            width = std::max(width, bold.horizontalAdvance(ErrorPresentation::regression()) + padding);
        if (column == ErrorGroupModel::Trend)
            width = std::max(width, 25 * 4 + 12); // a bar of 3 px and a gap for each of 25 hours
        m_table->setColumnWidth(column, width);
    }
}

void ErrorsView::fitSplitter()
{
    if (m_splitterMoved || m_body->currentWidget() != m_splitter)
        return;
    fitListAndDetail(m_splitter, m_table, 300);
}

void ErrorsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitSplitter();
}

void ErrorsView::updateIcons()
{
    const QColor text = palette().color(QPalette::ButtonText);
    const QColor disabled = palette().color(QPalette::Disabled, QPalette::ButtonText);
    m_resolve->setIcon(actionIcon(ActionIcon::Complete, text, disabled));
    m_ignore->setIcon(actionIcon(ActionIcon::Ignore, text, disabled));
    m_reopen->setIcon(actionIcon(ActionIcon::Reopen, text, disabled));
}

void ErrorsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        updateIcons();
    QWidget::changeEvent(event);
}

void ErrorsView::retranslateUi()
{
    const auto describe = [](QAction *action, const QString &text, const QString &tip) {
        action->setText(text);
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        action->setToolTip(keys.isEmpty() ? tip : tr("%1 (%2)").arg(tip, keys));
    };
    describe(m_resolve, tr("Resolve"),
             tr("Mark the error as fixed: if it happens again, it comes back as a regression"));
    describe(m_ignore, tr("Ignore…"),
             tr("Stop listing the error as unresolved: forever, for a number of events or until a time"));
    describe(m_reopen, tr("Reopen"), tr("List the error as unresolved again (acknowledges a regression)"));

    // Each filter shows what the model applies.
    const auto refill = [](QComboBox *box, const QList<std::pair<QString, QVariant>> &items,
                           const QVariant &current) {
        const QSignalBlocker block(box);
        box->clear();
        for (const auto &[text, data] : items)
            box->addItem(text, data);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    QList<std::pair<QString, QVariant>> statuses;
    for (const QString &status : ErrorPresentation::statuses())
        statuses.append({ErrorPresentation::statusWord(status), status});
    statuses.append({tr("Any status"), QString()});
    refill(m_statusFilter, statuses, m_model->statusFilter());
    QList<std::pair<QString, QVariant>> severities{{tr("Any severity"), QString()}};
    for (const QString &severity : ErrorPresentation::severities())
        severities.append({ErrorPresentation::severity(severity), severity});
    refill(m_severityFilter, severities, m_model->severityFilter());
    refill(m_rangeFilter,
           {{tr("Last hour"), int(TimeRange::LastHour)},
            {tr("Last 24 hours"), int(TimeRange::Last24Hours)},
            {tr("Last 7 days"), int(TimeRange::Last7Days)},
            {tr("Last 30 days"), int(TimeRange::Last30Days)},
            {tr("All time"), int(TimeRange::All)}},
           int(m_model->timeRange()));
    refill(m_order,
           {{tr("Most recent first"), int(ErrorGroupOrder::LastSeen)},
            {tr("Most frequent first"), int(ErrorGroupOrder::Count)}},
           int(m_model->order()));
    m_providers.clear();
    m_functions.clear();
    if (m_providerFilter->count() == 0)
        m_providerFilter->addItem(tr("Any provider"), QString());
    if (m_functionFilter->count() == 0)
        m_functionFilter->addItem(tr("Any function"), QString());
    m_providerFilter->setItemText(0, tr("Any provider"));
    m_functionFilter->setItemText(0, tr("Any function"));
    updateChoices();

    m_statusFilter->setToolTip(tr("Which errors to list by their status"));
    m_statusFilter->setAccessibleName(tr("Status"));
    m_severityFilter->setToolTip(tr("Only errors of this severity"));
    m_severityFilter->setAccessibleName(tr("Severity"));
    m_providerFilter->setToolTip(tr("Only errors on calls of this provider"));
    m_providerFilter->setAccessibleName(tr("Provider"));
    m_functionFilter->setToolTip(tr("Only errors of this function (any version)"));
    m_functionFilter->setAccessibleName(tr("Function"));
    m_rangeFilter->setToolTip(tr("Only errors that happened in this time; the events are counted in it"));
    m_rangeFilter->setAccessibleName(tr("Time range"));
    m_order->setToolTip(tr("List the errors seen most recently, or those that happened most often, first"));
    m_order->setAccessibleName(tr("Order"));
    updateColumnWidths();
    updateBody();
}

} // namespace CallScope
