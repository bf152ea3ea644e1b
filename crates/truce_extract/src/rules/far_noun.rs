//! `gate.far_noun`: a truce trigger too far from every truce noun.
//!
//! Matches a truce frame whose nearest truce noun is more than twelve
//! words away from its trigger. Without a parse, distance is what says the
//! two belong together; past twelve words they are in different phrases
//! almost always ("The UN announced on Monday that peace talks for Syria
//! had begun, as powers discussed a ceasefire" does not announce a
//! ceasefire). Must not match a trigger next to its noun ("the truce,
//! which began on Saturday, has largely held").

use super::{Ctx, Verdict};
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
        ctx.doc.words_between(a, b) > MAX_WORDS
    });
    if far { Verdict::Drop } else { Verdict::Keep }
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
    fn near_triggers_read() {
        let k = truce_kinds("The truce, which began on Saturday, has largely held.");
        assert!(k.iter().any(|(k, _)| k == "truce.in_force"), "{k:?}");
    }
}
