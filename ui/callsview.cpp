// SPDX-License-Identifier: GPL-3.0-or-later
#include "callsview.h"

#include "calllistmodel.h"
#include "callpresentation.h"
#include "recordtable.h"
#include "storereader.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPersistentModelIndex>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

enum class Range
{
    Any,
    Today,
    Day,
    Week,
    Month
};

// What the user typed is a phone number (digits, spaces, +, -, parentheses) with at least three
// digits: its digits are matched against the numbers' ends.
QString numberIn(const QString &text)
{
    static const QRegularExpression phone(u"^[+\\d\\s().-]+$"_s);
    if (!phone.match(text).hasMatch())
        return {};
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits.append(c);
    }
    return digits.size() >= 3 ? digits : QString();
}

} // namespace

CallsView::CallsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new CallListModel(this))
    , m_table(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_range(new QComboBox(this))
    , m_provider(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_outcome(new QComboBox(this))
    , m_agent(new QComboBox(this))
    , m_errorsOnly(new QCheckBox(this))
    , m_count(new QLabel(this))
    , m_searchDelay(new QTimer(this))
{
    setObjectName(u"callsView"_s);
    m_table->setObjectName(u"callsTable"_s);
    m_search->setObjectName(u"callsSearch"_s);
    m_range->setObjectName(u"rangeFilter"_s);
    m_provider->setObjectName(u"providerFilter"_s);
    m_status->setObjectName(u"statusFilter"_s);
    m_outcome->setObjectName(u"outcomeFilter"_s);
    m_agent->setObjectName(u"agentFilter"_s);
    m_errorsOnly->setObjectName(u"errorsOnly"_s);
    m_count->setObjectName(u"callsCount"_s);

    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150); // a pause in typing, not a wait after it
    for (QComboBox *box : {m_range, m_provider, m_status, m_outcome, m_agent})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    // The search box and the count on one line, the filters under it: room for German words.
    auto *searchLine = new QHBoxLayout;
    searchLine->setSpacing(8);
    searchLine->addWidget(m_search, 1);
    searchLine->addWidget(m_count);
    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(m_range);
    filters->addWidget(m_provider);
    filters->addWidget(m_status);
    filters->addWidget(m_outcome);
    filters->addWidget(m_agent);
    filters->addWidget(m_errorsOnly);
    filters->addStretch(1);

    // The agent's name takes what the fixed-width facts leave; fixed row heights: no row is
    // measured, whatever the number of rows.
    setUpListTable(m_table, m_model, CallListModel::Agent, 1);
    m_table->horizontalHeader()->setSortIndicator(CallListModel::Started, Qt::DescendingOrder);
    m_table->setSortingEnabled(true); // after the indicator: enabling sorts by it

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 0);
    layout->setSpacing(8);
    layout->addLayout(searchLine);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(find);
    connect(find, &QAction::triggered, this, &CallsView::focusSearch);

    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &CallsView::applyFilters);
    connect(m_searchDelay, &QTimer::timeout, this, &CallsView::applyFilters);
    for (QComboBox *box : {m_range, m_provider, m_status, m_outcome, m_agent})
        connect(box, &QComboBox::activated, this, &CallsView::applyFilters);
    connect(m_errorsOnly, &QCheckBox::toggled, this, &CallsView::applyFilters);
    // Enter (and a double click) activates the current row.
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit openCall(index.data(CallListModel::CallIdRole).toLongLong());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &CallsView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CallsView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CallsView::updateCount);

    // A call that arrives above the rows on screen pushes them down by a row; the rows the user
    // is reading stay where they are (unless the list is at its top: then the new call shows).
    auto topRow = std::make_shared<QPersistentModelIndex>();
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this, topRow] {
        *topRow = m_table->verticalScrollBar()->value() > 0
                      ? QPersistentModelIndex(m_table->indexAt(QPoint(0, 1)))
                      : QPersistentModelIndex();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this, topRow](const QModelIndex &, int first) {
        if (!topRow->isValid() || first > topRow->row())
            return;
        const QPersistentModelIndex keep = *topRow;
        const auto restore = [this, keep] {
            if (keep.isValid())
                m_table->scrollTo(keep, QAbstractItemView::PositionAtTop);
        };
        restore();
        QTimer::singleShot(0, this, restore); // again once the scroll range has grown
    });

    retranslateUi();
    updateCount();
}

