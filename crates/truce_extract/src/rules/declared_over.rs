//! `gate.declared_over`: declaring a truce over ends it.
//!
//! Matches a `truce.declared` frame whose truce noun is followed, within
//! four words, by a word of the `over_word` list that ends the phrase ("declared the truce over",
//! "declared the truce to be null and void", "declaring the truce was
//! dead", "declared the truce over on Monday"). The claim is
//! `truce.ended`, not a new declaration. Must not match "declared a truce
//! over the holiday" ("over" before an article is a preposition) or a
//! plain declaration ("declared a truce in Homs").

use super::{Ctx, Verdict, listed, tokens};
use crate::frames::Frame;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.declared_over";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let Some(noun) = ctx.noun else {
        return Verdict::Keep;
    };
    if f.kind != ClaimKind::TruceDeclared || noun.0 < f.folded.1 {
        return Verdict::Keep;
    }
    let after = ctx.after(noun.1);
    let clause = after.split([',', ';', '.']).next().unwrap_or("");
    let toks = tokens(clause);
    let over = toks.iter().take(4).enumerate().any(|(i, w)| {
        let next = toks.get(i + 1).copied();
        listed("over_word", w)
            && next.is_none_or(|n| {
                let article = ["the", "a", "an", "this", "these", "those", "its", "their"];
                !article.contains(&n) && listed("verb_follow", n) || matches!(n, "if" | "because")
            })
    });
    if over {
        Verdict::Kind(ClaimKind::TruceEnded)
    } else {
        Verdict::Keep
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn declaring_over_is_an_end() {
        for s in [
            "Three brigades declared the Daraa truce to be null and void.",
            "The opposition declared the truce over on Monday.",
            "The HNC declared the ceasefire dead.",
            "The army declared the truce in Homs over.",
            "Several groups declared the ceasefire null and void on Friday.",
        ] {
            let k = truce_kinds(s);
            assert!(k.iter().any(|(k, _)| k == "truce.ended"), "{s}: {k:?}");
            assert!(!k.iter().any(|(k, _)| k == "truce.declared"), "{s}: {k:?}");
        }
    }

    #[test]
    fn plain_declarations_stay() {
        for s in [
            "The army declared a truce in Homs.",
            "The army declared a truce over the Eid holiday.",
        ] {
            let k = truce_kinds(s);
            assert!(k.iter().any(|(k, _)| k == "truce.declared"), "{s}: {k:?}");
        }
    }
}
