//! `gate.subject`: an intransitive trigger needs the truce as its subject.
//!
//! Matches a trigger of the `intransitive` list ("began", "held", "took
//! effect", "in place") whose truce noun is not right before it: the noun
//! must come first, within six words (asides that open with a relative
//! pronoun or participle do not count), or a pronoun ("it", "which") must
//! stand right before the trigger. "The cessation of hostilities, the first
//! of its kind since the war began in 2011" does not begin a truce; "a
//! government-held village near the ceasefire line" holds nothing. Must not
//! match "the truce took effect at midnight", "the ceasefire, which Russia
//! brokered, held", "since it came into force". A longer subject passes
//! when the sentence's parse makes the truce noun the trigger verb's
//! subject ("a truce deal agreed by Iran, Russia and Turkey for the towns
//! of Eastern Ghouta has been in place since July").

use super::{Ctx, Verdict, far_noun::distance, listed, tokens};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.subject";

/// The most words between the truce noun and its intransitive verb.
const MAX_WORDS: usize = 6;

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let trig = ctx.doc.folded_between(f.folded.0, f.folded.1);
    let t = tokens(trig).join(" ");
    if !listed("intransitive", &t) {
        return Verdict::Keep;
    }
    let before = tokens(super::clause_tail(ctx.before(f.folded.0)));
    let skip = [
        "has", "have", "had", "was", "is", "been", "largely", "still", "already", "not",
    ];
    let prev = before.iter().rev().find(|w| !skip.contains(w)).copied();
    if prev.is_some_and(|p| listed("pronoun", p)) {
        return Verdict::Keep;
    }
    let subject = ctx.noun.is_some_and(|n| {
        n.1 <= f.folded.0 && distance(ctx.doc.folded_between(n.1, f.folded.0)) <= MAX_WORDS
    });
    Verdict::drop_if(!subject && !ctx.truce_argument(f))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn other_subjects_begin_no_truce() {
        for s in [
            "The Hama truce, the longest lull since the siege began in 2014, is informal.",
            "Strikes hit a village held by the army near the ceasefire line.",
            "Talks began in Geneva on Monday as the truce was discussed.",
            "Aid deliveries started in Madaya under the ceasefire deal.",
            "The offensive took effect quickly, weeks after the truce.",
        ] {
            let k = truce_kinds(s);
            assert!(!k.iter().any(|(k, _)| k == "truce.in_force"), "{s}: {k:?}");
        }
    }

    #[test]
    fn truces_as_subjects_read() {
        for s in [
            "The truce took effect at midnight.",
            "The ceasefire, which Russia brokered, held on Sunday.",
            "Russia said the truce had largely held since it came into force.",
            "A truce in Eastern Ghouta began on Saturday.",
            // Long subjects: the parse finds the truce noun as the subject.
            "A truce deal agreed by Iran, Russia and Turkey for the towns of Eastern Ghouta has been in place since July.",
            "On 9 July 2015, a ceasefire in southern Syria brokered by Jordan, Russia and the United States went into effect.",
            // An anaphor ("the agreement") after a truce: its head noun is the subject.
            "A truce was agreed in Homs. The agreement drawn up by the United States and Russia came into effect on Saturday.",
            "A ceasefire was declared in Daraa. The deal agreed by the army and the rebel factions took effect at noon.",
        ] {
            let k = truce_kinds(s);
            assert!(k.iter().any(|(k, _)| k == "truce.in_force"), "{s}: {k:?}");
        }
    }
}
