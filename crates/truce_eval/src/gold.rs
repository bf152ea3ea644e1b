//! The gold set: short reports written by the project, each with the claims
//! truce is expected to read and, for near misses, kinds it must not read.
//!
//! One JSON object per line:
//!
//! ```json
//! {"id": "g001", "text": "...", "published": "2016-05-01",
//!  "expect": [{"kind": "incident.attack", "subtype": "airstrike", "modality": "asserted",
//!              "places": ["Idlib"], "actors": ["syr_air_force"],
//!              "time": {"start": "2016-04-30"},
//!              "quantities": [{"value": 7, "what": "killed"}]}],
//!  "reject": ["truce.collapsed"]}
//! ```
//!
//! **Matching.** Expected claims of a report are matched one to one, in
//! order, to extracted claims of the same kind: each takes the unused
//! extracted claim that satisfies most of its checks. An expected claim is
//! *found* when that claim satisfies all of them:
//!
//! - `subtype`, `modality`: equal, when given;
//! - `places`: every listed name is one of the claim's places (same folded
//!   name, or a gazetteer name of the place's id);
//! - `actors`: every listed id is the id of one of the claim's actors (any
//!   role) or of its speaker;
//! - `time`: `start`/`end`, when given, are prefixes of the claim's time
//!   start/end ("2016-05-02" matches "2016-05-02T18:00");
//! - `quantities`: every listed `{value, what}` is one of the claim's quantities.
//!
//! **Scores.** Per kind: precision = found / extracted claims of that kind
//! in the gold reports; recall = found / expected. Per field: among
//! expected claims whose kind was extracted, the share whose best match
//! satisfies the field (counted only where the field is given). Near
//! misses: the share of `reject` entries with no claim of that kind.

use crate::places::Governorates;
use crate::score::{Evaluation, Miss, Scorer};
use crate::split::{Half, half_of};
use crate::{EvalError, Options, excerpt};
use serde::{Deserialize, Serialize};
use truce_extract::{Extractor, Input};
use truce_model::{Claim, ClaimKind, Report};

/// One gold report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldReport {
    pub id: String,
    pub text: String,
    pub published: String,
    #[serde(default)]
    pub expect: Vec<Expected>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reject: Vec<ClaimKind>,
}

/// One expected claim; absent fields are not checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    pub kind: ClaimKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<truce_model::Modality>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<ExpectedTime>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<ExpectedQuantity>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedTime {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedQuantity {
    pub value: f64,
    pub what: String,
}

/// The checkable fields, in table order.
pub const FIELDS: [&str; 6] = [
    "subtype",
    "modality",
    "places",
    "actors",
    "time",
    "quantities",
];

/// Which checks of `e` a claim satisfies: `Some(ok)` per given field.
pub fn checks(e: &Expected, c: &Claim, govs: &Governorates) -> [Option<bool>; 6] {
    let time_ok = |want: &Option<String>, got: Option<&String>, end: bool| {
        want.as_ref().is_none_or(|w| {
            got.is_some_and(|g| g.starts_with(w.as_str()) || (end && midnight_after(w, g)))
        })
    };
    [
        e.subtype.as_ref().map(|s| c.subtype.as_ref() == Some(s)),
        e.modality.map(|m| c.modality == m),
        (!e.places.is_empty()).then(|| {
            e.places
                .iter()
                .all(|n| c.places.iter().any(|p| govs.same_place(n, p)))
        }),
        (!e.actors.is_empty()).then(|| {
            e.actors.iter().all(|want| {
                c.actors.iter().any(|a| a.id.as_deref() == Some(want))
                    || c.attribution
                        .speaker
                        .as_ref()
                        .is_some_and(|s| s.id.as_deref() == Some(want))
            })
        }),
        e.time.as_ref().map(|t| {
            let got = c.time.as_ref();
            time_ok(&t.start, got.and_then(|g| g.start.as_ref()), false)
                && time_ok(&t.end, got.and_then(|g| g.end.as_ref()), true)
        }),
        (!e.quantities.is_empty()).then(|| {
            e.quantities.iter().all(|q| {
                c.quantities
                    .iter()
                    .any(|g| g.what == q.what && (g.value - q.value).abs() < 1e-9)
            })
        }),
    ]
}

