// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callplan.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// What the agents and callers say, per language: a few wordings of every line of the call scripts and
// the vocabulary of each kind of business. Lines carry {placeholders} that the generator fills per
// call ({business}, {agent}, {aService}, {service}, {staff}, {day}, {oldDay}, {dayPart}, {slot},
// {slot2}, {oldSlot}, {name}, {first}, {dob}, {target}, {reason}, {concern}, {number}).
namespace CallScope::Sim {

enum class Line
{
    // the agent
    GreetInbound,
    AskIdentityClinic,
    AskIdentitySalon,
    Found,
    Checking,
    CalendarSlow,
    OfferSlots,
    ConfirmBooking,
    FoundAppointment,
    ConfirmReschedule,
    ConfirmCancel,
    NoteCallback,
    TransferOffer,
    TransferFailed,
    AnythingElse,
    Goodbye,
    ReminderOpen,
    ReminderConfirmed,
    VoicemailMessage,
    // the caller
    WantBooking,
    GiveIdentityClinic,
    GiveIdentitySalon,
    PickSlot,
    NothingElse,
    WantReschedule,
    NewDayWish,
    WantCancel,
    DeclineRebook,
    WantStaff,
    AskCallback,
    ConfirmReminder,
    WrongNumber,
    CallerCutOff,
    LineCount
};

struct Service
{
    QString id;          // for tool arguments: "cleaning"
    QString withArticle; // as asked for: "a cleaning", "eine Zahnreinigung"
    QString bare;        // after "your": "cleaning", "Zahnreinigung"
    int minutes = 30;
};

struct Vocabulary
{
    QStringList names; // of the practice or salon
    QList<Service> services;
    QStringList staff;
    QString transferTarget;       // "the front desk", "der Anmeldung" (after "mit")
    QStringList transferReasons;  // why the caller wants a person
    QStringList callbackConcerns; // what a callback is about
    bool clinic = true;           // patients with a date of birth, or salon clients
};

struct ScriptBook
{
    QList<QStringList> lines;     // by Line: the wordings
    QList<Vocabulary> businesses; // by Business
    QStringList agentNames;
    QStringList weekdays; // as said before a time: "on Tuesday", "am Dienstag"
    QStringList dayParts; // morning, lunchtime, afternoon, after work: "in the morning", "vormittags"
    QStringList firstNames;
    QStringList lastNames;
    QStringList months;
    QStringList summaries; // by Scenario: what the platform's analysis says about the call
    QString systemPrompt;  // the agent's instructions, as Vapi lists them first
    bool twelveHourClock = true;

    const QStringList &wordings(Line line) const { return lines.at(int(line)); }
    const Vocabulary &vocabulary(Business business) const { return businesses.at(int(business)); }
    // 570 → "9:30 am" or "9:30 Uhr"
    QString spokenTime(int minutesOfDay) const;
};

const ScriptBook &scriptBook(Language language);
const ScriptBook &englishScriptBook();
const ScriptBook &germanScriptBook();

// Replaces every {key} of `text` with its value; unknown keys stay as they are.
QString fill(const QString &text, const QHash<QString, QString> &values);

} // namespace CallScope::Sim
