// SPDX-License-Identifier: GPL-3.0-or-later
#include "guibench.h"

#include "benchutil.h"
#include "calldetail.h"
#include "calldetailview.h"
#include "calllistmodel.h"
#include "callspage.h"
#include "callsview.h"
#include "calltimelinewidget.h"
#include "growstore.h"
#include "mainwindow.h"
#include "store.h"
#include "storereader.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QSqlQuery>
#include <QTableView>
#include <QTabWidget>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Bench {

namespace {

// Milliseconds since the kernel started this process (before the dynamic loader and Qt's static
// initialisers ran): /proc/self/stat's start time is in clock ticks since boot.
double msSinceProcessStart()
{
    FILE *stat = std::fopen("/proc/self/stat", "r");
    if (!stat)
        return -1;
    char buffer[2048];
    const size_t n = std::fread(buffer, 1, sizeof buffer - 1, stat);
    std::fclose(stat);
    buffer[n] = 0;
    // Field 22; the command name (field 2) is in parentheses and may hold spaces.
    const char *p = std::strrchr(buffer, ')');
    if (!p)
        return -1;
    unsigned long long start = 0;
    int field = 2;
    for (; *p && field < 22; ++p) {
        if (*p == ' ')
            ++field;
    }
    if (std::sscanf(p, "%llu", &start) != 1)
        return -1;
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    return nowMs - double(start) * 1e3 / double(sysconf(_SC_CLK_TCK));
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kB on Linux
}

double rssMb()
{
    FILE *statm = std::fopen("/proc/self/statm", "r");
    if (!statm)
        return -1;
    unsigned long long size = 0, resident = 0;
    const int read = std::fscanf(statm, "%llu %llu", &size, &resident);
    std::fclose(statm);
    return read == 2 ? double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0) : -1;
}

// Counts the paint events a widget receives (the filter sees each before the widget paints; once
// processEvents() returned, that paint is done).
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget *widget)
        : QObject(widget)
    {
        widget->installEventFilter(this);
    }
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

// What a frame does after a change: the pending events (layout, the update the change asked for,
// painted when the window's update request is handled), and a repaint when that painted nothing.
void settle(PaintCounter *counter, QWidget *widget)
{
    const int before = counter->paints;
    QCoreApplication::processEvents();
    if (counter->paints == before)
        widget->repaint();
}

// Runs the event loop until `done` (true) or `timeoutMs` passed (false).
bool spinUntil(const std::function<bool()> &done, int timeoutMs = 60'000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

struct Figure
{
    QString name;
    std::vector<double> values;
    QString target;
    qint64 rows = -1;
};

// The offscreen platform warns at every window it shows; nothing else is dropped.
QtMessageHandler defaultHandler = nullptr;
void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains("propagateSizeHints"_L1))
        return;
    if (defaultHandler)
        defaultHandler(type, context, message);
}

} // namespace

