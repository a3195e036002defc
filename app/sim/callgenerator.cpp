// SPDX-License-Identifier: GPL-3.0-or-later
#include "callgenerator.h"

#include "conversation.h"
#include "outcome.h"
#include "scriptbook.h"
#include "simids.h"

#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Sim {

namespace {

// How a front desk's day splits up, in percent.
struct Weighted
{
    Scenario scenario;
    int weight;
};
constexpr Weighted scenarioWeights[] = {
    {Scenario::Booking, 24},    {Scenario::Reschedule, 12},    {Scenario::Cancellation, 10},
    {Scenario::Transfer, 7},    {Scenario::TransferFailed, 5}, {Scenario::Reminder, 9},
    {Scenario::ShortHangUp, 8}, {Scenario::NoAnswer, 9},       {Scenario::Busy, 5},
    {Scenario::Voicemail, 8},   {Scenario::Failed, 3},
};

Scenario drawScenario(QRandomGenerator &random)
{
    int total = 0;
    for (const Weighted &entry : scenarioWeights)
        total += entry.weight;
    int roll = random.bounded(total);
    for (const Weighted &entry : scenarioWeights) {
        if (roll < entry.weight)
            return entry.scenario;
        roll -= entry.weight;
    }
    return Scenario::Booking;
}

bool isOutbound(Scenario scenario)
{
    return scenario == Scenario::Reminder || scenario == Scenario::NoAnswer || scenario == Scenario::Busy ||
           scenario == Scenario::Voicemail || scenario == Scenario::Failed;
}

bool isConnected(Scenario scenario)
{
    return scenario != Scenario::NoAnswer && scenario != Scenario::Busy && scenario != Scenario::Failed;
}

qint64 wholeSeconds(qint64 ms)
{
    return (ms + 999) / 1000 * 1000;
}

QString providerCallId(Provider provider, QRandomGenerator &random)
{
    switch (provider) {
    case Provider::Retell:
        return u"call_"_s + randomHex(random, 28);
    case Provider::Vapi:
    case Provider::Ultravox:
        return randomUuid(random);
    case Provider::LiveKit:
        return u"RM_"_s + randomAlphanumeric(random, 12);
    case Provider::Twilio:
        return u"CA"_s + randomHex(random, 32);
    case Provider::Backend:
        break;
    }
    return u"bk_"_s + randomHex(random, 24);
}

// The spec's table of reasons that decide the outcome by themselves, written from spec/providers.md
// and not from the adapters, so that the simulator's expectations check them.
std::optional<Outcome> outcomeOfReason(const QString &reason)
{
    static const QHash<QString, Outcome> table{
        {u"dial_busy"_s, Outcome::Busy},
        {u"customer-busy"_s, Outcome::Busy},
        {u"USER_REJECTED"_s, Outcome::Busy},
        {u"busy"_s, Outcome::Busy},
        {u"dial_no_answer"_s, Outcome::NoAnswer},
        {u"customer-did-not-answer"_s, Outcome::NoAnswer},
        {u"unjoined"_s, Outcome::NoAnswer},
        {u"USER_UNAVAILABLE"_s, Outcome::NoAnswer},
        {u"no-answer"_s, Outcome::NoAnswer},
        {u"voicemail_reached"_s, Outcome::Voicemail},
        {u"voicemail"_s, Outcome::Voicemail},
        {u"call_transfer"_s, Outcome::Transferred},
        {u"assistant-forwarded-call"_s, Outcome::Transferred},
        {u"dial_failed"_s, Outcome::Failed},
        {u"twilio-failed-to-connect-call"_s, Outcome::Failed},
        {u"connection_error"_s, Outcome::Failed},
        {u"system_error"_s, Outcome::Failed},
        {u"SIP_TRUNK_FAILURE"_s, Outcome::Failed},
        {u"failed"_s, Outcome::Failed},
    };
    if (const auto it = table.constFind(reason); it != table.cend())
        return *it;
    return std::nullopt;
}

} // namespace

CallGenerator::CallGenerator(GeneratorOptions options)
    : m_options(std::move(options))
{}

