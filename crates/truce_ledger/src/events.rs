//! Incidents as events: the reports of one incident, merged, as UCDP and
//! ACLED keep them.
//!
//! An *incident mention* is an `incident.*` claim (or a `truce.violated`
//! claim with an attack subtype: "struck X, killing 12, in violation of
//! the truce") that is asserted (or hedged), dated to a day or less and lasting at most 36 hours ("this
//! week", "since April" are tallies), at a gazetteer place finer than a
//! country (its finest `location` or `target` place). Mentions without
//! such a place are not events.
//!
//! Mentions are one **event** when all of these hold:
//!
//! - **place**: the same place, or one contains the other in the gazetteer
//!   ("Douma" and "Rif Dimashq"); the event's place is its finest
//!   mention's. Mentions are taken finest place first, so a coarse mention
//!   joins a fine event and two towns never merge through their province;
//! - **day**: the same calendar day; a mention dated only by its report's
//!   publication (no time of its own) may also join an event of the day
//!   before ("struck on Wednesday" published on Thursday);
//! - **kind**: the same family of subtypes ([`Family`]); a generic
//!   "attack" joins any family;
//! - **toll**: compatible killed counts: unknown on either side, or the
//!   larger at most three times the smaller plus three (12 and 20 are one
//!   toll, 2 and 40 are two events).
//!
//! Sources are documents: a report that mentions the event twice counts
//! once; near-duplicate documents are linked by the store and never reach
//! the ledger, so they count once too; and a document that reports the
//! event in the same words as an earlier one of the same outlet (an
//! updated wire story the store did not find near enough) is listed as its
//! copy and not counted.
//!
//! **Toll**, from each source's figure (the largest killed count of its
//! mentions): `low` = the smallest reported, `high` = the largest, `best` =
//! the median of the reports (the lower middle one for an even number), so
//! that one outlying report moves neither end of a well-reported toll.
//!
//! **Id**: `ev-` and 16 hex digits of FNV-1a 64 of `place id|date|family`,
//! stable across runs and stores; two events with the same key (two
//! separate strikes on one town in a day, with tolls that cannot be one)
//! get `-2`, `-3` in order of their first report.
//!
//! **Truce**: each event counts against at most one truce: of the truces
//! its mentions are inferred (or accused) to violate ([`Ledger::violations`]),
//! the most specific: a local truce before a nationwide one, then the one
//! whose area containing the event's place is finest, then the latest
//! started.

use crate::Ledger;
use crate::record::{Level, Stored};
use jiff::civil::Date;
use serde::Serialize;
use std::collections::HashMap;
use truce_geo::{PlaceId, PlaceKind};
use truce_model::ClaimKind;

/// Families of incident subtypes: reports of one incident name it
/// differently ("air strikes", "bombardment", "shelling"), but a strike is
/// never a battle or an execution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Fire from afar: airstrike, bombardment, shelling, chemical attack.
    Strike,
    /// Explosives placed or carried: bombing (car bombs, suicide attacks).
    Bombing,
    /// Fighting on the ground: ground assault, clash, sniper fire, shooting.
    Ground,
    /// Killings of people held or targeted: massacre, execution, assassination.
    Killing,
    /// A generic "attack": joins any family.
    Unspecified,
}

impl Family {
    pub fn of(subtype: Option<&str>) -> Family {
        match subtype.unwrap_or("attack") {
            "airstrike" | "bombardment" | "shelling" | "chemical" | "barrel_bomb" => Family::Strike,
            "bombing" => Family::Bombing,
            "ground_assault" | "clash" | "sniper" | "shooting" => Family::Ground,
            "massacre" | "execution" | "assassination" => Family::Killing,
            _ => Family::Unspecified,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Family::Strike => "strike",
            Family::Bombing => "bombing",
            Family::Ground => "ground",
            Family::Killing => "killing",
            Family::Unspecified => "unspecified",
        }
    }

    /// ACLED's event type for the family.
    pub fn event_type(self) -> &'static str {
        match self {
            Family::Strike | Family::Bombing => "Explosions/Remote violence",
            Family::Ground => "Battles",
            Family::Killing => "Violence against civilians",
            Family::Unspecified => "Unspecified",
        }
    }

    fn joins(self, other: Family) -> bool {
        self == other || self == Family::Unspecified || other == Family::Unspecified
    }
}

/// A low / best / high count (UCDP's fatality estimates).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Toll {
    pub low: f64,
    pub best: f64,
    pub high: f64,
}

impl Toll {
    /// From the figures of the sources; `None` when no source gives one.
    pub fn of(mut figures: Vec<f64>) -> Option<Toll> {
        figures.retain(|f| f.is_finite());
        figures.sort_by(f64::total_cmp);
        let (low, high) = (*figures.first()?, *figures.last()?);
        let best = figures[(figures.len() - 1) / 2];
        Some(Toll { low, best, high })
    }
}

