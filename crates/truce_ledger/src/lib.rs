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
//! # Building a ledger
//!
//! [`Ledger::from_reports`] / [`Ledger::extend`] sort many reports by
//! publication once and link them in that order; [`Ledger::add`] adds one
//! (a report older than the newest held re-links everything, so the result
//! never depends on the order of adding). Claims are moved into the ledger,
//! not copied; the reports themselves are not kept. Candidate truces are
//! found through a place index (area → truces, ancestor → truces below it,
//! (family, country) → nationwide truces), so linking and `status` look at
//! a few records, not all of them. After linking, each truce keeps its
//! claims as compact facts sorted by time, which is what the questions scan.
//! `Ledger` is `Send + Sync` (checked at compile time).
//!
//! # Linking rules (truce resolution)
//!
//! Claims of kinds `truce.*` are linked one report at a time, reports in
//! publication order. Within a report, claims that name a scope come first,
//! then expansions, then claims without a scope. Every link records the rule
//! that made it ([`TruceView::links`], the `rule` of exported claims).
//!
//! **Scope.** A claim's scope is its `scope` places; a truce claim without
//! any takes its `location` places ("violating the truce in Idlib"). Scope
//! places outside the report's *theatre* (the country most of its places
//! lie in) are dropped: "talks in Geneva", "Moscow and Washington
//! sponsored the truce" name venues and governments, not where a truce
//! applies.
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
//!      hierarchy; for national truces, the same country.
//!    - Time: the claim falls between 30 days before the truce's first claim
//!      and 14 days (45 for a nationwide truce: reports speak of it less
//!      often, and it runs for months) after its last known date (last claim
//!      or latest end).
//!    - Restart: a declaration after the truce *stands collapsed or ended*
//!      (two reports from different documents say so before it) starts a
//!      new truce; one report of a collapse ("if the truce ends", "a
//!      collapse of the talks") does not.
//!    - Declarer: a local `truce.declared` claim whose agent is unrelated (in
//!      the actor hierarchy of `data/actors.tsv`: `syr_army` belongs to
//!      `syr_gov`) to the truce's declarers starts a new truce. A nationwide
//!      truce has many brokers and announcers: no declarer rule.
//! 2. **No local truce covers the claim.** A *planned* claim (any kind)
//!    joins the truce of the nearest claim of the same report with the same
//!    name, else family: "the new truce would also apply to Aleppo" is a
//!    proposed area of the truce the report is about. Otherwise, a claim
//!    that does not start a truce (anything but a declaration or an
//!    extension to a new end: "the truce in Aleppo holds / was violated /
//!    collapsed / was accepted / is being discussed") joins the active
//!    nationwide truce of its family over the same country: it speaks of
//!    that truce *in that place*, and bears on that place only. Otherwise it
//!    starts a new truce.
//! 3. **Expansions** (`truce.expanded` with places) and **unscoped claims**
//!    join the truce of the nearest already linked claim in the same report
//!    with the same name (else the same family; without a name, the same
//!    speaker, else any) *whose time fits* ("that ceasefire has been in place
//!    since February" in a report about a new local truce goes to the
//!    nationwide one). Failing that, the most recent truce of the family
//!    whose time fits (nationwide ones first; among the 200 most recent
//!    truces of the family); else a new truce.
//!
//! # Times
//!
//! A claim's time with `start` equal to `end` is the day of the event
//! ("accepted on Saturday"), not a window. A week, month or year ("in
//! February", "this week") is when something happened, never a window's
//! end, and does not set a window's start when a day-precise claim exists.
//! A "holds" claim with a start and a length ("has held for over a month")
//! is a length in the past: only an end alone ("in force until Monday")
//! bounds a window. A stated window longer than a year is a misread length
//! ("the five-year war") and is ignored.
//!
//! # Areas, windows and states
//!
//! A truce's areas are the scope places of its claims. For a place, the
//! claims that bear on it are those whose scope contains it; if any of them
//! *establishes the truce there*, the truce's unscoped claims bear on it
//! too. Establishing an area takes a declaration, acceptance or "holds"
//! claim naming it, or an extension that moves an end; an area named only
//! by proposals, plans or expansions ("efforts to extend the truce to
//! Aleppo", "discussions to bring Aleppo into the truce") is **proposed**
//! and takes nothing from the rest of the truce. A place inside an excluded
//! place is not covered; an exclusion that a claim rejects is recorded as
//! contested and not applied; areas "controlled by X" resolve through the
//! control table where it knows the town, and are recorded (and used for
//! violations, below).
//!
//! Window: starts at the effective start weighed over the sources (below),
//! else the earliest establishing claim (declared, accepted, in force,
//! extended, expanded; asserted or hedged); ends at the latest end
//! stated by an establishing claim (a day-precise end runs to the end of
//! that day); an extension without an end date moves the end by its hours;
//! a "holds" claim said after the end known so far removes that end (the
//! truce went on). Only claims said (or dated) and published at or before
//! the query time count.
//!
//! State: `proposed` without an establishing claim, before the start, or
//! while a report says the truce will take effect later and none yet that
//! it holds; `expired` after the end; `collapsed` / `ended` after an
//! asserted collapse / end, unless another speaker says within three days,
//! or later, that it holds: `disputed`; otherwise `in_force`. An unplaced
//! collapse in the outlet's own voice closes nothing unless a second report
//! says so within a week. A collapse dated at or before the truce's start
//! ("the Feb. 27 ceasefire collapsed in April") names the truce by its
//! start and counts from its publication. A claim is known from its
//! publication (a plan too, though it speaks of later): nothing said after
//! the time asked leaks into the answer.
//!
//! A nationwide truce is established over its country by what is said of
//! it as a whole. Its window starts on the earliest day two reports give
//! for it taking effect (or a stated future start), not at the first
//! declaration. An exclusion of "areas controlled by X" leaves out the
//! towns X held that day (`truce_geo::Control`, `data/control.tsv`).
//! [`Ledger::truces`] lists records that are truces: founded by a
//! declaration, acceptance, "holds" claim or extension, placed, and with
//! one area that is more than proposed.
//!
//! [`Ledger::status`] lists every truce covering the place with claims known
//! by the time asked, whatever its state, until [`STALE_DAYS`] after the
//! truce's last known date (its last claim, or a stated end): an open-ended
//! truce nobody has spoken of for a month is not presented as in force
//! tonight. Answers list the latest [`MAX_LISTED`] claims
//! for and against (with the totals). Unscoped truces (no place named
//! anywhere) are not listed by place; they appear in [`Ledger::truces`],
//! [`Ledger::timeline`] and the disputes.
//!
//! # Violations
//!
//! [`Ledger::violations`] lists explicit `truce.violated` claims (asserted)
//! and *inferred* ones. An incident is inferred to violate a truce only
//! when all of these hold (conservative on purpose: a violation is an
//! accusation):
//!
//! - it is an asserted `incident.attack` of a kinetic subtype (airstrike,
//!   shelling, bombardment, ground assault, clash, sniper fire, massacre,
//!   chemical attack, barrel bomb), or a general attack, bombing or
//!   shooting with a named perpetrator (unattributed car bombs and
//!   summaries like "the war has killed 250,000" are not);
//! - it is dated to a day or less, and lasts at most 36 hours ("in the
//!   past week", "since April" are tallies, not incidents);
//! - one of its places (finer than a country) lies in an area of the truce
//!   and is not excluded, and the truce is `in_force` or `disputed` there
//!   when the incident starts, inside the window;
//! - no actor of the incident belongs to an actor whose areas the truce
//!   excludes ("except areas controlled by the Islamic State group");
//! - an open-ended truce has been spoken of within the 14 days before;
//! - for a nationwide truce (which covers every incident in the country),
//!   the incident's own report speaks of the truce.
//!
//! # Disputes
//!
//! A "holds" claim and a collapse/end claim (or an asserted violation) by
//! different speakers within three days contradict each other: both are
//! shown side by side ([`Dispute`]), within a truce and between a local
//! truce and the nationwide truce over its areas, never merged.
//! [`Ledger::disputes`] looks at every claim; the disputes of a
//! [`Ledger::status`] answer at claims of the last [`STALE_DAYS`] before the
//! time asked (what is contested now).
//!
//! # Nationwide and local truces
//!
//! A nationwide truce (the "cessation of hostilities" the factions accepted
//! for all Syrian territory) is its own record, next to the local truces
//! (the regime's temporary truce in Damascus and Lattakia). [`Ledger::status`]
//! lists both for a place, each with its own state: the nationwide one never
//! changes the state of a local truce's area, so Aleppo's proposed inclusion
//! in the local truce stays `proposed` whatever the nationwide truce's state.
//!
//! # Events
//!
//! [`Ledger::events`] merges the reports of one incident into an
//! [`Event`] with its sources, a low/best/high [`Toll`], a stable id and
//! the one truce it counts against; the rules are in the `events` module.
//!
//! # Exports
//!
//! [`Ledger::export_json`], [`Ledger::export_csv`] (one [`Table`] per file:
//! truces ETH/PRIO-style, truce areas, claims, incidents, events with
//! ACLED/UCDP-style columns [`EVENT_COLUMNS`]) and [`Ledger::export_geojson`]
//! (truce areas as the web map's outlines where it has one, else points;
//! incident places and events as points) stream their output;
//! [`Ledger::export_what`] gives one part in any format. Times carry their
//! zone's offset (`2016-05-01T20:00:00+03:00`), dates are `YYYY-MM-DD`.
//! States are given at a time, by default the latest publication held.
//! [`Ledger::counts`] gives the totals.

