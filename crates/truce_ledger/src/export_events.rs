//! Events as exported: JSON rows, and a CSV table with ACLED/UCDP-style
//! columns (one row per event).

use crate::events::{Event, EventSource, Toll, geo_precision};
use crate::{GeoPlace, Ledger};
use serde::Serialize;
use std::io::{self, Write};

/// One event as exported (JSON and GeoJSON properties).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRow {
    pub event_id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub date_precision: String,
    /// ACLED's event type (`Explosions/Remote violence`, `Battles`, ...).
    pub event_type: String,
    /// The subtype most reports give (`airstrike`).
    pub sub_event_type: String,
    /// The family of subtypes events are merged within (`strike`).
    pub family: String,
    pub actor1: Option<String>,
    pub actor2: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub place: GeoPlace,
    /// 1 town or village, 2 district or region, 3 governorate.
    pub geo_precision: u8,
    pub fatalities: Option<Toll>,
    pub injured: Option<Toll>,
    /// Sources counted (republications left out).
    pub n_sources: usize,
    /// Every document, republications marked `copy_of`.
    pub sources: Vec<SourceRow>,
    pub truce_id: Option<String>,
    pub violation: bool,
}

/// A source of an event: the document, cited.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceRow {
    #[serde(flatten)]
    pub source: EventSource,
    /// "Outlet, date, "title", url".
    pub citation: String,
}

/// The events CSV header.
pub const EVENT_COLUMNS: &[&str] = &[
    "event_id",
    "date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "admin2",
    "location",
    "place_id",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities_low",
    "fatalities_best",
    "fatalities_high",
    "injured_best",
    "n_sources",
    "source_urls",
    "source_outlets",
    "citations",
    "truce_id",
    "violation",
];

impl Ledger {
    /// Every event as an export row.
    pub fn event_rows(&self) -> Vec<EventRow> {
        self.events().iter().map(|e| self.event_row(e)).collect()
    }

    fn event_row(&self, e: &Event) -> EventRow {
        let place = self.event_place(e);
        let (admin1, admin2) = self.event_admin(e);
        let kind = self.gaz.get(e.place).kind;
        EventRow {
            event_id: e.id.clone(),
            date: e.date.to_string(),
            date_precision: e.date_precision.clone(),
            event_type: e.family.event_type().to_string(),
            sub_event_type: e.subtype.clone(),
            family: e.family.as_str().to_string(),
            actor1: e.actor1.clone(),
            actor2: e.actor2.clone(),
            admin1,
            admin2,
            place,
            geo_precision: geo_precision(kind),
            fatalities: e.fatalities,
            injured: e.injured,
            n_sources: e.n_sources(),
            sources: e
                .sources
                .iter()
                .map(|s| SourceRow {
                    citation: s.citation(),
                    source: s.clone(),
                })
                .collect(),
            truce_id: e.truce.clone(),
            violation: e.violation,
        }
    }

    /// The events CSV (header [`EVENT_COLUMNS`]): lists in a cell are joined
    /// with `; ` (citations, which may hold semicolons, with ` | `); numbers
    /// are plain, empty when unknown; `violation` is `true`/`false`.
    pub fn export_events_csv(&self, w: impl Write) -> io::Result<()> {
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(w);
        out.write_record(EVENT_COLUMNS)?;
        for row in self.event_rows() {
            out.write_record(event_cells(&row))?;
        }
        out.flush()
    }
}

fn event_cells(r: &EventRow) -> Vec<String> {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    let toll = |f: fn(&Toll) -> f64| num(r.fatalities.as_ref().map(f));
    let join = |f: fn(&SourceRow) -> Option<String>, sep: &str| {
        let counted = r.sources.iter().filter(|s| s.source.copy_of.is_none());
        let cells: Vec<String> = counted.filter_map(f).collect();
        cells.join(sep)
    };
    vec![
        r.event_id.clone(),
        r.date.clone(),
        r.date_precision.clone(),
        r.event_type.clone(),
        r.sub_event_type.clone(),
        opt(&r.actor1),
        opt(&r.actor2),
        opt(&r.admin1),
        opt(&r.admin2),
        r.place.name.clone(),
        r.place.id.clone(),
        r.place.lat.to_string(),
        r.place.lon.to_string(),
        r.geo_precision.to_string(),
        toll(|t| t.low),
        toll(|t| t.best),
        toll(|t| t.high),
        num(r.injured.map(|t| t.best)),
        r.n_sources.to_string(),
        join(|s| s.source.url.clone(), "; "),
        join(|s| s.source.outlet.clone(), "; "),
        join(|s| Some(s.citation.clone()), " | "),
        opt(&r.truce_id),
        r.violation.to_string(),
    ]
}
