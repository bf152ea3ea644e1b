//! Resolved values: an interval of zoned times with a precision.

use jiff::Zoned;

/// How precisely a [`TimeValue`] is known. Ordered from finest to coarsest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// To the minute ("1:00 a.m.", "midnight", "18:00 GMT").
    Minute,
    /// To the hour ("6 p.m.", "Friday night", "overnight on Tuesday").
    Hour,
    /// To the day ("until Monday", "yesterday", "2 May 2016").
    Day,
    /// To the week ("last week").
    Week,
    /// To the month ("in March 2016", "earlier this month").
    Month,
    /// To the year ("in 2016").
    Year,
    /// Not resolved: there was no anchor or the date does not exist.
    Unresolved,
}

impl Precision {
    /// The lowercase name used in serialised output ("minute", "day", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Minute => "minute",
            Precision::Hour => "hour",
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Unresolved => "unresolved",
        }
    }

    /// True for day precision or coarser (dates are printed without a time).
    pub fn is_date_only(self) -> bool {
        self >= Precision::Day
    }
}

/// A resolved time: a point (start == end) or an interval, with a
/// precision. Both bounds are inclusive at the precision: a day-precision
/// `end` of 2016-05-02 means "through Monday 2 May". An open bound is `None`
/// ("until Monday" has no start; "since Saturday" has no end). Zoned values
/// are in the resolution zone (Asia/Damascus by default); day-precision
/// values sit at the start of their day.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeValue {
    /// The start, if bounded.
    pub start: Option<Zoned>,
    /// The end, if bounded.
    pub end: Option<Zoned>,
    /// How precisely the bounds are known.
    pub precision: Precision,
}

impl TimeValue {
    /// A value that could not be resolved.
    pub fn unresolved() -> Self {
        TimeValue {
            start: None,
            end: None,
            precision: Precision::Unresolved,
        }
    }

    /// The start as ISO 8601: "2016-05-02" at day precision or coarser,
    /// "2016-05-01T01:00:00+03:00" at hour or minute precision.
    pub fn start_iso(&self) -> Option<String> {
        self.start.as_ref().map(|z| iso(z, self.precision))
    }

    /// The end, formatted like [`TimeValue::start_iso`].
    pub fn end_iso(&self) -> Option<String> {
        self.end.as_ref().map(|z| iso(z, self.precision))
    }
}

fn iso(z: &Zoned, precision: Precision) -> String {
    if precision.is_date_only() {
        z.date().to_string()
    } else {
        z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }
}
