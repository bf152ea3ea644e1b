//! `place.venue`: venues and capitals that are not places of a claim.
//!
//! Matches a place mention that
//! - follows "in" or "at" right after a meeting word of the `venue_noun`
//!   list, at most one word before "in" ("talks in Geneva", "a meeting
//!   in Munich", "told reporters in Amman"): the venue of talks, not the scope of a truce; or
//! - is followed by a speech or stance verb of the `actor_verb` list
//!   ("Moscow said", "Washington believes", "Damascus denied"): a capital
//!   standing for its government; or
//! - is followed by a meeting word of the `venue_noun` list ("the Geneva
//!   talks", "the Astana negotiations", "the Munich conference"): a place
//!   naming a meeting; or
//! - is followed by a word of the `government_noun` list, after a
//!   possessive or "and its" or right away ("Damascus's allies", "its
//!   Damascus allies", "Moscow's envoy", "Damascus and its backers"): the
//!   place names a government again.
//!
//! Such places are dropped from the sentence's places (never scope or
//! location). Must not match "fighting in Aleppo", "a truce in Homs",
//! "in Aleppo, rebels said" (the place is not the subject of the verb).

use super::{find_phrase, listed, tokens, words};
use crate::doc::{Doc, Sentence};
use crate::places::Found;

/// True when the place is a venue or a capital standing for a government.
pub(crate) fn is_venue(doc: &Doc<'_>, s: &Sentence, p: &Found) -> bool {
    // "all Syrian territory", "a nationwide regime of calm": the whole
    // country, named by no proper noun that could stand for a government
    if p.place.qualifier.as_deref() == Some("all") {
        return false;
    }
    let start = doc.folded.to_folded(s.span.start);
    let end = doc.folded.to_folded(s.span.end);
    let t = doc.folded.text();
    let before = tokens(t.get(start..p.folded.0).unwrap_or(""));
    let after_text = t.get(p.folded.1..end).unwrap_or("");
    let venue = matches!(before.last(), Some(&"in") | Some(&"at"))
        && words("venue_noun").iter().any(|w| {
            let head = &before[..before.len() - 1];
            let n = w.split(' ').count();
            find_phrase(head, w)
                .iter()
                .any(|&i| head.len() - (i + n) < 2)
        });
    let actor = !after_text.starts_with(',') && {
        let after = tokens(after_text);
        words("actor_verb")
            .iter()
            .any(|w| find_phrase(&after, w).first() == Some(&0))
    };
    let names_meeting = {
        let after = tokens(after_text);
        words("venue_noun")
            .iter()
            .any(|w| find_phrase(&after, w).first() == Some(&0))
    };
    venue || actor || names_meeting || governs(after_text)
}

/// "Damascus's allies", "Damascus and its backers": the text after a place
/// makes it a government.
fn governs(after_text: &str) -> bool {
    let after = tokens(after_text);
    let rest = match after.as_slice() {
        ["s", rest @ ..] | ["and", "its", rest @ ..] => rest,
        // a possessive the place match took in, or "its Damascus allies"
        rest => rest,
    };
    rest.first().is_some_and(|w| listed("government_noun", w))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::place_names;

    #[test]
    fn venues_and_capitals_are_not_places() {
        for (s, gone) in [
            (
                "Talks on a truce for Aleppo were under way in Geneva on Tuesday.",
                "Geneva",
            ),
            (
                "Ministers at a meeting in Munich agreed a cessation of hostilities in Syria.",
                "Munich",
            ),
            (
                "Kerry told reporters in Amman the truce would start soon.",
                "Amman",
            ),
            ("Moscow said the ceasefire in Aleppo was holding.", "Moscow"),
            (
                "Washington believes the truce in Homs will not hold.",
                "Washington",
            ),
            (
                "Rebels want guarantees that Damascus's allies will cease fire.",
                "Damascus",
            ),
            (
                "The truce was agreed with Moscow's envoy present.",
                "Moscow",
            ),
            (
                "Rebels accused Damascus and its backers of breaking the truce.",
                "Damascus",
            ),
        ] {
            let names = place_names(s);
            assert!(!names.iter().any(|n| n == gone), "{s}: {names:?}");
        }
    }

    #[test]
    fn places_of_the_claim_stay() {
        for (s, kept) in [
            ("Fighting in Aleppo killed 12 people on Sunday.", "Aleppo"),
            ("The army declared a truce in Homs on Friday.", "Homs"),
            ("The truce in Aleppo was respected, rebels said.", "Aleppo"),
            (
                "The truce in Damascus was extended, the army said.",
                "Damascus",
            ),
            ("Shelling hit Douma, activists said.", "Douma"),
            (
                "Aleppo's eastern districts were shelled on Sunday.",
                "Aleppo",
            ),
            (
                "The truce covers Damascus and its suburbs, the army said.",
                "Damascus",
            ),
        ] {
            let names = place_names(s);
            assert!(names.iter().any(|n| n == kept), "{s}: {names:?}");
        }
    }
}
