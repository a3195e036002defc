// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbackqueueview.h"

#include "appicon.h"
#include "callbackdetailpane.h"
#include "callbackpresentation.h"
#include "emptystatepage.h"
#include "messagebar.h"
#include "recordtable.h"
#include "storereader.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
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
#include <QUrl>
#include <QVBoxLayout>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

using StateFilter = CallbackQueueModel::StateFilter;

// Why the store refused, for the person at the desk.
QString reasonOf(const StoreError &error)
{
    switch (error.kind) {
    case StoreError::Kind::Conflict:
        return CallbackQueueView::tr("it was changed in the meantime (%1); the list shows it as it is now")
            .arg(error.message);
    case StoreError::Kind::NotFound:
        return CallbackQueueView::tr("it no longer exists");
    case StoreError::Kind::Unavailable:
    case StoreError::Kind::ShuttingDown:
        return CallbackQueueView::tr("the database cannot take changes right now (%1)").arg(error.message);
    default:
        break;
    }
    return error.message;
}

} // namespace

CallbackQueueView::CallbackQueueView(QWidget *parent)
    : QWidget(parent)
    , m_model(new CallbackQueueModel(this))
    , m_errors(new MessageBar(this))
    , m_deadHint(new MessageBar(this))
    , m_dial(new QAction(this))
    , m_retry(new QAction(this))
    , m_cancel(new QAction(this))
    , m_complete(new QAction(this))
    , m_open(new QAction(this))
    , m_stateFilter(new QComboBox(this))
    , m_urgencyFilter(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_body(new QStackedWidget(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_table(new QTableView(this))
    , m_detail(new CallbackDetailPane(this))
    , m_empty(new EmptyStatePage(this))
{
    setObjectName(u"callbackQueueView"_s);
    m_errors->setObjectName(u"callbackErrors"_s);
    m_deadHint->setObjectName(u"callbackDeadHint"_s);
    m_dial->setObjectName(u"dialAction"_s);
    m_retry->setObjectName(u"retryAction"_s);
    m_cancel->setObjectName(u"cancelAction"_s);
    m_complete->setObjectName(u"completeAction"_s);
    m_open->setObjectName(u"openCallAction"_s);
    m_stateFilter->setObjectName(u"callbackStateFilter"_s);
    m_urgencyFilter->setObjectName(u"callbackUrgencyFilter"_s);
    m_count->setObjectName(u"callbackCount"_s);
    m_table->setObjectName(u"callbackTable"_s);
    m_empty->setObjectName(u"callbackEmptyState"_s);

    m_dial->setShortcut(Qt::CTRL | Qt::Key_D);
    m_retry->setShortcut(Qt::CTRL | Qt::Key_R);
    m_cancel->setShortcut(QKeySequence::Delete);
    m_complete->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    updateIcons();

    auto *toolbar = new QHBoxLayout;
    toolbar->setSpacing(6);
    for (QAction *action : {m_dial, m_retry, m_cancel, m_complete, m_open}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        auto *button = new QToolButton(this);
        button->setObjectName(action->objectName() + u"Button"_s);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setIconSize(QSize(18, 18));
        toolbar->addWidget(button);
        if (action == m_dial) {
            // The call is what the desk is here for: set apart from the bookkeeping.
            QFont bold = button->font();
            bold.setBold(true);
            button->setFont(bold);
            toolbar->addSpacing(10);
        }
    }
    toolbar->addStretch(1);
    toolbar->addWidget(m_stateFilter);
    toolbar->addWidget(m_urgencyFilter);
    toolbar->addSpacing(6);
    toolbar->addWidget(m_count);
    for (QComboBox *box : {m_stateFilter, m_urgencyFilter})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    // Two lines a row: a concern or a long name wraps instead of being cut off at once. The concern
    // takes what the short facts leave; its full text is below, in the detail pane.
    setUpListTable(m_table, m_model, CallbackQueueModel::Concern, 2);
    m_table->viewport()->installEventFilter(this);

    m_splitter->setObjectName(u"callbackSplitter"_s);
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
    layout->addWidget(m_deadHint);
    layout->addLayout(toolbar);
    layout->addWidget(m_body, 1);

    connect(m_dial, &QAction::triggered, this, &CallbackQueueView::dial);
    connect(m_retry, &QAction::triggered, this, &CallbackQueueView::retryNow);
    connect(m_cancel, &QAction::triggered, this, &CallbackQueueView::cancelRequest);
    connect(m_complete, &QAction::triggered, this, &CallbackQueueView::completeRequest);
    connect(m_open, &QAction::triggered, this, &CallbackQueueView::openCall);
    // Enter and a double click open the call the request came from.
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            openCall();
    });
    connect(m_detail, &CallbackDetailPane::openCall, this, &CallbackQueueView::openCallRequested);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_splitterMoved = true; });
    connect(m_deadHint, &MessageBar::actionTriggered, this, [this] {
        m_stateFilter->setCurrentIndex(m_stateFilter->findData(int(StateFilter::Dead)));
        applyFilters();
        m_deadHint->hide();
    });
    for (QComboBox *box : {m_stateFilter, m_urgencyFilter})
        connect(box, &QComboBox::activated, this, &CallbackQueueView::applyFilters);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateDetail();
        updateActions();
    });
    connect(m_model, &CallbackQueueModel::refreshed, this, [this] {
        // A row made current here has been shown by currentRowChanged already; any other is read
        // again, as the refresh may have changed it.
        const QModelIndex before = m_table->currentIndex();
        reselectCurrentRow(m_table);
        updateBody();
        if (m_table->currentIndex() == before)
            updateDetail();
        updateActions();
        updateAlerts();
        fitSplitter();
    });
    // The clock's tick (roles given) moves the pane's "waiting" on without reading anything; a
    // changed request is re-read with its history once the refresh is done (refreshed()).
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to, const QList<int> &roles) {
                const int row = m_table->currentIndex().row();
                if (!roles.isEmpty() && row >= from.row() && row <= to.row())
                    m_detail->setNow(m_model->now());
            });
    connect(m_model, &CallbackQueueModel::readFailed, this, [this](const QString &message) {
        showError(tr("Cannot read the callback queue: %1").arg(message));
    });

    retranslateUi();
    updateBody();
    updateActions();
}

