// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace CallScope {

// The application icon, painted at every size the window system asks for (no SVG plugin needed).
QIcon appIcon();

} // namespace CallScope
