// SPDX-License-Identifier: GPL-3.0-or-later
// The Callbacks place on real widgets over a real store, as the front desk uses it: the most urgent
// request first and counted in the window, Cancel and Complete through their dialogs, Dial through
// the desktop's URL handler, Open call, Retry now with the real dispatcher against a frontend of the
// test's own, and a refused action reported in the view.
#include "callbackdetailpane.h"
#include "callbackqueueview.h"
#include "callbacks/callbackdispatcher.h"
#include "callbacktextdialog.h"
#include "calldetailview.h"
#include "callspage.h"
#include "fakefrontend.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

struct RequestSpec
{
    QString key;
    QString number;
    QString urgency = u"normal"_s;
    qint64 agoMs = 10 * 60'000;
    QString name;
    QString concern;
    QString callId; // the call it came from on Vapi; empty: none
};

// Receives URLs the way a softphone registered for a scheme would.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void handle(const QUrl &url) { urls << url; }
};

} // namespace

class TestCallbackQueueView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void dialUri_data();
    void dialUri();
    void friendlyEmptyStateUntilTheFirstRequest();
    void criticalFirstCountedInTheWindowAndAnnounced();
    void actionsFollowTheState();
    void cancelAsksForAReasonAndRecordsIt();
    void completeAsksForANoteAndRecordsIt();
    void dialHandsTheLinkToTheSoftphoneAndRecordsIt();
    void openCallShowsItsTimeline();
    void refusedActionIsShownInTheView();
    void retryNowMovesItToPosting();

private:
    void request(const RequestSpec &spec);
    std::unique_ptr<MainWindow> openWindow();
    CallbackQueueView *queue(MainWindow &window);
    QAction *action(CallbackQueueView *view, const char *name);
    void select(CallbackQueueView *view, const QString &name);
    // The dialog the view opened (window-modal), once it is there.
    CallbackTextDialog *dialog(CallbackQueueView *view);
    QList<CallbackHistoryEntry> history(const QString &name);
    CallbackRecord record(const QString &name);

    TestDatabase m_database;
    DatabaseUrl m_url;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
    TenantId m_tenant;
    qint64 m_now = 0;
};

void TestCallbackQueueView::init()
{
    QVERIFY2(m_database.unavailableReason().isEmpty(), qPrintable(m_database.unavailableReason()));
    m_url = m_database.fresh();
    auto store = Store::open(m_url, m_url.password);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
    auto reader = StoreReader::open(m_url, m_url.password);
    QVERIFY2(reader, reader ? "" : qPrintable(reader.error().message));
    m_reader = std::move(*reader);
    m_tenant = m_reader->tenant(u"default"_s)->id;
    m_now = QDateTime::currentMSecsSinceEpoch();
}

void TestCallbackQueueView::cleanup()
{
    m_reader.reset();
    m_store.reset();
}

