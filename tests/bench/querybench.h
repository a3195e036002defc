// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace CallScope::Bench {

struct QueryBenchOptions
{
    // Empty: SQLite in a temporary folder. A store that already holds --calls calls is not filled
    // again, so one filled store (a SQLite file or a PostgreSQL database) serves many runs.
    QString db;
    int calls = 100'000;  // listed calls the store is filled up to, by callscope-sim
    int requests = 2'000; // GET requests measured, shared out over the query classes
    int dayHours = 24;    // each simulator run of 10 000 calls is a day this long; the last ends now
};

// Starts callscope-server, fills its store with simulated calls through the real ingest path
// (the simulator of callscope-sim: signed webhooks of every provider and backend events), then measures
// GET /api/v1/calls?q=... over HTTP with a read token and prints p50/p90/p99/max per query class.
int runQueryBench(const QueryBenchOptions &options);

} // namespace CallScope::Bench
