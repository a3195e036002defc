// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QColor>
#include <QCoreApplication>

class QPalette;

namespace CallScope {

// The words, symbols and colours of the error dashboard, shared by its list, its detail pane, the
// ignore dialog and the window's alerts. As with calls and callbacks, a colour never comes alone:
// severity and status each have a symbol and a word.
class ErrorPresentation
{
    Q_DECLARE_TR_FUNCTIONS(CallScope::ErrorPresentation)

public:
    // The severities from the most to the least severe (as the store spells them).
    static QStringList severities();
    // critical 3 ... low 0; -1 for an unknown one.
    static int severityRank(const QString &severity);
    // "‼ Critical": the symbol and the word.
    static QString severity(const QString &severity);
    static QString severityWord(const QString &severity);
    static QString severitySymbol(const QString &severity);
    static QColor severityColor(const QString &severity, const QPalette &palette);

    // unresolved, resolved, ignored.
    static QStringList statuses();
    // "● Unresolved".
    static QString status(const QString &status);
    static QString statusWord(const QString &status);
    static QString statusSymbol(const QString &status);
    static QColor statusColor(const QString &status, const QPalette &palette);
    // "↺ Regression": a resolved group that happened again.
    static QString regression();
    // What the group's state means, in a sentence.
    static QString statusExplanation(const ErrorGroupRecord &group);

    // Where the failure came from: "Function call", "Provider", "Transfer", ...
    static QString source(const QString &source);
    // What a group is called in lists, dialogs and alerts: its code, else its source in words.
    static QString title(const ErrorGroupRecord &group);
    // A provider as the store names it ("vapi"), by its name ("Vapi").
    static QString provider(const QString &provider);

    // How long ago: "just now", "12 min ago", "3 h ago", "2 d ago".
    static QString ago(qint64 epochMs, qint64 nowMs);
    // Who changed the status when: "Resolved by Mia Berger 12 min ago"; empty when nobody did.
    static QString change(const ErrorGroupRecord &group, qint64 nowMs);
    // How an ignored group comes back: "until 10 more events (at 52)", "until 14/03/2027 18:00",
    // "forever"; empty for a group that is not ignored.
    static QString ignoreLimit(const ErrorGroupRecord &group);
};

} // namespace CallScope
