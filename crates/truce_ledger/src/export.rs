//! Counts and exports (JSON, CSV, GeoJSON) of truces, claims and incidents.
//!
//! Exports are streamed row by row: a ledger of 100,000 reports is never
//! held twice in memory. States are given at one time, `at`: the caller's
//! "now", or, with `None`, the latest publication date held (the ledger's
//! own "now": a historical archive is judged as of its last report).

use crate::Ledger;
use crate::assess::State;
use crate::record::Level;
use jiff::civil::DateTime;
use serde::Serialize;
use std::io::{self, Write};
use truce_geo::PlaceId;
use truce_model::ClaimKind;

/// Claim `(document, claim)` → ids of the truces it violates.
pub(crate) type Violated = std::collections::HashMap<(String, String), Vec<String>>;

/// How much the ledger holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub documents: usize,
    pub claims: usize,
    pub truces: usize,
    pub incidents: usize,
    pub violations: usize,
    pub disputes: usize,
}

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Csv(Table),
    GeoJson,
}

/// What an export holds: one CSV table per file; in JSON and GeoJSON, the
/// part chosen ([`Ledger::export_what`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// One row per truce, ETH/PRIO-style (`export_truces` module).
    Truces,
    /// One row per truce area (a truce with three areas gives three rows).
    Areas,
    Claims,
    /// One row per incident claim (a report of an incident).
    Incidents,
    /// One row per event: the reports of one incident merged (`events`).
    Events,
}

/// A place with its coordinates from the gazetteer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GeoPlace {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub lat: f64,
    pub lon: f64,
}

/// One area of a truce as exported: its own window and state at `at`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaRow {
    pub place: GeoPlace,
    /// An area the truce excludes ("except Idlib province").
    pub excluded: bool,
    /// Named only by proposals.
    pub proposed: bool,
    /// State at the export time; `None` for excluded areas and areas no
    /// claim known by then bears on.
    pub state: Option<State>,
    pub start: Option<String>,
    pub end: Option<String>,
}

/// One truce as exported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TruceRow {
    pub id: String,
    /// Human name: scope, kind and start (`crate::name`).
    pub name: String,
    /// The truce kind (`regime_of_calm`).
    pub kind: String,
    pub names: Vec<String>,
    pub level: Level,
    pub country: Option<String>,
    /// The state of the truce as a whole at the export time.
    pub state: Option<State>,
    pub start: Option<String>,
    pub end: Option<String>,
    /// Declarers and accepting parties, by lexicon id or name.
    pub declarers: Vec<String>,
    pub parties: Vec<String>,
    pub areas: Vec<AreaRow>,
    /// Exclusions that are not places ("areas controlled by X").
    pub unresolved_exclusions: Vec<String>,
    /// The claims it rests on: `document#claim`, with the linking rule.
    pub claims: Vec<ClaimLink>,
}

/// A claim a truce rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimLink {
    pub claim: String,
    pub kind: String,
    pub rule: String,
}

/// A named place of a claim, with its role and coordinates when known.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimPlace {
    pub role: String,
    pub name: String,
    pub id: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// One claim as exported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimRow {
    /// `document#claim`.
    pub key: String,
    pub document: String,
    pub claim: String,
    pub kind: String,
    pub subtype: Option<String>,
    pub modality: String,
    pub truce_name: Option<String>,
    /// The truce record it is linked to.
    pub truce: Option<String>,
    pub published: String,
    pub outlet: Option<String>,
    /// When it was said or happened (wall-clock).
    pub said: String,
    pub time_start: Option<String>,
    pub time_end: Option<String>,
    pub speaker: Option<String>,
    /// "speaker; quoted_by Interfax; published_by Reuters".
    pub attribution: String,
    pub actors: Vec<String>,
    pub places: Vec<ClaimPlace>,
    pub evidence: String,
}

/// One incident as exported, with the truces it is inferred to violate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IncidentRow {
    #[serde(flatten)]
    pub claim: ClaimRow,
    pub perpetrators: Vec<String>,
    pub killed: Option<f64>,
    pub injured: Option<f64>,
    /// Truce ids (inferred violations and explicit accusations).
    pub violates: Vec<String>,
}

impl Ledger {
    /// Documents, claims, truces, incidents (`incident.*` claims),
    /// violations (explicit and inferred) and disputes.
    pub fn counts(&self) -> Counts {
        self.counts_with(self.violations(None).len())
    }

