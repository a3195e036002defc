// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

namespace CallScope {

// The OS keychain through QtKeychain (Secret Service on Linux, the Keychain on macOS, the Credential
// Manager on Windows): service "CallScope", account "<tenant>/<key>". Jobs finish on the event loop
// of the thread that started them.
class KeychainSecretStore : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("CallScope"));

    QString backendName() const override { return QStringLiteral("keychain"); }
    QFuture<SecretValue> read(const QString &tenant, const QString &key) override;
    QFuture<SecretDone> write(const QString &tenant, const QString &key, const QString &value) override;
    QFuture<SecretDone> remove(const QString &tenant, const QString &key) override;

    static QString account(const QString &tenant, const QString &key) { return tenant + u'/' + key; }

private:
    QString m_service;
};

} // namespace CallScope
