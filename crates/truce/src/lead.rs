//! Answers that lead: one line per truce (name, state, until when, who
//! declared it, how many reports for and against), the quotes behind
//! `--details`.
//!
//! ```text
//! Douma (town), Sun 1 May 2016 20:00, local time of the reports
//!   in force   Eastern Ghouta regime of calm, 30 Apr 2016: until Tue 3 May 01:00; declared by Syrian army; 3 reports for, 1 against
//!   collapsed  Syria cessation of hostilities, 27 Feb 2016: no end stated; declared by Russia, United States; 30 reports for, 20 against
//!   Sources disagree on 1 point; --details shows the quotes.
//! ```

use crate::show;
use std::fmt::Write;
use truce_ledger::{ActorView, State, Status, StatusEntry, WindowView};

/// Truce lines shown before "… and N more" (the answer fits ten lines).
pub const MAX_LINES: usize = 6;
/// Declarers named on a line before "+N".
const MAX_DECLARERS: usize = 3;

/// The short answer of `status` (module docs).
pub fn status(s: &Status) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}), {}, local time of the reports",
        s.place.name,
        s.place.kind,
        show::long_time(&s.at)
    );
    if s.truces.is_empty() {
        out.push_str("  No truce is known to cover this place at this time.\n");
    }
    let mut entries: Vec<&StatusEntry> = s.truces.iter().collect();
    entries.sort_by_key(|e| (rank(e.state), e.level != truce_ledger::Level::Local));
    for e in entries.iter().take(MAX_LINES) {
        let _ = writeln!(out, "  {:<10} {}", show::state(e.state), line(e));
    }
    if entries.len() > MAX_LINES {
        let more = entries.len() - MAX_LINES;
        let _ = writeln!(out, "  … and {more} more truces (--details lists them)");
    }
    for x in &s.excluded {
        let _ = writeln!(
            out,
            "  left out of {}: held by {} that day",
            x.name, x.held_by_name
        );
    }
    if !s.disputes.is_empty() {
        let n = s.disputes.len();
        let points = if n == 1 { "point" } else { "points" };
        let _ = writeln!(out, "  Sources disagree on {n} {points}.");
    }
    if !s.truces.is_empty() {
        out.push_str("  --details shows the quotes and who says what.\n");
    }
    out
}

/// What matters first: truces in force, then disputed, planned, finished.
pub fn rank(state: State) -> u8 {
    match state {
        State::InForce => 0,
        State::Disputed => 1,
        State::Proposed => 2,
        State::Collapsed => 3,
        State::Ended => 4,
        State::Expired => 5,
    }
}

/// `NAME: until WHEN; declared by WHO; N reports for, M against`.
pub fn line(e: &StatusEntry) -> String {
    format!(
        "{}: {}; {}; {} for, {} against",
        e.name,
        until(&e.window, e.state),
        declared_by(&e.declarer),
        plural(e.sources_for, "report"),
        e.sources_against
    )
}

/// When it runs to, in words.
pub fn until(w: &WindowView, state: State) -> String {
    match (&w.end, state) {
        (Some(end), State::Expired) => format!("expired {}", show::end_time(end)),
        (Some(end), _) => format!("until {}", show::end_time(end)),
        (None, State::Proposed) if w.start.is_some() => format!(
            "to start {}",
            show::long_time(w.start.as_deref().unwrap_or_default())
        ),
        (None, State::Proposed) => "no start agreed".to_string(),
        (None, State::Collapsed | State::Ended) => "no end stated before it broke down".to_string(),
        (None, _) => "no end stated".to_string(),
    }
}

/// `declared by A, B, C +2`, actors the lexicon knows first.
pub fn declared_by(list: &[ActorView]) -> String {
    let known = list.iter().filter(|a| a.id.is_some());
    let other = list.iter().filter(|a| a.id.is_none());
    declared_by_names(known.chain(other).map(|a| a.name.as_str()))
}

/// `declared by A, B, C +2`, in the order given, each name once.
pub fn declared_by_names<'a>(list: impl Iterator<Item = &'a str>) -> String {
    let mut names: Vec<&str> = Vec::new();
    for n in list {
        if !names.contains(&n) {
            names.push(n);
        }
    }
    match names.len() {
        0 => "declarer not named".to_string(),
        n if n <= MAX_DECLARERS => format!("declared by {}", names.join(", ")),
        n => format!(
            "declared by {} +{}",
            names[..MAX_DECLARERS].join(", "),
            n - MAX_DECLARERS
        ),
    }
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
