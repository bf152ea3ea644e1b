#!/usr/bin/env bash
# kill -9 a `truce ingest` into a NEW SQLite store at a random moment of its
# start (0 to MAX ms, default 15: the first open, creation and migration
# fall in that window), N times (default 60). After each kill the store must
# be one that the next open completes: the next `truce ingest` exits 0 and
# `truce stats` answers (never "not a truce database").
#   scripts/kill9.sh [N] [MAX_MS]      (TRUCE=path/to/truce to skip the build)
# Prints what each kill left (no file yet / a file without a store yet / a
# complete store), "ok/N" at the end; exits 1 if any trial failed.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-60}
max=${2:-15}
if [ -z "${TRUCE:-}" ]; then
    cargo build -q -p truce
    TRUCE=target/debug/truce
fi
dir=$(mktemp -d /tmp/truce-kill9.XXXXXX)
trap 'rm -rf "$dir"' EXIT
ok=0; none=0; partial=0; complete=0
for i in $(seq 1 "$n"); do
    db="$dir/k$i.db"
    "$TRUCE" --db "$db" ingest examples/reports -q >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '0.%03d' $((RANDOM % (max + 1))))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    # What the kill left, asked read-only (changes nothing).
    if [ ! -e "$db" ]; then
        none=$((none + 1))
    elif "$TRUCE" --db "$db" stats >/dev/null 2>&1; then
        complete=$((complete + 1))
    else
        partial=$((partial + 1))
    fi
    if out=$("$TRUCE" --db "$db" ingest examples/reports -q 2>&1) &&
        "$TRUCE" --db "$db" stats >/dev/null 2>&1; then
        ok=$((ok + 1))
    else
        echo "trial $i: $out"
    fi
done
echo "kills left: no file $none, a file without a complete store $partial, a complete store $complete"
echo "$ok/$n trials: the next open completed the store"
[ "$ok" = "$n" ]
