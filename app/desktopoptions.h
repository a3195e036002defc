// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/options.h"

#include <QStringList>

namespace CallScope {

class Settings;

// The desktop app's settings for what its command line did not say (the command line wins, so a
// script can start the app on a prepared setup): the database, the listen address, the public URL,
// TLS, the frontend URL, its timeout and the callback backoff, and the Ultravox API. A stored value
// that is not valid is left out; the answer says what was wrong with each.
QStringList applyStoredSettings(Options &options, const Settings &settings);

// The command-line options that override a setting the settings dialog edits (so it can say that
// the field has no effect while the app runs with them), e.g. {"--db", "--listen"}.
QStringList overridingOptions(const Options &options);

} // namespace CallScope
