// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callevent.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace CallScope {

// A tenant's row id. Every read helper takes one and filters by it; an invalid id reads nothing.
struct TenantId
{
    qint64 value = 0;
    bool isValid() const { return value > 0; }
    friend bool operator==(TenantId, TenantId) = default;
};

struct Tenant
{
    TenantId id;
    QString slug;
    QString name;
    qint64 createdAtMs = 0;
};

struct StoreError
{
    enum class Kind
    {
        Unavailable, // cannot reach or commit to the database right now (HTTP 503)
        Statement,   // a statement failed (constraint, trigger, SQL error)
        Migration,   // the schema cannot be brought to this version
        UnknownTenant,
        InvalidArgument,
        NotFound,
        Conflict,
        ShuttingDown,
    };
    Kind kind = Kind::Statement;
    QString message;
};

enum class ReceiptStatus
{
    Processed,
    Unattributed
};
// How a delivery was let in: its signature verified, or the tenant marked the provider unsigned
// (development only, shown as a warning).
enum class Verification
{
    Verified,
    Unsigned
};

// One accepted delivery: the raw bytes as they arrived, kept for replay and forensics, and the
// identity that makes a second delivery of the same event a duplicate.
struct Receipt
{
    Provider provider = Provider::Backend;
    QString eventKey;  // provider + tenant + provider's event identity; UNIQUE per tenant and provider
    QString eventType; // the provider's own event name, for the receipts list
    // The call the delivery is about when its events do not say (e.g. an event with no normalized
    // fact); the receipt is listed with that call.
    QString providerCallId;
    qint64 receivedAtMs = 0;
    ReceiptStatus status = ReceiptStatus::Processed;
    QString unattributedReason; // with status Unattributed: what was missing
    Verification verification = Verification::Verified;
    QByteArray headersJson; // selected headers, secrets removed
    QByteArray body;        // raw body, secrets redacted by the adapter where a provider embeds them
};

// One occurrence of a failure, recorded in the transaction of the delivery that revealed it and
// grouped by ErrorFingerprint::of().
struct ErrorRecord
{
    QString source; // e.g. "ingest", "function", "provider"
    QString code;
    QString type;
    QString severity; // low|medium|high|critical; empty: the source's default (a setting)
    QString message;
    QString stack;
    QString functionName;
    std::optional<Provider> provider;
    std::optional<qint64> callId;
    std::optional<qint64> receiptId;
    std::optional<qint64> offsetMs;
    qint64 occurredAtMs = 0;
    // Recorded only when the call has no event of the group yet (a provider repeats a call's end).
    bool oncePerCall = false;
};

// A customer to call back. A request for a number that already has an open request is merged into
// it (urgency raised, concern appended): a customer is never queued twice.
struct CallbackRequest
{
    std::optional<qint64> callId;
    QString number;
    QString callerName;
    QString concern;
    QByteArray detailsJson;
    Urgency urgency = Urgency::Normal;
    QString source;             // "backend", "failed_tool_call:<id>", "staff"
    bool oncePerSource = false; // nothing when a request from this source exists already
    qint64 atMs = 0;
};

// A receipt and the events it produced. Units are deduplicated one by one.
struct IngestUnit
{
    Receipt receipt;
    CallEvents events;
};

// What one caller submits to the writer: all of it commits, or none of it.
struct IngestSubmission
{
    QString tenantSlug;
    QList<IngestUnit> units;
};

struct IngestResult
{
    int accepted = 0;
    int duplicates = 0;
    QList<bool> duplicate; // per unit, in submission order
};

// What a committed write changed, so views update without polling.
struct StoreChanges
{
    enum Kind : quint32
    {
        Calls = 1 << 0,
        Events = 1 << 1,
        Callbacks = 1 << 2,
        Errors = 1 << 3,
        Tenants = 1 << 4,
        Tokens = 1 << 5,
        // A callback request became ready to hand over (new, retried, released): the dispatcher's
        // cue. Always with Callbacks; the dispatcher's own claims and finishes carry Callbacks only.
        CallbacksDue = 1 << 6,
    };
    QSet<qint64> tenantIds;
    QSet<qint64> callIds;
    quint32 kinds = 0;

    bool isEmpty() const { return kinds == 0; }
    void merge(const StoreChanges &other)
    {
        tenantIds.unite(other.tenantIds);
        callIds.unite(other.callIds);
        kinds |= other.kinds;
    }
};

} // namespace CallScope

Q_DECLARE_METATYPE(CallScope::StoreChanges)

