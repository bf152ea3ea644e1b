//! `gate.far_noun`: a truce trigger too far from every truce noun.
//!
//! Matches a truce frame whose nearest truce noun is more than twelve
//! words away from its trigger. Without a parse, distance is what says the
//! two belong together; past twelve words they are in different phrases
//! almost always ("The UN announced on Monday that peace talks for Syria
//! had begun, as powers discussed a ceasefire" does not announce a
//! ceasefire). Comma-delimited asides between them do not count when they
//! open with a relative pronoun or a participle ("the truce, which excluded
//! the jihadist groups, was no longer in effect"; "the ceasefire,
//! sponsored by the powers, which had held since February"). Must not
//! match a trigger next to its noun ("the truce, which began on Saturday,
//! has largely held"), nor a far trigger whose verb the sentence's parse
//! gives the truce noun as subject or object ("the five-day ceasefire for
//! the northern border towns between the Kurdish fighters and the Turkish
//! army has largely held").

use super::{Ctx, Verdict, listed, tokens};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.far_noun";

/// The most words a trigger may be from its truce noun.
const MAX_WORDS: usize = 12;

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let far = ctx.noun.is_some_and(|n| {
        let (a, b) = if n.0 < f.folded.0 {
            (n.1, f.folded.0)
        } else {
            (f.folded.1, n.0)
        };
        distance(ctx.doc.folded_between(a, b)) > MAX_WORDS
    });
    Verdict::drop_if(far && !ctx.truce_argument(f))
}

/// Words between noun and trigger, leaving out comma-delimited asides that
/// open with a relative pronoun or a participle.
pub(crate) fn distance(between: &str) -> usize {
    let parts: Vec<&str> = between.split(',').collect();
    let last = parts.len().saturating_sub(1);
    parts
        .iter()
        .enumerate()
        .filter(|(i, p)| *i == 0 || *i == last || !aside(p))
        .map(|(_, p)| tokens(p).len())
        .sum()
}

fn aside(part: &str) -> bool {
    let first = tokens(part).first().copied().unwrap_or("");
    listed("aside", first) || (first.len() > 4 && first.ends_with("ed"))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn far_triggers_claim_nothing() {
        for s in [
            "The UN announced on Monday that long delayed peace talks between the parties had finally begun in earnest, and a ceasefire is discussed.",
            "Russia agreed on Friday to send more aid convoys to the besieged towns of the north and the east where a ceasefire is sought.",
            "Rebels extended their control over three villages and two hills north of the city in the week before the truce talks.",
            "The army declared its operations in the eastern desert of Homs and the hills of Palmyra a success, months after a truce.",
            "The council rejected a draft that named the countries supplying weapons to the fighters of both sides in the ceasefire zone.",
            "The president announced the withdrawal of troops from the border region, which let the army drop the buffer zone deal.",
        ] {
            let k = truce_kinds(s);
            assert!(
                !k.iter().any(|(k, _)| matches!(
                    k.as_str(),
                    "truce.declared" | "truce.extended" | "truce.accepted" | "truce.rejected"
                )),
                "{s}: {k:?}"
            );
        }
    }

    #[test]
    fn asides_do_not_count() {
        for s in [
            "The truce, which began in February with the backing of the United States and Russia, was still in effect on Sunday.",
            "The ceasefire, which the army and the rebels signed in the town hall of Douma last week, was still in effect on Sunday.",
        ] {
            let k = truce_kinds(s);
            assert!(k.iter().any(|(k, _)| k == "truce.in_force"), "{s}: {k:?}");
        }
    }

    #[test]
    fn parsed_arguments_read_at_any_distance() {
        for s in [
            "The five-day ceasefire for the northern border towns between the Kurdish fighters and the Turkish army has largely held.",
            "A ceasefire between the government forces and the armed groups of the southern provinces of Daraa and Quneitra went into effect.",
        ] {
            let k = truce_kinds(s);
            assert!(
                k.iter()
                    .any(|(k, _)| matches!(k.as_str(), "truce.in_force" | "truce.declared")),
                "{s}: {k:?}"
            );
        }
    }

    #[test]
    fn near_triggers_read() {
        let k = truce_kinds("The truce, which began on Saturday, has largely held.");
        assert!(k.iter().any(|(k, _)| k == "truce.in_force"), "{k:?}");
    }
}
