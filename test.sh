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
set +e
ctest --output-on-failure --parallel "$(nproc)" "$@" 2>&1 | tee ctest-output.txt
status=${PIPESTATUS[0]}
set -e

# What ran for real, from ctest's log: the backend of each store suite, and the keychain's round trips.
log=Testing/Temporary/LastTest.log
if [ -f "$log" ]; then
    echo
    echo "Evidence from $PWD/$log:"
    grep -hE "initTestCase\(\) store backend:|PASS   : TestKeychain::roundTrip|screenshot: .* colours" "$log" \
        | sed -E 's/^QINFO  : /  /; s/^PASS   : /  PASS /; s/^screenshot: /  screenshot: /' || true
fi

# The closing line: ctest's own summary, restated plainly.
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' ctest-output.txt | tail -n 1 || true)
if [ -n "$summary" ]; then
    failed=$(echo "$summary" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/')
    total=$(echo "$summary" | sed -E 's/.* failed out of ([0-9]+).*/\1/')
    echo
    echo "$((total - failed)) passed, $failed failed"
fi
exit "$status"
