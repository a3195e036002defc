// SPDX-License-Identifier: GPL-3.0-or-later
#include "store.h"

#include "logging.h"
#include "projector.h"
#include "schema.h"
#include "sqlconnection.h"
#include "writecontext.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <future>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

// A group is bounded so that one commit never holds the waiters of the first write for long.
constexpr int maxGroupWeight = 20'000;
constexpr int maxGroupWrites = 2'000;

} // namespace

// The writer thread: owns the write connection and turns the queue into group transactions.
class StoreWriter
{
public:
    StoreWriter(Store *store, DatabaseUrl url, QString password)
        : m_store(store)
        , m_url(std::move(url))
        , m_password(std::move(password))
        , m_connectionName(SqlConnection::uniqueName(u"writer"_s))
    {}

    ~StoreWriter() { stop(); }

    std::expected<void, StoreError> start()
    {
        std::promise<std::expected<void, StoreError>> opened;
        auto openedFuture = opened.get_future();
        m_thread.reset(QThread::create([this, &opened] { run(opened); }));
        m_thread->setObjectName(u"callscope-writer"_s);
        m_thread->start();
        auto result = openedFuture.get();
        if (!result) {
            m_thread->wait();
            m_thread.reset();
        }
        return result;
    }

    bool enqueue(Store::PendingWrite &write)
    {
        QMutexLocker lock(&m_mutex);
        if (m_stopping || !m_thread)
            return false;
        m_queue.append(std::move(write));
        m_wake.wakeOne();
        return true;
    }

    void stop()
    {
        {
            QMutexLocker lock(&m_mutex);
            m_stopping = true;
            m_wake.wakeAll();
        }
        if (m_thread) {
            m_thread->wait();
            m_thread.reset();
        }
    }

    int queueDepth()
    {
        QMutexLocker lock(&m_mutex);
        return int(m_queue.size());
    }

    std::atomic<quint64> groups = 0;
    std::atomic<quint64> writes = 0;
    std::atomic<quint64> groupSizes[std::size(Store::groupSizeBounds)] = {};

private:
    void run(std::promise<std::expected<void, StoreError>> &opened)
    {
        if (auto ready = openConnection(); !ready) {
            opened.set_value(std::unexpected(ready.error()));
            return;
        }
        opened.set_value({});

        for (;;) {
            QList<Store::PendingWrite> group;
            {
                QMutexLocker lock(&m_mutex);
                while (m_queue.isEmpty() && !m_stopping)
                    m_wake.wait(&m_mutex);
                if (m_queue.isEmpty())
                    break; // stopping, and everything accepted has been answered
                int weight = 0;
                while (!m_queue.isEmpty() && group.size() < maxGroupWrites &&
                       (group.isEmpty() || weight + m_queue.first().weight <= maxGroupWeight)) {
                    weight += m_queue.first().weight;
                    group.append(m_queue.takeFirst());
                }
            }
            process(group);
        }
        m_context.reset();
        SqlConnection::close(m_connectionName);
    }

    std::expected<void, StoreError> openConnection()
    {
        m_context.reset();
        SqlConnection::close(m_connectionName);
        auto db = SqlConnection::open(m_url, m_password, m_connectionName, SqlConnection::Role::Writer);
        if (!db)
            return std::unexpected(db.error());
        if (auto migrated = Schema::migrate(*db, m_url.backend); !migrated)
            return std::unexpected(migrated.error());
        m_context = std::make_unique<WriteContext>(*db, m_url.backend);
        m_context->setErrorSeverities(Store::defaultErrorSeverities());
        return {};
    }

