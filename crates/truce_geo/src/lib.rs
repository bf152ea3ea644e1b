//! The truce gazetteer: countries, Syrian governorates, districts,
//! subdistricts and neighbourhoods, populated places of Syria and its
//! neighbours, world capitals that appear in Syria news, and named regions
//! (Eastern Ghouta, Qalamoun, Golan Heights), each with every Latin- and
//! Arabic-script spelling, coordinates, population and admin parent.
//!
//! The data is `data/gazetteer.tsv` (built by `cargo xtask gazetteer`),
//! embedded in the binary and parsed once on first use. Names are matched as
//! keys folded by [`truce_text::fold_key`]; names on the stoplist
//! `data/place_stopwords.txt` ("said", "army", "monday", ...) and names
//! shorter than three letters are not keys, except for countries,
//! first-level units and cities of 100000 or more. Actors named after places
//! ("Damascus said") are the extractor's business, not the gazetteer's.
//!
//! ```
//! use truce_geo::{Gazetteer, PlaceKind, Qualifier, ResolveHint};
//! use truce_text::fold_key;
//!
//! let gaz = Gazetteer::embedded();
//! let candidates = gaz.lookup(&fold_key("Lattakia"));
//! // bare name: the city
//! let city = gaz.resolve(candidates, &ResolveHint::default()).unwrap();
//! assert_eq!(gaz.get(city).kind, PlaceKind::City);
//! // "Lattakia province": the governorate, which contains the city
//! let gov = gaz.resolve(candidates, &ResolveHint::qualified(Qualifier::Province)).unwrap();
//! assert_eq!(gaz.get(gov).id, "SY06");
//! assert!(gaz.contains(gov, city));
//! assert_eq!(gaz.admin_path(city)[..2], ["Syria", "Latakia"]);
//! ```
//!
//! # Identifiers
//!
//! [`Place::id`] is the external, persistent id: ISO 3166-1 alpha-2 for
//! countries (`SY`); the OCHA PCODE for Syrian governorates (`SY06`),
//! districts (`SY0600`), subdistricts (`SY060000`) and city neighbourhoods
//! (`N0017`), because humanitarian data is keyed on PCODEs and OCHA's
//! boundaries define the units; the GeoNames id for every other place
//! (`170063` is Aleppo city); `truce:<slug>` for hand-made regions. Other
//! ids of the same place (GeoNames id of a governorate, Wikidata, OpenSyria)
//! are kept in [`Place::xref`]; [`Gazetteer::find_id`] accepts both.
//!
//! # Hierarchy
//!
//! [`Place::parent`] is the smallest enclosing unit: a Syrian populated
//! place's subdistrict (found by point-in-polygon against OCHA boundaries),
//! a subdistrict's district, a district's governorate, a governorate's
//! country; neighbourhoods belong to their city; places of other countries
//! belong to their first-level unit. Regions belong to a governorate or to
//! Syria, and list the units they cover ([`Place::members`]: Eastern Ghouta
//! covers the Douma, Harasta, Arbin, ... subdistricts), so
//! [`Gazetteer::contains`] sees Douma inside Eastern Ghouta.
//!
//! # Names and keys
//!
//! Every name of a place is folded into a lookup key. A key is dropped when
//! it is on the stoplist `data/place_stopwords.txt` (common English and news
//! words, weekdays, months, personal names and newspaper names that happen
//! to be villages: "said", "army", "monday", "tom", "hurriyet") or shorter
//! than three letters, unless the place is major (country, first-level
//! unit, or city of 100000+). Entries marked `!` ("us", "van", "salt",
//! "fao") are dropped even for major places. Stored names are bare:
//! "Aleppo", not "Aleppo Governorate"; the extractor parses qualifiers
//! ("X province", "the city of X", "countryside of X") into [`Qualifier`].
//! The exception is Rif Dimashq, whose own names include "Damascus
//! countryside", "Rural Damascus", "Reef Damascus" and "Damascus suburbs":
//! these name a distinct governorate, not a part of Damascus.
//!
//! # Disambiguation
//!
//! [`Gazetteer::lookup`] returns every candidate, best default reading
//! first; [`Gazetteer::resolve`] applies a [`ResolveHint`] (qualifier,
//! other places in the document, expected country). Bare "Aleppo", "Homs",
//! "Hama", "Idlib", "Damascus", "Latakia" are the cities; with
//! `Qualifier::Province` the governorates; "Damascus" with
//! `Qualifier::Countryside` is Rif Dimashq; "Tripoli" near Lebanon or
//! Beirut (or with no context: Syria's neighbours come first) is Lebanon's,
//! near Libya it is Libya's.
//! See [`Gazetteer::resolve`] for the full order.
//!
//! # File format
//!
//! `data/gazetteer.tsv` is UTF-8 text, one place per line, sorted by kind,
//! country and id so that rebuilds diff cleanly. The first line is the
//! version header [`VERSION_LINE`]; lines starting with `#` are comments.
//! Eleven tab-separated columns: `id kind name country parent lat lon
//! population xref members names`; `xref`, `members` and `names` are
//! `|`-separated lists, `parent` and `members` hold ids of the same file.

mod control;
mod parse;
mod place;
mod resolve;
mod stopwords;
mod suggest;
mod theatre;
mod variants;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use control::{Control, Holding};
pub use parse::GeoError;
pub use place::{Place, PlaceId, PlaceKind};
pub use resolve::{Qualifier, ResolveHint};
pub use stopwords::{is_place_stopword, place_stopwords};
pub use theatre::{HOME, Theatre};

/// First line of the data file; the version changes when the columns do.
pub const VERSION_LINE: &str = "#truce-gazetteer\tv1";

