//! Acceptance: the seed report, published 2016-05-01.

mod common;

use truce_ledger::{Ledger, Level, State, Status, StatusEntry, parse_time};

fn seed_ledger() -> Option<Ledger> {
    let Some(text) = common::seed() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true and the seed is missing"
        );
        eprintln!("skipped: ../../../shared/seed/syria-truce-report.txt is not present");
        return None;
    };
    Some(common::ledger(&[(&text, "2016-05-01")]))
}

fn status(ledger: &Ledger, place: &str, at: &str) -> Status {
    let place = ledger.place(place).expect("known place");
    ledger.status(place, parse_time(at).expect("time"))
}

fn local(status: &Status) -> Vec<&StatusEntry> {
    status
        .truces
        .iter()
        .filter(|e| e.level == Level::Local)
        .collect()
}

#[test]
#[ignore = "prints the seed's claims and the ledger's answers"]
fn print_seed() {
    let Some(text) = common::seed() else { return };
    let report = common::report(&text, "2016-05-01");
    println!("{}", serde_json::to_string_pretty(&report).expect("json"));
    let ledger = common::ledger(&[(&text, "2016-05-01")]);
    println!(
        "{}",
        serde_json::to_string_pretty(&ledger.truces()).expect("json")
    );
    let s = status(&ledger, "Damascus", "2016-05-01T20:00");
    println!("{}", serde_json::to_string_pretty(&s).expect("json"));
}

#[test]
fn damascus_in_force_extended_and_disputed() {
    let Some(ledger) = seed_ledger() else { return };
    let s = status(&ledger, "Damascus", "2016-05-01T20:00");
    let local = local(&s);
    assert_eq!(local.len(), 1, "{s:#?}");
    let truce = local[0];
    assert_eq!(truce.state, State::InForce);
    let declarers: Vec<_> = truce
        .declarer
        .iter()
        .filter_map(|a| a.id.as_deref())
        .collect();
    assert!(
        declarers
            .iter()
            .any(|d| *d == "syr_army" || *d == "syr_gov"),
        "{declarers:?}"
    );
    assert!(!truce.extensions.is_empty(), "extended around Damascus");
    let ext = &truce.extensions[0];
    assert!(ext.evidence.contains("24 hours"), "{}", ext.evidence);
    // the window runs at least 24 hours past the statement
    let end = truce.window.end.as_deref().expect("an end");
    assert!(end >= "2016-05-02T00:00:00", "{end}");
    let respected = |c: &truce_ledger::ClaimView| {
        c.kind == truce_model::ClaimKind::TruceInForce
            && c.speaker.as_ref().and_then(|s| s.id.as_deref()) == Some("rus_mod")
    };
    assert!(truce.claims_for.iter().any(respected));
    let dispute = s
        .disputes
        .iter()
        .find(|d| d.kind == "in_force_vs_collapsed")
        .expect("respected vs practically dead");
    assert!(dispute.claims_for.iter().any(respected));
    let dead = dispute
        .claims_against
        .iter()
        .find(|c| c.kind == truce_model::ClaimKind::TruceCollapsed)
        .expect("the collapse claim");
    assert!(dead.evidence.contains("practically dead"));
    let factions = dead.speaker.as_ref().expect("speaker");
    assert_eq!(factions.id.as_deref(), Some("syr_opposition"));
    assert_eq!(factions.count, Some(44));
    assert!(dead.chain.iter().any(|l| l.role == "obtained_by"));
}

#[test]
fn aleppo_inclusion_only_proposed() {
    let Some(ledger) = seed_ledger() else { return };
    let s = status(&ledger, "Aleppo", "2016-05-01T20:00");
    let local = local(&s);
    assert!(local.iter().all(|e| e.state != State::InForce), "{s:#?}");
    let proposed = local
        .iter()
        .find(|e| e.state == State::Proposed)
        .expect("proposed");
    assert!(proposed.areas.iter().any(|a| a.name == "Aleppo"));
    // the nationwide cessation of hostilities is a separate record
    assert!(
        s.truces
            .iter()
            .filter(|e| e.level == Level::National)
            .all(|e| e.truce != proposed.truce)
    );
}

#[test]
fn latakia_expired_by_wednesday() {
    let Some(ledger) = seed_ledger() else { return };
    let s = status(&ledger, "Latakia", "2016-05-04T12:00");
    let local = local(&s);
    assert_eq!(local.len(), 1, "{s:#?}");
    assert_eq!(local[0].state, State::Expired);
    assert_eq!(local[0].window.end.as_deref(), Some("2016-05-03T00:00:00"));
    // and it was in force on Monday
    let monday = status(&ledger, "Latakia", "2016-05-02T12:00");
    assert_eq!(local_state(&monday), Some(State::InForce));
}

fn local_state(s: &Status) -> Option<State> {
    local(s).first().map(|e| e.state)
}

#[test]
fn nationwide_truce_is_separate_and_collapsed_by_the_factions() {
    let Some(ledger) = seed_ledger() else { return };
    let s = status(&ledger, "Damascus", "2016-05-01T20:00");
    let national: Vec<_> = s
        .truces
        .iter()
        .filter(|e| e.level == Level::National)
        .collect();
    assert_eq!(national.len(), 1, "{s:#?}");
    assert_eq!(national[0].kind, "cessation_of_hostilities");
    assert!(
        national[0]
            .name
            .starts_with("Syria cessation of hostilities, ")
    );
    assert_eq!(national[0].state, State::Collapsed);
    assert_eq!(
        national[0].unresolved_exclusions,
        ["areas controlled by Islamic State"]
    );
}

#[test]
fn adding_twice_changes_nothing() {
    let Some(text) = common::seed() else { return };
    let mut ledger = common::ledger(&[(&text, "2016-05-01")]);
    let before = ledger.truces();
    assert!(!ledger.add(common::report(&text, "2016-05-01")));
    assert_eq!(ledger.truces(), before);
}
