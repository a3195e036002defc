// SPDX-License-Identifier: GPL-3.0-or-later
#include "calltimelinewidget.h"

#include "callpresentation.h"
#include "timelinepainter.h"

#include <QAction>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

constexpr double zoomStep = 1.25;

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

    m_layout.setFont(font());
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

void CallTimelineWidget::setDetail(const CallDetail &detail)
{
    const bool sameCall = detail.summary.id != 0 && detail.summary.id == m_layout.detail().summary.id;
    // At the bottom (or all of the call on screen) the view follows a call that grows.
    const bool follow = sameCall && atBottom();
    std::optional<TimelineItem> selected;
    if (sameCall && m_selection.selected >= 0)
        selected = m_layout.detail().items.at(m_selection.selected);
    m_layout.setDetail(detail);
    if (sameCall) {
        keepSelection(selected);
        if (m_autoScale == AutoScale::Fit) {
            fitToCall();
        } else {
            applyScale(m_scale);
            if (follow)
                scrollToBottom();
        }
    } else {
        const bool hadSelection = m_selection.selected >= 0;
        m_selection = {};
        m_autoScale = AutoScale::Initial;
        applyScale(initialScale());
        if (hadSelection)
            emit selectionChanged(-1);
    }
    viewport()->update();
}

void CallTimelineWidget::keepSelection(const std::optional<TimelineItem> &selected)
{
    if (!selected) {
        m_selection = {};
        return;
    }
    const TimelineItem &old = *selected;
    const int oldIndex = m_selection.selected;
    int found = -1;
    const QList<TimelineItem> &items = m_layout.detail().items;
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
    m_selection.selected = -1;
    select(found, false);
    if (found == oldIndex && found >= 0)
        emit selectionChanged(found); // the same item may have changed (a pending call finished)
}

TimelineLayout::Frame CallTimelineWidget::viewFrame() const
{
    return m_layout.frame(QSizeF(viewport()->size()), m_scale);
}

TimeScale CallTimelineWidget::fittedScale() const
{
    return TimeScale::fitting(m_layout.contentStartMs(), m_layout.contentEndMs(), viewFrame().viewHeight(),
                              TimelineLayout::topMargin);
}

TimeScale CallTimelineWidget::initialScale() const
{
    const TimeScale fitted = fittedScale();
    // A fit too dense to read opens at a readable zoom from the call's start instead.
    const double readable = m_layout.readablePixelsPerSecond();
    if (fitted.pixelsPerSecond() >= readable)
        return fitted;
    return m_layout.scaleAt(readable, 0.0);
}

void CallTimelineWidget::setScale(const TimeScale &scale)
{
    m_autoScale = AutoScale::None;
    applyScale(scale);
}

// Kept within the content: no further up than its top, no further down than its bottom.
void CallTimelineWidget::applyScale(const TimeScale &scale)
{
    const TimelineLayout::Frame f = m_layout.frame(QSizeF(viewport()->size()), scale);
    const double scroll = std::clamp(m_layout.scrollOf(scale), 0.0, m_layout.maxScroll(f));
    m_scale = m_layout.scaleAt(scale.pixelsPerSecond(), scroll);
    updateScrollBar();
    viewport()->update();
}

void CallTimelineWidget::updateScrollBar()
{
    const TimelineLayout::Frame f = viewFrame();
    const int maxScroll = int(std::ceil(m_layout.maxScroll(f)));
    QScopedValueRollback guard(m_syncingScrollBar, true);
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, maxScroll);
    bar->setPageStep(std::max(1, int(f.viewHeight() * 0.9)));
    bar->setSingleStep(std::max(1, int(m_layout.lineHeight() * 3)));
    bar->setValue(std::clamp(int(std::lround(m_layout.scrollOf(m_scale))), 0, maxScroll));
}

void CallTimelineWidget::scrollContentsBy(int, int)
{
    if (m_syncingScrollBar)
        return;
    m_scale = m_layout.scaleAt(m_scale.pixelsPerSecond(), verticalScrollBar()->value());
    m_autoScale = AutoScale::None;
    viewport()->update();
}

bool CallTimelineWidget::atBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void CallTimelineWidget::scrollToBottom()
{
    applyScale(m_layout.scaleAt(m_scale.pixelsPerSecond(), m_layout.maxScroll(viewFrame())));
}

void CallTimelineWidget::fitToCall()
{
    applyScale(fittedScale());
    m_autoScale = AutoScale::Fit;
}

