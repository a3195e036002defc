// SPDX-License-Identifier: GPL-3.0-or-later
// callscope-server as other programs use it: a process, its command line, its exit codes, HTTP on
// loopback. Runs against SQLite and PostgreSQL (CALLSCOPE_TEST_BACKEND).
#include "testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void listensOnAFreePortAndAnswersHealth();
    void sigtermExitsCleanly();
    void defaultDatabaseIsPrivateInTheUsersDataDirectory();
    void portInUseIsARuntimeFailure();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void refusesASecretsFileOthersCanRead();
    void tenantCommands();
    void secretsSetWritesTheSecretsFile();
    void tokenIsPrintedOnceAloneOnStdout();
    void urlsUsesThePublicUrl();

private:
    QString dbUrl() const;
    QProcessEnvironment environment() const;
    Run run(const QStringList &arguments, const QByteArray &input = {});
    std::unique_ptr<QProcess> startServer(const QStringList &extra, quint16 *port);
    QString writeSecrets(const QByteArray &json, int mode = 0600);

    TestDatabase m_database;
    DatabaseUrl m_url;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_server;
};

void TestServer::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
    m_server = QStringLiteral(CALLSCOPE_SERVER_BINARY);
    QVERIFY2(QFile::exists(m_server), qPrintable(m_server));
}

void TestServer::init()
{
    m_url = m_database.fresh();
    m_dir = std::make_unique<QTemporaryDir>();
}

QString TestServer::dbUrl() const
{
    if (m_url.isSqlite())
        return u"sqlite://"_s + m_url.path;
    return u"postgresql://%1@%2:%3/%4"_s.arg(m_url.user, m_url.host).arg(m_url.port).arg(m_url.database);
}

QProcessEnvironment TestServer::environment() const
{
    // A home of its own: no settings, data or keychain of the machine's user are touched.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_dir->path());
    env.remove(u"XDG_DATA_HOME"_s);
    env.remove(u"XDG_CONFIG_HOME"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    return env;
}

Run TestServer::run(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(m_server, arguments);
    if (!process.waitForStarted())
        return {};
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30'000))
        process.kill();
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               process.readAllStandardOutput(), process.readAllStandardError()};
}

std::unique_ptr<QProcess> TestServer::startServer(const QStringList &extra, quint16 *port)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment());
    process->start(m_server, QStringList{u"--db"_s, dbUrl(), u"--listen"_s, u"127.0.0.1:0"_s} + extra);
    QByteArray out;
    QDeadlineTimer deadline(20'000);
    while (!out.contains('\n') && !deadline.hasExpired() && process->state() != QProcess::NotRunning) {
        process->waitForReadyRead(100);
        out += process->readAllStandardOutput();
    }
    static const QRegularExpression first(u"^listening on 127\\.0\\.0\\.1:(\\d+)\n"_s);
    const auto match = first.match(QString::fromLatin1(out));
    if (!match.hasMatch()) {
        qWarning("server did not start: %s %s", out.constData(), process->readAllStandardError().constData());
        return nullptr;
    }
    *port = quint16(match.captured(1).toUInt());
    return process;
}

QString TestServer::writeSecrets(const QByteArray &json, int mode)
{
    const QString path = m_dir->filePath(u"secrets.json"_s);
    QFile file(path);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(json);
    file.close();
    ::chmod(QFile::encodeName(path).constData(), mode_t(mode));
    return path;
}

