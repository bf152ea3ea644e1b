//! What a temporal expression says, before it is anchored to a calendar.

use jiff::civil::Weekday;

/// A temporal expression found in text. It is not yet resolved: it only
/// records what was written. See [`crate::resolve`] for what each form means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeExpr {
    /// A day, a clock time, or both: "on Sunday", "yesterday", "May 2, 2016",
    /// "at 6 p.m.", "overnight on Tuesday", "in March", "last week".
    Point(Point),
    /// A length of time: "for 48 hours", "a 48-hour truce", "another 24 hours".
    Duration(Length),
    /// A length counted back from the anchor: "three days ago".
    Ago(Length),
    /// An end bound: "until Monday", "till midnight", "through Friday",
    /// "by Monday".
    Until(Point),
    /// A start bound: "from Saturday", "starting at midnight", "as of
    /// Saturday", "beginning Friday", "effective from 1 May".
    From(Point),
    /// A start bound in the past with an open end: "since Saturday".
    Since(Point),
    /// Both bounds: "between Saturday and Monday", "from Friday to Sunday".
    Between(Point, Point),
    /// A length from a start: "for three days from 1:00 a.m. on Saturday",
    /// "from midnight for 72 hours".
    DurationFrom {
        /// How long.
        length: Length,
        /// From when.
        start: Point,
    },
}

/// A day and/or a time of day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// Which day (or coarser period) is meant.
    pub day: Day,
    /// The time of day, if one was written.
    pub time: Option<Clock>,
}

/// The day part of a [`Point`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Day {
    /// No day was written ("at midnight", "at 6 p.m."): the anchor's day.
    Anchor,
    /// A weekday name, with an optional "last"/"next"/"this" before it.
    Weekday {
        /// The weekday.
        weekday: Weekday,
        /// The word before it, if any.
        shift: Shift,
    },
    /// A calendar date with any of its parts written: "2 May 2016" (all),
    /// "On 19 September" (no year), "in March" (month only), "March 2016",
    /// "in 2016" (year only).
    Date {
        /// The year, if written.
        year: Option<i16>,
        /// The month (1-12), if written.
        month: Option<i8>,
        /// The day of month (1-31), if written.
        day: Option<i8>,
    },
    /// A day counted from the anchor: yesterday (-1), today (0), tomorrow (1).
    Relative(i32),
    /// A week, month or year counted from the anchor's: "last week" (-1),
    /// "this month" (0), "next year" (1), "earlier this month".
    Period {
        /// Week, month or year.
        unit: Unit,
        /// How many periods from the anchor's.
        offset: i32,
        /// "earlier" / "later" narrow the period to before / after the anchor.
        part: PeriodPart,
    },
}

/// The word written before a weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// Nothing: the direction comes from the context (see [`crate::Direction`]).
    Bare,
    /// "last Friday": strictly before the anchor.
    Last,
    /// "next Friday", "coming Friday": strictly after the anchor.
    Next,
    /// "this Friday": the nearest Friday to the anchor.
    This,
}

/// Which part of a period is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodPart {
    /// The whole period.
    Whole,
    /// "earlier this month": from the period's start to the anchor.
    Earlier,
    /// "later this month": from the anchor to the period's end.
    Later,
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// A clock reading: "1:00 a.m.", "6 p.m.", "18:00 GMT", "noon".
    At {
        /// 0-23.
        hour: i8,
        /// 0-59.
        minute: i8,
        /// True when minutes were written ("1:00", "noon"): minute precision;
        /// otherwise hour precision ("6 p.m.").
        minutes_written: bool,
        /// The zone the reading is in.
        zone: Zone,
    },
    /// "midnight": the end of the day it is attached to (see [`crate::resolve`]).
    Midnight {
        /// The zone the reading is in.
        zone: Zone,
    },
    /// A part of the day: "this morning", "Friday night", "overnight".
    Part(DayPart),
}

/// The zone a clock reading was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// No zone, "local time" or "Damascus time": the resolution zone.
    Local,
    /// "GMT" or "UTC": converted to the resolution zone.
    Utc,
}

/// A named part of a day. Boundaries are those of [`crate::resolve`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    /// 06:00-12:00.
    Morning,
    /// 12:00-18:00.
    Afternoon,
    /// 18:00-24:00.
    Evening,
    /// 18:00 of the day to 06:00 of the next ("Friday night", "tonight").
    Night,
    /// 18:00 of the previous day to 06:00 of the day ("overnight on Tuesday").
    Overnight,
}

/// A unit of duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Calendar days.
    Day,
    /// Weeks of seven days.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// A length of time, with how it relates to what came before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Length {
    /// How many units.
    pub amount: u32,
    /// Which unit.
    pub unit: Unit,
    /// How the length is used.
    pub kind: LengthKind,
}

/// How a [`Length`] is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthKind {
    /// "for 48 hours", "a 72-hour truce": counted from the statement.
    Plain,
    /// "another 24 hours", "by 24 hours", "24 more hours", "a further day":
    /// counted from the previous end when one is known.
    Extension,
    /// "the past 24 hours", "the last three days": ending at the anchor.
    Past,
    /// "the next 48 hours", "within 72 hours", "the coming days": starting
    /// at the anchor.
    Next,
}
