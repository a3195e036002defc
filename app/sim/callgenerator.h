// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callplan.h"

#include <optional>

namespace CallScope::Sim {

struct GeneratorOptions
{
    quint64 seed = 1;
    std::optional<Language> language; // none: each call English or German
    QList<Provider> providers;        // the webhook providers, taken in turn
    bool twilioLegs = false;          // Retell and Vapi phone calls also get their Twilio leg's callbacks
    bool backend = false;             // the customer's backend reports on some calls
    int calls = 100;
    // The business day the calls are spread over (ms since the epoch).
    qint64 dayStartMs = 0;
    qint64 dayEndMs = 0;
};

// A clinic's or a salon's day of calls. Each call is drawn from its own stream of the seed, so call
// 17 of seed 1 is the same call whatever else is drawn.
class CallGenerator
{
public:
    explicit CallGenerator(GeneratorOptions options);
    const GeneratorOptions &options() const { return m_options; }
    CallPlan plan(int index) const;

private:
    GeneratorOptions m_options;
};

// The provider's own word for how the call ended: Retell disconnection_reason, Vapi endedReason,
// Ultravox endReason, LiveKit disconnectReason, the final Twilio CallStatus.
QString endReason(const CallPlan &plan);
// The same call's end in another provider's words (a platform call's carrier leg, for Twilio).
QString endReason(const CallPlan &plan, Provider provider);
// What CallScope must conclude from that reason (spec/providers.md), else from the duration.
QString expectedOutcome(const CallPlan &plan);

} // namespace CallScope::Sim
