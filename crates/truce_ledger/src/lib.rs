//! The truce ledger, in memory: reports from the extractor are merged into
//! truce records, and the questions of DESIGN.md ("Reasoning") are answered
//! over them: [`Ledger::status`], [`Ledger::timeline`], [`Ledger::expiring`],
//! [`Ledger::violations`], [`Ledger::disputes`]. Answers are plain
//! serialisable structs. Storage comes later; this crate has no database.
//!
//! ```
//! use truce_geo::Gazetteer;
//! use truce_ledger::{Ledger, parse_time};
//! use truce_model::Report;
//!
//! let mut ledger = Ledger::new(Gazetteer::embedded());
//! let report: Report = serde_json::from_str(r#"{
//!   "document": {"id": "d1", "published": "2016-05-01", "bytes": 0, "extractor": "x"},
//!   "claims": [{"id": "c1", "kind": "truce.declared", "modality": "asserted",
//!     "truce": {"name": "ceasefire"},
//!     "places": [{"role": "scope", "id": "170654", "name": "Damascus"}],
//!     "time": {"start": "2016-05-01", "end": "2016-05-02", "precision": "day"},
//!     "attribution": {"chain": []},
//!     "evidence": {"start": 0, "end": 0, "text": ""}}]
//! }"#).unwrap();
//! assert!(ledger.add(report.clone()));
//! assert!(!ledger.add(report)); // the same document again: nothing changes
//! let damascus = ledger.place("Damascus").unwrap();
//! let status = ledger.status(damascus, parse_time("2016-05-02T10:00").unwrap());
//! assert_eq!(status.truces[0].state, truce_ledger::State::InForce);
//! let later = ledger.status(damascus, parse_time("2016-05-03T10:00").unwrap());
//! assert_eq!(later.truces[0].state, truce_ledger::State::Expired);
//! ```
//!
//! # Linking rules (truce resolution)
//!
//! Claims of kinds `truce.*` are linked to truce records one report at a
//! time, reports in publication order (a report older than the newest one
//! already held makes the ledger re-link everything in order, so the result
//! does not depend on the order of [`Ledger::add`]). Within a report,
//! claims that name a scope come first, then expansions, then claims
//! without a scope. Every link records the rule that made it.
//!
//! A claim's scope is its `scope` places; a truce claim without any takes
//! its `location` places ("violating the truce in Idlib").
//!
//! 1. **Scoped claims** join a truce of the same *name family* and *level*
//!    whose scope overlaps and whose time and declarer fit; a truce already
//!    linked from the same report is preferred, then the most recent.
//!    - Name family: `ceasefire`, `truce`, `cessation_of_hostilities`,
//!      `regime_of_calm`, `hudna`, `armistice` are one family (reports call
//!      one truce by all of them); `humanitarian_pause` and `de_escalation`
//!      are families of their own.
//!    - Level: a claim whose scope holds a country (or qualified
//!      `nationwide`) is *national*; other scoped claims are *local*. A
//!      national truce is never merged with a local one.
//!    - Overlap: for local truces, one of the claim's places contains, or
//!      is contained by, one of the truce's places in the gazetteer
//!      hierarchy (a claim about Damascus city joins a truce covering
//!      Damascus; Lattakia province joins a truce naming Lattakia city); for
//!      national truces, the same country.
//!    - Time: the claim falls between 30 days before the truce's first claim
//!      and 14 days after its last known date (last claim or latest end);
//!      a declaration after an asserted collapse or end starts a new truce.
//!    - Declarer: a `truce.declared` claim whose agent is unrelated (in the
//!      actor hierarchy of `data/actors.tsv`: `syr_army` belongs to
//!      `syr_gov`) to the declarer of the truce starts a new truce.
//! 2. **Expansions** (`truce.expanded` with places): their places are new
//!    areas, not the truce's identity, so they join the truce of the nearest
//!    claim in the same report with the same name, else the same family.
//! 3. **Unscoped claims** (no scope place) join the truce of the nearest
//!    claim in the same report with the same name (else family); without a
//!    truce name, the nearest truce claim by the same speaker, else the
//!    nearest truce claim. Failing that, the most recent truce of the family
//!    whose time fits (national first); else a new, unscoped truce.
//!
//! # Areas, windows and states
//!
//! A truce's areas are the scope places of its claims. For a place, the
//! claims that bear on it are those whose scope contains it; if any of them
//! establishes the truce there, the truce's unscoped claims bear on it too.
//! An area named only by proposals (`truce.proposed`, `truce.negotiating`,
//! or any planned claim, e.g. "discussions to bring Aleppo into the truce")
//! is **proposed** and takes nothing from the rest of the truce. A place
//! inside an excluded place is not covered; an exclusion that a claim
//! rejects is recorded as contested and not applied; areas "controlled by
//! X" cannot be resolved to places and are only recorded.
//!
//! A claim's time with `start` equal to `end` is the day of the event ("accepted
//! on Saturday"), not a window; only a later `end` (or an end alone: "until
//! Monday") bounds the truce.
//!
//! Window: starts at the earliest establishing claim (declared, accepted,
//! in force, extended, expanded; asserted or hedged); ends at the latest end
//! stated by an establishing claim (a day-precision end runs to the end of
//! that day); an extension without an end date moves the end by its hours.
//! Only claims said (or dated) at or before the query time count.
//!
//! State: `proposed` without an establishing claim; `expired` after the
//! end; `collapsed` / `ended` after an asserted collapse / end, unless
//! another speaker says within three days that it holds: `disputed`;
//! otherwise `in_force`.
//!
//! [`Ledger::status`] lists every truce covering the place with claims known
//! by the time asked: `in_force` and `disputed` ones always; `proposed`,
//! `expired`, `collapsed` and `ended` ones for [`STALE_DAYS`] after the
//! truce's last known date.
//! Unscoped truces (no place named anywhere) are not listed by place; they
//! appear in [`Ledger::truces`], [`Ledger::timeline`] and the disputes.
//!
//! # Nationwide and local truces
//!
//! A nationwide truce (the "cessation of hostilities" the factions accepted
//! for all Syrian territory) is its own record, next to the local truces
//! (the regime's temporary truce in Damascus and Lattakia). [`Ledger::status`]
//! lists both for a place, each with its own state: the nationwide one never
//! changes the state of a local truce's area, so Aleppo's proposed inclusion
//! in the local truce stays `proposed` whatever the nationwide truce's state.
//! Contradictions across the two (Russia: the truce is respected; the
//! factions: the cessation of hostilities is practically dead) are shown in
//! the answer's `disputes`, side by side, never merged.

