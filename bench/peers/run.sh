#!/usr/bin/env bash
# Run the peer on FA-KES and UCDP and score it, dev and test.
#
#   bench/peers/run.sh [--split dev|test|all] [--limit N]
#
# Inputs default to ../shared/corpus beside the repository; override with
# FAKES=... UCDP=...; VENV=... picks another environment (.venv-spacy38).
# Writes bench/peers/out/{fakes,ucdp}.jsonl, *.summary.json and *.score.txt.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${VENV:-$here/.venv}"
[[ -x "$venv/bin/python" ]] || "$here/setup.sh"
fakes="${FAKES:-$root/../shared/corpus/fakes/FA-KES-Dataset.csv}"
ucdp="${UCDP:-$root/../shared/corpus/ucdp-ged-syria/ged_syria_20160101_20191130.csv}"
out="$here/out"
mkdir -p "$out"
for set in fakes ucdp; do
    file="$fakes"; [[ "$set" == ucdp ]] && file="$ucdp"
    "$venv/bin/python" "$here/peer.py" "$set" "$file" "$@" \
        --out "$out/$set.jsonl" --summary "$out/$set.summary.json"
    "$venv/bin/python" "$here/score.py" "$set" "$file" "$out/$set.jsonl" | tee "$out/$set.score.txt"
    "$venv/bin/python" "$here/score.py" "$set" "$file" "$out/$set.jsonl" --json > "$out/$set.score.json"
done
