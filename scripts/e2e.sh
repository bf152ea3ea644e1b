#!/usr/bin/env bash
# End-to-end test of the board in a real browser.
#
# Installs Debian's chromium if /usr/bin/chromium is missing and
# playwright-core from npm (tests/e2e/package-lock.json), builds the
# truce_server `board` example, serves the example reports (plus a report
# full of markup, and the seed when ../shared/seed is present, or the file
# SEED names) on loopback,
# and runs tests/e2e/board.test.mjs. Screenshots go to target/e2e/.
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
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

inputs=(examples/reports.jsonl crates/truce_server/tests/fixtures/markup.jsonl)
seed="${SEED:-$root/../shared/seed/syria-truce-report.txt}"
if [ -f "$seed" ]; then
  python3 - "$seed" > "$work/seed.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"id": "seed-syria-truce-report", "text": text, "published": "2016-05-01",
                  "outlet": "The Syrian Observer", "title": "seed report"}))
PY
  inputs+=("$work/seed.jsonl")
fi

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
"$bin" --read-only --listen "127.0.0.1:$port" --db "sqlite:$work/board.db" "${inputs[@]}" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log"; echo "e2e: the server did not start"; exit 1; fi
  sleep 0.2
done
cat "$work/server.log"

BASE="http://127.0.0.1:$port" SHOTS="$shots" node tests/e2e/board.test.mjs
echo "e2e: screenshots in $shots"
