//! Which ledger record is which real truce.
//!
//! A record **matches** a truth truce when
//!
//! 1. its level is the truth's (`national` or `local`; unscoped records
//!    never match);
//! 2. its scope is right: every `scope.main` place of the truth lies inside
//!    (gazetteer `contains`, itself included) one of the record's
//!    *established* areas (not proposed only), and none of those areas lies
//!    in another country than the truth's;
//! 3. its start is within one day: the earliest window start of the
//!    established areas that cover a main place lies between the truth's
//!    start minus 24 hours and the end of the truth's start precision plus
//!    24 hours (a day-precise "4 May" accepts 3 May 00:00 to 6 May 00:00).
//!
//! A truth truce that never took effect (no `start`) is matched on level and
//! scope alone, proposed areas included.
//!
//! Each truth truce keeps its **best** match: the nearest start, then the
//! record with more links, then the first. A record is *real* when it is
//! the best match of some truth truce (one record may be best for two: one
//! announcement with two areas); a record that matches only truces already
//! held by a better record is a *duplicate*, and counts as not real.

use super::truth::{Level, Span, TruthTruce, main_places};
use jiff::SignedDuration;
use jiff::civil::DateTime;
use serde::Serialize;
use truce_geo::{Gazetteer, PlaceId};
use truce_ledger::TruceView;

/// A ledger record as the matcher sees it.
#[derive(Clone, Debug)]
pub struct Record {
    pub id: String,
    pub name: String,
    pub level: truce_ledger::Level,
    pub areas: Vec<Area>,
    pub links: usize,
}

/// One area of a record.
#[derive(Clone, Debug)]
pub struct Area {
    pub place: PlaceId,
    pub established: bool,
    pub start: Option<DateTime>,
}

impl Record {
    pub fn from_view(v: &TruceView, gaz: &Gazetteer) -> Record {
        let areas = v
            .areas
            .iter()
            .filter_map(|a| {
                Some(Area {
                    place: gaz.find_id(&a.place.id)?,
                    established: !a.proposed,
                    start: a
                        .window
                        .start
                        .as_deref()
                        .and_then(|s| truce_ledger::parse_time(s).ok()),
                })
            })
            .collect();
        Record {
            id: v.id.clone(),
            name: v.name.clone(),
            level: v.level,
            areas,
            links: v.links.len(),
        }
    }

    /// The record's earliest start over all its areas.
    pub fn start(&self) -> Option<DateTime> {
        self.areas.iter().filter_map(|a| a.start).min()
    }
}

/// Why a record is not a truth truce.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Mismatch {
    Level { record: String },
    NotCovered { place: String },
    OtherCountry { place: String },
    NoStart,
    Start { record: String, hours_off: i64 },
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mismatch::Level { record } => write!(f, "level is {record}"),
            Mismatch::NotCovered { place } => write!(f, "no established area covers {place}"),
            Mismatch::OtherCountry { place } => write!(f, "area {place} is in another country"),
            Mismatch::NoStart => write!(f, "no start for the main places"),
            Mismatch::Start { record, hours_off } => {
                write!(f, "start {record} is {hours_off} h off")
            }
        }
    }
}

fn same_level(t: Level, r: truce_ledger::Level) -> bool {
    matches!(
        (t, r),
        (Level::National, truce_ledger::Level::National)
            | (Level::Local, truce_ledger::Level::Local)
    )
}

/// Does `r` match `t`? `Ok` carries the record's start for the truth
/// truce's main places (none for a truce without a known start).
pub fn compare(t: &TruthTruce, r: &Record, gaz: &Gazetteer) -> Result<Option<DateTime>, Mismatch> {
    if !same_level(t.level, r.level) {
        return Err(Mismatch::Level {
            record: super::probes::name(&r.level),
        });
    }
    let counted: Vec<&Area> = r
        .areas
        .iter()
        .filter(|a| a.established || t.start.is_none())
        .collect();
    let country = gaz.find_id(&t.country);
    if let Some(a) = counted.iter().find(|a| gaz.country_of(a.place) != country) {
        return Err(Mismatch::OtherCountry {
            place: gaz.get(a.place).name.clone(),
        });
    }
    let start = main_start(t, &counted, gaz)?;
    match t.start.as_ref().and_then(|d| d.span()) {
        None => Ok(None),
        Some(truth) => start_fits(truth, start.ok_or(Mismatch::NoStart)?).map(Some),
    }
}

