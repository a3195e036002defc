// SPDX-License-Identifier: GPL-3.0-or-later
#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

QString applyLanguage(const QString &language)
{
    // The translators of the previous call, removed before the new ones go in (English is the
    // source language and has none).
    static QPointer<QTranslator> own;
    static QPointer<QTranslator> qt;
    for (QPointer<QTranslator> *installed : {&own, &qt}) {
        if (*installed) {
            QCoreApplication::removeTranslator(*installed);
            delete installed->data();
        }
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    QString effective = u"en"_s;
    auto *ownTranslator = new QTranslator(QCoreApplication::instance());
    if (ownTranslator->load(locale, u"callscope"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(ownTranslator);
        own = ownTranslator;
        effective = locale.name().section(u'_', 0, 0);
    } else {
        delete ownTranslator;
    }
    auto *qtTranslator = new QTranslator(QCoreApplication::instance());
    if (effective != "en"_L1 &&
        qtTranslator->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
        qt = qtTranslator;
    } else {
        delete qtTranslator;
    }
    return effective;
}

} // namespace CallScope
