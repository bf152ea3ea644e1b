#!/usr/bin/env bash
# Several workers on one PostgreSQL database: two `truce serve --read-only`
# started on it first, then two `truce ingest` at once on overlapping parts
# of N generated reports (default 3000): the first takes reports 1 to 60%,
# the second 40% to the end, so a fifth of the reports is given to both
# (each starts with that fifth, so that they race for the same reports) and
# the rest to one of them. Then:
#   - the store holds every distinct report once: documents = distinct
#     inputs = distinct content hashes, and the two ingests' new and
#     near-duplicate reports add up to it, their duplicates to the overlap;
#   - it holds what one serial ingest of the same reports into SQLite holds
#     (documents, claims);
#   - both servers follow the store and agree with each other and with
#     `truce stats`: the same /api/stats and the same truce list
#     (/api/truces, every page).
#   scripts/pg-workers.sh [N]   (URL in TRUCE_TEST_POSTGRES: its truce tables
#                                are DROPPED first, so give a test database;
#                                without it a throw-away server is started
#                                with scripts/pg-start.sh; TRUCE=path/to/truce
#                                to skip the build)
# Prints what it checked; exits 1 at the first disagreement.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3000}
if [ -z "${TRUCE:-}" ]; then
    cargo build -q --release -p truce
    TRUCE=${CARGO_TARGET_DIR:-target}/release/truce
fi
bin=${CARGO_TARGET_DIR:-target}/release/examples
cargo build -q --release -p truce_bench --example generate
dir=$(mktemp -d /tmp/truce-pg-workers.XXXXXX)
chmod 755 "$dir"
pids=()
pgdir=""
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    if [ -n "$pgdir" ]; then scripts/pg-stop.sh "$pgdir" >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

pg=${TRUCE_TEST_POSTGRES:-}
if [ -z "$pg" ]; then
    pgdir="$dir/pg"
    pg=$(scripts/pg-start.sh "$pgdir")
fi
psql "$pg" -q -v ON_ERROR_STOP=1 \
    -c "DROP TABLE IF EXISTS claims, documents, store_meta, _sqlx_migrations" 2>/dev/null

"$bin/generate" "$n" 2016 >"$dir/all.jsonl"
first_end=$((n * 6 / 10))
second_start=$((n * 4 / 10 + 1))
# Both begin with the shared part, so that they race for the same reports;
# then each goes on with its own.
sed -n "${second_start},${first_end}p" "$dir/all.jsonl" >"$dir/shared.jsonl"
cat "$dir/shared.jsonl" >"$dir/a.jsonl"
head -n "$((second_start - 1))" "$dir/all.jsonl" >>"$dir/a.jsonl"
cat "$dir/shared.jsonl" >"$dir/b.jsonl"
tail -n "+$((first_end + 1))" "$dir/all.jsonl" >>"$dir/b.jsonl"
distinct=$(sort -u "$dir/all.jsonl" | wc -l)
overlap=$((first_end - second_start + 1))
echo "inputs: $n reports ($distinct distinct), ingest A takes 1-$first_end, B $second_start-$n (both: $overlap)"

# The reference: one serial ingest into SQLite.
"$TRUCE" --db "$dir/serial.db" ingest -q "$dir/all.jsonl" >/dev/null
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
ref_docs=$("$TRUCE" --db "$dir/serial.db" stats --format json | json 'd["documents"]')
ref_claims=$("$TRUCE" --db "$dir/serial.db" stats --format json | json 'd["claims"]')

# Two read-only servers on the new (empty) database: the first ingest
# creates the schema, so they start once it exists.
: >"$dir/empty.jsonl"
"$TRUCE" --db "$pg" ingest -q "$dir/empty.jsonl" >/dev/null
ports=()
for i in 1 2; do
    port=$(( 20000 + RANDOM % 20000 ))
    "$TRUCE" --db "$pg" serve --read-only --listen "127.0.0.1:$port" 2>"$dir/server$i.log" &
    pids+=($!)
    ports+=("$port")
done
for port in "${ports[@]}"; do
    for _ in $(seq 1 240); do
        curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
        sleep 0.25
    done
    curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null || fail "server on $port did not start: $(cat "$dir"/server*.log)"
done

