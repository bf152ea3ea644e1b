//! Days and coarser periods: weekdays, calendar dates, "yesterday",
//! "last week", "in March", "in 2016".

use super::Parser;
use crate::expr::{Day, PeriodPart, Shift, Unit};
use crate::words::{self, MonthWord};

impl Parser<'_> {
    /// Any day expression at `i`.
    pub(crate) fn day(&self, i: usize) -> Option<(Day, usize)> {
        self.weekday_phrase(i)
            .or_else(|| self.shifted(i))
            .or_else(|| self.relative_word(i))
            .or_else(|| self.date(i))
    }

    /// "Saturday", or "Saturday, February 27" (the date wins).
    fn weekday_phrase(&self, i: usize) -> Option<(Day, usize)> {
        let weekday = words::weekday(self.word(i))?;
        if let Some(next) = self.tok(i + 1)
            && next.capitalised()
            && words::newspaper_suffix(self.word(i + 1))
        {
            return None;
        }
        let k = self.skip(i + 1, ",");
        if let Some((d @ Day::Date { day: Some(_), .. }, j)) = self.date(k) {
            return Some((d, j));
        }
        // "Sunday (May 1)"
        if self.is(i + 1, "(")
            && let Some((d @ Day::Date { day: Some(_), .. }, j)) = self.date(i + 2)
            && self.is(j, ")")
        {
            return Some((d, j + 1));
        }
        let shift = Shift::Bare;
        Some((Day::Weekday { weekday, shift }, i + 1))
    }

    /// "last Friday", "next week", "this month", "earlier this week".
    fn shifted(&self, i: usize) -> Option<(Day, usize)> {
        let (shift, offset) = match self.word(i) {
            "last" | "past" | "previous" => (Shift::Last, -1),
            "next" | "coming" => (Shift::Next, 1),
            "this" => (Shift::This, 0),
            "earlier" | "later" => return self.early_late(i),
            _ => return None,
        };
        if let Some(weekday) = words::weekday(self.word(i + 1)) {
            return Some((Day::Weekday { weekday, shift }, i + 2));
        }
        let unit = period_unit(self.word(i + 1))?;
        if shift == Shift::Last && self.is(i, "past") {
            return None; // "the past week" is a length, see length.rs
        }
        let part = PeriodPart::Whole;
        Some((Day::Period { unit, offset, part }, i + 2))
    }

    /// "earlier this month", "later this week", "earlier today".
    fn early_late(&self, i: usize) -> Option<(Day, usize)> {
        let part = if self.is(i, "earlier") {
            PeriodPart::Earlier
        } else {
            PeriodPart::Later
        };
        if self.is(i + 1, "today") {
            return Some((Day::Relative(0), i + 2));
        }
        if !self.is(i + 1, "this") {
            return None;
        }
        let unit = period_unit(self.word(i + 2))?;
        Some((
            Day::Period {
                unit,
                offset: 0,
                part,
            },
            i + 3,
        ))
    }

    /// "yesterday", "today", "tomorrow" (but not "USA Today").
    fn relative_word(&self, i: usize) -> Option<(Day, usize)> {
        let n = match self.word(i) {
            "yesterday" => -1,
            "today" if self.prev_word(i) != "usa" => 0,
            "tomorrow" => 1,
            _ => return None,
        };
        Some((Day::Relative(n), i + 1))
    }

    /// A calendar date, possibly partial.
    pub(crate) fn date(&self, i: usize) -> Option<(Day, usize)> {
        self.iso_date(i)
            .or_else(|| self.numeric_date(i))
            .or_else(|| self.month_day(i))
            .or_else(|| self.day_month(i))
            .or_else(|| self.month_year(i))
            .or_else(|| self.bare_month(i))
            .or_else(|| self.bare_year(i))
    }

    /// "2016-02-27" (no spaces allowed inside).
    fn iso_date(&self, i: usize) -> Option<(Day, usize)> {
        let (year, _) = self.year(i)?;
        let parts = [i + 1, i + 2, i + 3, i + 4];
        if !parts.iter().all(|&k| self.touching(k)) || !self.is(i + 1, "-") || !self.is(i + 3, "-")
        {
            return None;
        }
        let month = self.two_digits(i + 2).filter(|m| (1..=12).contains(m))?;
        let day = self.two_digits(i + 4).filter(|d| (1..=31).contains(d))?;
        Some((date(Some(year), Some(month), Some(day)), i + 5))
    }

    /// "01/03/2016", "29-06-2016", "2.10.2017": day first, as Syrian,
    /// Arab and British sources write it, unless only the second number
    /// can be the day ("03/25/2016"). The separators must match and
    /// nothing may stand between the parts.
    fn numeric_date(&self, i: usize) -> Option<(Day, usize)> {
        let small = |k: usize| {
            let t = self.tok(k)?;
            let v = self.num(k).filter(|_| t.raw.len() <= 2)?;
            i8::try_from(v).ok()
        };
        let a = small(i)?;
        let sep = self.word(i + 1);
        if !matches!(sep, "/" | "." | "-")
            || !self.is(i + 3, sep)
            || !(i + 1..=i + 4).all(|k| self.touching(k))
        {
            return None;
        }
        let b = small(i + 2)?;
        let (year, end) = self.year(i + 4)?;
        let (day, month) = if a <= 12 && b > 12 { (b, a) } else { (a, b) };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        Some((date(Some(year), Some(month), Some(day)), end))
    }

    fn two_digits(&self, i: usize) -> Option<i8> {
        let t = self.tok(i)?;
        let v = t.number().filter(|_| t.raw.len() == 2)?;
        i8::try_from(v).ok()
    }

    /// "May 2, 2016", "Feb. 27", "February 27th".
    fn month_day(&self, i: usize) -> Option<(Day, usize)> {
        let (month, j) = self.month_word(i)?;
        let (day, k) = self.day_number(j)?;
        let (year, end) = self.trailing_year(k);
        Some((date(year, Some(month), Some(day)), end))
    }

    /// "2 May 2016", "19 September", "the 27th of February".
    fn day_month(&self, i: usize) -> Option<(Day, usize)> {
        let (day, j) = self.day_number(self.skip(i, "the"))?;
        let (month, k) = self.month_word(self.skip(j, "of"))?;
        let (year, end) = self.trailing_year(k);
        Some((date(year, Some(month), Some(day)), end))
    }

    /// "March 2016", "Feb. 2016".
    fn month_year(&self, i: usize) -> Option<(Day, usize)> {
        let (month, j) = self.month_word(i)?;
        let (year, k) = self.year(self.skip(j, ","))?;
        Some((date(Some(year), Some(month), None), k))
    }

    /// "in March": a month name alone is a date only after a licensing
    /// word; "May" and "March" must also be capitalised ("the truce may
    /// hold", "a march on the city" are not dates).
    fn bare_month(&self, i: usize) -> Option<(Day, usize)> {
        let (month, kind) = words::month(self.word(i))?;
        let ok = match kind {
            MonthWord::Full => true,
            MonthWord::Ambiguous => self.tok(i)?.capitalised(),
            MonthWord::Abbrev => false,
        };
        (ok && self.licensed(i)).then(|| (date(None, Some(month), None), i + 1))
    }

    /// "in 2016", "since 2011": a year alone needs a licensing word.
    fn bare_year(&self, i: usize) -> Option<(Day, usize)> {
        let (year, j) = self.year(i)?;
        self.licensed(i).then(|| (date(Some(year), None, None), j))
    }

    /// True when the word before `i` licenses a bare month or year
    /// ("in", "since", "mid-").
    fn licensed(&self, i: usize) -> bool {
        let prev = self.prev_word(i);
        if prev == "-" {
            return i >= 2 && self.is(i - 2, "mid");
        }
        words::licenses_bare_month(prev)
    }

    /// A month name or abbreviation, with an optional dot after an
    /// abbreviation ("Feb.").
    fn month_word(&self, i: usize) -> Option<(i8, usize)> {
        let (month, kind) = words::month(self.word(i))?;
        let dotted = kind == MonthWord::Abbrev && self.is(i + 1, ".") && self.touching(i + 1);
        Some((month, if dotted { i + 2 } else { i + 1 }))
    }

    /// 1-31 with an optional glued ordinal suffix ("27th").
    fn day_number(&self, i: usize) -> Option<(i8, usize)> {
        let t = self.tok(i)?;
        if t.raw.len() > 2 {
            return None;
        }
        let d = self.num(i).filter(|d| (1..=31).contains(d))?;
        let suffix = ["st", "nd", "rd", "th"].contains(&self.word(i + 1));
        let end = if suffix && self.tok(i + 1).is_some_and(|t| t.glued) {
            i + 2
        } else {
            i + 1
        };
        Some((i8::try_from(d).ok()?, end))
    }

    /// A four-digit year, 1900-2100.
    pub(crate) fn year(&self, i: usize) -> Option<(i16, usize)> {
        let t = self.tok(i)?;
        let y = self
            .num(i)
            .filter(|y| t.raw.len() == 4 && (1900..=2100).contains(y))?;
        Some((i16::try_from(y).ok()?, i + 1))
    }

    /// ", 2016" or " 2016" after a day and month.
    fn trailing_year(&self, k: usize) -> (Option<i16>, usize) {
        match self.year(self.skip(k, ",")) {
            Some((y, end)) => (Some(y), end),
            None => (None, k),
        }
    }
}

fn period_unit(w: &str) -> Option<Unit> {
    match w {
        "week" => Some(Unit::Week),
        "month" => Some(Unit::Month),
        "year" => Some(Unit::Year),
        _ => None,
    }
}

fn date(year: Option<i16>, month: Option<i8>, day: Option<i8>) -> Day {
    Day::Date { year, month, day }
}
