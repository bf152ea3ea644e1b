//! The ledger against a truth timeline: does the picture built from many
//! reports name the truces that were, with the right scope and start, and
//! does `truce status` give the right state at a place and time?
//!
//! - [`truth`]: the truth file (`eval/ledger/*.json`, format in
//!   `eval/ledger/README.md`): truces with a source per fact, and probes.
//! - [`input`]: the ledger of some reports, built the way the ledger
//!   commands build it (store in memory, [`truce_ingest::load_ledger`]).
//! - [`matching`]: which record is which truth truce (the definitions of
//!   recall, precision and duplicates are there).
//! - [`probes`]: the state at a place and time, through [`Ledger::status`].
//! - [`render`]: a text summary and JSON.
//!
//! ```
//! use truce_eval::ledger::{evaluate, truth};
//! let gaz = truce_geo::Gazetteer::embedded();
//! let t = truth::read(r#"{"title": "empty", "sources": {}, "truces": [], "probes": []}"#, "t", gaz).unwrap();
//! let ledger = truce_ledger::Ledger::new(gaz);
//! let score = evaluate(&t, &ledger);
//! assert_eq!(score.recall.total, 0);
//! ```

pub mod input;
pub mod matching;
pub mod probes;
pub mod render;
pub mod truth;

use matching::{Mismatch, Record, diagnose, match_all};
use probes::{ProbeResult, name};
use serde::Serialize;
use truce_ledger::Ledger;
use truth::Truth;

/// Right out of all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Ratio {
    pub right: usize,
    pub total: usize,
}

impl Ratio {
    /// As a fraction (1 when there is nothing to count).
    pub fn value(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
}

/// A truth truce and the record that matched it.
#[derive(Clone, Debug, Serialize)]
pub struct TruceMatch {
    pub truth: String,
    pub name: String,
    pub record: Option<String>,
    /// Other records that match it too (duplicates).
    pub duplicates: Vec<String>,
    /// For a miss: the nearest records and what is wrong with each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nearest: Vec<Nearest>,
}

/// A record near a missed truth truce.
#[derive(Clone, Debug, Serialize)]
pub struct Nearest {
    pub record: String,
    #[serde(flatten)]
    pub mismatch: Mismatch,
}

/// A ledger record and whether it is a real truce.
#[derive(Clone, Debug, Serialize)]
pub struct RecordResult {
    pub id: String,
    pub name: String,
    pub level: String,
    /// Established areas, then proposed ones marked `(proposed)`.
    pub areas: Vec<String>,
    pub start: Option<String>,
    pub links: usize,
    /// The truth truce it is (best match), or a duplicate of.
    pub truth: Option<String>,
    pub verdict: Verdict,
}

/// What a record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Real,
    Duplicate,
    Unreal,
}

/// Everything the scorer found.
#[derive(Clone, Debug, Serialize)]
pub struct LedgerScore {
    pub truth: String,
    pub documents: usize,
    pub recall: Ratio,
    pub precision: Ratio,
    pub status: Ratio,
    pub truces: Vec<TruceMatch>,
    pub records: Vec<RecordResult>,
    pub probes: Vec<ProbeResult>,
    /// Inputs that could not be read, and similar.
    pub notes: Vec<String>,
}

/// Scores `ledger` against `truth`.
pub fn evaluate(truth: &Truth, ledger: &Ledger) -> LedgerScore {
    let gaz = ledger.gazetteer();
    let records: Vec<Record> = ledger
        .truces()
        .iter()
        .map(|v| Record::from_view(v, gaz))
        .collect();
    let m = match_all(&truth.truces, &records, gaz);
    let truces = truce_matches(truth, &records, &m, gaz);
    let results = record_results(truth, &records, &m, gaz);
    let probes = probes::ask_all(&truth.probes, ledger);
    LedgerScore {
        truth: truth.title.clone(),
        documents: ledger.len(),
        recall: count(
            truces
                .iter()
                .zip(&truth.truces)
                .filter(|(_, t)| t.recall)
                .map(|(m, _)| m.record.is_some()),
        ),
        precision: count(results.iter().map(|r| r.verdict == Verdict::Real)),
        status: count(probes.iter().map(|p| p.right)),
        truces,
        records: results,
        probes,
        notes: Vec::new(),
    }
}

fn count(hits: impl Iterator<Item = bool>) -> Ratio {
    hits.fold(Ratio::default(), |r, hit| Ratio {
        right: r.right + usize::from(hit),
        total: r.total + 1,
    })
}

fn truce_matches(
    truth: &Truth,
    records: &[Record],
    m: &matching::Matching,
    gaz: &truce_geo::Gazetteer,
) -> Vec<TruceMatch> {
    truth
        .truces
        .iter()
        .enumerate()
        .map(|(ti, t)| {
            let best = m.best[ti];
            let duplicates = (0..records.len())
                .filter(|&ri| Some(ri) != best && m.matched[ri].contains(&ti))
                .map(|ri| records[ri].id.clone())
                .collect();
            let nearest = if best.is_some() {
                Vec::new()
            } else {
                diagnose(t, records, gaz)
                    .into_iter()
                    .map(|(record, mismatch)| Nearest { record, mismatch })
                    .collect()
            };
            TruceMatch {
                truth: t.id.clone(),
                name: t.name.clone(),
                record: best.map(|ri| records[ri].id.clone()),
                duplicates,
                nearest,
            }
        })
        .collect()
}

fn record_results(
    truth: &Truth,
    records: &[Record],
    m: &matching::Matching,
    gaz: &truce_geo::Gazetteer,
) -> Vec<RecordResult> {
    records
        .iter()
        .enumerate()
        .map(|(ri, r)| {
            let (verdict, ti) = match (m.real_for(ri), m.matched[ri].first()) {
                (Some(ti), _) => (Verdict::Real, Some(ti)),
                (None, Some(&ti)) => (Verdict::Duplicate, Some(ti)),
                (None, None) => (Verdict::Unreal, None),
            };
            RecordResult {
                id: r.id.clone(),
                name: r.name.clone(),
                level: name(&r.level),
                areas: area_names(r, gaz),
                start: r.start().map(|s| s.to_string()),
                links: r.links,
                truth: ti.map(|ti| truth.truces[ti].id.clone()),
                verdict,
            }
        })
        .collect()
}

fn area_names(r: &Record, gaz: &truce_geo::Gazetteer) -> Vec<String> {
    let label = |a: &matching::Area| {
        let p = gaz.get(a.place);
        let mut s = format!("{} ({})", p.name, p.kind.as_str());
        if !a.established {
            s.push_str(" (proposed)");
        }
        s
    };
    let mut out: Vec<String> = r
        .areas
        .iter()
        .filter(|a| a.established)
        .map(label)
        .collect();
    out.extend(r.areas.iter().filter(|a| !a.established).map(label));
    out
}
