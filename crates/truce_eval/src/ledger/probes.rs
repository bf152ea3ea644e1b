//! Probes: the state at a place and time, asked exactly as `truce status
//! PLACE --at T` asks it ([`Ledger::place`], then [`Ledger::status`]).
//!
//! The answer lists every truce covering the place, each with its state.
//! A probe with a `level` looks only at truces of that level. The answer's
//! state is the strongest listed, in the order in_force, disputed,
//! proposed, collapsed, ended, expired ("is anything in force here?"), or
//! `none` when nothing is listed; it is right when the probe accepts it.

use super::truth::{Level, Probe};
use serde::Serialize;
use truce_ledger::{Ledger, StatusEntry};

/// States from strongest to weakest.
const ORDER: [&str; 6] = [
    "in_force",
    "disputed",
    "proposed",
    "collapsed",
    "ended",
    "expired",
];

/// One probe asked.
#[derive(Clone, Debug, Serialize)]
pub struct ProbeResult {
    pub place: String,
    pub at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    pub expected: Vec<String>,
    pub got: String,
    pub right: bool,
    /// What the ledger listed: `t11 local expired`.
    pub listed: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truce: Option<String>,
}

/// Asks every probe.
pub fn ask_all(probes: &[Probe], ledger: &Ledger) -> Vec<ProbeResult> {
    probes.iter().map(|p| ask(p, ledger)).collect()
}

fn ask(p: &Probe, ledger: &Ledger) -> ProbeResult {
    let (got, listed) = answer(p, ledger);
    ProbeResult {
        place: p.place.clone(),
        at: p.at.clone(),
        level: p.level,
        expected: p.expect.clone(),
        right: p.expect.contains(&got),
        got,
        listed,
        truce: p.truce.clone(),
    }
}

fn answer(p: &Probe, ledger: &Ledger) -> (String, Vec<String>) {
    let place = match ledger.place(&p.place) {
        Ok(place) => place,
        Err(e) => return (format!("error: {e}"), Vec::new()),
    };
    let Ok(at) = truce_ledger::parse_time(&p.at) else {
        return (format!("error: bad time {:?}", p.at), Vec::new());
    };
    let status = ledger.status(place, at);
    let entries: Vec<&StatusEntry> = status
        .truces
        .iter()
        .filter(|e| p.level.is_none_or(|l| same_level(l, e.level)))
        .collect();
    let states: Vec<String> = entries.iter().map(|e| name(&e.state)).collect();
    let got = ORDER
        .iter()
        .find(|s| states.iter().any(|x| x == *s))
        .map_or("none", |s| *s)
        .to_string();
    let listed = status
        .truces
        .iter()
        .map(|e| format!("{} {} {}", e.truce, name(&e.level), name(&e.state)))
        .collect();
    (got, listed)
}

fn same_level(l: Level, r: truce_ledger::Level) -> bool {
    name(&r) == l.as_str()
}

/// The serialised name of a ledger enum (`in_force`, `national`).
pub fn name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
