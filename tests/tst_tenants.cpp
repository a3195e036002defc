// SPDX-License-Identifier: GPL-3.0-or-later
// Tenants as an operator manages them, and what the settings dialog asks the store: the database
// probe, renaming and deleting tenants (every row they own, nothing of the others), their tokens,
// how each provider's webhooks fared, and the retention of raw receipts. Against SQLite and
// PostgreSQL (CALLSCOPE_TEST_BACKEND); the listener parts run in this process over real HTTP.
#include "api/backendevents.h"
#include "api/readerslot.h"
#include "api/tokenauth.h"
#include "cli/commands.h"
#include "http/httpserver.h"
#include "http/router.h"
#include "ingest/ingestservice.h"
#include "ingest/tenantdirectory.h"
#include "runtime.h"
#include "samplecalls.h"
#include "schema.h"
#include "secrets/memorysecretstore.h"
#include "secrets/secretcache.h"
#include "sqlconnection.h"
#include "storereader.h"
#include "testsupport.h"
#include "webhooksigner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// A port nothing listens on (bound once by us, then closed).
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// One request on a connection of its own to a listener on this thread's event loop: the status of
// the answer (0 when none came).
int exchange(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5'000))
        return 0;
    socket.write(request);
    QByteArray buffer;
    const auto complete = [&] {
        buffer += socket.readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(end).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        return buffer.size() >= end + 4 + length;
    };
    if (!QTest::qWaitFor(complete, 10'000))
        return 0;
    return buffer.split(' ').value(1).toInt();
}

// A Retell delivery whose body was changed after it was signed.
SampleCalls::Delivery tampered(SampleCalls::Delivery delivery)
{
    delivery.body.replace("call_started", "call_ended__");
    return delivery;
}

// A signed Retell delivery whose body is not JSON.
SampleCalls::Delivery notJson(const SampleCalls::Secrets &secrets, const QString &tenant)
{
    SampleCalls::Delivery delivery = SampleCalls::retellStarted(secrets, u"x"_s, now(), tenant);
    delivery.body = "{\"event\": \"call_started\", ";
    delivery.headers = {
        {"x-retell-signature", WebhookSigner::retell(delivery.body, secrets.retellApiKey, now())}};
    return delivery;
}

// Whether `changed` (a spy on Store::changed) catches a change of `kind` naming `tenant` in time.
bool announces(QSignalSpy &changed, StoreChanges::Kind kind, TenantId tenant)
{
    return QTest::qWaitFor(
        [&] {
            return std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &signal) {
                const auto changes = signal.at(0).value<StoreChanges>();
                return (changes.kinds & kind) && changes.tenantIds.contains(tenant.value);
            });
        },
        5'000);
}

std::optional<DeliveryStats> statsOf(StoreReader &reader, const QString &tenant, const QString &provider)
{
    auto id = reader.tenant(tenant);
    if (!id)
        return std::nullopt;
    auto stats = reader.deliveryStats(id->id);
    if (!stats)
        return std::nullopt;
    for (const DeliveryStats &row : *stats) {
        if (row.provider == provider)
            return row;
    }
    return std::nullopt;
}

// The listener's ingest routes in this process, as the runtime wires them, over one store.
struct Listener
{
    Listener(Store *store, const DatabaseUrl &url, const SampleCalls::Secrets &secrets,
             const QStringList &tenants)
        : reader(url, url.password)
        , tenants(&reader)
        , tokens(&reader)
        , cache(&secretStore)
    {
        for (const QString &tenant : tenants)
            secretStore.set(tenant, u"retell.apiKey"_s, QString::fromLatin1(secrets.retellApiKey));
        ingest =
            std::make_unique<IngestService>(store, &this->tenants, &cache, &tokens, IngestService::Options());
        ingest->registerRoutes(router);
        server.setHandler(router.handler());
        listening = bool(server.listen(QHostAddress::LocalHost, 0));
    }

    int post(const SampleCalls::Delivery &delivery)
    {
        return exchange(server.port(), SampleCalls::httpRequest(delivery, "127.0.0.1"));
    }

    ReaderSlot reader;
    TenantDirectory tenants;
    TokenAuth tokens;
    MemorySecretStore secretStore;
    SecretCache cache;
    Http::Router router;
    Http::Server server;
    std::unique_ptr<IngestService> ingest;
    bool listening = false;
};

} // namespace

class TestTenants : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    // The settings dialog's "Test connection"
    void probeAnswersTheServersVersion();
    void probeNamesWhatIsWrong_data();
    void probeNamesWhatIsWrong();
    void probeWithMigrateCreatesTheSchema();

    void renameTenant_data();
    void renameTenant();
    void deleteRemovesEveryRowOfTheTenantAndNothingElse();
    void deleteRefusesDefaultAndUnknownTenants();
    void aDeletedTenantsIdIsNeverGivenAgain();
    void aTenantDeletedByAnotherProcessIsNotWrittenTo();
    void tokensAreListedNewestFirst();
    void aTokensLastUseIsRecorded();

    // "Is my webhook working?"
    void deliveriesAreCountedPerProvider();
    void rejectedDeliveriesAddUp();
    void rejectedWebhooksAreCountedWithOneWriteASecond();
    void rejectedCountsAreWrittenWhenTheListenerGoes();
    void aDeletedTenantIsNotFoundByTheListenerAndComesBack();

    void retentionPrunesOldRawReceiptsInBatches();
    void commandLineRenamesAndDeletes();

private:
    std::unique_ptr<Store> openStore();
    IngestResult ingestOk(Store &store, const QString &tenant, const QList<IngestUnit> &units);
    std::unique_ptr<StoreReader> reader();
    void populate(Store &store, const QString &tenant, int seed);
    QHash<QString, qint64> rowsByTable(StoreReader &reader, TenantId tenant);

    TestDatabase m_database;
    DatabaseUrl m_url;
    SampleCalls::Secrets m_secrets;
};

void TestTenants::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
}

void TestTenants::init()
{
    m_url = m_database.fresh();
}

std::unique_ptr<Store> TestTenants::openStore()
{
    auto store = Store::open(m_url, m_url.password);
    if (!store)
        qFatal("cannot open the store: %s", qPrintable(store.error().message));
    return std::move(*store);
}

IngestResult TestTenants::ingestOk(Store &store, const QString &tenant, const QList<IngestUnit> &units)
{
    auto result = await(store.ingest(IngestSubmission{tenant, units}));
    if (!result)
        qFatal("ingest failed: %s", qPrintable(result.error().message));
    return *result;
}

