// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/router.h"
#include "storetypes.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>

#include <expected>
#include <functional>

namespace CallScope {

class ReaderSlot;
class Store;
class StoreReader;
class TenantDirectory;
class TokenAuth;

// The read API of spec/http-api.md, under /api/v1 and /t/{tenant}/api/v1: calls (filters, full
// text, cursor paging, newest first), a call with its timeline and receipts, its outcome, callback
// requests and their actions, error groups and theirs. Every route needs a read token of the
// addressed tenant; another tenant's record answers 404.
class ReadApi : public QObject
{
    Q_OBJECT

public:
    ReadApi(ReaderSlot *reader, Store *store, TenantDirectory *tenants, TokenAuth *tokens,
            QObject *parent = nullptr);

    void registerRoutes(Http::Router &router);

    // The call a path's {id} names: its UUID, or provider:providerCallId (see the contract).
    static std::optional<std::pair<Provider, QString>> providerReference(const QString &id);

private:
    using Handler = void (ReadApi::*)(const Http::Request &, const Http::RouteParams &, Http::Responder &,
                                      TenantId tenant, const QString &slug);
    void add(Http::Router &router, const QByteArray &method, const QString &path, Handler handler);

    void listCalls(const Http::Request &, const Http::RouteParams &, Http::Responder &, TenantId,
                   const QString &);
    void getCall(const Http::Request &, const Http::RouteParams &, Http::Responder &, TenantId,
                 const QString &);
    void getOutcome(const Http::Request &, const Http::RouteParams &, Http::Responder &, TenantId,
                    const QString &);
    void listCallbacks(const Http::Request &, const Http::RouteParams &, Http::Responder &, TenantId,
                       const QString &);
    void callbackAction(const Http::Request &, const Http::RouteParams &, Http::Responder &, TenantId,
                        const QString &);
    void listErrors(const Http::Request &, const Http::RouteParams &, Http::Responder &, TenantId,
                    const QString &);
    void errorAction(const Http::Request &, const Http::RouteParams &, Http::Responder &, TenantId,
                     const QString &);
    void outcomeStats(const Http::Request &, const Http::RouteParams &, Http::Responder &, TenantId,
                      const QString &);
    void functionStats(const Http::Request &, const Http::RouteParams &, Http::Responder &, TenantId,
                       const QString &);

    StoreReader *reader();
    // The answer for a store error; an unreachable store is connected to again next time.
    Http::Response failure(const StoreError &error, const QString &what);
    // Answers a callback or error-group action, once committed, with the record as it is now.
    using Reread = std::function<std::expected<QJsonObject, StoreError>(StoreReader &)>;
    void answerAction(QFuture<std::expected<bool, StoreError>> done, Http::Responder &responder,
                      const QString &what, Reread reread);
    std::expected<CallSummary, StoreError> findCall(TenantId tenant, const QString &id);

    ReaderSlot *m_reader;
    Store *m_store;
    TenantDirectory *m_tenants;
    TokenAuth *m_tokens;
};

} // namespace CallScope
