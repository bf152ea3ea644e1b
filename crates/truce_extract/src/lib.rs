//! The extraction pipeline: normalise, split sentences, match lexicons,
//! attribute, resolve time, build event frames, emit claims.
//!
//! Build an [`Extractor`] once and reuse it for every document; it is
//! `Send + Sync`, so one extractor serves every thread.
//!
//! ```
//! use truce_extract::{Extractor, Input};
//! let extractor = Extractor::new();
//! let report = extractor.extract(&Input::new("The truce held.", "2016-05-01").expect("date"));
//! assert_eq!(report.document.published, "2016-05-01");
//! ```

mod input;

pub use input::{Input, Published};
use truce_model::{Document, Report};

/// Version of the extraction rules, stored with every document so a ledger
/// can re-extract documents read by an older version.
pub const EXTRACTOR_VERSION: &str = concat!("truce-extract/", env!("CARGO_PKG_VERSION"));

/// Everything that can fail before extraction starts.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("publication date {value:?} is not a date (expected YYYY-MM-DD or an ISO 8601 date-time)")]
    BadPublished { value: String },
}

/// A built extractor: compiled lexicons and rules, reused for every document.
#[derive(Debug, Default)]
pub struct Extractor {}

impl Extractor {
    /// An extractor over the reference data embedded in the binary.
    pub fn new() -> Self {
        Self {}
    }

    /// Read one document. Never fails: odd text yields fewer claims.
    pub fn extract(&self, input: &Input<'_>) -> Report {
        Report { document: document(input), claims: Vec::new() }
    }
}

fn document(input: &Input<'_>) -> Document {
    Document {
        id: input.id.clone().unwrap_or_else(|| content_id(input.text)),
        published: input.published.text.clone(),
        outlet: input.outlet.clone(),
        title: input.title.clone(),
        url: input.url.clone(),
        language: input.language.clone(),
        translated_by: None,
        edited_by: None,
        bytes: input.text.len(),
        extractor: EXTRACTOR_VERSION.to_owned(),
    }
}

/// A content id: FNV-1a 64 of the text, as `fnv1a64:<hex>`.
pub fn content_id(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}
