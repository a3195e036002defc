// SPDX-License-Identifier: GPL-3.0-or-later
#include "timescale.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace CallScope {

namespace {

double clampPixelsPerSecond(double value)
{
    if (std::isnan(value) || value <= 0.0)
        return TimeScale::minPixelsPerSecond;
    return std::clamp(value, TimeScale::minPixelsPerSecond, TimeScale::maxPixelsPerSecond);
}

} // namespace

TimeScale::TimeScale(double pixelsPerSecond, double originMs)
    : m_pixelsPerSecond(clampPixelsPerSecond(pixelsPerSecond))
    , m_originMs(std::isfinite(originMs) ? originMs : 0.0)
{}

double TimeScale::lengthOf(double durationMs, double minimum) const
{
    return std::max(minimum, std::max(0.0, durationMs) * m_pixelsPerSecond / 1000.0);
}

TimeScale TimeScale::zoomed(double factor, double anchorPixel) const
{
    if (std::isnan(factor) || factor <= 0.0)
        return *this;
    const double anchorMs = toMs(anchorPixel);
    const double pixelsPerSecond = clampPixelsPerSecond(m_pixelsPerSecond * factor);
    // The time under the anchor stays there: anchorPixel = (anchorMs - origin) * pps / 1000.
    return TimeScale(pixelsPerSecond, anchorMs - anchorPixel * 1000.0 / pixelsPerSecond);
}

TimeScale TimeScale::scrolled(double pixels) const
{
    return TimeScale(m_pixelsPerSecond, m_originMs + pixels * 1000.0 / m_pixelsPerSecond);
}

TimeScale TimeScale::fitting(double startMs, double endMs, double pixels, double marginPixels)
{
    if (!(endMs > startMs))
        endMs = startMs + 60'000.0;
    const double usable = std::max(1.0, pixels - 2.0 * std::max(0.0, marginPixels));
    const double pixelsPerSecond = clampPixelsPerSecond(usable * 1000.0 / (endMs - startMs));
    return TimeScale(pixelsPerSecond, startMs - std::max(0.0, marginPixels) * 1000.0 / pixelsPerSecond);
}

qint64 TimeScale::tickStepMs(double minPixels) const
{
    static constexpr std::array<qint64, 21> steps{
        1,     2,      5,      10,     20,     50,      100,     200,     500,     1'000,    2'000,
        5'000, 10'000, 15'000, 30'000, 60'000, 120'000, 300'000, 600'000, 900'000, 1'800'000};
    const double minMs = std::max(0.0, minPixels) * 1000.0 / m_pixelsPerSecond;
    for (const qint64 step : steps) {
        if (double(step) >= minMs)
            return step;
    }
    return 3'600'000;
}

} // namespace CallScope
