// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calldetail.h"
#include "storetypes.h"
#include "types.h"

#include <QColor>
#include <QCoreApplication>
#include <QPalette>

#include <optional>

namespace CallScope {

// The words, symbols and colours one call's facts are shown with, shared by the call header, the
// timeline and its inspector, so a status reads the same everywhere. A colour never comes alone:
// every status also has a word and a symbol.
class CallPresentation
{
    Q_DECLARE_TR_FUNCTIONS(CallScope::CallPresentation)

public:
    // An offset from the call's start: "0:05", "12:30", "1:02:03"; with a precision below a second
    // the fraction follows ("0:05.25").
    static QString offset(qint64 ms, qint64 precisionMs = 1000);
    // "850 ms", "1.2 s", "42 s", "3 min 05 s", "1 h 02 min".
    static QString duration(qint64 ms);
    static QString localDateTime(qint64 epochMs);
    static QString localTime(qint64 epochMs);

    static QString provider(Provider provider);
    // A phone number as lists show it: whole, or with all but its last four digits hidden when
    // the privacy setting asks for it ("••• 5607"). Detail views and dialling use the number itself.
    static QString listNumber(const QString &number);
    static void setMaskNumbersInLists(bool mask);
    static bool masksNumbersInLists();
    // The application's palette (light or dark) for the models' colours; a default one without a GUI.
    static QPalette appPalette();
    static QString direction(const QString &direction);
    static QString role(const QString &role);
    static QString callStatus(CallStatus status);
    // A status as it arrived in an event ("in_progress"), in words when it is one we know.
    static QString callStatus(const QString &status);
    static QString outcome(Outcome outcome);
    // "✕ error": the symbol and the word.
    static QString functionStatus(FunctionStatus status);
    static QString functionStatusWord(FunctionStatus status);
    static QString functionStatusSymbol(FunctionStatus status);
    static QString verification(Verification verification);
    static QString receiptStatus(ReceiptStatus status);

    static bool isDark(const QPalette &palette);
    static QColor functionStatusColor(FunctionStatus status, const QPalette &palette);
    // An ended call's outcome; nullopt: still running.
    static QColor outcomeColor(std::optional<Outcome> outcome, const QPalette &palette);
    static QColor errorColor(const QPalette &palette);
    static QColor warningColor(const QPalette &palette);

    // A function's name and duration: "book_appointment · 1.2 s".
    static QString functionLabel(const TimelineItem &item);
    // A status change, flow transition, error or note in a few words: "→ booking", "◆ SLOT_TAKEN".
    static QString markerLabel(const TimelineItem &item);

    // How long a function ran: the reported duration, else end − start when both are known.
    static std::optional<qint64> functionDuration(const TraceRecord &trace);
    // Where a function started on the call's axis: reported, else its end less its duration when only
    // the end arrived.
    static std::optional<qint64> functionStart(const TraceRecord &trace);
};

} // namespace CallScope
