// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulation.h"

#include "callgenerator.h"
#include "deliverysigner.h"
#include "simids.h"
#include "simreport.h"

#include <QDateTime>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Sim {

namespace {

// Streams of the seed apart from the calls' own (simids.h): arranging the sending order never
// changes the calls.
constexpr quint64 arrangeStream = quint64(2) << 32;

QString languageName(const std::optional<Language> &language)
{
    return language ? toString(*language) : u"mixed"_s;
}

// Adds a group's figures to the run's (every counter of SendStats; keep in step with it).
void accumulate(SendStats &into, SendStats &&group)
{
    into.requests += group.requests;
    into.ackedDeliveries += group.ackedDeliveries;
    into.rejectedDeliveries += group.rejectedDeliveries;
    into.ackedEvents += group.ackedEvents;
    into.rejectedEvents += group.rejectedEvents;
    into.duplicatesSent += group.duplicatesSent;
    into.duplicateEventsSent += group.duplicateEventsSent;
    into.duplicatesAnswered += group.duplicatesAnswered;
    into.duplicatesNotRecognised += group.duplicatesNotRecognised;
    into.alreadyKnown += group.alreadyKnown;
    into.retries += group.retries;
    into.latenciesMs.insert(into.latenciesMs.end(), group.latenciesMs.begin(), group.latenciesMs.end());
    into.seconds += group.seconds;
    for (auto it = group.rejectedByStatus.cbegin(); it != group.rejectedByStatus.cend(); ++it)
        into.rejectedByStatus[it.key()] += it.value();
    constexpr qsizetype keptSamples = 5; // as many as one sender keeps
    for (const QString &sample : std::as_const(group.rejectionSamples)) {
        if (into.rejectionSamples.size() < keptSamples)
            into.rejectionSamples.append(sample);
    }
    if (into.fatal.isEmpty())
        into.fatal = group.fatal;
}

} // namespace

Deliveries arrange(Deliveries deliveries, double duplicates, bool shuffle, QRandomGenerator &random)
{
    if (shuffle) {
        for (qsizetype i = deliveries.size() - 1; i > 0; --i)
            deliveries.swapItemsAt(i, random.bounded(int(i + 1)));
    }
    // A duplicate goes somewhere after its original, so the original has been answered by then and the
    // listener must recognise the second one.
    for (qsizetype i = 0; i < deliveries.size() && duplicates > 0; ++i) {
        if (deliveries.at(i).duplicate || random.generateDouble() >= duplicates)
            continue;
        SimDelivery copy = deliveries.at(i);
        copy.duplicate = true;
        deliveries.insert(i + 1 + random.bounded(int(deliveries.size() - i)), copy);
    }
    return deliveries;
}

