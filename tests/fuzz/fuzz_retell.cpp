// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Retell adapter: besides "no crash" and what every target checks
// (fuzzcheck.h), Retell's own rules: finite times, turns that never collide, the call's status first,
// no redacted body, and a result that is the same again down to the error text and the event times.
#define FUZZ_TARGET "fuzz_retell"
#include "fuzzcheck.h"

#include <QJsonObject>
#include <QSet>

#include <cmath>
#include <cstdint>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

bool isMs(const QJsonValue &value)
{
    return value.isDouble() && std::isfinite(value.toDouble()) && value.toDouble() >= 0;
}

void checkEvent(const CallEvent &event, QSet<std::pair<QString, qint64>> &turns)
{
    const QJsonObject &p = event.payload;
    switch (event.kind) {
    case EventKind::CallStatus:
        if (p.contains("direction"_L1))
            FUZZ_CHECK(QStringList({u"inbound"_s, u"outbound"_s, u"web"_s})
                           .contains(p.value("direction"_L1).toString()));
        if (p.contains("durationMs"_L1))
            FUZZ_CHECK(isMs(p.value("durationMs"_L1)));
        break;
    case EventKind::TranscriptSegment: {
        FUZZ_CHECK(!p.value("text"_L1).toString().isEmpty());
        FUZZ_CHECK(isMs(p.value("startMs"_L1)));
        if (p.contains("endMs"_L1))
            FUZZ_CHECK(isMs(p.value("endMs"_L1)) &&
                       p.value("endMs"_L1).toDouble() >= p.value("startMs"_L1).toDouble());
        // The store keeps one turn per (role, startMs): two turns of one delivery must never collide.
        const std::pair<QString, qint64> turn{p.value("role"_L1).toString(), *event.offsetMs};
        FUZZ_CHECK(!turns.contains(turn));
        turns.insert(turn);
        break;
    }
    case EventKind::FunctionFinished:
        if (p.contains("error"_L1))
            FUZZ_CHECK(functionStatusFromString(p.value("status"_L1).toString()) == FunctionStatus::Error);
        break;
    case EventKind::FlowTransition:
        FUZZ_CHECK(p.contains("from"_L1) || p.contains("to"_L1));
        break;
    case EventKind::CallCost:
        FUZZ_CHECK(p.value("costCents"_L1).isDouble() && std::isfinite(p.value("costCents"_L1).toDouble()));
        break;
    case EventKind::Note:
        FUZZ_CHECK(!p.value("text"_L1).toString().isEmpty());
        break;
    default:
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    constexpr qint64 receivedAtMs = 1'761'210'900'000;
    const AdapterResult result = adaptRetell(body, receivedAtMs);
    const AdapterResult again = adaptRetell(body, receivedAtMs);
    FuzzCheck::checkDelivery(Provider::Retell, result, again);
    if (!result) {
        FUZZ_CHECK(result.error().detail == again.error().detail);
        return 0;
    }
    const AdaptedDelivery &delivery = *result;
    FUZZ_CHECK(again->attributed == delivery.attributed);
    for (qsizetype i = 0; i < delivery.events.size(); ++i)
        FUZZ_CHECK(again->events[i].occurredAtMs == delivery.events[i].occurredAtMs);
    FUZZ_CHECK(delivery.redactedBody.isEmpty()); // Retell's payload holds no credentials
    // Every known event reports the call's status first.
    if (!delivery.events.isEmpty())
        FUZZ_CHECK(delivery.events.first().kind == EventKind::CallStatus);
    QSet<std::pair<QString, qint64>> turns;
    for (const CallEvent &event : delivery.events)
        checkEvent(event, turns);
    return 0;
}
