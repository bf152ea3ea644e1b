//! Durable storage of reports and their claims.
//!
//! A [`Store`] keeps every ingested report: its text, its document metadata
//! and its claims (the `truce extract` output), with exact and
//! near-duplicate detection. The ledger is rebuilt from
//! [`Store::reports`]; nothing derived is stored, so a store never
//! disagrees with its reports. [`Store::sequence`] says cheaply whether
//! anything changed (a reader in another process polls it), and
//! [`Store::snapshot`] reads the sequence, the reports after a document
//! number and the counts in one transaction.
//!
//! Two backends implement the trait through one [`SqlStore`]: SQLite (the
//! default, a file) and PostgreSQL. Each has its own migrations
//! (`migrations/sqlite`, `migrations/postgres`, kept in step by a test);
//! the SQL they share is written once. One conformance test
//! (`tests/conformance.rs`) runs against both.
//!
//! Locations ([`SqlStore::open`]): a URL only when it starts with
//! `sqlite:` (`sqlite:PATH`, `sqlite://PATH`, `sqlite::memory:`; the path
//! is URL syntax) or `postgres:`/`postgresql:`; anything else is a file
//! path taken literally (`?`, `%`, `#` are characters of the name); an
//! empty location is an error. Creation and migration run in one
//! transaction under a lock; writers take turns, each waiting up to
//! [`BUSY_TIMEOUT`] for the other ([`StoreError::Busy`] after it);
//! [`SqlStore::open_read_only`] writes nothing.
//!
//! ```
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! use truce_store::{NewDocument, Put, SqlStore, Store};
//! use truce_model::{Document, Report};
//!
//! let store = SqlStore::open("sqlite::memory:").await.unwrap();
//! let document = Document {
//!     id: "d1".into(), published: "2016-05-01".into(), outlet: None, title: None,
//!     url: None, language: None, translated_by: None, edited_by: None, theatre: None,
//!     bytes: 14, extractor: "test".into(),
//! };
//! let doc = NewDocument::new("The truce held.".into(), Report { document, claims: vec![] });
//! assert!(matches!(store.put_batch(&[doc.clone()]).await.unwrap()[0], Put::New));
//! assert!(matches!(store.put_batch(&[doc]).await.unwrap()[0], Put::Duplicate { .. }));
//! assert_eq!(store.stats().await.unwrap().documents, 1);
//! # });
//! ```

mod location;
mod near;
mod simhash;
mod sql;

pub use location::{Backend, default_location};
pub use simhash::{NEAR_BITS, content_hash, distance, simhash};
pub use sql::BUSY_TIMEOUT;
pub use sql::SqlStore;

use serde::Serialize;
use std::future::Future;
use truce_model::Report;

/// The store's failures. Each names the database (without any password).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("bad store location {given:?}: {reason}")]
    Location { given: String, reason: String },
    #[error("cannot open the database {location}: {reason}")]
    Open { location: String, reason: String },
    #[error("{location} is not a truce database ({reason}); nothing was changed in it")]
    NotTruce { location: String, reason: String },
    #[error(
        "{location} was written by a newer truce (schema version {found}, this truce knows up to {known}); upgrade truce to use it"
    )]
    Newer {
        location: String,
        found: i64,
        known: i64,
    },
    #[error("{location} holds no truce store yet; store reports in it first (truce ingest PATH)")]
    Missing { location: String },
    #[error(
        "{location} was written by an older truce (schema version {found}, this truce uses {known}); open it once for writing (truce ingest) to upgrade it"
    )]
    Older {
        location: String,
        found: i64,
        known: i64,
    },
    #[error(
        "{location} is locked by another writer; gave up after waiting {seconds} s ({reason}); try again when the other writer has finished"
    )]
    Busy {
        location: String,
        seconds: u64,
        reason: String,
    },
    #[error("{location} is read-only here ({reason}); nothing was changed")]
    ReadOnly { location: String, reason: String },
    #[error("database error on {location}: {reason}")]
    Query { location: String, reason: String },
    #[error("stored data in {location} cannot be read ({what}): {reason}")]
    Corrupt {
        location: String,
        what: String,
        reason: String,
    },
}

/// A report ready to store: its text and what the extractor read in it.
#[derive(Clone, Debug)]
pub struct NewDocument {
    pub text: String,
    pub report: Report,
    pub content_hash: String,
    pub simhash: u64,
}

impl NewDocument {
    /// Computes the content hash and the near-duplicate fingerprint.
    pub fn new(text: String, report: Report) -> Self {
        NewDocument {
            content_hash: content_hash(&text),
            simhash: simhash(&text),
            text,
            report,
        }
    }
}

