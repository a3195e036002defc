// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timelinelayout.h"

#include <QCoreApplication>
#include <QPalette>

class QPainter;

namespace CallScope {

// Paints what a TimelineLayout says is on screen, on the widget or into the exported image, in the
// palette's colours (light or dark): the axis with its ticks, bubbles, function bars, markers and
// the lane titles.
class TimelinePainter
{
    Q_DECLARE_TR_FUNCTIONS(CallScope::TimelinePainter)

public:
    TimelinePainter(const TimelineLayout &layout, const QPalette &palette,
                    const TimelineLayout::Selection &selection);

    void paint(QPainter &p, const TimelineLayout::Frame &f) const;

private:
    using Frame = TimelineLayout::Frame;
    using Drawable = TimelineLayout::Drawable;
    using DrawType = TimelineLayout::DrawType;

    void paintAxis(QPainter &p, const Frame &f) const;
    void paintTurn(QPainter &p, const Frame &f, const Drawable &d) const;
    void paintFunction(QPainter &p, const Drawable &d) const;
    void paintMarker(QPainter &p, const Drawable &d) const;
    void paintHeader(QPainter &p, const Frame &f) const;

    const TimelineLayout &m_layout;
    const CallDetail &m_detail;
    QPalette m_palette;
    const TimelineLayout::Selection &m_selection;
};

} // namespace CallScope
