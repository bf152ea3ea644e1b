//! Resolving points. Publication is Sunday 1 May 2016 unless said otherwise.
mod common;

use common::{published, res, s};
use jiff::civil::date;
use truce_time::{Anchor, Context, Direction, find, resolve_with};

fn day(text: &str, ctx: &Context) -> Option<String> {
    let (start, end, precision) = res(text, ctx);
    assert_eq!(start, end, "{text}");
    assert_eq!(precision, "day", "{text}");
    start
}

#[test]
fn bare_weekdays_look_back() {
    let ctx = published(2016, 5, 1);
    assert_eq!(day("Russia on Sunday said", &ctx), s("2016-05-01"));
    assert_eq!(day("on Saturday they met", &ctx), s("2016-04-30"));
    assert_eq!(day("on Monday they met", &ctx), s("2016-04-25"));
    assert_eq!(day("last Sunday they met", &ctx), s("2016-04-24"));
    assert_eq!(day("next Sunday they meet", &ctx), s("2016-05-08"));
    assert_eq!(day("this Friday they met", &ctx), s("2016-04-29"));
}

#[test]
fn weekdays_forward_when_asked() {
    let ctx = published(2016, 5, 1);
    let cases = [
        ("talks resume on Saturday", "2016-05-07"),
        ("talks resume on Sunday", "2016-05-01"),
        ("talks resume Tuesday", "2016-05-03"),
        ("talks resume on Monday", "2016-05-02"),
        ("talks resume Friday", "2016-05-06"),
    ];
    for (text, want) in cases {
        let m = &find(text)[0];
        let v = resolve_with(&m.expr, &ctx, Direction::Future);
        assert_eq!(v.start_iso(), s(want), "{text}");
    }
    let m = &find("on Thursday")[0];
    let v = resolve_with(&m.expr, &ctx, Direction::Nearest);
    assert_eq!(v.start_iso(), s("2016-04-28"));
}

#[test]
fn relative_words_use_the_statement_day_first() {
    let mut ctx = published(2016, 5, 3);
    ctx.statement = Some(Anchor::day(date(2016, 5, 1)));
    assert_eq!(day("yesterday", &ctx), s("2016-04-30"));
    assert_eq!(day("today", &ctx), s("2016-05-01"));
    assert_eq!(day("tomorrow", &ctx), s("2016-05-02"));
    assert_eq!(day("earlier today", &ctx), s("2016-05-01"));
    assert_eq!(day("three days ago", &ctx), s("2016-04-28"));
}

#[test]
fn explicit_dates() {
    let ctx = published(2016, 5, 1);
    assert_eq!(day("2016-02-27", &ctx), s("2016-02-27"));
    assert_eq!(day("May 2, 2016", &ctx), s("2016-05-02"));
    assert_eq!(day("2 May 2016", &ctx), s("2016-05-02"));
    assert_eq!(day("Feb. 27", &ctx), s("2016-02-27"));
    assert_eq!(day("February 27th", &ctx), s("2016-02-27"));
    assert_eq!(day("on 11 September 2001", &ctx), s("2001-09-11"));
}

#[test]
fn numeric_dates_are_day_first() {
    let ctx = published(2016, 5, 1);
    assert_eq!(day("Daily report 01/03/2016", &ctx), s("2016-03-01"));
    assert_eq!(day("on 29-06-2016", &ctx), s("2016-06-29"));
    assert_eq!(day("on 2.10.2017", &ctx), s("2017-10-02"));
    // Only the second number can be the day: month first.
    assert_eq!(day("on 03/25/2016", &ctx), s("2016-03-25"));
}

#[test]
fn year_inference() {
    let ctx = published(2016, 5, 1);
    // More than ~2 months after publication: last year.
    assert_eq!(day("On 19 September", &ctx), s("2015-09-19"));
    assert_eq!(day("On 20 June", &ctx), s("2016-06-20"));
    assert_eq!(day("On 1 January", &ctx), s("2016-01-01"));
    let hinted = Context {
        year_hint: Some(2016),
        ..published(2016, 5, 1)
    };
    assert_eq!(day("On 19 September", &hinted), s("2016-09-19"));
    let december = published(2016, 12, 20);
    assert_eq!(res("until 5 January", &december).1, s("2017-01-05"));
    // Within two months after publication stays ahead; further is last year.
    assert_eq!(day("on 5 January", &december), s("2017-01-05"));
    assert_eq!(day("on 5 March", &december), s("2016-03-05"));
}

#[test]
fn impossible_dates_are_unresolved() {
    let ctx = published(2016, 5, 1);
    for text in [
        "on 31 February",
        "2015-02-29",
        "on 30 February 2016",
        "April 31, 2016",
        "on 31 June",
    ] {
        assert_eq!(res(text, &ctx), (None, None, "unresolved"), "{text}");
    }
}

#[test]
fn months_weeks_and_years() {
    let ctx = published(2016, 5, 1);
    let cases = [
        ("in March 2016", "2016-03-01", "2016-03-31", "month"),
        ("in March", "2016-03-01", "2016-03-31", "month"),
        ("in December", "2015-12-01", "2015-12-31", "month"),
        ("earlier this month", "2016-05-01", "2016-05-01", "month"),
        ("last week", "2016-04-18", "2016-04-24", "week"),
        ("next month", "2016-06-01", "2016-06-30", "month"),
        ("in 2015", "2015-01-01", "2015-12-31", "year"),
    ];
    for (text, a, b, p) in cases {
        assert_eq!(res(text, &ctx), (s(a), s(b), p), "{text}");
    }
    let later = published(2016, 5, 19);
    assert_eq!(
        res("earlier this month", &later),
        (s("2016-05-01"), s("2016-05-19"), "month")
    );
}

#[test]
fn extreme_values_are_unresolved_not_panics() {
    use truce_time::{
        Clock, Day, Length, LengthKind, PeriodPart, Point, TimeExpr, Unit, Zone, resolve,
    };
    let ctx = published(2016, 5, 1);
    let pt = |day: Day, time: Option<Clock>| Point { day, time };
    let exprs = [
        TimeExpr::Point(pt(Day::Relative(i32::MAX), None)),
        TimeExpr::Point(pt(Day::Relative(i32::MIN), None)),
        TimeExpr::Point(pt(
            Day::Period {
                unit: Unit::Week,
                offset: i32::MIN,
                part: PeriodPart::Whole,
            },
            None,
        )),
        TimeExpr::Point(pt(
            Day::Period {
                unit: Unit::Month,
                offset: i32::MAX,
                part: PeriodPart::Earlier,
            },
            None,
        )),
        TimeExpr::Point(pt(
            Day::Date {
                year: Some(i16::MAX),
                month: Some(13),
                day: Some(-1),
            },
            None,
        )),
        TimeExpr::Point(pt(
            Day::Anchor,
            Some(Clock::At {
                hour: 99,
                minute: -5,
                minutes_written: true,
                zone: Zone::Utc,
            }),
        )),
        TimeExpr::Duration(Length {
            amount: u32::MAX,
            unit: Unit::Year,
            kind: LengthKind::Past,
        }),
        TimeExpr::Ago(Length {
            amount: u32::MAX,
            unit: Unit::Week,
            kind: LengthKind::Plain,
        }),
    ];
    for e in exprs {
        let v = resolve(&e, &ctx);
        assert_eq!(v.precision.as_str(), "unresolved", "{e:?}");
        assert_eq!((v.start, v.end), (None, None));
    }
}
