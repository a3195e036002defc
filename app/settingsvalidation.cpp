// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsvalidation.h"

#include "cli/options.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLocale>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

constexpr qint64 week = 7 * 24 * 3'600'000LL;

bool hasSpace(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
}

bool hasControl(const QString &text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

bool isDnsName(const QString &text)
{
    static const QRegularExpression name(u"^(?=.{1,253}\\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                                         u"(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"_s);
    return name.match(text).hasMatch();
}

std::optional<QByteArray> readFile(const QString &path, QString &problem)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        problem = SettingsValidation::tr("%1 does not exist.").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    if (info.isDir()) {
        problem = SettingsValidation::tr("%1 is a folder, not a file.").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problem = SettingsValidation::tr("%1 cannot be read: %2")
                      .arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    // A PEM file is a few kilobytes; a huge one is the wrong file.
    return file.read(1024 * 1024);
}

} // namespace

QString SettingsValidation::port(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter a port number from 1 to 65535.");
    bool ok = false;
    const qint64 value = trimmed.toLongLong(&ok);
    if (!ok)
        return tr("“%1” is not a port number: use a whole number from 1 to 65535.").arg(trimmed);
    if (value < 1 || value > 65535)
        return tr("Port %1 is out of range: use a number from 1 to 65535.").arg(trimmed);
    return {};
}

QString SettingsValidation::listenHost(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the address to listen on, e.g. 127.0.0.1.");
    if (hasSpace(trimmed))
        return tr("“%1” contains a space: an address has none.").arg(trimmed);
    QString address = trimmed;
    if (address.startsWith(u'[') && address.endsWith(u']'))
        address = address.mid(1, address.size() - 2);
    if (address != "localhost"_L1 && QHostAddress(address).isNull())
        return tr("“%1” is not an IP address of this computer: use 127.0.0.1 (this computer only) or "
                  "0.0.0.0 (every network it is on).")
            .arg(trimmed);
    return {};
}

QString SettingsValidation::hostName(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the server's name or IP address.");
    if (hasSpace(trimmed))
        return tr("“%1” contains a space: a server name has none.").arg(trimmed);
    if (QHostAddress(trimmed).isNull() && !isDnsName(trimmed))
        return tr("“%1” is not a server name or IP address.").arg(trimmed);
    return {};
}

QString SettingsValidation::hostPort(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(u':');
    const bool bracketed = trimmed.startsWith(u'[');
    if (colon <= 0 || (bracketed && trimmed.at(colon - 1) != u']') ||
        (!bracketed && trimmed.indexOf(u':') != colon))
        return tr("“%1” is not HOST:PORT, e.g. 127.0.0.1:8787.").arg(trimmed);
    if (QString problem = listenHost(trimmed.left(colon)); !problem.isEmpty())
        return problem;
    return port(trimmed.mid(colon + 1));
}

QString SettingsValidation::httpUrl(const QString &text, bool optional)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return optional ? QString() : tr("Enter an address starting with https:// or http://.");
    const qsizetype separator = trimmed.indexOf("://"_L1);
    if (separator > 0) {
        const QString scheme = trimmed.left(separator).toLower();
        if (scheme != "http"_L1 && scheme != "https"_L1)
            return tr("“%1” is not a web address: it must start with https:// or http://, not %2://.")
                .arg(trimmed, trimmed.left(separator));
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (separator <= 0 || !url.isValid() || url.host().isEmpty() || hasSpace(trimmed))
        return tr("“%1” is not a valid web address, e.g. https://example.com/path.").arg(trimmed);
    return {};
}

QString SettingsValidation::publicBaseUrl(const QString &text)
{
    if (QString problem = httpUrl(text, true); !problem.isEmpty())
        return problem;
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (url.hasQuery() || url.hasFragment())
        return tr("The public URL cannot have a query (?…) or a fragment (#…): the webhook paths are added "
                  "to its end.");
    return {};
}

QString SettingsValidation::backoffList(const QString &text)
{
    if (text.trimmed().isEmpty())
        return tr("Enter at least one delay, e.g. 5m, 15m, 1h.");
    const QStringList parts = text.split(u',');
    for (const QString &part : parts) {
        if (part.trimmed().isEmpty())
            return tr("Leave no empty entry between the commas.");
        const auto delay = parseDurationList(part);
        if (!delay)
            return tr("“%1” is not a delay: write a number and a unit, e.g. 30s, 5m or 1h.")
                .arg(part.trimmed());
        if (delay->constFirst().count() > week)
            return tr("“%1” is longer than a week.").arg(part.trimmed());
    }
    if (parts.size() > maxRetries)
        return tr("At most %1 retries.").arg(maxRetries);
    return {};
}

QString SettingsValidation::dialUriTemplate(const QString &text)
{
    static const QRegularExpression scheme(u"^[A-Za-z][A-Za-z0-9+.-]*:"_s);
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter a dial link, e.g. tel:{number}.");
    if (!trimmed.contains("{number}"_L1))
        return tr(
            "The dial link must contain {number}, where the customer's number goes, e.g. tel:{number}.");
    if (!scheme.match(trimmed).hasMatch() || hasSpace(trimmed))
        return tr(
            "The dial link must start with a scheme such as tel:, sip: or callto:, and have no spaces.");
    return {};
}

QString SettingsValidation::certificateFile(const QString &path)
{
    if (path.trimmed().isEmpty())
        return {};
    QString problem;
    const auto data = readFile(path.trimmed(), problem);
    if (!data)
        return problem;
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(*data, QSsl::Pem);
    if (certificates.isEmpty() || certificates.constFirst().isNull())
        return tr("%1 is not a PEM certificate (a text file that starts with -----BEGIN CERTIFICATE-----).")
            .arg(QDir::toNativeSeparators(path.trimmed()));
    const QDateTime expiry = certificates.constFirst().expiryDate();
    if (expiry.isValid() && expiry < QDateTime::currentDateTimeUtc())
        return tr("The certificate expired on %1.")
            .arg(QLocale().toString(expiry.date(), QLocale::ShortFormat));
    return {};
}

QString SettingsValidation::privateKeyFile(const QString &path)
{
    if (path.trimmed().isEmpty())
        return {};
    QString problem;
    const auto data = readFile(path.trimmed(), problem);
    if (!data)
        return problem;
    // The listener loads an RSA key, else an EC key, the same way.
    if (QSslKey(*data, QSsl::Rsa, QSsl::Pem).isNull() && QSslKey(*data, QSsl::Ec, QSsl::Pem).isNull())
        return tr("%1 is not an unencrypted PEM private key (RSA or EC).")
            .arg(QDir::toNativeSeparators(path.trimmed()));
    return {};
}

QString SettingsValidation::tlsPair(const QString &certificateFile, const QString &keyFile)
{
    const bool certificate = !certificateFile.trimmed().isEmpty();
    const bool key = !keyFile.trimmed().isEmpty();
    if (certificate && !key)
        return tr("Choose the private key file too: HTTPS needs the certificate and its key.");
    if (key && !certificate)
        return tr("Choose the certificate file too: HTTPS needs the certificate and its key.");
    return {};
}

QString SettingsValidation::staffName(const QString &text)
{
    if (text.size() > maxStaffNameLength)
        return tr("At most %1 characters (this has %2).").arg(maxStaffNameLength).arg(text.size());
    if (hasControl(text))
        return tr("A name cannot contain line breaks or tabs.");
    return {};
}

QString SettingsValidation::retentionDays(int days)
{
    if (days < minRetentionDays || days > maxRetentionDays)
        return tr("Keep raw receipts for %1 to %2 days (10 years).")
            .arg(minRetentionDays)
            .arg(maxRetentionDays);
    return {};
}

QString SettingsValidation::staleCallMinutes(int minutes)
{
    if (minutes < 1 || minutes > maxStaleCallMinutes)
        return tr("Use 1 to %1 minutes (a week).").arg(maxStaleCallMinutes);
    return {};
}

QString SettingsValidation::sqlitePath(const QString &path)
{
    const QString trimmed = path.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (!QDir::isAbsolutePath(trimmed))
        return tr("“%1” is not a full path: choose the file with Browse….").arg(trimmed);
    const QFileInfo info(trimmed);
    if (info.isDir())
        return tr("%1 is a folder: choose a file name in it.").arg(QDir::toNativeSeparators(trimmed));
    if (!info.absoluteDir().exists())
        return tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath()));
    return {};
}

