//! Cues: trigger words and function words the extractor reasons with,
//! read from `data/triggers.tsv`.

use crate::LexiconError;

/// The class of a cue (the second column of `triggers.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueClass {
    Truce,
    TruceQualifier,
    Kind,
    Attack,
    Report,
    Hedge,
    Negation,
    Planned,
    Number,
    Approx,
    Casualty,
    Victim,
    Target,
    Speaker,
    Clause,
    Except,
    Qualifier,
    Control,
    Anaphor,
    Threat,
    Demand,
    Accuse,
}

impl CueClass {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "truce" => Self::Truce,
            "tqual" => Self::TruceQualifier,
            "kind" => Self::Kind,
            "attack" => Self::Attack,
            "report" => Self::Report,
            "hedge" => Self::Hedge,
            "negation" => Self::Negation,
            "planned" => Self::Planned,
            "number" => Self::Number,
            "approx" => Self::Approx,
            "casualty" => Self::Casualty,
            "victim" => Self::Victim,
            "target" => Self::Target,
            "speaker" => Self::Speaker,
            "clause" => Self::Clause,
            "except" => Self::Except,
            "qual" => Self::Qualifier,
            "control" => Self::Control,
            "anaphor" => Self::Anaphor,
            "threat" => Self::Threat,
            "demand" => Self::Demand,
            "accuse" => Self::Accuse,
            _ => return None,
        })
    }
}

/// One cue: its class and value (a claim kind, a subtype, a number...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cue {
    pub class: CueClass,
    pub value: &'static str,
}

/// Parse `triggers.tsv` into (phrase, cue) pairs.
pub(crate) fn parse_cues(tsv: &'static str) -> Result<Vec<(&'static str, Cue)>, LexiconError> {
    let mut out = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let problem = |p: &str| LexiconError::Table {
            table: "triggers.tsv",
            line: i + 1,
            problem: p.to_owned(),
        };
        let mut cols = line.split('\t');
        let (Some(phrase), Some(class), Some(value)) = (cols.next(), cols.next(), cols.next())
        else {
            return Err(problem(
                "expected phrase, class and value separated by tabs",
            ));
        };
        let class =
            CueClass::parse(class).ok_or_else(|| problem(&format!("unknown class {class:?}")))?;
        out.push((phrase, Cue { class, value }));
    }
    Ok(out)
}
