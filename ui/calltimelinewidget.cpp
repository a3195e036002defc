// SPDX-License-Identifier: GPL-3.0-or-later
#include "calltimelinewidget.h"

#include "callpresentation.h"

#include <QAction>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTextLayout>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

constexpr double topMargin = 16;    // room above the call's start
constexpr double bottomMargin = 28; // and below its end
constexpr double sideMargin = 10;
constexpr double laneGap = 18;
constexpr double bubblePadH = 10;
constexpr double bubblePadV = 6;
constexpr double bubbleGap = 3;
constexpr double cardPadH = 8;
constexpr double cardPadV = 3;
constexpr double cardGap = 3;
constexpr double columnGap = 6;
constexpr double stripWidth = 5;
constexpr int maxColumns = 3;
// Below this a whole-call fit is too dense to read: a new call opens at this zoom from its start.
constexpr double readablePixelsPerSecond = 14.0;
constexpr double zoomStep = 1.25;

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

// Ours and the platform's, once each: a sequence listed twice would be ambiguous and do nothing.
QList<QKeySequence> shortcuts(const QKeySequence &ours, QKeySequence::StandardKey standard)
{
    QList<QKeySequence> out{ours};
    for (const QKeySequence &sequence : QKeySequence::keyBindings(standard)) {
        if (!out.contains(sequence))
            out.append(sequence);
    }
    return out;
}

} // namespace

