// SPDX-License-Identifier: GPL-3.0-or-later
// The settings dialog on real widgets (offscreen), over a settings file of its own, an in-memory
// secret store and a real store for the tenants and their deliveries: every field survives a
// restart (new objects on the same file), secrets land in the secret store and never in the file or
// back in a widget, each invalid field is refused with its message and nothing is written, and the
// database is probed for real (SQLite, and PostgreSQL in the postgres run).
#include "secrets/memorysecretstore.h"
#include "settings.h"
#include "settingsdialog.h"
#include "store.h"
#include "storereader.h"
#include "testcertificate.h"
#include "testsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

using Test::testCertificate;
using Test::testPrivateKey;

// The secrets the round trip types, by tenant and key; none may reach the settings file or a widget.
const QList<std::tuple<QString, QString, QString>> typedSecrets{
    {u"default"_s, u"retell.apiKey"_s, u"key_retell_31e7a9"_s},
    {u"default"_s, u"vapi.secret"_s, u"vapi_shared_44b1c2"_s},
    {u"default"_s, u"vapi.hmacSecret"_s, u"vapi_hmac_9d2c03"_s},
    {u"default"_s, u"ultravox.webhookSecret"_s, u"uv_new_51f0aa, uv_old_50e9bb"_s},
    {u"default"_s, u"ultravox.apiKey"_s, u"uv_api_77d1cc"_s},
    {u"default"_s, u"livekit.apiKey"_s, u"APIlk42e8dd"_s},
    {u"default"_s, u"livekit.apiSecret"_s, u"lk_secret_0a9bee"_s},
    {u"default"_s, u"twilio.authToken"_s, u"tw_auth_c0ffee11"_s},
    {u"default"_s, u"frontend.apiKey"_s, u"fe_key_5150ff"_s},
    {u"praxis"_s, u"twilio.authToken"_s, u"tw_praxis_beef22"_s},
    {u"praxis"_s, u"frontend.apiKey"_s, u"fe_praxis_abba33"_s},
};
const QString databasePassword = u"pg-pass-4711xyz"_s;

// A secret store whose keychain refuses every write (a locked keychain).
class LockedSecretStore : public MemorySecretStore
{
protected:
    SecretDone persist(const QHash<QString, QHash<QString, QString>> &) override
    {
        return std::unexpected(u"the keychain is locked"_s);
    }
};

// Marks two words of the dialog, as a new language would translate them.
class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *, const char *source, const char *, int) const override
    {
        const QByteArrayView text(source);
        if (text == "Settings" || text == "Providers" || text == "Retry after")
            return u"[%1]"_s.arg(QString::fromUtf8(source));
        return {};
    }
};

template<typename E> QList<int> ints(const QList<E> &values)
{
    QList<int> out;
    for (const E value : values)
        out << int(value);
    return out;
}

template<typename T> T *child(QObject *root, const QString &name)
{
    T *found = root->findChild<T *>(name);
    if (!found)
        qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void everyFieldSurvivesARestart();
    void storedSecretIsNeverShown();
    void removedSecretIsRemoved();
    void invalidFieldBlocksSaving_data();
    void invalidFieldBlocksSaving();
    void testConnection_data();
    void testConnection();
    void unusableDatabaseSavesNothing();
    void keychainFailureSavesNoSettings();
    void savedSaysWhatChangedAndWhetherToRestart();
    void webhookUrlsFollowTenantAndPublicUrl();
    void deliveriesShowWhetherTheWebhookWorks();
    void commandLineOverridesAreShown();
    void followsALanguageChange();
    void cancelWritesNothing();
    void wrongEntryStaysWithItsTenant();

private:
    std::unique_ptr<Settings> settings() const
    {
        return std::make_unique<Settings>(std::make_unique<QSettings>(m_settingsFile, QSettings::IniFormat));
    }
    SettingsDialog::Environment environment(SecretStore *secrets = nullptr) const
    {
        SettingsDialog::Environment env;
        env.secrets = secrets ? secrets : m_secrets.get();
        env.reader = m_reader.get();
        env.boundAddress = u"127.0.0.1:8787"_s;
        env.publicBaseUrl = u"http://127.0.0.1:8787"_s;
        return env;
    }
    std::unique_ptr<SettingsDialog> open(Settings &settings, SecretStore *secrets = nullptr) const
    {
        auto dialog = std::make_unique<SettingsDialog>(settings, environment(secrets));
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog.get()))
            qFatal("the dialog was not shown");
        return dialog;
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // The PostgreSQL test database (postgres run), else nothing.
    std::optional<DatabaseUrl> postgres();

    static void type(QLineEdit *field, const QString &text)
    {
        field->setFocus();
        field->selectAll();
        if (text.isEmpty())
            QTest::keyClick(field, Qt::Key_Delete);
        else
            QTest::keyClicks(field, text);
    }
    static void typeSecret(QWidget *dialog, const QString &key, const QString &value)
    {
        QTest::mouseClick(child<QPushButton>(dialog, u"secretReplace_"_s + key), Qt::LeftButton);
        type(child<QLineEdit>(dialog, u"secretValue_"_s + key), value);
    }
    // A radio button or check box reacts to a click on its mark or its text, not on the empty rest of
    // a row it spans.
    static void click(QAbstractButton *button)
    {
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(6, button->height() / 2));
        QApplication::processEvents(); // what it shows or hides is laid out, as a person would see it
    }
    static void chooseTenant(QWidget *dialog, const QString &slug)
    {
        auto *tenant = child<QComboBox>(dialog, u"tenant"_s);
        tenant->setCurrentIndex(tenant->findData(slug));
    }
    static bool pressOk(SettingsDialog *dialog)
    {
        QPushButton *ok = child<QDialogButtonBox>(dialog, {})->button(QDialogButtonBox::Ok);
        QTest::mouseClick(ok, Qt::LeftButton);
        if (!QTest::qWaitFor([dialog] { return !dialog->isSaving(); }, 20'000))
            qFatal("the dialog is still saving after 20 s");
        return !dialog->isVisible();
    }

    QTemporaryDir m_dir;
    Test::TestDatabase m_database;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<MemorySecretStore> m_secrets;
    QString m_settingsFile;
    int m_serial = 0;
};

void TestSettingsDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_database.unavailableReason().isEmpty(), qPrintable(m_database.unavailableReason()));
    const auto write = [this](const QString &name, const QByteArray &bytes) {
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QVERIFY(write(u"cert.pem"_s, testCertificate));
    QVERIFY(write(u"key.pem"_s, testPrivateKey));
    QVERIFY(write(u"notadatabase.db"_s, QByteArray("this is a text file, not a database\n").repeated(200)));

    // The tenants and their deliveries come from a real store.
    const DatabaseUrl url = DatabaseUrl::sqlite(path(u"tenants.db"_s));
    auto store = Store::open(url, {});
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
    QVERIFY(Test::await(m_store->createTenant(u"praxis"_s, u"Zahnarztpraxis am Markt"_s)));
    auto reader = StoreReader::open(url, {});
    QVERIFY(reader);
    m_reader = std::move(*reader);
}

