// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include "store.h"

#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

struct Definition
{
    Settings::Key key;
    const char *name;
    QVariant defaultValue;
};

// An error source's default severity is the store's (the HTTP spec's).
QVariant severityDefault(const QString &source)
{
    return Store::defaultErrorSeverities().value(source);
}

// The severity settings by the error source they are for.
const std::pair<QString, Settings::Key> severitySettings[] = {
    {u"function"_s, Settings::Key::ErrorSeverityFunction},
    {u"provider"_s, Settings::Key::ErrorSeverityProvider},
    {u"transfer"_s, Settings::Key::ErrorSeverityTransfer},
    {u"ingest"_s, Settings::Key::ErrorSeverityIngest},
    {u"stale"_s, Settings::Key::ErrorSeverityStale},
    {u"backend"_s, Settings::Key::ErrorSeverityBackend},
};

const std::array<Definition, 31> &definitions()
{
    static const std::array<Definition, 31> table{{
        {Settings::Key::DatabaseUrl, "database/url", QString()},
        {Settings::Key::ListenAddress, "listener/address", u"127.0.0.1:8787"_s},
        {Settings::Key::PublicUrl, "listener/publicUrl", QString()},
        {Settings::Key::Language, "ui/language", QString()},
        {Settings::Key::FrontendUrl, "callbacks/frontendUrl", QString()},
        {Settings::Key::CallbackBackoff, "callbacks/backoff", u"5m,15m,1h"_s},
        {Settings::Key::DialUriTemplate, "callbacks/dialUriTemplate", u"tel:{number}"_s},
        {Settings::Key::StaffName, "callbacks/staffName", QString()},
        {Settings::Key::StaleCallMinutes, "calls/staleAfterMinutes", 60},
        {Settings::Key::ReceiptRetentionDays, "receipts/retentionDays", 90},
        {Settings::Key::MaxBodyBytes, "listener/maxBodyBytes", 1024 * 1024},
        {Settings::Key::MaxHeaderBytes, "listener/maxHeaderBytes", 32 * 1024},
        {Settings::Key::MaxConnections, "listener/maxConnections", 1024},
        {Settings::Key::RequestTimeoutMs, "listener/requestTimeoutMs", 10'000},
        {Settings::Key::IdleTimeoutMs, "listener/idleTimeoutMs", 30'000},
        {Settings::Key::CommitDeadlineMs, "listener/commitDeadlineMs", 5'000},
        {Settings::Key::RatePerSecond, "listener/ratePerSecond", 200.0},
        {Settings::Key::RateBurst, "listener/rateBurst", 400.0},
        {Settings::Key::UltravoxRetryDelayMs, "ultravox/firstRetryDelayMs", 2'000},
        {Settings::Key::ErrorSeverityFunction, "errors/severity/function", severityDefault(u"function"_s)},
        {Settings::Key::ErrorSeverityProvider, "errors/severity/provider", severityDefault(u"provider"_s)},
        {Settings::Key::ErrorSeverityTransfer, "errors/severity/transfer", severityDefault(u"transfer"_s)},
        {Settings::Key::ErrorSeverityIngest, "errors/severity/ingest", severityDefault(u"ingest"_s)},
        {Settings::Key::ErrorSeverityStale, "errors/severity/stale", severityDefault(u"stale"_s)},
        {Settings::Key::ErrorSeverityBackend, "errors/severity/backend", severityDefault(u"backend"_s)},
        {Settings::Key::TlsCertFile, "listener/tlsCertFile", QString()},
        {Settings::Key::TlsKeyFile, "listener/tlsKeyFile", QString()},
        {Settings::Key::UltravoxApiUrl, "ultravox/apiUrl", u"https://api.ultravox.ai"_s},
        {Settings::Key::FrontendTimeoutMs, "callbacks/frontendTimeoutMs", 10'000},
        {Settings::Key::MaskPhoneNumbers, "privacy/maskPhoneNumbers", false},
        {Settings::Key::CurrentTenant, "ui/tenant", u"default"_s},
    }};
    return table;
}

const Definition &definition(Settings::Key key)
{
    const auto &table = definitions();
    const auto it =
        std::find_if(table.begin(), table.end(), [key](const Definition &d) { return d.key == key; });
    Q_ASSERT(it != table.end());
    return *it;
}

} // namespace

Settings::Settings(std::unique_ptr<QSettings> backing)
    : m_settings(backing ? std::move(backing) : std::make_unique<QSettings>())
{
    for (const Definition &d : definitions())
        Q_ASSERT_X(!looksLikeSecret(QString::fromLatin1(d.name)), "Settings", "a secret is not a setting");
}

Settings::~Settings() = default;

QVariant Settings::value(Key key) const
{
    const Definition &d = definition(key);
    const QVariant stored = m_settings->value(QString::fromLatin1(d.name));
    if (!stored.isValid())
        return d.defaultValue;
    QVariant converted = stored;
    if (d.defaultValue.isValid() && converted.convert(d.defaultValue.metaType()))
        return converted;
    return d.defaultValue;
}

void Settings::setValue(Key key, const QVariant &value)
{
    const Definition &d = definition(key);
    if (value == d.defaultValue)
        m_settings->remove(QString::fromLatin1(d.name));
    else
        m_settings->setValue(QString::fromLatin1(d.name), value);
}

void Settings::reset(Key key)
{
    m_settings->remove(QString::fromLatin1(definition(key).name));
}

bool Settings::isDefault(Key key) const
{
    return !m_settings->contains(QString::fromLatin1(definition(key).name));
}

void Settings::sync()
{
    m_settings->sync();
}

QHash<QString, QString> Settings::errorSeverities() const
{
    QHash<QString, QString> bySource;
    for (const auto &[source, key] : severitySettings)
        bySource.insert(source, string(key));
    return bySource;
}

bool Settings::isErrorSeverity(Key key)
{
    return std::any_of(std::begin(severitySettings), std::end(severitySettings),
                       [key](const auto &entry) { return entry.second == key; });
}

QString Settings::name(Key key)
{
    return QString::fromLatin1(definition(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return definition(key).defaultValue;
}

bool Settings::looksLikeSecret(const QString &name)
{
    const QString lower = name.toLower();
    for (const auto word :
         {"password"_L1, "secret"_L1, "token"_L1, "apikey"_L1, "api_key"_L1, "authtoken"_L1}) {
        if (lower.contains(word))
            return true;
    }
    return false;
}

} // namespace CallScope
