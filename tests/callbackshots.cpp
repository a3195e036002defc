// SPDX-License-Identifier: GPL-3.0-or-later
// callscope-callbackshots OUTPUT_DIR [--lang en|de]: the real main window in a real X server (run it
// under xvfb-run) on the Callbacks place of a dental practice's morning: a dozen requests of every
// urgency and state, made as the practice's backend reports them (POST /api/v1/events bodies through
// the real parser and ingest) and moved through hand-offs with the dispatcher's own store calls
// (posted, failed with an error, given up, one posting now), merged, cancelled and completed. The
// failed one is selected, so the detail pane shows its history. Saves callbacks-LANG.png,
// callbacks-cancel-LANG.png (the cancel dialog) and callbacks-empty-LANG.png (before the first
// request), with --dark in a dark palette (…-LANG-dark.png); exits non-zero when nothing was drawn.
#include "api/backendevents.h"
#include "callbackqueueview.h"
#include "mainwindow.h"
#include "shotsupport.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"
#include "writecontext.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QScreen>
#include <QSet>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <chrono>
#include <cstdio>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

const qint64 minute = 60'000;

bool german = false;

QString tr2(const char *en, const char *de)
{
    return QString::fromUtf8(german ? de : en);
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "callbackshots: %s\n", qPrintable(what));
    std::exit(1);
}

template<typename T> T done(QFuture<T> future, const char *what)
{
    T result = Test::await(future);
    if (!result)
        fail(QString::fromLatin1(what) + u": "_s + result.error().message);
    return result;
}

// The caller's call on the agent platform, from `start` for `seconds`.
IngestUnit callUnit(const QString &id, const QString &from, qint64 start, int seconds)
{
    CallEvents events;
    events << Test::statusEvent(Provider::Vapi, id, CallStatus::InProgress, start,
                                {{u"fromNumber"_s, from},
                                 {u"toNumber"_s, u"+49305550100"_s},
                                 {u"direction"_s, u"inbound"_s},
                                 {u"agent"_s, u"Praxis am Markt – Empfang"_s},
                                 {u"startedAt"_s, double(start)}});
    events << Test::statusEvent(Provider::Vapi, id, CallStatus::Ended, start + seconds * 1000LL,
                                {{u"endedAt"_s, double(start + seconds * 1000LL)},
                                 {u"durationMs"_s, double(seconds * 1000LL)},
                                 {u"reason"_s, u"customer-ended-call"_s}});
    return Test::makeUnit(Provider::Vapi, id + u"-report"_s, id, events);
}

struct Shots
{
    Store *store = nullptr;
    qint64 now = 0;
    int serial = 0;

    // One POST /api/v1/events body, through the real parser.
    void post(const QJsonArray &events)
    {
        const QByteArray body =
            QJsonDocument(QJsonObject{{u"events"_s, events}}).toJson(QJsonDocument::Compact);
        auto units = parseBackendEvents(body, now);
        if (!units)
            fail(u"backend events: "_s + units.error().detail);
        done(store->ingest(IngestSubmission{u"default"_s, *units}), "ingest");
    }

    QJsonObject event(const QString &type, qint64 at, const QString &callId, QJsonObject fields)
    {
        fields.insert(u"id"_s, u"evt-%1"_s.arg(++serial));
        fields.insert(u"type"_s, type);
        fields.insert(u"occurredAt"_s, iso(at));
        if (!callId.isEmpty())
            fields.insert(u"call"_s, QJsonObject{{u"provider"_s, u"vapi"_s}, {u"providerCallId"_s, callId}});
        return fields;
    }

    // A caller asks for a callback at the end of a call of `seconds` that started `agoMinutes` ago.
    void request(const QString &callId, const QString &number, const QString &name, const QString &urgency,
                 const QString &concern, qint64 agoMinutes, int seconds = 150,
                 const QJsonObject &details = {})
    {
        const qint64 start = now - agoMinutes * minute - seconds * 1000LL;
        done(store->ingest(IngestSubmission{u"default"_s, {callUnit(callId, number, start, seconds)}}),
             "call");
        QJsonObject fields{{u"callbackNumber"_s, number}, {u"urgency"_s, urgency}, {u"concern"_s, concern}};
        if (!name.isEmpty())
            fields.insert(u"callerName"_s, name);
        if (!details.isEmpty())
            fields.insert(u"details"_s, details);
        post({event(u"callback.requested"_s, now - agoMinutes * minute, callId, fields)});
    }

