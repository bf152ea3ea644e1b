//! What the ledger keeps: claims with their times and places read once, and
//! truce records that link claims.

use crate::time::{Bounds, parse_bounds};
use jiff::civil::DateTime;
use serde::Serialize;
use truce_geo::{Gazetteer, PlaceId, PlaceKind};
use truce_model::{Claim, ClaimKind, Document, Modality};

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
    pub end: Option<Bounds>,
    pub scope: Vec<PlaceId>,
    pub excluded: Vec<PlaceId>,
    /// Speaker identity: lexicon id, else name, else `outlet:<name>`.
    pub speaker: String,
}

impl Stored {
    pub fn new(
        gaz: &Gazetteer,
        doc_index: usize,
        doc: &Document,
        order: usize,
        claim: Claim,
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
        let places = |role: &str| -> Vec<PlaceId> {
            claim
                .places
                .iter()
                .filter(|p| p.role == role)
                .filter_map(|p| p.id.as_deref().and_then(|id| gaz.find_id(id)))
                .collect()
        };
        let (mut scope, excluded) = (places("scope"), places("excluded"));
        if scope.is_empty() && claim.kind.is_truce() {
            // "violating the truce in Idlib": where it happened is in the truce
            scope = places("location");
        }
        let speaker = speaker_key(&claim, doc);
        Stored {
            doc: doc_index,
            order,
            said,
            end,
            scope,
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

    pub fn level(&self, gaz: &Gazetteer) -> Level {
        let national = self
            .scope
            .iter()
            .any(|&p| gaz.get(p).kind == PlaceKind::Country)
            || self
                .claim
                .truce
                .as_ref()
                .is_some_and(|t| t.qualifiers.iter().any(|q| q == "nationwide"));
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
pub(crate) fn family(name: &str) -> &str {
    match name {
        "ceasefire"
        | "truce"
        | "cessation_of_hostilities"
        | "regime_of_calm"
        | "hudna"
        | "armistice" => "general",
        other => other,
    }
}

/// A truce built from claims; every claim it rests on, with the rule that linked it.
#[derive(Clone, Debug)]
pub(crate) struct TruceRec {
    pub id: String,
    pub name: String,
    pub family: String,
    pub level: Level,
    /// For national truces: the country.
    pub country: Option<PlaceId>,
    pub links: Vec<(usize, String)>,
}

impl TruceRec {
    pub fn claims(&self) -> impl Iterator<Item = usize> + '_ {
        self.links.iter().map(|(c, _)| *c)
    }
}
