// SPDX-License-Identifier: GPL-3.0-or-later
// callscope-sim: plays a clinic's or salon's day of calls as signed provider webhooks and backend
// events against a CallScope listener (spec/cli.md). Options are parsed here; behaviour is in
// callscope_sim.
#include "simulation.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdio>
#include <expected>

using namespace CallScope;
using namespace CallScope::Sim;
using namespace Qt::Literals::StringLiterals;

namespace {

const char usage[] =
    "usage: callscope-sim --url http://HOST:PORT --secrets-file FILE [options]\n"
    "\n"
    "Plays simulated calls (a dental clinic's, physiotherapy practice's, hair or nail salon's day) as\n"
    "signed provider webhooks and backend events against a CallScope listener.\n"
    "\n"
    "  --url URL               the listener, http://HOST:PORT[/prefix] (HTTP only)\n"
    "  --secrets-file FILE     secrets in the server's format {\"<tenant>\": {\"retell.apiKey\": ...}}\n"
    "  --tenant SLUG           whose secrets sign and whose routes (/t/SLUG/...) are used (default: "
    "default)\n"
    "  --ingest-token TOKEN    ingest token for POST /api/v1/events; without it backend events are skipped\n"
    "  --calls N               calls to simulate (default 100)\n"
    "  --rate EVENTS_PER_S     at most this many events a second (a webhook is one event, a backend batch\n"
    "                          one per event in it); 0 or absent: as fast as the listener answers\n"
    "  --concurrency C         keep-alive connections (default 16)\n"
    "  --in-progress N         calls in progress at once, their deliveries interleaved (default 4 x C)\n"
    "  --duplicates FRACTION   send this fraction (0..1) of deliveries a second time (default 0)\n"
    "  --shuffle               deliver each call's deliveries in a random order\n"
    "  --providers LIST        of retell,vapi,ultravox,livekit,twilio,backend (default: all six)\n"
    "  --public-url URL        the listener's public URL, which Twilio signs (default: --url)\n"
    "  --seed N                the same seed gives the same calls (default 1)\n"
    "  --lang en|de|mixed      the language the agents and callers speak (default mixed)\n"
    "  --report FILE           write every call created, with its expected outcome, as JSON\n"
    "  --retries N             retries of a delivery answered 429/503 or left unanswered (default 5)\n"
    "  --timeout SECONDS       wait this long for an answer (default 30)\n"
    "  --day-hours H           the simulated day's length, ending a quarter of an hour ago (default 10)\n"
    "  -h, --help              this text\n"
    "\n"
    "The last line on stdout is: acked=N rejected=M events_per_s=X p50_ms=A p99_ms=B\n"
    "Exit status: 0 nothing rejected, 1 something rejected or the run failed, 2 usage error.\n";

struct UsageError
{
    QString message;
};

std::expected<double, UsageError> number(const QString &option, const QString &text, double min, double max)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < min || value > max)
        return std::unexpected(UsageError{
            u"%1 wants a number from %2 to %3, not \"%4\""_s.arg(option).arg(min).arg(max).arg(text)});
    return value;
}

std::expected<int, UsageError> integer(const QString &option, const QString &text, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return std::unexpected(UsageError{
            u"%1 wants a whole number from %2 to %3, not \"%4\""_s.arg(option).arg(min).arg(max).arg(text)});
    return value;
}

std::expected<QUrl, UsageError> httpUrl(const QString &option, const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1))
        return std::unexpected(
            UsageError{u"%1 wants an http:// URL with a host, not \"%2\""_s.arg(option, text)});
    return url;
}

