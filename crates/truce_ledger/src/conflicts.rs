//! Violations and disputes: claims against a truce, and claims against
//! each other.

use crate::Ledger;
use crate::assess::{CLOSES, Fact, SUPPORTS, State, VIOLATED, VOICED};
use crate::record::{Level, Stored};
use crate::time::within_days;
use crate::views::{ActorView, ClaimView, PlaceView};
use jiff::civil::DateTime;
use serde::Serialize;
use std::collections::HashMap;
use truce_geo::{PlaceId, PlaceKind};
use truce_model::ClaimKind;

/// How far "around X" reaches from X's centre: the suburbs of a city
/// (Douma and Harasta are 10 and 6 km from Damascus), not the next town.
pub(crate) const AROUND_KM: f64 = 15.0;

/// Contradicting claims, side by side: `in_force_vs_collapsed` or
/// `respected_vs_violated`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dispute {
    pub kind: String,
    /// The truces the claims are linked to.
    pub truces: Vec<String>,
    /// The latest [`crate::MAX_LISTED`] claims on each side, oldest first.
    pub claims_for: Vec<ClaimView>,
    pub claims_against: Vec<ClaimView>,
    pub claims_for_total: usize,
    pub claims_against_total: usize,
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

/// What inferring violations has already worked out: assessments by
/// truce, place and time (state, start, end, last claim), and the claims of
/// a truce that cover a place (`Ledger::covered`).
#[derive(Default)]
struct Memo {
    states: HashMap<(usize, PlaceId, DateTime), Option<Assessed>>,
    covered: HashMap<(usize, PlaceId), crate::assess::Covered>,
}

type Assessed = (State, Option<DateTime>, Option<DateTime>, Option<DateTime>);

/// Days without any claim after which an open-ended truce is not assumed to
/// hold when inferring violations.
const QUIET_DAYS: i64 = 14;

/// Days within which a "holds" and a "collapsed" claim contradict.
const DISPUTE_DAYS: i64 = 3;

