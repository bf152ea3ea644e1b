//! Plain, serialisable views of claims, places and actors for answers.

use crate::Ledger;
use serde::Serialize;
use truce_geo::PlaceId;
use truce_model::{ActorRef, Link, Speaker, TimeRef};

/// One claim, with everything needed to judge it: who said it, through whom,
/// in which document, and the passage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimView {
    pub document: String,
    pub claim: String,
    pub kind: truce_model::ClaimKind,
    pub modality: truce_model::Modality,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truce_name: Option<String>,
    /// When it was said or happened (wall-clock, ISO).
    pub said: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeRef>,
    pub published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The report's title and address, when the input gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// The chain of sources, nearest to the speaker first.
    pub chain: Vec<Link>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<ActorRef>,
    /// Place names with their roles: `scope:Damascus`, `excluded:areas controlled by ...`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    pub evidence: String,
}

/// A place of the gazetteer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceView {
    pub id: String,
    pub name: String,
    pub kind: String,
}

/// An actor named by a claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorView {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    /// The claim that names it in this role.
    pub document: String,
    pub claim: String,
}

impl Ledger {
    pub(crate) fn claim_view(&self, c: usize) -> ClaimView {
        let s = &self.claims[c];
        let doc = &self.docs[s.doc];
        let claim = &s.claim;
        ClaimView {
            document: doc.id.clone(),
            claim: claim.id.clone(),
            kind: claim.kind,
            modality: claim.modality,
            truce_name: claim.truce.as_ref().map(|t| t.name.clone()),
            said: s.said.to_string(),
            time: claim.time.clone(),
            published: doc.published.clone(),
            outlet: doc.outlet.clone(),
            title: doc.title.clone(),
            url: doc.url.clone(),
            speaker: claim.attribution.speaker.clone(),
            chain: claim.attribution.chain.clone(),
            actors: claim.actors.clone(),
            places: claim
                .places
                .iter()
                .map(|p| format!("{}:{}", p.role, p.name))
                .collect(),
            evidence: claim.evidence.text.clone(),
        }
    }

    pub(crate) fn place_view(&self, p: PlaceId) -> PlaceView {
        let place = self.gaz.get(p);
        PlaceView {
            id: place.id.clone(),
            name: place.name.clone(),
            kind: place.kind.as_str().to_string(),
        }
    }

    pub(crate) fn actor_views(&self, c: usize, role: &str) -> Vec<ActorView> {
        let s = &self.claims[c];
        s.claim
            .actors
            .iter()
            .filter(|a| a.role == role)
            .map(|a| ActorView {
                id: a.id.clone(),
                name: a.name.clone(),
                document: self.docs[s.doc].id.clone(),
                claim: s.claim.id.clone(),
            })
            .collect()
    }

    /// The speaker of a claim as an actor, or the outlet when it speaks in its own voice.
    pub(crate) fn accuser(&self, c: usize) -> ActorView {
        let s = &self.claims[c];
        let doc = &self.docs[s.doc];
        let (id, name) = match &s.claim.attribution.speaker {
            Some(sp) => (sp.id.clone(), sp.name.clone()),
            None => (
                None,
                doc.outlet.clone().unwrap_or_else(|| "the report".into()),
            ),
        };
        ActorView {
            id,
            name,
            document: doc.id.clone(),
            claim: s.claim.id.clone(),
        }
    }
}
