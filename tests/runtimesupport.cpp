// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtimesupport.h"

#include "runtime.h"

#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Test {

bool writeSecretsFile(const QString &path, const QByteArray &json)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size())
        return false;
    file.close();
    return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

std::expected<std::unique_ptr<Runtime>, QString> startRuntime(const DatabaseUrl &database,
                                                              const QString &secretsFile, quint16 port)
{
    Options options;
    options.database = database;
    options.listenHost = u"127.0.0.1"_s;
    options.listenPort = port;
    options.secretsFile = secretsFile;
    auto runtime = std::make_unique<Runtime>(options);
    bool started = false;
    QString failure;
    QObject::connect(runtime.get(), &Runtime::started, runtime.get(), [&] { started = true; });
    QObject::connect(runtime.get(), &Runtime::failed, runtime.get(),
                     [&](const QString &reason) { failure = reason; });
    runtime->start();
    if (!QTest::qWaitFor([&] { return started || !failure.isEmpty(); }, 20'000))
        return std::unexpected(u"the runtime did not start"_s);
    if (!failure.isEmpty())
        return std::unexpected(u"the runtime failed: "_s + failure);
    return runtime;
}

} // namespace CallScope::Test
