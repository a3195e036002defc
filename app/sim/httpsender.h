// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deliverysigner.h"
#include "simdelivery.h"

#include <QMap>
#include <QStringList>

#include <vector>

namespace CallScope::Sim {

struct SenderOptions
{
    QByteArray host; // to connect to
    quint16 port = 80;
    QByteArray hostHeader; // host[:port] as the URL gave it
    QByteArray pathPrefix; // the URL's path, put before every route
    int concurrency = 16;  // keep-alive connections
    double rate = 0;       // events per second as acked= counts them; 0: as fast as answers come
    int inProgress = 64;   // calls in progress at once
    int retries = 5;       // for 429, 503 and lost connections, as providers retry
    int timeoutMs = 30'000;
    quint64 seed = 1; // which call goes next
};

struct SendStats
{
    qint64 requests = 0; // HTTP answers read, retried ones included
    qint64 ackedDeliveries = 0;
    qint64 rejectedDeliveries = 0;
    // Events, as acked= and rejected= count them: a webhook is one, a backend batch one per event.
    qint64 ackedEvents = 0;
    qint64 rejectedEvents = 0;
    qint64 duplicatesSent = 0;          // deliveries sent a second time
    qint64 duplicateEventsSent = 0;     // the events in them
    qint64 duplicatesAnswered = 0;      // events of those answered as duplicates
    qint64 duplicatesNotRecognised = 0; // events of those answered as new: idempotency is broken
    qint64 alreadyKnown = 0;            // first sendings answered as duplicates: the store had them before
    qint64 retries = 0;
    std::vector<double> latenciesMs; // of acknowledged requests: request written → answer read
    double seconds = 0;
    QMap<int, qint64> rejectedByStatus; // 0: no answer
    QStringList rejectionSamples;       // the first few
    QString fatal;                      // why the run stopped early (cannot connect)
};

// Plays calls over many keep-alive HTTP/1.1 connections driven by poll() from one thread. A call's
// deliveries go one at a time and in their order, as a provider sends them; many calls are in
// progress at once and interleave, as on a busy line.
class HttpSender
{
public:
    HttpSender(SenderOptions options, const DeliverySigner &signer);
    SendStats run(const QList<Deliveries> &calls);

private:
    SenderOptions m_options;
    const DeliverySigner &m_signer;
};

} // namespace CallScope::Sim
