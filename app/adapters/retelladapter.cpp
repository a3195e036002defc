// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the Retell adapter lands.
#include "adapter.h"

namespace CallScope {

AdapterResult adaptRetell(const QByteArray &, qint64)
{
    return std::unexpected(AdapterError{QStringLiteral("not implemented")});
}

} // namespace CallScope
