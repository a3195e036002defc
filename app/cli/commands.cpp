// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "runtime.h"
#include "secrets/secretstore.h"
#include "store.h"
#include "storereader.h"
#include "webhookurls.h"

#include <QFile>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

CommandRunner::CommandRunner(Runtime &runtime, FILE *out, FILE *err, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_out(out)
    , m_err(err)
{}

void CommandRunner::finish(int exitCode, FILE *stream, const QString &text)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!text.isEmpty())
        std::fputs(text.toUtf8().constData(), stream);
    std::fflush(stream);
    QMetaObject::invokeMethod(
        this, [this, exitCode] { emit finished(exitCode); }, Qt::QueuedConnection);
}

void CommandRunner::usage(const QString &message)
{
    finish(2, m_err, u"callscope-server: "_s + message + u'\n' + usageText(Program::Server));
}

void CommandRunner::fail(const QString &message)
{
    finish(1, m_err, u"callscope-server: "_s + message + u'\n');
}

void CommandRunner::done(const QString &output)
{
    finish(0, m_out, output);
}

void CommandRunner::run()
{
    const Options &options = m_runtime.options();
    const QStringList &args = options.command;
    const QString tenant = options.commandOptions.value(u"tenant"_s);
    auto allowOnly = [&](const QStringList &allowed) {
        for (auto it = options.commandOptions.cbegin(); it != options.commandOptions.cend(); ++it) {
            if (!allowed.contains(it.key())) {
                usage(u"--%1 does not go with \"%2\""_s.arg(it.key(), args.mid(0, 2).join(u' ')));
                return false;
            }
        }
        return true;
    };
    auto validSlug = [&](const QString &slug) {
        if (Store::isValidSlug(slug))
            return true;
        usage(u"\"%1\" is not a tenant slug (1 to 40 of a-z, 0-9 and -)"_s.arg(slug));
        return false;
    };
    auto needTenant = [&] {
        if (tenant.isEmpty()) {
            usage(u"\"%1\" needs --tenant SLUG"_s.arg(args.mid(0, 2).join(u' ')));
            return false;
        }
        return validSlug(tenant);
    };

    const QString verb = args.value(0);
    if (verb == "tenant"_L1 && args.value(1) == "create"_L1) {
        if (args.size() != 3)
            return usage(u"usage: tenant create SLUG [--name NAME]"_s);
        if (!allowOnly({u"name"_s}) || !validSlug(args.at(2)))
            return;
        return withStore([this, slug = args.at(2), name = options.commandOptions.value(u"name"_s)] {
            tenantCreate(slug, name);
        });
    }
    if (verb == "tenant"_L1 && args.value(1) == "list"_L1) {
        if (args.size() != 2)
            return usage(u"usage: tenant list"_s);
        if (!allowOnly({}))
            return;
        return withStore([this] { tenantList(); });
    }
    if (verb == "tenant"_L1 && args.value(1) == "rename"_L1) {
        if (args.size() != 4)
            return usage(u"usage: tenant rename SLUG NAME"_s);
        if (!allowOnly({}) || !validSlug(args.at(2)))
            return;
        return withStore([this, slug = args.at(2), name = args.at(3)] { tenantRename(slug, name); });
    }
    if (verb == "tenant"_L1 && args.value(1) == "delete"_L1) {
        if (args.size() != 3)
            return usage(u"usage: tenant delete SLUG --yes"_s);
        if (!allowOnly({u"yes"_s}) || !validSlug(args.at(2)))
            return;
        // Nothing of it can be brought back: the command says so and waits for the operator's word.
        if (!options.commandOptions.contains(u"yes"_s))
            return usage(
                u"\"tenant delete %1\" deletes its calls, receipts, callbacks, errors and tokens for "
                "good; add --yes to confirm"_s.arg(args.at(2)));
        return withStore([this, slug = args.at(2)] { tenantDelete(slug); });
    }
    if (verb == "secrets"_L1 && args.value(1) == "set"_L1) {
        if (args.size() != 4)
            return usage(
                u"usage: secrets set --tenant SLUG KEY VALUE   (VALUE - reads it from standard input)"_s);
        if (!allowOnly({u"tenant"_s}) || !needTenant())
            return;
        if (!SecretStore::isKnownKey(args.at(2)))
            return usage(u"unknown secret key \"%1\"; known keys: %2"_s.arg(
                args.at(2), SecretStore::knownKeys().join(u", "_s)));
        QString value = args.at(3);
        if (value == "-"_L1) {
            QTextStream in(stdin);
            value = in.readLine();
        }
        if (value.isEmpty())
            return usage(u"the secret's value is empty"_s);
        return withStore([this, tenant, key = args.at(2), value] { secretsSet(tenant, key, value); });
    }
    if (verb == "token"_L1 && args.value(1) == "create"_L1) {
        if (args.size() != 2)
            return usage(u"usage: token create --tenant SLUG --scope ingest|read"_s);
        if (!allowOnly({u"tenant"_s, u"scope"_s}) || !needTenant())
            return;
        const QString scope = options.commandOptions.value(u"scope"_s);
        if (scope != "ingest"_L1 && scope != "read"_L1)
            return usage(u"--scope takes ingest or read"_s);
        return withStore([this, tenant, scope] { tokenCreate(tenant, scope); });
    }
    if (verb == "token"_L1 && args.value(1) == "revoke"_L1) {
        if (args.size() != 3)
            return usage(u"usage: token revoke --tenant SLUG TOKEN_ID"_s);
        if (!allowOnly({u"tenant"_s}) || !needTenant())
            return;
        return withStore([this, tenant, id = args.at(2)] { tokenRevoke(tenant, id); });
    }
    if (verb == "urls"_L1) {
        if (args.size() != 1)
            return usage(u"usage: urls [--tenant SLUG]"_s);
        if (!allowOnly({u"tenant"_s}))
            return;
        if (!tenant.isEmpty() && !needTenant())
            return;
        return urls(tenant.isEmpty() ? u"default"_s : tenant);
    }
    usage(u"unknown command \"%1\""_s.arg(args.join(u' ')));
}