void TestServer::listensOnAFreePortAndAnswersHealth()
{
    const QString secrets = writeSecrets(R"({"default": {"twilio.authToken": "tok"}, "clinic": {}})");
    quint16 port = 0;
    auto server = startServer({u"--secrets-file"_s, secrets}, &port);
    QVERIFY(server);
    QVERIFY(port > 0);

    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/health"_s.arg(port))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), u"application/json"_s);
    const QJsonObject health = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(health.value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(health.value(u"store"_s).toString(), m_url.isSqlite() ? u"sqlite"_s : u"postgresql"_s);
    QVERIFY(health.value(u"queueDepth"_s).isDouble());
    const QJsonObject providers = health.value(u"providers"_s).toObject();
    QCOMPARE(providers.keys(),
             (QStringList{u"livekit"_s, u"retell"_s, u"twilio"_s, u"ultravox"_s, u"vapi"_s}));
    QCOMPARE(providers.value(u"twilio"_s).toObject().value(u"configured"_s).toBool(), true);
    QCOMPARE(providers.value(u"retell"_s).toObject().value(u"configured"_s).toBool(), false);
    reply->deleteLater();

    // The tenants the secrets file names exist.
    const Run list = run({u"--db"_s, dbUrl(), u"tenant"_s, u"list"_s});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("clinic\t"), list.out.constData());

    ::kill(pid_t(server->processId()), SIGTERM);
    QVERIFY(server->waitForFinished(10'000));
}

void TestServer::sigtermExitsCleanly()
{
    quint16 port = 0;
    auto server = startServer({}, &port);
    QVERIFY(server);
    ::kill(pid_t(server->processId()), SIGTERM);
    QVERIFY(server->waitForFinished(10'000));
    QCOMPARE(server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(server->exitCode(), 0);
    // And the port is free again.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, port));
}

void TestServer::defaultDatabaseIsPrivateInTheUsersDataDirectory()
{
    QProcess server;
    server.setProcessEnvironment(environment());
    server.start(m_server, {u"--listen"_s, u"127.0.0.1:0"_s});
    QVERIFY(server.waitForReadyRead(20'000));
    QVERIFY(server.readAllStandardOutput().startsWith("listening on 127.0.0.1:"));
    const QString path = m_dir->filePath(u".local/share/CallScope/callscope/callscope.db"_s);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    struct stat info
    {
    };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));
    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(10'000));
    QCOMPARE(server.exitCode(), 0);
}

void TestServer::portInUseIsARuntimeFailure()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const Run result = run({u"--db"_s, dbUrl(), u"--listen"_s, u"127.0.0.1:%1"_s.arg(occupant.serverPort())});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("cannot listen"), result.err.constData());
    QVERIFY(!result.out.contains("listening on"));
}

void TestServer::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("an unknown option") << QStringList{u"--frobnicate"_s} << u"unknown option --frobnicate"_s;
    QTest::newRow("a relative SQLite path")
        << QStringList{u"--db"_s, u"sqlite://relative.db"_s} << u"absolute path"_s;
    QTest::newRow("an unknown database scheme")
        << QStringList{u"--db"_s, u"mysql://x/y"_s} << u"unknown database URL"_s;
    QTest::newRow("a listen address without port")
        << QStringList{u"--listen"_s, u"127.0.0.1"_s} << u"HOST:PORT"_s;
    QTest::newRow("a port out of range")
        << QStringList{u"--listen"_s, u"127.0.0.1:70000"_s} << u"out of range"_s;
    QTest::newRow("a certificate without its key")
        << QStringList{u"--tls-cert"_s, u"/x.pem"_s} << u"go together"_s;
    QTest::newRow("a bad backoff list")
        << QStringList{u"--callback-backoff"_s, u"5m,soon"_s} << u"duration"_s;
    QTest::newRow("an option without its value") << QStringList{u"--db"_s} << u"needs a value"_s;
    QTest::newRow("an unknown command") << QStringList{u"frobnicate"_s} << u"unknown command"_s;
    QTest::newRow("a bad tenant slug")
        << QStringList{u"tenant"_s, u"create"_s, u"Not OK"_s} << u"not a tenant slug"_s;
    QTest::newRow("secrets set without --tenant")
        << QStringList{u"secrets"_s, u"set"_s, u"vapi.secret"_s, u"x"_s} << u"needs --tenant"_s;
    QTest::newRow("an unknown secret key")
        << QStringList{u"secrets"_s, u"set"_s, u"--tenant"_s, u"default"_s, u"vapi.password"_s, u"x"_s}
        << u"unknown secret key"_s;
    QTest::newRow("a token of no scope") << QStringList{u"token"_s, u"create"_s, u"--tenant"_s, u"default"_s}
                                         << u"--scope takes ingest or read"_s;
}

void TestServer::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    QVERIFY(result.err.contains("usage: callscope-server"));
}

void TestServer::refusesASecretsFileOthersCanRead()
{
    const QString secrets = writeSecrets(R"({"default": {"twilio.authToken": "very-secret-token"}})", 0644);
    const Run result =
        run({u"--db"_s, dbUrl(), u"--listen"_s, u"127.0.0.1:0"_s, u"--secrets-file"_s, secrets});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("chmod 600"), result.err.constData());
    QVERIFY(!result.err.contains("very-secret-token"));
    QVERIFY(!result.out.contains("listening on"));
}

void TestServer::tenantCommands()
{
    Run created =
        run({u"--db"_s, dbUrl(), u"tenant"_s, u"create"_s, u"clinic-7"_s, u"--name"_s, u"Clinic Seven"_s});
    QCOMPARE(created.exitCode, 0);
    QVERIFY(created.out.contains("clinic-7"));
    const Run again = run({u"--db"_s, dbUrl(), u"tenant"_s, u"create"_s, u"clinic-7"_s});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("exists already"), again.err.constData());
    const Run list = run({u"--db"_s, dbUrl(), u"tenant"_s, u"list"_s});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out, QByteArray("clinic-7\tClinic Seven\ndefault\tdefault\n"));

    const Run renamed = run({u"--db"_s, dbUrl(), u"tenant"_s, u"rename"_s, u"clinic-7"_s, u"Praxis Süd"_s});
    QCOMPARE(renamed.exitCode, 0);
    QCOMPARE(renamed.out, QByteArray("renamed tenant clinic-7 (Praxis Süd)\n"));
    const Run unknown = run({u"--db"_s, dbUrl(), u"tenant"_s, u"rename"_s, u"salon"_s, u"Salon"_s});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.endsWith("callscope-server: unknown tenant \"salon\"\n"), unknown.err.constData());
    // Deleting needs the operator's word; without it nothing happens.
    const Run unconfirmed = run({u"--db"_s, dbUrl(), u"tenant"_s, u"delete"_s, u"clinic-7"_s});
    QCOMPARE(unconfirmed.exitCode, 2);
    QVERIFY2(unconfirmed.err.contains("add --yes to confirm"), unconfirmed.err.constData());
    QCOMPARE(run({u"--db"_s, dbUrl(), u"tenant"_s, u"list"_s}).out,
             QByteArray("clinic-7\tPraxis Süd\ndefault\tdefault\n"));
    const Run deleted = run({u"--db"_s, dbUrl(), u"tenant"_s, u"delete"_s, u"clinic-7"_s, u"--yes"_s});
    QCOMPARE(deleted.exitCode, 0);
    QCOMPARE(deleted.out, QByteArray("deleted tenant clinic-7\n"));
    QCOMPARE(run({u"--db"_s, dbUrl(), u"tenant"_s, u"list"_s}).out, QByteArray("default\tdefault\n"));
}

