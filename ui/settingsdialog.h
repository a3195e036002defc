// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"
#include "secretfield.h"
#include "settings.h"
#include "storetypes.h"
#include "types.h"

#include <QDialog>
#include <QHash>
#include <QIcon>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QVBoxLayout;

namespace CallScope {

class SecretStore;
class StoreReader;

// Everything callscope-server can be told on its command line, for a person who is not an engineer:
// the listener, the database, each provider's secrets per tenant, the callback hand-off, privacy,
// language, error severities and the rest. Secrets go to the secret store only, are shown as
// "stored" or "not set", never in clear. Each field is checked as it is typed, with the problem
// next to it; OK and Apply are refused while any field is wrong, and a save is all or nothing: a new
// database is migrated first, then the secrets are written, then the settings.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Page
    {
        Listener,
        Database,
        Providers,
        Callbacks,
        Privacy,
        Language,
        Errors,
        Advanced,
    };
    struct Environment // what the running app knows
    {
        SecretStore *secrets = nullptr;
        StoreReader *reader = nullptr;    // may be null (tests); tenants + delivery stats
        QString boundAddress;             // what the listener bound now, e.g. 127.0.0.1:8787
        QString publicBaseUrl;            // effective, for the webhook URLs
        QStringList commandLineOverrides; // e.g. {"--db", "--listen"}: show a note on those fields
    };

