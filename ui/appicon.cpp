// SPDX-License-Identifier: GPL-3.0-or-later
#include "appicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace CallScope {

namespace {

QPixmap paintIcon(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 256.0, size / 256.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x0f, 0x76, 0x6e));
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 52, 52);
    QColor faint(Qt::white);
    faint.setAlphaF(0.35);
    painter.setPen(QPen(faint, 14));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(QPointF(128, 128), 78, 78);
    QPainterPath pulse;
    pulse.moveTo(60, 136);
    for (const QPointF &p : {QPointF(92, 136), QPointF(108, 92), QPointF(132, 176), QPointF(152, 112),
                             QPointF(164, 136), QPointF(196, 136)})
        pulse.lineTo(p);
    painter.setPen(QPen(Qt::white, 16, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(pulse);
    return pixmap;
}

void drawHandset(QPainter &painter, const QRectF &box)
{
    // A classic receiver: two ear/mouth pieces joined by a curved grip.
    QPainterPath path;
    const qreal w = box.width(), h = box.height();
    const QPointF o = box.topLeft();
    path.moveTo(o + QPointF(0.18 * w, 0.10 * h));
    path.cubicTo(o + QPointF(0.02 * w, 0.30 * h), o + QPointF(0.30 * w, 0.80 * h),
                 o + QPointF(0.82 * w, 0.92 * h));
    painter.drawPath(path);
    painter.drawLine(o + QPointF(0.18 * w, 0.10 * h), o + QPointF(0.36 * w, 0.28 * h));
    painter.drawLine(o + QPointF(0.82 * w, 0.92 * h), o + QPointF(0.66 * w, 0.74 * h));
}

// Line art drawn by `draw` on a 24 x 24 grid, scaled to `size`, in strokes of `color`.
template<typename Draw> QPixmap lineArt(const QColor &color, int size, Draw draw)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 24.0, size / 24.0);
    painter.setPen(QPen(color, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    draw(painter);
    return pixmap;
}

QPixmap paintPlace(PlaceIcon place, const QColor &color, int size)
{
    return lineArt(color, size, [place](QPainter &painter) {
        switch (place) {
        case PlaceIcon::Calls:
            drawHandset(painter, QRectF(3, 3, 18, 18));
            break;
        case PlaceIcon::Callbacks: {
            drawHandset(painter, QRectF(2, 6, 15, 15));
            // A return arrow, top right.
            painter.drawArc(QRectF(12, 2, 9, 9), 90 * 16, -180 * 16);
            painter.drawLine(QPointF(16.5, 2), QPointF(14.5, 0.5));
            painter.drawLine(QPointF(16.5, 2), QPointF(14.5, 3.8));
            break;
        }
        case PlaceIcon::Errors: {
            QPainterPath triangle;
            triangle.moveTo(12, 3);
            triangle.lineTo(22, 20.5);
            triangle.lineTo(2, 20.5);
            triangle.closeSubpath();
            painter.drawPath(triangle);
            painter.drawLine(QPointF(12, 9), QPointF(12, 14));
            painter.drawPoint(QPointF(12, 17.3));
            break;
        }
        case PlaceIcon::Charts:
            painter.drawLine(QPointF(3, 21), QPointF(21, 21));
            painter.drawLine(QPointF(6, 17), QPointF(6, 12));
            painter.drawLine(QPointF(11, 17), QPointF(11, 6));
            painter.drawLine(QPointF(16, 17), QPointF(16, 9));
            break;
        }
    });
}

QPixmap paintAction(ActionIcon action, const QColor &color, int size)
{
    return lineArt(color, size, [action](QPainter &painter) {
        switch (action) {
        case ActionIcon::Dial:
            drawHandset(painter, QRectF(3, 3, 18, 18));
            break;
        case ActionIcon::Retry:
            painter.drawArc(QRectF(4, 4, 16, 16), 60 * 16, 280 * 16);
            painter.drawLine(QPointF(16.2, 5.1), QPointF(16.6, 1.6));
            painter.drawLine(QPointF(16.2, 5.1), QPointF(19.6, 5.9));
            break;
        case ActionIcon::Cancel:
            painter.drawEllipse(QRectF(3.5, 3.5, 17, 17));
            painter.drawLine(QPointF(6.5, 17.5), QPointF(17.5, 6.5));
            break;
        case ActionIcon::Complete:
            painter.drawLine(QPointF(4, 12.5), QPointF(9.5, 18));
            painter.drawLine(QPointF(9.5, 18), QPointF(20, 6));
            break;
        case ActionIcon::Open:
            painter.drawPolyline(QPolygonF(QList<QPointF>{{11, 5}, {5, 5}, {5, 19}, {19, 19}, {19, 13}}));
            painter.drawLine(QPointF(12, 12), QPointF(20, 4));
            painter.drawPolyline(QPolygonF(QList<QPointF>{{14, 4}, {20, 4}, {20, 10}}));
            break;
        case ActionIcon::Ignore: {
            QPainterPath bell;
            bell.moveTo(5, 17);
            bell.lineTo(19, 17);
            bell.cubicTo(QPointF(17, 15), QPointF(17.5, 12), QPointF(17.5, 10));
            bell.cubicTo(QPointF(17.5, 6.5), QPointF(15, 4.5), QPointF(12, 4.5));
            bell.cubicTo(QPointF(9, 4.5), QPointF(6.5, 6.5), QPointF(6.5, 10));
            bell.cubicTo(QPointF(6.5, 12), QPointF(7, 15), QPointF(5, 17));
            painter.drawPath(bell);
            painter.drawLine(QPointF(10, 20.5), QPointF(14, 20.5));
            painter.drawLine(QPointF(3.5, 3.5), QPointF(20.5, 20.5));
            break;
        }
        case ActionIcon::Reopen:
            // A counter-clockwise arrow: the error comes back to the list.
            painter.drawArc(QRectF(4, 4, 16, 16), 120 * 16, -280 * 16);
            painter.drawLine(QPointF(7.8, 5.1), QPointF(7.4, 1.6));
            painter.drawLine(QPointF(7.8, 5.1), QPointF(4.4, 5.9));
            break;
        }
    });
}

} // namespace

QIcon actionIcon(ActionIcon action, const QColor &color, const QColor &disabledColor)
{
    QIcon icon;
    for (int size : {16, 20, 24, 32}) {
        icon.addPixmap(paintAction(action, color, size), QIcon::Normal);
        icon.addPixmap(paintAction(action, disabledColor, size), QIcon::Disabled);
    }
    return icon;
}

QIcon placeIcon(PlaceIcon place, const QColor &color, const QColor &selectedColor)
{
    QIcon icon;
    for (int size : {16, 20, 24, 32, 48}) {
        icon.addPixmap(paintPlace(place, color, size), QIcon::Normal);
        icon.addPixmap(paintPlace(place, selectedColor, size), QIcon::Selected);
    }
    return icon;
}

QIcon appIcon()
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(paintIcon(size));
    return icon;
}

} // namespace CallScope
