// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until its tests land.
#include <QTest>

class Placeholder : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(Placeholder)
#include "tst_adapter_livekit.moc"
