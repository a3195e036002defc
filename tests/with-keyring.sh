#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command inside its own D-Bus session with an unlocked gnome-keyring (Secret Service), so the
# real QtKeychain backend works headless. The keyring lives in a temporary XDG_DATA_HOME and goes
# away with the session. (An empty unlock password does not work: the daemon then asks a GUI prompter.)
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: with-keyring.sh COMMAND [ARGS...]" >&2; exit 2; }
command -v dbus-run-session >/dev/null || { echo "with-keyring: dbus-run-session missing (apt-get install dbus)" >&2; exit 1; }
command -v gnome-keyring-daemon >/dev/null || { echo "with-keyring: gnome-keyring-daemon missing (apt-get install gnome-keyring)" >&2; exit 1; }
home=$(mktemp -d /tmp/callscope-keyring.XXXXXX)
trap 'rm -rf "$home"' EXIT
export XDG_DATA_HOME=$home XDG_RUNTIME_DIR=$home
dbus-run-session -- sh -c 'printf callscope-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
