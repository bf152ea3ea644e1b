//! Items to documents: checks, front matter, extraction, on every core.

use crate::record;
use crate::sources::{BOM, Entry, Item, ItemKind, failure};
use crate::text::check_text;
use crate::{Defaults, Failure, frontmatter};
use rayon::prelude::*;
use truce_extract::{Extractor, Input};
use truce_store::NewDocument;

/// A batch ready to store: documents (with where each came from) and the
/// items that failed.
#[derive(Debug, Default)]
pub struct Prepared {
    pub docs: Vec<NewDocument>,
    /// `(input, line)` of each document, for messages.
    pub origins: Vec<Origin>,
    pub failures: Vec<Failure>,
    /// Items read, failed ones included.
    pub read: usize,
}

/// Where a document came from: the input's name and the line number.
pub type Origin = (String, Option<usize>);

/// Extracts a batch of entries in parallel, keeping their order.
pub fn prepare(extractor: &Extractor, entries: Vec<Entry>, defaults: &Defaults) -> Prepared {
    let read = entries.len();
    let results: Vec<Result<(NewDocument, Origin), Failure>> = entries
        .into_par_iter()
        .map(|entry| {
            let item = entry?;
            let doc = read_item(extractor, &item, defaults)?;
            Ok((doc, (item.input, item.line)))
        })
        .collect();
    let mut prepared = Prepared {
        read,
        ..Prepared::default()
    };
    for result in results {
        match result {
            Ok((doc, origin)) => {
                prepared.docs.push(doc);
                prepared.origins.push(origin);
            }
            Err(failure) => prepared.failures.push(failure),
        }
    }
    prepared
}

/// JSON Lines held in memory (a request body), named `input` in failures.
pub fn prepare_jsonl(
    extractor: &Extractor,
    input: &str,
    bytes: &[u8],
    defaults: &Defaults,
) -> Prepared {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let entries = bytes
        .split(|b| *b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .map(|(i, line)| {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            Ok(Item {
                input: input.to_string(),
                line: Some(i + 1),
                kind: ItemKind::JsonLine,
                bytes: line.to_vec(),
            })
        })
        .collect();
    prepare(extractor, entries, defaults)
}

fn read_item(
    extractor: &Extractor,
    item: &Item,
    defaults: &Defaults,
) -> Result<NewDocument, Failure> {
    match item.kind {
        ItemKind::Text => read_text(extractor, item, defaults),
        ItemKind::JsonLine => read_line(extractor, item, defaults),
    }
}

fn read_text(
    extractor: &Extractor,
    item: &Item,
    defaults: &Defaults,
) -> Result<NewDocument, Failure> {
    let fail = |reason: String| failure(&item.input, item.line, &reason);
    let text = check_text(&item.bytes).map_err(|p| fail(p.to_string()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (meta, body) = frontmatter::split(text).map_err(|e| fail(e.to_string()))?;
    if body.trim().is_empty() {
        return Err(fail("empty report (nothing after the front matter)".into()));
    }
    let published = meta
        .published
        .or_else(|| defaults.published.clone())
        .ok_or_else(|| {
            fail(
                "no publication date: give --published DATE or a `published:` front-matter line"
                    .into(),
            )
        })?;
    let mut input = Input::new(body, &published).map_err(|e| fail(e.to_string()))?;
    input.outlet = meta.outlet.or_else(|| defaults.outlet.clone());
    input.title = meta.title;
    input.url = meta.url;
    input.language = meta.language;
    crate::outlet::fill(&mut input.outlet, input.url.as_deref());
    let report = extractor.extract(&input);
    Ok(NewDocument::new(body.to_string(), report))
}

fn read_line(
    extractor: &Extractor,
    item: &Item,
    defaults: &Defaults,
) -> Result<NewDocument, Failure> {
    let record = record::parse(&item.bytes).map_err(|e| Failure {
        input: item.input.clone(),
        line: item.line,
        id: match e.id {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s),
            other => Some(other.to_string()),
        },
        reason: e.message,
    })?;
    let mut input = record.input().map_err(|e| Failure {
        input: item.input.clone(),
        line: item.line,
        id: Some(record.id.clone()),
        reason: e.to_string(),
    })?;
    if input.outlet.is_none() {
        input.outlet.clone_from(&defaults.outlet);
    }
    crate::outlet::fill(&mut input.outlet, input.url.as_deref());
    let report = extractor.extract(&input);
    Ok(NewDocument::new(record.text.clone(), report))
}
