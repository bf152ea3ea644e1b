//! `gate.question`: a truce trigger in a question makes no claim.
//!
//! Matches a sentence that ends with a question mark. Headlines and quoted
//! rhetoric ask: "Can the ceasefire in Aleppo hold?", "Why sign a truce
//! that nobody will enforce?". Neither asserts anything about a truce. Must not match a statement that quotes a question in its middle
//! and goes on ("Asked whether the truce held? he said it did." is rare and
//! still dropped; a sentence ending in a full stop is never touched).

use super::{Ctx, Verdict};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.question";

pub(crate) fn check(ctx: &Ctx<'_, '_>, _f: &Frame) -> Verdict {
    let text = ctx.doc.slice(ctx.s.span).trim_end();
    let text = text.trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')']);
    Verdict::drop_if(text.ends_with('?'))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn questions_make_no_truce_claim() {
        for q in [
            "Will the new truce talks end the siege of Daraa?",
            "Can the ceasefire in Aleppo hold?",
            "\"Why sign a truce that nobody will enforce?\"",
            "Has the cessation of hostilities collapsed?",
            "Is the truce in Homs still in effect?",
        ] {
            assert!(truce_kinds(q).is_empty(), "{q}: {:?}", truce_kinds(q));
        }
    }

    #[test]
    fn statements_still_read() {
        for s in [
            "The truce in Homs is still in effect, the army said.",
            "The ceasefire in Aleppo collapsed on Sunday.",
        ] {
            assert!(!truce_kinds(s).is_empty(), "{s}");
        }
    }
}
