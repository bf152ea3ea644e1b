//! `time.opening`: a date that opens a sentence dates all of it.
//!
//! Matches a point in time at the head of a sentence, at most one word in
//! ("On 9 July 2017, ...", "In late February, ...", "Early on Sunday, ..."),
//! closed by a comma. Every claim of the sentence that has no time of its
//! own takes it: "On 12 March, the army announced a truce for Homs and
//! rebels accepted it" dates both the declaration and the acceptance.
//! Must not match a date inside the sentence ("Rebels said on Monday, ...":
//! that day belongs to the reporting verb), a date not closed by a comma
//! ("On Sunday the truce held" is the claim's own time and reaches it
//! anyway), or a length ("For 48 hours, ..." is a window, not a date).
//!
//! The same holds inside a sentence: a date set off by commas after a
//! clause break ("..., and on 20 April, rebels declared a truce") opens the
//! clause that follows it, so it dates the claim after it, not the one
//! before.

use crate::doc::{Doc, Sentence};
use truce_time::TimeExpr;

/// The index of the time that opens sentence `s`, if one does.
pub(crate) fn opening(doc: &Doc<'_>, s: &Sentence) -> Option<usize> {
    let start = doc.folded.to_folded(s.span.start);
    let (i, t) = s.times.iter().enumerate().next()?;
    if !matches!(t.expr, TimeExpr::Point(_)) || doc.words_between(start, t.folded.0) > 1 {
        return None;
    }
    let rest = doc.folded.text().get(t.folded.1..)?;
    rest.trim_start().starts_with(',').then_some(i)
}

/// Whether time `t` of `s` opens the clause after it: it follows a comma
/// (and perhaps "and", "but", "then") and a comma follows it.
pub(crate) fn leads_clause(doc: &Doc<'_>, s: &Sentence, t: usize) -> bool {
    let Some(t) = s.times.get(t) else {
        return false;
    };
    let text = doc.folded.text();
    let before = text.get(..t.folded.0).unwrap_or("").trim_end();
    let before = ["and", "but", "then", "on", "in"]
        .iter()
        .fold(before, |b, w| b.strip_suffix(w).map_or(b, str::trim_end));
    let after = text.get(t.folded.1..).unwrap_or("");
    before.ends_with(',') && after.trim_start().starts_with(',')
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Input};
    use std::sync::LazyLock;

    static EXTRACTOR: LazyLock<Extractor> =
        LazyLock::new(|| Extractor::new().expect("the embedded extractor builds"));

    /// The start day of every claim read from `text`, published 2016-05-01.
    fn days(text: &str) -> Vec<String> {
        let input = Input::new(text, "2016-05-01").expect("a valid date");
        (EXTRACTOR.extract(&input).claims.iter())
            .map(|c| {
                let start = c.time.as_ref().and_then(|t| t.start.clone());
                start.unwrap_or_default().chars().take(10).collect()
            })
            .collect()
    }

    #[test]
    fn an_opening_date_dates_every_claim() {
        for (s, day) in [
            (
                "On 12 March, the army announced a truce for Homs.",
                "2016-03-12",
            ),
            (
                "On 9 July 2015, a ceasefire in southern Syria went into effect.",
                "2015-07-09",
            ),
            (
                "On April 20, airstrikes killed six civilians in Idlib.",
                "2016-04-20",
            ),
            (
                "On 3 February, rebels accepted the truce in Daraa.",
                "2016-02-03",
            ),
            (
                "On 14 April, the truce in Homs was extended by 72 hours.",
                "2016-04-14",
            ),
        ] {
            let d = days(s);
            assert!(!d.is_empty() && d.iter().all(|x| x == day), "{s}: {d:?}");
        }
    }

    /// Not this rule's work but the same question, so tested here: a
    /// dateline's date ("DAMASCUS, April 29 (Wire) -") is when the report
    /// was filed, never a claim's time (`reader::dateline_end`); and a
    /// start told in the past ("announced a truce starting on Thursday",
    /// in a report of Sunday 1 May) is the nearest such day, unless it is
    /// a plan.
    #[test]
    fn datelines_and_told_starts() {
        for (s, day) in [
            (
                "HOMS, April 29 (Wire) - The army announced a 72-hour truce in Homs starting at 1 a.m. on Thursday.",
                "2016-04-28",
            ),
            (
                "DARAA, April 30 (Wire) - A ceasefire in Daraa began on Thursday.",
                "2016-04-28",
            ),
            (
                "The army announced a truce in Homs starting on Friday, state media said.",
                "2016-04-29",
            ),
            (
                "The army said a truce in Homs will take effect starting on Thursday.",
                "2016-05-05",
            ),
        ] {
            let d = days(s);
            assert!(d.iter().any(|x| x == day), "{s}: {d:?}");
            assert!(
                d.iter().all(|x| x != "2016-04-29" || day == "2016-04-29"),
                "{s}: {d:?}"
            );
        }
    }

    /// (kind, start day) of every claim read from `text`.
    fn kind_days(text: &str) -> Vec<(String, String)> {
        let input = Input::new(text, "2016-05-01").expect("a valid date");
        (EXTRACTOR.extract(&input).claims.iter())
            .map(|c| {
                let start = c.time.as_ref().and_then(|t| t.start.clone());
                let day = start.unwrap_or_default().chars().take(10).collect();
                (c.kind.as_str().to_owned(), day)
            })
            .collect()
    }

    #[test]
    fn other_dates_stay_where_they_are() {
        for (s, kind, not) in [
            (
                "Rebels who fled Homs on 12 March, activists said, accepted the truce.",
                "truce.accepted",
                "2016-03-12",
            ),
            (
                "For 48 hours, the truce in Homs held.",
                "truce.in_force",
                "2016-04-29",
            ),
            (
                "Shelling killed two people in Hama, and on 20 April, rebels declared a truce.",
                "incident.attack",
                "2016-04-20",
            ),
            (
                "The army announced a truce for Daraa; on 2 March, it began.",
                "truce.declared",
                "2016-03-02",
            ),
            (
                "Airstrikes killed six people in Idlib as, on 20 April, the truce ended.",
                "incident.attack",
                "2016-04-20",
            ),
        ] {
            let d = kind_days(s);
            let hit = d.iter().filter(|(k, _)| k == kind);
            assert!(d.iter().any(|(k, _)| k == kind), "{s}: {d:?}");
            assert!(hit.clone().all(|(_, x)| x != not), "{s}: {d:?}");
        }
    }
}
