//! The truth file: truces as they were, with a source for every fact, and
//! probes (place, time, expected state). Format: `eval/ledger/README.md`.

use crate::EvalError;
use jiff::civil::{Date, DateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use truce_geo::{Gazetteer, PlaceId};

/// A truth timeline: the truces a set of reports describes, and probes.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Truth {
    pub title: String,
    /// What the timeline covers and how it was written.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Source keys used in `sources` fields, with what each one is.
    pub sources: BTreeMap<String, String>,
    pub truces: Vec<TruthTruce>,
    pub probes: Vec<Probe>,
}

/// Nationwide (a country's scope) or local (places of a country).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    National,
    Local,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Local => "local",
        }
    }
}

/// One real truce.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TruthTruce {
    pub id: String,
    /// A human name: "Eastern Ghouta regime of calm, 30 Apr 2016".
    pub name: String,
    pub level: Level,
    /// ISO 3166-1 alpha-2 code of the country it applies in.
    pub country: String,
    /// Counted in recall (false: described by the reports but outside the
    /// period they cover; a record of it is still real).
    #[serde(default = "yes")]
    pub recall: bool,
    pub scope: Scope,
    #[serde(default)]
    pub declared: Option<Dated>,
    /// When it took effect; absent for a truce that never did.
    #[serde(default)]
    pub start: Option<Dated>,
    /// The end of its last window, when one is known.
    #[serde(default)]
    pub end: Option<Dated>,
    /// Proposals, extensions, expansions, in time order.
    #[serde(default)]
    pub steps: Vec<Step>,
    #[serde(default)]
    pub declarer: Vec<Actor>,
    #[serde(default)]
    pub brokers: Vec<Actor>,
    #[serde(default)]
    pub parties: Vec<Actor>,
    /// How it ended (expired, extended then expired, collapsed, ...).
    #[serde(default)]
    pub ended: Option<Ended>,
}

fn yes() -> bool {
    true
}

/// Where a truce applies.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    pub include: Vec<PlaceRef>,
    /// Gazetteer ids a ledger record must cover to have the scope right.
    pub main: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<Exclusion>,
    pub sources: Vec<String>,
}

/// A gazetteer place: its id, and its name for people.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceRef {
    pub id: String,
    pub name: String,
}

/// A place, or the areas an actor holds, left out of a scope.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    #[serde(default)]
    pub place: Option<PlaceRef>,
    /// "areas held by ACTOR": the actor's name.
    #[serde(default)]
    pub held_by: Option<String>,
    pub sources: Vec<String>,
}

/// A time with its precision and sources.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dated {
    /// `2016-02-27T00:00`, `2016-05-04` or `2016-02`.
    pub at: String,
    pub precision: Precision,
    #[serde(default)]
    pub note: Option<String>,
    pub sources: Vec<String>,
}

/// How precisely a time is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Minute,
    Hour,
    Day,
    Month,
}

/// One step of a truce's history.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// proposed, negotiating, declared, accepted, extended, expanded, ...
    pub kind: String,
    pub at: Dated,
    /// For an extension: the new end.
    #[serde(default)]
    pub until: Option<Dated>,
    #[serde(default)]
    pub places: Vec<PlaceRef>,
    pub note: String,
    pub sources: Vec<String>,
}

/// An actor in a role, with its sources.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub name: String,
    pub sources: Vec<String>,
}

/// How a truce ended.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ended {
    /// expired, collapsed, ended, superseded, unknown.
    pub how: String,
    #[serde(default)]
    pub at: Option<Dated>,
    pub note: String,
    pub sources: Vec<String>,
}

/// A question with a known answer: the state at a place and time.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Probe {
    /// A place name or gazetteer id, as `truce status` takes it.
    pub place: String,
    /// A wall-clock time, as `truce status --at` takes it.
    pub at: String,
    /// Only truces of this level are looked at (all when absent).
    #[serde(default)]
    pub level: Option<Level>,
    /// The accepted states (`none`: no truce listed).
    pub expect: Vec<String>,
    /// The truth truce the probe is about, if one.
    #[serde(default)]
    pub truce: Option<String>,
    pub why: String,
    pub sources: Vec<String>,
}

/// The states a probe may expect: the ledger's, and `none`.
pub const STATES: [&str; 7] = [
    "in_force",
    "proposed",
    "expired",
    "collapsed",
    "ended",
    "disputed",
    "none",
];

/// A half-open interval of wall-clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: DateTime,
    pub end: DateTime,
}

