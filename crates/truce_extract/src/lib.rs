//! The extraction pipeline: normalise, split sentences, match lexicons,
//! attribute, resolve time, build event frames, emit claims.
//!
//! Build an [`Extractor`] once and reuse it for every document; it is
//! `Send + Sync`, so one extractor serves every thread.
//!
//! ```
//! use truce_extract::{Extractor, Input};
//! let extractor = Extractor::new().expect("embedded tables");
//! let text = "The Syrian army declared a 48-hour truce in Homs on Friday.";
//! let report = extractor.extract(&Input::new(text, "2016-05-01").expect("date"));
//! assert_eq!(report.claims[0].kind.as_str(), "truce.declared");
//! assert_eq!(report.claims[0].places[0].name, "Homs");
//! ```

mod attribution;
mod doc;
mod frames;
mod input;
mod mentions;
mod places;
mod provenance;
mod quantities;
mod reader;
mod rules;
mod syntax;

pub use input::{Input, Published};
pub use mentions::Mentions;
use std::collections::HashMap;
use truce_geo::{Gazetteer, PlaceId, PlaceKind};
use truce_lexicon::{ActorId, ActorKind, Lexicon};
use truce_model::{Document, Link, Report};
use truce_text::fold_key;

/// Version of the extraction rules, stored with every document so a ledger
/// can re-extract documents read by an older version.
pub const EXTRACTOR_VERSION: &str = concat!("truce-extract/", env!("CARGO_PKG_VERSION"));

/// Everything that can fail before extraction starts.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error(
        "publication date {value:?} is not a date (expected YYYY-MM-DD or an ISO 8601 date-time)"
    )]
    BadPublished { value: String },
    #[error("reference tables: {0}")]
    Lexicon(#[from] truce_lexicon::LexiconError),
}

/// A built extractor: compiled lexicons and rules, reused for every document.
pub struct Extractor {
    lexicon: Lexicon,
    gazetteer: &'static Gazetteer,
    /// ISO2 → the country's place.
    countries: HashMap<String, PlaceId>,
    /// Folded alias (without a leading "the") → actor id, for names given
    /// outside the text (outlets, translators).
    actor_names: HashMap<String, String>,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("lexicon", &self.lexicon)
            .field("places", &self.gazetteer.len())
            .finish()
    }
}

impl Extractor {
    /// An extractor over the reference data embedded in the binary: the
    /// gazetteer's names and the actor and trigger tables, compiled once.
    pub fn new() -> Result<Self, ExtractError> {
        let gazetteer = Gazetteer::embedded();
        let mut builder = Lexicon::builder().embedded_tables()?;
        for (key, ids) in gazetteer.keys() {
            for id in ids {
                builder = builder.place(key, id.0);
            }
        }
        let countries = gazetteer
            .iter()
            .filter(|(_, p)| p.kind == PlaceKind::Country)
            .map(|(id, p)| (p.country.clone(), id))
            .collect();
        let lexicon = builder.build()?;
        let actor_names = actor_names(&lexicon);
        Ok(Self {
            lexicon,
            gazetteer,
            countries,
            actor_names,
        })
    }

    /// Read one document. Never fails: odd text yields fewer claims.
    pub fn extract(&self, input: &Input<'_>) -> Report {
        let doc = doc::Doc::prepare(input.text, &self.lexicon);
        let (mut claims, prov) = self.read(input, &doc);
        let mut tail = Vec::new();
        if let Some(t) = &prov.translated_by {
            tail.push(Link {
                role: "translated_by".into(),
                name: t.clone(),
                id: self.actor_id_by_name(t),
            });
        }
        if let Some(e) = &prov.edited_by {
            tail.push(Link {
                role: "edited_by".into(),
                name: e.clone(),
                id: self.actor_id_by_name(e),
            });
        }
        if let Some(o) = &input.outlet {
            tail.push(Link {
                role: "published_by".into(),
                name: o.clone(),
                id: self.actor_id_by_name(o),
            });
        }
        for (i, c) in claims.iter_mut().enumerate() {
            c.id = format!("c{}", i + 1);
            c.attribution.chain.extend(tail.iter().cloned());
        }
        let mut document = document(input);
        document.translated_by = prov.translated_by;
        document.edited_by = prov.edited_by;
        document.theatre = prov.theatre;
        Report { document, claims }
    }

    /// The lexicon id of an actor named exactly (after folding, without a
    /// leading "the") `name`.
    fn actor_id_by_name(&self, name: &str) -> Option<String> {
        let key = fold_key(name);
        self.actor_names
            .get(key.strip_prefix("the ").unwrap_or(&key))
            .cloned()
    }

    /// A generic ministry ("the Defense Ministry") becomes the ministry of
    /// the country in context ("Russian Defence Ministry") when the table
    /// has one; other actors stay as they are.
    pub(crate) fn specialise(&self, actor: ActorId, country: Option<&str>) -> ActorId {
        let actors = self.lexicon.actors();
        let a = actors.get(actor);
        let (ActorKind::Ministry, true, Some(country)) = (a.kind, a.country.is_empty(), country)
        else {
            return actor;
        };
        let stems: Vec<String> = fold_key(&a.name)
            .split(' ')
            .filter(|w| w.len() > 3 && !w.starts_with("minist"))
            .map(|w| w.chars().take(5).collect())
            .collect();
        actors
            .iter()
            .find(|(_, m)| {
                m.kind == ActorKind::Ministry
                    && m.country == country
                    && stems
                        .iter()
                        .any(|st| fold_key(&m.name).contains(st.as_str()))
            })
            .map_or(actor, |(id, _)| id)
    }
}

/// Folded alias (without a leading "the") → actor id.
fn actor_names(lexicon: &Lexicon) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (_, a) in lexicon.actors().iter() {
        for alias in &a.aliases {
            let key = fold_key(alias.trim_start_matches('='));
            let key = key.strip_prefix("the ").map(str::to_owned).unwrap_or(key);
            out.entry(key).or_insert_with(|| a.id.clone());
        }
    }
    out
}

fn document(input: &Input<'_>) -> Document {
    Document {
        id: input.id.clone().unwrap_or_else(|| content_id(input.text)),
        published: input.published.text.clone(),
        outlet: input.outlet.clone(),
        title: input.title.clone(),
        url: input.url.clone(),
        language: input.language.clone(),
        translated_by: None,
        edited_by: None,
        theatre: None,
        bytes: input.text.len(),
        extractor: EXTRACTOR_VERSION.to_owned(),
    }
}

/// A content id: FNV-1a 64 of the text, as `fnv1a64:<hex>`.
pub fn content_id(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}