    fn counts_with(&self, violations: usize) -> Counts {
        Counts {
            documents: self.docs.len(),
            claims: self.claims.len(),
            truces: self.truces.len(),
            incidents: self.claims.iter().filter(|s| is_incident(s.kind())).count(),
            violations,
            disputes: self.disputes().len(),
        }
    }

    /// The latest publication time held (the default export time).
    pub fn latest_published(&self) -> Option<DateTime> {
        self.claims.iter().map(|s| s.published).max()
    }

    /// One export call for the CLI: `format` chooses the function below.
    pub fn export(
        &self,
        format: ExportFormat,
        w: impl Write,
        at: Option<DateTime>,
    ) -> io::Result<()> {
        match format {
            ExportFormat::Json => self.export_json(w, at),
            ExportFormat::Csv(table) => self.export_csv(w, table, at),
            ExportFormat::GeoJson => self.export_geojson(w, at),
        }
    }

    /// An export of one part, `what`, in any format (for CSV, `what` wins
    /// over the format's table); with `None`, as [`Ledger::export`].
    pub fn export_what(
        &self,
        format: ExportFormat,
        what: Option<Table>,
        w: impl Write,
        at: Option<DateTime>,
    ) -> io::Result<()> {
        match (format, what) {
            (_, None) => self.export(format, w, at),
            (ExportFormat::Json, Some(what)) => self.export_json_of(w, what, at),
            (ExportFormat::Csv(_), Some(what)) => self.export_csv(w, what, at),
            (ExportFormat::GeoJson, Some(what)) => self.export_geojson_of(w, Some(what), at),
        }
    }

    /// `{"at": ..., "counts": {...}, "<what>": [...]}`: one part of
    /// [`Ledger::export_json`] (`areas` are the truces' rows, which hold
    /// their areas).
    pub fn export_json_of(
        &self,
        mut w: impl Write,
        what: Table,
        at: Option<DateTime>,
    ) -> io::Result<()> {
        let at = self.export_time(at);
        write!(w, "{{\"at\":")?;
        serde_json::to_writer(&mut w, &self.stamp_home(at))?;
        let (violated, violations) = self.violated_by();
        write!(w, ",\"counts\":")?;
        serde_json::to_writer(&mut w, &self.counts_with(violations))?;
        let key = match what {
            Table::Truces | Table::Areas => "truces",
            Table::Claims => "claims",
            Table::Incidents => "incidents",
            Table::Events => "events",
        };
        write!(w, ",\"{key}\":")?;
        self.json_part(&mut w, what, at, &violated)?;
        writeln!(w, "}}")?;
        w.flush()
    }

    fn json_part(
        &self,
        w: &mut impl Write,
        what: Table,
        at: Option<DateTime>,
        violated: &Violated,
    ) -> io::Result<()> {
        let items: Box<dyn Iterator<Item = serde_json::Result<serde_json::Value>>> = match what {
            Table::Truces | Table::Areas => Box::new(
                (0..self.truces.len()).map(move |t| serde_json::to_value(self.truce_row(t, at))),
            ),
            Table::Claims => {
                Box::new((0..self.claims.len()).map(|c| serde_json::to_value(self.claim_row(c))))
            }
            Table::Incidents => Box::new(
                self.incident_claims()
                    .map(move |c| serde_json::to_value(self.incident_row(c, violated))),
            ),
            Table::Events => Box::new(self.event_rows().into_iter().map(serde_json::to_value)),
        };
        w.write_all(b"[")?;
        for (i, item) in items.enumerate() {
            if i > 0 {
                w.write_all(b",")?;
            }
            serde_json::to_writer(&mut *w, &item?)?;
        }
        w.write_all(b"]")
    }

    /// The export time with the offset of the home theatre's zone.
    fn stamp_home(&self, at: Option<DateTime>) -> Option<String> {
        at.map(|a| crate::iso::stamp(a, &crate::iso::zone(None)))
    }

    /// `{"at": ..., "counts": {...}, "truces": [...], "claims": [...],
    /// "incidents": [...], "events": [...]}` (every claim, incidents again
    /// with coordinates and violations, and the events they make).
    pub fn export_json(&self, mut w: impl Write, at: Option<DateTime>) -> io::Result<()> {
        let at = self.export_time(at);
        write!(w, "{{\"at\":")?;
        serde_json::to_writer(&mut w, &self.stamp_home(at))?;
        let (violated, violations) = self.violated_by();
        write!(w, ",\"counts\":")?;
        serde_json::to_writer(&mut w, &self.counts_with(violations))?;
        for (key, what) in [
            ("truces", Table::Truces),
            ("claims", Table::Claims),
            ("incidents", Table::Incidents),
            ("events", Table::Events),
        ] {
            write!(w, ",\"{key}\":")?;
            self.json_part(&mut w, what, at, &violated)?;
        }
        writeln!(w, "}}")?;
        w.flush()
    }

