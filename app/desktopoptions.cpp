// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopoptions.h"

#include "settings.h"

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

// The options the settings dialog can also set.
const QStringList settableOptions{
    u"--db"_s,          u"--listen"_s,          u"--public-url"_s,       u"--tls-cert"_s,
    u"--tls-key"_s,     u"--frontend-url"_s,    u"--callback-backoff"_s, u"--frontend-timeout"_s,
    u"--stale-after"_s, u"--ultravox-api-url"_s};

} // namespace

QStringList applyStoredSettings(Options &options, const Settings &settings)
{
    QStringList problems;
    const auto stored = [&](Settings::Key key, const char *option) {
        return !options.given.contains(QLatin1StringView(option)) && !settings.isDefault(key);
    };
    if (stored(Settings::Key::DatabaseUrl, "--db")) {
        const QString text = settings.string(Settings::Key::DatabaseUrl);
        if (auto url = DatabaseUrl::parse(text); url && !text.isEmpty())
            options.database = *url;
        else if (!text.isEmpty())
            problems << u"the database setting \"%1\": %2"_s.arg(text, url ? QString() : url.error());
    }
    if (stored(Settings::Key::ListenAddress, "--listen")) {
        if (auto address = parseListenAddress(settings.string(Settings::Key::ListenAddress))) {
            options.listenHost = address->first;
            options.listenPort = address->second;
        } else {
            problems << u"the listen address setting: "_s + address.error();
        }
    }
    if (stored(Settings::Key::PublicUrl, "--public-url")) {
        const QString url = settings.string(Settings::Key::PublicUrl);
        if (isHttpUrl(url))
            options.publicUrl = url;
        else if (!url.isEmpty())
            problems << u"the public URL setting \"%1\" is not an http:// or https:// URL"_s.arg(url);
    }
    if (!options.given.contains(u"--tls-cert"_s) && !options.given.contains(u"--tls-key"_s)) {
        const QString cert = settings.string(Settings::Key::TlsCertFile);
        const QString key = settings.string(Settings::Key::TlsKeyFile);
        if (!cert.isEmpty() && !key.isEmpty()) {
            options.tlsCert = cert;
            options.tlsKey = key;
        } else if (!cert.isEmpty() || !key.isEmpty()) {
            problems << u"the TLS settings need both a certificate and a key file"_s;
        }
    }
    if (auto applied = applyCallbackSettings(options, settings.string(Settings::Key::FrontendUrl),
                                             settings.string(Settings::Key::CallbackBackoff));
        !applied)
        problems << applied.error();
    if (stored(Settings::Key::FrontendTimeoutMs, "--frontend-timeout")) {
        const int ms = settings.integer(Settings::Key::FrontendTimeoutMs);
        if (ms > 0)
            options.frontendTimeout = std::chrono::milliseconds(ms);
        else
            problems << u"the frontend timeout setting must be positive"_s;
    }
    if (stored(Settings::Key::UltravoxApiUrl, "--ultravox-api-url")) {
        const QString url = settings.string(Settings::Key::UltravoxApiUrl);
        if (isHttpUrl(url))
            options.ultravoxApiUrl = url;
        else
            problems << u"the Ultravox API URL setting \"%1\" is not an http:// or https:// URL"_s.arg(url);
    }
    return problems;
}

QStringList overridingOptions(const Options &options)
{
    QStringList overriding;
    for (const QString &option : settableOptions) {
        if (options.given.contains(option))
            overriding << option;
    }
    return overriding;
}

} // namespace CallScope
