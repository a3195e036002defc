// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptbook.h"

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Sim {

namespace {

ScriptBook makeEnglish()
{
    ScriptBook book;
    book.lines.resize(int(Line::LineCount));
    const auto set = [&book](Line line, QStringList wordings) {
        book.lines[int(line)] = std::move(wordings);
    };

    set(Line::GreetInbound,
        {u"Good morning, {business}, this is {agent}. How can I help you today?"_s,
         u"Thanks for calling {business}, you're speaking with {agent}. What can I do for you?"_s,
         u"Hi, {business}, {agent} speaking. How can I help?"_s});
    set(Line::AskIdentityClinic,
        {u"Of course. Could I have your full name and date of birth, please?"_s,
         u"Happy to help with that. May I take your name and date of birth first?"_s});
    set(Line::AskIdentitySalon,
        {u"Sure thing. Can I get your name, please?"_s, u"Of course! What's the name on the booking?"_s});
    set(Line::Found,
        {u"Thank you, {first}, I've found your record."_s, u"Lovely, thanks {first}, I have you here."_s});
    set(Line::Checking,
        {u"Let me check what we have {day}."_s, u"One moment while I check the calendar {day}."_s});
    set(Line::CalendarSlow, {u"Sorry, our calendar is a little slow today. Let me try that again."_s,
                             u"Bear with me, the system is taking a moment. I'll check once more."_s});
    set(Line::OfferSlots,
        {u"There's a slot {day} at {slot}, or at {slot2}, with {staff}. Which would suit you better?"_s,
         u"{staff} is free {day} at {slot}, and there's also {slot2}. Do either of those work?"_s});
    set(Line::ConfirmBooking,
        {u"You're all set: {aService} {day} at {slot} with {staff}. You'll get a text confirmation shortly."_s,
         u"Done, I've booked you in {day} at {slot} with {staff}. We'll send a reminder the day before."_s});
    set(Line::FoundAppointment,
        {u"I can see your {service} {oldDay} at {oldSlot}. When would you like to come in instead?"_s,
         u"Right, your {service} is {oldDay} at {oldSlot}. What day would work better for you?"_s});
    set(Line::ConfirmReschedule,
        {u"All sorted. I've moved your {service}, it's now {day} at {slot}."_s,
         u"That's changed for you, you're now booked {day} at {slot} with {staff}."_s});
    set(Line::ConfirmCancel,
        {u"I've cancelled your {service} {oldDay} at {oldSlot}. Would you like to book a new time now?"_s,
         u"That's cancelled, there's no charge since it's more than a day ahead. Shall I find you another slot?"_s});
    set(Line::NoteCallback,
        {u"I've passed that on, {staff} will call you back about it today."_s,
         u"No problem, I've made a note and someone from the team will ring you back."_s});
    set(Line::TransferOffer, {u"Let me put you through to {target}, one moment please."_s,
                              u"I'll transfer you to {target} now, please hold the line."_s});
    set(Line::TransferFailed,
        {u"I'm sorry, nobody at {target} can pick up right now. I've asked them to call you "
         u"back on this number as soon as they're free."_s,
         u"Unfortunately {target} isn't answering at the moment. I've logged a callback "
         u"request so they'll ring you back shortly."_s});
    set(Line::AnythingElse,
        {u"Is there anything else I can help you with?"_s, u"Anything else I can do for you today?"_s});
    set(Line::Goodbye, {u"Thank you for calling {business}. Have a lovely day, goodbye!"_s,
                        u"Thanks, {first}. Take care, bye now!"_s});
    set(Line::ReminderOpen,
        {u"Hello, this is {agent} calling from {business}. I'm ringing to remind you of your "
         u"{service} {day} at {slot}. Will you still be able to make it?"_s,
         u"Hi {first}, it's {agent} from {business} with a quick reminder about your {service} "
         u"{day} at {slot}. Are you still okay for that time?"_s});
    set(Line::ReminderConfirmed, {u"Wonderful, we'll see you then. Goodbye!"_s,
                                  u"Perfect, I've marked it as confirmed. See you soon!"_s});
    set(Line::VoicemailMessage,
        {u"Hi {first}, this is {agent} from {business}, calling about your {service} {day} at {slot}. Please "
         u"give us a call back on {number} to confirm. Thank you!"_s,
         u"Hello, it's {agent} at {business}. Just a reminder of your appointment {day} at {slot}. If you "
         u"need to "
         u"change it, call us on {number}. Thanks, bye!"_s});

    set(Line::WantBooking, {u"Hi, I'd like to book {aService}, {day} if possible."_s,
                            u"Hello, yes, I was hoping to get {aService} sometime {day}, {dayPart}."_s,
                            u"Hi there, could I make an appointment for {aService}, {day} ideally?"_s});
    set(Line::GiveIdentityClinic, {u"It's {name}, born {dob}."_s, u"Sure, {name}, date of birth {dob}."_s});
    set(Line::GiveIdentitySalon, {u"It's {name}."_s, u"{name}, I've been in before."_s});
    set(Line::PickSlot,
        {u"{slot} is perfect, thanks."_s, u"Let's do {slot}."_s, u"{slot2} would be better for me."_s});
    set(Line::NothingElse, {u"No, that's everything. Thank you!"_s, u"That's all, thanks so much."_s});
    set(Line::WantReschedule,
        {u"Hi, I need to move my appointment, something came up at work."_s,
         u"Hello, I've got an appointment this week but I can't make it. Could we change it?"_s});
    set(Line::NewDayWish, {u"Could I come in {day} instead, {dayPart}?"_s,
                           u"Do you have anything {day}, ideally {dayPart}?"_s});
    set(Line::WantCancel, {u"Hi, I'm afraid I have to cancel my appointment."_s,
                           u"Hello, I need to cancel my booking, I'm away that week."_s});
    set(Line::DeclineRebook, {u"Not right now, I'll call again next week. Thanks."_s,
                              u"No thanks, I'll get back to you when I know my schedule."_s});
    set(Line::WantStaff, {u"Could I speak to someone at {target}? {reason}"_s,
                          u"I'd rather talk to a person, please. {reason}"_s});
    set(Line::AskCallback, {u"Oh, and could someone call me back about {concern}?"_s,
                            u"One more thing, I'd like a call back about {concern}, please."_s});
    set(Line::ConfirmReminder,
        {u"Yes, I'll be there, thanks for the reminder."_s, u"Yes, that still works for me."_s});
    set(Line::WrongNumber,
        {u"Oh, sorry, I think I dialled the wrong number."_s, u"Hello? Sorry, never mind."_s});
    set(Line::CallerCutOff, {u"Hello? Are you still there?"_s, u"Hello? I can't hear you."_s});

    book.businesses.resize(4);
    book.businesses[int(Business::Dental)] = Vocabulary{
        {u"Bright Smile Dental"_s, u"Harbor View Dentistry"_s, u"Maple Street Dental Care"_s},
        {{u"cleaning"_s, u"a cleaning"_s, u"cleaning"_s, 45},
         {u"checkup"_s, u"a check-up"_s, u"check-up"_s, 30},
         {u"filling"_s, u"a filling"_s, u"filling"_s, 60},
         {u"whitening_consult"_s, u"a whitening consultation"_s, u"whitening consultation"_s, 30}},
        {u"Dr. Patel"_s, u"Dr. Morgan"_s, u"Dr. Nguyen"_s},
        u"the front desk"_s,
        {u"It's about my invoice."_s, u"I have a question about my insurance claim."_s,
         u"I've had a bad toothache since yesterday."_s},
        {u"the invoice from last month"_s, u"my X-ray results"_s, u"a swollen gum after my filling"_s},
        true};
    book.businesses[int(Business::Physio)] =
        Vocabulary{{u"Riverside Physiotherapy"_s, u"Core Motion Physio"_s},
                   {{u"assessment"_s, u"a physiotherapy assessment"_s, u"physiotherapy assessment"_s, 60},
                    {u"follow_up"_s, u"a follow-up session"_s, u"follow-up session"_s, 30},
                    {u"sports_massage"_s, u"a sports massage"_s, u"sports massage"_s, 45}},
                   {u"Sarah"_s, u"Tom"_s, u"Priya"_s},
                   u"one of our physiotherapists"_s,
                   {u"I need to know whether I should keep doing my exercises with this pain."_s,
                    u"It's about the referral letter for my GP."_s},
                   {u"my exercise plan"_s, u"the referral for my insurance"_s,
                    u"pain in my knee after the last session"_s},
                   true};
    book.businesses[int(Business::HairSalon)] = Vocabulary{
        {u"Studio Luxe Hair"_s, u"The Cutting Room"_s},
        {{u"haircut"_s, u"a haircut"_s, u"haircut"_s, 45},
         {u"colour"_s, u"a colour appointment"_s, u"colour appointment"_s, 120},
         {u"blow_dry"_s, u"a blow-dry"_s, u"blow-dry"_s, 30},
         {u"balayage"_s, u"balayage"_s, u"balayage"_s, 150}},
        {u"Chloe"_s, u"Marco"_s, u"Jade"_s},
        u"the salon manager"_s,
        {u"I had a problem with my colour last time."_s, u"It's about a group booking for a wedding."_s},
        {u"a gift voucher"_s, u"a wedding party booking"_s, u"a colour correction"_s},
        false};
    book.businesses[int(Business::NailSalon)] = Vocabulary{
        {u"Polished Nail Bar"_s, u"Nails by Rosie"_s},
        {{u"manicure"_s, u"a manicure"_s, u"manicure"_s, 45},
         {u"gel_manicure"_s, u"a gel manicure"_s, u"gel manicure"_s, 60},
         {u"pedicure"_s, u"a pedicure"_s, u"pedicure"_s, 60}},
        {u"Rosie"_s, u"Mai"_s, u"Hannah"_s},
        u"the salon"_s,
        {u"One of my gel nails lifted two days after my appointment."_s, u"It's about a voucher I bought."_s},
        {u"a lifted gel nail"_s, u"a voucher that has not arrived"_s},
        false};

    book.agentNames = {u"Ava"_s, u"Sam"_s, u"Mia"_s, u"Leo"_s};
    book.weekdays = {u"on Monday"_s,   u"on Tuesday"_s, u"on Wednesday"_s,
                     u"on Thursday"_s, u"on Friday"_s,  u"tomorrow"_s};
    book.dayParts = {u"in the morning"_s, u"around lunchtime"_s, u"in the afternoon"_s, u"after work"_s};
    book.firstNames = {u"Emma"_s,   u"Liam"_s,   u"Olivia"_s, u"Noah"_s,   u"Ava"_s,   u"James"_s,
                       u"Sophie"_s, u"Oliver"_s, u"Grace"_s,  u"Daniel"_s, u"Chloe"_s, u"Ethan"_s};
    book.lastNames = {u"Johnson"_s, u"Carter"_s, u"Brown"_s,   u"Wilson"_s, u"Thompson"_s, u"Walker"_s,
                      u"Turner"_s,  u"Hughes"_s, u"Bennett"_s, u"Reed"_s,   u"Collins"_s,  u"Price"_s};
    book.months = {u"January"_s, u"February"_s, u"March"_s,     u"April"_s,   u"May"_s,      u"June"_s,
                   u"July"_s,    u"August"_s,   u"September"_s, u"October"_s, u"November"_s, u"December"_s};
    book.summaries = {
        u"{name} booked {aService} {day} at {slot} with {staff}."_s,
        u"{name} moved their {service}, it is now {day} at {slot}."_s,
        u"{name} cancelled their {service} and will call again to rebook."_s,
        u"{name} asked for {target} and was transferred."_s,
        u"{name} asked for {target}; nobody answered, so a callback was promised."_s,
        u"{name} confirmed their {service} {day} at {slot}."_s,
        u"The caller hung up right after the greeting."_s,
        u"The call was not answered."_s,
        u"The line was busy."_s,
        u"Reached voicemail and left a reminder about the {service} {day} at {slot}."_s,
        u"The call could not be connected."_s,
    };
    book.systemPrompt =
        u"You are {agent}, the friendly receptionist of {business}. Help callers book, move or "
        u"cancel appointments, and put them through to staff when they ask for a person."_s;
    book.twelveHourClock = true;
    return book;
}

} // namespace

const ScriptBook &englishScriptBook()
{
    static const ScriptBook book = makeEnglish();
    return book;
}

} // namespace CallScope::Sim
