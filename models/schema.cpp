// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

#include "logging.h"
#include "sqlconnection.h"

#include <QDateTime>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Schema {

namespace {

// Written once in a neutral dialect; {pk}, {blob} and {real} are filled per backend.
const char *const version1[] = {
    R"(CREATE TABLE tenants (
        id {pk},
        slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 40),
        name TEXT NOT NULL,
        created_at BIGINT NOT NULL))",
    R"(CREATE TABLE tenant_settings (
        tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (tenant_id, key)))",
    R"(CREATE TABLE api_tokens (
        id {pk},
        tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        token_id TEXT NOT NULL UNIQUE,
        token_hash TEXT NOT NULL,
        scope TEXT NOT NULL CHECK (scope IN ('ingest', 'read')),
        label TEXT,
        created_at BIGINT NOT NULL,
        revoked_at BIGINT,
        last_used_at BIGINT))",
    "CREATE INDEX api_tokens_tenant ON api_tokens (tenant_id, scope)",
    R"(CREATE TABLE calls (
        id {pk},
        tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        uuid TEXT NOT NULL UNIQUE,
        provider TEXT NOT NULL,
        provider_call_id TEXT NOT NULL CHECK (provider_call_id <> ''),
        twilio_call_sid TEXT,
        sip_call_id TEXT,
        backend_log_id TEXT,
        room_name TEXT,
        merged_into BIGINT REFERENCES calls(id) ON DELETE SET NULL,
        direction TEXT,
        from_number TEXT,
        to_number TEXT,
        agent TEXT,
        status TEXT NOT NULL DEFAULT 'queued',
        outcome TEXT,
        outcome_rank INTEGER NOT NULL DEFAULT -1,
        ended_reason TEXT,
        started_at BIGINT,
        ended_at BIGINT,
        duration_ms BIGINT,
        cost_cents {real},
        function_call_count INTEGER NOT NULL DEFAULT 0,
        error_count INTEGER NOT NULL DEFAULT 0,
        error_event_count INTEGER NOT NULL DEFAULT 0,
        transcript_segment_count INTEGER NOT NULL DEFAULT 0,
        event_count INTEGER NOT NULL DEFAULT 0,
        stale INTEGER NOT NULL DEFAULT 0,
        sort_at BIGINT NOT NULL,
        first_event_at BIGINT NOT NULL,
        last_event_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        UNIQUE (tenant_id, provider, provider_call_id)))",
    "CREATE INDEX calls_sort ON calls (tenant_id, sort_at, id)",
    "CREATE INDEX calls_status ON calls (tenant_id, status, last_event_at)",
    "CREATE INDEX calls_outcome ON calls (tenant_id, outcome, sort_at)",
    "CREATE INDEX calls_twilio_sid ON calls (tenant_id, twilio_call_sid)",
    "CREATE INDEX calls_sip_call_id ON calls (tenant_id, sip_call_id)",
    "CREATE INDEX calls_room_name ON calls (tenant_id, room_name)",
    "CREATE INDEX calls_from_number ON calls (tenant_id, from_number)",
    "CREATE INDEX calls_to_number ON calls (tenant_id, to_number)",
    "CREATE INDEX calls_open ON calls (status, last_event_at)",
    R"(CREATE TABLE receipts (
        id {pk},
        tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        provider TEXT NOT NULL,
        event_key TEXT NOT NULL,
        event_type TEXT,
        call_id BIGINT REFERENCES calls(id) ON DELETE SET NULL,
        status TEXT NOT NULL CHECK (status IN ('processed', 'unattributed')),
        verification TEXT NOT NULL DEFAULT 'verified' CHECK (verification IN ('verified', 'unsigned')),
        received_at BIGINT NOT NULL,
        headers TEXT NOT NULL,
        body {blob},
        UNIQUE (tenant_id, provider, event_key)))",
    "CREATE INDEX receipts_call ON receipts (call_id, received_at)",
    "CREATE INDEX receipts_received ON receipts (tenant_id, received_at)",
    // The three highest-volume tables carry tenant_id for tenant-scoped reads without a foreign key:
    // their call (or receipt) row references the tenant already, and a per-row key check cost 15% of
    // PostgreSQL's insert time. Deleting a tenant must therefore delete its rows here explicitly.
    R"(CREATE TABLE events (
        id {pk},
        tenant_id BIGINT NOT NULL,
        call_id BIGINT REFERENCES calls(id) ON DELETE CASCADE,
        receipt_id BIGINT REFERENCES receipts(id) ON DELETE SET NULL,
        seq INTEGER NOT NULL,
        provider TEXT NOT NULL,
        kind TEXT NOT NULL,
        occurred_at BIGINT NOT NULL,
        offset_ms BIGINT,
        payload TEXT NOT NULL))",
    "CREATE INDEX events_call ON events (call_id, offset_ms)",
    R"(CREATE TABLE transcript_segments (
        id {pk},
        tenant_id BIGINT NOT NULL,
        call_id BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        text TEXT NOT NULL,
        start_ms BIGINT NOT NULL,
        end_ms BIGINT,
        UNIQUE (call_id, role, start_ms)))",
    R"(CREATE TABLE function_traces (
        id {pk},
        tenant_id BIGINT NOT NULL,
        call_id BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        tool_call_id TEXT NOT NULL,
        name TEXT,
        status TEXT NOT NULL DEFAULT 'pending'
            CHECK (status IN ('pending', 'success', 'error', 'timeout')),
        arguments TEXT,
        result TEXT,
        error TEXT,
        start_offset_ms BIGINT,
        end_offset_ms BIGINT,
        started_at BIGINT,
        ended_at BIGINT,
        duration_ms BIGINT,
        UNIQUE (call_id, tool_call_id)))",
    "CREATE INDEX function_traces_name ON function_traces (tenant_id, name, started_at)",
    R"(CREATE TABLE error_groups (
        id {pk},
        tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,
        source TEXT NOT NULL,
        code TEXT,
        severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
        status TEXT NOT NULL DEFAULT 'unresolved' CHECK (status IN ('unresolved', 'resolved', 'ignored')),
        regression INTEGER NOT NULL DEFAULT 0,
        count BIGINT NOT NULL DEFAULT 0,
        affected_calls BIGINT NOT NULL DEFAULT 0,
        first_seen BIGINT NOT NULL,
        last_seen BIGINT NOT NULL,
        function_name TEXT,
        provider TEXT,
        message TEXT,
        ignore_until_count BIGINT,
        ignore_until BIGINT,
        changed_by TEXT,
        changed_at BIGINT,
        UNIQUE (tenant_id, fingerprint)))",
    "CREATE INDEX error_groups_status ON error_groups (tenant_id, status, last_seen)",
    R"(CREATE TABLE errors (
        id {pk},
        tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        group_id BIGINT NOT NULL REFERENCES error_groups(id) ON DELETE CASCADE,
        call_id BIGINT REFERENCES calls(id) ON DELETE SET NULL,
        receipt_id BIGINT REFERENCES receipts(id) ON DELETE SET NULL,
        source TEXT NOT NULL,
        code TEXT,
        type TEXT,
        severity TEXT NOT NULL,
        message TEXT,
        stack TEXT,
        function_name TEXT,
        provider TEXT,
        offset_ms BIGINT,
        occurred_at BIGINT NOT NULL))",
    "CREATE INDEX errors_group ON errors (group_id, occurred_at)",
    "CREATE INDEX errors_call ON errors (call_id)",
    R"(CREATE TABLE tool_call_logs (
        id {pk},
        tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        call_id BIGINT REFERENCES calls(id) ON DELETE CASCADE,
        tool_call_id TEXT NOT NULL,
        name TEXT,
        status TEXT NOT NULL,
        arguments TEXT,
        result TEXT,
        error TEXT,
        callback_number TEXT,
        caller_name TEXT,
        occurred_at BIGINT NOT NULL))",
    "CREATE INDEX tool_call_logs_call ON tool_call_logs (call_id, occurred_at)",
    R"(CREATE TABLE callback_requests (
        id {pk},
        tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        uuid TEXT NOT NULL UNIQUE,
        call_id BIGINT REFERENCES calls(id) ON DELETE SET NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN
            ('pending', 'posting', 'posted', 'failed', 'dead', 'cancelled', 'completed')),
        urgency TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent', 'critical')),
        urgency_rank INTEGER NOT NULL,
        callback_number TEXT NOT NULL,
        caller_name TEXT,
        concern TEXT,
        details TEXT,
        source TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT,
        claimed_by TEXT,
        claimed_at BIGINT,
        last_error TEXT,
        response TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        closed_at BIGINT,
        resolution_note TEXT,
        cancel_reason TEXT))",
    "CREATE INDEX callback_queue ON callback_requests (tenant_id, status, urgency_rank, created_at)",
    "CREATE INDEX callback_number ON callback_requests (tenant_id, callback_number)",
    "CREATE INDEX callback_due ON callback_requests (status, next_attempt_at)",
    // A customer with an open request is never queued twice.
    R"(CREATE UNIQUE INDEX callback_one_open_per_number ON callback_requests (tenant_id, callback_number)
        WHERE status IN ('pending', 'posting', 'posted', 'failed'))",
    R"(CREATE TABLE callback_attempts (
        id {pk},
        tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        callback_id BIGINT NOT NULL REFERENCES callback_requests(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        started_at BIGINT NOT NULL,
        finished_at BIGINT,
        result TEXT,
        http_status INTEGER,
        error TEXT,
        response TEXT))",
    "CREATE INDEX callback_attempts_request ON callback_attempts (callback_id, attempt)",
    R"(CREATE TABLE audit_log (
        id {pk},
        tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        at BIGINT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        detail TEXT))",
    "CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity, entity_id, at)",
    R"(CREATE TABLE delivery_stats (
        tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        provider TEXT NOT NULL,
        accepted BIGINT NOT NULL DEFAULT 0,
        duplicates BIGINT NOT NULL DEFAULT 0,
        rejected BIGINT NOT NULL DEFAULT 0,
        last_accepted_at BIGINT,
        last_rejected_at BIGINT,
        last_rejected_reason TEXT,
        PRIMARY KEY (tenant_id, provider)))",
};

