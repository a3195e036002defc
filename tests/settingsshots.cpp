// SPDX-License-Identifier: GPL-3.0-or-later
// callscope-settingsshots OUTPUT_DIR [--lang en|de] [--dark]: the settings dialog in a real X server
// (run it under xvfb-run) as a dental practice has it set up: its public webhook address, a frontend
// for callbacks, a staff name; Retell, Twilio and the frontend key stored for the practice's tenant,
// Vapi not yet right (two deliveries refused for a wrong signature); Retell and Twilio delivering this
// morning, the last one minutes ago. Saves settings-PAGE-LANG.png for every page (the Providers page
// also scrolled to its end), settings-invalid-LANG.png (fields refused with their message) and
// settings-minimum-LANG.png (the dialog at its minimum size); exits non-zero when nothing was drawn.
#include "secrets/memorysecretstore.h"
#include "settings.h"
#include "settingsdialog.h"
#include "shotsupport.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <cstdio>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 minute = 60'000;
const QString practice = u"praxis-am-markt"_s;

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "settingsshots: %s\n", qPrintable(what));
    std::exit(1);
}

// The deliveries of the practice's morning: Retell and Twilio accepted, the last minutes ago.
void deliver(Store &store, Provider provider, int count, qint64 lastMs)
{
    QList<IngestUnit> units;
    for (int i = 0; i < count; ++i) {
        const QString callId = u"%1-call-%2"_s.arg(toString(provider)).arg(i);
        const qint64 at = lastMs - qint64(count - 1 - i) * 9 * minute;
        IngestUnit unit = Test::makeUnit(provider, callId + u"-ended"_s, callId,
                                         {Test::statusEvent(provider, callId, CallStatus::Ended, at)});
        unit.receipt.receivedAtMs = at;
        units << unit;
    }
    auto done = Test::await(store.ingest(IngestSubmission{practice, units}));
    if (!done)
        fail(done.error().message);
}

