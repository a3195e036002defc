// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include "logging.h"

#include <QPromise>
#include <QSet>
#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

// QtKeychain's message can name the account, never the value.
QString describe(const QKeychain::Job *job)
{
    return u"keychain error %1: %2"_s.arg(int(job->error())).arg(job->errorString());
}

template<typename Result, typename Job, typename OnFinished>
QFuture<Result> runJob(Job *job, OnFinished onFinished)
{
    auto promise = std::make_shared<QPromise<Result>>();
    promise->start();
    QFuture<Result> future = promise->future();
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, onFinished](QKeychain::Job *finished) {
        promise->addResult(onFinished(static_cast<Job *>(finished)));
        promise->finish();
    });
    job->start();
    return future;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{}

QFuture<SecretValue> KeychainSecretStore::read(const QString &tenant, const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(account(tenant, key));
    return runJob<SecretValue>(job, [](QKeychain::ReadPasswordJob *done) -> SecretValue {
        if (done->error() == QKeychain::EntryNotFound)
            return std::optional<QString>();
        if (done->error() != QKeychain::NoError) {
            // Once per kind of failure: a headless machine without a keychain would repeat it per key.
            static QSet<QString> reported;
            if (!reported.contains(done->errorString())) {
                reported.insert(done->errorString());
                qCWarning(lcSecrets).noquote()
                    << "the keychain cannot be read:" << done->errorString()
                    << "- on a server, give the secrets with --secrets-file or CALLSCOPE_SECRET_* variables";
            }
            return std::unexpected(describe(done));
        }
        return std::optional<QString>(done->textData());
    });
}

QFuture<SecretDone> KeychainSecretStore::write(const QString &tenant, const QString &key,
                                               const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(account(tenant, key));
    job->setTextData(value);
    return runJob<SecretDone>(job, [](QKeychain::WritePasswordJob *done) -> SecretDone {
        if (done->error() != QKeychain::NoError)
            return std::unexpected(describe(done));
        return {};
    });
}

QFuture<SecretDone> KeychainSecretStore::remove(const QString &tenant, const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(account(tenant, key));
    return runJob<SecretDone>(job, [](QKeychain::DeletePasswordJob *done) -> SecretDone {
        if (done->error() != QKeychain::NoError && done->error() != QKeychain::EntryNotFound)
            return std::unexpected(describe(done));
        return {};
    });
}

} // namespace CallScope
