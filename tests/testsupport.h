// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"
#include "store.h"
#include "storetypes.h"

#include <QFuture>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

namespace CallScope::Test {

// The backend a store test runs against, from CALLSCOPE_TEST_BACKEND (sqlite, the default, or
// postgres). PostgreSQL's URL comes from the file the pgcluster fixture wrote
// (CALLSCOPE_TEST_PG_URL_FILE) or from CALLSCOPE_TEST_PG_URL.
class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();

    bool isPostgres() const { return m_postgres; }
    QString backendName() const { return m_postgres ? QStringLiteral("postgres") : QStringLiteral("sqlite"); }
    // Empty when the backend is usable, else why not (the test must fail, not skip).
    QString unavailableReason() const { return m_unavailable; }

    // A database with nothing in it: a new SQLite file, or the PostgreSQL test database emptied.
    DatabaseUrl fresh();
    // The database fresh() made last, as it is now.
    DatabaseUrl current() const { return m_current; }

private:
    bool m_postgres = false;
    QString m_unavailable;
    DatabaseUrl m_base;
    DatabaseUrl m_current;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_counter = 0;
};

// One receipt with its events, as an adapter would produce it.
IngestUnit makeUnit(Provider provider, const QString &eventKey, const QString &callId,
                    const CallEvents &events);
CallEvent statusEvent(Provider provider, const QString &callId, CallStatus status, qint64 atMs,
                      const QJsonObject &extra = {});
CallEvent transcriptEvent(Provider provider, const QString &callId, const QString &role, const QString &text,
                          qint64 startMs, qint64 atMs);
CallEvent functionEvent(Provider provider, const QString &callId, EventKind kind, const QString &toolCallId,
                        const QString &name, qint64 offsetMs, qint64 atMs, const QJsonObject &extra = {});

// Waits until `changed`, a spy on Store::changed, has caught the announcement of a change of one of
// `kinds` (StoreChanges::Kind): not only the tenant "default", which Store::open may announce after
// it returned.
bool waitForChange(QSignalSpy &changed, quint32 kinds, int timeoutMs = 5000);
// ... of a change to calls or events.
bool waitForCallChange(QSignalSpy &changed, int timeoutMs = 5000);

template<typename T> T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

// Runs a store write (`future`, of `store`) and returns its result once the store announced a change
// of one of `kinds`; a refused write or no announcement ends the test program.
template<typename T> T committed(Store &store, QFuture<T> future, quint32 kinds)
{
    QSignalSpy changed(&store, &Store::changed);
    T result = await(future);
    if (!result)
        qFatal("the store refused: %s", qPrintable(result.error().message));
    if (!waitForChange(changed, kinds))
        qFatal("the store did not announce the change");
    return result;
}

} // namespace CallScope::Test