CallPlan CallGenerator::plan(int index) const
{
    QRandomGenerator random(streamSeed(m_options.seed, quint64(index)));
    CallPlan plan;
    plan.index = index;
    plan.provider = m_options.providers.at(index % m_options.providers.size());
    plan.language = m_options.language.value_or(random.bounded(2) ? Language::German : Language::English);
    plan.business = Business(random.bounded(4));
    plan.scenario = drawScenario(random);
    // A call only the backend knows about is one its agent answered.
    while (plan.provider == Provider::Backend && !isConnected(plan.scenario))
        plan.scenario = drawScenario(random);
    plan.outbound = isOutbound(plan.scenario);
    plan.connected = isConnected(plan.scenario);

    const ScriptBook &book = scriptBook(plan.language);
    const Vocabulary &vocabulary = book.vocabulary(plan.business);
    plan.businessName = vocabulary.names.at(random.bounded(int(vocabulary.names.size())));
    const quint64 businessKey = stableHash(plan.businessName);
    plan.agentName = book.agentNames.at(int(businessKey % quint64(book.agentNames.size())));
    plan.agentId = u"agent_"_s + QString::number(stableHash(plan.businessName + toString(plan.provider)), 16);
    // A business is in one country; most of its callers are too.
    const Country home = plan.language == Language::German ? Country::DE
                         : businessKey % 3 == 0            ? Country::UK
                                                           : Country::US;
    const Country callerCountry =
        random.bounded(10) == 0 ? (home == Country::US ? Country::UK : Country::US) : home;
    plan.businessNumber = businessNumber(plan.businessName, home);
    plan.transferNumber = businessNumber(plan.businessName + u" staff"_s, home);
    plan.customerNumber = customerNumber(random, callerCountry);
    plan.callerName = book.firstNames.at(random.bounded(int(book.firstNames.size()))) + u' ' +
                      book.lastNames.at(random.bounded(int(book.lastNames.size())));

    plan.providerCallId = providerCallId(plan.provider, random);
    if (plan.provider == Provider::Twilio)
        plan.twilioCallSid = plan.providerCallId;
    else if (plan.provider == Provider::Retell || plan.provider == Provider::Vapi)
        plan.twilioCallSid = u"CA"_s + randomHex(random, 32);
    plan.sendTwilioLeg =
        m_options.twilioLegs && !plan.twilioCallSid.isEmpty() && plan.provider != Provider::Twilio;
    if (plan.provider == Provider::LiveKit) {
        plan.roomName = u"call-"_s + randomAlphanumeric(random, 10);
        plan.sipCallId = u"SCL_"_s + randomAlphanumeric(random, 12);
    }

    // Calls are spread over the day in index order, on whole seconds: LiveKit reports seconds, and
    // every provider must report the same duration.
    const qint64 slot =
        std::max<qint64>(1'000, (m_options.dayEndMs - m_options.dayStartMs) / std::max(1, m_options.calls));
    plan.dialMs =
        (m_options.dayStartMs + slot * index + qint64(random.bounded(double(slot) * 0.8))) / 1000 * 1000;
    qint64 ringMs = plan.outbound ? random.bounded(6, 19) * 1000 : random.bounded(2, 7) * 1000;
    if (plan.scenario == Scenario::NoAnswer)
        ringMs = random.bounded(25, 33) * 1000;
    else if (plan.scenario == Scenario::Busy || plan.scenario == Scenario::Failed)
        ringMs = random.bounded(1, 4) * 1000;
    plan.answerMs = plan.dialMs + (plan.connected ? ringMs : 0);

    Conversation conversation(plan, random, plan.dialMs);
    plan.steps = conversation.write();
    plan.summary = conversation.summary();
    plan.systemPrompt = conversation.systemPrompt();
    qint64 lastMs = 0;
    for (const Step &step : std::as_const(plan.steps)) {
        std::visit(
            [&lastMs](const auto &item) {
                using T = std::decay_t<decltype(item)>;
                if constexpr (std::is_same_v<T, FlowChange>)
                    lastMs = std::max(lastMs, item.atMs);
                else
                    lastMs = std::max(lastMs, item.endMs);
            },
            step);
    }
    plan.endMs = plan.connected ? plan.answerMs + wholeSeconds(lastMs + random.bounded(300, 2'000))
                                : plan.dialMs + ringMs;

    // LiveKit and Twilio calls bring no transcript of their own: their agents report through the backend.
    const bool ownAgent = plan.provider == Provider::LiveKit || plan.provider == Provider::Twilio ||
                          plan.provider == Provider::Backend;
    plan.withBackend = m_options.backend && plan.connected && (ownAgent || random.bounded(100) < 35);
    if (plan.withBackend) {
        plan.callback = conversation.callback();
        plan.errors = conversation.errors();
        if (random.bounded(100) < 6)
            plan.errors.append(BackendError{u"crm_sync_failed"_s, u"integration"_s, u"medium"_s,
                                            u"CRM sync for contact %1 failed: upstream answered 502"_s.arg(
                                                random.bounded(10'000, 99'999)),
                                            plan.talkMs() - 200});
        if (random.bounded(100) < 4)
            plan.errors.append(BackendError{
                u"tts_latency_high"_s, u"performance"_s, u"low"_s,
                u"Text-to-speech took %1 ms to the first byte"_s.arg(random.bounded(1'800, 3'200)),
                random.bounded(qint64(1'000), std::max<qint64>(1'001, plan.talkMs()))});
    }
    plan.expectedOutcome = expectedOutcome(plan);
    return plan;
}

namespace {

// Each provider's words for how a call ended; an empty one means the provider has no word of its
// own for that scenario and a finished conversation's rule applies (who hung up).
struct EndReasons
{
    const char *transfer;
    const char *noAnswer;
    const char *busy;
    const char *voicemail;
    const char *failed;
    const char *shortHangUp;
    const char *callerHangUp;
    const char *agentHangUp;
};

const EndReasons &endReasonsOf(Provider provider)
{
    static const EndReasons retell{"call_transfer", "dial_no_answer", "dial_busy",   "voicemail_reached",
                                   "dial_failed",   "user_hangup",    "user_hangup", "agent_hangup"};
    static const EndReasons vapi{"assistant-forwarded-call",
                                 "customer-did-not-answer",
                                 "customer-busy",
                                 "voicemail",
                                 "twilio-failed-to-connect-call",
                                 "customer-ended-call",
                                 "customer-ended-call",
                                 "assistant-ended-call"};
    // Ultravox says neither busy nor voicemail: a line that never joined is "unjoined".
    static const EndReasons ultravox{"", "unjoined", "unjoined",    "agent_hangup", "connection_error",
                                     "", "hangup",   "agent_hangup"};
    // LiveKit: the agent ends the room after a voicemail message.
    static const EndReasons liveKit{
        "", "USER_UNAVAILABLE", "USER_REJECTED", "ROOM_DELETED", "SIP_TRUNK_FAILURE",
        "", "CLIENT_INITIATED", "ROOM_DELETED"};
    static const EndReasons twilio{"", "no-answer", "busy", "", "failed", "", "completed", "completed"};
    switch (provider) {
    case Provider::Retell:
        return retell;
    case Provider::Vapi:
        return vapi;
    case Provider::Ultravox:
        return ultravox;
    case Provider::LiveKit:
        return liveKit;
    case Provider::Twilio:
    case Provider::Backend:
        break;
    }
    return twilio;
}

} // namespace

QString endReason(const CallPlan &plan)
{
    return endReason(plan, plan.provider);
}

QString endReason(const CallPlan &plan, Provider provider)
{
    const EndReasons &reasons = endReasonsOf(provider);
    const char *own = plan.scenario == Scenario::Transfer      ? reasons.transfer
                      : plan.scenario == Scenario::NoAnswer    ? reasons.noAnswer
                      : plan.scenario == Scenario::Busy        ? reasons.busy
                      : plan.scenario == Scenario::Voicemail   ? reasons.voicemail
                      : plan.scenario == Scenario::Failed      ? reasons.failed
                      : plan.scenario == Scenario::ShortHangUp ? reasons.shortHangUp
                                                               : "";
    if (*own)
        return QString::fromLatin1(own);
    // Who hangs up a finished conversation alternates between the caller and the agent.
    return QString::fromLatin1(plan.index % 2 == 0 ? reasons.callerHangUp : reasons.agentHangUp);
}

QString expectedOutcome(const CallPlan &plan)
{
    // The backend reports no call status: the outcome of a call only it knows stays open.
    if (plan.provider == Provider::Backend)
        return {};
    // Twilio's answering-machine detection marks a voicemail on a completed call.
    if (plan.provider == Provider::Twilio && plan.scenario == Scenario::Voicemail)
        return toString(Outcome::Voicemail);
    if (const auto outcome = outcomeOfReason(endReason(plan)))
        return toString(*outcome);
    if (!plan.connected)
        return {};
    return toString(OutcomeRule::fromDuration(plan.talkMs()));
}

} // namespace CallScope::Sim
