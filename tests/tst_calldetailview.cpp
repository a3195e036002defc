// SPDX-License-Identifier: GPL-3.0-or-later
// The call detail on real widgets, offscreen: the timeline's hit testing, selection, highlighting,
// zoom and live growth; the inspector; the receipts tab; and the JSON and PNG export.
#include "calldetailsample.h"
#include "calldetailview.h"
#include "calltimelinewidget.h"
#include "receiptsview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QWheelEvent>

#include <algorithm>

using namespace CallScope;
using namespace CallScope::TestCalls;
using namespace Qt::Literals::StringLiterals;

namespace {

// For looking at: every test's last state, when CALLSCOPE_SCREENSHOT_DIR names a folder.
void saveScreenshot(QWidget *widget, const QString &name)
{
    const QByteArray dir = qgetenv("CALLSCOPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(20); // the layouts settle before the picture is taken
    widget->grab().save(QString::fromLocal8Bit(dir) + u"/calldetail-"_s + name + u".png"_s);
}

void wheel(QWidget *viewport, QPoint at, int delta, Qt::KeyboardModifiers modifiers)
{
    QWheelEvent event(QPointF(at), QPointF(viewport->mapToGlobal(at)), QPoint(), QPoint(0, delta),
                      Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(viewport, &event);
}

} // namespace

class TestCallDetailView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void headerShowsTheCallsFacts();
    void clickingTheFailedFunctionInspectsIt();
    void clickingATurnHighlightsTheFunctionsDuringIt();
    void clickingEmptySpaceClearsTheSelection();
    void keyboardWalksThroughTheItems();
    void ctrlWheelZoomsAroundTheMouseAndFitRestores();
    void aLiveCallGrowsAndKeepsZoomScrollAndSelection();
    void aLiveCallFollowsNewItemsAtTheBottom();
    void anotherCallStartsFresh();
    void selectFunctionByToolCallId();
    void receiptsTabListsEveryReceiptWithItsBody();
    void receiptBodies_data();
    void receiptBodies();
    void exportBundleWritesTheCallAsJson();
    void exportFailsWithAReason();
    void exportButtonsAskWhereAndSave();
    void exportPngWritesTheTimeline();
    void tenThousandItemsOpenQuickly();
    void paintsInTheDarkPalette();
    void switchesToGermanWhileRunning();
    void markupFromWebhooksIsShownAsText();

private:
    std::unique_ptr<CallDetailView> m_view;
    CallDetail m_detail;

    CallTimelineWidget *timeline() const { return m_view->timeline(); }
    template<typename T> T *child(const QString &name) const
    {
        T *found = m_view->findChild<T *>(name);
        if (!found)
            qWarning("no child %s", qPrintable(name));
        return found;
    }
    // Clicks the item, scrolled into view, a little inside its top left corner.
    bool clickItem(int index)
    {
        timeline()->ensureVisible(index);
        const QRect rect = timeline()->itemRect(index);
        if (rect.isEmpty())
            return false;
        QTest::mouseClick(timeline()->viewport(), Qt::LeftButton, {},
                          rect.topLeft() +
                              QPoint(std::min(24, rect.width() / 2), std::min(8, rect.height() / 2)));
        return true;
    }
};

void TestCallDetailView::init()
{
    m_view = std::make_unique<CallDetailView>();
    m_view->resize(1280, 860);
    m_view->setTenantSlug(u"bright-smile"_s);
    m_detail = bookingCall();
    m_view->setDetail(m_detail);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestCallDetailView::cleanup()
{
    saveScreenshot(m_view.get(), QString::fromLatin1(QTest::currentTestFunction()));
    m_view.reset();
}

void TestCallDetailView::headerShowsTheCallsFacts()
{
    QVERIFY(child<QWidget>(u"callHeader"_s));
    QCOMPARE(child<QLabel>(u"headerTitle"_s)->text(), u"+14155550123 → +14155550199"_s);
    QVERIFY(child<QLabel>(u"headerOutcome"_s)->text().contains(u"Completed"_s));
    QCOMPARE(child<QLabel>(u"headerAgent"_s)->text(), u"Front desk (dental)"_s);
    QCOMPARE(child<QLabel>(u"headerDuration"_s)->text(), u"1 min 35 s"_s);
    QCOMPARE(child<QLabel>(u"headerCost"_s)->text(), u"0.425 USD"_s);
    const QString links = child<QLabel>(u"headerLinks"_s)->text();
    QVERIFY(links.contains(u"href=\"https://recordings.example.com/call_8d1f.wav\""_s));
    QVERIFY(links.contains(u"Provider log"_s));
    QVERIFY(child<QLabel>(u"headerLinks"_s)->openExternalLinks());
    QCOMPARE(child<QTabWidget>(u"callDetailTabs"_s)->tabText(1), u"Receipts (4)"_s);
}

void TestCallDetailView::clickingTheFailedFunctionInspectsIt()
{
    const int failed = indexOf(m_detail, u"tc_3"_s);
    QVERIFY(failed >= 0);
    QSignalSpy selected(timeline(), &CallTimelineWidget::functionSelected);
    QVERIFY(clickItem(failed));
    QCOMPARE(timeline()->selectedIndex(), failed);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.first().first().toInt(), failed);

    auto *arguments = child<QPlainTextEdit>(u"inspectorArguments"_s);
    auto *error = child<QPlainTextEdit>(u"inspectorError"_s);
    auto *result = child<QPlainTextEdit>(u"inspectorResult"_s);
    QVERIFY(arguments && error && result);
    QVERIFY(arguments->isVisible());
    QVERIFY(arguments->toPlainText().contains(u"\"time\": \"09:30\""_s)); // pretty, not compact
    QVERIFY(error->isVisible());
    QVERIFY(error->toPlainText().contains(u"\"code\": \"SLOT_TAKEN\""_s));
    QVERIFY(!result->isVisible());
    QCOMPARE(child<QLabel>(u"inspectorTitle"_s)->text(), u"book_appointment"_s);
    QVERIFY(child<QLabel>(u"inspectorSubtitle"_s)->text().contains(u"✕ error"_s));
    // The turn it belongs to is named and links back to the timeline.
    const int turnIndex = m_detail.turnOf(failed);
    QVERIFY(turnIndex >= 0);
    QCOMPARE(timeline()->highlightedItems(), QList<int>{turnIndex});

    QTest::mouseClick(child<QToolButton>(u"inspectorErrorCopy"_s), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), error->toPlainText());
}

