#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts the desktop app in a real X server (Xvfb), takes a screenshot of the screen and checks that a
# window was drawn on it. Usage: screenshot.sh CALLSCOPE_BINARY OUTPUT_PNG [callscope arguments...]
set -euo pipefail
app=${1:?usage: screenshot.sh CALLSCOPE OUTPUT_PNG [ARGS...]}
out=${2:?usage: screenshot.sh CALLSCOPE OUTPUT_PNG [ARGS...]}
shift 2
for tool in xvfb-run import convert dbus-run-session; do
    command -v "$tool" >/dev/null || { echo "screenshot: $tool is missing (./test.sh installs it)" >&2; exit 1; }
done
work=$(mktemp -d /tmp/callscope-shot.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")" "$work/home" "$work/runtime"
chmod 700 "$work/runtime"
printf '{"default": {"retell.apiKey": "demo-key", "twilio.authToken": "demo-token"}}' > "$work/secrets.json"
chmod 600 "$work/secrets.json"

cat > "$work/inside.sh" <<INSIDE
#!/usr/bin/env bash
export HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=xcb
"$app" --listen 127.0.0.1:0 --secrets-file "$work/secrets.json" --db "sqlite://$work/shot.db" "\$@" > "$work/stdout" 2> "$work/stderr" &
pid=\$!
for i in \$(seq 1 100); do grep -q '^listening on' "$work/stdout" 2>/dev/null && break; sleep 0.1; done
sleep 1.5
import -window root "$out"
kill -TERM \$pid
wait \$pid
INSIDE
chmod +x "$work/inside.sh"
if ! xvfb-run -a -s "-screen 0 1280x800x24" "$work/inside.sh" "$@"; then
    echo "screenshot: the app did not run or exit cleanly" >&2
    cat "$work/stderr" >&2 || true
    exit 1
fi
grep -q '^listening on' "$work/stdout" || { echo "screenshot: the app never listened" >&2; cat "$work/stderr" >&2; exit 1; }
# A drawn window has many colours (text antialiasing, widgets); an empty X screen has one.
colours=$(convert "$out" -format '%k' info:)
echo "screenshot: $out has $colours colours"
[ "$colours" -gt 50 ] || { echo "screenshot: nothing was drawn" >&2; exit 1; }
