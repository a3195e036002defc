// SPDX-License-Identifier: GPL-3.0-or-later
#include "readapi.h"

#include "adapters/adapterutil.h"
#include "api/tokenauth.h"
#include "calldetail.h"
#include "ingest/tenantdirectory.h"
#include "jsontext.h"
#include "readerslot.h"
#include "store.h"
#include "storereader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

QJsonObject callbackJson(const CallbackRecord &c)
{
    return QJsonObject{
        {u"id"_s, c.uuid},
        {u"status"_s, c.status},
        {u"urgency"_s, toString(c.urgency)},
        {u"callbackNumber"_s, c.callbackNumber},
        {u"callerName"_s, textOrNull(c.callerName)},
        {u"concern"_s, textOrNull(c.concern)},
        {u"callId"_s, textOrNull(c.callUuid)},
        {u"attempts"_s, c.attempts},
        // Only a request that will be posted again has a next attempt.
        {u"nextAttemptAt"_s, QStringList{u"pending"_s, u"posting"_s, u"failed"_s}.contains(c.status)
                                 ? isoOrNull(c.nextAttemptAt)
                                 : QJsonValue::Null},
        {u"createdAt"_s, isoOrNull(c.createdAt)}};
}

QJsonObject errorJson(const ErrorGroupRecord &g)
{
    return QJsonObject{{u"id"_s, QString::number(g.id)},
                       {u"fingerprint"_s, g.fingerprint},
                       {u"code"_s, textOrNull(g.code)},
                       {u"severity"_s, g.severity},
                       {u"status"_s, g.status},
                       {u"count"_s, double(g.count)},
                       {u"firstSeen"_s, isoOrNull(g.firstSeen)},
                       {u"lastSeen"_s, isoOrNull(g.lastSeen)},
                       {u"functionName"_s, textOrNull(g.functionName)},
                       {u"provider"_s, textOrNull(g.provider)},
                       {u"message"_s, textOrNull(g.message)},
                       {u"regression"_s, g.regression}}; // exactly the spec's fields
}

Http::Response invalidQuery(const QString &detail)
{
    return Http::Response::error(400, u"invalid_query"_s, detail);
}

// The from (inclusive) and to (exclusive) filters, ISO 8601, into `from` and `to`, which keep their
// values when a filter is absent; what is wrong with a malformed one.
std::optional<QString> readTimeWindow(const QUrlQuery &query, std::optional<qint64> &from,
                                      std::optional<qint64> &to)
{
    for (const auto &[name, field] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
        if (const QString text = query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
            !text.isEmpty()) {
            *field = AdapterUtil::isoToMs(text);
            if (!*field)
                return u"%1 is an ISO 8601 time"_s.arg(QLatin1StringView(name));
        }
    }
    return std::nullopt;
}

Http::Response storeError(const StoreError &error, const QString &what)
{
    switch (error.kind) {
    case StoreError::Kind::NotFound:
    case StoreError::Kind::UnknownTenant:
        return Http::Response::error(404, u"not_found"_s, u"no such %1"_s.arg(what));
    case StoreError::Kind::Conflict:
        return Http::Response::error(409, u"invalid_transition"_s, error.message);
    case StoreError::Kind::InvalidArgument:
        return Http::Response::error(400, u"invalid_payload"_s, error.message);
    case StoreError::Kind::Unavailable:
    case StoreError::Kind::ShuttingDown:
        return Http::Response::error(503, u"unavailable"_s, u"the store cannot be read right now; retry"_s)
            .withHeader("Retry-After", "5");
    default:
        return Http::Response::error(500, u"internal"_s, u"the %1 could not be read"_s.arg(what));
    }
}

// The cursor of a page: where the next page starts (sort time and id of the last call shown).
QString cursorOf(const CallSummary &call)
{
    return QString::fromLatin1(QByteArray(QByteArray::number(call.sortAt) + '.' + QByteArray::number(call.id))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<std::pair<qint64, qint64>> parseCursor(const QString &cursor)
{
    const QByteArray decoded = QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding);
    const QList<QByteArray> parts = decoded.split('.');
    if (parts.size() != 2)
        return std::nullopt;
    bool okTime = false, okId = false;
    const qint64 time = parts.at(0).toLongLong(&okTime);
    const qint64 id = parts.at(1).toLongLong(&okId);
    if (!okTime || !okId)
        return std::nullopt;
    return std::pair{time, id};
}

} // namespace