void CommandRunner::withStore(std::function<void()> next)
{
    connect(&m_runtime, &Runtime::failed, this, [this](const QString &reason) { fail(reason); });
    connect(&m_runtime, &Runtime::started, this, [next = std::move(next)] { next(); });
    m_runtime.startWithoutListener();
}

void CommandRunner::tenantCreate(const QString &slug, const QString &name)
{
    m_runtime.store()->createTenant(slug, name).then(this, [this, slug](const Store::Result<Tenant> &result) {
        if (!result)
            return fail(result.error().kind == StoreError::Kind::Conflict
                            ? u"tenant \"%1\" exists already"_s.arg(slug)
                            : result.error().message);
        done(u"created tenant %1 (%2)\n"_s.arg(result->slug, result->name));
    });
}

void CommandRunner::tenantList()
{
    auto reader = StoreReader::open(m_runtime.options().database, m_runtime.store()->password());
    if (!reader)
        return fail(reader.error().message);
    auto tenants = (*reader)->tenants();
    if (!tenants)
        return fail(tenants.error().message);
    QString out;
    for (const Tenant &tenant : *tenants)
        out += tenant.slug + u'\t' + tenant.name + u'\n';
    done(out);
}

namespace {

// A store's refusal of an action on an existing tenant, in the words of the tenant commands.
QString tenantFailure(const StoreError &error, const QString &slug)
{
    return error.kind == StoreError::Kind::NotFound ? u"unknown tenant \"%1\""_s.arg(slug) : error.message;
}

} // namespace

void CommandRunner::tenantRename(const QString &slug, const QString &name)
{
    m_runtime.store()->renameTenant(slug, name).then(this, [this, slug](const Store::Result<Tenant> &result) {
        if (!result)
            return fail(tenantFailure(result.error(), slug));
        done(u"renamed tenant %1 (%2)\n"_s.arg(result->slug, result->name));
    });
}

void CommandRunner::tenantDelete(const QString &slug)
{
    m_runtime.store()->deleteTenant(slug).then(this, [this, slug](const Store::Result<bool> &result) {
        if (!result)
            return fail(tenantFailure(result.error(), slug));
        done(u"deleted tenant %1\n"_s.arg(slug));
    });
}

void CommandRunner::secretsSet(const QString &tenant, const QString &key, const QString &value)
{
    auto reader = StoreReader::open(m_runtime.options().database, m_runtime.store()->password());
    if (!reader)
        return fail(reader.error().message);
    if (!(*reader)->tenant(tenant))
        return fail(
            u"unknown tenant \"%1\"; create it first: callscope-server tenant create %1"_s.arg(tenant));
    m_runtime.secrets()->write(tenant, key, value).then(this, [this, tenant, key](const SecretDone &result) {
        if (!result)
            return fail(u"cannot store %1 for %2: %3"_s.arg(key, tenant, result.error()));
        done(u"stored %1 for tenant %2 in the %3\n"_s.arg(key, tenant, m_runtime.secrets()->backendName()));
    });
}

void CommandRunner::tokenCreate(const QString &tenant, const QString &scope)
{
    m_runtime.store()
        ->createToken(tenant, scope)
        .then(this, [this, tenant, scope](const Store::Result<Store::NewToken> &result) {
            if (!result)
                return fail(result.error().kind == StoreError::Kind::UnknownTenant
                                ? u"unknown tenant \"%1\""_s.arg(tenant)
                                : result.error().message);
            std::fprintf(m_err,
                         "created %s token %s for tenant %s; it is shown only now (revoke: token revoke "
                         "--tenant %s %s)\n",
                         qPrintable(scope), qPrintable(result->tokenId), qPrintable(tenant),
                         qPrintable(tenant), qPrintable(result->tokenId));
            done(result->token + u'\n');
        });
}

void CommandRunner::tokenRevoke(const QString &tenant, const QString &tokenId)
{
    m_runtime.store()
        ->revokeToken(tenant, tokenId)
        .then(this, [this, tokenId](const Store::Result<bool> &result) {
            if (!result)
                return fail(result.error().message);
            done(u"revoked token %1\n"_s.arg(tokenId));
        });
}

void CommandRunner::urls(const QString &tenant)
{
    const QString base = m_runtime.publicBaseUrl();
    QString out;
    for (const Provider provider : webhookProviders)
        out += u"%1\t%2\n"_s.arg(toString(provider), webhookUrl(base, tenant, provider));
    out += u"backend\t%1\n"_s.arg(eventsApiUrl(base, tenant));
    done(out);
}

} // namespace CallScope
