//! Opening a store: refuse foreign and newer databases, then create or
//! migrate, all in one transaction under a lock.

use super::{PG_WRITE_LOCK, SqlStore, pg_lock};
use crate::StoreError;
use crate::location::{Backend, Location};
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::{Migration, Migrator};
use sqlx::{Any, AnyConnection, AnyPool, Executor, Row, Transaction};
use std::io::Read;

static SQLITE: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES: Migrator = sqlx::migrate!("migrations/postgres");

/// The migrations table, as sqlx's migrator made it (stores made by earlier
/// truces keep working).
const SQLITE_MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS _sqlx_migrations (
    version BIGINT PRIMARY KEY, description TEXT NOT NULL,
    installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL,
    checksum BLOB NOT NULL, execution_time BIGINT NOT NULL)";
const POSTGRES_MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS _sqlx_migrations (
    version BIGINT PRIMARY KEY, description TEXT NOT NULL,
    installed_on TIMESTAMPTZ NOT NULL DEFAULT now(), success BOOLEAN NOT NULL,
    checksum BYTEA NOT NULL, execution_time BIGINT NOT NULL)";

pub(super) async fn open(loc: Location, read_only: bool) -> Result<SqlStore, StoreError> {
    match open_as(&loc, read_only, false).await {
        // A WAL store in a folder we cannot write: its shared-memory file
        // cannot be made, so the file is read as it is (SQLite `immutable`).
        Err(StoreError::ReadOnly { .. }) if read_only && loc.file.is_some() => {
            open_as(&loc, true, true).await
        }
        other => other,
    }
}

async fn open_as(loc: &Location, read_only: bool, immutable: bool) -> Result<SqlStore, StoreError> {
    sqlx::any::install_default_drivers();
    if let Some(file) = &loc.file {
        check_sqlite_header(loc, file, read_only)?;
        if !read_only {
            create_parent(loc, file)?;
        }
    }
    let store = SqlStore {
        pool: connect(loc, read_only, immutable).await?,
        near: Default::default(),
        backend: loc.backend,
        shown: loc.shown.clone(),
    };
    if read_only {
        check_read_only(&store).await?;
    } else {
        create_or_migrate(&store).await?;
        if loc.file.is_some() {
            wal(&store).await?;
        }
    }
    Ok(store)
}

async fn connect(loc: &Location, read_only: bool, immutable: bool) -> Result<AnyPool, StoreError> {
    let mut options = AnyPoolOptions::new().max_connections(4);
    if loc.file.is_none() && loc.backend == Backend::Sqlite {
        // Every connection to sqlite::memory: is a database of its own:
        // one connection, never closed for age or idleness.
        options = options
            .max_connections(1)
            .idle_timeout(None)
            .max_lifetime(None);
    }
    if read_only && loc.backend == Backend::Postgres {
        options = options.after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute("SET default_transaction_read_only = on")
                    .await
                    .map(|_| ())
            })
        });
    }
    let mut url = loc.url(read_only);
    if immutable {
        url.push_str("&immutable=true");
    }
    options.connect(&url).await.map_err(|e| open_error(loc, e))
}

fn open_error(loc: &Location, e: impl ToString) -> StoreError {
    StoreError::Open {
        location: loc.shown.clone(),
        reason: e.to_string(),
    }
}

/// A non-empty file that is not SQLite is never opened (opening could
/// write to it). A missing file is created, unless reading only.
fn check_sqlite_header(
    loc: &Location,
    file: &std::path::Path,
    read_only: bool,
) -> Result<(), StoreError> {
    let mut head = [0u8; 16];
    let read = match std::fs::File::open(file) {
        Ok(mut f) => f.read(&mut head).map_err(|e| open_error(loc, e))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && read_only => {
            return Err(StoreError::Missing {
                location: loc.shown.clone(),
            });
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(open_error(loc, e)),
    };
    if read == 0 || head.starts_with(b"SQLite format 3\0") {
        return Ok(());
    }
    Err(StoreError::NotTruce {
        location: loc.shown.clone(),
        reason: "the file is not an SQLite database".into(),
    })
}

fn create_parent(loc: &Location, file: &std::path::Path) -> Result<(), StoreError> {
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => {
            std::fs::create_dir_all(dir).map_err(|e| open_error(loc, e))
        }
        _ => Ok(()),
    }
}

