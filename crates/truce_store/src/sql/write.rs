//! Writes: a batch of documents in one transaction; a new reading of a
//! stored document.

use super::SqlStore;
use crate::simhash::{bands, distance};
use crate::{NEAR_BITS, NewDocument, Put, StoreError};
use sqlx::{Any, AnyConnection, Row, Transaction};
use truce_model::{Claim, Report};

/// Claims inserted per statement (5 values each, far below every
/// backend's limit on parameters).
const CLAIMS_PER_INSERT: usize = 100;

pub(super) async fn put_batch(
    store: &SqlStore,
    docs: &[NewDocument],
) -> Result<Vec<Put>, StoreError> {
    let e = |e| store.query_error(e);
    let mut tx: Transaction<'_, Any> = store.pool.begin().await.map_err(e)?;
    let now = jiff::Timestamp::now().to_string();
    let mut out = Vec::with_capacity(docs.len());
    for doc in docs {
        out.push(put_one(store, &mut tx, doc, &now).await?);
    }
    tx.commit().await.map_err(e)?;
    Ok(out)
}

async fn put_one(
    store: &SqlStore,
    conn: &mut AnyConnection,
    doc: &NewDocument,
    now: &str,
) -> Result<Put, StoreError> {
    let e = |e| store.query_error(e);
    let same: Option<String> =
        sqlx::query_scalar("SELECT id FROM documents WHERE content_hash = $1")
            .bind(&doc.content_hash)
            .fetch_optional(&mut *conn)
            .await
            .map_err(e)?;
    if let Some(existing) = same {
        return Ok(Put::Duplicate { existing });
    }
    let id = &doc.report.document.id;
    let taken: Option<i64> = sqlx::query_scalar("SELECT seq FROM documents WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(e)?;
    if taken.is_some() {
        return Ok(Put::IdConflict { id: id.clone() });
    }
    let near = find_near(store, conn, doc.simhash).await?;
    let seq = insert_document(store, conn, doc, near.as_ref(), now).await?;
    insert_claims(store, conn, seq, &doc.report.claims).await?;
    Ok(match near {
        Some((of, distance)) => Put::NearDuplicate { of, distance },
        None => Put::New,
    })
}

/// The closest earlier original within [`NEAR_BITS`], if any.
async fn find_near(
    store: &SqlStore,
    conn: &mut AnyConnection,
    hash: u64,
) -> Result<Option<(String, u32)>, StoreError> {
    if hash == 0 {
        return Ok(None);
    }
    let [b0, b1, b2, b3, b4, b5] = bands(hash);
    let rows = sqlx::query(
        "SELECT id, simhash FROM documents WHERE duplicate_of IS NULL AND simhash <> 0 \
         AND (band0 = $1 OR band1 = $2 OR band2 = $3 OR band3 = $4 OR band4 = $5 \
         OR band5 = $6) ORDER BY seq",
    )
    .bind(b0)
    .bind(b1)
    .bind(b2)
    .bind(b3)
    .bind(b4)
    .bind(b5)
    .fetch_all(&mut *conn)
    .await
    .map_err(|e| store.query_error(e))?;
    let mut best: Option<(String, u32)> = None;
    for row in rows {
        let (id, other): (String, i64) = (
            row.try_get(0).map_err(|e| store.query_error(e))?,
            row.try_get(1).map_err(|e| store.query_error(e))?,
        );
        let d = distance(hash, other as u64);
        if d <= NEAR_BITS && best.as_ref().is_none_or(|(_, b)| d < *b) {
            best = Some((id, d));
        }
    }
    Ok(best)
}

async fn insert_document(
    store: &SqlStore,
    conn: &mut AnyConnection,
    doc: &NewDocument,
    near: Option<&(String, u32)>,
    now: &str,
) -> Result<i64, StoreError> {
    let meta = &doc.report.document;
    let meta_json = serde_json::to_string(meta).map_err(|e| store.corrupt("document", e))?;
    let [b0, b1, b2, b3, b4, b5] = bands(doc.simhash);
    sqlx::query_scalar(
        "INSERT INTO documents (id, content_hash, simhash, band0, band1, band2, band3, \
         band4, band5, duplicate_of, distance, published, outlet, title, extractor, \
         ingested_at, report_meta, body) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
         $17, $18) RETURNING seq",
    )
    .bind(&meta.id)
    .bind(&doc.content_hash)
    .bind(doc.simhash as i64)
    .bind(b0)
    .bind(b1)
    .bind(b2)
    .bind(b3)
    .bind(b4)
    .bind(b5)
    .bind(near.map(|(id, _)| id.clone()))
    .bind(near.map(|(_, d)| i64::from(*d)))
    .bind(&meta.published)
    .bind(meta.outlet.clone())
    .bind(meta.title.clone())
    .bind(&meta.extractor)
    .bind(now)
    .bind(meta_json)
    .bind(&doc.text)
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| store.query_error(e))
}

async fn insert_claims(
    store: &SqlStore,
    conn: &mut AnyConnection,
    seq: i64,
    claims: &[Claim],
) -> Result<(), StoreError> {
    for (chunk_no, chunk) in claims.chunks(CLAIMS_PER_INSERT).enumerate() {
        let mut sql =
            String::from("INSERT INTO claims (document_seq, ord, kind, modality, claim) VALUES ");
        for i in 0..chunk.len() {
            let p = i * 5;
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!(
                "(${}, ${}, ${}, ${}, ${})",
                p + 1,
                p + 2,
                p + 3,
                p + 4,
                p + 5
            ));
        }
        let mut query = sqlx::query(&sql);
        for (i, claim) in chunk.iter().enumerate() {
            let json = serde_json::to_string(claim).map_err(|e| store.corrupt("claim", e))?;
            query = query
                .bind(seq)
                .bind((chunk_no * CLAIMS_PER_INSERT + i) as i64)
                .bind(claim.kind.as_str())
                .bind(claim.modality.as_str())
                .bind(json);
        }
        query
            .execute(&mut *conn)
            .await
            .map_err(|e| store.query_error(e))?;
    }
    Ok(())
}

pub(super) async fn replace_reading(store: &SqlStore, report: &Report) -> Result<bool, StoreError> {
    let e = |e| store.query_error(e);
    let mut tx: Transaction<'_, Any> = store.pool.begin().await.map_err(e)?;
    let seq: Option<i64> = sqlx::query_scalar("SELECT seq FROM documents WHERE id = $1")
        .bind(&report.document.id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(e)?;
    let Some(seq) = seq else {
        return Ok(false);
    };
    let meta_json =
        serde_json::to_string(&report.document).map_err(|e| store.corrupt("document", e))?;
    sqlx::query("UPDATE documents SET extractor = $1, report_meta = $2 WHERE seq = $3")
        .bind(&report.document.extractor)
        .bind(meta_json)
        .bind(seq)
        .execute(&mut *tx)
        .await
        .map_err(e)?;
    sqlx::query("DELETE FROM claims WHERE document_seq = $1")
        .bind(seq)
        .execute(&mut *tx)
        .await
        .map_err(e)?;
    insert_claims(store, &mut tx, seq, &report.claims).await?;
    tx.commit().await.map_err(e)?;
    Ok(true)
}
