//! Document provenance: "This article was translated and edited by X".

use crate::doc::{Doc, Sentence};

/// Who translated and who edited the document, when a sentence says so.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Provenance {
    pub translated_by: Option<String>,
    pub edited_by: Option<String>,
    /// The document's theatre (home country code), as the reader chose it.
    pub theatre: Option<String>,
}

/// Read "translated (and edited) by X", "edited by X", "translation by X".
/// Returns `None` when the sentence says neither.
pub(crate) fn provenance(doc: &Doc<'_>, s: &Sentence) -> Option<Provenance> {
    if !doc.slice(s.span).contains(" by ") {
        return None;
    }
    let f0 = doc.folded.to_folded(s.span.start);
    let folded = doc.folded_between(f0, doc.folded.to_folded(s.span.end));
    let forms = [
        ("translated and edited by ", true, true),
        ("edited and translated by ", true, true),
        ("translated by ", true, false),
        ("translation by ", true, false),
        ("edited by ", false, true),
    ];
    let (at, len, translated, edited) = forms
        .iter()
        .find_map(|(p, t, e)| folded.find(p).map(|i| (i, p.len(), *t, *e)))?;
    let name_start = doc
        .folded
        .to_original(f0 + at + len, f0 + at + len + 1)
        .start;
    let name = proper_name(&doc.text[name_start..s.span.end])?;
    Some(Provenance {
        translated_by: translated.then(|| name.clone()),
        edited_by: edited.then_some(name),
        theatre: None,
    })
}

/// The capitalised words at the start of `text` ("The Syrian Observer").
fn proper_name(text: &str) -> Option<String> {
    let mut words = Vec::new();
    for w in text.split_whitespace() {
        let clean = w.trim_end_matches(['.', ',', ';', ':', ')', '"', '\u{201D}']);
        let capital = clean.chars().next().is_some_and(char::is_uppercase);
        let particle = matches!(clean, "al" | "of" | "de" | "el") && !words.is_empty();
        if clean.is_empty() || !(capital || particle) {
            break;
        }
        words.push(clean);
        if clean.len() != w.len() {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| matches!(*w, "al" | "of" | "de" | "el"))
    {
        words.pop();
    }
    (!words.is_empty()).then(|| words.join(" "))
}
