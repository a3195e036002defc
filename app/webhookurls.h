// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QString>

namespace CallScope {

// The URL a provider is given: BASE/webhooks/PROVIDER for the tenant "default", else
// BASE/t/TENANT/webhooks/PROVIDER. BASE may carry a path prefix (behind a reverse proxy).
QString webhookUrl(const QString &publicBaseUrl, const QString &tenant, Provider provider);
QString eventsApiUrl(const QString &publicBaseUrl, const QString &tenant);

// The secret keys a provider's verifier needs (see spec/cli.md).
QStringList secretKeysFor(Provider provider);

} // namespace CallScope