// Full-text search over transcripts and function payloads. SQLite: FTS5 tables keyed by the
// turn's and the trace's id, written by the writer in one INSERT ... SELECT per transaction (FTS5
// in SQLite 3.40 flushes a segment at every statement savepoint, so row-by-row writes or triggers
// cost five times more). PostgreSQL: generated tsvector columns with GIN indexes.
const char *const version1Sqlite[] = {
    "CREATE VIRTUAL TABLE transcript_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE function_fts USING fts5(name, arguments, tokenize = 'unicode61 remove_diacritics "
    "2')",
};

const char *const version1Postgres[] = {
    R"(ALTER TABLE transcript_segments ADD COLUMN tsv tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED)",
    "CREATE INDEX transcript_segments_tsv ON transcript_segments USING GIN (tsv)",
    R"(ALTER TABLE function_traces ADD COLUMN tsv tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', COALESCE(name, '') || ' ' || COALESCE(arguments, ''))) STORED)",
    "CREATE INDEX function_traces_tsv ON function_traces USING GIN (tsv)",
};

// Step 2: staff search calls by the last digits of a number (GET /api/v1/calls?q=4711); an index on
// each number's last four characters finds the few candidates that LIKE '%<digits>' then confirms
// (the number itself is in it, so SQLite prefers it to calls_from_number), where LIKE alone reads
// every call. The same expression on both backends (SQLite's substr with a negative start would
// differ from PostgreSQL's).
const char *const version2[] = {
    "CREATE INDEX calls_from_last4 ON calls (tenant_id, (substr(from_number, length(from_number) - 3)), "
    "from_number)",
    "CREATE INDEX calls_to_last4 ON calls (tenant_id, (substr(to_number, length(to_number) - 3)), to_number)",
};

