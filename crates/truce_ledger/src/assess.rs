//! The state of a truce at a place and time, from the claims linked to it.

use crate::Ledger;
use crate::record::{Level, Stored};
use crate::time::{add_hours, within_days};
use jiff::civil::DateTime;
use serde::Serialize;
use truce_geo::PlaceId;
use truce_model::{ClaimKind, Modality};

/// The state of a truce (or of one of its areas) at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    InForce,
    Proposed,
    Expired,
    Collapsed,
    Ended,
    Disputed,
}

/// What the claims say at one place and time.
#[derive(Clone, Debug)]
pub(crate) struct Assessment {
    pub state: State,
    pub start: Option<DateTime>,
    /// Exclusive end of the window, when known.
    pub end: Option<DateTime>,
    /// The claim that set the end.
    pub end_by: Option<usize>,
    /// Claims that bear on the place, by statement time.
    pub claims: Vec<usize>,
}

pub(crate) fn establishes(s: &Stored) -> bool {
    s.asserted()
        && matches!(
            s.kind(),
            ClaimKind::TruceDeclared
                | ClaimKind::TruceAccepted
                | ClaimKind::TruceInForce
                | ClaimKind::TruceExtended
                | ClaimKind::TruceExpanded
        )
}

/// Establishes the truce *in the places it names*: an expansion ("extended
/// to Aleppo") without a time is an announcement of intent in most news
/// copy, so only declarations, acceptances, "holds" claims and extensions
/// that move an end make an area more than proposed.
pub(crate) fn establishes_area(s: &Stored) -> bool {
    establishes(s)
        && match s.kind() {
            ClaimKind::TruceExpanded => false,
            ClaimKind::TruceExtended => s.end.is_some() || hours(s).is_some(),
            _ => true,
        }
}

pub(crate) fn proposes(s: &Stored) -> bool {
    matches!(
        s.kind(),
        ClaimKind::TruceProposed | ClaimKind::TruceNegotiating
    ) || (s.claim.modality == Modality::Planned && s.kind().is_truce())
}

pub(crate) fn closes(s: &Stored) -> bool {
    s.asserted() && matches!(s.kind(), ClaimKind::TruceCollapsed | ClaimKind::TruceEnded)
}

/// "Holds", "is respected", "still in effect".
pub(crate) fn supports(s: &Stored) -> bool {
    s.asserted() && s.kind() == ClaimKind::TruceInForce
}

/// Claims against: rejections, refusals, collapse, end, violations, denials.
pub(crate) fn opposes(s: &Stored) -> bool {
    match s.claim.modality {
        Modality::Negated => matches!(
            s.kind(),
            ClaimKind::TruceAccepted | ClaimKind::TruceInForce | ClaimKind::TruceDeclared
        ),
        Modality::Planned => false,
        _ => matches!(
            s.kind(),
            ClaimKind::TruceRejected
                | ClaimKind::TruceCollapsed
                | ClaimKind::TruceEnded
                | ClaimKind::TruceViolated
        ),
    }
}

impl Ledger {
    /// Every place named as the truce's scope.
    pub(crate) fn areas(&self, t: usize) -> Vec<PlaceId> {
        self.truces[t].areas.clone()
    }

    /// Places excluded by claims that are not rejections of the exclusion.
    pub(crate) fn excludes(&self, t: usize, place: PlaceId) -> bool {
        self.truces[t].claims().any(|c| {
            let s = &self.claims[c];
            s.kind() != ClaimKind::TruceRejected
                && s.asserted()
                && s.excluded.iter().any(|&x| self.gaz.contains(x, place))
        })
    }

    /// The claims of truce `t` known by `at` that bear on `place` (all of them
    /// without a place). A proposed area takes its state from its own claims
    /// only; an established area also from the truce's unscoped claims.
    pub(crate) fn bearing(
        &self,
        t: usize,
        place: Option<PlaceId>,
        at: Option<DateTime>,
    ) -> Vec<usize> {
        let known = |c: &usize| at.is_none_or(|at| self.claims[*c].said <= at);
        let mut all: Vec<usize> = self.truces[t].claims().filter(known).collect();
        all.sort_by_key(|&c| {
            (
                self.claims[c].said,
                self.claims[c].doc,
                self.claims[c].order,
            )
        });
        let Some(place) = place else { return all };
        if self.truces[t].level == Level::Unscoped || self.excludes(t, place) {
            return Vec::new();
        }
        let covers = |c: &usize| {
            self.claims[*c]
                .scope
                .iter()
                .any(|&s| self.gaz.contains(s, place))
        };
        let scoped: Vec<usize> = all.iter().copied().filter(covers).collect();
        if !scoped.iter().any(|&c| establishes_area(&self.claims[c])) {
            return scoped;
        }
        all.into_iter()
            .filter(|c| covers(c) || self.claims[*c].scope.is_empty())
            .collect()
    }

