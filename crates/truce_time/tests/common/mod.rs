//! Helpers shared by the integration tests.
#![allow(dead_code)]

use jiff::civil::date;
use truce_time::{Anchor, Context, TimeExpr, TimeMention, find, resolve};

/// The matched substrings of `text`, in order.
pub fn spans(text: &str) -> Vec<&str> {
    find(text).iter().map(|m| &text[m.start..m.end]).collect()
}

/// The single mention in `text` (panics otherwise).
pub fn only(text: &str) -> TimeMention {
    let found = find(text);
    assert_eq!(
        found.len(),
        1,
        "expected one mention in {text:?}, got {found:?}"
    );
    found.into_iter().next().expect("one mention")
}

/// The expression of the single mention in `text`, and its span.
pub fn expr(text: &str) -> (TimeExpr, String) {
    let m = only(text);
    (m.expr, text[m.start..m.end].to_string())
}

/// A context published on the given day.
pub fn published(y: i16, m: i8, d: i8) -> Context {
    Context::new(Anchor::day(date(y, m, d)))
}

/// Resolves the single mention of `text`: (start_iso, end_iso, precision).
pub fn res(text: &str, ctx: &Context) -> (Option<String>, Option<String>, &'static str) {
    let v = resolve(&only(text).expr, ctx);
    (v.start_iso(), v.end_iso(), v.precision.as_str())
}

/// `Some(s.to_string())`.
pub fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}
