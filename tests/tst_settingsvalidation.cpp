// SPDX-License-Identifier: GPL-3.0-or-later
// The rules the settings dialog checks every field with: each invalid input is refused with the
// sentence the dialog shows next to the field, and each valid one is accepted.
#include "settingsvalidation.h"
#include "testcertificate.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

using Test::testCertificate;
using Test::testPrivateKey;

// The rule a row checks, by name; each takes the row's text (the two TLS files as "cert|key", the
// number rules as the number).
using Rule = std::function<QString(const QString &)>;
const QHash<QString, Rule> &rules()
{
    static const QHash<QString, Rule> table{
        {u"port"_s, &SettingsValidation::port},
        {u"listenHost"_s, &SettingsValidation::listenHost},
        {u"hostName"_s, &SettingsValidation::hostName},
        {u"hostPort"_s, &SettingsValidation::hostPort},
        {u"url"_s, [](const QString &text) { return SettingsValidation::httpUrl(text, false); }},
        {u"optionalUrl"_s, [](const QString &text) { return SettingsValidation::httpUrl(text, true); }},
        {u"publicUrl"_s, &SettingsValidation::publicBaseUrl},
        {u"backoff"_s, &SettingsValidation::backoffList},
        {u"dialTemplate"_s, &SettingsValidation::dialUriTemplate},
        {u"certificate"_s, &SettingsValidation::certificateFile},
        {u"privateKey"_s, &SettingsValidation::privateKeyFile},
        {u"tlsPair"_s,
         [](const QString &text) {
             return SettingsValidation::tlsPair(text.section(u'|', 0, 0), text.section(u'|', 1));
         }},
        {u"staffName"_s, &SettingsValidation::staffName},
        {u"retentionDays"_s,
         [](const QString &text) { return SettingsValidation::retentionDays(text.toInt()); }},
        {u"staleMinutes"_s,
         [](const QString &text) { return SettingsValidation::staleCallMinutes(text.toInt()); }},
        {u"sqlitePath"_s, &SettingsValidation::sqlitePath},
        {u"databaseName"_s, &SettingsValidation::databaseName},
        {u"databaseUser"_s, &SettingsValidation::databaseUser},
        {u"secretList"_s, &SettingsValidation::secretList},
        {u"headerName"_s, &SettingsValidation::headerName},
        {u"hmacTemplate"_s, &SettingsValidation::hmacTemplate},
    };
    return table;
}

} // namespace

class TestSettingsValidation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void invalidInputIsRefusedWithItsMessage_data();
    void invalidInputIsRefusedWithItsMessage();
    void validInputIsAccepted_data();
    void validInputIsAccepted();

private:
    // "@DIR@" in a row stands for the folder with the test's files.
    QString expand(const QString &text) const { return QString(text).replace("@DIR@"_L1, m_dir.path()); }

    QTemporaryDir m_dir;
};

void TestSettingsValidation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto write = [this](const QString &name, const QByteArray &bytes) {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QVERIFY(write(u"cert.pem"_s, testCertificate));
    QVERIFY(write(u"key.pem"_s, testPrivateKey));
    QVERIFY(write(u"notes.txt"_s, "this is not a certificate\n"));
    QVERIFY(QDir(m_dir.path()).mkpath(u"folder"_s));
}

