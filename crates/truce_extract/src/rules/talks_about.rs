//! `gate.talks_about`: talks count as truce talks only when about a truce.
//!
//! Matches a `truce.negotiating` frame whose trigger ("talks",
//! "negotiations", "discussions") is more than five words from its truce
//! noun. "A member of the team at the political talks spoke bleakly
//! about the truce" and "talks in Vienna about trade routes and budgets,
//! beside the ceasefire" are peace talks, not a truce
//! under negotiation. Closer, talks (the nouns of the `talks_noun` list)
//! are about a truce only when the truce names them ("truce talks",
//! "ceasefire negotiations": at most one word between) or a word of the
//! `talks_about` list ("on", "over", "about") links them, after a copula
//! or not ("discussions were on ceasefire terms"): "not involved
//! in the talks or the ceasefire", "the ceasefire and the Geneva talks"
//! and "suspension of talks with Russia" are not truce talks. Must not
//! match "truce talks", "talks on a ceasefire for Aleppo", "negotiations
//! over a new truce in Homs", nor a verb ("negotiating a ceasefire").

use super::{Ctx, Verdict, listed, tokens};
use crate::frames::Frame;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.talks_about";

/// The most words between talks and the truce they are about.
const MAX_WORDS: usize = 5;

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    if f.kind != ClaimKind::TruceNegotiating {
        return Verdict::Keep;
    }
    let Some(n) = ctx.noun else {
        return Verdict::Keep;
    };
    let truce_first = n.0 < f.folded.0;
    let (a, b) = if truce_first {
        (n.1, f.folded.0)
    } else {
        (f.folded.1, n.0)
    };
    let words = ctx.doc.words_between(a, b);
    if words > MAX_WORDS {
        return Verdict::Drop;
    }
    let trigger = tokens(ctx.doc.folded_between(f.folded.0, f.folded.1));
    if !matches!(trigger.as_slice(), [w] if listed("talks_noun", w)) {
        return Verdict::Keep;
    }
    let linked = if truce_first {
        words <= 1
    } else {
        // "talks on a truce", "discussions were on ceasefire terms"
        let between = tokens(ctx.doc.folded_between(a, b));
        let mut words = between.iter().skip_while(|w| listed("talks_copula", w));
        words.next().is_some_and(|w| listed("talks_about", w))
    };
    Verdict::drop_if(!linked)
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
            "Rebel groups are not involved in the talks or the ceasefire.",
            "The ceasefire and the Geneva talks were the only game in town.",
            "Washington announced a suspension of talks with Moscow on the ceasefire.",
            "The truce has allowed peace talks to resume in Geneva.",
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
            "Ceasefire talks resumed in Geneva on Monday.",
            "Negotiations over a new truce in Homs went on all night.",
            "Diplomats held discussions about a truce in Aleppo.",
            "The truce negotiations in Amman stalled on Friday.",
            "The discussions were on ceasefire conditions for Homs.",
        ] {
            let k = truce_kinds(s);
            assert!(
                k.iter().any(|(k, _)| k == "truce.negotiating"),
                "{s}: {k:?}"
            );
        }
    }
}
