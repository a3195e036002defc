// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Twilio adapter (form-encoded status callbacks). Besides "no crash" and what
// every target checks (fuzzcheck.h), Twilio's own rules: only printable forms accepted, one
// call.status at most, the CallSid as call id and carrier sid, keys built from it, the CallStatus as
// reason, voicemail only from answering-machine detection, no empty strings.
#define FUZZ_TARGET "fuzz_twilio"
#include "fuzzcheck.h"

#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 receivedAtMs = 1'795'600'000'123;

void checkEvent(const CallEvent &event, const AdaptedDelivery &delivery)
{
    FUZZ_CHECK(event.twilioCallSid == delivery.providerCallId);
    FUZZ_CHECK(event.kind == EventKind::CallStatus);
    FUZZ_CHECK(!event.offsetMs);

    FuzzCheck::checkNoEmptyStrings(event);
    const QJsonObject &p = event.payload;
    const auto status = callStatusFromString(p.value("status"_L1).toString());
    FUZZ_CHECK(p.value("reason"_L1).toString() == delivery.eventType);
    const auto outcome = outcomeFromString(p.value("outcome"_L1).toString());
    FUZZ_CHECK(!outcome || *outcome != Outcome::Voicemail ||
               p.value("answeredBy"_L1).toString().startsWith("machine_"_L1));
    FUZZ_CHECK(!outcome || *outcome == Outcome::Voicemail || status == CallStatus::Ended);
    FUZZ_CHECK(!p.contains("durationMs"_L1) || status == CallStatus::Ended);
    const QJsonValue sipCode = p.value("sipResponseCode"_L1);
    FUZZ_CHECK(sipCode.isUndefined() || (sipCode.isDouble() && sipCode.toDouble() <= 999));
    const QString direction = p.value("direction"_L1).toString();
    FUZZ_CHECK(!p.contains("direction"_L1) || direction == "inbound"_L1 || direction == "outbound"_L1);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const AdapterResult result = FuzzCheck::checkDelivery(Provider::Twilio, adaptTwilio, body, receivedAtMs);
    if (!result)
        return 0;
    const AdaptedDelivery &d = *result;
    // A form is printable ASCII: NULs, raw bytes above 0x7f and JSON never get this far.
    for (const char c : body.trimmed())
        FUZZ_CHECK(uchar(c) > 0x20 && uchar(c) < 0x7f);
    FUZZ_CHECK(!body.trimmed().startsWith('{') && !body.trimmed().startsWith('['));
    FUZZ_CHECK(!d.attributed || d.eventKey.startsWith(d.providerCallId + u':'));
    FUZZ_CHECK(d.events.size() <= 1);
    for (const CallEvent &event : d.events)
        checkEvent(event, d);
    return 0;
}
