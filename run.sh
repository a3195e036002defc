#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts CallScope on its embedded default (SQLite in your data
# directory, webhooks on 127.0.0.1:8787). Without a display it starts the headless callscope-server.
# Extra arguments are passed through, e.g. ./run.sh --listen 127.0.0.1:9000 --lang de
#
# ./run.sh --demo [--calls N] starts CallScope on a demo database of its own (never your real one)
# and plays a clinic's and a salon's day of simulated calls into it (callscope-sim): signed webhooks
# of every provider and the backend's tool-call events, live, while you watch.
set -euo pipefail
cd "$(dirname "$0")"

demo=0
demo_calls=300
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --demo) demo=1 ;;
        --calls) demo_calls="${2:?--calls needs a number}"; shift ;;
        *) args+=("$1") ;;
    esac
    shift
done

installer/install-deps.sh run
[ -f build/build.ninja ] || cmake --preset default >/dev/null
cmake --build build --target callscope callscope-server callscope-sim

program=build/callscope
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run.sh: no display found, so starting the headless callscope-server instead of the window." >&2
    program=build/callscope-server
fi
if [ "$demo" = 0 ]; then
    exec "$program" ${args[@]+"${args[@]}"}
fi

# --- the demo ---------------------------------------------------------------------------------------
data="${XDG_DATA_HOME:-$HOME/.local/share}/CallScope/demo"
mkdir -p "$data"
chmod 700 "$data"
secrets="$data/secrets.json"
if [ ! -f "$secrets" ]; then
    # Random signing secrets shared by the demo listener and the simulator (mode 0600).
    random() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
    (
        umask 077
        cat >"$secrets" <<EOF
{"default": {"retell.apiKey": "key_$(random)", "vapi.secret": "$(random)",
             "ultravox.webhookSecret": "$(random)", "livekit.apiKey": "APIdemo$(random | head -c 8)",
             "livekit.apiSecret": "$(random)", "twilio.authToken": "$(random | head -c 32)"}}
EOF
    )
fi
db="sqlite://$data/demo.db"
listen="127.0.0.1:8788"
token="$(build/callscope-server --db "$db" --secrets-file "$secrets" token create --tenant default --scope ingest 2>/dev/null)"

"$program" --db "$db" --secrets-file "$secrets" --listen "$listen" ${args[@]+"${args[@]}"} &
app=$!
trap 'kill "$app" 2>/dev/null || true' INT TERM
for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/${listen%:*}/${listen#*:}") 2>/dev/null && break
    kill -0 "$app" 2>/dev/null || { echo "run.sh: CallScope did not start" >&2; exit 1; }
    sleep 0.2
done
echo "run.sh: playing $demo_calls simulated calls into the demo database ($data/demo.db) on $listen ..." >&2
build/app/sim/callscope-sim --url "http://$listen" --secrets-file "$secrets" --ingest-token "$token" \
    --calls "$demo_calls" --rate 150 --concurrency 4 --lang mixed --seed "$RANDOM" >&2 || true
echo "run.sh: demo traffic done; CallScope keeps running (close its window or press Ctrl+C to stop)." >&2
wait "$app"
