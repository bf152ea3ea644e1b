//! The questions: status, timeline, expiring, and the truce records themselves.

use crate::Ledger;
use crate::assess::{Assessment, ESTABLISHES, EXTENDED, Fact, OPPOSES, PROPOSES, SUPPORTS, State};
use crate::record::Level;
use crate::views::{ActorView, ClaimView, PlaceView};
use jiff::SignedDuration;
use jiff::civil::DateTime;
use serde::Serialize;
use truce_geo::PlaceId;
use truce_model::ClaimKind;

pub use crate::conflicts::{Dispute, Violation};

/// Days after its last known date (last claim or stated end) that a truce
/// is still listed by [`Ledger::status`].
pub const STALE_DAYS: i64 = 30;

/// A validity window; `end` is exclusive.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WindowView {
    pub start: Option<String>,
    pub end: Option<String>,
    /// The claim that set the end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_set_by: Option<ClaimView>,
}

/// One truce as it stands at the asked place and time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusEntry {
    pub truce: String,
    /// Human name: scope, kind and start ("Eastern Ghouta regime of calm, 30 Apr 2016").
    pub name: String,
    /// The truce kind (`regime_of_calm`, `cessation_of_hostilities`).
    pub kind: String,
    pub level: Level,
    pub state: State,
    pub window: WindowView,
    /// The truce's areas that cover the place.
    pub areas: Vec<PlaceView>,
    pub declarer: Vec<ActorView>,
    pub extensions: Vec<ClaimView>,
    /// The latest [`crate::MAX_LISTED`] claims for and against, oldest first.
    pub claims_for: Vec<ClaimView>,
    pub claims_against: Vec<ClaimView>,
    pub claims_for_total: usize,
    pub claims_against_total: usize,
    /// Reports (documents) behind the claims for and against.
    pub sources_for: usize,
    pub sources_against: usize,
    /// Exclusions that cannot be resolved to places ("areas controlled by X").
    pub unresolved_exclusions: Vec<String>,
    /// Exclusions of this place that a claim rejects.
    pub contested_exclusions: Vec<ClaimView>,
}

/// Answer of [`Ledger::status`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Status {
    pub place: PlaceView,
    pub at: String,
    pub truces: Vec<StatusEntry>,
    /// Truces that would cover the place but exclude it: it was held that
    /// day by an actor whose areas they leave out (the control table).
    pub excluded: Vec<Excluded>,
    /// Contradicting claims about the truces listed, side by side (claims of
    /// the last [`STALE_DAYS`] before the time asked).
    pub disputes: Vec<Dispute>,
}

/// A truce that leaves the place out: held by an excluded actor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Excluded {
    pub truce: String,
    /// Human name: scope, kind and start ("Eastern Ghouta regime of calm, 30 Apr 2016").
    pub name: String,
    /// The truce kind (`regime_of_calm`, `cessation_of_hostilities`).
    pub kind: String,
    /// Actor id (`data/actors.tsv`) holding the place that day.
    pub held_by: String,
    /// Its name ("Islamic State").
    pub held_by_name: String,
}

/// What a timeline is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    Truce(String),
    Place(PlaceId),
}

/// One dated step of a truce's lifecycle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineEntry {
    pub truce: String,
    pub said: String,
    pub kind: String,
    pub modality: String,
    pub claim: ClaimView,
}

/// A truce area whose window ends within the horizon.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Expiring {
    pub truce: String,
    /// Human name: scope, kind and start ("Eastern Ghouta regime of calm, 30 Apr 2016").
    pub name: String,
    /// The truce kind (`regime_of_calm`, `cessation_of_hostilities`).
    pub kind: String,
    pub area: PlaceView,
    pub end: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_set_by: Option<ClaimView>,
}

/// One area of a truce with its own window (as known from all claims).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaView {
    pub place: PlaceView,
    /// True when only proposals name it.
    pub proposed: bool,
    pub window: WindowView,
}

/// Why a claim is linked to a truce.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LinkView {
    pub document: String,
    pub claim: String,
    pub kind: String,
    pub rule: String,
}