void TestSettingsDialog::init()
{
    m_secrets = std::make_unique<MemorySecretStore>();
    m_settingsFile = path(u"settings-%1.ini"_s.arg(++m_serial));
}

void TestSettingsDialog::cleanup()
{
    QFile::remove(m_settingsFile);
}

std::optional<DatabaseUrl> TestSettingsDialog::postgres()
{
    if (!m_database.isPostgres())
        return std::nullopt;
    return m_database.fresh();
}

void TestSettingsDialog::everyFieldSurvivesARestart()
{
    const auto pg = postgres();
    {
        auto written = settings();
        auto dialog = open(*written);
        dialog->showPage(SettingsDialog::Page::Listener);
        type(child<QLineEdit>(dialog.get(), u"listenHost"_s), u"0.0.0.0"_s);
        type(child<QLineEdit>(dialog.get(), u"listenPort"_s), u"9443"_s);
        type(child<QLineEdit>(dialog.get(), u"publicUrl"_s), u"https://hooks.praxis-am-markt.de/callscope"_s);
        type(child<QLineEdit>(dialog.get(), u"tlsCertFile"_s), path(u"cert.pem"_s));
        type(child<QLineEdit>(dialog.get(), u"tlsKeyFile"_s), path(u"key.pem"_s));
        child<QSpinBox>(dialog.get(), u"maxBodyKiB"_s)->setValue(2048);
        child<QSpinBox>(dialog.get(), u"maxConnections"_s)->setValue(300);
        child<QSpinBox>(dialog.get(), u"requestTimeoutSeconds"_s)->setValue(20);
        child<QSpinBox>(dialog.get(), u"ratePerSecond"_s)->setValue(50);
        child<QSpinBox>(dialog.get(), u"rateBurst"_s)->setValue(120);

        dialog->showPage(SettingsDialog::Page::Database);
        if (pg) {
            click(child<QRadioButton>(dialog.get(), u"databasePostgres"_s));
            type(child<QLineEdit>(dialog.get(), u"postgresHost"_s), pg->host);
            type(child<QLineEdit>(dialog.get(), u"postgresPort"_s), QString::number(pg->port));
            type(child<QLineEdit>(dialog.get(), u"postgresDatabase"_s), pg->database);
            type(child<QLineEdit>(dialog.get(), u"postgresUser"_s), pg->user);
            typeSecret(dialog.get(), u"db.password"_s, databasePassword);
        } else {
            type(child<QLineEdit>(dialog.get(), u"sqlitePath"_s), path(u"moved-callscope.db"_s));
        }

        dialog->showPage(SettingsDialog::Page::Providers);
        for (const auto &[tenant, key, value] : typedSecrets) {
            chooseTenant(dialog.get(), tenant);
            QCOMPARE(dialog->tenant(), tenant);
            if (key == "vapi.hmacSecret"_L1)
                click(child<QRadioButton>(dialog.get(), u"vapiHmac"_s));
            if (key == "vapi.secret"_L1)
                click(child<QRadioButton>(dialog.get(), u"vapiSharedSecret"_s));
            typeSecret(dialog.get(), key, value);
        }
        chooseTenant(dialog.get(), u"default"_s);
        click(child<QRadioButton>(dialog.get(), u"vapiHmac"_s));
        auto *algorithm = child<QComboBox>(dialog.get(), u"plan_vapi.hmac.algorithm"_s);
        algorithm->setCurrentIndex(algorithm->findData(u"sha512"_s));
        auto *encoding = child<QComboBox>(dialog.get(), u"plan_vapi.hmac.encoding"_s);
        encoding->setCurrentIndex(encoding->findData(u"base64"_s));
        type(child<QLineEdit>(dialog.get(), u"plan_vapi.hmac.header"_s), u"x-vapi-signature"_s);
        type(child<QLineEdit>(dialog.get(), u"plan_vapi.hmac.timestampHeader"_s), u"x-vapi-timestamp"_s);
        type(child<QLineEdit>(dialog.get(), u"plan_vapi.hmac.template"_s), u"{timestamp}:{body}"_s);
        type(child<QLineEdit>(dialog.get(), u"plan_vapi.hmac.prefix"_s), u"sha512="_s);

        dialog->showPage(SettingsDialog::Page::Callbacks);
        type(child<QLineEdit>(dialog.get(), u"frontendUrl"_s),
             u"https://desk.praxis-am-markt.de/api/callbacks"_s);
        child<QSpinBox>(dialog.get(), u"frontendTimeoutSeconds"_s)->setValue(25);
        type(child<QLineEdit>(dialog.get(), u"callbackBackoff"_s), u"2m, 10m, 45m, 2h"_s);
        QCOMPARE(child<QLabel>(dialog.get(), u"note_callbackBackoff"_s)->text(),
                 u"If a hand-off fails, CallScope tries again 4 times: after 2 min, 10 min, 45 min and 2 h. "
                 "Then the request stays in the callback queue for staff."_s);
        type(child<QLineEdit>(dialog.get(), u"dialUriTemplate"_s), u"sip:{number}@pbx.praxis.local"_s);
        type(child<QLineEdit>(dialog.get(), u"staffName"_s), u"Mia Berger"_s);

        dialog->showPage(SettingsDialog::Page::Privacy);
        click(child<QCheckBox>(dialog.get(), u"maskPhoneNumbers"_s));
        child<QSpinBox>(dialog.get(), u"receiptRetentionDays"_s)->setValue(30);

        dialog->showPage(SettingsDialog::Page::Language);
        auto *language = child<QComboBox>(dialog.get(), u"language"_s);
        language->setCurrentIndex(language->findData(u"de"_s));

        dialog->showPage(SettingsDialog::Page::Errors);
        child<QSpinBox>(dialog.get(), u"staleCallMinutes"_s)->setValue(45);
        const QHash<QString, QString> severities{{u"function"_s, u"critical"_s}, {u"provider"_s, u"medium"_s},
                                                 {u"transfer"_s, u"critical"_s}, {u"ingest"_s, u"low"_s},
                                                 {u"stale"_s, u"high"_s},        {u"backend"_s, u"low"_s}};
        for (auto it = severities.begin(); it != severities.end(); ++it) {
            auto *combo = child<QComboBox>(dialog.get(), u"severity_"_s + it.key());
            combo->setCurrentIndex(combo->findData(it.value()));
        }

        dialog->showPage(SettingsDialog::Page::Advanced);
        child<QSpinBox>(dialog.get(), u"maxHeaderKiB"_s)->setValue(64);
        child<QSpinBox>(dialog.get(), u"idleTimeoutSeconds"_s)->setValue(45);
        child<QSpinBox>(dialog.get(), u"commitDeadlineSeconds"_s)->setValue(8);
        type(child<QLineEdit>(dialog.get(), u"ultravoxApiUrl"_s), u"http://127.0.0.1:9911"_s);
        child<QSpinBox>(dialog.get(), u"ultravoxRetrySeconds"_s)->setValue(5);

        QVERIFY2(dialog->pagesWithProblems().isEmpty(),
                 qPrintable(child<QListWidget>(dialog.get(), u"settingsPages"_s)
                                ->item(int(dialog->pagesWithProblems().value(0)))
                                ->toolTip()));
        QSignalSpy saved(dialog.get(), &SettingsDialog::saved);
        QVERIFY2(pressOk(dialog.get()), qPrintable(child<QLabel>(dialog.get(), u"settingsStatus"_s)->text()));
        QCOMPARE(saved.count(), 1);
        QVERIFY(saved.first().at(1).toBool()); // the database and the listener changed
    }

    // "Restart": new objects on the same file.
    auto reread = settings();
    for (int key = 0; key <= int(Settings::Key::MaskPhoneNumbers); ++key)
        QVERIFY2(!reread->isDefault(Settings::Key(key)),
                 qPrintable(u"the dialog sets no value for "_s + Settings::name(Settings::Key(key))));
    QCOMPARE(reread->string(Settings::Key::ListenAddress), u"0.0.0.0:9443"_s);
    QCOMPARE(reread->string(Settings::Key::PublicUrl), u"https://hooks.praxis-am-markt.de/callscope"_s);
    QCOMPARE(reread->string(Settings::Key::TlsCertFile), path(u"cert.pem"_s));
    QCOMPARE(reread->string(Settings::Key::TlsKeyFile), path(u"key.pem"_s));
    QCOMPARE(reread->integer(Settings::Key::MaxBodyBytes), 2048 * 1024);
    QCOMPARE(reread->integer(Settings::Key::MaxConnections), 300);
    QCOMPARE(reread->integer(Settings::Key::RequestTimeoutMs), 20'000);
    QCOMPARE(reread->value(Settings::Key::RatePerSecond).toDouble(), 50.0);
    QCOMPARE(reread->value(Settings::Key::RateBurst).toDouble(), 120.0);
    QCOMPARE(reread->string(Settings::Key::DatabaseUrl),
             pg ? u"postgresql://%1@%2:%3/%4"_s.arg(pg->user, pg->host).arg(pg->port).arg(pg->database)
                : u"sqlite://"_s + path(u"moved-callscope.db"_s));
    QCOMPARE(reread->string(Settings::Key::FrontendUrl), u"https://desk.praxis-am-markt.de/api/callbacks"_s);
    QCOMPARE(reread->integer(Settings::Key::FrontendTimeoutMs), 25'000);
    QCOMPARE(reread->string(Settings::Key::CallbackBackoff), u"2m,10m,45m,2h"_s);
    QCOMPARE(reread->string(Settings::Key::DialUriTemplate), u"sip:{number}@pbx.praxis.local"_s);
    QCOMPARE(reread->string(Settings::Key::StaffName), u"Mia Berger"_s);
    QCOMPARE(reread->value(Settings::Key::MaskPhoneNumbers).toBool(), true);
    QCOMPARE(reread->integer(Settings::Key::ReceiptRetentionDays), 30);
    QCOMPARE(reread->string(Settings::Key::Language), u"de"_s);
    QCOMPARE(reread->integer(Settings::Key::StaleCallMinutes), 45);
    QCOMPARE(reread->errorSeverities().value(u"function"_s), u"critical"_s);
    QCOMPARE(reread->errorSeverities().value(u"provider"_s), u"medium"_s);
    QCOMPARE(reread->errorSeverities().value(u"ingest"_s), u"low"_s);
    QCOMPARE(reread->errorSeverities().value(u"stale"_s), u"high"_s);
    QCOMPARE(reread->integer(Settings::Key::MaxHeaderBytes), 64 * 1024);
    QCOMPARE(reread->integer(Settings::Key::IdleTimeoutMs), 45'000);
    QCOMPARE(reread->integer(Settings::Key::CommitDeadlineMs), 8'000);
    QCOMPARE(reread->string(Settings::Key::UltravoxApiUrl), u"http://127.0.0.1:9911"_s);
    QCOMPARE(reread->integer(Settings::Key::UltravoxRetryDelayMs), 5'000);

    // The secrets are in the secret store, under their tenant, and nowhere in the settings file.
    const QByteArray file = fileBytes(m_settingsFile);
    QVERIFY(file.contains("9443")); // the file is the one written
    for (const auto &[tenant, key, value] : typedSecrets) {
        QCOMPARE(m_secrets->value(tenant, key).value_or(u"<not stored>"_s), value);
        QVERIFY2(!file.contains(value.toUtf8()), qPrintable(key + u" is in the settings file"_s));
    }
    QCOMPARE(m_secrets->value(u"praxis"_s, u"retell.apiKey"_s), std::nullopt);
    if (pg) {
        QCOMPARE(m_secrets->value(u"default"_s, u"db.password"_s).value_or(QString()), databasePassword);
        QVERIFY(!file.contains(databasePassword.toUtf8()));
    }
    // The HMAC plan is kept where the ingest reads it; the default is not written.
    QCOMPARE(m_secrets->value(u"default"_s, u"vapi.hmac.algorithm"_s).value_or(QString()), u"sha512"_s);
    QCOMPARE(m_secrets->value(u"default"_s, u"vapi.hmac.encoding"_s).value_or(QString()), u"base64"_s);
    QCOMPARE(m_secrets->value(u"default"_s, u"vapi.hmac.template"_s).value_or(QString()),
             u"{timestamp}:{body}"_s);
    QCOMPARE(m_secrets->value(u"default"_s, u"vapi.hmac.prefix"_s).value_or(QString()), u"sha512="_s);
    QCOMPARE(m_secrets->value(u"praxis"_s, u"vapi.hmac.algorithm"_s), std::nullopt);

    // The new dialog shows every value again, and no secret in any widget.
    auto dialog = open(*reread);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"listenHost"_s)->text(), u"0.0.0.0"_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"listenPort"_s)->text(), u"9443"_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"publicUrl"_s)->text(),
             u"https://hooks.praxis-am-markt.de/callscope"_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"tlsCertFile"_s)->text(), path(u"cert.pem"_s));
    QCOMPARE(child<QLineEdit>(dialog.get(), u"tlsKeyFile"_s)->text(), path(u"key.pem"_s));
    QCOMPARE(child<QSpinBox>(dialog.get(), u"maxBodyKiB"_s)->value(), 2048);
    QCOMPARE(child<QSpinBox>(dialog.get(), u"maxConnections"_s)->value(), 300);
    QCOMPARE(child<QSpinBox>(dialog.get(), u"requestTimeoutSeconds"_s)->value(), 20);
    QCOMPARE(child<QSpinBox>(dialog.get(), u"ratePerSecond"_s)->value(), 50);
    QCOMPARE(child<QSpinBox>(dialog.get(), u"rateBurst"_s)->value(), 120);
    if (pg) {
        QVERIFY(child<QRadioButton>(dialog.get(), u"databasePostgres"_s)->isChecked());
        QCOMPARE(child<QLineEdit>(dialog.get(), u"postgresHost"_s)->text(), pg->host);
        QCOMPARE(child<QLineEdit>(dialog.get(), u"postgresPort"_s)->text(), QString::number(pg->port));
        QCOMPARE(child<QLineEdit>(dialog.get(), u"postgresDatabase"_s)->text(), pg->database);
        QCOMPARE(child<QLineEdit>(dialog.get(), u"postgresUser"_s)->text(), pg->user);
        QCOMPARE(child<QLabel>(dialog.get(), u"secretState_db.password"_s)->text(), u"•••••••• stored"_s);
    } else {
        QVERIFY(child<QRadioButton>(dialog.get(), u"databaseSqlite"_s)->isChecked());
        QCOMPARE(child<QLineEdit>(dialog.get(), u"sqlitePath"_s)->text(), path(u"moved-callscope.db"_s));
    }
    QCOMPARE(child<QComboBox>(dialog.get(), u"plan_vapi.hmac.algorithm"_s)->currentData().toString(),
             u"sha512"_s);
    QCOMPARE(child<QComboBox>(dialog.get(), u"plan_vapi.hmac.encoding"_s)->currentData().toString(),
             u"base64"_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"plan_vapi.hmac.header"_s)->text(), u"x-vapi-signature"_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"plan_vapi.hmac.timestampHeader"_s)->text(),
             u"x-vapi-timestamp"_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"plan_vapi.hmac.template"_s)->text(), u"{timestamp}:{body}"_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"plan_vapi.hmac.prefix"_s)->text(), u"sha512="_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"frontendUrl"_s)->text(),
             u"https://desk.praxis-am-markt.de/api/callbacks"_s);
    QCOMPARE(child<QSpinBox>(dialog.get(), u"frontendTimeoutSeconds"_s)->value(), 25);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"callbackBackoff"_s)->text(), u"2m, 10m, 45m, 2h"_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"dialUriTemplate"_s)->text(),
             u"sip:{number}@pbx.praxis.local"_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"staffName"_s)->text(), u"Mia Berger"_s);
    QVERIFY(child<QCheckBox>(dialog.get(), u"maskPhoneNumbers"_s)->isChecked());
    QCOMPARE(child<QSpinBox>(dialog.get(), u"receiptRetentionDays"_s)->value(), 30);
    QCOMPARE(child<QComboBox>(dialog.get(), u"language"_s)->currentData().toString(), u"de"_s);
    QCOMPARE(child<QSpinBox>(dialog.get(), u"staleCallMinutes"_s)->value(), 45);
    QCOMPARE(child<QComboBox>(dialog.get(), u"severity_transfer"_s)->currentData().toString(), u"critical"_s);
    QCOMPARE(child<QComboBox>(dialog.get(), u"severity_backend"_s)->currentData().toString(), u"low"_s);
    QCOMPARE(child<QSpinBox>(dialog.get(), u"maxHeaderKiB"_s)->value(), 64);
    QCOMPARE(child<QSpinBox>(dialog.get(), u"idleTimeoutSeconds"_s)->value(), 45);
    QCOMPARE(child<QSpinBox>(dialog.get(), u"commitDeadlineSeconds"_s)->value(), 8);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"ultravoxApiUrl"_s)->text(), u"http://127.0.0.1:9911"_s);
    QCOMPARE(child<QSpinBox>(dialog.get(), u"ultravoxRetrySeconds"_s)->value(), 5);
    // HMAC is what the tenant uses once its plan is stored... and both of Vapi's secrets read as stored.
    for (const QString &tenant : {u"default"_s, u"praxis"_s}) {
        chooseTenant(dialog.get(), tenant);
        for (const auto &[owner, key, value] : typedSecrets) {
            if (owner != tenant)
                continue;
            QTRY_COMPARE(child<QLabel>(dialog.get(), u"secretState_"_s + key)->text(), u"•••••••• stored"_s);
        }
        QCOMPARE(child<QLabel>(dialog.get(), u"secretState_retell.apiKey"_s)->text(),
                 tenant == "praxis"_L1 ? u"Not set"_s : u"•••••••• stored"_s);
        for (QLineEdit *field : dialog->findChildren<QLineEdit *>()) {
            for (const auto &[owner, key, value] : typedSecrets)
                QVERIFY2(!field->text().contains(value),
                         qPrintable(field->objectName() + u" shows "_s + key));
            QVERIFY(!field->text().contains(databasePassword));
        }
        for (QLabel *label : dialog->findChildren<QLabel *>()) {
            for (const auto &[owner, key, value] : typedSecrets)
                QVERIFY2(!label->text().contains(value),
                         qPrintable(label->objectName() + u" shows "_s + key));
        }
    }
}

