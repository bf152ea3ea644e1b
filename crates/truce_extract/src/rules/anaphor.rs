//! `truce.anaphor`: "the agreement", "the deal" stand for the report's truce.
//!
//! Matches a frame whose truce noun is an anaphor of the lexicon (class
//! `truce`, value `anaphor`: "the agreement", "the deal", "this accord").
//! When the report has named a truce before it ("a ceasefire ... The deal
//! does not take effect until Saturday"), the anaphor is that truce: the
//! claim takes its name and qualifiers, keeping its own mention. When no
//! truce was named before, "the agreement" may be any agreement (on
//! migrants, on aid) and the frame makes no claim. Must not resolve to a
//! truce named only after the anaphor.

use crate::doc::{Doc, Sentence, has};
use crate::frames::Frame;
use truce_lexicon::CueClass;
use truce_model::TruceRef;

/// The lexicon value of anaphoric truce nouns.
pub(crate) const ANAPHOR: &str = "anaphor";

/// Give an anaphoric frame its antecedent's name; false when it has none.
pub(crate) fn resolve(antecedent: Option<&TruceRef>, f: &mut Frame) -> bool {
    let Some(t) = f.truce.as_mut().filter(|t| t.name == ANAPHOR) else {
        return true;
    };
    let Some(a) = antecedent else {
        return false;
    };
    t.name = a.name.clone();
    t.qualifiers = a.qualifiers.clone();
    f.adjusted_by.push("truce.anaphor");
    true
}

/// The last truce named (not by an anaphor) in sentence `s` before folded
/// offset `before`.
pub(crate) fn last_named(doc: &Doc<'_>, s: &Sentence, before: usize) -> Option<TruceRef> {
    let m = s.matches.iter().rev().find(|m| {
        m.folded.1 <= before
            && has(m, CueClass::Truce)
            && m.cue(CueClass::Truce).is_some_and(|c| c.value != ANAPHOR)
    })?;
    let name = m.cue(CueClass::Truce).map_or("truce", |c| c.value);
    Some(TruceRef {
        name: name.to_owned(),
        qualifiers: Vec::new(),
        mention: Some(truce_model::Excerpt::new(m.span, doc.text)),
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn anaphors_after_a_truce_are_that_truce() {
        for s in [
            "Powers agreed a ceasefire in Syria. The deal does not take effect until Saturday.",
            "A truce was declared in Homs. Rebels said the agreement was violated on Sunday.",
            "The army announced a ceasefire in Daraa. The deal was violated on Sunday.",
            "A cessation of hostilities took effect. Both sides accused each other of breaching the agreement.",
            "Russia declared a truce in Aleppo, and the deal was respected overnight.",
        ] {
            let k = truce_kinds(s);
            assert!(k.len() >= 2, "{s}: {k:?}");
        }
    }

    #[test]
    fn anaphors_without_a_truce_claim_nothing() {
        for s in [
            "The EU and Turkey signed a migrant pact. The deal took effect on Sunday.",
            "The agreement was violated, officials said.",
            "The deal collapsed on Monday, and a ceasefire was later declared in Homs.",
        ] {
            let k = truce_kinds(s);
            assert!(
                !k.iter().any(|(k, _)| matches!(
                    k.as_str(),
                    "truce.in_force" | "truce.violated" | "truce.collapsed"
                )),
                "{s}: {k:?}"
            );
        }
    }
}
