// SPDX-License-Identifier: GPL-3.0-or-later
#include "verifier.h"
#include "verifysupport.h"

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Verify {

namespace {

// What one configured scheme made of the request; the verdict combines both schemes.
enum class Attempt
{
    Absent,
    Accepted,
    Rejected
};

struct SchemeResult
{
    Attempt attempt = Attempt::Absent;
    QString detail;
};

// RFC 9110: the scheme name is case-insensitive; the token after it is taken verbatim.
std::optional<QByteArray> bearerToken(QByteArrayView authorization)
{
    static constexpr QByteArrayView scheme = "bearer ";
    if (authorization.size() < scheme.size() ||
        authorization.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return authorization.sliced(scheme.size()).toByteArray();
}

SchemeResult checkSharedSecret(const HeaderLookup &headers, const QString &secret)
{
    const QByteArray expected = secret.toUtf8();
    const QByteArray headerSecret = Detail::header(headers, "x-vapi-secret");
    const QByteArray authorization = Detail::header(headers, "authorization");
    if (headerSecret.isEmpty() && authorization.isEmpty())
        return {Attempt::Absent, u"Neither X-Vapi-Secret nor Authorization is present."_s};

    if (!headerSecret.isEmpty() && constantTimeEquals(headerSecret, expected))
        return {Attempt::Accepted, {}};
    if (const auto token = bearerToken(authorization); token && constantTimeEquals(*token, expected))
        return {Attempt::Accepted, {}};
    return {Attempt::Rejected, u"The Vapi secret does not match."_s};
}

std::optional<QCryptographicHash::Algorithm> hmacAlgorithm(const QString &name)
{
    if (name.compare("sha1"_L1, Qt::CaseInsensitive) == 0)
        return QCryptographicHash::Sha1;
    if (name.compare("sha256"_L1, Qt::CaseInsensitive) == 0)
        return QCryptographicHash::Sha256;
    if (name.compare("sha512"_L1, Qt::CaseInsensitive) == 0)
        return QCryptographicHash::Sha512;
    return std::nullopt;
}

// Placeholders are replaced in one pass over the template, so a body that happens to contain
// "{timestamp}" is signed as it is.
QByteArray renderTemplate(const QString &messageTemplate, const QByteArray &timestamp, const QByteArray &body)
{
    static constexpr QStringView timestampToken = u"{timestamp}";
    static constexpr QStringView bodyToken = u"{body}";
    const QStringView text = messageTemplate;
    QByteArray message;
    qsizetype literalStart = 0;
    for (qsizetype i = 0; i < text.size();) {
        const QStringView rest = text.sliced(i);
        const QStringView token = rest.startsWith(timestampToken) ? timestampToken
                                  : rest.startsWith(bodyToken)    ? bodyToken
                                                                  : QStringView();
        if (token.isEmpty()) {
            ++i;
            continue;
        }
        message += text.sliced(literalStart, i - literalStart).toUtf8();
        message += token == timestampToken ? timestamp : body;
        i += token.size();
        literalStart = i;
    }
    message += text.sliced(literalStart).toUtf8();
    return message;
}

SchemeResult checkHmac(const QByteArray &body, const HeaderLookup &headers, const QString &hmacSecret,
                       const VapiHmacPlan &plan)
{
    // Header names are matched case-insensitively by the lookup; lower case also suits lookups that
    // only know the HTTP/2 spelling.
    const QByteArray signatureHeader = plan.signatureHeader.toLower().toLatin1();
    const QByteArray timestampHeader = plan.timestampHeader.toLower().toLatin1();
    const QByteArray signature = Detail::header(headers, signatureHeader);
    if (signature.isEmpty())
        return {Attempt::Absent, u"The Vapi signature header %1 is missing."_s.arg(plan.signatureHeader)};

    const bool signsTimestamp = plan.messageTemplate.contains("{timestamp}"_L1);
    const QByteArray timestamp = signsTimestamp ? Detail::header(headers, timestampHeader) : QByteArray();
    if (signsTimestamp && timestamp.isEmpty())
        return {Attempt::Absent, u"The Vapi timestamp header %1 is missing."_s.arg(plan.timestampHeader)};

    const QByteArray prefix = plan.prefix.toUtf8();
    if (!signature.startsWith(prefix))
        return {Attempt::Rejected, u"The Vapi signature does not start with the configured prefix."_s};
    const QByteArrayView encoded = QByteArrayView(signature).sliced(prefix.size()).trimmed();
    const bool hex = plan.encoding.compare("hex"_L1, Qt::CaseInsensitive) == 0;
    const auto received =
        hex ? Detail::decodeHex(encoded) : Detail::decodeBase64(encoded, QByteArray::Base64Encoding);
    if (!received)
        return {Attempt::Rejected,
                u"The Vapi signature is not valid %1."_s.arg(hex ? u"hex"_s : u"base64"_s)};

    const QByteArray message = renderTemplate(plan.messageTemplate, timestamp, body);
    // The algorithm was validated by the caller.
    const QByteArray expected = Detail::hmac(*hmacAlgorithm(plan.algorithm), hmacSecret, message);
    if (!constantTimeEquals(expected, *received))
        return {Attempt::Rejected, u"The Vapi HMAC signature does not match the body."_s};
    return {Attempt::Accepted, {}};
}

// A plan Vapi could never satisfy is the operator's mistake; saying so beats a bare mismatch.
std::optional<QString> planError(const VapiHmacPlan &plan)
{
    if (!hmacAlgorithm(plan.algorithm))
        return u"Configuration error: the Vapi HMAC algorithm must be sha1, sha256 or sha512."_s;
    if (plan.encoding.compare("hex"_L1, Qt::CaseInsensitive) != 0 &&
        plan.encoding.compare("base64"_L1, Qt::CaseInsensitive) != 0)
        return u"Configuration error: the Vapi HMAC encoding must be hex or base64."_s;
    if (plan.signatureHeader.isEmpty() ||
        (plan.messageTemplate.contains("{timestamp}"_L1) && plan.timestampHeader.isEmpty()))
        return u"Configuration error: the Vapi HMAC plan names no signature or timestamp header."_s;
    return std::nullopt;
}

} // namespace

VerifyResult vapi(const QByteArray &body, const HeaderLookup &headers, const VapiCredentials &credentials)
{
    const bool sharedConfigured = !credentials.secret.isEmpty();
    const bool hmacConfigured = !credentials.hmacSecret.isEmpty();
    if (!sharedConfigured && !hmacConfigured)
        return Detail::missingCredentials(u"No Vapi secret is configured."_s);

    // Either configured scheme may vouch for the delivery.
    SchemeResult sharedResult;
    if (sharedConfigured) {
        sharedResult = checkSharedSecret(headers, credentials.secret);
        if (sharedResult.attempt == Attempt::Accepted)
            return {};
    }
    SchemeResult hmacResult;
    if (hmacConfigured) {
        if (const auto error = planError(credentials.plan))
            return Detail::badSignature(*error);
        hmacResult = checkHmac(body, headers, credentials.hmacSecret, credentials.plan);
        if (hmacResult.attempt == Attempt::Accepted)
            return {};
    }

    // A credential that was presented and failed outranks one that was not presented at all.
    for (const SchemeResult *result : {&hmacResult, &sharedResult}) {
        if (result->attempt == Attempt::Rejected)
            return Detail::badSignature(result->detail);
    }
    if (sharedConfigured && hmacConfigured)
        return Detail::missingCredentials(sharedResult.detail + u' ' + hmacResult.detail);
    return Detail::missingCredentials(hmacConfigured ? hmacResult.detail : sharedResult.detail);
}

} // namespace CallScope::Verify
