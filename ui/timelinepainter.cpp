// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinepainter.h"

#include "callpresentation.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

using L = TimelineLayout;

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

} // namespace

TimelinePainter::TimelinePainter(const TimelineLayout &layout, const QPalette &palette,
                                 const TimelineLayout::Selection &selection)
    : m_layout(layout)
    , m_detail(layout.detail())
    , m_palette(palette)
    , m_selection(selection)
{}

void TimelinePainter::paint(QPainter &p, const Frame &f) const
{
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(QRectF(0, 0, f.width, f.height), m_palette.color(QPalette::Base));
    paintAxis(p, f);

    const QList<TimelineItem> &items = m_detail.items;
    const QColor highlight = m_palette.color(QPalette::Highlight);
    // The time the selected turn owns, across the function lane: what ran while it was spoken.
    if (m_selection.selected >= 0 && items.at(m_selection.selected).kind == TimelineItem::Kind::Transcript) {
        const int pos = m_layout.turnPosition(m_selection.selected);
        const double from = items.at(m_selection.selected).offsetMs;
        double to = items.at(m_selection.selected).endOffsetMs.value_or(from);
        if (pos + 1 < m_layout.turns().size())
            to = std::max(to, double(items.at(m_layout.turns().at(pos + 1)).offsetMs));
        else
            to = std::max(to, m_layout.contentEndMs());
        const QRectF band(f.functionsLeft - 6, f.y(from), f.functionsRight - f.functionsLeft + 12,
                          std::max(2.0, f.y(to) - f.y(from)));
        p.fillRect(band, withAlpha(highlight, 22));
    }

    const QList<Drawable> drawables = m_layout.collect(f, m_selection);
    const QColor error = CallPresentation::errorColor(m_palette);
    for (const Drawable &d : drawables) {
        if (d.type != DrawType::Marker || items.at(d.index).kind != TimelineItem::Kind::Error)
            continue;
        p.setPen(QPen(withAlpha(error, 110), 1, Qt::DashLine));
        const double y = d.strip.center().y();
        p.drawLine(QPointF(f.markersRight, y), QPointF(f.functionsRight, y));
    }
    for (const Drawable &d : drawables) {
        if (d.type == DrawType::Turn && d.index != m_selection.selected)
            paintTurn(p, f, d);
    }
    for (const Drawable &d : drawables) {
        if (d.type == DrawType::Function)
            paintFunction(p, d);
    }
    for (const Drawable &d : drawables) {
        if (d.type == DrawType::Marker)
            paintMarker(p, d);
    }
    for (const Drawable &d : drawables) {
        if (d.type == DrawType::Turn && d.index == m_selection.selected)
            paintTurn(p, f, d);
    }
    paintHeader(p, f);
}

