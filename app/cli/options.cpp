// SPDX-License-Identifier: GPL-3.0-or-later
#include "options.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

const QStringList valueOptions{u"--db"_s,           u"--listen"_s,           u"--public-url"_s,
                               u"--secrets-file"_s, u"--tls-cert"_s,         u"--tls-key"_s,
                               u"--frontend-url"_s, u"--callback-backoff"_s, u"--frontend-timeout"_s,
                               u"--stale-after"_s,  u"--ultravox-api-url"_s};
const QStringList commandValueOptions{u"--tenant"_s, u"--name"_s, u"--scope"_s};
const QStringList commandFlags{u"--yes"_s}; // a command's options without a value

} // namespace

QString Options::defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"callscope.db"_s);
}

std::expected<QList<std::chrono::milliseconds>, QString> parseDurationList(const QString &text)
{
    static const QRegularExpression item(u"^\\s*(\\d+)\\s*(ms|s|m|h)\\s*$"_s);
    QList<std::chrono::milliseconds> out;
    for (const QString &part : text.split(u',')) {
        const auto match = item.match(part);
        if (!match.hasMatch())
            return std::unexpected(
                u"\"%1\" is not a duration like 500ms, 30s, 5m or 1h"_s.arg(part.trimmed()));
        bool ok = false;
        const qint64 n = match.captured(1).toLongLong(&ok);
        const QString unit = match.captured(2);
        const qint64 factor = unit == "ms"_L1  ? 1
                              : unit == "s"_L1 ? 1000
                              : unit == "m"_L1 ? 60'000
                                               : 3'600'000;
        if (!ok || n <= 0 || n > std::numeric_limits<qint64>::max() / factor / 1000)
            return std::unexpected(u"\"%1\" is not a positive duration"_s.arg(part.trimmed()));
        out.append(std::chrono::milliseconds(n * factor));
    }
    return out;
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == "http"_L1 || url.scheme() == "https"_L1) &&
           !url.host().isEmpty();
}

std::expected<void, QString> applyCallbackSettings(Options &options, const QString &frontendUrl,
                                                   const QString &backoff)
{
    QStringList problems;
    if (options.frontendUrl.isEmpty() && !frontendUrl.isEmpty()) {
        if (isHttpUrl(frontendUrl))
            options.frontendUrl = frontendUrl;
        else
            problems << u"the frontend URL setting \"%1\" is not an http:// or https:// URL"_s.arg(
                frontendUrl);
    }
    if (!options.callbackBackoffGiven && !backoff.isEmpty()) {
        if (auto delays = parseDurationList(backoff))
            options.callbackBackoff = *delays;
        else
            problems << u"the callback backoff setting: "_s + delays.error();
    }
    if (!problems.isEmpty())
        return std::unexpected(problems.join(u"; "_s));
    return {};
}

std::expected<std::pair<QString, quint16>, QString> parseListenAddress(const QString &text)
{
    static const QRegularExpression pattern(u"^(?:\\[([0-9a-fA-F:.]+)\\]|([^:\\[\\]]+)):(\\d{1,5})$"_s);
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::unexpected(
            u"--listen takes HOST:PORT, e.g. 127.0.0.1:8787 or [::1]:8787, not \"%1\""_s.arg(text));
    const QString host = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    const int port = match.captured(3).toInt();
    if (port > 65535)
        return std::unexpected(u"port %1 is out of range (0 to 65535)"_s.arg(port));
    if (host != "localhost"_L1 && QHostAddress(host).isNull())
        return std::unexpected(u"\"%1\" is not an IP address (or localhost)"_s.arg(host));
    return std::pair{host, quint16(port)};
}

