// SPDX-License-Identifier: GPL-3.0-or-later
#include "callplan.h"

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Sim {

QString toString(Language language)
{
    return language == Language::German ? u"de"_s : u"en"_s;
}

QString toString(Business business)
{
    switch (business) {
    case Business::Dental:
        return u"dental"_s;
    case Business::Physio:
        return u"physio"_s;
    case Business::HairSalon:
        return u"hair_salon"_s;
    case Business::NailSalon:
        return u"nail_salon"_s;
    }
    return {};
}

QString toString(Scenario scenario)
{
    switch (scenario) {
    case Scenario::Booking:
        return u"booking"_s;
    case Scenario::Reschedule:
        return u"reschedule"_s;
    case Scenario::Cancellation:
        return u"cancellation"_s;
    case Scenario::Transfer:
        return u"transfer"_s;
    case Scenario::TransferFailed:
        return u"transfer_failed"_s;
    case Scenario::Reminder:
        return u"reminder"_s;
    case Scenario::ShortHangUp:
        return u"short_hang_up"_s;
    case Scenario::NoAnswer:
        return u"no_answer"_s;
    case Scenario::Busy:
        return u"busy"_s;
    case Scenario::Voicemail:
        return u"voicemail"_s;
    case Scenario::Failed:
        return u"failed"_s;
    }
    return {};
}

QList<Utterance> CallPlan::utterances() const
{
    QList<Utterance> out;
    for (const Step &step : steps) {
        if (const auto *utterance = std::get_if<Utterance>(&step))
            out.append(*utterance);
    }
    return out;
}

QList<ToolCall> CallPlan::toolCalls() const
{
    QList<ToolCall> out;
    for (const Step &step : steps) {
        if (const auto *tool = std::get_if<ToolCall>(&step))
            out.append(*tool);
    }
    return out;
}

} // namespace CallScope::Sim