void TestServer::secretsSetWritesTheSecretsFile()
{
    const QString secrets = writeSecrets("{}");
    const QStringList base{u"--db"_s, dbUrl(), u"--secrets-file"_s, secrets};
    const Run unknownTenant = run(
        base + QStringList{u"secrets"_s, u"set"_s, u"--tenant"_s, u"salon"_s, u"vapi.secret"_s, u"s3cr3t"_s});
    QCOMPARE(unknownTenant.exitCode, 1);
    QVERIFY2(unknownTenant.err.contains("tenant create salon"), unknownTenant.err.constData());

    QCOMPARE(run(base + QStringList{u"tenant"_s, u"create"_s, u"salon"_s}).exitCode, 0);
    const Run set = run(
        base + QStringList{u"secrets"_s, u"set"_s, u"--tenant"_s, u"salon"_s, u"vapi.secret"_s, u"s3cr3t"_s});
    QCOMPARE(set.exitCode, 0);
    QVERIFY(!set.out.contains("s3cr3t") && !set.err.contains("s3cr3t"));
    // A value from standard input stays out of the process list and the shell history.
    const Run fromStdin = run(
        base + QStringList{u"secrets"_s, u"set"_s, u"--tenant"_s, u"salon"_s, u"twilio.authToken"_s, u"-"_s},
        "tok-ü\n");
    QCOMPARE(fromStdin.exitCode, 0);

    QFile file(secrets);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject salon = QJsonDocument::fromJson(file.readAll()).object().value(u"salon"_s).toObject();
    QCOMPARE(salon.value(u"vapi.secret"_s).toString(), u"s3cr3t"_s);
    QCOMPARE(salon.value(u"twilio.authToken"_s).toString(), u"tok-ü"_s);
    QCOMPARE(QFile::permissions(secrets) & 0x0077, QFile::Permissions());

    // Never in the database.
    if (m_url.isSqlite()) {
        QFile db(m_url.path);
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains("s3cr3t"));
    }
}

