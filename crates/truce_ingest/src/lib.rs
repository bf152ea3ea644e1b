//! Getting reports into a store, and the ledger out of it.
//!
//! - [`Sources`] reads the inputs `truce ingest` is given: plain-text
//!   files (with an optional front-matter header), folders (walked in name
//!   order; `.txt`, `.md`, `.text` files as text, `.jsonl`/`.ndjson` as
//!   JSON Lines, other files skipped and counted), JSON Lines files and
//!   `-` for standard input (JSON Lines when its first non-blank byte is
//!   `{`, else one text report). It hands them out in bounded batches, so
//!   memory does not grow with the input.
//! - A report without an outlet but with a URL gets the outlet of the
//!   URL's domain ([`outlet_from_url`], `data/outlets.tsv`), else the host.
//! - [`prepare`] extracts a batch on every core; what cannot be read becomes
//!   a [`Failure`] with its reason, never an error of the whole run.
//! - [`store_prepared`] stores a batch in one transaction (see
//!   `truce_store`): a run killed at any moment leaves whole batches, and
//!   running it again stores the rest (what is stored comes back as
//!   duplicates).
//! - [`rss::rss_to_jsonl`] turns the items of an RSS feed into JSON Lines
//!   (title, link, description, pubDate), for `truce watch`.
//! - [`ingest`] drives the three with a progress callback; [`reextract`]
//!   reads stored texts again with the current extractor, keeping ids;
//!   [`load_ledger`] builds the in-memory ledger from a store.
//!
//! ```
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! use truce_ingest::{Defaults, prepare_jsonl, store_prepared, load_ledger};
//! let store = truce_store::SqlStore::open("sqlite::memory:").await.unwrap();
//! let extractor = truce_extract::Extractor::new().unwrap();
//! let body = br#"{"id": "r1", "published": "2016-05-01", "text": "The army declared a truce in Homs until Monday."}"#;
//! let prepared = prepare_jsonl(&extractor, "request", body, &Defaults::default());
//! let outcome = store_prepared(&store, prepared).await.unwrap();
//! assert_eq!(outcome.summary.new, 1);
//! let ledger = load_ledger(&store).await.unwrap();
//! assert_eq!(ledger.len(), 1);
//! # });
//! ```

pub mod frontmatter;
mod outlet;
mod pipeline;
mod prepare;
pub mod record;
pub mod rss;
mod sources;
pub mod text;

pub use outlet::outlet_from_url;
pub use pipeline::{Outcome, Reextracted, ingest, load_ledger, reextract, store_prepared};
pub use prepare::{Origin, Prepared, prepare, prepare_jsonl};
pub use sources::{Entry, Item, ItemKind, Sources};

use serde::Serialize;

/// Documents per batch (and per transaction).
pub const BATCH_DOCUMENTS: usize = 256;
/// Bytes of input per batch, at most (one oversize report still fits alone).
pub const BATCH_BYTES: usize = 64 * 1024 * 1024;

/// Values for fields an input does not give itself (`--published`,
/// `--outlet`): a front-matter header or a JSON line wins over them.
#[derive(Clone, Debug, Default)]
pub struct Defaults {
    pub published: Option<String>,
    pub outlet: Option<String>,
}

/// One input that could not be stored, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// File name, `<stdin>`, or the name the caller gave.
    pub input: String,
    /// Line number in a JSON Lines input (from 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub reason: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.input)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(id) = &self.id {
            write!(f, " (id {id})")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Reports read (files, JSON lines), failed ones included.
    pub read: usize,
    /// Stored as new reports.
    pub new: usize,
    /// Already stored (the same text): nothing changed.
    pub duplicates: usize,
    /// Stored and linked to an earlier report they nearly repeat.
    pub near_duplicates: usize,
    /// Files in folders that are not reports (by extension) and were skipped.
    pub skipped: usize,
    /// Remarks on what was skipped and why (a FIFO or device in a folder).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    pub failed: Vec<Failure>,
}

impl Summary {
    pub fn absorb(&mut self, other: Summary) {
        self.read += other.read;
        self.new += other.new;
        self.duplicates += other.duplicates;
        self.near_duplicates += other.near_duplicates;
        self.skipped += other.skipped;
        self.notes.extend(other.notes);
        self.failed.extend(other.failed);
    }
}

/// Failures of a whole run (a single bad input is a [`Failure`] instead).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Store(#[from] truce_store::StoreError),
    #[error("building the extractor: {0}")]
    Extractor(#[from] truce_extract::ExtractError),
    #[error("reading the inputs: {0}")]
    Reader(String),
    #[error("reading a feed: {0}")]
    Feed(String),
}
