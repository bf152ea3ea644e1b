//! What the ledger keeps: claims with their times and places read once, and
//! truce records that link claims.

use crate::time::{Bounds, parse_bounds};
use jiff::SignedDuration;
use jiff::civil::DateTime;
use serde::Serialize;
use truce_geo::{Gazetteer, PlaceId, PlaceKind};
use truce_model::{Claim, ClaimKind, Document, Modality};

/// Longest window a claim may state; longer ones are misread lengths.
const MAX_WINDOW_DAYS: i64 = 366;

/// Where a truce applies: a whole country, some places, or nowhere named.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    National,
    Local,
    Unscoped,
}

/// One claim, with what the ledger needs read once.
#[derive(Clone, Debug)]
pub(crate) struct Stored {
    pub doc: usize,
    /// Position of the claim in its report.
    pub order: usize,
    pub claim: Claim,
    /// When it was said or happened: the claim's start, else publication.
    pub said: DateTime,
    /// Publication of the report.
    pub published: DateTime,
    /// The claim's time is a week, month or year ("in February"), not a day.
    pub coarse: bool,
    pub end: Option<Bounds>,
    pub scope: Vec<PlaceId>,
    /// Scope places the text qualifies as "around X" ("extended around
    /// Damascus"): they cover what lies near them, not only inside.
    pub around: Vec<PlaceId>,
    pub excluded: Vec<PlaceId>,
    /// Speaker identity: lexicon id, else name, else `outlet:<name>`.
    pub speaker: String,
}