// The calls view filters newest first by status, agent or provider: an index per filter that walks
// in that order, so a rare value (the few calls in progress among a million) costs its own rows, not
// a scan of every call. The agent index also lists the agents.
const char *const version3[] = {
    "CREATE INDEX calls_status_sort ON calls (tenant_id, status, sort_at, id)",
    "CREATE INDEX calls_agent ON calls (tenant_id, agent, sort_at, id)",
    "CREATE INDEX calls_provider ON calls (tenant_id, provider, sort_at, id)",
};

// Step 4: the callback hand-off. A merged request lists every call the customer asked from
// (callback_calls); a staff retry of a dead request starts the backoff schedule again from the
// attempt it was at (schedule_start); the dispatcher claims the most urgent, oldest due request.
const char *const version4[] = {
    R"(CREATE TABLE callback_calls (
        tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        callback_id BIGINT NOT NULL REFERENCES callback_requests(id) ON DELETE CASCADE,
        call_id BIGINT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        added_at BIGINT NOT NULL,
        PRIMARY KEY (callback_id, call_id)))",
    "INSERT INTO callback_calls (tenant_id, callback_id, call_id, added_at) SELECT tenant_id, id, call_id, "
    "created_at "
    "FROM callback_requests WHERE call_id IS NOT NULL",
    "ALTER TABLE callback_requests ADD COLUMN schedule_start INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX callback_claim ON callback_requests (status, urgency_rank, created_at, id)",
    "CREATE INDEX callback_posting ON callback_requests (status, claimed_at) WHERE status = 'posting'",
};

