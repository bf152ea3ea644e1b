//! Opening a store: refuse foreign and newer databases, then migrate.

use super::SqlStore;
use crate::StoreError;
use crate::location::{Backend, Location};
use sqlx::Row;
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::{MigrateError, Migrator};
use std::io::Read;

static SQLITE: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES: Migrator = sqlx::migrate!("migrations/postgres");

pub(super) async fn open(loc: Location) -> Result<SqlStore, StoreError> {
    sqlx::any::install_default_drivers();
    if let Some(file) = &loc.file {
        check_sqlite_header(&loc, file)?;
        create_parent(&loc, file)?;
    }
    let connections = if loc.file.is_none() && loc.backend == Backend::Sqlite {
        1 // every connection to sqlite::memory: is a database of its own
    } else {
        4
    };
    let pool = AnyPoolOptions::new()
        .max_connections(connections)
        .connect(&loc.url)
        .await
        .map_err(|e| open_error(&loc, e))?;
    let store = SqlStore {
        pool,
        near: Default::default(),
        backend: loc.backend,
        shown: loc.shown.clone(),
    };
    check_foreign(&store).await?;
    migrate(&store).await?;
    if loc.file.is_some() {
        // Readers (the server) go on while an ingest writes.
        sqlx::query("PRAGMA journal_mode = WAL")
            .execute(&store.pool)
            .await
            .map_err(|e| store.query_error(e))?;
    }
    Ok(store)
}

fn open_error(loc: &Location, e: impl ToString) -> StoreError {
    StoreError::Open {
        location: loc.shown.clone(),
        reason: e.to_string(),
    }
}

/// A non-empty file that is not SQLite is never opened (opening could
/// write to it).
fn check_sqlite_header(loc: &Location, file: &std::path::Path) -> Result<(), StoreError> {
    let mut head = [0u8; 16];
    let read = match std::fs::File::open(file) {
        Ok(mut f) => f.read(&mut head).map_err(|e| open_error(loc, e))?,
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

/// A database with tables but no `store_meta` belongs to something else.
async fn check_foreign(store: &SqlStore) -> Result<(), StoreError> {
    let tables_sql = match store.backend {
        Backend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table'",
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
             WHERE table_schema = current_schema()"
        }
    };
    let rows = sqlx::query(tables_sql)
        .fetch_all(&store.pool)
        .await
        .map_err(|e| store.query_error(e))?;
    let names: Vec<String> = rows.iter().filter_map(|r| r.try_get(0).ok()).collect();
    let ours =
        |n: &String| n == "store_meta" || n.starts_with("sqlite_") || n == "_sqlx_migrations";
    if names.iter().all(ours) {
        if names.iter().any(|n| n == "_sqlx_migrations") && !names.iter().any(|n| n == "store_meta")
        {
            return Err(not_truce(
                store,
                "it has a migrations table but no store_meta",
            ));
        }
        return Ok(());
    }
    if !names.iter().any(|n| n == "store_meta") {
        let mut shown: Vec<&str> = names.iter().map(String::as_str).take(5).collect();
        shown.sort_unstable();
        return Err(not_truce(
            store,
            &format!("it holds other tables: {}", shown.join(", ")),
        ));
    }
    let app: Option<String> =
        sqlx::query_scalar("SELECT value FROM store_meta WHERE key = 'application'")
            .fetch_optional(&store.pool)
            .await
            .map_err(|e| store.query_error(e))?;
    match app.as_deref() {
        Some("truce") => Ok(()),
        other => Err(not_truce(store, &format!("store_meta names {other:?}"))),
    }
}

fn not_truce(store: &SqlStore, reason: &str) -> StoreError {
    StoreError::NotTruce {
        location: store.shown.clone(),
        reason: reason.to_string(),
    }
}

async fn migrate(store: &SqlStore) -> Result<(), StoreError> {
    let migrator = match store.backend {
        Backend::Sqlite => &SQLITE,
        Backend::Postgres => &POSTGRES,
    };
    let known = migrator.iter().map(|m| m.version).max().unwrap_or(0);
    migrator.run(&store.pool).await.map_err(|e| match e {
        MigrateError::VersionMissing(found) => StoreError::Newer {
            location: store.shown.clone(),
            found,
            known,
        },
        other => store.query_error(sqlx::Error::Migrate(Box::new(other))),
    })
}
