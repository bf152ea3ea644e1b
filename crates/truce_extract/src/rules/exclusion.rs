//! `gate.exclusion`: "the truce does not cover X" is a scope exclusion.
//!
//! Matches a negated `truce.in_force` or `truce.expanded` frame whose
//! trigger is a scope verb of the `scope_verb` list ("include", "cover",
//! "apply to"). "The truce does not cover the Nusra Front" says who is
//! outside the truce, not that the truce is not in force. The claim is
//! dropped; the exclusion belongs to the truce's scope. Must not match
//! "the truce is not in effect" (a real negated in-force claim) or "the
//! truce was not extended to Aleppo" (a negated extension).

use super::{Ctx, Verdict, tokens, words};
use crate::frames::Frame;
use truce_model::{ClaimKind, Modality};

pub(crate) const ID: &str = "gate.exclusion";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let scope_kind = matches!(f.kind, ClaimKind::TruceInForce | ClaimKind::TruceExpanded);
    if !scope_kind || f.modality != Modality::Negated {
        return Verdict::Keep;
    }
    let trig = ctx.doc.folded_between(f.folded.0, f.folded.1);
    let first = tokens(trig).first().copied().unwrap_or("");
    let scope = words("scope_verb")
        .iter()
        .any(|w| w.split(' ').next() == Some(first));
    Verdict::drop_if(scope)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn exclusions_are_not_negated_truces() {
        for s in [
            "The truce does not cover the Nusra Front or Islamic State.",
            "The ceasefire does not include attacks on Islamic State.",
            "The Raqqa front is not included in the Hama ceasefire.",
            "The truce does not apply to the Nusra Front.",
            "The ceasefire doesn't cover Raqqa.",
        ] {
            let k = truce_kinds(s);
            assert!(
                !k.iter().any(|(k, m)| m == "negated"
                    && matches!(k.as_str(), "truce.in_force" | "truce.expanded")),
                "{s}: {k:?}"
            );
        }
    }

    #[test]
    fn real_negations_stay() {
        let k = truce_kinds("The truce in Aleppo is not in effect, the army said.");
        assert!(
            k.iter()
                .any(|(k, m)| k == "truce.in_force" && m == "negated"),
            "{k:?}"
        );
    }
}
