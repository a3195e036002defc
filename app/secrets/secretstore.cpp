// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

const QStringList &SecretStore::knownKeys()
{
    static const QStringList keys{
        u"retell.apiKey"_s,   u"vapi.secret"_s,    u"vapi.hmacSecret"_s,   u"ultravox.webhookSecret"_s,
        u"ultravox.apiKey"_s, u"livekit.apiKey"_s, u"livekit.apiSecret"_s, u"twilio.authToken"_s,
        u"frontend.apiKey"_s, u"db.password"_s,
    };
    return keys;
}

} // namespace CallScope
