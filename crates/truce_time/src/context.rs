//! What expressions are resolved against.

use crate::value::TimeValue;
use jiff::civil::{Date, Time};

/// A known moment: a day, and the time of day when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// The day.
    pub date: Date,
    /// The local time of day, when known.
    pub time: Option<Time>,
}

impl Anchor {
    /// An anchor known to the day only.
    pub fn day(date: Date) -> Self {
        Anchor { date, time: None }
    }
}

/// Everything [`crate::resolve`] may use.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    /// The document's publication.
    pub published: Anchor,
    /// The day the statement was made, if known ("Russia on Sunday said" →
    /// that Sunday). Relative words resolve against this first, then against
    /// `published`.
    pub statement: Option<Anchor>,
    /// The previous end of the truce a length extends ("extended for another
    /// 24 hours"), if known.
    pub previous_end: Option<TimeValue>,
    /// The year most recently written explicitly around the expression, used
    /// for a bare "On 19 September".
    pub year_hint: Option<i16>,
    /// The zone results are given in (the document's theatre); the
    /// [`crate::DEFAULT_ZONE`] when absent.
    pub zone: Option<jiff::tz::TimeZone>,
}

impl Context {
    /// A context with only a publication anchor.
    pub fn new(published: Anchor) -> Self {
        Context {
            published,
            statement: None,
            previous_end: None,
            year_hint: None,
            zone: None,
        }
    }

    /// The anchor relative words count from: the statement day if known,
    /// else the publication.
    pub fn anchor(&self) -> Anchor {
        self.statement.unwrap_or(self.published)
    }
}

/// Which way a day written without a year or a week ("Saturday", "19
/// September", "midnight") is looked for from the anchor.
///
/// [`crate::TimeExpr::default_direction`] infers it from the preposition;
/// [`crate::resolve_with`] lets the caller override it (for example when the
/// sentence is in the future tense: "talks will resume on Saturday").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// On or before the anchor ("Russia on Sunday said", "since Saturday").
    Past,
    /// On or after the anchor ("from Saturday", "starting at midnight");
    /// "until Monday" is stricter: strictly after.
    Future,
    /// Whichever is closer; a tie goes to the past.
    Nearest,
}
