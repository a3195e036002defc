// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's time↔pixel mapping, without a widget: mapping, zoom around an anchor, limits,
// scrolling, fit to call, what is visible, and tick steps.
#include "timescale.h"

#include <QTest>

#include <cmath>

using namespace CallScope;

class TestTimeScale : public QObject
{
    Q_OBJECT

private slots:
    void mapsBothWays_data();
    void mapsBothWays();
    void zoomKeepsTheAnchor_data();
    void zoomKeepsTheAnchor();
    void zoomStopsAtItsLimits();
    void nonsenseInputKeepsAUsableScale();
    void scrollingMovesTheVisibleRange();
    void fittingShowsTheWholeCall_data();
    void fittingShowsTheWholeCall();
    void barsHaveAMinimumLength();
    void ticksAreRoundAndFarEnoughApart_data();
    void ticksAreRoundAndFarEnoughApart();
};

void TestTimeScale::mapsBothWays_data()
{
    QTest::addColumn<double>("pixelsPerSecond");
    QTest::addColumn<double>("originMs");
    QTest::addColumn<double>("offsetMs");
    QTest::addColumn<double>("pixel");
    QTest::newRow("start at the top") << 10.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("one minute at 10 px/s") << 10.0 << 0.0 << 60'000.0 << 600.0;
    QTest::newRow("a turn at 12.4 s, 100 px/s") << 100.0 << 0.0 << 12'400.0 << 1240.0;
    QTest::newRow("scrolled down by 30 s") << 10.0 << 30'000.0 << 45'000.0 << 150.0;
    QTest::newRow("above the view is negative") << 10.0 << 30'000.0 << 0.0 << -300.0;
    QTest::newRow("room above the start") << 20.0 << -1'000.0 << 0.0 << 20.0;
    QTest::newRow("a two-hour call, zoomed out") << 0.5 << 0.0 << 7'200'000.0 << 3600.0;
    QTest::newRow("word level") << 2000.0 << 5'000.0 << 5'001.0 << 2.0;
}

void TestTimeScale::mapsBothWays()
{
    QFETCH(double, pixelsPerSecond);
    QFETCH(double, originMs);
    QFETCH(double, offsetMs);
    QFETCH(double, pixel);
    const TimeScale scale(pixelsPerSecond, originMs);
    QCOMPARE(scale.toPixel(offsetMs), pixel);
    QCOMPARE(scale.toMs(pixel), offsetMs);
}

void TestTimeScale::zoomKeepsTheAnchor_data()
{
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("anchorPixel");
    QTest::addColumn<double>("expectedPixelsPerSecond");
    QTest::newRow("closer at the top") << 2.0 << 0.0 << 40.0;
    QTest::newRow("closer at the mouse") << 2.0 << 317.0 << 40.0;
    QTest::newRow("farther at the mouse") << 0.5 << 317.0 << 10.0;
    QTest::newRow("one wheel step") << 1.25 << 800.0 << 25.0;
    QTest::newRow("anchor below the view") << 4.0 << 5000.0 << 80.0;
}

