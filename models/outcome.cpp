// SPDX-License-Identifier: GPL-3.0-or-later
#include "outcome.h"

namespace CallScope::OutcomeRule {

Outcome fromDuration(qint64 durationMs)
{
    if (durationMs >= completedAtLeastMs)
        return Outcome::Completed;
    if (durationMs < failedBelowMs)
        return Outcome::Failed;
    return Outcome::NoAnswer;
}

std::optional<OutcomeDecision> decide(std::optional<Outcome> reasonOutcome, std::optional<qint64> durationMs,
                                      OutcomeSource source)
{
    if (reasonOutcome)
        return OutcomeDecision{*reasonOutcome, true, source};
    if (durationMs && *durationMs >= 0)
        return OutcomeDecision{fromDuration(*durationMs), false, source};
    return std::nullopt;
}

bool supersedes(const OutcomeDecision &incoming, const std::optional<OutcomeDecision> &current)
{
    return !current || incoming.rank() >= current->rank();
}

} // namespace CallScope::OutcomeRule
