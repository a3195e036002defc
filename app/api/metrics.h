// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace CallScope {

class Store;
class StoreReader;
struct DispatcherCounts;
struct IngestMetrics;

// GET /metrics: the Prometheus text exposition format (version 0.0.4) of what the listener and the
// store did: receipts by provider and result, answer latency, commit batch sizes, queue depth,
// callback requests by state and hand-off attempts by result (those in the database, of every
// process, and those of this process's dispatcher).
QByteArray prometheusMetrics(const IngestMetrics &ingest, const Store &store, StoreReader *reader,
                             const DispatcherCounts &dispatcher);

} // namespace CallScope
