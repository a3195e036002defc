// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the Ultravox adapter: every input is tried as a webhook and as a page of
// GET /api/calls/{id}/messages. Besides "no crash" and what every target checks (fuzzcheck.h, also for
// the page's events), Ultravox's own rules: which events each gives, no empty strings, an outcome only
// at the end, offsets where the contract wants them, turns of a page that never collide, a key of the
// event type and a next page by URL.
#define FUZZ_TARGET "fuzz_ultravox"
#include "fuzzcheck.h"

#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 receivedAtMs = 1'795'600'000'000;

bool oneOf(const QJsonValue &value, std::initializer_list<QLatin1StringView> names)
{
    for (const QLatin1StringView name : names) {
        if (value.toString() == name)
            return true;
    }
    return false;
}

// Webhook and messages-page events alike, beside FuzzCheck::checkEvent.
void checkEvent(const CallEvent &event)
{
    FuzzCheck::checkNoEmptyStrings(event);
    const QJsonObject &p = event.payload;
    switch (event.kind) {
    case EventKind::CallStatus:
        FUZZ_CHECK(!p.contains("outcome"_L1) || p.value("status"_L1).toString() == "ended"_L1);
        FUZZ_CHECK(!p.contains("direction"_L1) ||
                   oneOf(p.value("direction"_L1), {"inbound"_L1, "outbound"_L1, "web"_L1}));
        FUZZ_CHECK(!event.offsetMs);
        break;
    case EventKind::CallAnalysis:
        FUZZ_CHECK(p.value("summary"_L1).isString());
        break;
    case EventKind::TranscriptSegment:
        FUZZ_CHECK(p.value("text"_L1).isString());
        FUZZ_CHECK(p.contains("startMs"_L1));
        break;
    case EventKind::FunctionStarted:
        // A tool call without an invocationId is kept, with no toolCallId (FuzzCheck lets it be).
        FUZZ_CHECK(!p.contains("toolCallId"_L1) || p.value("toolCallId"_L1).isString());
        FUZZ_CHECK(event.offsetMs);
        break;
    case EventKind::FunctionFinished:
        FUZZ_CHECK(oneOf(p.value("status"_L1), {"success"_L1, "error"_L1, "timeout"_L1}));
        FUZZ_CHECK(p.contains("error"_L1) == (p.value("status"_L1).toString() == "error"_L1));
        FUZZ_CHECK(event.offsetMs);
        break;
    default:
        FuzzCheck::broken(FUZZ_TARGET, "an event kind the Ultravox adapter never produces", __LINE__);
    }
}

void checkWebhook(const QByteArray &body)
{
    const AdapterResult result =
        FuzzCheck::checkDelivery(Provider::Ultravox, adaptUltravox, body, receivedAtMs);
    if (!result)
        return;
    const AdaptedDelivery &d = *result;
    FUZZ_CHECK(d.eventKey.startsWith(d.eventType + u':'));
    FUZZ_CHECK(d.events.size() <= 2);
    FUZZ_CHECK(d.events.isEmpty() || d.events.first().kind == EventKind::CallStatus);
    for (const CallEvent &event : d.events) {
        FUZZ_CHECK(event.kind == EventKind::CallStatus || event.kind == EventKind::CallAnalysis);
        checkEvent(event);
    }
}

void checkMessages(const QByteArray &body)
{
    AdaptedDelivery call; // the call the page's events must be of
    call.providerCallId = u"4b0f4d2e-7a51-4c57-9a5e-1f0c7e3d9a12"_s;
    const auto page = adaptUltravoxMessages(call.providerCallId, body, receivedAtMs);
    if (!page) {
        FUZZ_CHECK(!page.error().detail.isEmpty());
        return;
    }
    FUZZ_CHECK(page->next.isEmpty() || page->next.startsWith("http"_L1));
    for (const CallEvent &event : page->events) {
        FUZZ_CHECK(event.kind == EventKind::TranscriptSegment || event.kind == EventKind::FunctionStarted ||
                   event.kind == EventKind::FunctionFinished);
        FUZZ_CHECK(event.occurredAtMs == receivedAtMs);
        FuzzCheck::checkEvent(Provider::Ultravox, call, event);
        checkEvent(event);
    }
    FuzzCheck::checkDistinctTurns(page->events);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    checkWebhook(body);
    checkMessages(body);
    return 0;
}