// Step 5: the errors view. Events per group and hour, kept at ingest, draw the sparklines and count
// a time range without reading the events; groups count the distinct calls they hit; an ended
// ignore is found by its time.
const char *const version5[] = {
    R"(CREATE TABLE error_group_hours (
        tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        group_id BIGINT NOT NULL REFERENCES error_groups(id) ON DELETE CASCADE,
        hour BIGINT NOT NULL,
        count BIGINT NOT NULL,
        PRIMARY KEY (group_id, hour)))",
    "CREATE INDEX error_group_hours_time ON error_group_hours (tenant_id, hour)",
    "INSERT INTO error_group_hours (tenant_id, group_id, hour, count) SELECT tenant_id, group_id, "
    "occurred_at - occurred_at % 3600000, COUNT(*) FROM errors GROUP BY tenant_id, group_id, "
    "occurred_at - occurred_at % 3600000",
    "UPDATE error_groups SET affected_calls = (SELECT COUNT(DISTINCT call_id) FROM errors "
    "WHERE errors.group_id = error_groups.id)",
    "CREATE INDEX errors_call_group ON errors (call_id, group_id)",
    "DROP INDEX errors_call", // the one above serves it
    "CREATE INDEX error_groups_ignore ON error_groups (ignore_until) WHERE status = 'ignored'",
};

// Step 6: tenants can be deleted, and raw receipts expire.
// * Deleting a tenant deletes its receipts and calls row by row, and for every row the database looks
//   for the rows that reference it: without an index on each referencing column that is a scan of the
//   whole table per row (2000 receipts against 200 000 events of another tenant: 30 s instead of
//   15 ms). The partial indexes cover columns that are mostly NULL.
// * A deleted tenant is remembered: its audit rows went with it, and on SQLite, whose rowids are the
//   highest plus one, its id is never given to a new tenant (a cached id must not name another tenant).
// * The retention sweep finds the receipts that still carry a body, oldest first, without walking
//   the ones it pruned before.
const char *const version6[] = {
    "CREATE INDEX events_receipt ON events (receipt_id)",
    "CREATE INDEX errors_receipt ON errors (receipt_id) WHERE receipt_id IS NOT NULL",
    "CREATE INDEX calls_merged_into ON calls (merged_into) WHERE merged_into IS NOT NULL",
    "CREATE INDEX callback_requests_call ON callback_requests (call_id) WHERE call_id IS NOT NULL",
    "CREATE INDEX callback_calls_call ON callback_calls (call_id)",
    "CREATE INDEX receipts_with_body ON receipts (received_at) WHERE body IS NOT NULL",
    R"(CREATE TABLE deleted_tenants (
        tenant_id BIGINT PRIMARY KEY,
        slug TEXT NOT NULL,
        name TEXT NOT NULL,
        deleted_at BIGINT NOT NULL))",
};

