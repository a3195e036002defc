// SPDX-License-Identifier: GPL-3.0-or-later
// callscope-errorshots OUTPUT_DIR [--lang en|de] [--dark]: the real main window in a real X server
// (run it under xvfb-run) on the Errors place of a dental practice's day: a dozen error groups of
// every severity and provider, made as the providers and the practice's backend report them (the
// backend's events through the real POST /api/v1/events parser, the platforms' events through
// ingest): book_appointment_v17 failing 42 times since 10:00 with calendar_unavailable, slow
// availability checks, failed transfers (critical, as the practice configured), dropped LLM
// connections, an unattributed delivery, a call that never ended, a SIP trunk failure that was
// resolved yesterday and came back, an ignored and a resolved group. calendar_unavailable is selected
// with the stack of its latest event unfolded. Saves errors-LANG.png, errors-ignore-LANG.png (the
// Ignore… dialog with a count it refuses) and errors-empty-LANG.png (before the first error), with
// --dark in a dark palette (…-LANG-dark.png); exits non-zero when nothing was drawn.
#include "api/backendevents.h"
#include "errordetailpane.h"
#include "errorsview.h"
#include "ignoreerrordialog.h"
#include "mainwindow.h"
#include "shotsupport.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"
#include "writecontext.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QScreen>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <cstdio>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 second = 1000;
constexpr qint64 minute = 60'000;
constexpr qint64 hour = 3'600'000;

const QString agent = u"Praxis am Markt – Empfang"_s;

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "errorshots: %s\n", qPrintable(what));
    std::exit(1);
}

template<typename T> T done(QFuture<T> future, const char *what)
{
    T result = Test::await(future);
    if (!result)
        fail(QString::fromLatin1(what) + u": "_s + result.error().message);
    return result;
}

struct Clinic
{
    Store *store = nullptr;
    qint64 now = 0;
    int serial = 0;
    QRandomGenerator random{20261125};

    void ingest(const QList<IngestUnit> &units, const char *what)
    {
        done(store->ingest(IngestSubmission{u"default"_s, units}), what);
    }

    QString mobile()
    {
        return u"+49 1%1 %2 %3"_s.arg(51 + random.bounded(30))
            .arg(random.bounded(1000, 9999))
            .arg(random.bounded(1000, 9999));
    }

    // A caller's call on a voice platform, from `start` for `seconds`; `ending` adds to its end
    // (a provider's reason and outcome); without an end when `seconds` is 0.
    QString call(Provider provider, qint64 start, int seconds, const QJsonObject &ending = {},
                 const CallEvents &during = {})
    {
        const QString id = u"%1-call-%2"_s.arg(toString(provider)).arg(++serial);
        CallEvents events;
        events << Test::statusEvent(provider, id, CallStatus::InProgress, start,
                                    {{u"fromNumber"_s, mobile()},
                                     {u"toNumber"_s, u"+49 30 5550 100"_s},
                                     {u"direction"_s, u"inbound"_s},
                                     {u"agent"_s, agent},
                                     {u"startedAt"_s, double(start)}});
        events << during;
        if (seconds > 0) {
            QJsonObject end{{u"endedAt"_s, double(start + seconds * second)},
                            {u"durationMs"_s, double(seconds * second)},
                            {u"reason"_s, u"customer-ended-call"_s}};
            for (auto it = ending.begin(); it != ending.end(); ++it)
                end.insert(it.key(), it.value());
            events << Test::statusEvent(provider, id, CallStatus::Ended, start + seconds * second, end);
        }
        IngestUnit unit = Test::makeUnit(provider, id + u"-events"_s, id, events);
        unit.receipt.receivedAtMs = start + std::max(seconds, 1) * second;
        ingest({unit}, "call");
        return id;
    }

    // One POST /api/v1/events body of the practice's backend, through the real parser.
    void post(const QJsonArray &events)
    {
        const QByteArray body =
            QJsonDocument(QJsonObject{{u"events"_s, events}}).toJson(QJsonDocument::Compact);
        auto units = parseBackendEvents(body, now);
        if (!units)
            fail(u"backend events: "_s + units.error().detail);
        ingest(*units, "backend events");
    }

    QJsonObject event(const QString &type, qint64 at, Provider provider, const QString &callId,
                      QJsonObject fields)
    {
        fields.insert(u"id"_s, u"evt-%1"_s.arg(++serial));
        fields.insert(u"type"_s, type);
        fields.insert(u"occurredAt"_s, iso(at));
        fields.insert(u"call"_s,
                      QJsonObject{{u"provider"_s, toString(provider)}, {u"providerCallId"_s, callId}});
        return fields;
    }