void TestSettingsDialog::storedSecretIsNeverShown()
{
    m_secrets->set(u"default"_s, u"retell.apiKey"_s, u"key_stored_abc123"_s);
    auto written = settings();
    auto dialog = open(*written);
    dialog->showPage(SettingsDialog::Page::Providers);
    QTRY_COMPARE(child<QLabel>(dialog.get(), u"secretState_retell.apiKey"_s)->text(), u"•••••••• stored"_s);
    auto *value = child<QLineEdit>(dialog.get(), u"secretValue_retell.apiKey"_s);
    QVERIFY(!value->isVisible());
    QCOMPARE(child<QLabel>(dialog.get(), u"secretState_twilio.authToken"_s)->text(), u"Not set"_s);
    QCOMPARE(child<QPushButton>(dialog.get(), u"secretReplace_retell.apiKey"_s)->text(), u"Replace…"_s);
    QCOMPARE(child<QPushButton>(dialog.get(), u"secretReplace_twilio.authToken"_s)->text(), u"Set…"_s);

    // Replacing starts from an empty, masked field; leaving it empty keeps the stored secret.
    QTest::mouseClick(child<QPushButton>(dialog.get(), u"secretReplace_retell.apiKey"_s), Qt::LeftButton);
    QVERIFY(value->isVisible());
    QCOMPARE(value->text(), QString());
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    for (QLineEdit *field : dialog->findChildren<QLineEdit *>())
        QVERIFY2(!field->text().contains(u"key_stored_abc123"_s), qPrintable(field->objectName()));
    QSignalSpy secretsChanged(dialog.get(), &SettingsDialog::secretsChanged);
    QVERIFY(pressOk(dialog.get()));
    QCOMPARE(secretsChanged.count(), 0);
    QCOMPARE(m_secrets->value(u"default"_s, u"retell.apiKey"_s).value_or(QString()), u"key_stored_abc123"_s);
}

