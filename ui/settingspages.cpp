// SPDX-License-Identifier: GPL-3.0-or-later
// The settings dialog's pages: what each shows, how it maps to the settings, and how each field is
// checked. The Providers page is in settingsproviders.cpp, the scaffolding in settingsform.cpp.
#include "callbackqueueview.h"
#include "callpresentation.h"
#include "cli/options.h"
#include "errorpresentation.h"
#include "settingsdialog.h"
#include "settingsvalidation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

// A spin box for a number with a unit; the unit is set (and retranslated) by the caller.
QSpinBox *spinBox(QWidget *parent, const QString &name, int minimum, int maximum, int step = 1)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(minimum, maximum);
    spin->setSingleStep(step);
    spin->setGroupSeparatorShown(true);
    spin->setAccelerated(true);
    spin->setMinimumWidth(150);
    spin->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return spin;
}

// A setting kept in one unit (milliseconds, bytes) shown in a larger one (seconds, KiB).
void bindScaled(QSpinBox *spin, int factor, const QVariant &value)
{
    spin->setValue(int((value.toLongLong() + factor / 2) / factor));
}

// Widgets in a row of their own, left-aligned (a spin box does not need the whole width).
QWidget *leftAligned(QWidget *parent, QWidget *field)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field);
    layout->addStretch(1);
    return box;
}

} // namespace

