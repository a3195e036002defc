// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/verifier.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

#include <time.h>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

using Headers = QList<QPair<QByteArray, QByteArray>>;
Q_DECLARE_METATYPE(CallScope::Verify::VapiCredentials)

namespace {

// The providers' official vectors (providers.md) and vectors computed with Python's hmac module, so
// that the tests do not share the verifiers' code.
namespace RetellVector {
const QByteArray body = R"({"event":"call_ended"})";
const QString apiKey = u"test-api-key"_s;
constexpr qint64 timestampMs = 1700000000000;
const QByteArray digest = "07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e";
const QByteArray header = "v=1700000000000,d=" + digest;
} // namespace RetellVector

namespace VapiVector {
const QByteArray body = R"({"message":{"type":"status-update","call":{"id":"call-1"}}})";
const QString secret = u"vapi-shared-secret"_s;
const QString hmacSecret = u"vapi-hmac-secret"_s;
const QByteArray timestamp = "1700000000123";
// HMAC-<alg>(hmacSecret, timestamp + "." + body)
const QByteArray sha256Hex = "fc564765abb5365052ac239c37c9d881d77e56e73a7615ea4ac03e37cfc9807c";
const QByteArray sha1Hex = "a175a3f09d2a61d2c80b92df7d578142a03e7667";
const QByteArray sha512Hex =
    "0298ee87dc02c31538a3a2786d648eb8ca34a4f9e04c844746be2105de858adfc9353c42025dce4e91d"
    "7425b72db0c0ed5635cde09fb69713e463d64475eb6c5";
const QByteArray sha256Base64 = "/FZHZau1NlBSrCOcN8nYgdd+Vuc6dhXqSsA+N8/JgHw=";
// HMAC-SHA256(hmacSecret, body + ":" + timestamp)
const QByteArray customTemplateHex = "87ea9abaadf3109ef7aa360aba3db579d8c072f6742a7bee104a3fca91d53f59";
// HMAC-SHA512(hmacSecret, "v1:" + body), base64
const QByteArray bodyOnlySha512Base64 =
    "2EzifCioEb51TOvZ7bS8torM1W2AKnaXUntZfYLgrd/H28OmT9YI3iBXcEUyqAC9QV2KuVRJKozufaH994j1OQ==";
} // namespace VapiVector

namespace UltravoxVector {
const QByteArray body = R"({"event":"call.ended","call":{"callId":"c-1"}})";
const QString oldSecret = u"uv-old-secret"_s;
const QString newSecret = u"uv-new-secret"_s;
constexpr qint64 noonMs = 1714564800000; // 2024-05-01T12:00:00Z
constexpr qint64 windowMs = 5 * 60 * 1000;
// hex HMAC-SHA256(secret, body + timestamp header)
const QByteArray noonZOld = "cd32ca4c2c01c853ef04556e5b40837118141b35ed850da8584e82ce35d4f788";
const QByteArray noonZNew = "d3278d82eb0fce425ada3a9c290301f141a46050dbe6236364d1440a6db3a166";
const QByteArray noonPlus2New = "f55a61865f296afde9ca3e8a8eaa0c0b9c332b73b1034ee77bc872fc31de4517";
const QByteArray noonNoZoneNew = "82d6378198b4c3004b002115b2f7f660be2d307ea10c5fbd5f6922dd9b49980a";
const QByteArray noonFractionNew = "f84dcbab5cc52f7b78e13dfacfa620ecdec9c5cb722f366cfa6c2adcdf987ab7";
const QByteArray yesterdayNew = "01fb8fc7176c5a886f9dd14078880200880060b20ee68eed28823df567e83216";
// The wrong construction: HMAC-SHA256(newSecret, "2024-05-01T12:00:00Z." + body)
const QByteArray dottedNew = "d1eab6806a90af388bfe1b8b157b7b3d7e2a1fcdbbb518b80d1da5fd0173b089";
} // namespace UltravoxVector

namespace LiveKitVector {
const QByteArray body =
    R"({"event":"room_started", "room":{"sid":"RM_TkVjUvAqgzKz", "name":"mytestroom", "emptyTimeout":300, )"
    R"("creationTime":"1628545903", "turnPassword":"ICkSr2rEeslkN6e9bXL4Ji5zzMD5Z7zzr6ulOaxMj6N", )"
    R"("enabledCodecs":[{"mime":"audio/opus"}, {"mime":"video/VP8"}]}})";
const QString apiKey = u"abcdefg"_s;
const QString apiSecret = u"abababa"_s;
const QString sha256Claim = u"CoEQz1chqJ9bnZRcORddjplkvpjmPujmLTR42DbefYI="_s;
constexpr qint64 issuedAt = 1700000000; // seconds: nbf = issuedAt, exp = issuedAt + 300
constexpr qint64 leewayMs = 60 * 1000;
// Minted with Python (json + hmac, unpadded base64url) for iss abcdefg, nbf/exp as above.
const QByteArray pythonToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                               "eyJpc3MiOiJhYmNkZWZnIiwic3ViIjoid2ViaG9vayIsIm5iZiI6MTcwMDAwMDAwMCwiZXh"
                               "wIjoxNzAwMDAwMzAwLCJzaGEyNTYiOiJDb0VRejFjaHFKOWJuWlJjT1JkZGpwbGt2cGptUHVqbUxU"
                               "UjQyRGJlZllJPSJ9.t_2rIAwVL_a6eWB"
                               "C8dcbRo3mYirQmAJeBzIqat3oczk";
} // namespace LiveKitVector

namespace TwilioVector {
const QString authToken = u"12345"_s;
const QString url = u"https://mycompany.com/myapp.php?foo=1&bar=2"_s;
const QString urlWith443 = u"https://mycompany.com:443/myapp.php?foo=1&bar=2"_s;
// '+' in the values is percent-encoded: a bare '+' would decode to a space.
const QByteArray form =
    "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B"
    "18005551212";
const QByteArray signature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
const QByteArray signatureWith443 = "kvajT1Ptam85bY51eRf/AJRuM3w=";
// twilio-python's tests: the http forms of the same URL.
const QByteArray httpSignatureWith80 = "0ZXoZLH/DfblKGATFgpif+LLRf4=";
const QByteArray httpSignatureWith1234 = "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=";
const QByteArray httpSignature = "OyGYPqTF6ztdbRNCvuQO/oPvqQ4="; // computed with Python
// twilio-python's duplicate-parameter vector.
const QByteArray duplicateForm = "Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234";
const QByteArray duplicateSignature = "IK+Dwps556ElfBT0I3Rgjkr1wJU=";
// Python: url + "CallSid" + "CA1" + "CallerName" + "Jane Doe"; and url + "CallSid" + "CA1" + "Empty" + "".
const QByteArray spaceSignature = "xNRBOBsx82NMlGxgTWcA+Sq+7HE=";
const QByteArray emptyValueSignature = "uVKWSrw1leEWYWLxWWz/s2TaDQo=";
const QByteArray jsonBody = R"({"property": "value", "boolean": true})";
const QString jsonUrl =
    url + u"&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"_s;
const QByteArray jsonSignature = "a9nBmqA0ju/hNViExpshrM61xv4=";
// Python: HMAC-SHA1 of the URL alone, what a JSON body without bodySHA256 would carry.
const QByteArray urlOnlySignature = "zYQTYrRWXE7LtzbG4PfP7/bkkGo=";
const QByteArray formType = "application/x-www-form-urlencoded";
} // namespace TwilioVector

// The outcomes the rows expect: the error code the listener answers with, or "accepted".
const QString ok = u"accepted"_s;
const QString bad = u"bad_signature"_s;
const QString stale = u"stale_timestamp"_s;
const QString missing = u"missing_credentials"_s;

// The one header, or none when value is null.
Headers oneHeader(const QByteArray &name, const QByteArray &value)
{
    return value.isNull() ? Headers() : Headers{{name, value}};
}

HeaderLookup lookup(const Headers &headers)
{
    return [headers](QByteArrayView name) {
        for (const auto &[key, value] : headers) {
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return QByteArray();
    };
}

// The error code the listener answers with, or "accepted".
QString outcomeOf(const VerifyResult &result)
{
    if (result)
        return ok;
    switch (result.error().kind) {
    case VerifyError::Kind::MissingCredentials:
        return missing;
    case VerifyError::Kind::BadSignature:
        return bad;
    case VerifyError::Kind::StaleTimestamp:
        return stale;
    }
    return u"unknown"_s;
}

// A refusal explains itself, and never with a secret or the signature that would have been right.
bool detailIsSafe(const VerifyResult &result, const QList<QByteArray> &forbidden)
{
    if (result)
        return true;
    const QString &detail = result.error().detail;
    if (detail.isEmpty())
        return false;
    for (const QByteArray &word : forbidden) {
        if (!word.isEmpty() && detail.contains(QString::fromUtf8(word)))
            return false;
    }
    return true;
}

// The row's outcome, and a refusal that is safe (see detailIsSafe).
void checkOutcome(const VerifyResult &result, const QString &expected, const QList<QByteArray> &forbidden)
{
    QCOMPARE(outcomeOf(result), expected);
    QVERIFY(detailIsSafe(result, forbidden));
}

QByteArray hmacSha256(const QByteArray &message, const QString &key)
{
    return QMessageAuthenticationCode::hash(message, key.toUtf8(), QCryptographicHash::Sha256);
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray segment(const QJsonObject &object)
{
    return base64Url(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Test-only HS256 minting, as LiveKit's server does it; the segments are signed as given, so a test
// can sign malformed ones too.
QByteArray signJwt(const QByteArray &header, const QByteArray &claims, const QString &secret)
{
    const QByteArray signingInput = header + '.' + claims;
    return signingInput + '.' + base64Url(hmacSha256(signingInput, secret));
}

QByteArray mintJwt(const QJsonObject &header, const QJsonObject &claims,
                   const QString &secret = LiveKitVector::apiSecret)
{
    return signJwt(segment(header), segment(claims), secret);
}

const QJsonObject hs256Header{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}};

QJsonObject liveKitClaims()
{
    using namespace LiveKitVector;
    return QJsonObject{{u"iss"_s, apiKey},
                       {u"sub"_s, u"webhook"_s},
                       {u"nbf"_s, issuedAt},
                       {u"exp"_s, issuedAt + 300},
                       {u"sha256"_s, sha256Claim}};
}

QJsonObject liveKitClaimsWith(const QString &name, const QJsonValue &value)
{
    QJsonObject claims = liveKitClaims();
    if (value.isUndefined())
        claims.remove(name);
    else
        claims.insert(name, value);
    return claims;
}

} // namespace

class TestVerifiers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void constantTimeEquals_data();
    void constantTimeEquals();
    void retell_data();
    void retell();
    void vapi_data();
    void vapi();
    void ultravox_data();
    void ultravox();
    void liveKitTestBodyHasTheOfficialSha256Claim();
    void liveKit_data();
    void liveKit();
    void twilio_data();
    void twilio();
};

void TestVerifiers::initTestCase()
{
    // Far from UTC, so that reading a zone-less Ultravox timestamp as local time would fail the tests.
    qputenv("TZ", "Asia/Kathmandu");
    tzset();
}

void TestVerifiers::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("identical digests are equal") << RetellVector::digest << RetellVector::digest << true;
    QTest::newRow("two empty arrays are equal") << QByteArray() << QByteArray() << true;
    QTest::newRow("a difference in the first byte is found")
        << QByteArray("xbcdef") << QByteArray("abcdef") << false;
    QTest::newRow("a difference in the last byte is found")
        << QByteArray("abcdex") << QByteArray("abcdef") << false;
    QTest::newRow("a prefix is not equal") << QByteArray("abc") << QByteArray("abcdef") << false;
    QTest::newRow("empty is not equal to something") << QByteArray() << QByteArray("a") << false;
    QTest::newRow("bytes above 0x7f are compared exactly")
        << QByteArray("\x80\xff", 2) << QByteArray("\x80\xfe", 2) << false;
    QTest::newRow("bytes differing only in the high bit are not equal")
        << QByteArray("\x01", 1) << QByteArray("\x81", 1) << false;
}

void TestVerifiers::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(Verify::constantTimeEquals(a, b), equal);
    QCOMPARE(Verify::constantTimeEquals(b, a), equal);
}

