// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings.h"
#include "storetypes.h"

#include <QHash>
#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QMenu;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QSystemTrayIcon;

namespace CallScope {

class CallbackQueueView;
class CallsPage;
class DemoLoader;
class MessageBar;
class Runtime;
class EmptyStatePage;
class ErrorsView;
class Store;
class StoreReader;
class WebhookSetupPanel;

// What the shell shows about the running listener and store.
struct ShellInfo
{
    QString publicBaseUrl;   // e.g. http://127.0.0.1:8787
    QString listenAddress;   // what the listener bound, or empty when it is not listening
    QString listenError;     // why it is not listening
    QString databaseDisplay; // the database URL without any password
    QString secretBackend;   // "keychain", "file", ...
    QString tenant = QStringLiteral("default");
    QHash<QString, bool> configuredProviders; // provider name -> its signing secret is stored
};

// The window: a navigation list on the left (Calls, Callbacks, Errors, Charts) and the page on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Place
    {
        Calls,
        Callbacks,
        Errors,
        Charts
    };

    explicit MainWindow(const ShellInfo &info, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPlace(Place place);
    Place currentPlace() const;
    void setShellInfo(const ShellInfo &info);
    // Shows the store's calls, callback queue and errors (live, through its change notifications)
    // with a read connection of the window's own. Until the tenant has a call, the Calls place shows
    // how to connect a provider. The queue's and the errors' actions are recorded with the staff name
    // from the settings.
    void attachStore(Store *store);
    // As attachStore(), with what only the running app has: its secrets (the settings dialog, which
    // providers are set up for the tenant shown), its listener (demo calls are sent to it) and the
    // command-line options that override settings.
    void attachRuntime(Runtime *runtime);
    // Shows the tenant `slug` everywhere (calls, callbacks, errors, webhook URLs); remembered for the
    // next start. False when there is no such tenant.
    bool setTenant(const QString &slug);
    QString tenant() const { return m_info.tenant; }
    // Plays demo calls through the app's own listener into the tenant "demo", then shows them.
    void loadDemoCalls();
    DemoLoader *demoLoader() const { return m_demo; }
    // The settings dialog at `page` (a SettingsDialog::Page); modal.
    void openSettings(int page = 0);
    void openTenants();
    CallsPage *callsPage() const { return m_callsPage; }
    CallbackQueueView *callbackQueueView() const { return m_callbackQueue; }
    ErrorsView *errorsView() const { return m_errorsView; }
    // Shows the call in its tab on the Calls place.
    void openCall(qint64 callId);
    // The same, with the failure at `offsetMs` (from the call's start) selected on its timeline.
    void openCallAt(qint64 callId, std::optional<qint64> offsetMs);

signals:
    // The user asked to restart CallScope (to use a changed database or listener).
    void restartRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void createMenus();
    // The tenant switcher's entries, from the store.
    void reloadTenants();
    // Which providers have their signing secret stored for the tenant shown (read asynchronously).
    void refreshConfiguredProviders();
    // What the settings dialog changed that applies at once (language, staff name, masking...).
    void applySettingsChange(const QList<CallScope::Settings::Key> &changedKeys, bool restartNeeded);
    void onDemoProgress(int done, int total);
    void onDemoFinished(bool ok, const QString &summary);
    void updateStatus();
    void onStoreChanged(const CallScope::StoreChanges &changes);
    // The list once there is a call to list, the welcome page before.
    void showCallsOrWelcome();
    // Open critical callbacks: in the title, the status bar and on the navigation entry.
    void setCriticalCount(int count);
    void updateCriticalCount();
    // A desktop notification (where the desktop has a system tray).
    void notifyCritical(const CallScope::CallbackRecord &request);
    // Unresolved critical error groups: in the status bar and on the navigation entry.
    void setCriticalErrorCount(int count);
    void updateCriticalErrorCount();
    // New critical error groups (or regressions): a desktop notification.
    void notifyCriticalErrors(const QList<CallScope::ErrorGroupRecord> &groups);
    // The tray icon, made on first use; false where the desktop has none.
    bool ensureTray();
    // What the last notification was about, so a click on it shows that.
    void showNotified();

    ShellInfo m_info;
    Runtime *m_runtime = nullptr;
    DemoLoader *m_demo = nullptr;
    QComboBox *m_tenantBox = nullptr;
    MessageBar *m_messages = nullptr;
    QPushButton *m_connectButton = nullptr;
    QPushButton *m_demoButton = nullptr;
    QLabel *m_connectText = nullptr;
    QLabel *m_demoText = nullptr;
    QProgressBar *m_demoProgress = nullptr;
    QLabel *m_tenantLabel = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_tenantsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    quint64 m_providerRead = 0; // the latest read of the configured providers
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QStackedWidget *m_callsPlace = nullptr; // the welcome page, then the calls page
    CallsPage *m_callsPage = nullptr;
    QStackedWidget *m_callbacksPlace = nullptr; // the empty page, then the queue
    CallbackQueueView *m_callbackQueue = nullptr;
    QStackedWidget *m_errorsPlace = nullptr; // the empty page, then the errors
    ErrorsView *m_errorsView = nullptr;
    int m_criticalCount = 0;
    int m_criticalErrorCount = 0;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_notifiedRequest;  // the callback request of the last notification
    qint64 m_notifiedGroup = 0; // or its error group
    Store *m_store = nullptr;
    std::unique_ptr<StoreReader> m_reader;
    TenantId m_tenant;
    QString m_storeError;
    WebhookSetupPanel *m_setup = nullptr;
    EmptyStatePage *m_calls = nullptr;
    EmptyStatePage *m_callbacks = nullptr;
    EmptyStatePage *m_errors = nullptr;
    EmptyStatePage *m_charts = nullptr;
    QLabel *m_listenStatus = nullptr;
    QLabel *m_storeStatus = nullptr;
    QLabel *m_criticalStatus = nullptr;
    QLabel *m_criticalErrorsStatus = nullptr;
};

} // namespace CallScope
