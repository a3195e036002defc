// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentsecretstore.h"

#include <QFuture>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

EnvironmentSecretStore::EnvironmentSecretStore(std::unique_ptr<SecretStore> beneath)
    : m_beneath(std::move(beneath))
{}

QByteArray EnvironmentSecretStore::variableName(const QString &tenant, const QString &key)
{
    QByteArray name = "CALLSCOPE_SECRET_" + tenant.toUtf8() + '_' + key.toUtf8();
    for (char &c : name) {
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
        else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            c = '_';
    }
    return name;
}

QString EnvironmentSecretStore::backendName() const
{
    return m_beneath->backendName() + u"+environment"_s;
}

QFuture<SecretValue> EnvironmentSecretStore::read(const QString &tenant, const QString &key)
{
    const QByteArray name = variableName(tenant, key);
    if (qEnvironmentVariableIsSet(name.constData()))
        return QtFuture::makeReadyFuture(SecretValue(qEnvironmentVariable(name.constData())));
    return m_beneath->read(tenant, key);
}

QFuture<SecretDone> EnvironmentSecretStore::write(const QString &tenant, const QString &key,
                                                  const QString &value)
{
    return m_beneath->write(tenant, key, value);
}

QFuture<SecretDone> EnvironmentSecretStore::remove(const QString &tenant, const QString &key)
{
    return m_beneath->remove(tenant, key);
}

} // namespace CallScope
