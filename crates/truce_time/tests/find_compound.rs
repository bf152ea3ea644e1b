//! Finding bounds, intervals and lengths.
mod common;

use common::expr;
use truce_time::{Length, LengthKind, TimeExpr, Unit};

fn check(cases: &[(&str, &str)], ok: impl Fn(&TimeExpr) -> bool) {
    for (text, want) in cases {
        let (e, span) = expr(text);
        assert_eq!(span, *want, "{text}");
        assert!(ok(&e), "{text}: {e:?}");
    }
}

#[test]
fn until_bounds() {
    let cases = [
        (
            "It is still in effect until Monday with no need.",
            "until Monday",
        ),
        ("The truce holds till midnight.", "till midnight"),
        ("Calm held through Friday.", "through Friday"),
        (
            "It runs till 6 p.m. on Monday only.",
            "till 6 p.m. on Monday",
        ),
        ("They must withdraw by Monday.", "by Monday"),
        ("It lasts until 2 May 2016.", "until 2 May 2016"),
    ];
    check(&cases, |e| matches!(e, TimeExpr::Until(_)));
}

#[test]
fn start_bounds() {
    let cases = [
        ("The truce applies from Saturday.", "from Saturday"),
        ("The truce applies starting Saturday.", "starting Saturday"),
        ("The truce applies as of Saturday.", "as of Saturday"),
        (
            "It takes effect starting at midnight.",
            "starting at midnight",
        ),
        (
            "It applies with effect from 1 May.",
            "with effect from 1 May",
        ),
        (
            "It applies beginning Friday evening.",
            "beginning Friday evening",
        ),
    ];
    check(&cases, |e| matches!(e, TimeExpr::From(_)));
}

#[test]
fn since_bounds() {
    let cases = [
        ("Calm since Saturday has let aid in.", "since Saturday"),
        ("No raids since midnight.", "since midnight"),
        ("Killed since 2011.", "since 2011"),
        ("No shelling since last week.", "since last week"),
        ("No shelling since February 27.", "since February 27"),
    ];
    check(&cases, |e| matches!(e, TimeExpr::Since(_)));
}

#[test]
fn intervals() {
    let cases = [
        (
            "A pause between Saturday and Monday.",
            "between Saturday and Monday",
        ),
        ("A pause from Friday to Sunday.", "from Friday to Sunday"),
        (
            "A pause from Monday until Wednesday.",
            "from Monday until Wednesday",
        ),
        (
            "A pause between 6 p.m. and midnight.",
            "between 6 p.m. and midnight",
        ),
        (
            "A pause from 1 May to 3 May 2016.",
            "from 1 May to 3 May 2016",
        ),
    ];
    check(&cases, |e| matches!(e, TimeExpr::Between(..)));
}

fn length(e: &TimeExpr) -> Option<Length> {
    match e {
        TimeExpr::Duration(l) => Some(*l),
        _ => None,
    }
}

#[test]
fn lengths() {
    let cases = [
        (
            "extended around Damascus for another 24 hours and",
            "for another 24 hours",
            24,
            Unit::Hour,
            LengthKind::Extension,
        ),
        (
            "The truce was extended by 24 hours.",
            "by 24 hours",
            24,
            Unit::Hour,
            LengthKind::Extension,
        ),
        (
            "It will last for 48 hours.",
            "for 48 hours",
            48,
            Unit::Hour,
            LengthKind::Plain,
        ),
        (
            "A 48-hour truce was declared.",
            "48-hour",
            48,
            Unit::Hour,
            LengthKind::Plain,
        ),
        (
            "A 72-hour truce was declared.",
            "72-hour",
            72,
            Unit::Hour,
            LengthKind::Plain,
        ),
        (
            "It will hold for three days.",
            "for three days",
            3,
            Unit::Day,
            LengthKind::Plain,
        ),
        (
            "It held for a day.",
            "for a day",
            1,
            Unit::Day,
            LengthKind::Plain,
        ),
        (
            "Talks lasted two weeks.",
            "two weeks",
            2,
            Unit::Week,
            LengthKind::Plain,
        ),
        (
            "It lasted a month-long period.",
            "month-long",
            1,
            Unit::Month,
            LengthKind::Plain,
        ),
        (
            "A forty-eight-hour pause.",
            "forty-eight-hour",
            48,
            Unit::Hour,
            LengthKind::Plain,
        ),
        (
            "Twelve died in the past 24 hours.",
            "in the past 24 hours",
            24,
            Unit::Hour,
            LengthKind::Past,
        ),
        (
            "Aid comes within 72 hours.",
            "within 72 hours",
            72,
            Unit::Hour,
            LengthKind::Next,
        ),
        (
            "It was extended for 24 more hours.",
            "for 24 more hours",
            24,
            Unit::Hour,
            LengthKind::Extension,
        ),
        (
            "It lasted thirty days.",
            "thirty days",
            30,
            Unit::Day,
            LengthKind::Plain,
        ),
    ];
    for (text, want, amount, unit, kind) in cases {
        let (e, span) = expr(text);
        assert_eq!(span, want, "{text}");
        assert_eq!(length(&e), Some(Length { amount, unit, kind }), "{text}");
    }
}

#[test]
fn ago() {
    let cases = [
        ("It collapsed three days ago.", "three days ago"),
        ("It collapsed 2 weeks ago.", "2 weeks ago"),
        ("It collapsed five hours ago.", "five hours ago"),
        ("It collapsed a year ago.", "a year ago"),
        ("It collapsed ten days ago.", "ten days ago"),
    ];
    for (text, want) in cases {
        let (e, span) = expr(text);
        assert_eq!(span, want, "{text}");
        assert!(matches!(e, TimeExpr::Ago(_)), "{text}: {e:?}");
    }
}

#[test]
fn lengths_from_a_start() {
    let cases = [
        (
            "a truce for three days from 1:00 a.m. on Saturday was declared",
            "for three days from 1:00 a.m. on Saturday",
        ),
        (
            "a truce from midnight for 72 hours",
            "from midnight for 72 hours",
        ),
        (
            "extended for another 24 hours starting at midnight.",
            "for another 24 hours starting at midnight",
        ),
        (
            "a pause for 48 hours beginning Saturday",
            "for 48 hours beginning Saturday",
        ),
        (
            "a truce for two days as of Friday",
            "for two days as of Friday",
        ),
    ];
    check(&cases, |e| matches!(e, TimeExpr::DurationFrom { .. }));
}
