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

} // namespace

QIcon appIcon()
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(paintIcon(size));
    return icon;
}

} // namespace CallScope
