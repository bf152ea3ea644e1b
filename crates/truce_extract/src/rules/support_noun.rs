//! `gate.support_noun`: backing a truce accepts it, backing anything else
//! does not.
//!
//! Matches a `truce.accepted` frame whose trigger is a word of the
//! `support_noun` list ("support for", "in support of", "backing",
//! "commitment to", "favors"). Such a word accepts the truce only when
//! the truce noun stands beside it, at most three words away with no
//! comma between: "a statement in support of the truce", "Assad favors
//! the truce", "the cease-fire plan got cautious backing", "renewed their
//! commitment to the ceasefire". Anything farther is backing for someone
//! else and the frame is dropped: "Russian air support for the army went
//! on during the truce", "Iran backs Assad, who rejected the ceasefire".

use super::{Ctx, Verdict, listed, tokens};
use crate::frames::Frame;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.support_noun";

/// The most words between the support word and its truce noun.
const MAX_WORDS: usize = 3;

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let trig = ctx.doc.folded_between(f.folded.0, f.folded.1);
    if f.kind != ClaimKind::TruceAccepted || !listed("support_noun", &tokens(trig).join(" ")) {
        return Verdict::Keep;
    }
    let Some(noun) = ctx.noun else {
        return Verdict::Drop;
    };
    let between = if noun.0 >= f.folded.1 {
        ctx.doc.folded_between(f.folded.1, noun.0)
    } else {
        ctx.doc.folded_between(noun.1, f.folded.0)
    };
    Verdict::drop_if(between.contains([',', ';']) || tokens(between).len() > MAX_WORDS)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    fn accepted(s: &str) -> bool {
        truce_kinds(s).iter().any(|(k, _)| k == "truce.accepted")
    }

    #[test]
    fn backing_the_truce_accepts_it() {
        for s in [
            "The council released a statement in support of the truce in Homs.",
            "Assad also favors the truce in Daraa.",
            "Turkey has given the cease-fire plan cautious backing.",
            "The rebels renewed their commitment to the ceasefire in Idlib.",
            "The Kurdish groups voiced support for the nationwide truce.",
            "Jordan backs the ceasefire in southern Syria.",
        ] {
            assert!(accepted(s), "{s}: {:?}", truce_kinds(s));
        }
    }

    #[test]
    fn backing_someone_else_accepts_nothing() {
        for s in [
            "Russian air support for the army went on during the truce in Homs.",
            "Iran backs Assad, who rejected the ceasefire in Homs.",
            "Backing for the rebels grew in the weeks before the truce.",
            "Donors made a commitment to rebuilding schools, but the truce in Homs collapsed.",
            "The plan favors the army; the ceasefire in Hama was violated.",
        ] {
            assert!(!accepted(s), "{s}: {:?}", truce_kinds(s));
        }
    }
}
