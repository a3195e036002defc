// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace CallScope {

// What is wrong with a value typed into the settings dialog, as one sentence for the person who typed
// it, or an empty string when the value can be saved. Each rule is a pure function (the file checks
// only read the file), so the whole table is tested without a window, and the dialog shows the
// sentence right next to the field.
class SettingsValidation
{
    Q_DECLARE_TR_FUNCTIONS(CallScope::SettingsValidation)

public:
    static constexpr int maxStaffNameLength = 80;
    static constexpr int minRetentionDays = 1;
    static constexpr int maxRetentionDays = 3650;
    static constexpr int maxStaleCallMinutes = 7 * 24 * 60;
    static constexpr int maxRetries = 20;

    // A TCP port from 1 to 65535. Port 0 ("any free port") is for scripts: a provider needs an
    // address that stays the same.
    static QString port(const QString &text);
    // What the listener binds to: an IP address of this computer, or localhost.
    static QString listenHost(const QString &text);
    // A server's name or IP address (the PostgreSQL server).
    static QString hostName(const QString &text);
    // HOST:PORT as --listen takes it ("127.0.0.1:8787", "[::1]:8787").
    static QString hostPort(const QString &text);
    // An http:// or https:// URL with a host; empty is fine when `optional`.
    static QString httpUrl(const QString &text, bool optional);
    // The base URL the providers call: empty (derived from the listen address) or an http(s) URL
    // without query or fragment; it may carry a path prefix (behind a reverse proxy).
    static QString publicBaseUrl(const QString &text);
    // The callback retry delays, "5m, 15m, 1h": one to maxRetries positive durations, none over a week.
    static QString backoffList(const QString &text);
    // The link handed to the softphone: a URI scheme and {number}, e.g. tel:{number}.
    static QString dialUriTemplate(const QString &text);
    // A readable PEM certificate, not expired; a readable unencrypted PEM private key (RSA or EC).
    // An empty path is not checked here (see tlsPair).
    static QString certificateFile(const QString &path);
    static QString privateKeyFile(const QString &path);
    // HTTPS needs both files or neither.
    static QString tlsPair(const QString &certificateFile, const QString &keyFile);
    // Who the desk's actions are recorded as; empty is fine (the OS user name is used).
    static QString staffName(const QString &text);
    static QString retentionDays(int days);
    static QString staleCallMinutes(int minutes);
    // The SQLite file: empty (the default in the user's data folder) or a full path to a file whose
    // folder exists.
    static QString sqlitePath(const QString &path);
    static QString databaseName(const QString &text);
    // Empty is fine (PostgreSQL's "postgres").
    static QString databaseUser(const QString &text);
    // One secret or, while rotating, several separated by commas; no entry empty.
    static QString secretList(const QString &text);
    // A header of the Vapi HMAC plan; empty is fine (the default).
    static QString headerName(const QString &text);
    // The Vapi HMAC message template; empty is fine (the default), else it must sign the body.
    static QString hmacTemplate(const QString &text);
};

} // namespace CallScope
