//! `time.deadline`: a length given to someone is a deadline, not the
//! truce's length.
//!
//! Matches a time of a sentence that a word of the `deadline` list
//! ("give", "gave", "given") governs within four words before it, in its
//! clause: "declaring that it would give the process two weeks to
//! determine whether the army was serious", "the army gave the fighters
//! 48 hours to leave". The time is a deadline or a test period; it is
//! attached to no claim, so it neither dates a claim nor sets a truce's
//! end. Must not match "a 48-hour truce was given to Aleppo" (the length
//! comes before the verb), "declared a truce for two weeks" or "the
//! ceasefire was extended for two weeks".

use super::{listed, tokens};
use crate::doc::{Doc, Sentence};

/// Words before the time within which a deadline verb governs it.
const WINDOW: usize = 4;

/// Whether time `t` of `s` is a length given to someone.
pub(crate) fn given(doc: &Doc<'_>, s: &Sentence, t: usize) -> bool {
    let Some(time) = s.times.get(t) else {
        return false;
    };
    let start = doc.folded.to_folded(s.span.start);
    let before = doc.folded_between(start.min(time.folded.0), time.folded.0);
    let clause = before.rsplit([',', ';', ':']).next().unwrap_or("");
    let toks = tokens(clause);
    toks.iter()
        .rev()
        .take(WINDOW)
        .any(|w| listed("deadline", w))
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Input};
    use std::sync::LazyLock;

    static EXTRACTOR: LazyLock<Extractor> =
        LazyLock::new(|| Extractor::new().expect("the embedded extractor builds"));

    /// The end of every truce claim read from `text`, published 2016-05-01.
    fn ends(text: &str) -> Vec<Option<String>> {
        let input = Input::new(text, "2016-05-01").expect("a valid date");
        (EXTRACTOR.extract(&input).claims.iter())
            .filter(|c| c.kind.is_truce())
            .map(|c| c.time.as_ref().and_then(|t| t.end.clone()))
            .collect()
    }

    #[test]
    fn lengths_given_to_someone_end_no_truce() {
        for s in [
            "The rebels accepted the truce in Homs, saying they would give the process two weeks to prove itself.",
            "The army declared a truce in Daraa and gave the fighters 48 hours to leave.",
            "The opposition accepted the ceasefire in Idlib but has given the regime a week to stop its raids.",
        ] {
            let e = ends(s);
            assert!(!e.is_empty() && e.iter().all(Option::is_none), "{s}: {e:?}");
        }
    }

    #[test]
    fn truce_lengths_still_end_it() {
        for s in [
            "The army declared a truce in Homs for two weeks.",
            "The ceasefire in Daraa was extended for two weeks.",
            "The army declared a 48-hour truce in Aleppo.",
        ] {
            let e = ends(s);
            assert!(e.iter().any(Option::is_some), "{s}: {e:?}");
        }
    }
}
