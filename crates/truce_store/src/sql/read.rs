//! Reads: documents, the ledger's input, stale readings, counts.

use super::SqlStore;
use crate::location::Backend;
use crate::{DocumentPage, DocumentSummary, Sequence, Snapshot, Stats, StoreError, StoredDocument};
use futures_util::TryStreamExt;
use sqlx::AnyConnection;
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::HashMap;
use truce_model::{Claim, Document, Report};

pub(super) async fn document(
    store: &SqlStore,
    id: &str,
) -> Result<Option<StoredDocument>, StoreError> {
    let e = |e| store.query_error(e);
    let row = sqlx::query(
        "SELECT seq, report_meta, body, content_hash, duplicate_of, ingested_at \
         FROM documents WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&store.pool)
    .await
    .map_err(e)?;
    let Some(row) = row else {
        return Ok(None);
    };
    let seq: i64 = get(store, &row, 0)?;
    let document = parse_document(store, &get::<String>(store, &row, 1)?)?;
    let claims = sqlx::query("SELECT claim FROM claims WHERE document_seq = $1 ORDER BY ord")
        .bind(seq)
        .fetch_all(&store.pool)
        .await
        .map_err(e)?
        .iter()
        .map(|r| parse_claim(store, &get::<String>(store, r, 0)?))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(StoredDocument {
        report: Report { document, claims },
        text: get(store, &row, 2)?,
        content_hash: get(store, &row, 3)?,
        duplicate_of: get(store, &row, 4)?,
        ingested_at: get(store, &row, 5)?,
    }))
}

pub(super) async fn documents(
    store: &SqlStore,
    offset: i64,
    limit: i64,
) -> Result<Vec<DocumentSummary>, StoreError> {
    let rows = sqlx::query(
        "SELECT d.id, d.published, d.outlet, d.title, d.extractor, d.duplicate_of, \
         (SELECT COUNT(*) FROM claims c WHERE c.document_seq = d.seq), d.seq \
         FROM documents d ORDER BY d.seq LIMIT $1 OFFSET $2",
    )
    .bind(limit.max(0))
    .bind(offset.max(0))
    .fetch_all(&store.pool)
    .await
    .map_err(|e| store.query_error(e))?;
    rows.iter().map(|r| summary(store, r)).collect()
}

/// Documents first, then every claim in one ordered pass, streamed.
pub(super) async fn reports(store: &SqlStore) -> Result<Vec<Report>, StoreError> {
    let mut conn = store
        .pool
        .acquire()
        .await
        .map_err(|e| store.query_error(e))?;
    reports_after(store, &mut conn, 0).await
}

/// The originals stored after document number `after`, with their claims.
async fn reports_after(
    store: &SqlStore,
    conn: &mut AnyConnection,
    after: i64,
) -> Result<Vec<Report>, StoreError> {
    let e = |e| store.query_error(e);
    let mut reports = Vec::new();
    let mut index = HashMap::new();
    let mut docs = sqlx::query(
        "SELECT seq, report_meta FROM documents WHERE duplicate_of IS NULL AND seq > $1 \
         ORDER BY seq",
    )
    .bind(after)
    .fetch(&mut *conn);
    while let Some(row) = docs.try_next().await.map_err(e)? {
        let seq: i64 = get(store, &row, 0)?;
        let document = parse_document(store, &get::<String>(store, &row, 1)?)?;
        index.insert(seq, reports.len());
        reports.push(Report {
            document,
            claims: Vec::new(),
        });
    }
    drop(docs);
    let mut claims = sqlx::query(
        "SELECT c.document_seq, c.claim FROM claims c \
         JOIN documents d ON d.seq = c.document_seq \
         WHERE d.duplicate_of IS NULL AND c.document_seq > $1 ORDER BY c.document_seq, c.ord",
    )
    .bind(after)
    .fetch(&mut *conn);
    while let Some(row) = claims.try_next().await.map_err(e)? {
        let seq: i64 = get(store, &row, 0)?;
        let claim = parse_claim(store, &get::<String>(store, &row, 1)?)?;
        if let Some(&i) = index.get(&seq) {
            reports[i].claims.push(claim);
        }
    }
    Ok(reports)
}

/// The largest document number and the count of new readings.
async fn sequence_in(store: &SqlStore, conn: &mut AnyConnection) -> Result<Sequence, StoreError> {
    let row = sqlx::query(
        "SELECT (SELECT COALESCE(MAX(seq), 0) FROM documents), \
         (SELECT value FROM store_meta WHERE key = 'rewritten')",
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| store.query_error(e))?;
    let rewritten: Option<String> = get(store, &row, 1)?;
    Ok(Sequence {
        appended: get(store, &row, 0)?,
        rewritten: rewritten.and_then(|v| v.parse().ok()).unwrap_or(0),
    })
}

pub(super) async fn sequence(store: &SqlStore) -> Result<Sequence, StoreError> {
    let mut conn = store
        .pool
        .acquire()
        .await
        .map_err(|e| store.query_error(e))?;
    sequence_in(store, &mut conn).await
}

