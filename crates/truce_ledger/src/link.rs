//! Truce resolution: which truce record a claim speaks of. The rules are
//! listed in the crate documentation ("Linking rules").

use crate::Ledger;
use crate::actors::related;
use crate::assess::{Fact, closes, hours};
use crate::record::{Level, Stored, TruceRec, family};
use crate::time::within_days;
use jiff::civil::DateTime;
use std::collections::HashMap;
use truce_geo::{PlaceId, PlaceKind};
use truce_model::{ClaimKind, Modality};

/// Days before a truce's first claim that a new claim may still join it.
const BEFORE_DAYS: i64 = 30;
/// Days after a local truce's last known date that a new claim may still join it.
const AFTER_DAYS: i64 = 14;
/// The same for a nationwide truce: reports speak of it less often but it
/// runs for months.
const NATIONAL_AFTER_DAYS: i64 = 45;

/// How many of the most recent truces of a family an unscoped claim may join.
const ACTIVE_SCAN: usize = 200;
/// How many of the most recent truces naming a place (or a place below it)
/// a scoped claim is compared with.
const CANDIDATE_SCAN: usize = 256;

pub(crate) const RULE_SCOPE: &str =
    "same name family and level, overlapping scope, compatible declarer and time";
pub(crate) const RULE_NEW: &str =
    "no truce of this family covers the scope at this time: new truce";
pub(crate) const RULE_PLANNED_AREA: &str =
    "a planned claim about another place: proposed area of the truce the report speaks of";
pub(crate) const RULE_NATIONAL_MENTION: &str =
    "no local truce here: the nationwide truce of the same family, as it stands in this place";
pub(crate) const RULE_REPORT_LOCAL: &str =
    "a local truce of this report, of the same family, spoken of in new places";
pub(crate) const RULE_NATIONAL_NAMED: &str =
    "the nationwide truce of the very name the claim uses, before a local one of its family";
pub(crate) const RULE_SAME_NAME: &str = "same report, nearest claim with the same truce name";
pub(crate) const RULE_SAME_FAMILY: &str = "same report, nearest claim of the same name family";
pub(crate) const RULE_SAME_SPEAKER: &str = "same report, nearest truce claim by the same speaker";
pub(crate) const RULE_NEAREST: &str = "same report, nearest truce claim";
pub(crate) const RULE_ACTIVE: &str =
    "no truce named in the report: the active truce of the same name family";
pub(crate) const RULE_NONE: &str = "no truce to join: new truce";
pub(crate) const RULE_BACKGROUND: &str =
    "no truce fits its earlier day: the report's truce of the same name, whose past it tells";

/// Candidate truces by place, so that linking and status look at a few
/// records instead of all of them.
#[derive(Clone, Debug, Default)]
pub(crate) struct Index {
    /// Area → truces naming it.
    pub by_area: HashMap<PlaceId, Vec<usize>>,
    /// Ancestor of an area → truces with an area below it.
    pub under: HashMap<PlaceId, Vec<usize>>,
    /// Areas that are regions (they contain their members' places), each once.
    pub regions: Vec<PlaceId>,
    /// (family, country) → nationwide truces.
    pub national: HashMap<(&'static str, PlaceId), Vec<usize>>,
    /// Family → truces, oldest first.
    pub by_family: HashMap<&'static str, Vec<usize>>,
    /// Areas qualified "around" with their truce, by grid cell of about
    /// 22 km (`around_cell`): the truce covers what lies near the area.
    pub around: HashMap<(i32, i32), Vec<(PlaceId, usize)>>,
}

/// The grid cell of a point, 0.2 degrees a side (wider than
/// `AROUND_KM`, so a place's neighbours lie in its cell or the next).
pub(crate) fn around_cell(lat: f64, lon: f64) -> (i32, i32) {
    ((lat / 0.2).floor() as i32, (lon / 0.2).floor() as i32)
}

/// Pushes `t` unless it was the last pushed (lists may repeat a truce; the
/// readers deduplicate).
fn push_once(v: &mut Vec<usize>, t: usize) {
    if v.last() != Some(&t) {
        v.push(t);
    }
}

impl Ledger {
    /// Links every truce claim of document `doc` (already in `self.claims`).
    pub(crate) fn link_document(&mut self, doc: usize) {
        let mut todo: Vec<usize> = self.doc_claims[doc]
            .clone()
            .filter(|&c| self.claims[c].kind().is_truce())
            .collect();
        todo.sort_by_key(|&c| (self.priority(c), self.claims[c].order));
        for c in todo {
            let (truce, rule) = self.choose(c);
            let t = match truce {
                Some(t) => t,
                None => self.new_truce(c),
            };
            self.link(t, c, rule);
        }
    }

