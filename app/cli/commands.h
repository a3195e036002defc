// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <cstdio>

namespace CallScope {

class Runtime;

// The commands of callscope-server (tenant, secrets, token, urls). run() validates the command
// line (exit 2 on a usage error), opens what the command needs and emits finished(exitCode).
class CommandRunner : public QObject
{
    Q_OBJECT

public:
    CommandRunner(Runtime &runtime, FILE *out = stdout, FILE *err = stderr, QObject *parent = nullptr);
    void run();

signals:
    void finished(int exitCode);

private:
    void finish(int exitCode, FILE *stream, const QString &text);
    void usage(const QString &message);
    void fail(const QString &message);
    void done(const QString &output = {});
    void withStore(std::function<void()> next);
    void tenantCreate(const QString &slug, const QString &name);
    void tenantList();
    void tenantRename(const QString &slug, const QString &name);
    void tenantDelete(const QString &slug);
    void secretsSet(const QString &tenant, const QString &key, const QString &value);
    void tokenCreate(const QString &tenant, const QString &scope);
    void tokenRevoke(const QString &tenant, const QString &tokenId);
    void urls(const QString &tenant);

    Runtime &m_runtime;
    FILE *m_out;
    FILE *m_err;
    bool m_finished = false;
};

} // namespace CallScope
