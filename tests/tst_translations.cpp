// SPDX-License-Identifier: GPL-3.0-or-later
// Every shipped language is complete, and its placeholders match the English ones.
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void complete_data();
    void complete();
};

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("German") << QStringLiteral(CALLSCOPE_SOURCE_DIR "/translations/callscope_de.ts");
}

void TestTranslations::complete()
{
    QFETCH(QString, file);
    QFile ts(file);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(file));
    QXmlStreamReader xml(&ts);
    QString source;
    int messages = 0;
    QStringList problems;
    static const QRegularExpression placeholder(u"%\\d"_s);
    auto placeholders = [](const QString &text) {
        QStringList found;
        for (auto it = placeholder.globalMatch(text); it.hasNext();)
            found << it.next().captured();
        found.sort();
        return found;
    };
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == "source"_L1) {
            source = xml.readElementText();
        } else if (xml.name() == "translation"_L1) {
            ++messages;
            const bool unfinished = xml.attributes().value("type"_L1) == "unfinished"_L1;
            // A plural message (%n) has one <numerusform> per German plural form; each must be there.
            QStringList forms;
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == "numerusform"_L1)
                    forms << xml.readElementText();
                else if (xml.isEndElement() && xml.name() == "translation"_L1)
                    break;
            }
            if (forms.isEmpty())
                forms << text;
            for (const QString &translation : std::as_const(forms)) {
                if (unfinished || translation.trimmed().isEmpty())
                    problems << u"untranslated: "_s + source;
                else if (placeholders(source) != placeholders(translation))
                    problems << u"placeholders differ: "_s + source;
            }
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(messages > 20);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
