//! `toll.aggregate`: a whole war's toll is not an incident.
//!
//! Matches an incident frame whose casualties belong to a war, not to an
//! attack: the war or conflict is the subject ("the war that has killed
//! 250,000 people", a `war_noun` within six words before the trigger in
//! its clause), the count runs over the war or a long period ("killed in
//! Syria since the conflict began in 2011", "over the past year": a phrase
//! of the `aggregate_after` list after the trigger), or the deaths come
//! from siege and hunger ("35 deaths from starvation": the `hunger` list).
//! Must not match an attack ("an air strike killed 12 people in Douma on
//! Sunday", "fighting killed 20 fighters near Aleppo").

use super::{Ctx, Verdict, clause_tail, ends_near, find_phrase, tokens, words};
use crate::frames::Frame;

pub(crate) const ID: &str = "toll.aggregate";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let before = tokens(clause_tail(ctx.before(f.folded.0)));
    let after = tokens(ctx.after(f.folded.0));
    let sentence = tokens(ctx.after(ctx.doc.folded.to_folded(ctx.s.span.start)));
    let has =
        |toks: &[&str], list: &str| words(list).iter().any(|p| !find_phrase(toks, p).is_empty());
    let war_subject = ends_near(&before, "war_noun", 6);
    Verdict::drop_if(war_subject || has(&after, "aggregate_after") || has(&sentence, "hunger"))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::kinds;

    #[test]
    fn war_tolls_are_not_incidents() {
        for s in [
            "The war has killed tens of thousands and emptied whole provinces.",
            "Some 90,000 people have been killed in Yemen since the war began in 2015.",
            "Mediators hope to end a conflict that has killed 40,000 people.",
            "A charity confirmed 12 deaths from starvation in a besieged town near Homs.",
            "Rebel fire on government areas killed 1,102 people over the past year, the monitor said.",
        ] {
            let k = kinds(s);
            assert!(!k.iter().any(|k| k == "incident.attack"), "{s}: {k:?}");
        }
    }

    #[test]
    fn attacks_stay_incidents() {
        for s in [
            "An air strike killed 12 people in Douma on Sunday.",
            "Fighting killed 20 fighters near Aleppo on Monday.",
            "Shelling of the market in Idlib killed nine civilians, the monitor said.",
        ] {
            let k = kinds(s);
            assert!(k.iter().any(|k| k == "incident.attack"), "{s}: {k:?}");
        }
    }
}
