//! Whole mentions: points with their clock times and parts of day, and the
//! bounds, intervals and lengths built from them.

use super::Parser;
use crate::expr::{Clock, Day, DayPart, Point, TimeExpr};
use crate::words;

impl Parser<'_> {
    /// The longest mention starting at `i`.
    pub(crate) fn mention(&self, i: usize) -> Option<(TimeExpr, usize)> {
        let candidates = [
            self.between(i),
            self.start_phrase(i),
            self.bound(i),
            self.length_expr(i),
            self.simple_point(i),
        ];
        let mut best: Option<(TimeExpr, usize)> = None;
        for cand in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| cand.1 > b.1) {
                best = Some(cand);
            }
        }
        best
    }

    /// "between X and Y", "from X to Y", "from X until Y".
    fn between(&self, i: usize) -> Option<(TimeExpr, usize)> {
        let j = if self.is(i, "between") {
            i + 1
        } else {
            self.start_word(i)?
        };
        let (a, k) = self.point(j)?;
        let links = ["and", "to", "until", "till", "through", "-", "–"];
        if !self.is_any(k, &links) || (self.is(k, "and") && !self.is(i, "between")) {
            return None;
        }
        let (b, end) = self.point(k + 1)?;
        Some((TimeExpr::Between(a, b), end))
    }

    /// "from X", "starting at X", "as of X", "from X for 72 hours".
    fn start_phrase(&self, i: usize) -> Option<(TimeExpr, usize)> {
        let (start, j) = self.point(self.start_word(i)?)?;
        if self.is(j, "for")
            && let Some((length, end)) = self.length(j)
        {
            return Some((TimeExpr::DurationFrom { length, start }, end));
        }
        Some((TimeExpr::From(start), j))
    }

    /// "until X", "till X", "through X", "by X", "since X".
    fn bound(&self, i: usize) -> Option<(TimeExpr, usize)> {
        let w = self.word(i);
        let until = matches!(w, "until" | "till" | "til" | "through" | "by");
        if !until && w != "since" {
            return None;
        }
        let (p, end) = self.point(i + 1)?;
        let expr = if until {
            TimeExpr::Until(p)
        } else {
            TimeExpr::Since(p)
        };
        Some((expr, end))
    }

    /// A length, "N days ago", or "for three days from 1:00 a.m. on Saturday".
    fn length_expr(&self, i: usize) -> Option<(TimeExpr, usize)> {
        if let Some(r) = self.article_ago(i) {
            return Some(r);
        }
        let (length, j) = self.length(i)?;
        if self.is(j, "ago") && self.amount(i, false).is_some() {
            return Some((TimeExpr::Ago(length), j + 1));
        }
        if let Some(k) = self.start_word(j)
            && let Some((start, end)) = self.point(k)
        {
            return Some((TimeExpr::DurationFrom { length, start }, end));
        }
        Some((TimeExpr::Duration(length), j))
    }

    /// "a year ago", "an hour ago".
    fn article_ago(&self, i: usize) -> Option<(TimeExpr, usize)> {
        if !self.is_any(i, &["a", "an"]) {
            return None;
        }
        let (mut length, j) = self.length(i + 1).or_else(|| self.article_length(i))?;
        length.amount = length.amount.max(1);
        self.is(j, "ago").then_some((TimeExpr::Ago(length), j + 1))
    }

    /// A point with an optional "on", "at", "in" or "during" before it.
    fn simple_point(&self, i: usize) -> Option<(TimeExpr, usize)> {
        let j = if self.is_any(i, &["on", "at", "in", "during"]) {
            i + 1
        } else {
            i
        };
        let (p, end) = self.point(j)?;
        Some((TimeExpr::Point(p), end))
    }

    /// Words opening a start bound → the index after them.
    fn start_word(&self, i: usize) -> Option<usize> {
        let opt = ["from", "at", "on"];
        match self.word(i) {
            "from" => Some(i + 1),
            "starting" | "beginning" | "commencing" | "effective" => {
                Some(if self.is_any(i + 1, &opt) {
                    i + 2
                } else {
                    i + 1
                })
            }
            "as" if self.is_any(i + 1, &["of", "from"]) => Some(i + 2),
            "with" if self.is(i + 1, "effect") && self.is(i + 2, "from") => Some(i + 3),
            _ => None,
        }
    }

    /// A day and/or time: part-of-day phrases, clock-first, day-first.
    pub(crate) fn point(&self, i: usize) -> Option<(Point, usize)> {
        self.part_phrase(i)
            .or_else(|| self.clock_first(i))
            .or_else(|| self.day_first(i))
    }

    /// "tonight", "last night", "this morning", "overnight on Tuesday",
    /// "the night of 19 September".
    fn part_phrase(&self, i: usize) -> Option<(Point, usize)> {
        let part = |d: Day, p: DayPart, end: usize| Some((point(d, Some(Clock::Part(p))), end));
        let next_part = words::day_part(self.word(i + 1));
        match self.word(i) {
            "tonight" => part(Day::Relative(0), DayPart::Night, i + 1),
            "overnight" => {
                let k = self.skip(i + 1, "on");
                match self.day(k) {
                    Some((d, end)) if single_day(&d) => part(d, DayPart::Overnight, end),
                    _ => part(Day::Anchor, DayPart::Overnight, i + 1),
                }
            }
            "this" => part(Day::Relative(0), next_part?, i + 2),
            "last" if matches!(next_part, Some(DayPart::Night | DayPart::Evening)) => {
                part(Day::Relative(-1), next_part?, i + 2)
            }
            _ => self.part_of_day(i),
        }
    }

    /// "the night of Friday", "morning of 19 September".
    fn part_of_day(&self, i: usize) -> Option<(Point, usize)> {
        let j = self.skip(i, "the");
        let p = words::day_part(self.word(j))?;
        if !self.is(j + 1, "of") {
            return None;
        }
        let (d, end) = self.day(j + 2).filter(|(d, _)| single_day(d))?;
        Some((point(d, Some(Clock::Part(p))), end))
    }

    /// "1:00 a.m. on Saturday", "midnight Friday", "at 6 p.m.".
    fn clock_first(&self, i: usize) -> Option<(Point, usize)> {
        let (clock, j) = self.clock(i)?;
        match self.day(self.skip(j, "on")) {
            Some((d, end)) if single_day(&d) => {
                Some((point(d, Some(clock)), self.skip_conversion(end)))
            }
            _ => Some((point(Day::Anchor, Some(clock)), j)),
        }
    }

    /// "Friday night", "Saturday at 1 a.m.", "May 2, 2016", "in March".
    fn day_first(&self, i: usize) -> Option<(Point, usize)> {
        let (d, j) = self.day(i)?;
        if !single_day(&d) {
            return Some((point(d, None), j));
        }
        if let Some(p) = words::day_part(self.word(j)) {
            return Some((point(d, Some(Clock::Part(p))), j + 1));
        }
        let k = self.skip(self.skip(j, ","), "at");
        match self.clock(k) {
            Some((c, end)) => Some((point(d, Some(c)), end)),
            None => Some((point(d, None), j)),
        }
    }
}

fn point(day: Day, time: Option<Clock>) -> Point {
    Point { day, time }
}

/// True when `d` names one day (so a clock time or part of day can attach).
fn single_day(d: &Day) -> bool {
    matches!(
        d,
        Day::Weekday { .. } | Day::Relative(_) | Day::Date { day: Some(_), .. }
    )
}