/// A truce record: declarer, parties, areas with their windows, and the
/// claims it rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TruceView {
    pub id: String,
    /// Human name: scope, kind and start ("Eastern Ghouta regime of calm, 30 Apr 2016").
    pub name: String,
    /// The truce kind (`regime_of_calm`, `cessation_of_hostilities`).
    pub kind: String,
    /// Every name the linked claims use.
    pub names: Vec<String>,
    pub level: Level,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<PlaceView>,
    pub declarer: Vec<ActorView>,
    pub parties: Vec<ActorView>,
    pub areas: Vec<AreaView>,
    pub links: Vec<LinkView>,
}

impl Ledger {
    /// Every truce covering `place` about which something is known by `at`.
    pub fn status(&self, place: PlaceId, at: DateTime) -> Status {
        let mut truces = Vec::new();
        let mut excluded = Vec::new();
        let mut assessed = Vec::new();
        for t in self.covering(place) {
            if !self.founded(t) || !self.current(t, at) {
                continue;
            }
            if let Some(actor) = self.held_by_excluded(t, place, at) {
                excluded.push(Excluded {
                    truce: self.truces[t].id.clone(),
                    name: self.human_name(t).to_owned(),
                    kind: self.truces[t].name.clone(),
                    held_by: actor.to_owned(),
                    held_by_name: crate::actors::actor_name(actor).unwrap_or(actor).to_owned(),
                });
                continue;
            }
            if let Some(a) = self.assess(t, Some(place), at) {
                truces.push(self.entry(t, place, at, &a));
                assessed.push((t, a));
            }
        }
        // disputes of the last STALE_DAYS: what is contested now
        let since = at
            .checked_sub(SignedDuration::from_hours(24 * STALE_DAYS))
            .unwrap_or(DateTime::MIN);
        let sets: Vec<(usize, &[Fact])> = (assessed.iter())
            .map(|(t, a)| {
                (
                    *t,
                    &a.claims[a.claims.partition_point(|f| f.said < since)..],
                )
            })
            .collect();
        Status {
            place: self.place_view(place),
            at: at.to_string(),
            truces,
            excluded,
            disputes: self.disputes_among(&sets),
        }
    }

    /// The entry `status(place, at)` gives for truce `id`, computed for that
    /// truce alone (the board asks it for every area of every truce):
    /// `None` where `status` lists no entry for it (unfounded, stale, the
    /// place held by an excluded group, or nothing bears on it).
    pub fn status_of(&self, id: &str, place: PlaceId, at: DateTime) -> Option<StatusEntry> {
        let t = self.truces.iter().position(|r| r.id == id)?;
        let listed = self.founded(t)
            && self.current(t, at)
            && self.held_by_excluded(t, place, at).is_none()
            && self.covering(place).contains(&t);
        if !listed {
            return None;
        }
        self.assess(t, Some(place), at)
            .map(|a| self.entry(t, place, at, &a))
    }

    /// Spoken of (or running to a stated end) at most [`STALE_DAYS`] before
    /// `at`, whatever its state: an open-ended truce nobody has mentioned
    /// for a month is not presented as tonight's truce.
    fn current(&self, t: usize, at: DateTime) -> bool {
        let last = self.truces[t].last_known;
        last >= at || crate::time::within_days(last, at, STALE_DAYS)
    }

    fn entry(&self, t: usize, place: PlaceId, at: DateTime, a: &Assessment) -> StatusEntry {
        let picked = |pred: &dyn Fn(&Fact) -> bool| -> Vec<usize> {
            a.claims
                .iter()
                .filter(|f| pred(f))
                .map(|f| f.claim)
                .collect()
        };
        let for_all = picked(&|f| {
            f.has(SUPPORTS) || f.has(PROPOSES) || (f.has(ESTABLISHES) && !f.has(EXTENDED))
        });
        let against_all = picked(&|f| f.has(OPPOSES));
        let extensions = picked(&|f| f.has(EXTENDED) && self.claims[f.claim].asserted());
        let truce = &self.truces[t];
        StatusEntry {
            truce: truce.id.clone(),
            name: self.human_name(t).to_owned(),
            kind: truce.name.clone(),
            level: truce.level,
            state: a.state,
            window: self.window((a.start, a.end, a.end_by)),
            areas: self.covering_areas(t, place),
            declarer: self.declarer(t),
            extensions: self.latest_views(extensions.into_iter()),
            claims_for_total: for_all.len(),
            claims_against_total: against_all.len(),
            sources_for: self.documents_of(&for_all),
            sources_against: self.documents_of(&against_all),
            claims_for: self.latest_views(for_all.into_iter()),
            claims_against: self.latest_views(against_all.into_iter()),
            unresolved_exclusions: self.unresolved_exclusions(t),
            contested_exclusions: self.contested_exclusions(t, place, at),
        }
    }