void TimelinePainter::paintAxis(QPainter &p, const Frame &f) const
{
    const QColor text = m_palette.color(QPalette::Text);
    const auto [t0, t1] = f.visibleRange();
    const qint64 step = f.scale.tickStepMs(std::max(56.0, 3.5 * m_layout.smallLineHeight()));
    const QPen grid(withAlpha(text, CallPresentation::isDark(m_palette) ? 26 : 16), 1);
    const QPen tick(withAlpha(text, 120), 1);
    p.setFont(m_layout.smallFont());
    const QFontMetricsF small(m_layout.smallFont());

    // The axis runs from the call's start to its end; before and after it is faint.
    const double start = std::max(f.headerHeight, f.y(m_layout.contentStartMs()));
    const double end = std::min(f.height, f.y(m_layout.contentEndMs()));
    p.setPen(QPen(withAlpha(text, 40), 1));
    p.drawLine(QPointF(f.axisX, f.headerHeight), QPointF(f.axisX, f.height));
    if (end > start) {
        p.setPen(QPen(withAlpha(text, 140), 2));
        p.drawLine(QPointF(f.axisX, start), QPointF(f.axisX, end));
    }
    // The lanes' boundary.
    p.setPen(QPen(withAlpha(text, 30), 1));
    const double boundary = std::round(f.transcriptRight + L::laneGap / 2) + 0.5;
    p.drawLine(QPointF(boundary, f.headerHeight), QPointF(boundary, f.height));

    for (qint64 t = qint64(std::floor(t0 / double(step))) * step; double(t) <= t1 + step; t += step) {
        const double y = std::round(f.y(double(t))) + 0.5;
        if (y < f.headerHeight - m_layout.smallLineHeight() || y > f.height + m_layout.smallLineHeight())
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

void TimelinePainter::paintTurn(QPainter &p, const Frame &f, const Drawable &d) const
{
    const TimelineItem &item = m_detail.items.at(d.index);
    const QPalette &pal = m_palette;
    const bool dark = CallPresentation::isDark(pal);
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor text = pal.color(QPalette::Text);
    const bool agent = item.role == "agent"_L1;
    const bool user = item.role == "user"_L1;
    const bool selected = d.index == m_selection.selected;
    const bool highlighted = m_selection.highlighted.contains(d.index);

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
    const double left = rect.left() + L::bubblePadH;
    const double width = rect.width() - 2 * L::bubblePadH;
    const QFontMetricsF textMetrics(m_layout.textFont());
    const TimelineLayout::BubbleText &lines =
        m_layout.bubbleText(d.index, int(m_layout.bubbleMaxTextWidth(f)));
    if (d.detail == 1) {
        const double y = rect.center().y() - m_layout.lineHeight() / 2;
        p.setFont(m_layout.boldSmallFont());
        p.setPen(roleColor);
        const double roleWidth = QFontMetricsF(m_layout.boldSmallFont()).horizontalAdvance(role) + 8;
        p.drawText(QRectF(left, y, roleWidth, m_layout.lineHeight()), Qt::AlignLeft | Qt::AlignVCenter, role);
        p.setFont(m_layout.textFont());
        p.setPen(text);
        p.drawText(QRectF(left + roleWidth, y, width - roleWidth, m_layout.lineHeight()),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   textMetrics.elidedText(lines.content, Qt::ElideRight, width - roleWidth));
        p.restore();
        return;
    }
    double y = rect.top() + L::bubblePadV;
    p.setFont(m_layout.boldSmallFont());
    p.setPen(roleColor);
    p.drawText(QRectF(left, y, width, m_layout.smallLineHeight()), Qt::AlignLeft | Qt::AlignVCenter, role);
    p.setFont(m_layout.smallFont());
    p.setPen(withAlpha(text, 130));
    p.drawText(QRectF(left, y, width, m_layout.smallLineHeight()), Qt::AlignRight | Qt::AlignVCenter, time);
    y += m_layout.smallLineHeight() + 2;

    p.setFont(m_layout.textFont());
    p.setPen(text);
    if (lines.lines.isEmpty()) {
        p.setPen(withAlpha(text, 120));
        p.drawText(QRectF(left, y, width, m_layout.lineHeight()), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("(no text)"));
    }
    const int room = std::max(1, int((rect.bottom() - L::bubblePadV + 1 - y) / m_layout.lineHeight()));
    for (int i = 0; i < lines.lines.size() && i < room; ++i) {
        QString line = lines.lines.at(i);
        if (i == room - 1 && i + 1 < lines.lines.size())
            line = textMetrics.elidedText(lines.content.mid(lines.lineStarts.at(i)), Qt::ElideRight, width);
        p.drawText(QRectF(left, y, width + 2, m_layout.lineHeight()), Qt::AlignLeft | Qt::AlignVCenter, line);
        y += m_layout.lineHeight();
    }
    p.restore();
}

void TimelinePainter::paintFunction(QPainter &p, const Drawable &d) const
{
    const TimelineItem &item = m_detail.items.at(d.index);
    const QPalette &pal = m_palette;
    const bool dark = CallPresentation::isDark(pal);
    const FunctionStatus status = item.trace.status;
    const QColor color = CallPresentation::functionStatusColor(status, pal);
    const QColor highlight = pal.color(QPalette::Highlight);
    const bool pending = status == FunctionStatus::Pending;
    const bool selected = d.index == m_selection.selected;
    const bool highlighted = m_selection.highlighted.contains(d.index);
    const QRectF rect = d.rect.adjusted(0.5, 0.5, -0.5, -0.5);
    const double radius = std::min(5.0, rect.height() / 2);

    if (selected) {
        // A ring around it, so that its status colour stays as it is.
        p.setPen(QPen(withAlpha(highlight, 90), 4));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), radius + 2, radius + 2);
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
    const double left = rect.left() + L::stripWidth + L::cardPadH;
    const double width = rect.right() - 6 - left;
    const QString symbol = CallPresentation::functionStatusSymbol(status);
    const QFontMetricsF textMetrics(m_layout.textFont());
    if (d.detail == 1) {
        // One line: the symbol, the name and duration, and the status in words unless it succeeded.
        const double y =
            rect.top() + (std::min(rect.height(), m_layout.cardMinHeight()) - m_layout.lineHeight()) / 2;
        p.setFont(m_layout.textFont());
        p.setPen(statusText);
        const double symbolWidth = textMetrics.horizontalAdvance(symbol) + 6;
        p.drawText(QRectF(left, y, symbolWidth, m_layout.lineHeight()), Qt::AlignLeft | Qt::AlignVCenter,
                   symbol);
        double room = width - symbolWidth;
        if (status != FunctionStatus::Success) {
            const QString word = CallPresentation::functionStatusWord(status);
            const double wordWidth = QFontMetricsF(m_layout.boldSmallFont()).horizontalAdvance(word);
            // The word when the name still fits beside it (the duration gives way first).
            if (textMetrics.horizontalAdvance(item.trace.name) + wordWidth + 8 <= room) {
                p.setFont(m_layout.boldSmallFont());
                p.drawText(QRectF(left, y, width, m_layout.lineHeight()), Qt::AlignRight | Qt::AlignVCenter,
                           word);
                room -= wordWidth + 8;
                p.setFont(m_layout.textFont());
            }
        }
        p.setPen(text);
        p.drawText(QRectF(left + symbolWidth, y, room, m_layout.lineHeight()),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   textMetrics.elidedText(CallPresentation::functionLabel(item), Qt::ElideRight, room));
        p.restore();
        return;
    }
    double y = rect.top() + L::cardPadV;
    QFont nameFont = m_layout.textFont();
    nameFont.setBold(true);
    p.setFont(nameFont);
    p.setPen(text);
    // Two lines: the name alone (a long versioned name keeps its room), then the status and how long
    // it ran, so the duration is never the part cut off.
    const QString name = item.trace.name.isEmpty() ? CallPresentation::functionLabel(item) : item.trace.name;
    p.drawText(QRectF(left, y, width, m_layout.lineHeight()), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(nameFont).elidedText(name, Qt::ElideRight, width));
    y += m_layout.lineHeight();
    p.setFont(status == FunctionStatus::Success ? m_layout.smallFont() : m_layout.boldSmallFont());
    p.setPen(statusText);
    QString second = CallPresentation::functionStatus(status);
    if (const auto ran = CallPresentation::functionDuration(item.trace))
        second += u" · "_s + CallPresentation::duration(*ran);
    p.drawText(QRectF(left, y, width, m_layout.smallLineHeight()), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(p.font()).elidedText(second, Qt::ElideRight, width));
    p.restore();
}

void TimelinePainter::paintMarker(QPainter &p, const Drawable &d) const
{
    const TimelineItem &item = m_detail.items.at(d.index);
    const QPalette &pal = m_palette;
    const bool dark = CallPresentation::isDark(pal);
    const QColor text = pal.color(QPalette::Text);
    const bool error = item.kind == TimelineItem::Kind::Error;
    QColor color = withAlpha(text, 150);
    if (error)
        color = CallPresentation::errorColor(pal);
    else if (item.kind == TimelineItem::Kind::Flow)
        color = dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x7b, 0x1f, 0xa2);
    const bool selected = d.index == m_selection.selected;

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
    p.setFont(error ? m_layout.boldSmallFont() : m_layout.smallFont());
    p.setPen(error ? (dark ? color.lighter(120) : color.darker(110))
                   : (item.kind == TimelineItem::Kind::Flow ? color : withAlpha(text, 190)));
    const QRectF inner = label.adjusted(7, 0, -6, 0);
    p.drawText(inner, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(p.font()).elidedText(CallPresentation::markerLabel(item), Qt::ElideRight,
                                                  inner.width()));
}