void TestCallDetailView::clickingATurnHighlightsTheFunctionsDuringIt()
{
    const int failed = indexOf(m_detail, u"tc_3"_s);
    const int turnIndex = m_detail.turnOf(failed);
    const QList<int> during = m_detail.functionsDuring(turnIndex);
    QVERIFY(during.contains(failed));
    QVERIFY(during.size() >= 2); // the failed booking and the retry's availability check
    QSignalSpy turns(timeline(), &CallTimelineWidget::turnSelected);
    QVERIFY(clickItem(turnIndex));
    QCOMPARE(timeline()->selectedIndex(), turnIndex);
    QCOMPARE(turns.count(), 1);
    QCOMPARE(timeline()->highlightedItems(), during);
    const QString related = child<QLabel>(u"inspectorRelated"_s)->text();
    QVERIFY(related.contains(u"book_appointment"_s));
    QVERIFY(related.contains(u"check_availability"_s));
    QVERIFY(child<QPlainTextEdit>(u"inspectorText"_s)->toPlainText().startsWith(u"Yes, please book"_s));
}

void TestCallDetailView::clickingEmptySpaceClearsTheSelection()
{
    const int turnIndex = m_detail.turnOf(indexOf(m_detail, u"tc_3"_s));
    QVERIFY(clickItem(turnIndex));
    QVERIFY(!timeline()->highlightedItems().isEmpty());
    const QRect rect = timeline()->itemRect(turnIndex);
    QCOMPARE(timeline()->itemAt(QPoint(rect.left() - 12, rect.top() - 1)), -1);
    QTest::mouseClick(timeline()->viewport(), Qt::LeftButton, {}, QPoint(rect.left() - 12, rect.top() - 1));
    QCOMPARE(timeline()->selectedIndex(), -1);
    QVERIFY(timeline()->highlightedItems().isEmpty());
    QVERIFY(child<QLabel>(u"inspectorHint"_s)->isVisible());
}

