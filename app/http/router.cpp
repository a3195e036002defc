// SPDX-License-Identifier: GPL-3.0-or-later
#include "router.h"

#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Http {

namespace {

// "/a/b/" and "/a/b" differ: the empty last segment is kept.
QStringList splitPath(const QString &path)
{
    QStringList segments = path.split(u'/');
    if (!segments.isEmpty() && segments.first().isEmpty())
        segments.removeFirst();
    return segments;
}

bool isPlaceholder(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

} // namespace

Router::Router()
    : m_routes(std::make_shared<Table>())
{}

void Router::add(QByteArray method, QString pattern, RouteHandler handler)
{
    Route route;
    route.method = std::move(method);
    route.segments = splitPath(pattern);
    route.literalCount = int(std::count_if(route.segments.cbegin(), route.segments.cend(),
                                           [](const QString &segment) { return !isPlaceholder(segment); }));
    route.handler = std::move(handler);
    m_routes->append(std::move(route));
}

void Router::dispatch(const Request &request, Responder responder) const
{
    dispatch(*m_routes, request, std::move(responder));
}

Handler Router::handler() const
{
    return [routes = m_routes](const Request &request, Responder responder) {
        dispatch(*routes, request, std::move(responder));
    };
}

void Router::dispatch(const Table &table, const Request &request, Responder responder)
{
    const QStringList segments = splitPath(request.path);
    const Route *best = nullptr;
    RouteParams bestParams;
    QSet<QByteArray> allowed;
    for (const Route &route : table) {
        RouteParams params;
        if (!match(route, segments, &params))
            continue;
        if (route.method != request.method) {
            allowed.insert(route.method);
            continue;
        }
        if (!best || route.literalCount > best->literalCount) {
            best = &route;
            bestParams = std::move(params);
        }
    }
    if (best) {
        best->handler(request, bestParams, std::move(responder));
        return;
    }
    if (allowed.isEmpty()) {
        responder.send(Response::error(404, u"not_found"_s, u"no such resource"_s));
        return;
    }
    QList<QByteArray> methods(allowed.cbegin(), allowed.cend());
    std::sort(methods.begin(), methods.end());
    responder.send(Response::error(405, u"method_not_allowed"_s,
                                   u"%1 is not allowed here"_s.arg(QString::fromLatin1(request.method)))
                       .withHeader("Allow", methods.join(", ")));
}

bool Router::match(const Route &route, const QStringList &segments, RouteParams *params)
{
    if (route.segments.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &pattern = route.segments.at(i);
        if (isPlaceholder(pattern)) {
            if (segments.at(i).isEmpty())
                return false;
            params->insert(pattern.sliced(1, pattern.size() - 2), segments.at(i));
        } else if (pattern != segments.at(i)) {
            return false;
        }
    }
    return true;
}

} // namespace CallScope::Http