mod actors;
mod assess;
mod conflicts;
mod event_sources;
mod events;
mod export;
mod export_events;
mod export_geo;
mod export_truces;
mod iso;
mod link;
mod name;
mod outlines;
mod questions;
mod record;
mod time;
mod views;

use std::collections::HashMap;
use truce_geo::{Gazetteer, PlaceId, ResolveHint};
use truce_model::{Document, Report};

pub use actors::{lineage, related};
pub use assess::State;
pub use events::{Event, EventSource, Family, Toll, geo_precision};
pub use export::{
    AreaRow, ClaimLink, ClaimPlace, ClaimRow, Counts, ExportFormat, GeoPlace, IncidentRow, Table,
    TruceRow, csv_cell,
};
pub use export_events::{EVENT_COLUMNS, EventRow, SourceRow};
pub use export_truces::TRUCE_RECORD_COLUMNS;
pub use name::{day_words, kind_words};
pub use questions::{
    AreaView, Dispute, Excluded, Expiring, LinkView, STALE_DAYS, Status, StatusEntry, Subject,
    TimelineEntry, TruceView, Violation, WindowView,
};
pub use record::Level;
pub use views::{ActorView, ClaimView, PlaceView};

/// Claims listed per side in an answer (the latest ones); the totals are
/// given next to them.
pub const MAX_LISTED: usize = 10;

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
/// `Send + Sync`: share one behind an `Arc<RwLock<Ledger>>`. `Clone`, so
/// that a reader can keep answering from one while a copy is extended.
#[derive(Clone, Debug)]
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
            .or_else(|| self.town_named(name))
            .or_else(|| self.gaz.resolve_name(name, &ResolveHint::default()))
            .ok_or_else(|| LedgerError::UnknownPlace {
                name: name.to_string(),
                suggestions: self.suggestions(name),
            })
    }

    /// A person asking about "Manbij" means the town, not the district or
    /// subdistrict named after it: when the name's candidates include both,
    /// the most populous settlement. (A governorate sharing the name is
    /// left to the resolver: "Idlib" may well mean the province.)
    fn town_named(&self, name: &str) -> Option<PlaceId> {
        let found = self.gaz.lookup(&truce_text::fold_key(name));
        let kind = |p: &PlaceId| self.gaz.get(*p).kind;
        let admin = found.iter().any(|p| {
            matches!(
                kind(p),
                truce_geo::PlaceKind::District | truce_geo::PlaceKind::Subdistrict
            )
        });
        let governorate = found
            .iter()
            .any(|p| kind(p) == truce_geo::PlaceKind::Governorate);
        (admin && !governorate)
            .then(|| {
                (found.iter().filter(|p| kind(p).is_settlement()))
                    .max_by_key(|p| self.gaz.get(**p).population)
            })
            .flatten()
            .copied()
    }

    /// Up to five distinct place names close to `name` (a city and its
    /// governorate share a name: it is offered once).
    fn suggestions(&self, name: &str) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for p in self.gaz.suggest(name, 20) {
            let candidate = &self.gaz.get(p).name;
            if !names.contains(candidate) {
                names.push(candidate.clone());
            }
        }
        names.truncate(5);
        names
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
