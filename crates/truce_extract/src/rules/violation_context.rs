//! `context.violation`: when the attacks of a sentence are violations.
//!
//! Matches a sentence with a truce noun and either a violation trigger
//! ("violated", "breached"), a collapse trigger followed by a cause
//! phrase of the `cause` list ("the truce was practically dead, due to the
//! bombardment by the regime"), or a truce noun governed by a phrase of
//! the `defiance` list ("shelling hit the town despite the truce", "in
//! breach of the ceasefire"). In such a sentence an attack word makes a
//! `truce.violated` claim with the attack as subtype, not a bare incident.
//! Must not match a collapse without a cause ("violence escalated since the
//! ceasefire collapsed in July"): its attacks are not said to break a truce;
//! nor "despite the shelling, the truce held", where "despite" governs the
//! attack, not the truce.

use super::{clause_tail, ends_near, tokens};
use crate::doc::{Doc, Sentence, has};
use truce_lexicon::CueClass;

/// True when the attacks of sentence `s` are violations of its truce.
pub(crate) fn applies(doc: &Doc<'_>, s: &Sentence) -> bool {
    if !s.matches.iter().any(|m| has(m, CueClass::Truce)) {
        return false;
    }
    let kind =
        |m: &&truce_lexicon::Match, v: &str| m.cue(CueClass::Kind).is_some_and(|c| c.value == v);
    if s.matches.iter().any(|m| kind(&m, "truce.violated")) || defied(doc, s) {
        return true;
    }
    let end = doc.folded.to_folded(s.span.end);
    let mut collapses = s.matches.iter().filter(|m| kind(m, "truce.collapsed"));
    collapses.any(|m| {
        let after = tokens(doc.folded_between(m.folded.1, end));
        (1..=after.len()).any(|n| ends_near(&after[..n], "cause", 1) && n <= 6)
    })
}

/// Whether a truce noun of `s` follows, within four words and in its
/// clause, a phrase of the `defiance` list ("despite a temporary truce").
fn defied(doc: &Doc<'_>, s: &Sentence) -> bool {
    let start = doc.folded.to_folded(s.span.start);
    s.matches
        .iter()
        .filter(|m| has(m, CueClass::Truce))
        .any(|m| {
            let before = doc.folded_between(start, m.folded.0);
            ends_near(&tokens(clause_tail(before)), "defiance", 4)
        })
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::kinds;

    #[test]
    fn violations_and_caused_collapses() {
        for s in [
            "The army violated the truce by shelling Douma.",
            "The ceasefire was breached by airstrikes on Idlib.",
            "The truce was practically dead, due to bombardment by the regime.",
            "The ceasefire collapsed because of shelling by rebels.",
            "The truce is dead as a result of airstrikes on Aleppo.",
            "Shelling hit Douma on Tuesday despite the truce announced by the army.",
            "Despite a 48-hour ceasefire, airstrikes killed five people in Idlib.",
            "Clashes broke out near Hama in spite of the local truce.",
            "Rebels fired rockets at Aleppo in breach of the ceasefire.",
            "Fighting continued near Madaya despite the truce agreed in September.",
            "Three civilians were killed in an air raid on Saraqeb despite the de-escalation agreement.",
        ] {
            let k = kinds(s);
            assert!(k.iter().any(|k| k == "truce.violated"), "{s}: {k:?}");
        }
    }

    #[test]
    fn uncaused_collapses_leave_attacks_alone() {
        for s in [
            "Violence escalated since a ceasefire collapsed in July, with shelling of towns.",
            "The truce collapsed last year; airstrikes hit Idlib on Sunday.",
            "Despite the shelling, the truce held in Homs.",
            "Airstrikes hit Idlib; despite that, talks on a ceasefire went on.",
            "Aid reached Madaya despite the threat of airstrikes, as the truce held.",
        ] {
            let k = kinds(s);
            assert!(!k.iter().any(|k| k == "truce.violated"), "{s}: {k:?}");
        }
    }
}
