// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation.h"

#include "simids.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Sim {

namespace {

// Natural speech runs at about 150 words a minute; a few hundred ms pass before each reply.
qint64 speakingMs(const QString &text, QRandomGenerator &random)
{
    const qsizetype words = text.split(u' ', Qt::SkipEmptyParts).size();
    return qint64(words) * random.bounded(330, 410) + 250;
}

QString twoDigits(int value)
{
    return u"%1"_s.arg(value, 2, 10, QChar(u'0'));
}

QString clockTime(int minutes)
{
    return twoDigits(minutes / 60) + u':' + twoDigits(minutes % 60);
}

} // namespace

Conversation::Conversation(const CallPlan &plan, QRandomGenerator &random, qint64 callDateMs)
    : m_plan(plan)
    , m_random(random)
    , m_book(scriptBook(plan.language))
    , m_vocabulary(m_book.vocabulary(plan.business))
    , m_callDateMs(callDateMs)
{
    m_service = m_vocabulary.services.at(m_random.bounded(int(m_vocabulary.services.size())));
    m_dayIndex = m_random.bounded(int(m_book.weekdays.size()));
    // The slots on offer lie in the part of the day the caller asks for (morning, lunchtime,
    // afternoon, after work), on quarter hours; the second offer is a little later.
    static constexpr struct
    {
        int firstMinute;
        int quarters;
    } dayParts[] = {{8 * 60, 14}, {11 * 60 + 30, 8}, {13 * 60 + 30, 12}, {16 * 60 + 30, 5}};
    const int dayPart = m_random.bounded(int(m_book.dayParts.size()));
    m_slotMinutes = dayParts[dayPart].firstMinute + 15 * m_random.bounded(dayParts[dayPart].quarters);
    m_slot2Minutes = m_slotMinutes + 15 * m_random.bounded(1, 5);
    const int oldDay =
        (m_dayIndex + 1 + m_random.bounded(int(m_book.weekdays.size()) - 1)) % int(m_book.weekdays.size());
    const int oldSlot = 8 * 60 + 15 * m_random.bounded(0, 36);
    const int birthYear = m_random.bounded(1948, 2006);
    const int birthMonth = m_random.bounded(1, 13);
    const int birthDay = m_random.bounded(1, 29);
    const QString first = plan.callerName.section(u' ', 0, 0);

    m_patientId =
        (m_vocabulary.clinic ? u"P-"_s : u"C-"_s) + QString::number(m_random.bounded(10'000, 99'999));
    m_appointmentId = u"A-"_s + QString::number(m_random.bounded(100'000, 999'999));
    const QString dob =
        plan.language == Language::German
            ? u"%1. %2 %3"_s.arg(birthDay).arg(m_book.months.at(birthMonth - 1)).arg(birthYear)
            : u"%1 %2 %3"_s.arg(m_book.months.at(birthMonth - 1)).arg(birthDay).arg(birthYear);
    m_values = {
        {u"business"_s, plan.businessName},
        {u"agent"_s, plan.agentName},
        {u"aService"_s, m_service.withArticle},
        {u"service"_s, m_service.bare},
        {u"staff"_s, pick(m_vocabulary.staff)},
        {u"day"_s, m_book.weekdays.at(m_dayIndex)},
        {u"oldDay"_s, m_book.weekdays.at(oldDay)},
        {u"dayPart"_s, m_book.dayParts.at(dayPart)},
        {u"slot"_s, m_book.spokenTime(m_slotMinutes)},
        {u"slot2"_s, m_book.spokenTime(m_slot2Minutes)},
        {u"oldSlot"_s, m_book.spokenTime(oldSlot)},
        {u"name"_s, plan.callerName},
        {u"first"_s, first},
        {u"dob"_s, dob},
        {u"target"_s, m_vocabulary.transferTarget},
        {u"reason"_s, pick(m_vocabulary.transferReasons)},
        {u"concern"_s, pick(m_vocabulary.callbackConcerns)},
        {u"number"_s, nationalFormat(plan.businessNumber)},
        {u"dobIso"_s, u"%1-%2-%3"_s.arg(birthYear).arg(twoDigits(birthMonth), twoDigits(birthDay))},
    };
}

