// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QByteArray>
#include <QString>

#include <expected>

namespace CallScope {

// Why a POST /api/v1/events body is refused (400 invalid_payload): the whole body (index -1), or
// the event at `index` of the batch. Nothing of the request is stored.
struct BackendEventsError
{
    int index = -1; // the event at fault; -1 when the whole body is wrong
    QString detail;
    bool invalidJson = false; // the body does not parse as JSON at all
};

// The most events one request may carry.
inline constexpr int maxBackendEventsPerRequest = 1000;

// Parses and validates a backend's events (one event object, or {"events": [...]}) into one unit
// per event: a receipt keyed by the client's event id, and the normalized events it stands for.
// Pure: no I/O; the clock is a parameter.
std::expected<QList<IngestUnit>, BackendEventsError> parseBackendEvents(const QByteArray &body,
                                                                        qint64 receivedAtMs);

} // namespace CallScope