void TestSettingsValidation::invalidInputIsRefusedWithItsMessage_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("port 0 picks a random port, which no provider can be given")
        << u"port"_s << u"0"_s << u"Port 0 is out of range: use a number from 1 to 65535."_s;
    QTest::newRow("port 70000 is past 65535")
        << u"port"_s << u"70000"_s << u"Port 70000 is out of range: use a number from 1 to 65535."_s;
    QTest::newRow("port abc is not a number")
        << u"port"_s << u"abc"_s << u"“abc” is not a port number: use a whole number from 1 to 65535."_s;
    QTest::newRow("an empty port") << u"port"_s << u""_s << u"Enter a port number from 1 to 65535."_s;
    QTest::newRow("a listen host with spaces")
        << u"listenHost"_s << u"127.0.0 .1"_s << u"“127.0.0 .1” contains a space: an address has none."_s;
    QTest::newRow("a listen host that is a name, not an address")
        << u"listenHost"_s << u"praxis.local"_s
        << u"“praxis.local” is not an IP address of this computer: use 127.0.0.1 (this computer only) or "
           "0.0.0.0 (every network it is on)."_s;
    QTest::newRow("an empty listen host")
        << u"listenHost"_s << u" "_s << u"Enter the address to listen on, e.g. 127.0.0.1."_s;
    QTest::newRow("a server name with spaces")
        << u"hostName"_s << u"db server"_s << u"“db server” contains a space: a server name has none."_s;
    QTest::newRow("a server name with an underscore")
        << u"hostName"_s << u"db_server!"_s << u"“db_server!” is not a server name or IP address."_s;
    QTest::newRow("an empty server name")
        << u"hostName"_s << u""_s << u"Enter the server's name or IP address."_s;
    QTest::newRow("host:port without a port")
        << u"hostPort"_s << u"127.0.0.1"_s << u"“127.0.0.1” is not HOST:PORT, e.g. 127.0.0.1:8787."_s;
    QTest::newRow("host:port with a bad port")
        << u"hostPort"_s << u"127.0.0.1:99999"_s
        << u"Port 99999 is out of range: use a number from 1 to 65535."_s;
    QTest::newRow("host:port with a host with spaces")
        << u"hostPort"_s << u"my host:8787"_s << u"“my host” contains a space: an address has none."_s;
    QTest::newRow("a malformed URL")
        << u"url"_s << u"https//hooks.example"_s
        << u"“https//hooks.example” is not a valid web address, e.g. https://example.com/path."_s;
    QTest::newRow("a URL without a host")
        << u"url"_s << u"https://"_s
        << u"“https://” is not a valid web address, e.g. https://example.com/path."_s;
    QTest::newRow("a URL with a space")
        << u"url"_s << u"https://hooks example.de"_s
        << u"“https://hooks example.de” is not a valid web address, e.g. https://example.com/path."_s;
    QTest::newRow("an ftp:// URL")
        << u"url"_s << u"ftp://files.example.com"_s
        << u"“ftp://files.example.com” is not a web address: it must start with https:// or http://, not ftp://."_s;
    QTest::newRow("a required URL left empty")
        << u"url"_s << u""_s << u"Enter an address starting with https:// or http://."_s;
    QTest::newRow("an optional URL that is given must still be one")
        << u"optionalUrl"_s << u"frontend.example"_s
        << u"“frontend.example” is not a valid web address, e.g. https://example.com/path."_s;
    QTest::newRow("a public URL with a query")
        << u"publicUrl"_s << u"https://hooks.example.de/?x=1"_s
        << u"The public URL cannot have a query (?…) or a fragment (#…): the webhook paths are added to its end."_s;
    QTest::newRow("a public URL of another scheme")
        << u"publicUrl"_s << u"ws://hooks.example.de"_s
        << u"“ws://hooks.example.de” is not a web address: it must start with https:// or http://, not ws://."_s;
    QTest::newRow("backoff 5x has no unit")
        << u"backoff"_s << u"5m, 5x"_s
        << u"“5x” is not a delay: write a number and a unit, e.g. 30s, 5m or 1h."_s;
    QTest::newRow("backoff of zero minutes")
        << u"backoff"_s << u"0m"_s
        << u"“0m” is not a delay: write a number and a unit, e.g. 30s, 5m or 1h."_s;
    QTest::newRow("backoff with an empty entry")
        << u"backoff"_s << u"5m,,1h"_s << u"Leave no empty entry between the commas."_s;
    QTest::newRow("an empty backoff")
        << u"backoff"_s << u" "_s << u"Enter at least one delay, e.g. 5m, 15m, 1h."_s;
    QTest::newRow("a backoff delay over a week")
        << u"backoff"_s << u"5m, 200h"_s << u"“200h” is longer than a week."_s;
    QTest::newRow("a backoff of 21 retries")
        << u"backoff"_s << u"1m,"_s.repeated(20) + u"1m"_s << u"At most 20 retries."_s;
    QTest::newRow("an empty dial template")
        << u"dialTemplate"_s << u""_s << u"Enter a dial link, e.g. tel:{number}."_s;
    QTest::newRow("a dial template without {number}")
        << u"dialTemplate"_s << u"tel:"_s
        << u"The dial link must contain {number}, where the customer's number goes, e.g. tel:{number}."_s;
    QTest::newRow("a dial template without a scheme")
        << u"dialTemplate"_s << u"{number}"_s
        << u"The dial link must start with a scheme such as tel:, sip: or callto:, and have no spaces."_s;
    QTest::newRow("a missing certificate file")
        << u"certificate"_s << u"@DIR@/missing.pem"_s << u"@DIR@/missing.pem does not exist."_s;
    QTest::newRow("a certificate that is a folder")
        << u"certificate"_s << u"@DIR@/folder"_s << u"@DIR@/folder is a folder, not a file."_s;
    QTest::newRow("a text file as the certificate")
        << u"certificate"_s << u"@DIR@/notes.txt"_s
        << u"@DIR@/notes.txt is not a PEM certificate (a text file that starts with -----BEGIN CERTIFICATE-----)."_s;
    QTest::newRow("the key file as the certificate")
        << u"certificate"_s << u"@DIR@/key.pem"_s
        << u"@DIR@/key.pem is not a PEM certificate (a text file that starts with -----BEGIN CERTIFICATE-----)."_s;
    QTest::newRow("the certificate as the private key")
        << u"privateKey"_s << u"@DIR@/cert.pem"_s
        << u"@DIR@/cert.pem is not an unencrypted PEM private key (RSA or EC)."_s;
    QTest::newRow("a missing key file")
        << u"privateKey"_s << u"@DIR@/nokey.pem"_s << u"@DIR@/nokey.pem does not exist."_s;
    QTest::newRow("a certificate without its key")
        << u"tlsPair"_s << u"@DIR@/cert.pem|"_s
        << u"Choose the private key file too: HTTPS needs the certificate and its key."_s;
    QTest::newRow("a key without its certificate")
        << u"tlsPair"_s << u"|@DIR@/key.pem"_s
        << u"Choose the certificate file too: HTTPS needs the certificate and its key."_s;
    QTest::newRow("a staff name of 81 characters")
        << u"staffName"_s << u"x"_s.repeated(81) << u"At most 80 characters (this has 81)."_s;
    QTest::newRow("a staff name with a line break")
        << u"staffName"_s << u"Mia\nBerger"_s << u"A name cannot contain line breaks or tabs."_s;
    QTest::newRow("retention of 0 days")
        << u"retentionDays"_s << u"0"_s << u"Keep raw receipts for 1 to 3650 days (10 years)."_s;
    QTest::newRow("retention of more than 3650 days")
        << u"retentionDays"_s << u"3651"_s << u"Keep raw receipts for 1 to 3650 days (10 years)."_s;
    QTest::newRow("stale after 0 minutes")
        << u"staleMinutes"_s << u"0"_s << u"Use 1 to 10080 minutes (a week)."_s;
    QTest::newRow("a relative SQLite path")
        << u"sqlitePath"_s << u"data/callscope.db"_s
        << u"“data/callscope.db” is not a full path: choose the file with Browse…."_s;
    QTest::newRow("a SQLite path that is a folder")
        << u"sqlitePath"_s << u"@DIR@/folder"_s << u"@DIR@/folder is a folder: choose a file name in it."_s;
    QTest::newRow("a SQLite file in a folder that does not exist")
        << u"sqlitePath"_s << u"@DIR@/nowhere/callscope.db"_s
        << u"The folder @DIR@/nowhere does not exist."_s;
    QTest::newRow("an empty database name")
        << u"databaseName"_s << u""_s << u"Enter the name of the database."_s;
    QTest::newRow("a database name with a slash")
        << u"databaseName"_s << u"call/scope"_s
        << u"“call/scope” is not a database name: leave out spaces and the characters / ? #."_s;
    QTest::newRow("a database user with an at sign")
        << u"databaseUser"_s << u"me@host"_s
        << u"“me@host” is not a user name: leave out spaces and the characters @ : /."_s;
    QTest::newRow("a secret list with an empty entry")
        << u"secretList"_s << u"new-secret, ,old-secret"_s << u"Leave no empty entry between the commas."_s;
    QTest::newRow("a header name with a space")
        << u"headerName"_s << u"x signature"_s
        << u"“x signature” is not an HTTP header name (letters, digits and dashes, e.g. x-signature)."_s;
    QTest::newRow("an HMAC template that does not sign the body")
        << u"hmacTemplate"_s << u"{timestamp}"_s
        << u"The template must contain {body}: the signature covers the webhook's body."_s;
}