CallsView::~CallsView() = default;

void CallsView::setReader(StoreReader *reader, TenantId tenant)
{
    m_reader = reader;
    m_tenant = tenant;
    auto agents = reader ? reader->agents(tenant) : StoreReader::Result<QStringList>();
    fillAgents(agents ? *agents : QStringList());
    m_model->setFilter(currentQuery());
    m_model->setReader(reader, tenant);
    if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_model->index(0, 0));
}

CallQuery CallsView::currentQuery() const
{
    CallQuery query;
    const QString text = m_search->text().trimmed();
    if (const QString digits = numberIn(text); !digits.isEmpty())
        query.numberSuffix = digits;
    else
        query.text = text;
    const QDateTime now = QDateTime::currentDateTime();
    switch (Range(m_range->currentData().toInt())) {
    case Range::Any:
        break;
    case Range::Today:
        query.fromMs = QDateTime(now.date(), QTime(0, 0)).toMSecsSinceEpoch();
        break;
    case Range::Day:
        query.fromMs = now.addDays(-1).toMSecsSinceEpoch();
        break;
    case Range::Week:
        query.fromMs = now.addDays(-7).toMSecsSinceEpoch();
        break;
    case Range::Month:
        query.fromMs = now.addDays(-30).toMSecsSinceEpoch();
        break;
    }
    if (const QVariant v = m_provider->currentData(); v.isValid())
        query.provider = Provider(v.toInt());
    if (const QVariant v = m_status->currentData(); v.isValid())
        query.status = CallStatus(v.toInt());
    if (const QVariant v = m_outcome->currentData(); v.isValid())
        query.outcome = Outcome(v.toInt());
    if (m_agent->currentIndex() > 0)
        query.agent = m_agent->currentText();
    query.withErrors = m_errorsOnly->isChecked();
    return query;
}

void CallsView::applyFilters()
{
    m_searchDelay->stop();
    const qint64 selected = currentCallId();
    m_model->setFilter(currentQuery());
    if (selected)
        selectCall(selected);
    if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
}

void CallsView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

qint64 CallsView::currentCallId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(CallListModel::CallIdRole).toLongLong() : 0;
}

void CallsView::selectCall(qint64 callId)
{
    const int row = m_model->rowOfCall(callId);
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->scrollTo(m_model->index(row, 0));
}

void CallsView::applyChanges(const StoreChanges &changes)
{
    m_model->applyChanges(changes);
    if (!(changes.kinds & StoreChanges::Calls) || !m_reader || changes.callIds.isEmpty())
        return;
    // A new agent joins the filter's list: the changed calls' agents are read, not every call's.
    auto agents = m_reader->agents(m_tenant, changes.callIds.values());
    if (!agents)
        return;
    QStringList known = m_agents;
    for (const QString &agent : std::as_const(*agents)) {
        if (!known.contains(agent))
            known.append(agent);
    }
    if (known.size() == m_agents.size())
        return;
    known.sort();
    fillAgents(known);
}

void CallsView::fillAgents(const QStringList &agents)
{
    const QString current = m_agent->currentIndex() > 0 ? m_agent->currentText() : QString();
    m_agents = agents;
    const QSignalBlocker block(m_agent);
    while (m_agent->count() > 1)
        m_agent->removeItem(1);
    for (const QString &agent : std::as_const(m_agents))
        m_agent->addItem(agent);
    m_agent->setCurrentIndex(std::max(0, m_agent->findText(current)));
}

