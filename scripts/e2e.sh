#!/usr/bin/env bash
# End-to-end test of the board in a real browser.
#
# Installs Debian's chromium if /usr/bin/chromium is missing and
# playwright-core from npm (tests/e2e/package-lock.json), builds the
# truce_server `board` example and serves on loopback:
#   - the real 2016 reports (../shared/corpus/news2016-aggregator-mirror/
#     syria_articles_2016H1.jsonl, or the file CORPUS names) when present,
#     else the example reports (examples/reports.jsonl);
#   - the seed report when ../shared/seed is present (or SEED names it);
#   - in both cases a report full of markup (the escaping test).
# Then runs tests/e2e/board.test.mjs at 1280x800 and 390x844, and
# tests/e2e/live.test.mjs on a writable server of the examples (a report
# posted while the page is open shows without a reload). Screenshots go
# to target/e2e/; with UPDATE_SCREENSHOTS=1 the board's screenshots are also
# copied to docs/screenshots/ (committed, shown in the README).
# Idempotent; needs no network other than the package registries.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
shots="$root/target/e2e"
mkdir -p "$shots"

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e: installing chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi

cargo build -q -p truce_server --example board
bin="$target/debug/examples/board"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  # SIGTERM, then SIGKILL after 10 s: a server that traps SIGTERM without
  # shutting down must not hang the test (or CI) in this trap.
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$server_pid" 2>/dev/null; then
      echo "e2e: the server did not stop on SIGTERM within 10 s; killing it"
      kill -KILL "$server_pid" 2>/dev/null || true
    fi
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

shared="$root/../shared"
corpus="${CORPUS:-$shared/corpus/news2016-aggregator-mirror/syria_articles_2016H1.jsonl}"
seed="${SEED:-$shared/seed/syria-truce-report.txt}"
if [ -f "$corpus" ]; then
  data=corpus
  inputs=("$corpus")
else
  data=examples
  inputs=(examples/reports.jsonl)
fi
inputs+=(crates/truce_server/tests/fixtures/markup.jsonl)
if [ -f "$seed" ]; then
  python3 - "$seed" > "$work/seed.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"id": "seed-syria-truce-report", "text": text, "published": "2016-05-01",
                  "outlet": "The Syrian Observer", "title": "seed report"}))
PY
  inputs+=("$work/seed.jsonl")
fi
echo "e2e: serving the $data reports: ${inputs[*]}"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
"$bin" --read-only --listen "127.0.0.1:$port" --db "sqlite:$work/board.db" "${inputs[@]}" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log"; echo "e2e: the server did not start"; exit 1; fi
  sleep 0.2
done
cat "$work/server.log"

BASE="http://127.0.0.1:$port" SHOTS="$shots" DATA="$data" node tests/e2e/board.test.mjs
echo "e2e: screenshots in $shots"
# Live updates: a writable server (token) on the examples; the page open
# while a report is posted must show it without a reload.
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
token="e2e-live-token-$(date +%s%N)"
printf '%s\n' "$token" > "$work/token"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
"$bin" --token-file "$work/token" --listen "127.0.0.1:$port" --db "sqlite:$work/live.db" examples/reports.jsonl > "$work/live.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/live.log"; echo "e2e: the live server did not start"; exit 1; fi
  sleep 0.2
done
BASE="http://127.0.0.1:$port" TOKEN="$token" node tests/e2e/live.test.mjs

if [ "${UPDATE_SCREENSHOTS:-0}" = 1 ]; then
  mkdir -p docs/screenshots
  for f in board-1280x800 board-390x844 board-place-1280x800 board-place-390x844; do
    cp "$shots/$f.png" docs/screenshots/
  done
  echo "e2e: copied the board's screenshots to docs/screenshots/"
fi
