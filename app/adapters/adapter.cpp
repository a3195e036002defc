// SPDX-License-Identifier: GPL-3.0-or-later
#include "adapter.h"

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

AdapterResult adapt(Provider provider, const QByteArray &body, qint64 receivedAtMs)
{
    switch (provider) {
    case Provider::Retell:
        return adaptRetell(body, receivedAtMs);
    case Provider::Vapi:
        return adaptVapi(body, receivedAtMs);
    case Provider::Ultravox:
        return adaptUltravox(body, receivedAtMs);
    case Provider::LiveKit:
        return adaptLiveKit(body, receivedAtMs);
    case Provider::Twilio:
        return adaptTwilio(body, receivedAtMs);
    case Provider::Backend:
        break;
    }
    return std::unexpected(AdapterError{u"no webhook adapter for the backend"_s});
}

} // namespace CallScope
