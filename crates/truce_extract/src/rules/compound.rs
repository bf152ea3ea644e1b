//! `gate.compound`: a trigger that is the second half of a compound word.
//!
//! Matches a truce trigger whose first word is joined by a hyphen to the
//! word before it in the original text: "open-ended" is not *ended*,
//! "rebel-held" and "government-held" are not *held*, "long-awaited" is
//! not a wait. Must not match a trigger after a dash between words ("the
//! truce - which held - ...") or one that starts its own word ("the truce
//! held").

use super::{Ctx, Verdict};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.compound";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let start = ctx.doc.folded.to_original(f.folded.0, f.folded.1).start;
    let before = ctx.doc.text.get(..start).unwrap_or("");
    let mut chars = before.chars().rev();
    let hyphen = matches!(chars.next(), Some('-' | '\u{2010}' | '\u{2011}'));
    let joined = chars.next().is_some_and(char::is_alphanumeric);
    Verdict::drop_if(hyphen && joined)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn compounds_are_not_triggers() {
        for s in [
            "An open-ended ceasefire in southern Syria went into effect on Sunday.",
            "Strikes hit a government-held village near the ceasefire line.",
            "Rebel-held towns near the ceasefire line were shelled.",
            "A long-held truce in Daraa faces new pressure.",
            "The ceasefire-ended talks were a surprise.",
        ] {
            let k = truce_kinds(s);
            assert!(
                !k.iter()
                    .any(|(k, _)| k == "truce.ended"
                        || (k == "truce.in_force" && s.contains("-held"))),
                "{s}: {k:?}"
            );
        }
    }

    #[test]
    fn words_of_their_own_still_read() {
        let k = truce_kinds("The truce in Homs ended on Sunday.");
        assert!(k.iter().any(|(k, _)| k == "truce.ended"), "{k:?}");
        let k = truce_kinds("The truce - which Russia backed - held in Homs on Sunday.");
        assert!(k.iter().any(|(k, _)| k == "truce.in_force"), "{k:?}");
    }
}
