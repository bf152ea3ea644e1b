//! `gate.habitual`: generalities about truces are not claims about one.
//!
//! Matches a truce trigger preceded in its clause, within six words, by a
//! habitual phrase of the `habitual` list ("every time", "whenever",
//! "often", "tend to"). "Repeatedly breached" is not habitual: it reports
//! breaches. "Every time the army declares a truce it
//! breaks it" and "local truces have often collapsed" speak of
//! no particular truce. Must not match a particular event with such a word
//! elsewhere ("Rebels often clash with the army, but the truce in Homs held
//! on Sunday" keeps the truce in force: the word is in another clause).

use super::{Ctx, Verdict};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.habitual";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    Verdict::drop_if(ctx.listed_before(f.folded.0, "habitual", 6))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn generalities_claim_nothing() {
        for s in [
            "Every time the army declares a truce in Daraa it breaks it within hours.",
            "Local truces have often collapsed within days.",
            "Whenever a ceasefire is declared in Aleppo, fighting resumes.",
            "Truces in Syria tend to collapse within days.",
            "Ceasefires in Syria usually collapsed within a week.",
        ] {
            let k = truce_kinds(s);
            assert!(k.is_empty(), "{s}: {k:?}");
        }
    }

    #[test]
    fn particular_events_still_read() {
        let k = truce_kinds(
            "Rebels often clash with the army, but the truce in Homs was respected on Sunday.",
        );
        assert!(k.iter().any(|(k, _)| k == "truce.in_force"), "{k:?}");
    }
}
