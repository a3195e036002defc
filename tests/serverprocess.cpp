// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Test {

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5'000);
    }
}

void ServerProcess::setSetting(const QString &key, const QVariant &value)
{
    // The path QSettings uses for organization "CallScope", application "callscope".
    const QString file = m_home.filePath(u".config/CallScope/callscope.conf"_s);
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSettings settings(file, QSettings::IniFormat);
    settings.setValue(key, value);
    settings.sync();
}

void ServerProcess::setSecrets(const QByteArray &json)
{
    m_secretsPath = m_home.filePath(u"secrets.json"_s);
    QFile file(m_secretsPath);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(json);
    file.close();
    ::chmod(QFile::encodeName(m_secretsPath).constData(), 0600);
}

QString ServerProcess::databaseArgument(const DatabaseUrl &url)
{
    if (url.isSqlite())
        return u"sqlite://"_s + url.path;
    return u"postgresql://%1@%2:%3/%4"_s.arg(url.user, url.host).arg(url.port).arg(url.database);
}

bool ServerProcess::start(const DatabaseUrl &database, const QStringList &extra)
{
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home.path());
    env.remove(u"XDG_CONFIG_HOME"_s);
    env.remove(u"XDG_DATA_HOME"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    m_process->setProcessEnvironment(env);
    QStringList arguments{u"--db"_s, databaseArgument(database), u"--listen"_s, u"127.0.0.1:0"_s};
    if (!m_secretsPath.isEmpty())
        arguments << u"--secrets-file"_s << m_secretsPath;
    m_process->start(QStringLiteral(CALLSCOPE_SERVER_BINARY), arguments + extra);
    QByteArray out;
    QDeadlineTimer deadline(20'000);
    while (!out.contains('\n') && !deadline.hasExpired() && m_process->state() != QProcess::NotRunning) {
        m_process->waitForReadyRead(100);
        out += m_process->readAllStandardOutput();
    }
    static const QRegularExpression first(u"^listening on 127\\.0\\.0\\.1:(\\d+)\n"_s);
    const auto match = first.match(QString::fromLatin1(out));
    if (!match.hasMatch()) {
        m_error =
            u"the server did not start: "_s + QString::fromLocal8Bit(out + m_process->readAllStandardError());
        return false;
    }
    m_port = quint16(match.captured(1).toUInt());
    return true;
}

bool ServerProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return false;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(15'000))
        return false;
    return m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

void ServerProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(10'000);
}

QByteArray ServerProcess::standardError()
{
    return m_process ? m_process->readAllStandardError() : QByteArray();
}

ServerProcess::Command ServerProcess::run(const DatabaseUrl &database, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_home.path());
    env.remove(u"XDG_CONFIG_HOME"_s);
    env.remove(u"XDG_DATA_HOME"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    process.setProcessEnvironment(env);
    QStringList all{u"--db"_s, databaseArgument(database)};
    if (!m_secretsPath.isEmpty())
        all << u"--secrets-file"_s << m_secretsPath;
    process.start(QStringLiteral(CALLSCOPE_SERVER_BINARY), all + arguments);
    Command result;
    if (!process.waitForFinished(30'000)) {
        process.kill();
        process.waitForFinished();
        result.err = "the command did not finish in 30 s";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString ServerProcess::createToken(const DatabaseUrl &database, const QString &tenant, const QString &scope,
                                   QString *tokenId)
{
    const Command created =
        run(database, {u"token"_s, u"create"_s, u"--tenant"_s, tenant, u"--scope"_s, scope});
    if (created.exitCode != 0) {
        qWarning("token create failed (%d): %s", created.exitCode, created.err.constData());
        return {};
    }
    if (tokenId) {
        static const QRegularExpression idPattern(u"token (\\S+) for tenant"_s);
        *tokenId = idPattern.match(QString::fromUtf8(created.err)).captured(1);
    }
    return QString::fromUtf8(created.out).trimmed();
}

} // namespace CallScope::Test
