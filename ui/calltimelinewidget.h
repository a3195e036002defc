// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calldetail.h"
#include "timescale.h"

#include <QAbstractScrollArea>
#include <QFont>
#include <QHash>
#include <QImage>

class QAction;

namespace CallScope {

// One call on a vertical time axis: the transcript's turns as bubbles on the left, the function
// calls as bars from their start to their end on the right, status changes, flow transitions and
// errors as markers on the axis. Only what is on screen is laid out and painted, so a call with
// thousands of items opens and scrolls as fast as a short one. Ctrl+wheel zooms around the mouse,
// Ctrl+0 fits the call, Up/Down walk through the items.
class CallTimelineWidget : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit CallTimelineWidget(QWidget *parent = nullptr);
    ~CallTimelineWidget() override;

    // A new call starts fitted (or at a readable zoom from its start); the same call again (it grew
    // live) keeps its zoom, scroll position and selection, and follows new items when the view was
    // at the bottom.
    void setDetail(const CallDetail &detail);
    const CallDetail &detail() const { return m_detail; }

    TimeScale scale() const { return m_scale; }
    double pixelsPerSecond() const { return m_scale.pixelsPerSecond(); }
    void setScale(const TimeScale &scale);
    void fitToCall();
    void zoomBy(double factor);
    QAction *fitAction() const { return m_fitAction; }
    QAction *zoomInAction() const { return m_zoomInAction; }
    QAction *zoomOutAction() const { return m_zoomOutAction; }

    int selectedIndex() const { return m_selected; }
    // Selects the item (−1: none) and scrolls it into view.
    void setSelectedIndex(int index);
    // False when the call has no function with that tool call id.
    bool selectFunction(const QString &toolCallId);
    // The functions that ran during the selected turn, or the turn of the selected function.
    QList<int> highlightedItems() const { return m_highlighted; }

    // The item under a point of the viewport, or −1.
    int itemAt(QPoint viewportPos) const;
    // The time (ms from the call's start) at a point of the viewport.
    double offsetAt(QPoint viewportPos) const;
    // Where an item is drawn in the viewport; empty when it is not on screen.
    QRect itemRect(int index) const;
    void ensureVisible(int index);

    // The whole call, `width` pixels wide, at the current zoom when it fits in `maxHeight` pixels and
    // fitted to them otherwise (the PNG export).
    QImage renderToImage(int width, int maxHeight = 16'000) const;

    void retranslateUi();

signals:
    void selectionChanged(int itemIndex);
    void functionSelected(int itemIndex);
    void turnSelected(int itemIndex);
    void scaleChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Where the lanes are for a paint area of a given size at a given scale.
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
    };
    // A function on its lane, in the order of its drawn start.
    struct FunctionEntry
    {
        int index = -1;
        double startMs = 0;
        double endMs = 0;
        bool open = false; // still pending: drawn to the end of the axis
    };
    // Side-by-side columns for functions whose labels would overlap, for one zoom level.
    struct Columns
    {
        double pixelsPerSecond = -1;
        QList<qint8> column;
        QList<qint8> columnCount;
        QList<float> cardHeight;
    };
    // A turn's text broken into lines for one bubble width, measured only when it comes into view.
    struct BubbleText
    {
        int width = -1;
        QStringList lines;
        QList<int> lineStarts;
        double naturalWidth = 0;
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
    };

    // What a resize does to the scale: nothing once the user zoomed or scrolled.
    enum class AutoScale
    {
        None,
        Initial,
        Fit
    };

    void rebuildIndexes();
    void updateFonts();
    Frame frame(QSizeF size, const TimeScale &scale) const;
    Frame viewFrame() const;
    double contentStartMs() const;
    double contentEndMs() const;
    double contentPixels(const Frame &f) const;
    void updateScrollBar();
    void applyScale(const TimeScale &scale);
    void zoomAt(double factor, double anchorPixel);
    TimeScale initialScale() const;
    bool atBottom() const;
    void scrollToBottom();
    void select(int index, bool scroll);
    void keepSelection(const CallDetail &previous);

    const Columns &columnsFor(double pixelsPerSecond) const;
    Columns computeColumns(double pixelsPerSecond) const;
    const BubbleText &bubbleText(int itemIndex, int width) const;
    double bubbleHeight(const Frame &f, int itemIndex) const;
    double bubbleMaxTextWidth(const Frame &f) const;
    int turnPosition(int itemIndex) const;

    QList<Drawable> collect(const Frame &f) const;
    Drawable turnDrawable(const Frame &f, int turnPos, bool expanded) const;
    Drawable functionDrawable(const Frame &f, const Columns &columns, int entryPos) const;
    void placeMarkers(const Frame &f, double t0, double t1, QList<Drawable> &out) const;

    void paintTimeline(QPainter &p, const Frame &f) const;
    void paintAxis(QPainter &p, const Frame &f) const;
    void paintTurn(QPainter &p, const Frame &f, const Drawable &d) const;
    void paintFunction(QPainter &p, const Drawable &d) const;
    void paintMarker(QPainter &p, const Frame &f, const Drawable &d) const;
    void paintHeader(QPainter &p, const Frame &f) const;
    QString markerLabel(const TimelineItem &item) const;
    QString functionLabel(const TimelineItem &item) const;
    QString toolTipFor(int index) const;

    CallDetail m_detail;
    TimeScale m_scale;
    qint64 m_spanMs = 0;
    QList<int> m_turns;
    QList<FunctionEntry> m_functions;
    QList<double> m_functionMaxEnd; // running maximum of the entries' ends: who reaches into view
    QList<int> m_entryOfItem;
    QList<int> m_markers;
    mutable Columns m_columns;
    mutable QHash<int, BubbleText> m_texts;
    int m_selected = -1;
    QList<int> m_highlighted;
    bool m_syncingScrollBar = false;
    AutoScale m_autoScale = AutoScale::Initial;

    QFont m_textFont;
    QFont m_smallFont;
    QFont m_boldSmallFont;
    QFont m_headerFont;
    double m_lineHeight = 16;
    double m_smallLineHeight = 14;
    double m_cardMinHeight = 40;

    QAction *m_fitAction;
    QAction *m_zoomInAction;
    QAction *m_zoomOutAction;
};

} // namespace CallScope
