// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace CallScope {

// Where an event came from. `Backend` is the customer's own backend (POST /api/v1/events).
enum class Provider
{
    Retell,
    Vapi,
    Ultravox,
    LiveKit,
    Twilio,
    Backend
};

enum class CallStatus
{
    Queued,
    Ringing,
    InProgress,
    Ended
};

enum class Outcome
{
    Completed,
    NoAnswer,
    Busy,
    Failed,
    Voicemail,
    Transferred
};

enum class EventKind
{
    CallStatus,
    TranscriptSegment,
    FunctionStarted,
    FunctionFinished,
    FlowTransition,
    Error,
    ToolCallLogged,
    CallbackRequested,
    CallAnalysis,
    CallCost,
    Note,
};

enum class FunctionStatus
{
    Pending,
    Success,
    Error,
    Timeout
};

enum class Urgency
{
    Normal,
    Urgent,
    Critical
};

QString toString(Provider provider);
// As the provider writes its own name (Retell, Vapi, Ultravox, LiveKit, Twilio, Backend): for stored
// messages, which are not translated.
QString providerDisplayName(Provider provider);
QString toString(CallStatus status);
QString toString(Outcome outcome);
QString toString(EventKind kind);
QString toString(FunctionStatus status);
QString toString(Urgency urgency);

std::optional<Provider> providerFromString(QStringView text);

// The severities of an error, least severe first, as the store and the HTTP API spell them.
QStringList errorSeverities();
// 0 (low) ... 3 (critical); -1 when `severity` is none of them.
int errorSeverityRank(QStringView severity);
std::optional<CallStatus> callStatusFromString(QStringView text);
std::optional<Outcome> outcomeFromString(QStringView text);
std::optional<EventKind> eventKindFromString(QStringView text);
std::optional<FunctionStatus> functionStatusFromString(QStringView text);
std::optional<Urgency> urgencyFromString(QStringView text);

// The five webhook providers, in the order the UI lists them.
inline constexpr Provider webhookProviders[] = {Provider::Retell, Provider::Vapi, Provider::Ultravox,
                                                Provider::LiveKit, Provider::Twilio};

// Terminal states never regress to earlier ones; everything else moves forward only.
constexpr int progressRank(CallStatus status)
{
    return static_cast<int>(status);
}

} // namespace CallScope
