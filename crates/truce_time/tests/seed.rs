//! The time phrases of the canonical seed report (shared/seed), in
//! sentences of our own with the same structure, so the test does not
//! depend on files outside the crate nor copy the report's text.
mod common;

use common::{res, s, spans};
use jiff::civil::date;
use truce_time::{Anchor, Context, explicit_year, find, statement_day};

const SEED: &str = "Moscow on Sunday said talks were going on to add the town of \
Kafr Nabl to the short truce the army had declared in parts of the west, among them Homs \
and Tartus.\n\
An officer quoted by the agency did not name the mediators, but said the truce had been \
prolonged around Homs for another 24 hours and that \u{201c}in Tartus province the truce \
stays in force until Monday without any extension.\u{201d} The officer said both areas \
had been calm so far.\n\
In a statement signed by 30 armed groups, the rebels said the truce they accepted covers \
the whole country except the areas held by the Islamic State group.\n\
The groups said they kept \u{201c}the right to respond at a time and place of our \
choosing,\u{201d} and that the truce was all but dead";

#[test]
fn seed_mentions() {
    assert_eq!(
        spans(SEED),
        ["on Sunday", "for another 24 hours", "until Monday"]
    );
}

#[test]
fn seed_resolution_published_monday() {
    let published = Anchor::day(date(2016, 5, 2));
    let found = find(SEED);
    let said = statement_day(&found[0].expr, published).expect("a Sunday");
    assert_eq!(said, Anchor::day(date(2016, 5, 1)));
    assert_eq!(explicit_year(&found[0].expr), None);
    let ctx = Context {
        statement: Some(said),
        ..Context::new(published)
    };
    let ext = &SEED[found[1].start..found[1].end];
    assert_eq!(res(ext, &ctx), (s("2016-05-01"), s("2016-05-02"), "day"));
    let until = &SEED[found[2].start..found[2].end];
    assert_eq!(res(until, &ctx), (None, s("2016-05-02"), "day"));
}

#[test]
fn statement_days() {
    let published = Anchor::day(date(2016, 5, 2));
    let day = |text: &str| statement_day(&find(text)[0].expr, published).map(|a| a.date);
    assert_eq!(day("Russia on Sunday said"), Some(date(2016, 5, 1)));
    assert_eq!(day("Russia on Monday said"), Some(date(2016, 5, 2)));
    assert_eq!(day("Russia on Tuesday said"), Some(date(2016, 4, 26)));
    assert_eq!(day("Russia yesterday said"), Some(date(2016, 5, 1)));
    assert_eq!(day("Russia said on 29 April"), Some(date(2016, 4, 29)));
    assert_eq!(day("Russia said on Sunday night"), Some(date(2016, 5, 1)));
    assert_eq!(day("Russia said last week"), None);
    assert_eq!(day("Russia said until Monday"), None);
    let at = statement_day(&find("at 6 p.m. on Sunday")[0].expr, published);
    assert_eq!(
        at.and_then(|a| a.time),
        Some(jiff::civil::time(18, 0, 0, 0))
    );
}

#[test]
fn explicit_years() {
    let year = |text: &str| explicit_year(&find(text)[0].expr);
    assert_eq!(year("on May 2, 2016"), Some(2016));
    assert_eq!(year("until 3 May 2015"), Some(2015));
    assert_eq!(year("since 2011"), Some(2011));
    assert_eq!(year("between 1 May and 3 May 2016"), Some(2016));
    assert_eq!(year("on 19 September"), None);
    assert_eq!(year("for 48 hours"), None);
}