/// Every main place covered by a counted area; the earliest start of the
/// areas that cover them.
fn main_start(
    t: &TruthTruce,
    counted: &[&Area],
    gaz: &Gazetteer,
) -> Result<Option<DateTime>, Mismatch> {
    let mut start: Option<DateTime> = None;
    for m in main_places(t, gaz) {
        let covering: Vec<&&Area> = counted
            .iter()
            .filter(|a| gaz.contains(a.place, m))
            .collect();
        if covering.is_empty() {
            return Err(Mismatch::NotCovered {
                place: gaz.get(m).name.clone(),
            });
        }
        let first = covering.iter().filter_map(|a| a.start).min();
        start = start.into_iter().chain(first).min();
    }
    Ok(start)
}

/// Within a day of the truth's start interval.
fn start_fits(truth: Span, got: DateTime) -> Result<DateTime, Mismatch> {
    let off = if got < truth.start {
        truth.start.duration_since(got)
    } else {
        got.duration_since(truth.end).max(SignedDuration::ZERO)
    };
    if off <= SignedDuration::from_hours(24) {
        Ok(got)
    } else {
        Err(Mismatch::Start {
            record: got.to_string(),
            hours_off: (off.as_secs() + 3599) / 3600,
        })
    }
}

/// The outcome of matching every record against every truth truce.
#[derive(Clone, Debug, Default)]
pub struct Matching {
    /// For each truth truce: the index of its best record, if any.
    pub best: Vec<Option<usize>>,
    /// For each record: the truth truces it matches (indices).
    pub matched: Vec<Vec<usize>>,
}

impl Matching {
    /// The truth truce a record is best for, if any.
    pub fn real_for(&self, record: usize) -> Option<usize> {
        self.best.iter().position(|b| *b == Some(record))
    }
}

/// Matches every record against every truth truce.
pub fn match_all(truth: &[TruthTruce], records: &[Record], gaz: &Gazetteer) -> Matching {
    let mut matched = vec![Vec::new(); records.len()];
    let mut best = Vec::with_capacity(truth.len());
    for (ti, t) in truth.iter().enumerate() {
        let mut found: Vec<(usize, SignedDuration)> = Vec::new();
        for (ri, r) in records.iter().enumerate() {
            if let Ok(start) = compare(t, r, gaz) {
                matched[ri].push(ti);
                found.push((ri, distance(t, start)));
            }
        }
        found.sort_by_key(|&(ri, d)| (d, std::cmp::Reverse(records[ri].links), ri));
        best.push(found.first().map(|&(ri, _)| ri));
    }
    Matching { best, matched }
}

fn distance(t: &TruthTruce, start: Option<DateTime>) -> SignedDuration {
    match (t.start.as_ref().and_then(|d| d.span()), start) {
        (Some(s), Some(got)) => got.duration_since(s.start).abs(),
        _ => SignedDuration::ZERO,
    }
}

/// Why a truth truce was missed: the nearest records and what was wrong
/// with each, the most telling first (at most three).
pub fn diagnose(t: &TruthTruce, records: &[Record], gaz: &Gazetteer) -> Vec<(String, Mismatch)> {
    let mains = main_places(t, gaz);
    let touches = |r: &Record| {
        r.areas.iter().any(|a| {
            mains
                .iter()
                .any(|&m| gaz.contains(a.place, m) || gaz.contains(m, a.place))
        })
    };
    let mut out: Vec<(u8, String, Mismatch)> = records
        .iter()
        .filter(|r| touches(r))
        .filter_map(|r| {
            compare(t, r, gaz)
                .err()
                .map(|m| (rank(&m), r.id.clone(), m))
        })
        .collect();
    out.sort_by_key(|(rank, id, _)| (*rank, id.len(), id.clone()));
    out.into_iter().take(3).map(|(_, id, m)| (id, m)).collect()
}

fn rank(m: &Mismatch) -> u8 {
    match m {
        Mismatch::Start { .. } => 0,
        Mismatch::NoStart => 1,
        Mismatch::NotCovered { .. } => 2,
        Mismatch::OtherCountry { .. } => 3,
        Mismatch::Level { .. } => 4,
    }
}
