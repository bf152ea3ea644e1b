//! Finding points: weekdays, dates, relative days, clock times, parts of day.
mod common;

use common::{expr, spans};
use truce_time::{Clock, Day, DayPart, Point, Shift, TimeExpr, Zone};

fn point(text: &str) -> (Point, String) {
    match expr(text) {
        (TimeExpr::Point(p), span) => (p, span),
        other => panic!("expected a point in {text:?}, got {other:?}"),
    }
}

#[test]
fn weekdays() {
    let cases = [
        ("Russia on Sunday said talks were underway.", "on Sunday"),
        ("Monday Mohammed arrived in Homs.", "Monday"),
        ("Fighting resumed on Tuesday's second day.", "on Tuesday"),
        ("The rebels, on WEDNESDAY, rejected it.", "on WEDNESDAY"),
        ("Officials met last Friday in Geneva.", "last Friday"),
        ("It starts next Thursday.", "next Thursday"),
    ];
    for (text, want) in cases {
        let (p, span) = point(text);
        assert_eq!(span, want, "{text}");
        assert!(matches!(p.day, Day::Weekday { .. }), "{text}: {p:?}");
        assert_eq!(p.time, None);
    }
    let (p, _) = point("They met last Friday.");
    assert!(matches!(
        p.day,
        Day::Weekday {
            shift: Shift::Last,
            ..
        }
    ));
}

#[test]
fn full_dates() {
    let cases = [
        ("The truce began on 2016-02-27 at dawn.", "on 2016-02-27"),
        ("Published May 2, 2016 in Beirut.", "May 2, 2016"),
        ("Published 2 May 2016 in Beirut.", "2 May 2016"),
        (
            "It was signed on Saturday, February 27, 2016.",
            "on Saturday, February 27, 2016",
        ),
        (
            "Signed on the 27th of February 2016.",
            "on the 27th of February 2016",
        ),
        ("Signed Sept. 9, 2016 in Geneva.", "Sept. 9, 2016"),
    ];
    for (text, want) in cases {
        let (p, span) = point(text);
        assert_eq!(span, want, "{text}");
        assert!(
            matches!(
                p.day,
                Day::Date {
                    year: Some(_),
                    month: Some(_),
                    day: Some(_)
                }
            ),
            "{text}: {p:?}"
        );
    }
}

#[test]
fn dates_without_year() {
    let cases = [
        (
            "On 19 September the truce collapsed.",
            "On 19 September",
            9,
            19,
        ),
        ("It held until Feb. 27 at least.", "until Feb. 27", 2, 27),
        ("Talks opened on February 27th.", "on February 27th", 2, 27),
        ("The 3rd of March was quiet.", "The 3rd of March", 3, 3),
        ("By May 5 the fighting had stopped.", "By May 5", 5, 5),
        (
            "Aid entered on Sunday (May 1) at last.",
            "on Sunday (May 1)",
            5,
            1,
        ),
    ];
    for (text, want, month, day) in cases {
        let (e, span) = expr(text);
        assert_eq!(span, want, "{text}");
        let p = match e {
            TimeExpr::Point(p) | TimeExpr::Until(p) => p,
            other => panic!("{text}: {other:?}"),
        };
        let want_day = Day::Date {
            year: None,
            month: Some(month),
            day: Some(day),
        };
        assert_eq!(p.day, want_day, "{text}");
    }
}

