// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callplan.h"
#include "httpsender.h"
#include "simdelivery.h"

#include <QByteArray>
#include <QList>

namespace CallScope::Sim {

struct ReportContext
{
    quint64 seed = 1;
    QString tenant;
    QString language; // en, de or mixed
    bool shuffle = false;
    double duplicates = 0;
};

// The --report file: every call the run created, with what CallScope should end up knowing about it.
// {"seed", "tenant", ..., "calls": [{"provider", "providerCallId", "twilioCallSid"?, "twilioLeg",
// "scenario", "language", "business", "direction", "from", "to", "status"?, "outcome"?, "durationMs"?,
// "deliveries", "backendEvents", "toolCalls", "failedToolCalls", "utterances"}], "totals": {...}}.
// A Twilio leg listed under another provider's call (twilioLeg: true) is part of that call, not a
// call of its own.
QByteArray reportJson(const ReportContext &context, const QList<CallPlan> &plans,
                      const QList<Deliveries> &sent, const SendStats &stats);

} // namespace CallScope::Sim
