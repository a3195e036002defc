// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace CallScope {

// Installs CallScope's and Qt's translations for `language` ("en", "de"; empty: the system's),
// replacing those installed before, and makes it the default locale. Every widget then receives a
// LanguageChange event and retranslates itself, so the language changes without a restart.
// Answers the language in effect ("en" when there is no translation for the one asked for).
QString applyLanguage(const QString &language);

} // namespace CallScope