/// Is `got` the midnight that ends the day `want` ("2016-10-22" and
/// "2016-10-23T00:00:00+03:00")? An end at day precision and an exclusive
/// end at the following midnight say the same thing.
fn midnight_after(want: &str, got: &str) -> bool {
    let Ok(day) = want.parse::<jiff::civil::Date>() else {
        return false;
    };
    let Ok(next) = day.tomorrow() else {
        return false;
    };
    got.strip_prefix(next.to_string().as_str())
        .is_some_and(|rest| rest.starts_with("T00:00"))
}

/// How one expected claim fared.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Index of the extracted claim it was matched to, if any of its kind.
    pub claim: Option<usize>,
    pub checks: [Option<bool>; 6],
}

impl Outcome {
    pub fn found(&self) -> bool {
        self.claim.is_some() && self.checks.iter().all(|c| *c != Some(false))
    }
}

/// Match a report's expected claims to its extracted claims.
pub fn match_report(gold: &GoldReport, report: &Report, govs: &Governorates) -> Vec<Outcome> {
    let mut used = vec![false; report.claims.len()];
    gold.expect
        .iter()
        .map(|e| {
            let best = report
                .claims
                .iter()
                .enumerate()
                .filter(|(i, c)| !used[*i] && c.kind == e.kind)
                .map(|(i, c)| {
                    let ch = checks(e, c, govs);
                    (ch.iter().filter(|x| **x == Some(true)).count(), i, ch)
                })
                // most satisfied checks; the earliest claim on a tie
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            match best {
                Some((_, i, ch)) => {
                    used[i] = true;
                    Outcome {
                        claim: Some(i),
                        checks: ch,
                    }
                }
                None => Outcome {
                    claim: None,
                    checks: [None; 6],
                },
            }
        })
        .collect()
}

/// Add one report's outcomes to the tallies of `half`.
pub fn score_report(
    s: &mut Scorer,
    half: Half,
    gold: &GoldReport,
    report: &Report,
    govs: &Governorates,
) -> Vec<Outcome> {
    let outcomes = match_report(gold, report, govs);
    let (mut found_all, mut kind_all) = (0, 0);
    for kind in ClaimKind::ALL {
        let extracted = report.claims.iter().filter(|c| c.kind == *kind).count();
        let expected: Vec<&Outcome> = gold
            .expect
            .iter()
            .zip(&outcomes)
            .filter(|(e, _)| e.kind == *kind)
            .map(|(_, o)| o)
            .collect();
        let found = expected.iter().filter(|o| o.found()).count();
        if extracted > 0 || !expected.is_empty() {
            s.add(half, &format!("{kind} precision"), found, extracted);
            s.add(half, &format!("{kind} recall"), found, expected.len());
        }
        found_all += found;
        kind_all += extracted;
    }
    s.add(half, "all kinds precision", found_all, kind_all);
    s.add(half, "all kinds recall", found_all, gold.expect.len());
    let kind_found = outcomes.iter().filter(|o| o.claim.is_some()).count();
    s.add(
        half,
        "kind found (fields aside)",
        kind_found,
        outcomes.len(),
    );
    for o in outcomes.iter().filter(|o| o.claim.is_some()) {
        for (name, c) in FIELDS.iter().zip(o.checks) {
            if let Some(ok) = c {
                s.check(half, &format!("field: {name}"), ok);
            }
        }
    }
    for k in &gold.reject {
        let ok = !report.claims.iter().any(|c| c.kind == *k);
        s.check(half, "near misses rejected", ok);
    }
    outcomes
}

/// Parse a gold JSON Lines file (blank lines and lines starting with `//` are skipped).
pub fn parse(text: &str, source: &str) -> Result<Vec<GoldReport>, EvalError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        let g: GoldReport = serde_json::from_str(line).map_err(|e| EvalError::Gold {
            source_name: source.to_owned(),
            line: i + 1,
            message: e.to_string(),
        })?;
        if Input::new(&g.text, &g.published).is_err() {
            return Err(EvalError::Gold {
                source_name: source.to_owned(),
                line: i + 1,
                message: format!("bad published date {:?}", g.published),
            });
        }
        out.push(g);
    }
    if out.is_empty() {
        return Err(EvalError::Empty {
            source_name: source.to_owned(),
        });
    }
    Ok(out)
}