void TestVerifiers::retell_data()
{
    using namespace RetellVector;
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name, const QByteArray &body, const QString &key,
                        const QByteArray &signature, qint64 now, const QString &expected) {
        QTest::newRow(name) << body << key << signature << now << expected;
    };
    constexpr qint64 window = 300000;

    row("the official vector is accepted at its own time", body, apiKey, header, timestampMs, ok);
    row("the official vector is accepted 300000 ms later", body, apiKey, header, timestampMs + window, ok);
    row("the official vector is accepted 300000 ms earlier", body, apiKey, header, timestampMs - window, ok);
    row("the official vector is stale 300001 ms later", body, apiKey, header, timestampMs + window + 1,
        stale);
    row("the official vector is stale 300001 ms earlier", body, apiKey, header, timestampMs - window - 1,
        stale);
    row("a tampered body is rejected", body + ' ', apiKey, header, timestampMs, bad);
    row("a wrong key is rejected", body, u"wrong-api-key"_s, header, timestampMs, bad);
    row("a header with a prefix is rejected", body, apiKey, "prefix-" + header, timestampMs, bad);
    row("a header with a suffix is rejected", body, apiKey, header + "-suffix", timestampMs, bad);
    row("a 62-hex digest is rejected", body, apiKey, "v=1700000000000,d=" + digest.mid(2), timestampMs, bad);
    row("a negative timestamp is rejected", body, apiKey, "v=-1700000000000,d=" + digest, timestampMs, bad);
    row("an extra x=y field is rejected", body, apiKey, header + ",x=y", timestampMs, bad);
    row("fields in the other order are rejected", body, apiKey, "d=" + digest + ",v=1700000000000",
        timestampMs, bad);
    row("a timestamp without a digest is rejected", body, apiKey, "v=1700000000000", timestampMs, bad);
    row("a digest that is not hex is rejected", body, apiKey, "v=1700000000000,d=not-hex", timestampMs, bad);
    row("an upper-case digest is rejected (Retell sends lower case)", body, apiKey,
        "v=1700000000000,d=" + digest.toUpper(), timestampMs, bad);
    row("a signature for another timestamp is rejected", body, apiKey, "v=1700000000001,d=" + digest,
        timestampMs, bad);
    row("an absent header is missing credentials", body, apiKey, QByteArray(), timestampMs, missing);
    row("an empty API key is missing credentials", body, QString(), header, timestampMs, missing);
}

