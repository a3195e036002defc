// SPDX-License-Identifier: GPL-3.0-or-later
#include "calldetailview.h"

#include "callpresentation.h"
#include "calltimelinewidget.h"
#include "receiptsview.h"
#include "timelineinspector.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QImageWriter>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

// The facts under the title, in their grid order.
enum Fact
{
    AgentFact,
    ProviderFact,
    DirectionFact,
    StartedFact,
    DurationFact,
    EndedReasonFact,
    CostFact,
    LinksFact,
    FactCount
};
constexpr int factsPerRow = 4;

const char *const factNames[FactCount] = {"headerAgent",   "headerProvider", "headerDirection",
                                          "headerStarted", "headerDuration", "headerEndedReason",
                                          "headerCost",    "headerLinks"};

// Only web links become clickable: the URLs came from webhooks.
QString link(const QString &url, const QString &text)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || (parsed.scheme() != "https"_L1 && parsed.scheme() != "http"_L1))
        return {};
    return u"<a href=\"%1\">%2</a>"_s.arg(parsed.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                          text.toHtmlEscaped());
}

std::unexpected<QString> cannotWrite(const QString &path, const QString &reason)
{
    return std::unexpected(
        CallDetailView::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason));
}

} // namespace

CallDetailView::CallDetailView(QWidget *parent)
    : QWidget(parent)
    , m_header(new QWidget(this))
    , m_title(new QLabel(m_header))
    , m_outcome(new QLabel(m_header))
    , m_summary(new QLabel(m_header))
    , m_exportStatus(new QLabel(m_header))
    , m_exportJson(new QToolButton(m_header))
    , m_exportPng(new QToolButton(m_header))
    , m_tabs(new QTabWidget(this))
    , m_timelineHint(new QLabel(this))
    , m_timeline(new CallTimelineWidget(this))
    , m_inspector(new TimelineInspector(this))
    , m_receipts(new ReceiptsView(this))
{
    setObjectName(u"callDetailView"_s);
    m_header->setObjectName(u"callHeader"_s);
    m_title->setObjectName(u"headerTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Numbers, summaries and paths come from webhooks and the file system: never markup.
    for (QLabel *label : {m_title, m_summary, m_exportStatus, m_timelineHint})
        label->setTextFormat(Qt::PlainText);
    m_outcome->setObjectName(u"headerOutcome"_s);
    m_outcome->setTextFormat(Qt::RichText);
    QFont outcomeFont = m_outcome->font();
    outcomeFont.setPointSizeF(outcomeFont.pointSizeF() * 1.1);
    m_outcome->setFont(outcomeFont);
    m_summary->setObjectName(u"headerSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_exportStatus->setObjectName(u"exportStatus"_s);
    m_exportStatus->setWordWrap(true);
    m_exportStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportStatus->hide();
    m_exportJson->setObjectName(u"exportJson"_s);
    m_exportPng->setObjectName(u"exportPng"_s);
    for (QToolButton *button : {m_exportJson, m_exportPng})
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(14);
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_outcome);
    titleRow->addStretch(1);
    titleRow->addWidget(m_exportJson);
    titleRow->addWidget(m_exportPng);

    auto *facts = new QGridLayout;
    facts->setHorizontalSpacing(28);
    facts->setVerticalSpacing(1);
    for (int i = 0; i < FactCount; ++i) {
        auto *caption = new QLabel(m_header);
        caption->setForegroundRole(QPalette::PlaceholderText);
        QFont small = caption->font();
        small.setPointSizeF(small.pointSizeF() * 0.88);
        caption->setFont(small);
        auto *value = new QLabel(m_header);
        value->setObjectName(QString::fromLatin1(factNames[i]));
        value->setTextFormat(Qt::RichText);
        value->setTextInteractionFlags(Qt::TextBrowserInteraction);
        value->setOpenExternalLinks(true);
        const int row = (i / factsPerRow) * 3;
        facts->addWidget(caption, row, i % factsPerRow);
        facts->addWidget(value, row + 1, i % factsPerRow);
        if (i % factsPerRow == 0 && i > 0)
            facts->setRowMinimumHeight(row - 1, 8);
        m_captions.append(caption);
        m_values.append(value);
    }
    facts->setColumnStretch(factsPerRow, 1);

    auto *headerLayout = new QVBoxLayout(m_header);
    headerLayout->setContentsMargins(16, 12, 16, 10);
    headerLayout->setSpacing(10);
    headerLayout->addLayout(titleRow);
    headerLayout->addLayout(facts);
    headerLayout->addWidget(m_summary);
    headerLayout->addWidget(m_exportStatus);

    // The timeline tab: zoom buttons, the timeline and the inspector beside it.
    auto *timelinePage = new QWidget(m_tabs);
    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(8, 4, 8, 4);
    tools->setSpacing(4);
    for (QAction *action :
         {m_timeline->fitAction(), m_timeline->zoomOutAction(), m_timeline->zoomInAction()}) {
        auto *button = new QToolButton(timelinePage);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(true);
        tools->addWidget(button);
    }
    tools->addSpacing(12);
    m_timelineHint->setForegroundRole(QPalette::PlaceholderText);
    tools->addWidget(m_timelineHint, 1);
    auto *split = new QSplitter(Qt::Horizontal, timelinePage);
    split->setObjectName(u"timelineSplitter"_s);
    split->setChildrenCollapsible(false);
    split->addWidget(m_timeline);
    split->addWidget(m_inspector);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({620, 380});
    auto *timelineLayout = new QVBoxLayout(timelinePage);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->setSpacing(0);
    timelineLayout->addLayout(tools);
    timelineLayout->addWidget(split, 1);

    m_tabs->setObjectName(u"callDetailTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(timelinePage, QString());
    m_tabs->addTab(m_receipts, QString());

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(line);
    layout->addWidget(m_tabs, 1);

    connect(m_timeline, &CallTimelineWidget::selectionChanged, this,
            [this](int index) { m_inspector->showItem(m_timeline->detail(), index); });
    connect(m_inspector, &TimelineInspector::itemRequested, this, [this](int index) {
        m_timeline->setSelectedIndex(index);
        m_timeline->setFocus();
    });
    connect(m_exportJson, &QToolButton::clicked, this, [this] { exportInteractively(false); });
    connect(m_exportPng, &QToolButton::clicked, this, [this] { exportInteractively(true); });
    m_fileChooser = [this](const QString &caption, const QString &suggested, const QString &filter) {
        return QFileDialog::getSaveFileName(this, caption, suggested, filter);
    };
    retranslateUi();
}

CallDetailView::~CallDetailView() = default;

void CallDetailView::setTenantSlug(const QString &slug)
{
    m_tenantSlug = slug;
}

void CallDetailView::setFileChooser(FileChooser chooser)
{
    m_fileChooser = std::move(chooser);
}

const CallDetail &CallDetailView::detail() const
{
    return m_timeline->detail();
}

void CallDetailView::setDetail(const CallDetail &detail)
{
    const bool sameCall = detail.summary.id != 0 && detail.summary.id == this->detail().summary.id;
    if (!sameCall)
        m_exportStatus->hide();
    m_timeline->setDetail(detail);
    m_inspector->showItem(detail, m_timeline->selectedIndex());
    m_receipts->setReceipts(detail.receipts, detail.summary.startedAt);
    updateHeader();
}

void CallDetailView::selectFunction(const QString &toolCallId)
{
    if (m_timeline->selectFunction(toolCallId)) {
        m_tabs->setCurrentIndex(0);
        m_timeline->setFocus();
    }
}

bool CallDetailView::selectFailureAt(qint64 offsetMs)
{
    const QList<TimelineItem> &items = detail().items;
    // A failed function is where it ended (when its error was reported), an error marker where it is.
    const auto failed = [](const TimelineItem &item) {
        return item.kind == TimelineItem::Kind::Error ||
               (item.kind == TimelineItem::Kind::Function &&
                (item.trace.status == FunctionStatus::Error || item.trace.status == FunctionStatus::Timeout));
    };
    const auto distance = [offsetMs](const TimelineItem &item) {
        qint64 best = std::abs(item.offsetMs - offsetMs);
        if (item.endOffsetMs)
            best = std::min(best, std::abs(*item.endOffsetMs - offsetMs));
        return best;
    };
    int nearest = -1;
    for (bool onlyFailures : {true, false}) {
        for (int i = 0; i < items.size(); ++i) {
            if (onlyFailures && !failed(items.at(i)))
                continue;
            if (nearest < 0 || distance(items.at(i)) < distance(items.at(nearest)))
                nearest = i;
        }
        if (nearest >= 0)
            break;
    }
    if (nearest < 0)
        return false;
    m_tabs->setCurrentIndex(0);
    m_timeline->setSelectedIndex(nearest);
    m_timeline->setFocus();
    return true;
}

void CallDetailView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CallDetailView::retranslateUi()
{
    m_exportJson->setText(tr("Export JSON…"));
    m_exportJson->setToolTip(tr("Save the call, its timeline and its receipts as one JSON file"));
    m_exportPng->setText(tr("Export PNG…"));
    m_exportPng->setToolTip(tr("Save the whole timeline as an image"));
    const QStringList captions{tr("Agent"),    tr("Provider"),     tr("Direction"), tr("Started"),
                               tr("Duration"), tr("Ended reason"), tr("Cost"),      tr("Links")};
    for (int i = 0; i < FactCount; ++i)
        m_captions[i]->setText(captions.at(i).toUpper());
    m_timelineHint->setText(
        tr("Click a bar or a bubble to inspect it · Ctrl+wheel zooms · Up/Down walk the call"));
    m_tabs->setTabText(0, tr("Timeline"));
    m_timeline->retranslateUi();
    m_inspector->retranslateUi();
    m_receipts->retranslateUi();
    updateHeader();
}

void CallDetailView::updateHeader()
{
    const CallDetail &detail = this->detail();
    const CallSummary &call = detail.summary;
    const bool loaded = call.id != 0 || !detail.items.isEmpty() || !detail.receipts.isEmpty();
    m_exportJson->setEnabled(loaded);
    m_exportPng->setEnabled(loaded);
    m_tabs->setTabText(1, tr("Receipts (%1)").arg(detail.receipts.size()));

    const QString dash = u"—"_s;
    if (!call.fromNumber.isEmpty() || !call.toNumber.isEmpty()) {
        m_title->setText(tr("%1 → %2").arg(call.fromNumber.isEmpty() ? tr("unknown") : call.fromNumber,
                                           call.toNumber.isEmpty() ? tr("unknown") : call.toNumber));
    } else if (loaded) {
        m_title->setText(tr("Call %1").arg(call.providerCallId.isEmpty() ? call.uuid : call.providerCallId));
    } else {
        m_title->setText(tr("No call selected"));
    }
    m_title->setToolTip(call.providerCallId.isEmpty() ? QString()
                                                      : tr("Provider call id: %1").arg(call.providerCallId));

    // The outcome in colour, with a symbol and a word.
    QString state;
    QColor color;
    if (call.stale) {
        color = CallPresentation::warningColor(palette());
        state = tr("⚠ Stale: no end received");
    } else if (call.status == CallStatus::Ended) {
        color = CallPresentation::outcomeColor(call.outcome, palette());
        state = u"● "_s + (call.outcome ? CallPresentation::outcome(*call.outcome) : tr("Ended"));
    } else {
        color = CallPresentation::outcomeColor(std::nullopt, palette());
        state = u"◌ "_s + CallPresentation::callStatus(call.status);
    }
    m_outcome->setText(!loaded ? QString()
                               : u"<span style=\"color:%1;font-weight:600\">%2</span>"_s.arg(
                                     color.name(), state.toHtmlEscaped()));

    const auto plain = [&dash](const QString &text) { return text.isEmpty() ? dash : text.toHtmlEscaped(); };
    m_values[AgentFact]->setText(plain(call.agent));
    m_values[ProviderFact]->setText(loaded ? CallPresentation::provider(call.provider).toHtmlEscaped()
                                           : dash);
    m_values[DirectionFact]->setText(plain(CallPresentation::direction(call.direction)));
    m_values[StartedFact]->setText(
        call.startedAt ? CallPresentation::localDateTime(*call.startedAt).toHtmlEscaped() : dash);
    QString duration = dash;
    if (call.durationMs)
        duration = CallPresentation::duration(*call.durationMs).toHtmlEscaped();
    else if (loaded && call.status != CallStatus::Ended)
        duration = tr("running, %1 so far").arg(CallPresentation::duration(detail.spanMs())).toHtmlEscaped();
    m_values[DurationFact]->setText(duration);
    m_values[EndedReasonFact]->setText(plain(call.endedReason));
    QString cost = dash;
    if (detail.costCents) {
        // As many decimals as the amount has (a provider may bill fractions of a cent), at least two.
        const double amount = *detail.costCents / 100.0;
        const auto exact = [amount](int decimals) {
            const double scaled = amount * std::pow(10.0, decimals);
            return std::abs(scaled - std::round(scaled)) < 1e-6;
        };
        int decimals = 2;
        while (decimals < 6 && !exact(decimals))
            ++decimals;
        cost = QLocale().toString(amount, 'f', decimals);
        if (!detail.currency.isEmpty())
            cost += u' ' + detail.currency.toHtmlEscaped();
    }
    m_values[CostFact]->setText(cost);
    QStringList links;
    if (const QString recording = link(detail.recordingUrl, tr("Recording")); !recording.isEmpty())
        links << recording;
    if (const QString log = link(detail.logUrl, tr("Provider log")); !log.isEmpty())
        links << log;
    m_values[LinksFact]->setText(links.isEmpty() ? dash : links.join(u" · "_s));

    m_summary->setText(detail.summaryText.isEmpty() ? QString() : tr("Summary: %1").arg(detail.summaryText));
    m_summary->setVisible(!detail.summaryText.isEmpty());
}

std::expected<void, QString> CallDetailView::exportBundle(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(path, file.errorString());
    file.write(QJsonDocument(callBundleJson(detail(), m_tenantSlug)).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return cannotWrite(path, file.errorString());
    return {};
}

std::expected<void, QString> CallDetailView::exportPng(const QString &path) const
{
    const QImage image = m_timeline->renderToImage(std::max(1000, m_timeline->viewport()->width()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(path, file.errorString());
    QImageWriter writer(&file, "png");
    if (!writer.write(image))
        return cannotWrite(path, writer.errorString());
    if (!file.commit())
        return cannotWrite(path, file.errorString());
    return {};
}

QString CallDetailView::suggestedFileName(const QString &extension) const
{
    const CallSummary &call = detail().summary;
    QString name = call.uuid.isEmpty() ? QString::number(call.id) : call.uuid;
    name.replace(QRegularExpression(u"[^A-Za-z0-9_.-]"_s), u"_"_s);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(folder).filePath(u"call-"_s + name + u'.' + extension);
}

void CallDetailView::exportInteractively(bool png)
{
    const QString path = png ? m_fileChooser(tr("Export the timeline as PNG"), suggestedFileName(u"png"_s),
                                             tr("PNG images (*.png)"))
                             : m_fileChooser(tr("Export the call as JSON"), suggestedFileName(u"json"_s),
                                             tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    const auto written = png ? exportPng(path) : exportBundle(path);
    if (written) {
        m_exportStatus->setStyleSheet(QString());
        m_exportStatus->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    } else {
        m_exportStatus->setStyleSheet(u"color: %1;"_s.arg(CallPresentation::errorColor(palette()).name()));
        m_exportStatus->setText(written.error());
    }
    m_exportStatus->show();
}

} // namespace CallScope