namespace CallScope {

// A call session as the read side sees it (the projection the writer keeps up to date).
struct CallSummary
{
    qint64 id = 0;
    TenantId tenantId;
    QString uuid;
    Provider provider = Provider::Backend;
    QString providerCallId;
    QString direction;
    QString fromNumber;
    QString toNumber;
    QString agent;
    CallStatus status = CallStatus::Queued;
    std::optional<Outcome> outcome;
    QString endedReason;
    std::optional<qint64> startedAt;
    std::optional<qint64> endedAt;
    std::optional<qint64> durationMs;
    int functionCallCount = 0;
    int errorCount = 0;
    int transcriptSegmentCount = 0;
    int eventCount = 0;
    bool stale = false;
    qint64 sortAt = 0;
    QString twilioCallSid;
};

struct StoredEvent
{
    qint64 id = 0;
    std::optional<qint64> callId;
    qint64 receiptId = 0;
    int seq = 0;
    Provider provider = Provider::Backend;
    EventKind kind = EventKind::Note;
    qint64 occurredAtMs = 0;
    std::optional<qint64> offsetMs;
    QByteArray payloadJson;
};

struct StoredReceipt
{
    qint64 id = 0;
    std::optional<qint64> callId;
    Provider provider = Provider::Backend;
    QString eventKey;
    QString eventType;
    ReceiptStatus status = ReceiptStatus::Processed;
    Verification verification = Verification::Verified;
    qint64 receivedAtMs = 0;
    QByteArray headersJson;
    QByteArray body;
};

struct StoredToken
{
    QString tenantSlug;
    QString scope; // ingest | read
    QString hash;  // hex SHA-256 of the whole token
    bool revoked = false;
};

// A token as the tenants dialog lists it.
struct TokenInfo
{
    QString tokenId;
    QString scope; // ingest | read
    QString label;
    qint64 createdAtMs = 0;
    std::optional<qint64> revokedAtMs;
    std::optional<qint64> lastUsedAtMs;
};

// How a provider's webhooks fared for one tenant ("is my webhook working?").
struct DeliveryStats
{
    QString provider; // retell, vapi, ... (backend for POST /api/v1/events)
    qint64 accepted = 0;
    qint64 duplicates = 0;
    qint64 rejected = 0;
    std::optional<qint64> lastAcceptedAtMs;
    std::optional<qint64> lastRejectedAtMs;
    QString lastRejectedReason;
};

struct TranscriptTurn
{
    QString role;
    QString text;
    qint64 startMs = 0;
    std::optional<qint64> endMs;
};

struct TraceRecord
{
    QString toolCallId;
    QString name;
    FunctionStatus status = FunctionStatus::Pending;
    QByteArray argumentsJson; // JSON text, empty when unknown
    QByteArray resultJson;
    QByteArray errorJson;
    std::optional<qint64> startOffsetMs;
    std::optional<qint64> endOffsetMs;
    std::optional<qint64> durationMs;
    // When the start and the end were reported (epoch ms); a backend reports times, not offsets.
    std::optional<qint64> startedAtMs;
    std::optional<qint64> endedAtMs;
};

struct CallbackRecord
{
    qint64 id = 0;
    QString uuid;
    QString status; // pending posting posted failed dead cancelled completed
    Urgency urgency = Urgency::Normal;
    QString callbackNumber;
    QString callerName;
    QString concern;
    QString callUuid;                    // the call it came from first
    std::optional<qint64> callId;        // the same call's row id (to open it)
    std::optional<qint64> callStartedAt; // when that call started (else was first heard of)
    int attempts = 0;
    std::optional<qint64> nextAttemptAt;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    std::optional<qint64> closedAt;
    QString source;       // "backend", "failed_tool_call:<id>", "staff"
    QString details;      // JSON object as text, or empty
    QString lastError;    // of the last failed hand-off
    QString cancelReason; // why staff cancelled it
    QString resolutionNote;
    QString claimedBy; // the dispatcher posting it

