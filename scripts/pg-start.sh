#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on loopback for the store tests and
# print its URL (postgres://truce:truce@127.0.0.1:PORT/truce_test).
#   scripts/pg-start.sh [DIR] [PORT]    (defaults: target/pg, 54329 or the next free port)
# Installs Debian's postgresql package when no server is installed. The
# server runs as the `postgres` user when started by root (PostgreSQL
# refuses to run as root). Stop it with: pg_ctl -D DIR/data stop
set -euo pipefail
dir=$(realpath -m "${1:-target/pg}")
port=${2:-54329}
# A server already running in DIR keeps its port; otherwise a port that
# something else listens on is skipped.
if [ -f "$dir/data/postmaster.pid" ]; then
    port=$(sed -n 4p "$dir/data/postmaster.pid")
else
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        port=$((port + 1))
    done
fi

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "installing postgresql from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
fi
if ! as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
fi
psql=("$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -q -v ON_ERROR_STOP=1)
"${psql[@]}" -tc "SELECT 1 FROM pg_roles WHERE rolname = 'truce'" | grep -q 1 ||
    "${psql[@]}" -c "CREATE ROLE truce LOGIN PASSWORD 'truce'"
"${psql[@]}" -tc "SELECT 1 FROM pg_database WHERE datname = 'truce_test'" | grep -q 1 ||
    "${psql[@]}" -c "CREATE DATABASE truce_test OWNER truce"
echo "postgres://truce:truce@127.0.0.1:$port/truce_test"
