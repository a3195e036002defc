// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace CallScope::Bench {

struct GrowOptions
{
    QString db;                 // a SQLite store that holds simulated calls (callscope-bench query fills one)
    qint64 calls = 1'000'000;   // listed calls (merged carrier legs not counted) the store ends with
    int longCallItems = 10'000; // timeline items of the one long call added; 0: none
    bool cloneEvents = false;   // clone the events of each call too (receipts never are)
    bool analyze = true;        // ANALYZE at the end (the app itself never does)
};

// Brings a store of simulated calls up to `calls` listed calls by cloning them in SQL, round after
// round, each round further back in time (by the span the originals cover), with new ids, uuids,
// provider ids and numbers (the last four digits moved per round), and their transcript turns and
// function traces, indexed for full-text search. Ids follow time as they do when calls arrive: the
// originals' ids (and their turns', traces' and every reference to them) move up first, the
// clones take the ids below. Adds one long call with `longCallItems` timeline items (4 in 10
// transcript turns, 3 in 10 function traces, the rest status, flow and error events; each with its
// raw event and its receipt, as ingest writes them) and prints its id and uuid.
// SQLite only; the store must not be in use.
int runGrow(const GrowOptions &options);

// The provider call id (a Retell call) of the long call runGrow adds.
inline QString longCallProviderId()
{
    return QStringLiteral("callscope-bench-long-call");
}

} // namespace CallScope::Bench
