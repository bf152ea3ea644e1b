//! `place.where`: "X, where ..." places what the where-clause tells.
//!
//! Matches a claim with no place of its own whose trigger follows, within
//! 25 words, a place followed by ", where": "Inside Aleppo, where Russia
//! said it extended the truce until Monday" extends the truce in Aleppo;
//! "Douma, where a truce has held since July, was shelled" holds in Douma.
//! The place becomes the claim's scope (truce claims) or location
//! (incidents). Must not match a claim that names its own place ("the truce
//! in Homs, where rebels remain, was extended" keeps Homs only), a place
//! not followed by "where" ("In Aleppo, rebels said the truce held" is left
//! to the other rules), or a venue ("talks in Geneva, where ...": venues
//! are no places of a claim).

use crate::doc::Doc;
use crate::places::Found;

/// The most words from the place to the trigger.
const MAX_WORDS: usize = 25;

/// The place whose where-clause holds the trigger at folded offset `at`.
pub(crate) fn antecedent<'p>(doc: &Doc<'_>, places: &'p [Found], at: usize) -> Option<&'p Found> {
    let text = doc.folded.text();
    places.iter().rev().find(|p| {
        let after = text.get(p.folded.1..at).unwrap_or("");
        let rest = after
            .trim_start()
            .strip_prefix(',')
            .unwrap_or("")
            .trim_start();
        p.folded.1 <= at
            && (rest.starts_with("where ") || rest == "where")
            && doc.words_between(p.folded.1, at) <= MAX_WORDS
    })
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Input};
    use std::sync::LazyLock;

    static EXTRACTOR: LazyLock<Extractor> =
        LazyLock::new(|| Extractor::new().expect("the embedded extractor builds"));

    /// (kind, place names) of every claim read from `text`.
    fn read(text: &str) -> Vec<(String, Vec<String>)> {
        let input = Input::new(text, "2016-05-08").expect("a valid date");
        (EXTRACTOR.extract(&input).claims.iter())
            .map(|c| {
                let names = c.places.iter().map(|p| p.name.clone()).collect();
                (c.kind.as_str().to_owned(), names)
            })
            .collect()
    }

    fn has(claims: &[(String, Vec<String>)], kind: &str, place: &str) -> bool {
        claims
            .iter()
            .any(|(k, p)| k == kind && p.iter().any(|n| n == place))
    }

    #[test]
    fn where_clauses_take_the_place_before_them() {
        for (s, kind, place) in [
            (
                "Inside Aleppo, where Russia said it extended the truce until Monday, rebels held out.",
                "truce.extended",
                "Aleppo",
            ),
            (
                "Douma, where a truce has held since July, was quiet.",
                "truce.in_force",
                "Douma",
            ),
            (
                "Aid reached Madaya, where the ceasefire came into effect on Sunday.",
                "truce.in_force",
                "Madaya",
            ),
            (
                "Rebels withdrew to Idlib, where the army declared a truce on Friday.",
                "truce.declared",
                "Idlib",
            ),
            (
                "Families returned to Saraqib, where the truce was violated overnight.",
                "truce.violated",
                "Saraqib",
            ),
        ] {
            let c = read(s);
            assert!(has(&c, kind, place), "{s}: {c:?}");
        }
    }

    #[test]
    fn own_places_and_venues_stay() {
        let c = read("The truce in Homs, where rebels remain, was extended until Monday.");
        assert!(
            c.iter()
                .all(|(_, p)| !p.is_empty() && p.iter().all(|n| n == "Homs")),
            "{c:?}"
        );
        let c = read("Diplomats met in Geneva, where the truce was discussed on Monday.");
        assert!(
            c.iter().all(|(_, p)| p.iter().all(|n| n != "Geneva")),
            "{c:?}"
        );
        let c = read("In Aleppo the rebels said the truce had been extended.");
        assert!(
            c.iter()
                .all(|(_, p)| p.is_empty() || p.iter().all(|n| n == "Aleppo")),
            "{c:?}"
        );
    }
}
