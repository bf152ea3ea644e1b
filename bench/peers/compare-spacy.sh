#!/usr/bin/env bash
# Time the peer under spaCy 3.6 (.venv) and spaCy 3.8 (.venv-spacy38) on the
# same rows, alternating, REPS times each; prints one summary line per run.
#
#   bench/peers/compare-spacy.sh [REPS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
reps="${1:-2}"
fakes="${FAKES:-$root/../shared/corpus/fakes/FA-KES-Dataset.csv}"
ucdp="${UCDP:-$root/../shared/corpus/ucdp-ged-syria/ged_syria_20160101_20191130.csv}"
[[ -x "$here/.venv/bin/python" ]] || "$here/setup.sh"
[[ -x "$here/.venv-spacy38/bin/python" ]] || "$here/setup.sh" --spacy38
mkdir -p "$here/out"
for ((i = 1; i <= reps; i++)); do
    for venv in .venv .venv-spacy38; do
        for set in fakes ucdp; do
            file="$fakes"; [[ "$set" == ucdp ]] && file="$ucdp"
            "$here/$venv/bin/python" "$here/peer.py" "$set" "$file" --out /dev/null \
                --summary "$here/out/compare-$venv-$set-$i.json" 2>/dev/null
            "$here/$venv/bin/python" - "$here/out/compare-$venv-$set-$i.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"spaCy {d['spacy']:<7} {d['model']:<23} {d['set']:<5} rows {d['rows']:>5}  "
      f"{d['reports_per_second']:>7.1f} reports/s wall  {d['reports_per_cpu_second']:>7.1f} /cpu-s  "
      f"peak {d['peak_rss_mib']:.0f} MiB")
PY
        done
    done
done