/// What an opened database holds.
#[derive(Debug, PartialEq, Eq)]
enum Found {
    /// Nothing of ours (and nothing else): a new store.
    Empty,
    /// A truce store, with its migrations table.
    Truce,
}

/// Refuses a database with tables of another program. A database with only
/// an empty migrations table (left by an earlier truce killed while
/// creating it) counts as empty.
async fn check_foreign(store: &SqlStore, conn: &mut AnyConnection) -> Result<Found, StoreError> {
    let names = table_names(store, conn).await?;
    let ours =
        |n: &String| n == "store_meta" || n.starts_with("sqlite_") || n == "_sqlx_migrations";
    let has = |name: &str| names.iter().any(|n| n == name);
    if !names.iter().all(ours) && !has("store_meta") {
        let mut shown: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .filter(|n| !n.starts_with("sqlite_"))
            .take(5)
            .collect();
        shown.sort_unstable();
        return Err(not_truce(
            store,
            &format!("it holds other tables: {}", shown.join(", ")),
        ));
    }
    if !has("store_meta") {
        if has("_sqlx_migrations") && !applied(store, conn).await?.is_empty() {
            return Err(not_truce(
                store,
                "it has a migrations table but no store_meta",
            ));
        }
        return Ok(Found::Empty);
    }
    let app: Option<String> =
        sqlx::query_scalar("SELECT value FROM store_meta WHERE key = 'application'")
            .fetch_optional(&mut *conn)
            .await
            .map_err(|e| store.query_error(e))?;
    match app.as_deref() {
        Some("truce") => Ok(Found::Truce),
        other => Err(not_truce(store, &format!("store_meta names {other:?}"))),
    }
}

async fn table_names(
    store: &SqlStore,
    conn: &mut AnyConnection,
) -> Result<Vec<String>, StoreError> {
    let tables_sql = match store.backend {
        Backend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table'",
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
             WHERE table_schema = current_schema()"
        }
    };
    let rows = sqlx::query(tables_sql)
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| store.query_error(e))?;
    Ok(rows.iter().filter_map(|r| r.try_get(0).ok()).collect())
}

fn not_truce(store: &SqlStore, reason: &str) -> StoreError {
    StoreError::NotTruce {
        location: store.shown.clone(),
        reason: reason.to_string(),
    }
}

fn migrator(store: &SqlStore) -> &'static Migrator {
    match store.backend {
        Backend::Sqlite => &SQLITE,
        Backend::Postgres => &POSTGRES,
    }
}

/// One applied migration: version, checksum, whether it finished.
type Applied = (i64, Vec<u8>, bool);