    // A tool call of the agent that the backend reports as failed at `at`.
    void failedTool(Provider provider, const QString &callId, const QString &name, qint64 at, qint64 took,
                    const QJsonObject &error, const QJsonObject &arguments)
    {
        const QString toolCallId = u"tc-%1"_s.arg(++serial);
        post({event(u"tool_call.started"_s, at - took, provider, callId,
                    {{u"toolCallId"_s, toolCallId}, {u"name"_s, name}, {u"arguments"_s, arguments}}),
              event(u"tool_call.failed"_s, at, provider, callId,
                    {{u"toolCallId"_s, toolCallId}, {u"durationMs"_s, double(took)}, {u"error"_s, error}})});
    }

    // An error the backend reports on a call.
    void backendError(Provider provider, const QString &callId, qint64 at, const QString &code,
                      const QString &severity, const QString &message, const QString &type)
    {
        post({event(u"error"_s, at, provider, callId,
                    {{u"code"_s, code},
                     {u"severity"_s, severity},
                     {u"message"_s, message},
                     {u"errorType"_s, type}})});
    }
};

// The practice's day. The German screenshot's data is the same: codes and messages are what the
// systems report, in English.
void simulate(Clinic &clinic)
{
    const qint64 now = clinic.now;
    QRandomGenerator &random = clinic.random;
    // Since 10:00: today's when the day is that far, else yesterday's.
    QDateTime ten = QDateTime::fromMSecsSinceEpoch(now).toLocalTime();
    ten.setTime(QTime(10, 0));
    if (now - ten.toMSecsSinceEpoch() < 2 * hour)
        ten = ten.addDays(-1);
    const qint64 since = ten.toMSecsSinceEpoch();

    // calendar_unavailable: the calendar behind book_appointment_v17 fails 42 times on 31 calls.
    const QString stack = u"CalendarUnavailableError: Calendar API returned 503 Service Unavailable\n"
                          "    at GoogleCalendarClient.insertEvent (src/calendar/google.ts:218:13)\n"
                          "    at async bookAppointment (src/tools/book_appointment.ts:57:22)\n"
                          "    at async handleToolCall (src/server/tools.ts:91:18)"_s;
    const qint64 last = now - 3 * minute;
    for (int c = 0; c < 31; ++c) {
        const qint64 first = since + (last - since) * c / 30;
        const int times = c % 3 == 1 || c == 29 ? 2 : 1; // eleven callers try again: 42 failures
        const qint64 start = first - 40 * second - random.bounded(40) * second;
        const QString callId = clinic.call(Provider::Vapi, start, 150 + random.bounded(90));
        for (int t = 0; t < times; ++t) {
            const qint64 at = std::min(first + t * 25 * second, now - minute);
            const int slotHour = 9 + random.bounded(8);
            clinic.failedTool(
                Provider::Vapi, callId, u"book_appointment_v17"_s, at, 1200 + random.bounded(900),
                QJsonObject{{u"code"_s, u"calendar_unavailable"_s},
                            {u"message"_s, u"Calendar API returned 503 Service Unavailable for slot "
                                           "2026-11-27T%1:30 (practice 4711)"_s.arg(slotHour)},
                            {u"stack"_s, stack}},
                QJsonObject{{u"patient"_s, u"new"_s},
                            {u"treatment"_s, u"check-up"_s},
                            {u"preferredDay"_s, u"Friday"_s}});
        }
    }

    // The practice software answers availability checks too slowly now and then (Ultravox calls).
    for (int i = 0; i < 9; ++i) {
        const qint64 at = now - 23 * hour + i * (22 * hour / 9) + random.bounded(30) * minute;
        const QString callId = clinic.call(Provider::Ultravox, at - 50 * second, 140 + random.bounded(60));
        clinic.failedTool(
            Provider::Ultravox, callId, u"check_availability"_s, at, 8000,
            QJsonObject{{u"code"_s, u"timeout"_s},
                        {u"message"_s, u"No answer from the practice software within 8000 ms"_s}},
            QJsonObject{{u"day"_s, u"2026-11-27"_s}, {u"treatment"_s, u"cleaning"_s}});
    }

    // Transfers to the front desk that nobody took (Retell): critical, as the practice set it.
    for (int i = 0; i < 5; ++i) {
        const qint64 start = now - (9 * hour - i * 95 * minute);
        CallEvent transfer;
        transfer.provider = Provider::Retell;
        transfer.kind = EventKind::FlowTransition;
        transfer.occurredAtMs = start + 95 * second;
        transfer.offsetMs = 95 * second;
        transfer.payload = {{u"from"_s, u"triage"_s},
                            {u"to"_s, u"front_desk"_s},
                            {u"transfer"_s, u"failed"_s},
                            {u"destination"_s, u"+49 30 5550 101"_s}};
        // The call's id is set by call().
        const QString id = u"retell-call-%1"_s.arg(clinic.serial + 1);
        transfer.providerCallId = id;
        clinic.call(Provider::Retell, start, 130, {}, {transfer});
    }

    // Retell lost its LLM connection on three calls.
    for (int i = 0; i < 3; ++i)
        clinic.call(Provider::Retell, now - (14 - i * 5) * hour, 25 + i * 7,
                    {{u"reason"_s, u"error_llm_websocket_open"_s}, {u"outcome"_s, u"failed"_s}});

    // Vapi's model provider failed twice overnight: known, ignored until it happens ten more times.
    for (int i = 0; i < 2; ++i)
        clinic.call(Provider::Vapi, now - (20 - i * 3) * hour, 12,
                    {{u"reason"_s, u"pipeline-error-openai-llm-failed"_s}, {u"outcome"_s, u"failed"_s}});

    // The SIP trunk (LiveKit) failed three times yesterday evening; fixed; and again 25 minutes ago.
    const auto trunk = [&](qint64 at) {
        CallEvent error;
        error.provider = Provider::LiveKit;
        error.kind = EventKind::Error;
        error.occurredAtMs = at;
        error.payload = {
            {u"code"_s, u"SIP_TRUNK_FAILURE"_s},
            {u"severity"_s, u"critical"_s},
            {u"type"_s, u"sip"_s},
            {u"message"_s, u"sip.carrier.example rejected the INVITE: 503 Service Unavailable"_s}};
        const QString id = u"livekit-call-%1"_s.arg(clinic.serial + 1);
        error.providerCallId = id;
        clinic.call(Provider::LiveKit, at - 2 * second, 4, {}, {error});
    };
    for (int i = 0; i < 3; ++i)
        trunk(now - (18 * hour - i * 20 * minute));

    // A delivery for an assistant the practice does not know (a test number, probably).
    for (int i = 0; i < 4; ++i) {
        IngestUnit unit;
        unit.receipt.provider = Provider::Vapi;
        unit.receipt.eventKey = u"vapi-unknown-%1"_s.arg(i);
        unit.receipt.eventType = u"status-update"_s;
        unit.receipt.status = ReceiptStatus::Unattributed;
        unit.receipt.unattributedReason = u"unknown assistant asst_7Hq2Lx%1"_s.arg(i);
        unit.receipt.receivedAtMs = now - (6 * hour - i * 70 * minute);
        unit.receipt.headersJson = R"({"content-type":"application/json"})";
        unit.receipt.body = R"({"message":{"type":"status-update","status":"in-progress"}})";
        clinic.ingest({unit}, "unattributed");
    }

    // A LiveKit call whose end never arrived.
    clinic.call(Provider::LiveKit, now - 3 * hour, 0);

    // The backend's own failures: payment links (Stripe) and reminder texts.
    for (int i = 0; i < 6; ++i) {
        const qint64 at = now - (11 * hour - i * 100 * minute);
        const QString callId = clinic.call(Provider::Vapi, at - 70 * second, 180);
        clinic.backendError(Provider::Vapi, callId, at, u"payment_link_failed"_s, u"medium"_s,
                            u"Stripe returned card_declined for customer cus_9f8a7b%1c"_s.arg(i),
                            u"StripeError"_s);
    }
    for (int i = 0; i < 7; ++i) {
        const qint64 at = now - (21 * hour - i * 150 * minute);
        const QString job = u"reminders-%1"_s.arg(i);
        clinic.backendError(Provider::Backend, job, at, u"reminder_sms_failed"_s, u"low"_s,
                            u"SMS gateway rejected %1: number not reachable"_s.arg(clinic.mobile()),
                            u"SmsGatewayError"_s);
    }

    // Fixed this morning: the insurance lookup (LiveKit calls).
    for (int i = 0; i < 4; ++i) {
        const qint64 at = now - (7 * hour - i * 25 * minute);
        const QString callId = clinic.call(Provider::LiveKit, at - 60 * second, 200);
        clinic.failedTool(Provider::LiveKit, callId, u"lookup_insurance_v3"_s, at, 900,
                          QJsonObject{{u"code"_s, u"tool_error"_s},
                                      {u"message"_s, u"Insurer API answered 401: token expired"_s}},
                          QJsonObject{{u"insurer"_s, u"AOK"_s}});
    }
    // Confirmation e-mails that the mail server turned away.
    for (int i = 0; i < 2; ++i) {
        const qint64 at = now - (4 * hour - i * 90 * minute);
        const QString callId = clinic.call(Provider::Vapi, at - 100 * second, 160);
        clinic.failedTool(Provider::Vapi, callId, u"send_confirmation_email_v2"_s, at, 3000,
                          QJsonObject{{u"code"_s, u"smtp_421"_s},
                                      {u"message"_s, u"421 4.7.0 Too many connections from 203.0.113.24"_s}},
                          QJsonObject{{u"template"_s, u"appointment_confirmed"_s}});
    }
}

