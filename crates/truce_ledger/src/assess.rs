//! The state of a truce at a place and time, from the claims linked to it.

use crate::Ledger;
use crate::record::{Level, Stored};
use crate::time::{add_hours, within_days};
use jiff::SignedDuration;
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
    pub claims: Vec<Fact>,
}

/// The claims of a truce that cover a place (indices into its facts, in
/// order): all of them, and those that speak ahead (plans and stated
/// starts, known before the time they speak of).
pub(crate) struct Covered {
    all: Vec<u32>,
    ahead: Vec<u32>,
}

/// What the questions need of one claim of a truce, kept small so that a
/// truce with 100,000 claims is scanned in microseconds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fact {
    pub claim: usize,
    /// The claim's document (`Stored::doc`).
    pub doc: usize,
    /// `said` and `published` in seconds from 2000-01-01 00:00, for fast
    /// comparisons.
    pub said_s: i64,
    pub published_s: i64,
    pub said: DateTime,
    pub published: DateTime,
    pub end: Option<DateTime>,
    pub hours: Option<f64>,
    pub speaker: u32,
    /// The country the claim's scope names, when it names one (then it
    /// covers every place of that country).
    pub country: Option<PlaceId>,
    /// The first scope places (all of them when `MORE` is not set).
    pub scope: [Option<PlaceId>; 3],
    pub flags: u32,
}

pub(crate) const ESTABLISHES: u32 = 1;
pub(crate) const AREA: u32 = 1 << 1;
pub(crate) const PROPOSES: u32 = 1 << 2;
pub(crate) const CLOSES: u32 = 1 << 3;
pub(crate) const SUPPORTS: u32 = 1 << 4;
pub(crate) const OPPOSES: u32 = 1 << 5;
pub(crate) const COARSE: u32 = 1 << 6;
pub(crate) const IN_FORCE: u32 = 1 << 7;
pub(crate) const EXTENDED: u32 = 1 << 8;
pub(crate) const ENDED: u32 = 1 << 9;
pub(crate) const VIOLATED: u32 = 1 << 10;
pub(crate) const UNSCOPED: u32 = 1 << 11;
pub(crate) const MORE: u32 = 1 << 12;
/// Said by someone the report names, not in the outlet's own voice.
pub(crate) const VOICED: u32 = 1 << 13;
/// Dated to the hour or minute ("from 1:00 a.m. on Saturday").
pub(crate) const TIMED: u32 = 1 << 14;
/// Names a scope "around X" (`Stored::around`).
pub(crate) const AROUND: u32 = 1 << 15;
/// Dated only by its statement: no start of its own in the text ("by
/// noon on Friday" bounds the end and leaves the start to the statement).
pub(crate) const UNDATED: u32 = 1 << 16;

/// Seconds from 2000-01-01 00:00 (civil time).
pub(crate) fn seconds(t: DateTime) -> i64 {
    t.duration_since(EPOCH).as_secs()
}

const EPOCH: DateTime = jiff::civil::date(2000, 1, 1).at(0, 0, 0, 0);

impl Fact {
    pub fn of(claim: usize, s: &Stored, speaker: u32, country: Option<PlaceId>) -> Fact {
        let mut flags = 0;
        let mut set = |on: bool, f: u32| {
            if on {
                flags |= f;
            }
        };
        set(establishes(s), ESTABLISHES);
        set(establishes_area(s), AREA);
        set(proposes(s), PROPOSES);
        set(closes(s), CLOSES);
        set(supports(s), SUPPORTS);
        set(opposes(s), OPPOSES);
        set(s.coarse, COARSE);
        set(s.kind() == ClaimKind::TruceInForce, IN_FORCE);
        set(s.kind() == ClaimKind::TruceExtended, EXTENDED);
        set(s.kind() == ClaimKind::TruceEnded, ENDED);
        set(
            s.asserted() && s.kind() == ClaimKind::TruceViolated,
            VIOLATED,
        );
        set(s.scope.is_empty(), UNSCOPED);
        set(s.scope.len() > 3, MORE);
        set(s.claim.attribution.speaker.is_some(), VOICED);
        let precision = s.claim.time.as_ref().map(|t| t.precision.as_str());
        set(matches!(precision, Some("hour" | "minute")), TIMED);
        set(!s.around.is_empty(), AROUND);
        let own_time =
            (s.claim.time.as_ref()).is_some_and(|t| t.mention.is_some() && t.start.is_some());
        set(!own_time, UNDATED);
        let mut scope = [None; 3];
        for (slot, &p) in scope.iter_mut().zip(&s.scope) {
            *slot = Some(p);
        }
        Fact {
            claim,
            doc: s.doc,
            said_s: seconds(s.said),
            published_s: seconds(s.published),
            said: s.said,
            published: s.published,
            end: s.end.map(|b| b.end),
            hours: hours(s),
            speaker,
            country,
            scope,
            flags,
        }
    }