std::unique_ptr<StoreReader> TestTenants::reader()
{
    auto opened = StoreReader::open(m_url, m_url.password);
    if (!opened)
        qFatal("cannot read the store: %s", qPrintable(opened.error().message));
    return std::move(*opened);
}

// ---------------------------------------------------------------------------------------------
// Probe

void TestTenants::probeAnswersTheServersVersion()
{
    const auto answer = Store::probe(m_url, m_url.password);
    QVERIFY2(answer, answer ? "" : qPrintable(answer.error().message));
    static const QRegularExpression version(m_database.isPostgres() ? u"^PostgreSQL \\d+(\\.\\d+)+$"_s
                                                                    : u"^SQLite 3\\.\\d+\\.\\d+$"_s);
    QVERIFY2(version.match(*answer).hasMatch(), qPrintable(*answer));

    // A SQLite file that does not exist yet is not made by asking.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"new.db"_s);
    const auto fresh = Store::probe(DatabaseUrl::sqlite(path), QString());
    QVERIFY2(fresh, fresh ? "" : qPrintable(fresh.error().message));
    QVERIFY(fresh->startsWith(u"SQLite 3."_s));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

void TestTenants::probeNamesWhatIsWrong_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("mustNotExist"); // a path the probe must not create

    static QTemporaryDir dir;
    const QString missing = dir.filePath(u"no/such/folder"_s);
    QTest::newRow("a folder that does not exist")
        << u"sqlite://"_s + missing + u"/callscope.db"_s << u"the folder %1 does not exist"_s.arg(missing)
        << dir.filePath(u"no"_s);
    QTest::newRow("a folder nobody may write in")
        << u"sqlite:///proc/sys/callscope.db"_s << u"the folder /proc/sys is not writable"_s << QString();
    QTest::newRow("a folder where the file should be")
        << u"sqlite://"_s + dir.path() << u"%1 is a folder, not a file"_s.arg(dir.path()) << QString();
    QFile garbage(dir.filePath(u"notes.txt"_s));
    if (garbage.open(QIODevice::WriteOnly))
        garbage.write(QByteArray("these are a receptionist's notes, not a database\n").repeated(200));
    garbage.close();
    QTest::newRow("a file that is not a database")
        << u"sqlite://"_s + garbage.fileName() << u"file is not a database"_s << QString();

    if (!m_database.isPostgres())
        return;
    const DatabaseUrl base = m_database.current();
    const auto pg = [&base](int port, const QString &user, const QString &database) {
        return u"postgresql://%1@%2:%3/%4"_s.arg(user, base.host).arg(port).arg(database);
    };
    QTest::newRow("a port nothing listens on")
        << pg(closedPort(), base.user, base.database) << u"Connection refused"_s << QString();
    QTest::newRow("a database that does not exist")
        << pg(base.port, base.user, u"no_such_db"_s) << u"database \"no_such_db\" does not exist"_s
        << QString();
    QTest::newRow("a user that does not exist") << pg(base.port, u"nobody_here"_s, base.database)
                                                << u"role \"nobody_here\" does not exist"_s << QString();
}

void TestTenants::probeNamesWhatIsWrong()
{
    QFETCH(QString, url);
    QFETCH(QString, error);
    QFETCH(QString, mustNotExist);
    const auto parsed = DatabaseUrl::parse(url);
    QVERIFY2(parsed, qPrintable(url));
    for (const bool migrate : {false, true}) {
        const auto answer = Store::probe(*parsed, QString(), migrate);
        QVERIFY2(!answer, answer ? qPrintable(*answer) : "");
        QVERIFY2(answer.error().message.contains(error), qPrintable(answer.error().message));
        if (!mustNotExist.isEmpty())
            QVERIFY2(!QFileInfo::exists(mustNotExist), qPrintable(mustNotExist));
    }
}

void TestTenants::probeWithMigrateCreatesTheSchema()
{
    DatabaseUrl url = m_url;
    QTemporaryDir dir;
    if (!m_database.isPostgres())
        url = DatabaseUrl::sqlite(dir.filePath(u"callscope.db"_s));
    const auto answer = Store::probe(url, url.password, true);
    QVERIFY2(answer, answer ? "" : qPrintable(answer.error().message));
    QVERIFY(answer->startsWith(m_database.isPostgres() ? u"PostgreSQL "_s : u"SQLite "_s));

    auto opened = StoreReader::open(url, url.password);
    QVERIFY(opened);
    QCOMPARE(*Schema::currentVersion((*opened)->database()), Schema::latestVersion());
    QVERIFY((*opened)->database().tables().contains(u"delivery_stats"_s));
    QVERIFY((*opened)->tenant(u"default"_s));
    // Asked again, nothing changes (the schema is not applied twice).
    QVERIFY(Store::probe(url, url.password, true));
    QSqlQuery steps((*opened)->database());
    QVERIFY(steps.exec(u"SELECT COUNT(*) FROM schema_migrations"_s) && steps.next());
    QCOMPARE(steps.value(0).toInt(), Schema::latestVersion());
}

// ---------------------------------------------------------------------------------------------
// Rename and delete

void TestTenants::renameTenant_data()
{
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("error"); // -1: accepted
    QTest::addColumn<QString>("stored");

    const int ok = -1;
    const int invalid = int(StoreError::Kind::InvalidArgument);
    QTest::newRow("a new name is kept")
        << u"clinic"_s << u"Zahnarztpraxis Dr. Weiß"_s << ok << u"Zahnarztpraxis Dr. Weiß"_s;
    QTest::newRow("spaces around it are dropped")
        << u"clinic"_s << u"  Salon Mitte \t"_s << ok << u"Salon Mitte"_s;
    QTest::newRow("100 characters are enough")
        << u"clinic"_s << u"x"_s.repeated(100) << ok << u"x"_s.repeated(100);
    QTest::newRow("the default tenant may be renamed")
        << u"default"_s << u"Head office"_s << ok << u"Head office"_s;
    QTest::newRow("an empty name is refused") << u"clinic"_s << QString() << invalid << u"clinic"_s;
    QTest::newRow("only spaces are refused") << u"clinic"_s << u"   "_s << invalid << u"clinic"_s;
    QTest::newRow("101 characters are too many")
        << u"clinic"_s << u"x"_s.repeated(101) << invalid << u"clinic"_s;
    QTest::newRow("an unknown tenant is not found")
        << u"nope"_s << u"Somebody"_s << int(StoreError::Kind::NotFound) << QString();
}

