// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplecalls.h"

#include "webhooksigner.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::SampleCalls {

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray path(const QString &tenant, Provider provider)
{
    const QString prefix = tenant == "default"_L1 ? QString() : u"/t/"_s + tenant;
    return (prefix + u"/webhooks/"_s + toString(provider)).toUtf8();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonArray words(const QString &text, double startSeconds)
{
    QJsonArray out;
    double t = startSeconds;
    for (const QString &word : text.split(u' ')) {
        out.append(QJsonObject{{u"word"_s, word}, {u"start"_s, t}, {u"end"_s, t + 0.3}});
        t += 0.35;
    }
    return out;
}

Delivery signedRetell(const Secrets &secrets, const QString &tenant, const QJsonObject &payload, qint64 nowMs)
{
    Delivery d{Provider::Retell, path(tenant, Provider::Retell), "application/json", {}, json(payload)};
    d.headers.append({"x-retell-signature", WebhookSigner::retell(d.body, secrets.retellApiKey, nowMs)});
    return d;
}

Delivery signedVapi(const Secrets &secrets, const QString &tenant, const QJsonObject &payload)
{
    Delivery d{Provider::Vapi, path(tenant, Provider::Vapi), "application/json", {}, json(payload)};
    d.headers.append({"x-vapi-secret", secrets.vapiSecret});
    return d;
}

Delivery signedUltravox(const Secrets &secrets, const QString &tenant, const QJsonObject &payload,
                        qint64 nowMs)
{
    Delivery d{Provider::Ultravox, path(tenant, Provider::Ultravox), "application/json", {}, json(payload)};
    const QByteArray timestamp = iso(nowMs).toUtf8();
    d.headers.append({"x-ultravox-webhook-timestamp", timestamp});
    d.headers.append(
        {"x-ultravox-webhook-signature", WebhookSigner::ultravox(d.body, secrets.ultravoxSecret, timestamp)});
    return d;
}

Delivery signedLiveKit(const Secrets &secrets, const QString &tenant, const QJsonObject &payload,
                       qint64 nowMs)
{
    Delivery d{
        Provider::LiveKit, path(tenant, Provider::LiveKit), "application/webhook+json", {}, json(payload)};
    d.headers.append({"authorization", WebhookSigner::liveKit(d.body, secrets.liveKitApiKey,
                                                              secrets.liveKitApiSecret, nowMs / 1000)});
    return d;
}

} // namespace

QByteArray Secrets::secretsFileJson(const QString &tenant) const
{
    const QJsonObject keys{
        {u"retell.apiKey"_s, QString::fromUtf8(retellApiKey)},
        {u"vapi.secret"_s, QString::fromUtf8(vapiSecret)},
        {u"ultravox.webhookSecret"_s, QString::fromUtf8(ultravoxSecret)},
        {u"livekit.apiKey"_s, QString::fromUtf8(liveKitApiKey)},
        {u"livekit.apiSecret"_s, QString::fromUtf8(liveKitApiSecret)},
        {u"twilio.authToken"_s, QString::fromUtf8(twilioAuthToken)},
    };
    return QJsonDocument(QJsonObject{{tenant, keys}}).toJson();
}

