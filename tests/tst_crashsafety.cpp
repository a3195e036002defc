// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety: a child appends batches and is killed with SIGKILL at a random moment; after reopening,
// every batch whose completion had fired is present, whole, and no batch is present in part.
#include "store.h"
#include "storereader.h"
#include "testsupport.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

class TestCrashSafety : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyAcknowledgedBatchSurvivesSigkill();

private:
    TestDatabase m_database;
};

void TestCrashSafety::initTestCase()
{
    qInfo("store backend: %s", qPrintable(m_database.backendName()));
    if (!m_database.unavailableReason().isEmpty())
        QFAIL(qPrintable(m_database.unavailableReason()));
}

void TestCrashSafety::everyAcknowledgedBatchSurvivesSigkill()
{
    const DatabaseUrl url = m_database.fresh();
    const QString urlText =
        url.isSqlite()
            ? u"sqlite://"_s + url.path
            : u"postgresql://%1@%2:%3/%4"_s.arg(url.user, url.host).arg(url.port).arg(url.database);
    const QString child = QCoreApplication::applicationDirPath() + u"/crashwriter"_s;
    QRandomGenerator random(QRandomGenerator::global()->generate());

    QHash<qint64, int> acked; // batch -> units
    constexpr int rounds = 5;
    for (int round = 1; round <= rounds; ++round) {
        QProcess process;
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(child, {urlText, QString::number(qint64(round) * 1'000'000)});
        QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
        // Kill after a random number of acknowledgements plus a random delay, so the kill lands
        // anywhere: between groups, mid-transaction, mid-COMMIT.
        const int killAfterAcks = random.bounded(3, 60);
        QByteArray output;
        QDeadlineTimer deadline(20'000);
        while (output.count('\n') < killAfterAcks && !deadline.hasExpired() &&
               process.state() == QProcess::Running) {
            process.waitForReadyRead(100);
            output += process.readAllStandardOutput();
        }
        QVERIFY2(output.count('\n') >= killAfterAcks,
                 qPrintable(u"the child acknowledged only %1 batches: %2"_s.arg(output.count('\n'))
                                .arg(QString::fromLocal8Bit(process.readAllStandardError()))));
        QTest::qSleep(random.bounded(0, 25));
        ::kill(pid_t(process.processId()), SIGKILL);
        QVERIFY(process.waitForFinished(10'000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        output += process.readAllStandardOutput();

        static const QRegularExpression line(u"^acked (\\d+) (\\d+)$"_s, QRegularExpression::MultilineOption);
        int count = 0;
        for (auto it = line.globalMatch(QString::fromLatin1(output)); it.hasNext(); ++count) {
            const auto match = it.next();
            acked.insert(match.captured(1).toLongLong(), match.captured(2).toInt());
        }
        qInfo("round %d: killed after %d acknowledged batches", round, count);
    }

    // Reopen as the next start would (recovery, migrations), then look at what is there.
    auto store = Store::open(url, url.password);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    auto reader = StoreReader::open(url, url.password);
    QVERIFY(reader);
    QSqlQuery query((*reader)->database());
    QVERIFY(query.exec(
        u"SELECT r.event_key, COUNT(e.id) FROM receipts r LEFT JOIN events e ON e.receipt_id = r.id "
        "GROUP BY r.event_key"_s));
    QHash<qint64, QSet<int>> presentUnits;
    static const QRegularExpression key(u"^b(\\d+)-u(\\d+)$"_s);
    while (query.next()) {
        const auto match = key.match(query.value(0).toString());
        QVERIFY(match.hasMatch());
        QCOMPARE(query.value(1).toInt(), 3); // a receipt never without its events
        presentUnits[match.captured(1).toLongLong()].insert(match.captured(2).toInt());
    }
    for (auto it = acked.cbegin(); it != acked.cend(); ++it) {
        QVERIFY2(presentUnits.contains(it.key()),
                 qPrintable(u"acknowledged batch %1 is missing"_s.arg(it.key())));
        QCOMPARE(presentUnits.value(it.key()).size(), it.value());
    }
    for (auto it = presentUnits.cbegin(); it != presentUnits.cend(); ++it) {
        const int expectedUnits = 1 + int(it.key() % 5);
        QVERIFY2(it.value().size() == expectedUnits,
                 qPrintable(u"batch %1 is present in part: %2 of %3 units"_s.arg(it.key())
                                .arg(it.value().size())
                                .arg(expectedUnits)));
    }
    qInfo("%lld acknowledged batches all present and whole; %lld batches present in all",
          qint64(acked.size()), qint64(presentUnits.size()));
    QVERIFY(acked.size() >= rounds * 3);
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
