//! `gate.description`: a declaration told as a description of the truce.
//!
//! Matches a `truce.declared` or `truce.accepted` trigger right after its
//! truce noun ("the de-escalation zones agreed to in Astana"), with
//! nothing between them or only a relative pronoun ("which", "that") and
//! auxiliaries, and no agent after it: "the ceasefire which was brokered in
//! February was meant to help talks", "the truce agreed last year". The
//! clause only describes the truce; what the sentence asserts is in its
//! main verb. A description that names who declared it matches too when
//! the parse makes the truce the subject of another verb: "a ceasefire
//! that was brokered by Russia last week has ended" asserts the end.
//! Must not match a declaration in the main clause ("the truce
//! was declared on Monday", "the army declared a truce", "a ceasefire was
//! agreed"), nor a description naming its declarer where the truce is no
//! verb's subject ("bring Aleppo into the temporary truce announced by
//! regime forces"): DESIGN.md records that as a declaration by that actor.
//! A longer noun phrase ("a ceasefire between the army and the rebels that
//! was brokered by Russia has ended") matches when a relative pronoun
//! opens the clause and another claim of the sentence (it holds, ended,
//! collapsed, was violated) is made of the same truce after it: the
//! sentence asserts that, and the brokering describes which truce.

use super::{Ctx, Verdict, listed, tokens};
use crate::frames::Frame;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.description";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let Some(noun) = ctx.noun else {
        return Verdict::Keep;
    };
    let describing = matches!(f.kind, ClaimKind::TruceDeclared | ClaimKind::TruceAccepted);
    if !describing || noun.1 > f.folded.0 {
        return Verdict::Keep;
    }
    let between = ctx.doc.folded_between(noun.1, f.folded.0);
    let toks = tokens(between);
    // The rest of a longer truce noun ("cessation of hostilities agreement").
    let toks: Vec<&str> = toks
        .into_iter()
        .skip_while(|w| listed("noun_tail", w))
        .collect();
    let reduced = toks.is_empty() && !between.contains(',');
    let relative = toks.first().is_some_and(|w| listed("relative", w)) && toks.len() <= 3;
    let by_agent = tokens(ctx.after(f.folded.1)).first() == Some(&"by");
    let stated_after = state_claimed_after(ctx, f, noun.0);
    let described = !by_agent || ctx.truce_subject_elsewhere(f) || stated_after;
    let far_relative = stated_after && !between.contains(',') && relative_near_end(&toks);
    let apposition = stated_after && toks.is_empty();
    Verdict::drop_if((reduced || relative || far_relative || apposition) && described)
}

/// Whether a relative pronoun stands among the last three words before
/// the trigger ("... forces that was brokered").
fn relative_near_end(toks: &[&str]) -> bool {
    let tail = &toks[toks.len().saturating_sub(3)..];
    tail.iter().any(|w| listed("relative", w)) && toks.len() <= 16
}

/// Whether another frame of the sentence, after this trigger, says how the
/// same truce stands (holds, ended, collapsed, violated).
fn state_claimed_after(ctx: &Ctx<'_, '_>, f: &Frame, noun: usize) -> bool {
    let state = [
        ClaimKind::TruceInForce,
        ClaimKind::TruceEnded,
        ClaimKind::TruceCollapsed,
        ClaimKind::TruceViolated,
    ];
    (ctx.siblings.iter())
        .any(|s| s.trigger.0 >= f.folded.1 && s.noun == Some(noun) && state.contains(&s.kind))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn descriptions_declare_nothing() {
        for s in [
            "A fragile ceasefire brokered last week has ended.",
            "A truce deal agreed in July has been in place in Eastern Ghouta since.",
            "The ceasefire which was brokered in February was meant to help talks.",
            "The truce that was declared on Friday in Homs collapsed on Sunday.",
            "A ceasefire announced last week in Daraa expired on Friday.",
            "The de-escalation zones agreed to in Astana have reduced the violence.",
            "The truce accepted last week in Homs collapsed on Sunday.",
            "A ceasefire brokered by Russia took effect in Eastern Ghouta at midnight.",
            "A fragile truce that was brokered by Turkey and Russia last week has ended.",
            "A truce between the army and the rebels that was brokered by Russia has ended.",
            "The truce, brokered by Qatar, collapsed on Monday.",
            "A ceasefire in Homs which was agreed by both sides in May is holding.",
            "A cessation of hostilities agreement brokered by Russia took effect in Homs.",
        ] {
            let k = truce_kinds(s);
            assert!(
                !k.iter()
                    .any(|(k, _)| k == "truce.declared" || k == "truce.accepted"),
                "{s}: {k:?}"
            );
        }
    }

    #[test]
    fn main_clause_declarations_read() {
        for s in [
            "The truce in Homs was declared on Monday by the army.",
            "The army declared a truce in Homs on Monday.",
            "A ceasefire was agreed in Daraa on Friday.",
            "Talks went on to bring Aleppo into the truce announced by the army in Homs.",
            "Rebels accepted the ceasefire brokered by Russia for Eastern Ghouta.",
            "The ceasefire was accepted by the rebels on Monday.",
            "Russia brokered a truce between the army and the rebels in Homs.",
            "The truce between the army and the rebels was brokered by Russia on Monday.",
            "Russia brokered a truce in Homs that collapsed a week later.",
        ] {
            let k = truce_kinds(s);
            assert!(
                k.iter()
                    .any(|(k, _)| k == "truce.declared" || k == "truce.accepted"),
                "{s}: {k:?}"
            );
        }
    }
}
