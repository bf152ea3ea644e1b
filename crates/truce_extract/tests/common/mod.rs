//! Fixture helpers: read one short text, then check that a claim of a kind
//! with the wanted roles is there (or is not).
//!
//! A fixture names a claim kind (`"*"` for any) and a list of specs that
//! must all hold on one and the same claim:
//!
//! | spec | holds when the claim has |
//! |---|---|
//! | `mod=planned` | that modality |
//! | `sub=airstrike` | that subtype |
//! | `agent=rus` (any actor role) | an actor in that role with that id (or name) |
//! | `scope=Aleppo` (`location`, `excluded`) | a place in that role named so (name or mention) |
//! | `place=Damascus` | a place in any role named so |
//! | `killed=12/civilians/at_least` | a casualty count; `of` and `approx` optional, `-` for none |
//! | `tg=hospital` | that target kind |
//! | `speaker=sohr`, `speaker~official`, `count=44` | a speaker with that id / name part / count |
//! | `via=quoted_by:interfax` | that link in the attribution chain |
//! | `start=2016-05-01`, `end=2016-05-02` | a time starting / ending on that day |
//! | `notime` | a time read from no words of the text |
//! | `truce=ceasefire`, `qual=temporary` | the truce named so / qualified so |

#![allow(dead_code)]

use std::sync::OnceLock;
use truce_extract::{Extractor, Input};
use truce_model::{Claim, Report};

/// Publication date of every fixture.
pub const PUBLISHED: &str = "2016-05-01";

/// One fixture: a text and a claim that must (or must not) be read from it.
pub struct Case {
    pub text: &'static str,
    pub kind: &'static str,
    pub specs: &'static [&'static str],
    pub present: bool,
}

/// The text must yield a claim of `kind` meeting every spec.
pub const fn yes(text: &'static str, kind: &'static str, specs: &'static [&'static str]) -> Case {
    Case {
        text,
        kind,
        specs,
        present: true,
    }
}

/// The text must yield no claim of `kind` meeting every spec (with no
/// specs: no claim of that kind at all).
pub const fn no(text: &'static str, kind: &'static str, specs: &'static [&'static str]) -> Case {
    Case {
        text,
        kind,
        specs,
        present: false,
    }
}

pub fn extract(text: &str) -> Report {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    let ex = EXTRACTOR.get_or_init(|| Extractor::new().expect("embedded tables"));
    ex.extract(&Input::new(text, PUBLISHED).expect("date"))
}