    // One transaction over the whole group. On failure nothing of it remains.
    std::expected<StoreChanges, StoreError> runGroup(QList<Store::PendingWrite> &group)
    {
        if (!m_context) {
            if (auto reopened = openConnection(); !reopened)
                return std::unexpected(reopened.error());
        }
        WriteContext &context = *m_context;
        if (auto begun = context.begin(); !begun)
            return std::unexpected(begun.error());
        for (Store::PendingWrite &write : group) {
            if (!write.stage)
                continue;
            if (auto staged = write.stage(context); !staged) {
                context.rollback();
                return std::unexpected(staged.error());
            }
        }
        if (auto resolved = context.resolveStaged(); !resolved) {
            context.rollback();
            return std::unexpected(resolved.error());
        }
        for (Store::PendingWrite &write : group) {
            if (auto done = write.run(context); !done) {
                context.rollback();
                return std::unexpected(done.error());
            }
        }
        StoreChanges changes = context.changes();
        if (auto committed = context.commit(); !committed) {
            context.rollback();
            return std::unexpected(committed.error());
        }
        return changes;
    }

    void process(QList<Store::PendingWrite> &group)
    {
        auto result = runGroup(group);
        if (result) {
            finish(group, *result);
            return;
        }
        const StoreError error = result.error();
        if (error.kind == StoreError::Kind::Unavailable) {
            // The connection is gone: answer "unavailable" (providers retry; idempotency keys make a
            // retry of a write whose COMMIT did land a duplicate) and reconnect for the next group.
            qCWarning(lcStore) << "store unavailable:" << error.message;
            m_context.reset();
            for (Store::PendingWrite &write : group)
                write.fail(error);
            return;
        }
        if (group.size() == 1) {
            group.first().fail(error);
            return;
        }
        // One write spoiled the group: run each alone, so only the faulty one fails.
        for (Store::PendingWrite &write : group) {
            QList<Store::PendingWrite> single;
            single.append(std::move(write));
            auto alone = runGroup(single);
            if (alone)
                finish(single, *alone);
            else
                single.first().fail(alone.error());
        }
    }

    void finish(QList<Store::PendingWrite> &group, const StoreChanges &changes)
    {
        groups.fetch_add(1, std::memory_order_relaxed);
        writes.fetch_add(quint64(group.size()), std::memory_order_relaxed);
        for (size_t i = 0; i < std::size(Store::groupSizeBounds); ++i) {
            if (group.size() <= Store::groupSizeBounds[i])
                groupSizes[i].fetch_add(1, std::memory_order_relaxed);
        }
        for (Store::PendingWrite &write : group)
            write.succeed();
        if (!changes.isEmpty())
            m_store->publish(changes);
    }

    Store *m_store;
    DatabaseUrl m_url;
    QString m_password;
    QString m_connectionName;
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<WriteContext> m_context;

    QMutex m_mutex;
    QWaitCondition m_wake;
    QList<Store::PendingWrite> m_queue;
    bool m_stopping = false;
};

