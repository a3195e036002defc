// SPDX-License-Identifier: GPL-3.0-or-later
// The Errors place on real widgets over a real store, as a support engineer uses it: Resolve from the
// toolbar (the group leaves the unresolved list and is found among the resolved), Ignore… through its
// dialog (a count that is not a positive number refused), Reopen, a refused action reported in the
// view, a call in the detail pane opened at the error on its timeline, and the critical groups
// counted in the status bar.
#include "calldetailview.h"
#include "callspage.h"
#include "calltimelinewidget.h"
#include "errordetailpane.h"
#include "errorsview.h"
#include "ignoreerrordialog.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 minute = 60'000;

struct ErrorSpec
{
    QString key;
    QString code;
    QString severity = u"high"_s;
    QString message;
    QString functionName;
    qint64 agoMs = 10 * minute;
    QString callId; // on Vapi; empty: none
};

// The links ("call:…") a rich text view shows.
QStringList links(const QTextBrowser *view)
{
    QStringList found;
    static const QRegularExpression href(u"href=\"(call:[0-9]+:[0-9]+)\""_s);
    for (auto it = href.globalMatch(view->toHtml()); it.hasNext();)
        found << it.next().captured(1);
    return found;
}

} // namespace

class TestErrorsView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void friendlyEmptyStateUntilTheFirstError();
    void resolveLeavesTheUnresolvedList();
    void actionsFollowTheState();
    void ignoreAsksHowLongAndRefusesAnInvalidCount();
    void ignoreUntilATimeInTheFuture();
    void reopenBringsBackAResolvedGroupAndAcknowledgesARegression();
    void refusedActionIsShownInTheMessageBar();
    void aCallInTheDetailPaneOpensItsTimelineAtTheError();
    void criticalGroupsAreCountedInTheStatusBar();

private:
    void error(const ErrorSpec &spec);
    // A call on Vapi that started `agoMs` ago, whose book_appointment call failed 20 s in.
    void callWithFailedFunction(const QString &callId, qint64 agoMs);
    std::unique_ptr<MainWindow> openWindow();
    QToolButton *button(ErrorsView *view, const char *action);
    void select(ErrorsView *view, const QString &code);
    IgnoreErrorDialog *ignoreDialog(ErrorsView *view);
    ErrorGroupRecord record(const QString &code);
    void setFilter(ErrorsView *view, const char *name, const QVariant &data);

    TestDatabase m_database;
    DatabaseUrl m_url;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
    TenantId m_tenant;
    qint64 m_now = 0;
};

void TestErrorsView::init()
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

void TestErrorsView::cleanup()
{
    m_reader.reset();
    m_store.reset();
}