void TestCallDetailView::keyboardWalksThroughTheItems()
{
    timeline()->setFocus();
    timeline()->setSelectedIndex(5);
    QTest::keyClick(timeline(), Qt::Key_Down);
    QCOMPARE(timeline()->selectedIndex(), 6);
    QTest::keyClick(timeline(), Qt::Key_Up);
    QTest::keyClick(timeline(), Qt::Key_Up);
    QCOMPARE(timeline()->selectedIndex(), 4);
    QTest::keyClick(timeline(), Qt::Key_End);
    const int last = int(m_detail.items.size()) - 1;
    QCOMPARE(timeline()->selectedIndex(), last);
    QVERIFY(!timeline()->itemRect(last).isEmpty()); // scrolled into view
    QTest::keyClick(timeline(), Qt::Key_Escape);
    QCOMPARE(timeline()->selectedIndex(), -1);
}

void TestCallDetailView::ctrlWheelZoomsAroundTheMouseAndFitRestores()
{
    timeline()->fitToCall();
    const double fitted = timeline()->pixelsPerSecond();
    const auto [from, to] = timeline()->scale().visibleRange(timeline()->viewport()->height());
    QVERIFY(from <= 0.0);
    QVERIFY(to >= double(m_detail.spanMs()) - 1.0);

    const QPoint mouse(300, 400);
    const double before = timeline()->offsetAt(mouse);
    wheel(timeline()->viewport(), mouse, 240, Qt::ControlModifier);
    QVERIFY2(timeline()->pixelsPerSecond() > fitted * 1.3,
             qPrintable(QString::number(timeline()->pixelsPerSecond())));
    QVERIFY2(std::abs(timeline()->offsetAt(mouse) - before) < 5.0,
             qPrintable(u"%1 ms under the mouse, %2 before"_s.arg(timeline()->offsetAt(mouse)).arg(before)));

    // A plain wheel scrolls and keeps the zoom.
    const double zoomed = timeline()->pixelsPerSecond();
    const int scroll = timeline()->verticalScrollBar()->value();
    wheel(timeline()->viewport(), mouse, -120, {});
    QCOMPARE(timeline()->pixelsPerSecond(), zoomed);
    QVERIFY(timeline()->verticalScrollBar()->value() > scroll);

    timeline()->setFocus();
    QTest::keyClick(timeline(), Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(timeline()->pixelsPerSecond() < zoomed);
    QTest::keyClick(timeline(), Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(timeline()->pixelsPerSecond(), fitted);
}

void TestCallDetailView::aLiveCallGrowsAndKeepsZoomScrollAndSelection()
{
    CallDetail live = m_detail;
    live.summary.status = CallStatus::InProgress;
    live.summary.outcome.reset();
    live.summary.durationMs.reset();
    live.items.removeIf([](const TimelineItem &item) {
        return item.kind == TimelineItem::Kind::Status && item.status == "ended"_L1;
    });
    m_view->setDetail(live);
    const int failed = indexOf(live, u"tc_3"_s);
    QVERIFY(clickItem(failed));
    wheel(timeline()->viewport(), timeline()->itemRect(failed).center(), 120, Qt::ControlModifier);
    const TimeScale scale = timeline()->scale();
    const QRect where = timeline()->itemRect(failed);
    QVERIFY(!where.isEmpty());

    // A function that started before the failed one arrives late: every index after it shifts; one
    // that is still running is drawn to the end of the axis.
    CallDetail grown = live;
    grown.items << function(u"tc_0"_s, u"greet_caller"_s, FunctionStatus::Success, 3'000, 3'400, "{}", "{}")
                << function(u"tc_7"_s, u"transfer_to_staff"_s, FunctionStatus::Pending,
                            live.spanMs() - 20'000, 0, R"({"reason":"billing question"})", {});
    sortTimeline(grown.items);
    QCOMPARE(grown.items.size(), live.items.size() + 2);
    m_view->setDetail(grown);
    const int moved = indexOf(grown, u"tc_3"_s);
    QCOMPARE(moved, failed + 1);
    QCOMPARE(timeline()->selectedIndex(), moved);
    QCOMPARE(timeline()->scale(), scale);
    QCOMPARE(timeline()->itemRect(moved), where);
    QVERIFY(child<QPlainTextEdit>(u"inspectorError"_s)->toPlainText().contains(u"SLOT_TAKEN"_s));
    const int added = indexOf(grown, u"tc_0"_s);
    timeline()->ensureVisible(added);
    QVERIFY(!timeline()->itemRect(added).isEmpty());
    const int pending = indexOf(grown, u"tc_7"_s);
    QVERIFY(clickItem(pending));
    const int runningFor = int(20'000 / 1000.0 * timeline()->pixelsPerSecond());
    const QRect bar = timeline()->itemRect(pending);
    QVERIFY2(bar.height() >= runningFor - 2 || bar.bottom() >= timeline()->viewport()->height() - 1,
             qPrintable(u"%1 px tall, running for %2 px"_s.arg(bar.height()).arg(runningFor)));
    QVERIFY(child<QLabel>(u"inspectorSubtitle"_s)->text().contains(u"◌ pending"_s));
    QVERIFY(!child<QPlainTextEdit>(u"inspectorResult"_s)->isVisible());
    QVERIFY(!child<QPlainTextEdit>(u"inspectorError"_s)->isVisible());
    QVERIFY(child<QLabel>(u"headerOutcome"_s)->text().contains(u"In progress"_s));
}

void TestCallDetailView::aLiveCallFollowsNewItemsAtTheBottom()
{
    CallDetail live = m_detail;
    live.summary.status = CallStatus::InProgress;
    live.summary.durationMs.reset();
    m_view->setDetail(live);
    timeline()->setScale(TimeScale(40.0));
    QScrollBar *bar = timeline()->verticalScrollBar();
    bar->setValue(bar->maximum());
    QVERIFY(bar->maximum() > 0);

    CallDetail grown = live;
    grown.items << turn(190'000, 3'000, u"agent"_s, u"Are you still there?"_s);
    sortTimeline(grown.items);
    m_view->setDetail(grown);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(!timeline()->itemRect(int(grown.items.size()) - 1).isEmpty());

    // Not at the bottom: the view stays where the user put it.
    bar->setValue(0);
    grown.items << turn(200'000, 3'000, u"user"_s, u"Yes."_s);
    m_view->setDetail(grown);
    QCOMPARE(bar->value(), 0);
}

void TestCallDetailView::anotherCallStartsFresh()
{
    QVERIFY(clickItem(indexOf(m_detail, u"tc_3"_s)));
    CallDetail other = bookingCall();
    other.summary.id = 43;
    QSignalSpy changed(timeline(), &CallTimelineWidget::selectionChanged);
    m_view->setDetail(other);
    QCOMPARE(timeline()->selectedIndex(), -1);
    QCOMPARE(changed.count(), 1);
    QVERIFY(child<QLabel>(u"inspectorHint"_s)->isVisible());
}

void TestCallDetailView::selectFunctionByToolCallId()
{
    child<QTabWidget>(u"callDetailTabs"_s)->setCurrentIndex(1);
    m_view->selectFunction(u"tc_6"_s);
    QCOMPARE(child<QTabWidget>(u"callDetailTabs"_s)->currentIndex(), 0);
    QCOMPARE(timeline()->selectedIndex(), indexOf(m_detail, u"tc_6"_s));
    QVERIFY(!timeline()->itemRect(timeline()->selectedIndex()).isEmpty());
    QVERIFY(child<QLabel>(u"inspectorSubtitle"_s)->text().contains(u"◷ timeout"_s));
    QVERIFY(child<QPlainTextEdit>(u"inspectorError"_s)->toPlainText().contains(u"SMS gateway"_s));
}

void TestCallDetailView::receiptsTabListsEveryReceiptWithItsBody()
{
    CallDetailView view;
    QAbstractItemModelTester tester(view.receipts()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(view.receipts()->model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(view.receipts()->model(), &QAbstractItemModel::modelReset);
    view.setDetail(m_detail);
    auto *table = view.findChild<QTableView *>(u"receiptsTable"_s);
    QVERIFY(table);
    QAbstractItemModel *model = table->model();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model->index(0, 3).data().toString(), u"call_started"_s);
    QCOMPARE(model->index(2, 2).data().toString(), u"Twilio"_s);
    QCOMPARE(model->index(0, 4).data().toString(), u"✓ Verified"_s);
    QCOMPARE(model->index(2, 4).data().toString(), u"⚠ Unsigned"_s);
    QCOMPARE(model->index(1, 1).data().toString(), u"+1:08.4"_s);
    QCOMPARE(model->index(0, 5).data().toString(), u"Processed"_s);

    auto *body = view.findChild<QPlainTextEdit *>(u"receiptBody"_s);
    QVERIFY(body);
    QCOMPARE(table->currentIndex().row(), 0);
    QVERIFY(body->toPlainText().contains(u"\n    \"call\": {\n        \"agent_id\": \"ag_1\""_s));
    table->setCurrentIndex(model->index(2, 0));
    QVERIFY(body->toPlainText().contains(u"CallStatus   = completed"_s));
    QVERIFY(body->toPlainText().contains(u"Caller Name  = Maria Lopez"_s));
    QVERIFY(body->toPlainText().contains(u"From         = +14155550123"_s));
    QVERIFY(view.findChild<QPlainTextEdit *>(u"receiptHeaders"_s)
                ->toPlainText()
                .contains(u"user-agent: provider/1.0"_s));

    // A receipt arriving for the open call is appended; the selected one stays selected.
    CallDetail grown = m_detail;
    grown.receipts << receipt(5, Provider::Retell, u"call_ended"_s, 178'000, R"({"event":"call_ended"})");
    view.setDetail(grown);
    QCOMPARE(reset.count(), 1);    // another call: all rows anew
    QCOMPARE(inserted.count(), 1); // the same call: the new one appended
    QCOMPARE(inserted.first().at(1).toInt(), 4);
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(table->currentIndex().row(), 2);

    view.resize(1280, 860);
    view.findChild<QTabWidget *>(u"callDetailTabs"_s)->setCurrentIndex(1);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    saveScreenshot(&view, u"receipts"_s);
}

void TestCallDetailView::receiptBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("shown");
    QTest::newRow("a JSON object is indented")
        << QByteArray(R"({"a":1,"b":[true]})") << int(ReceiptsView::BodyFormat::Json)
        << u"{\n    \"a\": 1,\n    \"b\": [\n        true\n    ]\n}"_s;
    QTest::newRow("a JSON scalar stays itself")
        << QByteArray("42") << int(ReceiptsView::BodyFormat::Json) << u"42"_s;
    QTest::newRow("a form becomes aligned key = value lines")
        << QByteArray("To=%2B1555&CallStatus=ringing&Note=a+b") << int(ReceiptsView::BodyFormat::Form)
        << u"To         = +1555\nCallStatus = ringing\nNote       = a b"_s;
    QTest::newRow("text that only looks like a form stays text")
        << QByteArray("hello = world & more") << int(ReceiptsView::BodyFormat::Text)
        << u"hello = world & more"_s;
    QTest::newRow("broken JSON stays text")
        << QByteArray(R"({"a":)") << int(ReceiptsView::BodyFormat::Text) << u"{\"a\":"_s;
    QTest::newRow("an empty body is said to be empty")
        << QByteArray(" \n") << int(ReceiptsView::BodyFormat::Empty) << QString();
}

void TestCallDetailView::receiptBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(int, format);
    QFETCH(QString, shown);
    ReceiptsView::BodyFormat found = ReceiptsView::BodyFormat::Empty;
    QCOMPARE(ReceiptsView::prettyBody(body, &found), shown);
    QCOMPARE(int(found), format);
}

void TestCallDetailView::exportBundleWritesTheCallAsJson()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"call.json"_s);
    const auto written = m_view->exportBundle(path);
    QVERIFY2(written.has_value(), written ? "" : qPrintable(written.error()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error{};
    const QJsonObject bundle = QJsonDocument::fromJson(file.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(bundle.value("timeline"_L1).toArray().size(), m_detail.items.size());
    QCOMPARE(bundle.value("receipts"_L1).toArray().size(), 4);
    QCOMPARE(bundle.value("call"_L1).toObject().value("tenant"_L1).toString(), u"bright-smile"_s);
    QCOMPARE(bundle.value("call"_L1).toObject().value("fromNumber"_L1).toString(), u"+14155550123"_s);
}

void TestCallDetailView::exportFailsWithAReason()
{
    const QString path = u"/nonexistent-directory/call.json"_s;
    const auto written = m_view->exportBundle(path);
    QVERIFY(!written.has_value());
    QVERIFY(written.error().contains(path));
    QVERIFY(!m_view->exportPng(u"/nonexistent-directory/call.png"_s).has_value());
}

void TestCallDetailView::exportButtonsAskWhereAndSave()
{
    QTemporaryDir dir;
    QStringList asked;
    QString answer = dir.filePath(u"bundle.json"_s);
    m_view->setFileChooser([&](const QString &, const QString &suggested, const QString &) {
        asked << suggested;
        return answer;
    });
    QTest::mouseClick(child<QToolButton>(u"exportJson"_s), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked.first().endsWith(u"call-7f0c2a1e-0000-4000-8000-000000000042.json"_s));
    QVERIFY(QFile::exists(answer));
    QVERIFY(child<QLabel>(u"exportStatus"_s)->text().contains(u"bundle.json"_s));

    answer = dir.filePath(u"timeline.png"_s);
    QTest::mouseClick(child<QToolButton>(u"exportPng"_s), Qt::LeftButton);
    QVERIFY(QFile::exists(answer));

    // Cancelled: nothing is written.
    answer.clear();
    QTest::mouseClick(child<QToolButton>(u"exportJson"_s), Qt::LeftButton);
    QCOMPARE(asked.size(), 3);
}

void TestCallDetailView::exportPngWritesTheTimeline()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"timeline.png"_s);
    const auto written = m_view->exportPng(path);
    QVERIFY2(written.has_value(), written ? "" : qPrintable(written.error()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(8), QByteArray("\x89PNG\r\n\x1a\n"));
    file.close();
    const QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 1000);
    // The whole call at the current zoom: taller than the screen shows.
    const double pps = timeline()->pixelsPerSecond();
    QVERIFY2(image.height() >= int(m_detail.spanMs() / 1000.0 * pps),
             qPrintable(u"%1 px at %2 px/s"_s.arg(image.height()).arg(pps)));
    // Not blank: the painter drew more than the background.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 20);
    if (const QByteArray dirName = qgetenv("CALLSCOPE_SCREENSHOT_DIR"); !dirName.isEmpty())
        image.save(QString::fromLocal8Bit(dirName) + u"/calldetail-export.png"_s);
}

void TestCallDetailView::tenThousandItemsOpenQuickly()
{
    CallDetail big;
    big.summary.id = 99;
    big.summary.status = CallStatus::Ended;
    big.summary.durationMs = 3'600'000;
    big.summary.startedAt = callStart;
    const QString text =
        u"I would like to change my appointment to another day next week if that is possible."_s;
    for (int i = 0; i < 10'000; ++i) {
        const qint64 at = qint64(i) * 360;
        if (i % 3 == 2)
            big.items << function(u"f%1"_s.arg(i), u"lookup_%1"_s.arg(i % 7),
                                  i % 50 == 2 ? FunctionStatus::Error : FunctionStatus::Success, at, at + 800,
                                  "{}", "{}");
        else
            big.items << turn(at, 300, i % 2 ? u"user"_s : u"agent"_s, text);
        // Every item arrived as a webhook or backend event of its own.
        big.receipts << receipt(
            i + 1, Provider::Backend, u"transcript.segment"_s, at + 400,
            R"({"type":"transcript.segment","text":"I would like to change my appointment"})");
    }
    QElapsedTimer timer;
    timer.start();
    m_view->setDetail(big);
    timeline()->viewport()->repaint();
    const qint64 opened = timer.elapsed();
    qInfo("setDetail + first paint of a call with 10 000 items and 10 000 receipts: %lld ms", opened);
    QVERIFY2(opened < 200, qPrintable(QString::number(opened)));

    // Its receipts tab, a table of 10 000 rows.
    timer.restart();
    child<QTabWidget>(u"callDetailTabs"_s)->setCurrentIndex(1);
    auto *table = child<QTableView>(u"receiptsTable"_s);
    QCoreApplication::sendPostedEvents();
    table->viewport()->repaint();
    const qint64 receipts = timer.elapsed();
    qInfo("receipts tab with 10 000 rows shown in %lld ms", receipts);
    QVERIFY2(receipts < 200, qPrintable(QString::number(receipts)));
    child<QTabWidget>(u"callDetailTabs"_s)->setCurrentIndex(0);

    // Fitted, far out, everything is on screen at once; still one paint.
    timer.restart();
    timeline()->fitToCall();
    timeline()->viewport()->repaint();
    const qint64 fitted = timer.elapsed();
    qInfo("fit + paint of the whole 10 000-item call: %lld ms", fitted);
    QVERIFY2(fitted < 400, qPrintable(QString::number(fitted)));

    // The PNG of all of it: every bubble measured once, the image at most 16 000 pixels tall.
    QTemporaryDir dir;
    timer.restart();
    QVERIFY(m_view->exportPng(dir.filePath(u"big.png"_s)).has_value());
    const qint64 exported = timer.elapsed();
    const QImage image(dir.filePath(u"big.png"_s));
    qInfo("PNG export of the 10 000-item call: %lld ms, %d x %d px", exported, image.width(), image.height());
    QVERIFY(image.height() <= 16'000);
    QVERIFY2(exported < 5'000, qPrintable(QString::number(exported)));
}

void TestCallDetailView::paintsInTheDarkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xd6));
    dark.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
    m_view->setPalette(dark);
    QVERIFY(clickItem(indexOf(m_detail, u"tc_3"_s)));
    const QImage image = timeline()->renderToImage(1000);
    QVERIFY(image.pixelColor(image.width() - 3, image.height() - 3).lightness() < 60);
    // The failed call's red, lightened for a dark background, is there.
    bool red = false;
    for (int y = 0; y < image.height() && !red; ++y) {
        for (int x = 0; x < image.width() && !red; ++x)
            red = image.pixelColor(x, y) == QColor(0xef, 0x53, 0x50);
    }
    QVERIFY(red);
}

void TestCallDetailView::switchesToGermanWhileRunning()
{
    QVERIFY(clickItem(indexOf(m_detail, u"tc_3"_s)));
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::German), u"callscope"_s, u"_"_s, u":/i18n"_s));
    QApplication::installTranslator(&translator);
    auto *tabs = child<QTabWidget>(u"callDetailTabs"_s);
    // LanguageChange is posted: the view retranslates on the next event loop turn.
    QTRY_COMPARE(tabs->tabText(0), u"Zeitleiste"_s);
    QCOMPARE(tabs->tabText(1), u"Eingänge (4)"_s);
    QVERIFY(child<QLabel>(u"headerOutcome"_s)->text().contains(u"Abgeschlossen"_s));
    QCOMPARE(child<QToolButton>(u"exportJson"_s)->text(), u"JSON exportieren…"_s);
    QVERIFY(child<QLabel>(u"inspectorSubtitle"_s)->text().contains(u"✕ Fehler"_s));
    QCOMPARE(timeline()->fitAction()->text(), u"Ganzer Anruf"_s);
    QCOMPARE(m_view->receipts()->model()->headerData(0, Qt::Horizontal).toString(), u"Empfangen"_s);
    saveScreenshot(m_view.get(), u"german"_s);
    QApplication::removeTranslator(&translator);
    QTRY_COMPARE(tabs->tabText(0), u"Timeline"_s);
    QVERIFY(child<QLabel>(u"inspectorSubtitle"_s)->text().contains(u"✕ error"_s));
}

