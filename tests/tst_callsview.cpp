// SPDX-License-Identifier: GPL-3.0-or-later
// The Calls place on real widgets over a real store: the welcome page until a call arrives, search
// by a word the caller said, Enter opens the call, clicking the failed function shows its arguments
// and error, and a live event for the open call appears in its timeline.
#include "calldetailview.h"
#include "calllistmodel.h"
#include "callspage.h"
#include "callsview.h"
#include "calltimelinewidget.h"
#include "mainwindow.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"

#include <QApplication>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTabWidget>
#include <QTest>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 day0 = 1'790'000'000'000;

QString callIdOf(int n)
{
    return u"gui-call-%1"_s.arg(n);
}

// An ordinary booking call; call 7 is the one with the rabies question and the failed booking.
IngestUnit callUnit(int n)
{
    const QString id = callIdOf(n);
    const qint64 start = day0 + n * 90'000LL;
    const bool special = n == 7;
    CallEvents events;
    events << statusEvent(Provider::Vapi, id, CallStatus::InProgress, start,
                          {{u"fromNumber"_s, u"+4915112%1"_s.arg(340000 + n)},
                           {u"toNumber"_s, u"+4930555000"_s},
                           {u"direction"_s, u"inbound"_s},
                           {u"agent"_s, u"clinic-reception"_s},
                           {u"startedAt"_s, double(start)}});
    events << transcriptEvent(Provider::Vapi, id, u"agent"_s,
                              u"Good morning, Praxis Sonnenhof, how can I help?"_s, 500, start + 500);
    events << transcriptEvent(Provider::Vapi, id, u"user"_s,
                              special ? u"My dog needs his rabies vaccination on Friday"_s
                                      : u"I would like to book a check-up next week"_s,
                              4'000, start + 4'000);
    for (int f = 0; f < 5; ++f) {
        const QString tc = u"%1-tc%2"_s.arg(id).arg(f);
        const QString name = f == 2 ? u"book_appointment_v2"_s : u"check_availability"_s;
        const qint64 at = 8'000 + f * 6'000;
        events << functionEvent(
            Provider::Vapi, id, EventKind::FunctionStarted, tc, name, at, start + at,
            {{u"arguments"_s, QJsonObject{{u"patient"_s, u"Bello"_s}, {u"slot"_s, u"fri-0930"_s}}}});
        const bool failed = special && f == 2;
        QJsonObject end{{u"status"_s, failed ? u"error"_s : u"success"_s}, {u"durationMs"_s, 1'800}};
        if (failed)
            end.insert(u"error"_s, QJsonObject{{u"code"_s, u"calendar_unavailable"_s},
                                               {u"message"_s, u"The practice calendar did not answer"_s}});
        else
            end.insert(u"result"_s, QJsonObject{{u"ok"_s, true}});
        events << functionEvent(Provider::Vapi, id, EventKind::FunctionFinished, tc, name, at + 1'800,
                                start + at + 1'800, end);
    }
    events << transcriptEvent(Provider::Vapi, id, u"agent"_s, u"Thank you, goodbye."_s, 40'000,
                              start + 40'000);
    if (!special) // call 7 is still running
        events << statusEvent(Provider::Vapi, id, CallStatus::Ended, start + 45'000,
                              {{u"durationMs"_s, 45'000.0}, {u"endedAt"_s, double(start + 45'000)}});
    return makeUnit(Provider::Vapi, id + u"-all"_s, id, events);
}

} // namespace

class TestCallsView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void welcomeUntilTheFirstCallArrives();
    void searchOpenInspectAndGrowLive();
    void newCallAboveKeepsTheRowsOnScreen();
    void ctrlFGoesToTheSearchBox();

private:
    void ingest(const QList<IngestUnit> &units);
    std::unique_ptr<MainWindow> openWindow();

    TestDatabase m_database;
    std::unique_ptr<Store> m_store;
};

void TestCallsView::init()
{
    QVERIFY2(m_database.unavailableReason().isEmpty(), qPrintable(m_database.unavailableReason()));
    const DatabaseUrl url = m_database.fresh();
    auto store = Store::open(url, url.password);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
}

void TestCallsView::cleanup()
{
    m_store.reset();
}

void TestCallsView::ingest(const QList<IngestUnit> &units)
{
    QSignalSpy changed(m_store.get(), &Store::changed);
    auto result = await(m_store->ingest(IngestSubmission{u"default"_s, units}));
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    QVERIFY(waitForCallChange(changed));
}

std::unique_ptr<MainWindow> TestCallsView::openWindow()
{
    ShellInfo info;
    info.tenant = u"default"_s;
    info.listenAddress = u"127.0.0.1:8787"_s;
    auto window = std::make_unique<MainWindow>(info);
    window->attachStore(m_store.get());
    window->resize(1280, 800);
    window->show();
    return window;
}

void TestCallsView::welcomeUntilTheFirstCallArrives()
{
    auto window = openWindow();
    auto *place = window->findChild<QStackedWidget *>(u"callsPlace"_s);
    QVERIFY(place);
    QVERIFY(place->currentWidget() != window->callsPage());
    ingest({callUnit(1)});
    QTRY_COMPARE(place->currentWidget(), window->callsPage());
    QCOMPARE(window->callsPage()->callsView()->model()->rowCount(), 1);
}

void TestCallsView::searchOpenInspectAndGrowLive()
{
    QList<IngestUnit> units;
    for (int n = 0; n < 30; ++n)
        units << callUnit(n);
    ingest(units);
    auto window = openWindow();
    CallsPage *page = window->callsPage();
    CallsView *calls = page->callsView();
    QCOMPARE(calls->model()->rowCount(), 30);

    // Search by a word the caller said.
    QTest::keyClicks(calls->searchBox(), u"rabies"_s);
    QTest::keyClick(calls->searchBox(), Qt::Key_Return);
    QCOMPARE(calls->model()->rowCount(), 1);
    QCOMPARE(calls->model()->callAt(0).providerCallId, callIdOf(7));

    // Enter opens it.
    calls->table()->setFocus();
    calls->table()->setCurrentIndex(calls->model()->index(0, 0));
    QTest::keyClick(calls->table(), Qt::Key_Return);
    QCOMPARE(page->tabs()->count(), 2);
    auto *detail = qobject_cast<CallDetailView *>(page->tabs()->currentWidget());
    QVERIFY(detail);
    QCOMPARE(detail->detail().summary.providerCallId, callIdOf(7));

    // Click the failed function: the inspector shows its arguments and its error.
    CallTimelineWidget *timeline = detail->timeline();
    int failed = -1;
    for (int i = 0; i < detail->detail().items.size(); ++i) {
        const TimelineItem &item = detail->detail().items.at(i);
        if (item.kind == TimelineItem::Kind::Function && item.trace.status == FunctionStatus::Error)
            failed = i;
    }
    QVERIFY(failed >= 0);
    QTRY_VERIFY(timeline->viewport()->isVisible());
    timeline->ensureVisible(failed);
    const QRect bar = timeline->itemRect(failed);
    QVERIFY2(!bar.isEmpty(), "the failed function is not on screen");
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, bar.center());
    QCOMPARE(timeline->selectedIndex(), failed);
    auto *arguments = detail->findChild<QPlainTextEdit *>(u"inspectorArguments"_s);
    auto *error = detail->findChild<QPlainTextEdit *>(u"inspectorError"_s);
    QVERIFY(arguments && error);
    QTRY_VERIFY(arguments->isVisible());
    QVERIFY2(arguments->toPlainText().contains(u"fri-0930"_s), qPrintable(arguments->toPlainText()));
    QVERIFY(error->isVisible());
    QVERIFY2(error->toPlainText().contains(u"calendar_unavailable"_s), qPrintable(error->toPlainText()));

    // A live event for the open call appears in its timeline; the selection stays on the function.
    const qsizetype before = detail->detail().items.size();
    const qint64 start = day0 + 7 * 90'000LL;
    ingest({makeUnit(
        Provider::Vapi, u"late-turn"_s, callIdOf(7),
        {transcriptEvent(Provider::Vapi, callIdOf(7), u"user"_s,
                         u"Could someone call me back about the invoice?"_s, 50'000, start + 50'000)})});
    QTRY_COMPARE(detail->detail().items.size(), before + 1);
    bool found = false;
    for (const TimelineItem &item : detail->detail().items)
        found = found || item.text.contains(u"invoice"_s);
    QVERIFY(found);
    QCOMPARE(timeline->selectedIndex(), failed);
    QCOMPARE(page->tabs()->count(), 2);
}

