#!/usr/bin/env bash
# A running server and the CLI on one SQLite store, N generated reports
# (default 10000):
#   1. sixteen concurrent cold requests of /api/overview and of /api/board:
#      the wall time of the sixteen against one warm request, and the
#      server's RSS before and after (one computation, not sixteen);
#   2. the overview's size plain, gzip and brotli;
#   3. a `truce ingest` of 100 more reports while the server runs: the time
#      from the ingest's exit until /api/health counts them (goal: <= 2 s).
#   scripts/follow.sh [N]      (TRUCE=path/to/truce to skip the build;
#                               COLD="/api/board ..." to choose the paths;
#                               KEEP=1 keeps the store and the server's log)
# Prints one figure a line; exits 1 if the server did not see the ingest
# within 2 s.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
if [ -z "${TRUCE:-}" ]; then
    cargo build -q --release -p truce
    TRUCE=target/release/truce
fi
cargo build -q --release -p truce_bench --example generate
dir=$(mktemp -d /tmp/truce-follow.XXXXXX)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    if [ -n "${KEEP:-}" ]; then echo "kept $dir"; else rm -rf "$dir"; fi
}
trap cleanup EXIT
target/release/examples/generate $((n + 100)) 2016 >"$dir/all.jsonl"
head -n "$n" "$dir/all.jsonl" >"$dir/first.jsonl"
tail -n 100 "$dir/all.jsonl" >"$dir/more.jsonl"
db="$dir/t.db"
"$TRUCE" --db "$db" ingest "$dir/first.jsonl" -q

port=$(( 20000 + RANDOM % 20000 ))
"$TRUCE" --db "$db" serve --read-only --listen "127.0.0.1:$port" 2>"$dir/server.log" &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
    curl -fsS "$base/api/health" >/dev/null 2>&1 && break
    sleep 0.5
done
docs() { curl -fsS "$base/api/health" | sed -n 's/.*"documents":\([0-9]*\).*/\1/p'; }
rss() { awk '/VmRSS/ {print int($2 / 1024) " MB"}' "/proc/$server/status"; }
ms() { date +%s%3N; }
before=$(docs)
echo "server up: $before documents, RSS $(rss)"

# Each request may take the server's 120 s; one that takes longer gets 408
# while the one computation goes on for the next request.
for path in ${COLD:-/api/overview /api/board}; do
    t0=$(ms)
    pids=()
    for i in $(seq 1 16); do
        curl -sS -o /dev/null -w '%{http_code}\n' "$base$path" >"$dir/cold$i" &
        pids+=($!)
    done
    wait "${pids[@]}" || true
    t1=$(ms)
    codes=$(sort "$dir"/cold* | uniq -c | tr -s ' \n' ' ')
    rm -f "$dir"/cold*
    warm=$(curl -sS -o /dev/null -w '%{http_code}' "$base$path" || true)
    t2=$(ms)
    echo "$path: 16 concurrent cold $((t1 - t0)) ms (status:$codes), then one more $((t2 - t1)) ms ($warm), RSS after $(rss)"
done

for path in ${COLD:-/api/overview /api/board}; do
    plain=$(curl -sS "$base$path" | wc -c)
    gz=$(curl -sS -H 'Accept-Encoding: gzip' "$base$path" | wc -c)
    br=$(curl -sS -H 'Accept-Encoding: br' "$base$path" | wc -c)
    echo "$path: $plain bytes, gzip $gz, brotli $br"
done

"$TRUCE" --db "$db" ingest "$dir/more.jsonl" -q
t0=$(ms)
want=$((before + 100))
seen=""
while [ $(( $(ms) - t0 )) -lt 30000 ]; do
    if [ "$(docs)" -ge "$want" ]; then seen=$(( $(ms) - t0 )); break; fi
    sleep 0.05
done
if [ -z "$seen" ]; then
    echo "FAIL: the server did not see the ingest within 30 s"
    exit 1
fi
echo "CLI ingest of 100 visible to the running server after $seen ms (goal <= 2000)"
sed -n 's/^truce serve: //p' "$dir/server.log"
[ "$seen" -le 2000 ] || { echo "FAIL: over 2 s"; exit 1; }
