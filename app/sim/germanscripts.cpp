// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptbook.h"

using namespace Qt::Literals::StringLiterals;

// German scripts use the formal "Sie". Services are feminine nouns throughout, so that "eine {…}" and
// "Ihre {…}" read correctly wherever a line puts them; targets and concerns are given in the case
// their line needs (dative after "mit"/"bei", genitive after "wegen").
namespace CallScope::Sim {

namespace {

ScriptBook makeGerman()
{
    ScriptBook book;
    book.lines.resize(int(Line::LineCount));
    const auto set = [&book](Line line, QStringList wordings) {
        book.lines[int(line)] = std::move(wordings);
    };

    set(Line::GreetInbound,
        {u"Guten Tag, {business}, Sie sprechen mit {agent}. Wie kann ich Ihnen helfen?"_s,
         u"{business}, guten Morgen, hier ist {agent}. Was kann ich für Sie tun?"_s,
         u"Hallo und willkommen bei {business}, mein Name ist {agent}. Wie kann ich helfen?"_s});
    set(Line::AskIdentityClinic,
        {u"Sehr gern. Darf ich zuerst Ihren vollständigen Namen und Ihr Geburtsdatum haben?"_s,
         u"Natürlich. Wie lauten Ihr Name und Ihr Geburtsdatum, bitte?"_s});
    set(Line::AskIdentitySalon,
        {u"Gerne. Auf welchen Namen darf ich nachsehen?"_s, u"Natürlich! Wie ist Ihr Name, bitte?"_s});
    set(Line::Found, {u"Vielen Dank, ich habe Sie im System gefunden."_s, u"Danke, da sind Sie ja schon."_s});
    set(Line::Checking, {u"Ich schaue kurz, was wir {day} frei haben."_s,
                         u"Einen Moment, ich sehe {day} im Kalender nach."_s});
    set(Line::CalendarSlow,
        {u"Entschuldigung, unser Kalender ist heute etwas langsam. Ich versuche es gleich noch einmal."_s,
         u"Einen kleinen Moment bitte, das System braucht gerade etwas länger. Ich frage noch einmal ab."_s});
    set(Line::OfferSlots,
        {u"Ich hätte {day} um {slot} oder um {slot2} bei {staff}. Was passt Ihnen besser?"_s,
         u"{staff} hat {day} um {slot} Zeit, alternativ um {slot2}. Passt Ihnen einer der Termine?"_s});
    set(Line::ConfirmBooking,
        {u"Wunderbar, ich habe {aService} für Sie eingetragen: {day} um {slot} bei {staff}. Sie bekommen "
         u"gleich "
         u"eine SMS zur Bestätigung."_s,
         u"Erledigt, Ihr Termin ist {day} um {slot} bei {staff}. Wir erinnern Sie einen Tag vorher."_s});
    set(Line::FoundAppointment,
        {u"Ich sehe Ihre {service} {oldDay} um {oldSlot}. Wann würde es Ihnen stattdessen passen?"_s,
         u"Ihre {service} ist {oldDay} um {oldSlot} eingetragen. Welcher Tag wäre Ihnen lieber?"_s});
    set(Line::ConfirmReschedule,
        {u"Alles klar, Ihre {service} ist jetzt {day} um {slot}."_s,
         u"Ich habe den Termin verlegt, Sie sind jetzt {day} um {slot} bei {staff} eingetragen."_s});
    set(Line::ConfirmCancel,
        {u"Ich habe Ihre {service} {oldDay} um {oldSlot} storniert. Möchten Sie gleich einen neuen Termin vereinbaren?"_s,
         u"Der Termin ist abgesagt, und da es mehr als 24 Stunden vorher ist, fallen keine Kosten an. Soll "
         u"ich Ihnen "
         u"einen neuen Termin suchen?"_s});
    set(Line::NoteCallback,
        {u"Ich habe das weitergegeben, {staff} ruft Sie heute noch zurück."_s,
         u"Kein Problem, ich habe es notiert, jemand aus dem Team meldet sich bei Ihnen."_s});
    set(Line::TransferOffer, {u"Ich verbinde Sie mit {target}, einen Moment bitte."_s,
                              u"Einen Moment, ich verbinde Sie direkt mit {target}."_s});
    set(Line::TransferFailed, {u"Es tut mir leid, bei {target} ist gerade niemand erreichbar. Ich habe um "
                               u"einen Rückruf unter Ihrer Nummer "
                               u"gebeten."_s,
                               u"Leider geht bei {target} im Moment niemand ran. Ich habe einen Rückruf für "
                               u"Sie eingetragen, man meldet "
                               u"sich in Kürze."_s});
    set(Line::AnythingElse,
        {u"Kann ich sonst noch etwas für Sie tun?"_s, u"Haben Sie sonst noch ein Anliegen?"_s});
    set(Line::Goodbye, {u"Vielen Dank für Ihren Anruf bei {business}. Auf Wiederhören!"_s,
                        u"Danke Ihnen, einen schönen Tag noch. Auf Wiederhören!"_s});
    set(Line::ReminderOpen, {u"Guten Tag, hier ist {agent} von {business}. Ich rufe an, um Sie an Ihre "
                             u"{service} {day} um {slot} zu "
                             u"erinnern. Passt Ihnen der Termin noch?"_s,
                             u"Hallo, {agent} von {business} hier, eine kurze Erinnerung an Ihren Termin "
                             u"{day} um {slot}. Bleibt es "
                             u"dabei?"_s});
    set(Line::ReminderConfirmed, {u"Wunderbar, dann sehen wir uns. Auf Wiederhören!"_s,
                                  u"Prima, ich habe den Termin als bestätigt markiert. Bis bald!"_s});
    set(Line::VoicemailMessage,
        {u"Guten Tag, hier ist {agent} von {business}. Es geht um Ihre {service} {day} um {slot}. Bitte "
         u"rufen Sie "
         u"uns unter {number} zurück. Vielen Dank!"_s,
         u"Hallo, {agent} von {business}. Nur eine Erinnerung an Ihren Termin {day} um {slot}. Falls Sie ihn "
         u"verschieben möchten, erreichen Sie uns unter {number}. Auf Wiederhören!"_s});

    set(Line::WantBooking,
        {u"Hallo, ich hätte gern einen Termin für {aService}, am liebsten {day}."_s,
         u"Guten Tag, ich bräuchte {aService}, wenn möglich {day} {dayPart}."_s,
         u"Hallo, kann ich bei Ihnen einen Termin für {aService} machen? Am besten {day}."_s});
    set(Line::GiveIdentityClinic, {u"{name}, geboren am {dob}."_s, u"Ja, {name}, Geburtsdatum {dob}."_s});
    set(Line::GiveIdentitySalon, {u"{name}."_s, u"Auf {name}, ich war schon öfter bei Ihnen."_s});
    set(Line::PickSlot,
        {u"{slot} passt mir gut."_s, u"Dann nehme ich {slot}."_s, u"{slot2} wäre mir lieber."_s});
    set(Line::NothingElse, {u"Nein, das war alles. Vielen Dank!"_s, u"Das war's, danke schön."_s});
    set(Line::WantReschedule,
        {u"Hallo, ich müsste meinen Termin verschieben, mir ist beruflich etwas dazwischengekommen."_s,
         u"Guten Tag, ich habe diese Woche einen Termin, schaffe es aber leider nicht. Können wir den verlegen?"_s});
    set(Line::NewDayWish,
        {u"Ginge es {day}, {dayPart}?"_s, u"Haben Sie {day} etwas frei, am besten {dayPart}?"_s});
    set(Line::WantCancel,
        {u"Hallo, ich muss leider meinen Termin absagen."_s,
         u"Guten Tag, ich möchte meinen Termin stornieren, ich bin in der Woche verreist."_s});
    set(Line::DeclineRebook, {u"Im Moment nicht, ich melde mich nächste Woche wieder."_s,
                              u"Nein danke, ich rufe an, wenn ich meine Planung kenne."_s});
    set(Line::WantStaff, {u"Könnte ich bitte mit {target} sprechen? {reason}"_s,
                          u"Ich würde lieber mit einem Menschen sprechen. {reason}"_s});
    set(Line::AskCallback, {u"Ach, und könnte mich jemand wegen {concern} zurückrufen?"_s,
                            u"Eine Sache noch: Ich hätte gern einen Rückruf wegen {concern}."_s});
    set(Line::ConfirmReminder,
        {u"Ja, ich komme, danke für die Erinnerung."_s, u"Ja, das passt weiterhin."_s});
    set(Line::WrongNumber,
        {u"Oh, Entschuldigung, ich habe mich verwählt."_s, u"Hallo? Ach, egal, tschüss."_s});
    set(Line::CallerCutOff, {u"Hallo? Sind Sie noch da?"_s, u"Hallo? Ich höre Sie nicht mehr."_s});

    book.businesses.resize(4);
    book.businesses[int(Business::Dental)] = Vocabulary{
        {u"Zahnarztpraxis Dr. Weber"_s, u"Zahnärzte am Markt"_s, u"Zahnzentrum Lindenhof"_s},
        {{u"cleaning"_s, u"eine professionelle Zahnreinigung"_s, u"Zahnreinigung"_s, 45},
         {u"checkup"_s, u"eine Kontrolluntersuchung"_s, u"Kontrolluntersuchung"_s, 30},
         {u"filling"_s, u"eine Füllung"_s, u"Füllung"_s, 60},
         {u"whitening_consult"_s, u"eine Bleaching-Beratung"_s, u"Bleaching-Beratung"_s, 30}},
        {u"Dr. Weber"_s, u"Dr. Yilmaz"_s, u"Dr. Krause"_s},
        u"der Anmeldung"_s,
        {u"Es geht um meine Rechnung."_s, u"Ich habe eine Frage zur Abrechnung mit meiner Krankenkasse."_s,
         u"Ich habe seit gestern starke Zahnschmerzen."_s},
        {u"der Rechnung vom letzten Monat"_s, u"meiner Röntgenaufnahmen"_s,
         u"einer Schwellung nach der Füllung"_s},
        true};
    book.businesses[int(Business::Physio)] = Vocabulary{
        {u"Physiotherapie am Park"_s, u"Praxis für Physiotherapie Bergmann"_s},
        {{u"physio"_s, u"eine Krankengymnastik-Behandlung"_s, u"Krankengymnastik-Behandlung"_s, 30},
         {u"manual_therapy"_s, u"eine manuelle Therapie"_s, u"manuelle Therapie"_s, 30},
         {u"lymph_drainage"_s, u"eine Lymphdrainage"_s, u"Lymphdrainage"_s, 45},
         {u"massage"_s, u"eine Massage"_s, u"Massage"_s, 30}},
        {u"Julia"_s, u"Tobias"_s, u"Sevgi"_s},
        u"einem unserer Therapeuten"_s,
        {u"Ich bin unsicher, ob ich meine Übungen trotz der Schmerzen weitermachen soll."_s,
         u"Es geht um die Verordnung von meinem Hausarzt."_s},
        {u"meines Übungsplans"_s, u"der neuen Verordnung"_s, u"Knieschmerzen nach der letzten Behandlung"_s},
        true};
    book.businesses[int(Business::HairSalon)] =
        Vocabulary{{u"Salon Haarmonie"_s, u"Friseur Schnittpunkt"_s},
                   {{u"colour"_s, u"eine Färbung"_s, u"Färbung"_s, 120},
                    {u"perm"_s, u"eine Dauerwelle"_s, u"Dauerwelle"_s, 120},
                    {u"blow_dry"_s, u"eine Föhnfrisur"_s, u"Föhnfrisur"_s, 30},
                    {u"highlights"_s, u"eine Strähnchen-Behandlung"_s, u"Strähnchen-Behandlung"_s, 150}},
                   {u"Lara"_s, u"Marco"_s, u"Nina"_s},
                   u"der Salonleitung"_s,
                   {u"Mit meiner Farbe vom letzten Mal bin ich nicht zufrieden."_s,
                    u"Es geht um eine Gruppenbuchung für eine Hochzeit."_s},
                   {u"eines Geschenkgutscheins"_s, u"einer Hochzeitsbuchung"_s, u"einer Farbkorrektur"_s},
                   false};
    book.businesses[int(Business::NailSalon)] =
        Vocabulary{{u"Nagelstudio Glanzwerk"_s, u"Nailbar Perla"_s},
                   {{u"manicure"_s, u"eine Maniküre"_s, u"Maniküre"_s, 45},
                    {u"pedicure"_s, u"eine Pediküre"_s, u"Pediküre"_s, 60},
                    {u"gel_nails"_s, u"eine Gel-Modellage"_s, u"Gel-Modellage"_s, 90},
                    {u"extensions"_s, u"eine Nagelverlängerung"_s, u"Nagelverlängerung"_s, 90}},
                   {u"Mai"_s, u"Linh"_s, u"Sara"_s},
                   u"der Inhaberin"_s,
                   {u"Ein Gelnagel hat sich zwei Tage nach dem Termin gelöst."_s,
                    u"Es geht um einen Gutschein, den ich gekauft habe."_s},
                   {u"eines abgelösten Gelnagels"_s, u"eines Gutscheins, der nicht angekommen ist"_s},
                   false};

    book.agentNames = {u"Lena"_s, u"Jonas"_s, u"Clara"_s, u"Max"_s};
    book.weekdays = {u"am Montag"_s,     u"am Dienstag"_s, u"am Mittwoch"_s,
                     u"am Donnerstag"_s, u"am Freitag"_s,  u"morgen"_s};
    book.dayParts = {u"vormittags"_s, u"um die Mittagszeit"_s, u"nachmittags"_s, u"nach der Arbeit"_s};
    book.firstNames = {u"Anna"_s,   u"Lukas"_s, u"Lea"_s,    u"Jonas"_s, u"Marie"_s,  u"Felix"_s,
                       u"Sophie"_s, u"Paul"_s,  u"Emilia"_s, u"Leon"_s,  u"Hannah"_s, u"Elias"_s};
    book.lastNames = {u"Schneider"_s, u"Müller"_s,  u"Fischer"_s, u"Becker"_s,
                      u"Hoffmann"_s,  u"Wagner"_s,  u"Koch"_s,    u"Richter"_s,
                      u"Schulz"_s,    u"Neumann"_s, u"Schwarz"_s, u"Zimmermann"_s};
    book.months = {u"Januar"_s, u"Februar"_s, u"März"_s,      u"April"_s,   u"Mai"_s,      u"Juni"_s,
                   u"Juli"_s,   u"August"_s,  u"September"_s, u"Oktober"_s, u"November"_s, u"Dezember"_s};
    book.summaries = {
        u"{name} hat {aService} {day} um {slot} bei {staff} gebucht."_s,
        u"{name} hat den Termin verlegt, neu: {day} um {slot}."_s,
        u"{name} hat die {service} abgesagt und meldet sich für einen neuen Termin."_s,
        u"{name} wollte mit {target} sprechen und wurde verbunden."_s,
        u"{name} wollte mit {target} sprechen; niemand war erreichbar, ein Rückruf wurde zugesagt."_s,
        u"{name} hat den Termin {day} um {slot} bestätigt."_s,
        u"Der Anrufer hat direkt nach der Begrüßung aufgelegt."_s,
        u"Der Anruf wurde nicht angenommen."_s,
        u"Die Leitung war besetzt."_s,
        u"Mailbox erreicht, Erinnerung an den Termin {day} um {slot} hinterlassen."_s,
        u"Der Anruf konnte nicht aufgebaut werden."_s,
    };
    book.systemPrompt =
        u"Du bist {agent}, die freundliche Rezeption von {business}. Hilf Anrufern, Termine zu "
        u"buchen, zu verlegen oder abzusagen, und verbinde sie mit dem Team, wenn sie einen "
        u"Menschen sprechen möchten."_s;
    book.twelveHourClock = false;
    return book;
}

} // namespace

const ScriptBook &germanScriptBook()
{
    static const ScriptBook book = makeGerman();
    return book;
}

} // namespace CallScope::Sim
