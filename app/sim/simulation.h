// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callplan.h"
#include "httpsender.h"
#include "simdelivery.h"

#include <QRandomGenerator>
#include <QUrl>

#include <cstdio>
#include <functional>
#include <optional>

namespace CallScope::Sim {

// callscope-sim's command line (spec/cli.md), parsed by simmain.cpp.
struct SimOptions
{
    QUrl url;
    QUrl publicUrl; // what Twilio signs; empty: url
    QString secretsFile;
    QHash<QString, QString> secrets; // without secretsFile: the tenant's secrets (the desktop's demo)
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

// What an in-process run (the desktop's demo) follows and can stop. Both are called on the thread
// that runs the simulation; callscope-sim sets neither.
struct SimHooks
{
    // Deliveries answered so far (acknowledged or refused) of all there are to send.
    std::function<void(qint64 answered, qint64 total)> progress;
    // True stops the run before the next group of calls (the calls begun are played to their end).
    std::function<bool()> cancelled;
};

// Generates the calls, plays them against the listener and reports. Figures go to `out` (the last
// line is the acked=... summary), notes and rejections to `err`.
class Simulation
{
public:
    explicit Simulation(SimOptions options, SimHooks hooks = {});
    // 0 when every delivery was acknowledged, 1 when some were rejected or the run failed (or was
    // cancelled), 2 when the secrets do not allow what was asked. `out` and `err` may be null: nothing
    // is printed there, notes() and stats() still tell.
    int run(FILE *out, FILE *err);

    // After run(): the lines written to `err`, without the program name.
    const QStringList &notes() const { return m_notes; }
    const SendStats &stats() const { return m_stats; }
    qint64 deliveries() const { return m_deliveries; } // to send, duplicates included
    bool wasCancelled() const { return m_cancelled; }

private:
    void note(FILE *err, const QString &text);
    // With hooks, the calls go in small groups, so that progress is told and a cancel is heard
    // between them; without, all at once as before.
    SendStats send(const SenderOptions &options, const DeliverySigner &signer,
                   const QList<Deliveries> &calls);

    SimOptions m_options;
    SimHooks m_hooks;
    QStringList m_notes;
    SendStats m_stats;
    qint64 m_deliveries = 0;
    bool m_cancelled = false;
};

} // namespace CallScope::Sim
