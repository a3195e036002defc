// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorfingerprint.h"

#include <QTest>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

class TestErrorFingerprint : public QObject
{
    Q_OBJECT

private slots:
    void sameFailure_data();
    void sameFailure();
    void masksWhatVaries_data();
    void masksWhatVaries();
};

void TestErrorFingerprint::sameFailure_data()
{
    QTest::addColumn<QStringList>("a"); // source, code, function, message
    QTest::addColumn<QStringList>("b");
    QTest::addColumn<bool>("same");
    const QStringList base{u"function"_s, u"calendar_unavailable"_s, u"book_appointment_v17"_s,
                           u"slot 09:30 for +49 151 2345678 unavailable (call call_8f3a21)"_s};
    QTest::newRow("other phone number, time and call id: one group")
        << base
        << QStringList{base[0], base[1], base[2],
                       u"slot 14:00 for +1 415 867 5309 unavailable (call call_99zz01)"_s}
        << true;
    QTest::newRow("another version of the function: one group")
        << base << QStringList{base[0], base[1], u"book_appointment_v18"_s, base[3]} << true;
    QTest::newRow("another code: two groups")
        << base << QStringList{base[0], u"timeout"_s, base[2], base[3]} << false;
    QTest::newRow("another function: two groups")
        << base << QStringList{base[0], base[1], u"cancel_appointment"_s, base[3]} << false;
    QTest::newRow("another source: two groups")
        << base << QStringList{u"provider"_s, base[1], base[2], base[3]} << false;
    QTest::newRow("another wording: two groups")
        << base << QStringList{base[0], base[1], base[2], u"calendar offline"_s} << false;
}

void TestErrorFingerprint::sameFailure()
{
    QFETCH(QStringList, a);
    QFETCH(QStringList, b);
    QFETCH(bool, same);
    const QString fa = ErrorFingerprint::of(a[0], a[1], a[2], a[3]);
    const QString fb = ErrorFingerprint::of(b[0], b[1], b[2], b[3]);
    QCOMPARE(fa == fb, same);
    QCOMPARE(fa.size(), 32);
}

void TestErrorFingerprint::masksWhatVaries_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("masked");
    QTest::newRow("an E.164 number") << u"cannot reach +4915123456789"_s << u"cannot reach <phone>"_s;
    QTest::newRow("a formatted number") << u"busy: (030) 123-4567"_s << u"busy: <phone>"_s;
    QTest::newRow("a plain count") << u"retried 3 times"_s << u"retried <n> times"_s;
    QTest::newRow("a Twilio CallSid") << u"leg CA0123456789abcdef failed"_s << u"leg <id> failed"_s;
    QTest::newRow("a UUID") << u"run 3f2c9a1e-7b4d-4e2a-9c1f-0a1b2c3d4e5f stopped"_s << u"run <id> stopped"_s;
    QTest::newRow("words without digits stay") << u"calendar unavailable"_s << u"calendar unavailable"_s;
}

void TestErrorFingerprint::masksWhatVaries()
{
    QFETCH(QString, message);
    QFETCH(QString, masked);
    QCOMPARE(ErrorFingerprint::maskMessage(message), masked);
}

QTEST_GUILESS_MAIN(TestErrorFingerprint)
#include "tst_errorfingerprint.moc"
