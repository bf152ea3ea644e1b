//! `gate.purpose`: a truce that is only called for or aimed at.
//!
//! Matches a frame whose truce noun is the goal of a call or an effort:
//! within five words before the noun, in its clause, a phrase of the `call`
//! list ("calls for", "pushing for", "urged") or of the `goal` list ("aimed
//! at", "efforts to", "how to", "road map for", "hopes of").
//! - After a call, the claim is `truce.proposed` ("Kerry is pushing for a
//!   ceasefire": a proposal by Kerry, not a declared truce).
//! - After a goal, nothing is claimed unless the claim already is a
//!   proposal or a negotiation ("studying how to enforce a ceasefire" says
//!   nothing about a truce in force).
//!
//! Must not match when the noun comes before the call ("the ceasefire, which
//! Russia called for, took effect") or the call is in another clause ("Kerry
//! urged restraint, and the ceasefire took effect").

use super::{Ctx, Verdict, clause_tail, ends_near, tokens};
use crate::frames::Frame;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.purpose";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let Some(noun) = ctx.noun else {
        return Verdict::Keep;
    };
    let toks = tokens(clause_tail(ctx.before(noun.0)));
    let already = matches!(
        f.kind,
        ClaimKind::TruceProposed | ClaimKind::TruceNegotiating
    );
    if ends_near(&toks, "call", 5) {
        return match f.kind {
            ClaimKind::TruceProposed | ClaimKind::TruceNegotiating | ClaimKind::TruceRejected => {
                Verdict::Keep
            }
            _ => Verdict::Kind(ClaimKind::TruceProposed),
        };
    }
    if ends_near(&toks, "goal", 5) && !already {
        return Verdict::Drop;
    }
    Verdict::Keep
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn calls_are_proposals() {
        for s in [
            "Kerry is pushing for an immediate ceasefire to be agreed.",
            "The EU called for a truce in Aleppo that would be respected by all.",
            "France urged a ceasefire that would be declared by both sides.",
            "The envoy called for the truce to be extended around Damascus.",
            "Turkey is pressing for a truce to be extended in Azaz.",
        ] {
            let k = truce_kinds(s);
            assert!(!k.is_empty(), "{s}");
            assert!(k.iter().all(|(k, _)| k == "truce.proposed"), "{s}: {k:?}");
        }
    }

    #[test]
    fn goals_claim_nothing() {
        for s in [
            "The envoys will study how to enforce a ceasefire in Daraa, he said.",
            "The plan is a road map for a ceasefire that would hold for months.",
            "Efforts to secure a truce that would be respected failed again.",
        ] {
            let k = truce_kinds(s);
            assert!(
                k.iter()
                    .all(|(k, _)| matches!(k.as_str(), "truce.proposed" | "truce.negotiating")),
                "{s}: {k:?}"
            );
        }
    }

    #[test]
    fn near_misses_keep_their_kind() {
        let k = truce_kinds("The ceasefire, which Russia had called for, took effect at midnight.");
        assert!(k.iter().any(|(k, _)| k == "truce.in_force"), "{k:?}");
        let k = truce_kinds("The army declared a 72-hour truce in Eastern Ghouta on Monday.");
        assert!(k.iter().any(|(k, _)| k == "truce.declared"), "{k:?}");
    }
}
