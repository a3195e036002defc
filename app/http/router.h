// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httptypes.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <memory>

namespace CallScope::Http {

// Values of the {name} segments of the matched pattern, percent-decoded.
using RouteParams = QHash<QString, QString>;
using RouteHandler = std::function<void(const Request &, const RouteParams &, Responder)>;

// Maps method + path pattern to a handler. Patterns are literal segments and {name} placeholders, each
// matching exactly one non-empty segment: "/t/{tenant}/webhooks/{provider}". When several patterns match,
// the one with more literal segments wins ("/calls/search" over "/calls/{id}"), then the earlier one.
class Router
{
public:
    Router();

    void add(QByteArray method, QString pattern, RouteHandler handler);
    // Unknown path: 404 not_found. Known path, other method: 405 method_not_allowed with Allow.
    void dispatch(const Request &request, Responder responder) const;
    // For Server::setHandler. It shares the route table, so later add() calls are seen and the Router
    // itself may go away first.
    Handler handler() const;

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        int literalCount = 0;
        RouteHandler handler;
    };
    using Table = QList<Route>;

    static void dispatch(const Table &table, const Request &request, Responder responder);
    static bool match(const Route &route, const QStringList &segments, RouteParams *params);

    std::shared_ptr<Table> m_routes;
};

} // namespace CallScope::Http