/// What storing one document did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Put {
    /// Stored, with its claims.
    New,
    /// The same text is already stored (under `existing`): nothing changed.
    Duplicate { existing: String },
    /// Stored, and linked to the earlier report it nearly repeats; its
    /// claims are kept but the ledger does not count them twice.
    NearDuplicate { of: String, distance: u32 },
    /// Another text is already stored under this id: nothing changed.
    IdConflict { id: String },
}

/// A stored report.
#[derive(Clone, Debug, Serialize)]
pub struct StoredDocument {
    pub report: Report,
    pub text: String,
    pub content_hash: String,
    /// The earlier report this one nearly repeats.
    pub duplicate_of: Option<String>,
    pub ingested_at: String,
}

/// One line of a document listing.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentSummary {
    /// The sequence number (the order stored; a listing's cursor).
    #[serde(skip)]
    pub seq: i64,
    pub id: String,
    pub published: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub extractor: String,
    pub duplicate_of: Option<String>,
    pub claims: i64,
}

/// Where a store stands: it changes with every write that changes what
/// the ledger reads, by this process or any other. Cheap to read
/// ([`Store::sequence`]); a server polls it to follow the store.
///
/// `appended` is the largest document sequence number (documents are only
/// ever added, with growing numbers); `rewritten` counts the new readings
/// of stored documents ([`Store::replace_reading`]). When only `appended`
/// moved, the documents after the old number are all that changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Sequence {
    pub appended: i64,
    pub rewritten: i64,
}

impl std::fmt::Display for Sequence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.appended, self.rewritten)
    }
}

/// What one read transaction saw: the sequence, the reports stored after
/// a given document number, and the counts (see [`Store::snapshot`]).
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    pub sequence: Sequence,
    /// Originals (near-duplicates left out) with a document number above
    /// the one asked for, with their claims, in the order stored.
    pub reports: Vec<Report>,
    pub stats: Stats,
}

/// Which documents a listing wants ([`Store::document_page`]).
#[derive(Clone, Debug, Default)]
pub struct DocumentPage {
    /// Documents after this sequence number (0: from the first).
    pub after: i64,
    /// None after this one (a snapshot's [`Sequence::appended`]).
    pub upto: Option<i64>,
    /// Published on or after this (ISO, compared as text).
    pub published_from: Option<String>,
    /// Published before this (ISO, compared as text).
    pub published_before: Option<String>,
    pub limit: i64,
}

/// Counts over the whole store.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Stored reports, near-duplicates included.
    pub documents: i64,
    /// Reports linked to an earlier one as near-duplicates.
    pub near_duplicates: i64,
    pub claims: i64,
    /// Claims per kind, most frequent first.
    pub claims_by_kind: Vec<(String, i64)>,
    /// Reports per extractor version.
    pub extractors: Vec<(String, i64)>,
    /// Earliest and latest publication dates.
    pub first_published: Option<String>,
    pub last_published: Option<String>,
}

/// The operations every backend provides; `tests/conformance.rs` holds
/// them to one behaviour.
pub trait Store: Send + Sync {
    /// Stores documents, each with its claims, in one transaction: after a
    /// crash either all of the batch is stored or none of it. Duplicates
    /// (within the batch too) are detected in order.
    fn put_batch(
        &self,
        docs: &[NewDocument],
    ) -> impl Future<Output = Result<Vec<Put>, StoreError>> + Send;

    /// One stored document with its text and claims.
    fn document(
        &self,
        id: &str,
    ) -> impl Future<Output = Result<Option<StoredDocument>, StoreError>> + Send;

    /// Documents in the order they were stored, `limit` from `offset`.
    fn documents(
        &self,
        offset: i64,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<DocumentSummary>, StoreError>> + Send;

    /// Every report that is not a near-duplicate, with its claims, in the
    /// order stored: the input of the ledger.
    fn reports(&self) -> impl Future<Output = Result<Vec<Report>, StoreError>> + Send;

    /// Ids of documents read by another extractor version than `current`.
    fn stale(&self, current: &str) -> impl Future<Output = Result<Vec<String>, StoreError>> + Send;

    /// Replaces a document's claims and metadata with a new reading of the
    /// same text (same id), in one transaction. `false` if no such document.
    fn replace_reading(
        &self,
        report: &Report,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    fn stats(&self) -> impl Future<Output = Result<Stats, StoreError>> + Send;

    /// Where the store stands now (two indexed look-ups).
    fn sequence(&self) -> impl Future<Output = Result<Sequence, StoreError>> + Send;

    /// In one read transaction: the sequence, the reports stored after
    /// document number `after` (0: all) and the counts, so that the three
    /// agree even while another process writes.
    fn snapshot(&self, after: i64) -> impl Future<Output = Result<Snapshot, StoreError>> + Send;

    /// Documents in the order stored, after a sequence number, optionally
    /// up to another and within publication dates.
    fn document_page(
        &self,
        page: &DocumentPage,
    ) -> impl Future<Output = Result<Vec<DocumentSummary>, StoreError>> + Send;
}
