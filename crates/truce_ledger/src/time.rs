//! Times in claims: ISO strings read into civil (wall-clock) intervals.

use jiff::ToSpan;
use jiff::civil::{Date, DateTime, Time};

/// A half-open interval `[start, end)` of wall-clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bounds {
    pub start: DateTime,
    pub end: DateTime,
}

/// Reads `2016-05-02` (the whole day), `2016-05` (the month), `2016`
/// (the year) or `2016-04-09T00:00:00+03:00` (a point: the offset is
/// dropped, times are compared as the wall-clock time of the report).
pub(crate) fn parse_bounds(text: &str) -> Option<Bounds> {
    let text = text.trim();
    if let Some((day, clock)) = text.split_once('T') {
        let date: Date = day.parse().ok()?;
        let clock = clock.trim_end_matches('Z');
        let clock = clock.split(['+', '-']).next()?;
        let time: Time = clock.parse().ok()?;
        let point = date.to_datetime(time);
        return Some(Bounds {
            start: point,
            end: point,
        });
    }
    let (start, span) = match text.len() {
        4 => (
            Date::new(text.parse().ok()?, 1, 1).ok()?,
            jiff::Span::new().years(1),
        ),
        7 => (format!("{text}-01").parse().ok()?, 1.month()),
        _ => (text.parse().ok()?, 1.day()),
    };
    let end = start.checked_add(span).ok()?;
    Some(Bounds {
        start: start.to_datetime(Time::midnight()),
        end: end.to_datetime(Time::midnight()),
    })
}

/// Parses a query time: `2016-05-01T20:00`, `2016-05-01 20:00` or a date
/// (midnight).
pub(crate) fn parse_query(text: &str) -> Option<DateTime> {
    let text = text.trim().replace(' ', "T");
    if text.contains('T') {
        return parse_bounds(&text).map(|b| b.start);
    }
    parse_bounds(&text).map(|b| b.start)
}

/// `a` and `b` are at most `days` apart.
pub(crate) fn within_days(a: DateTime, b: DateTime, days: i64) -> bool {
    let gap = a.duration_since(b).abs();
    gap <= jiff::SignedDuration::from_hours(24 * days)
}

/// Adds hours, saturating on overflow.
pub(crate) fn add_hours(t: DateTime, hours: f64) -> DateTime {
    let secs = (hours * 3600.0).round() as i64;
    t.checked_add(jiff::SignedDuration::from_secs(secs))
        .unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_month_year_and_points() {
        let d = parse_bounds("2016-05-02").expect("day");
        assert_eq!(d.start.to_string(), "2016-05-02T00:00:00");
        assert_eq!(d.end.to_string(), "2016-05-03T00:00:00");
        let m = parse_bounds("2016-02").expect("month");
        assert_eq!(m.end.to_string(), "2016-03-01T00:00:00");
        let y = parse_bounds("2016").expect("year");
        assert_eq!(y.end.to_string(), "2017-01-01T00:00:00");
        let p = parse_bounds("2016-04-09T13:30:00+03:00").expect("point");
        assert_eq!(p.start.to_string(), "2016-04-09T13:30:00");
        assert_eq!(p.start, p.end);
        assert!(parse_bounds("sunday").is_none());
        assert_eq!(
            parse_query("2016-05-01 20:00").map(|t| t.to_string()),
            Some("2016-05-01T20:00:00".to_string())
        );
    }
}
