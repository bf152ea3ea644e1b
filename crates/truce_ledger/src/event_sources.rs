//! The sources of an event: one per document, with its citation fields and
//! figures; republications of the same outlet marked as copies.

use crate::Ledger;
use crate::events::{EventSource, count};

impl Ledger {
    /// The documents of an event's claims, in publication order.
    pub(crate) fn event_sources(&self, claims: &[usize]) -> Vec<EventSource> {
        let mut docs: Vec<(usize, Vec<usize>)> = Vec::new();
        for &c in claims {
            let doc = self.claims[c].doc;
            match docs.iter_mut().find(|(d, _)| *d == doc) {
                Some((_, cs)) => cs.push(c),
                None => docs.push((doc, vec![c])),
            }
        }
        docs.sort_by_key(|(d, _)| *d);
        let mut out: Vec<(Vec<&str>, EventSource)> = Vec::new();
        for (doc, cs) in docs {
            let evidence: Vec<&str> = cs
                .iter()
                .map(|&c| self.claims[c].claim.evidence.text.as_str())
                .collect();
            let mut source = self.event_source(doc, &cs);
            source.copy_of = out
                .iter()
                .find(|(words, first)| {
                    first.copy_of.is_none()
                        && first.outlet.is_some()
                        && first.outlet == source.outlet
                        && words.iter().any(|w| evidence.contains(w))
                })
                .map(|(_, first)| first.document.clone());
            out.push((evidence, source));
        }
        out.into_iter().map(|(_, s)| s).collect()
    }

    fn event_source(&self, doc: usize, claims: &[usize]) -> EventSource {
        let figure = |what: &str| {
            let found = claims.iter().filter_map(|&c| count(&self.claims[c], what));
            found.reduce(f64::max)
        };
        let d = &self.docs[doc];
        let published = claims.first().map(|&c| self.claims[c].published);
        EventSource {
            document: d.id.clone(),
            outlet: d.outlet.clone(),
            url: d.url.clone(),
            date: published.map(crate::iso::day).unwrap_or_default(),
            title: d.title.clone(),
            claims: claims
                .iter()
                .map(|&c| self.claims[c].claim.id.clone())
                .collect(),
            killed: figure("killed"),
            injured: figure("injured"),
            copy_of: None,
        }
    }
}
