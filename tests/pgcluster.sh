#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the test suite (a ctest fixture).
#   pgcluster.sh start STATE_DIR   initdb + start on a free loopback port; writes STATE_DIR/url
#   pgcluster.sh stop STATE_DIR    stops it and removes its files
# Works as root (runs the server as the postgres user) and as an ordinary user.
set -euo pipefail

cmd=${1:?usage: pgcluster.sh start|stop STATE_DIR}
state=${2:?usage: pgcluster.sh start|stop STATE_DIR}
pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$pgbin/initdb" ] || { echo "pgcluster: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_cluster() {
    [ -f "$state/datadir" ] || return 0
    local dir; dir=$(cat "$state/datadir")
    if [ -d "$dir/data" ]; then
        (cd /tmp && as_owner "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1) || true
    fi
    rm -rf "$dir" "$state/datadir" "$state/url"
}

free_port() {
    local p=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
    echo "$p"
}

case "$cmd" in
start)
    mkdir -p "$state"
    stop_cluster # a cluster left by an interrupted run
    dir=$(mktemp -d /tmp/callscope-pg.XXXXXX)
    echo "$dir" > "$state/datadir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    cd /tmp # the postgres user must be able to enter the working directory
    as_owner "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    for attempt in 1 2 3; do
        port=$(free_port $((54320 + RANDOM % 2000)))
        if as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null; then
            as_owner "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U postgres callscope_test
            echo "postgresql://postgres@127.0.0.1:$port/callscope_test" > "$state/url"
            echo "pgcluster: PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
            exit 0
        fi
        tail -n 5 "$dir/server.log" >&2 || true
    done
    echo "pgcluster: could not start PostgreSQL" >&2
    exit 1
    ;;
stop)
    stop_cluster
    ;;
*)
    echo "usage: pgcluster.sh start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