    /// How many reports the claims come from.
    fn documents_of(&self, claims: &[usize]) -> usize {
        let mut seen = vec![false; self.docs.len()];
        let mut n = 0;
        for &c in claims {
            let d = self.claims[c].doc;
            n += usize::from(!seen[d]);
            seen[d] = true;
        }
        n
    }

    fn window(
        &self,
        (start, end, end_by): (Option<DateTime>, Option<DateTime>, Option<usize>),
    ) -> WindowView {
        WindowView {
            start: start.map(|s| s.to_string()),
            end: end.map(|e| e.to_string()),
            end_set_by: end_by.map(|c| self.claim_view(c)),
        }
    }

    fn covering_areas(&self, t: usize, place: PlaceId) -> Vec<PlaceView> {
        self.areas(t)
            .into_iter()
            .filter(|&a| self.gaz.contains(a, place))
            .map(|a| self.place_view(a))
            .collect()
    }

    /// Agents of the truce's declarations, each actor once (its first claim).
    pub(crate) fn declarer(&self, t: usize) -> Vec<ActorView> {
        self.truces[t].declarer_views.clone()
    }

    /// Agents of the truce's acceptances, each actor once.
    pub(crate) fn parties(&self, t: usize) -> Vec<ActorView> {
        self.truces[t].party_views.clone()
    }

    /// Each actor once (its first claim), the most often named first: an
    /// actor is its lexicon id when it has one, else its name.
    pub(crate) fn actors_once(&self, t: usize, kind: ClaimKind) -> Vec<ActorView> {
        let mut out: Vec<(usize, ActorView)> = Vec::new();
        for v in self
            .with_kind(t, kind)
            .flat_map(|c| self.actor_views(c, "agent"))
        {
            let same = |o: &ActorView| match (&o.id, &v.id) {
                (Some(a), Some(b)) => a == b,
                _ => o.id == v.id && o.name == v.name,
            };
            match out.iter_mut().find(|(_, o)| same(o)) {
                Some((n, _)) => *n += 1,
                None => out.push((1, v)),
            }
        }
        // stable: ties keep the order of first mention
        out.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
        out.into_iter().map(|(_, v)| v).collect()
    }