QString Conversation::pick(const QStringList &choices)
{
    return choices.at(m_random.bounded(int(choices.size())));
}

QString Conversation::toolCallId()
{
    switch (m_plan.provider) {
    case Provider::Vapi:
        return u"call_"_s + randomAlphanumeric(m_random, 24); // OpenAI-style tool call ids
    case Provider::Ultravox:
        return randomUuid(m_random);
    case Provider::Retell:
        return randomHex(m_random, 16);
    default:
        return u"tc_"_s + randomAlphanumeric(m_random, 12);
    }
}

QString Conversation::appointmentStart(int dayIndex, int minutes) const
{
    // "tomorrow" is the next day; a weekday is the next one of that name after the call's day.
    const QDate callDay = QDateTime::fromMSecsSinceEpoch(m_callDateMs, Qt::UTC).date();
    QDate day = callDay.addDays(1);
    if (dayIndex < 5) {
        while (day.dayOfWeek() != dayIndex + 1)
            day = day.addDays(1);
    }
    return day.toString(Qt::ISODate) + u'T' + clockTime(minutes) + u":00"_s;
}

void Conversation::sayText(bool agent, const QString &text)
{
    const qint64 start = m_clockMs + (agent ? m_random.bounded(350, 900) : m_random.bounded(300, 1300));
    const qint64 end = start + speakingMs(text, m_random);
    m_steps.append(Utterance{agent, text, start, end});
    m_clockMs = end;
}

void Conversation::say(bool agent, Line line)
{
    sayText(agent, fill(pick(m_book.wordings(line)), m_values));
}

ToolCall &Conversation::tool(const QString &name, const QJsonObject &arguments, const QJsonValue &result,
                             qint64 latencyMs)
{
    ToolCall call;
    call.id = toolCallId();
    call.name = name;
    call.arguments = arguments;
    call.result = result;
    call.startMs = m_clockMs + m_random.bounded(80, 250);
    call.endMs = call.startMs + latencyMs;
    m_clockMs = call.endMs;
    m_steps.append(call);
    return std::get<ToolCall>(m_steps.last());
}

void Conversation::flow(const QString &to)
{
    const QString from = m_node.isEmpty() ? u"start"_s : m_node;
    m_steps.append(FlowChange{from, to, m_clockMs});
    m_node = to;
}

void Conversation::identify()
{
    flow(u"identify_caller"_s);
    say(true, m_vocabulary.clinic ? Line::AskIdentityClinic : Line::AskIdentitySalon);
    say(false, m_vocabulary.clinic ? Line::GiveIdentityClinic : Line::GiveIdentitySalon);
    QJsonObject arguments{{u"phone"_s, m_plan.customerNumber}, {u"name"_s, m_plan.callerName}};
    if (m_vocabulary.clinic)
        arguments.insert(u"dateOfBirth"_s, m_values.value(u"dobIso"_s));
    const QJsonObject found{{u"found"_s, true},
                            {m_vocabulary.clinic ? u"patientId"_s : u"clientId"_s, m_patientId},
                            {u"upcoming"_s, QJsonArray{QJsonObject{{u"appointmentId"_s, m_appointmentId},
                                                                   {u"service"_s, m_service.id}}}}};
    tool(m_vocabulary.clinic ? u"lookup_patient"_s : u"lookup_client"_s, arguments, found,
         m_random.bounded(180, 700));
    say(true, Line::Found);
}