    // The dispatcher's store calls: claim the next due request at `at` and end the attempt at `end`.
    CallbackHandoff claim(qint64 at)
    {
        auto claimed = done(store->claimNextCallback(u"praxis-pc#4711#1"_s, at), "claim");
        if (!*claimed)
            fail(u"nothing to claim"_s);
        return **claimed;
    }
    void finish(const CallbackHandoff &handoff, qint64 at, int status, const QString &error)
    {
        CallbackAttemptOutcome outcome;
        outcome.success = status >= 200 && status < 300;
        outcome.httpStatus = status;
        outcome.error = error;
        done(store->finishCallbackAttempt(
                 handoff, u"praxis-pc#4711#1"_s, outcome,
                 {std::chrono::minutes(5), std::chrono::minutes(15), std::chrono::hours(1)}, at),
             "finish");
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const auto shot = Test::shotArguments("callbackshots");
    if (!shot)
        return 2;
    const QString &out = shot->outputDir;
    const QString &lang = shot->language;
    german = lang == "de"_L1;
    if (shot->dark) {
        QApplication::setStyle(u"Fusion"_s);
        QApplication::setPalette(Test::darkPalette());
    }
    QTranslator translator;
    if (!Test::applyShotLanguage(lang, translator, "callbackshots"))
        return 1;
    QDir().mkpath(out);

    QTemporaryDir dir;
    DatabaseUrl url;
    url.backend = DatabaseUrl::Backend::Sqlite;
    url.path = dir.filePath(u"callbacks.db"_s);
    auto opened = Store::open(url, {});
    if (!opened)
        fail(opened.error().message);
    Store *store = opened->get();
    ShellInfo info;
    info.tenant = u"default"_s;
    info.publicBaseUrl = u"https://hooks.praxis-am-markt.de"_s;
    info.listenAddress = u"127.0.0.1:8787"_s;
    info.databaseDisplay = u"sqlite://"_s + url.path;
    info.secretBackend = u"keychain"_s;
    const QString suffix = u"-"_s + lang + (shot->dark ? u"-dark"_s : QString()) + u".png"_s;
    bool ok = true;
    {
        // Before anyone asked for a callback.
        MainWindow empty(info);
        empty.attachStore(store);
        empty.resize(1280, 800);
        empty.showPlace(MainWindow::Place::Callbacks);
        empty.show();
        if (!QTest::qWaitForWindowExposed(&empty))
            fail(u"the window was not exposed"_s);
        ok = Test::saveShot(&empty, out + u"/callbacks-empty"_s + suffix, "callbackshots");
    }

    Shots shots{store, QDateTime::currentMSecsSinceEpoch()};
    const qint64 now = shots.now;

    // Given up: the front-desk system was down all morning (four attempts, the last an hour ago).
    shots.request(u"call-karl"_s, u"+49 176 2233 4455"_s, u"Karl Brenner"_s, u"normal"_s,
                  tr2("Wants to cancel his check-up on Monday", "Möchte seine Kontrolle am Montag absagen"),
                  5 * 60 + 10);
    qint64 at = now - 5 * 60 * minute;
    for (qint64 backoff : {5LL, 15LL, 60LL, 0LL}) {
        shots.finish(shots.claim(at), at + 2'000, 503,
                     u"the frontend answered HTTP 503: Service Unavailable"_s);
        at += 2'000 + backoff * minute; // when the next attempt is due
    }
    // Handed over this morning.
    shots.request(u"call-aylin"_s, u"+49 157 3344 5566"_s, u"Aylin Kaya"_s, u"normal"_s,
                  tr2("Prescription for chlorhexidine mouthwash, will pick it up",
                      "Rezept für Chlorhexidin-Mundspülung, holt es ab"),
                  3 * 60);
    shots.finish(shots.claim(now - 3 * 60 * minute + 20'000), now - 3 * 60 * minute + 21'000, 201, {});
    shots.request(u"call-marco"_s, u"+49 176 9876 5432"_s, u"Marco Rossi"_s, u"urgent"_s,
                  tr2("His insurance needs the treatment plan for the crown before Friday",
                      "Seine Versicherung braucht den Heil- und Kostenplan für die Krone vor Freitag"),
                  70);
    shots.finish(shots.claim(now - 70 * minute + 15'000), now - 70 * minute + 16'000, 201, {});
    // Failed twice; the next attempt is due in a few minutes.
    shots.request(u"call-sabine"_s, u"+49 30 1234 5678"_s, u"Sabine Hoffmann"_s, u"urgent"_s,
                  tr2("Needs to move tomorrow's 8:00 root canal treatment – she has to work early. Any "
                      "afternoon this week is fine.",
                      "Muss die Wurzelbehandlung morgen um 8:00 verschieben – sie muss früh arbeiten. Jeder "
                      "Nachmittag diese Woche passt."),
                  38, 212,
                  // The practice's backend names the fields in its own language.
                  german ? QJsonObject{{u"termin"_s, u"Morgen 08:00, Dr. Lehmann"_s},
                                       {u"behandlung"_s, u"Wurzelbehandlung, 2. Sitzung"_s},
                                       {u"wunschzeit"_s, u"Nachmittags ab 14:00"_s},
                                       {u"krankenkasse"_s, u"AOK"_s}}
                         : QJsonObject{{u"appointment"_s, u"Tomorrow 08:00, Dr. Lehmann"_s},
                                       {u"treatment"_s, u"Root canal, second session"_s},
                                       {u"preferredTime"_s, u"Afternoons after 14:00"_s},
                                       {u"insurer"_s, u"AOK"_s}});
    shots.finish(shots.claim(now - 37 * minute), now - 37 * minute + 800, 502,
                 u"the frontend answered HTTP 502: <html><head><title>502 Bad Gateway</title></head>"_s);
    shots.finish(shots.claim(now - 11 * minute - 10'000), now - 11 * minute, 500,
                 u"the frontend answered HTTP 500: {\"error\":\"calendar service unavailable\"}"_s);
    // Posting right now.
    shots.request(u"call-elif"_s, u"+49 152 3344 5566"_s, u"Elif Yılmaz"_s, u"critical"_s,
                  tr2("Bleeding again after yesterday's wisdom tooth removal",
                      "Nachblutung nach der Weisheitszahn-OP gestern"),
                  14, 96,
                  german ? QJsonObject{{u"eingriff"_s, u"Weisheitszahnentfernung"_s},
                                       {u"schmerzstaerke"_s, 8},
                                       {u"blutverduenner"_s, false}}
                         : QJsonObject{{u"procedure"_s, u"Wisdom tooth removal"_s},
                                       {u"painLevel"_s, 8},
                                       {u"onBloodThinners"_s, false}});
    shots.claim(now - 13 * minute);

    // Waiting: a transfer to the desk that nobody answered (critical by itself), merged requests,
    // one without a name.
    const qint64 jonasStart = now - 9 * minute;
    done(store->ingest(IngestSubmission{u"default"_s,
                                        {callUnit(u"call-jonas"_s, u"+49 171 445 5667"_s, jonasStart, 184)}}),
         "call");
    shots.post(
        {shots.event(u"tool_call.started"_s, now - 6 * minute, u"call-jonas"_s,
                     {{u"toolCallId"_s, u"tc-transfer-1"_s},
                      {u"name"_s, u"transfer_to_front_desk"_s},
                      {u"arguments"_s, QJsonObject{{u"reason"_s, u"severe pain"_s}}},
                      {u"callbackNumber"_s, u"+49 171 445 5667"_s},
                      {u"callerName"_s, u"Jonas Weber"_s}}),
         shots.event(u"tool_call.failed"_s, now - 6 * minute + 30'000, u"call-jonas"_s,
                     {{u"toolCallId"_s, u"tc-transfer-1"_s},
                      {u"durationMs"_s, 30'000},
                      {u"error"_s, QJsonObject{{u"code"_s, u"no_answer"_s},
                                               {u"message"_s, tr2("nobody at the front desk answered",
                                                                  "niemand am Empfang hat abgenommen")}}}})});
    shots.request(u"call-greta"_s, u"+49 160 778 8990"_s, u"Greta Lindqvist"_s, u"normal"_s,
                  tr2("Her son knocked out a front tooth at school", "Ihr Sohn hat sich in der Schule einen "
                                                                     "Schneidezahn ausgeschlagen"),
                  25, 74);
    shots.request(u"call-greta-2"_s, u"+49 160 778 8990"_s, u"Greta Lindqvist"_s, u"urgent"_s,
                  tr2("Called again: can they come without an appointment?",
                      "Hat nochmal angerufen: Können sie ohne Termin kommen?"),
                  12, 41);
    shots.request(u"call-hannah"_s, u"+49 89 5566 7788"_s, u"Hannah Schmidt"_s, u"normal"_s,
                  tr2("Question about the invoice for her professional cleaning",
                      "Frage zur Rechnung für ihre professionelle Zahnreinigung"),
                  20);
    shots.request(u"call-anon"_s, u"+49 151 1122 3344"_s, QString(), u"normal"_s,
                  tr2("Asks whether there is parking near the practice",
                      "Fragt, ob es Parkplätze in der Nähe "
                      "der Praxis gibt"),
                  45, 38);
    shots.request(u"call-thomas"_s, u"+49 89 5566 778"_s, u"Thomas Müller"_s, u"normal"_s,
                  tr2("Would like a quote for teeth whitening", "Möchte ein Angebot für Bleaching"), 125);
    // Closed this morning.
    shots.request(u"call-lena"_s, u"+49 172 6677 8899"_s, u"Lena Vogel"_s, u"normal"_s,
                  tr2("Lost her bonus booklet", "Hat ihr Bonusheft verloren"), 4 * 60);
    shots.request(u"call-peter"_s, u"+49 40 8899 0011"_s, u"Peter Schulz"_s, u"urgent"_s,
                  tr2("Crown came loose", "Krone hat sich gelöst"), 3 * 60 + 30);

    auto reader = StoreReader::open(url, {});
    if (!reader)
        fail(reader.error().message);
    const TenantId tenant = (*reader)->tenant(u"default"_s)->id;
    auto all = (*reader)->callbacks(tenant, CallbackQuery{});
    QHash<QString, CallbackRecord> byName;
    for (const CallbackRecord &request : std::as_const(*all))
        byName.insert(request.callerName.isEmpty() ? request.callbackNumber : request.callerName, request);
    const QString mia = u"Mia Berger"_s;
    done(store->callbackAction(
             u"default"_s, byName.value(u"Lena Vogel"_s).uuid, Store::CallbackAction::Complete,
             tr2("New booklet handed out at the desk", "Neues Bonusheft am Empfang ausgegeben"), mia),
         "complete");
    done(store->callbackAction(u"default"_s, byName.value(u"Peter Schulz"_s).uuid,
                               Store::CallbackAction::Cancel,
                               tr2("Came by without an appointment", "Ist ohne Termin vorbeigekommen"), mia),
         "cancel");
    done(store->recordCallbackAction(u"default"_s, byName.value(u"Sabine Hoffmann"_s).uuid, u"dial"_s,
                                     u"tel:+493012345678"_s, mia),
         "dial");

    // The audit log notes when each entry was written (now); the morning it tells of was earlier.
    const QString sabine = QString::number(byName.value(u"Sabine Hoffmann"_s).id);
    const QString greta = QString::number(byName.value(u"Greta Lindqvist"_s).id);
    done(store->write<bool>([&](WriteContext &context) -> Store::Result<bool> {
        for (const auto &[sql, values] : std::initializer_list<std::pair<QString, QVariantList>>{
                 {u"UPDATE audit_log SET at = (SELECT c.created_at FROM callback_requests c WHERE "
                  "CAST(c.id AS TEXT) = audit_log.entity_id) WHERE action = 'requested'"_s,
                  {}},
                 {u"UPDATE audit_log SET at = ? WHERE action = 'merged' AND entity_id = ?"_s,
                  {now - 12 * minute, greta}},
                 {u"UPDATE audit_log SET at = ? WHERE action = 'dial' AND entity_id = ?"_s,
                  {now - 8 * minute, sabine}},
                 {u"UPDATE audit_log SET at = ? WHERE action IN ('cancel', 'complete')"_s,
                  {now - 150 * minute}}}) {
            if (auto ran = context.execute(sql, values); !ran)
                return std::unexpected(ran.error());
        }
        return true;
    }),
         "backdate");

    MainWindow window(info);
    window.attachStore(store);
    window.resize(1280, 800);
    window.showPlace(MainWindow::Place::Callbacks);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        fail(u"the window was not exposed"_s);
    CallbackQueueView *queue = window.callbackQueueView();
    queue->selectRequest(byName.value(u"Sabine Hoffmann"_s).uuid);
    queue->table()->setFocus();
    QTest::qWait(100);
    ok = Test::saveShot(&window, out + u"/callbacks"_s + suffix, "callbackshots") && ok;

    // The cancel dialog over the window, as it opens.
    queue->selectRequest(byName.value(u"Hannah Schmidt"_s).uuid);
    queue->cancelRequest();
    QTest::qWait(300);
    auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
    if (!dialog)
        fail(u"no cancel dialog"_s);
    ok = Test::saveShotWithDialog(&window, dialog, out + u"/callbacks-cancel"_s + suffix, "callbackshots") &&
         ok;
    dialog->reject();
    return ok ? 0 : 1;
}
