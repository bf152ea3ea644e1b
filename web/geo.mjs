// Builds crates/truce_server/assets/map.json: one small TopoJSON with the
// outlines of Syria's neighbours (Natural Earth 1:50m, via world-atlas) and
// Syria's 14 governorates (OCHA COD-AB admin 1), simplified.
//
//   node geo.mjs [GEO_DIR]      (GEO_DIR defaults to ../../shared/geo)
//
// Deterministic: the same inputs give the same bytes.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";

const here = dirname(fileURLToPath(import.meta.url));
const geo = process.argv[2] ?? join(here, "..", "..", "shared", "geo");
const out = join(here, "..", "crates", "truce_server", "assets", "map.json");

// ISO 3166 numeric (world-atlas ids) to the gazetteer's ISO2 country ids.
const COUNTRIES = {
  "760": "SY", "422": "LB", "400": "JO", "368": "IQ", "792": "TR",
  "376": "IL", "275": "PS", "196": "CY", "682": "SA", "818": "EG", "364": "IR",
};

const world = JSON.parse(readFileSync(join(geo, "natural-earth", "countries-50m.json"), "utf8"));
const countries = feature(world, world.objects.countries);
countries.features = countries.features
  .filter((f) => COUNTRIES[f.id])
  .map((f) => ({ type: "Feature", id: COUNTRIES[f.id], properties: { name: f.properties.name }, geometry: f.geometry }))
  .sort((a, b) => a.id.localeCompare(b.id));

const admin1 = JSON.parse(readFileSync(join(geo, "ocha_syr_admin1.geojson"), "utf8"));
const governorates = {
  type: "FeatureCollection",
  features: admin1.features
    .map((f) => ({
      type: "Feature",
      id: f.properties.PCODE,
      properties: { name: f.properties.NAME_EN, name_ar: f.properties.NAME_AR },
      geometry: f.geometry,
    }))
    .sort((a, b) => a.id.localeCompare(b.id)),
};

let topo = topology({ countries, governorates }, 1e5);
topo = presimplify(topo);
topo = simplify(topo, quantile(topo, 0.12));
// Round arc coordinates (already quantized to integers) and drop empty metadata.
const text = JSON.stringify(topo);
writeFileSync(out, text + "\n");
console.log(`wrote ${out}: ${text.length} bytes, ${countries.features.length} countries, ${governorates.features.length} governorates`);