// A backend's error event, through ingest.
void TestErrorsView::error(const ErrorSpec &spec)
{
    const qint64 at = m_now - spec.agoMs;
    CallEvents events;
    // A call that is not known yet starts a minute before its error.
    if (!spec.callId.isEmpty() && !m_reader->callByProviderId(m_tenant, Provider::Vapi, spec.callId))
        events << statusEvent(Provider::Vapi, spec.callId, CallStatus::InProgress, at - 60'000,
                              {{u"fromNumber"_s, u"+49 30 1234 5678"_s},
                               {u"agent"_s, u"Reception"_s},
                               {u"startedAt"_s, double(at - 60'000)}});
    CallEvent event;
    event.provider = spec.callId.isEmpty() ? Provider::Backend : Provider::Vapi;
    event.providerCallId = spec.callId;
    event.kind = EventKind::Error;
    event.occurredAtMs = at;
    event.payload = {{u"code"_s, spec.code}, {u"severity"_s, spec.severity}, {u"message"_s, spec.message}};
    if (!spec.functionName.isEmpty())
        event.payload.insert(u"functionName"_s, spec.functionName);
    events << event;
    auto result = await(m_store->ingest(
        IngestSubmission{u"default"_s, {makeUnit(Provider::Backend, spec.key, spec.callId, events)}}));
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
}

void TestErrorsView::callWithFailedFunction(const QString &callId, qint64 agoMs)
{
    const qint64 start = m_now - agoMs;
    CallEvents events;
    events << statusEvent(Provider::Vapi, callId, CallStatus::InProgress, start,
                          {{u"fromNumber"_s, u"+49 171 445 5667"_s},
                           {u"agent"_s, u"Reception"_s},
                           {u"startedAt"_s, double(start)}});
    events << transcriptEvent(Provider::Vapi, callId, u"user"_s, u"I'd like an appointment on Friday"_s,
                              8'000, start + 8'000);
    events << functionEvent(Provider::Vapi, callId, EventKind::FunctionStarted, callId + u"-tc"_s,
                            u"book_appointment_v17"_s, 15'000, start + 15'000);
    events << functionEvent(
        Provider::Vapi, callId, EventKind::FunctionFinished, callId + u"-tc"_s, u"book_appointment_v17"_s,
        20'000, start + 20'000,
        {{u"status"_s, u"error"_s},
         {u"error"_s, QJsonObject{{u"code"_s, u"calendar_unavailable"_s},
                                  {u"message"_s, u"Calendar API returned 503"_s},
                                  {u"stack"_s, u"at Calendar.book (calendar.ts:42)"_s}}}});
    auto result = await(m_store->ingest(
        IngestSubmission{u"default"_s, {makeUnit(Provider::Vapi, callId + u"-events"_s, callId, events)}}));
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
}

std::unique_ptr<MainWindow> TestErrorsView::openWindow()
{
    ShellInfo info;
    info.tenant = u"default"_s;
    info.listenAddress = u"127.0.0.1:8787"_s;
    auto window = std::make_unique<MainWindow>(info);
    window->attachStore(m_store.get());
    window->errorsView()->setActor(u"Mia Berger"_s);
    window->resize(1280, 800);
    window->showPlace(MainWindow::Place::Errors);
    window->show();
    return window;
}

QToolButton *TestErrorsView::button(ErrorsView *view, const char *action)
{
    return view->findChild<QToolButton *>(QString::fromLatin1(action) + u"Button"_s);
}

void TestErrorsView::select(ErrorsView *view, const QString &code)
{
    const ErrorGroupModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->groupAt(row).code == code) {
            view->table()->setFocus();
            view->table()->selectRow(row);
            QCOMPARE(view->currentGroupId(), model->groupAt(row).id);
            return;
        }
    }
    QFAIL(qPrintable(u"no row for "_s + code));
}

IgnoreErrorDialog *TestErrorsView::ignoreDialog(ErrorsView *view)
{
    IgnoreErrorDialog *found = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        found = view->findChild<IgnoreErrorDialog *>();
        return found && found->isVisible();
    });
    return shown ? found : nullptr;
}

ErrorGroupRecord TestErrorsView::record(const QString &code)
{
    auto all = m_reader->errorGroups(m_tenant, ErrorGroupQuery{});
    for (const ErrorGroupRecord &group : all ? *all : QList<ErrorGroupRecord>()) {
        if (group.code == code)
            return group;
    }
    return {};
}

void TestErrorsView::setFilter(ErrorsView *view, const char *name, const QVariant &data)
{
    auto *box = view->findChild<QComboBox *>(QString::fromLatin1(name));
    QVERIFY(box);
    const int index = box->findData(data);
    QVERIFY2(index >= 0, name);
    box->setCurrentIndex(index);
    emit box->activated(index);
}

