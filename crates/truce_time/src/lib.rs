//! Temporal expressions in English news text about ceasefires: finding them
//! ([`find`]) and resolving them ([`resolve`]) against the publication
//! date, the day a statement was made, and a truce's previous end.
//!
//! ```
//! use jiff::civil::date;
//! use truce_time::{find, resolve, statement_day, Anchor, Context, Precision};
//!
//! let text = "Russia on Sunday said the ceasefire had been extended around \
//!             Damascus for another 24 hours and that in Lattakia it is \
//!             still in effect until Monday.";
//! let mentions = find(text);
//! let spans: Vec<&str> = mentions.iter().map(|m| &text[m.start..m.end]).collect();
//! assert_eq!(spans, ["on Sunday", "for another 24 hours", "until Monday"]);
//!
//! // The report was published on Monday 2 May 2016; "on Sunday said" dates
//! // the statement to the Sunday before.
//! let published = Anchor::day(date(2016, 5, 2));
//! let said = statement_day(&mentions[0].expr, published).expect("a day");
//! assert_eq!(said.date, date(2016, 5, 1));
//!
//! let ctx = Context { statement: Some(said), ..Context::new(published) };
//! let until = resolve(&mentions[2].expr, &ctx);
//! assert_eq!(until.end_iso().as_deref(), Some("2016-05-02"));
//! assert_eq!(until.precision, Precision::Day);
//!
//! let extended = resolve(&mentions[1].expr, &ctx);
//! assert_eq!(extended.start_iso().as_deref(), Some("2016-05-01"));
//! assert_eq!(extended.end_iso().as_deref(), Some("2016-05-02"));
//! ```
//!
//! Finding works on tokens (words, digit runs, single punctuation marks)
//! with byte offsets into the original text, so spans are always on char
//! boundaries, whatever the input. Matching is case-insensitive except
//! where case is the only clue: a bare "May" or "March" is a month only when
//! capitalised and after a word like "in" or "since" ("the truce may hold",
//! "a march on the city" are not dates).
//!
//! Resolved values are expressed in `Asia/Damascus` by default, from the tz
//! database compiled into the binary, so output does not depend on the
//! system's tzdata.

mod context;
mod expr;
mod grammar;
mod resolve;
mod token;
mod value;
mod words;

pub use context::{Anchor, Context, Direction};
pub use expr::{
    Clock, Day, DayPart, Length, LengthKind, PeriodPart, Point, Shift, TimeExpr, Unit, Zone,
};
pub use resolve::{
    DEFAULT_ZONE, default_zone, explicit_year, resolve, resolve_in, resolve_with, statement_day,
};
pub use value::{Precision, TimeValue};

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Byte offset of the first character, on a char boundary.
    pub start: usize,
    /// Byte offset just past the last character, on a char boundary.
    pub end: usize,
    /// What the expression says.
    pub expr: TimeExpr,
}

/// Finds the temporal expressions in `text`, left to right, without
/// overlaps, taking the longest expression at each position ("for three
/// days from 1:00 a.m. on Saturday" is one mention). Leading prepositions
/// that carry meaning are part of the span ("until Monday", "on Sunday").
/// Never panics.
pub fn find(text: &str) -> Vec<TimeMention> {
    // Most sentences have no digit and no day, month, unit or clock word:
    // they are rejected before any token is stored.
    grammar::Parser::for_text(text).map_or_else(Vec::new, |p| p.find_all())
}
