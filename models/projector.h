// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"
#include "writecontext.h"

#include <expected>

namespace CallScope {

// Folds one submission into the open transaction in two steps. stage() announces its receipts and
// calls to the context, which inserts the receipts of the whole group at once (a duplicate changes
// nothing); apply() then folds the events of the new receipts into every projection they cause.
// Runs only on the writer thread.
class Projector
{
public:
    struct Staged
    {
        qint64 tenantId = 0;
        QList<int> receiptTickets; // per unit
    };

    explicit Projector(WriteContext &context);

    static std::expected<Staged, StoreError> stage(WriteContext &context, const IngestSubmission &submission);
    std::expected<IngestResult, StoreError> apply(const Staged &staged, const IngestSubmission &submission);

private:
    std::expected<void, StoreError> applyEvent(qint64 tenantId, qint64 receiptId, int seq,
                                               const CallEvent &event);
    std::expected<void, StoreError> projectTranscript(qint64 tenantId, qint64 callId, const CallEvent &event);
    std::expected<void, StoreError> projectFunction(qint64 tenantId, qint64 callId, qint64 receiptId,
                                                    const CallEvent &event);
    std::expected<void, StoreError> projectToolCallLog(qint64 tenantId, qint64 callId,
                                                       const CallEvent &event);
    // A transfer to staff that the provider reports failed (not answered, cancelled) hands the
    // customer to the callback queue: critical, once per call.
    std::expected<void, StoreError>
    requestCallbackAfterFailedTransfer(qint64 tenantId, const CallAggregate &call, const CallEvent &event);
    std::expected<void, StoreError> requestCallback(qint64 tenantId, std::optional<qint64> callId,
                                                    const CallEvent &event);
    std::expected<void, StoreError> recordErrorEvent(qint64 tenantId, std::optional<qint64> callId,
                                                     qint64 receiptId, const CallEvent &event);
    // A call the provider ended as failed (its reason, e.g. pipeline-error-*, SIP_TRUNK_FAILURE) or
    // a transfer that failed is an error of the call, recorded once per call and group.
    std::expected<void, StoreError> recordCallFailure(qint64 tenantId, qint64 callId, qint64 receiptId,
                                                      const CallEvent &event);

    std::expected<void, StoreError> recordFunctionFailure(qint64 tenantId, qint64 callId, qint64 receiptId,
                                                          const CallEvent &event, const PendingTrace &part,
                                                          const QString &functionName);

    WriteContext &m_ctx;
    Provider m_receiptProvider = Provider::Backend; // who delivered the unit being applied
};

} // namespace CallScope
