// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callplan.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QRandomGenerator>
#include <QString>

namespace CallScope::Sim {

// One HTTP request a provider or the backend makes, before it is signed: signatures carry the time
// of sending (Retell, Ultravox and LiveKit refuse old ones), so DeliverySigner adds them on the way
// out, and a repeated delivery is signed anew, as a provider's retry is.
struct SimDelivery
{
    Provider provider = Provider::Retell; // Backend: POST /api/v1/events
    QByteArray route;                     // "/webhooks/retell", "/t/clinic/webhooks/twilio", "/api/v1/events"
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> form; // Twilio: the parameters its signature covers
    qint64 atMs = 0;        // when the provider sends it in the simulated day: orders a call's deliveries
    int events = 1;         // what it counts for in acked=: 1 per webhook, one per event of a backend batch
    QString label;          // "retell call_ended", for messages
    bool duplicate = false; // sent again after its first sending was answered
    bool bearerSecret = false; // Vapi: the shared secret as "Authorization: Bearer" instead of X-Vapi-Secret
};

using Deliveries = QList<SimDelivery>;

// "/webhooks/<provider>" for the default tenant, "/t/<tenant>/webhooks/<provider>" for others;
// the backend's "/api/v1/events" likewise.
QByteArray routeFor(const QString &tenant, Provider provider);
QByteArray compactJson(const QJsonObject &object);
// 2026-10-23T09:14:03.120Z
QString isoTime(qint64 ms);

// Each provider's deliveries for one call, in the order that provider sends them (providers/*.cpp).
Deliveries retellDeliveries(const CallPlan &plan, const QString &tenant, QRandomGenerator &random);
Deliveries vapiDeliveries(const CallPlan &plan, const QString &tenant, QRandomGenerator &random);
Deliveries ultravoxDeliveries(const CallPlan &plan, const QString &tenant, QRandomGenerator &random);
Deliveries liveKitDeliveries(const CallPlan &plan, const QString &tenant, QRandomGenerator &random);
// The Twilio status callbacks of the call's carrier leg: the whole call when Twilio is its provider,
// else the leg under a Retell or Vapi call (plan.sendTwilioLeg).
Deliveries twilioDeliveries(const CallPlan &plan, const QString &tenant, QRandomGenerator &random);
// The backend's events about the call in batches of a few; ids are "sim<seed>-<call>-<n>", unique
// per tenant and the same for the same seed and call.
Deliveries backendDeliveries(const CallPlan &plan, const QString &tenant, quint64 seed,
                             QRandomGenerator &random);

struct DeliveryOptions
{
    QString tenant = QStringLiteral("default");
    quint64 seed = 1;
    bool backend = false;
};

// Everything sent about one call, in the order it happens (webhooks, carrier leg and backend batches
// merged by time).
Deliveries deliveriesFor(const CallPlan &plan, const DeliveryOptions &options);

} // namespace CallScope::Sim