void TestSettingsDialog::removedSecretIsRemoved()
{
    m_secrets->set(u"praxis"_s, u"livekit.apiSecret"_s, u"lk_old_secret_42"_s);
    auto written = settings();
    auto dialog = open(*written);
    dialog->showPage(SettingsDialog::Page::Providers);
    dialog->setTenant(u"praxis"_s);
    QTRY_COMPARE(child<QLabel>(dialog.get(), u"secretState_livekit.apiSecret"_s)->text(),
                 u"•••••••• stored"_s);
    QTest::mouseClick(child<QPushButton>(dialog.get(), u"secretRemove_livekit.apiSecret"_s), Qt::LeftButton);
    QCOMPARE(child<QLabel>(dialog.get(), u"secretState_livekit.apiSecret"_s)->text(),
             u"Will be removed when you save"_s);
    QSignalSpy secretsChanged(dialog.get(), &SettingsDialog::secretsChanged);
    QTest::mouseClick(child<QDialogButtonBox>(dialog.get(), {})->button(QDialogButtonBox::Apply),
                      Qt::LeftButton);
    QTRY_COMPARE(secretsChanged.count(), 1);
    QCOMPARE(secretsChanged.first().at(0).toString(), u"praxis"_s);
    QCOMPARE(secretsChanged.first().at(1).toStringList(), QStringList{u"livekit.apiSecret"_s});
    QCOMPARE(m_secrets->value(u"praxis"_s, u"livekit.apiSecret"_s), std::nullopt);
    QCOMPARE(child<QLabel>(dialog.get(), u"secretState_livekit.apiSecret"_s)->text(), u"Not set"_s);
}

