//! Violations and disputes: claims against a truce, and claims against
//! each other.

use crate::Ledger;
use crate::assess::{State, closes, supports};
use crate::record::{Level, Stored};
use crate::time::within_days;
use crate::views::{ActorView, ClaimView, PlaceView};
use serde::Serialize;
use truce_model::ClaimKind;

/// Contradicting claims, side by side: `in_force_vs_collapsed` or
/// `respected_vs_violated`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dispute {
    pub kind: String,
    /// The truces the claims are linked to.
    pub truces: Vec<String>,
    pub claims_for: Vec<ClaimView>,
    pub claims_against: Vec<ClaimView>,
}

/// A violation: an explicit `truce.violated` claim, or an incident inside
/// a truce's area and window while it was in force.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Violation {
    pub truce: String,
    /// True for an explicit violation claim; false for an incident found
    /// inside the truce's area and window.
    pub explicit: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceView>,
    pub accused: Vec<ActorView>,
    pub accuser: ActorView,
    pub claim: ClaimView,
}

/// Days within which a "holds" and a "collapsed" claim contradict.
const DISPUTE_DAYS: i64 = 3;

fn against_kind(s: &Stored) -> Option<&'static str> {
    if closes(s) {
        Some("in_force_vs_collapsed")
    } else if s.asserted() && s.kind() == ClaimKind::TruceViolated {
        Some("respected_vs_violated")
    } else {
        None
    }
}

impl Ledger {
    /// Disputes among claims `(truce, claims)`: a "holds" claim against a
    /// collapse, end or violation claim by another speaker within three days.
    pub(crate) fn disputes_among(&self, sets: &[(usize, Vec<usize>)]) -> Vec<Dispute> {
        let all: Vec<(usize, usize)> = sets
            .iter()
            .flat_map(|(t, cs)| cs.iter().map(move |&c| (*t, c)))
            .collect();
        let mut out: Vec<Dispute> = Vec::new();
        for kind in ["in_force_vs_collapsed", "respected_vs_violated"] {
            let mut pro: Vec<(usize, usize)> = Vec::new();
            let mut con: Vec<(usize, usize)> = Vec::new();
            for &(ts, s) in all.iter().filter(|(_, c)| supports(&self.claims[*c])) {
                for &(to, o) in &all {
                    let (a, b) = (&self.claims[s], &self.claims[o]);
                    if against_kind(b) == Some(kind)
                        && a.speaker != b.speaker
                        && within_days(a.said, b.said, DISPUTE_DAYS)
                    {
                        push_unique(&mut pro, (ts, s));
                        push_unique(&mut con, (to, o));
                    }
                }
            }
            if !pro.is_empty() {
                out.push(self.dispute(kind, &pro, &con));
            }
        }
        out
    }

    fn dispute(&self, kind: &str, pro: &[(usize, usize)], con: &[(usize, usize)]) -> Dispute {
        let mut truces: Vec<String> = Vec::new();
        for &(t, _) in pro.iter().chain(con) {
            push_unique(&mut truces, self.truces[t].id.clone());
        }
        Dispute {
            kind: kind.to_string(),
            truces,
            claims_for: pro.iter().map(|&(_, c)| self.claim_view(c)).collect(),
            claims_against: con.iter().map(|&(_, c)| self.claim_view(c)).collect(),
        }
    }

    /// Every dispute in the ledger: within each truce, and between a local
    /// truce and the national truce of its country.
    pub fn disputes(&self) -> Vec<Dispute> {
        let mut out: Vec<Dispute> = Vec::new();
        for t in 0..self.truces.len() {
            let mut sets = vec![(t, self.truces[t].claims().collect::<Vec<_>>())];
            for n in self.national_over(t) {
                sets.push((n, self.truces[n].claims().collect()));
            }
            for d in self.disputes_among(&sets) {
                // keep disputes whose "holds" side belongs to this truce
                let own = &self.truces[t].id;
                if d.truces.first() == Some(own) && !out.contains(&d) {
                    out.push(d);
                }
            }
        }
        out
    }

    /// National truces whose country holds one of the areas of local truce `t`.
    fn national_over(&self, t: usize) -> Vec<usize> {
        if self.truces[t].level != Level::Local {
            return Vec::new();
        }
        let areas = self.areas(t);
        (0..self.truces.len())
            .filter(|&n| self.truces[n].level == Level::National)
            .filter(|&n| {
                self.truces[n]
                    .country
                    .is_some_and(|c| areas.iter().any(|&a| self.gaz.contains(c, a)))
            })
            .collect()
    }

    /// Violations, of one truce (by id) or of all.
    pub fn violations(&self, truce: Option<&str>) -> Vec<Violation> {
        let mut out = Vec::new();
        for t in 0..self.truces.len() {
            if truce.is_some_and(|id| id != self.truces[t].id) {
                continue;
            }
            for c in self.truces[t].claims() {
                let s = &self.claims[c];
                if s.kind() == ClaimKind::TruceViolated && s.asserted() {
                    out.push(self.violation(t, c, true, None));
                }
            }
            self.incidents_in(t, &mut out);
        }
        out
    }

    /// Incidents whose place lies in an area of truce `t` while it was in force.
    fn incidents_in(&self, t: usize, out: &mut Vec<Violation>) {
        for (c, s) in self.claims.iter().enumerate() {
            if s.kind() != ClaimKind::IncidentAttack || !s.asserted() {
                continue;
            }
            let places = s
                .claim
                .places
                .iter()
                .filter_map(|p| p.id.as_deref())
                .filter_map(|id| self.gaz.find_id(id));
            for p in places {
                let inside = self
                    .assess(t, Some(p), s.said)
                    .is_some_and(|a| matches!(a.state, State::InForce | State::Disputed));
                if inside {
                    out.push(self.violation(t, c, false, Some(p)));
                    break;
                }
            }
        }
    }

    fn violation(
        &self,
        t: usize,
        c: usize,
        explicit: bool,
        place: Option<truce_geo::PlaceId>,
    ) -> Violation {
        Violation {
            truce: self.truces[t].id.clone(),
            explicit,
            subtype: self.claims[c].claim.subtype.clone(),
            place: place.map(|p| self.place_view(p)),
            accused: [
                self.actor_views(c, "perpetrator"),
                self.actor_views(c, "accused"),
            ]
            .concat(),
            accuser: self
                .actor_views(c, "accuser")
                .into_iter()
                .next()
                .unwrap_or_else(|| self.accuser(c)),
            claim: self.claim_view(c),
        }
    }
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}
