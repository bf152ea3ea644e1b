//! The annotated documents, read from `../shared/corpus` exactly as
//! `eval/claims/doc.py` shows them to annotators (same ids, same bytes).

use crate::EvalError;
use crate::csv::{Table, field};
use crate::split::fnv1a64;
use std::path::Path;

/// One document of an annotated corpus.
#[derive(Clone, Debug)]
pub struct CorpusDoc {
    /// `mirror`, `fakes` or `wiki`.
    pub corpus: &'static str,
    pub id: String,
    /// Publication date or date-time, as the extractor takes it.
    pub published: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub text: String,
}

/// The Wikipedia pages of the annotated corpus (as `doc.py` lists them).
pub const WIKI_PAGES: &[&str] = &[
    "syrian_civil_war_ceasefires.md",
    "deconfliction_line.md",
    "siege_of_eastern_ghouta.md",
    "second_northern_syria_buffer_zone.md",
    "idlib_demilitarization_2018-2019.md",
];

const MIRROR: &str = "news2016-aggregator-mirror/syria_articles_2016H1.jsonl";
const FAKES: &str = "fakes/FA-KES-Dataset.csv";
const WIKI: &str = "wikipedia-syria-frontlines";

fn read(root: &Path, rel: &str) -> Result<String, EvalError> {
    let path = root.join(rel);
    std::fs::read_to_string(&path).map_err(|e| EvalError::Gold {
        source_name: path.display().to_string(),
        line: 0,
        message: format!("cannot read the corpus file: {e}"),
    })
}

/// Every document of `corpus` under `root` (the `shared/corpus` folder).
pub fn load(root: &Path, corpus: &str) -> Result<Vec<CorpusDoc>, EvalError> {
    match corpus {
        "mirror" => mirror(&read(root, MIRROR)?),
        "fakes" => fakes(&read(root, FAKES)?),
        "wiki" => WIKI_PAGES
            .iter()
            .map(|p| Ok(wiki(p, &read(root, &format!("{WIKI}/{p}"))?)))
            .collect(),
        other => Err(EvalError::Gold {
            source_name: corpus.to_owned(),
            line: 0,
            message: format!("unknown corpus {other:?} (mirror, fakes or wiki)"),
        }),
    }
}

fn mirror(text: &str) -> Result<Vec<CorpusDoc>, EvalError> {
    let mut out = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| EvalError::Gold {
            source_name: MIRROR.into(),
            line: n + 1,
            message: e.to_string(),
        })?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_owned);
        out.push(CorpusDoc {
            corpus: "mirror",
            id: s("source_file").unwrap_or_default(),
            published: s("post_date").unwrap_or_default().replacen(' ', "T", 1),
            title: s("title"),
            url: s("original_url"),
            text: s("text").unwrap_or_default(),
        });
    }
    Ok(out)
}

/// Whether an FA-KES article speaks of a truce (the selection's first group).
fn truce_cue(text: &str) -> bool {
    let t = text.to_lowercase();
    [
        "ceasefire",
        "cease-fire",
        "truce",
        "cessation of hostilities",
        "de-escalation",
        "calm",
    ]
    .iter()
    .any(|c| t.contains(c))
}

/// 100 FA-KES articles: up to 50 that speak of a truce, the rest others,
/// each group in FNV order of `unit_id` (no hand picking).
fn fakes(text: &str) -> Result<Vec<CorpusDoc>, EvalError> {
    let table = Table::parse_source(text, FAKES)?;
    let col = |n: &str| table.require(n, FAKES);
    let (c_id, c_title, c_content, c_date) = (
        col("unit_id")?,
        col("article_title")?,
        col("article_content")?,
        col("date")?,
    );
    let mut rows: Vec<_> = table.rows.iter().collect();
    rows.sort_by_key(|r| fnv1a64(field(r, c_id)));
    let (truce, rest): (Vec<_>, Vec<_>) = rows
        .into_iter()
        .partition(|r| truce_cue(field(r, c_content)));
    let take = truce.len().min(50);
    let picked = truce
        .into_iter()
        .take(take)
        .chain(rest.into_iter().take(100 - take));
    Ok(picked
        .map(|r| {
            let (title, content) = (field(r, c_title), field(r, c_content));
            let published = crate::fakes::printed_published(title, content)
                .or_else(|| crate::dates::parse_label(field(r, c_date)))
                .map(|d| d.to_string())
                .unwrap_or_else(|| "2016-01-01".into());
            CorpusDoc {
                corpus: "fakes",
                id: field(r, c_id).to_owned(),
                published,
                title: Some(title.to_owned()),
                url: None,
                text: content.to_owned(),
            }
        })
        .collect())
}

/// A Wikipedia page: the body after the front matter, "published" on the
/// day the pages were pulled.
fn wiki(name: &str, raw: &str) -> CorpusDoc {
    let body = raw
        .strip_prefix("---")
        .and_then(|rest| rest.find("\n---").map(|end| &rest[end + 4..]))
        .map(|after| after.split_once('\n').map_or("", |(_, b)| b))
        .unwrap_or(raw);
    CorpusDoc {
        corpus: "wiki",
        id: name.to_owned(),
        published: "2023-07-01".into(),
        title: None,
        url: None,
        text: body.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wiki_body_starts_after_the_front_matter() {
        let d = wiki("p.md", "---\ntitle: x\n---\nBody line.\n");
        assert_eq!(d.text, "Body line.\n");
        assert_eq!(wiki("q.md", "No header.").text, "No header.");
    }

    #[test]
    fn mirror_lines_keep_ids_and_dates() {
        let line = r#"{"source_file":"_posts/a.md","post_date":"2016-02-27 10:00:00","text":"T."}"#;
        let docs = mirror(line).expect("reads");
        assert_eq!(docs[0].id, "_posts/a.md");
        assert_eq!(docs[0].published, "2016-02-27T10:00:00");
    }
}