void scrollToEnd(SettingsDialog &dialog)
{
    auto *stack = dialog.findChild<QStackedWidget *>();
    auto *scroll = qobject_cast<QScrollArea *>(stack->currentWidget());
    scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"callscope"_s); // its data folder, as the app has it
    const auto shot = Test::shotArguments("settingsshots");
    if (!shot)
        return 2;
    if (shot->dark) {
        QApplication::setStyle(u"Fusion"_s);
        QApplication::setPalette(Test::darkPalette());
    }
    QTranslator translator;
    if (!Test::applyShotLanguage(shot->language, translator, "settingsshots"))
        return 1;
    QDir().mkpath(shot->outputDir);
    QTemporaryDir dir;

    const DatabaseUrl url = DatabaseUrl::sqlite(dir.filePath(u"praxis.db"_s));
    auto opened = Store::open(url, {});
    if (!opened)
        fail(opened.error().message);
    Store &store = **opened;
    if (!Test::await(store.createTenant(practice, u"Zahnarztpraxis am Markt"_s)))
        fail(u"cannot create the tenant"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    deliver(store, Provider::Retell, 14, now - 2 * minute);
    deliver(store, Provider::Twilio, 9, now - 4 * minute);
    auto reader = StoreReader::open(url, {});
    if (!reader)
        fail(reader.error().message);
    const TenantId tenant = (*reader)->tenant(practice)->id;
    for (const qint64 ago : {41 * minute, 18 * minute})
        if (!Test::await(store.recordRejectedDeliveries(tenant, u"vapi"_s, 1, now - ago, u"bad_signature"_s)))
            fail(u"cannot count the rejected deliveries"_s);

    MemorySecretStore secrets;
    secrets.set(practice, u"retell.apiKey"_s, u"key_1f6e0d3b9a"_s);
    secrets.set(practice, u"twilio.authToken"_s, u"9c1d2e3f4a5b6c7d"_s);
    secrets.set(practice, u"frontend.apiKey"_s, u"fk_live_2291"_s);
    secrets.set(practice, u"vapi.secret"_s, u"old-vapi-secret"_s);

    Settings settings(std::make_unique<QSettings>(dir.filePath(u"settings.ini"_s), QSettings::IniFormat));
    settings.setValue(Settings::Key::DatabaseUrl, url.displayString());
    settings.setValue(Settings::Key::PublicUrl, u"https://hooks.praxis-am-markt.de"_s);
    settings.setValue(Settings::Key::FrontendUrl, u"https://termine.praxis-am-markt.de/api/rueckrufe"_s);
    settings.setValue(Settings::Key::StaffName, u"Mia Berger"_s);
    settings.setValue(Settings::Key::MaskPhoneNumbers, true);
    settings.setValue(Settings::Key::ReceiptRetentionDays, 30);
    settings.setValue(Settings::Key::ErrorSeverityTransfer, u"critical"_s);

    SettingsDialog::Environment environment;
    environment.secrets = &secrets;
    environment.reader = reader->get();
    environment.boundAddress = u"127.0.0.1:8787"_s;
    environment.publicBaseUrl = u"https://hooks.praxis-am-markt.de"_s;
    SettingsDialog dialog(settings, environment);
    dialog.setTenant(practice);
    dialog.resize(1100, 720);
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog))
        fail(u"the dialog was not exposed"_s);

    const QString suffix = u"-"_s + shot->language + (shot->dark ? u"-dark"_s : QString()) + u".png"_s;
    const QString out = shot->outputDir + u"/settings-"_s;
    bool ok = true;
    const std::pair<SettingsDialog::Page, const char *> pages[] = {
        {SettingsDialog::Page::Listener, "listener"},   {SettingsDialog::Page::Database, "database"},
        {SettingsDialog::Page::Providers, "providers"}, {SettingsDialog::Page::Callbacks, "callbacks"},
        {SettingsDialog::Page::Privacy, "privacy"},     {SettingsDialog::Page::Language, "language"},
        {SettingsDialog::Page::Errors, "errors"},       {SettingsDialog::Page::Advanced, "advanced"},
    };
    for (const auto &[page, name] : pages) {
        dialog.showPage(page);
        if (page == SettingsDialog::Page::Database) {
            QTest::mouseClick(dialog.findChild<QPushButton *>(u"testConnection"_s), Qt::LeftButton);
            auto *test = dialog.findChild<QPushButton *>(u"testConnection"_s);
            if (!QTest::qWaitFor([test] { return test->isEnabled(); }, 10'000))
                fail(u"Test connection did not finish"_s);
        }
        if (page == SettingsDialog::Page::Providers)
            QTest::mouseClick(dialog.findChild<QPushButton *>(u"secretReplace_vapi.secret"_s),
                              Qt::LeftButton);
        ok = Test::saveShot(&dialog, out + QLatin1StringView(name) + suffix, "settingsshots") && ok;
        if (page == SettingsDialog::Page::Providers) {
            scrollToEnd(dialog);
            ok = Test::saveShot(&dialog, out + u"providers-end"_s + suffix, "settingsshots") && ok;
        }
    }

    // Fields refused with their message, and the pages that have them marked.
    dialog.showPage(SettingsDialog::Page::Listener);
    dialog.findChild<QLineEdit *>(u"listenPort"_s)->setText(u"70000"_s);
    dialog.findChild<QLineEdit *>(u"publicUrl"_s)->setText(u"ftp://hooks.praxis-am-markt.de"_s);
    dialog.findChild<QLineEdit *>(u"callbackBackoff"_s)->setText(u"5m, 5x"_s);
    ok = Test::saveShot(&dialog, out + u"invalid"_s + suffix, "settingsshots") && ok;
    dialog.findChild<QLineEdit *>(u"listenPort"_s)->setText(u"8787"_s);
    dialog.findChild<QLineEdit *>(u"publicUrl"_s)->setText(u"https://hooks.praxis-am-markt.de"_s);
    dialog.findChild<QLineEdit *>(u"callbackBackoff"_s)->setText(u"5m, 15m, 1h"_s);

    dialog.showPage(SettingsDialog::Page::Listener);
    dialog.resize(dialog.minimumSize());
    ok = Test::saveShot(&dialog, out + u"minimum"_s + suffix, "settingsshots") && ok;
    return ok ? 0 : 1;
}
