//! Lengths: adding them to a base, and resolving "for another 24 hours",
//! "the past 24 hours" and "three days ago".

use super::Env;
use crate::expr::{Length, LengthKind, Unit};
use crate::value::{Precision, TimeValue};
use jiff::civil::Time;
use jiff::{Span, Zoned};

/// `base` moved by `sign` × `len`.
///
/// At day precision or coarser the arithmetic is done on civil dates from
/// the start of the base day, so 24 hours from 2016-05-01 is 2016-05-02 and
/// 36 hours is also 2016-05-02 (the result is truncated to its day). At
/// hour or minute precision hours are exact elapsed time (a DST change does
/// not stretch "72 hours") and days are calendar days.
pub(crate) fn shift(base: &Zoned, precision: Precision, len: Length, sign: i64) -> Option<Zoned> {
    let span = to_span(len, sign)?;
    if precision.is_date_only() {
        let start = base.date().to_datetime(Time::midnight());
        let moved = start.checked_add(span).ok()?;
        moved.date().to_zoned(base.time_zone().clone()).ok()
    } else {
        base.checked_add(span).ok()
    }
}

fn to_span(len: Length, sign: i64) -> Option<Span> {
    let n = i64::from(len.amount).checked_mul(sign)?;
    let s = Span::new();
    match len.unit {
        Unit::Minute => s.try_minutes(n),
        Unit::Hour => s.try_hours(n),
        Unit::Day => s.try_days(n),
        Unit::Week => s.try_weeks(n),
        Unit::Month => s.try_months(n),
        Unit::Year => s.try_years(n),
    }
    .ok()
}

/// A length on its own.
///
/// - Extension ("another 24 hours", "by 24 hours") and plain ("for 48
///   hours", "a 48-hour truce") lengths start at the context's previous end
///   when one is given (the caller sets it only when the text extends a known
///   truce), else at the anchor (statement day, else publication).
/// - Past lengths ("the past 24 hours") end at the anchor.
/// - Next lengths ("within 72 hours", "the next 48 hours") start at the anchor.
///
/// The precision is the base's: day when only dates are known.
pub(crate) fn duration(len: Length, env: &Env<'_>) -> Option<TimeValue> {
    let from_previous = matches!(len.kind, LengthKind::Extension | LengthKind::Plain);
    let previous = if from_previous {
        previous_end(env)
    } else {
        None
    };
    let (base, precision) = previous.or_else(|| env.anchor_zoned())?;
    let (start, end) = if len.kind == LengthKind::Past {
        (shift(&base, precision, len, -1)?, base)
    } else {
        let end = shift(&base, precision, len, 1)?;
        (base, end)
    };
    Some(TimeValue {
        start: Some(start),
        end: Some(end),
        precision,
    })
}

/// "three days ago": a point that far before the anchor. Day precision,
/// or minute precision for hours and minutes when the anchor's time is known.
pub(crate) fn ago(len: Length, env: &Env<'_>) -> Option<TimeValue> {
    let (base, precision) = env.anchor_zoned()?;
    let precision = match len.unit {
        Unit::Minute | Unit::Hour => precision,
        _ => Precision::Day,
    };
    let at = shift(&base, precision, len, -1)?;
    Some(TimeValue {
        start: Some(at.clone()),
        end: Some(at),
        precision,
    })
}

fn previous_end(env: &Env<'_>) -> Option<(Zoned, Precision)> {
    let prev = env.ctx.previous_end.as_ref()?;
    if prev.precision == Precision::Unresolved {
        return None;
    }
    let z = prev.end.as_ref().or(prev.start.as_ref())?;
    Some((z.with_time_zone(env.tz.clone()), prev.precision))
}
