// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"

#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace CallScope::Test {

// callscope-server in a process of its own, with a home of its own (settings, data), on a free
// loopback port.
class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess();

    QString home() const { return m_home.path(); }
    // Written to the server's settings file (INI keys like "listener/commitDeadlineMs") before start.
    void setSetting(const QString &key, const QVariant &value);
    // Writes `json` as the secrets file (mode 0600) and passes --secrets-file.
    void setSecrets(const QByteArray &json);

    // Starts it on `database` with extra arguments; false (and a message) when it did not listen.
    bool start(const DatabaseUrl &database, const QStringList &extra = {});
    quint16 port() const { return m_port; }
    QByteArray host() const { return "127.0.0.1:" + QByteArray::number(m_port); }
    bool stop(); // SIGTERM, then waits; true when it exited 0
    void kill(); // SIGKILL
    QByteArray standardError();
    QString lastError() const { return m_error; }

    static QString databaseArgument(const DatabaseUrl &url);

    // A management command (`token create ...`) run with this server's home on `database`.
    struct Command
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Command run(const DatabaseUrl &database, const QStringList &arguments);
    // `token create --tenant SLUG --scope SCOPE`: the token, or empty (with a warning); its id (for
    // `token revoke`) in *tokenId when asked.
    QString createToken(const DatabaseUrl &database, const QString &tenant, const QString &scope,
                        QString *tokenId = nullptr);

private:
    QTemporaryDir m_home;
    std::unique_ptr<QProcess> m_process;
    QStringList m_settings;
    QString m_secretsPath;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace CallScope::Test