void TestVerifiers::retell()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, key);
    QFETCH(QByteArray, signature);
    QFETCH(qint64, now);
    QFETCH(QString, expected);
    const Headers headers =
        signature.isNull() ? Headers() : Headers{{"X-Retell-Signature", signature}, {"Content-Type", "json"}};
    // Also the digest the verifier computes for this row, which a careless detail might echo.
    const QByteArray computed = hmacSha256(body + "1700000000000", key).toHex();
    checkOutcome(Verify::retell(body, lookup(headers), key, now), expected,
                 {key.toUtf8(), RetellVector::apiKey.toUtf8(), RetellVector::digest, computed});
}

void TestVerifiers::vapi_data()
{
    using namespace VapiVector;
    using Verify::VapiCredentials;
    QTest::addColumn<VapiCredentials>("credentials");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QString>("expected");

    const VapiCredentials shared{.secret = secret};
    const VapiCredentials hmac{.hmacSecret = hmacSecret};
    const VapiCredentials both{.secret = secret, .hmacSecret = hmacSecret};
    const auto plan = [](Verify::VapiHmacPlan plan) {
        return VapiCredentials{.hmacSecret = hmacSecret, .plan = plan};
    };
    const Headers signedDefault{{"x-signature", sha256Hex}, {"x-timestamp", timestamp}};

    QTest::newRow("the shared secret in X-Vapi-Secret is accepted")
        << shared << body << Headers{{"X-Vapi-Secret", secret.toUtf8()}} << ok;
    QTest::newRow("the shared secret as a bearer token is accepted")
        << shared << body << Headers{{"Authorization", "Bearer " + secret.toUtf8()}} << ok;
    QTest::newRow("the bearer scheme is case-insensitive")
        << shared << body << Headers{{"authorization", "bearer " + secret.toUtf8()}} << ok;
    QTest::newRow("a wrong X-Vapi-Secret is rejected")
        << shared << body << Headers{{"X-Vapi-Secret", "not-the-secret"}} << bad;
    QTest::newRow("a wrong bearer token is rejected")
        << shared << body << Headers{{"Authorization", "Bearer not-the-secret"}} << bad;
    QTest::newRow("the secret with one more character is rejected")
        << shared << body << Headers{{"X-Vapi-Secret", secret.toUtf8() + 'x'}} << bad;
    QTest::newRow("the secret as a bare Authorization without Bearer is rejected")
        << shared << body << Headers{{"Authorization", secret.toUtf8()}} << bad;
    QTest::newRow("a shared secret without any credential header is missing credentials")
        << shared << body << Headers{} << missing;
    QTest::newRow("no configured secret is missing credentials even with headers")
        << VapiCredentials{} << body << Headers{{"X-Vapi-Secret", secret.toUtf8()}} << missing;
    QTest::newRow("the shared secret is not accepted as an HMAC signature")
        << shared << body << signedDefault << missing;

    QTest::newRow("HMAC sha256 hex with the default plan is accepted") << hmac << body << signedDefault << ok;
    QTest::newRow("HMAC sha1 hex is accepted")
        << plan({.algorithm = u"sha1"_s}) << body
        << Headers{{"x-signature", sha1Hex}, {"x-timestamp", timestamp}} << ok;
    QTest::newRow("HMAC sha512 hex is accepted")
        << plan({.algorithm = u"sha512"_s}) << body
        << Headers{{"x-signature", sha512Hex}, {"x-timestamp", timestamp}} << ok;
    QTest::newRow("HMAC sha256 base64 is accepted")
        << plan({.encoding = u"base64"_s}) << body
        << Headers{{"x-signature", sha256Base64}, {"x-timestamp", timestamp}} << ok;
    QTest::newRow("HMAC with a sha256= prefix is accepted")
        << plan({.prefix = u"sha256="_s}) << body
        << Headers{{"x-signature", "sha256=" + sha256Hex}, {"x-timestamp", timestamp}} << ok;
    QTest::newRow("HMAC without its configured prefix is rejected")
        << plan({.prefix = u"sha256="_s}) << body << signedDefault << bad;
    QTest::newRow("a signature behind another prefix of the same length is rejected")
        << plan({.prefix = u"sha256="_s}) << body
        << Headers{{"x-signature", "sha512=" + sha256Hex}, {"x-timestamp", timestamp}} << bad;
    QTest::newRow("HMAC with an unexpected prefix is rejected")
        << hmac << body << Headers{{"x-signature", "sha256=" + sha256Hex}, {"x-timestamp", timestamp}} << bad;
    QTest::newRow("an upper-case hex digest is accepted")
        << hmac << body << Headers{{"x-signature", sha256Hex.toUpper()}, {"x-timestamp", timestamp}} << ok;
    QTest::newRow("HMAC with a custom template and header names is accepted")
        << plan({.signatureHeader = u"X-Hook-Signature"_s,
                 .timestampHeader = u"X-Hook-Time"_s,
                 .messageTemplate = u"{body}:{timestamp}"_s})
        << body << Headers{{"x-hook-signature", customTemplateHex}, {"X-HOOK-TIME", timestamp}} << ok;
    QTest::newRow("the custom template's signature in the default header is missing credentials")
        << plan({.signatureHeader = u"X-Hook-Signature"_s,
                 .timestampHeader = u"X-Hook-Time"_s,
                 .messageTemplate = u"{body}:{timestamp}"_s})
        << body << Headers{{"x-signature", customTemplateHex}, {"x-timestamp", timestamp}} << missing;
    QTest::newRow("a template without {timestamp} needs no timestamp header")
        << plan({.algorithm = u"sha512"_s, .messageTemplate = u"v1:{body}"_s, .encoding = u"base64"_s})
        << body << Headers{{"x-signature", bodyOnlySha512Base64}} << ok;
    QTest::newRow("the default template's signature under a custom template is rejected")
        << plan({.messageTemplate = u"{body}:{timestamp}"_s}) << body << signedDefault << bad;
    QTest::newRow("a sha1 signature under a sha256 plan is rejected")
        << hmac << body << Headers{{"x-signature", sha1Hex}, {"x-timestamp", timestamp}} << bad;
    QTest::newRow("a hex signature under a base64 plan is rejected")
        << plan({.encoding = u"base64"_s}) << body << signedDefault << bad;
    QTest::newRow("HMAC over a tampered body is rejected")
        << hmac << QByteArray(body + ' ') << signedDefault << bad;
    QTest::newRow("HMAC with another timestamp is rejected")
        << hmac << body << Headers{{"x-signature", sha256Hex}, {"x-timestamp", "1700000000124"}} << bad;
    QTest::newRow("HMAC with a wrong secret is rejected")
        << VapiCredentials{.hmacSecret = u"another-secret"_s} << body << signedDefault << bad;
    QTest::newRow("a signature with characters outside hex is rejected")
        << hmac << body << Headers{{"x-signature", "zz" + sha256Hex}, {"x-timestamp", timestamp}} << bad;
    QTest::newRow("HMAC configured but the signature header missing is missing credentials")
        << hmac << body << Headers{{"x-timestamp", timestamp}} << missing;
    QTest::newRow("HMAC configured but the timestamp header missing is missing credentials")
        << hmac << body << Headers{{"x-signature", sha256Hex}} << missing;
    QTest::newRow("HMAC configured does not accept the hmac secret in X-Vapi-Secret")
        << hmac << body << Headers{{"X-Vapi-Secret", hmacSecret.toUtf8()}} << missing;
    QTest::newRow("an unknown algorithm in the plan is a bad signature")
        << plan({.algorithm = u"md5"_s}) << body << signedDefault << bad;
    QTest::newRow("an unknown encoding in the plan is a bad signature")
        << plan({.encoding = u"base32"_s}) << body << signedDefault << bad;

    QTest::newRow("with both configured the shared secret alone is accepted")
        << both << body << Headers{{"X-Vapi-Secret", secret.toUtf8()}} << ok;
    QTest::newRow("with both configured the HMAC alone is accepted") << both << body << signedDefault << ok;
    QTest::newRow("with both configured a wrong secret and no HMAC is rejected")
        << both << body << Headers{{"X-Vapi-Secret", "nope"}} << bad;
    QTest::newRow("with both configured a bad HMAC and no secret is rejected")
        << both << QByteArray(body + ' ') << signedDefault << bad;
    QTest::newRow("with both configured no header at all is missing credentials")
        << both << body << Headers{} << missing;
}

