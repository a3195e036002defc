// SPDX-License-Identifier: GPL-3.0-or-later
// callscope-sim against a real callscope-server on a real store (SQLite or PostgreSQL,
// CALLSCOPE_TEST_BACKEND): the store must end up with exactly the calls the simulator reports, and the
// generator must be reproducible and speak every line it has.
#include "callgenerator.h"
#include "httpclient.h"
#include "samplecalls.h"
#include "scriptbook.h"
#include "serverprocess.h"
#include "simdelivery.h"
#include "simulation.h"
#include "storereader.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString publicBase = u"https://hooks.example.com/cs"_s;
const QString allWebhookProviders = u"retell,vapi,ultravox,livekit,twilio"_s;

struct SimRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QByteArray lastLine() const { return out.trimmed().split('\n').last(); }
    // A figure of the summary lines ("duplicates_sent=12" → 12); -1 when absent.
    qint64 figure(const QString &name) const
    {
        const QRegularExpression pattern(u"(?:^|\\s)"_s + QRegularExpression::escape(name) +
                                             u"=(\\d+)(?:\\s|$)"_s,
                                         QRegularExpression::MultilineOption);
        const auto match = pattern.match(QString::fromUtf8(out));
        return match.hasMatch() ? match.captured(1).toLongLong() : -1;
    }
};

struct LastLine
{
    bool matches = false;
    qint64 acked = 0;
    qint64 rejected = 0;
    double eventsPerSecond = 0;
    double p50 = 0;
    double p99 = 0;
};

// The binding format of the simulator's last line (spec/cli.md).
LastLine parseLastLine(const QByteArray &line)
{
    static const QRegularExpression pattern(
        u"^acked=(\\d+) rejected=(\\d+) events_per_s=(\\d+(?:\\.\\d+)?) p50_ms=(\\d+(?:\\.\\d+)?) "
        "p99_ms=(\\d+(?:\\.\\d+)?)$"_s);
    const auto match = pattern.match(QString::fromUtf8(line));
    if (!match.hasMatch())
        return {};
    return {true,
            match.captured(1).toLongLong(),
            match.captured(2).toLongLong(),
            match.captured(3).toDouble(),
            match.captured(4).toDouble(),
            match.captured(5).toDouble()};
}

QString describe(const SimRun &run)
{
    return u"exit %1\n--- stdout\n%2--- stderr\n%3"_s.arg(run.exitCode)
        .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

} // namespace

class TestSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void helpPrintsTheUsage();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void sameSeedGivesTheSameCalls();
    void everyLineIsFilledInBothLanguages_data();
    void everyLineIsFilledInBothLanguages();
    void duplicatesFollowTheirOriginals();

    void webhooksOfAllFiveProvidersLeaveExactlyTheReportedCalls();
    void duplicatesAreAnsweredAsDuplicatesAndStoreNothingNew();
    void shuffledDeliveriesEndTheSameWay();
    void anotherTenantGetsItsOwnCalls();
    void backendEventsJoinTheProviderCalls();

private:
    void startServer(const QStringList &extra = {});
    SimRun runSim(const QStringList &arguments);
    QStringList baseArguments(const QString &report) const;
    QJsonArray reportedCalls(const QString &path);
    void verifyStoreHoldsExactly(const QJsonArray &calls, const QString &tenantSlug = u"default"_s);
    std::unique_ptr<StoreReader> reader();

    TestDatabase m_database;
    DatabaseUrl m_url;
    SampleCalls::Secrets m_secrets;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QString m_secretsPath;
};

void TestSim::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
    QVERIFY2(QFile::exists(QStringLiteral(CALLSCOPE_SIM_BINARY)), CALLSCOPE_SIM_BINARY);
}

