//! Writes: a batch of documents in one transaction; a new reading of a
//! stored document.
//!
//! A batch costs a fixed number of statements, whatever its size: one
//! look-up of the batch's content hashes and ids, one of the ids of the
//! near-duplicates' originals, then multi-row `INSERT`s (documents
//! [`DOCS_PER_INSERT`] at a time, claims [`CLAIMS_PER_INSERT`] at a time).
//! What each document is (new, duplicate, near-duplicate, id conflict) is
//! decided in memory, in batch order, between the look-ups and the
//! inserts. Statements of one shape are prepared once per connection and
//! reused (sqlx's statement cache); look-up lists are padded to a fixed
//! length so that every batch uses the same few shapes. SQLite gets
//! anonymous `?` placeholders (its driver resolves a `$n` name by a linear
//! search, which makes a statement of many parameters quadratic),
//! PostgreSQL `$n`.

use super::SqlStore;
use crate::location::Backend;
use crate::near::NearIndex;
use crate::{NewDocument, Put, StoreError};
use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, Row, Transaction};
use std::collections::{HashMap, HashSet};
use truce_model::{Claim, Report};

/// Documents inserted per statement at most (12 values each).
const DOCS_PER_INSERT: usize = 256;

/// Claims inserted per statement at most (5 values each); both limits stay
/// far below SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const CLAIMS_PER_INSERT: usize = 1024;

/// Values per `IN (...)` look-up at most.
const LOOKUP: usize = 256;

/// What the look-ups decided for one document of a batch.
enum Plan {
    Done(Put),
    /// To insert, as a near-duplicate of this earlier original when given:
    /// its `seq` in the store (`Stored`) or its position in the batch.
    Insert(Option<(Origin, u32)>),
}

#[derive(Clone, Copy)]
enum Origin {
    Stored(i64),
    Batch(usize),
}

pub(super) async fn put_batch(
    store: &SqlStore,
    docs: &[NewDocument],
) -> Result<Vec<Put>, StoreError> {
    let e = |e| store.query_error(e);
    let mut tx: Transaction<'_, Any> = store.begin_write().await?;
    refresh_near(store, &mut tx).await?;
    let plans = plan(store, &mut tx, docs).await?;
    let near_ids = near_ids(store, &mut tx, &plans).await?;

    // The rows to insert, in batch order (their `seq`s follow it).
    let now = jiff::Timestamp::now().to_string();
    let mut rows: Vec<DocumentRow<'_>> = Vec::new();
    for (doc, plan) in docs.iter().zip(&plans) {
        if let Plan::Insert(near) = plan {
            let near = near.map(|(origin, distance)| {
                let id = match origin {
                    Origin::Stored(seq) => near_ids.get(&seq).cloned().unwrap_or_default(),
                    Origin::Batch(at) => docs[at].report.document.id.clone(),
                };
                (id, distance)
            });
            rows.push(DocumentRow {
                doc,
                near,
                meta: serde_json::to_string(&doc.report.document)
                    .map_err(|e| store.corrupt("document", e))?,
            });
        }
    }
    let seqs = insert_documents(store, &mut tx, &rows, &now).await?;
    let mut claims: Vec<(i64, &Claim)> = Vec::new();
    for (row, seq) in rows.iter().zip(&seqs) {
        claims.extend(row.doc.report.claims.iter().map(|c| (*seq, c)));
    }
    insert_claims(store, &mut tx, &claims).await?;
    tx.commit().await.map_err(e)?;

    // Only now that the batch is stored: its originals join the index.
    let mut index = store.near_index();
    for (row, seq) in rows.iter().zip(&seqs) {
        index.add(
            *seq,
            if row.near.is_none() {
                row.doc.simhash
            } else {
                0
            },
        );
    }
    drop(index);
    let mut out = Vec::with_capacity(docs.len());
    let mut rows = rows.into_iter();
    for plan in plans {
        out.push(match plan {
            Plan::Done(put) => put,
            Plan::Insert(_) => match rows.next().and_then(|r| r.near) {
                Some((of, distance)) => Put::NearDuplicate { of, distance },
                None => Put::New,
            },
        });
    }
    Ok(out)
}

