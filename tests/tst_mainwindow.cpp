// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStackedWidget>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void showsTheFourPlaces();
    void navigatingSwitchesThePage();
    void emptyStateGivesEachProviderItsWebhookUrl_data();
    void emptyStateGivesEachProviderItsWebhookUrl();
    void copyPutsTheUrlOnTheClipboard();
    void statusBarSaysWhereWebhooksArrive();
    void switchesToGermanWhileRunning();

private:
    ShellInfo info() const
    {
        ShellInfo i;
        i.publicBaseUrl = u"https://hooks.example.com/cs"_s;
        i.listenAddress = u"127.0.0.1:8787"_s;
        i.databaseDisplay = u"sqlite:///tmp/x.db"_s;
        i.secretBackend = u"keychain"_s;
        i.tenant = u"clinic"_s;
        return i;
    }
};

void TestMainWindow::showsTheFourPlaces()
{
    MainWindow window(info());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *navigation = window.findChild<QListWidget *>(u"navigation"_s);
    QVERIFY(navigation);
    QStringList names;
    for (int i = 0; i < navigation->count(); ++i)
        names << navigation->item(i)->text();
    QCOMPARE(names, (QStringList{u"Calls"_s, u"Callbacks"_s, u"Errors"_s, u"Charts"_s}));
    QCOMPARE(window.currentPlace(), MainWindow::Place::Calls);
    QCOMPARE(window.windowTitle(), u"CallScope"_s);
}

void TestMainWindow::navigatingSwitchesThePage()
{
    MainWindow window(info());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *navigation = window.findChild<QListWidget *>(u"navigation"_s);
    auto *pages = window.findChild<QStackedWidget *>(u"pages"_s);
    const QRect errorsRow = navigation->visualItemRect(navigation->item(2));
    QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, errorsRow.center());
    QCOMPARE(window.currentPlace(), MainWindow::Place::Errors);
    QVERIFY(pages->currentWidget()->findChild<QWidget *>(u"errorsPage"_s));
    const auto *title = pages->currentWidget()->findChild<QLabel *>(u"emptyStateTitle"_s);
    QVERIFY(title && title->isVisible());
    QCOMPARE(title->text(), u"No errors"_s);
    QTest::keyClick(navigation, Qt::Key_Down);
    QCOMPARE(window.currentPlace(), MainWindow::Place::Charts);
}

void TestMainWindow::emptyStateGivesEachProviderItsWebhookUrl_data()
{
    QTest::addColumn<QString>("provider");
    for (const char *p : {"retell", "vapi", "ultravox", "livekit", "twilio"})
        QTest::newRow(p) << QString::fromLatin1(p);
}

void TestMainWindow::emptyStateGivesEachProviderItsWebhookUrl()
{
    QFETCH(QString, provider);
    MainWindow window(info());
    auto *field = window.findChild<QLineEdit *>(u"webhookUrl_"_s + provider);
    QVERIFY(field);
    QCOMPARE(field->text(), u"https://hooks.example.com/cs/t/clinic/webhooks/"_s + provider);
    QVERIFY(field->isReadOnly());

    ShellInfo defaultTenant = info();
    defaultTenant.tenant = u"default"_s;
    window.setShellInfo(defaultTenant);
    QCOMPARE(field->text(), u"https://hooks.example.com/cs/webhooks/"_s + provider);
}

void TestMainWindow::copyPutsTheUrlOnTheClipboard()
{
    MainWindow window(info());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *copy = window.findChild<QToolButton *>(u"copyWebhookUrl_twilio"_s);
    QVERIFY(copy);
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             u"https://hooks.example.com/cs/t/clinic/webhooks/twilio"_s);
}

void TestMainWindow::statusBarSaysWhereWebhooksArrive()
{
    MainWindow window(info());
    auto *listen = window.findChild<QLabel *>(u"listenStatus"_s);
    QCOMPARE(listen->text(), u"Receiving webhooks on 127.0.0.1:8787"_s);
    ShellInfo failed = info();
    failed.listenAddress.clear();
    failed.listenError = u"the address is in use"_s;
    window.setShellInfo(failed);
    QCOMPARE(listen->text(), u"Not receiving webhooks: the address is in use"_s);
    QVERIFY(window.findChild<QLabel *>(u"storeStatus"_s)->text().contains(u"keychain"_s));
}

void TestMainWindow::switchesToGermanWhileRunning()
{
    MainWindow window(info());
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::German), u"callscope"_s, u"_"_s, u":/i18n"_s));
    QApplication::installTranslator(&translator);
    auto *navigation = window.findChild<QListWidget *>(u"navigation"_s);
    // LanguageChange is posted, so the window retranslates on the next event loop turn.
    QTRY_COMPARE(navigation->item(0)->text(), u"Anrufe"_s);
    QCOMPARE(navigation->item(1)->text(), u"Rückrufe"_s);
    const auto *callsPage = window.findChild<QWidget *>(u"callsPage"_s);
    QCOMPARE(callsPage->findChild<QLabel *>(u"emptyStateTitle"_s)->text(), u"Noch keine Anrufe"_s);
    QApplication::removeTranslator(&translator);
    QTRY_COMPARE(navigation->item(0)->text(), u"Calls"_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
