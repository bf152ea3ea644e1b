//! `gate.conditional`: a truce trigger inside a condition makes no claim.
//!
//! Matches a truce trigger preceded, in the same clause (no comma or
//! semicolon between), by a conditional word of the `conditional` list
//! ("if", "unless", "provided", "as long as"). "If the truce ends, the army
//! will attack" and "talks would succeed only if the ceasefire were
//! respected" assert neither an end nor a truce in force.
//! A condition that follows the trigger in the same clause binds it too:
//! "rebels declared the truce null and void if clashes continued", "the
//! truce will be extended provided the rebels withdraw".
//! Must not match when the condition closed before the trigger ("If talks
//! fail, Russia said, the truce collapsed" keeps the collapse), when a
//! comma closes the trigger's clause first ("The truce held, even if
//! clashes were reported"), nor a concession ("the truce held even if
//! clashes were reported", "as if nothing had happened": a word of the
//! `conditional_not` list before the condition).

use super::{Ctx, Verdict, listed, tokens};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.conditional";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    Verdict::drop_if(ctx.listed_before(f.folded.0, "conditional", 12) || condition_after(ctx, f))
}

/// A conditional word later in the trigger's clause, not a concession.
fn condition_after(ctx: &Ctx<'_, '_>, f: &Frame) -> bool {
    let after = ctx.after(f.folded.1);
    let clause = after
        .split([',', ';', ':', '\u{2013}', '\u{2014}'])
        .next()
        .unwrap_or("");
    let words = tokens(clause);
    // a relative clause begins another predicate: "steps that if
    // implemented would help" conditions the steps, not the trigger
    let own = words
        .iter()
        .position(|w| listed("relative", w))
        .unwrap_or(words.len());
    (0..own).any(|i| {
        let rest = words[i..].join(" ");
        let starts = listed_prefix("conditional", &rest);
        starts && !(i > 0 && listed("conditional_not", words[i - 1]))
    })
}

/// Whether `text` starts with a whole phrase of `list`.
fn listed_prefix(list: &str, text: &str) -> bool {
    super::words(list).iter().any(|p| {
        text.strip_prefix(p.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn conditions_make_no_claim() {
        for s in [
            "If the ceasefire lapses, the brigade will storm the hill.",
            "Talks would only succeed if the ceasefire were respected.",
            "The opposition will attend provided the truce holds.",
            "Unless the ceasefire is extended, fighting will resume.",
            "Aid can enter as long as the truce remains in effect.",
            "Rebel groups declared the truce null and void if clashes continued.",
            "The army will extend the truce in Homs provided the rebels withdraw.",
            "The opposition will accept the ceasefire only if Russia stops bombing.",
            "The truce in Daraa will collapse unless aid arrives.",
        ] {
            assert!(truce_kinds(s).is_empty(), "{s}: {:?}", truce_kinds(s));
        }
    }

    #[test]
    fn near_misses_keep_their_claims() {
        let k = truce_kinds("The truce held in Homs, even if clashes were reported nearby.");
        assert!(k.iter().any(|(k, _)| k == "truce.in_force"), "{k:?}");
        let k =
            truce_kinds("If talks fail, fighting resumes; the army extended the truce in Daraa.");
        assert!(k.iter().any(|(k, _)| k == "truce.extended"), "{k:?}");
        let k = truce_kinds("The truce held in Homs even if clashes were reported nearby.");
        assert!(k.iter().any(|(k, _)| k == "truce.in_force"), "{k:?}");
        let k = truce_kinds("Both sides agreed to a truce that if it holds will open the road.");
        assert!(k.iter().any(|(k, _)| k == "truce.accepted"), "{k:?}");
        let k = truce_kinds("The army extended the truce in Daraa, if only by a day.");
        assert!(k.iter().any(|(k, _)| k == "truce.extended"), "{k:?}");
    }
}
