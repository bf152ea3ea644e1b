//! The SQL behind both backends. Statements use `$n` placeholders, which
//! SQLite and PostgreSQL both read; where the two differ (migrations, the
//! schema check) the backend is matched explicitly.

mod open;
mod read;
mod write;

use crate::location::{Backend, Location};
use crate::near::NearIndex;
use crate::{Stats, Store, StoreError};
use sqlx::{Any, AnyPool, Transaction};
use std::time::Duration;

/// How long a writer waits for another writer's lock (SQLite's busy
/// timeout, PostgreSQL's `lock_timeout`) before giving up with
/// [`StoreError::Busy`].
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The PostgreSQL advisory lock held by a writer (and by the creation and
/// migration of the schema): one writer at a time, as on SQLite.
const PG_WRITE_LOCK: i64 = 0x7472_7563_6500_0001; // "truce", 1

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
    /// file path (taken literally), `sqlite:PATH`, `sqlite::memory:` or
    /// `postgres://...` (see the crate docs for the rules). Refuses a
    /// database that is not a truce store or that a newer truce wrote,
    /// without changing it. Creation and migration run in one transaction
    /// under a lock (an exclusive SQLite transaction, a PostgreSQL advisory
    /// lock): a process killed during them leaves nothing half-made, and
    /// two processes opening a new store at once both succeed.
    pub async fn open(location: &str) -> Result<SqlStore, StoreError> {
        open::open(Location::parse(location)?, false).await
    }

    /// Opens an existing store for reading only (SQLite `mode=ro`; a
    /// PostgreSQL session whose transactions are read-only): nothing is
    /// created, migrated or written, so a read-only file (mode 0444) can be
    /// read. A store that does not exist yet is [`StoreError::Missing`];
    /// one that needs a migration, [`StoreError::Older`]; a write,
    /// [`StoreError::ReadOnly`].
    pub async fn open_read_only(location: &str) -> Result<SqlStore, StoreError> {
        open::open(Location::parse(location)?, true).await
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

    /// A write transaction, taken under the writers' lock: SQLite's
    /// `BEGIN IMMEDIATE` (waits up to [`BUSY_TIMEOUT`] for another
    /// writer, and never fails half-way through for a lock), PostgreSQL's
    /// transaction-scoped advisory lock with the same timeout.
    async fn begin_write(&self) -> Result<Transaction<'static, Any>, StoreError> {
        let e = |e| self.query_error(e);
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(e),
            Backend::Postgres => {
                let mut tx = self.pool.begin().await.map_err(e)?;
                pg_lock(&mut tx, PG_WRITE_LOCK).await.map_err(e)?;
                Ok(tx)
            }
        }
    }

    fn query_error(&self, e: sqlx::Error) -> StoreError {
        let location = self.shown.clone();
        let reason = e.to_string();
        match classify(&e) {
            Some(Problem::Busy) => StoreError::Busy {
                location,
                seconds: BUSY_TIMEOUT.as_secs(),
                reason,
            },
            Some(Problem::ReadOnly) => StoreError::ReadOnly { location, reason },
            None => StoreError::Query { location, reason },
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

/// Waits (up to [`BUSY_TIMEOUT`]) for a transaction-scoped advisory lock.
async fn pg_lock(conn: &mut sqlx::AnyConnection, key: i64) -> Result<(), sqlx::Error> {
    let timeout = format!("SET LOCAL lock_timeout = '{}ms'", BUSY_TIMEOUT.as_millis());
    sqlx::query(&timeout).execute(&mut *conn).await?;
    sqlx::query("SELECT CAST(1 AS BIGINT) FROM (SELECT pg_advisory_xact_lock($1)) AS locked")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Database errors that mean something to the user.
enum Problem {
    /// Another writer holds the lock (SQLite `SQLITE_BUSY`/`SQLITE_LOCKED`,
    /// PostgreSQL `lock_not_available`).
    Busy,
    /// The database cannot be written (SQLite `SQLITE_READONLY`,
    /// PostgreSQL `read_only_sql_transaction`).
    ReadOnly,
}

fn classify(e: &sqlx::Error) -> Option<Problem> {
    let sqlx::Error::Database(db) = e else {
        return None;
    };
    let code = db.code()?;
    match code.as_ref() {
        "55P03" => return Some(Problem::Busy),
        "25006" => return Some(Problem::ReadOnly),
        _ => {}
    }
    // SQLite: the extended code; its low byte is the primary code.
    match code.parse::<i32>().ok()? & 0xff {
        5 | 6 => Some(Problem::Busy),
        8 => Some(Problem::ReadOnly),
        _ => None,
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

    async fn sequence(&self) -> Result<crate::Sequence, StoreError> {
        read::sequence(self).await
    }

    async fn snapshot(&self, after: i64) -> Result<crate::Snapshot, StoreError> {
        read::snapshot(self, after).await
    }

    async fn document_page(
        &self,
        page: &crate::DocumentPage,
    ) -> Result<Vec<crate::DocumentSummary>, StoreError> {
        read::document_page(self, page).await
    }
}