Store::Store(const DatabaseUrl &url, const QString &password, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_password(password)
{
    qRegisterMetaType<CallScope::StoreChanges>();
}

Store::~Store()
{
    stop();
}

Store::Result<std::unique_ptr<Store>> Store::open(const DatabaseUrl &url, const QString &password,
                                                  QObject *parent)
{
    std::unique_ptr<Store> store(new Store(url, password, parent));
    store->m_writer = std::make_unique<StoreWriter>(store.get(), url, password);
    if (auto started = store->m_writer->start(); !started)
        return std::unexpected(started.error());
    auto ensured = store->ensureTenants({u"default"_s});
    ensured.waitForFinished();
    if (const auto result = ensured.result(); !result)
        return std::unexpected(result.error());
    return store;
}

void Store::enqueue(PendingWrite write)
{
    if (!m_writer || !m_writer->enqueue(write))
        write.fail(StoreError{StoreError::Kind::ShuttingDown, u"the store is shutting down"_s});
}

void Store::publish(const StoreChanges &changes)
{
    QMetaObject::invokeMethod(
        this, [this, changes] { emit changed(changes); }, Qt::QueuedConnection);
}

int Store::queueDepth() const
{
    return m_writer ? m_writer->queueDepth() : 0;
}

quint64 Store::committedGroups() const
{
    return m_writer ? m_writer->groups.load(std::memory_order_relaxed) : 0;
}

QList<quint64> Store::groupSizeBuckets() const
{
    QList<quint64> out;
    for (size_t i = 0; i < std::size(groupSizeBounds); ++i)
        out.append(m_writer ? m_writer->groupSizes[i].load(std::memory_order_relaxed) : 0);
    return out;
}

quint64 Store::committedWrites() const
{
    return m_writer ? m_writer->writes.load(std::memory_order_relaxed) : 0;
}

void Store::stop()
{
    if (m_writer)
        m_writer->stop();
}

namespace {

// What a probe's throwaway connection says: the server's version, or the driver's own words.
std::expected<QString, StoreError> probeVersion(const DatabaseUrl &url, const QString &password)
{
    const QString name = SqlConnection::uniqueName(u"probe"_s);
    std::expected<QString, StoreError> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(url.isSqlite() ? u"QSQLITE"_s : u"QPSQL"_s, name);
        if (url.isSqlite()) {
            // A file that does not exist yet is not created by a probe: the version comes from a
            // database in memory, and the folder was checked by the caller.
            const bool exists = QFileInfo::exists(url.path);
            db.setDatabaseName(exists ? url.path : u":memory:"_s);
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        } else {
            db.setHostName(url.host);
            db.setPort(url.port);
            db.setDatabaseName(url.database);
            db.setUserName(url.user);
            if (!password.isEmpty())
                db.setPassword(password);
            db.setConnectOptions(u"connect_timeout=5;application_name=callscope"_s);
        }
        const auto driverText = [](const QSqlError &error) {
            // libpq's and SQLite's own message; Qt's generic "Unable to connect" only when there is none.
            const QString text = error.databaseText().trimmed();
            return text.isEmpty() ? error.text().trimmed() : text;
        };
        if (!db.open()) {
            result = std::unexpected(StoreError{StoreError::Kind::Unavailable, driverText(db.lastError())});
        } else {
            QSqlQuery query(db);
            // SQLite reads the file only for a statement that needs its schema ("file is not a database").
            const bool read =
                query.exec(url.isSqlite() ? u"SELECT sqlite_version(), (SELECT COUNT(*) FROM sqlite_master)"_s
                                          : u"SHOW server_version"_s) &&
                query.next();
            if (!read)
                result =
                    std::unexpected(StoreError{StoreError::Kind::Unavailable, driverText(query.lastError())});
            else // "15.5 (Debian 15.5-0+deb12u1)": the number only
                result = (url.isSqlite() ? u"SQLite "_s : u"PostgreSQL "_s) +
                         query.value(0).toString().section(u' ', 0, 0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

Store::Result<QString> Store::probe(const DatabaseUrl &url, const QString &password, bool migrate)
{
    const QString secret = password.isEmpty() ? url.password : password;
    if (url.isSqlite()) {
        // Store::open makes a missing folder; a probe answers for the path as it was typed, so a typo
        // is an error here instead of a new folder somewhere.
        const QFileInfo file(url.path);
        const QFileInfo folder(file.absolutePath());
        if (!folder.isDir())
            return std::unexpected(StoreError{StoreError::Kind::Unavailable,
                                              u"the folder %1 does not exist"_s.arg(folder.filePath())});
        if (file.isDir())
            return std::unexpected(StoreError{StoreError::Kind::Unavailable,
                                              u"%1 is a folder, not a file"_s.arg(file.filePath())});
        // SQLite writes its -wal and -shm files beside the database.
        if (!folder.isWritable())
            return std::unexpected(StoreError{StoreError::Kind::Unavailable,
                                              u"the folder %1 is not writable"_s.arg(folder.filePath())});
        if (file.exists() && !file.isWritable())
            return std::unexpected(
                StoreError{StoreError::Kind::Unavailable, u"%1 is not writable"_s.arg(file.filePath())});
    }
    auto version = probeVersion(url, secret);
    if (!version || !migrate)
        return version;
    auto store = open(url, secret);
    if (!store)
        return std::unexpected(store.error());
    (*store)->stop();
    return version;
}

bool Store::isValidSlug(QStringView slug)
{
    static const QRegularExpression pattern(u"^[a-z0-9-]{1,40}$"_s);
    return pattern.match(slug.toString()).hasMatch();
}

void Store::deliver(std::function<void()> completion)
{
    bool first = false;
    {
        QMutexLocker lock(&m_mailboxLock);
        first = m_mailbox.empty();
        m_mailbox.push_back(std::move(completion));
    }
    if (first)
        QMetaObject::invokeMethod(this, &Store::drainMailbox, Qt::QueuedConnection);
}

void Store::drainMailbox()
{
    std::vector<std::function<void()>> completions;
    {
        QMutexLocker lock(&m_mailboxLock);
        completions.swap(m_mailbox);
    }
    for (auto &completion : completions)
        completion();
}

void Store::ingest(IngestSubmission submission, IngestCallback done)
{
    int weight = 0;
    for (const IngestUnit &unit : std::as_const(submission.units))
        weight += 1 + int(unit.events.size());
    auto shared = std::make_shared<const IngestSubmission>(std::move(submission));
    auto staged = std::make_shared<Projector::Staged>();
    auto result = std::make_shared<std::optional<IngestResult>>();
    auto callback = std::make_shared<IngestCallback>(std::move(done));
    PendingWrite pending;
    pending.weight = weight;
    pending.stage = [shared, staged](WriteContext &context) -> std::expected<void, StoreError> {
        auto stagedResult = Projector::stage(context, *shared);
        if (!stagedResult)
            return std::unexpected(stagedResult.error());
        *staged = std::move(*stagedResult);
        return {};
    };
    pending.run = [shared, staged, result](WriteContext &context) -> std::expected<void, StoreError> {
        auto applied = Projector(context).apply(*staged, *shared);
        if (!applied)
            return std::unexpected(applied.error());
        *result = std::move(*applied);
        return {};
    };
    pending.succeed = [this, result, callback] {
        deliver([result, callback] { (*callback)(Result<IngestResult>(**result)); });
    };
    pending.fail = [this, callback](const StoreError &error) {
        deliver([error, callback] { (*callback)(Result<IngestResult>(std::unexpected(error))); });
    };
    enqueue(std::move(pending));
}

QFuture<Store::Result<IngestResult>> Store::ingest(IngestSubmission submission)
{
    int weight = 0;
    for (const IngestUnit &unit : std::as_const(submission.units))
        weight += 1 + int(unit.events.size());
    auto shared = std::make_shared<const IngestSubmission>(std::move(submission));
    auto staged = std::make_shared<Projector::Staged>();
    return write<IngestResult>(
        [shared, staged](WriteContext &context) -> std::expected<void, StoreError> {
            auto result = Projector::stage(context, *shared);
            if (!result)
                return std::unexpected(result.error());
            *staged = std::move(*result);
            return {};
        },
        [shared, staged](WriteContext &context) -> Result<IngestResult> {
            return Projector(context).apply(*staged, *shared);
        },
        weight);
}

QFuture<Store::Result<Tenant>> Store::createTenant(const QString &slug, const QString &name)
{
    return write<Tenant>([slug, name](WriteContext &context) -> Result<Tenant> {
        if (!isValidSlug(slug))
            return std::unexpected(StoreError{StoreError::Kind::InvalidArgument,
                                              u"a tenant slug is 1 to 40 of a-z, 0-9 and -"_s});
        if (context.tenantId(slug))
            return std::unexpected(
                StoreError{StoreError::Kind::Conflict, u"tenant \"%1\" exists"_s.arg(slug)});
        return context.insertTenant(slug, name.isEmpty() ? slug : name, QDateTime::currentMSecsSinceEpoch());
    });
}

QFuture<Store::Result<QList<Tenant>>> Store::ensureTenants(const QStringList &slugs)
{
    return write<QList<Tenant>>([slugs](WriteContext &context) -> Result<QList<Tenant>> {
        QList<Tenant> created;
        for (const QString &slug : slugs) {
            if (!isValidSlug(slug))
                return std::unexpected(
                    StoreError{StoreError::Kind::InvalidArgument,
                               u"\"%1\" is not a tenant slug (1 to 40 of a-z, 0-9 and -)"_s.arg(slug)});
            if (context.tenantId(slug))
                continue;
            auto tenant = context.insertTenant(slug, slug, QDateTime::currentMSecsSinceEpoch());
            if (!tenant)
                return std::unexpected(tenant.error());
            created.append(*tenant);
        }
        return created;
    });
}

namespace {

// A slug the store does not know, in the words of an action on an existing tenant.
StoreError tenantNotFound(const StoreError &error, const QString &slug)
{
    if (error.kind != StoreError::Kind::UnknownTenant)
        return error;
    return StoreError{StoreError::Kind::NotFound, u"no tenant \"%1\""_s.arg(slug)};
}

} // namespace

QFuture<Store::Result<Tenant>> Store::renameTenant(const QString &slug, const QString &name)
{
    const QString trimmed = name.trimmed();
    return write<Tenant>([slug, trimmed](WriteContext &context) -> Result<Tenant> {
        if (trimmed.isEmpty() || trimmed.size() > 100)
            return std::unexpected(
                StoreError{StoreError::Kind::InvalidArgument, u"a tenant's name is 1 to 100 characters"_s});
        auto tenant = context.tenantId(slug);
        if (!tenant)
            return std::unexpected(tenantNotFound(tenant.error(), slug));
        auto update = context.prepared(u"UPDATE tenants SET name = ? WHERE id = ? RETURNING created_at"_s);
        if (!update)
            return std::unexpected(update.error());
        (*update)->bind(0, trimmed);
        (*update)->bind(1, *tenant);
        if (auto done = (*update)->exec(); !done)
            return std::unexpected(done.error());
        if (!(*update)->next())
            return std::unexpected(StoreError{StoreError::Kind::NotFound, u"no tenant \"%1\""_s.arg(slug)});
        const Tenant renamed{TenantId{*tenant}, slug, trimmed, (*update)->int64(0)};
        (*update)->finish();
        context.changes().tenantIds.insert(*tenant);
        context.changes().kinds |= StoreChanges::Tenants;
        return renamed;
    });
}

QFuture<Store::Result<bool>> Store::deleteTenant(const QString &slug)
{
    return write<bool>([slug](WriteContext &context) -> Result<bool> {
        // Unrouted webhooks and the desktop's first start need it.
        if (slug == "default"_L1)
            return std::unexpected(
                StoreError{StoreError::Kind::Conflict, u"the tenant \"default\" cannot be deleted"_s});
        auto tenant = context.tenantId(slug);
        if (!tenant)
            return std::unexpected(tenantNotFound(tenant.error(), slug));
        if (auto deleted = context.deleteTenant(*tenant, slug); !deleted)
            return std::unexpected(deleted.error());
        return true;
    });
}

QFuture<Store::Result<bool>> Store::recordRejectedDeliveries(TenantId tenant, const QString &provider,
                                                             qint64 count, qint64 atMs, const QString &reason)
{
    return write<bool>([=](WriteContext &context) -> Result<bool> {
        if (!tenant.isValid() || provider.isEmpty() || count < 1)
            return std::unexpected(
                StoreError{StoreError::Kind::InvalidArgument,
                           u"rejected deliveries need a tenant, a provider and a count"_s});
        // The listener's tenant may have been deleted since it counted: then nothing is written (and
        // the group is not spoilt by a foreign key).
        if (auto done = context.execute(
                u"INSERT INTO delivery_stats (tenant_id, provider, rejected, last_rejected_at, "
                "last_rejected_reason) SELECT CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? "
                "AS BIGINT), "
                "CAST(? AS TEXT) WHERE EXISTS (SELECT 1 FROM tenants WHERE id = ?) "
                "ON CONFLICT (tenant_id, provider) DO UPDATE SET "
                "rejected = delivery_stats.rejected + excluded.rejected, "
                "last_rejected_reason = CASE WHEN delivery_stats.last_rejected_at IS NULL OR "
                "excluded.last_rejected_at >= delivery_stats.last_rejected_at "
                "THEN excluded.last_rejected_reason ELSE delivery_stats.last_rejected_reason END, "
                "last_rejected_at = CASE WHEN delivery_stats.last_rejected_at IS NULL OR "
                "excluded.last_rejected_at > delivery_stats.last_rejected_at "
                "THEN excluded.last_rejected_at ELSE delivery_stats.last_rejected_at END"_s,
                {tenant.value, provider, count, atMs, nullable(reason), tenant.value});
            !done)
            return std::unexpected(done.error());
        return true;
    });
}

QFuture<Store::Result<bool>> Store::recordTokenUse(const QHash<QString, qint64> &lastUsedMs)
{
    return write<bool>([lastUsedMs](WriteContext &context) -> Result<bool> {
        for (auto it = lastUsedMs.constBegin(); it != lastUsedMs.constEnd(); ++it) {
            if (auto done = context.execute(u"UPDATE api_tokens SET last_used_at = ? WHERE token_id = ? "
                                            "AND (last_used_at IS NULL OR last_used_at < ?)"_s,
                                            {it.value(), it.key(), it.value()});
                !done)
                return std::unexpected(done.error());
        }
        return true;
    });
}

} // namespace CallScope

namespace CallScope {

QFuture<Store::Result<Store::NewToken>> Store::createToken(const QString &tenantSlug, const QString &scope,
                                                           const QString &label)
{
    // Generated outside the job: a retried group must store the token it will return.
    auto random = [](int bytes) {
        QByteArray raw(bytes, Qt::Uninitialized);
        QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                             reinterpret_cast<quint32 *>(raw.data() + raw.size()));
        return QString::fromLatin1(raw.toHex());
    };
    NewToken token;
    token.tokenId = random(8);
    token.token = u"cs_%1_%2_%3"_s.arg(scope, token.tokenId, random(24));
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(token.token.toUtf8(), QCryptographicHash::Sha256).toHex());
    return write<NewToken>(
        [tenantSlug, scope, label, token, hash](WriteContext &context) -> Result<NewToken> {
            if (scope != "ingest"_L1 && scope != "read"_L1)
                return std::unexpected(
                    StoreError{StoreError::Kind::InvalidArgument, u"a token's scope is ingest or read"_s});
            auto tenant = context.tenantId(tenantSlug);
            if (!tenant)
                return std::unexpected(tenant.error());
            auto insert = context.prepared(
                u"INSERT INTO api_tokens (tenant_id, token_id, token_hash, scope, label, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)"_s);
            if (!insert)
                return std::unexpected(insert.error());
            const QVariantList values{*tenant,
                                      token.tokenId,
                                      hash,
                                      scope,
                                      label.isEmpty() ? QVariant() : QVariant(label),
                                      QDateTime::currentMSecsSinceEpoch()};
            for (int i = 0; i < values.size(); ++i)
                (*insert)->bind(i, values.at(i));
            if (auto done = (*insert)->exec(); !done)
                return std::unexpected(done.error());
            context.changes().tenantIds.insert(*tenant);
            context.changes().kinds |= StoreChanges::Tokens;
            return token;
        });
}

QFuture<Store::Result<bool>> Store::revokeToken(const QString &tenantSlug, const QString &tokenId)
{
    return write<bool>([tenantSlug, tokenId](WriteContext &context) -> Result<bool> {
        auto tenant = context.tenantId(tenantSlug);
        if (!tenant)
            return std::unexpected(tenant.error());
        auto update =
            context.prepared(u"UPDATE api_tokens SET revoked_at = ? WHERE tenant_id = ? AND token_id = ? "
                             "AND revoked_at IS NULL RETURNING id"_s);
        if (!update)
            return std::unexpected(update.error());
        (*update)->bind(0, QDateTime::currentMSecsSinceEpoch());
        (*update)->bind(1, *tenant);
        (*update)->bind(2, tokenId);
        if (auto done = (*update)->exec(); !done)
            return std::unexpected(done.error());
        const bool revoked = (*update)->next();
        (*update)->finish();
        if (!revoked)
            return std::unexpected(
                StoreError{StoreError::Kind::NotFound,
                           u"no active token %1 for tenant \"%2\""_s.arg(tokenId, tenantSlug)});
        context.changes().tenantIds.insert(*tenant);
        context.changes().kinds |= StoreChanges::Tokens;
        return true;
    });
}

} // namespace CallScope
