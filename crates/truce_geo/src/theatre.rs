//! The theatre of a document: the country it is about and the time zone
//! its times are given in. Nothing downstream assumes Syria: the home
//! country of a report is chosen from the places it names (or given by
//! the user), and its zone comes from `data/theatres.tsv`.

use crate::{Gazetteer, PlaceId};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Where a document's events happen, for defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theatre {
    /// ISO 3166-1 alpha-2 code of the home country.
    pub country: String,
    /// tz database name of the zone its times are given in.
    pub zone: String,
}

/// The country whose theatre applies when a document names no place and
/// the user gives none: the product's first theatre.
pub const HOME: &str = "SY";

static ZONES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("../../../data/theatres.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some((c.next()?, c.next()?))
        })
        .collect()
});

impl Theatre {
    /// The theatre of a country code (case-insensitive); UTC when the table
    /// has no zone for it.
    pub fn of_country(code: &str) -> Theatre {
        let country = code.to_ascii_uppercase();
        let zone = ZONES.get(country.as_str()).copied().unwrap_or("UTC");
        Theatre {
            country,
            zone: zone.to_owned(),
        }
    }

    /// The theatre a document's place mentions point to. Each mention is a
    /// list of gazetteer candidates with a weight; a mention counts for a
    /// country only when all its candidates lie in that country. The most
    /// counted country wins; on a tie or with no mention, `fallback`.
    pub fn choose<'a>(
        gaz: &Gazetteer,
        mentions: impl IntoIterator<Item = (&'a [PlaceId], usize)>,
        fallback: &str,
    ) -> Theatre {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (cands, weight) in mentions {
            let Some(first) = cands.first() else { continue };
            let country = gaz.get(*first).country.as_str();
            if country.is_empty() || cands.iter().any(|c| gaz.get(*c).country != country) {
                continue;
            }
            *counts.entry(country).or_default() += weight;
        }
        let best = counts.values().copied().max().unwrap_or(0);
        let leaders: Vec<&str> = counts
            .iter()
            .filter(|(_, n)| **n == best)
            .map(|(c, _)| *c)
            .collect();
        match leaders.as_slice() {
            [one] => Theatre::of_country(one),
            _ => Theatre::of_country(fallback),
        }
    }
}

impl Default for Theatre {
    fn default() -> Self {
        Theatre::of_country(HOME)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(gaz: &Gazetteer, name: &str) -> Vec<PlaceId> {
        gaz.lookup(name).to_vec()
    }

    #[test]
    fn zones_come_from_the_table() {
        assert_eq!(Theatre::of_country("ye").zone, "Asia/Aden");
        assert_eq!(Theatre::of_country("SY").zone, "Asia/Damascus");
        assert_eq!(Theatre::of_country("ZZ").zone, "UTC");
        assert_eq!(Theatre::default().country, "SY");
    }

    #[test]
    fn the_most_named_country_wins() {
        let gaz = Gazetteer::embedded();
        let (yemen, ukraine, aleppo) = (ids(gaz, "yemen"), ids(gaz, "ukraine"), ids(gaz, "aleppo"));
        let t = Theatre::choose(gaz, [(yemen.as_slice(), 2), (aleppo.as_slice(), 1)], "SY");
        assert_eq!(t.country, "YE");
        let t = Theatre::choose(gaz, [(ukraine.as_slice(), 1)], "SY");
        assert_eq!(t.country, "UA");
        let t = Theatre::choose(gaz, [(aleppo.as_slice(), 1), (ukraine.as_slice(), 1)], "SY");
        assert_eq!(t.country, "SY", "a tie goes to the fallback");
        let t = Theatre::choose(gaz, std::iter::empty::<(&[PlaceId], usize)>(), "LY");
        assert_eq!(t.country, "LY");
    }
}
