#!/bin/sh
# Regenerate the tables of docs/EVALUATION.md: every labelled set, dev and
# test side by side, extraction speed on one core.
#   scripts/eval.sh [CORPUS_DIR]   (default: ../shared/corpus, relative to the repository)
set -eu
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
cargo build --release -q -p truce
truce=${CARGO_TARGET_DIR:-target}/release/truce
"$truce" eval fakes "$corpus/fakes/FA-KES-Dataset.csv"
echo
"$truce" eval ucdp "$corpus/ucdp-ged-syria/ged_syria_20160101_20191130.csv"
echo
"$truce" eval gold eval/gold/gold.jsonl