CallbackQueueView::~CallbackQueueView() = default;

void CallbackQueueView::setStore(Store *store, StoreReader *reader, TenantId tenant,
                                 const QString &tenantSlug)
{
    m_store = store;
    m_reader = reader;
    m_tenant = tenant;
    m_tenantSlug = tenantSlug;
    m_critical.clear();
    m_alertsPrimed = false;
    m_model->setReader(reader, tenant);
}

void CallbackQueueView::setDialUriTemplate(const QString &uriTemplate)
{
    m_dialTemplate = uriTemplate;
}

void CallbackQueueView::setActor(const QString &actor)
{
    m_actor = actor;
}

QString CallbackQueueView::dialUri(const QString &uriTemplate, const QString &number)
{
    if (!uriTemplate.contains("{number}"_L1))
        return {};
    // Spaces, dashes, dots and brackets only help the eye; '+' leads an international number and
    // '*' and '#' are keypad symbols ('#' is encoded: a link would take it for a fragment).
    QString dialled;
    bool digits = false;
    for (const QChar c : number) {
        if (c.isDigit()) {
            dialled += c;
            digits = true;
        } else if ((c == u'+' && dialled.isEmpty()) || c == u'*' || c == u'#') {
            dialled += c;
        }
    }
    if (!digits)
        return {};
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(dialled, "+*"));
    return QString(uriTemplate).replace("{number}"_L1, encoded);
}

QString CallbackQueueView::actorName(const QString &staffName)
{
    if (const QString name = staffName.trimmed(); !name.isEmpty())
        return name;
    if (const QString user = qEnvironmentVariable("USER"); !user.isEmpty())
        return user;
#ifdef Q_OS_UNIX
    if (const passwd *entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    if (const QString user = qEnvironmentVariable("USERNAME"); !user.isEmpty())
        return user;
    return u"staff"_s;
}

QString CallbackQueueView::currentUuid() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(CallbackQueueModel::UuidRole).toString() : QString();
}