/// One source of an event: a document, as a citation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventSource {
    pub document: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    pub title: Option<String>,
    /// The claims of the document that report the event.
    pub claims: Vec<String>,
    /// The document's killed and injured figures, when it gives them.
    pub killed: Option<f64>,
    pub injured: Option<f64>,
    /// The earlier document of the same outlet that this one republishes
    /// (an updated story reporting the event in the same words): listed,
    /// not counted.
    pub copy_of: Option<String>,
}

impl EventSource {
    /// "Reuters, 2016-05-04, "Title", https://..." (what is known of it).
    pub fn citation(&self) -> String {
        let mut parts: Vec<String> = vec![self.outlet.clone().unwrap_or(self.document.clone())];
        parts.push(self.date.clone());
        if let Some(t) = &self.title {
            parts.push(format!("\"{t}\""));
        }
        if let Some(u) = &self.url {
            parts.push(u.clone());
        }
        parts.join(", ")
    }
}

impl Event {
    /// Sources counted: documents that are not republications.
    pub fn n_sources(&self) -> usize {
        self.counted().count()
    }

    /// The sources that count (not republications), first reported first.
    pub fn counted(&self) -> impl Iterator<Item = &EventSource> {
        self.sources.iter().filter(|s| s.copy_of.is_none())
    }
}

/// One incident as reported by one or more documents.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: String,
    pub date: Date,
    /// `minute`, `hour` or `day` when a report dates it; `publication`
    /// when it is dated only by its reports' publication.
    pub date_precision: String,
    pub family: Family,
    /// The most reported specific subtype (`airstrike`), else `attack`.
    pub subtype: String,
    pub(crate) place: PlaceId,
    /// Perpetrator (lexicon id, else name), the most named one.
    pub actor1: Option<String>,
    /// Target actor, else `civilians` when the reports count civilians.
    pub actor2: Option<String>,
    pub fatalities: Option<Toll>,
    pub injured: Option<Toll>,
    pub sources: Vec<EventSource>,
    /// The truce it counts against (see the module docs), and whether
    /// that is a violation.
    pub truce: Option<String>,
    pub violation: bool,
}

/// A mention while events are built.
struct Mention {
    claim: usize,
    place: PlaceId,
    day: Date,
    own_time: bool,
    family: Family,
    killed: Option<f64>,
}

/// An event while it is built.
struct Draft {
    place: PlaceId,
    day: Date,
    family: Family,
    mentions: Vec<usize>,
    killed: Vec<f64>,
}

impl Ledger {
    /// Every event, by date then id.
    pub fn events(&self) -> Vec<Event> {
        let mut mentions: Vec<Mention> = (0..self.claims.len())
            .filter_map(|c| self.mention(c))
            .collect();
        mentions.sort_by_key(|m| {
            let rank = self.gaz.get(m.place).kind.rank();
            (std::cmp::Reverse(rank), m.day, m.claim)
        });
        let drafts = self.cluster(&mentions);
        let violated = self.violated_truces();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut events: Vec<Event> = drafts
            .into_iter()
            .map(|d| self.event(&d, &mentions, &violated, &mut seen))
            .collect();
        events.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        events
    }

    /// An incident mention (module docs), or `None`.
    fn mention(&self, c: usize) -> Option<Mention> {
        let s = &self.claims[c];
        // "struck X, killing 12, in violation of the truce" is read as a
        // violation with an attack subtype: an incident too
        let incident = s.kind().as_str().starts_with("incident.")
            || (s.kind() == ClaimKind::TruceViolated && s.claim.subtype.is_some());
        if !incident || !s.asserted() || s.coarse {
            return None;
        }
        let day_long = jiff::SignedDuration::from_hours(36);
        if s.end
            .is_some_and(|b| b.end.duration_since(s.said) > day_long)
        {
            return None;
        }
        let place = self
            .incident_places(s)
            .into_iter()
            .max_by_key(|&p| (self.gaz.get(p).kind.rank(), std::cmp::Reverse(p.0)))?;
        Some(Mention {
            claim: c,
            place,
            day: s.said.date(),
            own_time: s.claim.time.as_ref().is_some_and(|t| t.start.is_some()),
            family: Family::of(s.claim.subtype.as_deref()),
            killed: count(s, "killed"),
        })
    }