void TestTimeScale::zoomKeepsTheAnchor()
{
    QFETCH(double, factor);
    QFETCH(double, anchorPixel);
    QFETCH(double, expectedPixelsPerSecond);
    const TimeScale before(20.0, 12'000.0);
    const double anchorMs = before.toMs(anchorPixel);
    const TimeScale after = before.zoomed(factor, anchorPixel);
    QCOMPARE(after.pixelsPerSecond(), expectedPixelsPerSecond);
    QVERIFY(std::abs(after.toPixel(anchorMs) - anchorPixel) < 1e-6);
    // And back again: the same scale.
    const TimeScale back = after.zoomed(1.0 / factor, anchorPixel);
    QVERIFY(std::abs(back.pixelsPerSecond() - before.pixelsPerSecond()) < 1e-9);
    QVERIFY(std::abs(back.originMs() - before.originMs()) < 1e-6);
}

void TestTimeScale::zoomStopsAtItsLimits()
{
    TimeScale scale(10.0, 0.0);
    const double anchorMs = scale.toMs(400.0);
    for (int i = 0; i < 100; ++i)
        scale = scale.zoomed(1.5, 400.0);
    QCOMPARE(scale.pixelsPerSecond(), TimeScale::maxPixelsPerSecond);
    QVERIFY(std::abs(scale.toMs(400.0) - anchorMs) < 1e-6); // the anchor held all the way
    for (int i = 0; i < 200; ++i)
        scale = scale.zoomed(0.5, 400.0);
    QCOMPARE(scale.pixelsPerSecond(), TimeScale::minPixelsPerSecond);
    QVERIFY(std::abs(scale.toMs(400.0) - anchorMs) < 1e-3);
}

void TestTimeScale::nonsenseInputKeepsAUsableScale()
{
    const TimeScale scale(10.0, 500.0);
    QCOMPARE(scale.zoomed(0.0, 100.0), scale);
    QCOMPARE(scale.zoomed(-2.0, 100.0), scale);
    QCOMPARE(scale.zoomed(std::nan(""), 100.0), scale);
    QCOMPARE(scale.zoomed(INFINITY, 100.0).pixelsPerSecond(), TimeScale::maxPixelsPerSecond);
    QCOMPARE(TimeScale(0.0).pixelsPerSecond(), TimeScale::minPixelsPerSecond);
    QCOMPARE(TimeScale(-5.0).pixelsPerSecond(), TimeScale::minPixelsPerSecond);
    QCOMPARE(TimeScale(1e9).pixelsPerSecond(), TimeScale::maxPixelsPerSecond);
    QCOMPARE(TimeScale(10.0, std::nan("")).originMs(), 0.0);
}

void TestTimeScale::scrollingMovesTheVisibleRange()
{
    const TimeScale scale(10.0, 0.0);
    QCOMPARE(scale.visibleRange(600.0), std::make_pair(0.0, 60'000.0));
    const TimeScale down = scale.scrolled(300.0);
    QCOMPARE(down.visibleRange(600.0), std::make_pair(30'000.0, 90'000.0));
    QCOMPARE(down.scrolled(-300.0), scale);
    QCOMPARE(down.pixelsPerSecond(), scale.pixelsPerSecond());
}

void TestTimeScale::fittingShowsTheWholeCall_data()
{
    QTest::addColumn<double>("startMs");
    QTest::addColumn<double>("endMs");
    QTest::addColumn<double>("pixels");
    QTest::addColumn<double>("margin");
    QTest::addColumn<double>("expectedPixelsPerSecond");
    QTest::newRow("95 s in 970 px") << 0.0 << 95'000.0 << 970.0 << 10.0 << 10.0;
    QTest::newRow("a short call gets close") << 0.0 << 2'000.0 << 800.0 << 0.0 << 400.0;
    QTest::newRow("a 40 ms blip stops at the limit")
        << 0.0 << 40.0 << 800.0 << 0.0 << TimeScale::maxPixelsPerSecond;
    QTest::newRow("a four-hour call stops at the limit")
        << 0.0 << 14'400'000.0 << 800.0 << 0.0 << TimeScale::minPixelsPerSecond;
    QTest::newRow("unknown end shows a minute") << 5'000.0 << 0.0 << 600.0 << 0.0 << 10.0;
}

void TestTimeScale::fittingShowsTheWholeCall()
{
    QFETCH(double, startMs);
    QFETCH(double, endMs);
    QFETCH(double, pixels);
    QFETCH(double, margin);
    QFETCH(double, expectedPixelsPerSecond);
    const TimeScale scale = TimeScale::fitting(startMs, endMs, pixels, margin);
    QVERIFY(std::abs(scale.pixelsPerSecond() - expectedPixelsPerSecond) < 1e-9);
    QVERIFY(std::abs(scale.toPixel(startMs) - margin) < 1e-6); // the start just below the margin
    if (endMs > startMs && expectedPixelsPerSecond > TimeScale::minPixelsPerSecond)
        QVERIFY(scale.toPixel(endMs) <= pixels - margin + 1e-6); // and the end on screen
}

void TestTimeScale::barsHaveAMinimumLength()
{
    const TimeScale scale(10.0);
    QCOMPARE(scale.lengthOf(2'500.0), 25.0);
    QCOMPARE(scale.lengthOf(3.0, 4.0), 4.0); // a 3 ms call is still a visible bar
    QCOMPARE(scale.lengthOf(-50.0, 2.0), 2.0);
}

void TestTimeScale::ticksAreRoundAndFarEnoughApart_data()
{
    QTest::addColumn<double>("pixelsPerSecond");
    QTest::addColumn<double>("minPixels");
    QTest::addColumn<qint64>("step");
    QTest::newRow("10 px/s, 60 px apart: 10 s") << 10.0 << 60.0 << qint64(10'000);
    QTest::newRow("10 px/s, 40 px apart: 5 s") << 10.0 << 40.0 << qint64(5'000);
    QTest::newRow("100 px/s, 60 px apart: 1 s") << 100.0 << 60.0 << qint64(1'000);
    QTest::newRow("2000 px/s, 60 px apart: 50 ms") << 2000.0 << 60.0 << qint64(50);
    QTest::newRow("1 px/s, 60 px apart: 1 min") << 1.0 << 60.0 << qint64(60'000);
    QTest::newRow("0.5 px/s, 60 px apart: 2 min") << 0.5 << 60.0 << qint64(120'000);
    QTest::newRow("0.5 px/s, 1000 px apart: 1 h") << 0.5 << 1000.0 << qint64(3'600'000);
}

void TestTimeScale::ticksAreRoundAndFarEnoughApart()
{
    QFETCH(double, pixelsPerSecond);
    QFETCH(double, minPixels);
    QFETCH(qint64, step);
    const TimeScale scale(pixelsPerSecond);
    QCOMPARE(scale.tickStepMs(minPixels), step);
    QVERIFY(scale.lengthOf(double(step)) >= minPixels);
}

QTEST_GUILESS_MAIN(TestTimeScale)
#include "tst_timescale.moc"
