// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timelinelayout.h"

#include <QAbstractScrollArea>
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
    const CallDetail &detail() const { return m_layout.detail(); }

    TimeScale scale() const { return m_scale; }
    double pixelsPerSecond() const { return m_scale.pixelsPerSecond(); }
    void setScale(const TimeScale &scale);
    void fitToCall();
    void zoomBy(double factor);
    QAction *fitAction() const { return m_fitAction; }
    QAction *zoomInAction() const { return m_zoomInAction; }
    QAction *zoomOutAction() const { return m_zoomOutAction; }

    int selectedIndex() const { return m_selection.selected; }
    // Selects the item (−1: none) and scrolls it into view.
    void setSelectedIndex(int index);
    // False when the call has no function with that tool call id.
    bool selectFunction(const QString &toolCallId);
    // The functions that ran during the selected turn, or the turn of the selected function.
    QList<int> highlightedItems() const { return m_selection.highlighted; }

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
    // What a resize does to the scale: nothing once the user zoomed or scrolled.
    enum class AutoScale
    {
        None,
        Initial,
        Fit
    };

    TimelineLayout::Frame viewFrame() const;
    void updateScrollBar();
    void applyScale(const TimeScale &scale);
    void zoomAt(double factor, double anchorPixel);
    TimeScale fittedScale() const;
    TimeScale initialScale() const;
    bool atBottom() const;
    void scrollToBottom();
    void select(int index, bool scroll);
    // Finds the item that was selected again in the grown call: its index may have moved.
    void keepSelection(const std::optional<TimelineItem> &selected);

    QString toolTipFor(int index) const;

    TimelineLayout m_layout;
    TimeScale m_scale;
    TimelineLayout::Selection m_selection;
    bool m_syncingScrollBar = false;
    AutoScale m_autoScale = AutoScale::Initial;

    QAction *m_fitAction;
    QAction *m_zoomInAction;
    QAction *m_zoomOutAction;
};

} // namespace CallScope