void TestSettingsDialog::invalidFieldBlocksSaving_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("problemOf"); // the field whose message it is, when another one
    QTest::addColumn<QString>("message");

    const int listener = int(SettingsDialog::Page::Listener);
    QTest::newRow("port 0") << listener << u"listenPort"_s << u"0"_s << QString()
                            << u"Port 0 is out of range: use a number from 1 to 65535."_s;
    QTest::newRow("port 70000") << listener << u"listenPort"_s << u"70000"_s << QString()
                                << u"Port 70000 is out of range: use a number from 1 to 65535."_s;
    QTest::newRow("port abc") << listener << u"listenPort"_s << u"abc"_s << QString()
                              << u"“abc” is not a port number: use a whole number from 1 to 65535."_s;
    QTest::newRow("a listen address with spaces")
        << listener << u"listenHost"_s << u"127.0.0 .1"_s << QString()
        << u"“127.0.0 .1” contains a space: an address has none."_s;
    QTest::newRow("an ftp:// public URL")
        << listener << u"publicUrl"_s << u"ftp://hooks.example.de"_s << QString()
        << u"“ftp://hooks.example.de” is not a web address: it must start with https:// or http://, not ftp://."_s;
    QTest::newRow("a missing certificate file") << listener << u"tlsCertFile"_s << u"@DIR@/missing.pem"_s
                                                << QString() << u"@DIR@/missing.pem does not exist."_s;
    QTest::newRow("a certificate without its key")
        << listener << u"tlsCertFile"_s << u"@DIR@/cert.pem"_s << u"tlsKeyFile"_s
        << u"Choose the private key file too: HTTPS needs the certificate and its key."_s;
    const int database = int(SettingsDialog::Page::Database);
    QTest::newRow("a relative SQLite path")
        << database << u"sqlitePath"_s << u"data/callscope.db"_s << QString()
        << u"“data/callscope.db” is not a full path: choose the file with Browse…."_s;
    QTest::newRow("a PostgreSQL port of 70000")
        << database << u"postgresPort"_s << u"70000"_s << QString()
        << u"Port 70000 is out of range: use a number from 1 to 65535."_s;
    QTest::newRow("a PostgreSQL server with spaces")
        << database << u"postgresHost"_s << u"db server"_s << QString()
        << u"“db server” contains a space: a server name has none."_s;
    const int providers = int(SettingsDialog::Page::Providers);
    QTest::newRow("an Ultravox secret list with an empty entry")
        << providers << u"secretValue_ultravox.webhookSecret"_s << u"uv_new,,uv_old"_s << QString()
        << u"Leave no empty entry between the commas."_s;
    QTest::newRow("a Vapi signature header with a space")
        << providers << u"plan_vapi.hmac.header"_s << u"x signature"_s << QString()
        << u"“x signature” is not an HTTP header name (letters, digits and dashes, e.g. x-signature)."_s;
    QTest::newRow("a Vapi template without the body")
        << providers << u"plan_vapi.hmac.template"_s << u"{timestamp}"_s << QString()
        << u"The template must contain {body}: the signature covers the webhook's body."_s;
    const int callbacks = int(SettingsDialog::Page::Callbacks);
    QTest::newRow("a malformed frontend URL")
        << callbacks << u"frontendUrl"_s << u"https//desk.example"_s << QString()
        << u"“https//desk.example” is not a valid web address, e.g. https://example.com/path."_s;
    QTest::newRow("a backoff of 5x")
        << callbacks << u"callbackBackoff"_s << u"5m, 5x"_s << QString()
        << u"“5x” is not a delay: write a number and a unit, e.g. 30s, 5m or 1h."_s;
    QTest::newRow("an empty dial link") << callbacks << u"dialUriTemplate"_s << u""_s << QString()
                                        << u"Enter a dial link, e.g. tel:{number}."_s;
    QTest::newRow("a dial link without {number}")
        << callbacks << u"dialUriTemplate"_s << u"tel:"_s << QString()
        << u"The dial link must contain {number}, where the customer's number goes, e.g. tel:{number}."_s;
    QTest::newRow("a staff name of 81 characters") << callbacks << u"staffName"_s << u"x"_s.repeated(81)
                                                   << QString() << u"At most 80 characters (this has 81)."_s;
    QTest::newRow("no Ultravox API") << int(SettingsDialog::Page::Advanced) << u"ultravoxApiUrl"_s << u""_s
                                     << QString() << u"Enter an address starting with https:// or http://."_s;
}