ReadApi::ReadApi(ReaderSlot *reader, Store *store, TenantDirectory *tenants, TokenAuth *tokens,
                 QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_store(store)
    , m_tenants(tenants)
    , m_tokens(tokens)
{}

StoreReader *ReadApi::reader()
{
    return m_reader->get();
}

Http::Response ReadApi::failure(const StoreError &error, const QString &what)
{
    m_reader->failed(error);
    return storeError(error, what);
}

void ReadApi::answerAction(QFuture<std::expected<bool, StoreError>> done, Http::Responder &responder,
                           const QString &what, Reread reread)
{
    auto answer = std::make_shared<Http::Responder>(std::move(responder));
    done.then(this, [this, answer, what, reread](const std::expected<bool, StoreError> &result) {
        if (!result)
            return answer->send(failure(result.error(), what));
        StoreReader *store = reader();
        if (!store)
            return answer->send(failure(StoreError{StoreError::Kind::Unavailable, {}}, what));
        const auto record = reread(*store);
        if (!record)
            return answer->send(failure(record.error(), what));
        answer->send(Http::Response::json(200, *record));
    });
}

void ReadApi::add(Http::Router &router, const QByteArray &method, const QString &path, Handler handler)
{
    const auto route = [this, handler](const Http::Request &request, const Http::RouteParams &params,
                                       Http::Responder responder) {
        const QString slug = params.value(u"tenant"_s, u"default"_s);
        const auto tenant = m_tokens->admit(request, slug, TokenAuth::Scope::Read, *m_tenants);
        if (!tenant) {
            responder.send(tenant.error().response);
            return;
        }
        if (!reader()) {
            responder.send(
                Http::Response::error(503, u"unavailable"_s, u"the store cannot be read right now"_s)
                    .withHeader("Retry-After", "5"));
            return;
        }
        (this->*handler)(request, params, responder, *tenant, slug);
    };
    router.add(method, u"/api/v1"_s + path, route);
    router.add(method, u"/t/{tenant}/api/v1"_s + path, route);
}

void ReadApi::registerRoutes(Http::Router &router)
{
    add(router, "GET", u"/calls"_s, &ReadApi::listCalls);
    add(router, "GET", u"/calls/{id}"_s, &ReadApi::getCall);
    add(router, "GET", u"/calls/{id}/outcome"_s, &ReadApi::getOutcome);
    add(router, "GET", u"/callbacks"_s, &ReadApi::listCallbacks);
    add(router, "POST", u"/callbacks/{id}/{action}"_s, &ReadApi::callbackAction);
    add(router, "GET", u"/errors"_s, &ReadApi::listErrors);
    add(router, "POST", u"/errors/{id}/{action}"_s, &ReadApi::errorAction);
    add(router, "GET", u"/stats/outcomes"_s, &ReadApi::outcomeStats);
    add(router, "GET", u"/stats/functions"_s, &ReadApi::functionStats);
}

std::optional<std::pair<Provider, QString>> ReadApi::providerReference(const QString &id)
{
    const qsizetype colon = id.indexOf(u':');
    if (colon <= 0 || colon == id.size() - 1)
        return std::nullopt;
    const auto provider = providerFromString(id.left(colon));
    if (!provider)
        return std::nullopt;
    return std::pair{*provider, id.mid(colon + 1)};
}

std::expected<CallSummary, StoreError> ReadApi::findCall(TenantId tenant, const QString &id)
{
    static const QRegularExpression uuid(
        u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    if (uuid.match(id).hasMatch()) {
        auto call = reader()->callByUuid(tenant, id.toLower());
        if (call)
            return call;
    }
    if (const auto reference = providerReference(id))
        return reader()->callByProviderId(tenant, reference->first, reference->second);
    return std::unexpected(StoreError{StoreError::Kind::NotFound, u"no call %1"_s.arg(id)});
}

void ReadApi::listCalls(const Http::Request &request, const Http::RouteParams &, Http::Responder &responder,
                        TenantId tenant, const QString &slug)
{
    CallQuery query;
    const QUrlQuery &params = request.query;
    const auto param = [&params](const char *name) {
        return params.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
    };
    if (const QString status = param("status"); !status.isEmpty()) {
        query.status = callStatusFromString(status);
        if (!query.status)
            return responder.send(invalidQuery(u"status is one of queued, ringing, in_progress, ended"_s));
    }
    if (const QString outcome = param("outcome"); !outcome.isEmpty()) {
        query.outcome = outcomeFromString(outcome);
        if (!query.outcome)
            return responder.send(invalidQuery(
                u"outcome is one of completed, no_answer, busy, failed, voicemail, transferred"_s));
    }
    if (const QString provider = param("provider"); !provider.isEmpty()) {
        query.provider = providerFromString(provider);
        if (!query.provider)
            return responder.send(
                invalidQuery(u"provider is one of retell, vapi, ultravox, livekit, twilio, backend"_s));
    }
    if (const auto problem = readTimeWindow(params, query.fromMs, query.toMs))
        return responder.send(invalidQuery(*problem));
    int limit = 50;
    if (const QString text = param("limit"); !text.isEmpty()) {
        bool ok = false;
        limit = text.toInt(&ok);
        if (!ok || limit < 1 || limit > 500)
            return responder.send(invalidQuery(u"limit is a whole number from 1 to 500"_s));
    }
    if (const QString cursor = param("cursor"); !cursor.isEmpty()) {
        const auto position = parseCursor(cursor);
        if (!position)
            return responder.send(invalidQuery(u"cursor is not one this server gave out"_s));
        query.beforeSortAt = position->first;
        query.beforeId = position->second;
    }
    if (const QString q = param("q").trimmed(); !q.isEmpty()) {
        query.text = q;
        // Staff search by the last digits of a number: a run of four or more digits (spaces and
        // dashes as people type them) matches the end of the caller's or callee's number.
        static const QRegularExpression separators(u"[\\s()+./-]"_s);
        static const QRegularExpression digits(u"^\\d{4,}$"_s);
        const QString bare = QString(q).remove(separators);
        if (digits.match(bare).hasMatch())
            query.numberSuffix = bare;
    }
    query.limit = limit + 1; // one more, to know whether there is a next page
    auto calls = reader()->calls(tenant, query);
    if (!calls)
        return responder.send(failure(calls.error(), u"calls"_s));
    const bool more = calls->size() > limit;
    if (more)
        calls->resize(limit);
    QJsonArray items;
    for (const CallSummary &call : std::as_const(*calls))
        items.append(callSummaryJson(call, slug));
    responder.send(Http::Response::json(
        200, QJsonObject{{u"calls"_s, items},
                         {u"nextCursor"_s, more ? QJsonValue(cursorOf(calls->last())) : QJsonValue::Null}}));
}

void ReadApi::getCall(const Http::Request &, const Http::RouteParams &params, Http::Responder &responder,
                      TenantId tenant, const QString &slug)
{
    auto call = findCall(tenant, params.value(u"id"_s));
    if (!call)
        return responder.send(failure(call.error(), u"call"_s));
    auto detail = CallDetail::load(*reader(), tenant, *call);
    if (!detail)
        return responder.send(failure(detail.error(), u"call"_s));
    QJsonArray timeline;
    for (const TimelineItem &item : std::as_const(detail->items))
        timeline.append(timelineItemJson(item));
    QJsonArray receipts;
    for (const StoredReceipt &receipt : std::as_const(detail->receipts))
        receipts.append(receiptJson(receipt, false));
    QJsonObject body = callSummaryJson(detail->summary, slug);
    body.insert(u"timeline"_s, timeline);
    body.insert(u"receipts"_s, receipts);
    responder.send(Http::Response::json(200, body));
}

void ReadApi::getOutcome(const Http::Request &, const Http::RouteParams &params, Http::Responder &responder,
                         TenantId tenant, const QString &)
{
    auto call = findCall(tenant, params.value(u"id"_s));
    if (!call)
        return responder.send(failure(call.error(), u"call"_s));
    responder.send(Http::Response::json(
        200,
        QJsonObject{{u"id"_s, call->uuid},
                    {u"provider"_s, toString(call->provider)},
                    {u"providerCallId"_s, call->providerCallId},
                    {u"status"_s, toString(call->status)},
                    {u"outcome"_s, call->outcome ? QJsonValue(toString(*call->outcome)) : QJsonValue::Null},
                    {u"endedReason"_s, textOrNull(call->endedReason)},
                    {u"durationMs"_s, numberOrNull(call->durationMs)},
                    {u"startedAt"_s, isoOrNull(call->startedAt)},
                    {u"endedAt"_s, isoOrNull(call->endedAt)}}));
}

void ReadApi::listCallbacks(const Http::Request &request, const Http::RouteParams &,
                            Http::Responder &responder, TenantId tenant, const QString &)
{
    static const QStringList states{u"pending"_s, u"posting"_s,   u"posted"_s,   u"failed"_s,
                                    u"dead"_s,    u"cancelled"_s, u"completed"_s};
    const QString status = request.query.queryItemValue(u"status"_s);
    if (!status.isEmpty() && !states.contains(status))
        return responder.send(invalidQuery(u"status is one of "_s + states.join(u", "_s)));
    auto callbacks = reader()->callbacks(tenant, status);
    if (!callbacks)
        return responder.send(failure(callbacks.error(), u"callbacks"_s));
    QJsonArray items;
    for (const CallbackRecord &callback : std::as_const(*callbacks))
        items.append(callbackJson(callback));
    responder.send(Http::Response::json(200, QJsonObject{{u"callbacks"_s, items}}));
}

void ReadApi::callbackAction(const Http::Request &request, const Http::RouteParams &params,
                             Http::Responder &responder, TenantId tenant, const QString &slug)
{
    const QString name = params.value(u"action"_s);
    const std::optional<Store::CallbackAction> action =
        name == "retry"_L1      ? std::optional(Store::CallbackAction::Retry)
        : name == "cancel"_L1   ? std::optional(Store::CallbackAction::Cancel)
        : name == "complete"_L1 ? std::optional(Store::CallbackAction::Complete)
                                : std::nullopt;
    if (!action)
        return responder.send(
            Http::Response::error(404, u"not_found"_s, u"the actions are retry, cancel, complete"_s));
    QString text;
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return responder.send(
                Http::Response::error(400, u"invalid_json"_s, u"the body is not a JSON object"_s));
        text = document.object()
                   .value(*action == Store::CallbackAction::Cancel ? "reason"_L1 : "note"_L1)
                   .toString();
    }
    const QString uuid = params.value(u"id"_s);
    answerAction(m_store->callbackAction(slug, uuid, *action, text, u"api"_s), responder,
                 u"callback request"_s,
                 [tenant, uuid](StoreReader &store) -> std::expected<QJsonObject, StoreError> {
                     auto updated = store.callback(tenant, uuid);
                     if (!updated)
                         return std::unexpected(updated.error());
                     return callbackJson(*updated);
                 });
}

void ReadApi::listErrors(const Http::Request &request, const Http::RouteParams &, Http::Responder &responder,
                         TenantId tenant, const QString &)
{
    const QString status = request.query.queryItemValue(u"status"_s);
    const QString severity = request.query.queryItemValue(u"severity"_s);
    if (!status.isEmpty() && !QStringList{u"unresolved"_s, u"resolved"_s, u"ignored"_s}.contains(status))
        return responder.send(invalidQuery(u"status is one of unresolved, resolved, ignored"_s));
    if (!severity.isEmpty() && errorSeverityRank(severity) < 0)
        return responder.send(invalidQuery(u"severity is one of low, medium, high, critical"_s));
    ErrorGroupQuery query;
    query.status = status;
    query.severity = severity;
    query.provider = request.query.queryItemValue(u"provider"_s, QUrl::FullyDecoded);
    query.functionName = request.query.queryItemValue(u"function"_s, QUrl::FullyDecoded);
    if (const auto problem = readTimeWindow(request.query, query.fromMs, query.toMs))
        return responder.send(invalidQuery(*problem));
    const QString order = request.query.queryItemValue(u"order"_s);
    if (!order.isEmpty() && order != "lastSeen"_L1 && order != "count"_L1)
        return responder.send(invalidQuery(u"order is lastSeen or count"_s));
    query.order = order == "count"_L1 ? ErrorGroupOrder::Count : ErrorGroupOrder::LastSeen;
    auto groups = reader()->errorGroups(tenant, query);
    if (!groups)
        return responder.send(failure(groups.error(), u"errors"_s));
    QJsonArray items;
    for (const ErrorGroupRecord &group : std::as_const(*groups))
        items.append(errorJson(group));
    responder.send(Http::Response::json(200, QJsonObject{{u"errors"_s, items}}));
}

void ReadApi::errorAction(const Http::Request &request, const Http::RouteParams &params,
                          Http::Responder &responder, TenantId tenant, const QString &slug)
{
    const QString name = params.value(u"action"_s);
    const std::optional<Store::ErrorGroupAction> action =
        name == "resolve"_L1  ? std::optional(Store::ErrorGroupAction::Resolve)
        : name == "ignore"_L1 ? std::optional(Store::ErrorGroupAction::Ignore)
        : name == "reopen"_L1 ? std::optional(Store::ErrorGroupAction::Reopen)
                              : std::nullopt;
    if (!action)
        return responder.send(
            Http::Response::error(404, u"not_found"_s, u"the actions are resolve, ignore, reopen"_s));
    bool ok = false;
    const qint64 id = params.value(u"id"_s).toLongLong(&ok);
    if (!ok)
        return responder.send(Http::Response::error(404, u"not_found"_s, u"no such error group"_s));
    // An ignore may end by itself: {"untilCount": N} (N more events) and/or {"until": ISO 8601}.
    Store::IgnoreLimits limits;
    if (*action == Store::ErrorGroupAction::Ignore && !request.body.trimmed().isEmpty()) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return responder.send(
                Http::Response::error(400, u"invalid_json"_s, u"the body is not a JSON object"_s));
        const QJsonObject body = document.object();
        if (const QJsonValue count = body.value("untilCount"_L1); !count.isUndefined() && !count.isNull()) {
            const double n = count.toDouble(-1);
            if (!count.isDouble() || n < 1 || n > 1e12 || n != std::floor(n))
                return responder.send(Http::Response::error(
                    400, u"invalid_payload"_s, u"untilCount is a whole number of events, at least 1"_s));
            limits.moreEvents = qint64(n);
        }
        if (const QJsonValue until = body.value("until"_L1); !until.isUndefined() && !until.isNull()) {
            limits.untilMs = until.isString() ? AdapterUtil::isoToMs(until.toString()) : std::nullopt;
            if (!limits.untilMs)
                return responder.send(
                    Http::Response::error(400, u"invalid_payload"_s, u"until is an ISO 8601 time"_s));
            // One in the past the store refuses (InvalidArgument: 400 invalid_payload).
        }
    }
    answerAction(m_store->errorGroupAction(slug, id, *action, u"api"_s, limits), responder, u"error group"_s,
                 [tenant, id](StoreReader &store) -> std::expected<QJsonObject, StoreError> {
                     auto updated = store.errorGroup(tenant, id);
                     if (!updated)
                         return std::unexpected(updated.error());
                     return errorJson(*updated);
                 });
}