void TestTenants::renameTenant()
{
    QFETCH(QString, slug);
    QFETCH(QString, name);
    QFETCH(int, error);
    QFETCH(QString, stored);
    auto store = openStore();
    committed(*store, store->createTenant(u"clinic"_s, QString()), StoreChanges::Tenants);

    QSignalSpy changed(store.get(), &Store::changed);
    const auto renamed = await(store->renameTenant(slug, name));
    if (error >= 0) {
        QVERIFY(!renamed);
        QCOMPARE(int(renamed.error().kind), error);
    } else {
        QVERIFY2(renamed, renamed ? "" : qPrintable(renamed.error().message));
        QCOMPARE(renamed->slug, slug);
        QCOMPARE(renamed->name, stored);
        QVERIFY(announces(changed, StoreChanges::Tenants, renamed->id));
    }
    auto tenant = reader()->tenant(slug);
    QCOMPARE(tenant ? tenant->name : QString(), stored);
}

// Gives `tenant` a row in every table a tenant owns: calls with turns, traces and errors, an
// unattributed delivery, a duplicate, backend tool calls with callback requests and their hand-off
// attempts, staff actions, tokens, rejected deliveries and a setting.
void TestTenants::populate(Store &store, const QString &tenant, int seed)
{
    const qint64 t0 = now() - 3'600'000;
    const QString call = u"call-%1"_s.arg(seed);
    const QString word = u"%1word"_s.arg(tenant);
    QList<IngestUnit> units{
        makeUnit(Provider::Retell, u"started:"_s + call, call,
                 {statusEvent(Provider::Retell, call, CallStatus::InProgress, t0,
                              {{u"fromNumber"_s, u"+4915100000%1"_s.arg(seed)}})}),
        makeUnit(
            Provider::Retell, u"turn:"_s + call, call,
            {transcriptEvent(Provider::Retell, call, u"user"_s, u"please call me back "_s + word, 1000,
                             t0 + 1000),
             functionEvent(Provider::Retell, call, EventKind::FunctionStarted, u"tc1"_s, u"lookup_"_s + word,
                           2000, t0 + 2000, {{u"arguments"_s, QJsonObject{{u"q"_s, word}}}}),
             functionEvent(
                 Provider::Retell, call, EventKind::FunctionFinished, u"tc1"_s, u"lookup_"_s + word, 2500,
                 t0 + 2500,
                 {{u"status"_s, u"error"_s}, {u"error"_s, QJsonObject{{u"message"_s, u"down"_s}}}})}),
        makeUnit(Provider::Retell, u"ended:"_s + call, call,
                 {statusEvent(Provider::Retell, call, CallStatus::Ended, t0 + 60'000,
                              {{u"reason"_s, u"user_hangup"_s}})}),
    };
    // A delivery no call can be found for, and an event that names no call.
    IngestUnit unattributed = makeUnit(Provider::Vapi, u"lost:"_s + call, QString(), {});
    unattributed.receipt.status = ReceiptStatus::Unattributed;
    unattributed.receipt.unattributedReason = u"no call id"_s;
    CallEvent note;
    note.provider = Provider::Vapi;
    note.kind = EventKind::Note;
    note.occurredAtMs = t0;
    note.payload = QJsonObject{{u"text"_s, u"no call"_s}};
    unattributed.events = {note};
    units.append(unattributed);
    for (IngestUnit &unit : units)
        unit.receipt.receivedAtMs = t0;
    ingestOk(store, tenant, units);
    ingestOk(store, tenant, {units.first()}); // a duplicate

    const QJsonObject backendCall{{u"provider"_s, u"retell"_s}, {u"providerCallId"_s, call}};
    const QJsonArray events{
        QJsonObject{{u"id"_s, QString(u"e1-"_s + call)},
                    {u"type"_s, u"tool_call.started"_s},
                    {u"occurredAt"_s, iso(t0 + 3000)},
                    {u"call"_s, backendCall},
                    {u"toolCallId"_s, u"tc2"_s},
                    {u"name"_s, QString(u"book_"_s + word)},
                    {u"arguments"_s, QJsonObject{{u"slot"_s, u"9:30"_s}}},
                    {u"callbackNumber"_s, u"+4915200000%1"_s.arg(seed)}},
        QJsonObject{{u"id"_s, QString(u"e2-"_s + call)},
                    {u"type"_s, u"tool_call.failed"_s},
                    {u"occurredAt"_s, iso(t0 + 4000)},
                    {u"call"_s, backendCall},
                    {u"toolCallId"_s, u"tc2"_s},
                    {u"error"_s, QJsonObject{{u"message"_s, u"calendar down"_s}}}},
        QJsonObject{{u"id"_s, QString(u"e3-"_s + call)},
                    {u"type"_s, u"callback.requested"_s},
                    {u"occurredAt"_s, iso(t0 + 5000)},
                    {u"call"_s, backendCall},
                    {u"callbackNumber"_s, u"+4915300000%1"_s.arg(seed)},
                    {u"urgency"_s, u"normal"_s}},
        QJsonObject{{u"id"_s, QString(u"e4-"_s + call)},
                    {u"type"_s, u"error"_s},
                    {u"occurredAt"_s, iso(t0 + 6000)},
                    {u"call"_s, backendCall},
                    {u"code"_s, u"crm_timeout"_s},
                    {u"severity"_s, u"high"_s},
                    {u"message"_s, u"CRM did not answer"_s}},
    };
    auto parsed = parseBackendEvents(QJsonDocument(QJsonObject{{u"events"_s, events}}).toJson(), t0 + 7000);
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().detail));
    ingestOk(store, tenant, *parsed);

    QVERIFY(await(store.createToken(tenant, u"read"_s, u"dashboard"_s)));
    const TenantId id = reader()->tenant(tenant)->id;
    QVERIFY(await(store.recordRejectedDeliveries(id, u"retell"_s, 2, t0, u"signature does not match"_s)));
    auto groups = reader()->errorGroups(id, ErrorGroupQuery());
    QVERIFY(groups && !groups->isEmpty());
    QVERIFY(await(
        store.errorGroupAction(tenant, groups->first().id, Store::ErrorGroupAction::Resolve, u"Ana"_s)));
    auto callbacks = reader()->callbacks(id);
    QVERIFY(callbacks && callbacks->size() == 2);

    // A setting of the tenant's own (nothing writes tenant_settings yet).
    const QString name = SqlConnection::uniqueName(u"test"_s);
    {
        auto db = SqlConnection::open(m_url, m_url.password, name, SqlConnection::Role::Writer);
        QVERIFY(db);
        QSqlQuery insert(*db);
        insert.prepare(
            u"INSERT INTO tenant_settings (tenant_id, key, value, updated_at) VALUES (?, ?, ?, ?)"_s);
        insert.addBindValue(id.value);
        insert.addBindValue(u"greeting"_s);
        insert.addBindValue(u"hello"_s);
        insert.addBindValue(now());
        QVERIFY(insert.exec());
    }
    SqlConnection::close(name);
}