void CallbackQueueView::selectRequest(const QString &uuid)
{
    const int row = m_model->rowOfRequest(uuid);
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->scrollTo(m_model->index(row, 0));
}

std::optional<CallbackRecord> CallbackQueueView::current() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->requestAt(current.row());
}

void CallbackQueueView::applyChanges(const StoreChanges &changes)
{
    m_model->applyChanges(changes);
}

void CallbackQueueView::applyFilters()
{
    m_model->setStateFilter(StateFilter(m_stateFilter->currentData().toInt()));
    const int urgency = m_urgencyFilter->currentData().toInt();
    m_model->setUrgencyFilter(urgency < 0 ? std::nullopt : std::optional<Urgency>(Urgency(urgency)));
}

void CallbackQueueView::dial()
{
    const auto request = current();
    if (!request || request->callbackNumber.isEmpty())
        return;
    const QString uri = dialUri(m_dialTemplate, request->callbackNumber);
    const QUrl url(uri, QUrl::StrictMode);
    if (uri.isEmpty() || !url.isValid() || url.scheme().isEmpty()) {
        showError(tr("Cannot dial %1: the dial template “%2” does not make a link of this number (it needs "
                     "{number}, e.g. tel:{number}).")
                      .arg(request->callbackNumber, m_dialTemplate));
        return;
    }
    if (!QDesktopServices::openUrl(url)) {
        showError(tr("%1 was not dialled: no program on this computer takes %2: links. Install a softphone, "
                     "or change the dial template.")
                      .arg(request->callbackNumber, url.scheme()));
        return;
    }
    if (!m_store)
        return;
    const QString who = CallbackPresentation::who(*request);
    m_store->recordCallbackAction(m_tenantSlug, request->uuid, u"dial"_s, uri, m_actor)
        .then(this, [this, who](const Store::Result<bool> &result) {
            if (!result)
                showError(tr("%1 was dialled, but the call could not be noted in the request's history: %2")
                              .arg(who, reasonOf(result.error())));
            else
                emit notice(tr("Dialling %1…").arg(who));
        });
}

void CallbackQueueView::retryNow()
{
    if (const auto request = current();
        request && (request->status == "failed"_L1 || request->status == "dead"_L1))
        runAction(*request, Store::CallbackAction::Retry, {});
}

void CallbackQueueView::cancelRequest()
{
    askForText(CallbackTextDialog::Kind::Cancel);
}

void CallbackQueueView::completeRequest()
{
    askForText(CallbackTextDialog::Kind::Complete);
}

// Window-modal and asynchronous (no nested event loop): the action runs when the dialog is accepted.
void CallbackQueueView::askForText(CallbackTextDialog::Kind kind)
{
    const auto request = current();
    if (!request || !request->isOpen())
        return;
    auto *dialog = new CallbackTextDialog(kind, *request, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, request = *request] {
        runAction(request,
                  dialog->kind() == CallbackTextDialog::Kind::Cancel ? Store::CallbackAction::Cancel
                                                                     : Store::CallbackAction::Complete,
                  dialog->text());
    });
    dialog->open();
}

void CallbackQueueView::runAction(const CallbackRecord &request, Store::CallbackAction action,
                                  const QString &text)
{
    if (!m_store)
        return;
    const QString who = CallbackPresentation::who(request);
    m_store->callbackAction(m_tenantSlug, request.uuid, action, text, m_actor)
        .then(this, [this, who, action](const Store::Result<bool> &result) {
            switch (action) {
            case Store::CallbackAction::Retry:
                if (!result)
                    showError(
                        tr("Could not retry the hand-off for %1: %2").arg(who, reasonOf(result.error())));
                else
                    emit notice(tr("The hand-off for %1 is tried again now.").arg(who));
                break;
            case Store::CallbackAction::Cancel:
                if (!result)
                    showError(
                        tr("Could not cancel the callback for %1: %2").arg(who, reasonOf(result.error())));
                else
                    emit notice(tr("Cancelled the callback for %1.").arg(who));
                break;
            case Store::CallbackAction::Complete:
                if (!result)
                    showError(tr("Could not mark the callback for %1 as done: %2")
                                  .arg(who, reasonOf(result.error())));
                else
                    emit notice(tr("Marked the callback for %1 as done.").arg(who));
                break;
            }
        });
}

