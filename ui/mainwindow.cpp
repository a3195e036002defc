// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appicon.h"
#include "callbackpresentation.h"
#include "callbackqueueview.h"
#include "calldetailview.h"
#include "calllistmodel.h"
#include "callpresentation.h"
#include "callspage.h"
#include "callsview.h"
#include "demoloader.h"
#include "desktopoptions.h"
#include "emptystatepage.h"
#include "errorpresentation.h"
#include "errorsview.h"
#include "language.h"
#include "messagebar.h"
#include "runtime.h"
#include "secrets/secretstore.h"
#include "settings.h"
#include "settingsdialog.h"
#include "store.h"
#include "storereader.h"
#include "tenantsdialog.h"
#include "webhooksetuppanel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

constexpr int badgeRole = Qt::UserRole + 1;

// A navigation entry with a count that needs attention (open critical callbacks, unresolved critical
// errors) shows it in a red pill at its right end.
class NavigationDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const int count = index.data(badgeRole).toInt();
        if (count <= 0)
            return;
        const QString text = count > 99 ? u"99+"_s : QString::number(count);
        QFont font = option.font;
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 0.85);
        const QFontMetrics metrics(font);
        const int height = metrics.height() + 4;
        const int width = std::max(height, metrics.horizontalAdvance(text) + 12);
        const QRect pill(option.rect.right() - width - 10, option.rect.center().y() - height / 2 + 1, width,
                         height);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(CallPresentation::errorColor(option.palette));
        painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
        painter->setPen(Qt::white);
        painter->setFont(font);
        painter->drawText(pill, Qt::AlignCenter, text);
        painter->restore();
    }
};

} // namespace

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
    , m_criticalStatus(new QLabel(this))
    , m_criticalErrorsStatus(new QLabel(this))
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
    m_navigation->setItemDelegate(new NavigationDelegate(m_navigation));
    for (int i = 0; i < 4; ++i) {
        auto *item = new QListWidgetItem(m_navigation);
        item->setSizeHint(QSize(0, 36));
    }

    // The first run: two ways to see CallScope work, side by side, above the webhook URLs.
    auto *start = new QWidget;
    start->setObjectName(u"firstRunActions"_s);
    auto *startLayout = new QHBoxLayout(start);
    startLayout->setContentsMargins(0, 0, 0, 8);
    startLayout->setSpacing(16);
    const auto card = [&](QPushButton *button, QLabel *text) {
        auto *frame = new QFrame;
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setMaximumWidth(420);
        auto *layout = new QVBoxLayout(frame);
        layout->setContentsMargins(16, 14, 16, 14);
        layout->setSpacing(8);
        text->setWordWrap(true);
        text->setMinimumHeight(text->fontMetrics().lineSpacing() * 3);
        text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        layout->addWidget(text, 1);
        layout->addWidget(button, 0, Qt::AlignLeft);
        startLayout->addWidget(frame, 1);
        return layout;
    };
    m_connectButton = new QPushButton;
    m_connectButton->setObjectName(u"connectProviderButton"_s);
    m_connectText = new QLabel;
    card(m_connectButton, m_connectText);
    m_demoButton = new QPushButton;
    m_demoButton->setObjectName(u"loadDemoButton"_s);
    m_demoButton->setDefault(true);
    m_demoText = new QLabel;
    m_demoText->setObjectName(u"demoText"_s);
    m_demoProgress = new QProgressBar;
    m_demoProgress->setObjectName(u"demoProgress"_s);
    m_demoProgress->setTextVisible(true);
    m_demoProgress->hide();
    card(m_demoButton, m_demoText)->addWidget(m_demoProgress);
    startLayout->addStretch(0);
    m_calls->addContent(start);
    m_calls->addContent(m_setup);
    connect(m_connectButton, &QPushButton::clicked, this,
            [this] { openSettings(int(SettingsDialog::Page::Providers)); });
    connect(m_demoButton, &QPushButton::clicked, this, &MainWindow::loadDemoCalls);
    for (EmptyStatePage *page : {m_calls, m_callbacks, m_errors, m_charts}) {
        auto *scroll = new QScrollArea;
        scroll->setWidget(page);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        if (page == m_callbacks) {
            m_callbacksPlace = new QStackedWidget;
            m_callbacksPlace->setObjectName(u"callbacksPlace"_s);
            m_callbacksPlace->addWidget(scroll);
            m_pages->addWidget(m_callbacksPlace);
            continue;
        }
        if (page == m_errors) {
            m_errorsPlace = new QStackedWidget;
            m_errorsPlace->setObjectName(u"errorsPlace"_s);
            m_errorsPlace->addWidget(scroll);
            m_pages->addWidget(m_errorsPlace);
            continue;
        }
        if (page != m_calls) {
            m_pages->addWidget(scroll);
            continue;
        }
        m_callsPlace = new QStackedWidget;
        m_callsPlace->setObjectName(u"callsPlace"_s);
        m_callsPlace->addWidget(scroll);
        m_pages->addWidget(m_callsPlace);
    }

    // The tenant switcher heads the navigation: everything below shows that tenant.
    auto *side = new QWidget;
    side->setObjectName(u"sideBar"_s);
    side->setAutoFillBackground(true);
    side->setBackgroundRole(QPalette::AlternateBase);
    side->setFixedWidth(180);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 8, 0, 0);
    sideLayout->setSpacing(4);
    m_tenantLabel = new QLabel;
    m_tenantLabel->setObjectName(u"tenantLabel"_s);
    m_tenantLabel->setContentsMargins(10, 0, 8, 0);
    QFont small = m_tenantLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_tenantLabel->setFont(small);
    m_tenantLabel->setForegroundRole(QPalette::PlaceholderText);
    m_tenantBox = new QComboBox;
    m_tenantBox->setObjectName(u"tenantSwitcher"_s);
    m_tenantBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tenantBox->setMinimumContentsLength(10);
    m_tenantLabel->setBuddy(m_tenantBox);
    auto *tenantRow = new QHBoxLayout;
    tenantRow->setContentsMargins(8, 0, 8, 6);
    tenantRow->addWidget(m_tenantBox);
    sideLayout->addWidget(m_tenantLabel);
    sideLayout->addLayout(tenantRow);
    sideLayout->addWidget(m_navigation, 1);
    connect(m_tenantBox, &QComboBox::activated, this, [this](int index) {
        const QString slug = m_tenantBox->itemData(index).toString();
        if (slug.isEmpty()) { // "Manage tenants…"
            reloadTenants();
            openTenants();
            return;
        }
        setTenant(slug);
    });

    m_messages = new MessageBar;
    m_messages->setObjectName(u"windowMessages"_s);
    m_messages->hide();
    connect(m_messages, &MessageBar::actionTriggered, this, &MainWindow::restartRequested);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_messages);
    rightLayout->addWidget(m_pages, 1);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(side);
    layout->addWidget(right, 1);
    setCentralWidget(central);
    createMenus();

    m_listenStatus->setObjectName(u"listenStatus"_s);
    m_storeStatus->setObjectName(u"storeStatus"_s);
    m_criticalStatus->setObjectName(u"criticalCallbacksStatus"_s);
    m_criticalStatus->setTextFormat(Qt::RichText);
    m_criticalStatus->hide();
    m_criticalErrorsStatus->setObjectName(u"criticalErrorsStatus"_s);
    m_criticalErrorsStatus->setTextFormat(Qt::RichText);
    m_criticalErrorsStatus->hide();
    statusBar()->addWidget(m_listenStatus, 1);
    statusBar()->addPermanentWidget(m_criticalStatus);
    statusBar()->addPermanentWidget(m_criticalErrorsStatus);
    statusBar()->addPermanentWidget(m_storeStatus);
    connect(m_criticalStatus, &QLabel::linkActivated, this, [this] { showPlace(Place::Callbacks); });
    connect(m_criticalErrorsStatus, &QLabel::linkActivated, this, [this] {
        showPlace(Place::Errors);
        if (m_errorsView)
            m_errorsView->showCritical();
    });

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
    m_store = store;
    // The tenant shown last, unless it is gone.
    const QString remembered = Settings().string(Settings::Key::CurrentTenant);
    if (remembered != m_info.tenant && m_reader->tenant(remembered))
        m_info.tenant = remembered;
    if (auto tenant = m_reader->tenant(m_info.tenant))
        m_tenant = tenant->id;
    m_setup->setBaseUrl(m_info.publicBaseUrl, m_info.tenant);
    if (!m_callsPage) {
        m_callsPage = new CallsPage;
        m_callsPlace->addWidget(m_callsPage);
        connect(m_callsPage, &CallsPage::problem, this,
                [this](const QString &message) { statusBar()->showMessage(message, 10'000); });
    }
    m_callsPage->setReader(m_reader.get(), m_tenant, m_info.tenant);
    if (!m_callbackQueue) {
        m_callbackQueue = new CallbackQueueView;
        m_callbacksPlace->addWidget(m_callbackQueue);
        connect(m_callbackQueue, &CallbackQueueView::openCallRequested, this, &MainWindow::openCall);
        connect(m_callbackQueue, &CallbackQueueView::criticalCountChanged, this,
                &MainWindow::setCriticalCount);
        connect(m_callbackQueue, &CallbackQueueView::criticalRequestArrived, this,
                &MainWindow::notifyCritical);
        connect(m_callbackQueue, &CallbackQueueView::notice, this,
                [this](const QString &message) { statusBar()->showMessage(message, 8'000); });
    }
    if (!m_errorsView) {
        m_errorsView = new ErrorsView;
        m_errorsPlace->addWidget(m_errorsView);
        connect(m_errorsView, &ErrorsView::openCallRequested, this, &MainWindow::openCallAt);
        connect(m_errorsView, &ErrorsView::criticalCountChanged, this, &MainWindow::setCriticalErrorCount);
        connect(m_errorsView, &ErrorsView::criticalGroupsAppeared, this, &MainWindow::notifyCriticalErrors);
        connect(m_errorsView, &ErrorsView::notice, this,
                [this](const QString &message) { statusBar()->showMessage(message, 8'000); });
    }
    const Settings settings;
    const QString actor = CallbackQueueView::actorName(settings.string(Settings::Key::StaffName));
    m_callbackQueue->setDialUriTemplate(settings.string(Settings::Key::DialUriTemplate));
    m_callbackQueue->setActor(actor);
    m_callbackQueue->setStore(store, m_reader.get(), m_tenant, m_info.tenant);
    m_callbacksPlace->setCurrentWidget(m_callbackQueue);
    m_errorsView->setActor(actor);
    m_errorsView->setStore(store, m_reader.get(), m_tenant, m_info.tenant);
    m_errorsPlace->setCurrentWidget(m_errorsView);
    connect(store, &Store::changed, this, &MainWindow::onStoreChanged, Qt::UniqueConnection);
    reloadTenants();
    showCallsOrWelcome();
}

void MainWindow::attachRuntime(Runtime *runtime)
{
    m_runtime = runtime;
    attachStore(runtime->store());
    refreshConfiguredProviders();
}

bool MainWindow::setTenant(const QString &slug)
{
    if (!m_reader)
        return false;
    auto tenant = m_reader->tenant(slug);
    if (!tenant)
        return false;
    m_info.tenant = tenant->slug;
    m_tenant = tenant->id;
    Settings settings;
    settings.setValue(Settings::Key::CurrentTenant, tenant->slug);
    m_callsPage->setReader(m_reader.get(), m_tenant, m_info.tenant);
    m_callbackQueue->setStore(m_store, m_reader.get(), m_tenant, m_info.tenant);
    m_errorsView->setStore(m_store, m_reader.get(), m_tenant, m_info.tenant);
    m_setup->setBaseUrl(m_info.publicBaseUrl, m_info.tenant);
    m_callsPlace->setCurrentIndex(0); // the welcome page until the tenant's calls are counted
    showCallsOrWelcome();
    reloadTenants();
    refreshConfiguredProviders();
    updateStatus();
    return true;
}

void MainWindow::reloadTenants()
{
    if (!m_reader)
        return;
    auto tenants = m_reader->tenants();
    if (!tenants)
        return;
    const QSignalBlocker blocker(m_tenantBox);
    m_tenantBox->clear();
    for (const Tenant &tenant : std::as_const(*tenants)) {
        // The tenant every installation starts with is named after its slug until renamed.
        const bool unnamed = tenant.name.isEmpty() || tenant.name == tenant.slug;
        const QString name = unnamed && tenant.slug == "default"_L1 ? tr("Default")
                             : unnamed                              ? tenant.slug
                                                                    : tenant.name;
        m_tenantBox->addItem(name, tenant.slug);
        m_tenantBox->setItemData(m_tenantBox->count() - 1, tenant.slug, Qt::ToolTipRole);
    }
    if (m_tenantBox->findData(m_info.tenant) < 0) // not created yet: shown by its slug
        m_tenantBox->insertItem(0, m_info.tenant, m_info.tenant);
    m_tenantBox->insertSeparator(m_tenantBox->count());
    m_tenantBox->addItem(tr("Manage tenants…"), QString());
    m_tenantBox->setCurrentIndex(m_tenantBox->findData(m_info.tenant));
}

void MainWindow::refreshConfiguredProviders()
{
    if (!m_runtime || !m_runtime->secrets())
        return;
    const quint64 read = ++m_providerRead; // only the latest read (the tenant may change meanwhile) shows
    m_runtime->readConfiguredProviders(
        m_info.tenant, [window = QPointer(this), read](const QHash<QString, bool> &configured) {
            if (!window || read != window->m_providerRead)
                return;
            window->m_info.configuredProviders = configured;
            window->m_setup->setConfiguredProviders(configured);
        });
}

void MainWindow::loadDemoCalls()
{
    if (!m_runtime || (m_demo && m_demo->isRunning()))
        return;
    if (!m_demo) {
        m_demo = new DemoLoader(m_runtime, this);
        connect(m_demo, &DemoLoader::progress, this, &MainWindow::onDemoProgress);
        connect(m_demo, &DemoLoader::finished, this, &MainWindow::onDemoFinished);
        connect(m_demo, &DemoLoader::failed, this,
                [this](const QString &reason) { onDemoFinished(false, reason); });
    }
    m_demoButton->setEnabled(false);
    m_demoAction->setEnabled(false);
    m_demoProgress->setRange(0, 0);
    m_demoProgress->setFormat(tr("Starting…"));
    m_demoProgress->show();
    m_demo->start(DemoLoader::Options());
}

void MainWindow::onDemoProgress(int done, int total)
{
    m_demoProgress->setRange(0, std::max(total, 1));
    m_demoProgress->setValue(done);
    m_demoProgress->setFormat(tr("%1 of %2 deliveries received").arg(done).arg(total));
}

void MainWindow::onDemoFinished(bool ok, const QString &summary)
{
    m_demoButton->setEnabled(true);
    m_demoAction->setEnabled(true);
    m_demoProgress->hide();
    reloadTenants();
    if (!ok)
        m_messages->showMessage(MessageBar::Kind::Error,
                                tr("The demo calls did not all arrive: %1").arg(summary));
    // Whatever arrived is shown.
    const QString demo = DemoLoader::Options().tenant;
    bool arrived = false;
    if (m_reader) {
        if (const auto tenant = m_reader->tenant(demo)) {
            const auto calls = m_reader->countCalls(tenant->id);
            arrived = calls && *calls > 0;
        }
    }
    if (!arrived || !setTenant(demo))
        return;
    showPlace(Place::Calls);
    if (ok)
        statusBar()->showMessage(summary, 15'000);
}

void MainWindow::openSettings(int page)
{
    Settings settings;
    SettingsDialog::Environment environment;
    environment.secrets = m_runtime ? m_runtime->secrets() : nullptr;
    environment.reader = m_reader.get();
    environment.boundAddress = m_info.listenAddress;
    environment.publicBaseUrl = m_info.publicBaseUrl;
    if (m_runtime)
        environment.commandLineOverrides = overridingOptions(m_runtime->options());
    SettingsDialog dialog(settings, environment, this);
    dialog.setTenant(m_info.tenant);
    dialog.showPage(SettingsDialog::Page(page));
    connect(&dialog, &SettingsDialog::saved, this, &MainWindow::applySettingsChange);
    connect(&dialog, &SettingsDialog::secretsChanged, this,
            [this](const QString &tenant, const QStringList &keys) {
                if (m_runtime)
                    m_runtime->invalidateSecrets(tenant, keys);
                if (tenant == m_info.tenant)
                    refreshConfiguredProviders();
            });
    dialog.exec();
}

void MainWindow::openTenants()
{
    if (!m_store || !m_reader)
        return;
    TenantsDialog dialog(m_store, m_reader.get(), this);
    dialog.setCurrentTenant(m_info.tenant);
    connect(&dialog, &TenantsDialog::tenantsChanged, this, &MainWindow::reloadTenants);
    connect(&dialog, &TenantsDialog::currentTenantRequested, this, [this, &dialog](const QString &slug) {
        setTenant(slug);
        dialog.accept();
    });
    dialog.exec();
    reloadTenants();
}

void MainWindow::applySettingsChange(const QList<Settings::Key> &changedKeys, bool restartNeeded)
{
    const Settings settings;
    for (const Settings::Key key : changedKeys) {
        if (Settings::isErrorSeverity(key) && m_store)
            m_store->setErrorSeverities(settings.errorSeverities());
        switch (key) {
        case Settings::Key::Language:
            applyLanguage(settings.string(Settings::Key::Language));
            break;
        case Settings::Key::StaffName: {
            const QString actor = CallbackQueueView::actorName(settings.string(Settings::Key::StaffName));
            if (m_callbackQueue)
                m_callbackQueue->setActor(actor);
            if (m_errorsView)
                m_errorsView->setActor(actor);
            break;
        }
        case Settings::Key::DialUriTemplate:
            if (m_callbackQueue)
                m_callbackQueue->setDialUriTemplate(settings.string(Settings::Key::DialUriTemplate));
            break;
        case Settings::Key::MaskPhoneNumbers:
            CallPresentation::setMaskNumbersInLists(settings.value(Settings::Key::MaskPhoneNumbers).toBool());
            for (QAbstractItemView *view : findChildren<QAbstractItemView *>())
                view->viewport()->update();
            break;
        default:
            break;
        }
    }
    if (restartNeeded)
        m_messages->showMessage(MessageBar::Kind::Information,
                                tr("Some of the changed settings take effect when CallScope restarts."),
                                tr("Restart now"));
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_demoAction = m_fileMenu->addAction(QString(), this, &MainWindow::loadDemoCalls);
    m_demoAction->setObjectName(u"loadDemoAction"_s);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_settingsMenu = menuBar()->addMenu(QString());
    m_tenantsAction = m_settingsMenu->addAction(QString(), this, &MainWindow::openTenants);
    m_tenantsAction->setObjectName(u"tenantsAction"_s);
    m_settingsAction = m_settingsMenu->addAction(QString(), this, [this] { openSettings(); });
    m_settingsAction->setObjectName(u"settingsAction"_s);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About CallScope"),
                           tr("<h3>CallScope %1</h3><p>Records and explains the phone calls your voice-AI "
                              "agents handle: every function call, transfer and webhook, and every caller "
                              "who asked to be called back.</p><p>Licensed under the GNU GPL, version 3 "
                              "or later.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    m_aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::openCall(qint64 callId)
{
    if (!m_callsPage)
        return;
    if (m_callsPlace->currentWidget() != m_callsPage) {
        m_callsPage->callsView()->applyFilters();
        m_callsPlace->setCurrentWidget(m_callsPage);
    }
    if (m_callsPage->openCall(callId))
        showPlace(Place::Calls);
}

void MainWindow::openCallAt(qint64 callId, std::optional<qint64> offsetMs)
{
    openCall(callId);
    if (!m_callsPage || currentPlace() != Place::Calls || !offsetMs)
        return;
    if (CallDetailView *view = m_callsPage->detailView(callId))
        view->selectFailureAt(*offsetMs);
}

void MainWindow::setCriticalCount(int count)
{
    m_criticalCount = count;
    updateCriticalCount();
}

void MainWindow::updateCriticalCount()
{
    const int count = m_criticalCount;
    const QString critical =
        count == 1 ? tr("1 critical callback") : tr("%n critical callbacks", nullptr, count);
    setWindowTitle(count > 0 ? tr("CallScope — %1").arg(critical) : tr("CallScope"));
    QListWidgetItem *item = m_navigation->item(int(Place::Callbacks));
    item->setData(badgeRole, count);
    const QString waiting = count == 1 ? tr("1 critical callback is waiting")
                                       : tr("%n critical callbacks are waiting", nullptr, count);
    item->setToolTip(count > 0 ? waiting : QString());
    item->setData(Qt::AccessibleDescriptionRole, count > 0 ? waiting : QString());
    m_criticalStatus->setVisible(count > 0);
    m_criticalStatus->setText(
        u"<a href=\"callbacks\" style=\"color:%1; font-weight:600; text-decoration:none;\">‼ %2</a>"_s.arg(
            CallPresentation::errorColor(palette()).name(), critical.toHtmlEscaped()));
    m_criticalStatus->setToolTip(tr("Show the callback queue"));
    if (m_tray)
        m_tray->setToolTip(windowTitle());
}

bool MainWindow::ensureTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return false;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(appIcon(), this);
        m_tray->setObjectName(u"trayIcon"_s);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &MainWindow::showNotified);
        connect(m_tray, &QSystemTrayIcon::activated, this, &MainWindow::showNotified);
        m_tray->setToolTip(windowTitle());
        m_tray->show();
    }
    return true;
}

void MainWindow::showNotified()
{
    showNormal();
    raise();
    activateWindow();
    if (m_notifiedGroup != 0) {
        showPlace(Place::Errors);
        if (m_errorsView) {
            if (m_errorsView->model()->rowOfGroup(m_notifiedGroup) < 0)
                m_errorsView->showCritical();
            m_errorsView->selectGroup(m_notifiedGroup);
        }
        return;
    }
    showPlace(Place::Callbacks);
    if (m_callbackQueue)
        m_callbackQueue->selectRequest(m_notifiedRequest);
}

void MainWindow::notifyCritical(const CallbackRecord &request)
{
    QApplication::alert(this); // the taskbar entry asks for attention, with or without a tray
    if (!ensureTray())
        return;
    m_notifiedRequest = request.uuid;
    m_notifiedGroup = 0;
    const QString who = CallbackPresentation::who(request);
    const QString about = request.concern.isEmpty() ? request.callbackNumber
                                                    : request.callbackNumber + u" · "_s + request.concern;
    m_tray->showMessage(tr("Critical callback: %1").arg(who), about, QSystemTrayIcon::Warning, 20'000);
}

void MainWindow::setCriticalErrorCount(int count)
{
    m_criticalErrorCount = count;
    updateCriticalErrorCount();
}

void MainWindow::updateCriticalErrorCount()
{
    const int count = m_criticalErrorCount;
    QListWidgetItem *item = m_navigation->item(int(Place::Errors));
    item->setData(badgeRole, count);
    const QString critical = count == 1 ? tr("1 critical error") : tr("%n critical errors", nullptr, count);
    const QString unresolved = count == 1 ? tr("1 critical error is unresolved")
                                          : tr("%n critical errors are unresolved", nullptr, count);
    item->setToolTip(count > 0 ? unresolved : QString());
    item->setData(Qt::AccessibleDescriptionRole, count > 0 ? unresolved : QString());
    m_criticalErrorsStatus->setVisible(count > 0);
    m_criticalErrorsStatus->setText(
        u"<a href=\"errors\" style=\"color:%1; font-weight:600; text-decoration:none;\">⚠ %2</a>"_s.arg(
            CallPresentation::errorColor(palette()).name(), critical.toHtmlEscaped()));
    m_criticalErrorsStatus->setToolTip(tr("Show the unresolved critical errors"));
}

void MainWindow::notifyCriticalErrors(const QList<ErrorGroupRecord> &groups)
{
    if (groups.isEmpty())
        return;
    QApplication::alert(this);
    if (!ensureTray())
        return;
    const ErrorGroupRecord &group = groups.first();
    m_notifiedGroup = group.id;
    m_notifiedRequest.clear();
    const QString code = ErrorPresentation::title(group);
    QStringList about;
    if (!group.functionName.isEmpty())
        about << group.functionName;
    if (!group.provider.isEmpty())
        about << ErrorPresentation::provider(group.provider);
    about << group.message;
    const QString title = groups.size() > 1  ? tr("%n new critical errors", nullptr, int(groups.size()))
                          : group.regression ? tr("Critical error is back: %1").arg(code)
                                             : tr("Critical error: %1").arg(code);
    m_tray->showMessage(title, about.join(u" · "_s), QSystemTrayIcon::Critical, 20'000);
}

void MainWindow::onStoreChanged(const StoreChanges &changes)
{
    if (!m_reader)
        return;
    if ((changes.kinds & StoreChanges::Tenants) && m_tenant.isValid()) {
        // The tenant shown was deleted (here or by another desktop): back to the default one.
        if (!m_reader->tenant(m_info.tenant) && m_info.tenant != "default"_L1) {
            if (!setTenant(u"default"_s)) {
                m_info.tenant = u"default"_s;
                m_tenant = {};
            }
            return;
        }
        reloadTenants();
    }
    if (!m_tenant.isValid()) { // the tenant was created after the window opened
        if (!(changes.kinds & StoreChanges::Tenants))
            return;
        if (auto tenant = m_reader->tenant(m_info.tenant); tenant) {
            m_tenant = tenant->id;
            m_callsPage->setReader(m_reader.get(), m_tenant, m_info.tenant);
            m_callbackQueue->setStore(m_store, m_reader.get(), m_tenant, m_info.tenant);
            m_errorsView->setStore(m_store, m_reader.get(), m_tenant, m_info.tenant);
        }
        return;
    }
    m_callsPage->applyChanges(changes);
    m_callbackQueue->applyChanges(changes);
    m_errorsView->applyChanges(changes);
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
    m_connectButton->setText(tr("Connect a provider…"));
    m_connectText->setText(
        tr("<b>Connect your voice agent.</b> Give Retell, Vapi, Ultravox, LiveKit or Twilio "
           "CallScope's webhook URL and store its signing secret."));
    m_demoButton->setText(tr("Load demo calls"));
    m_demoText->setText(
        tr("<b>See CallScope at work first.</b> A day of 40 calls at practices and salons arrives "
           "as signed webhooks, in a separate “Demo practice” you can delete later."));
    m_tenantLabel->setText(tr("&Practice"));
    m_tenantBox->setToolTip(tr("Whose calls are shown: each practice or salon (tenant) has its own calls, "
                               "webhook URLs, secrets and tokens"));
    if (const int manage = m_tenantBox->findData(QString()); manage >= 0)
        m_tenantBox->setItemText(manage, tr("Manage tenants…"));
    m_fileMenu->setTitle(tr("&File"));
    m_demoAction->setText(tr("Load &demo calls"));
    m_quitAction->setText(tr("&Quit"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_tenantsAction->setText(tr("&Tenants and API tokens…"));
    m_settingsAction->setText(tr("&Configure CallScope…"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About CallScope"));
    updateCriticalCount();
    updateCriticalErrorCount();
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
