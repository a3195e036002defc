// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the Ultravox adapter lands.
#include "adapter.h"

namespace CallScope {

AdapterResult adaptUltravox(const QByteArray &, qint64)
{
    return std::unexpected(AdapterError{QStringLiteral("not implemented")});
}

std::expected<UltravoxMessagesPage, AdapterError> adaptUltravoxMessages(const QString &, const QByteArray &, qint64)
{
    return std::unexpected(AdapterError{QStringLiteral("not implemented")});
}

} // namespace CallScope