void TestSettingsDialog::invalidFieldBlocksSaving()
{
    QFETCH(int, page);
    QFETCH(QString, field);
    QFETCH(QString, input);
    QFETCH(QString, problemOf);
    QFETCH(QString, message);
    input.replace("@DIR@"_L1, m_dir.path());
    message.replace("@DIR@"_L1, m_dir.path());
    {
        auto before = settings();
        before->setValue(Settings::Key::Language, u"en"_s);
        before->setValue(Settings::Key::StaffName, u"Jonas Wolf"_s);
        before->sync();
    }
    const QByteArray unchanged = fileBytes(m_settingsFile);
    QVERIFY(unchanged.contains("Jonas Wolf"));

    auto written = settings();
    auto dialog = open(*written);
    dialog->showPage(SettingsDialog::Page(page));
    if (field.startsWith("postgres"_L1))
        click(child<QRadioButton>(dialog.get(), u"databasePostgres"_s));
    if (field.startsWith("plan_vapi"_L1))
        click(child<QRadioButton>(dialog.get(), u"vapiHmac"_s));
    if (field.startsWith("secretValue_"_L1))
        QTest::mouseClick(child<QPushButton>(dialog.get(), u"secretReplace_"_s + field.mid(12)),
                          Qt::LeftButton);
    // A valid change elsewhere, which must not be saved either.
    auto *language = child<QComboBox>(dialog.get(), u"language"_s);
    language->setCurrentIndex(language->findData(u"de"_s));
    auto *edit = child<QLineEdit>(dialog.get(), field);
    const QString before = edit->text();
    type(edit, input);

    auto *problem = child<QLabel>(dialog.get(), u"problem_"_s + (problemOf.isEmpty() ? field : problemOf));
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), u"⚠ "_s + message);
    QCOMPARE(ints(dialog->pagesWithProblems()), QList<int>{page});
    QVERIFY(child<QListWidget>(dialog.get(), u"settingsPages"_s)->item(page)->data(Qt::UserRole).toBool());
    auto *buttons = child<QDialogButtonBox>(dialog.get(), {});
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!buttons->button(QDialogButtonBox::Apply)->isEnabled());

    QSignalSpy saved(dialog.get(), &SettingsDialog::saved);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Apply), Qt::LeftButton);
    QTest::keyClick(dialog.get(), Qt::Key_Return);
    QTest::qWait(50);
    QVERIFY(dialog->isVisible());
    QCOMPARE(saved.count(), 0);
    QCOMPARE(fileBytes(m_settingsFile), unchanged);
    QVERIFY(m_secrets->tenants().isEmpty());

    // Putting it right lets the dialog save again.
    type(edit, before);
    if (field.startsWith("postgres"_L1))
        click(child<QRadioButton>(dialog.get(), u"databaseSqlite"_s));
    QVERIFY(!problem->isVisible());
    QVERIFY(dialog->pagesWithProblems().isEmpty());
    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestSettingsDialog::testConnection_data()
{
    QTest::addColumn<QString>("url"); // a database URL, or "postgres" for the test server
    QTest::addColumn<QString>("result");

    QTest::newRow("a new SQLite file") << u"sqlite://@DIR@/probe.db"_s << u"✓ Connected: SQLite 3."_s;
    QTest::newRow("a text file that is not a database")
        << u"sqlite://@DIR@/notadatabase.db"_s << u"✕ file is not a database"_s;
    QTest::newRow("a folder that does not exist, refused before any connection")
        << u"sqlite://@DIR@/nowhere/probe.db"_s << u"✕ Correct the marked fields first."_s;
    QTest::newRow("a PostgreSQL server that is not there")
        << u"postgresql://postgres@127.0.0.1:1/callscope"_s << u"✕ "_s;
    if (m_database.isPostgres()) {
        QTest::newRow("the PostgreSQL test server") << u"postgres"_s << u"✓ Connected: PostgreSQL "_s;
        QTest::newRow("a database the PostgreSQL server does not have") << u"postgres-missing"_s << u"✕ "_s;
    }
}

void TestSettingsDialog::testConnection()
{
    QFETCH(QString, url);
    QFETCH(QString, result);
    url.replace("@DIR@"_L1, m_dir.path());
    auto written = settings();
    auto dialog = open(*written);
    dialog->showPage(SettingsDialog::Page::Database);
    DatabaseUrl target;
    if (url.startsWith("postgres-missing"_L1)) {
        target = *postgres();
        target.database = u"no_such_database"_s;
    } else if (url == "postgres"_L1) {
        target = *postgres();
    } else {
        target = *DatabaseUrl::parse(url);
    }
    if (target.isSqlite()) {
        type(child<QLineEdit>(dialog.get(), u"sqlitePath"_s), target.path);
    } else {
        click(child<QRadioButton>(dialog.get(), u"databasePostgres"_s));
        type(child<QLineEdit>(dialog.get(), u"postgresHost"_s), target.host);
        type(child<QLineEdit>(dialog.get(), u"postgresPort"_s), QString::number(target.port));
        type(child<QLineEdit>(dialog.get(), u"postgresDatabase"_s), target.database);
        type(child<QLineEdit>(dialog.get(), u"postgresUser"_s), target.user);
    }
    auto *button = child<QPushButton>(dialog.get(), u"testConnection"_s);
    auto *label = child<QLabel>(dialog.get(), u"testConnectionResult"_s);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 20'000);
    QVERIFY2(label->text().startsWith(result), qPrintable(label->text()));
    QVERIFY(label->text().size() > 10); // the version, or the driver's words
    QVERIFY(!child<QWidget>(dialog.get(), u"testConnectionBusy"_s)->isVisible());
    // Testing saves nothing.
    QVERIFY(fileBytes(m_settingsFile).isEmpty());
}