void SettingsDialog::buildListenerPage()
{
    QVBoxLayout *column = addPage(Page::Listener, [] { return tr("Listener"); });

    Group address = addGroup(
        column, [] { return tr("Address"); },
        [] {
            return tr("Where CallScope receives the providers' webhooks. 127.0.0.1 accepts only this "
                      "computer (a tunnel or proxy then forwards the internet to it); 0.0.0.0 accepts every "
                      "network this computer is on.");
        });
    m_listenHost = lineEdit(u"listenHost"_s);
    m_listenHost->setPlaceholderText(u"127.0.0.1"_s);
    m_listenPort = lineEdit(u"listenPort"_s);
    m_listenPort->setPlaceholderText(u"8787"_s);
    m_listenPort->setMaxLength(8);
    m_listenPort->setFixedWidth(m_listenPort->fontMetrics().horizontalAdvance(u"000000000"_s) + 16);
    QLabel *hostProblem = addRow(
        address, [] { return tr("Listen on"); }, m_listenHost);
    addOverrideNote(address, m_listenHost, u"--listen"_s);
    QLabel *portProblem = addRow(
        address, [] { return tr("Port"); }, leftAligned(this, m_listenPort));
    portProblem->setObjectName(u"problem_listenPort"_s);
    addCheck(Page::Listener, m_listenHost, hostProblem,
             [this] { return SettingsValidation::listenHost(m_listenHost->text()); });
    addCheck(Page::Listener, m_listenPort, portProblem,
             [this] { return SettingsValidation::port(m_listenPort->text()); });
    if (!m_env.boundAddress.isEmpty())
        addNote(address, m_listenPort, [this] {
            return tr("CallScope is listening on %1 now; a new address is used after a restart.")
                .arg(m_env.boundAddress);
        });
    bind(
        Settings::Key::ListenAddress,
        [this](const QVariant &value) {
            const QString text = value.toString();
            const qsizetype colon = text.lastIndexOf(u':');
            QString host = text.left(colon);
            if (host.startsWith(u'[') && host.endsWith(u']'))
                host = host.mid(1, host.size() - 2);
            m_listenHost->setText(host);
            m_listenPort->setText(text.mid(colon + 1));
        },
        [this] { return QVariant(listenAddress()); });

    Group publicUrl = addGroup(
        column, [] { return tr("Public address"); },
        [] {
            return tr("The address the providers call. Leave it empty when they reach this computer "
                      "directly; behind a tunnel or proxy, enter the https:// address it gives you.");
        });
    m_publicUrl = lineEdit(u"publicUrl"_s);
    QLabel *publicProblem = addRow(
        publicUrl, [] { return tr("Public base URL"); }, m_publicUrl);
    addOverrideNote(publicUrl, m_publicUrl, u"--public-url"_s);
    addCheck(Page::Listener, m_publicUrl, publicProblem,
             [this] { return SettingsValidation::publicBaseUrl(m_publicUrl->text()); });
    bind(
        Settings::Key::PublicUrl, [this](const QVariant &value) { m_publicUrl->setText(value.toString()); },
        [this] { return QVariant(m_publicUrl->text().trimmed()); });

    Group urls = addGroup(
        column, [] { return tr("Webhook URLs"); },
        [] {
            return tr("Paste each address into that provider's dashboard (the Providers page says where). "
                      "They are for the tenant chosen above and follow the public address.");
        });
    for (const Provider provider : webhookProviders) {
        auto *url = new QLineEdit(this);
        url->setObjectName(u"listenerWebhookUrl_"_s + toString(provider));
        url->setReadOnly(true);
        m_listenerUrls.insert(provider, url);
        addRow(
            urls, [provider] { return CallPresentation::provider(provider); }, url, copyButton(url));
    }

    Group tls = addGroup(
        column, [] { return tr("HTTPS (optional)"); },
        [] {
            return tr("With a certificate and its private key (PEM files), CallScope answers HTTPS itself. "
                      "Leave both empty when a proxy or tunnel provides HTTPS.");
        });
    m_tlsCert = lineEdit(u"tlsCertFile"_s);
    m_tlsKey = lineEdit(u"tlsKeyFile"_s);
    const Text pemFilter = [] { return tr("PEM files (*.pem *.crt *.key);;All files (*)"); };
    QLabel *certProblem = addRow(
        tls, [] { return tr("Certificate file"); }, m_tlsCert,
        browseButton(
            m_tlsCert, false, [] { return tr("Choose the certificate"); }, pemFilter));
    addOverrideNote(tls, m_tlsCert, u"--tls-cert"_s);
    QLabel *keyProblem = addRow(
        tls, [] { return tr("Private key file"); }, m_tlsKey,
        browseButton(
            m_tlsKey, false, [] { return tr("Choose the private key"); }, pemFilter));
    addOverrideNote(tls, m_tlsKey, u"--tls-key"_s);
    // An empty file field says that it is missing when the other one is filled in.
    addCheck(Page::Listener, m_tlsCert, certProblem, [this] {
        return m_tlsCert->text().trimmed().isEmpty()
                   ? SettingsValidation::tlsPair(m_tlsCert->text(), m_tlsKey->text())
                   : SettingsValidation::certificateFile(m_tlsCert->text());
    });
    addCheck(Page::Listener, m_tlsKey, keyProblem, [this] {
        return m_tlsKey->text().trimmed().isEmpty()
                   ? SettingsValidation::tlsPair(m_tlsCert->text(), m_tlsKey->text())
                   : SettingsValidation::privateKeyFile(m_tlsKey->text());
    });
    bind(
        Settings::Key::TlsCertFile, [this](const QVariant &value) { m_tlsCert->setText(value.toString()); },
        [this] { return QVariant(QDir::fromNativeSeparators(m_tlsCert->text().trimmed())); });
    bind(
        Settings::Key::TlsKeyFile, [this](const QVariant &value) { m_tlsKey->setText(value.toString()); },
        [this] { return QVariant(QDir::fromNativeSeparators(m_tlsKey->text().trimmed())); });

    Group limits = addGroup(
        column, [] { return tr("Limits"); },
        [] {
            return tr("Protect CallScope from floods and oversized requests. The defaults suit a practice "
                      "with several lines.");
        });
    auto *bodySize = spinBox(this, u"maxBodyKiB"_s, 1, 64 * 1024, 64);
    auto *connections = spinBox(this, u"maxConnections"_s, 1, 100'000, 16);
    auto *timeout = spinBox(this, u"requestTimeoutSeconds"_s, 1, 600);
    auto *rate = spinBox(this, u"ratePerSecond"_s, 0, 100'000, 10);
    auto *burst = spinBox(this, u"rateBurst"_s, 1, 1'000'000, 10);
    retranslated([=] {
        bodySize->setSuffix(tr(" KiB"));
        connections->setSuffix(tr(" at once"));
        timeout->setSuffix(tr(" s"));
        rate->setSuffix(tr(" per second"));
        rate->setSpecialValueText(tr("No limit"));
        burst->setSuffix(tr(" requests"));
    });
    for (QSpinBox *spin : {bodySize, connections, timeout, rate, burst})
        watch(spin);
    addRow(
        limits, [] { return tr("Largest request"); }, leftAligned(this, bodySize));
    addRow(
        limits, [] { return tr("Connections"); }, leftAligned(this, connections));
    addRow(
        limits, [] { return tr("Request must arrive within"); }, leftAligned(this, timeout));
    addRow(
        limits, [] { return tr("Requests per address"); }, leftAligned(this, rate));
    addRow(
        limits, [] { return tr("Short bursts of up to"); }, leftAligned(this, burst));
    bind(
        Settings::Key::MaxBodyBytes, [bodySize](const QVariant &value) { bindScaled(bodySize, 1024, value); },
        [bodySize] { return QVariant(bodySize->value() * 1024); });
    bind(
        Settings::Key::MaxConnections,
        [connections](const QVariant &value) { connections->setValue(value.toInt()); },
        [connections] { return QVariant(connections->value()); });
    bind(
        Settings::Key::RequestTimeoutMs,
        [timeout](const QVariant &value) { bindScaled(timeout, 1000, value); },
        [timeout] { return QVariant(timeout->value() * 1000); });
    bind(
        Settings::Key::RatePerSecond,
        [rate](const QVariant &value) { rate->setValue(qRound(value.toDouble())); },
        [rate] { return QVariant(double(rate->value())); });
    bind(
        Settings::Key::RateBurst,
        [burst](const QVariant &value) { burst->setValue(qRound(value.toDouble())); },
        [burst] { return QVariant(double(burst->value())); });
    column->addStretch(1);

    for (QLineEdit *field : {m_listenHost, m_listenPort, m_publicUrl, m_tlsCert})
        connect(field, &QLineEdit::textChanged, this, &SettingsDialog::updateWebhookUrls);
}

void SettingsDialog::buildDatabasePage()
{
    QVBoxLayout *column = addPage(Page::Database, [] { return tr("Database"); });
    Group where = addGroup(
        column, [] { return tr("Where calls are stored"); },
        [] {
            return tr("The embedded database is a file on this computer and needs no setup. A PostgreSQL "
                      "server lets several computers share the calls. A new database is used after CallScope "
                      "restarts; saving sets up its tables first, and nothing is saved if that fails.");
        });
    m_sqlite = new QRadioButton(this);
    m_sqlite->setObjectName(u"databaseSqlite"_s);
    m_postgres = new QRadioButton(this);
    m_postgres->setObjectName(u"databasePostgres"_s);
    retranslated([this] {
        m_sqlite->setText(tr("Embedded (SQLite): a file on this computer"));
        m_postgres->setText(tr("PostgreSQL server"));
    });
    // Only the chosen backend's fields are filled in and checked.
    const auto switchBackend = [this] {
        m_sqliteFields->setEnabled(m_sqlite->isChecked());
        m_postgresFields->setEnabled(m_postgres->isChecked());
        if (!m_loading)
            validate();
    };
    connect(m_sqlite, &QRadioButton::toggled, this, switchBackend);

    where.grid->addWidget(m_sqlite, where.row++, 0, 1, 3);
    addOverrideNote(where, m_sqlite, u"--db"_s);
    Group sqlite = addSubGroup(where, 24);
    m_sqliteFields = sqlite.box;
    m_sqlitePath = lineEdit(u"sqlitePath"_s);
    m_sqlitePath->setPlaceholderText(QDir::toNativeSeparators(Options::defaultDatabasePath()));
    QLabel *pathProblem = addRow(
        sqlite, [] { return tr("File"); }, m_sqlitePath,
        browseButton(
            m_sqlitePath, true, [] { return tr("Choose the database file"); },
            [] { return tr("SQLite databases (*.db *.sqlite);;All files (*)"); }));
    addNote(sqlite, m_sqlitePath, [] {
        return tr("Empty: %1, in CallScope's own data folder.")
            .arg(QDir::toNativeSeparators(Options::defaultDatabasePath()));
    });
    addCheck(Page::Database, m_sqlitePath, pathProblem, [this] {
        return SettingsValidation::sqlitePath(QDir::fromNativeSeparators(m_sqlitePath->text()));
    });

    where.grid->setRowMinimumHeight(where.row++, 4);
    where.grid->addWidget(m_postgres, where.row++, 0, 1, 3);
    Group postgres = addSubGroup(where, 24);
    m_postgresFields = postgres.box;
    m_pgHost = lineEdit(u"postgresHost"_s);
    m_pgHost->setPlaceholderText(tr("e.g. db.example.com"));
    m_pgPort = lineEdit(u"postgresPort"_s);
    m_pgPort->setPlaceholderText(u"5432"_s);
    m_pgPort->setMaxLength(8);
    m_pgPort->setFixedWidth(m_pgPort->fontMetrics().horizontalAdvance(u"000000000"_s) + 16);
    m_pgDatabase = lineEdit(u"postgresDatabase"_s);
    m_pgUser = lineEdit(u"postgresUser"_s);
    m_pgUser->setPlaceholderText(u"postgres"_s);
    QLabel *hostProblem = addRow(
        postgres, [] { return tr("Server"); }, m_pgHost);
    QLabel *portProblem = addRow(
        postgres, [] { return tr("Port"); }, leftAligned(this, m_pgPort));
    portProblem->setObjectName(u"problem_postgresPort"_s);
    QLabel *nameProblem = addRow(
        postgres, [] { return tr("Database"); }, m_pgDatabase);
    QLabel *userProblem = addRow(
        postgres, [] { return tr("User"); }, m_pgUser);
    m_dbPassword = new SecretField(u"db.password"_s, this);
    watch(m_dbPassword);
    retranslated([this] {
        m_dbPassword->setAccessibleName(tr("Database password"));
        m_dbPassword->setPlaceholder(tr("The database user's password"));
    });
    addRow(
        postgres, [] { return tr("Password"); }, m_dbPassword);
    addNote(postgres, m_dbPassword,
            [this] { return tr("Kept in the %1, never in the settings file.").arg(secretBackendName()); });
    addCheck(Page::Database, m_pgHost, hostProblem,
             [this] { return SettingsValidation::hostName(m_pgHost->text()); });
    addCheck(Page::Database, m_pgPort, portProblem,
             [this] { return SettingsValidation::port(m_pgPort->text()); });
    addCheck(Page::Database, m_pgDatabase, nameProblem,
             [this] { return SettingsValidation::databaseName(m_pgDatabase->text()); });
    addCheck(Page::Database, m_pgUser, userProblem,
             [this] { return SettingsValidation::databaseUser(m_pgUser->text()); });

    // Test connection: the button, a busy bar while the probe runs, and what it found.
    where.grid->setRowMinimumHeight(where.row++, 6);
    m_testButton = new QPushButton(this);
    m_testButton->setObjectName(u"testConnection"_s);
    m_testButton->setAutoDefault(false);
    m_testBusy = new QProgressBar(this);
    m_testBusy->setObjectName(u"testConnectionBusy"_s);
    m_testBusy->setRange(0, 0);
    m_testBusy->setTextVisible(false);
    m_testBusy->setFixedWidth(90);
    m_testBusy->hide();
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(u"testConnectionResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    retranslated([this] { m_testButton->setText(tr("Test connection")); });
    auto *test = new QWidget(this);
    auto *testLayout = new QHBoxLayout(test);
    testLayout->setContentsMargins(0, 0, 0, 0);
    testLayout->setSpacing(10);
    testLayout->addWidget(m_testButton, 0, Qt::AlignTop);
    testLayout->addWidget(m_testBusy, 0, Qt::AlignVCenter);
    testLayout->addWidget(m_testResult, 1);
    where.grid->addWidget(test, where.row++, 0, 1, 3);
    connect(m_testButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);

    // A result is about the database it was for: an edit makes it stale.
    for (QLineEdit *field : {m_sqlitePath, m_pgHost, m_pgPort, m_pgDatabase, m_pgUser})
        connect(field, &QLineEdit::textChanged, this, [this] {
            if (!m_testBusy->isVisible())
                m_testResult->clear();
        });
    connect(m_sqlite, &QRadioButton::toggled, this, [this] {
        if (!m_testBusy->isVisible())
            m_testResult->clear();
    });

    bind(
        Settings::Key::DatabaseUrl,
        [this, switchBackend](const QVariant &value) {
            const QString text = value.toString();
            const auto url = DatabaseUrl::parse(text);
            const bool postgres = !text.isEmpty() && url && !url->isSqlite();
            m_postgres->setChecked(postgres);
            m_sqlite->setChecked(!postgres);
            const QString defaultPath = Options::defaultDatabasePath();
            m_sqlitePath->setText(!text.isEmpty() && url && url->isSqlite() && url->path != defaultPath
                                      ? QDir::toNativeSeparators(url->path)
                                      : QString());
            m_pgHost->setText(postgres ? url->host : QString());
            m_pgPort->setText(postgres ? QString::number(url->port) : u"5432"_s);
            m_pgDatabase->setText(postgres ? url->database : u"callscope"_s);
            m_pgUser->setText(postgres ? url->user : QString());
            switchBackend();
        },
        [this] { return QVariant(databaseSetting()); });
    column->addStretch(1);
}

void SettingsDialog::buildCallbacksPage()
{
    QVBoxLayout *column = addPage(Page::Callbacks, [] { return tr("Callbacks"); });
    Group handOff = addGroup(
        column, [] { return tr("Hand-off to your front desk system"); },
        [] {
            return tr("When a caller asks to be called back, CallScope sends the request to your front desk "
                      "system's API. Leave the address empty to keep requests in CallScope's callback queue "
                      "for staff.");
        });
    auto *frontendUrl = lineEdit(u"frontendUrl"_s);
    frontendUrl->setPlaceholderText(tr("e.g. https://desk.example.com/api/callbacks"));
    QLabel *urlProblem = addRow(
        handOff, [] { return tr("Frontend API URL"); }, frontendUrl);
    addOverrideNote(handOff, frontendUrl, u"--frontend-url"_s);
    addCheck(Page::Callbacks, frontendUrl, urlProblem,
             [frontendUrl] { return SettingsValidation::httpUrl(frontendUrl->text(), true); });
    bind(
        Settings::Key::FrontendUrl,
        [frontendUrl](const QVariant &value) { frontendUrl->setText(value.toString()); },
        [frontendUrl] { return QVariant(frontendUrl->text().trimmed()); });

    SecretField *key = addSecret(
        handOff, u"frontend.apiKey"_s, [] { return tr("API key"); },
        [] { return tr("The key your front desk system gave CallScope"); });
    addNote(handOff, key, [this] {
        return tr("Sent as a bearer token with each request of the tenant chosen above; kept in the %1.")
            .arg(secretBackendName());
    });

    auto *timeout = spinBox(this, u"frontendTimeoutSeconds"_s, 1, 300);
    watch(timeout);
    retranslated([timeout] { timeout->setSuffix(tr(" s")); });
    addRow(
        handOff, [] { return tr("Answer expected within"); }, leftAligned(this, timeout));
    addOverrideNote(handOff, timeout, u"--frontend-timeout"_s);
    bind(
        Settings::Key::FrontendTimeoutMs,
        [timeout](const QVariant &value) { bindScaled(timeout, 1000, value); },
        [timeout] { return QVariant(timeout->value() * 1000); });

    m_backoff = lineEdit(u"callbackBackoff"_s);
    m_backoff->setPlaceholderText(u"5m, 15m, 1h"_s);
    QLabel *backoffProblem = addRow(
        handOff, [] { return tr("Retry after"); }, m_backoff);
    m_backoffExplanation = addNote(handOff, m_backoff, nullptr);
    addOverrideNote(handOff, m_backoff, u"--callback-backoff"_s);
    addCheck(Page::Callbacks, m_backoff, backoffProblem,
             [this] { return SettingsValidation::backoffList(m_backoff->text()); });
    connect(m_backoff, &QLineEdit::textChanged, this, &SettingsDialog::updateBackoffExplanation);
    bind(
        Settings::Key::CallbackBackoff,
        [this](const QVariant &value) { m_backoff->setText(value.toString().split(u',').join(u", "_s)); },
        [this] {
            QStringList parts = m_backoff->text().split(u',');
            for (QString &part : parts)
                part = part.trimmed();
            return QVariant(parts.join(u','));
        });

    Group dialing = addGroup(
        column, [] { return tr("Calling back"); },
        [] {
            return tr("How the callback queue's Call button dials, and whose name the desk's actions are "
                      "recorded under.");
        });
    auto *dial = lineEdit(u"dialUriTemplate"_s);
    dial->setPlaceholderText(u"tel:{number}"_s);
    QLabel *dialProblem = addRow(
        dialing, [] { return tr("Dial link"); }, dial);
    addNote(dialing, dial, [] {
        return tr("{number} becomes the customer's number: tel:{number} opens this computer's phone app, "
                  "sip:{number}@pbx.example a softphone.");
    });
    addCheck(Page::Callbacks, dial, dialProblem,
             [dial] { return SettingsValidation::dialUriTemplate(dial->text()); });
    bind(
        Settings::Key::DialUriTemplate, [dial](const QVariant &value) { dial->setText(value.toString()); },
        [dial] { return QVariant(dial->text().trimmed()); });

    auto *staff = lineEdit(u"staffName"_s);
    staff->setPlaceholderText(CallbackQueueView::actorName(QString()));
    QLabel *staffProblem = addRow(
        dialing, [] { return tr("Staff name"); }, staff);
    addNote(dialing, staff, [] {
        return tr("Recorded with every retry, cancel and completed callback. Empty: this computer's user "
                  "name (%1).")
            .arg(CallbackQueueView::actorName(QString()));
    });
    addCheck(Page::Callbacks, staff, staffProblem,
             [staff] { return SettingsValidation::staffName(staff->text()); });
    bind(
        Settings::Key::StaffName, [staff](const QVariant &value) { staff->setText(value.toString()); },
        [staff] { return QVariant(staff->text().trimmed()); });
    column->addStretch(1);
}

void SettingsDialog::buildPrivacyPage()
{
    QVBoxLayout *column = addPage(Page::Privacy, [] { return tr("Privacy"); });
    Group numbers = addGroup(
        column, [] { return tr("Phone numbers"); },
        [] {
            return tr("Lists can show only the last 4 digits of a caller's number, for screens others can "
                      "see. The full number stays in the call's details and can still be searched for.");
        });
    auto *mask = new QCheckBox(this);
    mask->setObjectName(u"maskPhoneNumbers"_s);
    watch(mask);
    retranslated([mask] { mask->setText(tr("Show only the last 4 digits of phone numbers in lists")); });
    numbers.grid->addWidget(mask, numbers.row++, 0, 1, 3);
    bind(
        Settings::Key::MaskPhoneNumbers, [mask](const QVariant &value) { mask->setChecked(value.toBool()); },
        [mask] { return QVariant(mask->isChecked()); });

    Group receipts = addGroup(
        column, [] { return tr("Raw webhooks"); },
        [] {
            return tr("CallScope keeps every webhook exactly as it arrived, to check and replay it. They are "
                      "deleted after this many days; the calls themselves are kept.");
        });
    auto *retention = spinBox(this, u"receiptRetentionDays"_s, SettingsValidation::minRetentionDays,
                              SettingsValidation::maxRetentionDays);
    watch(retention);
    retranslated([retention] { retention->setSuffix(tr(" days")); });
    QLabel *retentionProblem = addRow(
        receipts, [] { return tr("Keep raw webhooks for"); }, leftAligned(this, retention));
    addCheck(Page::Privacy, retention, retentionProblem,
             [retention] { return SettingsValidation::retentionDays(retention->value()); });
    bind(
        Settings::Key::ReceiptRetentionDays,
        [retention](const QVariant &value) { retention->setValue(value.toInt()); },
        [retention] { return QVariant(retention->value()); });
    column->addStretch(1);
}

void SettingsDialog::buildLanguagePage()
{
    QVBoxLayout *column = addPage(Page::Language, [] { return tr("Language"); });
    Group language = addGroup(
        column, [] { return tr("Language of the windows"); },
        [] { return tr("The language of CallScope's windows. It changes as soon as you save."); });
    auto *combo = new QComboBox(this);
    combo->setObjectName(u"language"_s);
    combo->setMinimumWidth(220);
    // Each language is named in itself, so it can be found by someone who does not read the current one.
    combo->addItem(QString(), QString());
    combo->addItem(u"English"_s, u"en"_s);
    combo->addItem(u"Deutsch"_s, u"de"_s);
    retranslated([combo] {
        const QString system = QLocale::system().nativeLanguageName();
        combo->setItemText(0, system.isEmpty() ? tr("The system's language")
                                               : tr("The system's language (%1)").arg(system));
    });
    watch(combo);
    addRow(
        language, [] { return tr("Language"); }, leftAligned(this, combo));
    addOverrideNote(language, combo, u"--lang"_s);
    bind(
        Settings::Key::Language,
        [combo](const QVariant &value) {
            combo->setCurrentIndex(std::max(0, combo->findData(value.toString())));
        },
        [combo] { return combo->currentData(); });
    column->addStretch(1);
}

void SettingsDialog::buildErrorsPage()
{
    QVBoxLayout *column = addPage(Page::Errors, [] { return tr("Errors"); });
    Group stale = addGroup(
        column, [] { return tr("Calls that never end"); },
        [] {
            return tr("A call whose end never arrives (a webhook got lost) is flagged as stale, and shown as "
                      "an error, after this long without news.");
        });
    auto *minutes = spinBox(this, u"staleCallMinutes"_s, 1, SettingsValidation::maxStaleCallMinutes, 5);
    watch(minutes);
    retranslated([minutes] { minutes->setSuffix(tr(" min")); });
    QLabel *staleProblem = addRow(
        stale, [] { return tr("Flag a call as stale after"); }, leftAligned(this, minutes));
    addOverrideNote(stale, minutes, u"--stale-after"_s);
    addCheck(Page::Errors, minutes, staleProblem,
             [minutes] { return SettingsValidation::staleCallMinutes(minutes->value()); });
    bind(
        Settings::Key::StaleCallMinutes,
        [minutes](const QVariant &value) { minutes->setValue(value.toInt()); },
        [minutes] { return QVariant(minutes->value()); });

    Group severities = addGroup(
        column, [] { return tr("How serious an error is"); },
        [] {
            return tr("The severity of an error whose report does not bring one. Critical and high errors "
                      "stand out in the error list and in the window's alerts.");
        });
    const std::pair<Settings::Key, Text> sources[] = {
        {Settings::Key::ErrorSeverityFunction, [] { return tr("A tool call failed or timed out"); }},
        {Settings::Key::ErrorSeverityProvider, [] { return tr("The provider ended a call as failed"); }},
        {Settings::Key::ErrorSeverityTransfer, [] { return tr("A transfer to staff failed"); }},
        {Settings::Key::ErrorSeverityIngest, [] { return tr("A webhook could not be matched to a call"); }},
        {Settings::Key::ErrorSeverityStale, [] { return tr("A call never ended"); }},
        {Settings::Key::ErrorSeverityBackend, [] { return tr("Your backend reported an error"); }},
    };
    for (const auto &[key, label] : sources) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(u"severity_"_s + Settings::name(key).section(u'/', -1));
        combo->setMinimumWidth(160);
        for (const QString &severity : ErrorPresentation::severities())
            combo->addItem(QString(), severity);
        retranslated([combo] {
            for (int i = 0; i < combo->count(); ++i)
                combo->setItemText(i, ErrorPresentation::severity(combo->itemData(i).toString()));
        });
        watch(combo);
        addRow(severities, label, leftAligned(this, combo));
        bind(
            key,
            [combo](const QVariant &value) { combo->setCurrentIndex(std::max(0, combo->findData(value))); },
            [combo] { return combo->currentData(); });
    }
    column->addStretch(1);
}

void SettingsDialog::buildAdvancedPage()
{
    QVBoxLayout *column = addPage(Page::Advanced, [] { return tr("Advanced"); });
    Group processing = addGroup(
        column, [] { return tr("Webhook processing"); },
        [] { return tr("Technical limits of the listener. Change them only when support asks you to."); });
    auto *headers = spinBox(this, u"maxHeaderKiB"_s, 1, 1024, 8);
    auto *idle = spinBox(this, u"idleTimeoutSeconds"_s, 1, 3600, 5);
    auto *deadline = spinBox(this, u"commitDeadlineSeconds"_s, 1, 120);
    retranslated([=] {
        headers->setSuffix(tr(" KiB"));
        idle->setSuffix(tr(" s"));
        deadline->setSuffix(tr(" s"));
    });
    for (QSpinBox *spin : {headers, idle, deadline})
        watch(spin);
    addRow(
        processing, [] { return tr("Largest header block"); }, leftAligned(this, headers));
    addRow(
        processing, [] { return tr("Close idle connections after"); }, leftAligned(this, idle));
    addRow(
        processing, [] { return tr("Store a webhook within"); }, leftAligned(this, deadline));
    addNote(processing, deadline, [] {
        return tr("A webhook not stored in time is answered “try again later”, and the provider sends it "
                  "again.");
    });
    bind(
        Settings::Key::MaxHeaderBytes, [headers](const QVariant &value) { bindScaled(headers, 1024, value); },
        [headers] { return QVariant(headers->value() * 1024); });
    bind(
        Settings::Key::IdleTimeoutMs, [idle](const QVariant &value) { bindScaled(idle, 1000, value); },
        [idle] { return QVariant(idle->value() * 1000); });
    bind(
        Settings::Key::CommitDeadlineMs,
        [deadline](const QVariant &value) { bindScaled(deadline, 1000, value); },
        [deadline] { return QVariant(deadline->value() * 1000); });

    Group ultravox = addGroup(
        column, [] { return tr("Ultravox messages"); },
        [] {
            return tr("When an Ultravox webhook leaves out the conversation, CallScope fetches it from "
                      "Ultravox's API with the API key of the Providers page.");
        });
    auto *apiUrl = lineEdit(u"ultravoxApiUrl"_s);
    apiUrl->setPlaceholderText(Settings::defaultValue(Settings::Key::UltravoxApiUrl).toString());
    QLabel *apiProblem = addRow(
        ultravox, [] { return tr("Ultravox API"); }, apiUrl);
    addOverrideNote(ultravox, apiUrl, u"--ultravox-api-url"_s);
    addCheck(Page::Advanced, apiUrl, apiProblem,
             [apiUrl] { return SettingsValidation::httpUrl(apiUrl->text(), false); });
    bind(
        Settings::Key::UltravoxApiUrl, [apiUrl](const QVariant &value) { apiUrl->setText(value.toString()); },
        [apiUrl] { return QVariant(apiUrl->text().trimmed()); });
    auto *retry = spinBox(this, u"ultravoxRetrySeconds"_s, 1, 600);
    watch(retry);
    retranslated([retry] { retry->setSuffix(tr(" s")); });
    addRow(
        ultravox, [] { return tr("First retry after"); }, leftAligned(this, retry));
    addNote(ultravox, retry, [] { return tr("Each further retry waits twice as long."); });
    bind(
        Settings::Key::UltravoxRetryDelayMs,
        [retry](const QVariant &value) { bindScaled(retry, 1000, value); },
        [retry] { return QVariant(retry->value() * 1000); });
    column->addStretch(1);
}

} // namespace CallScope