Call retell(const Secrets &secrets, const QString &callId, qint64 startMs, const QString &tenant)
{
    const qint64 endMs = startMs + 95'000;
    QJsonObject call{
        {u"call_id"_s, callId},
        {u"agent_id"_s, u"agent_7f2c"_s},
        {u"agent_name"_s, u"Front desk"_s},
        {u"call_type"_s, u"phone_call"_s},
        {u"direction"_s, u"inbound"_s},
        {u"from_number"_s, u"+14155550100"_s},
        {u"to_number"_s, u"+14155550199"_s},
        {u"call_status"_s, u"ongoing"_s},
        {u"start_timestamp"_s, double(startMs)},
        {u"telephony_identifier"_s, QJsonObject{{u"twilio_call_sid"_s, QString(u"CA"_s + callId)}}}};
    Call out;
    out.deliveries.append(signedRetell(
        secrets, tenant, QJsonObject{{u"event"_s, u"call_started"_s}, {u"call"_s, call}}, startMs));

    const QList<std::pair<QString, QString>> turns{
        {u"agent"_s, u"Good morning, Smile Dental, how can I help?"_s},
        {u"user"_s, u"I need a cleaning next Tuesday morning"_s},
        {u"agent"_s, u"Tuesday at nine thirty is free, shall I book it?"_s},
        {u"user"_s, u"Yes please"_s},
    };
    QJsonArray transcript;
    QJsonArray withTools;
    double t = 0.5;
    for (qsizetype i = 0; i < turns.size(); ++i) {
        const QJsonObject utterance{{u"role"_s, turns[i].first},
                                    {u"content"_s, turns[i].second},
                                    {u"words"_s, words(turns[i].second, t)}};
        transcript.append(utterance);
        withTools.append(utterance);
        if (i == 1) {
            withTools.append(
                QJsonObject{{u"role"_s, u"tool_call_invocation"_s},
                            {u"tool_call_id"_s, u"tc_avail"_s},
                            {u"name"_s, u"check_availability"_s},
                            {u"arguments"_s, u"{\"day\":\"tuesday\",\"service\":\"cleaning\"}"_s}});
            withTools.append(QJsonObject{{u"role"_s, u"tool_call_result"_s},
                                         {u"tool_call_id"_s, u"tc_avail"_s},
                                         {u"content"_s, u"{\"slots\":[\"09:30\",\"11:00\"]}"_s}});
        }
        if (i == 3) {
            withTools.append(
                QJsonObject{{u"role"_s, u"tool_call_invocation"_s},
                            {u"tool_call_id"_s, u"tc_book"_s},
                            {u"name"_s, u"book_appointment_v17"_s},
                            {u"arguments"_s, u"{\"slot\":\"09:30\",\"phone\":\"+14155550100\"}"_s}});
            withTools.append(
                QJsonObject{{u"role"_s, u"tool_call_result"_s},
                            {u"tool_call_id"_s, u"tc_book"_s},
                            {u"content"_s, u"calendar_unavailable: the calendar did not answer"_s},
                            {u"successful"_s, false}});
        }
        t += 6.0;
    }
    call.insert(u"call_status"_s, u"ended"_s);
    call.insert(u"end_timestamp"_s, double(endMs));
    call.insert(u"duration_ms"_s, double(endMs - startMs));
    call.insert(u"disconnection_reason"_s, u"user_hangup"_s);
    call.insert(u"transcript_object"_s, transcript);
    call.insert(u"transcript_with_tool_calls"_s, withTools);
    call.insert(u"call_cost"_s, QJsonObject{{u"combined_cost"_s, 12.5}});
    call.insert(u"recording_url"_s, QString(u"https://retell.example/recordings/"_s + callId + u".wav"_s));
    out.deliveries.append(signedRetell(
        secrets, tenant, QJsonObject{{u"event"_s, u"call_ended"_s}, {u"call"_s, call}}, endMs + 500));
    call.insert(u"call_analysis"_s, QJsonObject{{u"call_summary"_s, u"Booked a cleaning, booking failed"_s},
                                                {u"user_sentiment"_s, u"Neutral"_s},
                                                {u"call_successful"_s, false},
                                                {u"in_voicemail"_s, false}});
    out.deliveries.append(signedRetell(
        secrets, tenant, QJsonObject{{u"event"_s, u"call_analyzed"_s}, {u"call"_s, call}}, endMs + 4000));
    out.expected = Expected{callId, u"ended"_s, u"completed"_s, endMs - startMs, 2, 1, 4};
    return out;
}

