// SPDX-License-Identifier: GPL-3.0-or-later
#include "outcome.h"

#include <QTest>

using namespace CallScope;

class TestOutcome : public QObject
{
    Q_OBJECT

private slots:
    void decide_data();
    void decide();
};

void TestOutcome::decide_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<qint64>("durationMs");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a 'busy' reason wins over a long duration") << "busy" << qint64(60'000) << "busy";
    QTest::newRow("a 'voicemail' reason wins over a long duration")
        << "voicemail" << qint64(45'000) << "voicemail";
    QTest::newRow("a 'no_answer' reason wins over a long duration")
        << "no_answer" << qint64(30'000) << "no_answer";
    QTest::newRow("a 'failed' reason wins over a long duration") << "failed" << qint64(20'000) << "failed";
    QTest::newRow("a 'transferred' reason wins over a short duration")
        << "transferred" << qint64(1'000) << "transferred";
    QTest::newRow("a 'completed' reason wins over a short duration")
        << "completed" << qint64(500) << "completed";
    QTest::newRow("exactly 10 s with no reason is completed") << "" << qint64(10'000) << "completed";
    QTest::newRow("a minute with no reason is completed") << "" << qint64(60'000) << "completed";
    QTest::newRow("9.999 s with no reason is no answer") << "" << qint64(9'999) << "no_answer";
    QTest::newRow("exactly 3 s with no reason is no answer") << "" << qint64(3'000) << "no_answer";
    QTest::newRow("2.999 s with no reason failed") << "" << qint64(2'999) << "failed";
    QTest::newRow("zero seconds with no reason failed") << "" << qint64(0) << "failed";
    QTest::newRow("no reason and no duration decides nothing") << "" << qint64(-1) << "";
}

void TestOutcome::decide()
{
    QFETCH(QString, reason);
    QFETCH(qint64, durationMs);
    QFETCH(QString, expected);

    const auto reasonOutcome = reason.isEmpty() ? std::nullopt : outcomeFromString(reason);
    QCOMPARE(reasonOutcome.has_value(), !reason.isEmpty());
    const auto duration = durationMs < 0 ? std::nullopt : std::optional<qint64>(durationMs);
    const auto decision = OutcomeRule::decide(reasonOutcome, duration, OutcomeSource::Platform);
    if (expected.isEmpty()) {
        QVERIFY(!decision);
        return;
    }
    QVERIFY(decision);
    QCOMPARE(toString(decision->outcome), expected);
    QCOMPARE(decision->fromReason, !reason.isEmpty());
}

QTEST_GUILESS_MAIN(TestOutcome)
#include "tst_outcome.moc"
