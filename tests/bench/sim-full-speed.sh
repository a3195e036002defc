#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# callscope-sim at full speed (no rate, no server rate limit) against a fresh callscope-server on a
# fresh SQLite store: prints the simulator's report (events/s, p50/p90/p99/max).
#   tests/bench/sim-full-speed.sh [CALLS] [extra callscope-sim options]     (from the source root)
set -euo pipefail
build="${BUILD_DIR:-build}"
calls="${1:-2000}"
shift || true
run=$(mktemp -d /tmp/callscope-simbench.XXXXXX)
trap 'rm -rf "$run"' EXIT
export HOME=$run/home
unset XDG_CONFIG_HOME XDG_DATA_HOME DBUS_SESSION_BUS_ADDRESS
mkdir -p "$HOME/.config/CallScope"
printf '[listener]\nratePerSecond=0\n' >"$HOME/.config/CallScope/callscope.conf"
(
    umask 077
    cat >"$run/secrets.json" <<'JSON'
{"default": {"retell.apiKey": "key_retell_bench", "vapi.secret": "vapi-bench-secret",
 "ultravox.webhookSecret": "ultravox-bench-secret", "livekit.apiKey": "APIbench",
 "livekit.apiSecret": "livekit-bench-secret", "twilio.authToken": "twilio-bench-token"}}
JSON
)
db="sqlite://$run/store.db"
public=https://hooks.example.com/cs
"$build/callscope-server" --db "$db" --secrets-file "$run/secrets.json" --listen 127.0.0.1:0 \
    --public-url "$public" >"$run/server.out" 2>"$run/server.err" &
server=$!
for _ in $(seq 100); do grep -q '^listening on' "$run/server.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\).*/\1/p' "$run/server.out" | head -1)
token=$("$build/callscope-server" --db "$db" --secrets-file "$run/secrets.json" token create --tenant default \
    --scope ingest 2>/dev/null)
status=0
"$build/app/sim/callscope-sim" --url "http://127.0.0.1:$port" --public-url "$public" \
    --secrets-file "$run/secrets.json" --ingest-token "$token" --calls "$calls" "$@" || status=$?
kill -TERM "$server"
wait "$server" || true
exit "$status"