Call vapi(const Secrets &secrets, const QString &callId, qint64 startMs, const QString &tenant)
{
    const qint64 endMs = startMs + 61'000;
    const QJsonObject call{{u"id"_s, callId},
                           {u"type"_s, u"inboundPhoneCall"_s},
                           {u"phoneCallProviderId"_s, QString(u"CA"_s + callId)},
                           {u"customer"_s, QJsonObject{{u"number"_s, u"+4915112345678"_s}}}};
    const QJsonObject phoneNumber{{u"number"_s, u"+4930123456"_s},
                                  {u"twilioAuthToken"_s, u"SECRET-TWILIO-TOKEN"_s},
                                  {u"twilioAccountSid"_s, u"AC123"_s}};
    Call out;
    out.deliveries.append(
        signedVapi(secrets, tenant,
                   QJsonObject{{u"message"_s, QJsonObject{{u"type"_s, u"status-update"_s},
                                                          {u"status"_s, u"in-progress"_s},
                                                          {u"timestamp"_s, double(startMs)},
                                                          {u"call"_s, call},
                                                          {u"phoneNumber"_s, phoneNumber}}}}));
    const QJsonArray messages{
        QJsonObject{{u"role"_s, u"bot"_s},
                    {u"message"_s, u"Hallo, Salon Anna, wie kann ich helfen?"_s},
                    {u"time"_s, double(startMs + 800)},
                    {u"endTime"_s, double(startMs + 3200)},
                    {u"secondsFromStart"_s, 0.8}},
        QJsonObject{{u"role"_s, u"user"_s},
                    {u"message"_s, u"Ich möchte meinen Termin absagen"_s},
                    {u"time"_s, double(startMs + 4000)},
                    {u"endTime"_s, double(startMs + 6500)},
                    {u"secondsFromStart"_s, 4.0}},
        QJsonObject{{u"role"_s, u"tool_calls"_s},
                    {u"time"_s, double(startMs + 7000)},
                    {u"secondsFromStart"_s, 7.0},
                    {u"toolCalls"_s,
                     QJsonArray{QJsonObject{
                         {u"id"_s, u"call_tool_1"_s},
                         {u"type"_s, u"function"_s},
                         {u"function"_s, QJsonObject{{u"name"_s, u"cancel_appointment"_s},
                                                     {u"arguments"_s, u"{\"date\":\"2026-12-01\"}"_s}}}}}}},
        QJsonObject{{u"role"_s, u"tool_call_result"_s},
                    {u"toolCallId"_s, u"call_tool_1"_s},
                    {u"name"_s, u"cancel_appointment"_s},
                    {u"result"_s, u"{\"cancelled\":true}"_s},
                    {u"time"_s, double(startMs + 7800)},
                    {u"secondsFromStart"_s, 7.8}},
        QJsonObject{{u"role"_s, u"bot"_s},
                    {u"message"_s, u"Erledigt, Ihr Termin ist abgesagt."_s},
                    {u"time"_s, double(startMs + 8500)},
                    {u"endTime"_s, double(startMs + 10500)},
                    {u"secondsFromStart"_s, 8.5}},
    };
    out.deliveries.append(signedVapi(
        secrets, tenant,
        QJsonObject{
            {u"message"_s, QJsonObject{{u"type"_s, u"end-of-call-report"_s},
                                       {u"timestamp"_s, double(endMs + 1000)},
                                       {u"endedReason"_s, u"customer-ended-call"_s},
                                       {u"startedAt"_s, iso(startMs)},
                                       {u"endedAt"_s, iso(endMs)},
                                       {u"cost"_s, 0.21},
                                       {u"call"_s, call},
                                       {u"phoneNumber"_s, phoneNumber},
                                       {u"artifact"_s, QJsonObject{{u"messages"_s, messages}}},
                                       {u"analysis"_s, QJsonObject{{u"summary"_s, u"Termin abgesagt"_s},
                                                                   {u"successEvaluation"_s, u"true"_s}}}}}}));
    out.expected = Expected{callId, u"ended"_s, u"completed"_s, endMs - startMs, 1, 0, 3};
    return out;
}

