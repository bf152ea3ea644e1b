//! Writes: a batch of documents in one transaction; a new reading of a
//! stored document.

use super::SqlStore;
use crate::near::NearIndex;
use crate::{NewDocument, Put, StoreError};
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
    let mut tx: Transaction<'_, Any> = store.begin_write().await?;
    refresh_near(store, &mut tx).await?;
    let now = jiff::Timestamp::now().to_string();
    let mut out = Vec::with_capacity(docs.len());
    // Originals stored by this batch: matched like the others, merged into
    // the store's index once the transaction commits.
    let mut batch = NearIndex::default();
    // Claims of the whole batch go in together: fewer statements.
    let mut claims: Vec<(i64, &Claim)> = Vec::new();
    for doc in docs {
        let (put, seq) = put_one(store, &mut tx, doc, &batch, &now).await?;
        if let Some(seq) = seq {
            claims.extend(doc.report.claims.iter().map(|c| (seq, c)));
            if put == Put::New {
                batch.add(seq, doc.simhash);
            }
        }
        out.push(put);
    }
    insert_claims(store, &mut tx, &claims).await?;
    tx.commit().await.map_err(e)?;
    let mut index = store.near_index();
    for (seq, hash) in batch.entries() {
        index.add(seq, hash);
    }
    Ok(out)
}

/// Brings the store's near-duplicate index up to date with what is stored
/// (by this process or another) since it last looked.
async fn refresh_near(store: &SqlStore, conn: &mut AnyConnection) -> Result<(), StoreError> {
    let e = |e| store.query_error(e);
    let seen = store.near_index().seen;
    let rows = sqlx::query(
        "SELECT seq, simhash, CASE WHEN duplicate_of IS NULL THEN 1 ELSE 0 END \
         FROM documents WHERE seq > $1 ORDER BY seq",
    )
    .bind(seen)
    .fetch_all(&mut *conn)
    .await
    .map_err(e)?;
    let mut index = store.near_index();
    for row in rows {
        let seq: i64 = row.try_get(0).map_err(e)?;
        let hash: i64 = row.try_get(1).map_err(e)?;
        let original: i64 = row.try_get(2).map_err(e)?;
        if seq > index.seen {
            index.add(seq, if original == 1 { hash as u64 } else { 0 });
        }
    }
    Ok(())
}

/// Stores one document (not its claims); returns what happened and the
/// new row's `seq` when it was stored.
async fn put_one(
    store: &SqlStore,
    conn: &mut AnyConnection,
    doc: &NewDocument,
    batch: &NearIndex,
    now: &str,
) -> Result<(Put, Option<i64>), StoreError> {
    let e = |e| store.query_error(e);
    let id = &doc.report.document.id;
    // One look-up for both: the same text, or another text under this id.
    let rows =
        sqlx::query("SELECT id, content_hash FROM documents WHERE content_hash = $1 OR id = $2")
            .bind(&doc.content_hash)
            .bind(id)
            .fetch_all(&mut *conn)
            .await
            .map_err(e)?;
    let mut taken = false;
    for row in &rows {
        let (existing, hash): (String, String) =
            (row.try_get(0).map_err(e)?, row.try_get(1).map_err(e)?);
        if hash == doc.content_hash {
            return Ok((Put::Duplicate { existing }, None));
        }
        taken = true;
    }
    if taken {
        return Ok((Put::IdConflict { id: id.clone() }, None));
    }
    let near = find_near(store, conn, batch, doc.simhash).await?;
    let seq = insert_document(store, conn, doc, near.as_ref(), now).await?;
    let put = match near {
        Some((of, distance)) => Put::NearDuplicate { of, distance },
        None => Put::New,
    };
    Ok((put, Some(seq)))
}

/// The closest earlier original within [`crate::NEAR_BITS`], if any: in
/// the store's index or earlier in this batch.
async fn find_near(
    store: &SqlStore,
    conn: &mut AnyConnection,
    batch: &NearIndex,
    hash: u64,
) -> Result<Option<(String, u32)>, StoreError> {
    let stored = store.near_index().nearest(hash);
    let best = match (stored, batch.nearest(hash)) {
        (Some(a), Some(b)) => Some(if b.1 < a.1 { b } else { a }),
        (a, b) => a.or(b),
    };
    let Some((seq, d)) = best else {
        return Ok(None);
    };
    let id: String = sqlx::query_scalar("SELECT id FROM documents WHERE seq = $1")
        .bind(seq)
        .fetch_one(&mut *conn)
        .await
        .map_err(|e| store.query_error(e))?;
    Ok(Some((id, d)))
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
    sqlx::query_scalar(
        "INSERT INTO documents (id, content_hash, simhash, duplicate_of, distance, published, \
         outlet, title, extractor, ingested_at, report_meta, body) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING seq",
    )
    .bind(&meta.id)
    .bind(&doc.content_hash)
    .bind(doc.simhash as i64)
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

/// Inserts claims, given with their document's `seq`, in report order:
/// `ord` counts from 0 within each document.
async fn insert_claims(
    store: &SqlStore,
    conn: &mut AnyConnection,
    claims: &[(i64, &Claim)],
) -> Result<(), StoreError> {
    let mut ords = Vec::with_capacity(claims.len());
    let mut last: Option<(i64, i64)> = None;
    for (seq, _) in claims {
        let ord = match last {
            Some((s, o)) if s == *seq => o + 1,
            _ => 0,
        };
        last = Some((*seq, ord));
        ords.push(ord);
    }
    for (chunk, ords) in claims
        .chunks(CLAIMS_PER_INSERT)
        .zip(ords.chunks(CLAIMS_PER_INSERT))
    {
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
        for ((seq, claim), ord) in chunk.iter().zip(ords) {
            let json = serde_json::to_string(claim).map_err(|e| store.corrupt("claim", e))?;
            query = query
                .bind(*seq)
                .bind(*ord)
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
    let mut tx: Transaction<'_, Any> = store.begin_write().await?;
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
    let claims: Vec<(i64, &Claim)> = report.claims.iter().map(|c| (seq, c)).collect();
    insert_claims(store, &mut tx, &claims).await?;
    // A new reading changes no document number: counted for readers that
    // follow the store (`Sequence::rewritten`).
    sqlx::query(
        "INSERT INTO store_meta (key, value) VALUES ('rewritten', '1') \
         ON CONFLICT (key) DO UPDATE \
         SET value = CAST(CAST(store_meta.value AS BIGINT) + 1 AS TEXT)",
    )
    .execute(&mut *tx)
    .await
    .map_err(e)?;
    tx.commit().await.map_err(e)?;
    Ok(true)
}
