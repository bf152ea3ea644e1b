//! Claim by claim: truce's reading of real reports against an analyst's
//! annotations (`eval/claims/`, defined by `eval/claims/GUIDELINES.md`).
//!
//! Documents come from `../shared/corpus` ([`corpus`]) and go to dev or
//! test by the FNV-1a 64 hash of the **document** id, so all claims of a
//! document fall in one half. Only annotated documents are read.
//!
//! Scored claims are every `truce.*` claim and every `incident.attack`
//! with casualties ([`compare::scored`]). A reading matches a gold claim of
//! the same kind whose sentence its evidence overlaps, one to one
//! ([`compare::pair`]); a reading that matches nothing counts against
//! precision, a gold claim that is matched by nothing against recall. On
//! matched pairs the fields are checked: modality, places (the same set,
//! with roles), the start day, the speaker and the agents.
//!
//! [`agreement`] runs the same comparison between two annotators.

pub mod compare;
pub mod corpus;
pub mod gold;

use crate::split::{Half, half_of};
use crate::{EvalError, Evaluation, Miss, Options, excerpt, score::Scorer};
use compare::{Item, pair, same_actor, same_place, same_set, scored};
use corpus::CorpusDoc;
use gold::{GoldClaim, Line};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use truce_extract::{Extractor, Input};
use truce_geo::Gazetteer;
use truce_model::Report;

/// Gold claims by (corpus, document); a document read and found empty has an empty list.
pub type GoldSet = BTreeMap<(String, String), Vec<GoldClaim>>;

/// Read annotation files into one gold set.
pub fn read_gold(paths: &[String]) -> Result<GoldSet, EvalError> {
    let mut set = GoldSet::new();
    for path in paths {
        let text = std::fs::read_to_string(path).map_err(|e| EvalError::Gold {
            source_name: path.clone(),
            line: 0,
            message: e.to_string(),
        })?;
        for line in gold::parse(&text, path)? {
            let (c, d) = line.doc();
            let entry = set.entry((c.to_owned(), d.to_owned())).or_default();
            if let Line::Claim(g) = line {
                entry.push(*g);
            }
        }
    }
    Ok(set)
}

fn group(kind: truce_model::ClaimKind) -> &'static str {
    if kind.is_truce() { "truce" } else { "incident" }
}

/// Where the readings come from: the extractor, or reports read before
/// (by this or another system), by document id.
pub enum Reader<'a> {
    Extractor(&'a Extractor),
    Reports(&'a BTreeMap<String, Report>),
}

/// The annotated documents found under `corpus_root`, with their gold claims.
pub fn annotated<'g>(
    gold: &'g GoldSet,
    corpus_root: &Path,
) -> Result<Vec<(CorpusDoc, &'g [GoldClaim])>, EvalError> {
    let corpora: BTreeSet<&str> = gold.keys().map(|(c, _)| c.as_str()).collect();
    let mut out = Vec::new();
    for corpus_name in corpora {
        for doc in corpus::load(corpus_root, corpus_name)? {
            let key = (corpus_name.to_owned(), doc.id.clone());
            if let Some(claims) = gold.get(&key) {
                out.push((doc, claims.as_slice()));
            }
        }
    }
    if out.is_empty() {
        return Err(EvalError::Empty {
            source_name: corpus_root.display().to_string(),
        });
    }
    Ok(out)
}

/// Score the readings of every annotated document found under `corpus_root`.
pub fn evaluate(
    gold: &GoldSet,
    corpus_root: &Path,
    reader: &Reader<'_>,
    opts: &Options,
) -> Result<Evaluation, EvalError> {
    let mut s = Scorer::default();
    order_fields(&mut s);
    for (doc, claims) in annotated(gold, corpus_root)? {
        score_doc(&mut s, reader, &doc, claims);
    }
    let notes = notes(&s);
    Ok(s.finish("claims", &corpus_root.display().to_string(), notes, opts))
}

/// Headline rows first, then fields, then kinds (rows appear in first-use order).
fn order_fields(s: &mut Scorer) {
    for grp in ["truce", "incident"] {
        for name in [
            "claims precision",
            "claims recall",
            "modality",
            "places",
            "start day",
            "speaker",
            "agent",
        ] {
            s.add(Half::Dev, &format!("{grp} {name}"), 0, 0);
        }
    }
    for kind in truce_model::ClaimKind::ALL
        .iter()
        .filter(|k| scored_kind(**k))
    {
        for which in ["precision", "recall"] {
            s.add(Half::Dev, &format!("  {} {which}", kind.as_str()), 0, 0);
        }
    }
}

/// Gold claims of the scored kinds (statements are annotated but not scored).
fn gold_items(gold: &[GoldClaim]) -> Vec<Item> {
    (gold.iter().filter(|g| scored_kind(g.kind)))
        .map(Item::from_gold)
        .collect()
}

fn scored_kind(k: truce_model::ClaimKind) -> bool {
    k.is_truce() || k == truce_model::ClaimKind::IncidentAttack
}

/// The extractor's input for a document (as `truce extract --jsonl` takes it).
pub fn input(doc: &CorpusDoc) -> Option<Input<'_>> {
    let mut input = Input::new(&doc.text, &doc.published).ok()?;
    input.id = Some(doc.id.clone());
    input.title = doc.title.clone();
    input.url = doc.url.clone();
    Some(input)
}

