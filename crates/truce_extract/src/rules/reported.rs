//! `gate.reported`: announcing what a truce did is not declaring it.
//!
//! Matches a `truce.declared` frame whose truce noun follows its trigger
//! within three words and is itself followed by a verb of the
//! `clause_verb` list ("announced the agreement had expired", "declared the
//! truce was over", "announced the ceasefire would end"). The trigger
//! reports a clause about the truce; that clause is the claim (an end, a
//! collapse), not a new declaration. Must not match "announced a truce in
//! Homs", "declared a ceasefire that would last 48 hours" (a relative
//! clause), "announced the truce on Monday".

use super::{Ctx, Verdict, listed, tokens};
use crate::frames::Frame;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.reported";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let Some(noun) = ctx.noun else {
        return Verdict::Keep;
    };
    let close = noun.0 >= f.folded.1 && ctx.doc.words_between(f.folded.1, noun.0) <= 3;
    if f.kind != ClaimKind::TruceDeclared || !close {
        return Verdict::Keep;
    }
    let after = ctx.after(noun.1);
    if after.trim_start().starts_with([',', '.', ';']) {
        return Verdict::Keep;
    }
    match tokens(after).first() {
        Some(next) if listed("clause_verb", next) => Verdict::Drop,
        _ => Verdict::Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn reported_clauses_declare_nothing() {
        for s in [
            "The army announced the agreement had expired.",
            "The army announced the ceasefire had ended on Monday.",
            "Rebels declared the truce was no longer valid.",
            "Russia announced the truce would end at midnight.",
            "The army announced the ceasefire has collapsed.",
        ] {
            let k = truce_kinds(s);
            assert!(!k.iter().any(|(k, _)| k == "truce.declared"), "{s}: {k:?}");
        }
    }

    #[test]
    fn declarations_stay() {
        for s in [
            "The army announced a truce in Homs.",
            "The army declared a ceasefire that would last 48 hours.",
            "Russia announced the truce on Monday.",
        ] {
            let k = truce_kinds(s);
            assert!(k.iter().any(|(k, _)| k == "truce.declared"), "{s}: {k:?}");
        }
    }
}
