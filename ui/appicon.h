// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace CallScope {

// The application icon, painted at every size the window system asks for (no SVG plugin needed).
QIcon appIcon();

// The navigation's icons, drawn as line art in `color`: calls (a handset), callbacks (a handset
// with a return arrow), errors (a warning triangle), charts (bars).
enum class PlaceIcon
{
    Calls,
    Callbacks,
    Errors,
    Charts
};
// `selectedColor` is used where the item is selected (on the highlight).
QIcon placeIcon(PlaceIcon place, const QColor &color, const QColor &selectedColor);

} // namespace CallScope