void TestSettingsValidation::invalidInputIsRefusedWithItsMessage()
{
    QFETCH(QString, rule);
    QFETCH(QString, input);
    QFETCH(QString, message);
    QVERIFY2(rules().contains(rule), qPrintable(rule));
    QCOMPARE(rules().value(rule)(expand(input)), expand(message));
}

void TestSettingsValidation::validInputIsAccepted_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("input");

    QTest::newRow("port 1") << u"port"_s << u"1"_s;
    QTest::newRow("port 8787 with spaces around") << u"port"_s << u" 8787 "_s;
    QTest::newRow("port 65535") << u"port"_s << u"65535"_s;
    QTest::newRow("listen on loopback") << u"listenHost"_s << u"127.0.0.1"_s;
    QTest::newRow("listen on every network") << u"listenHost"_s << u"0.0.0.0"_s;
    QTest::newRow("listen on IPv6 loopback") << u"listenHost"_s << u"::1"_s;
    QTest::newRow("listen on localhost") << u"listenHost"_s << u"localhost"_s;
    QTest::newRow("a server name") << u"hostName"_s << u"db.praxis-am-markt.de"_s;
    QTest::newRow("a server address") << u"hostName"_s << u"10.0.0.12"_s;
    QTest::newRow("host:port") << u"hostPort"_s << u"127.0.0.1:8787"_s;
    QTest::newRow("IPv6 host:port") << u"hostPort"_s << u"[::1]:8787"_s;
    QTest::newRow("an https URL with a path") << u"url"_s << u"https://frontend.example.com/api/callbacks"_s;
    QTest::newRow("an http URL with a port") << u"url"_s << u"http://127.0.0.1:9000/hand-off"_s;
    QTest::newRow("an empty optional URL") << u"optionalUrl"_s << u""_s;
    QTest::newRow("an empty public URL (derived)") << u"publicUrl"_s << u""_s;
    QTest::newRow("a public URL with a path prefix")
        << u"publicUrl"_s << u"https://hooks.example.de/callscope"_s;
    QTest::newRow("the default backoff") << u"backoff"_s << u"5m,15m,1h"_s;
    QTest::newRow("a backoff with spaces and milliseconds") << u"backoff"_s << u" 500ms, 30s , 2h"_s;
    QTest::newRow("tel: template") << u"dialTemplate"_s << u"tel:{number}"_s;
    QTest::newRow("sip: template") << u"dialTemplate"_s << u"sip:{number}@pbx.praxis.local"_s;
    QTest::newRow("a PEM certificate") << u"certificate"_s << u"@DIR@/cert.pem"_s;
    QTest::newRow("no certificate") << u"certificate"_s << u""_s;
    QTest::newRow("a PEM EC key") << u"privateKey"_s << u"@DIR@/key.pem"_s;
    QTest::newRow("both TLS files") << u"tlsPair"_s << u"@DIR@/cert.pem|@DIR@/key.pem"_s;
    QTest::newRow("neither TLS file") << u"tlsPair"_s << u"|"_s;
    QTest::newRow("an empty staff name (the OS user)") << u"staffName"_s << u""_s;
    QTest::newRow("a staff name with umlauts") << u"staffName"_s << u"Jörg Müller-Lüdenscheidt"_s;
    QTest::newRow("a staff name of 80 characters") << u"staffName"_s << u"x"_s.repeated(80);
    QTest::newRow("retention of 1 day") << u"retentionDays"_s << u"1"_s;
    QTest::newRow("retention of 3650 days") << u"retentionDays"_s << u"3650"_s;
    QTest::newRow("stale after an hour") << u"staleMinutes"_s << u"60"_s;
    QTest::newRow("the default SQLite file") << u"sqlitePath"_s << u""_s;
    QTest::newRow("a new SQLite file in an existing folder") << u"sqlitePath"_s << u"@DIR@/new.db"_s;
    QTest::newRow("a database name") << u"databaseName"_s << u"callscope"_s;
    QTest::newRow("no database user (postgres)") << u"databaseUser"_s << u""_s;
    QTest::newRow("a database user") << u"databaseUser"_s << u"callscope_app"_s;
    QTest::newRow("one secret") << u"secretList"_s << u"whsec_123"_s;
    QTest::newRow("two secrets while rotating") << u"secretList"_s << u"whsec_new, whsec_old"_s;
    QTest::newRow("the default header") << u"headerName"_s << u""_s;
    QTest::newRow("a header") << u"headerName"_s << u"X-Vapi-Signature"_s;
    QTest::newRow("the default template") << u"hmacTemplate"_s << u""_s;
    QTest::newRow("a template with the timestamp") << u"hmacTemplate"_s << u"{timestamp}.{body}"_s;
}

void TestSettingsValidation::validInputIsAccepted()
{
    QFETCH(QString, rule);
    QFETCH(QString, input);
    QVERIFY2(rules().contains(rule), qPrintable(rule));
    QCOMPARE(rules().value(rule)(expand(input)), QString());
}

QTEST_GUILESS_MAIN(TestSettingsValidation)
#include "tst_settingsvalidation.moc"