void TimelinePainter::paintHeader(QPainter &p, const Frame &f) const
{
    const QPalette &pal = m_palette;
    const QColor text = pal.color(QPalette::Text);
    const QRectF header(0, 0, f.width, f.headerHeight);
    p.fillRect(header, pal.color(QPalette::Window));
    p.setPen(QPen(withAlpha(text, 45), 1));
    p.drawLine(QPointF(0, f.headerHeight - 0.5), QPointF(f.width, f.headerHeight - 0.5));

    const QFontMetricsF bold(m_layout.headerFont());
    const QFontMetricsF small(m_layout.smallFont());
    const auto title = [&](double left, double right, const QString &name, const QString &count) {
        p.setFont(m_layout.headerFont());
        p.setPen(text);
        const QString shown = bold.elidedText(name, Qt::ElideRight, right - left);
        p.drawText(QRectF(left, 0, right - left, f.headerHeight), Qt::AlignLeft | Qt::AlignVCenter, shown);
        const double used = bold.horizontalAdvance(shown) + 8;
        if (!count.isEmpty() && used + small.horizontalAdvance(count) < right - left) {
            p.setFont(m_layout.smallFont());
            p.setPen(withAlpha(text, 140));
            p.drawText(QRectF(left + used, 0, right - left - used, f.headerHeight),
                       Qt::AlignLeft | Qt::AlignVCenter, count);
        }
    };
    p.setFont(m_layout.smallFont());
    p.setPen(withAlpha(text, 140));
    p.drawText(QRectF(0, 0, f.gutterRight, f.headerHeight), Qt::AlignRight | Qt::AlignVCenter, tr("Time"));
    title(f.markersLeft, f.markersRight, tr("Events"), QString::number(m_layout.markers().size()));
    title(f.transcriptLeft, f.transcriptRight, tr("Transcript"), QString::number(m_layout.turns().size()));
    title(f.functionsLeft, f.functionsRight, tr("Function calls"),
          QString::number(m_layout.functions().size()));
}

} // namespace CallScope