int runGuiBench(const GuiBenchOptions &options)
{
    const double atEntry = msSinceProcessStart(); // the QApplication exists already
    defaultHandler = qInstallMessageHandler(quietHandler);
    const auto parsed = DatabaseUrl::parse(options.db);
    if (!parsed) {
        std::fprintf(stderr, "callscope-bench gui: %s\n", qPrintable(parsed.error()));
        return 2;
    }
    const QString password = benchPassword(*parsed);

    // 1. As the app starts: the store (writer, schema check), the window, the store attached
    //    (its read connection and the list's first page), shown, until the list has painted.
    QElapsedTimer step;
    step.start();
    auto opened = Store::open(*parsed, password);
    if (!opened) {
        std::fprintf(stderr, "callscope-bench gui: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    std::unique_ptr<Store> store = std::move(*opened);
    const double storeOpenMs = elapsedMs(step);
    step.restart();
    ShellInfo info;
    info.databaseDisplay = parsed->displayString();
    info.tenant = options.tenant;
    info.secretBackend = u"file"_s;
    MainWindow window(info);
    const double windowMs = elapsedMs(step);
    step.restart();
    window.attachStore(store.get());
    const double attachMs = elapsedMs(step);
    CallsPage *page = window.callsPage();
    if (!page) {
        std::fprintf(stderr, "callscope-bench gui: the window has no calls page (cannot read the store?)\n");
        return 1;
    }
    CallsView *view = page->callsView();
    CallListModel *model = view->model();
    QTableView *table = view->table();
    auto *tablePaints = new PaintCounter(table->viewport());
    step.restart();
    window.resize(options.width, options.height);
    window.show();
    if (!spinUntil([&] { return tablePaints->paints > 0 && model->rowCount() > 0; })) {
        std::fprintf(stderr, "callscope-bench gui: the calls list never painted rows (%d rows)\n",
                     model->rowCount());
        return 1;
    }
    const double showMs = elapsedMs(step);
    const double firstPageMs = msSinceProcessStart();
    const double rssAtFirstPage = rssMb();
    const int firstRows = model->rowCount();
    std::printf(
        "first page: %.0f ms from process start (QApplication at %.0f ms; Store::open %.1f ms, "
        "MainWindow %.1f ms, attachStore %.1f ms, show to first paint %.1f ms); %d rows, RSS %.0f MB\n",
        firstPageMs, atEntry, storeOpenMs, windowMs, attachMs, showMs, firstRows, rssAtFirstPage);
    std::fflush(stdout);

    // 2. Scrolling: page down through the list; each frame is the scroll (with fetchMore when the
    //    end of the loaded rows is reached), the pending layout, and the viewport's repaint.
    QScrollBar *bar = table->verticalScrollBar();
    const int rowHeight = std::max(1, table->verticalHeader()->defaultSectionSize());
    std::vector<double> frames, fetchFrames, plainFrames;
    int stuck = 0;
    QElapsedTimer scrollClock;
    scrollClock.start();
    while (bar->value() / rowHeight < options.scrollRows && stuck < 20) {
        const int rowsBefore = model->rowCount();
        const int before = bar->value();
        QElapsedTimer frame;
        frame.start();
        bar->setValue(before + bar->pageStep());
        settle(tablePaints, table->viewport());
        const double frameMs = elapsedMs(frame);
        frames.push_back(frameMs);
        (model->rowCount() != rowsBefore ? fetchFrames : plainFrames).push_back(frameMs);
        stuck = bar->value() == before ? stuck + 1 : 0;
    }
    const double scrollSeconds = double(scrollClock.elapsed()) / 1e3;
    const int scrolledRows = bar->value() / rowHeight;
    const int loadedRows = model->rowCount();
    const double rssAfterScroll = rssMb();
    bar->setValue(0);
    QCoreApplication::processEvents();

    // 3. Filters and searches, each from the action until its first page is painted, then back
    //    to the whole list (not timed).
    std::vector<Figure> figures;
    const auto combo = [&](const char *name) {
        return view->findChild<QComboBox *>(QLatin1StringView(name));
    };
    QCheckBox *errorsOnly = view->findChild<QCheckBox *>(u"errorsOnly"_s);
    // The search box's text applied at once, without the pause it waits for while one types.
    const auto search = [view](const QString &text) {
        {
            const QSignalBlocker block(view->searchBox());
            view->searchBox()->setText(text);
        }
        view->applyFilters();
    };
    const auto clearFilters = [&] {
        for (const char *name :
             {"rangeFilter", "providerFilter", "statusFilter", "outcomeFilter", "agentFilter"}) {
            if (QComboBox *box = combo(name))
                box->setCurrentIndex(0);
        }
        if (errorsOnly) {
            const QSignalBlocker block(errorsOnly);
            errorsOnly->setChecked(false);
        }
        search(QString());
        QCoreApplication::processEvents();
    };
    const auto timed = [&](const QString &name, const std::function<void()> &apply) {
        Figure figure{name, {}, u"<=300"_s, -1};
        for (int r = 0; r < options.repeats; ++r) {
            clearFilters();
            QElapsedTimer clock;
            clock.start();
            apply();
            settle(tablePaints, table->viewport());
            figure.values.push_back(elapsedMs(clock));
            figure.rows = model->rowCount();
        }
        figures.push_back(figure);
    };
    const auto chooseData = [&](const char *name, int value) {
        return [&, name, value] {
            if (QComboBox *box = combo(name)) {
                box->setCurrentIndex(std::max(0, box->findData(value)));
                view->applyFilters();
            }
        };
    };
    // A caller's number from the middle of the history, and the call with the most items.
    qint64 longCallId = 0;
    QString digits = u"0197"_s;
    {
        auto reader = StoreReader::open(*parsed, password);
        if (reader) {
            if (auto tenant = (*reader)->tenant(options.tenant)) {
                if (auto call =
                        (*reader)->callByProviderId(tenant->id, Provider::Retell, longCallProviderId()))
                    longCallId = call->id;
                QSqlQuery q((*reader)->database());
                if (!longCallId &&
                    q.exec(u"SELECT id FROM calls WHERE tenant_id = %1 ORDER BY transcript_segment_count + "
                           "function_call_count + event_count DESC LIMIT 1"_s.arg(tenant->id.value)) &&
                    q.next())
                    longCallId = q.value(0).toLongLong();
                if (q.exec(
                        u"SELECT from_number FROM calls WHERE tenant_id = %1 AND merged_into IS NULL AND "
                        "from_number GLOB '+[0-9]*' ORDER BY sort_at, id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 "
                        "FROM calls)"_s.arg(tenant->id.value)) &&
                    q.next())
                    digits = q.value(0).toString().right(4);
            }
        }
    }
    timed(u"search \"appointment\" (common)"_s, [&] { search(u"appointment"_s); });
    timed(u"search \"Termin\" (common)"_s, [&] { search(u"Termin"_s); });
    timed(u"search \"verwählt\" (rare)"_s, [&] { search(u"verwählt"_s); });
    timed(u"search \"xylophone\" (absent)"_s, [&] { search(u"xylophone"_s); });
    timed(u"search \"book_appointment\" (function)"_s, [&] { search(u"book_appointment"_s); });
    timed(u"search \"%1\" (number's last digits)"_s.arg(digits), [&] { search(digits); });
    timed(u"status = in progress"_s, chooseData("statusFilter", int(CallStatus::InProgress)));
    timed(u"status = ended"_s, chooseData("statusFilter", int(CallStatus::Ended)));
    timed(u"outcome = voicemail"_s, chooseData("outcomeFilter", int(Outcome::Voicemail)));
    timed(u"provider = vapi"_s, chooseData("providerFilter", int(Provider::Vapi)));
    timed(u"errors only"_s, [&] {
        if (errorsOnly)
            errorsOnly->setChecked(true); // toggled applies the filters
    });
    timed(u"agent = the second in the list"_s, [&] {
        if (QComboBox *box = combo("agentFilter"); box && box->count() > 2) {
            box->setCurrentIndex(2);
            view->applyFilters();
        }
    });
    timed(u"range = last 7 days"_s, [&] {
        if (QComboBox *box = combo("rangeFilter"); box && box->count() > 3) {
            box->setCurrentIndex(3);
            view->applyFilters();
        }
    });
    timed(u"search \"appointment\" + provider = retell"_s, [&] {
        if (QComboBox *box = combo("providerFilter"))
            box->setCurrentIndex(std::max(0, box->findData(int(Provider::Retell))));
        search(u"appointment"_s);
    });
    // As typed: the search box waits for a pause in typing before it searches.
    {
        Figure typed{u"typed \"appointment\" (incl. typing pause)"_s, {}, u"<=300"_s, -1};
        for (int r = 0; r < options.repeats; ++r) {
            clearFilters();
            bool loaded = false;
            const auto connection =
                QObject::connect(model, &QAbstractItemModel::modelReset, model, [&loaded] { loaded = true; });
            QElapsedTimer clock;
            clock.start();
            view->searchBox()->setText(u"appointment"_s);
            spinUntil([&] { return loaded; }, 10'000);
            settle(tablePaints, table->viewport());
            typed.values.push_back(elapsedMs(clock));
            typed.rows = model->rowCount();
            QObject::disconnect(connection);
        }
        figures.push_back(typed);
    }
    clearFilters();

    // 4. The call with the most items, opened in its tab (CallDetail::load, the view, setDetail)
    //    until painted; closed again between runs. CallDetail::load alone on a reader of our own.
    std::vector<double> openMs, loadMs;
    qint64 items = 0;
    if (longCallId) {
        auto reader = StoreReader::open(*parsed, password);
        std::optional<TenantId> tenant;
        if (reader) {
            if (auto found = (*reader)->tenant(options.tenant))
                tenant = found->id;
        }
        for (int r = 0; r < options.repeats; ++r) {
            QElapsedTimer clock;
            clock.start();
            CallDetailView *detailView = page->openCall(longCallId);
            if (!detailView) {
                std::fprintf(stderr, "callscope-bench gui: cannot open call %lld\n",
                             static_cast<long long>(longCallId));
                return 1;
            }
            settle(new PaintCounter(detailView->timeline()->viewport()), detailView->timeline()->viewport());
            openMs.push_back(elapsedMs(clock));
            items = detailView->detail().items.size();
            page->closeCall(longCallId);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCoreApplication::processEvents();
            if (reader && tenant) {
                clock.restart();
                auto detail = CallDetail::load(**reader, *tenant, longCallId);
                loadMs.push_back(elapsedMs(clock));
            }
        }
        // Leave it open, as a user would, for the memory figure.
        page->openCall(longCallId);
        QCoreApplication::processEvents();
    }
    const double peak = peakRssMb();

    std::printf("\nstore %s, window %dx%d, platform %s\n", qPrintable(parsed->displayString()), options.width,
                options.height, qPrintable(QGuiApplication::platformName()));
    std::printf("%s %9s %9s %9s %7s  %s\n", qPrintable(u"figure"_s.leftJustified(46)), "median", "min", "max",
                "rows", "target");
    std::printf("%s %9.1f %9s %9s %7d  <=1000 ms\n",
                qPrintable(u"first page painted, from process start"_s.leftJustified(46)), firstPageMs, "",
                "", firstRows);
    std::vector<double> sorted = frames;
    std::sort(sorted.begin(), sorted.end());
    std::printf("%s %9.2f %9.2f %9.2f %7d  <=16 ms; p99 %.2f, %zu frames, %d rows in %.1f s\n",
                qPrintable(u"scroll frame (all)"_s.leftJustified(46)), median(frames),
                sorted.empty() ? 0.0 : sorted.front(), sorted.empty() ? 0.0 : sorted.back(), loadedRows,
                percentile(sorted, 0.99), frames.size(), scrolledRows, scrollSeconds);
    sorted = fetchFrames;
    std::sort(sorted.begin(), sorted.end());
    std::printf("%s %9.2f %9.2f %9.2f %7zu  <=16 ms (frames with fetchMore)\n",
                qPrintable(u"scroll frame with fetchMore"_s.leftJustified(46)), median(fetchFrames),
                sorted.empty() ? 0.0 : sorted.front(), sorted.empty() ? 0.0 : sorted.back(),
                fetchFrames.size());
    sorted = plainFrames;
    std::sort(sorted.begin(), sorted.end());
    std::printf("%s %9.2f %9.2f %9.2f %7s  <=16 ms; p99 %.2f\n",
                qPrintable(u"scroll frame without fetchMore"_s.leftJustified(46)), median(plainFrames),
                sorted.empty() ? 0.0 : sorted.front(), sorted.empty() ? 0.0 : sorted.back(), "",
                percentile(sorted, 0.99));
    for (const Figure &f : figures) {
        const auto [lo, hi] = std::minmax_element(f.values.begin(), f.values.end());
        std::printf("%s %9.1f %9.1f %9.1f %7lld  %s ms\n", qPrintable(f.name.leftJustified(46)),
                    median(f.values), *lo, *hi, static_cast<long long>(f.rows), qPrintable(f.target));
    }
    if (!openMs.empty()) {
        const auto [lo, hi] = std::minmax_element(openMs.begin(), openMs.end());
        std::printf("%s %9.1f %9.1f %9.1f %7lld  <=200 ms; first %.1f; CallDetail::load alone median %.1f\n",
                    qPrintable(u"open the %1-item call (load, view, paint)"_s.arg(items).leftJustified(46)),
                    median(openMs), *lo, *hi, static_cast<long long>(items), openMs.front(), median(loadMs));
    }
    std::printf("%s %9.0f %9s %9s %7s  <=300 MB; RSS at first page %.0f, after scrolling %.0f, now %.0f\n",
                qPrintable(u"peak RSS (MB)"_s.leftJustified(46)), peak, "", "", "", rssAtFirstPage,
                rssAfterScroll, rssMb());
    std::fflush(stdout);
    window.hide();
    store->stop();
    return 0;
}

} // namespace CallScope::Bench