CallTimelineWidget::CallTimelineWidget(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_fitAction(new QAction(this))
    , m_zoomInAction(new QAction(this))
    , m_zoomOutAction(new QAction(this))
{
    setObjectName(u"callTimeline"_s);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    setMinimumSize(480, 240);

    m_fitAction->setObjectName(u"timelineFit"_s);
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_zoomInAction->setObjectName(u"timelineZoomIn"_s);
    m_zoomInAction->setShortcuts(shortcuts(QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn));
    m_zoomOutAction->setObjectName(u"timelineZoomOut"_s);
    m_zoomOutAction->setShortcuts(shortcuts(QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut));
    for (QAction *action : {m_fitAction, m_zoomInAction, m_zoomOutAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(m_fitAction, &QAction::triggered, this, &CallTimelineWidget::fitToCall);
    connect(m_zoomInAction, &QAction::triggered, this, [this] { zoomBy(zoomStep); });
    connect(m_zoomOutAction, &QAction::triggered, this, [this] { zoomBy(1.0 / zoomStep); });

    updateFonts();
    retranslateUi();
}

CallTimelineWidget::~CallTimelineWidget() = default;

void CallTimelineWidget::retranslateUi()
{
    m_fitAction->setText(tr("Fit to call"));
    m_fitAction->setToolTip(tr("Show the whole call (Ctrl+0)"));
    m_zoomInAction->setText(tr("Zoom in"));
    m_zoomInAction->setToolTip(tr("Zoom in (Ctrl+=, or Ctrl+wheel)"));
    m_zoomOutAction->setText(tr("Zoom out"));
    m_zoomOutAction->setToolTip(tr("Zoom out (Ctrl+−, or Ctrl+wheel)"));
    viewport()->update();
}

// ---- data ---------------------------------------------------------------------------------------

void CallTimelineWidget::setDetail(const CallDetail &detail)
{
    const bool sameCall = detail.summary.id != 0 && detail.summary.id == m_detail.summary.id;
    const bool follow = sameCall && atBottom() && m_autoScale == AutoScale::None;
    const CallDetail previous = m_detail;
    m_detail = detail;
    m_texts.clear();
    m_columns = Columns();
    rebuildIndexes();
    if (sameCall) {
        keepSelection(previous);
        if (m_autoScale == AutoScale::Fit)
            fitToCall();
        else if (m_autoScale == AutoScale::Initial)
            applyScale(initialScale());
        else
            applyScale(m_scale);
        if (follow)
            scrollToBottom();
    } else {
        const bool hadSelection = m_selected >= 0;
        m_selected = -1;
        m_highlighted.clear();
        m_autoScale = AutoScale::Initial;
        applyScale(initialScale());
        if (hadSelection)
            emit selectionChanged(-1);
    }
    viewport()->update();
}

void CallTimelineWidget::rebuildIndexes()
{
    const QList<TimelineItem> &items = m_detail.items;
    m_turns.clear();
    m_markers.clear();
    m_functions.clear();
    m_entryOfItem.fill(-1, items.size());
    m_spanMs = m_detail.spanMs();
    for (int i = 0; i < items.size(); ++i) {
        const TimelineItem &item = items.at(i);
        if (item.kind == TimelineItem::Kind::Transcript) {
            m_turns.append(i);
        } else if (item.kind == TimelineItem::Kind::Function) {
            const TraceRecord &trace = item.trace;
            const std::optional<qint64> duration = CallPresentation::functionDuration(trace);
            FunctionEntry entry{i, double(item.offsetMs), double(item.offsetMs), false};
            // Only the end arrived: the reported duration says where it started.
            if (!trace.startOffsetMs && trace.endOffsetMs && duration)
                entry.startMs = double(*trace.endOffsetMs - *duration);
            if (item.endOffsetMs)
                entry.endMs = double(*item.endOffsetMs);
            else if (duration)
                entry.endMs = entry.startMs + double(*duration);
            else if (trace.status == FunctionStatus::Pending)
                entry.open = true;
            entry.endMs = std::max(entry.endMs, entry.startMs);
            m_functions.append(entry);
        } else {
            m_markers.append(i);
        }
    }
    std::stable_sort(m_functions.begin(), m_functions.end(),
                     [](const FunctionEntry &a, const FunctionEntry &b) { return a.startMs < b.startMs; });
    const double axisEnd =
        std::max<double>(m_spanMs, m_functions.isEmpty() ? 0.0 : m_functions.last().startMs);
    m_functionMaxEnd.resize(m_functions.size());
    double runningMax = -std::numeric_limits<double>::infinity();
    for (int pos = 0; pos < m_functions.size(); ++pos) {
        FunctionEntry &entry = m_functions[pos];
        if (entry.open)
            entry.endMs = std::max(entry.startMs, axisEnd);
        m_entryOfItem[entry.index] = pos;
        runningMax = std::max(runningMax, entry.endMs);
        m_functionMaxEnd[pos] = runningMax;
    }
}

void CallTimelineWidget::keepSelection(const CallDetail &previous)
{
    if (m_selected < 0 || m_selected >= previous.items.size()) {
        m_selected = -1;
        m_highlighted.clear();
        return;
    }
    const TimelineItem old = previous.items.at(m_selected);
    const int oldIndex = m_selected;
    int found = -1;
    const QList<TimelineItem> &items = m_detail.items;
    if (old.kind == TimelineItem::Kind::Function && !old.trace.toolCallId.isEmpty()) {
        for (int i = 0; i < items.size() && found < 0; ++i) {
            if (items.at(i).kind == TimelineItem::Kind::Function &&
                items.at(i).trace.toolCallId == old.trace.toolCallId)
                found = i;
        }
    } else {
        // Turns and markers are known by their kind and offset (a function without an id also by its name).
        auto it = std::lower_bound(items.cbegin(), items.cend(), old.offsetMs,
                                   [](const TimelineItem &item, qint64 at) { return item.offsetMs < at; });
        for (; it != items.cend() && it->offsetMs == old.offsetMs && found < 0; ++it) {
            if (it->kind == old.kind && it->role == old.role && it->trace.name == old.trace.name)
                found = int(it - items.cbegin());
        }
    }
    m_selected = -1;
    select(found, false);
    if (found == oldIndex && found >= 0)
        emit selectionChanged(found); // the same item may have changed (a pending call finished)
}

// ---- fonts and frame ------------------------------------------------------------------------------

void CallTimelineWidget::updateFonts()
{
    m_textFont = font();
    m_smallFont = font();
    if (m_smallFont.pointSizeF() > 0)
        m_smallFont.setPointSizeF(m_smallFont.pointSizeF() * 0.88);
    else
        m_smallFont.setPixelSize(std::max(8, int(m_smallFont.pixelSize() * 0.88)));
    m_boldSmallFont = m_smallFont;
    m_boldSmallFont.setBold(true);
    m_headerFont = font();
    m_headerFont.setBold(true);
    m_lineHeight = QFontMetricsF(m_textFont).lineSpacing();
    m_smallLineHeight = QFontMetricsF(m_smallFont).lineSpacing();
    m_cardMinHeight = 2 * cardPadV + m_lineHeight;
}

CallTimelineWidget::Frame CallTimelineWidget::frame(QSizeF size, const TimeScale &scale) const
{
    Frame f;
    f.width = size.width();
    f.height = size.height();
    f.scale = scale;
    f.headerHeight = std::ceil(QFontMetricsF(m_headerFont).lineSpacing() + 16);
    const QFontMetricsF small(m_smallFont);
    const double gutter = small.horizontalAdvance(m_spanMs >= 3'600'000 ? u"0:00:00.0"_s : u"00:00.0"_s);
    f.gutterRight = sideMargin + gutter;
    f.axisX = std::round(f.gutterRight + 10) + 0.5;
    f.markersLeft = f.axisX + 12;
    f.markersRight = f.markersLeft + std::clamp(f.width * 0.15, 96.0, 170.0);
    const double lanesLeft = f.markersRight + 12;
    const double lanesRight = std::max(lanesLeft + 240, f.width - 12);
    const double lanes = lanesRight - lanesLeft - laneGap;
    f.transcriptLeft = lanesLeft;
    f.transcriptRight = std::round(lanesLeft + lanes * 0.56);
    f.functionsLeft = f.transcriptRight + laneGap;
    f.functionsRight = lanesRight;
    return f;
}

CallTimelineWidget::Frame CallTimelineWidget::viewFrame() const
{
    return frame(QSizeF(viewport()->size()), m_scale);
}

double CallTimelineWidget::contentStartMs() const
{
    double start = 0;
    if (!m_detail.items.isEmpty())
        start = std::min<double>(start, m_detail.items.first().offsetMs);
    if (!m_functions.isEmpty())
        start = std::min(start, m_functions.first().startMs);
    return start;
}

double CallTimelineWidget::contentEndMs() const
{
    double end = std::max<double>(m_spanMs, contentStartMs() + 1000.0);
    if (!m_functionMaxEnd.isEmpty())
        end = std::max(end, m_functionMaxEnd.last());
    return end;
}

// The height of everything from the call's start to below its last bubble.
double CallTimelineWidget::contentPixels(const Frame &f) const
{
    const double pps = f.scale.pixelsPerSecond();
    const double start = contentStartMs();
    double bottom = (contentEndMs() - start) * pps / 1000.0;
    if (!m_turns.isEmpty()) {
        const int last = m_turns.last();
        bottom = std::max(bottom,
                          (m_detail.items.at(last).offsetMs - start) * pps / 1000.0 + bubbleHeight(f, last));
    }
    if (!m_functions.isEmpty())
        bottom = std::max(bottom, (m_functions.last().startMs - start) * pps / 1000.0 + m_cardMinHeight);
    return topMargin + bottom + bottomMargin;
}

// ---- scale and scrolling --------------------------------------------------------------------------

TimeScale CallTimelineWidget::initialScale() const
{
    const Frame f = viewFrame();
    const double view = std::max(1.0, f.height - f.headerHeight);
    const TimeScale fitted = TimeScale::fitting(contentStartMs(), contentEndMs(), view, topMargin);
    if (fitted.pixelsPerSecond() >= readablePixelsPerSecond)
        return fitted;
    return TimeScale(readablePixelsPerSecond,
                     contentStartMs() - topMargin * 1000.0 / readablePixelsPerSecond);
}

void CallTimelineWidget::setScale(const TimeScale &scale)
{
    m_autoScale = AutoScale::None;
    applyScale(scale);
}

void CallTimelineWidget::applyScale(const TimeScale &scale)
{
    const double pps = scale.pixelsPerSecond();
    const double start = contentStartMs();
    const Frame f = frame(QSizeF(viewport()->size()), scale);
    const double view = std::max(1.0, f.height - f.headerHeight);
    const double maxScroll = std::max(0.0, contentPixels(f) - view);
    const double scroll = std::clamp((scale.originMs() - start) * pps / 1000.0 + topMargin, 0.0, maxScroll);
    const TimeScale clamped(pps, start + (scroll - topMargin) * 1000.0 / pps);
    const bool changed = !(clamped == m_scale);
    m_scale = clamped;
    updateScrollBar();
    viewport()->update();
    if (changed)
        emit scaleChanged();
}

void CallTimelineWidget::updateScrollBar()
{
    const Frame f = viewFrame();
    const double pps = m_scale.pixelsPerSecond();
    const double view = std::max(1.0, f.height - f.headerHeight);
    const int maxScroll = int(std::ceil(std::max(0.0, contentPixels(f) - view)));
    const double scroll = (m_scale.originMs() - contentStartMs()) * pps / 1000.0 + topMargin;
    QScopedValueRollback guard(m_syncingScrollBar, true);
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, maxScroll);
    bar->setPageStep(std::max(1, int(view * 0.9)));
    bar->setSingleStep(std::max(1, int(m_lineHeight * 3)));
    bar->setValue(std::clamp(int(std::lround(scroll)), 0, maxScroll));
}

void CallTimelineWidget::scrollContentsBy(int, int)
{
    if (m_syncingScrollBar)
        return;
    const double pps = m_scale.pixelsPerSecond();
    m_scale = TimeScale(pps, contentStartMs() + (verticalScrollBar()->value() - topMargin) * 1000.0 / pps);
    m_autoScale = AutoScale::None;
    viewport()->update();
    emit scaleChanged();
}

bool CallTimelineWidget::atBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void CallTimelineWidget::scrollToBottom()
{
    const Frame f = viewFrame();
    const double view = std::max(1.0, f.height - f.headerHeight);
    const double pps = m_scale.pixelsPerSecond();
    const double scroll = std::max(0.0, contentPixels(f) - view);
    applyScale(TimeScale(pps, contentStartMs() + (scroll - topMargin) * 1000.0 / pps));
}

void CallTimelineWidget::fitToCall()
{
    const Frame f = viewFrame();
    const double view = std::max(1.0, f.height - f.headerHeight);
    applyScale(TimeScale::fitting(contentStartMs(), contentEndMs(), view, topMargin));
    m_autoScale = AutoScale::Fit;
}

void CallTimelineWidget::zoomBy(double factor)
{
    const Frame f = viewFrame();
    double anchor = (f.height - f.headerHeight) / 2.0;
    // Zooming by keyboard keeps the selected item where it is when it is on screen.
    if (const QRect selected = itemRect(m_selected); !selected.isEmpty())
        anchor = selected.top() - f.headerHeight;
    zoomAt(factor, anchor);
}

void CallTimelineWidget::zoomAt(double factor, double anchorPixel)
{
    m_autoScale = AutoScale::None;
    applyScale(m_scale.zoomed(factor, anchorPixel));
}

void CallTimelineWidget::ensureVisible(int index)
{
    if (index < 0 || index >= m_detail.items.size())
        return;
    const Frame f = viewFrame();
    const TimelineItem &item = m_detail.items.at(index);
    double top = f.y(item.offsetMs);
    double height = m_smallLineHeight;
    if (item.kind == TimelineItem::Kind::Transcript) {
        height = bubbleHeight(f, index);
    } else if (item.kind == TimelineItem::Kind::Function) {
        const int pos = m_entryOfItem.value(index, -1);
        if (pos >= 0) {
            top = f.y(m_functions.at(pos).startMs);
            height = columnsFor(m_scale.pixelsPerSecond()).cardHeight.at(pos);
        }
    }
    const double viewTop = f.headerHeight + 8;
    const double viewBottom = f.height - 8;
    if (top >= viewTop && top + std::min(height, viewBottom - viewTop) <= viewBottom)
        return;
    // Into view with some context above it.
    const double wanted =
        viewTop + std::max(0.0, std::min((viewBottom - viewTop) / 3.0, viewBottom - viewTop - height));
    m_autoScale = AutoScale::None;
    applyScale(m_scale.scrolled(top - wanted));
}

// ---- selection ----------------------------------------------------------------------------------

void CallTimelineWidget::setSelectedIndex(int index)
{
    select(index, true);
}

bool CallTimelineWidget::selectFunction(const QString &toolCallId)
{
    for (int i = 0; i < m_detail.items.size(); ++i) {
        const TimelineItem &item = m_detail.items.at(i);
        if (item.kind == TimelineItem::Kind::Function && item.trace.toolCallId == toolCallId) {
            select(i, true);
            return true;
        }
    }
    return false;
}

void CallTimelineWidget::select(int index, bool scroll)
{
    if (index < 0 || index >= m_detail.items.size())
        index = -1;
    if (scroll)
        ensureVisible(index);
    if (index == m_selected)
        return;
    m_selected = index;
    m_highlighted.clear();
    if (index >= 0) {
        const TimelineItem::Kind kind = m_detail.items.at(index).kind;
        if (kind == TimelineItem::Kind::Transcript) {
            m_highlighted = m_detail.functionsDuring(index);
        } else if (kind == TimelineItem::Kind::Function) {
            if (const int turn = m_detail.turnOf(index); turn >= 0)
                m_highlighted = {turn};
        }
    }
    viewport()->update();
    emit selectionChanged(index);
    if (index >= 0 && m_detail.items.at(index).kind == TimelineItem::Kind::Function)
        emit functionSelected(index);
    if (index >= 0 && m_detail.items.at(index).kind == TimelineItem::Kind::Transcript)
        emit turnSelected(index);
}

// ---- layout -------------------------------------------------------------------------------------

const CallTimelineWidget::Columns &CallTimelineWidget::columnsFor(double pixelsPerSecond) const
{
    if (m_columns.pixelsPerSecond != pixelsPerSecond)
        m_columns = computeColumns(pixelsPerSecond);
    return m_columns;
}

// Functions that ran at the same time go side by side (at most three columns; a fourth shortens the
// card it lands on). A card is as tall as its call lasted, at least one line of text, but it never
// covers the next card: at a low zoom the labels give way and the bars stay. A cluster of
// concurrent calls shares its column count; the rest of the call keeps the full width.
CallTimelineWidget::Columns CallTimelineWidget::computeColumns(double pixelsPerSecond) const
{
    Columns out;
    out.pixelsPerSecond = pixelsPerSecond;
    const int n = int(m_functions.size());
    out.column.resize(n);
    out.columnCount.resize(n);
    out.cardHeight.resize(n);
    constexpr double minimumExtent = 1.0;
    const auto topOf = [&](int i) { return m_functions.at(i).startMs * pixelsPerSecond / 1000.0; };
    const auto lengthOf = [&](int i) {
        return (m_functions.at(i).endMs - m_functions.at(i).startMs) * pixelsPerSecond / 1000.0;
    };
    double columnEnd[maxColumns];
    int columnLast[maxColumns];
    int columnCluster[maxColumns];
    std::fill(std::begin(columnEnd), std::end(columnEnd), -std::numeric_limits<double>::infinity());
    std::fill(std::begin(columnLast), std::end(columnLast), -1);
    std::fill(std::begin(columnCluster), std::end(columnCluster), -1);
    int cluster = -1;
    int clusterStart = 0;
    int clusterColumns = 1;
    double clusterEnd = -std::numeric_limits<double>::infinity();
    const auto closeCluster = [&](int end) {
        for (int j = clusterStart; j < end; ++j)
            out.columnCount[j] = qint8(clusterColumns);
    };
    for (int i = 0; i < n; ++i) {
        const double top = topOf(i);
        const double extent = std::max(lengthOf(i), minimumExtent);
        if (top >= clusterEnd) {
            closeCluster(i);
            ++cluster;
            clusterStart = i;
            clusterColumns = 1;
            std::fill(std::begin(columnEnd), std::end(columnEnd), -std::numeric_limits<double>::infinity());
        }
        int column = -1;
        for (int c = 0; c < maxColumns && column < 0; ++c) {
            if (columnEnd[c] <= top)
                column = c;
        }
        if (column < 0)
            column =
                int(std::min_element(std::begin(columnEnd), std::end(columnEnd)) - std::begin(columnEnd));
        // Cards above that would reach into this one end where it starts (side by side ones stay).
        for (int c = 0; c < maxColumns; ++c) {
            const int previous = columnLast[c];
            if (previous < 0 || (c != column && columnCluster[c] == cluster))
                continue;
            const double room = top - topOf(previous) - cardGap;
            out.cardHeight[previous] = float(std::min<double>(
                out.cardHeight[previous], std::max(room, std::max(lengthOf(previous), minimumExtent))));
        }
        out.column[i] = qint8(column);
        out.cardHeight[i] = float(std::max(extent, m_cardMinHeight));
        columnEnd[column] = top + extent + 1.0;
        columnLast[column] = i;
        columnCluster[column] = cluster;
        clusterColumns = std::max(clusterColumns, column + 1);
        clusterEnd = std::max(clusterEnd, columnEnd[column]);
    }
    closeCluster(n);
    return out;
}

double CallTimelineWidget::bubbleMaxTextWidth(const Frame &f) const
{
    return std::max(60.0, (f.transcriptRight - f.transcriptLeft) * 0.86 - 2 * bubblePadH);
}

const CallTimelineWidget::BubbleText &CallTimelineWidget::bubbleText(int itemIndex, int width) const
{
    auto it = m_texts.find(itemIndex);
    if (it != m_texts.end() && it->width == width)
        return *it;
    BubbleText text;
    text.width = width;
    const QString content = m_detail.items.at(itemIndex).text.simplified();
    QTextLayout layout(content, m_textFont);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        text.lineStarts.append(line.textStart());
        text.lines.append(content.mid(line.textStart(), line.textLength()).trimmed());
        text.naturalWidth = std::max(text.naturalWidth, line.naturalTextWidth());
    }
    layout.endLayout();
    return *m_texts.insert(itemIndex, text);
}

// A bubble with all of its text, and at least as tall as the turn lasted.
double CallTimelineWidget::bubbleHeight(const Frame &f, int itemIndex) const
{
    const TimelineItem &item = m_detail.items.at(itemIndex);
    const BubbleText &text = bubbleText(itemIndex, int(bubbleMaxTextWidth(f)));
    const double textHeight =
        2 * bubblePadV + m_smallLineHeight + 2 + std::max<qsizetype>(1, text.lines.size()) * m_lineHeight;
    const double spoken =
        item.endOffsetMs ? f.scale.lengthOf(double(*item.endOffsetMs - item.offsetMs)) : 0.0;
    return std::max(textHeight, spoken);
}

int CallTimelineWidget::turnPosition(int itemIndex) const
{
    const auto it = std::lower_bound(m_turns.cbegin(), m_turns.cend(), itemIndex);
    return it != m_turns.cend() && *it == itemIndex ? int(it - m_turns.cbegin()) : -1;
}

CallTimelineWidget::Drawable CallTimelineWidget::turnDrawable(const Frame &f, int turnPos,
                                                              bool expanded) const
{
    const int index = m_turns.at(turnPos);
    const TimelineItem &item = m_detail.items.at(index);
    const double top = f.y(item.offsetMs);
    const double desired = bubbleHeight(f, index);
    double height = desired;
    // A bubble ends where the next turn starts, so that every bubble sits at its own time; the
    // selected one shows all of its text on top of its neighbours.
    if (!expanded && turnPos + 1 < m_turns.size())
        height = std::min(height, f.y(m_detail.items.at(m_turns.at(turnPos + 1)).offsetMs) - top - bubbleGap);
    height = std::max(height, 4.0);

    const QFontMetricsF bold(m_boldSmallFont);
    const QFontMetricsF small(m_smallFont);
    const BubbleText &text = bubbleText(index, int(bubbleMaxTextWidth(f)));
    const double captionWidth = bold.horizontalAdvance(CallPresentation::role(item.role)) +
                                small.horizontalAdvance(CallPresentation::offset(item.offsetMs)) + 24;
    const double laneWidth = f.transcriptRight - f.transcriptLeft;
    const double width =
        std::min(laneWidth * 0.86, std::max(text.naturalWidth, captionWidth) + 2 * bubblePadH);
    const double left = item.role == "user"_L1 ? f.transcriptRight - width : f.transcriptLeft;

    Drawable d;
    d.type = DrawType::Turn;
    d.index = index;
    d.rect = QRectF(left, top, width, height);
    if (height >= 2 * bubblePadV + m_smallLineHeight + 2 + m_lineHeight - 0.5)
        d.detail = 2;
    else if (height >= m_lineHeight + 2)
        d.detail = 1;
    return d;
}

CallTimelineWidget::Drawable CallTimelineWidget::functionDrawable(const Frame &f, const Columns &columns,
                                                                  int entryPos) const
{
    const FunctionEntry &entry = m_functions.at(entryPos);
    const double top = f.y(entry.startMs);
    const double length = f.scale.lengthOf(entry.endMs - entry.startMs, 3.0);
    const int count = std::max<int>(1, columns.columnCount.at(entryPos));
    const double laneWidth = f.functionsRight - f.functionsLeft;
    const double columnWidth = (laneWidth - (count - 1) * columnGap) / count;
    const double left = f.functionsLeft + columns.column.at(entryPos) * (columnWidth + columnGap);
    const double height = columns.cardHeight.at(entryPos);
    Drawable d;
    d.type = DrawType::Function;
    d.index = entry.index;
    d.rect = QRectF(left, top, columnWidth, height);
    d.strip = QRectF(left, top, stripWidth, length);
    if (height >= m_cardMinHeight + m_smallLineHeight - 0.5)
        d.detail = 2;
    else if (height >= m_lineHeight + 2)
        d.detail = 1;
    return d;
}

// Markers on the axis with their labels beside it; a label that would overlap another is left out
// (errors are placed first so that theirs always show).
void CallTimelineWidget::placeMarkers(const Frame &f, double t0, double t1, QList<Drawable> &out) const
{
    const double pps = f.scale.pixelsPerSecond();
    const double labelHeight = m_smallLineHeight + 4;
    const double margin = labelHeight * 1000.0 / pps;
    const QList<TimelineItem> &items = m_detail.items;
    const auto offsetOf = [&items](int index) { return double(items.at(index).offsetMs); };
    const auto begin = std::lower_bound(m_markers.cbegin(), m_markers.cend(), t0 - margin,
                                        [&](int index, double at) { return offsetOf(index) < at; });
    const auto end = std::upper_bound(begin, m_markers.cend(), t1 + margin,
                                      [&](double at, int index) { return at < offsetOf(index); });
    const QFontMetricsF small(m_smallFont);
    const QFontMetricsF bold(m_boldSmallFont);
    const double columnWidth = f.markersRight - f.markersLeft;

    QList<Drawable> placed;
    QList<std::pair<double, double>> errorLabels; // in order of their top
    for (const bool errors : {true, false}) {
        double lastBottom = -std::numeric_limits<double>::infinity();
        double lastSymbol = -std::numeric_limits<double>::infinity();
        for (auto it = begin; it != end; ++it) {
            const TimelineItem &item = items.at(*it);
            const bool error = item.kind == TimelineItem::Kind::Error;
            if (error != errors)
                continue;
            const double y = f.y(item.offsetMs);
            // Far out, many markers share a pixel: one is enough.
            if (!error && y - lastSymbol < 1.0 && *it != m_selected)
                continue;
            lastSymbol = y;
            Drawable d;
            d.type = DrawType::Marker;
            d.index = *it;
            const double size = error ? 12.0 : 9.0;
            d.strip = QRectF(f.axisX - size / 2, y - size / 2, size, size);
            const QString label = markerLabel(item);
            const double width = std::min(columnWidth, (error ? bold : small).horizontalAdvance(label) + 14);
            QRectF labelRect(f.markersLeft, y - labelHeight / 2, width, labelHeight);
            bool free = labelRect.top() >= lastBottom + 1;
            if (free && !errors) {
                const auto next = std::lower_bound(
                    errorLabels.cbegin(), errorLabels.cend(), labelRect.top(),
                    [](const std::pair<double, double> &range, double at) { return range.second < at; });
                free = next == errorLabels.cend() || next->first > labelRect.bottom() + 1;
            }
            if (free) {
                d.label = labelRect;
                lastBottom = labelRect.bottom();
                if (errors)
                    errorLabels.append({labelRect.top(), labelRect.bottom()});
            }
            d.rect = d.strip.united(d.label);
            placed.append(d);
        }
    }
    out.append(placed);
}

QList<CallTimelineWidget::Drawable> CallTimelineWidget::collect(const Frame &f) const
{
    QList<Drawable> out;
    if (m_detail.items.isEmpty())
        return out;
    const double pps = f.scale.pixelsPerSecond();
    const double t0 = f.scale.toMs(0.0);
    const double t1 = f.scale.toMs(f.height - f.headerHeight);
    const QList<TimelineItem> &items = m_detail.items;

    // Turns: a bubble never reaches past the next turn's start, so one before the view is enough.
    auto firstTurn = std::lower_bound(m_turns.cbegin(), m_turns.cend(), t0,
                                      [&](int index, double at) { return items.at(index).offsetMs < at; });
    if (firstTurn != m_turns.cbegin())
        --firstTurn;
    const auto lastTurn = std::upper_bound(
        firstTurn, m_turns.cend(), t1, [&](double at, int index) { return at < items.at(index).offsetMs; });
    double lastTop = -std::numeric_limits<double>::infinity();
    for (auto it = firstTurn; it != lastTurn; ++it) {
        if (*it == m_selected)
            continue;
        const Drawable d = turnDrawable(f, int(it - m_turns.cbegin()), false);
        if (d.rect.top() - lastTop < 1.0 && !m_highlighted.contains(*it))
            continue;
        lastTop = d.rect.top();
        out.append(d);
    }

    // Functions: whatever started in view, or started before it and still runs (or shows its card).
    if (!m_functions.isEmpty()) {
        const Columns &columns = columnsFor(pps);
        const double cardMs = m_cardMinHeight * 1000.0 / pps;
        const auto byStart = [](const FunctionEntry &entry, double at) { return entry.startMs < at; };
        const int startedLate =
            int(std::lower_bound(m_functions.cbegin(), m_functions.cend(), t0 - cardMs, byStart) -
                m_functions.cbegin());
        const int stillRunning =
            int(std::lower_bound(m_functionMaxEnd.cbegin(), m_functionMaxEnd.cend(), t0) -
                m_functionMaxEnd.cbegin());
        const int first = std::min(startedLate, stillRunning);
        const int last =
            int(std::upper_bound(m_functions.cbegin(), m_functions.cend(), t1,
                                 [](double at, const FunctionEntry &entry) { return at < entry.startMs; }) -
                m_functions.cbegin());
        double columnTop[maxColumns];
        std::fill(std::begin(columnTop), std::end(columnTop), -std::numeric_limits<double>::infinity());
        for (int pos = first; pos < last; ++pos) {
            const Drawable d = functionDrawable(f, columns, pos);
            if (d.rect.united(d.strip).bottom() < f.headerHeight)
                continue;
            double &top = columnTop[columns.column.at(pos)];
            if (d.rect.top() - top < 1.0 && d.index != m_selected && !m_highlighted.contains(d.index))
                continue;
            top = d.rect.top();
            out.append(d);
        }
    }

    placeMarkers(f, t0, t1, out);

    if (m_selected >= 0 && items.at(m_selected).kind == TimelineItem::Kind::Transcript) {
        const Drawable d = turnDrawable(f, turnPosition(m_selected), true);
        if (d.rect.bottom() >= f.headerHeight && d.rect.top() <= f.height)
            out.append(d);
    }
    return out;
}

// ---- hit testing --------------------------------------------------------------------------------

int CallTimelineWidget::itemAt(QPoint viewportPos) const
{
    const Frame f = viewFrame();
    if (viewportPos.y() < f.headerHeight)
        return -1;
    const QList<Drawable> drawables = collect(f);
    const QPointF pos(viewportPos);
    for (auto it = drawables.crbegin(); it != drawables.crend(); ++it) {
        QRectF area = it->rect;
        if (it->type == DrawType::Function)
            area = area.united(it->strip);
        else if (it->type == DrawType::Marker)
            area = it->strip.adjusted(-4, -4, 4, 4).united(it->label);
        if (area.height() < 6)
            area.adjust(0, -(6 - area.height()) / 2, 0, (6 - area.height()) / 2);
        if (area.contains(pos))
            return it->index;
    }
    return -1;
}

double CallTimelineWidget::offsetAt(QPoint viewportPos) const
{
    return m_scale.toMs(viewportPos.y() - viewFrame().headerHeight);
}

QRect CallTimelineWidget::itemRect(int index) const
{
    if (index < 0)
        return {};
    const Frame f = viewFrame();
    const QList<Drawable> drawables = collect(f);
    for (auto it = drawables.crbegin(); it != drawables.crend(); ++it) {
        if (it->index != index)
            continue;
        QRectF area = it->type == DrawType::Turn ? it->rect : it->rect.united(it->strip);
        area = area.intersected(QRectF(0, f.headerHeight, f.width, f.height - f.headerHeight));
        return area.toAlignedRect();
    }
    return {};
}

// ---- painting -----------------------------------------------------------------------------------

void CallTimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    paintTimeline(p, viewFrame());
}

