//! `gate.talks_about`: talks count as truce talks only when about a truce.
//!
//! Matches a `truce.negotiating` frame whose trigger ("talks",
//! "negotiations", "discussions") is more than five words from its truce
//! noun. "A member of the team at the political talks spoke bleakly
//! about the truce" and "talks in Vienna about trade routes and budgets,
//! beside the ceasefire" are peace talks, not a truce
//! under negotiation. Must not match "truce talks", "talks on a ceasefire
//! for Aleppo", "negotiations over a new truce in Homs".

use super::{Ctx, Verdict};
use crate::frames::Frame;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.talks_about";

/// The most words between talks and the truce they are about.
const MAX_WORDS: usize = 5;

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    if f.kind != ClaimKind::TruceNegotiating {
        return Verdict::Keep;
    }
    let far = ctx.noun.is_some_and(|n| {
        let (a, b) = if n.0 < f.folded.0 {
            (n.1, f.folded.0)
        } else {
            (f.folded.1, n.0)
        };
        ctx.doc.words_between(a, b) > MAX_WORDS
    });
    Verdict::drop_if(far)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn peace_talks_are_not_truce_talks() {
        for s in [
            "A member of the team at the political talks spoke at length and bleakly about the fate of the truce.",
            "Envoys are holding talks in Vienna about trade routes, budgets and other matters, beside the ceasefire.",
            "Negotiations on a political transition in Damascus resumed as the truce held.",
            "The talks in Geneva between the government and the opposition stalled despite the ceasefire.",
            "Discussions about aid deliveries to Madaya and other besieged towns continued under the truce.",
        ] {
            let k = truce_kinds(s);
            assert!(
                !k.iter().any(|(k, _)| k == "truce.negotiating"),
                "{s}: {k:?}"
            );
        }
    }

    #[test]
    fn truce_talks_read() {
        for s in [
            "Talks on a ceasefire for Aleppo were under way, diplomats said.",
            "Russian and American officials were negotiating a ceasefire for Daraya.",
        ] {
            let k = truce_kinds(s);
            assert!(
                k.iter().any(|(k, _)| k == "truce.negotiating"),
                "{s}: {k:?}"
            );
        }
    }
}