/// Run every case; fail once, listing every case that failed with what was read.
pub fn run(cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let report = extract(case.text);
        let found = report
            .claims
            .iter()
            .any(|c| (case.kind == "*" || c.kind.as_str() == case.kind) && all(c, case.specs));
        if found != case.present {
            let want = if case.present { "wanted" } else { "unwanted" };
            let mut msg = format!(
                "{want} {} {:?}\n  in: {}\n  got:",
                case.kind, case.specs, case.text
            );
            if report.claims.is_empty() {
                msg.push_str(" nothing");
            }
            for c in &report.claims {
                msg.push_str("\n    ");
                msg.push_str(&summary(c));
            }
            failures.push(msg);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn all(c: &Claim, specs: &[&str]) -> bool {
    specs.iter().all(|s| holds(c, s))
}

fn holds(c: &Claim, spec: &str) -> bool {
    if spec == "notime" {
        return c.time.as_ref().is_none_or(|t| t.mention.is_none());
    }
    if let Some(part) = spec.strip_prefix("speaker~") {
        return c
            .attribution
            .speaker
            .as_ref()
            .is_some_and(|s| s.name.to_lowercase().contains(&part.to_lowercase()));
    }
    let (key, value) = spec
        .split_once('=')
        .unwrap_or_else(|| panic!("bad spec {spec:?}"));
    match key {
        "mod" => c.modality.as_str() == value,
        "sub" => c.subtype.as_deref() == Some(value),
        "agent" | "perpetrator" | "party" | "accused" | "accuser" | "target" => c
            .actors
            .iter()
            .any(|a| a.role == key && (a.id.as_deref() == Some(value) || a.name == value)),
        "scope" | "location" | "excluded" | "place" => c.places.iter().any(|p| {
            (key == "place" || p.role == key)
                && (p.name == value || p.mention.as_ref().is_some_and(|m| m.text.contains(value)))
        }),
        "killed" | "injured" => {
            let mut parts = value.split('/');
            let n: f64 = parts.next().and_then(|n| n.parse().ok()).expect("count");
            let of = parts.next();
            let approx = parts.next();
            c.quantities.iter().any(|q| {
                q.what == key
                    && q.value == n
                    && optional(of, q.of.as_deref())
                    && optional(approx, q.approx.as_deref())
            })
        }
        "tg" => c.targets.iter().any(|t| t == value),
        "speaker" => c
            .attribution
            .speaker
            .as_ref()
            .is_some_and(|s| s.id.as_deref() == Some(value)),
        "count" => c
            .attribution
            .speaker
            .as_ref()
            .is_some_and(|s| s.count.map(|n| n.to_string()).as_deref() == Some(value)),
        "via" => {
            let (role, id) = value.split_once(':').expect("via=role:id");
            c.attribution
                .chain
                .iter()
                .any(|l| l.role == role && l.id.as_deref() == Some(id))
        }
        "start" => c
            .time
            .as_ref()
            .and_then(|t| t.start.as_deref())
            .is_some_and(|s| s.starts_with(value)),
        "end" => c
            .time
            .as_ref()
            .and_then(|t| t.end.as_deref())
            .is_some_and(|s| s.starts_with(value)),
        "truce" => c.truce.as_ref().is_some_and(|t| t.name == value),
        "qual" => c
            .truce
            .as_ref()
            .is_some_and(|t| t.qualifiers.iter().any(|q| q == value)),
        _ => panic!("unknown spec {spec:?}"),
    }
}

/// A spec part: absent or `*` matches anything, `-` matches none.
fn optional(want: Option<&str>, got: Option<&str>) -> bool {
    match want {
        None | Some("*") => true,
        Some("-") => got.is_none(),
        Some(w) => got == Some(w),
    }
}

/// One line per claim, for failure messages.
pub fn summary(c: &Claim) -> String {
    let actors: Vec<String> = c
        .actors
        .iter()
        .map(|a| format!("{}={}", a.role, a.id.as_deref().unwrap_or(&a.name)))
        .collect();
    let places: Vec<String> = c
        .places
        .iter()
        .map(|p| format!("{}={}", p.role, p.name))
        .collect();
    let quantities: Vec<String> = c
        .quantities
        .iter()
        .map(|q| {
            format!(
                "{}={}/{}/{}",
                q.what,
                q.value,
                q.of.as_deref().unwrap_or("-"),
                q.approx.as_deref().unwrap_or("-")
            )
        })
        .collect();
    let speaker = c
        .attribution
        .speaker
        .as_ref()
        .map(|s| format!("{} [{}]", s.name, s.id.as_deref().unwrap_or("-")));
    let chain: Vec<String> = c
        .attribution
        .chain
        .iter()
        .map(|l| format!("{}:{}", l.role, l.id.as_deref().unwrap_or(&l.name)))
        .collect();
    let time = c.time.as_ref().map(|t| {
        format!(
            "{}..{}",
            t.start.as_deref().unwrap_or(""),
            t.end.as_deref().unwrap_or("")
        )
    });
    format!(
        "{} {} {} actors{actors:?} places{places:?} q{quantities:?} tg{:?} speaker={speaker:?} via{chain:?} time={time:?}",
        c.kind.as_str(),
        c.subtype.as_deref().unwrap_or("-"),
        c.modality.as_str(),
        c.targets,
    )
}