/// Decides, in batch order, what each document is: a duplicate of a
/// stored or earlier text, an id taken by another text, or a document to
/// insert (near-duplicate or not). One look-up per [`LOOKUP`] documents.
async fn plan(
    store: &SqlStore,
    conn: &mut AnyConnection,
    docs: &[NewDocument],
) -> Result<Vec<Plan>, StoreError> {
    let e = |e| store.query_error(e);
    // content hash → id, and the ids taken, among the stored documents
    // that the batch could clash with (then the batch's own, as it goes).
    let mut by_hash: HashMap<String, String> = HashMap::new();
    let mut ids: HashSet<String> = HashSet::new();
    for chunk in docs.chunks(LOOKUP) {
        let n = padded(chunk.len(), LOOKUP);
        let sql = format!(
            "SELECT id, content_hash FROM documents WHERE content_hash IN ({}) OR id IN ({})",
            list(store.backend, 1, n),
            list(store.backend, n + 1, n)
        );
        let mut query = sqlx::query(&sql);
        for i in 0..n {
            query = query.bind(chunk[i.min(chunk.len() - 1)].content_hash.as_str());
        }
        for i in 0..n {
            query = query.bind(chunk[i.min(chunk.len() - 1)].report.document.id.as_str());
        }
        for row in query.fetch_all(&mut *conn).await.map_err(e)? {
            let (id, hash): (String, String) =
                (row.try_get(0).map_err(e)?, row.try_get(1).map_err(e)?);
            ids.insert(id.clone());
            by_hash.insert(hash, id);
        }
    }
    let stored = store.near_index();
    // Originals inserted earlier in this batch, by position.
    let mut batch = NearIndex::default();
    let mut plans = Vec::with_capacity(docs.len());
    for (at, doc) in docs.iter().enumerate() {
        let id = &doc.report.document.id;
        if let Some(existing) = by_hash.get(&doc.content_hash) {
            plans.push(Plan::Done(Put::Duplicate {
                existing: existing.clone(),
            }));
            continue;
        }
        if ids.contains(id) {
            plans.push(Plan::Done(Put::IdConflict { id: id.clone() }));
            continue;
        }
        // The closest earlier original: in the store, else (when closer)
        // earlier in this batch.
        let near = match (stored.nearest(doc.simhash), batch.nearest(doc.simhash)) {
            (Some((seq, a)), Some((_, b))) if a <= b => Some((Origin::Stored(seq), a)),
            (_, Some((pos, b))) => Some((Origin::Batch(pos as usize), b)),
            (Some((seq, a)), None) => Some((Origin::Stored(seq), a)),
            (None, None) => None,
        };
        if near.is_none() {
            batch.add(at as i64, doc.simhash);
        }
        by_hash.insert(doc.content_hash.clone(), id.clone());
        ids.insert(id.clone());
        plans.push(Plan::Insert(near));
    }
    Ok(plans)
}

/// The ids of the stored originals that the batch's near-duplicates
/// repeat, by `seq`.
async fn near_ids(
    store: &SqlStore,
    conn: &mut AnyConnection,
    plans: &[Plan],
) -> Result<HashMap<i64, String>, StoreError> {
    let e = |e| store.query_error(e);
    let mut seqs: Vec<i64> = plans
        .iter()
        .filter_map(|p| match p {
            Plan::Insert(Some((Origin::Stored(seq), _))) => Some(*seq),
            _ => None,
        })
        .collect();
    seqs.sort_unstable();
    seqs.dedup();
    let mut found = HashMap::with_capacity(seqs.len());
    for chunk in seqs.chunks(LOOKUP) {
        let n = padded(chunk.len(), LOOKUP);
        let sql = format!(
            "SELECT seq, id FROM documents WHERE seq IN ({})",
            list(store.backend, 1, n)
        );
        let mut query = sqlx::query(&sql);
        for i in 0..n {
            query = query.bind(chunk[i.min(chunk.len() - 1)]);
        }
        for row in query.fetch_all(&mut *conn).await.map_err(e)? {
            found.insert(row.try_get(0).map_err(e)?, row.try_get(1).map_err(e)?);
        }
    }
    Ok(found)
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

/// A document to insert, with the original it nearly repeats and its
/// metadata as JSON.
struct DocumentRow<'a> {
    doc: &'a NewDocument,
    near: Option<(String, u32)>,
    meta: String,
}

