//! `gate.dating`: a clause that only dates the truce.
//!
//! Matches a `truce.in_force` trigger at most three words after "since"
//! (the `since` list), or right after "which" or "that" (the `dating`
//! list, auxiliaries between allowed): "broke the ceasefire 31 times
//! since it came into force", "breaching the truce, which came into effect
//! on 3 June", "the ceasefire that went into effect in March now lies in
//! ruins". The clause tells when the
//! truce began; the sentence asserts something else (a violation, a
//! collapse), and analysts record only that. Must not match a truce in
//! force in the main clause ("the truce has held since it began at
//! midnight": the "held" is kept) or a long subject after "since" ("fighting
//! has slowed since a fragile cessation of hostilities brokered by the
//! powers came into force").

use super::{Ctx, Verdict, clause_tail, ends_near, listed, tokens};
use crate::frames::Frame;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.dating";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    if f.kind != ClaimKind::TruceInForce {
        return Verdict::Keep;
    }
    Verdict::drop_if(dates_only(ctx.before(f.folded.0)))
}

/// Whether a trigger after `before` (the sentence up to it) sits in a
/// clause that only dates the truce.
pub(crate) fn dates_only(before: &str) -> bool {
    let toks = tokens(clause_tail(before));
    let aux = [
        "has", "had", "have", "was", "is", "first", "finally", "only",
    ];
    // "since" takes a short subject ("since it", "since the truce"); a
    // relative pronoun is the subject itself ("which came into effect").
    let since = ends_near(&toks, "since", 4);
    let relative = toks
        .iter()
        .rev()
        .find(|w| !aux.contains(w))
        .is_some_and(|w| listed("dating", w));
    since || relative
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn dating_clauses_claim_nothing() {
        for s in [
            "Militias broke the ceasefire in Hama 31 times since it came into force on Tuesday.",
            "Each camp accused the other of breaching the truce in Daraa, which came into effect on 3 June.",
            "The ceasefire in Idlib that went into effect in March now lies in ruins.",
            "Rebels breached the ceasefire in Aleppo repeatedly since it took effect.",
            "The truce in Homs, which began in early May, has since weakened.",
        ] {
            let k = truce_kinds(s);
            assert!(!k.iter().any(|(k, _)| k == "truce.in_force"), "{s}: {k:?}");
        }
    }

    #[test]
    fn main_clauses_and_long_subjects_read() {
        for s in [
            "The truce has held in Homs since it began at midnight.",
            "Shelling eased since a shaky ceasefire drafted by two envoys came into force.",
        ] {
            let k = truce_kinds(s);
            assert!(k.iter().any(|(k, _)| k == "truce.in_force"), "{s}: {k:?}");
        }
    }
}
