//! `gate.detached`: a declaration or acceptance verb that the parse sets
//! apart from the truce.
//!
//! Matches a `truce.declared` or `truce.accepted` frame whose trigger is a
//! verb with no link to the truce noun in the parse: the noun is not under
//! the verb (its subject, object or a clause it governs), the verb does not
//! describe the noun ("the truce announced by regime forces"), and the
//! verb has no pronoun of its own that could stand for the truce ("Russia
//! announced it"). "Leaders spoke of a ceasefire in Ukraine and said
//! sanctions, imposed by the West, would stay" declares no truce: what was
//! imposed is the sanctions. Must not match "the army declared a truce",
//! "a truce was declared", "Russia said a ceasefire was agreed", "the
//! rebels agreed to the ceasefire", "a cease-fire brokered by Jordan went
//! into effect" or "the ceasefire took effect after Russia announced it".

use super::{Ctx, Verdict};
use crate::frames::Frame;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.detached";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let declaring = matches!(f.kind, ClaimKind::TruceDeclared | ClaimKind::TruceAccepted);
    Verdict::drop_if(declaring && ctx.detached(f))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    fn declares(s: &str) -> bool {
        truce_kinds(s)
            .iter()
            .any(|(k, _)| k == "truce.declared" || k == "truce.accepted")
    }

    #[test]
    fn verbs_apart_from_the_truce_declare_nothing() {
        for s in [
            "Leaders spoke of violations of a ceasefire in Ukraine and said sanctions, imposed by the West, would stay.",
            "The ceasefire in Homs was shaky, and curfews imposed by the army angered residents.",
            "Violations of the truce went on while the budget agreed by parliament stalled.",
            "The truce in Daraa held; a tax announced by the council was dropped.",
        ] {
            assert!(!declares(s), "{s}: {:?}", truce_kinds(s));
        }
    }

    #[test]
    fn declarations_of_the_truce_still_read() {
        for s in [
            "The army declared a truce in Homs on Friday.",
            "A truce was declared in Homs on Friday.",
            "Russia said a ceasefire was agreed for Aleppo.",
            "The rebels agreed to the ceasefire in Daraa.",
            "Rebels in Homs accepted the truce on Friday, and it held.",
            "On 9 May 2017, a cease-fire in Daraa brokered by Jordan went into effect.",
            "Russia announced a ceasefire in Aleppo and the rebels accepted it.",
            "MOSCOW, May 1 (Wire) - The truce that Syrian government forces declared around Hama has been extended, Russia said.",
            "Discussions were underway to bring Aleppo into the truce announced by regime forces.",
        ] {
            assert!(declares(s), "{s}: {:?}", truce_kinds(s));
        }
    }
}
