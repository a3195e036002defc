// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calldetail.h"
#include "timescale.h"

#include <QFont>
#include <QHash>
#include <QRectF>

#include <algorithm>
#include <utility>

namespace CallScope {

// The geometry of a call's timeline, apart from painting and input: where the lanes are for a
// width, which items are on screen at a scale, and where each one is drawn. The items are indexed
// once per call (by kind; functions by start, with a running maximum of their ends) so that what is
// on screen is found by binary search, and text is measured only for the bubbles on screen.
class TimelineLayout
{
public:
    static constexpr double topMargin = 16;    // room above the call's start
    static constexpr double bottomMargin = 28; // and below its end
    static constexpr double laneGap = 18;
    static constexpr double bubblePadH = 10;
    static constexpr double bubblePadV = 6;
    static constexpr double cardPadH = 8;
    static constexpr double cardPadV = 3;
    static constexpr double stripWidth = 5;
    static constexpr int maxColumns = 3;

    // Where the lanes are for a paint area of one size at one scale. The scale's pixel 0 is the top
    // of the area below the lane titles.
    struct Frame
    {
        double width = 0;
        double height = 0;
        double headerHeight = 0;
        double gutterRight = 0;
        double axisX = 0;
        double markersLeft = 0;
        double markersRight = 0;
        double transcriptLeft = 0;
        double transcriptRight = 0;
        double functionsLeft = 0;
        double functionsRight = 0;
        TimeScale scale;
        double y(double ms) const { return headerHeight + scale.toPixel(ms); }
        // The height of the area below the titles, at least a pixel.
        double viewHeight() const { return std::max(1.0, height - headerHeight); }
        // The times from the top to the bottom of the area below the titles.
        std::pair<double, double> visibleRange() const { return scale.visibleRange(height - headerHeight); }
    };
    // A function on its lane, in the order of its drawn start.
    struct FunctionEntry
    {
        int index = -1;
        double startMs = 0;
        double endMs = 0;
        bool open = false; // still pending: drawn to the end of the axis
    };
    // Side-by-side columns for functions that ran at the same time, for one zoom level.
    struct Columns
    {
        double pixelsPerSecond = -1;
        QList<qint8> column;
        QList<qint8> columnCount;
        QList<float> cardHeight;
    };
    // A turn's text broken into lines for one bubble width.
    struct BubbleText
    {
        int width = -1;
        QString content; // the text with its white space simplified; lineStarts point into it
        QStringList lines;
        QList<int> lineStarts;
        double naturalWidth = 0;
        double captionWidth = 0; // the role and the time above the text
    };
    enum class DrawType
    {
        Turn,
        Function,
        Marker
    };
    struct Drawable
    {
        DrawType type = DrawType::Turn;
        int index = -1;
        QRectF rect;
        QRectF strip;   // a function's true extent; a marker's symbol
        QRectF label;   // a marker's label, empty when it has no room
        int detail = 0; // how much text fits: 0 none, 1 one line, 2 all or as many lines as fit
        // Where a click selects it.
        QRectF hitArea() const;
    };
    // The selected turn shows all of its text, above its neighbours; selected and highlighted
    // items are never thinned out.
    struct Selection
    {
        int selected = -1;
        QList<int> highlighted;
    };

    void setDetail(const CallDetail &detail);
    const CallDetail &detail() const { return m_detail; }
    void setFont(const QFont &font);

    Frame frame(QSizeF size, const TimeScale &scale) const;
    double contentStartMs() const;
    double contentEndMs() const;
    // The height of everything from the call's start to below its last bubble.
    double contentPixels(const Frame &f) const;
    // How far a view of the frame's size scrolls down the content.
    double maxScroll(const Frame &f) const { return std::max(0.0, contentPixels(f) - f.viewHeight()); }
    // The scale whose view starts `scroll` pixels down the content (the content's top is topMargin
    // above its start), and back.
    TimeScale scaleAt(double pixelsPerSecond, double scroll) const;
    double scrollOf(const TimeScale &scale) const;

    // A zoom at which most bubbles show their text: the call's turns' usual spacing decides.
    double readablePixelsPerSecond() const;

    // What is on screen, in painting order: turns, functions, markers, then the selected turn.
    QList<Drawable> collect(const Frame &f, const Selection &selection) const;
    int itemAt(const Frame &f, QPointF pos, const Selection &selection) const;
    // Where an item starts and how tall it is drawn, on screen or not (to scroll it into view).
    std::pair<double, double> extentOf(const Frame &f, int index) const;

    const QList<int> &turns() const { return m_turns; }
    const QList<int> &markers() const { return m_markers; }
    const QList<FunctionEntry> &functions() const { return m_functions; }
    int turnPosition(int itemIndex) const;
    // The function's position in functions(), or −1.
    int functionPosition(int itemIndex) const { return m_entryOfItem.value(itemIndex, -1); }
    const BubbleText &bubbleText(int itemIndex, int width) const;
    double bubbleMaxTextWidth(const Frame &f) const;

    const QFont &textFont() const { return m_textFont; }
    const QFont &smallFont() const { return m_smallFont; }
    const QFont &boldSmallFont() const { return m_boldSmallFont; }
    const QFont &headerFont() const { return m_headerFont; }
    double lineHeight() const { return m_lineHeight; }
    double smallLineHeight() const { return m_smallLineHeight; }
    double cardMinHeight() const { return m_cardMinHeight; }

private:
    void rebuildIndexes();
    void measureGutter();
    const Columns &columnsFor(double pixelsPerSecond) const;
    Columns computeColumns(double pixelsPerSecond) const;
    double bubbleHeight(const Frame &f, int itemIndex) const;
    // Where a bubble is across its lane: the agent's on the left, the user's on the right.
    std::pair<double, double> bubbleSpan(const Frame &f, int itemIndex) const;
    Drawable turnDrawable(const Frame &f, int turnPos, bool expanded) const;
    Drawable functionDrawable(const Frame &f, const Columns &columns, int entryPos) const;
    void placeMarkers(const Frame &f, const Selection &selection, QList<Drawable> &out) const;

    CallDetail m_detail;
    qint64 m_spanMs = 0;
    double m_typicalTurnGapMs = 0; // the median time from one turn's start to the next one's
    QList<int> m_turns;
    QList<FunctionEntry> m_functions;
    QList<double> m_functionMaxEnd; // running maximum of the entries' ends: who reaches into view
    QList<int> m_entryOfItem;
    QList<int> m_markers;
    mutable Columns m_columns;
    mutable QHash<int, BubbleText> m_texts;

    QFont m_textFont;
    QFont m_smallFont;
    QFont m_boldSmallFont;
    QFont m_headerFont;
    double m_lineHeight = 16;
    double m_smallLineHeight = 14;
    double m_cardMinHeight = 22;
    // Measured once per font (and per call, for the gutter's widest time), not per frame.
    double m_headerHeight = 0;
    double m_gutterRight = 0;
};

} // namespace CallScope