namespace {

// The window of a stats request: from (inclusive) and to (exclusive), ISO 8601; `to` defaults to
// now and `from` to `defaultSpanMs` before it.
std::expected<std::pair<qint64, qint64>, QString> statsWindow(const QUrlQuery &query, qint64 defaultSpanMs)
{
    std::optional<qint64> from;
    std::optional<qint64> to = QDateTime::currentMSecsSinceEpoch();
    if (const auto problem = readTimeWindow(query, from, to))
        return std::unexpected(*problem);
    if (!from)
        from = *to - defaultSpanMs;
    if (*from >= *to)
        return std::unexpected(u"from must be before to"_s);
    return std::pair{*from, *to};
}

QJsonValue percentile(const QList<qint64> &sorted, double p)
{
    if (sorted.isEmpty())
        return QJsonValue::Null;
    // Nearest rank: the smallest value with at least p% of the values at or below it.
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return double(sorted.at(std::clamp<qsizetype>(rank, 1, sorted.size()) - 1));
}

} // namespace

void ReadApi::outcomeStats(const Http::Request &request, const Http::RouteParams &,
                           Http::Responder &responder, TenantId tenant, const QString &)
{
    constexpr qint64 hour = 3'600'000;
    constexpr qint64 day = 24 * hour;
    const QString interval = request.query.queryItemValue(u"interval"_s);
    if (!interval.isEmpty() && interval != "day"_L1 && interval != "hour"_L1)
        return responder.send(invalidQuery(u"interval is day or hour"_s));
    const qint64 bucketMs = interval == "hour"_L1 ? hour : day;
    const auto window = statsWindow(request.query, bucketMs == day ? 30 * day : 24 * hour);
    if (!window)
        return responder.send(invalidQuery(window.error()));
    // Buckets start on whole UTC days or hours.
    const qint64 from = window->first - ((window->first % bucketMs) + bucketMs) % bucketMs;
    const qint64 to = window->second;
    const qint64 buckets = (to - from + bucketMs - 1) / bucketMs;
    if (buckets > 5000)
        return responder.send(invalidQuery(u"at most 5000 buckets: narrow from/to or use interval=day"_s));
    auto counts = reader()->outcomeCounts(tenant, from, to, bucketMs);
    if (!counts)
        return responder.send(failure(counts.error(), u"stats"_s));

    static const QStringList outcomes{u"completed"_s, u"no_answer"_s, u"busy"_s,
                                      u"failed"_s,    u"voicemail"_s, u"transferred"_s};
    QList<QJsonObject> rows(buckets);
    for (qint64 i = 0; i < buckets; ++i) {
        QJsonObject row{
            {u"start"_s,
             QDateTime::fromMSecsSinceEpoch(from + i * bucketMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {u"total"_s, 0}};
        for (const QString &outcome : outcomes)
            row.insert(outcome, 0);
        rows[i] = row;
    }
    for (const StoreReader::OutcomeCount &count : std::as_const(*counts)) {
        if (count.bucket < 0 || count.bucket >= buckets)
            continue;
        QJsonObject &row = rows[count.bucket];
        row.insert(u"total"_s, row.value(u"total"_s).toInteger() + count.count);
        if (outcomes.contains(count.outcome))
            row.insert(count.outcome, row.value(count.outcome).toInteger() + count.count);
    }
    QJsonArray items;
    for (const QJsonObject &row : std::as_const(rows))
        items.append(row);
    responder.send(Http::Response::json(200, QJsonObject{{u"buckets"_s, items}}));
}

void ReadApi::functionStats(const Http::Request &request, const Http::RouteParams &,
                            Http::Responder &responder, TenantId tenant, const QString &)
{
    const auto window = statsWindow(request.query, 30 * 24 * 3'600'000LL);
    if (!window)
        return responder.send(invalidQuery(window.error()));
    auto samples = reader()->traceSamples(tenant, window->first, window->second);
    if (!samples)
        return responder.send(failure(samples.error(), u"stats"_s));
    struct Tally
    {
        qint64 calls = 0;
        qint64 errors = 0;
        qint64 timeouts = 0;
        QList<qint64> durations;
    };
    QHash<QString, Tally> tallies;
    for (const StoreReader::TraceSample &sample : std::as_const(*samples)) {
        Tally &tally = tallies[sample.name];
        ++tally.calls;
        tally.errors += sample.status == FunctionStatus::Error ? 1 : 0;
        tally.timeouts += sample.status == FunctionStatus::Timeout ? 1 : 0;
        if (sample.durationMs)
            tally.durations.append(*sample.durationMs);
    }
    QStringList names = tallies.keys();
    // The busiest functions first.
    std::sort(names.begin(), names.end(), [&tallies](const QString &a, const QString &b) {
        const qint64 ca = tallies.value(a).calls, cb = tallies.value(b).calls;
        return ca != cb ? ca > cb : a < b;
    });
    QJsonArray items;
    for (const QString &name : std::as_const(names)) {
        Tally &tally = tallies[name];
        std::sort(tally.durations.begin(), tally.durations.end());
        items.append(QJsonObject{{u"name"_s, name.isEmpty() ? QJsonValue::Null : QJsonValue(name)},
                                 {u"calls"_s, double(tally.calls)},
                                 {u"errors"_s, double(tally.errors)},
                                 {u"timeouts"_s, double(tally.timeouts)},
                                 {u"p50Ms"_s, percentile(tally.durations, 50)},
                                 {u"p95Ms"_s, percentile(tally.durations, 95)},
                                 {u"p99Ms"_s, percentile(tally.durations, 99)}});
    }
    responder.send(Http::Response::json(200, QJsonObject{{u"functions"_s, items}}));
}

} // namespace CallScope