QImage CallTimelineWidget::renderToImage(int width, int maxHeight) const
{
    width = std::max(width, 480);
    const double start = contentStartMs();
    TimeScale scale(m_scale.pixelsPerSecond(), start - topMargin * 1000.0 / m_scale.pixelsPerSecond());
    Frame f = frame(QSizeF(width, 1000), scale);
    double height = f.headerHeight + contentPixels(f);
    if (height > maxHeight) {
        const double view = maxHeight - f.headerHeight - bottomMargin;
        scale = TimeScale::fitting(start, contentEndMs(), view, topMargin);
        f = frame(QSizeF(width, 1000), scale);
        height = std::min<double>(maxHeight, f.headerHeight + contentPixels(f));
    }
    f = frame(QSizeF(width, std::ceil(height)), scale);
    QImage image(width, int(std::ceil(height)), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter p(&image);
    paintTimeline(p, f);
    return image;
}

void CallTimelineWidget::paintTimeline(QPainter &p, const Frame &f) const
{
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(QRectF(0, 0, f.width, f.height), palette().color(QPalette::Base));
    paintAxis(p, f);

    const QList<TimelineItem> &items = m_detail.items;
    const QColor highlight = palette().color(QPalette::Highlight);
    // The time the selected turn owns, across the function lane: what ran while it was spoken.
    if (m_selected >= 0 && items.at(m_selected).kind == TimelineItem::Kind::Transcript) {
        const int pos = turnPosition(m_selected);
        const double from = items.at(m_selected).offsetMs;
        double to = items.at(m_selected).endOffsetMs.value_or(from);
        if (pos + 1 < m_turns.size())
            to = std::max(to, double(items.at(m_turns.at(pos + 1)).offsetMs));
        else
            to = std::max(to, contentEndMs());
        const QRectF band(f.functionsLeft - 6, f.y(from), f.functionsRight - f.functionsLeft + 12,
                          std::max(2.0, f.y(to) - f.y(from)));
        p.fillRect(band, withAlpha(highlight, 22));
    }

    const QList<Drawable> drawables = collect(f);
    const QColor error = CallPresentation::errorColor(palette());
    for (const Drawable &d : drawables) {
        if (d.type != DrawType::Marker || items.at(d.index).kind != TimelineItem::Kind::Error)
            continue;
        p.setPen(QPen(withAlpha(error, 110), 1, Qt::DashLine));
        const double y = d.strip.center().y();
        p.drawLine(QPointF(f.markersRight, y), QPointF(f.functionsRight, y));
    }
    for (const Drawable &d : drawables) {
        if (d.type == DrawType::Turn && d.index != m_selected)
            paintTurn(p, f, d);
    }
    for (const Drawable &d : drawables) {
        if (d.type == DrawType::Function)
            paintFunction(p, d);
    }
    for (const Drawable &d : drawables) {
        if (d.type == DrawType::Marker)
            paintMarker(p, f, d);
    }
    for (const Drawable &d : drawables) {
        if (d.type == DrawType::Turn && d.index == m_selected)
            paintTurn(p, f, d);
    }
    paintHeader(p, f);
}

void CallTimelineWidget::paintAxis(QPainter &p, const Frame &f) const
{
    const QColor text = palette().color(QPalette::Text);
    const double t0 = f.scale.toMs(0.0);
    const double t1 = f.scale.toMs(f.height - f.headerHeight);
    const qint64 step = f.scale.tickStepMs(std::max(56.0, 3.5 * m_smallLineHeight));
    const QPen grid(withAlpha(text, CallPresentation::isDark(palette()) ? 26 : 16), 1);
    const QPen tick(withAlpha(text, 120), 1);
    p.setFont(m_smallFont);
    const QFontMetricsF small(m_smallFont);

    // The axis runs from the call's start to its end; before and after it is faint.
    const double start = std::max(f.headerHeight, f.y(contentStartMs()));
    const double end = std::min(f.height, f.y(contentEndMs()));
    p.setPen(QPen(withAlpha(text, 40), 1));
    p.drawLine(QPointF(f.axisX, f.headerHeight), QPointF(f.axisX, f.height));
    if (end > start) {
        p.setPen(QPen(withAlpha(text, 140), 2));
        p.drawLine(QPointF(f.axisX, start), QPointF(f.axisX, end));
    }
    // The lanes' boundary.
    p.setPen(QPen(withAlpha(text, 30), 1));
    const double boundary = std::round(f.transcriptRight + laneGap / 2) + 0.5;
    p.drawLine(QPointF(boundary, f.headerHeight), QPointF(boundary, f.height));

    for (qint64 t = qint64(std::floor(t0 / double(step))) * step; double(t) <= t1 + step; t += step) {
        const double y = std::round(f.y(double(t))) + 0.5;
        if (y < f.headerHeight - m_smallLineHeight || y > f.height + m_smallLineHeight)
            continue;
        p.setPen(grid);
        p.drawLine(QPointF(f.axisX + 4, y), QPointF(f.functionsRight, y));
        p.setPen(tick);
        p.drawLine(QPointF(f.axisX - 5, y), QPointF(f.axisX, y));
        const QRectF label(0, y - small.height() / 2, f.gutterRight, small.height());
        p.setPen(withAlpha(text, t < 0 ? 90 : 170));
        p.drawText(label, Qt::AlignRight | Qt::AlignVCenter, CallPresentation::offset(t, step));
    }
}

void CallTimelineWidget::paintTurn(QPainter &p, const Frame &f, const Drawable &d) const
{
    const TimelineItem &item = m_detail.items.at(d.index);
    const QPalette &pal = palette();
    const bool dark = CallPresentation::isDark(pal);
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor text = pal.color(QPalette::Text);
    const bool agent = item.role == "agent"_L1;
    const bool user = item.role == "user"_L1;
    const bool selected = d.index == m_selected;
    const bool highlighted = m_highlighted.contains(d.index);

    QColor fill = agent  ? withAlpha(highlight, dark ? 64 : 36)
                  : user ? (dark ? QColor(255, 255, 255, 24) : QColor(0, 0, 0, 13))
                         : Qt::transparent;
    QColor border = agent ? withAlpha(highlight, dark ? 150 : 110) : withAlpha(text, user ? 50 : 90);
    const QRectF rect = d.rect.adjusted(0.5, 0.5, -0.5, -0.5);
    const double radius = std::min(9.0, rect.height() / 2);
    if (selected) {
        // Lifted above its neighbours: opaque, with a soft shadow.
        p.setPen(Qt::NoPen);
        p.setBrush(withAlpha(Qt::black, dark ? 90 : 34));
        p.drawRoundedRect(rect.translated(0, 2).adjusted(-1, 0, 1, 1), radius, radius);
        p.setBrush(pal.color(QPalette::Base));
        p.drawRoundedRect(rect, radius, radius);
    }
    QPen pen(border, 1);
    if (!agent && !user)
        pen.setStyle(Qt::DashLine);
    if (selected)
        pen = QPen(highlight, 2);
    else if (highlighted)
        pen = QPen(highlight, 1.5, Qt::DashLine);
    p.setPen(pen);
    p.setBrush(fill);
    p.drawRoundedRect(rect, radius, radius);
    if (d.detail == 0)
        return;

    p.save();
    p.setClipRect(rect.adjusted(1, 1, -1, -1));
    const QColor roleColor =
        agent ? (dark ? highlight.lighter(150) : highlight.darker(130)) : withAlpha(text, 170);
    const QString role = CallPresentation::role(item.role);
    const QString time = CallPresentation::offset(item.offsetMs);
    const double left = rect.left() + bubblePadH;
    const double width = rect.width() - 2 * bubblePadH;
    const QFontMetricsF textMetrics(m_textFont);
    if (d.detail == 1) {
        const double y = rect.center().y() - m_lineHeight / 2;
        p.setFont(m_boldSmallFont);
        p.setPen(roleColor);
        const double roleWidth = QFontMetricsF(m_boldSmallFont).horizontalAdvance(role) + 8;
        p.drawText(QRectF(left, y, roleWidth, m_lineHeight), Qt::AlignLeft | Qt::AlignVCenter, role);
        p.setFont(m_textFont);
        p.setPen(text);
        p.drawText(QRectF(left + roleWidth, y, width - roleWidth, m_lineHeight),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   textMetrics.elidedText(item.text.simplified(), Qt::ElideRight, width - roleWidth));
        p.restore();
        return;
    }
    double y = rect.top() + bubblePadV;
    p.setFont(m_boldSmallFont);
    p.setPen(roleColor);
    p.drawText(QRectF(left, y, width, m_smallLineHeight), Qt::AlignLeft | Qt::AlignVCenter, role);
    p.setFont(m_smallFont);
    p.setPen(withAlpha(text, 130));
    p.drawText(QRectF(left, y, width, m_smallLineHeight), Qt::AlignRight | Qt::AlignVCenter, time);
    y += m_smallLineHeight + 2;

    const BubbleText &lines = bubbleText(d.index, int(bubbleMaxTextWidth(f)));
    const QString content = item.text.simplified();
    p.setFont(m_textFont);
    p.setPen(text);
    if (lines.lines.isEmpty()) {
        p.setPen(withAlpha(text, 120));
        p.drawText(QRectF(left, y, width, m_lineHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("(no text)"));
    }
    const int room = std::max(1, int((rect.bottom() - bubblePadV + 1 - y) / m_lineHeight));
    for (int i = 0; i < lines.lines.size() && i < room; ++i) {
        QString line = lines.lines.at(i);
        if (i == room - 1 && i + 1 < lines.lines.size())
            line = textMetrics.elidedText(content.mid(lines.lineStarts.at(i)), Qt::ElideRight, width);
        p.drawText(QRectF(left, y, width + 2, m_lineHeight), Qt::AlignLeft | Qt::AlignVCenter, line);
        y += m_lineHeight;
    }
    p.restore();
}

QString CallTimelineWidget::functionLabel(const TimelineItem &item) const
{
    const QString name = item.trace.name.isEmpty() ? tr("unnamed function") : item.trace.name;
    if (const auto duration = CallPresentation::functionDuration(item.trace))
        return name + u" · "_s + CallPresentation::duration(*duration);
    return name;
}

void CallTimelineWidget::paintFunction(QPainter &p, const Drawable &d) const
{
    const TimelineItem &item = m_detail.items.at(d.index);
    const QPalette &pal = palette();
    const bool dark = CallPresentation::isDark(pal);
    const FunctionStatus status = item.trace.status;
    const QColor color = CallPresentation::functionStatusColor(status, pal);
    const QColor highlight = pal.color(QPalette::Highlight);
    const bool pending = status == FunctionStatus::Pending;
    const bool selected = d.index == m_selected;
    const bool highlighted = m_highlighted.contains(d.index);
    const QRectF rect = d.rect.adjusted(0.5, 0.5, -0.5, -0.5);
    const double radius = std::min(5.0, rect.height() / 2);

    if (selected) {
        p.setPen(Qt::NoPen);
        p.setBrush(withAlpha(highlight, 70));
        p.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), radius + 3, radius + 3);
    }
    p.setPen(selected ? QPen(highlight, 2)
             : highlighted
                 ? QPen(highlight, 2, Qt::DashLine)
                 : QPen(withAlpha(color, dark ? 150 : 120), 1, pending ? Qt::DashLine : Qt::SolidLine));
    p.setBrush(withAlpha(color, dark ? 50 : 30));
    p.drawRoundedRect(rect, radius, radius);
    if (pending) {
        p.setPen(Qt::NoPen);
        p.setBrush(QBrush(withAlpha(color, 60), Qt::BDiagPattern));
        p.drawRoundedRect(rect, radius, radius);
    }
    // The true extent of the call, however short.
    const QRectF strip = d.strip.adjusted(0.5, 0.5, -0.5, 0);
    p.setPen(Qt::NoPen);
    if (pending) {
        p.setBrush(QBrush(color, Qt::Dense4Pattern));
        p.drawRect(strip);
        p.setPen(QPen(color, 1));
        p.setBrush(Qt::NoBrush);
    } else {
        p.setBrush(color);
    }
    p.drawRoundedRect(strip, 2, 2);
    if (d.detail == 0)
        return;

    p.save();
    p.setClipRect(rect.adjusted(1, 1, -1, -1));
    const QColor text = pal.color(QPalette::Text);
    const QColor statusText = dark ? color.lighter(115) : color.darker(115);
    const double left = rect.left() + stripWidth + cardPadH;
    const double width = rect.right() - 6 - left;
    const QString symbol = CallPresentation::functionStatusSymbol(status);
    const QFontMetricsF textMetrics(m_textFont);
    if (d.detail == 1) {
        // One line: the symbol, the name and duration, and the status in words unless it succeeded.
        const double y = rect.top() + (std::min(rect.height(), m_cardMinHeight) - m_lineHeight) / 2;
        p.setFont(m_textFont);
        p.setPen(statusText);
        const double symbolWidth = textMetrics.horizontalAdvance(symbol) + 6;
        p.drawText(QRectF(left, y, symbolWidth, m_lineHeight), Qt::AlignLeft | Qt::AlignVCenter, symbol);
        double room = width - symbolWidth;
        if (status != FunctionStatus::Success) {
            const QString word = CallPresentation::functionStatusWord(status);
            const double wordWidth = QFontMetricsF(m_boldSmallFont).horizontalAdvance(word);
            if (wordWidth + 60 < room) {
                p.setFont(m_boldSmallFont);
                p.drawText(QRectF(left, y, width, m_lineHeight), Qt::AlignRight | Qt::AlignVCenter, word);
                room -= wordWidth + 8;
                p.setFont(m_textFont);
            }
        }
        p.setPen(text);
        p.drawText(QRectF(left + symbolWidth, y, room, m_lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   textMetrics.elidedText(functionLabel(item), Qt::ElideRight, room));
        p.restore();
        return;
    }
    double y = rect.top() + cardPadV;
    QFont nameFont = m_textFont;
    nameFont.setBold(true);
    p.setFont(nameFont);
    p.setPen(text);
    p.drawText(QRectF(left, y, width, m_lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(nameFont).elidedText(functionLabel(item), Qt::ElideRight, width));
    y += m_lineHeight;
    p.setFont(status == FunctionStatus::Success ? m_smallFont : m_boldSmallFont);
    p.setPen(statusText);
    p.drawText(
        QRectF(left, y, width, m_smallLineHeight), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(p.font()).elidedText(CallPresentation::functionStatus(status), Qt::ElideRight, width));
    p.restore();
}

QString CallTimelineWidget::markerLabel(const TimelineItem &item) const
{
    switch (item.kind) {
    case TimelineItem::Kind::Status:
        return item.reason.isEmpty()
                   ? CallPresentation::callStatus(item.status)
                   : tr("%1 · %2").arg(CallPresentation::callStatus(item.status), item.reason);
    case TimelineItem::Kind::Flow:
        return tr("→ %1").arg(item.to.isEmpty() ? item.text : item.to);
    case TimelineItem::Kind::Error:
        return tr("◆ %1").arg(item.code.isEmpty() ? tr("error") : item.code);
    case TimelineItem::Kind::Note:
        return tr("✎ %1").arg(item.text);
    case TimelineItem::Kind::Transcript:
    case TimelineItem::Kind::Function:
        break;
    }
    return {};
}

void CallTimelineWidget::paintMarker(QPainter &p, const Frame &, const Drawable &d) const
{
    const TimelineItem &item = m_detail.items.at(d.index);
    const QPalette &pal = palette();
    const bool dark = CallPresentation::isDark(pal);
    const QColor text = pal.color(QPalette::Text);
    const bool error = item.kind == TimelineItem::Kind::Error;
    QColor color = withAlpha(text, 150);
    if (error)
        color = CallPresentation::errorColor(pal);
    else if (item.kind == TimelineItem::Kind::Flow)
        color = dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x7b, 0x1f, 0xa2);
    const bool selected = d.index == m_selected;

    const QRectF s = d.strip;
    p.setPen(QPen(pal.color(QPalette::Base), 1.5));
    p.setBrush(color);
    if (error || item.kind == TimelineItem::Kind::Flow) {
        QPolygonF diamond;
        diamond << QPointF(s.center().x(), s.top()) << QPointF(s.right(), s.center().y())
                << QPointF(s.center().x(), s.bottom()) << QPointF(s.left(), s.center().y());
        p.drawPolygon(diamond);
    } else if (item.kind == TimelineItem::Kind::Note) {
        p.drawRect(s.adjusted(1, 1, -1, -1));
    } else {
        p.drawEllipse(s);
    }
    if (d.label.isEmpty())
        return;
    const QRectF label = d.label.adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(selected ? QPen(pal.color(QPalette::Highlight), 2)
                      : QPen(withAlpha(color, error ? 160 : 70), 1));
    p.setBrush(error ? withAlpha(color, dark ? 60 : 28) : pal.color(QPalette::Base));
    p.drawRoundedRect(label, label.height() / 2, label.height() / 2);
    p.setFont(error ? m_boldSmallFont : m_smallFont);
    p.setPen(error ? (dark ? color.lighter(120) : color.darker(110))
                   : (item.kind == TimelineItem::Kind::Flow ? color : withAlpha(text, 190)));
    const QRectF inner = label.adjusted(7, 0, -6, 0);
    p.drawText(inner, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(p.font()).elidedText(markerLabel(item), Qt::ElideRight, inner.width()));
}

void CallTimelineWidget::paintHeader(QPainter &p, const Frame &f) const
{
    const QPalette &pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QRectF header(0, 0, f.width, f.headerHeight);
    p.fillRect(header, pal.color(QPalette::Window));
    p.setPen(QPen(withAlpha(text, 45), 1));
    p.drawLine(QPointF(0, f.headerHeight - 0.5), QPointF(f.width, f.headerHeight - 0.5));

    const QFontMetricsF bold(m_headerFont);
    const QFontMetricsF small(m_smallFont);
    const auto title = [&](double left, double right, const QString &name, const QString &count) {
        p.setFont(m_headerFont);
        p.setPen(text);
        const QString shown = bold.elidedText(name, Qt::ElideRight, right - left);
        p.drawText(QRectF(left, 0, right - left, f.headerHeight), Qt::AlignLeft | Qt::AlignVCenter, shown);
        const double used = bold.horizontalAdvance(shown) + 8;
        if (!count.isEmpty() && used + small.horizontalAdvance(count) < right - left) {
            p.setFont(m_smallFont);
            p.setPen(withAlpha(text, 140));
            p.drawText(QRectF(left + used, 0, right - left - used, f.headerHeight),
                       Qt::AlignLeft | Qt::AlignVCenter, count);
        }
    };
    p.setFont(m_smallFont);
    p.setPen(withAlpha(text, 140));
    p.drawText(QRectF(0, 0, f.gutterRight, f.headerHeight), Qt::AlignRight | Qt::AlignVCenter, tr("Time"));
    title(f.markersLeft, f.markersRight, tr("Events"), QString::number(m_markers.size()));
    title(f.transcriptLeft, f.transcriptRight, tr("Transcript"), QString::number(m_turns.size()));
    title(f.functionsLeft, f.functionsRight, tr("Function calls"), QString::number(m_functions.size()));
}

QString CallTimelineWidget::toolTipFor(int index) const
{
    const TimelineItem &item = m_detail.items.at(index);
    const QString at = CallPresentation::offset(item.offsetMs);
    switch (item.kind) {
    case TimelineItem::Kind::Transcript:
        return u"<p><b>%1</b> · %2</p><p>%3</p>"_s.arg(CallPresentation::role(item.role).toHtmlEscaped(), at,
                                                       item.text.toHtmlEscaped());
    case TimelineItem::Kind::Function: {
        const int pos = m_entryOfItem.value(index, -1);
        const QString range = pos >= 0 && !m_functions.at(pos).open
                                  ? tr("%1 to %2")
                                        .arg(CallPresentation::offset(qint64(m_functions.at(pos).startMs)),
                                             CallPresentation::offset(qint64(m_functions.at(pos).endMs)))
                                  : tr("from %1").arg(at);
        return u"<p><b>%1</b></p><p>%2 · %3</p>"_s.arg(
            functionLabel(item).toHtmlEscaped(), CallPresentation::functionStatus(item.trace.status), range);
    }
    case TimelineItem::Kind::Error:
        return u"<p><b>%1</b> · %2</p><p>%3</p>"_s.arg(markerLabel(item).toHtmlEscaped(), at,
                                                       item.message.toHtmlEscaped());
    case TimelineItem::Kind::Flow:
        return u"<p><b>%1</b> · %2</p>"_s.arg(
            tr("%1 → %2").arg(item.from.isEmpty() ? tr("start") : item.from, item.to).toHtmlEscaped(), at);
    case TimelineItem::Kind::Status:
    case TimelineItem::Kind::Note:
        break;
    }
    return u"<p><b>%1</b> · %2</p>"_s.arg(markerLabel(item).toHtmlEscaped(), at);
}

// ---- events -------------------------------------------------------------------------------------

void CallTimelineWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    m_columns = Columns();
    if (m_autoScale == AutoScale::Fit)
        fitToCall();
    else if (m_autoScale == AutoScale::Initial)
        applyScale(initialScale());
    else
        applyScale(m_scale);
}