void TestCallsView::newCallAboveKeepsTheRowsOnScreen()
{
    QList<IngestUnit> units;
    for (int n = 0; n < 80; ++n)
        units << callUnit(n);
    ingest(units);
    auto window = openWindow();
    CallsView *calls = window->callsPage()->callsView();
    QTableView *table = calls->table();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    table->setCurrentIndex(calls->model()->index(40, 0));
    table->scrollTo(calls->model()->index(30, 0), QAbstractItemView::PositionAtTop);
    const qint64 topCall = table->indexAt(QPoint(5, 2)).data(CallListModel::CallIdRole).toLongLong();
    const qint64 selected = calls->currentCallId();
    QVERIFY(topCall != 0);

    QSignalSpy inserted(calls->model(), &QAbstractItemModel::rowsInserted);
    ingest({callUnit(500)});
    QTRY_COMPARE(inserted.size(), 1);
    QTest::qWait(20);
    QCOMPARE(calls->model()->callAt(0).providerCallId, callIdOf(500));
    QCOMPARE(table->indexAt(QPoint(5, 2)).data(CallListModel::CallIdRole).toLongLong(), topCall);
    QCOMPARE(calls->currentCallId(), selected);
}

void TestCallsView::ctrlFGoesToTheSearchBox()
{
    ingest({callUnit(1)});
    auto window = openWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()) || true);
    CallsView *calls = window->callsPage()->callsView();
    calls->table()->setFocus();
    QTest::keyClick(calls->table(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(calls->searchBox()->hasFocus());
}

QTEST_MAIN(TestCallsView)
#include "tst_callsview.moc"