const EMBEDDED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/gazetteer.tsv"
));

/// All places, an id index and a folded-name index.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_ext: HashMap<String, PlaceId>,
    /// Folded name key -> candidates, best first; sorted by key.
    keys: Vec<(Box<str>, Box<[PlaceId]>)>,
}

impl Gazetteer {
    /// The gazetteer built into the binary, parsed on first use.
    ///
    /// # Panics
    /// If the embedded file is malformed, which the crate's tests rule out.
    pub fn embedded() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(|| match Gazetteer::parse(EMBEDDED) {
            Ok(g) => g,
            Err(e) => panic!("embedded gazetteer is malformed: {e}"),
        })
    }

    /// The raw embedded data file.
    pub fn embedded_tsv() -> &'static str {
        EMBEDDED
    }

    /// Parse a gazetteer file (see `data/gazetteer.tsv` for the format).
    pub fn parse(tsv: &str) -> Result<Gazetteer, GeoError> {
        parse::parse(tsv)
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// # Panics
    /// If `id` does not come from this gazetteer.
    pub fn get(&self, id: PlaceId) -> &Place {
        &self.places[id.index()]
    }

    /// Every place with its id, in file order.
    pub fn iter(&self) -> impl Iterator<Item = (PlaceId, &Place)> {
        self.places
            .iter()
            .enumerate()
            .map(|(i, p)| (PlaceId(i as u32), p))
    }

    /// A place by its external id or a cross-reference: `"170063"`, `"SY07"`,
    /// `"SY"`, `"Q233236"`.
    pub fn find_id(&self, external: &str) -> Option<PlaceId> {
        self.by_ext.get(external).copied()
    }

    /// All places with the folded name `folded_name` (see
    /// [`truce_text::fold_key`]), best default reading first; empty if none.
    pub fn lookup(&self, folded_name: &str) -> &[PlaceId] {
        match self.keys.binary_search_by(|(k, _)| (**k).cmp(folded_name)) {
            Ok(i) => &self.keys[i].1,
            Err(_) => &[],
        }
    }

    /// Convenience: fold `name`, look it up and [`resolve`](Self::resolve).
    pub fn resolve_name(&self, name: &str, hint: &ResolveHint) -> Option<PlaceId> {
        self.resolve(self.lookup(&truce_text::fold_key(name)), hint)
    }

    /// Every folded name key with its candidates, sorted by key.
    pub fn keys(&self) -> impl Iterator<Item = (&str, &[PlaceId])> {
        self.keys.iter().map(|(k, v)| (&**k, &**v))
    }

    /// Number of distinct name keys.
    pub fn key_count(&self) -> usize {
        self.keys.len()
    }

    /// The parent chain, nearest first, ending with the country.
    pub fn ancestors(&self, id: PlaceId) -> Vec<PlaceId> {
        let mut out = Vec::new();
        let mut at = self.get(id).parent;
        while let Some(p) = at {
            out.push(p);
            at = self.get(p).parent;
        }
        out
    }

    /// Names from the country down to the place itself, e.g.
    /// `["Syria", "Latakia", "Latakia", "Latakia", "Latakia"]` for Latakia
    /// city (governorate, district, subdistrict, city).
    pub fn admin_path(&self, id: PlaceId) -> Vec<&str> {
        let mut path: Vec<&str> = self
            .ancestors(id)
            .into_iter()
            .map(|p| self.get(p).name.as_str())
            .collect();
        path.reverse();
        path.push(self.get(id).name.as_str());
        path
    }

    /// Does `outer` contain `inner`? True for the same place, for every
    /// ancestor, for a country and any place of its ISO2 code, and for a
    /// region and anything inside one of its [`Place::members`].
    pub fn contains(&self, outer: PlaceId, inner: PlaceId) -> bool {
        self.contains_depth(outer, inner, 0)
    }

    fn contains_depth(&self, outer: PlaceId, inner: PlaceId, depth: u8) -> bool {
        if outer == inner {
            return true;
        }
        let o = self.get(outer);
        if o.kind == PlaceKind::Country && o.id == self.get(inner).country {
            return true;
        }
        let mut at = self.get(inner).parent;
        while let Some(p) = at {
            if p == outer {
                return true;
            }
            at = self.get(p).parent;
        }
        // regions may list regions; the depth bound guards against loops
        depth < 4
            && o.members
                .iter()
                .any(|&m| self.contains_depth(m, inner, depth + 1))
    }

    /// The first-level unit holding `id` (itself if it is one).
    pub fn governorate_of(&self, id: PlaceId) -> Option<PlaceId> {
        std::iter::once(id)
            .chain(self.ancestors(id))
            .find(|&p| self.get(p).kind == PlaceKind::Governorate)
    }

    /// The country of `id` (itself if it is one).
    /// Great-circle distance between two places' coordinates, in km.
    pub fn distance_km(&self, a: PlaceId, b: PlaceId) -> f64 {
        let (a, b) = (self.get(a), self.get(b));
        let (la, lb) = (a.lat.to_radians(), b.lat.to_radians());
        let dlat = lb - la;
        let dlon = (b.lon - a.lon).to_radians();
        let h = (dlat / 2.0).sin().powi(2) + la.cos() * lb.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * 6371.0 * h.sqrt().min(1.0).asin()
    }

    pub fn country_of(&self, id: PlaceId) -> Option<PlaceId> {
        let p = self.get(id);
        if p.kind == PlaceKind::Country {
            return Some(id);
        }
        self.find_id(&p.country)
            .filter(|&c| self.get(c).kind == PlaceKind::Country)
    }
}
