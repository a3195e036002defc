// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "memorysecretstore.h"

#include <memory>

namespace CallScope {

// Secrets from a JSON file `{"<tenant>": {"<key>": "<value>"}}` for headless servers and tests.
// The file must be private to its owner (mode 0600 or stricter); changes are written back atomically
// with the same mode.
class FileSecretStore : public MemorySecretStore
{
public:
    static std::expected<std::unique_ptr<FileSecretStore>, QString> open(const QString &path);

    QString backendName() const override { return QStringLiteral("file"); }
    const QString &path() const { return m_path; }

protected:
    SecretDone persist(const QHash<QString, QHash<QString, QString>> &secrets) override;

private:
    explicit FileSecretStore(QString path);
    QString m_path;
};

} // namespace CallScope
