//! Gold claims: the annotation lines of `eval/claims/*.jsonl`
//! (`eval/claims/GUIDELINES.md` defines every field).

use crate::EvalError;
use serde::Deserialize;
use truce_model::{ClaimKind, Modality};

/// A place in a role, as the annotator named it.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldPlace {
    pub name: String,
    pub role: String,
}

/// An actor, by name and (when the lexicon has one) id.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldActor {
    pub name: String,
    #[serde(default)]
    pub actor: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
}

/// The time of the event the claim reports.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct GoldTime {
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub precision: Option<String>,
}

/// One annotated claim.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldClaim {
    pub corpus: String,
    pub doc: String,
    pub sentence: (usize, usize),
    pub trigger: (usize, usize),
    pub kind: ClaimKind,
    #[serde(default)]
    pub subtype: Option<String>,
    pub modality: Modality,
    #[serde(default)]
    pub truce: Option<String>,
    #[serde(default)]
    pub places: Vec<GoldPlace>,
    #[serde(default)]
    pub time: Option<GoldTime>,
    #[serde(default)]
    pub speaker: Option<GoldActor>,
    #[serde(default)]
    pub agents: Vec<GoldActor>,
}

/// One line of an annotation file.
#[derive(Clone, Debug)]
pub enum Line {
    /// The document was read and holds no claim.
    None {
        corpus: String,
        doc: String,
    },
    Claim(Box<GoldClaim>),
}

impl Line {
    pub fn doc(&self) -> (&str, &str) {
        match self {
            Line::None { corpus, doc } => (corpus, doc),
            Line::Claim(c) => (&c.corpus, &c.doc),
        }
    }
}

#[derive(Deserialize)]
struct NoneLine {
    corpus: String,
    doc: String,
    none: bool,
}

/// Parse an annotation file; `source` names it in errors.
pub fn parse(text: &str, source: &str) -> Result<Vec<Line>, EvalError> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let err = |e: serde_json::Error| EvalError::Gold {
            source_name: source.to_owned(),
            line: n + 1,
            message: e.to_string(),
        };
        let v: serde_json::Value = serde_json::from_str(raw).map_err(err)?;
        if v.get("none").is_some() {
            let l: NoneLine = serde_json::from_value(v).map_err(err)?;
            if l.none {
                out.push(Line::None {
                    corpus: l.corpus,
                    doc: l.doc,
                });
            }
            continue;
        }
        out.push(Line::Claim(Box::new(
            serde_json::from_value(v).map_err(err)?,
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_claims_and_empty_documents() {
        let text = concat!(
            r#"{"corpus":"mirror","doc":"d1","none":true}"#,
            "\n",
            r#"{"corpus":"mirror","doc":"d2","sentence":[0,40],"trigger":[4,9],"kind":"truce.declared","modality":"asserted","places":[{"name":"Aleppo","role":"scope"}],"speaker":null}"#,
        );
        let lines = parse(text, "t.jsonl").expect("parses");
        assert!(matches!(lines[0], Line::None { .. }));
        let Line::Claim(c) = &lines[1] else {
            panic!("a claim")
        };
        assert_eq!(c.kind, ClaimKind::TruceDeclared);
        assert_eq!(c.places[0].name, "Aleppo");
    }

    #[test]
    fn a_bad_kind_names_the_line() {
        let text = r#"{"corpus":"m","doc":"d","sentence":[0,1],"trigger":[0,1],"kind":"truce.maybe","modality":"asserted"}"#;
        let err = parse(text, "g.jsonl").expect_err("bad kind");
        assert!(err.to_string().starts_with("g.jsonl: line 1:"), "{err}");
    }
}
