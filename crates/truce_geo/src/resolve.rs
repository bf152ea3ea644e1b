//! Choosing one place among same-named candidates.

use std::cmp::{Ordering, Reverse};

use crate::Gazetteer;
use crate::place::{PlaceId, PlaceKind};

/// A qualifier the extractor found next to a place name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// "X city", "the city of X".
    City,
    /// "X province", "X governorate".
    Province,
    /// "X countryside", "the countryside of X", "rural X".
    Countryside,
    /// "around X", "near X", "the outskirts of X".
    Around,
    /// "X district".
    District,
    /// "the town of X".
    Town,
    /// "the village of X".
    Village,
}

impl Qualifier {
    /// Map a qualifier word (any case; plural accepted) to a qualifier.
    pub fn from_word(word: &str) -> Option<Qualifier> {
        let w = word.trim().to_lowercase();
        let w = w.strip_suffix('s').unwrap_or(&w);
        Some(match w {
            "city" | "citie" => Qualifier::City,
            "province" | "governorate" | "provincial" => Qualifier::Province,
            "countryside" | "rural" | "suburb" => Qualifier::Countryside,
            "around" | "near" | "outskirt" | "vicinity" | "surrounding" => Qualifier::Around,
            "district" => Qualifier::District,
            "town" => Qualifier::Town,
            "village" => Qualifier::Village,
            _ => return None,
        })
    }

    /// Kind tiers, tried in order; the first tier with a candidate wins.
    fn tiers(self) -> &'static [&'static [PlaceKind]] {
        use PlaceKind::*;
        match self {
            Qualifier::Province => &[&[Governorate], &[District, Region], &[Subdistrict]],
            Qualifier::Countryside => &[&[Governorate], &[District, Region], &[Subdistrict]],
            Qualifier::District => &[&[District], &[Subdistrict], &[Governorate, Region]],
            Qualifier::City => &[&[City, Town], &[Village]],
            Qualifier::Town => &[&[Town, City], &[Village]],
            Qualifier::Village => &[&[Village, Town], &[City]],
            Qualifier::Around => &[&[City, Town, Village], &[Neighbourhood]],
        }
    }
}

/// What the caller knows about the context of a mention.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResolveHint {
    pub qualifier: Option<Qualifier>,
    /// Other places already resolved in the same document.
    pub near: Vec<PlaceId>,
    /// ISO2 code of a country the mention is expected in.
    pub country: Option<String>,
}

impl ResolveHint {
    pub fn qualified(qualifier: Qualifier) -> ResolveHint {
        ResolveHint {
            qualifier: Some(qualifier),
            ..ResolveHint::default()
        }
    }

    pub fn near(near: Vec<PlaceId>) -> ResolveHint {
        ResolveHint {
            near,
            ..ResolveHint::default()
        }
    }
}

/// Class of a kind for unqualified mentions: a city (100000+) beats the
/// same-named governorate or district; those beat a town; a town beats the
/// same-named subdistrict; then villages, then neighbourhoods.
fn class(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::Country => 6,
        PlaceKind::City => 5,
        PlaceKind::Governorate | PlaceKind::District | PlaceKind::Region => 4,
        PlaceKind::Town => 3,
        PlaceKind::Subdistrict => 2,
        PlaceKind::Village => 1,
        PlaceKind::Neighbourhood => 0,
    }
}

impl Gazetteer {
    /// Default preference between two places, best first (used to order
    /// [`lookup`](Gazetteer::lookup) results): countries, then Syria, then
    /// Syria's neighbours, then
    /// kind class, then population, then coarser kind, then file order.
    pub(crate) fn default_order(&self, a: PlaceId, b: PlaceId) -> Ordering {
        let key = |id: PlaceId| {
            let p = self.get(id);
            (
                Reverse(p.kind == PlaceKind::Country),
                Reverse(p.country == "SY"),
                Reverse(SYRIA_NEIGHBOURS.contains(&p.country.as_str())),
                Reverse(class(p.kind)),
                Reverse(p.population),
                p.kind.rank(),
                id,
            )
        };
        key(a).cmp(&key(b))
    }

