// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinelayout.h"

#include "callpresentation.h"

#include <QFontMetricsF>
#include <QTextLayout>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

constexpr double sideMargin = 10;
constexpr double bubbleGap = 3;
constexpr double cardGap = 3;
constexpr double columnGap = 6;
// How many turns on a bubble may reach when the ones in between leave it room.
constexpr int bubbleReach = 6;
// The least room between an agent's bubble and a user's beside it.
constexpr double bubbleSideGap = 6;

} // namespace

void TimelineLayout::setDetail(const CallDetail &detail)
{
    m_detail = detail;
    m_texts.clear();
    m_columns = Columns();
    rebuildIndexes();
    measureGutter();
}

void TimelineLayout::setFont(const QFont &font)
{
    m_texts.clear();
    m_columns = Columns();
    m_textFont = font;
    m_smallFont = font;
    if (m_smallFont.pointSizeF() > 0)
        m_smallFont.setPointSizeF(m_smallFont.pointSizeF() * 0.88);
    else
        m_smallFont.setPixelSize(std::max(8, int(m_smallFont.pixelSize() * 0.88)));
    m_boldSmallFont = m_smallFont;
    m_boldSmallFont.setBold(true);
    m_headerFont = font;
    m_headerFont.setBold(true);
    m_lineHeight = QFontMetricsF(m_textFont).lineSpacing();
    m_smallLineHeight = QFontMetricsF(m_smallFont).lineSpacing();
    m_cardMinHeight = 2 * cardPadV + m_lineHeight;
    m_headerHeight = std::ceil(QFontMetricsF(m_headerFont).lineSpacing() + 16);
    measureGutter();
}

// Room for the widest time on the axis: hours only when the call lasts that long.
void TimelineLayout::measureGutter()
{
    const QString widest = m_spanMs >= 3'600'000 ? u"0:00:00.0"_s : u"00:00.0"_s;
    m_gutterRight = sideMargin + QFontMetricsF(m_smallFont).horizontalAdvance(widest);
}

TimelineLayout::Frame TimelineLayout::frame(QSizeF size, const TimeScale &scale) const
{
    Frame f;
    f.width = size.width();
    f.height = size.height();
    f.scale = scale;
    f.headerHeight = m_headerHeight;
    f.gutterRight = m_gutterRight;
    f.axisX = std::round(f.gutterRight + 10) + 0.5;
    f.markersLeft = f.axisX + 12;
    f.markersRight = f.markersLeft + std::clamp(f.width * 0.14, 84.0, 160.0);
    const double lanesLeft = f.markersRight + 12;
    const double lanesRight = std::max(lanesLeft + 240, f.width - 12);
    const double lanes = lanesRight - lanesLeft - laneGap;
    f.transcriptLeft = lanesLeft;
    f.transcriptRight = std::round(lanesLeft + lanes * 0.54);
    f.functionsLeft = f.transcriptRight + laneGap;
    f.functionsRight = lanesRight;
    return f;
}

double TimelineLayout::contentStartMs() const
{
    double start = 0;
    if (!m_detail.items.isEmpty())
        start = std::min<double>(start, m_detail.items.first().offsetMs);
    if (!m_functions.isEmpty())
        start = std::min(start, m_functions.first().startMs);
    return start;
}

double TimelineLayout::contentEndMs() const
{
    double end = std::max<double>(m_spanMs, contentStartMs() + 1000.0);
    if (!m_functionMaxEnd.isEmpty())
        end = std::max(end, m_functionMaxEnd.last());
    return end;
}

double TimelineLayout::contentPixels(const Frame &f) const
{
    const double start = contentStartMs();
    double bottom = f.scale.lengthOf(contentEndMs() - start);
    if (!m_turns.isEmpty()) {
        const int last = m_turns.last();
        bottom = std::max(bottom, f.scale.lengthOf(double(m_detail.items.at(last).offsetMs) - start) +
                                      bubbleHeight(f, last));
    }
    if (!m_functions.isEmpty())
        bottom = std::max(bottom, f.scale.lengthOf(m_functions.last().startMs - start) + m_cardMinHeight);
    return topMargin + bottom + bottomMargin;
}

TimeScale TimelineLayout::scaleAt(double pixelsPerSecond, double scroll) const
{
    return TimeScale(pixelsPerSecond, contentStartMs()).scrolled(scroll - topMargin);
}

double TimelineLayout::scrollOf(const TimeScale &scale) const
{
    return topMargin - scale.toPixel(contentStartMs());
}

double TimelineLayout::readablePixelsPerSecond() const
{
    // Room for a bubble of a few lines between two turns that follow each other as usual.
    constexpr double bubblePixels = 72;
    if (m_typicalTurnGapMs <= 0)
        return 14.0;
    return std::clamp(bubblePixels * 1000.0 / m_typicalTurnGapMs, 14.0, 60.0);
}

