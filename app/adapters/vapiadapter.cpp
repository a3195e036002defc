// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the Vapi adapter lands.
#include "adapter.h"

namespace CallScope {

AdapterResult adaptVapi(const QByteArray &, qint64)
{
    return std::unexpected(AdapterError{QStringLiteral("not implemented")});
}

} // namespace CallScope
