#!/usr/bin/env bash
# Two `truce ingest` runs into the same NEW SQLite store at once, N times
# (default 30). Both must exit 0 and the store must hold every report once.
#   scripts/concurrent-ingest.sh [N]      (TRUCE=path/to/truce to skip the build)
# Prints one line per failed trial and "ok/N" at the end; exits 1 if any failed.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-30}
if [ -z "${TRUCE:-}" ]; then
    cargo build -q -p truce
    TRUCE=target/debug/truce
fi
dir=$(mktemp -d /tmp/truce-concurrent.XXXXXX)
trap 'rm -rf "$dir"' EXIT
expected=$(ls examples/reports/*.txt | wc -l)
ok=0
for i in $(seq 1 "$n"); do
    db="$dir/t$i.db"
    "$TRUCE" --db "$db" ingest examples/reports -q >"$dir/a$i.out" 2>&1 &
    a=$!
    "$TRUCE" --db "$db" ingest examples/reports.jsonl -q >"$dir/b$i.out" 2>&1 &
    b=$!
    ra=0; rb=0
    wait "$a" || ra=$?
    wait "$b" || rb=$?
    docs=$("$TRUCE" --db "$db" stats --format json 2>/dev/null |
        sed -n 's/^  "documents": \([0-9]*\),$/\1/p')
    if [ "$ra" = 0 ] && [ "$rb" = 0 ] && [ "$docs" = "$expected" ]; then
        ok=$((ok + 1))
    else
        echo "trial $i: exit codes $ra and $rb, $docs documents (expected $expected)"
        tail -n 2 "$dir/a$i.out" "$dir/b$i.out"
    fi
done
echo "$ok/$n trials: both ingests succeeded"
[ "$ok" = "$n" ]