void TimelineLayout::rebuildIndexes()
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
            if (const auto start = CallPresentation::functionStart(trace))
                entry.startMs = double(*start);
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
    QList<double> gaps;
    gaps.reserve(m_turns.size());
    for (int k = 1; k < m_turns.size(); ++k) {
        const qint64 gap = items.at(m_turns.at(k)).offsetMs - items.at(m_turns.at(k - 1)).offsetMs;
        if (gap > 0)
            gaps.append(double(gap));
    }
    m_typicalTurnGapMs = 0;
    if (!gaps.isEmpty()) {
        const auto middle = gaps.begin() + gaps.size() / 2;
        std::nth_element(gaps.begin(), middle, gaps.end());
        m_typicalTurnGapMs = *middle;
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

const TimelineLayout::Columns &TimelineLayout::columnsFor(double pixelsPerSecond) const
{
    if (m_columns.pixelsPerSecond != pixelsPerSecond)
        m_columns = computeColumns(pixelsPerSecond);
    return m_columns;
}

// Functions that ran at the same time go side by side (at most three columns; a fourth shortens the
// card it lands on). A card is as tall as its call lasted, at least one line of text, but it never
// covers the next card: at a low zoom the labels give way and the bars stay. A cluster of
// concurrent calls shares its column count; the rest of the call keeps the full width.
TimelineLayout::Columns TimelineLayout::computeColumns(double pixelsPerSecond) const
{
    Columns out;
    out.pixelsPerSecond = pixelsPerSecond;
    const int n = int(m_functions.size());
    out.column.resize(n);
    out.columnCount.resize(n);
    out.cardHeight.resize(n);
    constexpr double minimumExtent = 1.0;
    const TimeScale scale(pixelsPerSecond);
    const auto topOf = [&](int i) { return scale.toPixel(m_functions.at(i).startMs); };
    const auto lengthOf = [&](int i) {
        return scale.lengthOf(m_functions.at(i).endMs - m_functions.at(i).startMs);
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

double TimelineLayout::bubbleMaxTextWidth(const Frame &f) const
{
    // Room beside a long turn for a short reply from the other side.
    return std::max(60.0, (f.transcriptRight - f.transcriptLeft) * 0.74 - 2 * bubblePadH);
}

const TimelineLayout::BubbleText &TimelineLayout::bubbleText(int itemIndex, int width) const
{
    auto it = m_texts.find(itemIndex);
    if (it != m_texts.end() && it->width == width)
        return *it;
    const TimelineItem &item = m_detail.items.at(itemIndex);
    BubbleText text;
    text.width = width;
    text.content = item.text.simplified();
    text.captionWidth =
        QFontMetricsF(m_boldSmallFont).horizontalAdvance(CallPresentation::role(item.role)) +
        QFontMetricsF(m_smallFont).horizontalAdvance(CallPresentation::offset(item.offsetMs)) + 24;
    const QString &content = text.content;
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
double TimelineLayout::bubbleHeight(const Frame &f, int itemIndex) const
{
    const TimelineItem &item = m_detail.items.at(itemIndex);
    const BubbleText &text = bubbleText(itemIndex, int(bubbleMaxTextWidth(f)));
    const double textHeight =
        2 * bubblePadV + m_smallLineHeight + 2 + std::max<qsizetype>(1, text.lines.size()) * m_lineHeight;
    const double spoken =
        item.endOffsetMs ? f.scale.lengthOf(double(*item.endOffsetMs - item.offsetMs)) : 0.0;
    return std::max(textHeight, spoken);
}

int TimelineLayout::turnPosition(int itemIndex) const
{
    const auto it = std::lower_bound(m_turns.cbegin(), m_turns.cend(), itemIndex);
    return it != m_turns.cend() && *it == itemIndex ? int(it - m_turns.cbegin()) : -1;
}

std::pair<double, double> TimelineLayout::bubbleSpan(const Frame &f, int itemIndex) const
{
    const double maxWidth = bubbleMaxTextWidth(f);
    const BubbleText &text = bubbleText(itemIndex, int(maxWidth));
    const double width = std::min(maxWidth, std::max(text.naturalWidth, text.captionWidth)) + 2 * bubblePadH;
    const double left =
        m_detail.items.at(itemIndex).role == "user"_L1 ? f.transcriptRight - width : f.transcriptLeft;
    return {left, left + width};
}

TimelineLayout::Drawable TimelineLayout::turnDrawable(const Frame &f, int turnPos, bool expanded) const
{
    const int index = m_turns.at(turnPos);
    const double top = f.y(m_detail.items.at(index).offsetMs);
    const auto [left, right] = bubbleSpan(f, index);
    double height = bubbleHeight(f, index);
    // A bubble ends where the next turn in its way starts, so that every bubble sits at its own
    // time: a short reply on the other side leaves it room, a few turns on at most. The selected
    // one shows all of its text on top of its neighbours.
    for (int next = turnPos + 1; !expanded && next < m_turns.size(); ++next) {
        const int other = m_turns.at(next);
        const double otherTop = f.y(m_detail.items.at(other).offsetMs);
        if (otherTop - top - bubbleGap >= height)
            break;
        const auto [otherLeft, otherRight] = bubbleSpan(f, other);
        const bool inTheWay = otherLeft < right + bubbleSideGap && otherRight > left - bubbleSideGap;
        if (inTheWay || next - turnPos >= bubbleReach) {
            height = otherTop - top - bubbleGap;
            break;
        }
    }
    height = std::max(height, 4.0);

    Drawable d;
    d.type = DrawType::Turn;
    d.index = index;
    d.rect = QRectF(left, top, right - left, height);
    if (height >= 2 * bubblePadV + m_smallLineHeight + 2 + m_lineHeight - 0.5)
        d.detail = 2;
    else if (height >= m_lineHeight + 2)
        d.detail = 1;
    return d;
}

TimelineLayout::Drawable TimelineLayout::functionDrawable(const Frame &f, const Columns &columns,
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
void TimelineLayout::placeMarkers(const Frame &f, const Selection &selection, QList<Drawable> &out) const
{
    const auto [t0, t1] = f.visibleRange();
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
            if (!error && y - lastSymbol < 1.0 && *it != selection.selected)
                continue;
            lastSymbol = y;
            Drawable d;
            d.type = DrawType::Marker;
            d.index = *it;
            const double size = error ? 12.0 : 9.0;
            d.strip = QRectF(f.axisX - size / 2, y - size / 2, size, size);
            const QString label = CallPresentation::markerLabel(item);
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

QList<TimelineLayout::Drawable> TimelineLayout::collect(const Frame &f, const Selection &selection) const
{
    QList<Drawable> out;
    if (m_detail.items.isEmpty())
        return out;
    const double pps = f.scale.pixelsPerSecond();
    const auto [t0, t1] = f.visibleRange();
    const QList<TimelineItem> &items = m_detail.items;

    // Turns: a bubble never reaches further than a few turns on, so that many before the view do.
    auto firstTurn = std::lower_bound(m_turns.cbegin(), m_turns.cend(), t0,
                                      [&](int index, double at) { return items.at(index).offsetMs < at; });
    firstTurn -= std::min<qsizetype>(bubbleReach, firstTurn - m_turns.cbegin());
    const auto lastTurn = std::upper_bound(
        firstTurn, m_turns.cend(), t1, [&](double at, int index) { return at < items.at(index).offsetMs; });
    double lastTop = -std::numeric_limits<double>::infinity();
    for (auto it = firstTurn; it != lastTurn; ++it) {
        if (*it == selection.selected)
            continue;
        const Drawable d = turnDrawable(f, int(it - m_turns.cbegin()), false);
        if (d.rect.top() - lastTop < 1.0 && !selection.highlighted.contains(*it))
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
            if (d.rect.top() - top < 1.0 && d.index != selection.selected &&
                !selection.highlighted.contains(d.index))
                continue;
            top = d.rect.top();
            out.append(d);
        }
    }

    placeMarkers(f, selection, out);

    if (selection.selected >= 0 && items.at(selection.selected).kind == TimelineItem::Kind::Transcript) {
        const Drawable d = turnDrawable(f, turnPosition(selection.selected), true);
        if (d.rect.bottom() >= f.headerHeight && d.rect.top() <= f.height)
            out.append(d);
    }
    return out;
}

QRectF TimelineLayout::Drawable::hitArea() const
{
    QRectF area = rect;
    if (type == DrawType::Function)
        area = area.united(strip);
    else if (type == DrawType::Marker)
        area = strip.adjusted(-4, -4, 4, 4).united(label);
    // A sliver is still something to click.
    if (area.height() < 6)
        area.adjust(0, -(6 - area.height()) / 2, 0, (6 - area.height()) / 2);
    return area;
}

int TimelineLayout::itemAt(const Frame &f, QPointF pos, const Selection &selection) const
{
    if (pos.y() < f.headerHeight)
        return -1;
    const QList<Drawable> drawables = collect(f, selection);
    for (auto it = drawables.crbegin(); it != drawables.crend(); ++it) {
        if (it->hitArea().contains(pos))
            return it->index;
    }
    return -1;
}

std::pair<double, double> TimelineLayout::extentOf(const Frame &f, int index) const
{
    const TimelineItem &item = m_detail.items.at(index);
    if (item.kind == TimelineItem::Kind::Transcript)
        return {f.y(item.offsetMs), bubbleHeight(f, index)};
    if (const int pos = functionPosition(index); pos >= 0)
        return {f.y(m_functions.at(pos).startMs), columnsFor(f.scale.pixelsPerSecond()).cardHeight.at(pos)};
    return {f.y(item.offsetMs) - m_smallLineHeight / 2, m_smallLineHeight};
}

} // namespace CallScope