    /// How strongly the `near` places support candidate `c`.
    fn near_score(&self, c: PlaceId, near: &[PlaceId]) -> u32 {
        let cp = self.get(c);
        let c_gov = self.governorate_of(c);
        near.iter()
            .map(|&p| {
                if p == c {
                    return 4;
                }
                let pp = self.get(p);
                if pp.kind != PlaceKind::Country && self.contains(p, c) {
                    3
                } else if (self.contains(c, p) && cp.kind != PlaceKind::Country)
                    || (c_gov.is_some() && c_gov == self.governorate_of(p))
                {
                    2
                } else if cp.country == pp.country {
                    1
                } else {
                    0
                }
            })
            .sum()
    }

    /// Pick one place among `candidates` (usually a [`lookup`] result).
    ///
    /// 1. A qualifier keeps only candidates of matching kinds (tiers, e.g.
    ///    `Province`: governorates, else districts or regions, else
    ///    subdistricts); if none matches, all candidates stay.
    /// 2. Then, best first: countries; a candidate in `hint.country`; the
    ///    most support from `hint.near` (the same place again 4, inside a
    ///    near place 3, containing it or sharing its governorate 2, sharing
    ///    its country 1, summed); Syria; Syria's neighbours (so bare
    ///    "Tripoli" is Lebanon's); the kind class (a city of 100000+
    ///    beats a same-named governorate or district, which beat a town,
    ///    which beats a subdistrict, then villages, then neighbourhoods);
    ///    population; coarser kind.
    /// 3. `Countryside` of Damascus (the governorate or the city) is
    ///    Rif Dimashq (`SY03`), the only result that may lie outside
    ///    `candidates`.
    ///
    /// [`lookup`]: Gazetteer::lookup
    pub fn resolve(&self, candidates: &[PlaceId], hint: &ResolveHint) -> Option<PlaceId> {
        let mut pool: Vec<PlaceId> = candidates.to_vec();
        pool.sort_unstable();
        pool.dedup();
        if let Some(q) = hint.qualifier {
            // A qualifier narrows the kind, not the country: "Ras al-Ayn
            // city" is the Syrian place (a village in the sources) before a
            // same-named town abroad. The hinted country, else Syria, is
            // tried first.
            let home = hint.country.as_deref().unwrap_or("SY");
            let local: Vec<PlaceId> = pool
                .iter()
                .copied()
                .filter(|&c| self.get(c).country == home)
                .collect();
            'narrow: for set in [local, pool.clone()] {
                for tier in q.tiers() {
                    let kept: Vec<PlaceId> = set
                        .iter()
                        .copied()
                        .filter(|&c| tier.contains(&self.get(c).kind))
                        .collect();
                    if !kept.is_empty() {
                        pool = kept;
                        break 'narrow;
                    }
                }
            }
        }
        let score = |c: PlaceId| {
            let p = self.get(c);
            let in_hint = hint.country.as_deref().is_some_and(|cc| cc == p.country);
            (
                p.kind == PlaceKind::Country,
                in_hint,
                self.near_score(c, &hint.near),
            )
        };
        let best = pool.into_iter().min_by(|&a, &b| {
            score(b)
                .cmp(&score(a))
                .then_with(|| self.default_order(a, b))
        })?;
        if hint.qualifier == Some(Qualifier::Countryside) && self.is_damascus(best) {
            return self.find_id(RIF_DIMASHQ).or(Some(best));
        }
        Some(best)
    }

    fn is_damascus(&self, id: PlaceId) -> bool {
        let p = self.get(id);
        p.id == DAMASCUS_GOVERNORATE || p.id == DAMASCUS_CITY
    }
}

/// Countries bordering Syria: preferred over the rest of the world when
/// nothing else decides, since the gazetteer serves Syria news.
const SYRIA_NEIGHBOURS: [&str; 6] = ["LB", "TR", "IQ", "JO", "IL", "PS"];

const RIF_DIMASHQ: &str = "SY03";
const DAMASCUS_GOVERNORATE: &str = "SY01";
const DAMASCUS_CITY: &str = "170654";
