// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

// One simulated phone call as it happened, before any provider has written it up: who called whom,
// what was said and which tools ran, when. The provider writers (providerwriters.h) turn a plan into
// that provider's webhooks and the backend's events, so every provider tells the same story.
namespace CallScope::Sim {

enum class Language
{
    English,
    German
};

enum class Business
{
    Dental,
    Physio,
    HairSalon,
    NailSalon
};

enum class Scenario
{
    Booking,
    Reschedule,
    Cancellation,
    Transfer,       // put through to staff
    TransferFailed, // nobody picked up: a callback is promised
    Reminder,       // outbound, reached, confirmed
    ShortHangUp,    // inbound, the caller hangs up after the greeting
    NoAnswer,       // outbound
    Busy,           // outbound
    Voicemail,      // outbound, the agent leaves a message
    Failed          // outbound, the call could not be placed
};

QString toString(Language language);
QString toString(Business business);
QString toString(Scenario scenario);

// Times of a call's contents are ms from the moment it was answered.
struct Utterance
{
    bool agent = true;
    QString text;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

struct ToolCall
{
    QString id;
    QString name;
    QJsonObject arguments;
    QJsonValue result; // what the tool answered; for a failure the message the model saw
    bool succeeded = true;
    QString errorCode; // "timeout", "no_answer", ...
    QString errorMessage;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

// A conversation-flow node change (Retell flows, the backend's own state machine).
struct FlowChange
{
    QString from;
    QString to;
    qint64 atMs = 0;
};

using Step = std::variant<Utterance, ToolCall, FlowChange>;

struct CallbackRequest
{
    QString urgency; // normal, urgent, critical
    QString concern;
    QJsonObject details;
    qint64 atMs = 0;
};

struct BackendError
{
    QString code;
    QString type;
    QString severity; // low, medium, high, critical
    QString message;
    qint64 atMs = 0;
};

struct CallPlan
{
    int index = 0;
    Provider provider = Provider::Retell;
    QString providerCallId;
    // The carrier leg's CallSid: reported by Retell and Vapi phone calls, the call itself on Twilio.
    QString twilioCallSid;
    bool sendTwilioLeg = false; // Twilio status callbacks for the leg of a Retell or Vapi call
    QString sipCallId;          // LiveKit
    QString roomName;           // LiveKit

    Language language = Language::English;
    Business business = Business::Dental;
    Scenario scenario = Scenario::Booking;
    QString businessName;
    QString agentName;
    QString agentId;
    bool outbound = false;
    QString customerNumber;
    QString businessNumber;
    QString transferNumber; // the staff line a transfer dials
    QString callerName;

    qint64 dialMs = 0;   // the call was placed (outbound) or started ringing (inbound)
    qint64 answerMs = 0; // answered; equals dialMs + ringing when connected
    qint64 endMs = 0;    // hung up, or given up ringing
    bool connected = true;
    QList<Step> steps; // in the order they happened

    // Facts only the customer's backend reports (POST /api/v1/events).
    bool withBackend = false;
    std::optional<CallbackRequest> callback;
    QList<BackendError> errors;

    QString summary;      // the platform's analysis of the call
    QString systemPrompt; // the agent's instructions

    // What CallScope should conclude (spec/providers.md mapping); empty when not obvious.
    QString expectedOutcome;

    qint64 talkMs() const { return connected ? endMs - answerMs : 0; }
    QString to() const { return outbound ? customerNumber : businessNumber; }
    QString from() const { return outbound ? businessNumber : customerNumber; }
    QList<Utterance> utterances() const;
    QList<ToolCall> toolCalls() const;
};

} // namespace CallScope::Sim
