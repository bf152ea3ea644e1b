//! What the rule tests read: one extractor for every fixture sentence.

use crate::{Extractor, Input};
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new().expect("the embedded extractor builds"));

fn read(text: &str) -> truce_model::Report {
    let input = Input::new(text, "2016-05-01").expect("a valid date");
    EXTRACTOR.extract(&input)
}

/// (kind, modality) of every truce claim read from `text`.
pub(crate) fn truce_kinds(text: &str) -> Vec<(String, String)> {
    read(text)
        .claims
        .iter()
        .filter(|c| c.kind.is_truce())
        .map(|c| (c.kind.as_str().to_owned(), c.modality.as_str().to_owned()))
        .collect()
}

/// Names of every place of every claim read from `text`.
pub(crate) fn place_names(text: &str) -> Vec<String> {
    read(text)
        .claims
        .iter()
        .flat_map(|c| c.places.iter().map(|p| p.name.clone()))
        .collect()
}

/// The kind of every claim read from `text`.
pub(crate) fn kinds(text: &str) -> Vec<String> {
    read(text)
        .claims
        .iter()
        .map(|c| c.kind.as_str().to_owned())
        .collect()
}
