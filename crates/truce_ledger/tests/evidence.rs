//! Evidence weighs: short reports of our own, read by the real extractor,
//! for the rules that decide whether a record is a truce, when it starts,
//! what closes it and which truce a claim speaks of. Each with a near miss.

mod common;

use common::ledger;
use truce_ledger::{Ledger, Level, State, parse_time};

fn states(l: &Ledger, place: &str, at: &str, level: Level) -> Vec<State> {
    let p = l.place(place).expect("a known place");
    let s = l.status(p, parse_time(at).expect("a time"));
    (s.truces.iter())
        .filter(|e| e.level == level)
        .map(|e| e.state)
        .collect()
}

#[test]
fn a_call_for_a_truce_founds_nothing() {
    let l = ledger(&[
        (
            "The UN called for a ceasefire in Homs on Monday.",
            "2016-03-07",
        ),
        ("France urged a truce in Homs.", "2016-03-08"),
    ]);
    assert!(l.truces().is_empty(), "{:#?}", l.truces());
    assert!(states(&l, "Homs", "2016-03-08T12:00", Level::Local).is_empty());
    // near miss: a declaration founds one
    let l = ledger(&[("The army declared a truce in Homs on Monday.", "2016-03-07")]);
    assert_eq!(l.truces().len(), 1);
}

#[test]
fn a_nationwide_truce_holds_across_its_country() {
    let l = ledger(&[
        (
            "A nationwide ceasefire came into force across Syria on Saturday.",
            "2016-02-27",
        ),
        (
            "The ceasefire has largely held, monitors said.",
            "2016-03-02",
        ),
    ]);
    let hama = states(&l, "Hama", "2016-03-02T12:00", Level::National);
    assert_eq!(hama, [State::InForce]);
    // near miss: a place abroad is not covered
    assert!(states(&l, "Beirut", "2016-03-02T12:00", Level::National).is_empty());
}

#[test]
fn one_unplaced_unattributed_collapse_does_not_end_a_truce() {
    let start = (
        "A nationwide ceasefire came into force across Syria on Saturday.",
        "2016-02-27",
    );
    let lone = ("The ceasefire collapsed last week.", "2016-03-09");
    let l = ledger(&[start, lone]);
    assert_eq!(
        states(&l, "Hama", "2016-03-10T12:00", Level::National),
        [State::InForce]
    );
    // near miss: a named party says so
    let voiced = ("Rebels said the ceasefire had collapsed.", "2016-03-09");
    let l = ledger(&[start, voiced]);
    assert_eq!(
        states(&l, "Hama", "2016-03-10T12:00", Level::National),
        [State::Collapsed]
    );
}

#[test]
fn a_declared_truce_is_proposed_until_it_takes_effect() {
    let declared = (
        "Russia and the United States announced on Monday a nationwide ceasefire in Syria that will take effect at midnight on Friday.",
        "2016-02-22",
    );
    let started = (
        "The nationwide ceasefire in Syria came into effect on Saturday.",
        "2016-02-27",
    );
    let again = (
        "The ceasefire across Syria came into effect at midnight, monitors said.",
        "2016-02-27",
    );
    let l = ledger(&[declared, started, again]);
    assert_eq!(
        states(&l, "Hama", "2016-02-24T12:00", Level::National),
        [State::Proposed]
    );
    // near miss: after the start it holds
    assert_eq!(
        states(&l, "Hama", "2016-02-28T12:00", Level::National),
        [State::InForce]
    );
}

#[test]
fn a_report_s_local_truce_takes_the_places_it_names_next() {
    let l = ledger(&[(
        "The army declared a truce near Damascus on Friday. The truce will begin on Saturday and last one day in Eastern Ghouta.",
        "2016-04-29",
    )]);
    assert_eq!(
        states(&l, "Douma", "2016-04-30T12:00", Level::Local),
        [State::InForce]
    );
    // near miss: a place the report never names is not covered
    assert!(states(&l, "Homs", "2016-04-30T12:00", Level::Local).is_empty());
}

#[test]
fn areas_held_by_an_excluded_group_are_left_out() {
    let l = ledger(&[(
        "A nationwide ceasefire came into force across Syria on Saturday, except in areas controlled by Islamic State.",
        "2016-02-27",
    )]);
    let p = l.place("Palmyra").expect("Palmyra");
    let s = l.status(p, parse_time("2016-03-01T12:00").expect("a time"));
    assert!(s.truces.is_empty(), "{s:#?}");
    assert_eq!(s.excluded.len(), 1, "{s:#?}");
    assert_eq!(s.excluded[0].held_by, "islamic_state");
    // near miss: a town the group did not hold is covered
    assert_eq!(
        states(&l, "Homs", "2016-03-01T12:00", Level::National),
        [State::InForce]
    );
}

#[test]
fn a_truce_around_a_city_covers_its_suburbs() {
    let l = ledger(&[(
        "The army declared a 72-hour truce around Damascus on Friday.",
        "2016-04-29",
    )]);
    for town in ["Douma", "Harasta", "Damascus"] {
        assert_eq!(
            states(&l, town, "2016-04-30T12:00", Level::Local),
            [State::InForce],
            "{town}"
        );
    }
    // near misses: a town 40 km away, and a truce in a city without "around"
    assert!(states(&l, "Zabadani", "2016-04-30T12:00", Level::Local).is_empty());
    let l = ledger(&[(
        "The army declared a 72-hour truce in Damascus on Friday.",
        "2016-04-29",
    )]);
    assert!(states(&l, "Douma", "2016-04-30T12:00", Level::Local).is_empty());
}