QString SettingsValidation::databaseName(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the name of the database.");
    if (hasSpace(trimmed) || trimmed.contains(u'/') || trimmed.contains(u'?') || trimmed.contains(u'#'))
        return tr("“%1” is not a database name: leave out spaces and the characters / ? #.").arg(trimmed);
    return {};
}

QString SettingsValidation::databaseUser(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (hasSpace(trimmed) || trimmed.contains(u'@') || trimmed.contains(u':') || trimmed.contains(u'/'))
        return tr("“%1” is not a user name: leave out spaces and the characters @ : /.").arg(trimmed);
    return {};
}

QString SettingsValidation::secretList(const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    for (const QString &part : text.split(u',')) {
        if (part.trimmed().isEmpty())
            return tr("Leave no empty entry between the commas.");
    }
    return {};
}

QString SettingsValidation::headerName(const QString &text)
{
    static const QRegularExpression token(u"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$"_s);
    const QString trimmed = text.trimmed();
    if (!trimmed.isEmpty() && !token.match(trimmed).hasMatch())
        return tr("“%1” is not an HTTP header name (letters, digits and dashes, e.g. x-signature).")
            .arg(trimmed);
    return {};
}

QString SettingsValidation::hmacTemplate(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.isEmpty() && !trimmed.contains("{body}"_L1))
        return tr("The template must contain {body}: the signature covers the webhook's body.");
    return {};
}

} // namespace CallScope