    fn cluster(&self, mentions: &[Mention]) -> Vec<Draft> {
        let mut drafts: Vec<Draft> = Vec::new();
        let mut by_day: HashMap<Date, Vec<usize>> = HashMap::new();
        for (i, m) in mentions.iter().enumerate() {
            let mut days = vec![m.day];
            if !m.own_time
                && let Ok(before) = m.day.yesterday()
            {
                days.push(before);
            }
            let found = days
                .iter()
                .flat_map(|d| by_day.get(d).into_iter().flatten())
                .copied()
                .filter(|&d| self.joins(&drafts[d], m))
                .max_by_key(|&d| (drafts[d].place == m.place, drafts[d].mentions.len()));
            match found {
                Some(d) => {
                    let draft = &mut drafts[d];
                    draft.mentions.push(i);
                    draft.killed.extend(m.killed);
                    if draft.family == Family::Unspecified {
                        draft.family = m.family;
                    }
                }
                None => {
                    by_day.entry(m.day).or_default().push(drafts.len());
                    drafts.push(Draft {
                        place: m.place,
                        day: m.day,
                        family: m.family,
                        mentions: vec![i],
                        killed: m.killed.into_iter().collect(),
                    });
                }
            }
        }
        drafts
    }

    fn joins(&self, d: &Draft, m: &Mention) -> bool {
        d.family.joins(m.family)
            && (self.gaz.contains(d.place, m.place) || self.gaz.contains(m.place, d.place))
            && m.killed
                .is_none_or(|k| d.killed.iter().all(|&o| tolls_agree(o, k)))
    }

    fn event(
        &self,
        d: &Draft,
        mentions: &[Mention],
        violated: &HashMap<usize, Vec<usize>>,
        seen: &mut HashMap<String, usize>,
    ) -> Event {
        let claims: Vec<usize> = d.mentions.iter().map(|&i| mentions[i].claim).collect();
        let sources = self.event_sources(&claims);
        let key = format!(
            "{}|{}|{}",
            self.gaz.get(d.place).id,
            d.day,
            d.family.as_str()
        );
        let n = seen.entry(key.clone()).or_insert(0);
        *n += 1;
        let mut id = format!("ev-{:016x}", fnv1a64(key.as_bytes()));
        if *n > 1 {
            id.push_str(&format!("-{n}"));
        }
        let truce = self.event_truce(d.place, &claims, violated);
        Event {
            id,
            date: d.day,
            date_precision: self.date_precision(&claims),
            family: d.family,
            subtype: self
                .most_named(&claims, |s| {
                    s.claim
                        .subtype
                        .iter()
                        .filter(|t| *t != "attack")
                        .cloned()
                        .collect()
                })
                .unwrap_or_else(|| "attack".into()),
            place: d.place,
            actor1: self.most_named(&claims, |s| actor_names(s, "perpetrator")),
            actor2: self.most_named(&claims, victims),
            fatalities: Toll::of(figures(&sources, |s| s.killed)),
            injured: Toll::of(figures(&sources, |s| s.injured)),
            sources,
            violation: truce.is_some(),
            truce: truce.map(|t| self.truces[t].id.clone()),
        }
    }

    fn date_precision(&self, claims: &[usize]) -> String {
        let precisions = claims.iter().filter_map(|&c| {
            let t = self.claims[c].claim.time.as_ref()?;
            t.start.as_ref()?;
            Some(t.precision.as_str())
        });
        let finest = precisions.min_by_key(|p| match *p {
            "minute" => 0,
            "hour" => 1,
            _ => 2,
        });
        match finest {
            Some("minute") => "minute",
            Some("hour") => "hour",
            Some(_) => "day",
            None => "publication",
        }
        .to_string()
    }

    /// The value most claims give (first given on a tie).
    fn most_named(&self, claims: &[usize], f: impl Fn(&Stored) -> Vec<String>) -> Option<String> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for &c in claims {
            for v in f(&self.claims[c]) {
                match counts.iter_mut().find(|(n, _)| *n == v) {
                    Some((_, k)) => *k += 1,
                    None => counts.push((v, 1)),
                }
            }
        }
        let best = counts.iter().map(|(_, k)| *k).max()?;
        counts.into_iter().find(|(_, k)| *k == best).map(|(n, _)| n)
    }

    /// Claim → truces it is inferred or accused to violate.
    fn violated_truces(&self) -> HashMap<usize, Vec<usize>> {
        let ids: HashMap<&str, usize> = (0..self.truces.len())
            .map(|t| (self.truces[t].id.as_str(), t))
            .collect();
        let claims: HashMap<(&str, &str), usize> = (0..self.claims.len())
            .map(|c| {
                let s = &self.claims[c];
                ((self.docs[s.doc].id.as_str(), s.claim.id.as_str()), c)
            })
            .collect();
        let mut out: HashMap<usize, Vec<usize>> = HashMap::new();
        for v in self.violations(None) {
            let key = (v.claim.document.as_str(), v.claim.claim.as_str());
            if let (Some(&c), Some(&t)) = (claims.get(&key), ids.get(v.truce.as_str())) {
                out.entry(c).or_default().push(t);
            }
        }
        out
    }

    /// The most specific truce the event's mentions violate (module docs).
    fn event_truce(
        &self,
        place: PlaceId,
        claims: &[usize],
        violated: &HashMap<usize, Vec<usize>>,
    ) -> Option<usize> {
        let candidates = claims.iter().filter_map(|c| violated.get(c)).flatten();
        candidates.copied().max_by_key(|&t| {
            let truce = &self.truces[t];
            let local = truce.level == Level::Local;
            let area = truce
                .areas
                .iter()
                .filter(|&&a| self.gaz.contains(a, place))
                .map(|&a| self.gaz.get(a).kind.rank())
                .max();
            (local, area, truce.first, std::cmp::Reverse(t))
        })
    }

    /// The event's place as a gazetteer place with coordinates.
    pub(crate) fn event_place(&self, e: &Event) -> crate::GeoPlace {
        self.geo(e.place)
    }

    /// Governorate and district names of the event's place (ACLED's admin1, admin2).
    pub(crate) fn event_admin(&self, e: &Event) -> (Option<String>, Option<String>) {
        let name = |p: Option<PlaceId>| p.map(|p| self.gaz.get(p).name.clone());
        let district = std::iter::once(e.place)
            .chain(self.gaz.ancestors(e.place))
            .find(|&p| self.gaz.get(p).kind == PlaceKind::District);
        (name(self.gaz.governorate_of(e.place)), name(district))
    }
}

