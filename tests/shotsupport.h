// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QString>

#include <optional>

class QImage;
class QTranslator;
class QWidget;

namespace CallScope::Test {

// What a screenshot program was asked for: `PROGRAM OUTPUT_DIR [--lang en|de] [--dark]`.
struct ShotArguments
{
    QString outputDir;
    QString language = QStringLiteral("en");
    bool dark = false;
};
// The arguments, or nothing (with the usage on stderr).
std::optional<ShotArguments> shotArguments(const char *program);
// Sets the default locale and installs `translator` with the app's German when asked; false (with a
// message) when the translation is missing.
bool applyShotLanguage(const QString &language, QTranslator &translator, const char *program);
// A dark palette, to check that everything stays readable in one.
QPalette darkPalette();
// Grabs the window as the X server shows it and saves it. A drawn window has many colours
// (antialiased text, widgets); an empty one has a handful: false then, or when it cannot be written.
bool saveShot(QWidget *window, const QString &path, const char *program);
bool saveShot(const QImage &image, const QString &path, const char *program);
// The window with a dialog open over it: the screen area both cover.
bool saveShotWithDialog(QWidget *window, QWidget *dialog, const QString &path, const char *program);

} // namespace CallScope::Test