impl Ledger {
    /// Disputes among claims `(truce, claims)`: a "holds" claim against a
    /// collapse, end or violation claim by another speaker within three days
    /// (not one the same report tells in its own voice).
    pub(crate) fn disputes_among(&self, sets: &[(usize, &[Fact])]) -> Vec<Dispute> {
        let window = 24 * 3600 * DISPUTE_DAYS;
        let mut out: Vec<Dispute> = Vec::new();
        let pick = |pred: &dyn Fn(&Fact) -> bool| -> Vec<(usize, &Fact)> {
            let mut v: Vec<(usize, &Fact)> = sets
                .iter()
                .flat_map(|(t, fs)| fs.iter().filter(|f| pred(f)).map(move |f| (*t, f)))
                .collect();
            v.sort_by_key(|(_, f)| f.said_s);
            v
        };
        let pro_all = pick(&|f| f.has(SUPPORTS));
        for (kind, flag) in [
            ("in_force_vs_collapsed", CLOSES),
            ("respected_vs_violated", VIOLATED),
        ] {
            // a "violated" claim that also says collapsed counts as a collapse
            let con_all = pick(&|f| f.has(flag) && (flag == CLOSES || !f.has(CLOSES)));
            // a claim is in a dispute when the other side has a claim by
            // another speaker within the window (scans stop at the first)
            // a report telling a truce's history in its own voice ("had
            // largely held for seven weeks") does not dispute what it quotes
            // ("collapsed on Friday, activists said")
            let own_story =
                |a: &Fact, o: &Fact| a.doc == o.doc && (!a.has(VOICED) || !o.has(VOICED));
            let pro_side = Side::new(&pro_all);
            let con_side = Side::new(&con_all);
            let matches = |a: &Fact, side: &Side| {
                side.any_other(a, a.said_s - window, a.said_s + window, &own_story)
            };
            let pro: Vec<(usize, usize)> = pro_all
                .iter()
                .filter(|(_, f)| matches(f, &con_side))
                .map(|(t, f)| (*t, f.claim))
                .collect();
            let con: Vec<(usize, usize)> = con_all
                .iter()
                .filter(|(_, f)| matches(f, &pro_side))
                .map(|(t, f)| (*t, f.claim))
                .collect();
            if !pro.is_empty() {
                let mut d = self.dispute(kind, &pro, &con);
                let rank = |id: &String| sets.iter().position(|(t, _)| self.truces[*t].id == *id);
                d.truces.sort_by_key(rank);
                out.push(d);
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
            claims_for: self.latest_views(pro.iter().map(|&(_, c)| c)),
            claims_against: self.latest_views(con.iter().map(|&(_, c)| c)),
            claims_for_total: pro.len(),
            claims_against_total: con.len(),
        }
    }

    /// Views of the latest [`crate::MAX_LISTED`] of `claims` (given by
    /// statement time), oldest first.
    pub(crate) fn latest_views(&self, claims: impl Iterator<Item = usize>) -> Vec<ClaimView> {
        let all: Vec<usize> = claims.collect();
        let skip = all.len().saturating_sub(crate::MAX_LISTED);
        all[skip..].iter().map(|&c| self.claim_view(c)).collect()
    }

    /// Every dispute in the ledger: within each truce, and between a local
    /// truce and the national truce of its country.
    pub fn disputes(&self) -> Vec<Dispute> {
        let mut out: Vec<Dispute> = Vec::new();
        for t in 0..self.truces.len() {
            let mut sets: Vec<(usize, &[Fact])> = vec![(t, &self.truces[t].facts)];
            for n in self.national_over(t) {
                sets.push((n, &self.truces[n].facts));
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

    /// Violations, of one truce (by id) or of all: explicit `truce.violated`
    /// claims linked to the truce, then incidents inferred to fall inside it
    /// (rules in the crate documentation, "Violations").
    pub fn violations(&self, truce: Option<&str>) -> Vec<Violation> {
        let only = match truce {
            Some(id) => match self.truces.iter().position(|t| t.id == id) {
                Some(t) => Some(t),
                None => return Vec::new(),
            },
            None => None,
        };
        let mut found: Vec<(usize, usize, Violation)> = Vec::new();
        for t in 0..self.truces.len() {
            if only.is_some_and(|o| o != t) {
                continue;
            }
            for c in self.truces[t].claims() {
                let s = &self.claims[c];
                if s.kind() == ClaimKind::TruceViolated && s.asserted() {
                    found.push((t, 0, self.violation(t, c, true, None)));
                }
            }
        }
        let mut memo = Memo::default();
        for (c, s) in self.claims.iter().enumerate() {
            if !plausible_violation(s) {
                continue;
            }
            let mut done: Vec<usize> = Vec::new();
            let memo = &mut memo;
            for p in self.incident_places(s) {
                for t in self.covering(p) {
                    if done.contains(&t) || only.is_some_and(|o| o != t) {
                        continue;
                    }
                    if self.inside_active(t, c, p, memo) {
                        done.push(t);
                        found.push((t, 1, self.violation(t, c, false, Some(p))));
                    }
                }
            }
        }
        found.sort_by_key(|(t, explicit, _)| (*t, *explicit));
        found.into_iter().map(|(_, _, v)| v).collect()
    }

    /// Where an incident happened: its resolved places finer than a country.
    pub(crate) fn incident_places(&self, s: &Stored) -> Vec<PlaceId> {
        let mut out: Vec<PlaceId> = Vec::new();
        for p in &s.claim.places {
            let Some(id) = p.id.as_deref().and_then(|id| self.gaz.find_id(id)) else {
                continue;
            };
            if matches!(p.role.as_str(), "location" | "target")
                && self.gaz.get(id).kind != PlaceKind::Country
                && !out.contains(&id)
            {
                out.push(id);
            }
        }
        out
    }

    /// Incident `c` at `p` falls inside truce `t`: the place is covered and
    /// not excluded, the truce is in force (or disputed) there when it
    /// started, inside the window; no actor of the incident belongs to an
    /// actor whose areas the truce excludes; for a nationwide truce, the
    /// incident's report speaks of the truce.
    fn inside_active(&self, t: usize, c: usize, p: PlaceId, memo: &mut Memo) -> bool {
        let s = &self.claims[c];
        let truce = &self.truces[t];
        // cheap tests first: no claim yet, or none for two weeks and no end
        // stated beyond the incident
        if s.said < truce.first
            || (truce.last_known < s.said && !within_days(truce.last_known, s.said, QUIET_DAYS))
        {
            return false;
        }
        // a nationwide truce covers every incident in the country: only
        // reports that speak of it are read as reporting its violations
        if truce.level == Level::National
            && !self.doc_claims[s.doc]
                .clone()
                .any(|o| self.claim_truce[o] == Some(t))
        {
            return false;
        }
        if s.claim
            .actors
            .iter()
            .filter_map(|x| x.id.as_deref())
            .any(|x| {
                truce
                    .excluded_actors
                    .iter()
                    .any(|e| crate::actors::related(x, e))
            })
        {
            return false;
        }
        let key = (t, p, s.said);
        let found = match memo.states.get(&key) {
            Some(v) => *v,
            None => {
                let covered = memo
                    .covered
                    .entry((t, p))
                    .or_insert_with(|| self.covered(t, p));
                let v = self.assess_covered(t, p, covered, s.said).map(|a| {
                    let heard = a.claims.iter().map(|f| f.said).max();
                    (a.state, a.start, a.end, heard)
                });
                memo.states.insert(key, v);
                v
            }
        };
        let Some((state, start, end, heard)) = found else {
            return false;
        };
        if !matches!(state, State::InForce | State::Disputed) {
            return false;
        }
        if start.is_none_or(|st| s.said < st) || end.is_some_and(|e| s.said >= e) {
            return false;
        }
        // an open-ended truce nobody has spoken of for two weeks is not
        // assumed to hold
        end.is_some() || heard.is_some_and(|h| within_days(h, s.said, QUIET_DAYS))
    }

    /// Actors whose areas the truce excludes ("except areas controlled by
    /// the Islamic State group"), from its asserted claims.
    pub(crate) fn excluded_actors(&self, t: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in self.truces[t].claims() {
            let s = &self.claims[c];
            if !s.asserted() || s.kind() == ClaimKind::TruceRejected {
                continue;
            }
            for p in &s.claim.places {
                if let Some(x) = p.controlled_by.as_deref().filter(|_| p.role == "excluded")
                    && !out.iter().any(|o| o == x)
                {
                    out.push(x.to_string());
                }
            }
        }
        out
    }

    /// Whether `place` lies near `center`, an area the text qualified as
    /// "around X": within [`AROUND_KM`], and a town, neighbourhood,
    /// subdistrict or region (never a whole governorate or district).
    pub(crate) fn near(&self, center: PlaceId, place: PlaceId) -> bool {
        use truce_geo::PlaceKind::{Country, District, Governorate};
        let kind = self.gaz.get(place).kind;
        !matches!(kind, District | Governorate | Country)
            && self.gaz.distance_km(center, place) <= AROUND_KM
    }

    /// Truces with an area that contains `place` (any level).
    pub(crate) fn covering(&self, place: PlaceId) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for a in std::iter::once(place).chain(self.gaz.ancestors(place)) {
            out.extend(self.index.by_area.get(&a).into_iter().flatten());
        }
        if let Some(country) = self.gaz.country_of(place) {
            out.extend(self.index.by_area.get(&country).into_iter().flatten());
        }
        for &r in &self.index.regions {
            if self.gaz.contains(r, place) {
                out.extend(self.index.by_area.get(&r).into_iter().flatten());
            }
        }
        let here = self.gaz.get(place);
        let (y, x) = crate::link::around_cell(here.lat, here.lon);
        for cell in (y - 1..=y + 1).flat_map(|y| (x - 1..=x + 1).map(move |x| (y, x))) {
            let entries = self.index.around.get(&cell).into_iter().flatten();
            out.extend(
                entries
                    .filter(|(a, _)| self.near(*a, place))
                    .map(|(_, t)| *t),
            );
        }
        out.sort_unstable();
        out.dedup();
        out
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

/// One side of a dispute, by statement time, with for each claim the next
/// one by another speaker, so that a scan skips a speaker's run of claims.
struct Side<'a> {
    claims: &'a [(usize, &'a Fact)],
    next_other: Vec<usize>,
}

impl<'a> Side<'a> {
    fn new(claims: &'a [(usize, &'a Fact)]) -> Side<'a> {
        let mut next_other = vec![claims.len(); claims.len()];
        for i in (0..claims.len().saturating_sub(1)).rev() {
            next_other[i] = if claims[i + 1].1.speaker != claims[i].1.speaker {
                i + 1
            } else {
                next_other[i + 1]
            };
        }
        Side { claims, next_other }
    }

    /// A claim said within `lo..=hi` by another speaker than `a`'s that is
    /// not `a`'s own report telling it (`own_story`).
    fn any_other(
        &self,
        a: &Fact,
        lo: i64,
        hi: i64,
        own_story: &dyn Fn(&Fact, &Fact) -> bool,
    ) -> bool {
        let mut i = self.claims.partition_point(|(_, o)| o.said_s < lo);
        while let Some((_, o)) = self.claims.get(i).filter(|(_, o)| o.said_s <= hi) {
            if o.speaker == a.speaker {
                i = self.next_other[i];
            } else if own_story(a, o) {
                i += 1;
            } else {
                return true;
            }
        }
        false
    }
}

/// Kinds of attack that breach a truce whoever reports them.
const KINETIC: &[&str] = &[
    "airstrike",
    "shelling",
    "bombardment",
    "ground_assault",
    "clash",
    "sniper",
    "massacre",
    "chemical",
    "barrel_bomb",
];

/// An incident that may be inferred as a violation: asserted; an armed
/// attack (a kinetic subtype, or a general attack or bombing with a named
/// perpetrator, which leaves out unattributed car bombs and summaries like
/// "the war has killed 250,000"); dated to a day or less ("this week",
/// "since April" are tallies, not incidents).
pub(crate) fn plausible_violation(s: &Stored) -> bool {
    if s.kind() != ClaimKind::IncidentAttack || !s.asserted() || s.coarse {
        return false;
    }
    let subtype = s.claim.subtype.as_deref().unwrap_or("attack");
    let perpetrator = s.claim.actors.iter().any(|a| a.role == "perpetrator");
    let kinetic = KINETIC.contains(&subtype)
        || (matches!(subtype, "attack" | "bombing" | "shooting") && perpetrator);
    let short = s
        .end
        .is_none_or(|b| b.end.duration_since(s.said) <= jiff::SignedDuration::from_hours(36));
    kinetic && short
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}
