//! Truces as a CSV table in the manner of the ETH/PRIO civil-conflict
//! ceasefire data, one row per truce, with the fields the ledger has.
//!
//! - `declared`: the first asserted declaration (when it was said);
//!   `effective` and `end`: the truce's window as a whole at the export
//!   time (every time with its offset, `2016-05-01T20:00:00+03:00`);
//! - `ended_how`: `collapsed`, `ended` or `expired` when that is its state
//!   at the export time, else empty; `state` is that state;
//! - `fixed_duration`: a stated end is known;
//! - `declaration`: `unilateral` when a report calls it so or one actor
//!   declares it and no other accepts it; `bilateral` when two actors
//!   declare or accept it, `multilateral` for more; empty otherwise (one
//!   party accepting a truce nobody is named as declaring says nothing);
//! - `declarer`, `brokers` (mediators), `parties`: lexicon ids, else names,
//!   joined with `; `;
//! - `scope_include`, `scope_exclude`: area names (proposed areas left
//!   out), exclusions that are places and "areas controlled by X";
//! - `kind`: the truce's name as a code (`regime_of_calm`); `purpose`:
//!   `humanitarian` for humanitarian pauses, `de_escalation` for
//!   de-escalation zones, `general` otherwise (ETH/PRIO's purpose coding
//!   needs more than the reports' words; this is what they say);
//! - `partial`: it covers part of a country (a local truce, or a national
//!   one with exclusions);
//! - `n_sources`: documents its claims come from.

use crate::Ledger;
use crate::assess::State;
use crate::iso::{stamp, zone};
use jiff::civil::DateTime;
use std::io::{self, Write};
use truce_model::ClaimKind;

/// The truces CSV header.
pub const TRUCE_RECORD_COLUMNS: &[&str] = &[
    "id",
    "name",
    "kind",
    "purpose",
    "partial",
    "level",
    "country",
    "state",
    "declared",
    "effective",
    "end",
    "ended_how",
    "fixed_duration",
    "declaration",
    "declarer",
    "brokers",
    "parties",
    "scope_include",
    "scope_exclude",
    "n_sources",
];

/// The purpose a truce kind states (module docs).
fn purpose(kind: &str) -> &'static str {
    match crate::record::family(kind) {
        "humanitarian_pause" => "humanitarian",
        "de_escalation" => "de_escalation",
        _ => "general",
    }
}

impl Ledger {
    /// One row per truce (module docs); states at `at`.
    pub(crate) fn export_truce_records(
        &self,
        w: impl Write,
        at: Option<DateTime>,
    ) -> io::Result<()> {
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(w);
        out.write_record(TRUCE_RECORD_COLUMNS)?;
        for t in 0..self.truces.len() {
            out.write_record(self.truce_record(t, at))?;
        }
        out.flush()
    }

    fn truce_record(&self, t: usize, at: Option<DateTime>) -> Vec<String> {
        let row = self.truce_row(t, at);
        let tz = zone(row.country.as_deref().or(self.truce_country(t).as_deref()));
        let whole = self.assess(t, None, at.unwrap_or(DateTime::MAX));
        let time = |d: Option<DateTime>| d.map(|d| stamp(d, &tz)).unwrap_or_default();
        let declared = self.truces[t]
            .claims()
            .filter(|&c| {
                let s = &self.claims[c];
                s.kind() == ClaimKind::TruceDeclared && s.asserted()
            })
            .map(|c| self.claims[c].said)
            .min();
        let state = whole.as_ref().map(|a| a.state);
        let ended_how = match state {
            Some(State::Collapsed) => "collapsed",
            Some(State::Ended) => "ended",
            Some(State::Expired) => "expired",
            _ => "",
        };
        let include: Vec<&str> = row
            .areas
            .iter()
            .filter(|a| !a.excluded && !a.proposed)
            .map(|a| a.place.name.as_str())
            .collect();
        let mut exclude: Vec<String> = row
            .areas
            .iter()
            .filter(|a| a.excluded)
            .map(|a| a.place.name.clone())
            .collect();
        exclude.extend(row.unresolved_exclusions.iter().cloned());
        let brokers = self.actor_names_of(t, "mediator");
        vec![
            row.id.clone(),
            row.name.clone(),
            row.kind.clone(),
            purpose(&row.kind).to_string(),
            (row.level != crate::Level::National || !exclude.is_empty()).to_string(),
            crate::export::level_str(row.level),
            row.country.clone().unwrap_or_default(),
            crate::export::opt_state(state),
            time(declared),
            time(whole.as_ref().and_then(|a| a.start)),
            time(whole.as_ref().and_then(|a| a.end)),
            ended_how.to_string(),
            whole.as_ref().is_some_and(|a| a.end.is_some()).to_string(),
            self.declaration(t, &row.declarers, &row.parties),
            row.declarers.join("; "),
            brokers.join("; "),
            row.parties.join("; "),
            include.join("; "),
            exclude.join("; "),
            self.truce_sources(t).to_string(),
        ]
    }

    /// The country code of a truce's first area, for its time zone.
    pub(crate) fn truce_country(&self, t: usize) -> Option<String> {
        let first = self.truces[t].areas.first()?;
        Some(self.gaz.get(*first).country.clone()).filter(|c| !c.is_empty())
    }

    fn actor_names_of(&self, t: usize, role: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in self.truces[t].claims() {
            for a in self.claims[c]
                .claim
                .actors
                .iter()
                .filter(|a| a.role == role)
            {
                let name = a.id.clone().unwrap_or_else(|| a.name.clone());
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
        out
    }

    fn declaration(&self, t: usize, declarers: &[String], parties: &[String]) -> String {
        let unilateral = self.truces[t].claims().any(|c| {
            let truce = self.claims[c].claim.truce.as_ref();
            truce.is_some_and(|tr| tr.qualifiers.iter().any(|q| q == "unilateral"))
        });
        let mut actors: Vec<&String> = declarers.iter().chain(parties).collect();
        actors.sort();
        actors.dedup();
        match (unilateral, declarers.is_empty(), actors.len()) {
            (true, _, _) | (false, false, 1) => "unilateral",
            (false, _, 0 | 1) => "",
            (false, _, 2) => "bilateral",
            _ => "multilateral",
        }
        .to_string()
    }

    /// Documents a truce's claims come from.
    pub(crate) fn truce_sources(&self, t: usize) -> usize {
        let mut docs: Vec<usize> = self.truces[t]
            .claims()
            .map(|c| self.claims[c].doc)
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs.len()
    }
}