qint64 groupOf(StoreReader &reader, TenantId tenant, const QString &code)
{
    auto groups = reader.errorGroups(tenant, ErrorGroupQuery{});
    for (const ErrorGroupRecord &group : groups ? *groups : QList<ErrorGroupRecord>()) {
        if (group.code == code)
            return group.id;
    }
    fail(u"no group "_s + code);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const auto shot = Test::shotArguments("errorshots");
    if (!shot)
        return 2;
    const QString &out = shot->outputDir;
    const QString &lang = shot->language;
    if (shot->dark) {
        QApplication::setStyle(u"Fusion"_s);
        QApplication::setPalette(Test::darkPalette());
    }
    QTranslator translator;
    if (!Test::applyShotLanguage(lang, translator, "errorshots"))
        return 1;
    QDir().mkpath(out);

    QTemporaryDir dir;
    DatabaseUrl url;
    url.backend = DatabaseUrl::Backend::Sqlite;
    url.path = dir.filePath(u"errors.db"_s);
    auto opened = Store::open(url, {});
    if (!opened)
        fail(opened.error().message);
    Store *store = opened->get();
    // The practice treats a transfer nobody took as critical.
    QHash<QString, QString> severities = Store::defaultErrorSeverities();
    severities.insert(u"transfer"_s, u"critical"_s);
    store->setErrorSeverities(severities);
    ShellInfo info;
    info.tenant = u"default"_s;
    info.publicBaseUrl = u"https://hooks.praxis-am-markt.de"_s;
    info.listenAddress = u"127.0.0.1:8787"_s;
    info.databaseDisplay = u"sqlite://"_s + url.path;
    info.secretBackend = u"keychain"_s;
    const QString suffix = u"-"_s + lang + (shot->dark ? u"-dark"_s : QString()) + u".png"_s;
    bool ok = true;
    {
        // Before anything failed.
        MainWindow empty(info);
        empty.attachStore(store);
        empty.resize(1280, 800);
        empty.showPlace(MainWindow::Place::Errors);
        empty.show();
        if (!QTest::qWaitForWindowExposed(&empty))
            fail(u"the window was not exposed"_s);
        ok = Test::saveShot(&empty, out + u"/errors-empty"_s + suffix, "errorshots");
    }

    Clinic clinic{store, QDateTime::currentMSecsSinceEpoch()};
    simulate(clinic);
    const qint64 now = clinic.now;

    auto reader = StoreReader::open(url, {});
    if (!reader)
        fail(reader.error().message);
    const TenantId tenant = (*reader)->tenant(u"default"_s)->id;
    // Resolved yesterday evening, the trunk failed again 25 minutes ago.
    const qint64 trunk = groupOf(**reader, tenant, u"SIP_TRUNK_FAILURE"_s);
    done(store->errorGroupAction(u"default"_s, trunk, Store::ErrorGroupAction::Resolve, u"Jonas Wolf"_s),
         "resolve");
    {
        CallEvent error;
        error.provider = Provider::LiveKit;
        error.providerCallId = u"livekit-call-again"_s;
        error.kind = EventKind::Error;
        error.occurredAtMs = now - 25 * minute;
        error.payload = {
            {u"code"_s, u"SIP_TRUNK_FAILURE"_s},
            {u"severity"_s, u"critical"_s},
            {u"type"_s, u"sip"_s},
            {u"message"_s, u"sip.carrier.example rejected the INVITE: 503 Service Unavailable"_s}};
        CallEvents events{Test::statusEvent(Provider::LiveKit, error.providerCallId, CallStatus::InProgress,
                                            now - 25 * minute - 2 * second,
                                            {{u"fromNumber"_s, clinic.mobile()},
                                             {u"agent"_s, agent},
                                             {u"startedAt"_s, double(now - 25 * minute - 2 * second)}}),
                          error,
                          Test::statusEvent(Provider::LiveKit, error.providerCallId, CallStatus::Ended,
                                            now - 25 * minute + 3 * second,
                                            {{u"endedAt"_s, double(now - 25 * minute + 3 * second)},
                                             {u"durationMs"_s, 5000.0}})};
        clinic.ingest({Test::makeUnit(Provider::LiveKit, u"livekit-again"_s, error.providerCallId, events)},
                      "again");
    }
    const qint64 pipeline = groupOf(**reader, tenant, u"pipeline-error-openai-llm-failed"_s);
    done(store->errorGroupAction(u"default"_s, pipeline, Store::ErrorGroupAction::Ignore, u"Mia Berger"_s,
                                 Store::IgnoreLimits{10, std::nullopt}),
         "ignore");
    const qint64 insurance = groupOf(**reader, tenant, u"tool_error"_s);
    done(store->errorGroupAction(u"default"_s, insurance, Store::ErrorGroupAction::Resolve, u"Mia Berger"_s),
         "resolve");
    // The call whose end never came is flagged by the minute's sweep.
    done(store->sweep(now + minute, now), "sweep");
    // The actions are recorded when they ran (now); the day they tell of was earlier.
    done(store->write<bool>([&](WriteContext &context) -> Store::Result<bool> {
        for (const auto &[sql, values] : std::initializer_list<std::pair<QString, QVariantList>>{
                 {u"UPDATE error_groups SET changed_at = ? WHERE id = ?"_s, {now - 15 * hour, trunk}},
                 {u"UPDATE error_groups SET changed_at = ? WHERE id = ?"_s, {now - 9 * hour, pipeline}},
                 {u"UPDATE error_groups SET changed_at = ? WHERE id = ?"_s, {now - 5 * hour, insurance}}}) {
            if (auto ran = context.execute(sql, values); !ran)
                return std::unexpected(ran.error());
        }
        return true;
    }),
         "backdate");

    MainWindow window(info);
    window.attachStore(store);
    window.resize(1280, 800);
    window.showPlace(MainWindow::Place::Errors);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        fail(u"the window was not exposed"_s);
    ErrorsView *view = window.errorsView();
    // Every group of the day, whatever its status.
    auto *status = view->findChild<QComboBox *>(u"errorStatusFilter"_s);
    status->setCurrentIndex(status->findData(QString()));
    emit status->activated(status->currentIndex());
    const qint64 calendar = groupOf(**reader, tenant, u"calendar_unavailable"_s);
    view->selectGroup(calendar);
    if (view->currentGroupId() != calendar)
        fail(u"calendar_unavailable is not listed"_s);
    const QList<ErrorEventRecord> &samples = view->detailPane()->samples();
    if (samples.isEmpty())
        fail(u"no samples for calendar_unavailable"_s);
    view->detailPane()->setStackShown(samples.first().id, true);
    view->table()->setFocus();
    ok = Test::saveShot(&window, out + u"/errors"_s + suffix, "errorshots") && ok;

    // The Ignore… dialog for the slow availability checks, refusing a count of 0.
    view->selectGroup(groupOf(**reader, tenant, u"timeout"_s));
    IgnoreErrorDialog *dialog = nullptr;
    QObject::connect(view, &ErrorsView::ignoreDialogOpened, view,
                     [&dialog](IgnoreErrorDialog *opened) { dialog = opened; });
    view->ignoreGroup();
    if (!dialog)
        fail(u"no ignore dialog"_s);
    dialog->setMode(IgnoreErrorDialog::Mode::MoreEvents);
    QTest::keyClicks(dialog->countField(), u"0"_s);
    ok = Test::saveShotWithDialog(&window, dialog, out + u"/errors-ignore"_s + suffix, "errorshots") && ok;
    dialog->reject();
    return ok ? 0 : 1;
}
