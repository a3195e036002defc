// SPDX-License-Identifier: GPL-3.0-or-later
#include "types.h"

#include <array>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

template<typename Enum, std::size_t N> using Names = std::array<std::pair<Enum, QLatin1StringView>, N>;

constexpr Names<Provider, 6> providerNames{{
    {Provider::Retell, "retell"_L1},
    {Provider::Vapi, "vapi"_L1},
    {Provider::Ultravox, "ultravox"_L1},
    {Provider::LiveKit, "livekit"_L1},
    {Provider::Twilio, "twilio"_L1},
    {Provider::Backend, "backend"_L1},
}};

constexpr Names<CallStatus, 4> statusNames{{
    {CallStatus::Queued, "queued"_L1},
    {CallStatus::Ringing, "ringing"_L1},
    {CallStatus::InProgress, "in_progress"_L1},
    {CallStatus::Ended, "ended"_L1},
}};

constexpr Names<Outcome, 6> outcomeNames{{
    {Outcome::Completed, "completed"_L1},
    {Outcome::NoAnswer, "no_answer"_L1},
    {Outcome::Busy, "busy"_L1},
    {Outcome::Failed, "failed"_L1},
    {Outcome::Voicemail, "voicemail"_L1},
    {Outcome::Transferred, "transferred"_L1},
}};

constexpr Names<EventKind, 11> kindNames{{
    {EventKind::CallStatus, "call.status"_L1},
    {EventKind::TranscriptSegment, "transcript.segment"_L1},
    {EventKind::FunctionStarted, "function.started"_L1},
    {EventKind::FunctionFinished, "function.finished"_L1},
    {EventKind::FlowTransition, "flow.transition"_L1},
    {EventKind::Error, "error"_L1},
    {EventKind::ToolCallLogged, "tool_call.logged"_L1},
    {EventKind::CallbackRequested, "callback.requested"_L1},
    {EventKind::CallAnalysis, "call.analysis"_L1},
    {EventKind::CallCost, "call.cost"_L1},
    {EventKind::Note, "note"_L1},
}};

constexpr Names<FunctionStatus, 4> functionStatusNames{{
    {FunctionStatus::Pending, "pending"_L1},
    {FunctionStatus::Success, "success"_L1},
    {FunctionStatus::Error, "error"_L1},
    {FunctionStatus::Timeout, "timeout"_L1},
}};

constexpr Names<Urgency, 3> urgencyNames{{
    {Urgency::Normal, "normal"_L1},
    {Urgency::Urgent, "urgent"_L1},
    {Urgency::Critical, "critical"_L1},
}};

template<typename Enum, std::size_t N> QString nameOf(const Names<Enum, N> &names, Enum value)
{
    for (const auto &[candidate, name] : names) {
        if (candidate == value)
            return QString(name);
    }
    Q_UNREACHABLE();
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const Names<Enum, N> &names, QStringView text)
{
    for (const auto &[value, name] : names) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

} // namespace

QString toString(Provider provider)
{
    return nameOf(providerNames, provider);
}
QStringList errorSeverities()
{
    return {u"low"_s, u"medium"_s, u"high"_s, u"critical"_s};
}

int errorSeverityRank(QStringView severity)
{
    return int(errorSeverities().indexOf(severity));
}

QString providerDisplayName(Provider provider)
{
    switch (provider) {
    case Provider::Retell:
        return u"Retell"_s;
    case Provider::Vapi:
        return u"Vapi"_s;
    case Provider::Ultravox:
        return u"Ultravox"_s;
    case Provider::LiveKit:
        return u"LiveKit"_s;
    case Provider::Twilio:
        return u"Twilio"_s;
    case Provider::Backend:
        return u"Backend"_s;
    }
    return toString(provider);
}
QString toString(CallStatus status)
{
    return nameOf(statusNames, status);
}
QString toString(Outcome outcome)
{
    return nameOf(outcomeNames, outcome);
}
QString toString(EventKind kind)
{
    return nameOf(kindNames, kind);
}
QString toString(FunctionStatus status)
{
    return nameOf(functionStatusNames, status);
}
QString toString(Urgency urgency)
{
    return nameOf(urgencyNames, urgency);
}

std::optional<Provider> providerFromString(QStringView text)
{
    return valueOf(providerNames, text);
}
std::optional<CallStatus> callStatusFromString(QStringView text)
{
    return valueOf(statusNames, text);
}
std::optional<Outcome> outcomeFromString(QStringView text)
{
    return valueOf(outcomeNames, text);
}
std::optional<EventKind> eventKindFromString(QStringView text)
{
    return valueOf(kindNames, text);
}
std::optional<FunctionStatus> functionStatusFromString(QStringView text)
{
    return valueOf(functionStatusNames, text);
}
std::optional<Urgency> urgencyFromString(QStringView text)
{
    return valueOf(urgencyNames, text);
}

} // namespace CallScope
