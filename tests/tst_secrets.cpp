// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/environmentsecretstore.h"
#include "secrets/filesecretstore.h"
#include "secrets/memorysecretstore.h"
#include "settings.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

class TestSecrets : public QObject
{
    Q_OBJECT

private slots:
    void memoryStoreRoundTrip();
    void fileStoreRefusesFilesOthersCanRead_data();
    void fileStoreRefusesFilesOthersCanRead();
    void fileStoreRejectsMalformedFiles_data();
    void fileStoreRejectsMalformedFiles();
    void fileStoreWritesBackPrivately();
    void environmentOverridesTheStoreBeneath();
    void environmentVariableNames_data();
    void environmentVariableNames();
    void settingsHaveDefaultsAndNeverHoldSecrets();

private:
    QString writeFile(const QByteArray &content, QFile::Permissions permissions);
    QTemporaryDir m_dir;
    int m_files = 0;
};

template<typename T> static T ready(QFuture<T> future)
{
    return future.result();
}

QString TestSecrets::writeFile(const QByteArray &content, QFile::Permissions permissions)
{
    const QString path = m_dir.filePath(u"secrets-%1.json"_s.arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    file.close();
    file.setPermissions(permissions);
    return path;
}

void TestSecrets::memoryStoreRoundTrip()
{
    MemorySecretStore store;
    QVERIFY(!ready(store.read(u"default"_s, u"retell.apiKey"_s))->has_value());
    QVERIFY(ready(store.write(u"default"_s, u"retell.apiKey"_s, u"key_1"_s)));
    QCOMPARE(ready(store.read(u"default"_s, u"retell.apiKey"_s))->value(), u"key_1"_s);
    QVERIFY(!ready(store.read(u"other"_s, u"retell.apiKey"_s))->has_value());
    QVERIFY(ready(store.remove(u"default"_s, u"retell.apiKey"_s)));
    QVERIFY(!ready(store.read(u"default"_s, u"retell.apiKey"_s))->has_value());
}

void TestSecrets::fileStoreRefusesFilesOthersCanRead_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("0600 is accepted") << 0600 << true;
    QTest::newRow("0400 is accepted") << 0400 << true;
    QTest::newRow("0640 (group can read) is refused") << 0640 << false;
    QTest::newRow("0644 (anyone can read) is refused") << 0644 << false;
    QTest::newRow("0602 (others can write) is refused") << 0602 << false;
}

void TestSecrets::fileStoreRefusesFilesOthersCanRead()
{
    QFETCH(int, mode);
    QFETCH(bool, accepted);
    const QString path =
        writeFile(R"({"default": {"twilio.authToken": "tok"}})", QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0);
    auto store = FileSecretStore::open(path);
    QCOMPARE(bool(store), accepted);
    if (accepted) {
        QCOMPARE(ready((*store)->read(u"default"_s, u"twilio.authToken"_s))->value(), u"tok"_s);
    } else {
        QVERIFY2(store.error().contains(u"chmod 600"_s), qPrintable(store.error()));
        QVERIFY2(!store.error().contains(u"tok"_s), "the message never carries a secret");
    }
}

void TestSecrets::fileStoreRejectsMalformedFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{nope") << u"not JSON"_s;
    QTest::newRow("an array at the top") << QByteArray("[]") << u"object of tenants"_s;
    QTest::newRow("a tenant that is not an object") << QByteArray(R"({"default": "x"})") << u"map keys"_s;
    QTest::newRow("a value that is not a string")
        << QByteArray(R"({"default": {"k": 5}})") << u"must be a string"_s;
}

void TestSecrets::fileStoreRejectsMalformedFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    auto store = FileSecretStore::open(writeFile(content, QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(!store);
    QVERIFY2(store.error().contains(message), qPrintable(store.error()));
    QVERIFY(!FileSecretStore::open(m_dir.filePath(u"missing.json"_s)));
}

void TestSecrets::fileStoreWritesBackPrivately()
{
    const QString path = writeFile(R"({"clinic": {}})", QFile::ReadOwner | QFile::WriteOwner);
    auto store = FileSecretStore::open(path);
    QVERIFY(store);
    QCOMPARE((*store)->tenants(), QStringList{u"clinic"_s});
    QVERIFY(ready((*store)->write(u"clinic"_s, u"frontend.apiKey"_s, u"fk-Ü"_s)));
    QCOMPARE(QFile::permissions(path) & 0x0077, QFile::Permissions());
    QCOMPARE(QFile::permissions(path) & (QFile::ReadOwner | QFile::WriteOwner),
             QFile::ReadOwner | QFile::WriteOwner);
    auto reopened = FileSecretStore::open(path);
    QVERIFY(reopened);
    QCOMPARE(ready((*reopened)->read(u"clinic"_s, u"frontend.apiKey"_s))->value(), u"fk-Ü"_s);
}

void TestSecrets::environmentOverridesTheStoreBeneath()
{
    auto beneath = std::make_unique<MemorySecretStore>();
    beneath->set(u"default"_s, u"vapi.secret"_s, u"from-keychain"_s);
    beneath->set(u"default"_s, u"retell.apiKey"_s, u"retell-key"_s);
    EnvironmentSecretStore store(std::move(beneath));
    qputenv("CALLSCOPE_SECRET_DEFAULT_VAPI_SECRET", "from-environment");
    QCOMPARE(ready(store.read(u"default"_s, u"vapi.secret"_s))->value(), u"from-environment"_s);
    QCOMPARE(ready(store.read(u"default"_s, u"retell.apiKey"_s))->value(), u"retell-key"_s);
    qunsetenv("CALLSCOPE_SECRET_DEFAULT_VAPI_SECRET");
    QCOMPARE(ready(store.read(u"default"_s, u"vapi.secret"_s))->value(), u"from-keychain"_s);
    QVERIFY(ready(store.write(u"default"_s, u"twilio.authToken"_s, u"t"_s)));
    QCOMPARE(ready(store.beneath()->read(u"default"_s, u"twilio.authToken"_s))->value(), u"t"_s);
}

void TestSecrets::environmentVariableNames_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("default tenant, dotted key")
        << u"default"_s << u"twilio.authToken"_s << QByteArray("CALLSCOPE_SECRET_DEFAULT_TWILIO_AUTHTOKEN");
    QTest::newRow("a slug with a dash")
        << u"clinic-7"_s << u"db.password"_s << QByteArray("CALLSCOPE_SECRET_CLINIC_7_DB_PASSWORD");
}

void TestSecrets::environmentVariableNames()
{
    QFETCH(QString, tenant);
    QFETCH(QString, key);
    QFETCH(QByteArray, name);
    QCOMPARE(EnvironmentSecretStore::variableName(tenant, key), name);
}

void TestSecrets::settingsHaveDefaultsAndNeverHoldSecrets()
{
    const QString path = m_dir.filePath(u"settings.ini"_s);
    {
        Settings settings(std::make_unique<QSettings>(path, QSettings::IniFormat));
        QCOMPARE(settings.string(Settings::Key::ListenAddress), u"127.0.0.1:8787"_s);
        QCOMPARE(settings.string(Settings::Key::CallbackBackoff), u"5m,15m,1h"_s);
        QCOMPARE(settings.integer(Settings::Key::MaxBodyBytes), 1024 * 1024);
        QVERIFY(settings.isDefault(Settings::Key::DialUriTemplate));
        settings.setValue(Settings::Key::DialUriTemplate, u"sip:{number}@pbx.example"_s);
        settings.setValue(Settings::Key::StaleCallMinutes, 45);
        settings.setValue(Settings::Key::ListenAddress, u"127.0.0.1:8787"_s); // the default: not stored
        settings.sync();
    }
    Settings settings(std::make_unique<QSettings>(path, QSettings::IniFormat));
    QCOMPARE(settings.string(Settings::Key::DialUriTemplate), u"sip:{number}@pbx.example"_s);
    QCOMPARE(settings.integer(Settings::Key::StaleCallMinutes), 45);
    QVERIFY(settings.isDefault(Settings::Key::ListenAddress));
    settings.reset(Settings::Key::StaleCallMinutes);
    QCOMPARE(settings.integer(Settings::Key::StaleCallMinutes), 60);

    // No setting is named like a secret, and the names that would be are recognised.
    for (int k = 0; k <= int(Settings::Key::ErrorSeverityBackend); ++k)
        QVERIFY(!Settings::looksLikeSecret(Settings::name(Settings::Key(k))));
    for (const QString &name :
         {u"vapi.secret"_s, u"db.password"_s, u"frontend.apiKey"_s, u"twilio.authToken"_s})
        QVERIFY2(Settings::looksLikeSecret(name), qPrintable(name));
    for (const QString &key : SecretStore::knownKeys())
        QVERIFY2(Settings::looksLikeSecret(key) || key == "livekit.apiSecret"_L1, qPrintable(key));
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