void TestSim::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // The same secrets for the simulator and the server; a second tenant with a Retell key of its own
    // and Vapi's HMAC scheme instead of the shared secret.
    QJsonObject secrets = QJsonDocument::fromJson(m_secrets.secretsFileJson()).object();
    QJsonObject clinic = secrets.value(u"default"_s).toObject();
    clinic.insert(u"retell.apiKey"_s, u"clinic-retell-key"_s);
    clinic.remove(u"vapi.secret"_s);
    clinic.insert(u"vapi.hmacSecret"_s, u"clinic-vapi-hmac-secret"_s);
    secrets.insert(u"clinic"_s, clinic);
    m_secretsPath = m_dir->filePath(u"secrets.json"_s);
    QFile file(m_secretsPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(secrets).toJson());
    file.close();
    ::chmod(QFile::encodeName(m_secretsPath).constData(), 0600);
}

void TestSim::cleanup()
{
    if (m_server)
        QVERIFY2(m_server->stop(), m_server->standardError().constData());
    m_server.reset();
}

void TestSim::startServer(const QStringList &extra)
{
    m_url = m_database.fresh();
    m_server = std::make_unique<ServerProcess>();
    // All of the load comes from one address: the per-client limit would only slow the runs down.
    m_server->setSetting(u"listener/ratePerSecond"_s, 0);
    QFile file(m_secretsPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_server->setSecrets(file.readAll());
    QVERIFY2(m_server->start(m_url, QStringList{u"--public-url"_s, publicBase} + extra),
             qPrintable(m_server->lastError()));
}

SimRun TestSim::runSim(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(CALLSCOPE_SIM_BINARY), arguments);
    if (!process.waitForStarted())
        return {};
    if (!process.waitForFinished(180'000))
        process.kill();
    return SimRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  process.readAllStandardOutput(), process.readAllStandardError()};
}

QStringList TestSim::baseArguments(const QString &report) const
{
    return {u"--url"_s,          u"http://127.0.0.1:%1"_s.arg(m_server->port()),
            u"--public-url"_s,   publicBase,
            u"--secrets-file"_s, m_secretsPath,
            u"--report"_s,       report};
}

QJsonArray TestSim::reportedCalls(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(u"calls"_s).toArray();
}

std::unique_ptr<StoreReader> TestSim::reader()
{
    auto opened = StoreReader::open(m_url, m_url.password);
    if (!opened)
        qFatal("cannot read the store: %s", qPrintable(opened.error().message));
    return std::move(*opened);
}

// Every call of the report is in the store, with the status and outcome the report expects; a Twilio
// leg the report lists under another provider's call resolves to that call; no other call is there.
void TestSim::verifyStoreHoldsExactly(const QJsonArray &calls, const QString &tenantSlug)
{
    auto store = reader();
    const auto tenant = store->tenant(tenantSlug);
    QVERIFY2(tenant, qPrintable(u"no tenant "_s + tenantSlug));
    CallQuery everything;
    everything.limit = 1000;
    const auto stored = store->calls(tenant->id, everything);
    QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message));
    QVERIFY2(stored->size() < everything.limit, "more calls than one query lists: the count says nothing");

    QStringList problems;
    QSet<qint64> listed;
    for (const QJsonValue &value : calls) {
        const QJsonObject call = value.toObject();
        const QString name =
            call.value(u"provider"_s).toString() + u':' + call.value(u"providerCallId"_s).toString();
        const auto provider = providerFromString(call.value(u"provider"_s).toString());
        if (!provider) {
            problems << name + u": unknown provider"_s;
            continue;
        }
        const auto found =
            store->callByProviderId(tenant->id, *provider, call.value(u"providerCallId"_s).toString());
        if (!found) {
            problems << name + u": not in the store"_s;
            continue;
        }
        if (found->provider != *provider)
            problems << name + u": found as a call of "_s + toString(found->provider);
        if (listed.contains(found->id))
            problems << name + u": the same stored call as another listed call"_s;
        listed.insert(found->id);
        if (call.contains(u"status"_s) && toString(found->status) != call.value(u"status"_s).toString())
            problems << name + u": status "_s + toString(found->status);
        const QString outcome = found->outcome ? toString(*found->outcome) : QString();
        if (call.contains(u"outcome"_s) && outcome != call.value(u"outcome"_s).toString())
            problems << u"%1 (%2): outcome %3, expected %4"_s.arg(
                name, call.value(u"scenario"_s).toString(), outcome, call.value(u"outcome"_s).toString());
        if (call.value(u"twilioLeg"_s).toBool()) {
            const auto leg = store->callByProviderId(tenant->id, Provider::Twilio,
                                                     call.value(u"twilioCallSid"_s).toString());
            if (!leg || leg->id != found->id)
                problems << name + u": its Twilio leg is not part of it"_s;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QSet<qint64> inStore;
    for (const CallSummary &call : *stored)
        inStore.insert(call.id);
    QCOMPARE(stored->size(), calls.size());
    QCOMPARE(inStore, listed);
}

void TestSim::helpPrintsTheUsage()
{
    const SimRun run = runSim({u"--help"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("--providers") && run.out.contains("acked=N rejected=M"), run.out.constData());
}

void TestSim::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList base{u"--url"_s, u"http://127.0.0.1:9"_s, u"--secrets-file"_s};
    QTest::newRow("no --url") << QStringList{u"--secrets-file"_s, u"x.json"_s} << u"--url is required"_s;
    QTest::newRow("no --secrets-file")
        << QStringList{u"--url"_s, u"http://127.0.0.1:9"_s} << u"--secrets-file is required"_s;
    QTest::newRow("an https listener")
        << QStringList{u"--url"_s, u"https://127.0.0.1:9"_s, u"--secrets-file"_s, u"x"_s}
        << u"plain HTTP only"_s;
    QTest::newRow("duplicates above one")
        << base + QStringList{u"SECRETS"_s, u"--duplicates"_s, u"1.5"_s} << u"--duplicates wants a number"_s;
    QTest::newRow("an unknown provider")
        << base + QStringList{u"SECRETS"_s, u"--providers"_s, u"retell,plivo"_s}
        << u"unknown provider \"plivo\""_s;
    QTest::newRow("an unknown option")
        << base + QStringList{u"SECRETS"_s, u"--fast"_s} << u"unknown option"_s;
    QTest::newRow("a language it does not speak")
        << base + QStringList{u"SECRETS"_s, u"--lang"_s, u"fr"_s} << u"--lang is en, de or mixed"_s;
    QTest::newRow("a provider the tenant has no secret for")
        << base + QStringList{u"SECRETS"_s, u"--tenant"_s,       u"clinic"_s, u"--providers"_s,
                              u"retell"_s,  u"--ingest-token"_s, u"t"_s}
        << u"REPLACED"_s;
    QTest::newRow("a tenant the secrets file does not name")
        << base + QStringList{u"SECRETS"_s, u"--tenant"_s, u"salon"_s} << u"no entry for tenant \"salon\""_s;
}

void TestSim::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    arguments.replaceInStrings(u"SECRETS"_s, m_secretsPath);
    if (message == "REPLACED"_L1) {
        // A tenant whose entry lacks the provider's key: explicitly asked for, it is an error.
        QFile file(m_secretsPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(R"({"clinic": {"vapi.secret": "s"}})");
        file.close();
        message = u"no retell.apiKey for tenant \"clinic\""_s;
    }
    const SimRun run = runSim(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
    QVERIFY2(!run.out.contains("acked="), run.out.constData());
}

void TestSim::sameSeedGivesTheSameCalls()
{
    Sim::GeneratorOptions options;
    options.seed = 42;
    options.providers = {Provider::Retell, Provider::Vapi, Provider::Ultravox, Provider::LiveKit,
                         Provider::Twilio};
    options.twilioLegs = true;
    options.backend = true;
    options.calls = 50;
    options.dayEndMs = 1'790'000'000'000;
    options.dayStartMs = options.dayEndMs - 36'000'000;
    const Sim::CallGenerator first(options);
    const Sim::CallGenerator second(options);
    options.seed = 43;
    const Sim::CallGenerator other(options);
    QSet<QString> callIds;
    QSet<QString> eventIds;
    int differentFromOtherSeed = 0;
    for (int i = 0; i < options.calls; ++i) {
        const Sim::CallPlan a = first.plan(i);
        const Sim::CallPlan b = second.plan(i);
        QCOMPARE(a.providerCallId, b.providerCallId);
        QCOMPARE(Sim::toString(a.scenario), Sim::toString(b.scenario));
        QCOMPARE(a.utterances().size(), b.utterances().size());
        const Sim::Deliveries deliveriesA = Sim::deliveriesFor(a, {u"default"_s, 42, true});
        const Sim::Deliveries deliveriesB = Sim::deliveriesFor(b, {u"default"_s, 42, true});
        QCOMPARE(deliveriesA.size(), deliveriesB.size());
        for (qsizetype d = 0; d < deliveriesA.size(); ++d)
            QCOMPARE(deliveriesA.at(d).body, deliveriesB.at(d).body);
        QVERIFY2(!callIds.contains(a.providerCallId), qPrintable(a.providerCallId));
        callIds.insert(a.providerCallId);
        differentFromOtherSeed += other.plan(i).providerCallId != a.providerCallId ? 1 : 0;
        // Backend event ids: unique across the whole run, so the listener never takes one for a repeat.
        for (const Sim::SimDelivery &delivery : deliveriesA) {
            if (delivery.provider != Provider::Backend)
                continue;
            const QJsonArray events =
                QJsonDocument::fromJson(delivery.body).object().value(u"events"_s).toArray();
            QCOMPARE(events.size(), qsizetype(delivery.events));
            for (const QJsonValue &event : events) {
                const QString id = event.toObject().value(u"id"_s).toString();
                QVERIFY2(id.startsWith(u"sim42-%1-"_s.arg(i)), qPrintable(id));
                QVERIFY2(!eventIds.contains(id), qPrintable(id));
                eventIds.insert(id);
            }
        }
    }
    QCOMPARE(differentFromOtherSeed, options.calls);
    QVERIFY2(!eventIds.isEmpty(), "no backend events were generated");
}

void TestSim::everyLineIsFilledInBothLanguages_data()
{
    QTest::addColumn<Sim::Language>("language");
    QTest::newRow("English") << Sim::Language::English;
    QTest::newRow("German") << Sim::Language::German;
}

void TestSim::everyLineIsFilledInBothLanguages()
{
    QFETCH(Sim::Language, language);
    const Sim::ScriptBook &book = Sim::scriptBook(language);
    for (int line = 0; line < int(Sim::Line::LineCount); ++line)
        QVERIFY2(!book.wordings(Sim::Line(line)).isEmpty(),
                 qPrintable(u"line %1 has no wording"_s.arg(line)));
    QCOMPARE(book.summaries.size(), qsizetype(int(Sim::Scenario::Failed) + 1));

    Sim::GeneratorOptions options;
    options.language = language;
    options.providers = {Provider::Retell};
    options.calls = 400;
    options.dayEndMs = 1'790'000'000'000;
    options.dayStartMs = options.dayEndMs - 36'000'000;
    const Sim::CallGenerator generator(options);
    QSet<Sim::Scenario> scenarios;
    for (int i = 0; i < options.calls; ++i) {
        const Sim::CallPlan plan = generator.plan(i);
        scenarios.insert(plan.scenario);
        QVERIFY2(!plan.summary.contains(u'{'), qPrintable(plan.summary));
        for (const Sim::Utterance &utterance : plan.utterances()) {
            QVERIFY2(!utterance.text.contains(u'{') && !utterance.text.contains(u'}'),
                     qPrintable(utterance.text));
            QVERIFY2(utterance.startMs < utterance.endMs, qPrintable(utterance.text));
            QVERIFY2(utterance.endMs <= plan.talkMs(), qPrintable(utterance.text));
        }
    }
    QCOMPARE(scenarios.size(), int(Sim::Scenario::Failed) + 1);
}

void TestSim::duplicatesFollowTheirOriginals()
{
    Sim::Deliveries deliveries;
    for (int i = 0; i < 200; ++i) {
        Sim::SimDelivery delivery;
        delivery.body = QByteArray::number(i);
        deliveries.append(delivery);
    }
    QRandomGenerator random(7);
    const Sim::Deliveries arranged = Sim::arrange(deliveries, 0.3, true, random);
    QSet<QByteArray> seen;
    qsizetype duplicates = 0;
    for (const Sim::SimDelivery &delivery : arranged) {
        if (delivery.duplicate) {
            ++duplicates;
            QVERIFY2(seen.contains(delivery.body), "a duplicate went before its original");
        } else {
            QVERIFY2(!seen.contains(delivery.body), "an original was sent twice");
            seen.insert(delivery.body);
        }
    }
    QCOMPARE(seen.size(), qsizetype(200));
    QVERIFY2(duplicates > 30 && duplicates < 90, qPrintable(QString::number(duplicates)));
    QRandomGenerator again(7);
    const Sim::Deliveries repeated = Sim::arrange(deliveries, 0.3, true, again);
    QCOMPARE(repeated.size(), arranged.size());
    for (qsizetype i = 0; i < arranged.size(); ++i) { // the same seed, the same order
        QCOMPARE(repeated.at(i).body, arranged.at(i).body);
        QCOMPARE(repeated.at(i).duplicate, arranged.at(i).duplicate);
    }
}

void TestSim::webhooksOfAllFiveProvidersLeaveExactlyTheReportedCalls()
{
    startServer();
    const QString report = m_dir->filePath(u"report.json"_s);
    const SimRun run = runSim(baseArguments(report) +
                              QStringList{u"--calls"_s, u"200"_s, u"--providers"_s, allWebhookProviders});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const LastLine last = parseLastLine(run.lastLine());
    QVERIFY2(last.matches, run.lastLine().constData());
    QCOMPARE(last.rejected, qint64(0));
    // Webhooks only: every delivery is one event.
    QCOMPARE(last.acked, run.figure(u"deliveries"_s));
    QVERIFY(last.acked > 200 * 3);
    QVERIFY(last.eventsPerSecond > 0);
    QVERIFY(last.p50 <= last.p99);
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QVERIFY2(lines.size() >= 2 && lines.at(lines.size() - 2).startsWith("latency_ms p50="),
             run.out.constData());

    const QJsonArray calls = reportedCalls(report);
    QCOMPARE(calls.size(), qsizetype(200));
    QMap<QString, int> perProvider;
    int legs = 0;
    for (const QJsonValue &call : calls) {
        ++perProvider[call.toObject().value(u"provider"_s).toString()];
        legs += call.toObject().value(u"twilioLeg"_s).toBool() ? 1 : 0;
    }
    QCOMPARE(
        perProvider,
        (QMap<QString, int>{
            {u"livekit"_s, 40}, {u"retell"_s, 40}, {u"twilio"_s, 40}, {u"ultravox"_s, 40}, {u"vapi"_s, 40}}));
    QCOMPARE(legs, 80); // every Retell and Vapi call has its carrier leg
    verifyStoreHoldsExactly(calls);
    auto store = reader();
    QCOMPARE(*store->countReceipts(store->tenant(u"default"_s)->id), run.figure(u"deliveries"_s));
}

void TestSim::duplicatesAreAnsweredAsDuplicatesAndStoreNothingNew()
{
    startServer();
    const QString report = m_dir->filePath(u"report.json"_s);
    const SimRun run =
        runSim(baseArguments(report) + QStringList{u"--calls"_s, u"200"_s, u"--providers"_s,
                                                   allWebhookProviders, u"--duplicates"_s, u"0.3"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const LastLine last = parseLastLine(run.lastLine());
    QVERIFY2(last.matches, run.lastLine().constData());
    QCOMPARE(last.rejected, qint64(0));
    const qint64 deliveries = run.figure(u"deliveries"_s);
    const qint64 duplicates = run.figure(u"duplicates_sent"_s);
    QVERIFY2(duplicates > deliveries / 5 && duplicates < deliveries * 2 / 5, run.out.constData());
    QCOMPARE(run.figure(u"duplicate_events"_s), duplicates); // webhooks only: one event each
    QCOMPARE(run.figure(u"duplicates_answered"_s), duplicates);
    QCOMPARE(last.acked, deliveries + duplicates);
    verifyStoreHoldsExactly(reportedCalls(report));
    auto store = reader();
    QCOMPARE(*store->countReceipts(store->tenant(u"default"_s)->id), deliveries);
}

void TestSim::shuffledDeliveriesEndTheSameWay()
{
    startServer();
    const QString report = m_dir->filePath(u"report.json"_s);
    const SimRun run = runSim(baseArguments(report) + QStringList{u"--calls"_s, u"100"_s, u"--providers"_s,
                                                                  allWebhookProviders, u"--shuffle"_s,
                                                                  u"--seed"_s, u"11"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(parseLastLine(run.lastLine()).rejected, qint64(0));
    verifyStoreHoldsExactly(reportedCalls(report));
}

void TestSim::anotherTenantGetsItsOwnCalls()
{
    // Its routes are /t/clinic/..., its Retell key another, its Vapi deliveries signed with HMAC.
    startServer();
    const QString report = m_dir->filePath(u"report.json"_s);
    const SimRun run =
        runSim(baseArguments(report) + QStringList{u"--calls"_s, u"20"_s, u"--tenant"_s, u"clinic"_s,
                                                   u"--providers"_s, allWebhookProviders});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    verifyStoreHoldsExactly(reportedCalls(report), u"clinic"_s);
    auto store = reader();
    QCOMPARE(*store->countCalls(store->tenant(u"default"_s)->id), qint64(0));
}

void TestSim::backendEventsJoinTheProviderCalls()
{
    startServer();
    // The events API is another engineer's work in progress: say plainly when it is not there.
    HttpClient client(m_server->port());
    const HttpAnswer probe =
        client.exchange("POST /api/v1/events HTTP/1.1\r\nHost: " + m_server->host() +
                        "\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n"
                        "{\"events\":[]}");
    if (probe.status == 404)
        QFAIL("the events API is not there yet: POST /api/v1/events answers 404");
    QVERIFY2(probe.status == 401, probe.body.constData()); // there, and it wants a token

    QProcess create;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_server->home());
    create.setProcessEnvironment(env);
    create.start(QStringLiteral(CALLSCOPE_SERVER_BINARY),
                 {u"--db"_s, ServerProcess::databaseArgument(m_url), u"token"_s, u"create"_s, u"--tenant"_s,
                  u"default"_s, u"--scope"_s, u"ingest"_s});
    QVERIFY(create.waitForFinished(30'000));
    const QString token = QString::fromUtf8(create.readAllStandardOutput()).trimmed();
    QVERIFY2(create.exitCode() == 0 && !token.isEmpty(), create.readAllStandardError().constData());

    const QString report = m_dir->filePath(u"report.json"_s);
    const SimRun run = runSim(baseArguments(report) + QStringList{u"--calls"_s, u"200"_s, u"--providers"_s,
                                                                  allWebhookProviders + u",backend"_s,
                                                                  u"--ingest-token"_s, token});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const LastLine last = parseLastLine(run.lastLine());
    QVERIFY2(last.matches, run.lastLine().constData());
    QCOMPARE(last.rejected, qint64(0));
    const qint64 backendEvents = run.figure(u"backend_events"_s);
    QVERIFY2(backendEvents > 200, run.out.constData());
    // acked= counts each webhook and each event of a batch.
    QCOMPARE(last.acked, run.figure(u"webhooks"_s) + backendEvents);

    const QJsonArray calls = reportedCalls(report);
    verifyStoreHoldsExactly(calls);
    // LiveKit's agents report their tool calls and transcript through the backend alone.
    auto store = reader();
    const TenantId tenant = store->tenant(u"default"_s)->id;
    int checked = 0;
    for (const QJsonValue &value : calls) {
        const QJsonObject call = value.toObject();
        if (call.value(u"provider"_s).toString() != "livekit"_L1 ||
            call.value(u"backendEvents"_s).toInt() == 0)
            continue;
        const auto found =
            store->callByProviderId(tenant, Provider::LiveKit, call.value(u"providerCallId"_s).toString());
        QVERIFY(found);
        QCOMPARE(found->functionCallCount, call.value(u"toolCalls"_s).toInt());
        QCOMPARE(found->transcriptSegmentCount, call.value(u"utterances"_s).toInt());
        ++checked;
    }
    QVERIFY(checked > 10);
}

QTEST_GUILESS_MAIN(TestSim)
#include "tst_sim.moc"