double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto rank = size_t(std::ceil(p * double(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

Simulation::Simulation(SimOptions options, SimHooks hooks)
    : m_options(std::move(options))
    , m_hooks(std::move(hooks))
{}

void Simulation::note(FILE *err, const QString &text)
{
    m_notes.append(text);
    if (err)
        std::fprintf(err, "callscope-sim: %s\n", qPrintable(text));
}

SendStats Simulation::send(const SenderOptions &options, const DeliverySigner &signer,
                           const QList<Deliveries> &calls)
{
    if (!m_hooks.progress && !m_hooks.cancelled)
        return HttpSender(options, signer).run(calls);
    // About 25 steps, never more calls at once than the sender would have in progress.
    const qsizetype group =
        std::clamp<qsizetype>((calls.size() + 24) / 25, 1, std::max(1, options.inProgress));
    SendStats stats;
    for (qsizetype first = 0; first < calls.size() && stats.fatal.isEmpty(); first += group) {
        if (m_hooks.cancelled && m_hooks.cancelled()) {
            m_cancelled = true;
            break;
        }
        accumulate(stats, HttpSender(options, signer).run(calls.mid(first, group)));
        if (m_hooks.progress)
            m_hooks.progress(stats.ackedDeliveries + stats.rejectedDeliveries, m_deliveries);
    }
    return stats;
}

int Simulation::run(FILE *out, FILE *err)
{
    auto secrets = m_options.secretsFile.isEmpty()
                       ? std::expected<TenantSecrets, QString>(TenantSecrets(m_options.secrets))
                       : TenantSecrets::load(m_options.secretsFile, m_options.tenant);
    if (!secrets) {
        note(err, secrets.error());
        return 2;
    }
    QList<Provider> providers;
    for (const Provider provider : std::as_const(m_options.providers)) {
        if (secrets->canSign(provider)) {
            providers.append(provider);
            continue;
        }
        const QString why =
            u"the secrets file has no %1 for tenant \"%2\", so %3 webhooks cannot be signed"_s.arg(
                TenantSecrets::keysFor(provider), m_options.tenant, toString(provider));
        if (m_options.providersGiven) {
            note(err, why);
            return 2;
        }
        note(err, why + u"; skipping them"_s);
    }
    bool backend = m_options.backend;
    if (backend && m_options.ingestToken.isEmpty()) {
        note(err, u"backend events skipped: they need an ingest token (--ingest-token)"_s);
        backend = false;
    }
    // With the backend alone, calls are known by the backend's own ids (call.provider "backend").
    if (providers.isEmpty() && backend)
        providers.append(Provider::Backend);
    if (providers.isEmpty()) {
        note(err, u"nothing to send: no provider can be signed and no backend events are possible"_s);
        return 2;
    }

    const qint64 dayEnd =
        m_options.dayEndMs > 0 ? m_options.dayEndMs : QDateTime::currentMSecsSinceEpoch() - 15 * 60'000;
    GeneratorOptions generatorOptions;
    generatorOptions.seed = m_options.seed;
    generatorOptions.language = m_options.language;
    generatorOptions.providers = providers;
    generatorOptions.twilioLegs = providers.contains(Provider::Twilio);
    generatorOptions.backend = backend;
    generatorOptions.calls = m_options.calls;
    generatorOptions.dayStartMs = dayEnd - qint64(m_options.dayHours) * 3'600'000;
    generatorOptions.dayEndMs = dayEnd;
    const CallGenerator generator(generatorOptions);
    const DeliveryOptions deliveryOptions{m_options.tenant, m_options.seed, backend};

    QList<CallPlan> plans;
    QList<Deliveries> sent;
    plans.reserve(m_options.calls);
    sent.reserve(m_options.calls);
    qint64 webhooks = 0;
    qint64 batches = 0;
    qint64 backendEvents = 0;
    for (int i = 0; i < m_options.calls; ++i) {
        plans.append(generator.plan(i));
        const Deliveries deliveries = deliveriesFor(plans.last(), deliveryOptions);
        for (const SimDelivery &delivery : deliveries) {
            webhooks += delivery.provider == Provider::Backend ? 0 : 1;
            batches += delivery.provider == Provider::Backend ? 1 : 0;
            backendEvents += delivery.provider == Provider::Backend ? delivery.events : 0;
        }
        QRandomGenerator random(streamSeed(m_options.seed, arrangeStream + quint64(i)));
        sent.append(arrange(deliveries, m_options.duplicates, m_options.shuffle, random));
        m_deliveries += sent.last().size();
    }

    SenderOptions senderOptions;
    senderOptions.host = m_options.url.host().toUtf8();
    senderOptions.port = quint16(m_options.url.port(80));
    senderOptions.hostHeader = m_options.url.authority(QUrl::FullyEncoded).toUtf8();
    senderOptions.pathPrefix = m_options.url.path(QUrl::FullyEncoded).toUtf8();
    while (senderOptions.pathPrefix.endsWith('/'))
        senderOptions.pathPrefix.chop(1);
    senderOptions.concurrency = m_options.concurrency;
    senderOptions.rate = m_options.rate;
    senderOptions.inProgress = m_options.inProgress > 0 ? m_options.inProgress : 4 * m_options.concurrency;
    senderOptions.retries = m_options.retries;
    senderOptions.timeoutMs = m_options.timeoutMs;
    senderOptions.seed = streamSeed(m_options.seed, arrangeStream - 1);
    const QUrl publicUrl = m_options.publicUrl.isEmpty() ? m_options.url : m_options.publicUrl;
    const DeliverySigner signer(*secrets, publicUrl.toString(QUrl::StripTrailingSlash).toUtf8(),
                                m_options.ingestToken);
    m_stats = send(senderOptions, signer, sent);
    SendStats &stats = m_stats;

    for (const QString &sample : std::as_const(stats.rejectionSamples))
        note(err, u"rejected: "_s + sample);
    if (stats.rejectedDeliveries > stats.rejectionSamples.size())
        note(err, u"... %1 rejected deliveries in all"_s.arg(stats.rejectedDeliveries));
    if (stats.duplicatesNotRecognised > 0)
        note(err, u"%1 event(s) sent a second time were answered as new, not as duplicates"_s.arg(
                      stats.duplicatesNotRecognised));
    if (stats.alreadyKnown > 0)
        note(err,
             u"%1 event(s) were answered as duplicates the first time they were sent: the listener had them "
             u"already (the same --seed against the same database?)"_s.arg(stats.alreadyKnown));
    if (!stats.fatal.isEmpty())
        note(err, stats.fatal);
    if (m_cancelled)
        note(err,
             u"cancelled after %1 of %2 deliveries"_s.arg(stats.ackedDeliveries + stats.rejectedDeliveries)
                 .arg(m_deliveries));

    if (!m_options.reportFile.isEmpty()) {
        const ReportContext context{m_options.seed, m_options.tenant, languageName(m_options.language),
                                    m_options.shuffle, m_options.duplicates};
        QSaveFile file(m_options.reportFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(reportJson(context, plans, sent, stats)) < 0 ||
            !file.commit()) {
            note(err, u"cannot write the report %1: %2"_s.arg(m_options.reportFile, file.errorString()));
            return 1;
        }
    }

    const int exitCode = stats.rejectedEvents == 0 && stats.fatal.isEmpty() && !m_cancelled ? 0 : 1;
    if (!out)
        return exitCode;
    QMap<QString, int> perProvider;
    QMap<QString, int> perOutcome;
    int legs = 0;
    int backendCalls = 0;
    for (const CallPlan &plan : std::as_const(plans)) {
        ++perProvider[toString(plan.provider)];
        ++perOutcome[plan.expectedOutcome.isEmpty() ? u"unknown"_s : plan.expectedOutcome];
        legs += plan.sendTwilioLeg ? 1 : 0;
        backendCalls += backend && plan.withBackend ? 1 : 0;
    }
    QString providerCounts;
    for (auto it = perProvider.cbegin(); it != perProvider.cend(); ++it)
        providerCounts += u" %1=%2"_s.arg(it.key()).arg(it.value());
    QString outcomeCounts;
    for (auto it = perOutcome.cbegin(); it != perOutcome.cend(); ++it)
        outcomeCounts += u" %1=%2"_s.arg(it.key()).arg(it.value());

    std::sort(stats.latenciesMs.begin(), stats.latenciesMs.end());
    const double p50 = percentile(stats.latenciesMs, 0.50);
    const double p90 = percentile(stats.latenciesMs, 0.90);
    const double p99 = percentile(stats.latenciesMs, 0.99);
    const double max = stats.latenciesMs.empty() ? 0.0 : stats.latenciesMs.back();
    const double seconds = std::max(stats.seconds, 1e-9);
    std::fprintf(out, "calls=%d%s twilio_legs=%d backend_calls=%d seed=%llu lang=%s tenant=%s\n",
                 int(plans.size()), qPrintable(providerCounts), legs, backendCalls,
                 static_cast<unsigned long long>(m_options.seed),
                 qPrintable(languageName(m_options.language)), qPrintable(m_options.tenant));
    std::fprintf(
        out,
        "deliveries=%lld webhooks=%lld backend_batches=%lld backend_events=%lld duplicates_sent=%lld "
        "duplicate_events=%lld duplicates_answered=%lld retries=%lld\n",
        static_cast<long long>(webhooks + batches), static_cast<long long>(webhooks),
        static_cast<long long>(batches), static_cast<long long>(backendEvents),
        static_cast<long long>(stats.duplicatesSent), static_cast<long long>(stats.duplicateEventsSent),
        static_cast<long long>(stats.duplicatesAnswered), static_cast<long long>(stats.retries));
    std::fprintf(out, "outcomes_expected%s\n", qPrintable(outcomeCounts));
    std::fprintf(out, "connections=%d in_progress=%d rate=%s shuffle=%s requests=%lld seconds=%.3f\n",
                 senderOptions.concurrency, senderOptions.inProgress,
                 m_options.rate > 0 ? qPrintable(QString::number(m_options.rate)) : "max",
                 m_options.shuffle ? "yes" : "no", static_cast<long long>(stats.requests), stats.seconds);
    std::fprintf(out, "latency_ms p50=%.2f p90=%.2f p99=%.2f max=%.2f\n", p50, p90, p99, max);
    // acked= counts events: an acknowledged webhook is one, an acknowledged backend batch one per event
    // in it; duplicates answered 200 count too (duplicates_answered says how many there were).
    std::fprintf(out, "acked=%lld rejected=%lld events_per_s=%.1f p50_ms=%.2f p99_ms=%.2f\n",
                 static_cast<long long>(stats.ackedEvents), static_cast<long long>(stats.rejectedEvents),
                 double(stats.ackedEvents) / seconds, p50, p99);
    std::fflush(out);
    return exitCode;
}

} // namespace CallScope::Sim