void CallbackQueueView::openCall()
{
    const auto request = current();
    if (request && request->callId)
        emit openCallRequested(*request->callId);
}

void CallbackQueueView::showError(const QString &message)
{
    m_errors->showMessage(MessageBar::Kind::Error, message);
}

void CallbackQueueView::updateActions()
{
    const auto request = current();
    const bool open = request && request->isOpen();
    m_dial->setEnabled(request && !request->callbackNumber.isEmpty());
    m_retry->setEnabled(request && (request->status == "failed"_L1 || request->status == "dead"_L1));
    m_cancel->setEnabled(open);
    m_complete->setEnabled(open);
    m_open->setEnabled(request && request->callId.has_value());
}

void CallbackQueueView::updateDetail()
{
    const auto request = current();
    if (!request || !m_reader) {
        m_detail->clear();
        return;
    }
    auto history = m_reader->callbackHistory(m_tenant, request->id);
    auto calls = m_reader->callbackCalls(m_tenant, request->id);
    if (!history || !calls)
        showError(tr("Cannot read the history of the request: %1")
                      .arg(history ? calls.error().message : history.error().message));
    m_detail->setRequest(*request, history ? *history : QList<CallbackHistoryEntry>(),
                         calls ? *calls : QList<CallSummary>(), m_model->now());
}

void CallbackQueueView::updateAlerts()
{
    if (!m_reader || !m_tenant.isValid())
        return;
    CallbackQuery critical;
    critical.statuses = CallbackQueueModel::statusesOf(StateFilter::Open);
    critical.urgency = Urgency::Critical;
    critical.limit = 5000;
    auto open = m_reader->callbacks(m_tenant, critical);
    auto dead = m_reader->countCallbacks(m_tenant, CallbackQuery{{u"dead"_s}, std::nullopt});
    if (!open || !dead) {
        showError(
            tr("Cannot read the callback queue: %1").arg(open ? dead.error().message : open.error().message));
        return;
    }
    QSet<QString> now;
    for (const CallbackRecord &request : std::as_const(*open)) {
        now.insert(request.uuid);
        if (m_alertsPrimed && !m_critical.contains(request.uuid))
            emit criticalRequestArrived(request);
    }
    const bool countChanged = now.size() != m_critical.size() || !m_alertsPrimed;
    m_critical = now;
    m_alertsPrimed = true;
    if (countChanged)
        emit criticalCountChanged(int(m_critical.size()));

    // Given-up hand-offs are closed for the queue but still wait for a person: say so while the list
    // does not show them (again only when there are more than when the bar was closed).
    const int deadCount = int(*dead);
    const bool listed = m_model->stateFilter() == StateFilter::Dead ||
                        m_model->stateFilter() == StateFilter::Closed ||
                        m_model->stateFilter() == StateFilter::All;
    if (deadCount == 0 || listed)
        m_deadHint->hide();
    else if (deadCount > m_deadCount || m_deadHint->isVisible())
        m_deadHint->showMessage(
            MessageBar::Kind::Warning,
            deadCount == 1 ? tr("1 request could not be handed to your front-desk system and is no "
                                "longer retried. Call the customer yourself, or retry once the system "
                                "works.")
                           : tr("%n requests could not be handed to your front-desk system and are no "
                                "longer retried. Call the customers yourself, or retry once the system "
                                "works.",
                                nullptr, deadCount),
            tr("Show them"));
    m_deadCount = deadCount;
}

void CallbackQueueView::updateBody()
{
    const int rows = m_model->rowCount();
    m_count->setText(rows == 1 ? tr("1 request") : tr("%n requests", nullptr, rows));
    if (rows > 0) {
        m_body->setCurrentWidget(m_splitter);
        return;
    }
    const bool defaults = m_model->stateFilter() == StateFilter::Open && !m_model->urgencyFilter();
    if (defaults)
        m_empty->setTexts(tr("No one is waiting for a callback"),
                          tr("When a caller asks to be called back, or a transfer to your staff fails, the "
                             "request appears here: most urgent and oldest first, ready to dial."));
    else
        m_empty->setTexts(tr("No requests match these filters"),
                          tr("Choose “All requests” and “Any urgency” to see every request, including the "
                             "cancelled and completed ones."));
    m_body->setCurrentWidget(m_empty);
}

