// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Vapi adapter: besides "no crash" and what every target checks
// (fuzzcheck.h: also the same result again down to the error text and the event times), what Vapi
// shares with Retell (FuzzCheck::checkTimedEvents: finite times, turns that never collide) and its
// own rule: the Twilio credentials Vapi echoes removed everywhere.
#define FUZZ_TARGET "fuzz_vapi"
#include "fuzzcheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdint>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

bool holdsSecret(const QJsonValue &value)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(),
                           [](const QJsonValue &item) { return holdsSecret(item); });
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key() == "twilioAuthToken"_L1 || it.key() == "twilioApiSecret"_L1 || holdsSecret(it.value()))
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    constexpr qint64 receivedAtMs = 1'761'210'900'000;
    const AdapterResult result = FuzzCheck::checkDelivery(Provider::Vapi, adaptVapi, body, receivedAtMs);
    if (!result)
        return 0;
    const AdaptedDelivery &delivery = *result;
    // The Twilio credentials Vapi echoes are removed wherever they were, and only then is a
    // redacted body given.
    const QJsonObject raw = QJsonDocument::fromJson(body).object();
    FUZZ_CHECK(holdsSecret(raw) != delivery.redactedBody.isEmpty());
    if (!delivery.redactedBody.isEmpty()) {
        const QJsonDocument redacted = QJsonDocument::fromJson(delivery.redactedBody);
        FUZZ_CHECK(redacted.isObject() && !holdsSecret(redacted.object()));
        FUZZ_CHECK(redacted.object().value("message"_L1).isObject());
    }
    for (const CallEvent &event : delivery.events)
        FUZZ_CHECK(!holdsSecret(event.payload));
    FuzzCheck::checkTimedEvents(delivery.events);
    return 0;
}
