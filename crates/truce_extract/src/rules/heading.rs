//! `gate.heading`: a line in capitals is a heading, not a claim.
//!
//! Matches a sentence of at least three words with letters and no lower
//! case letter: "RUSSIA COMMITTED TO CEASEFIRE", "TRUCE COLLAPSES IN
//! ALEPPO". Reports use such lines as section headings and summaries of
//! what the paragraphs below say; the paragraphs make the claims, dated and
//! attributed. Must not match a sentence in ordinary case that holds
//! acronyms ("The SDF and the YPG accepted the truce.", "UN: truce holds
//! in Homs"), nor a short all-capital line that is a dateline or a name.

use super::{Ctx, Verdict};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.heading";

pub(crate) fn check(ctx: &Ctx<'_, '_>, _f: &Frame) -> Verdict {
    let text = ctx.doc.slice(ctx.s.span);
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic));
    let capitals = text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase);
    Verdict::drop_if(capitals && words.count() >= 3)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn headings_make_no_truce_claim() {
        for h in [
            "RUSSIA COMMITTED TO CEASEFIRE",
            "TRUCE COLLAPSES IN ALEPPO",
            "ARMY DECLARES 72-HOUR TRUCE IN HOMS",
            "REBELS REJECT THE CEASEFIRE.",
            "CEASEFIRE HOLDS IN DARAA, MONITORS SAY",
        ] {
            assert!(truce_kinds(h).is_empty(), "{h}: {:?}", truce_kinds(h));
        }
    }

    #[test]
    fn ordinary_sentences_with_acronyms_still_read() {
        for s in [
            "The SDF and the YPG accepted the truce in Manbij.",
            "UN: truce holds in Homs, monitors say.",
            "The army declared a truce in Homs on Monday, SANA said.",
            "ISIS fighters broke the ceasefire in Daraa.",
            "The truce in Homs held on Friday.",
        ] {
            assert!(!truce_kinds(s).is_empty(), "{s}");
        }
    }
}
