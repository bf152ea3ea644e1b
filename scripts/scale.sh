#!/usr/bin/env bash
# How truce scales with N generated reports (default 10000):
#   0. extraction alone (truce extract --jsonl): reports/s and CPU per report;
#   1. ingest into a new SQLite store: reports/s, the ingest's max RSS, and
#      the store's bytes per report;
#   2. the same into PostgreSQL: the database in $TRUCE_TEST_POSTGRES (a
#      test database: its truce tables are DROPPED first), else a
#      throw-away server started with scripts/pg-start.sh when PostgreSQL is
#      installed (SCALE_PG=0 skips this step);
#   3. `truce status PLACE --at T` on the SQLite store: wall time and max
#      RSS (it rebuilds the ledger from the store);
#   4. the ledger alone: Ledger::from_reports over the same N reports
#      (crates/truce_ledger/examples/scale.rs; SCALE_LEDGER=0 skips it);
#   5. `truce serve --read-only` on the SQLite store: time to answer, RSS,
#      and latency percentiles of /api/status, /api/board and a truces page
#      under CONNS (default 32) concurrent connections for SECS (default 10)
#      seconds each, with wrk when installed, else scripts/load.py. Each
#      endpoint is loaded twice: with one path (computed once, then served
#      from the server's cache), then cycling through 64 different times
#      (status, board) or every page up to 64 (truces), whose first
#      requests are computed while the others wait.
#   scripts/scale.sh [N]      (TRUCE=path/to/truce to skip the build;
#                              KEEP=1 keeps the stores and logs)
# Prints one figure a line. Nothing is asserted: these are measurements.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
conns=${CONNS:-32}
secs=${SECS:-10}
place=${PLACE:-Damascus}
at=${AT:-2016-05-01T20:00}
if [ -z "${TRUCE:-}" ]; then
    cargo build -q --release -p truce
    TRUCE=${CARGO_TARGET_DIR:-target}/release/truce
fi
bin=${CARGO_TARGET_DIR:-target}/release/examples
cargo build -q --release -p truce_bench --example generate
if [ "${SCALE_LEDGER:-1}" != 0 ]; then
    cargo build -q --release -p truce_ledger --example scale
fi

dir=$(mktemp -d /tmp/truce-scale.XXXXXX)
chmod 755 "$dir"
server=""
pgdir=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    if [ -n "$pgdir" ]; then scripts/pg-stop.sh "$pgdir" >/dev/null 2>&1 || true; fi
    if [ -n "${KEEP:-}" ]; then echo "kept $dir"; else rm -rf "$dir"; fi
}
trap cleanup EXIT