void TestSettingsDialog::unusableDatabaseSavesNothing()
{
    {
        auto before = settings();
        before->setValue(Settings::Key::StaffName, u"Jonas Wolf"_s);
        before->sync();
    }
    const QByteArray unchanged = fileBytes(m_settingsFile);
    auto written = settings();
    auto dialog = open(*written);
    dialog->showPage(SettingsDialog::Page::Database);
    if (m_database.isPostgres()) {
        // The right server and database, the wrong port: nobody answers.
        const DatabaseUrl pg = *postgres();
        click(child<QRadioButton>(dialog.get(), u"databasePostgres"_s));
        type(child<QLineEdit>(dialog.get(), u"postgresHost"_s), pg.host);
        type(child<QLineEdit>(dialog.get(), u"postgresPort"_s), u"1"_s);
        type(child<QLineEdit>(dialog.get(), u"postgresDatabase"_s), pg.database);
        typeSecret(dialog.get(), u"db.password"_s, databasePassword);
    } else {
        type(child<QLineEdit>(dialog.get(), u"sqlitePath"_s), path(u"notadatabase.db"_s));
    }
    dialog->showPage(SettingsDialog::Page::Callbacks);
    type(child<QLineEdit>(dialog.get(), u"staffName"_s), u"Mia Berger"_s);
    dialog->showPage(SettingsDialog::Page::Providers);
    typeSecret(dialog.get(), u"twilio.authToken"_s, u"tw_never_saved"_s);

    QSignalSpy saved(dialog.get(), &SettingsDialog::saved);
    QVERIFY(!pressOk(dialog.get()));
    auto *status = child<QLabel>(dialog.get(), u"settingsStatus"_s);
    QVERIFY2(status->text().startsWith(u"⚠ The new database cannot be used, so nothing was saved: "_s),
             qPrintable(status->text()));
    QCOMPARE(int(dialog->currentPage()), int(SettingsDialog::Page::Database));
    QVERIFY(child<QLabel>(dialog.get(), u"testConnectionResult"_s)->text().startsWith(u"✕ "_s));
    QCOMPARE(saved.count(), 0);
    QCOMPARE(fileBytes(m_settingsFile), unchanged);
    QVERIFY(m_secrets->tenants().isEmpty()); // neither the token nor the password
    QVERIFY(child<QDialogButtonBox>(dialog.get(), {})->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestSettingsDialog::keychainFailureSavesNoSettings()
{
    LockedSecretStore locked;
    const QByteArray unchanged = fileBytes(m_settingsFile);
    auto written = settings();
    auto dialog = open(*written, &locked);
    dialog->showPage(SettingsDialog::Page::Callbacks);
    type(child<QLineEdit>(dialog.get(), u"staffName"_s), u"Mia Berger"_s);
    typeSecret(dialog.get(), u"frontend.apiKey"_s, u"fe_key_locked_out"_s);
    QSignalSpy saved(dialog.get(), &SettingsDialog::saved);
    QVERIFY(!pressOk(dialog.get()));
    auto *status = child<QLabel>(dialog.get(), u"settingsStatus"_s);
    QTRY_VERIFY(status->text().contains(u"the keychain is locked"_s));
    QCOMPARE(status->text(), u"⚠ The secret store of this session could not store the frontend API key: the "
                             "keychain is locked. The settings were not saved."_s);
    QCOMPARE(saved.count(), 0);
    QCOMPARE(fileBytes(m_settingsFile), unchanged);
    QCOMPARE(written->string(Settings::Key::StaffName), QString());
    // What was typed is still there to try again.
    QCOMPARE(child<QLineEdit>(dialog.get(), u"secretValue_frontend.apiKey"_s)->text(),
             u"fe_key_locked_out"_s);
}

void TestSettingsDialog::savedSaysWhatChangedAndWhetherToRestart()
{
    auto written = settings();
    auto dialog = open(*written);
    QSignalSpy saved(dialog.get(), &SettingsDialog::saved);
    QSignalSpy secretsChanged(dialog.get(), &SettingsDialog::secretsChanged);
    auto *apply = child<QDialogButtonBox>(dialog.get(), {})->button(QDialogButtonBox::Apply);

    auto *language = child<QComboBox>(dialog.get(), u"language"_s);
    language->setCurrentIndex(language->findData(u"de"_s));
    click(child<QCheckBox>(dialog.get(), u"maskPhoneNumbers"_s));
    typeSecret(dialog.get(), u"retell.apiKey"_s, u"key_retell_new"_s);
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
    auto changed = saved.takeFirst();
    QCOMPARE(ints(changed.at(0).value<QList<Settings::Key>>()),
             ints(QList<Settings::Key>{Settings::Key::MaskPhoneNumbers, Settings::Key::Language}));
    QCOMPARE(changed.at(1).toBool(), false);
    QCOMPARE(secretsChanged.count(), 1);
    QCOMPARE(secretsChanged.first().at(0).toString(), u"default"_s);
    QCOMPARE(secretsChanged.first().at(1).toStringList(), QStringList{u"retell.apiKey"_s});
    QVERIFY(dialog->isVisible()); // Apply keeps it open
    QCOMPARE(child<QLabel>(dialog.get(), u"settingsStatus"_s)->text(), u"✓ Saved."_s);

    // Saving again without a change writes nothing; a new port needs a restart.
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(ints(saved.takeFirst().at(0).value<QList<Settings::Key>>()), QList<int>{});
    QCOMPARE(secretsChanged.count(), 1);
    type(child<QLineEdit>(dialog.get(), u"listenPort"_s), u"8788"_s);
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
    changed = saved.takeFirst();
    QCOMPARE(ints(changed.at(0).value<QList<Settings::Key>>()),
             QList<int>{int(Settings::Key::ListenAddress)});
    QCOMPARE(changed.at(1).toBool(), true);
    QCOMPARE(child<QLabel>(dialog.get(), u"settingsStatus"_s)->text(),
             u"✓ Saved. Some changes take effect when CallScope restarts."_s);
    // Putting the default back removes the key instead of writing the default.
    type(child<QLineEdit>(dialog.get(), u"listenPort"_s), u"8787"_s);
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(saved.count(), 1);
    QVERIFY(written->isDefault(Settings::Key::ListenAddress));
    QVERIFY(!fileBytes(m_settingsFile).contains("listener"));
}

void TestSettingsDialog::webhookUrlsFollowTenantAndPublicUrl()
{
    auto written = settings();
    auto dialog = open(*written);
    dialog->showPage(SettingsDialog::Page::Providers);
    auto *retell = child<QLineEdit>(dialog.get(), u"webhookUrl_retell"_s);
    auto *listener = child<QLineEdit>(dialog.get(), u"listenerWebhookUrl_twilio"_s);
    QCOMPARE(retell->text(), u"http://127.0.0.1:8787/webhooks/retell"_s);
    dialog->setTenant(u"praxis"_s);
    QCOMPARE(child<QComboBox>(dialog.get(), u"tenant"_s)->currentText(),
             u"Zahnarztpraxis am Markt (praxis)"_s);
    QCOMPARE(retell->text(), u"http://127.0.0.1:8787/t/praxis/webhooks/retell"_s);
    QCOMPARE(listener->text(), u"http://127.0.0.1:8787/t/praxis/webhooks/twilio"_s);
    dialog->showPage(SettingsDialog::Page::Listener);
    type(child<QLineEdit>(dialog.get(), u"publicUrl"_s), u"https://hooks.praxis-am-markt.de/cs/"_s);
    QCOMPARE(retell->text(), u"https://hooks.praxis-am-markt.de/cs/t/praxis/webhooks/retell"_s);
    type(child<QLineEdit>(dialog.get(), u"publicUrl"_s), QString());
    type(child<QLineEdit>(dialog.get(), u"listenPort"_s), u"9000"_s);
    QCOMPARE(listener->text(), u"http://127.0.0.1:9000/t/praxis/webhooks/twilio"_s);
    QTest::mouseClick(child<QPushButton>(dialog.get(), u"copy_listenerWebhookUrl_twilio"_s), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"http://127.0.0.1:9000/t/praxis/webhooks/twilio"_s);
}

void TestSettingsDialog::deliveriesShowWhetherTheWebhookWorks()
{
    auto praxis = m_reader->tenant(u"praxis"_s);
    QVERIFY(praxis);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(Test::await(m_store->recordRejectedDeliveries(praxis->id, u"vapi"_s, 1, now - 50 * 60'000,
                                                          u"stale_timestamp"_s)));
    QVERIFY(Test::await(
        m_store->recordRejectedDeliveries(praxis->id, u"vapi"_s, 1, now - 20 * 60'000, u"bad_signature"_s)));
    IngestUnit unit = Test::makeUnit(
        Provider::Vapi, u"vapi-delivery-1"_s, u"call-1"_s,
        {Test::statusEvent(Provider::Vapi, u"call-1"_s, CallStatus::InProgress, now - 3 * 60'000)});
    unit.receipt.receivedAtMs = now - 3 * 60'000;
    QVERIFY(Test::await(m_store->ingest(IngestSubmission{u"praxis"_s, {unit}})));

    auto written = settings();
    auto dialog = open(*written);
    dialog->showPage(SettingsDialog::Page::Providers);
    QCOMPARE(child<QLabel>(dialog.get(), u"deliveries_vapi"_s)->text(), u"No delivery yet"_s);
    dialog->setTenant(u"praxis"_s);
    QCOMPARE(child<QLabel>(dialog.get(), u"deliveries_vapi"_s)->text(),
             u"✓ Last accepted delivery: 3 min ago (1 in all)"_s);
    auto *rejected = child<QLabel>(dialog.get(), u"rejections_vapi"_s);
    QVERIFY(rejected->isVisible());
    QCOMPARE(rejected->text(), u"⚠ 2 rejected (last: wrong signature, 20 min ago)"_s);
    QCOMPARE(child<QLabel>(dialog.get(), u"deliveries_retell"_s)->text(), u"No delivery yet"_s);
    QVERIFY(!child<QLabel>(dialog.get(), u"rejections_retell"_s)->isVisible());
}

void TestSettingsDialog::commandLineOverridesAreShown()
{
    auto written = settings();
    SettingsDialog::Environment env = environment();
    env.commandLineOverrides = {u"--db"_s, u"--listen"_s};
    SettingsDialog dialog(*written, env);
    QVERIFY(dialog.findChild<QLabel *>(u"override_databaseSqlite"_s));
    QVERIFY(dialog.findChild<QLabel *>(u"override_listenHost"_s));
    QVERIFY(!dialog.findChild<QLabel *>(u"override_publicUrl"_s));
    QCOMPARE(dialog.findChild<QLabel *>(u"override_listenHost"_s)->text(),
             u"ⓘ CallScope was started with --listen on its command line, which wins over this setting while "
             "it runs."_s);
}

void TestSettingsDialog::followsALanguageChange()
{
    auto written = settings();
    auto dialog = open(*written);
    dialog->showPage(SettingsDialog::Page::Providers);
    auto *pages = child<QListWidget>(dialog.get(), u"settingsPages"_s);
    QCOMPARE(dialog->windowTitle(), u"Settings"_s);
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QTRY_COMPARE(dialog->windowTitle(), u"[Settings]"_s);
    QCOMPARE(pages->item(int(SettingsDialog::Page::Providers))->text(), u"[Providers]"_s);
    QCOMPARE(child<QLabel>(dialog.get(), u"settingsPageTitle"_s)->text(), u"[Providers]"_s);
    const auto labels = dialog->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(),
                        [](const QLabel *label) { return label->text() == "[Retry after]"_L1; }));
    QVERIFY(QCoreApplication::removeTranslator(&translator));
    QTRY_COMPARE(dialog->windowTitle(), u"Settings"_s);
    QCOMPARE(pages->item(int(SettingsDialog::Page::Providers))->text(), u"Providers"_s);
}

void TestSettingsDialog::cancelWritesNothing()
{
    auto written = settings();
    auto dialog = open(*written);
    type(child<QLineEdit>(dialog.get(), u"listenPort"_s), u"9000"_s);
    typeSecret(dialog.get(), u"retell.apiKey"_s, u"key_cancelled"_s);
    QSignalSpy saved(dialog.get(), &SettingsDialog::saved);
    QTest::mouseClick(child<QDialogButtonBox>(dialog.get(), {})->button(QDialogButtonBox::Cancel),
                      Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QCOMPARE(saved.count(), 0);
    QVERIFY(fileBytes(m_settingsFile).isEmpty());
    QVERIFY(m_secrets->tenants().isEmpty());
}

void TestSettingsDialog::wrongEntryStaysWithItsTenant()
{
    auto written = settings();
    auto dialog = open(*written);
    dialog->showPage(SettingsDialog::Page::Providers);
    typeSecret(dialog.get(), u"ultravox.webhookSecret"_s, u"uv_new,,uv_old"_s);
    chooseTenant(dialog.get(), u"praxis"_s);
    QCOMPARE(dialog->tenant(), u"default"_s);
    QCOMPARE(child<QComboBox>(dialog.get(), u"tenant"_s)->currentData().toString(), u"default"_s);
    QCOMPARE(child<QLabel>(dialog.get(), u"settingsStatus"_s)->text(),
             u"⚠ Correct the marked fields on the Providers page before you switch tenants."_s);
    type(child<QLineEdit>(dialog.get(), u"secretValue_ultravox.webhookSecret"_s), u"uv_new,uv_old"_s);
    chooseTenant(dialog.get(), u"praxis"_s);
    QCOMPARE(dialog->tenant(), u"praxis"_s);
    QVERIFY(!child<QLineEdit>(dialog.get(), u"secretValue_ultravox.webhookSecret"_s)->isVisible());
    chooseTenant(dialog.get(), u"default"_s);
    QCOMPARE(child<QLineEdit>(dialog.get(), u"secretValue_ultravox.webhookSecret"_s)->text(),
             u"uv_new,uv_old"_s);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