/// Sequence, reports and counts in one read transaction (PostgreSQL:
/// repeatable read, so every statement sees the same data; SQLite: one
/// read transaction sees one state of the file).
pub(super) async fn snapshot(store: &SqlStore, after: i64) -> Result<Snapshot, StoreError> {
    let e = |e| store.query_error(e);
    let mut tx = store.pool.begin().await.map_err(e)?;
    if store.backend == Backend::Postgres {
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            .execute(&mut *tx)
            .await
            .map_err(e)?;
    }
    let sequence = sequence_in(store, &mut tx).await?;
    let reports = reports_after(store, &mut tx, after).await?;
    let stats = stats_in(store, &mut tx).await?;
    tx.rollback().await.map_err(e)?;
    Ok(Snapshot {
        sequence,
        reports,
        stats,
    })
}

pub(super) async fn document_page(
    store: &SqlStore,
    page: &DocumentPage,
) -> Result<Vec<DocumentSummary>, StoreError> {
    let rows = sqlx::query(
        "SELECT d.id, d.published, d.outlet, d.title, d.extractor, d.duplicate_of, \
         (SELECT COUNT(*) FROM claims c WHERE c.document_seq = d.seq), d.seq \
         FROM documents d WHERE d.seq > $1 AND d.seq <= $2 \
         AND ($3 IS NULL OR d.published >= $3) AND ($4 IS NULL OR d.published < $4) \
         ORDER BY d.seq LIMIT $5",
    )
    .bind(page.after)
    .bind(page.upto.unwrap_or(i64::MAX))
    .bind(page.published_from.as_deref())
    .bind(page.published_before.as_deref())
    .bind(page.limit.max(0))
    .fetch_all(&store.pool)
    .await
    .map_err(|e| store.query_error(e))?;
    rows.iter().map(|r| summary(store, r)).collect()
}

fn summary(store: &SqlStore, r: &AnyRow) -> Result<DocumentSummary, StoreError> {
    Ok(DocumentSummary {
        id: get(store, r, 0)?,
        published: get(store, r, 1)?,
        outlet: get(store, r, 2)?,
        title: get(store, r, 3)?,
        extractor: get(store, r, 4)?,
        duplicate_of: get(store, r, 5)?,
        claims: get(store, r, 6)?,
        seq: get(store, r, 7)?,
    })
}

pub(super) async fn stale(store: &SqlStore, current: &str) -> Result<Vec<String>, StoreError> {
    sqlx::query_scalar("SELECT id FROM documents WHERE extractor <> $1 ORDER BY seq")
        .bind(current)
        .fetch_all(&store.pool)
        .await
        .map_err(|e| store.query_error(e))
}

pub(super) async fn stats(store: &SqlStore) -> Result<Stats, StoreError> {
    let mut conn = store
        .pool
        .acquire()
        .await
        .map_err(|e| store.query_error(e))?;
    stats_in(store, &mut conn).await
}

async fn stats_in(store: &SqlStore, conn: &mut AnyConnection) -> Result<Stats, StoreError> {
    let e = |e| store.query_error(e);
    let row = sqlx::query(
        "SELECT COUNT(*), COUNT(duplicate_of), MIN(published), MAX(published) FROM documents",
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(e)?;
    let claims_by_kind = pairs(
        store,
        conn,
        "SELECT kind, COUNT(*) AS n FROM claims GROUP BY kind ORDER BY n DESC, kind",
    )
    .await?;
    let extractors = pairs(
        store,
        conn,
        "SELECT extractor, COUNT(*) AS n FROM documents GROUP BY extractor ORDER BY n DESC, extractor",
    )
    .await?;
    Ok(Stats {
        documents: get(store, &row, 0)?,
        near_duplicates: get(store, &row, 1)?,
        claims: claims_by_kind.iter().map(|(_, n)| n).sum(),
        claims_by_kind,
        extractors,
        first_published: get(store, &row, 2)?,
        last_published: get(store, &row, 3)?,
    })
}

async fn pairs(
    store: &SqlStore,
    conn: &mut AnyConnection,
    sql: &str,
) -> Result<Vec<(String, i64)>, StoreError> {
    sqlx::query(sql)
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| store.query_error(e))?
        .iter()
        .map(|r| Ok((get(store, r, 0)?, get(store, r, 1)?)))
        .collect()
}

fn get<'r, T>(store: &SqlStore, row: &'r AnyRow, i: usize) -> Result<T, StoreError>
where
    T: sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    row.try_get(i).map_err(|e| store.query_error(e))
}

fn parse_document(store: &SqlStore, json: &str) -> Result<Document, StoreError> {
    serde_json::from_str(json).map_err(|e| store.corrupt("document metadata", e))
}

fn parse_claim(store: &SqlStore, json: &str) -> Result<Claim, StoreError> {
    serde_json::from_str(json).map_err(|e| store.corrupt("claim", e))
}
