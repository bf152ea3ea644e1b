//! `gate.noun_of`: a trigger noun whose "of" names something else.
//!
//! Matches a truce trigger followed by "of" when no truce noun follows
//! within five words: "fearing a collapse of the aid talks ...
//! pushing for a ceasefire" is the collapse of the efforts, not of a truce.
//! Must not match "the collapse of the truce", "an end of the ceasefire",
//! "a violation of the cessation of hostilities".

use super::{Ctx, Verdict, tokens};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.noun_of";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let toks = tokens(ctx.after(f.folded.1));
    if toks.first() != Some(&"of") {
        return Verdict::Keep;
    }
    let close = ctx
        .noun
        .is_some_and(|n| n.0 >= f.folded.1 && ctx.doc.words_between(f.folded.1, n.0) <= 6);
    Verdict::drop_if(!close)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn other_things_collapse() {
        for s in [
            "Fearing a collapse of the aid talks in Amman, Jordan asked for a truce.",
            "The collapse of peace talks in Geneva worried supporters of the ceasefire.",
            "An end of the siege of Madaya was a condition of the truce.",
            "The violation of airspace angered Turkey, which backs the ceasefire.",
            "A collapse of the rebel lines near Aleppo followed the truce.",
        ] {
            let k = truce_kinds(s);
            assert!(
                !k.iter().any(|(k, _)| matches!(
                    k.as_str(),
                    "truce.collapsed" | "truce.ended" | "truce.violated"
                )),
                "{s}: {k:?}"
            );
        }
    }

    #[test]
    fn the_truce_itself_collapses() {
        let k = truce_kinds("Rebels announced the collapse of the truce in Homs.");
        assert!(k.iter().any(|(k, _)| k == "truce.collapsed"), "{k:?}");
    }
}
