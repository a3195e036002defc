// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Retell adapter: besides "no crash", every accepted delivery must be one the
// store can take as it is (valid kinds, statuses, roles and function statuses, no nulls, a key), and
// the same bytes must give the same result.
#include "adapters/adapter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

[[noreturn]] void broken(const char *invariant, int line)
{
    std::fprintf(stderr, "fuzz_retell: invariant broken at line %d: %s\n", line, invariant);
    std::abort();
}

#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            broken(#condition, __LINE__);                                                                    \
    } while (false)

bool isMs(const QJsonValue &value)
{
    return value.isDouble() && std::isfinite(value.toDouble()) && value.toDouble() >= 0;
}

void checkEvent(const AdaptedDelivery &delivery, const CallEvent &event,
                QSet<std::pair<QString, qint64>> &turns)
{
    FUZZ_CHECK(event.provider == Provider::Retell);
    FUZZ_CHECK(event.providerCallId == delivery.providerCallId);
    FUZZ_CHECK(eventKindFromString(toString(event.kind)) == event.kind);
    const QJsonObject &p = event.payload;
    for (auto it = p.constBegin(); it != p.constEnd(); ++it)
        FUZZ_CHECK(!it.value().isNull() && !it.value().isUndefined());
    if (p.contains("outcome"_L1))
        FUZZ_CHECK(outcomeFromString(p.value("outcome"_L1).toString()).has_value());
    switch (event.kind) {
    case EventKind::CallStatus:
        FUZZ_CHECK(callStatusFromString(p.value("status"_L1).toString()).has_value());
        if (p.contains("direction"_L1))
            FUZZ_CHECK(QStringList({u"inbound"_s, u"outbound"_s, u"web"_s})
                           .contains(p.value("direction"_L1).toString()));
        if (p.contains("durationMs"_L1))
            FUZZ_CHECK(isMs(p.value("durationMs"_L1)));
        break;
    case EventKind::TranscriptSegment: {
        const QString role = p.value("role"_L1).toString();
        FUZZ_CHECK(role == "agent"_L1 || role == "user"_L1 || role == "system"_L1);
        FUZZ_CHECK(!p.value("text"_L1).toString().isEmpty());
        FUZZ_CHECK(isMs(p.value("startMs"_L1)));
        FUZZ_CHECK(event.offsetMs && double(*event.offsetMs) == p.value("startMs"_L1).toDouble());
        if (p.contains("endMs"_L1))
            FUZZ_CHECK(isMs(p.value("endMs"_L1)) &&
                       p.value("endMs"_L1).toDouble() >= p.value("startMs"_L1).toDouble());
        // The store keeps one turn per (role, startMs): two turns of one delivery must never collide.
        const std::pair<QString, qint64> turn{role, *event.offsetMs};
        FUZZ_CHECK(!turns.contains(turn));
        turns.insert(turn);
        break;
    }
    case EventKind::FunctionStarted:
        FUZZ_CHECK(!p.value("toolCallId"_L1).toString().isEmpty());
        break;
    case EventKind::FunctionFinished: {
        FUZZ_CHECK(!p.value("toolCallId"_L1).toString().isEmpty());
        const auto status = functionStatusFromString(p.value("status"_L1).toString());
        FUZZ_CHECK(status && *status != FunctionStatus::Pending);
        if (p.contains("error"_L1))
            FUZZ_CHECK(*status == FunctionStatus::Error);
        break;
    }
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
    if (event.offsetMs)
        FUZZ_CHECK(*event.offsetMs >= 0);
}

bool same(const AdapterResult &a, const AdapterResult &b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return a.error().detail == b.error().detail;
    if (a->eventKey != b->eventKey || a->events.size() != b->events.size() || a->attributed != b->attributed)
        return false;
    for (qsizetype i = 0; i < a->events.size(); ++i) {
        const CallEvent &x = a->events.at(i);
        const CallEvent &y = b->events.at(i);
        if (x.kind != y.kind || x.payload != y.payload || x.offsetMs != y.offsetMs ||
            x.occurredAtMs != y.occurredAtMs)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    constexpr qint64 receivedAtMs = 1'761'210'900'000;
    const AdapterResult result = adaptRetell(body, receivedAtMs);
    FUZZ_CHECK(same(result, adaptRetell(body, receivedAtMs)));
    if (!result) {
        FUZZ_CHECK(!result.error().detail.isEmpty());
        return 0;
    }
    const AdaptedDelivery &delivery = *result;
    FUZZ_CHECK(!delivery.eventKey.isEmpty());
    FUZZ_CHECK(!delivery.eventType.isEmpty());
    FUZZ_CHECK(delivery.attributed == !delivery.providerCallId.isEmpty());
    FUZZ_CHECK(delivery.attributed == delivery.unattributedReason.isEmpty());
    FUZZ_CHECK(delivery.attributed || delivery.events.isEmpty());
    FUZZ_CHECK(delivery.redactedBody.isEmpty()); // Retell's payload holds no credentials
    // Every known event reports the call's status first.
    if (!delivery.events.isEmpty())
        FUZZ_CHECK(delivery.events.first().kind == EventKind::CallStatus);
    QSet<std::pair<QString, qint64>> turns;
    for (const CallEvent &event : delivery.events)
        checkEvent(delivery, event, turns);
    return 0;
}