void TestCallDetailView::markupFromWebhooksIsShownAsText()
{
    CallDetail hostile = m_detail;
    hostile.summary.fromNumber = u"<img src=\"http://tracker.example/x.png\">"_s;
    hostile.summary.agent = u"<b>Agent</b>"_s;
    hostile.recordingUrl = u"javascript:alert(1)"_s;
    const int failed = indexOf(hostile, u"tc_3"_s);
    hostile.items[failed].trace.name = u"<a href=\"http://x\">book</a>"_s;
    hostile.items[hostile.turnOf(failed)].text = u"<i>please</i>"_s;
    m_view->setDetail(hostile);
    QCOMPARE(child<QLabel>(u"headerTitle"_s)->textFormat(), Qt::PlainText);
    QVERIFY(child<QLabel>(u"headerAgent"_s)->text().contains(u"&lt;b&gt;Agent&lt;/b&gt;"_s));
    // Only web links become links.
    QVERIFY(!child<QLabel>(u"headerLinks"_s)->text().contains(u"javascript"_s));
    QVERIFY(child<QLabel>(u"headerLinks"_s)->text().contains(u"Provider log"_s));
    QVERIFY(clickItem(failed));
    QCOMPARE(child<QLabel>(u"inspectorTitle"_s)->textFormat(), Qt::PlainText);
    QCOMPARE(child<QLabel>(u"inspectorTitle"_s)->text(), hostile.items[failed].trace.name);
    bool quoted = false;
    for (const QLabel *label : m_view->findChildren<QLabel *>()) {
        if (label->text().contains(u"&lt;i&gt;please&lt;/i&gt;"_s))
            quoted = true;
        QVERIFY2(label->textFormat() == Qt::PlainText || !label->text().contains(u"<i>"_s),
                 qPrintable(label->text()));
    }
    QVERIFY(quoted);
}

QTEST_MAIN(TestCallDetailView)
#include "tst_calldetailview.moc"