/// How precisely an event is placed: 1 a town, village or neighbourhood;
/// 2 a district, subdistrict or named region ("near" the town); 3 a
/// governorate (UCDP's `where_prec` 1, 2/3 and 4, simplified).
pub fn geo_precision(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::City | PlaceKind::Town | PlaceKind::Village | PlaceKind::Neighbourhood => 1,
        PlaceKind::District | PlaceKind::Subdistrict | PlaceKind::Region => 2,
        PlaceKind::Governorate | PlaceKind::Country => 3,
    }
}

/// Two killed counts can be the same incident's.
fn tolls_agree(a: f64, b: f64) -> bool {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    hi <= 3.0 * lo + 3.0
}

/// Each counted source's figure (the largest of it and its republications).
fn figures(sources: &[EventSource], f: impl Fn(&EventSource) -> Option<f64>) -> Vec<f64> {
    sources
        .iter()
        .filter(|s| s.copy_of.is_none())
        .filter_map(|s| {
            let copies = sources
                .iter()
                .filter(|c| c.copy_of.as_deref() == Some(s.document.as_str()));
            std::iter::once(s)
                .chain(copies)
                .filter_map(&f)
                .reduce(f64::max)
        })
        .collect()
}

/// The largest count of `what` a claim gives.
pub(crate) fn count(s: &Stored, what: &str) -> Option<f64> {
    let found = s.claim.quantities.iter().filter(|q| q.what == what);
    found.map(|q| q.value).reduce(f64::max)
}

fn actor_names(s: &Stored, role: &str) -> Vec<String> {
    let actors = s.claim.actors.iter().filter(|a| a.role == role);
    actors
        .map(|a| a.id.clone().unwrap_or_else(|| a.name.clone()))
        .collect()
}

/// The target actor, else `civilians` when civilians are counted or targeted.
fn victims(s: &Stored) -> Vec<String> {
    let targets = actor_names(s, "target");
    if !targets.is_empty() || s.kind() != ClaimKind::IncidentAttack {
        return targets;
    }
    let civilians = s
        .claim
        .quantities
        .iter()
        .any(|q| matches!(q.of.as_deref(), Some("civilians" | "children" | "women")))
        || s.claim.targets.iter().any(|t| t == "civilians");
    if civilians {
        vec!["civilians".into()]
    } else {
        Vec::new()
    }
}

/// FNV-1a, 64 bits: a stable hash for ids.
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolls_low_best_high() {
        let t = Toll::of(vec![12.0, 20.0, 12.0, 15.0]).expect("toll");
        assert_eq!((t.low, t.best, t.high), (12.0, 12.0, 20.0));
        let t = Toll::of(vec![9.0, 30.0, 10.0]).expect("toll");
        assert_eq!((t.low, t.best, t.high), (9.0, 10.0, 30.0));
        assert!(Toll::of(Vec::new()).is_none());
    }

    #[test]
    fn tolls_that_can_be_one_incident() {
        assert!(tolls_agree(12.0, 20.0));
        assert!(tolls_agree(0.0, 3.0));
        assert!(!tolls_agree(2.0, 40.0));
    }

    #[test]
    fn families() {
        assert_eq!(Family::of(Some("shelling")), Family::of(Some("airstrike")));
        assert!(Family::of(None).joins(Family::Ground));
        assert!(!Family::Strike.joins(Family::Killing));
    }

    #[test]
    fn ids_are_stable() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