std::expected<Options, UsageError> parseOptions(const QStringList &arguments, Program program)
{
    Options options;
    options.database = DatabaseUrl::sqlite(Options::defaultDatabasePath());
    options.callbackBackoff = *parseDurationList(u"5m,15m,1h"_s);
    auto fail = [](const QString &message) { return std::unexpected(UsageError{message}); };

    for (qsizetype i = 1; i < arguments.size(); ++i) {
        QString argument = arguments.at(i);
        QString value;
        bool hasInlineValue = false;
        if (argument.startsWith("--"_L1) && argument.contains(u'=')) {
            value = argument.section(u'=', 1);
            argument = argument.section(u'=', 0, 0);
            hasInlineValue = true;
        }
        const bool takesValue = valueOptions.contains(argument) || commandValueOptions.contains(argument) ||
                                (program == Program::Desktop && argument == "--lang"_L1);
        if (takesValue && !hasInlineValue) {
            if (i + 1 >= arguments.size())
                return fail(u"%1 needs a value"_s.arg(argument));
            value = arguments.at(++i);
        }

        if (argument.startsWith("--"_L1))
            options.given.insert(argument);
        if (argument == "--db"_L1) {
            auto url = DatabaseUrl::parse(value);
            if (!url)
                return fail(u"--db: "_s + url.error());
            options.database = *url;
        } else if (argument == "--listen"_L1) {
            auto address = parseListenAddress(value);
            if (!address)
                return fail(address.error());
            options.listenHost = address->first;
            options.listenPort = address->second;
        } else if (argument == "--public-url"_L1) {
            if (!isHttpUrl(value))
                return fail(u"--public-url takes an http:// or https:// URL, not \"%1\""_s.arg(value));
            options.publicUrl = value;
        } else if (argument == "--secrets-file"_L1) {
            options.secretsFile = value;
        } else if (argument == "--tls-cert"_L1) {
            options.tlsCert = value;
        } else if (argument == "--tls-key"_L1) {
            options.tlsKey = value;
        } else if (argument == "--frontend-url"_L1) {
            if (!isHttpUrl(value))
                return fail(u"--frontend-url takes an http:// or https:// URL, not \"%1\""_s.arg(value));
            options.frontendUrl = value;
        } else if (argument == "--callback-backoff"_L1) {
            auto delays = parseDurationList(value);
            if (!delays)
                return fail(u"--callback-backoff: "_s + delays.error());
            options.callbackBackoff = *delays;
            options.callbackBackoffGiven = true;
        } else if (argument == "--frontend-timeout"_L1) {
            auto timeout = parseDurationList(value);
            if (!timeout || timeout->size() != 1)
                return fail(u"--frontend-timeout takes one duration like 10s, not \"%1\""_s.arg(value));
            options.frontendTimeout = timeout->first();
        } else if (argument == "--stale-after"_L1) {
            auto after = parseDurationList(value);
            if (!after || after->size() != 1 || after->first().count() <= 0)
                return fail(u"--stale-after takes one duration like 60m, not \"%1\""_s.arg(value));
            options.staleAfter = after->first();
        } else if (argument == "--ultravox-api-url"_L1) {
            if (!isHttpUrl(value))
                return fail(u"--ultravox-api-url takes an http:// or https:// URL, not \"%1\""_s.arg(value));
            options.ultravoxApiUrl = value;
        } else if (argument == "--lang"_L1) {
            if (value != "en"_L1 && value != "de"_L1)
                return fail(u"--lang takes en or de, not \"%1\""_s.arg(value));
            options.language = value;
        } else if (commandValueOptions.contains(argument)) {
            options.commandOptions.insert(argument.mid(2), value);
        } else if (commandFlags.contains(argument) && !hasInlineValue) {
            options.commandOptions.insert(argument.mid(2), QString());
        } else if (argument.startsWith(u'-') && argument != "-"_L1) {
            return fail(u"unknown option %1"_s.arg(argument));
        } else {
            options.command.append(argument);
        }
    }
    if (options.tlsCert.isEmpty() != options.tlsKey.isEmpty())
        return fail(u"--tls-cert and --tls-key go together"_s);
    if (program == Program::Desktop && !options.command.isEmpty())
        return fail(u"unexpected argument \"%1\""_s.arg(options.command.first()));
    if (options.command.isEmpty() && !options.commandOptions.isEmpty())
        return fail(u"--%1 belongs to a command (tenant, secrets, token, urls)"_s.arg(
            options.commandOptions.keys().first()));
    return options;
}

QString usageText(Program program)
{
    if (program == Program::Desktop)
        return u"usage: callscope [--db URL] [--listen HOST:PORT] [--public-url URL] [--secrets-file PATH]\n"
               "                [--frontend-url URL] [--callback-backoff LIST]\n"
               "                [--frontend-timeout DURATION] [--stale-after DURATION] [--lang en|de]\n"
               "       (the frontend URL and the backoff default to the settings)\n"_s;
    return u"usage: callscope-server [--db URL] [--listen HOST:PORT] [--public-url URL] [--secrets-file "
           u"PATH]\n"
           "                        [--tls-cert FILE --tls-key FILE] [--frontend-url URL]\n"
           "                        [--callback-backoff LIST] [--frontend-timeout DURATION]\n"
           "                        [--stale-after DURATION] [--ultravox-api-url URL]\n"
           "       callscope-server tenant create SLUG [--name NAME]\n"
           "       callscope-server tenant list\n"
           "       callscope-server tenant rename SLUG NAME\n"
           "       callscope-server tenant delete SLUG --yes\n"
           "       callscope-server secrets set --tenant SLUG KEY VALUE\n"
           "       callscope-server token create --tenant SLUG --scope ingest|read\n"
           "       callscope-server token revoke --tenant SLUG TOKEN_ID\n"
           "       callscope-server urls [--tenant SLUG]\n"_s;
}

} // namespace CallScope
