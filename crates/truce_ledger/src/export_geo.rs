//! GeoJSON exports: a FeatureCollection of truce areas (polygons where the
//! map has an outline: countries and Syria's governorates; else a point at
//! the gazetteer's coordinates), incidents (one point per incident place)
//! and events (one point each), as chosen.

use crate::export::Table;
use crate::{Ledger, outlines};
use jiff::civil::DateTime;
use serde_json::{Value, json};
use std::io::{self, Write};

/// Writes features one at a time, with commas between them.
struct Features<W: Write> {
    w: W,
    first: bool,
}

impl<W: Write> Features<W> {
    fn point(&mut self, lat: f64, lon: f64, props: Value) -> io::Result<()> {
        if !lat.is_finite() || !lon.is_finite() {
            return Ok(());
        }
        self.write(json!({"type": "Point", "coordinates": [lon, lat]}), props)
    }

    fn write(&mut self, geometry: Value, props: Value) -> io::Result<()> {
        if !self.first {
            self.w.write_all(b",")?;
        }
        self.first = false;
        let f = json!({"type": "Feature", "geometry": geometry, "properties": props});
        serde_json::to_writer(&mut self.w, &f).map_err(io::Error::from)
    }
}

impl Ledger {
    /// A GeoJSON FeatureCollection of `what` (truce areas for `Truces` and
    /// `Areas`, claim places for `Claims`, incident places, events); with
    /// `None`, truce areas and incidents. Every feature has a `kind`
    /// property: `truce_area`, `claim`, `incident`, `event`. Places without
    /// coordinates are left out.
    pub fn export_geojson_of(
        &self,
        mut w: impl Write,
        what: Option<Table>,
        at: Option<DateTime>,
    ) -> io::Result<()> {
        let at = self.export_time(at);
        write!(w, "{{\"type\":\"FeatureCollection\",\"features\":[")?;
        let mut f = Features {
            w: &mut w,
            first: true,
        };
        match what {
            Some(Table::Truces | Table::Areas) => self.area_features(&mut f, at)?,
            Some(Table::Claims) => self.claim_features(&mut f)?,
            Some(Table::Incidents) => self.incident_features(&mut f)?,
            Some(Table::Events) => self.event_features(&mut f)?,
            None => {
                self.area_features(&mut f, at)?;
                self.incident_features(&mut f)?;
            }
        }
        writeln!(w, "]}}")?;
        w.flush()
    }

    fn area_features<W: Write>(&self, f: &mut Features<W>, at: Option<DateTime>) -> io::Result<()> {
        for t in 0..self.truces.len() {
            let row = self.truce_row(t, at);
            for a in &row.areas {
                let props = json!({
                    "kind": "truce_area",
                    "truce": row.id,
                    "name": row.name,
                    "level": row.level,
                    "place": a.place.name,
                    "place_id": a.place.id,
                    "place_kind": a.place.kind,
                    "state": a.state,
                    "start": a.start,
                    "end": a.end,
                    "excluded": a.excluded,
                    "proposed": a.proposed,
                    "outline": outlines::outline(&a.place.id).is_some(),
                });
                match outlines::outline(&a.place.id) {
                    Some(shape) => f.write(shape.clone(), props)?,
                    None => f.point(a.place.lat, a.place.lon, props)?,
                }
            }
        }
        Ok(())
    }

    fn claim_features<W: Write>(&self, f: &mut Features<W>) -> io::Result<()> {
        for c in 0..self.claims.len() {
            let row = self.claim_row(c);
            for p in &row.places {
                let (Some(lat), Some(lon)) = (p.lat, p.lon) else {
                    continue;
                };
                let props = json!({
                    "kind": "claim",
                    "claim": row.key,
                    "claim_kind": row.kind,
                    "modality": row.modality,
                    "truce": row.truce,
                    "said": row.said,
                    "place": p.name,
                    "role": p.role,
                    "outlet": row.outlet,
                    "evidence": row.evidence,
                });
                f.point(lat, lon, props)?;
            }
        }
        Ok(())
    }

    fn incident_features<W: Write>(&self, f: &mut Features<W>) -> io::Result<()> {
        let (violated, _) = self.violated_by();
        for c in self.incident_claims() {
            let row = self.incident_row(c, &violated);
            for p in &row.claim.places {
                let (Some(lat), Some(lon)) = (p.lat, p.lon) else {
                    continue;
                };
                let props = json!({
                    "kind": "incident",
                    "document": row.claim.document,
                    "claim": row.claim.claim,
                    "subtype": row.claim.subtype,
                    "said": row.claim.said,
                    "place": p.name,
                    "role": p.role,
                    "perpetrators": row.perpetrators,
                    "killed": row.killed,
                    "violates": row.violates,
                    "evidence": row.claim.evidence,
                });
                f.point(lat, lon, props)?;
            }
        }
        Ok(())
    }

    fn event_features<W: Write>(&self, f: &mut Features<W>) -> io::Result<()> {
        for row in self.event_rows() {
            let toll = |g: fn(&crate::Toll) -> f64| row.fatalities.as_ref().map(g);
            let props = json!({
                "kind": "event",
                "event_id": row.event_id,
                "date": row.date,
                "date_precision": row.date_precision,
                "event_type": row.event_type,
                "sub_event_type": row.sub_event_type,
                "actor1": row.actor1,
                "actor2": row.actor2,
                "admin1": row.admin1,
                "admin2": row.admin2,
                "location": row.place.name,
                "place_id": row.place.id,
                "geo_precision": row.geo_precision,
                "fatalities_low": toll(|t| t.low),
                "fatalities_best": toll(|t| t.best),
                "fatalities_high": toll(|t| t.high),
                "n_sources": row.n_sources,
                "sources": row
                    .sources
                    .iter()
                    .filter(|s| s.source.copy_of.is_none())
                    .map(|s| s.citation.as_str())
                    .collect::<Vec<_>>(),
                "truce_id": row.truce_id,
                "violation": row.violation,
            });
            f.point(row.place.lat, row.place.lon, props)?;
        }
        Ok(())
    }
}