// A backend's callback.requested, after the call it came from (when there is one).
void TestCallbackQueueView::request(const RequestSpec &spec)
{
    const qint64 at = m_now - spec.agoMs;
    CallEvents events;
    if (!spec.callId.isEmpty())
        events << statusEvent(Provider::Vapi, spec.callId, CallStatus::Ended, at - 1000,
                              {{u"fromNumber"_s, spec.number},
                               {u"startedAt"_s, double(at - 120'000)},
                               {u"durationMs"_s, 119'000.0},
                               {u"endedAt"_s, double(at - 1000)}});
    CallEvent asked;
    asked.provider = Provider::Vapi;
    asked.providerCallId = spec.callId;
    asked.kind = EventKind::CallbackRequested;
    asked.occurredAtMs = at;
    asked.payload = {{u"callbackNumber"_s, spec.number}, {u"urgency"_s, spec.urgency}};
    if (!spec.name.isEmpty())
        asked.payload.insert(u"callerName"_s, spec.name);
    if (!spec.concern.isEmpty())
        asked.payload.insert(u"concern"_s, spec.concern);
    events << asked;
    IngestUnit unit = makeUnit(Provider::Backend, spec.key, spec.callId, events);
    auto result = await(m_store->ingest(IngestSubmission{u"default"_s, {unit}}));
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
}

std::unique_ptr<MainWindow> TestCallbackQueueView::openWindow()
{
    ShellInfo info;
    info.tenant = u"default"_s;
    info.listenAddress = u"127.0.0.1:8787"_s;
    auto window = std::make_unique<MainWindow>(info);
    window->attachStore(m_store.get());
    window->callbackQueueView()->setActor(u"Mia Berger"_s);
    window->resize(1280, 800);
    window->showPlace(MainWindow::Place::Callbacks);
    window->show();
    return window;
}

CallbackQueueView *TestCallbackQueueView::queue(MainWindow &window)
{
    return window.callbackQueueView();
}

QAction *TestCallbackQueueView::action(CallbackQueueView *view, const char *name)
{
    return view->findChild<QAction *>(QString::fromLatin1(name));
}

void TestCallbackQueueView::select(CallbackQueueView *view, const QString &name)
{
    const CallbackQueueModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->requestAt(row).callerName == name) {
            view->table()->setFocus();
            view->table()->selectRow(row);
            QCOMPARE(view->currentUuid(), model->requestAt(row).uuid);
            return;
        }
    }
    QFAIL(qPrintable(u"no row for "_s + name));
}

CallbackTextDialog *TestCallbackQueueView::dialog(CallbackQueueView *view)
{
    CallbackTextDialog *found = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        found = view->findChild<CallbackTextDialog *>();
        return found && found->isVisible();
    });
    return shown ? found : nullptr;
}

QList<CallbackHistoryEntry> TestCallbackQueueView::history(const QString &name)
{
    auto history = m_reader->callbackHistory(m_tenant, record(name).id);
    return history ? *history : QList<CallbackHistoryEntry>();
}

CallbackRecord TestCallbackQueueView::record(const QString &name)
{
    auto all = m_reader->callbacks(m_tenant, CallbackQuery{});
    for (const CallbackRecord &request : all ? *all : QList<CallbackRecord>()) {
        if (request.callerName == name)
            return request;
    }
    return {};
}

void TestCallbackQueueView::dialUri_data()
{
    QTest::addColumn<QString>("uriTemplate");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("uri");
    QTest::newRow("tel keeps the plus and drops the separators")
        << u"tel:{number}"_s << u"+49 (30) 1234-5678"_s << u"tel:+493012345678"_s;
    QTest::newRow("a SIP address around the number")
        << u"sip:{number}@pbx.example"_s << u"+49 151 2345 6789"_s << u"sip:+4915123456789@pbx.example"_s;
    QTest::newRow("a keypad hash is encoded, a star is not")
        << u"tel:{number}"_s << u"030 123*45#"_s << u"tel:030123*45%23"_s;
    QTest::newRow("a plus in the middle is no prefix")
        << u"tel:{number}"_s << u"0049+30"_s << u"tel:004930"_s;
    QTest::newRow("letters only dial nothing") << u"tel:{number}"_s << u"call me"_s << QString();
    QTest::newRow("a template without {number} dials nothing")
        << u"tel:+49301234"_s << u"+4930555"_s << QString();
}

void TestCallbackQueueView::dialUri()
{
    QFETCH(QString, uriTemplate);
    QFETCH(QString, number);
    QFETCH(QString, uri);
    QCOMPARE(CallbackQueueView::dialUri(uriTemplate, number), uri);
}