fn score_doc(s: &mut Scorer, reader: &Reader<'_>, doc: &CorpusDoc, gold: &[GoldClaim]) {
    let half = half_of(&doc.id);
    s.row(half);
    let report = match reader {
        Reader::Extractor(extractor) => {
            let Some(input) = input(doc) else {
                return;
            };
            s.extract(&doc.id, extractor, &input)
        }
        Reader::Reports(reports) => {
            (reports.get(&doc.id).cloned()).unwrap_or_else(crate::empty_report)
        }
    };
    let read: Vec<Item> = report
        .claims
        .iter()
        .filter(|c| scored(c))
        .map(Item::from_claim)
        .collect();
    let gold: Vec<Item> = gold_items(gold);
    tally(
        s,
        half,
        &doc.id,
        &doc.text,
        &gold,
        &read,
        Gazetteer::embedded(),
    );
}

/// Count kinds and fields of one document's readings against its gold claims.
pub fn tally(
    s: &mut Scorer,
    half: Half,
    doc: &str,
    text: &str,
    gold: &[Item],
    read: &[Item],
    gaz: &Gazetteer,
) {
    let pairs = pair(gold, read);
    for (items, which) in [(gold, "recall"), (read, "precision")] {
        for (i, it) in items.iter().enumerate() {
            let hit = pairs
                .iter()
                .any(|&(g, r)| if which == "recall" { g == i } else { r == i });
            s.check(half, &format!("{} claims {which}", group(it.kind)), hit);
            s.check(half, &format!("  {} {which}", it.kind.as_str()), hit);
            if !hit {
                s.miss(missed(half, doc, text, it, which));
            }
        }
    }
    for &(g, r) in &pairs {
        fields(s, half, &gold[g], &read[r], gaz);
    }
}

fn fields(s: &mut Scorer, half: Half, g: &Item, r: &Item, gaz: &Gazetteer) {
    let grp = group(g.kind);
    s.check(half, &format!("{grp} modality"), g.modality == r.modality);
    let place = same_set(&g.places, &r.places, |a, b| {
        a.0 == b.0 && same_place(&a.1, &b.1, gaz)
    });
    s.check(half, &format!("{grp} places"), place);
    if let Some(day) = g.start {
        s.check(half, &format!("{grp} start day"), r.start == Some(day));
    }
    let speaker = match (&g.speaker, &r.speaker) {
        (None, None) => true,
        (Some(a), Some(b)) => same_actor(a, b),
        _ => false,
    };
    s.check(half, &format!("{grp} speaker"), speaker);
    s.check(
        half,
        &format!("{grp} agent"),
        same_set(&g.agents, &r.agents, same_actor),
    );
}

fn missed(half: Half, doc: &str, text: &str, it: &Item, which: &str) -> Miss {
    let sentence = text.get(it.span.0..it.span.1).unwrap_or("");
    let what = format!("{} ({})", it.kind.as_str(), it.modality.as_str());
    let (label, read) = if which == "recall" {
        (what, "nothing".to_owned())
    } else {
        ("nothing".to_owned(), what)
    };
    Miss {
        id: format!("{doc}@{}", it.span.0),
        half,
        excerpt: excerpt(sentence, 220),
        label,
        read,
        wrong: 1,
    }
}

/// F1 of each group and half, from the precision and recall tallies.
fn notes(s: &Scorer) -> Vec<String> {
    let mut notes = vec![
        "precision = readings that match a gold claim / readings; recall = gold claims matched / gold claims".to_owned(),
        "incidents count only with casualties; fields are scored on matched pairs".to_owned(),
    ];
    for grp in ["truce", "incident"] {
        for half in [Half::Dev, Half::Test] {
            let t = |w: &str| s.tally(half, &format!("{grp} claims {w}"));
            if let (Some(p), Some(r)) = (t("precision").rate(), t("recall").rate())
                && p + r > 0.0
            {
                let f1 = 2.0 * p * r / (p + r);
                notes.push(format!("{grp} F1 {}: {:.1}%", half.as_str(), 100.0 * f1));
            }
        }
    }
    notes
}

/// Agreement of annotator `b` with annotator `a` on the documents both read:
/// `a` is taken as gold, `b` as the reading.
pub fn agreement(
    a: &GoldSet,
    b: &GoldSet,
    texts: &BTreeMap<(String, String), String>,
    opts: &Options,
) -> Evaluation {
    let mut s = Scorer::default();
    order_fields(&mut s);
    for (key, bc) in b {
        let (Some(ac), Some(text)) = (a.get(key), texts.get(key)) else {
            continue;
        };
        let half = half_of(&key.1);
        s.row(half);
        let (gold, read) = (gold_items(ac), gold_items(bc));
        tally(
            &mut s,
            half,
            &key.1,
            text,
            &gold,
            &read,
            Gazetteer::embedded(),
        );
    }
    let notes = notes(&s);
    s.finish("agreement", "second reader against first", notes, opts)
}

/// The texts of the annotated documents, for [`agreement`].
pub fn texts(
    gold: &GoldSet,
    corpus_root: &Path,
) -> Result<BTreeMap<(String, String), String>, EvalError> {
    let mut out = BTreeMap::new();
    let corpora: BTreeSet<&str> = gold.keys().map(|(c, _)| c.as_str()).collect();
    for c in corpora {
        for d in corpus::load(corpus_root, c)? {
            let key = (c.to_owned(), d.id);
            if gold.contains_key(&key) {
                out.insert(key, d.text);
            }
        }
    }
    Ok(out)
}