    /// The state at `place` (or of the whole truce) at `at`; `None` when no
    /// claim bears on it.
    pub(crate) fn assess(
        &self,
        t: usize,
        place: Option<PlaceId>,
        at: DateTime,
    ) -> Option<Assessment> {
        let claims = self.bearing(t, place, Some(at));
        if claims.is_empty() {
            return None;
        }
        let c = |i: &usize| &self.claims[*i];
        let established = place.is_none_or(|_| claims.iter().any(|i| establishes_area(c(i))));
        // a day-precise start when there is one: "in February" is not a start
        let start = established
            .then(|| {
                let day = claims.iter().filter(|i| establishes(c(i)) && !c(i).coarse);
                day.map(|i| c(i).said).min().or_else(|| {
                    claims
                        .iter()
                        .filter(|i| establishes(c(i)))
                        .map(|i| c(i).said)
                        .min()
                })
            })
            .flatten();
        let (end, end_by) = self.window_end(&claims);
        // "the Feb. 27 ceasefire collapsed in April": a collapse dated at or
        // before the start names the truce by its start; it counts from
        // its publication
        let closed_at = |i: usize| match start {
            Some(st) if c(&i).said <= st => c(&i).published.max(c(&i).said),
            _ => c(&i).said,
        };
        let closing = claims
            .iter()
            .copied()
            .filter(|&i| closes(c(&i)) && closed_at(i) <= at)
            .max_by_key(|&i| closed_at(i));
        let state = match (start, closing) {
            (None, _) => State::Proposed,
            (Some(_), _)
                if end.is_some_and(|e| e <= at)
                    && closing.is_none_or(|k| end.is_some_and(|e| closed_at(k) >= e)) =>
            {
                State::Expired
            }
            (Some(_), Some(k)) if self.contested(&claims, k) => State::Disputed,
            (Some(_), Some(k)) if c(&k).kind() == ClaimKind::TruceEnded => State::Ended,
            (Some(_), Some(_)) => State::Collapsed,
            (Some(_), None) => State::InForce,
        };
        Some(Assessment {
            state,
            start,
            end,
            end_by,
            claims,
        })
    }

    /// A collapse or end is contested when another speaker says, within
    /// three days of it, that the truce holds.
    fn contested(&self, claims: &[usize], closing: usize) -> bool {
        let k = &self.claims[closing];
        claims.iter().any(|&i| {
            let s = &self.claims[i];
            supports(s)
                && s.speaker != k.speaker
                && (within_days(s.said, k.said, 3) || within_days(s.said, k.published, 3))
        })
    }

    /// The window's end: the latest end stated by an establishing claim; an
    /// extension without an end date moves the end by its hours (from the
    /// previous end, or from the statement when none is known).
    fn window_end(&self, claims: &[usize]) -> (Option<DateTime>, Option<usize>) {
        let mut end: Option<DateTime> = None;
        let mut by = None;
        for &i in claims {
            let s = &self.claims[i];
            if !establishes(s) {
                continue;
            }
            // "holds" said after the end known so far: that end was not the end
            if s.kind() == ClaimKind::TruceInForce
                && s.end.is_none()
                && end.is_some_and(|e| s.said >= e)
            {
                end = None;
                by = None;
                continue;
            }
            let next = match (s.end, s.kind()) {
                (Some(b), _) => Some(b.end),
                (None, ClaimKind::TruceExtended) => {
                    hours(s).map(|h| add_hours(end.unwrap_or(s.said), h))
                }
                _ => None,
            };
            if let Some(n) = next.filter(|n| end.is_none_or(|e| *n >= e)) {
                end = Some(n);
                by = Some(i);
            }
        }
        (end, by)
    }
}

pub(crate) fn hours(s: &Stored) -> Option<f64> {
    s.claim
        .quantities
        .iter()
        .find_map(|q| match q.what.as_str() {
            "hours" => Some(q.value),
            "days" => Some(q.value * 24.0),
            _ => None,
        })
}