    /// A CSV table with a header row; lists inside a cell are joined with
    /// `; `; every cell is quoted when it holds a comma, quote or line break.
    pub fn export_csv(
        &self,
        mut w: impl Write,
        table: Table,
        at: Option<DateTime>,
    ) -> io::Result<()> {
        let at = self.export_time(at);
        match table {
            Table::Truces => return self.export_truce_records(w, at),
            Table::Events => return self.export_events_csv(w),
            Table::Areas => {
                csv_row(&mut w, TRUCE_COLUMNS)?;
                for t in 0..self.truces.len() {
                    let row = self.truce_row(t, at);
                    for a in &row.areas {
                        csv_row(
                            &mut w,
                            &[
                                &row.id,
                                &row.name,
                                &level_str(row.level),
                                &opt_state(row.state),
                                &a.place.id,
                                &a.place.name,
                                &a.place.kind,
                                &a.place.lat.to_string(),
                                &a.place.lon.to_string(),
                                &a.excluded.to_string(),
                                &a.proposed.to_string(),
                                &opt_state(a.state),
                                a.start.as_deref().unwrap_or(""),
                                a.end.as_deref().unwrap_or(""),
                                &row.declarers.join("; "),
                                &row.parties.join("; "),
                                &row.claims
                                    .iter()
                                    .map(|c| c.claim.as_str())
                                    .collect::<Vec<_>>()
                                    .join("; "),
                            ],
                        )?;
                    }
                }
            }
            Table::Claims => {
                csv_row(&mut w, CLAIM_COLUMNS)?;
                for c in 0..self.claims.len() {
                    let cells = claim_cells(&self.claim_row(c));
                    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
                    csv_row(&mut w, &cells)?;
                }
            }
            Table::Incidents => {
                let mut header: Vec<&str> = CLAIM_COLUMNS.to_vec();
                header.extend(["perpetrators", "killed", "injured", "violates"]);
                csv_row(&mut w, &header)?;
                let (violated, _) = self.violated_by();
                for c in self.incident_claims() {
                    let row = self.incident_row(c, &violated);
                    let mut cells = claim_cells(&row.claim);
                    cells.push(row.perpetrators.join("; "));
                    cells.push(row.killed.map(|k| k.to_string()).unwrap_or_default());
                    cells.push(row.injured.map(|k| k.to_string()).unwrap_or_default());
                    cells.push(row.violates.join("; "));
                    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
                    csv_row(&mut w, &cells)?;
                }
            }
        }
        w.flush()
    }

    /// A GeoJSON FeatureCollection of truce areas (polygons where an
    /// outline is known, else points) and incident places: see
    /// [`Ledger::export_geojson_of`].
    pub fn export_geojson(&self, w: impl Write, at: Option<DateTime>) -> io::Result<()> {
        self.export_geojson_of(w, None, at)
    }

    pub(crate) fn export_time(&self, at: Option<DateTime>) -> Option<DateTime> {
        at.or_else(|| self.latest_published())
    }

    pub(crate) fn geo(&self, p: PlaceId) -> GeoPlace {
        let place = self.gaz.get(p);
        GeoPlace {
            id: place.id.clone(),
            name: place.name.clone(),
            kind: place.kind.as_str().to_string(),
            lat: place.lat,
            lon: place.lon,
        }
    }