void TestVerifiers::vapi()
{
    QFETCH(Verify::VapiCredentials, credentials);
    QFETCH(QByteArray, body);
    QFETCH(Headers, headers);
    QFETCH(QString, expected);
    checkOutcome(Verify::vapi(body, lookup(headers), credentials), expected,
                 {VapiVector::secret.toUtf8(), VapiVector::hmacSecret.toUtf8(), VapiVector::sha256Hex,
                  VapiVector::sha1Hex, VapiVector::sha256Base64});
}

void TestVerifiers::ultravox_data()
{
    using namespace UltravoxVector;
    QTest::addColumn<QStringList>("secrets");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("expected");

    const QStringList rotating{oldSecret, newSecret};
    const QStringList current{newSecret};
    const auto headers = [](const QByteArray &signature, const QByteArray &timestamp) {
        return Headers{{"X-Ultravox-Webhook-Signature", signature},
                       {"X-Ultravox-Webhook-Timestamp", timestamp}};
    };
    const QByteArray noonZ = "2024-05-01T12:00:00Z";

    QTest::newRow("a timestamp with Z is accepted")
        << current << body << headers(noonZNew, noonZ) << noonMs << ok;
    QTest::newRow("a timestamp with +02:00 is accepted")
        << current << body << headers(noonPlus2New, "2024-05-01T14:00:00+02:00") << noonMs << ok;
    QTest::newRow("a timestamp without a zone is read as UTC")
        << current << body << headers(noonNoZoneNew, "2024-05-01T12:00:00") << noonMs << ok;
    QTest::newRow("a timestamp with fractional seconds is accepted")
        << current << body << headers(noonFractionNew, "2024-05-01T12:00:00.123456Z") << noonMs << ok;
    QTest::newRow("a +02:00 timestamp is two hours from the same wall-clock time in UTC")
        << current << body << headers(noonPlus2New, "2024-05-01T14:00:00+02:00") << noonMs + 2 * 3600 * 1000
        << stale;
    QTest::newRow("the second secret matches after rotation")
        << rotating << body << headers(noonZNew, noonZ) << noonMs << ok;
    QTest::newRow("the first secret still matches during rotation")
        << rotating << body << headers(noonZOld, noonZ) << noonMs << ok;
    QTest::newRow("an empty first secret is skipped")
        << QStringList{QString(), newSecret} << body << headers(noonZNew, noonZ) << noonMs << ok;
    QTest::newRow("the retired secret no longer matches")
        << current << body << headers(noonZOld, noonZ) << noonMs << bad;
    QTest::newRow("the second signature of a list matches")
        << current << body << headers(noonZOld + "," + noonZNew, noonZ) << noonMs << ok;
    QTest::newRow("spaces around list entries are tolerated")
        << current << body << headers(" " + noonZOld + " , " + noonZNew + " ", noonZ) << noonMs << ok;
    QTest::newRow("a timestamp at the edge of the window is accepted")
        << current << body << headers(noonZNew, noonZ) << noonMs + windowMs << ok;
    QTest::newRow("a timestamp just outside the window is stale")
        << current << body << headers(noonZNew, noonZ) << noonMs + windowMs + 1 << stale;
    QTest::newRow("a timestamp too far in the future is stale")
        << current << body << headers(noonZNew, noonZ) << noonMs - windowMs - 1 << stale;
    QTest::newRow("a signature over {ts}.{body} is rejected")
        << current << body << headers(dottedNew, noonZ) << noonMs << bad;
    QTest::newRow("the timestamp is signed as received, not normalised")
        << current << body << headers(noonZNew, "2024-05-01T12:00:00.000Z") << noonMs << bad;
    QTest::newRow("a tampered body is rejected")
        << current << QByteArray(body + ' ') << headers(noonZNew, noonZ) << noonMs << bad;
    QTest::newRow("a wrong secret is rejected")
        << QStringList{u"other-secret"_s} << body << headers(noonZNew, noonZ) << noonMs << bad;
    QTest::newRow("a signature with characters outside hex is rejected")
        << current << body << headers("zz" + noonZNew, noonZ) << noonMs << bad;
    QTest::newRow("an unparseable timestamp is a bad signature even when signed")
        << current << body << headers(yesterdayNew, "yesterday") << noonMs << bad;
    QTest::newRow("an impossible date is a bad signature")
        << current << body << headers(noonZNew, "2024-02-30T12:00:00Z") << noonMs << bad;
    // Signed here: the zone decides, not the signature.
    const auto signedHeaders = [&headers](const QByteArray &timestamp) {
        return headers(hmacSha256(body + timestamp, newSecret).toHex(), timestamp);
    };
    QTest::newRow("a timestamp with a zone of whole hours is accepted")
        << current << body << signedHeaders("2024-05-01T14:00:00+02") << noonMs << ok;
    QTest::newRow("a signed timestamp with a zone beyond 23 hours is a bad signature")
        << current << body << signedHeaders("2024-05-02T12:00:00+24:00") << noonMs << bad;
    QTest::newRow("a signed timestamp with a zone beyond 59 minutes is a bad signature")
        << current << body << signedHeaders("2024-05-01T13:00:00+00:60") << noonMs << bad;
    QTest::newRow("a missing signature header is missing credentials")
        << current << body << Headers{{"X-Ultravox-Webhook-Timestamp", noonZ}} << noonMs << missing;
    QTest::newRow("a missing timestamp header is missing credentials")
        << current << body << Headers{{"X-Ultravox-Webhook-Signature", noonZNew}} << noonMs << missing;
    QTest::newRow("no configured secret is missing credentials")
        << QStringList{} << body << headers(noonZNew, noonZ) << noonMs << missing;
    QTest::newRow("only empty secrets are missing credentials")
        << QStringList{QString()} << body << headers(noonZNew, noonZ) << noonMs << missing;
}