// Each column as wide as its header or its widest typical value, measured once (not per row, which
// would cost a read of every row): numbers in full, outcome words beside their swatch.
void CallsView::updateColumnWidths()
{
    const QFontMetrics body = m_table->fontMetrics();
    const QFontMetrics head = m_table->horizontalHeader()->fontMetrics();
    const int padding = 2 * m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 8;
    const QLocale locale;
    const QDateTime sample(QDate(2026, 12, 28), QTime(23, 58, 59));
    const QStringList started{locale.toString(sample.date(), QLocale::ShortFormat) + u"  "_s +
                                  locale.toString(sample.time(), u"HH:mm"_s),
                              locale.toString(sample.time(), u"HH:mm:ss"_s)};
    QStringList statuses;
    for (CallStatus status :
         {CallStatus::Queued, CallStatus::Ringing, CallStatus::InProgress, CallStatus::Ended})
        statuses << CallPresentation::callStatus(status);
    QStringList outcomes;
    for (Outcome outcome : {Outcome::Completed, Outcome::NoAnswer, Outcome::Busy, Outcome::Failed,
                            Outcome::Voicemail, Outcome::Transferred})
        outcomes << CallPresentation::outcome(outcome);
    const QList<QStringList> samples{
        started,
        {u"Ultravox"_s, u"LiveKit"_s, CallPresentation::provider(Provider::Backend)},
        {CallPresentation::direction(u"inbound"_s), CallPresentation::direction(u"outbound"_s)},
        {u"+4917012345678"_s},
        {u"+4917012345678"_s},
        {},
        {u"1:02:05"_s},
        statuses,
        outcomes,
        {u"999"_s},
        {u"999"_s},
    };
    for (int column = 0; column < CallListModel::ColumnCount; ++column) {
        if (column == CallListModel::Agent)
            continue;
        // The header's text beside the sort arrow.
        int width =
            head.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + padding + 14;
        for (const QString &text : samples.at(column))
            width = std::max(width, body.horizontalAdvance(text) + padding);
        if (column == CallListModel::Outcome)
            width += m_table->style()->pixelMetric(QStyle::PM_SmallIconSize) + 12;
        m_table->setColumnWidth(column, width);
    }
}

void CallsView::updateCount()
{
    const int rows = m_model->rowCount();
    if (!m_model->lastError().isEmpty())
        m_count->setText(tr("Cannot read calls: %1").arg(m_model->lastError()));
    else if (m_model->canFetchMore({}))
        m_count->setText(tr("%n calls shown, more as you scroll", nullptr, rows));
    else
        m_count->setText(tr("%n calls", nullptr, rows));
}

void CallsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CallsView::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search words, functions, numbers (Ctrl+F)"));
    m_search->setToolTip(tr("Searches what was said, function names and arguments. Every word is matched as "
                            "the start of a word. Digits alone search the end of the caller's and callee's "
                            "numbers."));
    const auto refill = [](QComboBox *box, const QList<std::pair<QString, QVariant>> &items) {
        const int current = std::max(0, box->currentIndex());
        const QSignalBlocker block(box);
        box->clear();
        for (const auto &[text, data] : items)
            box->addItem(text, data);
        box->setCurrentIndex(std::min(current, box->count() - 1));
    };
    refill(m_range, {{tr("Any time"), int(Range::Any)},
                     {tr("Today"), int(Range::Today)},
                     {tr("Last 24 hours"), int(Range::Day)},
                     {tr("Last 7 days"), int(Range::Week)},
                     {tr("Last 30 days"), int(Range::Month)}});
    QList<std::pair<QString, QVariant>> providers{{tr("All providers"), {}}};
    for (Provider p : {Provider::Retell, Provider::Vapi, Provider::Ultravox, Provider::LiveKit,
                       Provider::Twilio, Provider::Backend})
        providers.append({CallPresentation::provider(p), int(p)});
    refill(m_provider, providers);
    QList<std::pair<QString, QVariant>> statuses{{tr("Any status"), {}}};
    for (CallStatus s : {CallStatus::Queued, CallStatus::Ringing, CallStatus::InProgress, CallStatus::Ended})
        statuses.append({CallPresentation::callStatus(s), int(s)});
    refill(m_status, statuses);
    QList<std::pair<QString, QVariant>> outcomes{{tr("Any outcome"), {}}};
    for (Outcome o : {Outcome::Completed, Outcome::NoAnswer, Outcome::Busy, Outcome::Failed,
                      Outcome::Voicemail, Outcome::Transferred})
        outcomes.append({CallPresentation::outcome(o), int(o)});
    refill(m_outcome, outcomes);
    {
        const QSignalBlocker block(m_agent);
        if (m_agent->count() == 0)
            m_agent->addItem(QString());
        m_agent->setItemText(0, tr("All agents"));
    }
    m_errorsOnly->setText(tr("With errors only"));
    updateColumnWidths();
    updateCount();
}

} // namespace CallScope
