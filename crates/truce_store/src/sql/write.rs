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
    // Claims of the whole batch go in together: fewer statements.
    let mut claims: Vec<(i64, &Claim)> = Vec::new();
    for doc in docs {
        let (put, seq) = put_one(store, &mut tx, doc, &now).await?;
        if let Some(seq) = seq {
            claims.extend(doc.report.claims.iter().map(|c| (seq, c)));
        }
        out.push(put);
    }
    insert_claims(store, &mut tx, &claims).await?;
    tx.commit().await.map_err(e)?;
    Ok(out)
}

/// Stores one document (not its claims); returns what happened and the
/// new row's `seq` when it was stored.
async fn put_one(
    store: &SqlStore,
    conn: &mut AnyConnection,
    doc: &NewDocument,
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
    let near = find_near(store, conn, doc.simhash).await?;
    let seq = insert_document(store, conn, doc, near.as_ref(), now).await?;
    let put = match near {
        Some((of, distance)) => Put::NearDuplicate { of, distance },
        None => Put::New,
    };
    Ok((put, Some(seq)))
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
    let e = |e| store.query_error(e);
    let rows = sqlx::query(
        "SELECT seq, simhash FROM documents WHERE band0 = $1 OR band1 = $2 OR band2 = $3 \
         OR band3 = $4 OR band4 = $5 OR band5 = $6",
    )
    .bind(b0)
    .bind(b1)
    .bind(b2)
    .bind(b3)
    .bind(b4)
    .bind(b5)
    .fetch_all(&mut *conn)
    .await
    .map_err(e)?;
    let mut best: Option<(i64, u32)> = None;
    for row in rows {
        let seq: i64 = row.try_get(0).map_err(e)?;
        let other: i64 = row.try_get(1).map_err(e)?;
        let d = distance(hash, other as u64);
        let better = best.is_none_or(|(s, b)| d < b || (d == b && seq < s));
        if d <= NEAR_BITS && better {
            best = Some((seq, d));
        }
    }
    let Some((seq, d)) = best else {
        return Ok(None);
    };
    let id: String = sqlx::query_scalar("SELECT id FROM documents WHERE seq = $1")
        .bind(seq)
        .fetch_one(&mut *conn)
        .await
        .map_err(e)?;
    let best = Some((id, d));
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
    // Only originals with a fingerprint can be found as the first copy.
    let [b0, b1, b2, b3, b4, b5] = if near.is_none() && doc.simhash != 0 {
        bands(doc.simhash)
    } else {
        [-1; 6]
    };
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
    let claims: Vec<(i64, &Claim)> = report.claims.iter().map(|c| (seq, c)).collect();
    insert_claims(store, &mut tx, &claims).await?;
    tx.commit().await.map_err(e)?;
    Ok(true)
}
