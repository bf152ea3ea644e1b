//! `time.extended_until`: an extension's new end, wherever the clause
//! puts it.
//!
//! Matches a `truce.extended` claim with no time of its own and an end
//! bound ("until Monday", "to 9 May", "through Friday") at most twelve
//! words after its trigger in the same sentence: "Russia extended a truce
//! that began on Wednesday until Monday" moves the end to Monday, though
//! the relative clause between them took the other times. The end becomes
//! the claim's time. Must not match an extension with its own time ("the
//! truce was extended by 72 hours", "extended until Friday"), an end bound
//! before the trigger ("until Monday, the truce held; the army then
//! extended it") or far after it.

use crate::doc::{Doc, Sentence};
use truce_time::TimeExpr;

/// The most words from the trigger to the end bound.
const MAX_WORDS: usize = 12;

/// The time index of the end bound that dates an extension ending at folded
/// offset `trigger_end`.
pub(crate) fn end_bound(doc: &Doc<'_>, s: &Sentence, trigger_end: usize) -> Option<usize> {
    s.times.iter().position(|t| {
        matches!(t.expr, TimeExpr::Until(_))
            && t.folded.0 >= trigger_end
            && doc.words_between(trigger_end, t.folded.0) <= MAX_WORDS
    })
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Input};
    use std::sync::LazyLock;

    static EXTRACTOR: LazyLock<Extractor> =
        LazyLock::new(|| Extractor::new().expect("the embedded extractor builds"));

    /// The end of every extension read from `text` (published Sunday 8 May 2016).
    fn ends(text: &str) -> Vec<Option<String>> {
        let input = Input::new(text, "2016-05-08").expect("a valid date");
        (EXTRACTOR.extract(&input).claims.iter())
            .filter(|c| c.kind.as_str() == "truce.extended")
            .map(|c| c.time.as_ref().and_then(|t| t.end.clone()))
            .collect()
    }

    #[test]
    fn the_end_after_a_relative_clause_dates_the_extension() {
        for s in [
            "Russia extended a truce that began on Wednesday until Monday.",
            "Russia said it extended the truce, which began on Wednesday, until Monday.",
            "The army extended the truce in Aleppo that started last week until Monday.",
            "Moscow extended the Aleppo truce agreed with Washington until Monday.",
            "Russia said on Sunday it had extended a truce in Aleppo, declared on Wednesday, until Monday.",
        ] {
            let e = ends(s);
            assert!(
                e.iter()
                    .any(|x| x.as_deref().is_some_and(|x| x.starts_with("2016-05-09"))),
                "{s}: {e:?}"
            );
        }
    }

    #[test]
    fn other_times_and_distant_bounds_stay() {
        let e = ends("The truce in Aleppo was extended by 72 hours on Sunday.");
        assert!(
            e.iter()
                .all(|x| x.as_deref().is_none_or(|x| !x.starts_with("2016-05-09"))),
            "{e:?}"
        );
        let e = ends("Until Monday the truce held; on Sunday the army extended it.");
        assert!(
            e.iter()
                .all(|x| x.as_deref().is_none_or(|x| !x.starts_with("2016-05-09"))),
            "{e:?}"
        );
    }
}
