#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages CallScope needs that are not installed yet; fast when none is missing.
# Usage: installer/install-deps.sh [run|test|package]   (default: run)
set -euo pipefail

profile=${1:-run}

# --no-install-recommends misses three that Qt needs here: libqt6opengl6-dev (Qt6Charts needs Qt6OpenGL),
# qt6-tools-dev pulls linguist tools, xauth (xvfb-run exits 3 without it). libsecret-1-0 is loaded by
# QtKeychain with dlopen, so nothing would pull it in. qt6-translations-l10n has Qt's own German (the
# OK, Cancel and Apply of standard buttons, file dialogs).
packages=(
    g++ cmake ninja-build
    qt6-base-dev libqt6opengl6-dev libqt6sql6-sqlite libqt6sql6-psql qt6-charts-dev qt6-tools-dev
    qtkeychain-qt6-dev libhttp-parser-dev libsqlite3-dev libpq-dev libssl-dev
    fonts-dejavu-core dbus gnome-keyring libsecret-1-0 qt6-translations-l10n
)
case "$profile" in
    run) ;;
    test|package)
        packages+=(postgresql xvfb xauth imagemagick dbus-x11 dpkg-dev file curl)
        ;;
    *) echo "usage: $0 [run|test|package]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${#missing[@]} Debian packages: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: not root and no sudo; install as root: apt-get install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
