//! Outlines of countries and governorates for GeoJSON exports: the web
//! page's map (`crates/truce_server/assets/map.json`, a TopoJSON of
//! Natural Earth countries and OCHA governorates with absolute
//! coordinates, built by `web/geo.mjs`), decoded once into GeoJSON
//! geometries keyed by gazetteer id (`SY`, `SY07`).

use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::LazyLock;

static MAP: &str = include_str!("../../truce_server/assets/map.json");

static OUTLINES: LazyLock<HashMap<String, Value>> =
    LazyLock::new(|| decode(MAP).unwrap_or_default());

/// The outline of a place (GeoJSON `Polygon` or `MultiPolygon`), if the
/// map has one.
pub(crate) fn outline(id: &str) -> Option<&'static Value> {
    OUTLINES.get(id)
}

/// TopoJSON → geometries by object id. Arcs hold absolute positions (the
/// map has no `transform`); a negative arc index `i` is arc `!i` reversed.
fn decode(text: &str) -> Option<HashMap<String, Value>> {
    let topo: Value = serde_json::from_str(text).ok()?;
    let arcs: Vec<Vec<[f64; 2]>> = serde_json::from_value(topo.get("arcs")?.clone()).ok()?;
    let mut out = HashMap::new();
    for object in topo.get("objects")?.as_object()?.values() {
        for g in object.get("geometries")?.as_array()? {
            let Some(id) = g.get("id").and_then(Value::as_str) else {
                continue;
            };
            let geometry = match g.get("type")?.as_str()? {
                "Polygon" => json!({"type": "Polygon", "coordinates": polygon(&arcs, &g["arcs"])?}),
                "MultiPolygon" => {
                    let polys: Option<Vec<Value>> = g["arcs"]
                        .as_array()?
                        .iter()
                        .map(|p| polygon(&arcs, p))
                        .collect();
                    json!({"type": "MultiPolygon", "coordinates": polys?})
                }
                _ => continue,
            };
            out.insert(id.to_string(), geometry);
        }
    }
    Some(out)
}

fn polygon(arcs: &[Vec<[f64; 2]>], rings: &Value) -> Option<Value> {
    let rings: Option<Vec<Value>> = rings
        .as_array()?
        .iter()
        .map(|r| ring(arcs, r).map(|r| json!(r)))
        .collect();
    rings.map(Value::from)
}

fn ring(arcs: &[Vec<[f64; 2]>], indices: &Value) -> Option<Vec<[f64; 2]>> {
    let mut out: Vec<[f64; 2]> = Vec::new();
    for index in indices.as_array()? {
        let i = index.as_i64()?;
        let arc = arcs.get(usize::try_from(if i < 0 { !i } else { i }).ok()?)?;
        let points: Vec<[f64; 2]> = if i < 0 {
            arc.iter().rev().copied().collect()
        } else {
            arc.clone()
        };
        // consecutive arcs share their joining point
        let skip = usize::from(!out.is_empty());
        out.extend(points.into_iter().skip(skip));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_governorates_have_closed_outlines() {
        for id in ["SY", "SY07", "LB"] {
            let g = outline(id).unwrap_or_else(|| panic!("{id}"));
            let first_ring = match g["type"].as_str() {
                Some("Polygon") => &g["coordinates"][0],
                _ => &g["coordinates"][0][0],
            };
            let ring = first_ring.as_array().expect("ring");
            assert!(ring.len() >= 4, "{id}");
            assert_eq!(ring.first(), ring.last(), "{id} is closed");
        }
        assert!(outline("170654").is_none(), "a city has no outline");
    }

    #[test]
    fn reversed_arcs() {
        let arcs = vec![vec![[0.0, 0.0], [1.0, 0.0]], vec![[0.0, 1.0], [1.0, 0.0]]];
        let r = ring(&arcs, &json!([0, -2])).expect("ring");
        assert_eq!(r, vec![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]);
    }
}
