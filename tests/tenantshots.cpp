// SPDX-License-Identifier: GPL-3.0-or-later
// callscope-tenantshots OUTPUT_DIR [--lang en|de] [--dark]: Tenants & tokens in a real X server (run
// it under xvfb-run) for three businesses on one CallScope: a dental practice (the tenant "default",
// with its backend's ingest token in use, a dashboard's read token, a script's token never used and
// an old workflow's token revoked), a physiotherapy practice and a hair salon with a day of calls.
// Saves tenants-LANG.png (the dialog), tenant-new-LANG.png (a new tenant whose slug is taken),
// tenant-delete-LANG.png (the confirmation naming what is lost), token-create-LANG.png and
// token-new-LANG.png (a new token shown once), with --dark in a dark palette (…-LANG-dark.png);
// exits non-zero when nothing was drawn.
//
// The token in token-new-LANG.png is a real one of a throwaway store that is deleted when this
// program ends: it authenticates nowhere, so it is not a live secret. A token of a real installation
// must never appear in a screenshot.
#include "api/backendevents.h"
#include "deletetenantdialog.h"
#include "newtokendialog.h"
#include "shotsupport.h"
#include "store.h"
#include "storereader.h"
#include "tenantformdialog.h"
#include "tenantsdialog.h"
#include "testsupport.h"
#include "writecontext.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <cstdio>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 minute = 60'000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "tenantshots: %s\n", qPrintable(what));
    std::exit(1);
}

template<typename T> T done(QFuture<T> future, const char *what)
{
    T result = Test::await(future);
    if (!result)
        fail(QString::fromLatin1(what) + u": "_s + result.error().message);
    return result;
}

struct Setup
{
    Store *store = nullptr;
    qint64 now = 0;
    int serial = 0;

