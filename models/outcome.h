// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QtGlobal>

#include <optional>

namespace CallScope {

// Who reported an outcome. The agent platform knows more about the call than the carrier leg.
enum class OutcomeSource
{
    Carrier,
    Platform
};

struct OutcomeDecision
{
    Outcome outcome = Outcome::Completed;
    bool fromReason = false; // an explicit provider reason, not the duration fallback
    OutcomeSource source = OutcomeSource::Platform;

    // Higher ranks win: the platform over the carrier, then a reason over the duration rule.
    int rank() const { return (source == OutcomeSource::Platform ? 2 : 0) + (fromReason ? 1 : 0); }
    friend bool operator==(const OutcomeDecision &, const OutcomeDecision &) = default;
};

namespace OutcomeRule {

inline constexpr qint64 completedAtLeastMs = 10'000;
inline constexpr qint64 failedBelowMs = 3'000;

// The duration fallback: >= 10 s completed, < 3 s failed, otherwise no answer.
Outcome fromDuration(qint64 durationMs);

// The provider's explicit reason first, then the duration; nothing when neither is known.
std::optional<OutcomeDecision> decide(std::optional<Outcome> reasonOutcome, std::optional<qint64> durationMs,
                                      OutcomeSource source);

// Whether a decision that arrives now replaces the one already recorded. A later decision of equal
// rank wins (voicemail found by the analysis overrides the hang-up reported before it).
bool supersedes(const OutcomeDecision &incoming, const std::optional<OutcomeDecision> &current);

} // namespace OutcomeRule

} // namespace CallScope
