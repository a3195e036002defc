// SPDX-License-Identifier: GPL-3.0-or-later
#include "simdelivery.h"

#include "simids.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Sim {

QByteArray routeFor(const QString &tenant, Provider provider)
{
    const QString prefix = tenant == "default"_L1 ? QString() : u"/t/"_s + tenant;
    if (provider == Provider::Backend)
        return (prefix + u"/api/v1/events"_s).toUtf8();
    return (prefix + u"/webhooks/"_s + toString(provider)).toUtf8();
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

Deliveries deliveriesFor(const CallPlan &plan, const DeliveryOptions &options)
{
    // A stream of its own, apart from the plan's: writing a call never changes what the call is.
    QRandomGenerator random(streamSeed(options.seed, (quint64(1) << 32) + quint64(plan.index)));
    Deliveries out;
    switch (plan.provider) {
    case Provider::Retell:
        out = retellDeliveries(plan, options.tenant, random);
        break;
    case Provider::Vapi:
        out = vapiDeliveries(plan, options.tenant, random);
        break;
    case Provider::Ultravox:
        out = ultravoxDeliveries(plan, options.tenant, random);
        break;
    case Provider::LiveKit:
        out = liveKitDeliveries(plan, options.tenant, random);
        break;
    case Provider::Twilio:
        out = twilioDeliveries(plan, options.tenant, random);
        break;
    case Provider::Backend:
        break; // a call only the backend knows: its events are all there is
    }
    if (plan.sendTwilioLeg)
        out += twilioDeliveries(plan, options.tenant, random);
    if (options.backend && plan.withBackend)
        out += backendDeliveries(plan, options.tenant, options.seed, random);
    // Stable: deliveries of one sender at the same moment keep the order that sender gave them.
    std::stable_sort(out.begin(), out.end(),
                     [](const SimDelivery &a, const SimDelivery &b) { return a.atMs < b.atMs; });
    return out;
}

} // namespace CallScope::Sim
