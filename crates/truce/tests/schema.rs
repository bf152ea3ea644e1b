//! `schema/report.schema.json` describes exactly what `truce extract` writes.

mod common;

use common::{Validator, check_subset, examples, schema, truce};
use serde_json::{Value, json};
use truce_model::{
    ActorRef, Attribution, Claim, ClaimKind, Document, Excerpt, Link, Modality, PlaceRef, Quantity,
    Report, Speaker, TimeRef, TruceRef,
};

fn excerpt(start: usize, text: &str) -> Option<Excerpt> {
    Some(Excerpt {
        start,
        end: start + text.len(),
        text: text.to_owned(),
    })
}

fn s(text: &str) -> Option<String> {
    Some(text.to_owned())
}

/// A report with every field of every type filled in.
fn full_report() -> Report {
    let claim = Claim {
        id: "c1".to_owned(),
        kind: ClaimKind::IncidentAttack,
        subtype: s("airstrike"),
        modality: Modality::Hedged,
        truce: Some(TruceRef {
            name: "cessation_of_hostilities".to_owned(),
            qualifiers: vec!["nationwide".to_owned()],
            mention: excerpt(10, "cessation of hostilities"),
        }),
        actors: vec![ActorRef {
            role: "perpetrator".to_owned(),
            id: s("syr_gov"),
            name: "the Assad regime".to_owned(),
            mention: excerpt(40, "the Assad regime"),
        }],
        places: vec![PlaceRef {
            role: "excluded".to_owned(),
            id: s("SY02"),
            name: "Aleppo".to_owned(),
            kind: s("city"),
            lat: Some(36.2),
            lon: Some(37.16),
            admin: vec!["Syria".to_owned(), "Aleppo".to_owned()],
            qualifier: s("controlled_by"),
            controlled_by: s("islamic_state"),
            mention: excerpt(60, "Aleppo city"),
        }],
        time: Some(TimeRef {
            start: s("2016-05-01"),
            end: s("2016-05-02T00:00:00+03:00"),
            precision: "day".to_owned(),
            mention: excerpt(80, "until Monday"),
        }),
        quantities: vec![Quantity {
            value: 12.0,
            approx: s("at_least"),
            what: "killed".to_owned(),
            of: s("civilians"),
            mention: excerpt(100, "at least 12 civilians"),
        }],
        targets: vec!["schools".to_owned()],
        attribution: Attribution {
            speaker: Some(Speaker {
                name: "44 military factions".to_owned(),
                id: s("opposition_factions"),
                unnamed: true,
                count: Some(44),
                mention: excerpt(120, "44 military factions"),
            }),
            chain: vec![Link {
                role: "obtained_by".to_owned(),
                name: "Al-Souria Net".to_owned(),
                id: s("al_souria_net"),
            }],
        },
        evidence: Excerpt {
            start: 0,
            end: 5,
            text: "Syria".to_owned(),
        },
        rule: Some("truce.declared:declared".to_owned()),
        adjusted_by: vec!["gate.purpose".to_owned()],
    };
    Report {
        document: Document {
            id: "doc-1".to_owned(),
            published: "2016-05-01".to_owned(),
            outlet: s("Levant Wire"),
            title: s("A title"),
            url: s("https://example.org/a"),
            language: s("en"),
            translated_by: s("The Syrian Observer"),
            edited_by: s("The Syrian Observer"),
            theatre: s("SY"),
            bytes: 200,
            extractor: "truce-extract/0.1.0".to_owned(),
        },
        claims: vec![claim],
    }
}

/// A report with only what is always written.
fn minimal_report() -> Report {
    Report {
        document: Document {
            id: "fnv1a64:0000000000000000".to_owned(),
            published: "2016-05-01".to_owned(),
            bytes: 1,
            extractor: "truce-extract/0.1.0".to_owned(),
            ..Document::default()
        },
        claims: vec![Claim {
            id: "c1".to_owned(),
            kind: ClaimKind::TruceInForce,
            subtype: None,
            modality: Modality::Asserted,
            truce: None,
            actors: vec![],
            places: vec![],
            time: None,
            quantities: vec![],
            targets: vec![],
            attribution: Attribution::default(),
            evidence: Excerpt::default(),
            rule: None,
            adjusted_by: Vec::new(),
        }],
    }
}