/// The country most of a report's places lie in (first named on a tie).
pub(crate) fn theatre(gaz: &Gazetteer, claims: &[Claim]) -> Option<PlaceId> {
    let mut counts: Vec<(PlaceId, usize)> = Vec::new();
    let places = claims.iter().flat_map(|c| c.places.iter());
    for country in places
        .filter_map(|p| p.id.as_deref().and_then(|id| gaz.find_id(id)))
        .filter_map(|p| gaz.country_of(p))
    {
        match counts.iter_mut().find(|(c, _)| *c == country) {
            Some((_, n)) => *n += 1,
            None => counts.push((country, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.iter().find(|(_, n)| *n == best).map(|(c, _)| *c)
}

impl Stored {
    pub fn new(
        gaz: &Gazetteer,
        doc_index: usize,
        doc: &Document,
        order: usize,
        claim: Claim,
        theatre: Option<PlaceId>,
    ) -> Self {
        let published = parse_bounds(&doc.published).map(|b| b.start);
        let time = claim.time.as_ref();
        let start = time.and_then(|t| t.start.as_deref()).and_then(parse_bounds);
        // start = end is the day of the event ("accepted on Saturday"), not a window
        let end = time
            .filter(|t| t.end != t.start)
            .and_then(|t| t.end.as_deref())
            .and_then(parse_bounds);
        let said = start
            .map(|b| b.start)
            .or(published)
            .unwrap_or(DateTime::MIN);
        let coarse = time.is_some_and(|t| {
            t.start.is_some() && matches!(t.precision.as_str(), "week" | "month" | "year")
        });
        // a week, month or year is when something happened, not a window's end;
        // "has held for over a month" is a length in the past, not an end
        // ("in force until Monday" has an end alone); a window of more than a
        // year is a misread length ("the five-year war")
        // (a plan's window is announced ahead: "will begin on Saturday and
        // last one day")
        let retrospective = claim.kind == ClaimKind::TruceInForce
            && claim.modality != Modality::Planned
            && time.is_some_and(|t| t.start.is_some());
        let end = end.filter(|b| {
            !coarse
                && !retrospective
                && start.is_none_or(|s| {
                    b.end.duration_since(s.start)
                        <= SignedDuration::from_hours(24 * MAX_WINDOW_DAYS)
                })
        });
        let places = |role: &str| -> Vec<PlaceId> {
            claim
                .places
                .iter()
                .filter(|p| p.role == role)
                .filter_map(|p| p.id.as_deref().and_then(|id| gaz.find_id(id)))
                .collect()
        };
        let (mut scope, excluded) = (places("scope"), places("excluded"));
        let around: Vec<PlaceId> = (claim.places.iter())
            .filter(|p| p.role == "scope" && p.qualifier.as_deref() == Some("around"))
            .filter_map(|p| p.id.as_deref().and_then(|id| gaz.find_id(id)))
            .filter(|&p| gaz.get(p).kind.is_settlement())
            .collect();
        if scope.is_empty() && claim.kind.is_truce() {
            // "violating the truce in Idlib": where it happened is in the truce
            scope = places("location");
        }
        let inside =
            |p: &PlaceId| theatre.is_none_or(|t| gaz.country_of(*p).is_none_or(|c| c == t));
        // places outside the report's theatre (meeting venues, capitals
        // standing for governments) are not where the truce applies
        scope.retain(inside);
        let speaker = speaker_key(&claim, doc);
        Stored {
            doc: doc_index,
            order,
            said,
            published: published.unwrap_or(said),
            coarse,
            end,
            scope,
            around,
            excluded,
            speaker,
            claim,
        }
    }

    pub fn kind(&self) -> ClaimKind {
        self.claim.kind
    }

    pub fn asserted(&self) -> bool {
        matches!(self.claim.modality, Modality::Asserted | Modality::Hedged)
    }

    pub fn name(&self) -> Option<&str> {
        self.claim.truce.as_ref().map(|t| t.name.as_str())
    }

    /// Whether the claim's truce carries qualifier `q` ("local",
    /// "nationwide").
    pub fn qualified(&self, q: &str) -> bool {
        (self.claim.truce.as_ref()).is_some_and(|t| t.qualifiers.iter().any(|x| x == q))
    }

    pub fn level(&self, gaz: &Gazetteer) -> Level {
        let national = self
            .scope
            .iter()
            .any(|&p| gaz.get(p).kind == PlaceKind::Country)
            || self.qualified("nationwide");
        if national {
            Level::National
        } else if self.scope.is_empty() {
            Level::Unscoped
        } else {
            Level::Local
        }
    }

    /// Agents of the claim, by lexicon id.
    pub fn agent_ids(&self) -> impl Iterator<Item = &str> {
        self.claim
            .actors
            .iter()
            .filter(|a| a.role == "agent")
            .filter_map(|a| a.id.as_deref())
    }
}

fn speaker_key(claim: &Claim, doc: &Document) -> String {
    match &claim.attribution.speaker {
        Some(s) => s.id.clone().unwrap_or_else(|| s.name.to_lowercase()),
        None => format!("outlet:{}", doc.outlet.as_deref().unwrap_or(&doc.id)),
    }
}

/// Names of one truce family: the general names are one family (a report may
/// call the same truce a "ceasefire", a "truce" and a "cessation of
/// hostilities"); humanitarian pauses and de-escalation zones are their own.
pub(crate) fn family(name: &str) -> &'static str {
    match name {
        "ceasefire"
        | "truce"
        | "cessation_of_hostilities"
        | "regime_of_calm"
        | "hudna"
        | "armistice" => "general",
        "humanitarian_pause" => "humanitarian_pause",
        "de_escalation" => "de_escalation",
        _ => "other",
    }
}

/// A truce built from claims; every claim it rests on, with the rule that
/// linked it, and what linking asks of it kept up to date.
#[derive(Clone, Debug)]
pub(crate) struct TruceRec {
    pub id: String,
    /// The truce kind its first claim names (`regime_of_calm`).
    pub name: String,
    /// Its human name (`crate::name`), built on first use.
    pub title: std::sync::OnceLock<String>,
    pub family: &'static str,
    pub level: Level,
    /// For national truces: the country.
    pub country: Option<PlaceId>,
    pub links: Vec<(usize, &'static str)>,
    /// Every scope place of its claims, first named first.
    pub areas: Vec<PlaceId>,
    /// Earliest and latest statement times of its claims.
    pub first: DateTime,
    pub last_said: DateTime,
    /// The last date it is known to run: last claim or latest stated end.
    pub last_known: DateTime,
    /// The earliest asserted collapse or end, and its document.
    pub closed: Option<(DateTime, usize)>,
    /// The earliest asserted collapse or end from another document than
    /// `closed`'s: from then on two reports say it collapsed or ended.
    pub closed_twice: Option<DateTime>,
    /// Agents of its declarations (lexicon ids).
    pub declarers: Vec<String>,
    /// The last document that linked a claim to it.
    pub last_doc: usize,
    /// Filled by `Ledger::finalize` after linking: its claims by statement
    /// time, places its asserted claims exclude, exclusions that are not
    /// places, declarers and parties (each actor once).
    pub facts: Vec<crate::assess::Fact>,
    pub excluded: Vec<PlaceId>,
    pub unresolved: Vec<String>,
    pub declarer_views: Vec<crate::views::ActorView>,
    pub party_views: Vec<crate::views::ActorView>,
    /// Actors whose areas it excludes (lexicon ids).
    pub excluded_actors: Vec<String>,
    /// Its rejections of an exclusion ("rejected excluding Aleppo"), by
    /// statement time.
    pub rejections: Vec<usize>,
}

impl TruceRec {
    pub fn claims(&self) -> impl Iterator<Item = usize> + '_ {
        self.links.iter().map(|(c, _)| *c)
    }
}
