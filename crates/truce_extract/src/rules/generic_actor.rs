//! `actor.generic`: common-noun names of actors belong to the theatre.
//!
//! Matches an actor mention made only of common words of the `generic`
//! list ("government forces", "the army", "pro-regime militias", "the
//! Defence Ministry" written in any case). In a report whose theatre is not
//! the actor's country, such a mention is not that actor: "government
//! forces" in a report about Yemen are Yemen's, not the Syrian army. The
//! claim keeps the words and drops the lexicon id. Must not match a
//! mention with a name in it ("Syrian army", "Assad forces", "Hezbollah"),
//! which names its actor in any report.

use super::{listed, tokens};
use truce_text::fold;

/// True when every word of the mention is a generic word.
pub(crate) fn generic(mention: &str) -> bool {
    let folded = fold(mention);
    let toks = tokens(folded.text());
    !toks.is_empty() && toks.iter().all(|t| listed("generic", t))
}

#[cfg(test)]
mod tests {
    use super::generic;
    use crate::{Extractor, Input};

    #[test]
    fn common_nouns_are_generic() {
        for m in [
            "government forces",
            "Government forces",
            "the army",
            "pro-regime militias",
            "the Defence Ministry",
        ] {
            assert!(generic(m), "{m}");
        }
        for m in [
            "Syrian army",
            "Assad forces",
            "Hezbollah",
            "the Russian Defence Ministry",
            "Free Syrian Army",
        ] {
            assert!(!generic(m), "{m}");
        }
    }

    fn actor_ids(text: &str) -> (Option<String>, Vec<Option<String>>) {
        let ex = Extractor::new().expect("builds");
        let r = ex.extract(&Input::new(text, "2016-05-01").expect("date"));
        let ids = r
            .claims
            .iter()
            .flat_map(|c| c.actors.iter().map(|a| a.id.clone()))
            .collect();
        (r.document.theatre, ids)
    }

    #[test]
    fn other_conflicts_get_no_syrian_actors() {
        for text in [
            "Government forces shelled rebel positions in Yemen on Sunday, killing 12 people. The truce in Yemen collapsed.",
            "In Ukraine, government forces and separatists agreed a ceasefire in eastern Ukraine on Friday. Ukraine said the army would respect it.",
            "Government forces in Libya declared a ceasefire around Tripoli in Libya on Monday.",
        ] {
            let (theatre, ids) = actor_ids(text);
            assert_ne!(theatre.as_deref(), Some("SY"), "{text}");
            assert!(
                !ids.iter().flatten().any(|i| i.starts_with("syr")),
                "{text}: {ids:?}"
            );
        }
    }

    #[test]
    fn syrian_reports_keep_them() {
        let (theatre, ids) =
            actor_ids("Government forces shelled Douma in Syria on Sunday, killing 12 people.");
        assert_eq!(theatre.as_deref(), Some("SY"));
        assert!(ids.iter().flatten().any(|i| i == "syr_army"), "{ids:?}");
    }
}