void TestErrorsView::friendlyEmptyStateUntilTheFirstError()
{
    auto window = openWindow();
    ErrorsView *view = window->errorsView();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto *title = view->findChild<QLabel *>(u"emptyStateTitle"_s);
    QVERIFY(title);
    QTRY_VERIFY(title->isVisible());
    QCOMPARE(title->text(), u"No errors"_s);
    QVERIFY(!view->table()->isVisible());
    error({u"e1"_s, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment"_s});
    QTRY_VERIFY(view->table()->isVisible());
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->currentGroupId(), view->model()->groupAt(0).id); // the first group is selected
    QCOMPARE(view->findChild<QLabel *>(u"errorCount"_s)->text(), u"1 error group"_s);
}

void TestErrorsView::resolveLeavesTheUnresolvedList()
{
    error({u"r1"_s, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment"_s,
           20 * minute});
    error({u"r2"_s, u"slot_taken"_s, u"medium"_s, u"Slot taken"_s, u"check_availability"_s, 10 * minute});
    auto window = openWindow();
    ErrorsView *view = window->errorsView();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QCOMPARE(view->model()->rowCount(), 2);
    select(view, u"calendar_unavailable"_s);
    QVERIFY(button(view, "resolveErrorAction")->isEnabled());
    QTest::mouseClick(button(view, "resolveErrorAction"), Qt::LeftButton);

    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->groupAt(0).code, u"slot_taken"_s);
    QCOMPARE(view->currentGroupId(), view->model()->groupAt(0).id);
    const ErrorGroupRecord resolved = record(u"calendar_unavailable"_s);
    QCOMPARE(resolved.status, u"resolved"_s);
    QCOMPARE(resolved.changedBy, u"Mia Berger"_s);
    QCOMPARE(view->findChild<QLabel *>(u"errorCount"_s)->text(), u"1 error group"_s);

    // Among the resolved groups it is listed, with who resolved it.
    setFilter(view, "errorStatusFilter", u"resolved"_s);
    QCOMPARE(view->model()->rowCount(), 1);
    select(view, u"calendar_unavailable"_s);
    QCOMPARE(view->model()->index(0, ErrorGroupModel::Status).data().toString(), u"✓ Resolved"_s);
    const QString facts = view->detailPane()->findChild<QLabel *>(u"errorDetailFacts"_s)->text();
    QVERIFY2(facts.contains(u"Resolved by Mia Berger"_s), qPrintable(facts));
    QVERIFY(!button(view, "resolveErrorAction")->isEnabled());
}

