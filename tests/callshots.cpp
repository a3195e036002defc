// SPDX-License-Identifier: GPL-3.0-or-later
// callscope-callshots OUTPUT_DIR [--lang en|de]: the real main window in a real X server (run it
// under xvfb-run) over a store with a day of calls and one realistic problem call, saved as
// calls-list-LANG.png, call-timeline-LANG.png (the failed booking selected) and
// call-receipts-LANG.png. Exits non-zero when a window was not drawn.
#include "calldetailview.h"
#include "callspage.h"
#include "callsview.h"
#include "calltimelinewidget.h"
#include "mainwindow.h"
#include "shotsupport.h"
#include "showcasecall.h"
#include "store.h"
#include "storereader.h"
#include "testsupport.h"

#include <QApplication>
#include <QDir>
#include <QScreen>
#include <QSet>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <cstdio>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const auto shot = Test::shotArguments("callshots");
    if (!shot)
        return 2;
    const QString &out = shot->outputDir;
    const QString &lang = shot->language;
    QTranslator translator;
    if (!Test::applyShotLanguage(lang, translator, "callshots"))
        return 1;
    QDir().mkpath(out);

    QTemporaryDir dir;
    DatabaseUrl url;
    url.backend = DatabaseUrl::Backend::Sqlite;
    url.path = dir.filePath(u"shots.db"_s);
    auto store = Store::open(url, {});
    if (!store) {
        std::fprintf(stderr, "callshots: %s\n", qPrintable(store.error().message));
        return 1;
    }
    // A morning of calls ending with the problem call a few minutes ago.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<IngestUnit> units;
    for (int n = 0; n < 60; ++n)
        units << Test::ordinaryCall(n, now - (62 - n) * 7 * 60'000LL);
    const QList<IngestUnit> showcase = Test::showcaseCall(1, now - 5 * 60'000LL);
    units << showcase;
    auto ingested = Test::await((*store)->ingest(IngestSubmission{u"default"_s, units}));
    if (!ingested) {
        std::fprintf(stderr, "callshots: %s\n", qPrintable(ingested.error().message));
        return 1;
    }

    ShellInfo info;
    info.tenant = u"default"_s;
    info.publicBaseUrl = u"https://hooks.sonnenhof-vet.de"_s;
    info.listenAddress = u"127.0.0.1:8787"_s;
    info.databaseDisplay = u"sqlite://"_s + url.path;
    info.secretBackend = u"keychain"_s;
    MainWindow window(info);
    window.attachStore(store->get());
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        std::fprintf(stderr, "callshots: the window was not exposed\n");
        return 1;
    }
    bool ok = true;
    CallsPage *page = window.callsPage();
    const QString suffix = u"-"_s + lang + u".png"_s;
    page->callsView()->table()->selectRow(0);
    ok = Test::saveShot(&window, out + u"/calls-list"_s + suffix, "callshots") && ok;

    auto reader = StoreReader::open(url, {});
    auto tenant = (*reader)->tenant(u"default"_s);
    auto call = (*reader)->callByProviderId(tenant->id, Provider::Vapi,
                                            showcase.first().events.first().providerCallId);
    if (!call) {
        std::fprintf(stderr, "callshots: the showcase call is missing\n");
        return 1;
    }
    CallDetailView *detail = page->openCall(call->id);
    if (!detail) {
        std::fprintf(stderr, "callshots: the call did not open\n");
        return 1;
    }
    for (const TimelineItem &item : detail->detail().items) {
        if (item.kind == TimelineItem::Kind::Function && item.trace.status == FunctionStatus::Error) {
            detail->selectFunction(item.trace.toolCallId);
            break;
        }
    }
    ok = Test::saveShot(&window, out + u"/call-timeline"_s + suffix, "callshots") && ok;

    if (auto *tabs = detail->findChild<QTabWidget *>(); tabs && tabs->count() > 1) {
        tabs->setCurrentIndex(1);
        if (auto *receipts = detail->findChild<QTableView *>(u"receiptsTable"_s))
            receipts->selectRow(3);
        ok = Test::saveShot(&window, out + u"/call-receipts"_s + suffix, "callshots") && ok;
    } else {
        std::fprintf(stderr, "callshots: no receipts tab\n");
        ok = false;
    }
    return ok ? 0 : 1;
}
