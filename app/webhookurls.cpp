// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookurls.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

QString tenantPrefix(const QString &publicBaseUrl, const QString &tenant)
{
    QString base = publicBaseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    return tenant.isEmpty() || tenant == "default"_L1 ? base : base + u"/t/"_s + tenant;
}

} // namespace

QString webhookUrl(const QString &publicBaseUrl, const QString &tenant, Provider provider)
{
    return tenantPrefix(publicBaseUrl, tenant) + u"/webhooks/"_s + toString(provider);
}

QString eventsApiUrl(const QString &publicBaseUrl, const QString &tenant)
{
    return tenantPrefix(publicBaseUrl, tenant) + u"/api/v1/events"_s;
}

QStringList secretKeysFor(Provider provider)
{
    switch (provider) {
    case Provider::Retell:
        return {u"retell.apiKey"_s};
    case Provider::Vapi:
        return {u"vapi.secret"_s, u"vapi.hmacSecret"_s};
    case Provider::Ultravox:
        return {u"ultravox.webhookSecret"_s};
    case Provider::LiveKit:
        return {u"livekit.apiKey"_s, u"livekit.apiSecret"_s};
    case Provider::Twilio:
        return {u"twilio.authToken"_s};
    case Provider::Backend:
        break;
    }
    return {};
}

} // namespace CallScope
