//! `gate.no_longer`: a truce "no longer in force" has ended.
//!
//! Matches a `truce.in_force` frame whose trigger follows, within two
//! words and in its clause, a phrase of the `no_longer` list ("the truce
//! was no longer in place", "the ceasefire is no longer holding", "the
//! regime of calm has ceased to be in effect"). The claim is `truce.ended`,
//! asserted: the words say an end, not a negated holding. Must not match a
//! plain negation ("the truce has not taken hold" stays a negated
//! `truce.in_force`) or "no longer" in another clause ("the army no longer
//! shells Homs, and the truce holds").

use super::{Ctx, Verdict};
use crate::frames::Frame;
use truce_model::{ClaimKind, Modality};

pub(crate) const ID: &str = "gate.no_longer";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    if f.kind != ClaimKind::TruceInForce || !ctx.listed_before(f.folded.0, "no_longer", 2) {
        return Verdict::Keep;
    }
    Verdict::Becomes(ClaimKind::TruceEnded, Modality::Asserted)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn truces_no_longer_in_force_have_ended() {
        for s in [
            "Rebels said the truce in Homs was no longer in place.",
            "The ceasefire in Daraa is no longer holding, the monitor said.",
            "The army said the regime of calm was no longer in effect in Latakia.",
            "The truce, which excluded the jihadists, was no longer in force.",
            "By Monday the Aleppo truce had ceased to be in effect.",
        ] {
            let k = truce_kinds(s);
            assert!(
                k.contains(&("truce.ended".into(), "asserted".into())),
                "{s}: {k:?}"
            );
            assert!(!k.iter().any(|(k, _)| k == "truce.in_force"), "{s}: {k:?}");
        }
    }

    #[test]
    fn plain_negations_and_other_clauses_stay() {
        for s in [
            "The truce in Homs has not taken hold.",
            "The army no longer shells Homs, and the truce holds.",
            "The ceasefire in Daraa is still holding.",
            "Rebels said the truce was not in effect in Aleppo.",
            "No longer besieged, Madaya saw the truce take hold.",
        ] {
            let k = truce_kinds(s);
            assert!(!k.iter().any(|(k, _)| k == "truce.ended"), "{s}: {k:?}");
        }
    }
}