/// Inserts documents in their order; returns their new `seq`s, in the
/// same order.
async fn insert_documents(
    store: &SqlStore,
    conn: &mut AnyConnection,
    rows: &[DocumentRow<'_>],
    now: &str,
) -> Result<Vec<i64>, StoreError> {
    let e = |e| store.query_error(e);
    let mut seqs = Vec::with_capacity(rows.len());
    for chunk in chunks(rows, DOCS_PER_INSERT) {
        let sql = format!(
            "INSERT INTO documents (id, content_hash, simhash, duplicate_of, distance, \
             published, outlet, title, extractor, ingested_at, report_meta, body) \
             VALUES {} RETURNING seq, id",
            values(store.backend, chunk.len(), 12)
        );
        let mut query = sqlx::query(&sql);
        for row in chunk {
            let meta = &row.doc.report.document;
            // Borrowed, not copied, into the arguments.
            query = query
                .bind(meta.id.as_str())
                .bind(row.doc.content_hash.as_str())
                .bind(row.doc.simhash as i64)
                .bind(row.near.as_ref().map(|(id, _)| id.as_str()))
                .bind(row.near.as_ref().map(|(_, d)| i64::from(*d)))
                .bind(meta.published.as_str())
                .bind(meta.outlet.as_deref())
                .bind(meta.title.as_deref())
                .bind(meta.extractor.as_str())
                .bind(now)
                .bind(row.meta.as_str())
                .bind(row.doc.text.as_str());
        }
        // RETURNING gives no promise of order: rows are matched by id
        // (unique within what a batch inserts).
        let mut by_id: HashMap<String, i64> = HashMap::with_capacity(chunk.len());
        for r in query.fetch_all(&mut *conn).await.map_err(e)? {
            by_id.insert(r.try_get(1).map_err(e)?, r.try_get(0).map_err(e)?);
        }
        for row in chunk {
            let id = &row.doc.report.document.id;
            let seq = by_id.get(id).copied().ok_or_else(|| {
                store.corrupt("documents", format!("no sequence number returned for {id}"))
            })?;
            seqs.push(seq);
        }
    }
    Ok(seqs)
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
    let mut done = 0;
    for chunk in chunks(claims, CLAIMS_PER_INSERT) {
        let ords = &ords[done..done + chunk.len()];
        done += chunk.len();
        let sql = format!(
            "INSERT INTO claims (document_seq, ord, kind, modality, claim) VALUES {}",
            values(store.backend, chunk.len(), 5)
        );
        let mut query: Query<'_, Any, AnyArguments<'_>> = sqlx::query(&sql);
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

/// `items` cut into runs of power-of-two lengths, the longest first, none
/// longer than `max` (a power of two): 300 items with `max` 256 are runs
/// of 256, 32, 8 and 4. Few statement shapes, each prepared once.
fn chunks<T>(items: &[T], max: usize) -> impl Iterator<Item = &[T]> {
    let mut rest = items;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let n = if rest.len() >= max {
            max
        } else {
            1 << rest.len().ilog2()
        };
        let (run, tail) = rest.split_at(n);
        rest = tail;
        Some(run)
    })
}

/// The length a look-up list of `n` values is padded to (by repeating a
/// value): the next power of two, at most `max`.
fn padded(n: usize, max: usize) -> usize {
    n.max(1).next_power_of_two().min(max)
}

/// `n` placeholders separated by commas, numbered from `first` on
/// PostgreSQL.
fn list(backend: Backend, first: usize, n: usize) -> String {
    let mut out = String::with_capacity(n * 6);
    for i in 0..n {
        if i > 0 {
            out.push_str(", ");
        }
        match backend {
            Backend::Sqlite => out.push('?'),
            Backend::Postgres => {
                out.push('$');
                out.push_str(&(first + i).to_string());
            }
        }
    }
    out
}

/// `rows` tuples of `cols` placeholders: `(?, ?), (?, ?)` or
/// `($1, $2), ($3, $4)`.
fn values(backend: Backend, rows: usize, cols: usize) -> String {
    let mut out = String::with_capacity(rows * cols * 6);
    for r in 0..rows {
        if r > 0 {
            out.push_str(", ");
        }
        out.push('(');
        out.push_str(&list(backend, r * cols + 1, cols));
        out.push(')');
    }
    out
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
