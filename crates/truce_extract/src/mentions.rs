//! Everything a document names, whether or not a claim uses it: the places
//! (resolved as the reader resolves them, datelines and actor uses left
//! out) and the times (resolved against the publication date). For callers
//! that need a best guess when a text yields no claim, like a terse
//! headline ("Human losses in X", "Daily report of 3 March").

use crate::Extractor;
use crate::Input;
use crate::attribution::Memory;
use crate::doc::Doc;
use truce_geo::PlaceId;
use truce_model::{Excerpt, PlaceRef, TimeRef};
use truce_time::{Anchor, Context, explicit_year, resolve};

/// The places and times a document names, in text order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mentions {
    /// Gazetteer places (role `mention`) and names after a place qualifier
    /// that the gazetteer lacks (no id).
    pub places: Vec<PlaceRef>,
    /// Every time expression, resolved against the publication date (and
    /// the year last written before it).
    pub times: Vec<TimeRef>,
}

impl Extractor {
    /// The places and times `input` names (see [`Mentions`]).
    pub fn mentions(&self, input: &Input<'_>) -> Mentions {
        let doc = Doc::prepare(input.text, &self.lexicon);
        let published = Anchor {
            date: input.published.date,
            time: input.published.time,
        };
        let mut memory = Memory::default();
        let mut near: Vec<PlaceId> = Vec::new();
        let mut year_hint = None;
        let mut out = Mentions::default();
        let theatre = self.theatre(input, &doc);
        let zone = jiff::tz::TimeZone::get(&theatre.zone).ok();
        for (n, s) in doc.sentences.iter().enumerate() {
            let mut used = self.attribute(&doc, s, &mut memory).used;
            if n == 0 {
                used.extend(crate::reader::dateline(&doc, s));
            }
            for f in self.places(&doc, s, &used, &near, &theatre.country) {
                if let Some(id) = f.resolved {
                    near.retain(|x| *x != id);
                    near.push(id);
                }
                let mut place = f.place;
                place.role = "mention".into();
                out.places.push(place);
            }
            for t in &s.times {
                if let Some(y) = explicit_year(&t.expr) {
                    year_hint = Some(y);
                }
                let ctx = Context {
                    year_hint,
                    zone: zone.clone(),
                    ..Context::new(published)
                };
                let v = resolve(&t.expr, &ctx);
                out.times.push(TimeRef {
                    start: v.start_iso(),
                    end: v.end_iso(),
                    precision: v.precision.as_str().to_owned(),
                    mention: Some(Excerpt::new(t.span, doc.text)),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Input};

    #[test]
    fn places_and_times_without_claims() {
        let ex = Extractor::new().expect("tables");
        let read = |text: &str| ex.mentions(&Input::new(text, "2016-05-04").expect("date"));
        let m = read("Human losses in Daraa on Monday");
        assert_eq!(m.places.len(), 1);
        assert_eq!(m.places[0].name, "Daraa");
        assert_eq!(m.places[0].role, "mention");
        assert_eq!(m.times[0].start.as_deref(), Some("2016-05-02"));
        // A dateline is where the report was filed, not a place it names.
        let m = read("BEIRUT, May 4 (Wire) - Funerals were held in Homs.");
        let names: Vec<&str> = m.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Homs"]);
        // Nothing named, nothing read.
        assert_eq!(read("Daily report"), Default::default());
    }
}
