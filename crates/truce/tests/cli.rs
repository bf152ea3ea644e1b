//! The `truce` binary, end to end.

mod common;

use common::{Run, Validator, example_runs, examples, schema, scratch, truce};
use serde_json::Value;

fn path_str(path: &std::path::Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// A failed run: the exit status, and a message naming the input and the problem.
fn assert_fails(run: &Run, code: i32, input: &str, problem: &str) {
    assert_eq!(run.code, Some(code), "stderr: {}", run.stderr);
    assert!(
        run.stderr.contains(input),
        "stderr does not name {input:?}: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains(problem),
        "stderr does not say {problem:?}: {}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn extract_each_example_reads_its_front_matter_and_fits_the_schema() {
    let schema = schema();
    let runs = example_runs();
    assert!(runs.len() >= 6, "expected at least 6 example reports");
    for (file, run) in runs {
        let path = path_str(file);
        let text = std::fs::read_to_string(file).expect("read example");
        assert_eq!(run.code, Some(0), "{path}: {}", run.stderr);
        let report = run.json();
        assert_eq!(
            Validator::new(&schema).validate(&report),
            Vec::<String>::new(),
            "{path}"
        );
        let doc = &report["document"];
        let (_, body) = text.split_once("\n---\n").expect("front matter then body");
        assert_eq!(doc["bytes"], body.len(), "{path}");
        assert!(
            doc["published"]
                .as_str()
                .is_some_and(|p| p.starts_with("2016-")),
            "{path}"
        );
        assert!(
            doc["outlet"].is_string() && doc["title"].is_string(),
            "{path}"
        );
        assert!(
            doc["id"]
                .as_str()
                .is_some_and(|id| id.starts_with("fnv1a64:")),
            "{path}"
        );
        assert!(report["claims"].is_array());
    }
}

#[test]
fn command_line_options_win_over_front_matter() {
    let file = &examples()[0];
    let run = truce(
        &[
            "extract",
            path_str(file),
            "--published",
            "2016-06-01T10:00",
            "--outlet",
            "Other",
            "--url",
            "u",
        ],
        b"",
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let doc = &run.json()["document"];
    assert_eq!(doc["published"], "2016-06-01T10:00");
    assert_eq!(doc["outlet"], "Other");
    assert_eq!(doc["url"], "u");
}

#[test]
fn stdin_and_text_format() {
    let text = b"The truce around Damascus was extended for another 24 hours.";
    let run = truce(
        &[
            "extract",
            "-",
            "--published",
            "2016-05-01",
            "--outlet",
            "Wire",
            "--format",
            "text",
        ],
        text,
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.starts_with("document fnv1a64:"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("published 2016-05-01 · Wire"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("{} bytes", text.len())),
        "{}",
        run.stdout
    );
}

#[test]
fn single_and_jsonl_agree_on_the_examples() {
    let run = truce(&["extract", "--jsonl", "examples/reports.jsonl"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let lines = run.json_lines();
    let runs = example_runs();
    assert_eq!(lines.len(), runs.len());
    for (line, (file, single)) in lines.iter().zip(runs) {
        let stem = file.file_stem().and_then(|s| s.to_str()).expect("stem");
        assert_eq!(line["document"]["id"], stem, "jsonl ids follow input order");
        let single = single.json();
        for key in ["published", "outlet", "title", "bytes"] {
            assert_eq!(
                line["document"][key], single["document"][key],
                "{stem}: {key}"
            );
        }
        assert_eq!(line["claims"], single["claims"], "{stem}: claims");
    }
}

#[test]
fn jsonl_keeps_order_across_batches_and_reads_stdin() {
    let mut input = String::new();
    for i in 0..2500 {
        input.push_str(&format!(
            "{{\"id\": \"r{i}\", \"text\": \"Shelling hit Douma, report {i}.\", \"published\": \"2016-05-01\"}}\n"
        ));
        if i % 700 == 0 {
            input.push('\n');
        }
    }
    let run = truce(&["extract", "--jsonl", "-"], input.as_bytes());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let ids: Vec<String> = run
        .json_lines()
        .iter()
        .map(|l| l["document"]["id"].as_str().expect("id").to_owned())
        .collect();
    let expected: Vec<String> = (0..2500).map(|i| format!("r{i}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn jsonl_broken_lines_get_error_records_in_place() {
    let input = [
        r#"{"id": "good-1", "text": "The truce held in Homs.", "published": "2016-05-01"}"#,
        r#"{"id": "bad-json", "text": "#,
        r#"{"id": "no-text", "published": "2016-05-01"}"#,
        r#"{"id": "bad-date", "text": "Clashes in Hama.", "published": "last Sunday"}"#,
        r#"{"id": "empty", "text": "   ", "published": "2016-05-01"}"#,
        r#"{"id": 6, "text": "Shelling resumed.", "published": "2016-05-02", "outlet": "W"}"#,
    ]
    .join("\n");
    let path = scratch("broken.jsonl", input.as_bytes());
    let run = truce(&["extract", "--jsonl", path_str(&path)], b"");
    assert_eq!(run.code, Some(3), "some lines failed: {}", run.stderr);
    let lines = run.json_lines();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0]["document"]["id"], "good-1");
    assert_eq!(lines[5]["document"]["id"], "6");
    let expect = [
        (2, Value::Null, "bad JSON"),
        (3, Value::from("no-text"), "missing field \"text\""),
        (
            4,
            Value::from("bad-date"),
            "publication date \"last Sunday\"",
        ),
        (5, Value::from("empty"), "empty text"),
    ];
    for (record, (line, id, error)) in lines[1..5].iter().zip(expect) {
        assert_eq!(record["line"], line);
        assert_eq!(record["id"], id);
        let message = record["error"].as_str().expect("error");
        assert!(message.contains(error), "{message}");
        assert!(
            run.stderr.contains(&format!("broken.jsonl:{line}: ")),
            "{}",
            run.stderr
        );
    }
    assert!(
        run.stderr.contains("4 of 6 line(s) failed"),
        "{}",
        run.stderr
    );
}

#[test]
fn jsonl_streams_past_the_single_report_limit() {
    // A 33 MiB file: one oversize line between two good ones.
    let mut input =
        br#"{"id": "a", "text": "Truce in Deraa.", "published": "2016-05-01"}"#.to_vec();
    input.extend_from_slice(b"\n{\"id\": \"big\", \"text\": \"");
    input.resize(input.len() + 33 * 1024 * 1024, b'x');
    input.extend_from_slice(b"\", \"published\": \"2016-05-01\"}\n");
    input
        .extend_from_slice(br#"{"id": "c", "text": "Truce in Idlib.", "published": "2016-05-01"}"#);
    let path = scratch("big.jsonl", &input);
    let run = truce(&["extract", "--jsonl", path_str(&path)], b"");
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    let lines = run.json_lines();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["document"]["id"], "a");
    assert_eq!(lines[1]["line"], 2);
    assert!(
        lines[1]["error"]
            .as_str()
            .is_some_and(|e| e.contains("larger than the 32 MiB limit"))
    );
    assert_eq!(lines[2]["document"]["id"], "c");

    let single = truce(
        &["extract", path_str(&path), "--published", "2016-05-01"],
        b"",
    );
    assert_fails(
        &single,
        1,
        "big.jsonl",
        "MiB is larger than the 32 MiB limit for one report; split it or use --jsonl",
    );
}

#[test]
fn bad_single_inputs_fail_with_a_clear_message() {
    let date = ["--published", "2016-05-01"];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", vec![], "empty input"),
        ("blank.txt", b" \n\n\t ".to_vec(), "empty input"),
        (
            "latin1.txt",
            b"Truce in Dar\xe2a".to_vec(),
            "not UTF-8 text (invalid byte at offset 12)",
        ),
        (
            "nul.bin",
            b"\x7fELF\x02\x01\x01\0\0\0".to_vec(),
            "looks like binary data",
        ),
        (
            "control.bin",
            b"\x01\x02\x03\x04\x05ab\x06\x07".to_vec(),
            "looks like binary data",
        ),
        (
            "header-only.txt",
            b"---\npublished: 2016-05-01\n---\n".to_vec(),
            "empty input",
        ),
        (
            "bad-key.txt",
            b"---\npubished: 2016-05-01\n---\nText.".to_vec(),
            "unknown key \"pubished\"",
        ),
    ];
    for (name, contents, problem) in cases {
        let path = scratch(name, &contents);
        let mut args = vec!["extract", path_str(&path)];
        args.extend(date);
        assert_fails(&truce(&args, b""), 1, name, problem);
    }
    assert_fails(
        &truce(&["extract", "-", "--published", "2016-05-01"], b""),
        1,
        "<stdin>",
        "empty input",
    );
    assert_fails(
        &truce(
            &["extract", "no/such/report.txt", "--published", "2016-05-01"],
            b"",
        ),
        1,
        "no/such/report.txt",
        "no such file",
    );
    assert_fails(
        &truce(&["extract", "examples", "--published", "2016-05-01"], b""),
        1,
        "examples",
        "is a directory",
    );
}

#[test]
fn publication_date_problems() {
    let path = scratch("plain.txt", b"The truce held.");
    let p = path_str(&path);
    assert_fails(
        &truce(&["extract", p, "--published", "yesterday"], b""),
        2,
        "--published",
        "\"yesterday\" is not a date",
    );
    assert_fails(
        &truce(&["extract", p], b""),
        1,
        "plain.txt",
        "no publication date",
    );
    let bad = scratch(
        "bad-date.txt",
        b"---\npublished: 2016-02-30\n---\nThe truce held.",
    );
    assert_fails(
        &truce(&["extract", path_str(&bad)], b""),
        1,
        "bad-date.txt",
        "front matter",
    );
}

#[test]
fn bad_jsonl_inputs_fail_with_a_clear_message() {
    let empty = scratch("empty.jsonl", b"");
    assert_fails(
        &truce(&["extract", "--jsonl", path_str(&empty)], b""),
        1,
        "empty.jsonl",
        "empty input",
    );
    let blank = scratch("blank.jsonl", b"\n\n  \n");
    assert_fails(
        &truce(&["extract", "--jsonl", path_str(&blank)], b""),
        1,
        "blank.jsonl",
        "empty input",
    );
    let binary = scratch("binary.jsonl", b"\x1f\x8b\x08\0\0\0\0\0");
    assert_fails(
        &truce(&["extract", "--jsonl", path_str(&binary)], b""),
        1,
        "binary.jsonl",
        "looks like binary data",
    );
    assert_fails(
        &truce(&["extract", "--jsonl", "missing.jsonl"], b""),
        1,
        "missing.jsonl",
        "no such file",
    );
    let latin1 = scratch(
        "latin1.jsonl",
        b"{\"id\": \"a\", \"text\": \"Dar\xe2a\", \"published\": \"2016-05-01\"}\n",
    );
    let run = truce(&["extract", "--jsonl", path_str(&latin1)], b"");
    assert_fails(
        &run,
        3,
        "latin1.jsonl:1",
        "not UTF-8 text (invalid byte at offset 24)",
    );
    assert_eq!(run.json_lines()[0]["line"], 1);
}

#[test]
fn usage_errors() {
    assert_eq!(truce(&["extract"], b"").code, Some(2));
    assert_eq!(
        truce(&["extract", "--jsonl", "-", "--outlet", "x"], b"").code,
        Some(2)
    );
    let help = truce(&["extract", "--help"], b"");
    assert_eq!(help.code, Some(0));
    assert!(help.stdout.contains("Exit status"), "{}", help.stdout);
}

#[test]
fn bench_runs_on_generated_and_given_corpora() {
    let run = truce(
        &[
            "bench",
            "--reports",
            "20",
            "--min-time",
            "0",
            "--threads",
            "2",
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let results = run.json();
    assert_eq!(results["corpus"]["reports"], 20);
    let runs = results["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0]["threads"], 1);
    assert_eq!(runs[1]["threads"], 2);
    assert!(
        runs.iter()
            .all(|r| r["mb_per_s"].as_f64().is_some_and(|v| v > 0.0))
    );

    let run = truce(
        &[
            "bench",
            "--jsonl",
            "examples/reports.jsonl",
            "--min-time",
            "0",
        ],
        b"",
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("reports/s") && run.stdout.contains("examples/reports.jsonl"),
        "{}",
        run.stdout
    );
}
