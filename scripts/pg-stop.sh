#!/usr/bin/env bash
# Stop the server scripts/pg-start.sh started.   scripts/pg-stop.sh [DIR]
set -euo pipefail
dir=$(realpath -m "${1:-target/pg}")
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -f "$dir/data/postmaster.pid" ] || exit 0
if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
else
    "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
fi