# The two ingests at once.
"$TRUCE" --db "$pg" ingest -q --format json "$dir/a.jsonl" >"$dir/a.out" 2>"$dir/a.err" &
a=$!
"$TRUCE" --db "$pg" ingest -q --format json "$dir/b.jsonl" >"$dir/b.out" 2>"$dir/b.err" &
b=$!
ra=0; rb=0
wait "$a" || ra=$?
wait "$b" || rb=$?
[ "$ra" = 0 ] && [ "$rb" = 0 ] || fail "ingest exit codes $ra and $rb: $(cat "$dir/a.err" "$dir/b.err")"
field() { json "d[\"$2\"]" <"$1"; }
stored=$(( $(field "$dir/a.out" new) + $(field "$dir/a.out" near_duplicates) +
    $(field "$dir/b.out" new) + $(field "$dir/b.out" near_duplicates) ))
dups=$(( $(field "$dir/a.out" duplicates) + $(field "$dir/b.out" duplicates) ))
echo "ingest A: $(tr -d ' \n' <"$dir/a.out")"
echo "ingest B: $(tr -d ' \n' <"$dir/b.out")"
[ "$stored" = "$distinct" ] || fail "the ingests stored $stored reports, not $distinct"
[ "$dups" = "$overlap" ] || fail "the ingests found $dups duplicates, not $overlap"

counts=$(psql "$pg" -tA -F ' ' -c "SELECT count(*), count(DISTINCT content_hash), count(DISTINCT id) FROM documents")
read -r docs hashes ids <<<"$counts"
echo "database: $docs documents, $hashes distinct texts, $ids distinct ids"
[ "$docs" = "$distinct" ] && [ "$hashes" = "$distinct" ] && [ "$ids" = "$distinct" ] ||
    fail "documents, texts and ids should all be $distinct"
cli=$("$TRUCE" --db "$pg" stats --format json)
cli_docs=$(json 'd["documents"]' <<<"$cli")
cli_claims=$(json 'd["claims"]' <<<"$cli")
echo "truce stats: $cli_docs documents, $cli_claims claims; serial SQLite: $ref_docs documents, $ref_claims claims"
[ "$cli_docs" = "$ref_docs" ] && [ "$cli_claims" = "$ref_claims" ] ||
    fail "the concurrent PostgreSQL store differs from the serial one"

# Both servers follow the store (they poll every 500 ms), then agree.
for port in "${ports[@]}"; do
    seen=""
    for _ in $(seq 1 240); do
        seen=$(curl -fsS "http://127.0.0.1:$port/api/stats" | json 'd["store"]["documents"]')
        [ "$seen" = "$distinct" ] && break
        sleep 0.25
    done
    [ "$seen" = "$distinct" ] || fail "server on $port shows $seen documents, not $distinct"
done
truces() {
    local base=$1 cursor="" next page=0
    while :; do
        curl -fsS -D "$dir/headers" "$base/api/truces?limit=1000${cursor:+&cursor=$cursor}"
        echo
        next=$(tr -d '\r' <"$dir/headers" | sed -n 's/^[Xx]-[Nn]ext-[Cc]ursor: //p')
        page=$((page + 1))
        [ -z "$next" ] || [ "$page" -ge 100 ] && break
        cursor=$next
    done
}
for i in 1 2; do
    base="http://127.0.0.1:${ports[$((i - 1))]}"
    curl -fsS "$base/api/stats" >"$dir/stats$i.json"
    truces "$base" >"$dir/truces$i.json"
done
cmp -s "$dir/stats1.json" "$dir/stats2.json" || fail "the servers' /api/stats differ"
cmp -s "$dir/truces1.json" "$dir/truces2.json" || fail "the servers' truce lists differ"
server_claims=$(json 'd["store"]["claims"]' <"$dir/stats1.json")
[ "$server_claims" = "$cli_claims" ] || fail "the servers count $server_claims claims, truce stats $cli_claims"
listed=$(python3 -c "import json,sys; print(sum(len(json.loads(l)) for l in open(sys.argv[1]) if l.strip()))" "$dir/truces1.json")
[ "$listed" -gt 0 ] || fail "the servers list no truce at all"
echo "servers: both show $distinct documents and $server_claims claims, and the same $listed truces"
echo "ok: two ingests and two servers on one PostgreSQL database agree; nothing lost or counted twice"
