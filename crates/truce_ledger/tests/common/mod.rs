//! Shared test helpers: run the real extractor on short texts.

#![allow(dead_code)]

use std::sync::OnceLock;
use truce_extract::{Extractor, Input};
use truce_geo::Gazetteer;
use truce_ledger::Ledger;
use truce_model::Report;

pub fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::new().expect("extractor builds"))
}

pub fn report(text: &str, published: &str) -> Report {
    extractor().extract(&Input::new(text, published).expect("valid input"))
}

pub fn ledger(reports: &[(&str, &str)]) -> Ledger {
    let mut ledger = Ledger::new(Gazetteer::embedded());
    for (text, published) in reports {
        ledger.add(report(text, published));
    }
    ledger
}

pub fn seed() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/syria-truce-report.txt"
    );
    std::fs::read_to_string(path).ok()
}