mod actors;
mod assess;
mod conflicts;
mod export;
mod link;
mod questions;
mod record;
mod time;
mod views;

use std::collections::HashMap;
use truce_geo::{Gazetteer, PlaceId, ResolveHint};
use truce_model::{Document, Report};

pub use actors::{lineage, related};
pub use assess::State;
pub use export::{
    AreaRow, ClaimLink, ClaimPlace, ClaimRow, Counts, ExportFormat, GeoPlace, IncidentRow, Table,
    TruceRow, csv_cell,
};
pub use questions::{
    AreaView, Dispute, Expiring, LinkView, STALE_DAYS, Status, StatusEntry, Subject, TimelineEntry,
    TruceView, Violation, WindowView,
};
pub use record::Level;
pub use views::{ActorView, ClaimView, PlaceView};

/// Claims listed per side in an answer (the latest ones); the totals are
/// given next to them.
pub const MAX_LISTED: usize = 25;

/// Errors of the ledger's inputs.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("unknown place {name:?}; did you mean: {}?", suggestions.join(", "))]
    UnknownPlace {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("cannot read the time {0:?} (try 2016-05-01T20:00 or 2016-05-01)")]
    BadTime(String),
}

/// Reports held in memory, and the truces built from them.
///
/// `Send + Sync`: share one behind an `Arc<RwLock<Ledger>>`.
#[derive(Debug)]
pub struct Ledger {
    gaz: &'static Gazetteer,
    docs: Vec<Document>,
    doc_ids: HashMap<String, usize>,
    claims: Vec<record::Stored>,
    /// The claims of each document (contiguous in `claims`).
    doc_claims: Vec<std::ops::Range<usize>>,
    truces: Vec<record::TruceRec>,
    /// The truce each claim is linked to.
    claim_truce: Vec<Option<usize>>,
    index: link::Index,
    /// Truces linked to since the last `finalize`.
    dirty: Vec<usize>,
    /// Speaker keys interned for the claims' facts.
    speakers: HashMap<String, u32>,
}

const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<Ledger>();
};

impl Ledger {
    pub fn new(gaz: &'static Gazetteer) -> Self {
        Ledger {
            gaz,
            docs: Vec::new(),
            doc_ids: HashMap::new(),
            claims: Vec::new(),
            doc_claims: Vec::new(),
            truces: Vec::new(),
            claim_truce: Vec::new(),
            index: link::Index::default(),
            dirty: Vec::new(),
            speakers: HashMap::new(),
        }
    }

    /// A ledger of many reports at once: sorted once, linked once.
    pub fn from_reports(
        gaz: &'static Gazetteer,
        reports: impl IntoIterator<Item = Report>,
    ) -> Self {
        let mut ledger = Ledger::new(gaz);
        ledger.extend(reports);
        ledger
    }