void TestVerifiers::ultravox()
{
    QFETCH(QStringList, secrets);
    QFETCH(QByteArray, body);
    QFETCH(Headers, headers);
    QFETCH(qint64, now);
    QFETCH(QString, expected);
    // Also the digests the verifier computes for this row, which a careless detail might echo.
    QList<QByteArray> forbidden{UltravoxVector::oldSecret.toUtf8(), UltravoxVector::newSecret.toUtf8()};
    const QByteArray timestamp = lookup(headers)("X-Ultravox-Webhook-Timestamp");
    for (const QString &secret : std::as_const(secrets)) {
        forbidden.append(secret.toUtf8());
        forbidden.append(hmacSha256(body + timestamp, secret).toHex());
    }
    checkOutcome(Verify::ultravox(body, lookup(headers), secrets, now), expected, forbidden);
}

void TestVerifiers::liveKitTestBodyHasTheOfficialSha256Claim()
{
    // The LiveKit rows mint tokens with the official claim; this pins the claim to the official body.
    const QByteArray hash = QCryptographicHash::hash(LiveKitVector::body, QCryptographicHash::Sha256);
    QCOMPARE(QString::fromLatin1(hash.toBase64()), LiveKitVector::sha256Claim);
}

void TestVerifiers::liveKit_data()
{
    using namespace LiveKitVector;
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("expected");

    const qint64 nbfMs = issuedAt * 1000;
    const qint64 expMs = (issuedAt + 300) * 1000;
    const qint64 now = nbfMs + 1000;
    const QByteArray token = mintJwt(hs256Header, liveKitClaims());
    const auto row = [&](const char *name, const QByteArray &authorization, const QString &expected,
                         qint64 at = -1) {
        QTest::newRow(name) << body << authorization << apiKey << apiSecret << (at < 0 ? now : at)
                            << expected;
    };

    row("the official body with its official sha256 claim is accepted", token, ok);
    row("a token minted by an independent encoder is accepted", pythonToken, ok);
    row("a token just inside the leeway after exp is accepted", token, ok, expMs + leewayMs);
    row("a token beyond the leeway after exp is stale", token, stale, expMs + leewayMs + 1);
    row("a token just inside the leeway before nbf is accepted", token, ok, nbfMs - leewayMs);
    row("a token beyond the leeway before nbf is stale", token, stale, nbfMs - leewayMs - 1);
    row("a token without nbf is accepted long before its exp",
        mintJwt(hs256Header, liveKitClaimsWith(u"nbf"_s, QJsonValue::Undefined)), ok, nbfMs - 10 * leewayMs);
    row("a token without exp is rejected",
        mintJwt(hs256Header, liveKitClaimsWith(u"exp"_s, QJsonValue::Undefined)), bad);
    row("a token with a textual exp is rejected",
        mintJwt(hs256Header, liveKitClaimsWith(u"exp"_s, u"1700000300"_s)), bad);
    row("a token signed with another secret is rejected", mintJwt(hs256Header, liveKitClaims(), u"other"_s),
        bad);
    row("a token issued for another API key is rejected",
        mintJwt(hs256Header, liveKitClaimsWith(u"iss"_s, u"other-key"_s)), bad);
    row("a token without iss is rejected",
        mintJwt(hs256Header, liveKitClaimsWith(u"iss"_s, QJsonValue::Undefined)), bad);
    row("a token without a sha256 claim is rejected",
        mintJwt(hs256Header, liveKitClaimsWith(u"sha256"_s, QJsonValue::Undefined)), bad);
    row("a sha256 claim without its padding is rejected",
        mintJwt(hs256Header, liveKitClaimsWith(u"sha256"_s, sha256Claim.chopped(1))), bad);
    row("a token that claims alg none is rejected even with a valid MAC",
        mintJwt(QJsonObject{{u"alg"_s, u"none"_s}}, liveKitClaims()), bad);
    row("an unsigned alg none token is rejected",
        segment(QJsonObject{{u"alg"_s, u"none"_s}}) + '.' + segment(liveKitClaims()) + '.', bad);
    row("a token that claims HS384 is rejected",
        mintJwt(QJsonObject{{u"alg"_s, u"HS384"_s}}, liveKitClaims()), bad);
    row("a token of two segments is rejected", token.left(token.lastIndexOf('.')), bad);
    row("a token of four segments is rejected", token + ".e30", bad);
    row("a segment with a character outside base64url is rejected",
        signJwt(segment(hs256Header), segment(liveKitClaims()) + '*', apiSecret), bad);
    row("a segment with a dangling character is rejected",
        signJwt(segment(hs256Header) + 'A', segment(liveKitClaims()), apiSecret), bad);
    row("a padded segment is rejected",
        signJwt(segment(hs256Header) + '=', segment(liveKitClaims()), apiSecret), bad);
    row("a token behind Bearer is rejected, LiveKit sends it bare", "Bearer " + token, bad);
    row("a missing Authorization header is missing credentials", QByteArray(), missing);
    QTest::newRow("a tampered body is rejected")
        << QByteArray(body + ' ') << token << apiKey << apiSecret << now << bad;
    QTest::newRow("no configured secret is missing credentials")
        << body << token << apiKey << QString() << now << missing;
    QTest::newRow("no configured API key is missing credentials")
        << body << token << QString() << apiSecret << now << missing;
}

