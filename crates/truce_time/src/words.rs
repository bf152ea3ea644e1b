//! The closed word lists: weekdays, months, number words, units, parts of day.

use crate::expr::{DayPart, Unit};
use jiff::civil::Weekday;

/// A full weekday name ("monday"). Abbreviations are not accepted: "Sat" and
/// "Sun" are ordinary English words.
pub(crate) fn weekday(lower: &str) -> Option<Weekday> {
    Some(match lower {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// How trustworthy a month word is on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthWord {
    /// A full, unambiguous name ("february"): may stand alone after "in".
    Full,
    /// "may" and "march" are also a verb and a noun: alone they need a
    /// licensing preposition *and* a capital letter.
    Ambiguous,
    /// An abbreviation ("feb", "sept"): only next to a day number or year.
    Abbrev,
}

/// A month name or abbreviation, with its number (1-12).
pub(crate) fn month(lower: &str) -> Option<(i8, MonthWord)> {
    use MonthWord::{Abbrev, Ambiguous, Full};
    Some(match lower {
        "january" => (1, Full),
        "february" => (2, Full),
        "march" => (3, Ambiguous),
        "april" => (4, Full),
        "may" => (5, Ambiguous),
        "june" => (6, Full),
        "july" => (7, Full),
        "august" => (8, Full),
        "september" => (9, Full),
        "october" => (10, Full),
        "november" => (11, Full),
        "december" => (12, Full),
        "jan" => (1, Abbrev),
        "feb" => (2, Abbrev),
        "mar" => (3, Abbrev),
        "apr" => (4, Abbrev),
        "jun" => (6, Abbrev),
        "jul" => (7, Abbrev),
        "aug" => (8, Abbrev),
        "sep" | "sept" => (9, Abbrev),
        "oct" => (10, Abbrev),
        "nov" => (11, Abbrev),
        "dec" => (12, Abbrev),
        _ => return None,
    })
}

/// Number words from "one" to "nineteen" and the tens.
pub(crate) fn small_number(lower: &str) -> Option<u32> {
    const ONES: [&str; 19] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    let pos = ONES.iter().position(|w| *w == lower)?;
    u32::try_from(pos + 1).ok()
}

/// "twenty" .. "ninety".
pub(crate) fn tens(lower: &str) -> Option<u32> {
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let pos = TENS.iter().position(|w| *w == lower)?;
    u32::try_from(pos * 10 + 20).ok()
}

/// A unit of duration, singular or plural ("hour", "hrs", "days").
pub(crate) fn unit(lower: &str) -> Option<Unit> {
    Some(match lower {
        "minute" | "minutes" | "min" | "mins" => Unit::Minute,
        "hour" | "hours" | "hr" | "hrs" => Unit::Hour,
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "year" | "years" => Unit::Year,
        _ => return None,
    })
}

/// A part of the day that can follow a day ("Friday night").
pub(crate) fn day_part(lower: &str) -> Option<DayPart> {
    Some(match lower {
        "morning" => DayPart::Morning,
        "afternoon" => DayPart::Afternoon,
        "evening" => DayPart::Evening,
        "night" => DayPart::Night,
        "overnight" => DayPart::Overnight,
        _ => return None,
    })
}

/// Words that may stand right before a bare month name or a bare year and
/// make it a date: "in March", "since 2011", "mid-March".
pub(crate) fn licenses_bare_month(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "since"
            | "until"
            | "till"
            | "through"
            | "from"
            | "by"
            | "of"
            | "during"
            | "early"
            | "mid"
            | "late"
            | "last"
            | "next"
            | "this"
            | "before"
            | "after"
            | "throughout"
    )
}

/// Capitalised words that turn a weekday into a newspaper's name
/// ("Sunday Times"); such a weekday is not a time.
pub(crate) fn newspaper_suffix(lower: &str) -> bool {
    matches!(
        lower,
        "times" | "telegraph" | "mirror" | "express" | "herald" | "post" | "mail" | "people"
    )
}
