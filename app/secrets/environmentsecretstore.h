// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

#include <memory>

namespace CallScope {

// Lets the environment override another store, for containers and service managers:
// CALLSCOPE_SECRET_<TENANT>_<KEY> with both upper-cased and every other character an underscore,
// e.g. CALLSCOPE_SECRET_DEFAULT_TWILIO_AUTHTOKEN. Writes go to the store beneath.
class EnvironmentSecretStore : public SecretStore
{
public:
    explicit EnvironmentSecretStore(std::unique_ptr<SecretStore> beneath);

    static QByteArray variableName(const QString &tenant, const QString &key);

    QString backendName() const override;
    QFuture<SecretValue> read(const QString &tenant, const QString &key) override;
    QFuture<SecretDone> write(const QString &tenant, const QString &key, const QString &value) override;
    QFuture<SecretDone> remove(const QString &tenant, const QString &key) override;

    SecretStore *beneath() const { return m_beneath.get(); }

private:
    std::unique_ptr<SecretStore> m_beneath;
};

} // namespace CallScope
