// SPDX-License-Identifier: GPL-3.0-or-later
// A 2xx means committed: signed webhooks are posted at full speed while callscope-server is killed
// with SIGKILL at a random moment; after a restart, every delivery that was answered 2xx is stored.
#include "httpclient.h"
#include "samplecalls.h"
#include "serverprocess.h"
#include "storereader.h"
#include "testsupport.h"

#include <QMutex>
#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

class TestIngestCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyAcknowledgedDeliverySurvivesSigkill();

private:
    TestDatabase m_database;
};

void TestIngestCrash::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
}

void TestIngestCrash::everyAcknowledgedDeliverySurvivesSigkill()
{
    const DatabaseUrl url = m_database.fresh();
    const SampleCalls::Secrets secrets;
    QStringList acknowledged;
    QMutex lock;
    QRandomGenerator random(QRandomGenerator::global()->generate());

    constexpr int rounds = 3;
    for (int round = 0; round < rounds; ++round) {
        ServerProcess server;
        server.setSecrets(secrets.secretsFileJson());
        QVERIFY2(server.start(url), qPrintable(server.lastError()));
        const int killAfter = random.bounded(200, 1500);
        std::atomic<int> acks = 0;
        std::atomic<bool> stop = false;
        std::vector<std::thread> clients;
        for (int c = 0; c < 4; ++c) {
            clients.emplace_back([&, c] {
                HttpClient client(server.port());
                for (int i = 0; !stop.load(); ++i) {
                    const QString callId = u"crash-r%1-c%2-%3"_s.arg(round).arg(c).arg(i);
                    const auto delivery =
                        SampleCalls::retellStarted(secrets, callId, QDateTime::currentMSecsSinceEpoch());
                    const HttpAnswer answer =
                        client.exchange(SampleCalls::httpRequest(delivery, server.host()), 5'000);
                    if (answer.status == 0)
                        return; // the server is gone
                    if (answer.status / 100 == 2) {
                        QMutexLocker locker(&lock);
                        acknowledged << callId;
                        ++acks;
                    }
                }
            });
        }
        QDeadlineTimer deadline(30'000);
        while (acks.load() < killAfter && !deadline.hasExpired())
            QThread::msleep(1);
        QThread::usleep(random.bounded(0, 3000));
        server.kill(); // mid-flight: some requests are being committed, some not yet answered
        stop = true;
        for (auto &client : clients)
            client.join();
        qInfo("round %d: killed after %d acknowledged deliveries", round + 1, acks.load());
    }

    // Restart on the same database, as an operator would, and look.
    ServerProcess restarted;
    QVERIFY(restarted.start(url));
    QVERIFY(restarted.stop());
    auto reader = StoreReader::open(url, url.password);
    QVERIFY(reader);
    const TenantId tenant = (*reader)->tenant(u"default"_s)->id;
    int missing = 0;
    for (const QString &callId : std::as_const(acknowledged)) {
        if (!(*reader)->receiptByKey(tenant, Provider::Retell, u"call_started:"_s + callId)) {
            if (++missing <= 5)
                qWarning("acknowledged but missing: %s", qPrintable(callId));
        }
    }
    qInfo("%lld acknowledged deliveries checked, %lld receipts stored", qint64(acknowledged.size()),
          *(*reader)->countReceipts(tenant));
    QCOMPARE(missing, 0);
    QVERIFY(acknowledged.size() >= rounds * 200);
}

QTEST_GUILESS_MAIN(TestIngestCrash)
#include "tst_ingestcrash.moc"