void CallTimelineWidget::zoomBy(double factor)
{
    const TimelineLayout::Frame f = viewFrame();
    double anchor = (f.height - f.headerHeight) / 2.0;
    // Zooming by keyboard keeps the selected item where it is when it is on screen.
    if (const QRect selected = itemRect(m_selection.selected); !selected.isEmpty())
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
    if (index < 0 || index >= m_layout.detail().items.size())
        return;
    const TimelineLayout::Frame f = viewFrame();
    const auto [top, height] = m_layout.extentOf(f, index);
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

void CallTimelineWidget::setSelectedIndex(int index)
{
    select(index, true);
}

bool CallTimelineWidget::selectFunction(const QString &toolCallId)
{
    for (int i = 0; i < m_layout.detail().items.size(); ++i) {
        const TimelineItem &item = m_layout.detail().items.at(i);
        if (item.kind == TimelineItem::Kind::Function && item.trace.toolCallId == toolCallId) {
            select(i, true);
            return true;
        }
    }
    return false;
}

void CallTimelineWidget::select(int index, bool scroll)
{
    if (index < 0 || index >= m_layout.detail().items.size())
        index = -1;
    if (scroll)
        ensureVisible(index);
    if (index == m_selection.selected)
        return;
    const CallDetail &detail = m_layout.detail();
    const std::optional<TimelineItem::Kind> kind =
        index >= 0 ? std::optional(detail.items.at(index).kind) : std::nullopt;
    m_selection.selected = index;
    m_selection.highlighted.clear();
    if (kind == TimelineItem::Kind::Transcript) {
        m_selection.highlighted = detail.functionsDuring(index);
    } else if (kind == TimelineItem::Kind::Function) {
        if (const int turn = detail.turnOf(index); turn >= 0)
            m_selection.highlighted = {turn};
    }
    viewport()->update();
    emit selectionChanged(index);
    if (kind == TimelineItem::Kind::Function)
        emit functionSelected(index);
    else if (kind == TimelineItem::Kind::Transcript)
        emit turnSelected(index);
}

int CallTimelineWidget::itemAt(QPoint viewportPos) const
{
    return m_layout.itemAt(viewFrame(), QPointF(viewportPos), m_selection);
}

double CallTimelineWidget::offsetAt(QPoint viewportPos) const
{
    return m_scale.toMs(viewportPos.y() - viewFrame().headerHeight);
}

QRect CallTimelineWidget::itemRect(int index) const
{
    if (index < 0)
        return {};
    const TimelineLayout::Frame f = viewFrame();
    const QList<TimelineLayout::Drawable> drawables = m_layout.collect(f, m_selection);
    for (auto it = drawables.crbegin(); it != drawables.crend(); ++it) {
        if (it->index != index)
            continue;
        QRectF area = it->type == TimelineLayout::DrawType::Turn ? it->rect : it->rect.united(it->strip);
        area = area.intersected(QRectF(0, f.headerHeight, f.width, f.height - f.headerHeight));
        return area.toAlignedRect();
    }
    return {};
}

void CallTimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    TimelinePainter(m_layout, palette(), m_selection).paint(p, viewFrame());
}

QImage CallTimelineWidget::renderToImage(int width, int maxHeight) const
{
    width = std::max(width, 480);
    const double start = m_layout.contentStartMs();
    TimeScale scale = m_layout.scaleAt(m_scale.pixelsPerSecond(), 0.0);
    TimelineLayout::Frame f = m_layout.frame(QSizeF(width, 1000), scale);
    double height = f.headerHeight + m_layout.contentPixels(f);
    if (height > maxHeight) {
        const double view = maxHeight - f.headerHeight - TimelineLayout::bottomMargin;
        scale = TimeScale::fitting(start, m_layout.contentEndMs(), view, TimelineLayout::topMargin);
        f = m_layout.frame(QSizeF(width, 1000), scale);
        height = std::min<double>(maxHeight, f.headerHeight + m_layout.contentPixels(f));
    }
    f = m_layout.frame(QSizeF(width, std::ceil(height)), scale);
    QImage image(width, int(std::ceil(height)), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter p(&image);
    TimelinePainter(m_layout, palette(), m_selection).paint(p, f);
    return image;
}

QString CallTimelineWidget::toolTipFor(int index) const
{
    const TimelineItem &item = m_layout.detail().items.at(index);
    const QString at = CallPresentation::offset(item.offsetMs);
    switch (item.kind) {
    case TimelineItem::Kind::Transcript:
        return u"<p><b>%1</b> · %2</p><p>%3</p>"_s.arg(CallPresentation::role(item.role).toHtmlEscaped(), at,
                                                       item.text.toHtmlEscaped());
    case TimelineItem::Kind::Function: {
        const int pos = m_layout.functionPosition(index);
        const QString range =
            pos >= 0 && !m_layout.functions().at(pos).open
                ? tr("%1 to %2")
                      .arg(CallPresentation::offset(qint64(m_layout.functions().at(pos).startMs)),
                           CallPresentation::offset(qint64(m_layout.functions().at(pos).endMs)))
                : tr("from %1").arg(at);
        return u"<p><b>%1</b></p><p>%2 · %3</p>"_s.arg(CallPresentation::functionLabel(item).toHtmlEscaped(),
                                                       CallPresentation::functionStatus(item.trace.status),
                                                       range);
    }
    case TimelineItem::Kind::Error:
        return u"<p><b>%1</b> · %2</p><p>%3</p>"_s.arg(CallPresentation::markerLabel(item).toHtmlEscaped(),
                                                       at, item.message.toHtmlEscaped());
    case TimelineItem::Kind::Flow:
        return u"<p><b>%1</b> · %2</p>"_s.arg(
            tr("%1 → %2").arg(item.from.isEmpty() ? tr("start") : item.from, item.to).toHtmlEscaped(), at);
    case TimelineItem::Kind::Status:
    case TimelineItem::Kind::Note:
        break;
    }
    return u"<p><b>%1</b> · %2</p>"_s.arg(CallPresentation::markerLabel(item).toHtmlEscaped(), at);
}

void CallTimelineWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
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
    const int count = int(m_layout.detail().items.size());
    const bool control = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Up:
        if (count > 0)
            select(m_selection.selected < 0 ? count - 1 : std::max(0, m_selection.selected - 1), true);
        break;
    case Qt::Key_Down:
        if (count > 0)
            select(m_selection.selected < 0 ? 0 : std::min(count - 1, m_selection.selected + 1), true);
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
        m_layout.setFont(font());
        applyScale(m_scale);
    } else if (event->type() == QEvent::PaletteChange) {
        viewport()->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

} // namespace CallScope