std::expected<SimOptions, UsageError> parse(const QStringList &arguments)
{
    SimOptions options;
    QString providers = u"retell,vapi,ultravox,livekit,twilio,backend"_s;
    static const QStringList withValue{
        u"--url"_s,        u"--secrets-file"_s, u"--tenant"_s,      u"--ingest-token"_s, u"--calls"_s,
        u"--rate"_s,       u"--concurrency"_s,  u"--in-progress"_s, u"--duplicates"_s,   u"--providers"_s,
        u"--public-url"_s, u"--seed"_s,         u"--lang"_s,        u"--report"_s,       u"--retries"_s,
        u"--timeout"_s,    u"--day-hours"_s};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        QString name = arguments.at(i);
        QString value;
        if (const qsizetype equals = name.indexOf(u'='); name.startsWith(u"--"_s) && equals > 0) {
            value = name.mid(equals + 1);
            name = name.left(equals);
        } else if (withValue.contains(name)) {
            if (i + 1 >= arguments.size())
                return std::unexpected(UsageError{name + u" needs a value"_s});
            value = arguments.at(++i);
        }
        if (name == "--shuffle"_L1) {
            options.shuffle = true;
            continue;
        }
        if (!withValue.contains(name))
            return std::unexpected(UsageError{u"unknown option \"%1\""_s.arg(name)});
        std::expected<void, UsageError> done;
        const auto take = [&done](auto result, auto &target) {
            if (result)
                target = *result;
            else
                done = std::unexpected(result.error());
        };
        if (name == "--url"_L1)
            take(httpUrl(name, value), options.url);
        else if (name == "--public-url"_L1)
            take(httpUrl(name, value), options.publicUrl);
        else if (name == "--secrets-file"_L1)
            options.secretsFile = value;
        else if (name == "--tenant"_L1)
            options.tenant = value;
        else if (name == "--ingest-token"_L1)
            options.ingestToken = value.toUtf8();
        else if (name == "--calls"_L1)
            take(integer(name, value, 1, 10'000'000), options.calls);
        else if (name == "--rate"_L1)
            take(number(name, value, 0, 1e7), options.rate);
        else if (name == "--concurrency"_L1)
            take(integer(name, value, 1, 1'000), options.concurrency);
        else if (name == "--in-progress"_L1)
            take(integer(name, value, 1, 100'000), options.inProgress);
        else if (name == "--duplicates"_L1)
            take(number(name, value, 0, 1), options.duplicates);
        else if (name == "--providers"_L1) {
            providers = value;
            options.providersGiven = true;
        } else if (name == "--seed"_L1) {
            bool ok = false;
            options.seed = value.toULongLong(&ok);
            if (!ok)
                return std::unexpected(UsageError{u"--seed wants a whole number, not \"%1\""_s.arg(value)});
        } else if (name == "--lang"_L1) {
            if (value == "en"_L1)
                options.language = Language::English;
            else if (value == "de"_L1)
                options.language = Language::German;
            else if (value != "mixed"_L1)
                return std::unexpected(UsageError{u"--lang is en, de or mixed, not \"%1\""_s.arg(value)});
        } else if (name == "--report"_L1)
            options.reportFile = value;
        else if (name == "--retries"_L1)
            take(integer(name, value, 0, 100), options.retries);
        else if (name == "--timeout"_L1) {
            int seconds = 30;
            take(integer(name, value, 1, 3'600), seconds);
            options.timeoutMs = seconds * 1000;
        } else if (name == "--day-hours"_L1)
            take(integer(name, value, 1, 24 * 365), options.dayHours);
        if (!done)
            return std::unexpected(done.error());
    }
    if (options.url.isEmpty())
        return std::unexpected(UsageError{u"--url is required"_s});
    // The public URL may be https (Twilio signs the URL it called); the simulator itself speaks plain HTTP.
    if (options.url.scheme() == "https"_L1)
        return std::unexpected(UsageError{u"--url: the simulator speaks plain HTTP only"_s});
    if (options.secretsFile.isEmpty())
        return std::unexpected(UsageError{u"--secrets-file is required"_s});
    static const QRegularExpression slug(u"^[a-z0-9-]{1,40}$"_s);
    if (!slug.match(options.tenant).hasMatch())
        return std::unexpected(
            UsageError{u"--tenant is a slug of a-z, 0-9 and -, not \"%1\""_s.arg(options.tenant)});
    for (const QString &item : providers.split(u',', Qt::SkipEmptyParts)) {
        const QString name = item.trimmed().toLower();
        const auto provider = providerFromString(name);
        if (!provider)
            return std::unexpected(UsageError{u"unknown provider \"%1\" in --providers"_s.arg(name)});
        if (*provider == Provider::Backend)
            options.backend = true;
        else if (!options.providers.contains(*provider))
            options.providers.append(*provider);
    }
    if (options.providers.isEmpty() && !options.backend)
        return std::unexpected(UsageError{u"--providers names no provider"_s});
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"callscope-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CALLSCOPE_VERSION));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(u"--help"_s) || arguments.contains(u"-h"_s)) {
        std::fputs(usage, stdout);
        return 0;
    }
    const auto options = parse(arguments);
    if (!options) {
        std::fprintf(stderr, "callscope-sim: %s\n%s", qPrintable(options.error().message), usage);
        return 2;
    }
    return Simulation(*options).run(stdout, stderr);
}
