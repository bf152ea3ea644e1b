//! `gate.conditional`: a truce trigger inside a condition makes no claim.
//!
//! Matches a truce trigger preceded, in the same clause (no comma or
//! semicolon between), by a conditional word of the `conditional` list
//! ("if", "unless", "provided", "as long as"). "If the truce ends, the army
//! will attack" and "talks would succeed only if the ceasefire were
//! respected" assert neither an end nor a truce in force.
//! Must not match when the condition closed before the trigger ("If talks
//! fail, Russia said, the truce collapsed" keeps the collapse) or when the
//! condition follows the trigger ("The truce held, even if clashes were
//! reported").

use super::{Ctx, Verdict};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.conditional";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    Verdict::drop_if(ctx.listed_before(f.folded.0, "conditional", 12))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn conditions_make_no_claim() {
        for s in [
            "If the ceasefire lapses, the brigade will storm the hill.",
            "Talks would only succeed if the ceasefire were respected.",
            "The opposition will attend provided the truce holds.",
            "Unless the ceasefire is extended, fighting will resume.",
            "Aid can enter as long as the truce remains in effect.",
        ] {
            assert!(truce_kinds(s).is_empty(), "{s}: {:?}", truce_kinds(s));
        }
    }

    #[test]
    fn near_misses_keep_their_claims() {
        let k = truce_kinds("The truce held in Homs, even if clashes were reported nearby.");
        assert!(k.iter().any(|(k, _)| k == "truce.in_force"), "{k:?}");
        let k =
            truce_kinds("If talks fail, fighting resumes; the army extended the truce in Daraa.");
        assert!(k.iter().any(|(k, _)| k == "truce.extended"), "{k:?}");
    }
}
