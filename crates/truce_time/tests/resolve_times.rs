//! Resolving clock times, parts of day, bounds and lengths.
mod common;

use common::{published, res, s};
use jiff::civil::{date, time};
use truce_time::{Anchor, Context, find, resolve};

fn sunday() -> Context {
    published(2016, 5, 1)
}

#[test]
fn clock_times() {
    let ctx = sunday();
    let cases = [
        ("at noon", "2016-05-01T12:00:00+03:00", "minute"),
        ("at 6 p.m.", "2016-05-01T18:00:00+03:00", "hour"),
        ("at 18:00 GMT", "2016-05-01T21:00:00+03:00", "minute"),
        (
            "at 1:00 a.m. on Saturday",
            "2016-04-30T01:00:00+03:00",
            "minute",
        ),
        (
            "at 2200 GMT on 26 February 2016",
            "2016-02-27T00:00:00+02:00",
            "minute",
        ),
        (
            "at 10 p.m. UTC on 1 January 2016",
            "2016-01-02T00:00:00+02:00",
            "hour",
        ),
    ];
    for (text, want, p) in cases {
        assert_eq!(res(text, &ctx), (s(want), s(want), p), "{text}");
    }
}

#[test]
fn midnight_is_the_end_of_its_day() {
    let ctx = sunday();
    let cases = [
        ("at midnight on Friday", "2016-04-30T00:00:00+03:00"),
        ("midnight Saturday", "2016-05-01T00:00:00+03:00"),
        ("at midnight", "2016-05-01T00:00:00+03:00"),
        (
            "at midnight Damascus time on 26 February 2016",
            "2016-02-27T00:00:00+02:00",
        ),
        (
            "at midnight GMT on 26 February 2016",
            "2016-02-27T02:00:00+02:00",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(res(text, &ctx), (s(want), s(want), "minute"), "{text}");
    }
    assert_eq!(
        res("starting at midnight", &ctx).0,
        s("2016-05-02T00:00:00+03:00")
    );
    assert_eq!(
        res("until midnight", &ctx).1,
        s("2016-05-02T00:00:00+03:00")
    );
    assert_eq!(
        res("since midnight", &ctx).0,
        s("2016-05-01T00:00:00+03:00")
    );
}

#[test]
fn parts_of_day() {
    let ctx = sunday();
    let cases = [
        (
            "tonight",
            "2016-05-01T18:00:00+03:00",
            "2016-05-02T06:00:00+03:00",
        ),
        (
            "this morning",
            "2016-05-01T06:00:00+03:00",
            "2016-05-01T12:00:00+03:00",
        ),
        (
            "last night",
            "2016-04-30T18:00:00+03:00",
            "2016-05-01T06:00:00+03:00",
        ),
        (
            "on Friday night",
            "2016-04-29T18:00:00+03:00",
            "2016-04-30T06:00:00+03:00",
        ),
        (
            "overnight on Tuesday",
            "2016-04-25T18:00:00+03:00",
            "2016-04-26T06:00:00+03:00",
        ),
        (
            "overnight Sunday",
            "2016-04-30T18:00:00+03:00",
            "2016-05-01T06:00:00+03:00",
        ),
        (
            "yesterday evening",
            "2016-04-30T18:00:00+03:00",
            "2016-05-01T00:00:00+03:00",
        ),
    ];
    for (text, a, b) in cases {
        assert_eq!(res(text, &ctx), (s(a), s(b), "hour"), "{text}");
    }
}

#[test]
fn until_is_strictly_after_the_statement_day() {
    let text = "in Tartus province the truce is still in effect until Monday";
    assert_eq!(res(text, &sunday()), (None, s("2016-05-02"), "day"));
    // Published on the Monday, but said on the Sunday: still that Monday.
    let ctx = Context {
        statement: Some(Anchor::day(date(2016, 5, 1))),
        ..published(2016, 5, 2)
    };
    assert_eq!(res(text, &ctx), (None, s("2016-05-02"), "day"));
    // Said on a Monday: the next Monday.
    assert_eq!(
        res("until Monday", &published(2016, 5, 2)).1,
        s("2016-05-09")
    );
    assert_eq!(res("till Friday", &sunday()).1, s("2016-05-06"));
    assert_eq!(res("through Sunday", &sunday()).1, s("2016-05-08"));
    assert_eq!(
        res("until Friday night", &sunday()).1,
        s("2016-05-07T06:00:00+03:00")
    );
}

#[test]
fn start_bounds_look_forward() {
    let ctx = sunday();
    assert_eq!(res("from Saturday", &ctx), (s("2016-05-07"), None, "day"));
    assert_eq!(res("starting Sunday", &ctx), (s("2016-05-01"), None, "day"));
    assert_eq!(res("as of Tuesday", &ctx), (s("2016-05-03"), None, "day"));
    assert_eq!(res("since Saturday", &ctx), (s("2016-04-30"), None, "day"));
    assert_eq!(res("since 2011", &ctx), (s("2011-01-01"), None, "year"));
}

#[test]
fn intervals() {
    let ctx = sunday();
    let cases = [
        (
            "between Saturday and Monday",
            "2016-05-07",
            "2016-05-09",
            "day",
        ),
        ("from Friday to Sunday", "2016-05-06", "2016-05-08", "day"),
        (
            "from 1 May to 3 May 2016",
            "2016-05-01",
            "2016-05-03",
            "day",
        ),
        (
            "from Monday until Monday",
            "2016-05-02",
            "2016-05-02",
            "day",
        ),
    ];
    for (text, a, b, p) in cases {
        assert_eq!(res(text, &ctx), (s(a), s(b), p), "{text}");
    }
    let v = res("between 6 p.m. and midnight", &ctx);
    assert_eq!(
        v,
        (
            s("2016-05-01T18:00:00+03:00"),
            s("2016-05-02T00:00:00+03:00"),
            "hour"
        )
    );
}

#[test]
fn lengths_from_the_statement() {
    let ctx = sunday();
    let cases = [
        ("for another 24 hours", "2016-05-01", "2016-05-02"),
        ("by 24 hours", "2016-05-01", "2016-05-02"),
        ("for 48 hours", "2016-05-01", "2016-05-03"),
        ("a 72-hour truce", "2016-05-01", "2016-05-04"),
        ("for three days", "2016-05-01", "2016-05-04"),
        ("in the past 24 hours", "2016-04-30", "2016-05-01"),
        ("two weeks", "2016-05-01", "2016-05-15"),
    ];
    for (text, a, b) in cases {
        assert_eq!(res(text, &ctx), (s(a), s(b), "day"), "{text}");
    }
}

#[test]
fn lengths_from_a_previous_end() {
    let prev_text = "until Monday";
    let prev = resolve(&find(prev_text)[0].expr, &sunday());
    let ctx = Context {
        previous_end: Some(prev),
        ..sunday()
    };
    assert_eq!(
        res("for another 24 hours", &ctx),
        (s("2016-05-02"), s("2016-05-03"), "day")
    );
    let at_six = resolve(&find("until 6 p.m. on Monday")[0].expr, &sunday());
    let ctx = Context {
        previous_end: Some(at_six),
        ..sunday()
    };
    let v = res("extended by 24 hours", &ctx);
    assert_eq!(
        v,
        (
            s("2016-05-02T18:00:00+03:00"),
            s("2016-05-03T18:00:00+03:00"),
            "hour"
        )
    );
    // A statement with a known time gives minute precision.
    let timed = Context {
        statement: Some(Anchor {
            date: date(2016, 5, 1),
            time: Some(time(14, 30, 0, 0)),
        }),
        ..sunday()
    };
    let v = res("for 48 hours", &timed);
    assert_eq!(
        v,
        (
            s("2016-05-01T14:30:00+03:00"),
            s("2016-05-03T14:30:00+03:00"),
            "minute"
        )
    );
}

#[test]
fn lengths_from_a_written_start() {
    let ctx = sunday();
    let v = res("for three days from 1:00 a.m. on Saturday", &ctx);
    assert_eq!(
        v,
        (
            s("2016-05-07T01:00:00+03:00"),
            s("2016-05-10T01:00:00+03:00"),
            "minute"
        )
    );
    let v = res("from midnight for 72 hours", &ctx);
    assert_eq!(
        v,
        (
            s("2016-05-02T00:00:00+03:00"),
            s("2016-05-05T00:00:00+03:00"),
            "minute"
        )
    );
    let v = res("for 48 hours beginning Saturday", &ctx);
    assert_eq!(v, (s("2016-05-07"), s("2016-05-09"), "day"));
    // Across the 2016 winter-to-summer change (Damascus, 25 March 00:00):
    // 72 elapsed hours, so the wall clock reads 19:00.
    let v = res("for 72 hours from 6 p.m. on 24 March 2016", &ctx);
    assert_eq!(
        v,
        (
            s("2016-03-24T18:00:00+02:00"),
            s("2016-03-27T19:00:00+03:00"),
            "hour"
        )
    );
}