void CallTimelineWidget::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        if (steps != 0.0)
            zoomAt(std::pow(1.2, steps), event->position().y() - viewFrame().headerHeight);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void CallTimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    select(itemAt(event->position().toPoint()), false);
    event->accept();
}

void CallTimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    viewport()->setCursor(itemAt(event->position().toPoint()) >= 0 ? Qt::PointingHandCursor
                                                                   : Qt::ArrowCursor);
    QAbstractScrollArea::mouseMoveEvent(event);
}

void CallTimelineWidget::keyPressEvent(QKeyEvent *event)
{
    const int count = int(m_detail.items.size());
    const bool control = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Up:
        if (count > 0)
            select(m_selected < 0 ? count - 1 : std::max(0, m_selected - 1), true);
        break;
    case Qt::Key_Down:
        if (count > 0)
            select(m_selected < 0 ? 0 : std::min(count - 1, m_selected + 1), true);
        break;
    case Qt::Key_Home:
        if (count > 0)
            select(0, true);
        break;
    case Qt::Key_End:
        if (count > 0)
            select(count - 1, true);
        break;
    case Qt::Key_Escape:
        select(-1, false);
        break;
    // Reached when the actions' shortcuts are not (the window is not active).
    case Qt::Key_0:
        if (!control)
            return QAbstractScrollArea::keyPressEvent(event);
        fitToCall();
        break;
    case Qt::Key_Equal:
    case Qt::Key_Plus:
        if (!control)
            return QAbstractScrollArea::keyPressEvent(event);
        zoomBy(zoomStep);
        break;
    case Qt::Key_Minus:
        if (!control)
            return QAbstractScrollArea::keyPressEvent(event);
        zoomBy(1.0 / zoomStep);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool CallTimelineWidget::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int index = itemAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), toolTipFor(index), viewport(), itemRect(index));
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void CallTimelineWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        updateFonts();
        m_texts.clear();
        m_columns = Columns();
        applyScale(m_scale);
    } else if (event->type() == QEvent::PaletteChange) {
        viewport()->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

} // namespace CallScope
