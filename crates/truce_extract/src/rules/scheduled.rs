//! `gate.scheduled`: a truce that takes effect in a subordinate future.
//!
//! Matches a truce trigger in the present tense (its first word, or the
//! word before it, is in the `present` list: "comes into effect", "takes
//! effect", "begins") preceded in its clause, within eight words, by a
//! `subordinator` ("once", "after", "when", "until"). "Militants left the
//! villages so as not to be hit after the truce comes into force" speaks of
//! what people do around a truce to come; it asserts no truce, in force or
//! planned, so no claim is made (the annotations read such clauses as
//! background). Must not match the past ("after the ceasefire came into
//! force, fighting dropped" stays asserted).

use super::{Ctx, Verdict, clause_tail, ends_near, tokens};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.scheduled";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let trig = ctx.doc.folded_between(f.folded.0, f.folded.1);
    let first = tokens(trig).first().copied().unwrap_or("");
    let before = tokens(clause_tail(ctx.before(f.folded.0)));
    let prev = before.last().copied().unwrap_or("");
    let present = super::words("present")
        .iter()
        .any(|w| w == first || w == prev);
    if present && ends_near(&before, "subordinator", 8) {
        Verdict::Drop
    } else {
        Verdict::Keep
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn subordinate_futures_claim_nothing() {
        for s in [
            "Fighters left two villages near Hama so as not to be hit after the truce comes into force.",
            "Aid will move once the truce takes effect in Aleppo.",
            "Areas that could be attacked once the ceasefire comes into effect are unclear.",
            "Fighters will stay put until the truce begins on Saturday.",
            "Convoys will leave when the ceasefire takes effect.",
        ] {
            let k = truce_kinds(s);
            assert!(k.iter().all(|(k, _)| k != "truce.in_force"), "{s}: {k:?}");
        }
    }

    /// Not this gate's work but the same question, so tested here: a start
    /// word that is itself a plan ("to start", "to begin"), or one after
    /// "scheduled to", is planned (`frames::modality`).
    #[test]
    fn starts_to_come_are_planned() {
        for s in [
            "The truce in Homs is to start on Monday.",
            "The truce in Homs was scheduled to start on Monday.",
            "A ceasefire in Daraa is to begin at midnight.",
            "The humanitarian pause in Aleppo is scheduled to begin on Thursday.",
            "A cessation of hostilities could begin in Homs in the coming days.",
            "The truce in Daraa could take effect on Friday.",
        ] {
            let k = truce_kinds(s);
            assert!(
                k.iter()
                    .any(|(k, m)| k == "truce.in_force" && m == "planned"),
                "{s}: {k:?}"
            );
        }
        for s in [
            "The truce in Homs started on Monday.",
            "A ceasefire in Daraa began at midnight.",
        ] {
            let k = truce_kinds(s);
            assert!(
                k.iter()
                    .any(|(k, m)| k == "truce.in_force" && m == "asserted"),
                "{s}: {k:?}"
            );
        }
    }

    #[test]
    fn the_past_stays_asserted() {
        let k = truce_kinds("After the ceasefire came into force, fighting dropped sharply.");
        assert!(
            k.iter()
                .any(|(k, m)| k == "truce.in_force" && m == "asserted"),
            "{k:?}"
        );
    }
}