impl Dated {
    /// The interval the time stands for at its precision (a minute or an
    /// hour is the instant itself).
    pub fn span(&self) -> Option<Span> {
        let at = self.at.trim();
        match self.precision {
            Precision::Minute | Precision::Hour => {
                let t: DateTime = at.parse().ok()?;
                Some(Span { start: t, end: t })
            }
            Precision::Day => {
                let d: Date = at.get(..10)?.parse().ok()?;
                let start = d.to_datetime(jiff::civil::Time::midnight());
                Some(Span {
                    start,
                    end: d
                        .tomorrow()
                        .ok()?
                        .to_datetime(jiff::civil::Time::midnight()),
                })
            }
            Precision::Month => {
                let d: Date = format!("{}-01", at.get(..7)?).parse().ok()?;
                let next = d.checked_add(jiff::Span::new().months(1)).ok()?;
                Some(Span {
                    start: d.to_datetime(jiff::civil::Time::midnight()),
                    end: next.to_datetime(jiff::civil::Time::midnight()),
                })
            }
        }
    }
}

/// Reads and checks a truth file.
pub fn read(text: &str, source_name: &str, gaz: &Gazetteer) -> Result<Truth, EvalError> {
    let truth: Truth = serde_json::from_str(text).map_err(|e| bad(source_name, e.to_string()))?;
    check(&truth, gaz).map_err(|m| bad(source_name, m))?;
    Ok(truth)
}

fn bad(source_name: &str, message: String) -> EvalError {
    EvalError::Truth {
        source_name: source_name.to_string(),
        message,
    }
}

/// Every id unique, every place in the gazetteer, every time readable,
/// every source key declared, every expected state known.
fn check(truth: &Truth, gaz: &Gazetteer) -> Result<(), String> {
    let mut ids = std::collections::BTreeSet::new();
    for t in &truth.truces {
        if !ids.insert(t.id.as_str()) {
            return Err(format!("truce id {:?} twice", t.id));
        }
        check_truce(t, gaz).map_err(|m| format!("truce {}: {m}", t.id))?;
        for key in sources_of(t) {
            known_source(truth, key).map_err(|m| format!("truce {}: {m}", t.id))?;
        }
    }
    for (i, p) in truth.probes.iter().enumerate() {
        check_probe(p, &ids)
            .and_then(|()| p.sources.iter().try_for_each(|k| known_source(truth, k)))
            .map_err(|m| format!("probe {} ({} at {}): {m}", i + 1, p.place, p.at))?;
    }
    Ok(())
}

fn known_source(truth: &Truth, key: &str) -> Result<(), String> {
    if truth.sources.contains_key(key) {
        Ok(())
    } else {
        Err(format!("source {key:?} is not in `sources`"))
    }
}

fn check_truce(t: &TruthTruce, gaz: &Gazetteer) -> Result<(), String> {
    if gaz.find_id(&t.country).is_none() {
        return Err(format!("unknown country {:?}", t.country));
    }
    if t.scope.main.is_empty() {
        return Err("scope.main is empty".into());
    }
    let places = t.scope.include.iter().map(|p| p.id.as_str());
    for id in t.scope.main.iter().map(String::as_str).chain(places) {
        if gaz.find_id(id).is_none() {
            return Err(format!("unknown gazetteer id {id:?}"));
        }
    }
    let times = [&t.declared, &t.start, &t.end];
    for d in times.into_iter().flatten() {
        if d.span().is_none() {
            return Err(format!("cannot read the time {:?}", d.at));
        }
    }
    Ok(())
}

fn check_probe(p: &Probe, truces: &std::collections::BTreeSet<&str>) -> Result<(), String> {
    if truce_ledger::parse_time(&p.at).is_err() {
        return Err(format!("cannot read the time {:?}", p.at));
    }
    if p.expect.is_empty() {
        return Err("expect is empty".into());
    }
    if let Some(s) = p.expect.iter().find(|s| !STATES.contains(&s.as_str())) {
        return Err(format!(
            "unknown state {s:?} (one of {})",
            STATES.join(", ")
        ));
    }
    match &p.truce {
        Some(id) if !truces.contains(id.as_str()) => Err(format!("unknown truce {id:?}")),
        _ => Ok(()),
    }
}

/// Every source key a truce cites.
fn sources_of(t: &TruthTruce) -> Vec<&str> {
    let mut keys: Vec<&String> = t.scope.sources.iter().collect();
    keys.extend(t.scope.exclude.iter().flat_map(|x| &x.sources));
    for d in [&t.declared, &t.start, &t.end].into_iter().flatten() {
        keys.extend(&d.sources);
    }
    for s in &t.steps {
        keys.extend(&s.sources);
        keys.extend(&s.at.sources);
    }
    for a in t.declarer.iter().chain(&t.brokers).chain(&t.parties) {
        keys.extend(&a.sources);
    }
    if let Some(e) = &t.ended {
        keys.extend(&e.sources);
    }
    keys.into_iter().map(String::as_str).collect()
}

/// A truth truce's main places, resolved (checked by [`read`]).
pub fn main_places(t: &TruthTruce, gaz: &Gazetteer) -> Vec<PlaceId> {
    t.scope
        .main
        .iter()
        .filter_map(|id| gaz.find_id(id))
        .collect()
}