// Each column as wide as its header or its widest typical value, measured once per language (not
// per row); and how narrow it may get with its text in two lines (its longest word). The concern
// takes the rest: fitColumns() narrows the others to their two-line width when it would get too
// little.
void CallbackQueueView::updateColumnWidths()
{
    const QFontMetrics body = m_table->fontMetrics();
    QFont boldFont = m_table->font();
    boldFont.setBold(true);
    const QFontMetrics bold(boldFont);
    const QFontMetrics head = m_table->horizontalHeader()->fontMetrics();
    const int padding = 2 * m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 12;
    const QLocale locale;
    const QString lateTime = locale.toString(QTime(23, 58), u"HH:mm"_s);
    QStringList states;
    for (const char *status : {"pending", "posting", "posted", "failed", "dead", "cancelled", "completed"})
        states << CallbackPresentation::state(QString::fromLatin1(status));
    const QList<QStringList> samples{
        {},
        {u"Katharina Schmidt"_s}, // a longer name wraps to the row's second line
        {u"+4915123456789"_s},
        {},
        {CallbackPresentation::waited((11 * 60 + 58) * 60'000LL),
         CallbackPresentation::waited(3'600'000LL * 76)},
        {u"99"_s},
        {tr("in %1").arg(CallbackPresentation::waited(59 * 60'000LL)), tr("due now")},
        states,
        {tr("Yesterday %1").arg(lateTime),
         locale.toString(QDate(2026, 12, 28), QLocale::ShortFormat) + u' ' + lateTime},
    };
    const auto longestWord = [](const QFontMetrics &metrics, const QString &text) {
        int widest = 0;
        for (const QString &word : text.split(u' ', Qt::SkipEmptyParts))
            widest = std::max(widest, metrics.horizontalAdvance(word));
        // A symbol stays with the word after it.
        if (text.size() > 2 && text.at(1) == u' ')
            widest = std::max(widest, metrics.horizontalAdvance(text.section(u' ', 0, 1)));
        return widest;
    };
    m_preferredWidths.fill(0, CallbackQueueModel::ColumnCount);
    m_narrowWidths.fill(0, CallbackQueueModel::ColumnCount);
    for (int column = 0; column < CallbackQueueModel::ColumnCount; ++column) {
        if (column == CallbackQueueModel::Concern)
            continue;
        // Headers do not wrap.
        int width = head.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + padding;
        int narrow = width;
        if (column == CallbackQueueModel::Urgency) {
            for (Urgency urgency : {Urgency::Critical, Urgency::Urgent, Urgency::Normal}) {
                width =
                    std::max(width, bold.horizontalAdvance(CallbackPresentation::urgency(urgency)) + padding);
                narrow = width;
            }
        }
        const bool wraps = column == CallbackQueueModel::Name || column == CallbackQueueModel::Waiting ||
                           column == CallbackQueueModel::NextAttempt || column == CallbackQueueModel::State ||
                           column == CallbackQueueModel::FromCall;
        for (const QString &text : samples.at(column)) {
            width = std::max(width, body.horizontalAdvance(text) + padding);
            narrow =
                std::max(narrow, (wraps ? longestWord(body, text) : body.horizontalAdvance(text)) + padding);
        }
        m_preferredWidths[column] = width;
        m_narrowWidths[column] = narrow;
    }
    fitColumns();
}

void CallbackQueueView::fitColumns()
{
    if (m_preferredWidths.size() != CallbackQueueModel::ColumnCount)
        return;
    // The concern is what the desk reads first: a quarter of the list at least, as long as the other
    // columns can give, the ones whose second line hurts least first (a name last).
    const int concernWanted = std::max(260, m_table->viewport()->width() / 4);
    QList<int> widths = m_preferredWidths;
    int deficit = concernWanted - m_table->viewport()->width();
    for (int width : std::as_const(widths))
        deficit += width;
    for (int column : {CallbackQueueModel::State, CallbackQueueModel::NextAttempt,
                       CallbackQueueModel::FromCall, CallbackQueueModel::Waiting, CallbackQueueModel::Name}) {
        if (deficit <= 0)
            break;
        const int give = std::min(deficit, m_preferredWidths.at(column) - m_narrowWidths.at(column));
        widths[column] -= give;
        deficit -= give;
    }
    for (int column = 0; column < CallbackQueueModel::ColumnCount; ++column) {
        if (column != CallbackQueueModel::Concern && m_table->columnWidth(column) != widths.at(column))
            m_table->setColumnWidth(column, widths.at(column));
    }
}

bool CallbackQueueView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

void CallbackQueueView::fitSplitter()
{
    if (m_splitterMoved || m_body->currentWidget() != m_splitter)
        return;
    fitListAndDetail(m_splitter, m_table, 290);
}

void CallbackQueueView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitSplitter();
}

void CallbackQueueView::updateIcons()
{
    const QColor text = palette().color(QPalette::ButtonText);
    const QColor disabled = palette().color(QPalette::Disabled, QPalette::ButtonText);
    m_dial->setIcon(actionIcon(ActionIcon::Dial, text, disabled));
    m_retry->setIcon(actionIcon(ActionIcon::Retry, text, disabled));
    m_cancel->setIcon(actionIcon(ActionIcon::Cancel, text, disabled));
    m_complete->setIcon(actionIcon(ActionIcon::Complete, text, disabled));
    m_open->setIcon(actionIcon(ActionIcon::Open, text, disabled));
}

void CallbackQueueView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        updateIcons();
    QWidget::changeEvent(event);
}

void CallbackQueueView::retranslateUi()
{
    const auto describe = [](QAction *action, const QString &text, const QString &tip) {
        action->setText(text);
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        action->setToolTip(keys.isEmpty() ? tip : tr("%1 (%2)").arg(tip, keys));
    };
    describe(m_dial, tr("Dial"), tr("Call the customer with your softphone"));
    describe(m_retry, tr("Retry now"), tr("Hand a failed request to your front-desk system again now"));
    describe(m_cancel, tr("Cancel…"), tr("Cancel the request, with a reason: no callback is needed"));
    describe(m_complete, tr("Complete…"), tr("Mark the request as done, with how it went"));
    describe(m_open, tr("Open call"), tr("Show the call the request came from (Enter or double-click)"));

    const auto refill = [](QComboBox *box, const QList<std::pair<QString, int>> &items) {
        const QVariant current = box->currentData();
        const QSignalBlocker block(box);
        box->clear();
        for (const auto &[text, data] : items)
            box->addItem(text, data);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    refill(m_stateFilter, {{tr("Open requests"), int(StateFilter::Open)},
                           {CallbackPresentation::stateWord(u"pending"_s), int(StateFilter::Pending)},
                           {CallbackPresentation::stateWord(u"posting"_s), int(StateFilter::Posting)},
                           {CallbackPresentation::stateWord(u"posted"_s), int(StateFilter::Posted)},
                           {CallbackPresentation::stateWord(u"failed"_s), int(StateFilter::Failed)},
                           {tr("Closed requests"), int(StateFilter::Closed)},
                           {CallbackPresentation::stateWord(u"dead"_s), int(StateFilter::Dead)},
                           {CallbackPresentation::stateWord(u"cancelled"_s), int(StateFilter::Cancelled)},
                           {CallbackPresentation::stateWord(u"completed"_s), int(StateFilter::Completed)},
                           {tr("All requests"), int(StateFilter::All)}});
    refill(m_urgencyFilter, {{tr("Any urgency"), -1},
                             {CallbackPresentation::urgency(Urgency::Critical), int(Urgency::Critical)},
                             {CallbackPresentation::urgency(Urgency::Urgent), int(Urgency::Urgent)},
                             {CallbackPresentation::urgency(Urgency::Normal), int(Urgency::Normal)}});
    m_stateFilter->setToolTip(tr("Which requests to list"));
    m_stateFilter->setAccessibleName(tr("State"));
    m_urgencyFilter->setToolTip(tr("Only requests of this urgency"));
    m_urgencyFilter->setAccessibleName(tr("Urgency"));
    updateColumnWidths();
    updateBody();
}

} // namespace CallScope
