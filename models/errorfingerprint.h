// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace CallScope::ErrorFingerprint {

// The message with what differs between occurrences of one failure masked: phone numbers become
// <phone>, words with digits (ids, call sids, UUIDs) <id>, plain numbers <n>.
QString maskMessage(const QString &message);
// book_appointment_v17 → book_appointment: a new version of a function is the same failure.
QString functionWithoutVersion(const QString &name);
// What groups error events: source + code + function without version + masked message, hashed;
// with the function and the message as the group shows them.
struct Fingerprint
{
    QString hash; // 32 hex digits
    QString functionName;
    QString maskedMessage;
};
Fingerprint compute(const QString &source, const QString &code, const QString &functionName,
                    const QString &message);
// The hash alone.
QString of(const QString &source, const QString &code, const QString &functionName, const QString &message);

} // namespace CallScope::ErrorFingerprint