#[test]
fn months_and_years() {
    let cases = [
        ("It was agreed in March.", "in March", None, Some(3)),
        (
            "It was agreed in March 2016.",
            "in March 2016",
            Some(2016),
            Some(3),
        ),
        (
            "Relief arrived in late February.",
            "February",
            None,
            Some(2),
        ),
        ("By mid-March the truce was dead.", "March", None, Some(3)),
        ("It was agreed in May.", "in May", None, Some(5)),
        (
            "Fighting since 2011 has killed many.",
            "since 2011",
            Some(2011),
            None,
        ),
        ("Nothing changed in 2016.", "in 2016", Some(2016), None),
        (
            "The plan of December 2015 failed.",
            "December 2015",
            Some(2015),
            Some(12),
        ),
    ];
    for (text, want, year, month) in cases {
        let (e, span) = expr(text);
        assert_eq!(span, want, "{text}");
        let p = match e {
            TimeExpr::Point(p) | TimeExpr::Since(p) => p,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(
            p.day,
            Day::Date {
                year,
                month,
                day: None
            },
            "{text}"
        );
    }
}

#[test]
fn relative_days_and_periods() {
    let cases = [
        (
            "Shelling killed five yesterday.",
            "yesterday",
            Day::Relative(-1),
        ),
        ("The truce holds today, he said.", "today", Day::Relative(0)),
        ("Aid arrives tomorrow.", "tomorrow", Day::Relative(1)),
        (
            "Clashes erupted earlier today.",
            "earlier today",
            Day::Relative(0),
        ),
        (
            "Five died last week.",
            "last week",
            period(truce_time::Unit::Week, -1),
        ),
        (
            "Talks resume next month.",
            "next month",
            period(truce_time::Unit::Month, 1),
        ),
        (
            "Talks failed this year.",
            "this year",
            period(truce_time::Unit::Year, 0),
        ),
    ];
    for (text, want, day) in cases {
        let (p, span) = point(text);
        assert_eq!(span, want, "{text}");
        assert_eq!(p.day, day, "{text}");
    }
    let (p, span) = point("It was announced earlier this month.");
    assert_eq!(span, "earlier this month");
    assert!(matches!(
        p.day,
        Day::Period {
            part: truce_time::PeriodPart::Earlier,
            ..
        }
    ));
}

fn period(unit: truce_time::Unit, offset: i32) -> Day {
    Day::Period {
        unit,
        offset,
        part: truce_time::PeriodPart::Whole,
    }
}

#[test]
fn clock_times() {
    let cases = [
        ("It began at midnight.", "at midnight"),
        ("Prayers at noon were calm.", "at noon"),
        ("The raid came at 6 p.m. local.", "at 6 p.m."),
        ("It began at 18:00 GMT sharp.", "at 18:00 GMT"),
        (
            "It began at midnight Damascus time (2200 GMT).",
            "at midnight Damascus time (2200 GMT)",
        ),
        ("Strikes began around 1am in Idlib.", "1am"),
        ("The convoy left at 6.30 p.m. under fire.", "at 6.30 p.m."),
    ];
    for (text, want) in cases {
        let (p, span) = point(text);
        assert_eq!(span, want, "{text}");
        assert_eq!(p.day, Day::Anchor, "{text}");
        assert!(p.time.is_some(), "{text}");
    }
    let (p, _) = point("It began at 18:00 GMT sharp.");
    assert!(matches!(
        p.time,
        Some(Clock::At {
            hour: 18,
            minute: 0,
            zone: Zone::Utc,
            ..
        })
    ));
    let (p, _) = point("at 2200 GMT on Friday");
    assert!(matches!(p.day, Day::Weekday { .. }));
}

#[test]
fn parts_of_day() {
    let cases = [
        ("Raids resumed tonight.", "tonight", DayPart::Night),
        (
            "Raids resumed this morning.",
            "this morning",
            DayPart::Morning,
        ),
        ("Raids resumed last night.", "last night", DayPart::Night),
        (
            "Raids resumed on Friday night.",
            "on Friday night",
            DayPart::Night,
        ),
        (
            "Raids resumed overnight on Tuesday.",
            "overnight on Tuesday",
            DayPart::Overnight,
        ),
        (
            "Raids resumed overnight Tuesday.",
            "overnight Tuesday",
            DayPart::Overnight,
        ),
        (
            "Raids resumed yesterday afternoon.",
            "yesterday afternoon",
            DayPart::Afternoon,
        ),
        (
            "Raids hit on the night of 19 September.",
            "on the night of 19 September",
            DayPart::Night,
        ),
    ];
    for (text, want, part) in cases {
        let (p, span) = point(text);
        assert_eq!(span, want, "{text}");
        assert_eq!(p.time, Some(Clock::Part(part)), "{text}");
    }
}

#[test]
fn days_with_clock_times() {
    let cases = [
        ("at 1:00 a.m. on Saturday", "at 1:00 a.m. on Saturday"),
        ("on Saturday at 1 a.m. sharp", "on Saturday at 1 a.m."),
        ("midnight Friday was the deadline", "midnight Friday"),
        (
            "at midnight on Friday (2200 GMT) it began",
            "at midnight on Friday (2200 GMT)",
        ),
        ("on 27 February at 18:00 GMT", "on 27 February at 18:00 GMT"),
    ];
    for (text, want) in cases {
        let (p, span) = point(text);
        assert_eq!(span, want, "{text}");
        assert!(p.time.is_some() && p.day != Day::Anchor, "{text}: {p:?}");
    }
}

#[test]
fn several_mentions_in_order() {
    let text =
        "On Sunday, Russia said that yesterday's raids began at 6 p.m. and last week was calm.";
    assert_eq!(
        spans(text),
        ["On Sunday", "yesterday", "at 6 p.m.", "last week"]
    );
}