/// The rows of the migrations table (the table must exist).
async fn applied(store: &SqlStore, conn: &mut AnyConnection) -> Result<Vec<Applied>, StoreError> {
    let rows = sqlx::query(
        "SELECT version, checksum, CAST(CASE WHEN success THEN 1 ELSE 0 END AS BIGINT) \
         FROM _sqlx_migrations ORDER BY version",
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(|e| store.query_error(e))?;
    rows.iter()
        .map(|r| {
            let ok: i64 = r.try_get(2)?;
            Ok((r.try_get(0)?, r.try_get(1)?, ok == 1))
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(|e| store.query_error(e))
}

/// The migrations not applied yet, after checking the applied ones: none
/// from a newer truce, none unfinished, none changed since it was applied.
fn pending(store: &SqlStore, applied: &[Applied]) -> Result<Vec<&'static Migration>, StoreError> {
    let migrator = migrator(store);
    let known = migrator.iter().map(|m| m.version).max().unwrap_or(0);
    if let Some(&(found, ..)) = applied.iter().find(|(v, ..)| *v > known) {
        return Err(StoreError::Newer {
            location: store.shown.clone(),
            found,
            known,
        });
    }
    for (version, checksum, ok) in applied {
        let ours = migrator.iter().find(|m| m.version == *version);
        let problem = match ours {
            _ if !ok => "did not finish",
            None => "is not one of this truce's migrations",
            Some(m) if m.checksum.as_ref() != checksum.as_slice() => {
                "differs from the one this truce knows"
            }
            Some(_) => continue,
        };
        return Err(not_truce(
            store,
            &format!("its applied migration {version} {problem}"),
        ));
    }
    Ok(migrator
        .iter()
        .filter(|m| !applied.iter().any(|(v, ..)| *v == m.version))
        .collect())
}

/// Checks, creates or migrates the schema in one transaction, under the
/// writers' lock: either all of it is done or none of it.
async fn create_or_migrate(store: &SqlStore) -> Result<(), StoreError> {
    let e = |e| store.query_error(e);
    let mut tx = begin_schema(store).await?;
    let found = check_foreign(store, &mut tx).await?;
    let migrations_table = match store.backend {
        Backend::Sqlite => SQLITE_MIGRATIONS_TABLE,
        Backend::Postgres => POSTGRES_MIGRATIONS_TABLE,
    };
    let done = if found == Found::Truce {
        applied(store, &mut tx).await?
    } else {
        Vec::new()
    };
    let todo = pending(store, &done)?;
    if !todo.is_empty() {
        sqlx::raw_sql(migrations_table)
            .execute(&mut *tx)
            .await
            .map_err(e)?;
        for m in todo {
            apply(store, &mut tx, m).await?;
        }
    }
    tx.commit().await.map_err(e)
}

/// SQLite: `BEGIN EXCLUSIVE` (waits for other writers up to the busy
/// timeout). PostgreSQL: the writers' advisory lock, held to the end of the
/// transaction.
async fn begin_schema(store: &SqlStore) -> Result<Transaction<'static, Any>, StoreError> {
    let e = |e| store.query_error(e);
    match store.backend {
        Backend::Sqlite => store.pool.begin_with("BEGIN EXCLUSIVE").await.map_err(e),
        Backend::Postgres => {
            let mut tx = store.pool.begin().await.map_err(e)?;
            pg_lock(&mut tx, PG_WRITE_LOCK).await.map_err(e)?;
            Ok(tx)
        }
    }
}

async fn apply(
    store: &SqlStore,
    conn: &mut AnyConnection,
    m: &Migration,
) -> Result<(), StoreError> {
    let e = |e| store.query_error(e);
    let started = std::time::Instant::now();
    sqlx::raw_sql(&m.sql).execute(&mut *conn).await.map_err(e)?;
    let nanos = i64::try_from(started.elapsed().as_nanos()).unwrap_or(i64::MAX);
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES ($1, $2, TRUE, $3, $4)",
    )
    .bind(m.version)
    .bind(m.description.to_string())
    .bind(m.checksum.to_vec())
    .bind(nanos)
    .execute(&mut *conn)
    .await
    .map_err(e)?;
    Ok(())
}

/// Readers (the server) go on while an ingest writes. Switching needs a
/// lock that cannot be waited for: when another process holds one, the
/// switch is left to the next open (the store works either way).
async fn wal(store: &SqlStore) -> Result<(), StoreError> {
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&store.pool)
        .await
        .map_err(|e| store.query_error(e))?;
    if mode.eq_ignore_ascii_case("wal") {
        return Ok(());
    }
    match sqlx::query("PRAGMA journal_mode = WAL")
        .execute(&store.pool)
        .await
        .map_err(|e| store.query_error(e))
    {
        Err(StoreError::Busy { .. }) | Ok(_) => Ok(()),
        Err(other) => Err(other),
    }
}

/// A read-only open writes nothing: the store must exist and be at this
/// truce's schema version.
async fn check_read_only(store: &SqlStore) -> Result<(), StoreError> {
    let mut conn = store
        .pool
        .acquire()
        .await
        .map_err(|e| store.query_error(e))?;
    if check_foreign(store, &mut conn).await? == Found::Empty {
        return Err(StoreError::Missing {
            location: store.shown.clone(),
        });
    }
    let done = applied(store, &mut conn).await?;
    if pending(store, &done)?.is_empty() {
        return Ok(());
    }
    let known = migrator(store).iter().map(|m| m.version).max().unwrap_or(0);
    Err(StoreError::Older {
        location: store.shown.clone(),
        found: done.iter().map(|(v, ..)| *v).max().unwrap_or(0),
        known,
    })
}
