//! Resolving a point (a day plus an optional clock time or part of day) to
//! an interval of local civil date-times.

use super::Env;
use super::day::day_span;
use crate::context::Direction;
use crate::expr::{Clock, Day, DayPart, Point, Zone};
use crate::value::Precision;
use jiff::ToSpan;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// An inclusive interval in the resolution zone's civil time.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Civil {
    pub start: DateTime,
    pub end: DateTime,
    pub precision: Precision,
}

/// Resolves a point. Clock readings attach to the first day of the day span.
///
/// Midnight is read as news uses it: "midnight on Friday" and "Friday at
/// midnight" are the end of Friday (Saturday 00:00), as in "the truce takes
/// effect at midnight on Friday". A bare "midnight" is the next one in the
/// future direction ("starting at midnight") and the one that began the
/// anchor's day in the past direction.
pub(crate) fn point(p: &Point, env: &Env<'_>, dir: Direction, strict: bool) -> Option<Civil> {
    let (first, last, precision) = day_span(&p.day, env, dir, strict)?;
    match p.time {
        None => Some(Civil {
            start: first.to_datetime(jiff::civil::Time::midnight()),
            end: last.to_datetime(jiff::civil::Time::midnight()),
            precision,
        }),
        Some(Clock::Part(part)) => part_span(first, part),
        Some(Clock::At {
            hour,
            minute,
            minutes_written,
            zone,
        }) => {
            let t = clock_time(first, hour, minute, zone, env.tz)?;
            let precision = if minutes_written {
                Precision::Minute
            } else {
                Precision::Hour
            };
            Some(instant(t, precision))
        }
        Some(Clock::Midnight { zone }) => {
            let same_day = matches!(p.day, Day::Anchor) && dir == Direction::Past;
            let day = if same_day {
                first
            } else {
                first.checked_add(1.day()).ok()?
            };
            Some(instant(
                clock_time(day, 0, 0, zone, env.tz)?,
                Precision::Minute,
            ))
        }
    }
}

fn instant(t: DateTime, precision: Precision) -> Civil {
    Civil {
        start: t,
        end: t,
        precision,
    }
}

/// A clock reading on `day`, converted from UTC to local civil time if
/// written in GMT/UTC.
fn clock_time(day: Date, hour: i8, minute: i8, zone: Zone, tz: &TimeZone) -> Option<DateTime> {
    let dt = day.to_datetime(jiff::civil::Time::new(hour, minute, 0, 0).ok()?);
    match zone {
        Zone::Local => Some(dt),
        Zone::Utc => {
            let z = dt.to_zoned(TimeZone::UTC).ok()?;
            Some(z.with_time_zone(tz.clone()).datetime())
        }
    }
}

/// Parts of the day, hour precision. "Friday night" and "tonight" run from
/// 18:00 to 06:00 the next morning. "Overnight on Tuesday" is the night that
/// ends on Tuesday morning (Monday 18:00 to Tuesday 06:00), the usual sense
/// in wire copy ("airstrikes overnight on Tuesday" are reported on Tuesday).
fn part_span(day: Date, part: DayPart) -> Option<Civil> {
    let (start, end) = match part {
        DayPart::Morning => (day.at(6, 0, 0, 0), day.at(12, 0, 0, 0)),
        DayPart::Afternoon => (day.at(12, 0, 0, 0), day.at(18, 0, 0, 0)),
        DayPart::Evening => (day.at(18, 0, 0, 0), next(day)?.at(0, 0, 0, 0)),
        DayPart::Night => (day.at(18, 0, 0, 0), next(day)?.at(6, 0, 0, 0)),
        DayPart::Overnight => (
            day.checked_sub(1.day()).ok()?.at(18, 0, 0, 0),
            day.at(6, 0, 0, 0),
        ),
    };
    Some(Civil {
        start,
        end,
        precision: Precision::Hour,
    })
}

fn next(day: Date) -> Option<Date> {
    day.checked_add(1.day()).ok()
}
