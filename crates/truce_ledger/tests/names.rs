//! Human names of truce records: scope, kind in words and start day, from
//! short reports of our own read by the real extractor.

mod common;

use common::ledger;

fn names(reports: &[(&str, &str)]) -> Vec<String> {
    ledger(reports)
        .truces()
        .into_iter()
        .map(|t| t.name)
        .collect()
}

#[test]
fn a_local_truce_is_named_by_its_place_kind_and_start() {
    let n = names(&[(
        "A regime of calm came into effect in Homs on Saturday, the army said.",
        "2016-03-07",
    )]);
    assert_eq!(n, ["Homs regime of calm, 5 Mar 2016"]);
}

#[test]
fn a_nationwide_truce_is_named_by_its_country() {
    let n = names(&[(
        "A nationwide ceasefire came into force across Syria on Saturday.",
        "2016-02-27",
    )]);
    assert_eq!(n, ["Syria ceasefire, 27 Feb 2016"]);
}

#[test]
fn two_places_are_both_named() {
    let n = names(&[(
        "The army declared a truce in Homs and Hama on Monday.",
        "2016-03-07",
    )]);
    assert_eq!(n, ["Homs and Hama truce, 7 Mar 2016"]);
}

#[test]
fn the_specific_kind_wins_over_the_generic_one() {
    let n = names(&[
        ("The army declared a truce in Homs on Monday.", "2016-03-07"),
        (
            "The regime of calm in Homs held on Tuesday, residents said.",
            "2016-03-08",
        ),
    ]);
    assert_eq!(n.len(), 1, "{n:?}");
    assert!(n[0].starts_with("Homs regime of calm, "), "{n:?}");
}

#[test]
fn a_start_only_a_month_names_is_named_by_its_month() {
    let n = names(&[(
        "The opposition said the cessation of hostilities across Syria they accepted in February still applies.",
        "2016-05-01",
    )]);
    assert_eq!(n, ["Syria cessation of hostilities, Feb 2016"]);
}