fn errors(value: &Value) -> Vec<String> {
    let schema = schema();
    Validator::new(&schema).validate(value)
}

#[test]
fn schema_uses_only_the_validated_subset() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    check_subset(&schema, "#").expect("schema keywords");
}

#[test]
fn enums_match_the_model() {
    let schema = schema();
    let kinds: Vec<Value> = ClaimKind::ALL.iter().map(|k| json!(k.as_str())).collect();
    assert_eq!(schema["$defs"]["ClaimKind"]["enum"], Value::Array(kinds));
    let modalities: Vec<Value> = [
        Modality::Asserted,
        Modality::Negated,
        Modality::Hedged,
        Modality::Planned,
    ]
    .iter()
    .map(|m| serde_json::to_value(m).expect("modality"))
    .collect();
    assert_eq!(
        schema["$defs"]["Modality"]["enum"],
        Value::Array(modalities)
    );
}

#[test]
fn full_and_minimal_reports_validate_and_cover_the_schema() {
    let schema = schema();
    let mut validator = Validator::new(&schema);
    let full = serde_json::to_value(full_report()).expect("serialise");
    assert_eq!(validator.validate(&full), Vec::<String>::new());
    let minimal = serde_json::to_value(minimal_report()).expect("serialise");
    assert_eq!(validator.validate(&minimal), Vec::<String>::new());
    // Every property the schema declares is one the model really writes.
    let unused: Vec<String> = validator
        .declared()
        .difference(&validator.seen)
        .cloned()
        .collect();
    assert!(
        unused.is_empty(),
        "declared but never written by the model: {unused:?}"
    );
}

#[test]
fn schema_rejects_what_the_model_never_writes() {
    let good = serde_json::to_value(full_report()).expect("serialise");
    type Breaker = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Breaker)> = vec![
        (
            "extra document field",
            Box::new(|v| v["document"]["colour"] = json!("red")),
        ),
        (
            "null optional field",
            Box::new(|v| v["document"]["outlet"] = Value::Null),
        ),
        (
            "unknown claim kind",
            Box::new(|v| v["claims"][0]["kind"] = json!("truce.maybe")),
        ),
        (
            "unknown modality",
            Box::new(|v| v["claims"][0]["modality"] = json!("certain")),
        ),
        (
            "empty actors list",
            Box::new(|v| v["claims"][0]["actors"] = json!([])),
        ),
        (
            "unnamed: false",
            Box::new(|v| v["claims"][0]["attribution"]["speaker"]["unnamed"] = json!(false)),
        ),
        (
            "missing chain",
            Box::new(|v| {
                v["claims"][0]["attribution"]
                    .as_object_mut()
                    .expect("object")
                    .remove("chain");
            }),
        ),
        (
            "negative offset",
            Box::new(|v| v["claims"][0]["evidence"]["start"] = json!(-1)),
        ),
        (
            "string latitude",
            Box::new(|v| v["claims"][0]["places"][0]["lat"] = json!("36.2")),
        ),
        (
            "fractional byte count",
            Box::new(|v| v["document"]["bytes"] = json!(1.5)),
        ),
        (
            "missing claims",
            Box::new(|v| {
                v.as_object_mut().expect("object").remove("claims");
            }),
        ),
    ];
    for (name, break_it) in cases {
        let mut bad = good.clone();
        break_it(&mut bad);
        assert!(
            !errors(&bad).is_empty(),
            "schema accepted a report with {name}"
        );
    }
}

/// Every example, through `extract --jsonl`. (The single-report output of
/// each example is validated in `cli.rs`.)
#[test]
fn extract_output_of_every_example_validates() {
    let files = examples();
    assert!(files.len() >= 6, "expected at least 6 example reports");
    let run = truce(&["extract", "--jsonl", "examples/reports.jsonl"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let lines = run.json_lines();
    assert_eq!(lines.len(), files.len());
    for line in &lines {
        assert_eq!(
            errors(line),
            Vec::<String>::new(),
            "{}",
            line["document"]["id"]
        );
    }
}