    pub fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }
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
    scheduled(s)
        || establishes(s)
            && match s.kind() {
                ClaimKind::TruceExpanded => false,
                ClaimKind::TruceExtended => s.end.is_some() || hours(s).is_some(),
                _ => true,
            }
}

/// A window announced ahead ("the truce will begin on Saturday and last
/// one day in Eastern Ghouta"): the schedule of a truce, which sets up its
/// area the way a declaration does. A plan with no window ("the truce
/// would also apply to Aleppo") proposes an area and sets up nothing.
fn scheduled(s: &Stored) -> bool {
    s.kind() == ClaimKind::TruceInForce
        && s.claim.modality == Modality::Planned
        && s.end.is_some()
        && !s.coarse
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
        self.truces[t]
            .excluded
            .iter()
            .any(|&x| self.gaz.contains(x, place))
    }

    /// The actor whose areas truce `t` excludes ("except areas held by the
    /// Islamic State group") and who held `place` on the day of `at`, by
    /// the control table (`data/control.tsv`).
    pub(crate) fn held_by_excluded(&self, t: usize, place: PlaceId, at: DateTime) -> Option<&str> {
        let excluded = &self.truces[t].excluded_actors;
        if excluded.is_empty() {
            return None;
        }
        let holder = truce_geo::Control::embedded().holder(self.gaz, place, at.date())?;
        excluded.iter().any(|a| a == holder).then_some(holder)
    }

    /// The claims of truce `t` known by `at` that bear on `place` (all of them
    /// without a place), by statement time. A proposed area takes its state
    /// from its own claims only; an established area also from the truce's
    /// unscoped claims.
    pub(crate) fn bearing(
        &self,
        t: usize,
        place: Option<PlaceId>,
        at: Option<DateTime>,
    ) -> Vec<Fact> {
        let facts = &self.truces[t].facts;
        let known = self.known(t, at);
        let Some(place) = place else {
            return (facts.iter().enumerate())
                .filter(|(i, f)| known(*i, f))
                .map(|(_, f)| *f)
                .collect();
        };
        if !self.may_bear(t, place, at) {
            return Vec::new();
        }
        let picked = self.covering_facts(t, place, &known);
        self.established_only(t, picked.iter().map(|&i| facts[i as usize]).collect())
    }

    /// `bearing` at a place, given its `covered` claims: those said by `at`
    /// and, of those said later, the plans and stated starts, each known
    /// from its publication.
    pub(crate) fn bearing_among(
        &self,
        t: usize,
        covered: &Covered,
        at: Option<DateTime>,
    ) -> Vec<Fact> {
        let facts = &self.truces[t].facts;
        let at = at.map_or(i64::MAX, seconds);
        let said = facts.partition_point(|f| f.said_s <= at) as u32;
        let early = &covered.all[..covered.all.partition_point(|&i| i < said)];
        let late = &covered.ahead[covered.ahead.partition_point(|&i| i < said)..];
        let picked = (early.iter().chain(late))
            .map(|&i| facts[i as usize])
            .filter(|f| f.published_s <= at)
            .collect();
        self.established_only(t, picked)
    }

    /// Whether any claim of truce `t` may bear on `place` at `at`: the truce
    /// has a scope, does not exclude the place, and no excluded group held
    /// it then.
    fn may_bear(&self, t: usize, place: PlaceId, at: Option<DateTime>) -> bool {
        let held = at.and_then(|at| self.held_by_excluded(t, place, at));
        self.truces[t].level != Level::Unscoped && !self.excludes(t, place) && held.is_none()
    }

    /// Whether the truce's fact `i` is known by `at`. A claim is known from
    /// its publication: "the Feb. 27 ceasefire collapsed in April",
    /// published in May, is not known in March; a plan or a stated start
    /// ("the regime of calm, to begin at 1:00 a.m. on Saturday") too, though
    /// it speaks of later.
    fn known(&self, t: usize, at: Option<DateTime>) -> impl Fn(usize, &Fact) -> bool {
        let facts = &self.truces[t].facts;
        let at = at.map_or(i64::MAX, seconds);
        let said = facts.partition_point(|f| f.said_s <= at);
        move |i: usize, f: &Fact| {
            f.published_s <= at && (i < said || f.has(PROPOSES) || f.has(IN_FORCE))
        }
    }

    /// Indices (into the truce's facts) of its unscoped claims and of the
    /// claims whose scope covers `place`, among those `keep` keeps.
    fn covering_facts(
        &self,
        t: usize,
        place: PlaceId,
        keep: &dyn Fn(usize, &Fact) -> bool,
    ) -> Vec<u32> {
        let country = self.gaz.country_of(place);
        let covers = |f: &Fact| {
            if f.country.is_some() {
                return f.country == country;
            }
            if f.has(AROUND)
                && self.claims[f.claim]
                    .around
                    .iter()
                    .any(|&a| self.near(a, place))
            {
                return true;
            }
            if f.has(MORE) {
                return self.claims[f.claim]
                    .scope
                    .iter()
                    .any(|&s| self.gaz.contains(s, place));
            }
            f.scope
                .iter()
                .flatten()
                .any(|&s| self.gaz.contains(s, place))
        };
        (self.truces[t].facts.iter().enumerate())
            .filter(|(i, f)| keep(*i, f) && (f.has(UNSCOPED) || covers(f)))
            .map(|(i, _)| i as u32)
            .collect()
    }

    /// The claims of truce `t` that cover `place`, whenever said: what
    /// `bearing_among` filters by time, for callers asking about one place
    /// at many times.
    pub(crate) fn covered(&self, t: usize, place: PlaceId) -> Covered {
        let all = self.covering_facts(t, place, &|_, _| true);
        let facts = &self.truces[t].facts;
        let ahead = (all.iter().copied())
            .filter(|&i| facts[i as usize].has(PROPOSES) || facts[i as usize].has(IN_FORCE))
            .collect();
        Covered { all, ahead }
    }

    /// Drops the unscoped claims unless the area is established: a
    /// nationwide truce is established over its country by what is said of
    /// it as a whole ("the cessation of hostilities came into effect on
    /// Saturday" names no place but means all of it); any truce by a claim
    /// that names the area.
    fn established_only(&self, t: usize, mut claims: Vec<Fact>) -> Vec<Fact> {
        let national = self.truces[t].level == Level::National;
        let established = (claims.iter()).any(|f| f.has(AREA) && (national || !f.has(UNSCOPED)));
        if !established {
            claims.retain(|f| !f.has(UNSCOPED));
        }
        claims
    }

    /// The state at `place` (or of the whole truce) at `at`; `None` when no
    /// claim bears on it.
    pub(crate) fn assess(
        &self,
        t: usize,
        place: Option<PlaceId>,
        at: DateTime,
    ) -> Option<Assessment> {
        assessment(self.bearing(t, place, Some(at)), place, at)
    }

    /// `assess` at `place`, given what `covered` gives for it.
    pub(crate) fn assess_covered(
        &self,
        t: usize,
        place: PlaceId,
        covered: &Covered,
        at: DateTime,
    ) -> Option<Assessment> {
        if !self.may_bear(t, place, Some(at)) {
            return None;
        }
        assessment(self.bearing_among(t, covered, Some(at)), Some(place), at)
    }
}