// Rows of `tenant` in every table that has a tenant_id (the tenants table and the record of deleted
// ones aside).
QHash<QString, qint64> TestTenants::rowsByTable(StoreReader &reader, TenantId tenant)
{
    QHash<QString, qint64> out;
    for (const QString &table : reader.database().tables()) {
        if (table == "tenants"_L1 || table == "deleted_tenants"_L1 || table == "schema_migrations"_L1 ||
            table.contains("_fts"_L1) || table.startsWith("sqlite_"_L1))
            continue;
        QSqlQuery count(reader.database());
        if (!count.exec(u"SELECT COUNT(*) FROM %1 WHERE tenant_id = %2"_s.arg(table).arg(tenant.value)) ||
            !count.next())
            qFatal("cannot count %s", qPrintable(table));
        out.insert(table, count.value(0).toLongLong());
    }
    return out;
}

void TestTenants::deleteRemovesEveryRowOfTheTenantAndNothingElse()
{
    auto store = openStore();
    committed(*store, store->ensureTenants({u"clinic"_s, u"salon"_s}), StoreChanges::Tenants);
    populate(*store, u"clinic"_s, 1);
    populate(*store, u"salon"_s, 2);
    // Every request is handed over once (attempt rows), the first one fails.
    for (int i = 0; i < 10; ++i) {
        auto claimed = await(store->claimNextCallback(u"test"_s, now()));
        QVERIFY(claimed);
        if (!*claimed)
            break;
        CallbackAttemptOutcome outcome;
        outcome.success = i > 0;
        outcome.httpStatus = outcome.success ? 200 : 503;
        QVERIFY(await(
            store->finishCallbackAttempt(**claimed, u"test"_s, outcome, {std::chrono::minutes(5)}, now())));
    }

    auto read = reader();
    const TenantId clinic = read->tenant(u"clinic"_s)->id;
    const TenantId salon = read->tenant(u"salon"_s)->id;
    const QHash<QString, qint64> clinicBefore = rowsByTable(*read, clinic);
    const QHash<QString, qint64> salonBefore = rowsByTable(*read, salon);
    QVERIFY(clinicBefore.size() >= 16);
    for (auto it = clinicBefore.cbegin(); it != clinicBefore.cend(); ++it) {
        // Else the test would not show that the table is emptied.
        QVERIFY2(it.value() > 0, qPrintable(u"clinic has no row in "_s + it.key()));
        QVERIFY2(salonBefore.value(it.key()) > 0, qPrintable(u"salon has no row in "_s + it.key()));
    }
    const auto matches = [&read](const QString &table, const QString &word) {
        QSqlQuery query(read->database());
        if (!query.exec(u"SELECT COUNT(*) FROM %1 WHERE %1 MATCH '%2'"_s.arg(table, word)) || !query.next())
            qFatal("cannot search %s", qPrintable(table));
        return query.value(0).toInt();
    };
    if (!m_database.isPostgres()) {
        QVERIFY(matches(u"transcript_fts"_s, u"clinicword"_s) > 0);
        QVERIFY(matches(u"function_fts"_s, u"clinicword"_s) > 0);
    }

    QSignalSpy changed(store.get(), &Store::changed);
    const auto deleted = await(store->deleteTenant(u"clinic"_s));
    QVERIFY2(deleted, deleted ? "" : qPrintable(deleted.error().message));
    QVERIFY(announces(changed, StoreChanges::Tenants, clinic));

    const QHash<QString, qint64> clinicAfter = rowsByTable(*read, clinic);
    for (auto it = clinicAfter.cbegin(); it != clinicAfter.cend(); ++it)
        QVERIFY2(it.value() == 0,
                 qPrintable(u"%1 rows of the deleted tenant are left in %2"_s.arg(it.value()).arg(it.key())));
    QCOMPARE(rowsByTable(*read, salon), salonBefore);
    QCOMPARE(int(read->tenant(u"clinic"_s).error().kind), int(StoreError::Kind::UnknownTenant));
    QSqlQuery record(read->database());
    QVERIFY(record.exec(u"SELECT slug FROM deleted_tenants WHERE tenant_id = %1"_s.arg(clinic.value)) &&
            record.next());
    QCOMPARE(record.value(0).toString(), u"clinic"_s);
    if (!m_database.isPostgres()) {
        // The full-text rows went with their turns and traces; the other tenant's are all there.
        QCOMPARE(matches(u"transcript_fts"_s, u"clinicword"_s), 0);
        QCOMPARE(matches(u"function_fts"_s, u"clinicword"_s), 0);
        QVERIFY(matches(u"transcript_fts"_s, u"salonword"_s) > 0);
        for (const auto &[fts, table] : {std::pair{u"transcript_fts"_s, u"transcript_segments"_s},
                                         std::pair{u"function_fts"_s, u"function_traces"_s}}) {
            QSqlQuery counts(read->database());
            QVERIFY(counts.exec(
                u"SELECT (SELECT COUNT(*) FROM %1), (SELECT COUNT(*) FROM %2)"_s.arg(fts, table)));
            QVERIFY(counts.next());
            QCOMPARE(counts.value(0).toLongLong(), counts.value(1).toLongLong());
        }
    }
    // The other tenant's call still opens, with its search.
    CallQuery search;
    search.text = u"salonword"_s;
    auto found = read->calls(salon, search);
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    QVERIFY(read->events(salon, found->first().id)->size() > 0);
}

void TestTenants::deleteRefusesDefaultAndUnknownTenants()
{
    auto store = openStore();
    const auto refused = await(store->deleteTenant(u"default"_s));
    QVERIFY(!refused);
    QCOMPARE(int(refused.error().kind), int(StoreError::Kind::Conflict));
    QVERIFY(reader()->tenant(u"default"_s));

    const auto unknown = await(store->deleteTenant(u"nope"_s));
    QVERIFY(!unknown);
    QCOMPARE(int(unknown.error().kind), int(StoreError::Kind::NotFound));

    committed(*store, store->createTenant(u"clinic"_s, QString()), StoreChanges::Tenants);
    QVERIFY(await(store->deleteTenant(u"clinic"_s)));
    const auto twice = await(store->deleteTenant(u"clinic"_s));
    QVERIFY(!twice);
    QCOMPARE(int(twice.error().kind), int(StoreError::Kind::NotFound));
}

