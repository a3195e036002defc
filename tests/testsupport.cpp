// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include "sqlconnection.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonObject>
#include <QSqlDatabase>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Test {

TestDatabase::TestDatabase()
    : m_dir(std::make_unique<QTemporaryDir>())
{
    m_postgres = qEnvironmentVariable("CALLSCOPE_TEST_BACKEND") == "postgres"_L1;
    if (!m_postgres)
        return;
    QString url = qEnvironmentVariable("CALLSCOPE_TEST_PG_URL");
    if (const QString file = qEnvironmentVariable("CALLSCOPE_TEST_PG_URL_FILE");
        url.isEmpty() && !file.isEmpty()) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            url = QString::fromUtf8(f.readAll()).trimmed();
    }
    if (url.isEmpty()) {
        m_unavailable = u"no PostgreSQL for the test: the pgcluster fixture did not run "
                        "(run ./test.sh, or set CALLSCOPE_TEST_PG_URL)"_s;
        return;
    }
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        m_unavailable = parsed.error();
    else
        m_base = *parsed;
}

TestDatabase::~TestDatabase() = default;

DatabaseUrl TestDatabase::fresh()
{
    if (!m_postgres) {
        m_current = DatabaseUrl::sqlite(m_dir->filePath(u"store-%1.db"_s.arg(++m_counter)));
        return m_current;
    }
    const QString name = SqlConnection::uniqueName(u"test-reset"_s);
    {
        auto db = SqlConnection::open(m_base, m_base.password, name, SqlConnection::Role::Writer);
        if (db) {
            SqlConnection::exec(*db, u"DROP SCHEMA public CASCADE"_s);
            SqlConnection::exec(*db, u"CREATE SCHEMA public"_s);
        }
    }
    SqlConnection::close(name);
    m_current = m_base;
    return m_current;
}

IngestUnit makeUnit(Provider provider, const QString &eventKey, const QString &callId,
                    const CallEvents &events)
{
    Q_UNUSED(callId);
    IngestUnit unit;
    unit.receipt.provider = provider;
    unit.receipt.eventKey = eventKey;
    unit.receipt.eventType = events.isEmpty() ? u"test"_s : toString(events.first().kind);
    unit.receipt.receivedAtMs = 1'790'000'000'000;
    unit.receipt.headersJson = R"({"content-type":"application/json"})";
    unit.receipt.body = R"({"test":true})";
    unit.events = events;
    return unit;
}

CallEvent statusEvent(Provider provider, const QString &callId, CallStatus status, qint64 atMs,
                      const QJsonObject &extra)
{
    CallEvent e;
    e.provider = provider;
    e.providerCallId = callId;
    e.kind = EventKind::CallStatus;
    e.occurredAtMs = atMs;
    e.payload = extra;
    e.payload.insert(u"status"_s, toString(status));
    return e;
}

CallEvent transcriptEvent(Provider provider, const QString &callId, const QString &role, const QString &text,
                          qint64 startMs, qint64 atMs)
{
    CallEvent e;
    e.provider = provider;
    e.providerCallId = callId;
    e.kind = EventKind::TranscriptSegment;
    e.occurredAtMs = atMs;
    e.offsetMs = startMs;
    e.payload = QJsonObject{
        {u"role"_s, role}, {u"text"_s, text}, {u"startMs"_s, startMs}, {u"endMs"_s, startMs + 1500}};
    return e;
}

CallEvent functionEvent(Provider provider, const QString &callId, EventKind kind, const QString &toolCallId,
                        const QString &name, qint64 offsetMs, qint64 atMs, const QJsonObject &extra)
{
    CallEvent e;
    e.provider = provider;
    e.providerCallId = callId;
    e.kind = kind;
    e.occurredAtMs = atMs;
    e.offsetMs = offsetMs;
    e.payload = extra;
    e.payload.insert(u"toolCallId"_s, toolCallId);
    e.payload.insert(u"name"_s, name);
    return e;
}

bool waitForCallChange(QSignalSpy &changed, int timeoutMs)
{
    return waitForChange(changed, StoreChanges::Calls | StoreChanges::Events, timeoutMs);
}

bool waitForChange(QSignalSpy &changed, quint32 kinds, int timeoutMs)
{
    const auto caught = [&changed, kinds] {
        for (const QList<QVariant> &emission : std::as_const(changed)) {
            if (emission.first().value<StoreChanges>().kinds & kinds)
                return true;
        }
        return false;
    };
    QDeadlineTimer deadline(timeoutMs);
    while (!caught()) {
        if (deadline.hasExpired() || !changed.wait(int(std::max<qint64>(1, deadline.remainingTime()))))
            return caught();
    }
    return true;
}

} // namespace CallScope::Test
