// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace CallScope {

// One normalized fact about a call, produced by an adapter from a provider payload or by the
// backend events API. The tenant is carried by the Submission that holds the event.
//
// Payload keys by kind (all optional unless noted; unknown keys are kept verbatim):
//   call.status          status (required: queued|ringing|in_progress|ended), reason, outcome,
//                        direction, fromNumber, toNumber, agent, startedAt, endedAt (ms epoch),
//                        durationMs, outcomeSource (carrier|platform)
//   transcript.segment   role, text, startMs, endMs
//   function.started     toolCallId, name, arguments
//   function.finished    toolCallId, name, status (success|error|timeout), result, error, durationMs
//   flow.transition      from, to
//   error                code, type, severity, message, stack
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
