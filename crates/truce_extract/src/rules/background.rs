//! `gate.background`: a truce named as the background of something else.
//!
//! Matches a frame whose truce noun follows, within three words and in its
//! clause, a phrase of the `background` list ("despite", "ahead of", "in
//! support of", "during", "under"). "Fighting continued despite the truce
//! agreed on Friday" reports fighting, not a new declaration; "the army
//! pressed on ahead of a ceasefire agreed by the powers" likewise.
//! Must not match a truce that is the subject of its own verb ("Despite the
//! shelling, the truce held" keeps the truce in force: the noun is not
//! governed by "despite").

use super::{Ctx, Verdict};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.background";

pub(crate) fn check(ctx: &Ctx<'_, '_>, _f: &Frame) -> Verdict {
    let Some(noun) = ctx.noun else {
        return Verdict::Keep;
    };
    Verdict::drop_if(ctx.listed_before(noun.0, "background", 3))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn background_truces_make_no_claim() {
        for s in [
            "Fighting continued near Madaya despite the truce agreed in September.",
            "Russia pressed its air campaign ahead of a ceasefire agreed by major powers.",
            "The group issued a statement in support of the truce announced on Friday.",
            "Aid entered Douma during the truce declared by the army.",
            "Under the ceasefire agreed in Munich, aid was to reach besieged towns.",
        ] {
            let k = truce_kinds(s);
            assert!(k.is_empty(), "{s}: {k:?}");
        }
    }

    #[test]
    fn a_truce_that_is_the_subject_keeps_its_claim() {
        let k = truce_kinds("Despite the shelling, the truce held in Homs on Sunday.");
        assert!(k.iter().any(|(k, _)| k == "truce.in_force"), "{k:?}");
    }
}
