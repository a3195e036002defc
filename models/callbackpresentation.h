// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"
#include "types.h"

#include <QColor>
#include <QCoreApplication>

#include <optional>

class QPalette;

namespace CallScope {

// The words, symbols and colours of the callback queue, shared by its list, its detail pane and the
// window's alerts. As with calls, a colour never comes alone: urgency and state each have a symbol
// and a word, so the queue reads the same without colour.
class CallbackPresentation
{
    Q_DECLARE_TR_FUNCTIONS(CallScope::CallbackPresentation)

public:
    // Who to call back, in dialogs and alerts: the caller's name, else the number.
    static QString who(const CallbackRecord &request);

    // "‼ Critical": the symbol and the word.
    static QString urgency(Urgency urgency);
    static QString urgencyWord(Urgency urgency);
    static QString urgencySymbol(Urgency urgency);
    static QColor urgencyColor(Urgency urgency, const QPalette &palette);
    // A critical request's row: a tint of the error colour that keeps the text readable.
    static QColor criticalBackground(const QPalette &palette);

    // A request's state (pending ... completed) as "↻ Handing over…".
    static QString state(const QString &status);
    static QString stateWord(const QString &status);
    static QString stateSymbol(const QString &status);
    // What the state means for the person at the desk, in a sentence.
    static QString stateExplanation(const QString &status);
    static QColor stateColor(const QString &status, const QPalette &palette);

    // How long someone has waited: "just now", "12 min", "2 h 5 min", "3 d 4 h".
    static QString waited(qint64 ms);
    // When the next hand-off attempt is due, from `nowMs`: "in 4 min", "due now"; empty when none.
    static QString nextAttempt(const CallbackRecord &request, qint64 nowMs);
    // A moment in the queue: "09:14" today, "Yesterday 16:40", else the date and the time.
    static QString moment(qint64 epochMs, qint64 nowMs);

    // Who did something to a request, in words ("Backend", "Failed transfer", a staff name).
    static QString actor(const CallbackHistoryEntry &entry);
    // What happened, in a sentence: "Cancelled: customer called back", "Hand-off attempt 2 failed
    // (HTTP 500): ...". A request's or merge's concern only `withConcern`.
    static QString historyText(const CallbackHistoryEntry &entry, bool withConcern = true);
};

} // namespace CallScope
