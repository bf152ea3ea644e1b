//! Truce resolution: which truce record a claim speaks of. The rules are
//! listed in the crate documentation ("Linking rules").

use crate::Ledger;
use crate::actors::related;
use crate::record::{Level, Stored, TruceRec, family};
use crate::time::within_days;
use truce_model::ClaimKind;

/// Days before a truce's first claim that a new claim may still join it.
const BEFORE_DAYS: i64 = 30;
/// Days after a truce's last known date that a new claim may still join it.
const AFTER_DAYS: i64 = 14;

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
            self.truces[t].links.push((c, rule));
            self.claim_truce.insert(c, t);
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

    fn choose(&self, c: usize) -> (Option<usize>, String) {
        match self.priority(c) {
            0 => match self.by_scope(c) {
                Some(t) => (
                    Some(t),
                    "same name family, overlapping scope, compatible declarer and time".into(),
                ),
                None => (
                    None,
                    "no truce of this family covers the scope at this time: new truce".into(),
                ),
            },
            _ => self.by_context(c),
        }
    }

    /// Rule 1: same family, same level, overlapping scope, compatible time and
    /// declarer; a truce already linked from the same report first, then the
    /// most recently active.
    fn by_scope(&self, c: usize) -> Option<usize> {
        let s = &self.claims[c];
        let name = s.name().map(family).unwrap_or("general");
        let level = s.level(self.gaz);
        (0..self.truces.len())
            .filter(|&t| self.truces[t].family == name && self.truces[t].level == level)
            .filter(|&t| self.overlaps(t, c) && self.time_fits(t, c) && self.declarer_fits(t, c))
            .max_by_key(|&t| (self.in_doc(t, s.doc), self.last_said(t)))
    }

    /// Rules 2 and 3: expansions and unscoped claims join the truce of the
    /// nearest claim of the same report with the same name (or, without a
    /// name, by the same speaker); failing that, an active truce of the same
    /// family elsewhere.
    fn by_context(&self, c: usize) -> (Option<usize>, String) {
        let s = &self.claims[c];
        let peers: Vec<usize> = self.doc_claims[s.doc]
            .clone()
            .filter(|o| self.claim_truce.contains_key(o))
            .collect();
        let nearest = |pred: &dyn Fn(&Stored) -> bool| {
            peers
                .iter()
                .copied()
                .filter(|&o| pred(&self.claims[o]))
                .min_by_key(|&o| {
                    let d = self.claims[o].order as i64 - s.order as i64;
                    (d.abs(), d > 0)
                })
                .and_then(|o| self.claim_truce.get(&o).copied())
        };
        if let Some(name) = s.name() {
            if let Some(t) = nearest(&|o| o.name() == Some(name)) {
                return (
                    Some(t),
                    format!("same report, nearest claim naming the {name}"),
                );
            }
            if let Some(t) = nearest(&|o| o.name().map(family) == Some(family(name))) {
                return (
                    Some(t),
                    "same report, nearest claim of the same name family".into(),
                );
            }
        } else {
            if let Some(t) = nearest(&|o| o.speaker == s.speaker) {
                return (
                    Some(t),
                    "same report, nearest truce claim by the same speaker".into(),
                );
            }
            if let Some(t) = nearest(&|_| true) {
                return (Some(t), "same report, nearest truce claim".into());
            }
        }
        match self.active_elsewhere(c) {
            Some(t) => (
                Some(t),
                "no truce named in the report: the active truce of the same name family".into(),
            ),
            None => (None, "no truce to join: new truce".into()),
        }
    }

    /// Across reports: the most recent truce of the same family whose time
    /// fits, national first when the claim has no places.
    fn active_elsewhere(&self, c: usize) -> Option<usize> {
        let s = &self.claims[c];
        let name = s.name().map(family).unwrap_or("general");
        (0..self.truces.len())
            .filter(|&t| self.truces[t].family == name && self.time_fits(t, c))
            .filter(|&t| {
                s.kind() != ClaimKind::TruceExpanded || self.truces[t].level == Level::Local
            })
            .max_by_key(|&t| (self.truces[t].level == Level::National, self.last_said(t)))
    }

    fn overlaps(&self, t: usize, c: usize) -> bool {
        let s = &self.claims[c];
        if self.truces[t].level == Level::National {
            let country = s.scope.iter().find_map(|&p| self.gaz.country_of(p));
            return country.is_some() && country == self.truces[t].country;
        }
        let areas = self.areas(t);
        s.scope.iter().any(|&a| {
            areas
                .iter()
                .any(|&b| self.gaz.contains(a, b) || self.gaz.contains(b, a))
        })
    }

    /// The claim falls between 30 days before the truce's first claim and
    /// 14 days after its last known date; a declaration after an asserted
    /// collapse or end starts a new truce.
    fn time_fits(&self, t: usize, c: usize) -> bool {
        let s = &self.claims[c];
        let truce = &self.truces[t];
        let first = truce.claims().map(|o| self.claims[o].said).min();
        let last = self.last_known(t);
        let (Some(first), Some(last)) = (first, last) else {
            return true;
        };
        let early = s.said < first && !within_days(s.said, first, BEFORE_DAYS);
        let late = s.said > last && !within_days(s.said, last, AFTER_DAYS);
        let restarted = s.kind() == ClaimKind::TruceDeclared
            && truce.claims().any(|o| {
                let o = &self.claims[o];
                o.asserted()
                    && matches!(o.kind(), ClaimKind::TruceCollapsed | ClaimKind::TruceEnded)
                    && o.said < s.said
            });
        !early && !late && !restarted
    }

    /// Two declarations by unrelated declarers are different truces.
    fn declarer_fits(&self, t: usize, c: usize) -> bool {
        let s = &self.claims[c];
        if s.kind() != ClaimKind::TruceDeclared {
            return true;
        }
        let theirs: Vec<&str> = self.truces[t]
            .claims()
            .filter(|&o| self.claims[o].kind() == ClaimKind::TruceDeclared)
            .flat_map(|o| self.claims[o].agent_ids())
            .collect();
        theirs.is_empty()
            || s.agent_ids().next().is_none()
            || s.agent_ids().any(|a| theirs.iter().any(|b| related(a, b)))
    }

    fn in_doc(&self, t: usize, doc: usize) -> bool {
        self.truces[t].claims().any(|o| self.claims[o].doc == doc)
    }

    fn last_said(&self, t: usize) -> Option<jiff::civil::DateTime> {
        self.truces[t].claims().map(|o| self.claims[o].said).max()
    }

    /// The last date the truce is known to run: its last claim or its latest end.
    pub(crate) fn last_known(&self, t: usize) -> Option<jiff::civil::DateTime> {
        let ends = self.truces[t]
            .claims()
            .filter_map(|o| self.claims[o].end.map(|b| b.end));
        self.last_said(t).into_iter().chain(ends).max()
    }

    fn new_truce(&mut self, c: usize) -> usize {
        let s = &self.claims[c];
        let level = s.level(self.gaz);
        let country = match level {
            Level::National => s.scope.iter().find_map(|&p| self.gaz.country_of(p)),
            _ => None,
        };
        let name = s.name().unwrap_or("truce").to_string();
        self.truces.push(TruceRec {
            id: format!("t{}", self.truces.len() + 1),
            family: family(&name).to_string(),
            name,
            level,
            country,
            links: Vec::new(),
        });
        self.truces.len() - 1
    }
}
