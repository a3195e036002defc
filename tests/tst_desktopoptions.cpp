// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's settings fill in what its command line did not say, and the command line wins.
#include "callpresentation.h"
#include "desktopoptions.h"
#include "settings.h"

#include <QTemporaryDir>
#include <QTest>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

class TestDesktopOptions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaultsLeaveTheOptionsAlone();
    void storedSettingsApply();
    void commandLineWins();
    void invalidSettingsAreLeftOutWithTheirReason();
    void listNumbersAreMaskedWhenAsked_data();
    void listNumbersAreMaskedWhenAsked();

private:
    std::unique_ptr<Settings> settings();
    Options parse(const QStringList &arguments);

    QTemporaryDir m_dir;
};

void TestDesktopOptions::init()
{
    QFile::remove(m_dir.filePath(u"settings.ini"_s));
}

std::unique_ptr<Settings> TestDesktopOptions::settings()
{
    return std::make_unique<Settings>(
        std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat));
}

Options TestDesktopOptions::parse(const QStringList &arguments)
{
    auto options = parseOptions(QStringList{u"callscope"_s} + arguments, Program::Desktop);
    if (!options)
        qFatal("%s", qPrintable(options.error().message));
    return *options;
}

void TestDesktopOptions::defaultsLeaveTheOptionsAlone()
{
    Options options = parse({});
    const Options before = options;
    QVERIFY(applyStoredSettings(options, *settings()).isEmpty());
    QCOMPARE(options.database.displayString(), before.database.displayString());
    QCOMPARE(options.listenPort, before.listenPort);
    QCOMPARE(options.listenHost, before.listenHost);
    QVERIFY(options.publicUrl.isEmpty());
    QVERIFY(options.tlsCert.isEmpty());
    QCOMPARE(options.ultravoxApiUrl, u"https://api.ultravox.ai"_s);
    QCOMPARE(options.frontendTimeout.count(), 10'000);
    QVERIFY(overridingOptions(options).isEmpty());
}

void TestDesktopOptions::storedSettingsApply()
{
    {
        auto stored = settings();
        stored->setValue(Settings::Key::DatabaseUrl, u"postgresql://desk@db.example:5433/callscope"_s);
        stored->setValue(Settings::Key::ListenAddress, u"0.0.0.0:9000"_s);
        stored->setValue(Settings::Key::PublicUrl, u"https://calls.example.com/hooks"_s);
        stored->setValue(Settings::Key::TlsCertFile, u"/etc/callscope/cert.pem"_s);
        stored->setValue(Settings::Key::TlsKeyFile, u"/etc/callscope/key.pem"_s);
        stored->setValue(Settings::Key::FrontendUrl, u"https://frontend.example/api"_s);
        stored->setValue(Settings::Key::CallbackBackoff, u"1m,2m"_s);
        stored->setValue(Settings::Key::FrontendTimeoutMs, 2500);
        stored->setValue(Settings::Key::UltravoxApiUrl, u"http://127.0.0.1:9999"_s);
        stored->sync();
    }
    Options options = parse({});
    QVERIFY(applyStoredSettings(options, *settings()).isEmpty());
    QVERIFY(!options.database.isSqlite());
    QCOMPARE(options.database.displayString(), u"postgresql://desk@db.example:5433/callscope"_s);
    QCOMPARE(options.listenHost, u"0.0.0.0"_s);
    QCOMPARE(options.listenPort, quint16(9000));
    QCOMPARE(options.publicUrl, u"https://calls.example.com/hooks"_s);
    QCOMPARE(options.tlsCert, u"/etc/callscope/cert.pem"_s);
    QCOMPARE(options.tlsKey, u"/etc/callscope/key.pem"_s);
    QCOMPARE(options.frontendUrl, u"https://frontend.example/api"_s);
    QCOMPARE(options.callbackBackoff.size(), 2);
    QCOMPARE(options.callbackBackoff.at(1).count(), 120'000);
    QCOMPARE(options.frontendTimeout.count(), 2500);
    QCOMPARE(options.ultravoxApiUrl, u"http://127.0.0.1:9999"_s);
}

void TestDesktopOptions::commandLineWins()
{
    {
        auto stored = settings();
        stored->setValue(Settings::Key::DatabaseUrl, u"postgresql://desk@db.example:5433/callscope"_s);
        stored->setValue(Settings::Key::ListenAddress, u"0.0.0.0:9000"_s);
        stored->setValue(Settings::Key::PublicUrl, u"https://calls.example.com"_s);
        stored->setValue(Settings::Key::TlsCertFile, u"/etc/cert.pem"_s);
        stored->setValue(Settings::Key::TlsKeyFile, u"/etc/key.pem"_s);
        stored->sync();
    }
    Options options =
        parse({u"--db"_s, u"sqlite:///tmp/x.db"_s, u"--listen=127.0.0.1:0"_s, u"--public-url"_s,
               u"http://localhost:1"_s, u"--tls-cert"_s, u"/a.pem"_s, u"--tls-key"_s, u"/b.pem"_s});
    QVERIFY(applyStoredSettings(options, *settings()).isEmpty());
    QVERIFY(options.database.isSqlite());
    QCOMPARE(options.listenPort, quint16(0));
    QCOMPARE(options.publicUrl, u"http://localhost:1"_s);
    QCOMPARE(options.tlsCert, u"/a.pem"_s);
    const QStringList overriding = overridingOptions(options);
    for (const auto option : {"--db", "--listen", "--public-url", "--tls-cert", "--tls-key"})
        QVERIFY2(overriding.contains(QLatin1StringView(option)), option);
    QCOMPARE(overriding.size(), 5);
}

void TestDesktopOptions::invalidSettingsAreLeftOutWithTheirReason()
{
    {
        auto stored = settings();
        stored->setValue(Settings::Key::DatabaseUrl, u"mysql://nope"_s);
        stored->setValue(Settings::Key::ListenAddress, u"127.0.0.1:70000"_s);
        stored->setValue(Settings::Key::PublicUrl, u"ftp://files.example"_s);
        stored->setValue(Settings::Key::TlsCertFile, u"/only/the/cert.pem"_s);
        stored->setValue(Settings::Key::CallbackBackoff, u"5x"_s);
        stored->sync();
    }
    Options options = parse({});
    const Options before = options;
    const QStringList problems = applyStoredSettings(options, *settings());
    QCOMPARE(problems.size(), 5);
    QVERIFY2(problems.join(u'\n').contains(u"mysql://nope"_s), qPrintable(problems.join(u'\n')));
    QVERIFY(problems.join(u'\n').contains(u"70000"_s));
    QVERIFY(problems.join(u'\n').contains(u"ftp://files.example"_s));
    QVERIFY(problems.join(u'\n').contains(u"both a certificate and a key"_s));
    QCOMPARE(options.database.displayString(), before.database.displayString());
    QCOMPARE(options.listenPort, before.listenPort);
    QVERIFY(options.publicUrl.isEmpty());
    QVERIFY(options.tlsCert.isEmpty());
    QCOMPARE(options.callbackBackoff.size(), before.callbackBackoff.size());
}

void TestDesktopOptions::listNumbersAreMaskedWhenAsked_data()
{
    QTest::addColumn<bool>("mask");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("shown");
    QTest::newRow("off") << false << u"+49 158 1754 5607"_s << u"+49 158 1754 5607"_s;
    QTest::newRow("e164") << true << u"+4915817545607"_s << u"••• 5607"_s;
    QTest::newRow("spaced") << true << u"+49 158 1754 5607"_s << u"••• 5607"_s;
    QTest::newRow("short") << true << u"112"_s << u"112"_s;
    QTest::newRow("empty") << true << QString() << QString();
    QTest::newRow("sip") << true << u"sip:desk@clinic.example"_s << u"sip:desk@clinic.example"_s;
}

void TestDesktopOptions::listNumbersAreMaskedWhenAsked()
{
    QFETCH(bool, mask);
    QFETCH(QString, number);
    QFETCH(QString, shown);
    CallPresentation::setMaskNumbersInLists(mask);
    QCOMPARE(CallPresentation::listNumber(number), shown);
    CallPresentation::setMaskNumbersInLists(false);
}

QTEST_GUILESS_MAIN(TestDesktopOptions)
#include "tst_desktopoptions.moc"
