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

/// A token that every mention contains near its start: a weekday, a month,
/// a unit, a part of day, a number word, or one of the day and clock words
/// below. Digit runs are core too (see `token`). Every grammar rule ends in
/// one of these: points need a day or a clock, lengths need a unit.
pub(crate) const CORE: u8 = 1;
/// Every mention has a [`CORE`] token at most this many tokens after its
/// first one. The longest lead is "a for the an additional more-hours ago"
/// (`article_ago` then `length`: "a", the lead "for", "the", a two-word
/// modifier, an implied amount, "more", a hyphen, then the unit). Points
/// reach their day or clock within two tokens ("earlier this week") after at
/// most three opening words ("with effect from"). A test checks the bound
/// is reached and a smaller one fails.
pub(crate) const CORE_REACH: usize = 7;
/// The grammar looks at most this many tokens before a mention's first
/// (`prev_word`, and "mid" two tokens before a bare month in `licensed`).
pub(crate) const LOOKBEHIND: usize = 2;
/// A token a mention may start with: the core words and the words that can
/// open a rule ("between", "from", "until", "for", "the past", "on", ...).
pub(crate) const START: u8 = 2;

/// The words the grammar can start a mention with, and those it needs in
/// every mention. Kept in step with the rules in `grammar` (and checked
/// against the lists above by the tests below).
const FLAGGED: &[(&str, u8)] = &[
    // Weekdays (`weekday`).
    ("monday", CORE | START),
    ("tuesday", CORE | START),
    ("wednesday", CORE | START),
    ("thursday", CORE | START),
    ("friday", CORE | START),
    ("saturday", CORE | START),
    ("sunday", CORE | START),
    // Months and their abbreviations (`month`).
    ("january", CORE | START),
    ("february", CORE | START),
    ("march", CORE | START),
    ("april", CORE | START),
    ("may", CORE | START),
    ("june", CORE | START),
    ("july", CORE | START),
    ("august", CORE | START),
    ("september", CORE | START),
    ("october", CORE | START),
    ("november", CORE | START),
    ("december", CORE | START),
    ("jan", CORE | START),
    ("feb", CORE | START),
    ("mar", CORE | START),
    ("apr", CORE | START),
    ("jun", CORE | START),
    ("jul", CORE | START),
    ("aug", CORE | START),
    ("sep", CORE | START),
    ("sept", CORE | START),
    ("oct", CORE | START),
    ("nov", CORE | START),
    ("dec", CORE | START),
    // Number words (`small_number`, `tens`).
    ("one", CORE | START),
    ("two", CORE | START),
    ("three", CORE | START),
    ("four", CORE | START),
    ("five", CORE | START),
    ("six", CORE | START),
    ("seven", CORE | START),
    ("eight", CORE | START),
    ("nine", CORE | START),
    ("ten", CORE | START),
    ("eleven", CORE | START),
    ("twelve", CORE | START),
    ("thirteen", CORE | START),
    ("fourteen", CORE | START),
    ("fifteen", CORE | START),
    ("sixteen", CORE | START),
    ("seventeen", CORE | START),
    ("eighteen", CORE | START),
    ("nineteen", CORE | START),
    ("twenty", CORE | START),
    ("thirty", CORE | START),
    ("forty", CORE | START),
    ("fifty", CORE | START),
    ("sixty", CORE | START),
    ("seventy", CORE | START),
    ("eighty", CORE | START),
    ("ninety", CORE | START),
    // Units (`unit`; "h" is a unit when glued to digits, "24h").
    ("minute", CORE | START),
    ("minutes", CORE | START),
    ("min", CORE | START),
    ("mins", CORE | START),
    ("hour", CORE | START),
    ("hours", CORE | START),
    ("hr", CORE | START),
    ("hrs", CORE | START),
    ("h", CORE | START),
    ("day", CORE | START),
    ("days", CORE | START),
    ("week", CORE | START),
    ("weeks", CORE | START),
    ("month", CORE | START),
    ("months", CORE | START),
    ("year", CORE | START),
    ("years", CORE | START),
    // Parts of day (`day_part`) and the point words of `part_phrase`.
    ("morning", CORE | START),
    ("afternoon", CORE | START),
    ("evening", CORE | START),
    ("night", CORE | START),
    ("overnight", CORE | START),
    ("tonight", CORE | START),
    // Clock words (`clock_core`).
    ("midnight", CORE | START),
    ("noon", CORE | START),
    ("midday", CORE | START),
    // Relative days (`relative_word`).
    ("yesterday", CORE | START),
    ("today", CORE | START),
    ("tomorrow", CORE | START),
    // Openers of `between` and `start_word`.
    ("between", START),
    ("from", START),
    ("starting", START),
    ("beginning", START),
    ("commencing", START),
    ("effective", START),
    ("as", START),
    ("with", START),
    // Openers of `bound`.
    ("until", START),
    ("till", START),
    ("til", START),
    ("through", START),
    ("by", START),
    ("since", START),
    // Openers of `length_expr`, `length` and `modifier` ("a year ago",
    // "for the past 24 hours", "another 24 hours", "the next three days").
    ("a", START),
    ("an", START),
    ("for", START),
    ("over", START),
    ("within", START),
    ("during", START),
    ("in", START),
    ("the", START),
    ("another", START),
    ("past", START),
    ("last", START),
    ("previous", START),
    ("next", START),
    ("coming", START),
    ("following", START),
    // Openers of `simple_point`, `part_phrase`, `shifted`, `early_late`.
    ("on", START),
    ("at", START),
    ("this", START),
    ("earlier", START),
    ("later", START),
];

