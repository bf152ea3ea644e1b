//! Lengths of time: "for 48 hours", "a 48-hour truce", "another 24 hours",
//! "by 24 hours", "the past 24 hours", "within 72 hours", "three days".

use super::Parser;
use crate::expr::{Length, LengthKind, Unit};
use crate::words;

impl Parser<'_> {
    /// A length with its leading words ("for", "another", "the past", ...).
    pub(crate) fn length(&self, i: usize) -> Option<(Length, usize)> {
        let (lead, j) = match self.word(i) {
            w @ ("for" | "over" | "within" | "during" | "by" | "in") => (w, i + 1),
            _ => ("", i),
        };
        let after_the = self.skip(j, "the");
        if let Some((kind, k, implicit_one)) = self.modifier(after_the) {
            let (amount, unit, end) = self.core(k, false, implicit_one)?;
            let (_, end) = self.more(end);
            return Some((Length { amount, unit, kind }, end));
        }
        if after_the != j || lead == "in" {
            return None; // "the 48 hours", "in 48 hours": not handled
        }
        let (amount, unit, end) = self.core(j, !lead.is_empty(), false)?;
        let kind = match lead {
            "by" => LengthKind::Extension,
            "within" => LengthKind::Next,
            _ => LengthKind::Plain,
        };
        let (more, end) = self.more(end);
        let more = more || (j..end).any(|k| self.is(k, "more"));
        let kind = if more { LengthKind::Extension } else { kind };
        Some((Length { amount, unit, kind }, end))
    }

    /// "a day", "an hour": a plain length of one unit.
    pub(crate) fn article_length(&self, i: usize) -> Option<(Length, usize)> {
        let (amount, unit, end) = self.core(i, true, false)?;
        let kind = LengthKind::Plain;
        Some((Length { amount, unit, kind }, end))
    }

    /// "another", "an additional", "a further", "an extra", "past", "last",
    /// "next", "coming" → (kind, next index, may the amount be omitted).
    fn modifier(&self, i: usize) -> Option<(LengthKind, usize, bool)> {
        match self.word(i) {
            "another" => Some((LengthKind::Extension, i + 1, true)),
            "an" | "a" if self.is_any(i + 1, &["additional", "further", "extra"]) => {
                Some((LengthKind::Extension, i + 2, true))
            }
            "past" => Some((LengthKind::Past, i + 1, true)),
            "last" | "previous" => Some((LengthKind::Past, i + 1, false)),
            "next" | "coming" | "following" => Some((LengthKind::Next, i + 1, false)),
            _ => None,
        }
    }

    /// Skips a trailing "more" ("24 more hours" is handled in `core`).
    fn more(&self, i: usize) -> (bool, usize) {
        if self.is(i, "more") {
            (true, i + 1)
        } else {
            (false, i)
        }
    }

    /// AMOUNT UNIT, AMOUNT-UNIT ("48-hour"), UNIT-long ("month-long").
    /// `article`: may the amount be "a"/"an". `implicit_one`: may it be absent.
    fn core(&self, i: usize, article: bool, implicit_one: bool) -> Option<(u32, Unit, usize)> {
        if let Some(r) = self.unit_long(i) {
            return Some(r);
        }
        let (amount, j) = match self.amount(i, article) {
            Some(a) => a,
            None if implicit_one => (1, i),
            None => return None,
        };
        let j = if self.is(j, "more") { j + 1 } else { j };
        let hyphen = self.is(j, "-") && self.touching(j) && self.touching(j + 1);
        let u = if hyphen { j + 1 } else { j };
        let unit = self.unit(u)?;
        let end = if hyphen && self.is(u + 1, "-") && self.is(u + 2, "long") {
            u + 3
        } else {
            u + 1
        };
        Some((amount, unit, end))
    }

    /// "month-long", "week-long".
    fn unit_long(&self, i: usize) -> Option<(u32, Unit, usize)> {
        let unit = self.unit(i)?;
        let long = self.is(i + 1, "-") && self.is(i + 2, "long") && self.touching(i + 2);
        long.then_some((1, unit, i + 3))
    }

    /// A unit word; "h" only when glued to digits ("24h").
    fn unit(&self, i: usize) -> Option<Unit> {
        let t = self.tok(i)?;
        if self.word(i) == "h" && t.glued {
            return Some(Unit::Hour);
        }
        words::unit(self.word(i))
    }

    /// Digits (1-9999), number words ("three", "forty-eight", "twenty
    /// four"), or "a"/"an" when `article` is allowed.
    pub(crate) fn amount(&self, i: usize, article: bool) -> Option<(u32, usize)> {
        let w = self.word(i);
        if article && (w == "a" || w == "an") {
            return Some((1, i + 1));
        }
        if let Some(n) = self.num(i).filter(|n| (1..10_000).contains(n)) {
            return Some((n, i + 1));
        }
        if let Some(n) = words::small_number(w) {
            return Some((n, i + 1));
        }
        let tens = words::tens(w)?;
        let k = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
        match words::small_number(self.word(k)).filter(|n| *n < 10) {
            Some(ones) => Some((tens + ones, k + 1)),
            None => Some((tens, i + 1)),
        }
    }
}
