#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts CallScope on its embedded default (SQLite in your data
# directory, webhooks on 127.0.0.1:8787). Without a display it starts the headless callscope-server.
# Extra arguments are passed through, e.g. ./run.sh --listen 127.0.0.1:9000 --lang de
set -euo pipefail
cd "$(dirname "$0")"

installer/install-deps.sh run
[ -f build/build.ninja ] || cmake --preset default >/dev/null
cmake --build build --target callscope callscope-server

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec build/callscope "$@"
fi
echo "run.sh: no display found, so starting the headless callscope-server instead of the window." >&2
exec build/callscope-server "$@"
