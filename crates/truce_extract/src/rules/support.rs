//! `gate.support`: announcing support for a truce accepts it.
//!
//! Matches a `truce.declared` frame whose trigger ("announced",
//! "declared") is followed, within three words, by a word of
//! the `support` list ("support", "backing", "approval", "commitment"):
//! "the Kurdish council announced its support for the deal", "Ankara
//! declared its full backing for the truce". The claim is `truce.accepted`
//! by the one who announces: a party signing on, not a new truce. Must not
//! match a declaration of the truce itself ("the army announced a truce in
//! Homs", "Russia declared a ceasefire with the support of Iran": the
//! support word comes after the truce noun).

use super::{Ctx, Verdict, listed, tokens};
use crate::frames::Frame;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.support";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    if f.kind != ClaimKind::TruceDeclared {
        return Verdict::Keep;
    }
    let after = ctx.after(f.folded.1);
    let clause = after.split([',', ';']).next().unwrap_or("");
    let toks = tokens(clause);
    let support = toks.iter().take(4).position(|w| listed("support", w));
    let noun_first = ctx.noun.is_some_and(|n| {
        n.0 >= f.folded.1 && support.is_some_and(|i| ctx.doc.words_between(f.folded.1, n.0) < i)
    });
    if support.is_some() && !noun_first {
        Verdict::Kind(ClaimKind::TruceAccepted)
    } else {
        Verdict::Keep
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn announced_support_accepts() {
        for s in [
            "The Kurdish council announced its support for the ceasefire deal.",
            "Ankara declared its full backing for the truce in Idlib.",
            "The rebel factions announced their approval of the truce on Sunday.",
            "The opposition coalition declared its support for the truce on Saturday.",
            "The government announced its commitment to the ceasefire.",
        ] {
            let k = truce_kinds(s);
            assert!(k.iter().any(|(k, _)| k == "truce.accepted"), "{s}: {k:?}");
            assert!(!k.iter().any(|(k, _)| k == "truce.declared"), "{s}: {k:?}");
        }
    }

    #[test]
    fn declarations_stay() {
        for s in [
            "The army announced a truce in Homs on Friday.",
            "Russia declared a ceasefire in Aleppo with the support of Iran.",
            "The army announced a 48-hour truce, with support from Russia.",
            "The powers announced a ceasefire backed by the council.",
            "Moscow announced the truce for Eastern Ghouta on Monday.",
        ] {
            let k = truce_kinds(s);
            assert!(k.iter().any(|(k, _)| k == "truce.declared"), "{s}: {k:?}");
        }
    }
}
