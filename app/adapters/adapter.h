// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callevent.h"
#include "types.h"

#include <QByteArray>
#include <QString>

#include <expected>

namespace CallScope {

namespace AdapterUtil {
class TurnClock;
}

// What a provider's delivery says, normalized. Adapters are pure: the same bytes and clock give the
// same result; no I/O, no database, no global state.
struct AdaptedDelivery
{
    // The delivery's identity for idempotency (see spec/providers.md), unique per provider and
    // tenant: a repeated delivery of the same event yields the same key.
    QString eventKey;
    // The provider's own event name ("call_ended", "end-of-call-report", "participant_left", the
    // Twilio CallStatus, ...), for the receipts list.
    QString eventType;
    // The provider's id of the call the delivery is about (Retell call_id, Vapi call.id, Ultravox
    // callId, LiveKit room sid, Twilio CallSid), also when it yields no event: its receipt is
    // listed with that call. Empty when the delivery names none (then attributed is false).
    QString providerCallId;
    CallEvents events;
    // A verified, parseable delivery that lacks what CallScope needs (no call id, an unknown event
    // type) is still kept: attributed = false, with the reason, and events may be empty.
    bool attributed = true;
    QString unattributedReason;
    // The body to store when the raw one must not be kept as is (secrets removed); empty: the raw
    // body is stored.
    QByteArray redactedBody;
};

struct AdapterError
{
    // Malformed: the body is not JSON (or not a form for Twilio) or not the provider's envelope.
    // The listener answers 400 invalid_json.
    QString detail;
};

using AdapterResult = std::expected<AdaptedDelivery, AdapterError>;

// receivedAtMs is the injected clock: the time of an event that carries no time of its own.
AdapterResult adaptRetell(const QByteArray &body, qint64 receivedAtMs);
AdapterResult adaptVapi(const QByteArray &body, qint64 receivedAtMs);
AdapterResult adaptUltravox(const QByteArray &body, qint64 receivedAtMs);
AdapterResult adaptLiveKit(const QByteArray &body, qint64 receivedAtMs);
AdapterResult adaptTwilio(const QByteArray &body, qint64 receivedAtMs);
AdapterResult adapt(Provider provider, const QByteArray &body, qint64 receivedAtMs);

// Ultravox webhooks carry no transcript: it is fetched afterwards from
// GET /api/calls/{id}/messages. One page of that answer (JSON) → transcript and tool-call events,
// plus the absolute URL of the next page (empty at the end). `clock`, carried from page to page,
// places untimed messages after the previous pages' and keeps turns from colliding across pages.
struct UltravoxMessagesPage
{
    CallEvents events;
    QString next;
};
std::expected<UltravoxMessagesPage, AdapterError>
adaptUltravoxMessages(const QString &callId, const QByteArray &body, qint64 receivedAtMs,
                      AdapterUtil::TurnClock *clock = nullptr);

} // namespace CallScope
