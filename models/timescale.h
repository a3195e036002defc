// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <utility>

namespace CallScope {

// The call timeline's mapping between time (milliseconds from the call's start) and pixels along
// its vertical axis. A value type: zoom, scroll and fit are plain functions of it, tested without a
// widget, and the view paints only what visibleRange() says is on screen.
class TimeScale
{
public:
    // Zoom limits: a two-hour call fits in 3 600 px at the least; word timing is readable at the most.
    static constexpr double minPixelsPerSecond = 0.5;
    static constexpr double maxPixelsPerSecond = 2000.0;

    constexpr TimeScale() = default;
    // `originMs` is the time at pixel 0 (it may be negative: room above the call's start).
    TimeScale(double pixelsPerSecond, double originMs = 0.0);

    double pixelsPerSecond() const { return m_pixelsPerSecond; }
    double originMs() const { return m_originMs; }

    double toPixel(double offsetMs) const { return (offsetMs - m_originMs) * m_pixelsPerSecond / 1000.0; }
    double toMs(double pixel) const { return m_originMs + pixel * 1000.0 / m_pixelsPerSecond; }
    // Pixels a duration takes (a bar's height), at least `minimum` so that a 1 ms call stays visible.
    double lengthOf(double durationMs, double minimum = 0.0) const;

    // Zoomed by `factor` (> 1 closer) around `anchorPixel`: the time under it stays under it. The
    // result is clamped to the limits, so a zoom past them keeps the anchor and stops.
    TimeScale zoomed(double factor, double anchorPixel) const;
    // Moved by `pixels` (positive: later times come into view).
    TimeScale scrolled(double pixels) const;
    // [startMs, endMs] filling `pixels` with `marginPixels` above and below (fit to call). An empty
    // or unknown span (end ≤ start) shows the first minute.
    static TimeScale fitting(double startMs, double endMs, double pixels, double marginPixels = 0.0);

    // The times a viewport of `pixels` shows, from its top to its bottom.
    std::pair<double, double> visibleRange(double pixels) const { return {toMs(0.0), toMs(pixels)}; }
    // A round step for the axis ticks (1, 2, 5 × 10^k ms; then 15 s, 30 s, 1, 2, 5, 10, 15, 30 min)
    // with ticks at least `minPixels` apart.
    qint64 tickStepMs(double minPixels) const;

    friend bool operator==(const TimeScale &, const TimeScale &) = default;

private:
    double m_pixelsPerSecond = 10.0;
    double m_originMs = 0.0;
};

} // namespace CallScope
