// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callplan.h"
#include "httpsender.h"
#include "simdelivery.h"

#include <QRandomGenerator>
#include <QUrl>

#include <cstdio>
#include <optional>

namespace CallScope::Sim {

// callscope-sim's command line (spec/cli.md), parsed by simmain.cpp.
struct SimOptions
{
    QUrl url;
    QUrl publicUrl; // what Twilio signs; empty: url
    QString secretsFile;
    QString tenant = QStringLiteral("default");
    QByteArray ingestToken;
    int calls = 100;
    double rate = 0; // events per second; 0: as fast as the listener answers
    int concurrency = 16;
    int inProgress = 0;    // calls in progress at once; 0: four per connection
    double duplicates = 0; // the fraction of deliveries sent a second time
    bool shuffle = false;
    QList<Provider> providers; // the webhook providers
    bool backend = false;      // "backend" was listed
    bool providersGiven = false;
    quint64 seed = 1;
    std::optional<Language> language; // none: mixed
    QString reportFile;
    int retries = 5;
    int timeoutMs = 30'000;
    qint64 dayEndMs = 0; // the simulated day ends here; 0: a quarter of an hour ago
    int dayHours = 10;
};

// One call's deliveries as they are sent: in order, or shuffled (--shuffle), with some sent a second
// time after their first sending (--duplicates).
Deliveries arrange(Deliveries deliveries, double duplicates, bool shuffle, QRandomGenerator &random);

// Nearest-rank percentile of sorted values (p in 0..1); 0 for none.
double percentile(const std::vector<double> &sorted, double p);

// Generates the calls, plays them against the listener and reports. Figures go to `out` (the last
// line is the acked=... summary), notes and rejections to `err`.
class Simulation
{
public:
    explicit Simulation(SimOptions options);
    // 0 when every delivery was acknowledged, 1 when some were rejected or the run failed, 2 when the
    // secrets do not allow what was asked.
    int run(FILE *out, FILE *err);

private:
    SimOptions m_options;
};

} // namespace CallScope::Sim
