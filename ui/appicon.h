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

// The callback queue's and the error dashboard's actions, drawn the same way; `disabledColor` where the
// action is disabled.
enum class ActionIcon
{
    Dial,     // a handset
    Retry,    // a circular arrow
    Cancel,   // a struck-through circle
    Complete, // a check mark
    Open,     // an arrow out of a box
    Ignore,   // a bell, struck through
    Reopen,   // an arrow turning back up
};
QIcon actionIcon(ActionIcon action, const QColor &color, const QColor &disabledColor);

} // namespace CallScope
