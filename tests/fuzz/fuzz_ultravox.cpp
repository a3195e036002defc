// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Ultravox adapter: every input is tried as a webhook and as a page of
// GET /api/calls/{id}/messages. Besides "no crash", it checks what the store relies on: valid kinds,
// statuses, roles and function statuses, no nulls, ids where the contract wants them, determinism.
#include "adapters/adapter.h"

#include <QJsonArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 receivedAtMs = 1'795'600'000'000;

[[noreturn]] void broken(const char *invariant, int line)
{
    std::fprintf(stderr, "fuzz_ultravox: invariant broken at line %d: %s\n", line, invariant);
    std::abort();
}

#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            broken(#condition, __LINE__);                                                                    \
    } while (false)

bool isMs(const QJsonObject &payload, QLatin1StringView key)
{
    const QJsonValue value = payload.value(key);
    return value.isUndefined() || (value.isDouble() && value.toDouble() >= 0);
}

bool oneOf(const QJsonValue &value, std::initializer_list<QLatin1StringView> names)
{
    for (const QLatin1StringView name : names) {
        if (value.toString() == name)
            return true;
    }
    return false;
}

void checkEvent(const CallEvent &event, const QString &callId)
{
    FUZZ_CHECK(event.provider == Provider::Ultravox);
    FUZZ_CHECK(event.providerCallId == callId);
    FUZZ_CHECK(int(event.kind) >= 0 && int(event.kind) <= int(EventKind::Note));
    FUZZ_CHECK(eventKindFromString(toString(event.kind)) == event.kind);
    const QJsonObject &p = event.payload;
    for (auto it = p.begin(); it != p.end(); ++it) {
        FUZZ_CHECK(!it.value().isNull() && !it.value().isUndefined());
        FUZZ_CHECK(!it.value().isString() || !it.value().toString().isEmpty());
    }
    switch (event.kind) {
    case EventKind::CallStatus:
        FUZZ_CHECK(callStatusFromString(p.value("status"_L1).toString()));
        FUZZ_CHECK(!p.contains("outcome"_L1) || outcomeFromString(p.value("outcome"_L1).toString()));
        FUZZ_CHECK(!p.contains("outcome"_L1) || p.value("status"_L1).toString() == "ended"_L1);
        FUZZ_CHECK(!p.contains("direction"_L1) ||
                   oneOf(p.value("direction"_L1), {"inbound"_L1, "outbound"_L1, "web"_L1}));
        FUZZ_CHECK(isMs(p, "durationMs"_L1));
        FUZZ_CHECK(!event.offsetMs);
        break;
    case EventKind::CallAnalysis:
        FUZZ_CHECK(p.value("summary"_L1).isString());
        break;
    case EventKind::TranscriptSegment:
        FUZZ_CHECK(oneOf(p.value("role"_L1), {"agent"_L1, "user"_L1, "system"_L1}));
        FUZZ_CHECK(p.value("text"_L1).isString());
        FUZZ_CHECK(isMs(p, "startMs"_L1) && isMs(p, "endMs"_L1) && p.contains("startMs"_L1));
        FUZZ_CHECK(event.offsetMs && qint64(p.value("startMs"_L1).toDouble()) == *event.offsetMs);
        break;
    case EventKind::FunctionStarted:
        FUZZ_CHECK(!p.contains("toolCallId"_L1) || p.value("toolCallId"_L1).isString());
        FUZZ_CHECK(event.offsetMs && *event.offsetMs >= 0);
        break;
    case EventKind::FunctionFinished:
        FUZZ_CHECK(oneOf(p.value("status"_L1), {"success"_L1, "error"_L1, "timeout"_L1}));
        FUZZ_CHECK(p.contains("error"_L1) == (p.value("status"_L1).toString() == "error"_L1));
        FUZZ_CHECK(event.offsetMs && *event.offsetMs >= 0);
        break;
    default:
        broken("an event kind the Ultravox adapter never produces", __LINE__);
    }
}

void checkWebhook(const QByteArray &body)
{
    const AdapterResult result = adaptUltravox(body, receivedAtMs);
    if (!result) {
        FUZZ_CHECK(!result.error().detail.isEmpty());
        return;
    }
    const AdaptedDelivery &d = *result;
    FUZZ_CHECK(!d.eventKey.isEmpty());
    FUZZ_CHECK(!d.eventType.isEmpty());
    FUZZ_CHECK(d.eventKey.startsWith(d.eventType + u':'));
    FUZZ_CHECK(d.attributed == !d.providerCallId.isEmpty());
    FUZZ_CHECK(d.attributed == d.unattributedReason.isEmpty());
    FUZZ_CHECK(d.attributed || d.events.isEmpty());
    FUZZ_CHECK(d.events.size() <= 2);
    FUZZ_CHECK(d.events.isEmpty() || d.events.first().kind == EventKind::CallStatus);
    for (const CallEvent &event : d.events) {
        FUZZ_CHECK(event.kind == EventKind::CallStatus || event.kind == EventKind::CallAnalysis);
        checkEvent(event, d.providerCallId);
    }

    // The same bytes give the same delivery, whatever the clock says for events that carry a time.
    const AdapterResult again = adaptUltravox(body, receivedAtMs);
    FUZZ_CHECK(again && again->eventKey == d.eventKey && again->events.size() == d.events.size());
    for (qsizetype i = 0; i < d.events.size(); ++i)
        FUZZ_CHECK(again->events[i].payload == d.events[i].payload);
}

void checkMessages(const QByteArray &body)
{
    const QString callId = u"4b0f4d2e-7a51-4c57-9a5e-1f0c7e3d9a12"_s;
    const auto page = adaptUltravoxMessages(callId, body, receivedAtMs);
    if (!page) {
        FUZZ_CHECK(!page.error().detail.isEmpty());
        return;
    }
    FUZZ_CHECK(page->next.isEmpty() || page->next.startsWith("http"_L1));
    for (const CallEvent &event : page->events) {
        FUZZ_CHECK(event.kind == EventKind::TranscriptSegment || event.kind == EventKind::FunctionStarted ||
                   event.kind == EventKind::FunctionFinished);
        FUZZ_CHECK(event.occurredAtMs == receivedAtMs);
        checkEvent(event, callId);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    checkWebhook(body);
    checkMessages(body);
    return 0;
}
