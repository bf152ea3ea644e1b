//! Resolving the day part of a point to a range of civil dates.

use super::Env;
use crate::context::Direction;
use crate::expr::{Day, PeriodPart, Shift, Unit};
use crate::value::Precision;
use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};

/// First and last day (inclusive) and precision.
pub(crate) type DaySpan = (Date, Date, Precision);

/// Resolves `day` against the environment's anchor. `strict` makes a bare
/// weekday skip the anchor's own day (used by "until Monday").
pub(crate) fn day_span(day: &Day, env: &Env<'_>, dir: Direction, strict: bool) -> Option<DaySpan> {
    let anchor = env.anchor.date;
    match *day {
        Day::Anchor => Some((anchor, anchor, Precision::Day)),
        Day::Relative(n) => {
            let d = add_days(anchor, i64::from(n))?;
            Some((d, d, Precision::Day))
        }
        Day::Weekday { weekday, shift } => {
            let d = weekday_date(anchor, weekday, mode(shift, dir, strict))?;
            Some((d, d, Precision::Day))
        }
        Day::Date { year, month, day } => date_span(year, month, day, env, dir),
        Day::Period { unit, offset, part } => period_span(anchor, unit, offset, part),
    }
}

/// How a weekday is looked for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    OnOrBefore,
    Before,
    OnOrAfter,
    After,
    Nearest,
}

/// "last Friday" is strictly before, "next Friday" strictly after, "this
/// Friday" the nearest; a bare weekday follows the direction, strictly so
/// when `strict` ("until Monday" said on a Monday means the next Monday).
fn mode(shift: Shift, dir: Direction, strict: bool) -> Mode {
    match (shift, dir) {
        (Shift::Last, _) => Mode::Before,
        (Shift::Next, _) => Mode::After,
        (Shift::This, _) | (Shift::Bare, Direction::Nearest) => Mode::Nearest,
        (Shift::Bare, Direction::Past) if strict => Mode::Before,
        (Shift::Bare, Direction::Past) => Mode::OnOrBefore,
        (Shift::Bare, Direction::Future) if strict => Mode::After,
        (Shift::Bare, Direction::Future) => Mode::OnOrAfter,
    }
}

fn weekday_date(anchor: Date, target: Weekday, mode: Mode) -> Option<Date> {
    let a = i64::from(anchor.weekday().to_monday_zero_offset());
    let t = i64::from(target.to_monday_zero_offset());
    let back = (a - t).rem_euclid(7);
    let fwd = (t - a).rem_euclid(7);
    let offset = match mode {
        Mode::OnOrBefore => -back,
        Mode::Before => -(if back == 0 { 7 } else { back }),
        Mode::OnOrAfter => fwd,
        Mode::After => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Mode::Nearest if back <= fwd => -back,
        Mode::Nearest => fwd,
    };
    add_days(anchor, offset)
}

fn date_span(
    year: Option<i16>,
    month: Option<i8>,
    day: Option<i8>,
    env: &Env<'_>,
    dir: Direction,
) -> Option<DaySpan> {
    match (year, month, day) {
        (_, Some(m), Some(d)) => {
            let date = match year {
                Some(y) => Date::new(y, m, d).ok()?,
                None => infer_year(|y| Date::new(y, m, d).ok(), env, dir)?,
            };
            Some((date, date, Precision::Day))
        }
        (_, Some(m), None) => {
            let first = match year {
                Some(y) => Date::new(y, m, 1).ok()?,
                None => infer_year(|y| Date::new(y, m, 1).ok(), env, dir)?,
            };
            Some((first, first.last_of_month(), Precision::Month))
        }
        (Some(y), None, None) => {
            let first = Date::new(y, 1, 1).ok()?;
            Some((first, Date::new(y, 12, 31).ok()?, Precision::Year))
        }
        _ => None,
    }
}

/// The year of a date written without one ("On 19 September").
///
/// With a year hint (the year last written in the text) that year is used
/// as is. Otherwise the publication year, or the year before or after,
/// whichever puts the date in a window around publication: for the past and
/// nearest directions from ~10 months before to 2 months after publication
/// (so "19 September" in a May report is last September), for the future
/// direction from 2 months before to ~10 months after (so "until 5
/// January" in a December report is next January).
fn infer_year(make: impl Fn(i16) -> Option<Date>, env: &Env<'_>, dir: Direction) -> Option<Date> {
    if let Some(y) = env.ctx.year_hint {
        return make(y);
    }
    let published = env.ctx.published.date;
    let (lo, hi) = match dir {
        Direction::Future => (-61, 304),
        Direction::Past | Direction::Nearest => (-304, 61),
    };
    let y0 = published.year();
    let candidates = [y0, y0.saturating_sub(1), y0.saturating_add(1)];
    let in_window = |d: &Date| {
        published
            .until((jiff::Unit::Day, *d))
            .is_ok_and(|s| (lo..=hi).contains(&s.get_days()))
    };
    let found = candidates.iter().filter_map(|&y| make(y)).find(in_window);
    found.or_else(|| make(y0))
}

fn period_span(anchor: Date, unit: Unit, offset: i32, part: PeriodPart) -> Option<DaySpan> {
    let (first, last, precision) = match unit {
        Unit::Week => {
            let back = i64::from(anchor.weekday().to_monday_zero_offset());
            let monday = anchor.checked_sub(back.days()).ok()?;
            let first = add_days(monday, i64::from(offset).checked_mul(7)?)?;
            (first, first.checked_add(6.days()).ok()?, Precision::Week)
        }
        Unit::Month => {
            let first = anchor
                .first_of_month()
                .checked_add(Span::new().try_months(offset).ok()?)
                .ok()?;
            (first, first.last_of_month(), Precision::Month)
        }
        Unit::Year => {
            let first = Date::new(anchor.year(), 1, 1).ok()?;
            let first = first
                .checked_add(Span::new().try_years(offset).ok()?)
                .ok()?;
            (
                first,
                Date::new(first.year(), 12, 31).ok()?,
                Precision::Year,
            )
        }
        Unit::Minute | Unit::Hour | Unit::Day => return None,
    };
    Some(match part {
        PeriodPart::Whole => (first, last, precision),
        PeriodPart::Earlier => (first, anchor.clamp(first, last), precision),
        PeriodPart::Later => (anchor.clamp(first, last), last, precision),
    })
}

/// `date` moved by `n` days, `None` when out of range (never panics).
pub(crate) fn add_days(date: Date, n: i64) -> Option<Date> {
    date.checked_add(Span::new().try_days(n).ok()?).ok()
}