    bool isOpen() const { return isOpenCallbackStatus(status); }
    // The states of a request still to be called back: pending, posting, posted, failed.
    static QStringList openCallbackStatuses()
    {
        return {QStringLiteral("pending"), QStringLiteral("posting"), QStringLiteral("posted"),
                QStringLiteral("failed")};
    }
    static bool isOpenCallbackStatus(const QString &status)
    {
        return openCallbackStatuses().contains(status);
    }
};

// What the callback queue shows: the states wanted (none: all), an urgency, queue order.
struct CallbackQuery
{
    QStringList statuses;
    std::optional<Urgency> urgency;
    int limit = 500;
};

// One line of a callback request's history: a staff or API action, a merge, or a hand-off attempt.
struct CallbackHistoryEntry
{
    qint64 at = 0;
    QString actor;                 // staff name, "api", the dispatcher, or the request's source
    QString action;                // requested merged retry cancel complete dial | attempt
    QString detail;                // the reason, note or urgency; for an attempt its result
    int attempt = 0;               // for an attempt
    QString result;                // posted, failed, abandoned, or empty while it runs
    std::optional<int> httpStatus; // for an attempt that got an answer
    std::optional<qint64> finishedAt;
};

// A request the dispatcher claimed (status posting): what it posts to the frontend.
struct CallbackHandoff
{
    qint64 id = 0;
    QString uuid;
    QString tenantSlug;
    QString callbackNumber;
    QString callerName;
    QString concern;
    QByteArray detailsJson; // an object, or empty
    Urgency urgency = Urgency::Normal;
    QString callUuid;
    qint64 createdAt = 0;
    int attempt = 0; // 1 for the first post
};

// How a hand-off attempt ended.
struct CallbackAttemptOutcome
{
    bool success = false;          // a 2xx answer in time
    std::optional<int> httpStatus; // the answer's status, when there was one
    QString error;                 // why it failed (status and body, timeout, refused)
    QByteArray response;           // the answer's body (kept, truncated to 64 KiB)
};

// A failure that happened once or many times: every error event with the same fingerprint (source,
// code, function name without its version suffix, message with numbers and ids masked).
struct ErrorGroupRecord
{
    qint64 id = 0;
    QString fingerprint;
    QString source; // function provider transfer backend ingest stale
    QString code;
    QString severity;
    QString status; // unresolved resolved ignored
    qint64 count = 0;
    qint64 affectedCalls = 0; // distinct calls with at least one event of the group
    qint64 firstSeen = 0;
    qint64 lastSeen = 0;
    QString functionName;
    QString provider;
    QString message; // masked, as grouped
    bool regression = false;
    std::optional<qint64> ignoreUntilCount; // an ignored group comes back at this count...
    std::optional<qint64> ignoreUntil;      // ...or at this time (ms since the epoch)
    QString changedBy;
    std::optional<qint64> changedAt;
    qint64 countInRange = 0; // events in the query's [fromMs, toMs), when it has a range
};

enum class ErrorGroupOrder
{
    LastSeen, // most recent first
    Count,    // most events first (in the range, when the query has one)
};

// Which groups the errors view and the API list. Empty strings match everything.
struct ErrorGroupQuery
{
    QString status;       // unresolved resolved ignored
    QString severity;     // low medium high critical
    QString provider;     // retell vapi ...
    QString functionName; // as grouped (no version suffix)
    // Groups with an event in [fromMs, toMs); countInRange counts those events.
    std::optional<qint64> fromMs;
    std::optional<qint64> toMs;
    ErrorGroupOrder order = ErrorGroupOrder::LastSeen;
    int limit = 500;
};

// Events of one group in one hour (the sparkline's bars).
struct ErrorHourCount
{
    qint64 groupId = 0;
    qint64 hourStart = 0; // ms since the epoch, a multiple of one hour
    qint64 count = 0;
};

// One occurrence, as recorded.
struct ErrorEventRecord
{
    qint64 id = 0;
    qint64 groupId = 0;
    std::optional<qint64> callId;
    QString callUuid;
    std::optional<qint64> receiptId;
    QString source;
    QString code;
    QString type;
    QString severity;
    QString message; // as reported, not masked
    QString stack;
    QString functionName; // as reported, with its version
    QString provider;
    std::optional<qint64> offsetMs; // from the call's start: where the timeline shows it
    qint64 occurredAt = 0;
};

// What the calls list can be ordered by (each with the call's id as the tie-breaker).
enum class CallOrder
{
    StartedAt,
    Provider,
    Direction,
    FromNumber,
    ToNumber,
    Agent,
    Duration,
    Status,
    Outcome,
    Functions,
    Errors
};

struct CallQuery
{
    std::optional<CallStatus> status;
    std::optional<Outcome> outcome;
    std::optional<Provider> provider;
    std::optional<qint64> fromMs;       // start time, inclusive
    std::optional<qint64> toMs;         // start time, exclusive
    QString numberSuffix;               // the last digits of the caller's or callee's number
    QString text;                       // full-text over transcripts and function payloads
    QString agent;                      // exactly this agent
    bool withErrors = false;            // only calls with at least one error
    std::optional<QList<qint64>> ids;   // only these calls (a live view's changed calls)
    std::optional<qint64> beforeSortAt; // cursor: strictly older than (beforeSortAt, beforeId)
    qint64 beforeId = 0;
    // Any other order than newest first pages with `after`: rows strictly after (afterKey, afterId)
    // in that order, where afterKey is orderKey() of the previous page's last row.
    CallOrder order = CallOrder::StartedAt;
    bool ascending = false;
    std::optional<QVariant> afterKey;
    qint64 afterId = 0;
    int limit = 50;

    bool newestFirst() const { return order == CallOrder::StartedAt && !ascending; }
};

// The raw value a call is ordered by, as the database compares it (NULL as '' or -1).
QVariant orderKey(const CallSummary &call, CallOrder order);

} // namespace CallScope