    /// 0: scoped claims that name the truce's area; 1: expansions (their
    /// places are new areas, not the truce's identity); 2: unscoped claims.
    fn priority(&self, c: usize) -> u8 {
        let s = &self.claims[c];
        match (s.scope.is_empty(), s.kind()) {
            (false, ClaimKind::TruceExpanded) => 1,
            (false, _) => 0,
            (true, _) => 2,
        }
    }

    fn choose(&self, c: usize) -> (Option<usize>, &'static str) {
        if self.priority(c) != 0 {
            return self.by_context(c);
        }
        if let Some(t) = self.by_scope(c) {
            return (Some(t), RULE_SCOPE);
        }
        let s = &self.claims[c];
        if s.claim.modality == Modality::Planned
            && let (Some(t), _) = self.nearest_named(c)
        {
            return (Some(t), RULE_PLANNED_AREA);
        }
        if mentions_only(s) && s.level(self.gaz) == Level::Local {
            if let Some(t) = self.report_local(c) {
                return (Some(t), RULE_REPORT_LOCAL);
            }
            // "a local truce in X collapsed" speaks of no nationwide truce
            if let Some(t) = self.national_covering(c).filter(|_| !s.qualified("local")) {
                return (Some(t), RULE_NATIONAL_MENTION);
            }
        }
        (None, RULE_NEW)
    }

    /// Rule 1: same family, same level, overlapping scope, compatible time and
    /// declarer; a truce already linked from the same report first, then the
    /// most recently active.
    fn by_scope(&self, c: usize) -> Option<usize> {
        let s = &self.claims[c];
        let fam = s.name().map(family).unwrap_or("general");
        let level = s.level(self.gaz);
        let candidates = match level {
            Level::National => s
                .scope
                .iter()
                .find_map(|&p| self.gaz.country_of(p))
                .and_then(|country| self.index.national.get(&(fam, country)))
                .cloned()
                .unwrap_or_default(),
            _ => self.overlap_candidates(&s.scope),
        };
        candidates
            .into_iter()
            .filter(|&t| self.truces[t].family == fam && self.truces[t].level == level)
            .filter(|&t| self.time_fits(t, c) && self.declarer_fits(t, c) && self.overlaps(t, c))
            .max_by_key(|&t| {
                (
                    self.truces[t].last_doc == s.doc,
                    self.truces[t].last_said,
                    t,
                )
            })
    }