ms() { date +%s%3N; }
rate() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.0f", n * 1000 / ms }'; }
per() { awk -v a="$1" -v n="$2" 'BEGIN { printf "%.0f", a / n }'; }
# Runs a command; writes "WALL_MS MAXRSS_KB CPU_MS" to the file $1 (CPU:
# user + system time of the command, 0 when GNU time is missing).
measured() {
    local out=$1
    shift
    if [ -x /usr/bin/time ]; then
        local t0 t1
        t0=$(ms)
        /usr/bin/time -f '%M %U %S' -o "$out.rss" "$@"
        t1=$(ms)
        echo "$((t1 - t0)) $(tail -n 1 "$out.rss" | awk '{printf "%d %.0f", $1, ($2 + $3) * 1000}')" >"$out"
    else
        # No GNU time: poll the peak RSS (VmHWM) in /proc while it runs.
        local t0 t1 pid peak=0 hwm
        t0=$(ms)
        "$@" &
        pid=$!
        while kill -0 "$pid" 2>/dev/null; do
            hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
            [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
            sleep 0.02
        done
        wait "$pid"
        t1=$(ms)
        echo "$((t1 - t0)) $peak 0" >"$out"
    fi
}

echo "scale: $n generated reports, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
"$bin/generate" "$n" 2016 >"$dir/reports.jsonl"
echo "input: $(wc -c <"$dir/reports.jsonl") bytes of JSON Lines"

# 0. Extraction alone (no store), for the share of ingest that is storage.
measured "$dir/extract.m" "$TRUCE" extract --jsonl "$dir/reports.jsonl" >/dev/null
read -r wall rss cpu <"$dir/extract.m"
echo "extract only: $wall ms: $(rate "$n" "$wall") reports/s; CPU $cpu ms, $(per "$((cpu * 1000))" "$n") µs per report"

# 1. SQLite.
db="$dir/scale.db"
measured "$dir/ingest.m" "$TRUCE" --db "$db" ingest -q "$dir/reports.jsonl" >"$dir/ingest.out"
read -r wall rss cpu <"$dir/ingest.m"
docs=$("$TRUCE" --db "$db" stats --format json | sed -n 's/^  "documents": \([0-9]*\),$/\1/p')
claims=$("$TRUCE" --db "$db" stats --format json | sed -n 's/^  "claims": \([0-9]*\),$/\1/p')
bytes=$(du -cb "$db"* | tail -n 1 | cut -f1)
echo "sqlite ingest: $docs documents, $claims claims in $wall ms: $(rate "$n" "$wall") reports/s, max RSS $((rss / 1024)) MB"
echo "sqlite ingest CPU: $cpu ms user+system, $(per "$((cpu * 1000))" "$n") µs per report: $(nproc) idle cores would take $(rate "$(( $(nproc) * n ))" "$cpu") reports/s at most"
echo "sqlite store: $bytes bytes (with WAL): $(per "$bytes" "$n") bytes per report"

# 2. PostgreSQL.
pg="${TRUCE_TEST_POSTGRES:-}"
if [ -z "$pg" ] && [ "${SCALE_PG:-1}" != 0 ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    pgdir="$dir/pg"
    pg=$(scripts/pg-start.sh "$pgdir" 55329)
fi
if [ -n "$pg" ] && [ "${SCALE_PG:-1}" != 0 ]; then
    psql "$pg" -q -v ON_ERROR_STOP=1 \
        -c "DROP TABLE IF EXISTS claims, documents, store_meta, _sqlx_migrations" 2>/dev/null
    measured "$dir/pg.m" "$TRUCE" --db "$pg" ingest -q "$dir/reports.jsonl" >"$dir/pg.out"
    read -r wall rss cpu <"$dir/pg.m"
    pgdocs=$("$TRUCE" --db "$pg" stats --format json | sed -n 's/^  "documents": \([0-9]*\),$/\1/p')
    pgbytes=$(psql "$pg" -tA -c "SELECT pg_total_relation_size('documents') + pg_total_relation_size('claims')")
    echo "postgres ingest: $pgdocs documents in $wall ms: $(rate "$n" "$wall") reports/s, max RSS $((rss / 1024)) MB (the client; the server's CPU shares the same cores)"
    echo "postgres ingest CPU (the client only): $cpu ms user+system, $(per "$((cpu * 1000))" "$n") µs per report"
    echo "postgres store: $pgbytes bytes (tables, indexes, TOAST): $(per "$pgbytes" "$n") bytes per report"
    measured "$dir/pgstatus.m" "$TRUCE" --db "$pg" status "$place" --at "$at" >"$dir/pgstatus.out"
    read -r wall rss cpu <"$dir/pgstatus.m"
    echo "postgres status $place --at $at: $wall ms wall, max RSS $((rss / 1024)) MB"
else
    echo "postgres: skipped (no TRUCE_TEST_POSTGRES, no PostgreSQL installed, or SCALE_PG=0)"
fi

# 3. A question from the command line (rebuilds the ledger).
measured "$dir/status.m" "$TRUCE" --db "$db" status "$place" --at "$at" >"$dir/status.out"
read -r wall rss cpu <"$dir/status.m"
echo "sqlite status $place --at $at: $wall ms wall, max RSS $((rss / 1024)) MB ($(grep -c . "$dir/status.out") lines of answer)"

# 4. The ledger alone.
if [ "${SCALE_LEDGER:-1}" != 0 ]; then
    SCALE_SKIP_COUNTS=1 "$bin/scale" "$n" >"$dir/ledger.out"
    sed 's/^/ledger: /' "$dir/ledger.out"
fi

# 5. The server under load.
port=$(( 20000 + RANDOM % 20000 ))
t0=$(ms)
"$TRUCE" --db "$db" serve --read-only --listen "127.0.0.1:$port" 2>"$dir/server.log" &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 1200); do
    curl -fsS "$base/api/health" >/dev/null 2>&1 && break
    sleep 0.25
done
t1=$(ms)
rss() { awk -v k="$1" '$1 == k":" {print int($2 / 1024) " MB"}' "/proc/$server/status"; }
echo "server: answering after $((t1 - t0)) ms, RSS $(rss VmRSS)"

# 64 paths per endpoint: different times (days from 1 March 2016, at 20:00),
# and truces pages from a cursor walk.
paths() {
    local kind=$1 i day
    for i in $(seq 0 63); do
        day=$(date -u -d "2016-03-01 + $((i * 3)) days" +%F)
        case $kind in
            status) echo "/api/status?place=$place&at=${day}T20:00" ;;
            board) echo "/api/board?at=${day}T20:00" ;;
        esac
    done
    if [ "$kind" = truces ]; then
        local cursor="" next
        for i in $(seq 0 63); do
            echo "/api/truces?limit=100${cursor:+&cursor=$cursor}"
            next=$(curl -sS -D - -o /dev/null "$base/api/truces?limit=100${cursor:+&cursor=$cursor}" |
                tr -d '\r' | sed -n 's/^[Xx]-[Nn]ext-[Cc]ursor: //p')
            [ -z "$next" ] && break
            cursor=$next
        done
    fi
}
for run in status:1 board:1 truces:1 status:64 board:64 truces:64; do
    kind=${run%:*}
    [ -s "$dir/$kind.all" ] || paths "$kind" >"$dir/$kind.all"
    head -n "${run#*:}" "$dir/$kind.all" >"$dir/$kind.paths"
    if command -v wrk >/dev/null; then
        {
            echo "local paths = {}"
            while read -r p; do echo "paths[#paths + 1] = \"$p\""; done <"$dir/$kind.paths"
            echo 'local i = 0'
            echo 'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end'
            echo 'done = function(summary, latency, requests)'
            echo '  io.write(string.format("LOAD %d requests, %d errors (status %d, timeout %d), %.0f/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",'
            echo '    summary.requests, summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read + summary.errors.write,'
            echo '    summary.errors.status, summary.errors.timeout, summary.requests / (summary.duration / 1e6),'
            echo '    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))'
            echo 'end'
        } >"$dir/$kind.lua"
        wrk -t 2 -c "$conns" -d "${secs}s" --timeout 30s -s "$dir/$kind.lua" "$base" >"$dir/$kind.load" 2>&1 || true
        tool=wrk
    else
        python3 scripts/load.py --connections "$conns" --seconds "$secs" "$base" <"$dir/$kind.paths" >"$dir/$kind.load" 2>&1 || true
        tool=load.py
    fi
    echo "server $kind ($(wc -l <"$dir/$kind.paths") paths, $conns connections, ${secs} s, $tool): $(sed -n 's/^LOAD //p' "$dir/$kind.load")"
    echo "  $(head -n 1 "$dir/$kind.paths")"
done
echo "server: RSS $(rss VmRSS) after the load, peak $(rss VmHWM)"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