    SettingsDialog(Settings &settings, Environment environment, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void showPage(Page page);
    Page currentPage() const;
    void setTenant(const QString &slug); // the Providers page's tenant (and the frontend API key's)
    QString tenant() const { return m_tenant; }

    // Whether a changed setting is used only after CallScope restarts (the database, the listener,
    // the dispatcher...); the others (language, masking, dial link, staff name, severities) the
    // running app applies when saved() says so.
    static bool takesEffectOnRestart(Settings::Key key);
    // The pages with a field that is not valid now.
    QList<Page> pagesWithProblems() const;
    bool isSaving() const { return m_saving; }

signals:
    // After a successful save: the keys whose value changed, and whether a restart is needed
    // (database, listener address/TLS, public URL...).
    void saved(const QList<CallScope::Settings::Key> &changed, bool restartNeeded);
    // Secrets changed for a tenant (so the runtime can invalidate its cache).
    void secretsChanged(const QString &tenant, const QStringList &keys);

public slots:
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    using Text = std::function<QString()>;
    // A setting shown by widgets: how to show a stored value and how to read the widgets back as
    // one. Only a value that differs from what was shown is written.
    struct Binding
    {
        Settings::Key key;
        std::function<void(const QVariant &)> show;
        std::function<QVariant()> read;
        QVariant shown;
    };
    // A field the dialog checks: the rule and where its problem is shown.
    struct Check
    {
        Page page;
        QWidget *field;
        QLabel *problem;
        std::function<QString()> rule;
    };
    // Rows of label, field and the field's problem, in a titled box or in a part of one.
    struct Group
    {
        QWidget *box;
        QGridLayout *grid;
        int row = 0;
    };
    // A provider's box on the Providers page.
    struct ProviderBox
    {
        Provider provider;
        QLineEdit *url;
        QLabel *accepted;
        QLabel *rejected;
    };
    // A tenant's secrets: what is stored (loaded once) and what is typed but not saved yet.
    struct TenantSecrets
    {
        bool loading = false;
        QHash<QString, SecretField::Stored> stored;
        QHash<QString, QString> errors;
        QHash<QString, QPair<SecretField::Action, QString>> pending;
        QHash<QString, QString> plan;        // the Vapi HMAC plan as stored
        QHash<QString, QString> planPending; // ... as edited
        std::optional<bool> vapiHmac;        // the verification chosen, when it was
    };
    struct SecretWrite
    {
        QString tenant;
        QString key;
        SecretField::Action action;
        QString value;
    };

    // Page scaffolding (settingspages.cpp).
    QVBoxLayout *addPage(Page page, Text title);
    Group addGroup(QVBoxLayout *column, Text title, Text explanation);
    // Rows inside a group that can be switched off as a whole (the database backends, Vapi's HMAC).
    // `indent`: how far its rows are indented under the row above (the radio button that enables them).
    Group addSubGroup(Group &group, int indent = 0);
    QLabel *addRow(Group &group, Text label, QWidget *field, QWidget *trailing = nullptr);
    QLabel *addNote(Group &group, QWidget *field, Text text);
    void addOverrideNote(Group &group, QWidget *field, const QString &option);
    void addCheck(Page page, QWidget *field, QLabel *problem, std::function<QString()> rule);
    void bind(Settings::Key key, std::function<void(const QVariant &)> show, std::function<QVariant()> read);
    // Runs `apply` now and again whenever the language changes.
    void retranslated(std::function<void()> apply);
    QLineEdit *lineEdit(const QString &objectName);
    QPushButton *browseButton(QLineEdit *field, bool saveFile, Text caption, Text filter);
    QPushButton *copyButton(QLineEdit *field);
    void watch(QWidget *field);

    void buildListenerPage();
    void buildDatabasePage();
    void buildProvidersPage();
    void buildProviderBox(QVBoxLayout *column, Provider provider);
    void buildCallbacksPage();
    void buildPrivacyPage();
    void buildLanguagePage();
    void buildErrorsPage();
    void buildAdvancedPage();
    SecretField *addSecret(Group &group, const QString &key, Text label, Text placeholder);
    QLineEdit *addPlanField(Group &group, const QString &key, Text label, const QString &defaultValue);

    // The base URL the webhook URLs are shown with: the public URL typed, else the one in effect.
    QString webhookBase() const;
    void updateWebhookUrls();
    void updateBackoffExplanation();
    void updateVapiMode();

    // Tenants, their secrets and delivery counts.
    void loadTenants();
    void loadTenantSecrets(const QString &tenant);
    // Reads a secret only to say whether it is stored: `done` gets Set, NotSet or Unreadable (with
    // the store's error); the value goes no further than this function.
    void readStored(const QString &tenant, const QString &key,
                    std::function<void(SecretField::Stored stored, const QString &error)> done);
    void stashTenantEdits();
    void showTenantSecrets();
    // Reads the chosen tenant's delivery counts (once per choice; a language change only shows them).
    void loadDeliveryStats();
    void showDeliveryStats();
    void loadDatabasePassword();
    void chooseTenant(int index);
    QStringList perTenantKeys() const;
    // The Vapi HMAC plan: kept with the secrets (the ingest reads it from there), shown in clear.
    static QStringList planKeys();
    static QString planDefault(const QString &key);
    // The combo box of a plan value chosen from a list (algorithm, encoding), else null.
    QComboBox *planChoice(const QString &key) const;
    // What a plan field shows for a value not stored: the default in a combo box, else nothing
    // (a line edit shows the default as its placeholder).
    QString planShownWhenEmpty(const QString &key) const;
    QString planValue(const QString &key) const;
    void setPlanValue(const QString &key, const QString &value);

    // The database the widgets describe, and as the setting keeps it (empty: the default file).
    DatabaseUrl databaseUrl() const;
    QString databaseSetting() const;
    // HOST:PORT as the fields say it, an IPv6 host in brackets ("[::1]:8787").
    QString listenAddress() const;
    bool databaseChanged() const;
    void testConnection();
    // Probes the database the widgets describe (with the password typed, else the stored one) off the
    // GUI thread; `done` gets the server's version or the error.
    void probeDatabase(bool migrate, std::function<void(bool ok, const QString &text)> done);
    void showProbeResult(bool busy, bool ok, const QString &text);

    void validate();
    void save(bool thenClose);
    void writeSecrets(bool thenClose);
    void writeSettings(bool thenClose, const QHash<QString, QStringList> &changedSecrets,
                       bool passwordChanged);
    void setSaving(bool saving, const QString &status = {});
    void setStatus(const QString &text, bool problem);
    // "keychain", or where the secret store keeps secrets instead.
    QString secretBackendName() const;
    // Lines the fields of a page up: its label column as wide as its widest label.
    void alignLabelColumns();
    void retranslateUi();

    Settings &m_settings;
    Environment m_env;
    QList<Binding> m_bindings;
    QList<Check> m_checks;
    QList<std::function<void()>> m_texts;
    QHash<int, QString> m_problems; // by page: the first problem
    bool m_statusIsProblems = false;
    bool m_saving = false;
    bool m_loading = true;

    QListWidget *m_pageList;
    QStackedWidget *m_stack;
    QLabel *m_pageTitle;
    QWidget *m_tenantBar;
    QLabel *m_tenantLabel;
    QComboBox *m_tenantCombo;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QHash<int, Text> m_pageTitles;
    QIcon m_noIcon;
    Page m_building = Page::Listener;
    struct LabelColumn
    {
        Page page;
        QGridLayout *grid;
        int indent;
    };
    QList<LabelColumn> m_labelColumns;
    QList<QPair<QLabel *, QGridLayout *>> m_rowLabels;

    // Listener.
    QLineEdit *m_listenHost = nullptr;
    QLineEdit *m_listenPort = nullptr;
    QLineEdit *m_publicUrl = nullptr;
    QHash<Provider, QLineEdit *> m_listenerUrls;
    QLineEdit *m_tlsCert = nullptr;
    QLineEdit *m_tlsKey = nullptr;

    // Database.
    QRadioButton *m_sqlite = nullptr;
    QRadioButton *m_postgres = nullptr;
    QWidget *m_sqliteFields = nullptr;
    QWidget *m_postgresFields = nullptr;
    QLineEdit *m_sqlitePath = nullptr;
    QLineEdit *m_pgHost = nullptr;
    QLineEdit *m_pgPort = nullptr;
    QLineEdit *m_pgDatabase = nullptr;
    QLineEdit *m_pgUser = nullptr;
    SecretField *m_dbPassword = nullptr;
    QPushButton *m_testButton = nullptr;
    QProgressBar *m_testBusy = nullptr;
    QLabel *m_testResult = nullptr;
    bool m_passwordStored = false;
    int m_probeSerial = 0;

    // Providers and callbacks (per tenant).
    QString m_tenant = QStringLiteral("default");
    QList<Tenant> m_tenantList;
    // The chosen tenant's delivery counts by provider; none while the database is not open.
    std::optional<QHash<QString, DeliveryStats>> m_deliveryStats;
    QHash<QString, TenantSecrets> m_tenantSecrets;
    QHash<QString, SecretField *> m_secretFields; // per-tenant keys
    QHash<QString, QLineEdit *> m_planEdits;
    QComboBox *m_planAlgorithm = nullptr;
    QComboBox *m_planEncoding = nullptr;
    QRadioButton *m_vapiShared = nullptr;
    QRadioButton *m_vapiHmac = nullptr;
    QWidget *m_vapiSharedFields = nullptr;
    QWidget *m_vapiHmacFields = nullptr;
    QList<ProviderBox> m_providerBoxes;
    QLineEdit *m_backoff = nullptr;
    QLabel *m_backoffExplanation = nullptr;
};

} // namespace CallScope
