#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds everything, and runs the whole suite with ctest: the store against
# SQLite and against a throwaway PostgreSQL cluster (a ctest fixture starts and stops it), the real
# keychain inside its own D-Bus session, and the desktop window under Xvfb.
# Extra arguments go to ctest, e.g. ./test.sh -R store
set -euo pipefail
cd "$(dirname "$0")"

installer/install-deps.sh test
[ -f build/build.ninja ] || cmake --preset default >/dev/null
cmake --build build

cd build
ctest --output-on-failure --parallel "$(nproc)" "$@"
