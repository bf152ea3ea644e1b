#!/usr/bin/env bash
# Builds the board's assets into crates/truce_server/assets/ (committed, so
# that a fresh clone builds the server without npm):
#   app.js   src/app.js bundled with Leaflet and topojson-client (esbuild)
#   app.css  Leaflet's stylesheet + src/style.css
#   index.html
#   map.json simplified outlines (geo.mjs), only when the source files of
#            ../shared/geo are present (else the committed one is kept)
# Usage: web/build.sh [GEO_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../crates/truce_server/assets"
cd "$here"
if [ ! -d node_modules/leaflet ] || [ ! -d node_modules/esbuild ]; then
  npm ci --no-audit --no-fund
fi
mkdir -p "$out"
npx esbuild src/app.js --bundle --minify --format=iife --target=es2020 \
  --legal-comments=eof --outfile="$out/app.js"
{ cat node_modules/leaflet/dist/leaflet.css; cat src/style.css; } > "$out/app.css"
cp src/index.html "$out/index.html"
geo="${1:-$here/../../shared/geo}"
if [ -f "$geo/ocha_syr_admin1.geojson" ] && [ -f "$geo/natural-earth/countries-50m.json" ]; then
  node geo.mjs "$geo"
else
  echo "web/build.sh: $geo not found; keeping the committed map.json"
fi
{
  echo "Third-party code bundled in app.js and app.css, and map data in map.json."
  echo
  for p in leaflet topojson-client; do
    echo "== $p $(node -p "require('./node_modules/$p/package.json').version") =="
    cat node_modules/$p/LICENSE* 2>/dev/null || true
    echo
  done
  echo "== map.json =="
  echo "Country outlines: Natural Earth 1:50m admin-0 (public domain), via world-atlas 2.0.2 (ISC)."
  echo "Syrian governorates: OCHA Syria COD-AB admin 1 (CC BY 3.0 IGO), via ../shared/geo."
} > "$out/THIRD-PARTY.txt"
ls -l "$out"
