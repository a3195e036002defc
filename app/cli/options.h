// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"

#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QStringList>

#include <chrono>
#include <expected>

namespace CallScope {

// The command line of callscope-server and callscope (../shared/spec/cli.md).
struct Options
{
    DatabaseUrl database;
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 8787;
    QString publicUrl;   // empty: http(s)://HOST:PORT of the bound address
    QString secretsFile; // empty: the OS keychain
    QString tlsCert;
    QString tlsKey;
    QString frontendUrl; // empty: callback requests wait for staff
    QList<std::chrono::milliseconds> callbackBackoff;
    bool callbackBackoffGiven = false; // on the command line (the desktop otherwise takes its setting)
    std::chrono::milliseconds frontendTimeout{10'000}; // a hand-off not answered by then failed
    // A call still open with no event for this long is marked stale (an error); unset: the setting
    // calls/staleAfterMinutes (60).
    std::optional<std::chrono::milliseconds> staleAfter;
    QString ultravoxApiUrl = QStringLiteral("https://api.ultravox.ai");
    QString language;                       // desktop only: en or de; empty: the system's
    QSet<QString> given;                    // the options named on the command line, e.g. "--db"
    QStringList command;                    // e.g. {"tenant", "create", "clinic"}; empty: run the server
    QHash<QString, QString> commandOptions; // --tenant, --name, --scope given to a command

    static QString defaultDatabasePath();
};

struct UsageError
{
    QString message;
};

enum class Program
{
    Server,
    Desktop
};

std::expected<Options, UsageError> parseOptions(const QStringList &arguments, Program program);
QString usageText(Program program);

// The desktop's settings for what its command line did not say: the frontend URL and the callback
// backoff as stored (Settings::Key::FrontendUrl, CallbackBackoff). A value that is not valid is left
// out, and the answer says what is wrong with it.
std::expected<void, QString> applyCallbackSettings(Options &options, const QString &frontendUrl,
                                                   const QString &backoff);

// An absolute http:// or https:// URL with a host (what --public-url, --frontend-url and the
// settings for them take).
bool isHttpUrl(const QString &text);
// "5m,15m,1h" → {300 s, 900 s, 3600 s}; units ms, s, m, h.
std::expected<QList<std::chrono::milliseconds>, QString> parseDurationList(const QString &text);
// "127.0.0.1:8787", "[::1]:0", "localhost:9000".
std::expected<std::pair<QString, quint16>, QString> parseListenAddress(const QString &text);

} // namespace CallScope
