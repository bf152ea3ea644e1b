//! `truce eval ledger` end to end: the example reports against their
//! truth timeline, in JSON and as text, and a bad truth file refused.

use std::path::Path;
use std::process::{Command, Output};

fn truce(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_truce"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .output()
        .expect("run truce")
}

#[test]
fn examples_against_their_timeline_in_json_and_text() {
    let truth = "eval/ledger/examples.truth.json";
    let run = truce(&[
        "eval",
        "ledger",
        truth,
        "examples/reports",
        "--format",
        "json",
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    let score: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(score["documents"], 8);
    assert_eq!(score["recall"]["total"], 5);
    assert_eq!(score["status"]["total"], 18);
    for key in ["recall", "precision", "status"] {
        let v = score[key]["value"].as_f64().expect("a value");
        assert!((0.0..=1.0).contains(&v), "{key} {v}");
    }
    let text = truce(&["eval", "ledger", truth, "examples/reports"]);
    let out = String::from_utf8_lossy(&text.stdout);
    for line in [
        "truce recall",
        "truce precision",
        "status accuracy",
        "wrong probes",
    ] {
        assert!(out.contains(line), "{out}");
    }
}

#[test]
fn a_truth_file_that_names_an_unknown_place_is_refused() {
    let dir = std::env::temp_dir().join(format!("truce-eval-ledger-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"title": "t", "sources": {"s": "x"}, "probes": [], "truces": [{"id": "a",
            "name": "n", "level": "local", "country": "SY",
            "scope": {"include": [], "main": ["nowhere-at-all"], "sources": ["s"]}}]}"#,
    )
    .expect("write");
    let run = truce(&[
        "eval",
        "ledger",
        bad.to_str().expect("UTF-8"),
        "examples/reports",
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("nowhere-at-all"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