/// The state at `at` from the claims bearing on `place` (or on the whole
/// truce); `None` when none does.
fn assessment(claims: Vec<Fact>, place: Option<PlaceId>, at: DateTime) -> Option<Assessment> {
    if claims.is_empty() {
        return None;
    }
    let (start, end, end_by) = window_of(&claims, place);
    // "the Feb. 27 ceasefire collapsed in April": a collapse dated at or
    // before the start names the truce by its start; it counts from
    // its publication
    let closed_at = |f: &Fact| match start {
        Some(st) if f.said <= st => f.published.max(f.said),
        _ => f.said,
    };
    let closers = Closers::of(&claims);
    let closing = claims
        .iter()
        .filter(|f| f.has(CLOSES) && closed_at(f) <= at && closers.corroborate(f))
        .max_by_key(|f| closed_at(f))
        .copied();
    let state = match (start, closing) {
        (None, _) => State::Proposed,
        // declared, not yet in effect: the start lies ahead, or a
        // report says it will take effect later and none yet that it has
        (Some(st), None) if st > at || pending(&claims, at) => State::Proposed,
        (Some(_), _)
            if end.is_some_and(|e| e <= at)
                && closing.is_none_or(|k| end.is_some_and(|e| closed_at(&k) >= e)) =>
        {
            State::Expired
        }
        (Some(_), Some(k)) if contested(&claims, &k) => State::Disputed,
        (Some(_), Some(k)) if k.has(ENDED) => State::Ended,
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

/// The window's start (for an established area only), end and the claim
/// that set the end, from the claims bearing on `place`.
pub(crate) fn window_of(
    claims: &[Fact],
    place: Option<PlaceId>,
) -> (Option<DateTime>, Option<DateTime>, Option<usize>) {
    let established = place.is_none_or(|_| claims.iter().any(|f| f.has(AREA)));
    let start = established.then(|| window_start(claims)).flatten();
    let (end, end_by) = window_end(claims);
    (start, end, end_by)
}

/// The window's start, weighed over the sources: a day-precise start when
/// there is one ("in February" is not a start). When claims say when the
/// truce *took effect* or will (in force, planned to take effect, or a
/// declaration that states its window) and two reports agree on a day, the earliest such day wins over a
/// lone early date; else a start stated to the hour ("from 1:00 a.m. on
/// Saturday"); else a stated future start; the declaration of a truce
/// that took effect a week later is its declaration, not its start
/// (ETH/PRIO keep the two apart).
fn window_start(claims: &[Fact]) -> Option<DateTime> {
    let establishing = || claims.iter().filter(|f| f.has(ESTABLISHES));
    let day = || establishing().filter(|f| !f.has(COARSE));
    // "will take effect at midnight on Friday" states the start too; "would
    // go into effect" with no time of its own states none
    let planned =
        |f: &Fact| f.has(IN_FORCE) && f.has(PROPOSES) && !f.has(COARSE) && !f.has(UNDATED);
    // one pass, in the claims' order (by time)
    let states_start = |f: &Fact| {
        let day = f.has(ESTABLISHES) && !f.has(COARSE);
        day && (f.has(IN_FORCE) || f.end.is_some() || f.hours.is_some())
    };
    let effective: Vec<&Fact> = (claims.iter())
        .filter(|f| states_start(f) || planned(f))
        .collect();
    let timed = || {
        effective
            .iter()
            .filter(|f| f.has(TIMED))
            .map(|f| f.said)
            .min()
    };
    agreed_day(&effective)
        .or_else(timed)
        .or_else(|| claims.iter().filter(|f| planned(f)).map(|f| f.said).min())
        .or_else(|| day().map(|f| f.said).min())
        .or_else(|| establishing().map(|f| f.said).min())
}

/// A report known by `at` says the truce will take effect after `at`, and
/// no report yet says it is in force.
/// So does a report, known by `at`, that it has not taken effect yet
/// ("the deal does not take effect until the end of this week"), while
/// none says it holds.
fn pending(claims: &[Fact], at: DateTime) -> bool {
    let ahead = |f: &Fact| f.has(IN_FORCE) && f.has(PROPOSES) && !f.has(COARSE) && f.said > at;
    let not_yet = |f: &Fact| f.has(IN_FORCE) && f.has(OPPOSES) && known(f, at);
    let holds = |f: &Fact| f.has(SUPPORTS) && !f.has(COARSE) && f.said <= at;
    (claims.iter().any(ahead) || claims.iter().any(not_yet)) && !claims.iter().any(holds)
}

/// Whether a claim is known at `at`: said and published by then.
fn known(f: &Fact, at: DateTime) -> bool {
    f.said <= at && f.published <= at
}

/// The earliest time whose day at least two reports (told apart by their
/// publication time) give; `facts` come in time order (as a truce's facts
/// are kept), so one pass over the days finds it.
fn agreed_day(facts: &[&Fact]) -> Option<DateTime> {
    facts
        .chunk_by(|a, b| a.said.date() == b.said.date())
        .find(|day| day.iter().any(|g| g.published != day[0].published))
        .map(|day| day[0].said)
}

/// A collapse or end is contested when another speaker says, within three
/// days of it, that the truce holds.
/// A later "holds" claim reopens the question too.
fn contested(claims: &[Fact], k: &Fact) -> bool {
    claims.iter().any(|s| {
        s.has(SUPPORTS)
            && s.speaker != k.speaker
            && (within_days(s.said, k.said, 3)
                || within_days(s.said, k.published, 3)
                || s.said > k.said.max(k.published))
    })
}

/// The collapse and end claims of a truce, sorted, to weigh each of them.
struct Closers(Vec<(DateTime, DateTime)>);

impl Closers {
    /// The collapse and end claims, as (said, published), by time.
    fn of(claims: &[Fact]) -> Closers {
        let mut v: Vec<_> = (claims.iter().filter(|f| f.has(CLOSES)))
            .map(|f| (f.said, f.published))
            .collect();
        v.sort_unstable();
        Closers(v)
    }

    /// Whether a collapse or end may close the truce: it names the place it
    /// speaks of, a named party or monitor says it, or another report says
    /// so within a week. One report that names no place and no speaker ("a
    /// ceasefire was put to an end") does not end a truce that others go on
    /// reporting: it may well speak of another one.
    fn corroborate(&self, k: &Fact) -> bool {
        if !k.has(UNSCOPED) || k.has(VOICED) {
            return true;
        }
        let week = SignedDuration::from_hours(24 * 7);
        let from = k.said.checked_sub(week).unwrap_or(DateTime::MIN);
        let to = k.said.checked_add(week).unwrap_or(DateTime::MAX);
        let first = self.0.partition_point(|c| c.0 < from);
        (self.0[first..].iter())
            .take_while(|c| c.0 <= to)
            .any(|c| c.1 != k.published)
    }
}

/// The window's end: the latest end stated by an establishing claim; an
/// extension without an end date moves the end by its hours (from the
/// previous end, or from the statement when none is known); a "holds" claim
/// that names the area, said after the end known so far, means that end was
/// not the end.
fn window_end(claims: &[Fact]) -> (Option<DateTime>, Option<usize>) {
    let mut end: Option<DateTime> = None;
    let mut by = None;
    for f in claims {
        if !f.has(ESTABLISHES) {
            continue;
        }
        // only a claim that names the area reopens it: "local truces have
        // been put in place" says nothing of which one still runs
        let reopens = f.has(IN_FORCE) && !f.has(UNSCOPED) && f.end.is_none();
        if reopens && end.is_some_and(|e| f.said >= e) {
            end = None;
            by = None;
            continue;
        }
        let next = match (f.end, f.has(EXTENDED)) {
            (Some(e), _) => Some(e),
            (None, true) => f.hours.map(|h| add_hours(end.unwrap_or(f.said), h)),
            _ => None,
        };
        if let Some(n) = next.filter(|n| end.is_none_or(|e| *n >= e)) {
            end = Some(n);
            by = Some(f.claim);
        }
    }
    (end, by)
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
