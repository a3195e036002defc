// SPDX-License-Identifier: GPL-3.0-or-later
#include "shotsupport.h"

#include <QApplication>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QScreen>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QWidget>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Test {

std::optional<ShotArguments> shotArguments(const char *program)
{
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: %s OUTPUT_DIR [--lang en|de] [--dark]\n", program);
        return std::nullopt;
    }
    ShotArguments shot;
    shot.outputDir = args.at(1);
    if (const qsizetype at = args.indexOf(u"--lang"_s); at > 0 && at + 1 < args.size())
        shot.language = args.at(at + 1);
    shot.dark = args.contains(u"--dark"_s);
    return shot;
}

bool applyShotLanguage(const QString &language, QTranslator &translator, const char *program)
{
    const bool german = language == "de"_L1;
    QLocale::setDefault(QLocale(german ? u"de_DE"_s : u"en_GB"_s));
    if (!german)
        return true;
    if (!translator.load(QLocale(QLocale::German), u"callscope"_s, u"_"_s, u":/i18n"_s)) {
        std::fprintf(stderr, "%s: no German translation\n", program);
        return false;
    }
    QApplication::installTranslator(&translator);
    // Qt's own German (standard buttons, file dialogs), as the app loads it.
    static QTranslator qt;
    if (qt.load(QLocale(QLocale::German), u"qtbase"_s, u"_"_s,
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qt);
    return true;
}

QPalette darkPalette()
{
    QPalette dark;
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb5));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
    dark.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3c));
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::Disabled, QPalette::Text, disabled);
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    dark.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    return dark;
}

bool saveShot(QWidget *window, const QString &path, const char *program)
{
    QTest::qWait(300);
    return saveShot(window->screen()->grabWindow(window->winId()).toImage(), path, program);
}

bool saveShotWithDialog(QWidget *window, QWidget *dialog, const QString &path, const char *program)
{
    QTest::qWait(300);
    const QRect frame = window->frameGeometry().united(dialog->frameGeometry());
    return saveShot(
        window->screen()->grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).toImage(), path,
        program);
}

bool saveShot(const QImage &image, const QString &path, const char *program)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    if (!image.save(path)) {
        std::fprintf(stderr, "%s: cannot write %s\n", program, qPrintable(path));
        return false;
    }
    std::printf("%s: %s, %dx%d, %lld colours\n", program, qPrintable(path), image.width(), image.height(),
                qlonglong(colours.size()));
    return colours.size() > 50;
}

} // namespace CallScope::Test