    /// One truce with its areas' windows and states at `at`.
    pub(crate) fn truce_row(&self, t: usize, at: Option<DateTime>) -> TruceRow {
        let truce = &self.truces[t];
        let at_or_max = at.unwrap_or(DateTime::MAX);
        let whole = self.assess(t, None, at_or_max);
        let country = truce.country.map(|c| self.gaz.get(c).id.clone());
        let tz = crate::iso::zone(country.as_deref().or(self.truce_country(t).as_deref()));
        let stamp = |d: Option<DateTime>| d.map(|d| crate::iso::stamp(d, &tz));
        let mut areas: Vec<AreaRow> = truce
            .areas
            .iter()
            .map(|&p| {
                let a = self.assess(t, Some(p), at_or_max);
                AreaRow {
                    place: self.geo(p),
                    excluded: false,
                    proposed: a.as_ref().is_none_or(|a| a.start.is_none()),
                    state: a.as_ref().map(|a| a.state),
                    start: stamp(a.as_ref().and_then(|a| a.start)),
                    end: stamp(a.as_ref().and_then(|a| a.end)),
                }
            })
            .collect();
        let mut excluded: Vec<PlaceId> = Vec::new();
        for c in truce.claims() {
            let s = &self.claims[c];
            if s.asserted() && s.kind() != ClaimKind::TruceRejected {
                for &x in &s.excluded {
                    if !excluded.contains(&x) {
                        excluded.push(x);
                    }
                }
            }
        }
        areas.extend(excluded.into_iter().map(|p| AreaRow {
            place: self.geo(p),
            excluded: true,
            proposed: false,
            state: None,
            start: None,
            end: None,
        }));
        let names = |v: Vec<crate::ActorView>| -> Vec<String> {
            v.into_iter().map(|a| a.id.unwrap_or(a.name)).collect()
        };
        let view = self.truce_view_light(t);
        TruceRow {
            id: truce.id.clone(),
            name: self.human_name(t).to_owned(),
            kind: truce.name.clone(),
            names: view,
            level: truce.level,
            country,
            state: whole.as_ref().map(|a| a.state),
            start: stamp(whole.as_ref().and_then(|a| a.start)),
            end: stamp(whole.as_ref().and_then(|a| a.end)),
            declarers: names(self.declarer(t)),
            parties: names(self.parties(t)),
            areas,
            unresolved_exclusions: self.unresolved_exclusions(t),
            claims: truce
                .links
                .iter()
                .map(|&(c, rule)| ClaimLink {
                    claim: self.claim_key(c),
                    kind: self.claims[c].kind().as_str().to_string(),
                    rule: rule.to_string(),
                })
                .collect(),
        }
    }

    fn truce_view_light(&self, t: usize) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for c in self.truces[t].claims() {
            if let Some(n) = self.claims[c]
                .name()
                .filter(|n| !names.iter().any(|m| m == n))
            {
                names.push(n.to_string());
            }
        }
        names
    }

    fn claim_key(&self, c: usize) -> String {
        let s = &self.claims[c];
        format!("{}#{}", self.docs[s.doc].id, s.claim.id)
    }

    /// One claim as a flat row.
    pub(crate) fn claim_row(&self, c: usize) -> ClaimRow {
        let s = &self.claims[c];
        let doc = &self.docs[s.doc];
        let claim = &s.claim;
        let tz = crate::iso::zone(doc.theatre.as_deref());
        let speaker = claim.attribution.speaker.as_ref().map(|sp| match sp.count {
            Some(n) => format!("{} ({n})", sp.name),
            None => sp.name.clone(),
        });
        let mut chain: Vec<String> = Vec::new();
        chain.push(
            speaker
                .clone()
                .unwrap_or_else(|| "the outlet itself".to_string()),
        );
        for l in &claim.attribution.chain {
            chain.push(format!("{} {}", l.role, l.name));
        }
        if let Some(outlet) = &doc.outlet
            && !claim
                .attribution
                .chain
                .iter()
                .any(|l| l.role == "published_by")
        {
            chain.push(format!("published_by {outlet}"));
        }
        ClaimRow {
            key: self.claim_key(c),
            document: doc.id.clone(),
            claim: claim.id.clone(),
            kind: claim.kind.as_str().to_string(),
            subtype: claim.subtype.clone(),
            modality: claim.modality.as_str().to_string(),
            truce_name: claim.truce.as_ref().map(|t| t.name.clone()),
            truce: self.claim_truce[c].map(|t| self.truces[t].id.clone()),
            published: crate::iso::published(&doc.published, &tz),
            outlet: doc.outlet.clone(),
            said: crate::iso::stamp(s.said, &tz),
            time_start: claim.time.as_ref().and_then(|t| t.start.clone()),
            time_end: claim.time.as_ref().and_then(|t| t.end.clone()),
            speaker,
            attribution: chain.join("; "),
            actors: claim
                .actors
                .iter()
                .map(|a| format!("{}:{}", a.role, a.id.as_deref().unwrap_or(&a.name)))
                .collect(),
            places: claim
                .places
                .iter()
                .map(|p| {
                    let found = p.id.as_deref().and_then(|id| self.gaz.find_id(id));
                    let place = found.map(|f| self.gaz.get(f));
                    ClaimPlace {
                        role: p.role.clone(),
                        name: p.name.clone(),
                        id: p.id.clone(),
                        lat: place.map(|g| g.lat).or(p.lat),
                        lon: place.map(|g| g.lon).or(p.lon),
                    }
                })
                .collect(),
            evidence: claim.evidence.text.clone(),
        }
    }

    pub(crate) fn incident_claims(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.claims.len()).filter(|&c| is_incident(self.claims[c].kind()))
    }

    /// Claim → truce ids it violates (inferred and explicit), and the
    /// number of violations.
    pub(crate) fn violated_by(&self) -> (Violated, usize) {
        let mut out: std::collections::HashMap<(String, String), Vec<String>> =
            std::collections::HashMap::new();
        let all = self.violations(None);
        let n = all.len();
        for v in all {
            let ids = out.entry((v.claim.document, v.claim.claim)).or_default();
            if !ids.contains(&v.truce) {
                ids.push(v.truce);
            }
        }
        (out, n)
    }

    pub(crate) fn incident_row(&self, c: usize, violated: &Violated) -> IncidentRow {
        let s = &self.claims[c];
        let quantity = |what: &str| {
            let found = s.claim.quantities.iter().filter(|q| q.what == what);
            found.map(|q| q.value).reduce(f64::max)
        };
        let key = (self.docs[s.doc].id.clone(), s.claim.id.clone());
        IncidentRow {
            perpetrators: s
                .claim
                .actors
                .iter()
                .filter(|a| a.role == "perpetrator")
                .map(|a| a.id.clone().unwrap_or_else(|| a.name.clone()))
                .collect(),
            killed: quantity("killed"),
            injured: quantity("injured"),
            violates: violated.get(&key).cloned().unwrap_or_default(),
            claim: self.claim_row(c),
        }
    }
}

