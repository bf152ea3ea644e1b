//! The SQL behind both backends. Statements use `$n` placeholders, which
//! SQLite and PostgreSQL both read; where the two differ (migrations, the
//! schema check) the backend is matched explicitly.

mod open;
mod read;
mod write;

use crate::location::{Backend, Location};
use crate::near::NearIndex;
use crate::{Stats, Store, StoreError};
use sqlx::AnyPool;

/// A store in SQLite or PostgreSQL.
#[derive(Clone, Debug)]
pub struct SqlStore {
    pool: AnyPool,
    /// Fingerprints of the stored originals (see `near.rs`).
    near: std::sync::Arc<std::sync::Mutex<NearIndex>>,
    backend: Backend,
    /// The location for messages (no password).
    shown: String,
}

impl SqlStore {
    /// Opens (creating if needed, and migrating) the store at `location`: a
    /// file path, `sqlite:PATH`, `sqlite::memory:` or `postgres://...`.
    /// Refuses a database that is not a truce store or that a newer truce
    /// wrote, without changing it.
    pub async fn open(location: &str) -> Result<SqlStore, StoreError> {
        open::open(Location::parse(location)).await
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The location, as shown in messages (no password).
    pub fn location(&self) -> &str {
        &self.shown
    }

    /// Closes the pool, waiting for queries in flight.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The near-duplicate index (a poisoned lock only means another batch
    /// failed half-way through an update; the index is still usable).
    fn near_index(&self) -> std::sync::MutexGuard<'_, NearIndex> {
        self.near
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn query_error(&self, e: sqlx::Error) -> StoreError {
        StoreError::Query {
            location: self.shown.clone(),
            reason: e.to_string(),
        }
    }

    fn corrupt(&self, what: impl Into<String>, e: impl ToString) -> StoreError {
        StoreError::Corrupt {
            location: self.shown.clone(),
            what: what.into(),
            reason: e.to_string(),
        }
    }
}

impl Store for SqlStore {
    async fn put_batch(&self, docs: &[crate::NewDocument]) -> Result<Vec<crate::Put>, StoreError> {
        write::put_batch(self, docs).await
    }

    async fn document(&self, id: &str) -> Result<Option<crate::StoredDocument>, StoreError> {
        read::document(self, id).await
    }

    async fn documents(
        &self,
        offset: i64,
        limit: i64,
    ) -> Result<Vec<crate::DocumentSummary>, StoreError> {
        read::documents(self, offset, limit).await
    }

    async fn reports(&self) -> Result<Vec<truce_model::Report>, StoreError> {
        read::reports(self).await
    }

    async fn stale(&self, current: &str) -> Result<Vec<String>, StoreError> {
        read::stale(self, current).await
    }

    async fn replace_reading(&self, report: &truce_model::Report) -> Result<bool, StoreError> {
        write::replace_reading(self, report).await
    }

    async fn stats(&self) -> Result<Stats, StoreError> {
        read::stats(self).await
    }
}
