// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

namespace CallScope::Test {

// A realistic clinic call as a Vapi assistant handles it: 24 turns, 7 function calls (one fails with
// calendar_unavailable, one times out), a flow transition to a transfer that nobody answers, a
// backend error and a callback request, each delivery with a provider-shaped body. For screenshots
// and GUI tests. `n` varies the ids and the caller's number; the call starts at `startMs`.
QList<IngestUnit> showcaseCall(int n, qint64 startMs);
// An ordinary short call of the same day (for a list around the showcase call).
QList<IngestUnit> ordinaryCall(int n, qint64 startMs);

} // namespace CallScope::Test
