//! `gate.background`: a truce named as the background of something else.
//!
//! Matches a frame whose truce noun follows, within three words and in its
//! clause, a phrase of the `background` list ("despite", "ahead of",
//! "during", "under"). "Aid waited despite the truce agreed on
//! Friday" reports waiting, not a new declaration; "the army
//! pressed on ahead of a ceasefire agreed by the powers" likewise.
//! An attack "despite the truce" is kept: it is the violation that
//! `context.violation` reads. Must not match a truce that is the subject of its own verb ("Despite the
//! shelling, the truce held" keeps the truce in force: the noun is not
//! governed by "despite").

use super::{Ctx, Verdict};
use crate::frames::Frame;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.background";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    // An attack "despite the truce" is the violation `context.violation` made.
    let Some(noun) = ctx.noun.filter(|_| f.kind != ClaimKind::TruceViolated) else {
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
            "Aid convoys waited near Madaya despite the truce agreed in September.",
            "Russia pressed its air campaign ahead of a ceasefire agreed by major powers.",
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
        // a statement in support of the truce accepts it (`gate.support_noun`)
        let k = truce_kinds(
            "The group issued a statement in support of the truce announced on Friday.",
        );
        assert_eq!(
            k,
            [("truce.accepted".to_string(), "asserted".to_string())],
            "{k:?}"
        );
    }
}
