// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calldetail.h"

// Calls built by hand for the call detail's tests: items sorted as CallDetail::load sorts them.
namespace CallScope::TestCalls {

inline constexpr qint64 callStart = 1'780'000'000'000; // 2026-05-28, a fixed clock

TimelineItem turn(qint64 at, qint64 length, const QString &role, const QString &text);
TimelineItem function(const QString &id, const QString &name, FunctionStatus status, qint64 start, qint64 end,
                      const QByteArray &arguments, const QByteArray &result, const QByteArray &error = {});
TimelineItem marker(TimelineItem::Kind kind, qint64 at);
StoredReceipt receipt(qint64 id, Provider provider, const QString &type, qint64 at, const QByteArray &body,
                      Verification verification = Verification::Verified);
// The index of the function with that tool call id, or −1.
int indexOf(const CallDetail &detail, const QString &toolCallId);

// A dental clinic's booking call: 24 turns as long as their words, six function calls (one fails,
// one times out), status changes, a flow transition, an error, and four receipts of three body
// formats (JSON, a Twilio form, plain text).
CallDetail bookingCall();

} // namespace CallScope::TestCalls
