// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace CallScope::Bench {

struct HttpBenchOptions
{
    QString db; // empty: SQLite in a temporary folder
    qint64 requests = 100'000;
    int connections = 32;
    double rate = 0; // requests per second; 0: as fast as the server answers
    // "calls": whole calls (Retell with transcripts and tool calls, LiveKit SIP calls);
    // "small": one-event webhooks (Retell call_started, LiveKit room_started), each a new call.
    QString payload = QStringLiteral("calls");
};

// Starts callscope-server, posts distinct signed webhooks over keep-alive connections and prints
// acknowledged events/s and answer latency.
int runHttpBench(const HttpBenchOptions &options);

} // namespace CallScope::Bench
