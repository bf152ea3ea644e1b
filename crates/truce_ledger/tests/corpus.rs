//! Smoke run over the shared 2016 corpus (ignored: run with `--ignored --nocapture`).

mod common;

use std::time::Instant;
use truce_ledger::parse_time;

#[test]
#[ignore = "reads ../shared/corpus; prints a summary"]
fn corpus_smoke() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/news2016-aggregator-mirror/syria_articles_2016H1.jsonl"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: corpus not present");
        return;
    };
    let mut ledger = truce_ledger::Ledger::new(truce_geo::Gazetteer::embedded());
    let started = Instant::now();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json line");
        let body = v["text"].as_str().unwrap_or_default();
        let date = v["post_date"]
            .as_str()
            .unwrap_or_default()
            .get(..10)
            .unwrap_or_default();
        ledger.add(common::report(body, date));
    }
    if let Some(seed) = common::seed() {
        ledger.add(common::report(&seed, "2016-05-01"));
    }
    println!(
        "{} documents, {} truces in {:?}",
        ledger.len(),
        ledger.truces().len(),
        started.elapsed()
    );
    for (place, at) in [
        ("Damascus", "2016-04-28T12:00"),
        ("Aleppo", "2016-04-30T12:00"),
        ("Damascus", "2016-05-01T20:00"),
        ("Aleppo", "2016-05-05T12:00"),
    ] {
        let p = ledger.place(place).expect("place");
        let t = Instant::now();
        let s = ledger.status(p, parse_time(at).expect("time"));
        println!("{place} {at} ({:?}):", t.elapsed());
        for e in &s.truces {
            println!(
                "  {} {} {:?} {:?} {:?}..{:?} for={} against={}",
                e.truce,
                e.name,
                e.level,
                e.state,
                e.window.start,
                e.window.end,
                e.claims_for.len(),
                e.claims_against.len()
            );
        }
        println!("  disputes: {}", s.disputes.len());
    }
    println!(
        "violations {}, disputes {}",
        ledger.violations(None).len(),
        ledger.disputes().len()
    );
}