void TestTenants::aDeletedTenantsIdIsNeverGivenAgain()
{
    auto store = openStore();
    const auto first = await(store->createTenant(u"clinic"_s, QString()));
    QVERIFY(first);
    QVERIFY(await(store->deleteTenant(u"clinic"_s))); // the highest id
    const auto other = await(store->createTenant(u"salon"_s, QString()));
    QVERIFY(other);
    QVERIFY(other->id.value > first->id.value);

    // Created again under its slug, it is a new tenant that works as the old one did.
    const auto again = await(store->createTenant(u"clinic"_s, u"Clinic again"_s));
    QVERIFY(again);
    QVERIFY(again->id.value > other->id.value);
    ingestOk(*store, u"clinic"_s,
             {makeUnit(Provider::Retell, u"k1"_s, u"c1"_s,
                       {statusEvent(Provider::Retell, u"c1"_s, CallStatus::Ringing, now())})});
    QCOMPARE(*reader()->countCalls(again->id), 1);
}

void TestTenants::aTenantDeletedByAnotherProcessIsNotWrittenTo()
{
    auto store = openStore();
    committed(*store, store->createTenant(u"clinic"_s, QString()), StoreChanges::Tenants);
    const auto unit = [](const QString &key) {
        return makeUnit(Provider::Retell, key, u"c1"_s,
                        {statusEvent(Provider::Retell, u"c1"_s, CallStatus::Ringing, now())});
    };
    ingestOk(*store, u"clinic"_s, {unit(u"k1"_s)}); // this writer has met the tenant and its call
    const TenantId before = reader()->tenant(u"clinic"_s)->id;

    {
        // Another process (callscope-server tenant delete) on the same database.
        auto other = openStore();
        QVERIFY(await(other->deleteTenant(u"clinic"_s)));
    }
    const auto refused = await(store->ingest(IngestSubmission{u"clinic"_s, {unit(u"k2"_s)}}));
    QVERIFY(!refused);
    QCOMPARE(int(refused.error().kind), int(StoreError::Kind::UnknownTenant));

    {
        auto other = openStore();
        QVERIFY(await(other->createTenant(u"clinic"_s, QString())));
    }
    ingestOk(*store, u"clinic"_s, {unit(u"k1"_s)}); // a new tenant: not a duplicate of the old one's
    auto read = reader();
    const TenantId after = read->tenant(u"clinic"_s)->id;
    QVERIFY(after.value != before.value);
    QCOMPARE(*read->countCalls(after), 1);
    QCOMPARE(*read->countReceipts(after), 1);
    QCOMPARE(*read->countCalls(before), 0);
}