void TestCallbackQueueView::friendlyEmptyStateUntilTheFirstRequest()
{
    auto window = openWindow();
    CallbackQueueView *view = queue(*window);
    auto *body = view->findChild<QStackedWidget *>();
    QVERIFY(body);
    auto *title = view->findChild<QLabel *>(u"emptyStateTitle"_s);
    QVERIFY(title);
    QTRY_VERIFY(title->isVisible());
    QCOMPARE(title->text(), u"No one is waiting for a callback"_s);
    QVERIFY(!view->table()->isVisible());
    request({u"e1"_s, u"+4930111"_s, u"normal"_s, 60'000, u"Anna Schmidt"_s, u"Invoice question"_s});
    QTRY_VERIFY(view->table()->isVisible());
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->currentUuid(), view->model()->requestAt(0).uuid); // the first request is selected
}

void TestCallbackQueueView::criticalFirstCountedInTheWindowAndAnnounced()
{
    request({u"c1"_s, u"+4930111"_s, u"normal"_s, 50 * 60'000, u"Anna Schmidt"_s, u"Invoice question"_s});
    request({u"c2"_s, u"+4930222"_s, u"critical"_s, 60'000, u"Jonas Weber"_s, u"Transfer failed: pain"_s});
    auto window = openWindow();
    CallbackQueueView *view = queue(*window);
    QCOMPARE(view->model()->rowCount(), 2);
    const QModelIndex first = view->model()->index(0, CallbackQueueModel::Urgency);
    QCOMPARE(first.data().toString(), u"‼ Critical"_s);
    QCOMPARE(view->model()->index(0, CallbackQueueModel::Name).data().toString(), u"Jonas Weber"_s);
    QVERIFY(view->table()->visualRect(first).top() <
            view->table()->visualRect(view->model()->index(1, 0)).top());

    QCOMPARE(window->windowTitle(), u"CallScope — 1 critical callback"_s);
    auto *status = window->findChild<QLabel *>(u"criticalCallbacksStatus"_s);
    QVERIFY(status && status->isVisible());
    QVERIFY2(status->text().contains(u"1 critical callback"_s), qPrintable(status->text()));
    auto *navigation = window->findChild<QListWidget *>(u"navigation"_s);
    QCOMPARE(navigation->item(int(MainWindow::Place::Callbacks))->text(), u"Callbacks"_s);
    QCOMPARE(navigation->item(int(MainWindow::Place::Callbacks))->toolTip(),
             u"1 critical callback is waiting"_s);

    // A new critical request is announced once and counted; the selection stays on its request.
    select(view, u"Anna Schmidt"_s);
    const QString anna = view->currentUuid();
    QSignalSpy arrived(view, &CallbackQueueView::criticalRequestArrived);
    request({u"c3"_s, u"+4930333"_s, u"critical"_s, 30'000, u"Elif Yilmaz"_s, u"Bleeding after surgery"_s});
    QTRY_COMPARE(arrived.size(), 1);
    QCOMPARE(arrived.first().first().value<CallbackRecord>().callerName, u"Elif Yilmaz"_s);
    QCOMPARE(window->windowTitle(), u"CallScope — 2 critical callbacks"_s);
    QCOMPARE(view->openCriticalCount(), 2);
    QCOMPARE(view->currentUuid(), anna);
    QCOMPARE(view->model()->requestAt(2).callerName, u"Anna Schmidt"_s);
}

void TestCallbackQueueView::actionsFollowTheState()
{
    request({u"a1"_s, u"+4930111"_s, u"urgent"_s, 60'000, u"Anna Schmidt"_s, u"Invoice"_s, u"vapi-a1"_s});
    request({u"a2"_s, u"+4930222"_s, u"normal"_s, 30'000, u"Ben Becker"_s, u"Haircut"_s});
    auto window = openWindow();
    CallbackQueueView *view = queue(*window);
    select(view, u"Anna Schmidt"_s);
    QVERIFY(action(view, "dialAction")->isEnabled());
    QVERIFY(!action(view, "retryAction")->isEnabled()); // only a failed or given-up hand-off
    QVERIFY(action(view, "cancelAction")->isEnabled());
    QVERIFY(action(view, "completeAction")->isEnabled());
    QVERIFY(action(view, "openCallAction")->isEnabled());
    select(view, u"Ben Becker"_s);
    QVERIFY(!action(view, "openCallAction")->isEnabled()); // it came from no recorded call
    QCOMPARE(action(view, "dialAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
    QCOMPARE(action(view, "retryAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    QCOMPARE(action(view, "cancelAction")->shortcut(), QKeySequence(QKeySequence::Delete));
    QCOMPARE(action(view, "completeAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
}

void TestCallbackQueueView::cancelAsksForAReasonAndRecordsIt()
{
    request({u"x1"_s, u"+4930111"_s, u"urgent"_s, 60'000, u"Anna Schmidt"_s, u"Invoice question"_s});
    request({u"x2"_s, u"+4930222"_s, u"normal"_s, 30'000, u"Ben Becker"_s, u"Haircut on Friday"_s});
    auto window = openWindow();
    CallbackQueueView *view = queue(*window);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    select(view, u"Anna Schmidt"_s);

    QTest::keyClick(view->table(), Qt::Key_Delete);
    CallbackTextDialog *cancel = dialog(view);
    QVERIFY(cancel);
    QCOMPARE(cancel->kind(), CallbackTextDialog::Kind::Cancel);
    // No reason, no OK; the field says what is missing.
    QVERIFY(!cancel->okButton()->isEnabled());
    auto *problem = cancel->findChild<QLabel *>(u"callbackTextProblem"_s);
    QVERIFY(problem && problem->isVisible());
    QVERIFY(problem->text().startsWith(u"Required"_s));
    QTest::keyClicks(cancel->field(), u"   "_s);
    QVERIFY(!cancel->okButton()->isEnabled());
    cancel->field()->clear();
    QTest::keyClicks(cancel->field(), u"Customer came by in person"_s);
    QVERIFY(cancel->okButton()->isEnabled());
    QVERIFY(problem->text().isEmpty());
    QTest::mouseClick(cancel->okButton(), Qt::LeftButton);

    // It leaves the open list; Ben's request is selected now.
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->requestAt(0).callerName, u"Ben Becker"_s);
    QCOMPARE(record(u"Anna Schmidt"_s).status, u"cancelled"_s);
    QCOMPARE(record(u"Anna Schmidt"_s).cancelReason, u"Customer came by in person"_s);
    const QList<CallbackHistoryEntry> entries = history(u"Anna Schmidt"_s);
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.last().action, u"cancel"_s);
    QCOMPARE(entries.last().detail, u"Customer came by in person"_s);
    QCOMPARE(entries.last().actor, u"Mia Berger"_s);

    // Among the closed requests, its history says who cancelled it and why.
    auto *states = view->findChild<QComboBox *>(u"callbackStateFilter"_s);
    const int closed = states->findData(int(CallbackQueueModel::StateFilter::Closed));
    states->setCurrentIndex(closed);
    emit states->activated(closed);
    QCOMPARE(view->model()->rowCount(), 1);
    select(view, u"Anna Schmidt"_s);
    const QString shown = view->detailPane()->historyText();
    QVERIFY2(shown.contains(u"Mia Berger · Cancelled: Customer came by in person"_s), qPrintable(shown));
    QVERIFY(!action(view, "cancelAction")->isEnabled());
}

void TestCallbackQueueView::completeAsksForANoteAndRecordsIt()
{
    request({u"d1"_s, u"+4930111"_s, u"critical"_s, 60'000, u"Anna Schmidt"_s, u"Toothache"_s});
    auto window = openWindow();
    CallbackQueueView *view = queue(*window);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    select(view, u"Anna Schmidt"_s);
    QTest::keyClick(view->table(), Qt::Key_Return, Qt::ControlModifier);
    CallbackTextDialog *complete = dialog(view);
    QVERIFY(complete);
    QCOMPARE(complete->kind(), CallbackTextDialog::Kind::Complete);
    QVERIFY(!complete->okButton()->isEnabled());
    QTest::keyClicks(complete->field(), u"Appointment booked for today 16:00"_s);
    QTest::keyClick(complete->field(), Qt::Key_Return); // the default button
    QTRY_COMPARE(record(u"Anna Schmidt"_s).status, u"completed"_s);
    QCOMPARE(record(u"Anna Schmidt"_s).resolutionNote, u"Appointment booked for today 16:00"_s);
    QCOMPARE(history(u"Anna Schmidt"_s).last().action, u"complete"_s);
    QCOMPARE(history(u"Anna Schmidt"_s).last().actor, u"Mia Berger"_s);
    QTRY_COMPARE(view->model()->rowCount(), 0);
    QTRY_COMPARE(window->windowTitle(), u"CallScope"_s);
    QCOMPARE(view->findChild<QLabel *>(u"emptyStateTitle"_s)->text(), u"No one is waiting for a callback"_s);
}

void TestCallbackQueueView::dialHandsTheLinkToTheSoftphoneAndRecordsIt()
{
    request(
        {u"p1"_s, u"+49 (30) 1234-5678"_s, u"urgent"_s, 60'000, u"Sabine Hoffmann"_s, u"Move appointment"_s});
    UrlCatcher softphone;
    QDesktopServices::setUrlHandler(u"sip"_s, &softphone, "handle");
    auto window = openWindow();
    CallbackQueueView *view = queue(*window);
    view->setDialUriTemplate(u"sip:{number}@pbx.example"_s);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    select(view, u"Sabine Hoffmann"_s);
    QTest::keyClick(view->table(), Qt::Key_D, Qt::ControlModifier);
    QDesktopServices::unsetUrlHandler(u"sip"_s);
    QCOMPARE(softphone.urls.size(), 1);
    QCOMPARE(softphone.urls.first().toString(), u"sip:+493012345678@pbx.example"_s);
    QTRY_VERIFY(!history(u"Sabine Hoffmann"_s).isEmpty() &&
                history(u"Sabine Hoffmann"_s).last().action == "dial"_L1);
    const CallbackHistoryEntry dialled = history(u"Sabine Hoffmann"_s).last();
    QCOMPARE(dialled.detail, u"sip:+493012345678@pbx.example"_s);
    QCOMPARE(dialled.actor, u"Mia Berger"_s);
    QCOMPARE(record(u"Sabine Hoffmann"_s).status, u"pending"_s); // dialling closes nothing
    QTRY_VERIFY(view->detailPane()->historyText().contains(u"Dialled sip:+493012345678@pbx.example"_s));
}

void TestCallbackQueueView::openCallShowsItsTimeline()
{
    request({u"o1"_s, u"+4930111"_s, u"normal"_s, 60'000, u"Anna Schmidt"_s, u"Invoice"_s, u"vapi-anna"_s});
    request({u"o2"_s, u"+4930222"_s, u"urgent"_s, 30'000, u"Ben Becker"_s, u"Haircut"_s, u"vapi-ben"_s});
    auto window = openWindow();
    CallbackQueueView *view = queue(*window);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    select(view, u"Anna Schmidt"_s);
    const qint64 annaCall = *record(u"Anna Schmidt"_s).callId;
    QSignalSpy opened(view, &CallbackQueueView::openCallRequested);
    QTest::keyClick(view->table(), Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().toLongLong(), annaCall);
    QCOMPARE(window->currentPlace(), MainWindow::Place::Calls);
    auto *detail = qobject_cast<CallDetailView *>(window->callsPage()->tabs()->currentWidget());
    QVERIFY(detail);
    QCOMPARE(detail->detail().summary.id, annaCall);
    QCOMPARE(detail->detail().summary.providerCallId, u"vapi-anna"_s);

    // The detail pane lists the calls a request came from, each openable.
    window->showPlace(MainWindow::Place::Callbacks);
    select(view, u"Ben Becker"_s);
    auto *calls = view->detailPane()->findChild<QLabel *>(u"callbackCalls"_s);
    QVERIFY(calls && calls->isVisible());
    const qint64 benCall = *record(u"Ben Becker"_s).callId;
    QVERIFY(calls->text().contains(u"call:%1"_s.arg(benCall)));
    emit calls->linkActivated(u"call:%1"_s.arg(benCall));
    QCOMPARE(window->currentPlace(), MainWindow::Place::Calls);
    detail = qobject_cast<CallDetailView *>(window->callsPage()->tabs()->currentWidget());
    QVERIFY(detail);
    QCOMPARE(detail->detail().summary.id, benCall);
}

void TestCallbackQueueView::refusedActionIsShownInTheView()
{
    request({u"r1"_s, u"+4930111"_s, u"normal"_s, 60'000, u"Anna Schmidt"_s, u"Invoice"_s});
    auto window = openWindow();
    CallbackQueueView *view = queue(*window);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    select(view, u"Anna Schmidt"_s);
    QTest::keyClick(view->table(), Qt::Key_Delete);
    CallbackTextDialog *cancel = dialog(view);
    QVERIFY(cancel);
    // A colleague completes it meanwhile.
    auto done = await(m_store->callbackAction(u"default"_s, record(u"Anna Schmidt"_s).uuid,
                                              Store::CallbackAction::Complete, u"called back"_s, u"Tom"_s));
    QVERIFY(done);
    QTest::keyClicks(cancel->field(), u"no longer needed"_s);
    QTest::mouseClick(cancel->okButton(), Qt::LeftButton);
    MessageBar *bar = view->messageBar();
    QTRY_VERIFY(bar->isVisible());
    QVERIFY2(bar->text().startsWith(u"Could not cancel the callback for Anna Schmidt: it was changed in the "
                                    "meantime"_s),
             qPrintable(bar->text()));
    QCOMPARE(record(u"Anna Schmidt"_s).status, u"completed"_s);
    // It stays until it is closed.
    QTest::qWait(100);
    QVERIFY(bar->isVisible());
    QTest::mouseClick(bar->findChild<QWidget *>(u"messageBarClose"_s), Qt::LeftButton);
    QVERIFY(!bar->isVisible());
}

// The real dispatcher hands the request to a frontend that answers 500: it fails. Retry now puts it
// back, the dispatcher claims it at once and posts it again; the frontend does not answer this time,
// so it stays posting.
void TestCallbackQueueView::retryNowMovesItToPosting()
{
    FakeFrontend frontend;
    QVERIFY(frontend.listen());
    frontend.setMode(FakeFrontend::Mode::Error);
    DispatcherConfig config;
    config.frontendUrl = frontend.url(u"/hooks/callbacks"_s);
    config.timeout = 60s; // longer than the test: the second post hangs
    config.pollInterval = 1h;
    const auto apiKey = [](const QString &, std::function<void(const QString &)> done) {
        done(u"fk-test"_s);
    };
    auto dispatcher = std::make_unique<CallbackDispatcher>(m_store.get(), config, apiKey);
    request({u"t1"_s, u"+4930111"_s, u"urgent"_s, 60'000, u"Anna Schmidt"_s, u"Invoice"_s});
    auto window = openWindow();
    CallbackQueueView *view = queue(*window);
    dispatcher->start();

    QTRY_COMPARE_WITH_TIMEOUT(record(u"Anna Schmidt"_s).status, u"failed"_s, 15'000);
    QTRY_COMPARE(view->model()->requestAt(0).status, u"failed"_s);
    QCOMPARE(view->model()->index(0, CallbackQueueModel::State).data().toString(), u"⚠ Hand-off failed"_s);
    select(view, u"Anna Schmidt"_s);
    QVERIFY(action(view, "retryAction")->isEnabled());
    frontend.setMode(FakeFrontend::Mode::Hang);
    QTest::keyClick(view->table(), Qt::Key_R, Qt::ControlModifier);

    QTRY_COMPARE_WITH_TIMEOUT(view->model()->requestAt(0).status, u"posting"_s, 15'000);
    QCOMPARE(view->model()->index(0, CallbackQueueModel::State).data().toString(), u"↻ Handing over…"_s);
    QCOMPARE(view->model()->requestAt(0).attempts, 2);
    QTRY_COMPARE_WITH_TIMEOUT(frontend.received().size(), 2, 15000); // claimed (posting) before it is sent
    QVERIFY(!action(view, "retryAction")->isEnabled());
    const QList<CallbackHistoryEntry> entries = history(u"Anna Schmidt"_s);
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const CallbackHistoryEntry &e) {
        return e.action == "retry"_L1 && e.actor == "Mia Berger"_L1;
    }));
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const CallbackHistoryEntry &e) {
        return e.action == "attempt"_L1 && e.attempt == 1 && e.httpStatus == 500;
    }));

    QSignalSpy stopped(dispatcher.get(), &CallbackDispatcher::stopped);
    dispatcher->stop();
    QTRY_VERIFY(!stopped.isEmpty());
}

QTEST_MAIN(TestCallbackQueueView)
#include "tst_callbackqueueview.moc"