QString dialect(const char *sql, DatabaseUrl::Backend backend)
{
    QString text = QString::fromUtf8(sql);
    if (backend == DatabaseUrl::Backend::Sqlite) {
        text.replace("{pk}"_L1, "INTEGER PRIMARY KEY"_L1);
        text.replace("{blob}"_L1, "BLOB"_L1);
        text.replace("{real}"_L1, "REAL"_L1);
    } else {
        text.replace("{pk}"_L1, "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_L1);
        text.replace("{blob}"_L1, "BYTEA"_L1);
        text.replace("{real}"_L1, "DOUBLE PRECISION"_L1);
    }
    return text;
}

template<std::size_t N>
void append(QStringList &out, const char *const (&sql)[N], DatabaseUrl::Backend backend)
{
    for (const char *statement : sql)
        out << dialect(statement, backend);
}

} // namespace

int latestVersion()
{
    return 6;
}

QStringList statements(int version, DatabaseUrl::Backend backend)
{
    QStringList out;
    switch (version) {
    case 1:
        append(out, version1, backend);
        if (backend == DatabaseUrl::Backend::Sqlite)
            append(out, version1Sqlite, backend);
        else
            append(out, version1Postgres, backend);
        break;
    case 2:
        append(out, version2, backend);
        break;
    case 3:
        append(out, version3, backend);
        break;
    case 4:
        append(out, version4, backend);
        break;
    case 5:
        append(out, version5, backend);
        break;
    case 6:
        append(out, version6, backend);
        break;
    default:
        break;
    }
    return out;
}

std::expected<int, StoreError> currentVersion(QSqlDatabase &db)
{
    if (!db.tables().contains(u"schema_migrations"_s))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s) || !query.next())
        return std::unexpected(SqlConnection::errorFrom(query));
    return query.value(0).toInt();
}

std::expected<int, StoreError> migrate(QSqlDatabase &db, DatabaseUrl::Backend backend, int targetVersion)
{
    const int target = targetVersion < 0 ? latestVersion() : targetVersion;
    const bool sqlite = backend == DatabaseUrl::Backend::Sqlite;

    // Serialise concurrent starts: two desktops opening one PostgreSQL database, or two processes
    // opening one SQLite file, must not both run a step.
    if (auto begun = SqlConnection::exec(db, sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s); !begun)
        return std::unexpected(begun.error());
    auto rollback = [&db](StoreError error) {
        SqlConnection::exec(db, u"ROLLBACK"_s);
        error.kind = error.kind == StoreError::Kind::Unavailable ? error.kind : StoreError::Kind::Migration;
        return std::unexpected(error);
    };
    if (!sqlite) {
        if (auto locked = SqlConnection::exec(db, u"SELECT pg_advisory_xact_lock(7431001)"_s); !locked)
            return rollback(locked.error());
    }
    if (auto created = SqlConnection::exec(
            db,
            u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"_s);
        !created)
        return rollback(created.error());

    QSqlQuery query(db);
    if (!query.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s) || !query.next())
        return rollback(SqlConnection::errorFrom(query));
    const int current = query.value(0).toInt();
    query.finish();
    if (current > latestVersion()) {
        return rollback(StoreError{StoreError::Kind::Migration,
                                   u"the database is at schema version %1, newer than this CallScope (%2); "
                                   "update CallScope"_s.arg(current)
                                       .arg(latestVersion())});
    }

    for (int version = current + 1; version <= target; ++version) {
        for (const QString &statement : statements(version, backend)) {
            if (auto done = SqlConnection::exec(db, statement); !done) {
                StoreError error = done.error();
                error.message = u"schema step %1: %2"_s.arg(version).arg(error.message);
                return rollback(error);
            }
        }
        QSqlQuery record(db);
        record.prepare(u"INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"_s);
        record.addBindValue(version);
        record.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (auto done = SqlConnection::exec(record); !done)
            return rollback(done.error());
        qCInfo(lcStore) << "applied schema step" << version;
    }
    if (auto committed = SqlConnection::exec(db, u"COMMIT"_s); !committed)
        return rollback(committed.error());
    return std::max(current, target);
}

} // namespace CallScope::Schema
