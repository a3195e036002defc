// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>

namespace CallScope {

// Every setting CallScope keeps, with its default in one table (settings.cpp). Secrets are not
// settings: they go through SecretStore, and the wrapper refuses keys that look like one.
class Settings
{
public:
    enum class Key
    {
        DatabaseUrl,      // empty: SQLite in the user's data directory
        ListenAddress,    // HOST:PORT
        PublicUrl,        // empty: http://HOST:PORT of the bound address
        Language,         // empty: the system's
        FrontendUrl,      // where callbacks are handed off; empty: they wait for staff
        CallbackBackoff,  // e.g. 5m,15m,1h
        DialUriTemplate,  // tel:{number}
        StaffName,        // who the desk's actions are recorded as; empty: the OS user
        StaleCallMinutes, // a call with no terminal event after this long is flagged stale
        ReceiptRetentionDays,
        MaxBodyBytes,
        MaxHeaderBytes,
        MaxConnections,
        RequestTimeoutMs,
        IdleTimeoutMs,
        CommitDeadlineMs, // a webhook not committed by then is answered 503 (the provider retries)
        RatePerSecond,    // per client address; 0 turns the limit off
        RateBurst,
        UltravoxRetryDelayMs, // first delay before fetching Ultravox messages again; it doubles
        // The severity of an error whose report brings none, by where it came from (low, medium,
        // high, critical; the defaults are the HTTP spec's).
        ErrorSeverityFunction, // a tool call that failed or timed out
        ErrorSeverityProvider, // a call the provider ended as failed
        ErrorSeverityTransfer, // a transfer to staff that failed or was cancelled
        ErrorSeverityIngest,   // a delivery that could not be attributed to a call
        ErrorSeverityStale,    // a call whose end never arrived
        ErrorSeverityBackend,  // a backend error event without a severity
        TlsCertFile,           // PEM; with TlsKeyFile the listener speaks HTTPS
        TlsKeyFile,
        UltravoxApiUrl,    // Ultravox's REST API, for back-fill
        FrontendTimeoutMs, // a hand-off not answered by then failed
        MaskPhoneNumbers,  // lists show a caller's number as its last 4 digits only
        CurrentTenant,     // the tenant the window showed last
    };

    // Uses the application's QSettings unless given one (tests pass a temporary file).
    explicit Settings(std::unique_ptr<QSettings> backing = nullptr);
    ~Settings();

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void reset(Key key);
    bool isDefault(Key key) const;
    void sync();

    QString string(Key key) const { return value(key).toString(); }
    int integer(Key key) const { return value(key).toInt(); }

    // The ErrorSeverity* settings by error source (function, provider, transfer, ingest, stale,
    // backend), as Store::setErrorSeverities takes them.
    QHash<QString, QString> errorSeverities() const;

    // Whether `key` is one of the ErrorSeverity* settings.
    static bool isErrorSeverity(Key key);

    static QString name(Key key);
    static QVariant defaultValue(Key key);
    // Names that would hold a secret (password, token, secret, api key) are never settings.
    static bool looksLikeSecret(const QString &name);

    QSettings &backing() { return *m_settings; }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace CallScope
