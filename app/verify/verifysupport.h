// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "verifier.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>
#include <QString>

#include <expected>
#include <optional>

// Shared by the per-provider verifiers; not part of the public interface.
namespace CallScope::Verify::Detail {

std::unexpected<VerifyError> missingCredentials(const QString &detail);
std::unexpected<VerifyError> badSignature(const QString &detail);
std::unexpected<VerifyError> staleTimestamp(const QString &detail);

// A lookup that was never set reads as "no headers at all" instead of throwing.
QByteArray header(const HeaderLookup &headers, QByteArrayView name);

QByteArray hmac(QCryptographicHash::Algorithm algorithm, const QString &key, const QByteArray &message);
QByteArray sha256(QByteArrayView data);

// Strict decoders: QByteArray::fromHex and the default fromBase64 skip characters outside their
// alphabet, which would let a malformed header decode to a valid digest.
std::optional<QByteArray> decodeHex(QByteArrayView text);
std::optional<QByteArray> decodeBase64(QByteArrayView text, QByteArray::Base64Options options);

// |a - b| <= window, without overflowing on hostile timestamps.
bool withinWindow(qint64 a, qint64 b, qint64 window);

} // namespace CallScope::Verify::Detail
