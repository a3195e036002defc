// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder fuzz target until the livekit adapter lands.
#include "adapters/adapter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)CallScope::adapt(CallScope::Provider::Retell, QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), 0);
    return 0;
}
