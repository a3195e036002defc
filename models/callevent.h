// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace CallScope {

// One normalized fact about a call, produced by an adapter from a provider payload or by the
// backend events API. The tenant is carried by the submission that holds the event.
//
// Payload keys by kind. Times are ms since the epoch (numbers), offsets and durations ms (numbers).
// Keys not listed may be added; a key whose value is unknown is left out, never null.
//   call.status         status (required: queued|ringing|in_progress|ended)
//                       reason (the provider's own value, e.g. "dial_busy", "customer-did-not-answer")
//                       outcome (completed|no_answer|busy|failed|voicemail|transferred, only when the
//                         provider's reason decides it; the store applies the duration rule otherwise)
//                       direction (inbound|outbound|web), fromNumber, toNumber (E.164 as given),
//                       agent (name, else id), startedAt, endedAt, durationMs,
//                       recordingUrl, logUrl, roomName (LiveKit: the room's name)
//   transcript.segment  role (agent|user|system), text, startMs, endMs (offsets from call start);
//                       offsetMs = startMs
//   function.started    toolCallId, name, arguments (any JSON: an object when it parses)
//   function.finished   toolCallId, name, status (success|error|timeout), result (any JSON),
//                       error (any JSON, e.g. {"code","message"}), durationMs
//   flow.transition     from, to, and for transfers: transfer (started|bridged|cancelled|ended),
//                       destination
//   error               code, type, severity (low|medium|high|critical), message, stack
//   call.analysis       summary, sentiment, success (bool), outcome (as above, e.g. voicemail
//                       found by the analysis), inVoicemail (bool)
//   call.cost           costCents (number), currency (e.g. "USD"), breakdown (object)
//   note                text
struct CallEvent
{
    Provider provider = Provider::Backend;
    QString providerCallId;
    EventKind kind = EventKind::Note;
    qint64 occurredAtMs = 0;
    std::optional<qint64> offsetMs;
    QJsonObject payload;

    // Correlation ids that link legs of one call (carrier leg, SIP, backend log).
    QString twilioCallSid;
    QString sipCallId;
    QString backendLogId;
};

using CallEvents = QList<CallEvent>;

} // namespace CallScope