    /// Adds a report; `false` if a document with the same id is already held.
    ///
    /// Reports may come in any order; one older than the newest held makes
    /// the ledger re-link everything (use [`Ledger::extend`] for many).
    pub fn add(&mut self, report: Report) -> bool {
        self.extend(std::iter::once(report)) == 1
    }

    /// Adds many reports; returns how many were new. New reports are sorted
    /// by publication and linked after the ones held, or, when one is older
    /// than the newest held, everything is re-linked once.
    pub fn extend(&mut self, reports: impl IntoIterator<Item = Report>) -> usize {
        let mut fresh: Vec<Report> = Vec::new();
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        for r in reports {
            if !self.doc_ids.contains_key(&r.document.id) && seen.insert(r.document.id.clone()) {
                fresh.push(r);
            }
        }
        if fresh.is_empty() {
            return 0;
        }
        let keys: Vec<_> = fresh.iter().map(|r| published_key(&r.document)).collect();
        let mut order: Vec<usize> = (0..fresh.len()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        let out_of_order = self
            .docs
            .last()
            .zip(order.first())
            .is_some_and(|(last, &first)| keys[first] < published_key(last));
        let n = fresh.len();
        let mut slots: Vec<Option<Report>> = fresh.into_iter().map(Some).collect();
        for i in order {
            if let Some(r) = slots[i].take() {
                let doc = self.store(r);
                if !out_of_order {
                    self.link_document(doc);
                }
            }
        }
        if out_of_order {
            self.relink();
        }
        self.finalize();
        n
    }

    /// Number of documents held.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// A place by name ("Damascus", "Lattakia province" is not parsed: use
    /// the bare name) or gazetteer id, with suggestions when unknown.
    pub fn place(&self, name: &str) -> Result<PlaceId, LedgerError> {
        self.gaz
            .find_id(name)
            .or_else(|| self.gaz.resolve_name(name, &ResolveHint::default()))
            .ok_or_else(|| LedgerError::UnknownPlace {
                name: name.to_string(),
                suggestions: self
                    .gaz
                    .suggest(name, 5)
                    .into_iter()
                    .map(|p| self.gaz.get(p).name.clone())
                    .collect(),
            })
    }

    /// The gazetteer the ledger reads places with.
    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gaz
    }

    /// Keeps a report's document and claims (claims are moved, not copied).
    fn store(&mut self, report: Report) -> usize {
        let Report { document, claims } = report;
        let doc = self.docs.len();
        let first = self.claims.len();
        let theatre = record::theatre(self.gaz, &claims);
        self.doc_ids.insert(document.id.clone(), doc);
        for (order, claim) in claims.into_iter().enumerate() {
            let stored = record::Stored::new(self.gaz, doc, &document, order, claim, theatre);
            self.claims.push(stored);
            self.claim_truce.push(None);
        }
        self.docs.push(document);
        self.doc_claims.push(first..self.claims.len());
        doc
    }

    /// Re-links every document in publication order.
    fn relink(&mut self) {
        let mut order: Vec<usize> = (0..self.docs.len()).collect();
        order.sort_by_cached_key(|&d| published_key(&self.docs[d]));
        let mut docs: Vec<Option<Document>> = std::mem::take(&mut self.docs)
            .into_iter()
            .map(Some)
            .collect();
        let mut claims: Vec<Option<record::Stored>> = std::mem::take(&mut self.claims)
            .into_iter()
            .map(Some)
            .collect();
        let ranges = std::mem::take(&mut self.doc_claims);
        self.doc_ids.clear();
        self.truces.clear();
        self.index = link::Index::default();
        self.claim_truce.clear();
        self.dirty.clear();
        for old in order {
            let Some(document) = docs[old].take() else {
                continue;
            };
            let doc = self.docs.len();
            let first = self.claims.len();
            for c in ranges[old].clone() {
                if let Some(mut s) = claims[c].take() {
                    s.doc = doc;
                    self.claims.push(s);
                    self.claim_truce.push(None);
                }
            }
            self.doc_ids.insert(document.id.clone(), doc);
            self.docs.push(document);
            self.doc_claims.push(first..self.claims.len());
        }
        for doc in 0..self.docs.len() {
            self.link_document(doc);
        }
    }
}

fn published_key(doc: &Document) -> (Option<jiff::civil::DateTime>, String) {
    let at = time::parse_bounds(&doc.published).map(|b| b.start);
    (at, doc.id.clone())
}

/// Reads a query time: `2016-05-01T20:00`, `2016-05-01 20:00`,
/// `2016-05-01T20:00:00+03:00` (the offset is dropped: times are the
/// reports' wall-clock time) or a date (its midnight).
pub fn parse_time(text: &str) -> Result<jiff::civil::DateTime, LedgerError> {
    time::parse_query(text).ok_or_else(|| LedgerError::BadTime(text.to_string()))
}
