// SPDX-License-Identifier: GPL-3.0-or-later
#include "filesecretstore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

FileSecretStore::FileSecretStore(QString path)
    : m_path(std::move(path))
{}

std::expected<std::unique_ptr<FileSecretStore>, QString> FileSecretStore::open(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return std::unexpected(
            u"cannot read the secrets file %1: %2"_s.arg(path, QString::fromLocal8Bit(strerror(errno))));
    if (!S_ISREG(info.st_mode))
        return std::unexpected(u"the secrets file %1 is not a regular file"_s.arg(path));
    if ((info.st_mode & 077) != 0)
        return std::unexpected(
            u"the secrets file %1 is readable by others (mode %2); run: chmod 600 %1"_s.arg(path).arg(
                info.st_mode & 0777, 4, 8, QLatin1Char('0')));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(u"cannot read the secrets file %1: %2"_s.arg(path, file.errorString()));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(
            u"the secrets file %1 is not JSON: %2 at offset %3"_s.arg(path, error.errorString())
                .arg(error.offset));
    if (!document.isObject())
        return std::unexpected(
            u"the secrets file %1 must hold an object of tenants: {\"default\": {\"key\": \"value\"}}"_s.arg(
                path));

    std::unique_ptr<FileSecretStore> store(new FileSecretStore(path));
    const QJsonObject tenants = document.object();
    for (auto tenant = tenants.begin(); tenant != tenants.end(); ++tenant) {
        if (!tenant.value().isObject())
            return std::unexpected(
                u"the secrets file %1: tenant \"%2\" must map keys to strings"_s.arg(path, tenant.key()));
        const QJsonObject keys = tenant.value().toObject();
        for (auto key = keys.begin(); key != keys.end(); ++key) {
            if (!key.value().isString())
                return std::unexpected(
                    u"the secrets file %1: %2/%3 must be a string"_s.arg(path, tenant.key(), key.key()));
            store->set(tenant.key(), key.key(), key.value().toString());
        }
        if (keys.isEmpty())
            store->m_secrets[tenant.key()];
    }
    return store;
}

SecretDone FileSecretStore::persist(const QHash<QString, QHash<QString, QString>> &secrets)
{
    QJsonObject root;
    for (auto tenant = secrets.begin(); tenant != secrets.end(); ++tenant) {
        QJsonObject keys;
        for (auto key = tenant->begin(); key != tenant->end(); ++key)
            keys.insert(key.key(), key.value());
        root.insert(tenant.key(), keys);
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(u"cannot write the secrets file %1: %2"_s.arg(m_path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return std::unexpected(u"cannot write the secrets file %1: %2"_s.arg(m_path, file.errorString()));
    return {};
}

} // namespace CallScope
