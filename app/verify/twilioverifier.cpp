// SPDX-License-Identifier: GPL-3.0-or-later
#include "verifier.h"
#include "verifysupport.h"

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Verify {

namespace {

using Parameter = std::pair<QByteArray, QByteArray>;

// application/x-www-form-urlencoded: '+' is a space, then percent-decoding.
QByteArray formDecode(QByteArray text)
{
    return QByteArray::fromPercentEncoding(text.replace('+', ' '));
}

// Sorted by name, then by value for repeated names, the order in which Twilio signs them. Byte order
// of UTF-8 is code point order, which is what the SDKs sort by.
QList<Parameter> formParameters(const QByteArray &body)
{
    QList<Parameter> parameters;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        if (equals < 0)
            parameters.append({formDecode(pair), QByteArray()});
        else
            parameters.append({formDecode(pair.left(equals)), formDecode(pair.mid(equals + 1))});
    }
    std::sort(parameters.begin(), parameters.end());
    return parameters;
}

// The first value of a query parameter of `url`, if it has one.
std::optional<QByteArray> queryParameter(const QString &url, QByteArrayView name)
{
    const qsizetype question = url.indexOf(u'?');
    if (question < 0)
        return std::nullopt;
    const qsizetype hash = url.indexOf(u'#', question);
    const QByteArray query = url.mid(question + 1, hash < 0 ? -1 : hash - question - 1).toUtf8();
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        if (equals >= 0 && formDecode(pair.left(equals)) == name)
            return formDecode(pair.mid(equals + 1));
    }
    return std::nullopt;
}

// Twilio is inconsistent about the port in the URL it signs, so its SDKs accept the URL as given,
// without its port, and with the scheme's default port; so does this.
QStringList urlVariants(const QString &url)
{
    QStringList variants{url};
    const qsizetype schemeEnd = url.indexOf("://"_L1);
    if (schemeEnd <= 0)
        return variants;
    const qsizetype authorityStart = schemeEnd + 3;
    qsizetype authorityEnd = authorityStart;
    while (authorityEnd < url.size() && !QStringView(u"/?#").contains(url.at(authorityEnd)))
        ++authorityEnd;
    const QStringView authority = QStringView(url).sliced(authorityStart, authorityEnd - authorityStart);
    // The port follows the host's last ':', which is outside an IPv6 literal's brackets and after
    // any user information.
    const qsizetype hostStart = authority.lastIndexOf(u'@') + 1;
    const qsizetype colon = authority.lastIndexOf(u':');
    const bool hasPort = colon >= hostStart && colon > authority.lastIndexOf(u']');

    const QString head = url.left(authorityStart) + authority.first(hasPort ? colon : authority.size());
    const QString tail = url.mid(authorityEnd);
    if (hasPort) {
        variants.append(head + tail);
    } else {
        const QStringView scheme = QStringView(url).first(schemeEnd);
        if (scheme.compare(u"https", Qt::CaseInsensitive) == 0)
            variants.append(head + u":443" + tail);
        else if (scheme.compare(u"http", Qt::CaseInsensitive) == 0)
            variants.append(head + u":80" + tail);
    }
    return variants;
}

} // namespace

VerifyResult twilio(const QString &url, const QByteArray &body, const QByteArray &contentType,
                    const HeaderLookup &headers, const QString &authToken)
{
    if (authToken.isEmpty())
        return Detail::missingCredentials(u"No Twilio auth token is configured."_s);
    const QByteArray signature = Detail::header(headers, "x-twilio-signature").trimmed();
    if (signature.isEmpty())
        return Detail::missingCredentials(u"The X-Twilio-Signature header is missing."_s);

    const QByteArray mediaType = contentType.split(';').constFirst().trimmed().toLower();
    const auto bodyHash = queryParameter(url, "bodySHA256");
    QByteArray signedParameters;
    if (mediaType == "application/json" || bodyHash) {
        // A JSON body is signed only through its hash in the URL; without that hash nothing covers it.
        if (!bodyHash)
            return Detail::badSignature(u"A JSON body from Twilio needs a bodySHA256 query parameter."_s);
        const QByteArray actual = Detail::sha256(body).toHex();
        if (!constantTimeEquals(actual, bodyHash->toLower()))
            return Detail::badSignature(u"The body does not match the URL's bodySHA256 parameter."_s);
    } else {
        for (const auto &[name, value] : formParameters(body))
            signedParameters += name + value;
    }

    bool matched = false;
    for (const QString &candidate : urlVariants(url)) {
        const QByteArray message = candidate.toUtf8() + signedParameters;
        const QByteArray expected = Detail::hmac(QCryptographicHash::Sha1, authToken, message).toBase64();
        matched = constantTimeEquals(expected, signature) || matched;
    }
    if (!matched)
        return Detail::badSignature(u"The Twilio signature does not match the URL and parameters."_s);
    return {};
}

} // namespace CallScope::Verify
