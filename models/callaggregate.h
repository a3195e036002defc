// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callevent.h"
#include "outcome.h"

#include <QString>

#include <optional>

namespace CallScope {

// The call session row as the writer folds events into it. Pure: no database, no clock, so the
// any-order rules (status never regresses, the platform's facts win over the carrier's) are unit-tested.
struct CallAggregate
{
    qint64 id = 0;
    qint64 tenantId = 0;
    Provider provider = Provider::Backend; // the call's own platform
    CallStatus status = CallStatus::Queued;
    std::optional<OutcomeDecision> outcome;
    QString endedReason;
    QString direction;
    QString fromNumber;
    QString toNumber;
    QString agent;
    std::optional<qint64> startedAt;
    std::optional<qint64> endedAt;
    std::optional<qint64> durationMs;
    std::optional<double> costCents;
    QString twilioCallSid;
    QString sipCallId;
    QString backendLogId;
    QString roomName;
    qint64 firstEventAt = 0;
    qint64 lastEventAt = 0;

    // Counted here because each event is new (a duplicate delivery never reaches the aggregate);
    // function and transcript counts are recounted in SQL when the aggregate is written, since a
    // resent turn or a repeated tool call id must not count twice.
    int eventDelta = 0;
    int errorEventDelta = 0;
    bool dirty = false;
    // The platform call learned its carrier leg's CallSid in this transaction: a Twilio call with
    // that CallSid, if one arrived first, is merged into this one.
    bool learnedCarrierSid = false;

    void apply(const CallEvent &event);
    // Takes what a carrier leg knows and this call does not (the platform's facts win).
    void fillGapsFrom(const CallAggregate &carrier);
    qint64 sortAt() const { return startedAt.value_or(firstEventAt); }

private:
    void applyStatus(const CallEvent &event, bool fromPlatform);
    void decideOutcome(const CallEvent &event, bool fromPlatform);
};

} // namespace CallScope