void TestTenants::tokensAreListedNewestFirst()
{
    auto store = openStore();
    committed(*store, store->createTenant(u"clinic"_s, QString()), StoreChanges::Tenants);
    QStringList ids;
    for (const auto &[scope, label] :
         {std::pair{u"ingest"_s, u"backend"_s}, std::pair{u"read"_s, u"dashboard"_s},
          std::pair{u"read"_s, QString()}}) {
        const auto token = await(store->createToken(u"clinic"_s, scope, label));
        QVERIFY(token);
        ids.prepend(token->tokenId);
    }
    QVERIFY(await(store->createToken(u"default"_s, u"read"_s)));
    QVERIFY(await(store->revokeToken(u"clinic"_s, ids.at(1))));

    auto read = reader();
    const auto tokens = read->tokens(read->tenant(u"clinic"_s)->id);
    QVERIFY(tokens);
    QCOMPARE(tokens->size(), 3);
    QStringList listed;
    for (const TokenInfo &token : *tokens)
        listed << token.tokenId;
    QCOMPARE(listed, ids);
    QCOMPARE(tokens->at(0).scope, u"read"_s);
    QCOMPARE(tokens->at(0).label, QString());
    QCOMPARE(tokens->at(1).label, u"dashboard"_s);
    QCOMPARE(tokens->at(2).scope, u"ingest"_s);
    QCOMPARE(tokens->at(2).label, u"backend"_s);
    QVERIFY(std::abs(tokens->at(2).createdAtMs - now()) < 60'000);
    QVERIFY(tokens->at(1).revokedAtMs.has_value());
    QVERIFY(!tokens->at(0).revokedAtMs && !tokens->at(2).revokedAtMs);
    for (const TokenInfo &token : *tokens)
        QVERIFY(!token.lastUsedAtMs); // never used
    QVERIFY(!read->tokens(TenantId()));
}

void TestTenants::aTokensLastUseIsRecorded()
{
    auto store = openStore();
    committed(*store, store->createTenant(u"clinic"_s, QString()), StoreChanges::Tenants);
    const auto used = await(store->createToken(u"clinic"_s, u"read"_s, u"dashboard"_s));
    const auto unused = await(store->createToken(u"clinic"_s, u"read"_s, u"spare"_s));
    QVERIFY(used && unused);
    ReaderSlot slot(store->url(), store->password());
    TokenAuth auth(&slot);
    const QByteArray bearer = QByteArray("Bearer ") + used->token.toLatin1();
    // Refused attempts are not a use: another tenant, the wrong scope, a wrong secret.
    QVERIFY(!auth.allows(bearer, u"default"_s, TokenAuth::Scope::Read));
    QVERIFY(!auth.allows(bearer, u"clinic"_s, TokenAuth::Scope::Ingest));
    QString forged = used->token;
    forged[forged.size() - 1] = forged.back() == u'0' ? u'1' : u'0';
    QVERIFY(!auth.allows(QByteArray("Bearer " + forged.toLatin1()), u"clinic"_s, TokenAuth::Scope::Read));
    QVERIFY(auth.takeUsage().isEmpty());

    const qint64 before = now();
    QVERIFY(auth.allows(bearer, u"clinic"_s, TokenAuth::Scope::Read));
    QVERIFY(auth.allows(bearer, u"clinic"_s, TokenAuth::Scope::Read));
    const QHash<QString, qint64> usage = auth.takeUsage();
    QCOMPARE(usage.size(), 1);
    QVERIFY(usage.contains(used->tokenId));
    QVERIFY(auth.takeUsage().isEmpty()); // taken
    QVERIFY(await(store->recordTokenUse(usage)));
    // An earlier report arriving late does not turn the time back; an unknown token is skipped.
    QVERIFY(
        await(store->recordTokenUse({{used->tokenId, before - 3'600'000}, {u"0123456789abcdef"_s, before}})));

    auto read = reader();
    const auto tokens = read->tokens(read->tenant(u"clinic"_s)->id);
    QVERIFY(tokens);
    QCOMPARE(tokens->size(), 2);
    for (const TokenInfo &token : *tokens) {
        if (token.tokenId == used->tokenId) {
            QVERIFY(token.lastUsedAtMs);
            QCOMPARE(*token.lastUsedAtMs, usage.value(used->tokenId));
            QVERIFY(*token.lastUsedAtMs >= before);
        } else {
            QVERIFY(!token.lastUsedAtMs);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Delivery counts

void TestTenants::deliveriesAreCountedPerProvider()
{
    auto store = openStore();
    const qint64 t0 = now() - 60'000;
    const auto unit = [t0](Provider provider, const QString &key, qint64 at) {
        IngestUnit out =
            makeUnit(provider, key, u"c1"_s, {statusEvent(provider, u"c1"_s, CallStatus::Ringing, t0)});
        out.receipt.receivedAtMs = at;
        return out;
    };
    ingestOk(*store, u"default"_s,
             {unit(Provider::Retell, u"r1"_s, t0 + 10), unit(Provider::Retell, u"r2"_s, t0 + 30)});
    ingestOk(*store, u"default"_s,
             {unit(Provider::Retell, u"r1"_s, t0 + 50), unit(Provider::Vapi, u"v1"_s, t0 + 20)});
    auto backend = parseBackendEvents(
        QJsonDocument(QJsonObject{{u"events"_s, QJsonArray{QJsonObject{
                                                    {u"id"_s, u"b1"_s},
                                                    {u"type"_s, u"flow.transition"_s},
                                                    {u"occurredAt"_s, iso(t0)},
                                                    {u"call"_s, QJsonObject{{u"provider"_s, u"backend"_s},
                                                                            {u"providerCallId"_s, u"x"_s}}},
                                                    {u"from"_s, u"a"_s},
                                                    {u"to"_s, u"b"_s}}}}})
            .toJson(),
        t0 + 40);
    QVERIFY(backend);
    ingestOk(*store, u"default"_s, *backend);
    ingestOk(*store, u"default"_s, *backend);

    // Many deliveries at once go through in few groups; the counts still add up.
    std::atomic<int> answered = 0;
    for (int i = 0; i < 300; ++i)
        store->ingest(IngestSubmission{u"default"_s, {unit(Provider::LiveKit, u"l%1"_s.arg(i), t0 + i)}},
                      [&answered](const Store::Result<IngestResult> &) { ++answered; });
    QTRY_COMPARE_WITH_TIMEOUT(answered.load(), 300, 30'000);

    auto read = reader();
    const auto stats = read->deliveryStats(read->tenant(u"default"_s)->id);
    QVERIFY(stats);
    QCOMPARE(stats->size(), 4);
    QHash<QString, DeliveryStats> byProvider;
    for (const DeliveryStats &row : *stats)
        byProvider.insert(row.provider, row);
    QCOMPARE(byProvider.keys().size(), 4);
    const DeliveryStats retell = byProvider.value(u"retell"_s);
    QCOMPARE(retell.accepted, 2);
    QCOMPARE(retell.duplicates, 1);
    QCOMPARE(retell.rejected, 0);
    QCOMPARE(retell.lastAcceptedAtMs, std::optional<qint64>(t0 + 30)); // the duplicate is not an acceptance
    QVERIFY(!retell.lastRejectedAtMs);
    QCOMPARE(byProvider.value(u"vapi"_s).accepted, 1);
    QCOMPARE(byProvider.value(u"backend"_s).accepted, 1);
    QCOMPARE(byProvider.value(u"backend"_s).duplicates, 1);
    QCOMPARE(byProvider.value(u"backend"_s).lastAcceptedAtMs, std::optional<qint64>(t0 + 40));
    QCOMPARE(byProvider.value(u"livekit"_s).accepted, 300);
    QCOMPARE(byProvider.value(u"livekit"_s).lastAcceptedAtMs, std::optional<qint64>(t0 + 299));
    QVERIFY(!read->deliveryStats(TenantId()));
}

void TestTenants::rejectedDeliveriesAddUp()
{
    auto store = openStore();
    auto read = reader();
    const TenantId tenant = read->tenant(u"default"_s)->id;
    const qint64 t0 = now();
    QVERIFY(await(store->recordRejectedDeliveries(tenant, u"vapi"_s, 3, t0, u"signature does not match"_s)));
    QVERIFY(
        await(store->recordRejectedDeliveries(tenant, u"vapi"_s, 2, t0 + 500, u"body is not valid JSON"_s)));
    // A flush that arrives late with older counts adds them but keeps the latest reason.
    QVERIFY(await(store->recordRejectedDeliveries(tenant, u"vapi"_s, 1, t0 + 100, u"no signature"_s)));
    auto vapi = statsOf(*read, u"default"_s, u"vapi"_s);
    QVERIFY(vapi);
    QCOMPARE(vapi->rejected, 6);
    QCOMPARE(vapi->accepted, 0);
    QCOMPARE(vapi->lastRejectedAtMs, std::optional<qint64>(t0 + 500));
    QCOMPARE(vapi->lastRejectedReason, u"body is not valid JSON"_s);
    QVERIFY(!vapi->lastAcceptedAtMs);

    // For a tenant that is gone meanwhile nothing is written, and that is no failure.
    const auto gone = await(store->createTenant(u"gone"_s, QString()));
    QVERIFY(gone);
    QVERIFY(await(store->deleteTenant(u"gone"_s)));
    QVERIFY(await(store->recordRejectedDeliveries(gone->id, u"vapi"_s, 1, t0, u"no signature"_s)));
    QSqlQuery rows(read->database());
    QVERIFY(rows.exec(u"SELECT COUNT(*) FROM delivery_stats WHERE tenant_id = %1"_s.arg(gone->id.value)) &&
            rows.next());
    QCOMPARE(rows.value(0).toInt(), 0);
    QVERIFY(!await(store->recordRejectedDeliveries(tenant, u"vapi"_s, 0, t0, QString())));
}

void TestTenants::rejectedWebhooksAreCountedWithOneWriteASecond()
{
    auto store = openStore();
    committed(*store, store->createTenant(u"clinic"_s, QString()), StoreChanges::Tenants);
    Listener listener(store.get(), m_url, m_secrets, {u"clinic"_s});
    QVERIFY(listener.listening);

    const SampleCalls::Delivery good = SampleCalls::retellStarted(m_secrets, u"c1"_s, now(), u"clinic"_s);
    QCOMPARE(listener.post(good), 200);
    const quint64 writesBefore = store->committedWrites();
    QElapsedTimer flood;
    flood.start();
    for (int i = 0; i < 100; ++i)
        QCOMPARE(listener.post(tampered(good)), 401);
    QCOMPARE(listener.post(notJson(m_secrets, u"clinic"_s)), 400);
    const qint64 floodMs = flood.elapsed();
    // An unknown tenant is not counted anywhere.
    QCOMPARE(listener.post(tampered(SampleCalls::retellStarted(m_secrets, u"c2"_s, now(), u"nope"_s))), 404);

    auto read = reader();
    QTRY_VERIFY_WITH_TIMEOUT(
        statsOf(*read, u"clinic"_s, u"retell"_s).value_or(DeliveryStats()).rejected == 101, 5'000);
    const DeliveryStats retell = *statsOf(*read, u"clinic"_s, u"retell"_s);
    QCOMPARE(retell.accepted, 1);
    QCOMPARE(retell.lastRejectedReason, u"body is not valid JSON"_s);
    QVERIFY(retell.lastRejectedAtMs && std::abs(*retell.lastRejectedAtMs - now()) < 60'000);
    // At most one write per second and tenant and provider, not one per refused request.
    const quint64 writes = store->committedWrites() - writesBefore;
    QVERIFY2(writes <= quint64(2 + floodMs / 1000),
             qPrintable(u"%1 writes in %2 ms"_s.arg(writes).arg(floodMs)));
    QSqlQuery rows(read->database());
    QVERIFY(rows.exec(u"SELECT COUNT(*) FROM delivery_stats"_s) && rows.next());
    QCOMPARE(rows.value(0).toInt(), 1);
}

void TestTenants::rejectedCountsAreWrittenWhenTheListenerGoes()
{
    auto store = openStore();
    committed(*store, store->createTenant(u"clinic"_s, QString()), StoreChanges::Tenants);
    auto token = await(store->createToken(u"clinic"_s, u"read"_s));
    QVERIFY(token);
    {
        Listener listener(store.get(), m_url, m_secrets, {u"clinic"_s});
        QVERIFY(listener.listening);
        const SampleCalls::Delivery good = SampleCalls::retellStarted(m_secrets, u"c1"_s, now(), u"clinic"_s);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(listener.post(tampered(good)), 401);
        // The backend's events: without a token, and with a token of the wrong scope.
        SampleCalls::Delivery events{
            Provider::Backend, "/t/clinic/api/v1/events", "application/json", {}, "{}"};
        QCOMPARE(listener.post(events), 401);
        events.headers = {{"Authorization", "Bearer " + token->token.toLatin1()}};
        QCOMPARE(listener.post(events), 401);
    } // the listener goes within the second; then the store stops, as the runtime does it
    store->stop();

    auto read = reader();
    const auto retell = statsOf(*read, u"clinic"_s, u"retell"_s);
    QVERIFY(retell);
    QCOMPARE(retell->rejected, 3);
    QCOMPARE(retell->lastRejectedReason, u"signature does not match"_s);
    const auto backend = statsOf(*read, u"clinic"_s, u"backend"_s);
    QVERIFY(backend);
    QCOMPARE(backend->rejected, 2);
    QCOMPARE(backend->lastRejectedReason, u"token unknown, revoked or not an ingest token of this tenant"_s);
}

void TestTenants::aDeletedTenantIsNotFoundByTheListenerAndComesBack()
{
    auto store = openStore();
    committed(*store, store->createTenant(u"clinic"_s, QString()), StoreChanges::Tenants);
    Listener listener(store.get(), m_url, m_secrets, {u"clinic"_s});
    QVERIFY(listener.listening);
    QCOMPARE(listener.post(SampleCalls::retellStarted(m_secrets, u"c1"_s, now(), u"clinic"_s)), 200);
    const TenantId before = reader()->tenant(u"clinic"_s)->id;

    committed(*store, store->deleteTenant(u"clinic"_s), StoreChanges::Tenants);
    // Refused as the HTTP spec says for an unknown tenant, signed well or not.
    QCOMPARE(listener.post(SampleCalls::retellStarted(m_secrets, u"c2"_s, now(), u"clinic"_s)), 404);
    QCOMPARE(listener.post(tampered(SampleCalls::retellStarted(m_secrets, u"c3"_s, now(), u"clinic"_s))),
             404);

    committed(*store, store->createTenant(u"clinic"_s, QString()), StoreChanges::Tenants);
    QCOMPARE(listener.post(SampleCalls::retellStarted(m_secrets, u"c1"_s, now(), u"clinic"_s)), 200);
    QCOMPARE(listener.post(tampered(SampleCalls::retellStarted(m_secrets, u"c4"_s, now(), u"clinic"_s))),
             401);
    listener.ingest->flushRejectedDeliveries();
    QVERIFY(await(store->sweep(0, now()))); // after the flush's write
    auto read = reader();
    const TenantId after = read->tenant(u"clinic"_s)->id;
    QVERIFY(after.value != before.value);
    QCOMPARE(*read->countCalls(after), 1);
    const auto retell = statsOf(*read, u"clinic"_s, u"retell"_s);
    QVERIFY(retell);
    QCOMPARE(retell->accepted, 1);
    QCOMPARE(retell->rejected, 1);
}

// ---------------------------------------------------------------------------------------------
// Retention

void TestTenants::retentionPrunesOldRawReceiptsInBatches()
{
    auto store = openStore();
    const qint64 cutoff = now() - 30LL * 86'400'000;
    QList<IngestUnit> units;
    for (int i = 0; i < 2'500; ++i) {
        const bool old = i < 2'300;
        IngestUnit unit = makeUnit(Provider::Retell, u"k%1"_s.arg(i), u"c1"_s,
                                   {transcriptEvent(Provider::Retell, u"c1"_s, u"user"_s, u"turn %1"_s.arg(i),
                                                    i * 1000, cutoff - 10'000 + i)});
        unit.receipt.receivedAtMs = old ? cutoff - 86'400'000 + i : cutoff + i;
        units.append(unit);
        if (units.size() == 500) {
            ingestOk(*store, u"default"_s, units);
            units.clear();
        }
    }
    auto read = reader();
    const TenantId tenant = read->tenant(u"default"_s)->id;
    const qint64 events = *read->countEvents(tenant);
    QCOMPARE(events, 2'500);

    const quint64 groupsBefore = store->committedGroups();
    const auto swept = await(store->sweep(0, now(), cutoff));
    QVERIFY2(swept, swept ? "" : qPrintable(swept.error().message));
    QCOMPARE(swept->receiptsPruned, 2'300);
    QVERIFY(store->committedGroups() - groupsBefore >= 4); // the housekeeping, then three batches

    QSqlQuery receipts(read->database());
    QVERIFY(receipts.exec(u"SELECT received_at < %1, body IS NULL, headers, COUNT(*) FROM receipts "
                          "GROUP BY received_at < %1, body IS NULL, headers ORDER BY 1"_s.arg(cutoff)));
    QList<QStringList> groups;
    while (receipts.next())
        groups.append({receipts.value(0).toBool() ? u"old"_s : u"new"_s,
                       receipts.value(1).toBool() ? u"pruned"_s : u"kept"_s, receipts.value(2).toString(),
                       receipts.value(3).toString()});
    QCOMPARE(groups, (QList<QStringList>{
                         {u"new"_s, u"kept"_s, u"{\"content-type\":\"application/json\"}"_s, u"200"_s},
                         {u"old"_s, u"pruned"_s, u"{}"_s, u"2300"_s}}));

    // The call is whole: its events, its turns, every receipt listed (the old ones without body).
    const auto call = read->callByProviderId(tenant, Provider::Retell, u"c1"_s);
    QVERIFY(call);
    QCOMPARE(read->events(tenant, call->id)->size(), 2'500);
    QCOMPARE(read->transcript(tenant, call->id)->size(), 2'500);
    const auto listed = read->receipts(tenant, call->id);
    QVERIFY(listed);
    QCOMPARE(listed->size(), 2'500);
    QVERIFY(listed->first().body.isEmpty());
    QCOMPARE(listed->last().body, QByteArray(R"({"test":true})"));
    // A retried delivery of a pruned receipt is still a duplicate.
    QCOMPARE(ingestOk(*store, u"default"_s, {makeUnit(Provider::Retell, u"k0"_s, u"c1"_s, {})}).duplicates,
             1);

    const auto again = await(store->sweep(0, now(), cutoff));
    QVERIFY(again);
    QCOMPARE(again->receiptsPruned, 0);
    const auto without = await(store->sweep(0, now()));
    QVERIFY(without);
    QCOMPARE(without->receiptsPruned, 0);
}

// ---------------------------------------------------------------------------------------------
// callscope-server tenant rename / delete

void TestTenants::commandLineRenamesAndDeletes()
{
    {
        auto store = openStore();
        committed(*store, store->createTenant(u"clinic"_s, QString()), StoreChanges::Tenants);
    }
    QTemporaryDir home;
    const QString secretsFile = home.filePath(u"secrets.json"_s);
    {
        QFile file(secretsFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{}");
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    const auto run = [&](const QStringList &command, const QHash<QString, QString> &commandOptions) {
        Options options;
        options.database = m_url;
        options.secretsFile = secretsFile;
        options.command = command;
        options.commandOptions = commandOptions;
        Runtime runtime(options);
        FILE *out = std::tmpfile();
        FILE *err = std::tmpfile();
        CommandRunner runner(runtime, out, err);
        QSignalSpy finished(&runner, &CommandRunner::finished);
        runner.run();
        Run result;
        if (finished.wait(20'000) || !finished.isEmpty())
            result.exitCode = finished.first().at(0).toInt();
        const auto text = [](FILE *file) {
            std::rewind(file);
            QByteArray bytes;
            char buffer[4096];
            while (const size_t n = std::fread(buffer, 1, sizeof buffer, file))
                bytes.append(buffer, qsizetype(n));
            std::fclose(file);
            return QString::fromUtf8(bytes);
        };
        result.out = text(out);
        result.err = text(err);
        return result;
    };

    Run renamed = run({u"tenant"_s, u"rename"_s, u"clinic"_s, u"Praxis am Markt"_s}, {});
    QCOMPARE(renamed.exitCode, 0);
    QCOMPARE(renamed.out, u"renamed tenant clinic (Praxis am Markt)\n"_s);
    QCOMPARE(reader()->tenant(u"clinic"_s)->name, u"Praxis am Markt"_s);
    Run unknown = run({u"tenant"_s, u"rename"_s, u"nope"_s, u"X"_s}, {});
    QCOMPARE(unknown.exitCode, 1);
    QCOMPARE(unknown.err, u"callscope-server: unknown tenant \"nope\"\n"_s);
    Run blank = run({u"tenant"_s, u"rename"_s, u"clinic"_s, u" "_s}, {});
    QCOMPARE(blank.exitCode, 1);
    QVERIFY2(blank.err.contains(u"1 to 100 characters"_s), qPrintable(blank.err));

    Run unconfirmed = run({u"tenant"_s, u"delete"_s, u"clinic"_s}, {});
    QCOMPARE(unconfirmed.exitCode, 2);
    QVERIFY2(unconfirmed.err.contains(u"add --yes to confirm"_s), qPrintable(unconfirmed.err));
    QVERIFY(reader()->tenant(u"clinic"_s));
    Run refused = run({u"tenant"_s, u"delete"_s, u"default"_s}, {{u"yes"_s, QString()}});
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.err, u"callscope-server: the tenant \"default\" cannot be deleted\n"_s);
    Run deleted = run({u"tenant"_s, u"delete"_s, u"clinic"_s}, {{u"yes"_s, QString()}});
    QCOMPARE(deleted.exitCode, 0);
    QCOMPARE(deleted.out, u"deleted tenant clinic\n"_s);
    QVERIFY(!reader()->tenant(u"clinic"_s));
    Run gone = run({u"tenant"_s, u"delete"_s, u"clinic"_s}, {{u"yes"_s, QString()}});
    QCOMPARE(gone.exitCode, 1);
    QCOMPARE(gone.err, u"callscope-server: unknown tenant \"clinic\"\n"_s);
    Run usage = run({u"tenant"_s, u"delete"_s, u"clinic"_s, u"salon"_s}, {{u"yes"_s, QString()}});
    QCOMPARE(usage.exitCode, 2);
    QVERIFY(usage.err.contains(u"usage: tenant delete SLUG --yes"_s));
}

QTEST_GUILESS_MAIN(TestTenants)
#include "tst_tenants.moc"
