// SPDX-License-Identifier: GPL-3.0-or-later
// callscope-sim: placeholder until the simulator lands.
#include <cstdio>

int main()
{
    std::fputs("callscope-sim: not built yet\n", stderr);
    return 1;
}