void TestVerifiers::liveKit()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, authorization);
    QFETCH(QString, key);
    QFETCH(QString, secret);
    QFETCH(qint64, now);
    QFETCH(QString, expected);
    const Headers headers = oneHeader("Authorization", authorization);
    checkOutcome(Verify::liveKit(body, lookup(headers), key, secret, now), expected,
                 {LiveKitVector::apiSecret.toUtf8()});
}

void TestVerifiers::twilio_data()
{
    using namespace TwilioVector;
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("expected");

    const QString httpUrl = u"http://mycompany.com/myapp.php?foo=1&bar=2"_s;
    const QString jsonType = u"application/json; charset=utf-8"_s;
    const auto form = [](const char *name, const QString &url, const QByteArray &body,
                         const QByteArray &signature, const QString &expected,
                         const QString &token = authToken) {
        QTest::newRow(name) << url << formType << body << signature << token << expected;
    };
    const auto json = [&](const char *name, const QString &url, const QByteArray &body,
                          const QByteArray &signature, const QString &expected) {
        QTest::newRow(name) << url << jsonType.toUtf8() << body << signature << authToken << expected;
    };

    form("the official signature is accepted at the official URL", url, TwilioVector::form, signature, ok);
    form("the official :443 signature is accepted at the official URL", url, TwilioVector::form,
         signatureWith443, ok);
    form("the official signature is accepted at the URL with :443", urlWith443, TwilioVector::form, signature,
         ok);
    form("the official :443 signature is accepted at the URL with :443", urlWith443, TwilioVector::form,
         signatureWith443, ok);
    form("the official signature is accepted at the URL with another port",
         u"https://mycompany.com:1234/myapp.php?foo=1&bar=2"_s, TwilioVector::form, signature, ok);
    form("an http :80 signature is accepted at the port-less http URL", httpUrl, TwilioVector::form,
         httpSignatureWith80, ok);
    form("a port-less http signature is accepted at the http URL with :80",
         u"http://mycompany.com:80/myapp.php?foo=1&bar=2"_s, TwilioVector::form, httpSignature, ok);
    form("an http :1234 signature is accepted at that URL",
         u"http://mycompany.com:1234/myapp.php?foo=1&bar=2"_s, TwilioVector::form, httpSignatureWith1234, ok);
    form("an https signature is rejected at the http URL", httpUrl, TwilioVector::form, signature, bad);
    form("an http :443 variant is not tried", u"http://mycompany.com/myapp.php?foo=1&bar=2"_s,
         TwilioVector::form, signatureWith443, bad);
    form("a signature of another query string is rejected", u"https://mycompany.com/myapp.php?foo=1&bar=3"_s,
         TwilioVector::form, signature, bad);
    form("parameters in another order in the body sign the same", url,
         "To=%2B18005551212&From=%2B14158675309&Digits=1234&Caller=%2B14158675309&CallSid=CA1234567890ABCDE",
         signature, ok);
    form("a tampered parameter is rejected", url,
         QByteArray(TwilioVector::form).replace("Digits=1234", "Digits=1235"), signature, bad);
    form("an extra parameter is rejected", url, TwilioVector::form + "&CallStatus=completed", signature, bad);
    form("a bare '+' decodes to a space, not a plus", url, QByteArray(TwilioVector::form).replace("%2B", "+"),
         signature, bad);
    form("repeated names contribute every value in sorted order", url, duplicateForm, duplicateSignature, ok);
    form("repeated names in the other order sign the same", url,
         "Digits=1234&Sid=CA123&Digits=5678&SidAccount=AC123", duplicateSignature, ok);
    form("a repeated name with one value dropped is rejected", url, "Sid=CA123&SidAccount=AC123&Digits=5678",
         duplicateSignature, bad);
    form("'+' decodes to a space", url, "CallSid=CA1&CallerName=Jane+Doe", spaceSignature, ok);
    form("%20 decodes to a space", url, "CallSid=CA1&CallerName=Jane%20Doe", spaceSignature, ok);
    form("%2B does not decode to a space", url, "CallSid=CA1&CallerName=Jane%2BDoe", spaceSignature, bad);
    form("an empty value still contributes its name", url, "CallSid=CA1&Empty=", emptyValueSignature, ok);
    form("a name without '=' counts as an empty value", url, "CallSid=CA1&Empty", emptyValueSignature, ok);
    form("dropping the empty value is rejected", url, "CallSid=CA1", emptyValueSignature, bad);
    form("a wrong auth token is rejected", url, TwilioVector::form, signature, bad, u"54321"_s);
    form("an empty auth token is missing credentials", url, TwilioVector::form, signature, missing,
         QString());
    form("an absent signature header is missing credentials", url, TwilioVector::form, QByteArray(), missing);

    json("a JSON body with its official bodySHA256 is accepted", jsonUrl, jsonBody, jsonSignature, ok);
    json("a JSON body is accepted at the URL with :443", QString(jsonUrl).replace(".com/"_L1, ".com:443/"_L1),
         jsonBody, jsonSignature, ok);
    json("a JSON body that does not match bodySHA256 is rejected", jsonUrl, jsonBody + ' ', jsonSignature,
         bad);
    json("a JSON body without bodySHA256 in the URL is rejected", url, jsonBody, urlOnlySignature, bad);
    json("a JSON signature with the form parameters' signature is rejected", jsonUrl, jsonBody, signature,
         bad);
    QTest::newRow("a bodySHA256 parameter makes the body JSON whatever the content type")
        << jsonUrl << formType << jsonBody << jsonSignature << authToken << ok;
}

void TestVerifiers::twilio()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, signature);
    QFETCH(QString, token);
    QFETCH(QString, expected);
    const Headers headers = oneHeader("X-Twilio-Signature", signature);
    checkOutcome(Verify::twilio(url, body, contentType, lookup(headers), token), expected,
                 {TwilioVector::authToken.toUtf8(), TwilioVector::signature});
}

QTEST_GUILESS_MAIN(TestVerifiers)
#include "tst_verifiers.moc"