    /// Truces with an area that contains, or lies inside, one of `places`
    /// (a superset: [`Ledger::overlaps`] decides).
    fn overlap_candidates(&self, places: &[PlaceId]) -> Vec<usize> {
        let mut out = Vec::new();
        let recent = |v: &Vec<usize>| {
            v.iter()
                .rev()
                .take(CANDIDATE_SCAN)
                .copied()
                .collect::<Vec<_>>()
        };
        for &p in places {
            for a in std::iter::once(p).chain(self.gaz.ancestors(p)) {
                if let Some(v) = self.index.by_area.get(&a) {
                    out.extend(recent(v));
                }
            }
            let mut below = vec![p];
            below.extend(self.gaz.get(p).members.iter().copied());
            for b in below {
                if let Some(v) = self.index.under.get(&b) {
                    out.extend(recent(v));
                }
            }
            for &r in &self.index.regions {
                if self.gaz.contains(r, p)
                    && let Some(v) = self.index.by_area.get(&r)
                {
                    out.extend(recent(v));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Rules 2 and 3: expansions and unscoped claims join the truce of the
    /// nearest claim of the same report with the same name (or, without a
    /// name, by the same speaker) when its time fits; failing that, an
    /// active truce of the same family elsewhere.
    fn by_context(&self, c: usize) -> (Option<usize>, &'static str) {
        if let (Some(t), rule) = self.nearest_named(c) {
            return (Some(t), rule);
        }
        let s = &self.claims[c];
        if s.name().is_none() {
            if let Some(t) = self.nearest(c, &|o| o.speaker == s.speaker) {
                return (Some(t), RULE_SAME_SPEAKER);
            }
            if let Some(t) = self.nearest(c, &|_| true) {
                return (Some(t), RULE_NEAREST);
            }
        }
        if let Some(t) = self.active_elsewhere(c) {
            return (Some(t), RULE_ACTIVE);
        }
        match self.told_past(c) {
            Some(t) => (Some(t), RULE_BACKGROUND),
            None => (None, RULE_NONE),
        }
    }

    /// "The truce had been agreed in June", in a report of August about a
    /// local truce's collapse, when no truce anywhere fits June: the truce
    /// of the nearest claim of the same report with the same name, which
    /// the claim dates from before that truce's first claim. A claim dated
    /// later than the truce is no part of its past and joins nothing here.
    fn told_past(&self, c: usize) -> Option<usize> {
        let s = &self.claims[c];
        let name = s.name()?;
        self.doc_claims[s.doc]
            .clone()
            .filter(|&o| self.claims[o].name() == Some(name))
            .filter_map(|o| self.claim_truce[o].map(|t| (o, t)))
            .filter(|&(_, t)| s.said < self.truces[t].first)
            .min_by_key(|&(o, _)| (self.claims[o].order as i64 - s.order as i64).abs())
            .map(|(_, t)| t)
    }

    /// The truce of the nearest already linked claim of the same report with
    /// the same truce name, else of the same family.
    fn nearest_named(&self, c: usize) -> (Option<usize>, &'static str) {
        let Some(name) = self.claims[c].name() else {
            return (None, RULE_NONE);
        };
        if let Some(t) = self.nearest(c, &|o| o.name() == Some(name)) {
            return (Some(t), RULE_SAME_NAME);
        }
        // "the cessation of hostilities was practically dead", in a report
        // about a local truce: a nationwide truce of that very name, before
        // the local truce of the same family
        if let Some(t) = self.national_named(c, name) {
            return (Some(t), RULE_NATIONAL_NAMED);
        }
        let fam = family(name);
        match self.nearest(c, &|o| o.name().map(family) == Some(fam)) {
            Some(t) => (Some(t), RULE_SAME_FAMILY),
            None => (None, RULE_NONE),
        }
    }

    /// The truce of the nearest linked claim of the same report matching
    /// `pred` whose time fits the claim.
    fn nearest(&self, c: usize, pred: &dyn Fn(&Stored) -> bool) -> Option<usize> {
        let s = &self.claims[c];
        self.doc_claims[s.doc]
            .clone()
            .filter_map(|o| self.claim_truce[o].map(|t| (o, t)))
            .filter(|&(o, t)| pred(&self.claims[o]) && self.time_fits(t, c))
            .min_by_key(|&(o, _)| {
                let d = self.claims[o].order as i64 - s.order as i64;
                (d.abs(), d > 0)
            })
            .map(|(_, t)| t)
    }

    /// Across reports: the most recent truce of the same family whose time
    /// fits, national first when the claim has no places.
    fn active_elsewhere(&self, c: usize) -> Option<usize> {
        let s = &self.claims[c];
        let fam = s.name().map(family).unwrap_or("general");
        let expansion = s.kind() == ClaimKind::TruceExpanded;
        let all = self.index.by_family.get(fam)?;
        let national = self
            .index
            .national
            .iter()
            .filter(|((f, _), _)| *f == fam)
            .flat_map(|(_, ts)| ts.iter().copied());
        // the most recent truces of the family (a bound: linking stays
        // linear), and every nationwide one
        all.iter()
            .rev()
            .take(ACTIVE_SCAN)
            .copied()
            .chain(national)
            .filter(|&t| self.time_fits(t, c))
            .filter(|&t| !expansion || self.truces[t].level == Level::Local)
            .max_by_key(|&t| {
                (
                    self.truces[t].level == Level::National,
                    self.truces[t].last_said,
                    t,
                )
            })
    }

    /// The local truce of the nearest scoped claim of the same report and
    /// name family: "Syria declared local truces near Damascus ... the new
    /// regime of calm would last a day in eastern Ghouta" speaks of the
    /// truce its report has just introduced, in places it names now.
    fn report_local(&self, c: usize) -> Option<usize> {
        let fam = self.claims[c].name().map(family);
        let t = self.nearest(c, &|o| !o.scope.is_empty() && o.name().map(family) == fam)?;
        (self.truces[t].level == Level::Local).then_some(t)
    }

    /// The most recent nationwide truce called `name` whose time fits.
    fn national_named(&self, c: usize, name: &str) -> Option<usize> {
        let fam = family(name);
        (self.index.national.iter())
            .filter(|((f, _), _)| *f == fam)
            .flat_map(|(_, ts)| ts.iter().copied())
            .filter(|&t| self.truces[t].name == name && self.time_fits(t, c))
            .max_by_key(|&t| (self.truces[t].last_said, t))
    }

    /// A nationwide truce of the claim's family over the country of its
    /// places whose time fits.
    fn national_covering(&self, c: usize) -> Option<usize> {
        let s = &self.claims[c];
        let fam = s.name().map(family).unwrap_or("general");
        let country = s.scope.iter().find_map(|&p| self.gaz.country_of(p))?;
        self.index
            .national
            .get(&(fam, country))?
            .iter()
            .copied()
            .filter(|&t| self.time_fits(t, c))
            .max_by_key(|&t| (self.truces[t].last_said, t))
    }

    pub(crate) fn overlaps(&self, t: usize, c: usize) -> bool {
        let s = &self.claims[c];
        if self.truces[t].level == Level::National {
            let country = s.scope.iter().find_map(|&p| self.gaz.country_of(p));
            return country.is_some() && country == self.truces[t].country;
        }
        s.scope.iter().any(|&a| {
            self.truces[t]
                .areas
                .iter()
                .any(|&b| self.gaz.contains(a, b) || self.gaz.contains(b, a))
        })
    }

    /// The claim falls between 30 days before the truce's first claim and
    /// 14 days (45 for a nationwide truce) after its last known date; a
    /// declaration after an asserted collapse or end starts a new truce.
    fn time_fits(&self, t: usize, c: usize) -> bool {
        let s = &self.claims[c];
        let truce = &self.truces[t];
        let after = match truce.level {
            Level::National => NATIONAL_AFTER_DAYS,
            _ => AFTER_DAYS,
        };
        let early = s.said < truce.first && !within_days(s.said, truce.first, BEFORE_DAYS);
        let late = s.said > truce.last_known && !within_days(s.said, truce.last_known, after);
        let restarted = s.kind() == ClaimKind::TruceDeclared
            && s.asserted()
            && truce.closed_twice.is_some_and(|k| k < s.said);
        !early && !late && !restarted
    }

    /// Two local declarations by unrelated declarers are different truces
    /// (a nationwide truce has many brokers and announcers).
    fn declarer_fits(&self, t: usize, c: usize) -> bool {
        let s = &self.claims[c];
        if s.kind() != ClaimKind::TruceDeclared || self.truces[t].level == Level::National {
            return true;
        }
        let theirs = &self.truces[t].declarers;
        theirs.is_empty()
            || s.agent_ids().next().is_none()
            || s.agent_ids().any(|a| theirs.iter().any(|b| related(a, b)))
    }

    fn new_truce(&mut self, c: usize) -> usize {
        let s = &self.claims[c];
        let level = s.level(self.gaz);
        let country = match level {
            Level::National => s.scope.iter().find_map(|&p| self.gaz.country_of(p)),
            _ => None,
        };
        let name = s.name().unwrap_or("truce").to_string();
        let t = self.truces.len();
        let fam = family(&name);
        self.truces.push(TruceRec {
            id: format!("t{}", t + 1),
            family: fam,
            name,
            title: std::sync::OnceLock::new(),
            level,
            country,
            links: Vec::new(),
            areas: Vec::new(),
            first: s.said,
            last_said: s.said,
            last_known: s.said.max(s.published),
            closed: None,
            closed_twice: None,
            declarers: Vec::new(),
            last_doc: s.doc,
            facts: Vec::new(),
            excluded: Vec::new(),
            unresolved: Vec::new(),
            declarer_views: Vec::new(),
            party_views: Vec::new(),
            excluded_actors: Vec::new(),
            rejections: Vec::new(),
        });
        self.index.by_family.entry(fam).or_default().push(t);
        if let Some(country) = country {
            self.index
                .national
                .entry((fam, country))
                .or_default()
                .push(t);
        }
        t
    }

    /// Links claim `c` to truce `t` and keeps the record's summary and the
    /// place index up to date.
    fn link(&mut self, t: usize, c: usize, rule: &'static str) {
        self.claim_truce[c] = Some(t);
        if self.dirty.last() != Some(&t) {
            self.dirty.push(t);
        }
        let s = &self.claims[c];
        let mut new_areas: Vec<PlaceId> = Vec::new();
        let truce = &mut self.truces[t];
        truce.links.push((c, rule));
        truce.first = truce.first.min(s.said);
        truce.last_said = truce.last_said.max(s.said);
        // spoken of when published, whatever day it speaks of ("the truce
        // they accepted in February", in a report of May)
        let known = s.end.map_or(s.said, |b| b.end.max(s.said)).max(s.published);
        truce.last_known = truce.last_known.max(known).max(truce.last_said);
        truce.last_doc = s.doc;
        if closes(s) {
            let (said, doc) = (s.said, s.doc);
            let earlier = |x: Option<DateTime>, y: DateTime| Some(x.map_or(y, |x| x.min(y)));
            match truce.closed {
                None => truce.closed = Some((said, doc)),
                Some((first, first_doc)) if said < first => {
                    if doc != first_doc {
                        truce.closed_twice = earlier(truce.closed_twice, first);
                    }
                    truce.closed = Some((said, doc));
                }
                Some((_, first_doc)) if doc != first_doc => {
                    truce.closed_twice = earlier(truce.closed_twice, said);
                }
                Some(_) => {}
            }
        }
        if s.kind() == ClaimKind::TruceDeclared && s.asserted() {
            for a in s.agent_ids() {
                if !truce.declarers.iter().any(|d| d == a) {
                    truce.declarers.push(a.to_string());
                }
            }
        }
        for &p in &s.scope {
            if !truce.areas.contains(&p) {
                truce.areas.push(p);
                new_areas.push(p);
            }
        }
        for p in new_areas {
            self.index_area(t, p);
        }
        for &p in &self.claims[c].around {
            let place = self.gaz.get(p);
            let cell = around_cell(place.lat, place.lon);
            let entries = self.index.around.entry(cell).or_default();
            if !entries.contains(&(p, t)) {
                entries.push((p, t));
            }
        }
    }

    /// Brings the summaries the questions read up to date for every truce
    /// linked to since the last call.
    pub(crate) fn finalize(&mut self) {
        let mut dirty = std::mem::take(&mut self.dirty);
        dirty.sort_unstable();
        dirty.dedup();
        for t in dirty {
            let mut sorted: Vec<usize> = self.truces[t].claims().collect();
            sorted.sort_by_key(|&c| {
                let s = &self.claims[c];
                (s.said, s.doc, s.order)
            });
            let mut excluded: Vec<PlaceId> = Vec::new();
            let mut unresolved: Vec<String> = Vec::new();
            for &c in &sorted {
                let s = &self.claims[c];
                if s.kind() != ClaimKind::TruceRejected && s.asserted() {
                    // A whole country is never carved out of a truce:
                    // "excluded" there is a misread ("groups in Syria are
                    // excluded"); exclusions are areas inside the scope.
                    for &x in &s.excluded {
                        let country = self.gaz.get(x).kind == PlaceKind::Country;
                        if !country && !excluded.contains(&x) {
                            excluded.push(x);
                        }
                    }
                }
                for p in &s.claim.places {
                    if p.role == "excluded" && p.id.is_none() && !unresolved.contains(&p.name) {
                        unresolved.push(p.name.clone());
                    }
                }
            }
            let declarer_views = self.actors_once(t, ClaimKind::TruceDeclared);
            let party_views = self.actors_once(t, ClaimKind::TruceAccepted);
            let mut facts = Vec::with_capacity(sorted.len());
            for &c in &sorted {
                let s = &self.claims[c];
                let next = self.speakers.len() as u32;
                let speaker = *self.speakers.entry(s.speaker.clone()).or_insert(next);
                let country = s
                    .scope
                    .iter()
                    .find(|&&p| self.gaz.get(p).kind == PlaceKind::Country)
                    .copied();
                facts.push(Fact::of(c, s, speaker, country));
            }
            let excluded_actors = self.excluded_actors(t);
            let rejections: Vec<usize> = (sorted.iter().copied())
                .filter(|&c| {
                    let s = &self.claims[c];
                    s.kind() == ClaimKind::TruceRejected && !s.excluded.is_empty()
                })
                .collect();
            let truce = &mut self.truces[t];
            truce.rejections = rejections;
            truce.excluded_actors = excluded_actors;
            truce.facts = facts;
            truce.excluded = excluded;
            truce.unresolved = unresolved;
            truce.declarer_views = declarer_views;
            truce.party_views = party_views;
        }
    }

    fn index_area(&mut self, t: usize, p: PlaceId) {
        push_once(self.index.by_area.entry(p).or_default(), t);
        if self.gaz.get(p).kind == PlaceKind::Region && !self.index.regions.contains(&p) {
            self.index.regions.push(p);
        }
        for a in self.gaz.ancestors(p) {
            push_once(self.index.under.entry(a).or_default(), t);
        }
    }
}

/// Claims that speak of a truce somewhere without starting one: "the truce
/// in Aleppo holds / was violated / collapsed / is rejected / was accepted /
/// proposed / discussed / extended" (an extension with no new end). Only
/// declarations and extensions to a new end start a local truce where a
/// nationwide one is active.
fn mentions_only(s: &Stored) -> bool {
    match s.kind() {
        ClaimKind::TruceDeclared => false,
        ClaimKind::TruceExtended => s.end.is_none() && hours(s).is_none(),
        _ => true,
    }
}
