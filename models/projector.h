// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"
#include "writecontext.h"

#include <expected>

namespace CallScope {

// Folds one submission into the open transaction: receipts first (a duplicate changes nothing),
// then the events and every projection they cause. Runs only on the writer thread.
class Projector
{
public:
    explicit Projector(WriteContext &context);

    std::expected<IngestResult, StoreError> apply(qint64 tenantId, const IngestSubmission &submission);

private:
    // Inserts the receipts; per unit the new receipt's id, or nothing for a duplicate.
    std::expected<QList<std::optional<qint64>>, StoreError> insertReceipts(qint64 tenantId,
                                                                          const QList<IngestUnit> &units);
    std::expected<void, StoreError> applyEvent(qint64 tenantId, qint64 receiptId, int seq, const CallEvent &event,
                                               std::optional<qint64> &firstCallId);
    std::expected<void, StoreError> projectTranscript(qint64 tenantId, qint64 callId, const CallEvent &event,
                                                      CallAggregate &agg);
    std::expected<void, StoreError> projectFunction(qint64 tenantId, qint64 callId, const CallEvent &event,
                                                    CallAggregate &agg);

    WriteContext &m_ctx;
};

} // namespace CallScope
