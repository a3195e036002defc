// SPDX-License-Identifier: GPL-3.0-or-later
#include "httptypes.h"

#include "connection.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Http {

namespace {

// A JSON string literal, escaped by QJsonDocument.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.sliced(1, array.size() - 2); // strip the brackets
}

} // namespace

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto &[field, value] : headers) {
        if (field.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool Request::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Response Response::json(int status, const QJsonObject &object)
{
    Response response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return response;
}

Response Response::error(int status, const QString &code, const QString &detail)
{
    // Written by hand because QJsonObject sorts its keys and the contract reads "error" first.
    Response response;
    response.status = status;
    response.body = "{\"error\":" + jsonString(code) + ",\"detail\":" + jsonString(detail) + '}';
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return response;
}

Response Response::noContent()
{
    Response response;
    response.status = 204;
    return response;
}

Responder::Responder(std::shared_ptr<ResponderState> state)
    : m_state(std::move(state))
{}

// The 500 for an unanswered request lives in ~ResponderState, which also covers a handle overwritten by a
// move assignment.
Responder::~Responder() = default;

void Responder::send(Response response)
{
    if (!m_state) {
        qCWarning(lcHttp, "an answer through an empty Responder was ignored");
        return;
    }
    if (m_state->answered) {
        qCWarning(lcHttp, "request %llu was already answered; the second answer was ignored",
                  m_state->requestId);
        return;
    }
    m_state->answered = true;
    if (m_state->connection)
        m_state->connection->answer(m_state->sequence, std::move(response));
}

bool Responder::isAnswered() const
{
    return m_state && m_state->answered;
}

} // namespace CallScope::Http