    fn with_kind(&self, t: usize, kind: ClaimKind) -> impl Iterator<Item = usize> + '_ {
        self.truces[t]
            .claims()
            .filter(move |&c| self.claims[c].kind() == kind && self.claims[c].asserted())
    }

    pub(crate) fn unresolved_exclusions(&self, t: usize) -> Vec<String> {
        self.truces[t].unresolved.clone()
    }

    /// The latest rejections of an exclusion that covers `place`, known by
    /// `at`.
    fn contested_exclusions(&self, t: usize, place: PlaceId, at: DateTime) -> Vec<ClaimView> {
        let all = &self.truces[t].rejections;
        let said = all.partition_point(|&c| self.claims[c].said <= at);
        let mut latest: Vec<usize> = (all[..said].iter().rev().copied())
            .filter(|&c| {
                let s = &self.claims[c];
                s.published <= at && s.excluded.iter().any(|&x| self.gaz.contains(x, place))
            })
            .take(crate::MAX_LISTED)
            .collect();
        latest.reverse();
        latest.into_iter().map(|c| self.claim_view(c)).collect()
    }

    /// The dated lifecycle of a truce, or of every truce bearing on a place.
    pub fn timeline(&self, subject: &Subject) -> Vec<TimelineEntry> {
        let mut picked: Vec<(usize, usize)> = Vec::new();
        for t in 0..self.truces.len() {
            let claims = match subject {
                Subject::Truce(id) if *id == self.truces[t].id => self.bearing(t, None, None),
                Subject::Place(p) => self.bearing(t, Some(*p), None),
                Subject::Truce(_) => Vec::new(),
            };
            let claims: Vec<usize> = claims.iter().map(|f| f.claim).collect();
            picked.extend(claims.into_iter().map(|c| (t, c)));
        }
        picked.sort_by_key(|&(_, c)| {
            (
                self.claims[c].said,
                self.claims[c].doc,
                self.claims[c].order,
            )
        });
        picked
            .into_iter()
            .map(|(t, c)| TimelineEntry {
                truce: self.truces[t].id.clone(),
                said: self.claims[c].said.to_string(),
                kind: self.claims[c].kind().as_str().to_string(),
                modality: self.claims[c].claim.modality.as_str().to_string(),
                claim: self.claim_view(c),
            })
            .collect()
    }

    /// Truce areas in force at `now` whose window ends within `horizon`.
    pub fn expiring(&self, now: DateTime, horizon: SignedDuration) -> Vec<Expiring> {
        let until = now.checked_add(horizon).unwrap_or(DateTime::MAX);
        let mut out = Vec::new();
        for t in 0..self.truces.len() {
            for area in self.areas(t) {
                let Some(a) = self.assess(t, Some(area), now) else {
                    continue;
                };
                let Some(end) = a.end.filter(|&e| e > now && e <= until) else {
                    continue;
                };
                if a.state == State::InForce {
                    out.push(Expiring {
                        truce: self.truces[t].id.clone(),
                        name: self.human_name(t).to_owned(),
                        kind: self.truces[t].name.clone(),
                        area: self.place_view(area),
                        end: end.to_string(),
                        end_set_by: a.end_by.map(|c| self.claim_view(c)),
                    });
                }
            }
        }
        out.sort_by(|a, b| a.end.cmp(&b.end));
        out
    }

    /// Every truce record.
    pub fn truces(&self) -> Vec<TruceView> {
        (0..self.truces.len())
            .filter(|&t| self.founded(t) && self.truces[t].level != Level::Unscoped)
            .map(|t| self.truce_view(t))
            // a record whose every area is only proposed is a proposal
            .filter(|v| v.areas.iter().any(|a| !a.proposed))
            .collect()
    }

    /// Whether a record is a truce: a declaration, acceptance, "holds"
    /// claim or extension (asserted) founds it. A record of calls,
    /// proposals, talks, collapses or violations only ("the 1988 truce
    /// collapsed", "calls for a ceasefire") is a mention, not a truce; its
    /// claims stay on its timeline and in the exports of claims.
    pub fn founded(&self, t: usize) -> bool {
        self.truces
            .get(t)
            .is_some_and(|r| r.facts.iter().any(|f| f.has(ESTABLISHES)))
    }

    /// One truce record by id (`t1`).
    pub fn truce(&self, id: &str) -> Option<TruceView> {
        self.truces
            .iter()
            .position(|t| t.id == id)
            .map(|t| self.truce_view(t))
    }

    fn truce_view(&self, t: usize) -> TruceView {
        let truce = &self.truces[t];
        let mut names: Vec<String> = Vec::new();
        for c in truce.claims() {
            if let Some(n) = self.claims[c]
                .name()
                .filter(|n| !names.iter().any(|m| m == n))
            {
                names.push(n.to_string());
            }
        }
        TruceView {
            id: truce.id.clone(),
            name: self.human_name(t).to_owned(),
            kind: truce.name.clone(),
            names,
            level: truce.level,
            country: truce.country.map(|c| self.place_view(c)),
            declarer: self.declarer(t),
            parties: self.parties(t),
            areas: self
                .areas(t)
                .into_iter()
                .map(|p| self.area_view(t, p))
                .collect(),
            links: truce
                .links
                .iter()
                .map(|(c, rule)| LinkView {
                    document: self.docs[self.claims[*c].doc].id.clone(),
                    claim: self.claims[*c].claim.id.clone(),
                    kind: self.claims[*c].kind().as_str().to_string(),
                    rule: rule.to_string(),
                })
                .collect(),
        }
    }

    /// An area's window over everything known (no state is needed).
    fn area_view(&self, t: usize, p: PlaceId) -> AreaView {
        let claims = self.bearing(t, Some(p), Some(DateTime::MAX));
        let window = (!claims.is_empty()).then(|| crate::assess::window_of(&claims, Some(p)));
        AreaView {
            place: self.place_view(p),
            proposed: window.is_none_or(|(start, _, _)| start.is_none()),
            window: match window {
                Some(w) => self.window(w),
                None => WindowView {
                    start: None,
                    end: None,
                    end_set_by: None,
                },
            },
        }
    }
}