Call ultravox(const Secrets &secrets, const QString &callId, qint64 startMs, const QString &tenant)
{
    const qint64 joinedMs = startMs + 2'000;
    const qint64 endMs = joinedMs + 42'000;
    QJsonObject call{{u"callId"_s, callId},
                     {u"created"_s, iso(startMs)},
                     {u"agentId"_s, u"agent-salon"_s},
                     {u"medium"_s, QJsonObject{{u"twilio"_s, QJsonObject{}}}}};
    Call out;
    out.deliveries.append(signedUltravox(
        secrets, tenant, QJsonObject{{u"event"_s, u"call.started"_s}, {u"call"_s, call}}, startMs));
    call.insert(u"joined"_s, iso(joinedMs));
    out.deliveries.append(signedUltravox(
        secrets, tenant, QJsonObject{{u"event"_s, u"call.joined"_s}, {u"call"_s, call}}, joinedMs));
    call.insert(u"ended"_s, iso(endMs));
    call.insert(u"endReason"_s, u"hangup"_s);
    call.insert(u"shortSummary"_s, u"Asked for opening hours"_s);
    out.deliveries.append(signedUltravox(
        secrets, tenant, QJsonObject{{u"event"_s, u"call.ended"_s}, {u"call"_s, call}}, endMs + 300));
    out.expected = Expected{callId, u"ended"_s, u"completed"_s, endMs - joinedMs, 0, 0, 0};
    return out;
}