fn describe(e: &Expected) -> String {
    let mut parts = vec![e.kind.to_string()];
    if let Some(s) = &e.subtype {
        parts.push(format!("/{s}"));
    }
    if let Some(m) = e.modality {
        parts.push(format!(" {m}"));
    }
    if !e.places.is_empty() {
        parts.push(format!(" places={}", e.places.join("+")));
    }
    if !e.actors.is_empty() {
        parts.push(format!(" actors={}", e.actors.join("+")));
    }
    if let Some(t) = &e.time {
        parts.push(format!(
            " time={}..{}",
            t.start.as_deref().unwrap_or(""),
            t.end.as_deref().unwrap_or("")
        ));
    }
    for q in &e.quantities {
        parts.push(format!(" {}={}", q.what, q.value));
    }
    parts.concat()
}

fn describe_claim(c: &Claim) -> String {
    let mut s = c.kind.to_string();
    if let Some(st) = &c.subtype {
        s.push_str(&format!("/{st}"));
    }
    s.push_str(&format!(" {}", c.modality));
    let places: Vec<&str> = c.places.iter().map(|p| p.name.as_str()).collect();
    if !places.is_empty() {
        s.push_str(&format!(" places={}", places.join("+")));
    }
    let actors: Vec<&str> = c.actors.iter().filter_map(|a| a.id.as_deref()).collect();
    if !actors.is_empty() {
        s.push_str(&format!(" actors={}", actors.join("+")));
    }
    if let Some(sp) = c.attribution.speaker.as_ref().and_then(|s| s.id.as_deref()) {
        s.push_str(&format!(" speaker={sp}"));
    }
    if let Some(t) = &c.time {
        s.push_str(&format!(
            " time={}..{}",
            t.start.as_deref().unwrap_or(""),
            t.end.as_deref().unwrap_or("")
        ));
    }
    for q in &c.quantities {
        s.push_str(&format!(" {}={}", q.what, q.value));
    }
    s
}

/// Score gold reports.
pub fn evaluate_reports(
    reports: &[GoldReport],
    source: &str,
    extractor: &Extractor,
    opts: &Options,
) -> Evaluation {
    let govs = Governorates::new();
    let mut s = Scorer::default();
    // table order: totals, fields, then kinds in vocabulary order
    let mut names: Vec<String> = [
        "all kinds precision",
        "all kinds recall",
        "kind found (fields aside)",
        "near misses rejected",
    ]
    .map(str::to_owned)
    .to_vec();
    names.extend(FIELDS.iter().map(|f| format!("field: {f}")));
    for k in ClaimKind::ALL {
        names.push(format!("{k} precision"));
        names.push(format!("{k} recall"));
    }
    for n in &names {
        s.add(Half::Dev, n, 0, 0);
    }
    for g in reports.iter().take(opts.limit.unwrap_or(usize::MAX)) {
        let Ok(mut input) = Input::new(&g.text, &g.published) else {
            continue;
        };
        input.id = Some(g.id.clone());
        let half = half_of(&g.id);
        s.row(half);
        let report = s.extract(&g.id, extractor, &input);
        let outcomes = score_report(&mut s, half, g, &report, &govs);
        let read = || {
            let all: Vec<String> = report.claims.iter().map(describe_claim).collect();
            if all.is_empty() {
                "no claims".to_owned()
            } else {
                all.join(" | ")
            }
        };
        for (e, o) in g.expect.iter().zip(&outcomes) {
            if !o.found() {
                let wrong = if o.claim.is_none() {
                    FIELDS.len() + 1
                } else {
                    o.checks.iter().filter(|c| **c == Some(false)).count()
                };
                s.miss(Miss {
                    id: g.id.clone(),
                    half,
                    excerpt: excerpt(&g.text, 200),
                    label: describe(e),
                    read: read(),
                    wrong,
                });
            }
        }
        for k in &g.reject {
            if report.claims.iter().any(|c| c.kind == *k) {
                s.miss(Miss {
                    id: g.id.clone(),
                    half,
                    excerpt: excerpt(&g.text, 200),
                    label: format!("must not read {k}"),
                    read: read(),
                    wrong: FIELDS.len() + 1,
                });
            }
        }
    }
    let notes = vec![
        "found = same kind and every given field (subtype, modality, places by name, actors by id incl. speaker, time prefixes, quantities); an end date also matches the following midnight".into(),
        "precision = found / extracted claims of the kind; recall = found / expected; field rows: among expected claims whose kind was extracted".into(),
    ];
    s.finish("gold", source, notes, opts)
}

/// Parse and score a gold JSON Lines text.
pub fn evaluate(
    text: &str,
    source: &str,
    extractor: &Extractor,
    opts: &Options,
) -> Result<Evaluation, EvalError> {
    let reports = parse(text, source)?;
    Ok(evaluate_reports(&reports, source, extractor, opts))
}
