//! Just enough geometry for the gazetteer: GeoJSON polygons, a ray-casting
//! point-in-polygon test, vertex centroids, and TopoJSON arc decoding.

use anyhow::{Context, Result, bail};
use serde_json::Value;

/// A point as (lon, lat).
pub type Pt = (f64, f64);

/// One polygon or multipolygon: all rings together, tested with the even-odd
/// rule (holes and separate parts both come out right).
#[derive(Clone, Debug, Default)]
pub struct Shape {
    rings: Vec<Vec<Pt>>,
    min: Pt,
    max: Pt,
}

impl Shape {
    pub fn from_rings(rings: Vec<Vec<Pt>>) -> Shape {
        let mut min = (f64::INFINITY, f64::INFINITY);
        let mut max = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        for &(x, y) in rings.iter().flatten() {
            min = (min.0.min(x), min.1.min(y));
            max = (max.0.max(x), max.1.max(y));
        }
        Shape { rings, min, max }
    }

    /// Parse a GeoJSON `Polygon` or `MultiPolygon` geometry.
    pub fn from_geojson(geometry: &Value) -> Result<Shape> {
        let kind = geometry["type"].as_str().context("geometry without type")?;
        let coords = &geometry["coordinates"];
        let mut rings = Vec::new();
        match kind {
            "Polygon" => push_rings(coords, &mut rings)?,
            "MultiPolygon" => {
                for poly in coords.as_array().context("bad MultiPolygon")? {
                    push_rings(poly, &mut rings)?;
                }
            }
            other => bail!("unsupported geometry type {other}"),
        }
        Ok(Shape::from_rings(rings))
    }

    /// Ray casting, even-odd rule over every ring.
    pub fn contains(&self, (x, y): Pt) -> bool {
        if x < self.min.0 || x > self.max.0 || y < self.min.1 || y > self.max.1 {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            let n = ring.len();
            if n < 3 {
                continue;
            }
            let mut j = n - 1;
            for i in 0..n {
                let (xi, yi) = ring[i];
                let (xj, yj) = ring[j];
                if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                    inside = !inside;
                }
                j = i;
            }
        }
        inside
    }

    /// Squared distance (in degrees) from `pt` to the nearest vertex.
    pub fn vertex_distance2(&self, (x, y): Pt) -> f64 {
        self.rings
            .iter()
            .flatten()
            .map(|&(vx, vy)| (vx - x).powi(2) + (vy - y).powi(2))
            .fold(f64::INFINITY, f64::min)
    }

    /// Mean of the vertices of the largest ring (a cheap centroid).
    pub fn vertex_centroid(&self) -> Pt {
        let Some(ring) = self.rings.iter().max_by(|a, b| area(a).total_cmp(&area(b))) else {
            return (0.0, 0.0);
        };
        mean(ring)
    }

    /// Centre of the bounding box of the largest ring: for countries this
    /// ignores far-flung islands and does not wrap across the antimeridian.
    pub fn main_bbox_centre(&self) -> Pt {
        let Some(ring) = self.rings.iter().max_by(|a, b| area(a).total_cmp(&area(b))) else {
            return (0.0, 0.0);
        };
        let main = Shape::from_rings(vec![ring.clone()]);
        (
            (main.min.0 + main.max.0) / 2.0,
            (main.min.1 + main.max.1) / 2.0,
        )
    }
}

fn push_rings(poly: &Value, rings: &mut Vec<Vec<Pt>>) -> Result<()> {
    for ring in poly.as_array().context("bad polygon")? {
        let mut pts = Vec::new();
        for p in ring.as_array().context("bad ring")? {
            let x = p[0].as_f64().context("bad x")?;
            let y = p[1].as_f64().context("bad y")?;
            pts.push((x, y));
        }
        rings.push(pts);
    }
    Ok(())
}

/// Absolute shoelace area in square degrees.
fn area(ring: &[Pt]) -> f64 {
    let n = ring.len();
    if n < 3 {
        return 0.0;
    }
    let mut s = 0.0;
    for i in 0..n {
        let (x1, y1) = ring[i];
        let (x2, y2) = ring[(i + 1) % n];
        s += x1 * y2 - x2 * y1;
    }
    (s / 2.0).abs()
}

pub fn mean(pts: &[Pt]) -> Pt {
    if pts.is_empty() {
        return (0.0, 0.0);
    }
    let n = pts.len() as f64;
    let (sx, sy) = pts
        .iter()
        .fold((0.0, 0.0), |(a, b), &(x, y)| (a + x, b + y));
    (sx / n, sy / n)
}

/// Decoded TopoJSON topology: absolute arcs in lon/lat.
pub struct Topology {
    arcs: Vec<Vec<Pt>>,
}

impl Topology {
    pub fn from_json(topo: &Value) -> Result<Topology> {
        let transform = &topo["transform"];
        let (sx, sy, tx, ty) = if transform.is_object() {
            (
                transform["scale"][0].as_f64().context("scale")?,
                transform["scale"][1].as_f64().context("scale")?,
                transform["translate"][0].as_f64().context("translate")?,
                transform["translate"][1].as_f64().context("translate")?,
            )
        } else {
            (1.0, 1.0, 0.0, 0.0)
        };
        let quantized = transform.is_object();
        let mut arcs = Vec::new();
        for arc in topo["arcs"].as_array().context("topology without arcs")? {
            let mut pts = Vec::new();
            let (mut x, mut y) = (0.0, 0.0);
            for p in arc.as_array().context("bad arc")? {
                let dx = p[0].as_f64().context("bad arc point")?;
                let dy = p[1].as_f64().context("bad arc point")?;
                if quantized {
                    x += dx;
                    y += dy;
                } else {
                    x = dx;
                    y = dy;
                }
                pts.push((x * sx + tx, y * sy + ty));
            }
            arcs.push(pts);
        }
        Ok(Topology { arcs })
    }

    /// The shape of one geometry object (`Polygon` or `MultiPolygon`).
    pub fn shape(&self, geometry: &Value) -> Result<Shape> {
        let mut rings = Vec::new();
        match geometry["type"].as_str() {
            Some("Polygon") => {
                for ring in geometry["arcs"].as_array().context("bad polygon arcs")? {
                    rings.push(self.ring(ring)?);
                }
            }
            Some("MultiPolygon") => {
                for poly in geometry["arcs"]
                    .as_array()
                    .context("bad multipolygon arcs")?
                {
                    for ring in poly.as_array().context("bad polygon arcs")? {
                        rings.push(self.ring(ring)?);
                    }
                }
            }
            _ => {}
        }
        Ok(Shape::from_rings(rings))
    }

    fn ring(&self, refs: &Value) -> Result<Vec<Pt>> {
        let mut out: Vec<Pt> = Vec::new();
        for r in refs.as_array().context("bad ring arcs")? {
            let i = r.as_i64().context("bad arc index")?;
            let (idx, reversed) = if i < 0 { (!i, true) } else { (i, false) };
            let arc = usize::try_from(idx)
                .ok()
                .and_then(|k| self.arcs.get(k))
                .context("arc index out of range")?;
            let mut pts = arc.clone();
            if reversed {
                pts.reverse();
            }
            let skip = usize::from(!out.is_empty());
            out.extend(pts.into_iter().skip(skip));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_with_hole() {
        let outer = vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        let hole = vec![(4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0)];
        let s = Shape::from_rings(vec![outer, hole]);
        assert!(s.contains((1.0, 1.0)));
        assert!(!s.contains((5.0, 5.0)));
        assert!(!s.contains((11.0, 5.0)));
        assert_eq!(s.main_bbox_centre(), (5.0, 5.0));
    }
}