    // `count` finished calls of the tenant on Vapi, spread over the last day.
    void calls(const QString &tenant, int count)
    {
        QList<IngestUnit> units;
        for (int i = 0; i < count; ++i) {
            const QString id = u"%1-call-%2"_s.arg(tenant).arg(++serial);
            const qint64 start = now - day + i * (day / count);
            CallEvents events{
                Test::statusEvent(Provider::Vapi, id, CallStatus::InProgress, start,
                                  {{u"fromNumber"_s, u"+4917155501%1"_s.arg(i % 100, 2, 10, QChar(u'0'))},
                                   {u"direction"_s, u"inbound"_s},
                                   {u"startedAt"_s, double(start)}}),
                Test::statusEvent(Provider::Vapi, id, CallStatus::Ended, start + 95'000,
                                  {{u"endedAt"_s, double(start + 95'000)}, {u"durationMs"_s, 95'000.0}})};
            units << Test::makeUnit(Provider::Vapi, id + u"-report"_s, id, events);
        }
        done(store->ingest(IngestSubmission{tenant, units}), "calls");
    }

    // A callback request of the tenant's backend, through the real parser.
    void callback(const QString &tenant, const QString &number, const QString &concern)
    {
        const QJsonObject event{
            {u"id"_s, u"cb-%1"_s.arg(++serial)},
            {u"type"_s, u"callback.requested"_s},
            {u"occurredAt"_s,
             QDateTime::fromMSecsSinceEpoch(now - hour, Qt::UTC).toString(Qt::ISODateWithMs)},
            {u"callbackNumber"_s, number},
            {u"urgency"_s, u"normal"_s},
            {u"concern"_s, concern}};
        const QByteArray body =
            QJsonDocument(QJsonObject{{u"events"_s, QJsonArray{event}}}).toJson(QJsonDocument::Compact);
        auto units = parseBackendEvents(body, now);
        if (!units)
            fail(u"backend events: "_s + units.error().detail);
        done(store->ingest(IngestSubmission{tenant, *units}), "callback");
    }

    // A token created `ageMs` ago, last used `usedAgoMs` ago (never when negative), revoked
    // `revokedAgoMs` ago (not when negative).
    QString token(const QString &tenant, const QString &scope, const QString &label, qint64 ageMs,
                  qint64 usedAgoMs = -1, qint64 revokedAgoMs = -1)
    {
        const auto created = done(store->createToken(tenant, scope, label), "token");
        const QVariant used = usedAgoMs < 0 ? QVariant() : QVariant(now - usedAgoMs);
        const QVariant revoked = revokedAgoMs < 0 ? QVariant() : QVariant(now - revokedAgoMs);
        done(store->write<bool>([&](WriteContext &context) -> Store::Result<bool> {
            if (auto ran = context.execute(
                    u"UPDATE api_tokens SET created_at = ?, last_used_at = ?, revoked_at = ? WHERE token_id = ?"_s,
                    {now - ageMs, used, revoked, created->tokenId});
                !ran)
                return std::unexpected(ran.error());
            return true;
        }),
             "backdate token");
        return created->tokenId;
    }
};

template<typename T> T *openedDialog(TenantsDialog *dialog)
{
    T *found = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        for (T *candidate : dialog->findChildren<T *>()) {
            if (candidate->isVisible())
                found = candidate;
        }
        return found != nullptr;
    });
    if (!shown)
        fail(u"a dialog did not open"_s);
    return found;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const auto shot = Test::shotArguments("tenantshots");
    if (!shot)
        return 2;
    const QString &out = shot->outputDir;
    const QString &lang = shot->language;
    if (shot->dark) {
        QApplication::setStyle(u"Fusion"_s);
        QApplication::setPalette(Test::darkPalette());
    }
    QTranslator translator;
    if (!Test::applyShotLanguage(lang, translator, "tenantshots"))
        return 1;
    QDir().mkpath(out);

    // Throwaway: the store, and with it every token below, is gone when the program ends.
    QTemporaryDir dir;
    DatabaseUrl url;
    url.backend = DatabaseUrl::Backend::Sqlite;
    url.path = dir.filePath(u"tenants.db"_s);
    auto opened = Store::open(url, {});
    if (!opened)
        fail(opened.error().message);
    Store *store = opened->get();
    Setup setup{store, QDateTime::currentMSecsSinceEpoch()};
    done(store->renameTenant(u"default"_s, u"Zahnarztpraxis am Markt"_s), "rename");
    done(store->createTenant(u"physio-lindenhof"_s, u"Physiotherapie Lindenhof"_s), "physio");
    done(store->createTenant(u"salon-locke"_s, u"Salon Locke – Friseur & Kosmetik"_s), "salon");
    setup.calls(u"default"_s, 64);
    setup.calls(u"physio-lindenhof"_s, 23);
    setup.calls(u"salon-locke"_s, 37);
    setup.callback(u"salon-locke"_s, u"+4917155501234"_s, u"Colour appointment moved"_s);
    setup.callback(u"salon-locke"_s, u"+4917155505678"_s, u"Question about prices"_s);
    setup.token(u"default"_s, u"read"_s, u"Reporting script"_s, 3 * day);
    setup.token(u"default"_s, u"ingest"_s, u"Old n8n workflow"_s, 90 * day, 21 * day, 14 * day);
    setup.token(u"default"_s, u"read"_s, u"Grafana dashboard"_s, 30 * day, 2 * hour);
    const QString backend =
        setup.token(u"default"_s, u"ingest"_s, u"Booking backend"_s, 45 * day, 3 * minute);
    setup.token(u"salon-locke"_s, u"ingest"_s, u"Salon booking app"_s, 10 * day, 40 * minute);
    setup.token(u"physio-lindenhof"_s, u"ingest"_s, u"Praxis software"_s, 5 * day, 12 * minute);

    auto reader = StoreReader::open(url, {});
    if (!reader)
        fail(reader.error().message);
    const QString suffix = u"-"_s + lang + (shot->dark ? u"-dark"_s : QString()) + u".png"_s;
    bool ok = true;

    TenantsDialog dialog(store, reader->get());
    dialog.setCurrentTenant(u"default"_s);
    dialog.resize(1000, 480);
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog))
        fail(u"the dialog was not exposed"_s);
    dialog.selectTenant(u"default"_s);
    dialog.selectToken(backend);
    ok = Test::saveShot(&dialog, out + u"/tenants"_s + suffix, "tenantshots") && ok;

    // A new tenant whose slug (suggested from its name) another tenant has.
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"newTenantButton"_s), Qt::LeftButton);
    auto *form = openedDialog<TenantFormDialog>(&dialog);
    QTest::keyClicks(form->nameField(), u"Salon Locke"_s);
    ok = Test::saveShotWithDialog(&dialog, form, out + u"/tenant-new"_s + suffix, "tenantshots") && ok;
    form->reject();

    // Deleting the salon names what goes with it.
    dialog.selectTenant(u"salon-locke"_s);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"deleteTenantButton"_s), Qt::LeftButton);
    auto *confirm = openedDialog<DeleteTenantDialog>(&dialog);
    QTest::keyClicks(confirm->confirmField(), u"salon-locke"_s);
    ok = Test::saveShotWithDialog(&dialog, confirm, out + u"/tenant-delete"_s + suffix, "tenantshots") && ok;
    confirm->reject();

    // A new ingest token for the physiotherapy practice's new booking software, created and shown.
    dialog.selectTenant(u"physio-lindenhof"_s);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"newTokenButton"_s), Qt::LeftButton);
    auto *token = openedDialog<NewTokenDialog>(&dialog);
    QTest::keyClicks(token->labelField(), u"Terminbuchung 2.0"_s);
    ok = Test::saveShotWithDialog(&dialog, token, out + u"/token-create"_s + suffix, "tenantshots") && ok;
    QTest::mouseClick(token->createButton(), Qt::LeftButton);
    if (!QTest::qWaitFor([token] { return token->isShowingToken(); }))
        fail(u"the token was not shown"_s);
    ok = Test::saveShotWithDialog(&dialog, token, out + u"/token-new"_s + suffix, "tenantshots") && ok;
    token->accept();
    return ok ? 0 : 1;
}
