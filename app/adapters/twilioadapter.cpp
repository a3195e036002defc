// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the Twilio adapter lands.
#include "adapter.h"

namespace CallScope {

AdapterResult adaptTwilio(const QByteArray &, qint64)
{
    return std::unexpected(AdapterError{QStringLiteral("not implemented")});
}

} // namespace CallScope
