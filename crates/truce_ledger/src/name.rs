//! Human names of truce records: scope, kind and start, such as
//! "Eastern Ghouta regime of calm, 30 Apr 2016" or "Syria cessation of
//! hostilities, 27 Feb 2016".
//!
//! - The scope is the country of a national truce, else the first one or
//!   two places its claims name ("Damascus and Latakia"), with "and N
//!   more" beyond two; a truce no claim places is "unplaced".
//! - The kind is the truce's name in words ("regime of calm",
//!   "de-escalation zone").
//! - The date is its start as all its claims give it; a truce with no
//!   start is named by the day it was first spoken of ("mentioned 3 May
//!   2016"). The name is an identifier built from everything stored, so
//!   it may carry a start that a question asked earlier does not know yet.

use crate::Ledger;
use crate::assess::COARSE;
use crate::record::Level;
use jiff::civil::{Date, DateTime};

/// A truce kind (`regime_of_calm`) in words.
pub fn kind_words(kind: &str) -> String {
    match kind {
        "de_escalation" => "de-escalation zone".to_string(),
        _ => kind.replace('_', " "),
    }
}

/// `30 Apr 2016`.
pub fn day_words(d: Date) -> String {
    d.strftime("%-d %b %Y").to_string()
}

impl Ledger {
    /// The human name of truce record `t` (module docs), computed once.
    pub(crate) fn human_name(&self, t: usize) -> &str {
        self.truces[t].title.get_or_init(|| self.build_name(t))
    }

    fn build_name(&self, t: usize) -> String {
        let truce = &self.truces[t];
        let scope = self.scope_words(t);
        let kind = kind_words(self.usual_kind(t));
        let start = self.assess(t, None, DateTime::MAX).and_then(|a| a.start);
        // a start only a month names ("accepted in February") is no day
        let by_day =
            |s: DateTime| (truce.facts.iter()).any(|f| !f.has(COARSE) && f.said.date() == s.date());
        match start {
            Some(s) if !by_day(s) => format!("{scope} {kind}, {}", s.strftime("%b %Y")),
            Some(s) => format!("{scope} {kind}, {}", day_words(s.date())),
            None => format!(
                "{scope} {kind}, mentioned {}",
                day_words(truce.first.date())
            ),
        }
    }

    /// The name its claims use most, a specific one ("regime of calm",
    /// "cessation of hostilities") before the generic "truce" and
    /// "ceasefire"; the first claim's on a tie.
    fn usual_kind(&self, t: usize) -> &str {
        let truce = &self.truces[t];
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for n in truce.claims().filter_map(|c| self.claims[c].name()) {
            match counts.iter_mut().find(|(m, _)| *m == n) {
                Some((_, k)) => *k += 1,
                None => counts.push((n, 1)),
            }
        }
        let generic = |n: &str| matches!(n, "truce" | "ceasefire");
        let best = |specific: bool| {
            counts
                .iter()
                .filter(|(n, _)| generic(n) != specific)
                .fold(None, |best: Option<(&str, usize)>, &(n, k)| match best {
                    Some((_, b)) if b >= k => best,
                    _ => Some((n, k)),
                })
                .map(|(n, _)| n)
        };
        best(true).or(best(false)).unwrap_or(&truce.name)
    }

    fn scope_words(&self, t: usize) -> String {
        let truce = &self.truces[t];
        if truce.level == Level::National
            && let Some(c) = truce.country
        {
            return self.gaz.get(c).name.clone();
        }
        let names: Vec<&str> = truce
            .areas
            .iter()
            .map(|&p| self.gaz.get(p).name.as_str())
            .collect();
        match names.as_slice() {
            [] => "unplaced".to_string(),
            [one] => (*one).to_string(),
            [a, b] => format!("{a} and {b}"),
            [a, b, rest @ ..] => format!("{a}, {b} and {} more", rest.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_as_words() {
        assert_eq!(kind_words("regime_of_calm"), "regime of calm");
        assert_eq!(kind_words("ceasefire"), "ceasefire");
        assert_eq!(kind_words("de_escalation"), "de-escalation zone");
    }

    #[test]
    fn days_read_as_words() {
        let d = jiff::civil::date(2016, 4, 30);
        assert_eq!(day_words(d), "30 Apr 2016");
        assert_eq!(day_words(jiff::civil::date(2017, 1, 2)), "2 Jan 2017");
    }
}
