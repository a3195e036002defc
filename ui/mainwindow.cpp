// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appicon.h"
#include "calllistmodel.h"
#include "callspage.h"
#include "callsview.h"
#include "emptystatepage.h"
#include "store.h"
#include "storereader.h"
#include "webhooksetuppanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

MainWindow::MainWindow(const ShellInfo &info, QWidget *parent)
    : QMainWindow(parent)
    , m_info(info)
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_setup(new WebhookSetupPanel)
    , m_calls(new EmptyStatePage)
    , m_callbacks(new EmptyStatePage)
    , m_errors(new EmptyStatePage)
    , m_charts(new EmptyStatePage)
    , m_listenStatus(new QLabel(this))
    , m_storeStatus(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    m_navigation->setObjectName(u"navigation"_s);
    m_pages->setObjectName(u"pages"_s);
    m_calls->setObjectName(u"callsPage"_s);
    m_callbacks->setObjectName(u"callbacksPage"_s);
    m_errors->setObjectName(u"errorsPage"_s);
    m_charts->setObjectName(u"chartsPage"_s);

    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    m_navigation->setFixedWidth(180);
    m_navigation->setAutoFillBackground(true);
    m_navigation->setBackgroundRole(QPalette::AlternateBase);
    QFont navFont = m_navigation->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
    m_navigation->setFont(navFont);
    for (int i = 0; i < 4; ++i) {
        auto *item = new QListWidgetItem(m_navigation);
        item->setSizeHint(QSize(0, 36));
    }

    m_calls->addContent(m_setup);
    for (EmptyStatePage *page : {m_calls, m_callbacks, m_errors, m_charts}) {
        auto *scroll = new QScrollArea;
        scroll->setWidget(page);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        if (page != m_calls) {
            m_pages->addWidget(scroll);
            continue;
        }
        m_callsPlace = new QStackedWidget;
        m_callsPlace->setObjectName(u"callsPlace"_s);
        m_callsPlace->addWidget(scroll);
        m_pages->addWidget(m_callsPlace);
    }

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_listenStatus->setObjectName(u"listenStatus"_s);
    m_storeStatus->setObjectName(u"storeStatus"_s);
    statusBar()->addWidget(m_listenStatus, 1);
    statusBar()->addPermanentWidget(m_storeStatus);

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);
    resize(1100, 720);
    setShellInfo(info);
    retranslateUi();
}

MainWindow::~MainWindow() = default;

void MainWindow::showPlace(Place place)
{
    m_navigation->setCurrentRow(int(place));
}

MainWindow::Place MainWindow::currentPlace() const
{
    return Place(m_navigation->currentRow());
}

void MainWindow::setShellInfo(const ShellInfo &info)
{
    m_info = info;
    m_setup->setBaseUrl(info.publicBaseUrl, info.tenant);
    m_setup->setConfiguredProviders(info.configuredProviders);
    updateStatus();
}

void MainWindow::attachStore(Store *store)
{
    auto reader = StoreReader::open(store->url(), store->password());
    if (!reader) {
        m_storeError = tr("Cannot read the database: %1").arg(reader.error().message);
        updateStatus();
        return;
    }
    m_reader = std::move(*reader);
    if (auto tenant = m_reader->tenant(m_info.tenant))
        m_tenant = tenant->id;
    if (!m_callsPage) {
        m_callsPage = new CallsPage;
        m_callsPlace->addWidget(m_callsPage);
        connect(m_callsPage, &CallsPage::problem, this,
                [this](const QString &message) { statusBar()->showMessage(message, 10'000); });
    }
    m_callsPage->setReader(m_reader.get(), m_tenant, m_info.tenant);
    connect(store, &Store::changed, this, &MainWindow::onStoreChanged, Qt::UniqueConnection);
    showCallsOrWelcome();
}

void MainWindow::onStoreChanged(const StoreChanges &changes)
{
    if (!m_reader)
        return;
    if (!m_tenant.isValid()) { // the tenant was created after the window opened
        if (!(changes.kinds & StoreChanges::Tenants))
            return;
        if (auto tenant = m_reader->tenant(m_info.tenant); tenant) {
            m_tenant = tenant->id;
            m_callsPage->setReader(m_reader.get(), m_tenant, m_info.tenant);
        }
        return;
    }
    m_callsPage->applyChanges(changes);
    if (changes.kinds & StoreChanges::Calls)
        showCallsOrWelcome();
}

void MainWindow::showCallsOrWelcome()
{
    if (!m_callsPage || m_callsPlace->currentWidget() == m_callsPage)
        return;
    if (m_callsPage->callsView()->model()->rowCount() == 0) {
        auto count = m_reader->countCalls(m_tenant);
        if (!count || *count == 0)
            return;
        m_callsPage->callsView()->applyFilters();
    }
    m_callsPlace->setCurrentWidget(m_callsPage);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("CallScope"));
    const QStringList names{tr("Calls"), tr("Callbacks"), tr("Errors"), tr("Charts")};
    for (int i = 0; i < names.size(); ++i) {
        QListWidgetItem *item = m_navigation->item(i);
        item->setText(names.at(i));
        item->setIcon(placeIcon(PlaceIcon(i), palette().color(QPalette::Text),
                                palette().color(QPalette::HighlightedText)));
    }
    m_calls->setTexts(tr("No calls yet"),
                      tr("Every call your voice agents handle will appear here as soon as its first webhook "
                         "arrives: who called, what the agent said, which functions ran and which failed. "
                         "Give each provider its webhook URL below and store its signing secret; CallScope "
                         "refuses unsigned webhooks."));
    m_callbacks->setTexts(tr("No one is waiting for a callback"),
                          tr("When a caller asks to be called back, or a transfer to your staff fails, the "
                             "request appears here: most urgent and oldest first, ready to dial."));
    m_errors->setTexts(tr("No errors"),
                       tr("Failed function calls, broken transfers and provider errors are grouped here by "
                          "cause, with how often they happened and on which calls."));
    m_charts->setTexts(tr("No data to chart yet"),
                       tr("Calls and outcomes per day, success rate, function latency and callback "
                          "resolution times are charted here once calls arrive."));
    m_setup->retranslateUi();
    updateStatus();
}

void MainWindow::updateStatus()
{
    if (!m_info.listenAddress.isEmpty())
        m_listenStatus->setText(tr("Receiving webhooks on %1").arg(m_info.listenAddress));
    else if (!m_info.listenError.isEmpty())
        m_listenStatus->setText(tr("Not receiving webhooks: %1").arg(m_info.listenError));
    else
        m_listenStatus->setText(tr("Not receiving webhooks"));
    m_storeStatus->setText(
        tr("Database: %1 · Secrets: %2").arg(m_info.databaseDisplay, m_info.secretBackend));
    if (!m_storeError.isEmpty())
        m_listenStatus->setText(m_storeError);
}

} // namespace CallScope