fn is_incident(kind: ClaimKind) -> bool {
    kind.as_str().starts_with("incident.")
}

pub(crate) fn level_str(level: Level) -> String {
    match level {
        Level::National => "national",
        Level::Local => "local",
        Level::Unscoped => "unscoped",
    }
    .to_string()
}

pub(crate) fn opt_state(state: Option<State>) -> String {
    state
        .and_then(|s| serde_json::to_value(s).ok())
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

const TRUCE_COLUMNS: &[&str] = &[
    "truce",
    "name",
    "level",
    "truce_state",
    "place_id",
    "place",
    "place_kind",
    "lat",
    "lon",
    "excluded",
    "proposed",
    "state",
    "start",
    "end",
    "declarers",
    "parties",
    "claims",
];

const CLAIM_COLUMNS: &[&str] = &[
    "key",
    "document",
    "claim",
    "kind",
    "subtype",
    "modality",
    "truce_name",
    "truce",
    "published",
    "outlet",
    "said",
    "time_start",
    "time_end",
    "speaker",
    "attribution",
    "actors",
    "places",
    "evidence",
];

fn claim_cells(r: &ClaimRow) -> Vec<String> {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    vec![
        r.key.clone(),
        r.document.clone(),
        r.claim.clone(),
        r.kind.clone(),
        opt(&r.subtype),
        r.modality.clone(),
        opt(&r.truce_name),
        opt(&r.truce),
        r.published.clone(),
        opt(&r.outlet),
        r.said.clone(),
        opt(&r.time_start),
        opt(&r.time_end),
        opt(&r.speaker),
        r.attribution.clone(),
        r.actors.join("; "),
        r.places
            .iter()
            .map(|p| format!("{}:{}", p.role, p.name))
            .collect::<Vec<_>>()
            .join("; "),
        r.evidence.clone(),
    ]
}

/// Quotes a CSV cell when it needs it (RFC 4180: comma, quote, CR or LF;
/// quotes are doubled). A leading `=`, `+`, `-` or `@` is left alone:
/// these are data, not formulas, and spreadsheets are not our reader.
pub fn csv_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.contains([',', '"', '\n', '\r']) {
        std::borrow::Cow::Owned(format!("\"{}\"", cell.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn csv_row(w: &mut impl Write, cells: &[&str]) -> io::Result<()> {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        w.write_all(csv_cell(cell).as_bytes())?;
    }
    w.write_all(b"\r\n")
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell(""), "");
    }
}
