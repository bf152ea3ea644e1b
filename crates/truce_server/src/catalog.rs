//! The claims of every report held, indexed for the API: by document, and
//! incidents by time, with coordinates.

use jiff::civil::DateTime;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use truce_model::{Claim, Document, Report};

/// Document metadata and claims, without the text (the store has it).
/// Cloning it copies pointers to the documents, not the documents: a new
/// generation extends a clone of the old one.
#[derive(Clone, Default)]
pub(crate) struct Catalog {
    pub entries: Vec<Arc<Entry>>,
    pub by_id: HashMap<String, usize>,
    pub incidents: Vec<Incident>,
    pub first: Option<DateTime>,
    pub last: Option<DateTime>,
}

/// One document's metadata and claims.
pub(crate) struct Entry {
    pub doc: Document,
    pub claims: Vec<Claim>,
}

/// An incident claim with a place on the map.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Incident {
    pub document: String,
    pub claim: String,
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    pub modality: String,
    /// When it happened (or was reported), wall-clock ISO.
    pub said: String,
    pub place: String,
    /// The place's gazetteer id, for filtering.
    #[serde(skip)]
    pub place_id: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// Perpetrators named by the claim.
    pub perpetrators: Vec<String>,
    /// People killed, when the claim counts them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub killed: Option<f64>,
    #[serde(skip)]
    pub at: DateTime,
}

/// When a claim was said or happened: its time's start, else the
/// document's publication.
pub(crate) fn claim_time(doc: &Document, claim: &Claim) -> Option<DateTime> {
    claim
        .time
        .as_ref()
        .and_then(|t| t.start.as_deref())
        .and_then(|s| truce_ledger::parse_time(s).ok())
        .or_else(|| truce_ledger::parse_time(&doc.published).ok())
}

impl Catalog {
    pub fn from_reports(reports: &[Report]) -> Self {
        let mut c = Catalog::default();
        c.add_all(reports);
        c
    }

    /// Adds reports (one already held is skipped).
    pub fn add_all(&mut self, reports: &[Report]) {
        for r in reports {
            self.add_one(r);
        }
        self.incidents.sort_by_key(|i| i.at);
    }

    fn add_one(&mut self, report: &Report) {
        if self.by_id.contains_key(&report.document.id) {
            return;
        }
        let doc = &report.document;
        if let Ok(p) = truce_ledger::parse_time(&doc.published) {
            self.first = Some(self.first.map_or(p, |f| f.min(p)));
            self.last = Some(self.last.map_or(p, |l| l.max(p)));
        }
        for claim in &report.claims {
            if !claim.kind.as_str().starts_with("incident.") {
                continue;
            }
            let Some(at) = claim_time(doc, claim) else {
                continue;
            };
            let place = claim
                .places
                .iter()
                .filter(|p| p.role != "excluded")
                .find(|p| p.lat.is_some_and(f64::is_finite) && p.lon.is_some_and(f64::is_finite));
            let Some(place) = place else {
                continue;
            };
            self.incidents.push(Incident {
                document: doc.id.clone(),
                claim: claim.id.clone(),
                kind: claim.kind.as_str().to_string(),
                subtype: claim.subtype.clone(),
                modality: claim.modality.as_str().to_string(),
                said: at.to_string(),
                place: place.name.clone(),
                place_id: place.id.clone(),
                lat: place.lat.unwrap_or_default(),
                lon: place.lon.unwrap_or_default(),
                perpetrators: claim
                    .actors
                    .iter()
                    .filter(|a| a.role == "perpetrator")
                    .map(|a| a.name.clone())
                    .collect(),
                killed: claim
                    .quantities
                    .iter()
                    .filter(|q| q.what == "killed" && q.value.is_finite())
                    .map(|q| q.value)
                    .reduce(f64::max),
                at,
            });
        }
        self.by_id.insert(doc.id.clone(), self.entries.len());
        self.entries.push(Arc::new(Entry {
            doc: doc.clone(),
            claims: report.claims.clone(),
        }));
    }

    pub fn claim(&self, document: &str, claim: &str) -> Option<(&Document, &Claim)> {
        let e = &self.entries[*self.by_id.get(document)?];
        let c = e.claims.iter().find(|c| c.id == claim)?;
        Some((&e.doc, c))
    }
}