/// Words up to this many bytes have a key; no flagged word is longer.
pub(crate) const KEY_LEN: usize = 16;
const SLOTS: usize = 512;
const SLOT_BITS: u32 = 9;

/// A lowercase ASCII word of at most [`KEY_LEN`] bytes as one integer.
pub(crate) const fn key(word: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut i = 0;
    while i < word.len() && i < KEY_LEN {
        k |= (word[i] as u128) << (8 * i);
        i += 1;
    }
    k
}

const fn slot(k: u128) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(31);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOT_BITS)) as usize
}

/// An open-addressing table from word keys to flags, built at compile time.
const TABLE: ([u128; SLOTS], [u8; SLOTS]) = {
    let mut keys = [0u128; SLOTS];
    let mut flags = [0u8; SLOTS];
    let mut w = 0;
    while w < FLAGGED.len() {
        let (word, f) = FLAGGED[w];
        assert!(!word.is_empty() && word.len() <= KEY_LEN);
        let k = key(word.as_bytes());
        let mut s = slot(k);
        while keys[s] != 0 && keys[s] != k {
            s = (s + 1) % SLOTS;
        }
        keys[s] = k;
        flags[s] |= f;
        w += 1;
    }
    (keys, flags)
};

/// Flagged words by length, first letter and last letter: bit `last % 32`
/// of `SIGNATURES[len][first % 32]`, for a quick rejection before hashing.
const SIGNATURES: [[u32; 32]; KEY_LEN + 1] = {
    let mut t = [[0u32; 32]; KEY_LEN + 1];
    let mut w = 0;
    while w < FLAGGED.len() {
        let b = FLAGGED[w].0.as_bytes();
        let (first, last) = (b[0] as usize % 32, b[b.len() - 1] as u32 % 32);
        t[b.len()][first] |= 1 << last;
        w += 1;
    }
    t
};

/// False when no flagged word has this length and these first and last
/// bytes (lowercase ASCII letters).
pub(crate) fn may_be_flagged(len: usize, first: u8, last: u8) -> bool {
    SIGNATURES
        .get(len)
        .and_then(|row| row.get(usize::from(first % 32)))
        .is_some_and(|bits| bits >> (last % 32) & 1 != 0)
}

/// The [`CORE`] and [`START`] flags of a word key (0 for other words).
pub(crate) fn flags_of_key(k: u128) -> u8 {
    if k == 0 {
        return 0;
    }
    let (keys, flags) = &TABLE;
    let mut s = slot(k);
    loop {
        match keys.get(s) {
            Some(&x) if x == k => return flags.get(s).copied().unwrap_or(0),
            Some(&0) | None => return 0,
            Some(_) => s = (s + 1) % SLOTS,
        }
    }
}

/// The flags of a lowercase word.
pub(crate) fn flags(lower: &str) -> u8 {
    let b = lower.as_bytes();
    if b.len() > KEY_LEN || !lower.is_ascii() {
        return 0;
    }
    flags_of_key(key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lowercase word literals in the grammar and word-list sources.
    fn grammar_literals() -> Vec<String> {
        // The word lists, up to (not including) the flag table itself.
        let lists = include_str!("words.rs").split("const FLAGGED").next();
        let sources = [
            lists.unwrap_or(""),
            include_str!("grammar/mod.rs"),
            include_str!("grammar/mention.rs"),
            include_str!("grammar/day.rs"),
            include_str!("grammar/clock.rs"),
            include_str!("grammar/length.rs"),
        ];
        let mut out = Vec::new();
        for src in sources {
            for (n, piece) in src.split('"').enumerate() {
                let word = n % 2 == 1 && !piece.is_empty();
                if word && piece.bytes().all(|b| b.is_ascii_lowercase()) {
                    out.push(piece.to_string());
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Every word the word lists accept is core, and every other word the
    /// grammar mentions is either flagged or known to appear only inside a
    /// mention, never first and never as its only day, clock or unit. A new
    /// grammar word must be added to one list or the other.
    #[test]
    fn flags_cover_the_grammar_words() {
        let inside_only = [
            "ago",
            "and",
            "to",
            "of",
            "more",
            "effect",
            "long",
            "additional",
            "further",
            "extra",
            "st",
            "nd",
            "rd",
            "th",
            "am",
            "pm",
            "p",
            "m",
            "gmt",
            "utc",
            "damascus",
            "syria",
            "syrian",
            "local",
            "time",
            "usa",
            "mid",
            "early",
            "late",
            "before",
            "after",
            "throughout",
            "times",
            "telegraph",
            "mirror",
            "express",
            "herald",
            "post",
            "mail",
            "people",
            "old",
        ];
        let literals = grammar_literals();
        assert!(literals.len() > 100, "{literals:?}");
        for w in &literals {
            let listed = weekday(w).is_some()
                || month(w).is_some()
                || small_number(w).is_some()
                || tens(w).is_some()
                || unit(w).is_some()
                || day_part(w).is_some();
            if listed {
                assert_eq!(flags(w), CORE | START, "{w}");
            } else {
                assert!(
                    flags(w) != 0 || inside_only.contains(&w.as_str()),
                    "grammar word {w:?} is neither flagged nor inside-only"
                );
            }
        }
        for (w, f) in FLAGGED {
            assert_eq!(flags(w), *f, "{w}");
            let b = w.as_bytes();
            assert!(may_be_flagged(b.len(), b[0], b[b.len() - 1]), "{w}");
            assert!(
                literals.contains(&(*w).to_string()),
                "{w} is not a grammar word"
            );
        }
        for w in [
            "",
            "monda",
            "mondayy",
            "the_",
            "supercalifragilistic",
            "Monday",
        ] {
            assert_eq!(flags(w), 0, "{w}");
        }
    }
}