Call liveKit(const Secrets &secrets, const QString &roomSid, qint64 startMs, const QString &tenant)
{
    const qint64 startS = startMs / 1000;
    const QJsonObject room{{u"sid"_s, roomSid},
                           {u"name"_s, QString(u"call-"_s + roomSid)},
                           {u"creationTime"_s, QString::number(startS)}};
    const QJsonObject sipParticipant{
        {u"sid"_s, QString(u"PA_sip_"_s + roomSid)},
        {u"identity"_s, u"sip_+4917612345678"_s},
        {u"kind"_s, u"SIP"_s},
        {u"joinedAt"_s, QString::number(startS + 1)},
        {u"attributes"_s, QJsonObject{{u"sip.callID"_s, QString(u"SCL_"_s + roomSid)},
                                      {u"sip.phoneNumber"_s, u"+4917612345678"_s},
                                      {u"sip.trunkPhoneNumber"_s, u"+4930999000"_s},
                                      {u"sip.callStatus"_s, u"active"_s}}}};
    Call out;
    out.deliveries.append(signedLiveKit(secrets, tenant,
                                        QJsonObject{{u"event"_s, u"room_started"_s},
                                                    {u"id"_s, QString(u"EV_start_"_s + roomSid)},
                                                    {u"createdAt"_s, QString::number(startS)},
                                                    {u"room"_s, room}},
                                        startMs));
    out.deliveries.append(signedLiveKit(secrets, tenant,
                                        QJsonObject{{u"event"_s, u"participant_joined"_s},
                                                    {u"id"_s, QString(u"EV_join_"_s + roomSid)},
                                                    {u"createdAt"_s, QString::number(startS + 1)},
                                                    {u"room"_s, room},
                                                    {u"participant"_s, sipParticipant}},
                                        startMs + 1000));
    QJsonObject left = sipParticipant;
    left.insert(u"disconnectReason"_s, u"CLIENT_INITIATED"_s);
    out.deliveries.append(signedLiveKit(secrets, tenant,
                                        QJsonObject{{u"event"_s, u"participant_left"_s},
                                                    {u"id"_s, QString(u"EV_left_"_s + roomSid)},
                                                    {u"createdAt"_s, QString::number(startS + 31)},
                                                    {u"room"_s, room},
                                                    {u"participant"_s, left}},
                                        startMs + 31'000));
    out.deliveries.append(signedLiveKit(secrets, tenant,
                                        QJsonObject{{u"event"_s, u"room_finished"_s},
                                                    {u"id"_s, QString(u"EV_end_"_s + roomSid)},
                                                    {u"createdAt"_s, QString::number(startS + 32)},
                                                    {u"room"_s, room}},
                                        startMs + 32'000));
    out.expected = Expected{roomSid, u"ended"_s, u"completed"_s, 30'000, 0, 0, 0};
    return out;
}

Call twilio(const Secrets &secrets, const QString &callSid, qint64 startMs, const QByteArray &publicBaseUrl,
            const QString &tenant)
{
    Call out;
    const QList<QPair<QByteArray, int>> statuses{
        {"initiated", 0}, {"ringing", 1}, {"in-progress", 2}, {"completed", 3}};
    const QByteArray route = path(tenant, Provider::Twilio);
    for (const auto &[status, sequence] : statuses) {
        QList<QPair<QByteArray, QByteArray>> params{
            {"AccountSid", "AC0000000000000000000000000000000a"},
            {"CallSid", callSid.toUtf8()},
            {"CallStatus", status},
            {"Direction", "inbound"},
            {"From", "+14155550123"},
            {"To", "+14155550999"},
            {"SequenceNumber", QByteArray::number(sequence)},
            {"Timestamp", QDateTime::fromMSecsSinceEpoch(startMs + sequence * 5'000, Qt::UTC)
                              .toString(Qt::RFC2822Date)
                              .toUtf8()},
        };
        if (status == "completed")
            params.append(qMakePair(QByteArray("CallDuration"), QByteArray("25")));
        Delivery d{Provider::Twilio,
                   route,
                   "application/x-www-form-urlencoded",
                   {},
                   WebhookSigner::formBody(params)};
        d.headers.append({"x-twilio-signature",
                          WebhookSigner::twilio(publicBaseUrl + route, params, secrets.twilioAuthToken)});
        out.deliveries.append(d);
    }
    out.expected = Expected{callSid, u"ended"_s, u"completed"_s, 25'000, 0, 0, 0};
    return out;
}

Delivery retellStarted(const Secrets &secrets, const QString &callId, qint64 nowMs, const QString &tenant)
{
    const QJsonObject call{{u"call_id"_s, callId},
                           {u"agent_id"_s, u"agent_load"_s},
                           {u"direction"_s, u"inbound"_s},
                           {u"from_number"_s, u"+14155550100"_s},
                           {u"to_number"_s, u"+14155550199"_s},
                           {u"call_status"_s, u"ongoing"_s},
                           {u"start_timestamp"_s, double(nowMs)}};
    return signedRetell(secrets, tenant, QJsonObject{{u"event"_s, u"call_started"_s}, {u"call"_s, call}},
                        nowMs);
}

Delivery liveKitRoomStarted(const Secrets &secrets, const QString &roomSid, qint64 nowMs,
                            const QString &tenant)
{
    const QJsonObject room{{u"sid"_s, roomSid},
                           {u"name"_s, QString(u"load-"_s + roomSid)},
                           {u"creationTime"_s, QString::number(nowMs / 1000)}};
    return signedLiveKit(secrets, tenant,
                         QJsonObject{{u"event"_s, u"room_started"_s},
                                     {u"id"_s, QString(u"EV_"_s + roomSid)},
                                     {u"createdAt"_s, QString::number(nowMs / 1000)},
                                     {u"room"_s, room}},
                         nowMs);
}

QByteArray httpRequest(const Delivery &delivery, const QByteArray &host)
{
    QByteArray request = "POST " + delivery.path + " HTTP/1.1\r\nHost: " + host +
                         "\r\nContent-Type: " + delivery.contentType +
                         "\r\nContent-Length: " + QByteArray::number(delivery.body.size()) + "\r\n";
    for (const auto &[name, value] : delivery.headers)
        request += name + ": " + value + "\r\n";
    return request + "\r\n" + delivery.body;
}

} // namespace CallScope::SampleCalls
