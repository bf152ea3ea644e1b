//! `gate.opinion`: "agreed that ..." states an opinion, not an agreement.
//!
//! Matches a truce frame whose trigger begins a phrase of the `opinion`
//! list ("agreed that", "agree that", "welcomed the fact", "announced
//! that": a reporting verb, whose clause holds the claim if any). "The leaders
//! agreed that the cessation of hostilities had started to yield results"
//! declares no truce; "they welcomed the fact the truce was holding" is
//! praise from outside, not an acceptance by a party. Must not match "agreed to a ceasefire" or "agreed on a truce",
//! which are declarations.

use super::{Ctx, Verdict, find_phrase, tokens, words};
use crate::frames::Frame;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.opinion";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    if !matches!(
        f.kind,
        ClaimKind::TruceDeclared | ClaimKind::TruceAccepted | ClaimKind::TruceInForce
    ) {
        return Verdict::Keep;
    }
    let toks = tokens(ctx.after(f.folded.0));
    let starts = words("opinion")
        .iter()
        .any(|p| find_phrase(&toks, p).first() == Some(&0));
    Verdict::drop_if(starts)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn agreeing_that_is_no_declaration() {
        for s in [
            "The two envoys agreed that the ceasefire in Hama was starting to pay off.",
            "Both ministers agreed that the truce was fragile.",
            "The envoys agree that the ceasefire must be protected.",
            "Officials agreed that the truce in Aleppo was a step forward.",
            "They agreed that a ceasefire deal would help.",
            "The SDF announced that its fighters had withdrawn from the buffer zone.",
            "European leaders welcomed the fact the truce in Aleppo appeared to be holding.",
        ] {
            let k = truce_kinds(s);
            assert!(
                !k.iter()
                    .any(|(k, _)| matches!(k.as_str(), "truce.declared" | "truce.accepted")),
                "{s}: {k:?}"
            );
        }
    }

    #[test]
    fn agreeing_to_a_truce_is_a_declaration() {
        let k = truce_kinds("The two sides agreed on Tuesday to a ceasefire around Hama.");
        assert!(k.iter().any(|(k, _)| k == "truce.declared"), "{k:?}");
    }
}