void Conversation::findSlot()
{
    flow(u"scheduling"_s);
    say(true, Line::Checking);
    const QJsonObject arguments{{u"service"_s, m_service.id},
                                {u"date"_s, appointmentStart(m_dayIndex, 0).left(10)},
                                {u"durationMinutes"_s, m_service.minutes}};
    // Now and then the calendar does not answer in time: the tool call times out and is tried again.
    if (m_random.bounded(100) < 10) {
        ToolCall &slow =
            tool(u"check_availability"_s, arguments, u"timeout: calendar did not answer"_s, 8'000);
        slow.succeeded = false;
        slow.errorCode = u"timeout"_s;
        slow.errorMessage = u"check_availability: the calendar API did not answer within 8000 ms"_s;
        m_errors.append(BackendError{u"calendar_timeout"_s, u"integration"_s, u"high"_s,
                                     u"Calendar API did not answer within 8000 ms (check_availability)"_s,
                                     slow.endMs});
        say(true, Line::CalendarSlow);
    }
    tool(u"check_availability"_s, arguments,
         QJsonObject{{u"slots"_s, QJsonArray{clockTime(m_slotMinutes), clockTime(m_slot2Minutes)}},
                     {u"staff"_s, m_values.value(u"staff"_s)}},
         m_random.bounded(250, 1'400));
    say(true, Line::OfferSlots);
    // The caller takes either offer; from here on {slot} is the one taken.
    const QString choice = pick(m_book.wordings(Line::PickSlot));
    sayText(false, fill(choice, m_values));
    if (choice.contains(u"{slot2}"_s)) {
        std::swap(m_slotMinutes, m_slot2Minutes);
        m_values.insert(u"slot"_s, m_book.spokenTime(m_slotMinutes));
        m_values.insert(u"slot2"_s, m_book.spokenTime(m_slot2Minutes));
    }
}

void Conversation::maybeAskCallback()
{
    if (m_random.bounded(100) >= 35)
        return;
    say(false, Line::AskCallback);
    say(true, Line::NoteCallback);
    const int roll = m_random.bounded(100);
    const QString urgency = roll < 50 ? u"normal"_s : roll < 80 ? u"urgent"_s : u"critical"_s;
    m_callback = CallbackRequest{urgency,
                                 m_values.value(u"concern"_s),
                                 {{u"requestedBy"_s, u"caller"_s},
                                  {u"staff"_s, m_values.value(u"staff"_s)},
                                  {u"language"_s, toString(m_plan.language)}},
                                 m_clockMs};
}

void Conversation::wrapUp()
{
    flow(u"wrap_up"_s);
    say(true, Line::AnythingElse);
    maybeAskCallback();
    say(false, Line::NothingElse);
    say(true, Line::Goodbye);
}

void Conversation::booking()
{
    say(false, Line::WantBooking);
    identify();
    findSlot();
    const QJsonObject arguments{{u"customerId"_s, m_patientId},
                                {u"service"_s, m_service.id},
                                {u"start"_s, appointmentStart(m_dayIndex, m_slotMinutes)},
                                {u"staff"_s, m_values.value(u"staff"_s)},
                                {u"durationMinutes"_s, m_service.minutes}};
    tool(u"book_appointment_v17"_s, arguments,
         QJsonObject{{u"confirmed"_s, true}, {u"appointmentId"_s, m_appointmentId}, {u"smsSent"_s, true}},
         m_random.bounded(300, 1'600));
    flow(u"confirmation"_s);
    say(true, Line::ConfirmBooking);
    wrapUp();
}

void Conversation::reschedule()
{
    say(false, Line::WantReschedule);
    identify();
    say(true, Line::FoundAppointment);
    say(false, Line::NewDayWish);
    findSlot();
    tool(u"reschedule_appointment"_s,
         QJsonObject{{u"appointmentId"_s, m_appointmentId},
                     {u"newStart"_s, appointmentStart(m_dayIndex, m_slotMinutes)}},
         QJsonObject{{u"confirmed"_s, true}, {u"appointmentId"_s, m_appointmentId}},
         m_random.bounded(300, 1'200));
    flow(u"confirmation"_s);
    say(true, Line::ConfirmReschedule);
    wrapUp();
}

void Conversation::cancellation()
{
    say(false, Line::WantCancel);
    identify();
    flow(u"cancellation"_s);
    tool(u"cancel_appointment"_s,
         QJsonObject{{u"appointmentId"_s, m_appointmentId}, {u"reason"_s, u"caller_request"_s}},
         QJsonObject{{u"cancelled"_s, true}, {u"fee"_s, 0}}, m_random.bounded(200, 900));
    say(true, Line::ConfirmCancel);
    say(false, Line::DeclineRebook);
    wrapUp();
}

void Conversation::transfer(bool succeeds)
{
    say(false, Line::WantStaff);
    flow(u"transfer"_s);
    say(true, Line::TransferOffer);
    const QJsonObject arguments{{u"destination"_s, m_plan.transferNumber},
                                {u"reason"_s, m_values.value(u"reason"_s)},
                                {u"callerName"_s, m_plan.callerName}};
    if (succeeds) {
        tool(u"transfer_call"_s, arguments, QJsonObject{{u"status"_s, u"bridged"_s}},
             m_random.bounded(4'000, 9'000));
        return; // the staff member takes over; the agent is out of the call
    }
    // Nobody picks up at the staff line: the backend's failed tool call carries the caller's number,
    // which makes CallScope open a critical callback request.
    ToolCall &failed = tool(u"transfer_call"_s, arguments, u"transfer failed: no answer"_s, 25'000);
    failed.succeeded = false;
    failed.errorCode = u"no_answer"_s;
    failed.errorMessage = u"Nobody answered %1 within 25 s"_s.arg(m_plan.transferNumber);
    flow(u"callback_offer"_s);
    say(true, Line::TransferFailed);
    say(false, Line::NothingElse);
    say(true, Line::Goodbye);
}

void Conversation::reminder()
{
    flow(u"reminder"_s);
    say(true, Line::ReminderOpen);
    say(false, Line::ConfirmReminder);
    tool(u"confirm_appointment"_s, QJsonObject{{u"appointmentId"_s, m_appointmentId}},
         QJsonObject{{u"confirmed"_s, true}}, m_random.bounded(150, 600));
    say(true, Line::ReminderConfirmed);
}

void Conversation::voicemail()
{
    // The machine's own greeting and the beep come first.
    m_clockMs += m_random.bounded(6'000, 11'000);
    flow(u"voicemail"_s);
    say(true, Line::VoicemailMessage);
}

void Conversation::shortHangUp()
{
    // The caller is gone within a few seconds: what was still being said is cut where the line dropped.
    const qint64 limit = m_random.bounded(4'000, 8'000);
    say(true, Line::GreetInbound);
    if (m_clockMs + 1'800 < limit && m_random.bounded(2))
        say(false, Line::WrongNumber);
    m_steps.removeIf([limit](const Step &step) {
        const auto *utterance = std::get_if<Utterance>(&step);
        return utterance && utterance->startMs >= limit - 600;
    });
    for (Step &step : m_steps) {
        if (auto *utterance = std::get_if<Utterance>(&step))
            utterance->endMs = std::min(utterance->endMs, limit - 200);
    }
    m_clockMs = std::min(m_clockMs, limit - 200);
}

QString Conversation::summary() const
{
    return fill(m_book.summaries.at(int(m_plan.scenario)), m_values);
}

QString Conversation::systemPrompt() const
{
    return fill(m_book.systemPrompt, m_values);
}

QList<Step> Conversation::write()
{
    m_steps.clear();
    m_clockMs = 0;
    switch (m_plan.scenario) {
    case Scenario::NoAnswer:
    case Scenario::Busy:
    case Scenario::Failed:
        return {};
    case Scenario::Voicemail:
        voicemail();
        return m_steps;
    case Scenario::Reminder:
        reminder();
        return m_steps;
    case Scenario::ShortHangUp:
        shortHangUp();
        return m_steps;
    default:
        break;
    }
    flow(u"greeting"_s);
    say(true, Line::GreetInbound);
    switch (m_plan.scenario) {
    case Scenario::Reschedule:
        reschedule();
        break;
    case Scenario::Cancellation:
        cancellation();
        break;
    case Scenario::Transfer:
        transfer(true);
        break;
    case Scenario::TransferFailed:
        transfer(false);
        break;
    default:
        booking();
        break;
    }
    return m_steps;
}

} // namespace CallScope::Sim