void TestErrorsView::actionsFollowTheState()
{
    error({u"a1"_s, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment"_s});
    auto window = openWindow();
    ErrorsView *view = window->errorsView();
    const auto enabled = [&](const char *action) { return button(view, action)->isEnabled(); };
    select(view, u"calendar_unavailable"_s);
    QVERIFY(enabled("resolveErrorAction"));
    QVERIFY(enabled("ignoreErrorAction"));
    QVERIFY(!enabled("reopenErrorAction")); // unresolved, and no regression to acknowledge

    const qint64 id = record(u"calendar_unavailable"_s).id;
    QVERIFY(await(m_store->errorGroupAction(u"default"_s, id, Store::ErrorGroupAction::Ignore, u"Tom"_s)));
    setFilter(view, "errorStatusFilter", QString()); // any status
    QTRY_COMPARE(view->model()->groupAt(0).status, u"ignored"_s);
    select(view, u"calendar_unavailable"_s);
    QVERIFY(enabled("resolveErrorAction"));
    QVERIFY(!enabled("ignoreErrorAction"));
    QVERIFY(enabled("reopenErrorAction"));

    QVERIFY(await(m_store->errorGroupAction(u"default"_s, id, Store::ErrorGroupAction::Resolve, u"Tom"_s)));
    QTRY_COMPARE(view->model()->groupAt(0).status, u"resolved"_s);
    QVERIFY(!enabled("resolveErrorAction"));
    QVERIFY(enabled("ignoreErrorAction"));
    QVERIFY(enabled("reopenErrorAction"));
}

void TestErrorsView::ignoreAsksHowLongAndRefusesAnInvalidCount()
{
    for (int i = 0; i < 4; ++i)
        error({u"i%1"_s.arg(i), u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s,
               u"book_appointment"_s, (20 - i) * minute});
    error({u"i9"_s, u"slot_taken"_s, u"medium"_s, u"Slot taken"_s, u"check_availability"_s, 30 * minute});
    auto window = openWindow();
    ErrorsView *view = window->errorsView();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    select(view, u"calendar_unavailable"_s);
    QTest::keyClick(view->table(), Qt::Key_I, Qt::ControlModifier);
    IgnoreErrorDialog *dialog = ignoreDialog(view);
    QVERIFY(dialog);
    // Forever is the default, and valid.
    QCOMPARE(dialog->mode(), IgnoreErrorDialog::Mode::Forever);
    QVERIFY(dialog->okButton()->isEnabled());

    auto *byCount = dialog->findChild<QRadioButton *>(u"ignoreUntilCount"_s);
    auto *problem = dialog->findChild<QLabel *>(u"ignoreProblem"_s);
    QVERIFY(byCount && problem);
    QTest::mouseClick(byCount, Qt::LeftButton, {}, QPoint(8, byCount->height() / 2));
    QCOMPARE(dialog->mode(), IgnoreErrorDialog::Mode::MoreEvents);
    QVERIFY(!dialog->okButton()->isEnabled()); // how many is not said yet
    QVERIFY(!problem->text().isEmpty());
    for (const QString &wrong : {u"0"_s, u"-3"_s, u"abc"_s, u"2.5"_s}) {
        dialog->countField()->clear();
        QTest::keyClicks(dialog->countField(), wrong);
        QVERIFY2(!dialog->okButton()->isEnabled(), qPrintable(wrong));
        QVERIFY2(problem->text().contains(u"greater than 0"_s), qPrintable(problem->text()));
    }
    // Return does not accept it either.
    QTest::keyClick(dialog->countField(), Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    dialog->countField()->clear();
    QTest::keyClicks(dialog->countField(), u"3"_s);
    QVERIFY(dialog->okButton()->isEnabled());
    QVERIFY(problem->text().isEmpty());
    QCOMPARE(dialog->limits().moreEvents, std::optional<qint64>(3));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    QTRY_COMPARE(record(u"calendar_unavailable"_s).status, u"ignored"_s);
    const ErrorGroupRecord ignored = record(u"calendar_unavailable"_s);
    QCOMPARE(ignored.ignoreUntilCount, std::optional<qint64>(4 + 3));
    QCOMPARE(ignored.changedBy, u"Mia Berger"_s);
    QTRY_COMPARE(view->model()->rowCount(), 1);
    setFilter(view, "errorStatusFilter", u"ignored"_s);
    QCOMPARE(view->model()->rowCount(), 1);
    select(view, u"calendar_unavailable"_s);
    const QString facts = view->detailPane()->findChild<QLabel *>(u"errorDetailFacts"_s)->text();
    QVERIFY2(facts.contains(u"until it happens 3 more times"_s), qPrintable(facts));
}

void TestErrorsView::ignoreUntilATimeInTheFuture()
{
    error({u"t1"_s, u"slot_taken"_s, u"medium"_s, u"Slot taken"_s, u"check_availability"_s});
    auto window = openWindow();
    ErrorsView *view = window->errorsView();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    select(view, u"slot_taken"_s);
    QTest::mouseClick(button(view, "ignoreErrorAction"), Qt::LeftButton);
    IgnoreErrorDialog *dialog = ignoreDialog(view);
    QVERIFY(dialog);
    dialog->setMode(IgnoreErrorDialog::Mode::Until);
    QVERIFY(dialog->okButton()->isEnabled()); // tomorrow at this time, to begin with
    dialog->timeField()->setDateTime(QDateTime::fromMSecsSinceEpoch(m_now - 3'600'000));
    QVERIFY(!dialog->okButton()->isEnabled());
    QCOMPARE(dialog->problem(), u"Choose a time in the future."_s);
    const QDateTime until = QDateTime::fromMSecsSinceEpoch(m_now + 2 * 24 * 3'600'000LL).toLocalTime();
    dialog->timeField()->setDateTime(until);
    QVERIFY(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_COMPARE(record(u"slot_taken"_s).status, u"ignored"_s);
    QVERIFY(record(u"slot_taken"_s).ignoreUntil.has_value());
    // The field shows minutes: the time is the one chosen, to the minute.
    QVERIFY(std::abs(*record(u"slot_taken"_s).ignoreUntil - until.toMSecsSinceEpoch()) < 60'000);
    QTRY_COMPARE(view->model()->rowCount(), 0);
    QCOMPARE(view->findChild<QLabel *>(u"emptyStateTitle"_s)->text(), u"No unresolved errors"_s);
}

void TestErrorsView::reopenBringsBackAResolvedGroupAndAcknowledgesARegression()
{
    error({u"o1"_s, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment"_s,
           30 * minute});
    const qint64 id = record(u"calendar_unavailable"_s).id;
    QVERIFY(await(m_store->errorGroupAction(u"default"_s, id, Store::ErrorGroupAction::Resolve, u"Tom"_s)));
    auto window = openWindow();
    ErrorsView *view = window->errorsView();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QCOMPARE(view->model()->rowCount(), 0);
    setFilter(view, "errorStatusFilter", u"resolved"_s);
    select(view, u"calendar_unavailable"_s);
    QTest::mouseClick(button(view, "reopenErrorAction"), Qt::LeftButton);
    QTRY_COMPARE(view->model()->rowCount(), 0); // it left the resolved list
    QCOMPARE(record(u"calendar_unavailable"_s).status, u"unresolved"_s);
    setFilter(view, "errorStatusFilter", u"unresolved"_s);
    QCOMPARE(view->model()->rowCount(), 1);

    // Resolved again, it happens again: back as a regression, which Reopen acknowledges.
    QVERIFY(await(m_store->errorGroupAction(u"default"_s, id, Store::ErrorGroupAction::Resolve, u"Tom"_s)));
    QTRY_COMPARE(view->model()->rowCount(), 0);
    error({u"o2"_s, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment"_s, minute});
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QVERIFY(view->model()->groupAt(0).regression);
    QCOMPARE(view->model()->index(0, ErrorGroupModel::Status).data().toString(),
             u"● Unresolved\n↺ Regression"_s);
    select(view, u"calendar_unavailable"_s);
    QVERIFY(button(view, "reopenErrorAction")->isEnabled());
    QTest::mouseClick(button(view, "reopenErrorAction"), Qt::LeftButton);
    QTRY_VERIFY(!view->model()->groupAt(0).regression);
    QCOMPARE(view->model()->index(0, ErrorGroupModel::Status).data().toString(), u"● Unresolved"_s);
    QVERIFY(!button(view, "reopenErrorAction")->isEnabled());
}

void TestErrorsView::refusedActionIsShownInTheMessageBar()
{
    error({u"x1"_s, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment"_s});
    auto window = openWindow();
    ErrorsView *view = window->errorsView();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    select(view, u"calendar_unavailable"_s);
    QTest::mouseClick(button(view, "ignoreErrorAction"), Qt::LeftButton);
    IgnoreErrorDialog *dialog = ignoreDialog(view);
    QVERIFY(dialog);
    // A colleague ignores it meanwhile.
    QVERIFY(await(m_store->errorGroupAction(u"default"_s, record(u"calendar_unavailable"_s).id,
                                            Store::ErrorGroupAction::Ignore, u"Tom"_s)));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    MessageBar *bar = view->messageBar();
    QTRY_VERIFY(bar->isVisible());
    QVERIFY2(
        bar->text().startsWith(u"Could not ignore “calendar_unavailable”: it was changed in the meantime"_s),
        qPrintable(bar->text()));
    QCOMPARE(record(u"calendar_unavailable"_s).changedBy, u"Tom"_s);
    // It stays until it is closed.
    QTest::qWait(100);
    QVERIFY(bar->isVisible());
    QTest::mouseClick(bar->findChild<QWidget *>(u"messageBarClose"_s), Qt::LeftButton);
    QVERIFY(!bar->isVisible());
}

void TestErrorsView::aCallInTheDetailPaneOpensItsTimelineAtTheError()
{
    callWithFailedFunction(u"vapi-anna"_s, 30 * minute);
    callWithFailedFunction(u"vapi-ben"_s, 10 * minute);
    // A backend error 42 s into Anna's call (reported with its time, not an offset).
    error({u"p1"_s, u"payment_declined"_s, u"medium"_s, u"Card declined"_s, QString(), 30 * minute - 42'000,
           u"vapi-anna"_s});
    auto window = openWindow();
    ErrorsView *view = window->errorsView();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    select(view, u"calendar_unavailable"_s);
    QCOMPARE(view->model()->groupAt(view->model()->rowOfGroup(view->currentGroupId())).affectedCalls, 2);

    // The calls it happened on, newest first, each a link.
    auto *calls = view->detailPane()->findChild<QTextBrowser *>(u"errorCalls"_s);
    QVERIFY(calls && calls->isVisible());
    const QStringList callLinks = links(calls);
    QCOMPARE(callLinks.size(), 2);
    const qint64 anna = m_reader->callByProviderId(m_tenant, Provider::Vapi, u"vapi-anna"_s)->id;
    QVERIFY2(callLinks.at(1).startsWith(u"call:%1:"_s.arg(anna)), qPrintable(callLinks.join(u' ')));
    QVERIFY(calls->toPlainText().contains(u"+49 171 445 5667"_s));
    QVERIFY(calls->toPlainText().contains(u"Reception"_s));

    QSignalSpy opened(view, &ErrorsView::openCallRequested);
    emit calls->anchorClicked(QUrl(callLinks.at(1)));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().at(0).toLongLong(), anna);
    QCOMPARE(window->currentPlace(), MainWindow::Place::Calls);
    auto *detail = qobject_cast<CallDetailView *>(window->callsPage()->tabs()->currentWidget());
    QVERIFY(detail);
    QCOMPARE(detail->detail().summary.id, anna);
    // The failed function is selected on the timeline.
    const int selected = detail->timeline()->selectedIndex();
    QVERIFY(selected >= 0);
    const TimelineItem &item = detail->detail().items.at(selected);
    QCOMPARE(int(item.kind), int(TimelineItem::Kind::Function));
    QCOMPARE(item.trace.name, u"book_appointment_v17"_s);
    QCOMPARE(int(item.trace.status), int(FunctionStatus::Error));

    // The sample events: as reported (the function with its version), with the stack on request and
    // their call one click away.
    window->showPlace(MainWindow::Place::Errors);
    auto *samples = view->detailPane()->findChild<QTextBrowser *>(u"errorSamples"_s);
    QVERIFY(samples->toPlainText().contains(u"book_appointment_v17"_s));
    QVERIFY(samples->toPlainText().contains(u"Calendar API returned 503"_s));
    QVERIFY(!samples->toPlainText().contains(u"calendar.ts:42"_s));
    const qint64 newest = view->detailPane()->samples().first().id;
    emit samples->anchorClicked(QUrl(u"stack:%1"_s.arg(newest)));
    QVERIFY(samples->toPlainText().contains(u"at Calendar.book (calendar.ts:42)"_s));
    QVERIFY(samples->toPlainText().contains(u"call at 0:20"_s));

    // The backend's error is placed on Anna's timeline by its time: 42 s in.
    select(view, u"payment_declined"_s);
    const QStringList sampleLinks = links(samples);
    QCOMPARE(sampleLinks.size(), 1);
    QVERIFY(samples->toPlainText().contains(u"call at 0:42"_s));
    emit samples->anchorClicked(QUrl(sampleLinks.first()));
    QCOMPARE(window->currentPlace(), MainWindow::Place::Calls);
    detail = qobject_cast<CallDetailView *>(window->callsPage()->tabs()->currentWidget());
    QCOMPARE(detail->detail().summary.id, anna);
    const TimelineItem &marker = detail->detail().items.at(detail->timeline()->selectedIndex());
    QCOMPARE(int(marker.kind), int(TimelineItem::Kind::Error));
    QCOMPARE(marker.code, u"payment_declined"_s);
    QCOMPARE(marker.offsetMs, qint64(42'000));

    // Enter on a group opens the call of its latest event: Ben's.
    window->showPlace(MainWindow::Place::Errors);
    select(view, u"calendar_unavailable"_s);
    QTest::keyClick(view->table(), Qt::Key_Return);
    QCOMPARE(window->currentPlace(), MainWindow::Place::Calls);
    detail = qobject_cast<CallDetailView *>(window->callsPage()->tabs()->currentWidget());
    QCOMPARE(detail->detail().summary.providerCallId, u"vapi-ben"_s);
    QCOMPARE(detail->detail().items.at(detail->timeline()->selectedIndex()).trace.name,
             u"book_appointment_v17"_s);
}

void TestErrorsView::criticalGroupsAreCountedInTheStatusBar()
{
    error({u"c1"_s, u"no_answer"_s, u"critical"_s, u"Nobody answered the transfer"_s, u"transfer_to_staff"_s,
           30 * minute});
    error({u"c2"_s, u"sip_trunk_failure"_s, u"critical"_s, u"SIP trunk down"_s, QString(), 20 * minute});
    error({u"c3"_s, u"calendar_unavailable"_s, u"high"_s, u"Calendar down"_s, u"book_appointment"_s,
           10 * minute});
    auto window = openWindow();
    window->showPlace(MainWindow::Place::Calls);
    ErrorsView *view = window->errorsView();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto *status = window->findChild<QLabel *>(u"criticalErrorsStatus"_s);
    QVERIFY(status && status->isVisible());
    QVERIFY2(status->text().contains(u"2 critical errors"_s), qPrintable(status->text()));
    auto *navigation = window->findChild<QListWidget *>(u"navigation"_s);
    QListWidgetItem *errors = navigation->item(int(MainWindow::Place::Errors));
    QCOMPARE(errors->text(), u"Errors"_s);
    QCOMPARE(errors->toolTip(), u"2 critical errors are unresolved"_s);
    QCOMPARE(errors->data(Qt::UserRole + 1).toInt(), 2);
    // The callbacks' count is a different thing.
    QCOMPARE(window->windowTitle(), u"CallScope"_s);
    QVERIFY(!window->findChild<QLabel *>(u"criticalCallbacksStatus"_s)->isVisible());

    // The link shows the critical ones.
    emit status->linkActivated(u"errors"_s);
    QCOMPARE(window->currentPlace(), MainWindow::Place::Errors);
    QCOMPARE(view->model()->severityFilter(), u"critical"_s);
    QCOMPARE(view->model()->statusFilter(), u"unresolved"_s);
    QCOMPARE(view->model()->rowCount(), 2);

    // Resolving one counts it out; a new critical group counts in and is announced.
    QSignalSpy appeared(view, &ErrorsView::criticalGroupsAppeared);
    select(view, u"no_answer"_s);
    QTest::mouseClick(button(view, "resolveErrorAction"), Qt::LeftButton);
    QTRY_VERIFY2(status->text().contains(u"⚠ 1 critical error</a>"_s), qPrintable(status->text()));
    QCOMPARE(errors->toolTip(), u"1 critical error is unresolved"_s);
    error({u"c4"_s, u"emergency_transfer_failed"_s, u"critical"_s, u"Transfer to the on-call doctor failed"_s,
           u"transfer_to_staff"_s, minute});
    QTRY_COMPARE(appeared.size(), 1);
    QCOMPARE(appeared.first().first().value<QList<ErrorGroupRecord>>().first().code,
             u"emergency_transfer_failed"_s);
    QTRY_VERIFY(status->text().contains(u"2 critical errors"_s));
    QCOMPARE(view->criticalCount(), 2);

    // Resolved, the last ones leave the status bar.
    for (const QString &code : {u"sip_trunk_failure"_s, u"emergency_transfer_failed"_s})
        QVERIFY(await(m_store->errorGroupAction(u"default"_s, record(code).id,
                                                Store::ErrorGroupAction::Resolve, u"Tom"_s)));
    QTRY_VERIFY(!status->isVisible());
    QCOMPARE(errors->data(Qt::UserRole + 1).toInt(), 0);
}

QTEST_MAIN(TestErrorsView)
#include "tst_errorsview.moc"