void TestServer::tokenIsPrintedOnceAloneOnStdout()
{
    const Run created = run({u"--db"_s, dbUrl(), u"token"_s, u"create"_s, u"--tenant"_s, u"default"_s,
                             u"--scope"_s, u"ingest"_s});
    QCOMPARE(created.exitCode, 0);
    static const QRegularExpression token(u"^cs_ingest_([0-9a-f]{16})_[0-9a-f]{48}\n$"_s);
    const auto match = token.match(QString::fromLatin1(created.out));
    QVERIFY2(match.hasMatch(), created.out.constData());
    const QString tokenId = match.captured(1);

    // Only its hash is stored.
    if (m_url.isSqlite()) {
        QFile db(m_url.path);
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains(created.out.trimmed()));
    }
    const Run revoked =
        run({u"--db"_s, dbUrl(), u"token"_s, u"revoke"_s, u"--tenant"_s, u"default"_s, tokenId});
    QCOMPARE(revoked.exitCode, 0);
    const Run twice =
        run({u"--db"_s, dbUrl(), u"token"_s, u"revoke"_s, u"--tenant"_s, u"default"_s, tokenId});
    QCOMPARE(twice.exitCode, 1);
    const Run otherTenant = run(
        {u"--db"_s, dbUrl(), u"token"_s, u"create"_s, u"--tenant"_s, u"nobody"_s, u"--scope"_s, u"read"_s});
    QCOMPARE(otherTenant.exitCode, 1);
    QVERIFY2(otherTenant.err.contains("unknown tenant"), otherTenant.err.constData());
}

void TestServer::urlsUsesThePublicUrl()
{
    const Run result =
        run({u"urls"_s, u"--tenant"_s, u"clinic"_s, u"--public-url"_s, u"https://hooks.example.com/cs/"_s});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QByteArray("retell\thttps://hooks.example.com/cs/t/clinic/webhooks/retell\n"
                                    "vapi\thttps://hooks.example.com/cs/t/clinic/webhooks/vapi\n"
                                    "ultravox\thttps://hooks.example.com/cs/t/clinic/webhooks/ultravox\n"
                                    "livekit\thttps://hooks.example.com/cs/t/clinic/webhooks/livekit\n"
                                    "twilio\thttps://hooks.example.com/cs/t/clinic/webhooks/twilio\n"
                                    "backend\thttps://hooks.example.com/cs/t/clinic/api/v1/events\n"));
    const Run byDefault = run({u"urls"_s, u"--listen"_s, u"127.0.0.1:9999"_s});
    QVERIFY2(byDefault.out.startsWith("retell\thttp://127.0.0.1:9999/webhooks/retell\n"),
             byDefault.out.constData());
}

QTEST_GUILESS_MAIN(TestServer)
#include "tst_server.moc"
