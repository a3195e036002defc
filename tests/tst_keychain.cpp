// SPDX-License-Identifier: GPL-3.0-or-later
// The real OS keychain through QtKeychain (Secret Service: gnome-keyring in its own D-Bus session,
// see with-keyring.sh). It fails, never skips, when no keychain answers.
#include "secrets/keychainsecretstore.h"
#include "settings.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void tenantsDoNotShareSecrets();
    void missingSecretReadsAsNothing();
    void settingsDialogStoresSecretsInTheKeychain();

private:
    template<typename T> T wait(QFuture<T> future)
    {
        // QtKeychain answers through the event loop (D-Bus), so spin it instead of blocking.
        QDeadlineTimer deadline(15'000);
        while (!future.isFinished() && !deadline.hasExpired())
            QTest::qWait(5);
        if (!future.isFinished())
            return T(std::unexpected(u"the keychain did not answer within 15 s"_s));
        return future.result();
    }

    const QString m_service = u"CallScopeTest-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    KeychainSecretStore m_store{m_service};
};

void TestKeychain::initTestCase()
{
    qInfo("DBUS_SESSION_BUS_ADDRESS=%s", qgetenv("DBUS_SESSION_BUS_ADDRESS").constData());
    auto written = wait(m_store.write(u"probe"_s, u"probe.key"_s, u"x"_s));
    QVERIFY2(written, written ? "" : qPrintable(u"the keychain does not answer: "_s + written.error()));
}

void TestKeychain::roundTrip_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::newRow("an ASCII API key is overwritten by another") << u"key_3f9a0c1b2d"_s << u"key_new_77"_s;
    QTest::newRow("UTF-8 survives both ways") << u"Pässwörd-✓-日本-🔑"_s << u"Grüße aus Köln"_s;
    QTest::newRow("a long secret with spaces and quotes")
        << QString(u"a \"quoted\" 'secret' "_s).repeated(40) << u"short"_s;
}

void TestKeychain::roundTrip()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    const QString key = u"twilio.authToken"_s;

    QVERIFY(wait(m_store.write(u"clinic"_s, key, first)));
    auto read = wait(m_store.read(u"clinic"_s, key));
    QVERIFY2(read, read ? "" : qPrintable(read.error()));
    QCOMPARE(read->value_or(u"<none>"_s), first);

    QVERIFY(wait(m_store.write(u"clinic"_s, key, second)));
    read = wait(m_store.read(u"clinic"_s, key));
    QVERIFY(read);
    QCOMPARE(read->value_or(u"<none>"_s), second);

    QVERIFY(wait(m_store.remove(u"clinic"_s, key)));
    read = wait(m_store.read(u"clinic"_s, key));
    QVERIFY(read);
    QVERIFY2(!read->has_value(), "a deleted secret reads as nothing");
}

void TestKeychain::tenantsDoNotShareSecrets()
{
    QVERIFY(wait(m_store.write(u"clinic"_s, u"vapi.secret"_s, u"clinic-secret"_s)));
    QVERIFY(wait(m_store.write(u"salon"_s, u"vapi.secret"_s, u"salon-secret"_s)));
    QCOMPARE(wait(m_store.read(u"clinic"_s, u"vapi.secret"_s))->value_or(QString()), u"clinic-secret"_s);
    QCOMPARE(wait(m_store.read(u"salon"_s, u"vapi.secret"_s))->value_or(QString()), u"salon-secret"_s);
    QVERIFY(wait(m_store.remove(u"clinic"_s, u"vapi.secret"_s)));
    QCOMPARE(wait(m_store.read(u"salon"_s, u"vapi.secret"_s))->value_or(QString()), u"salon-secret"_s);
    QVERIFY(wait(m_store.remove(u"salon"_s, u"vapi.secret"_s)));
}

void TestKeychain::missingSecretReadsAsNothing()
{
    auto read = wait(m_store.read(u"nobody"_s, u"livekit.apiSecret"_s));
    QVERIFY2(read, read ? "" : qPrintable(read.error()));
    QVERIFY(!read->has_value());
    QVERIFY(wait(m_store.remove(u"nobody"_s, u"livekit.apiSecret"_s))); // removing nothing is fine
}

// The settings dialog's secret goes into the real keychain (a new store on the same service reads it)
// and nowhere into the settings file it writes.
void TestKeychain::settingsDialogStoresSecretsInTheKeychain()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"settings.ini"_s);
    const QString secret = u"tw_keychain_%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    {
        Settings settings(std::make_unique<QSettings>(file, QSettings::IniFormat));
        SettingsDialog::Environment environment;
        environment.secrets = &m_store;
        SettingsDialog dialog(settings, environment);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.showPage(SettingsDialog::Page::Callbacks);
        auto *staff = dialog.findChild<QLineEdit *>(u"staffName"_s);
        QVERIFY(staff);
        staff->setText(u"Mia Berger"_s);
        dialog.showPage(SettingsDialog::Page::Providers);
        auto *replace = dialog.findChild<QPushButton *>(u"secretReplace_twilio.authToken"_s);
        QVERIFY(replace);
        QTRY_VERIFY_WITH_TIMEOUT(replace->isEnabled(), 15'000); // the keychain said whether one is stored
        QTest::mouseClick(replace, Qt::LeftButton);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(u"secretValue_twilio.authToken"_s), secret);
        QSignalSpy secretsChanged(&dialog, &SettingsDialog::secretsChanged);
        QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 15'000);
        QCOMPARE(secretsChanged.count(), 1);
    }
    KeychainSecretStore fresh(m_service);
    auto read = wait(fresh.read(u"default"_s, u"twilio.authToken"_s));
    QVERIFY2(read, read ? "" : qPrintable(read.error()));
    QCOMPARE(read->value_or(u"<none>"_s), secret);

    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    QVERIFY(bytes.contains("Mia Berger"));
    QVERIFY(!bytes.contains(secret.toUtf8()));
    QVERIFY(wait(m_store.remove(u"default"_s, u"twilio.authToken"_s)));
}

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
