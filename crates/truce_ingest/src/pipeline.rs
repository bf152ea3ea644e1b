//! Runs: storing prepared batches, whole ingests, re-extraction, and the
//! ledger built from a store.

use crate::prepare::{Prepared, prepare};
use crate::sources::Sources;
use crate::{BATCH_DOCUMENTS, Defaults, Failure, IngestError, Summary};
use rayon::prelude::*;
use truce_extract::{EXTRACTOR_VERSION, Extractor, Input};
use truce_ledger::Ledger;
use truce_model::Report;
use truce_store::{Put, Store, StoreError, StoredDocument};

/// What storing a batch did, and the new reports (not near-duplicates),
/// for a ledger kept in memory.
#[derive(Debug, Default)]
pub struct Outcome {
    pub summary: Summary,
    pub added: Vec<Report>,
}

/// Stores a prepared batch in one transaction.
pub async fn store_prepared(store: &impl Store, prepared: Prepared) -> Result<Outcome, StoreError> {
    let puts = store.put_batch(&prepared.docs).await?;
    let mut outcome = Outcome {
        summary: Summary {
            read: prepared.read,
            failed: prepared.failures,
            ..Summary::default()
        },
        added: Vec::new(),
    };
    let summary = &mut outcome.summary;
    for ((doc, (input, line)), put) in prepared.docs.into_iter().zip(prepared.origins).zip(puts) {
        match put {
            Put::New => {
                summary.new += 1;
                outcome.added.push(doc.report);
            }
            Put::Duplicate { .. } => summary.duplicates += 1,
            Put::NearDuplicate { .. } => summary.near_duplicates += 1,
            Put::IdConflict { id } => summary.failed.push(Failure {
                input,
                line,
                id: Some(id),
                reason: "another text is already stored under this id".into(),
            }),
        }
    }
    Ok(outcome)
}

/// Reads, extracts and stores every input of `sources`, batch by batch,
/// calling `progress` with the running totals after each batch. Reading and
/// extraction run on their own thread (and every core), one batch ahead of
/// storing, which runs on `rt`.
///
/// A store error ends the run: the channel to the reading thread is closed
/// at once, so a reader waiting to hand over a batch stops (it finishes the
/// read or extraction under way first), and the error is returned.
pub fn ingest(
    rt: &tokio::runtime::Runtime,
    store: &impl Store,
    extractor: &Extractor,
    sources: &mut Sources,
    defaults: &Defaults,
    mut progress: impl FnMut(&Summary),
) -> Result<Summary, IngestError> {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Prepared>(1);
    let stored = std::thread::scope(|scope| {
        let reader = &mut *sources;
        let handle = scope.spawn(move || read_ahead(reader, extractor, defaults, &tx));
        let stored = rt.block_on(store_all(store, &mut rx, &mut progress));
        // Closing the channel before the join wakes a reader blocked on it.
        drop(rx);
        handle.join().map(|()| stored)
    })
    .map_err(|_| IngestError::Reader("the reading thread stopped on an internal error".into()))?;
    let mut total = stored?;
    total.skipped = sources.skipped;
    total.notes.clone_from(&sources.notes);
    Ok(total)
}

/// The reading side: batches read and extracted until the inputs end or
/// the storing side hangs up.
fn read_ahead(
    sources: &mut Sources,
    extractor: &Extractor,
    defaults: &Defaults,
    tx: &tokio::sync::mpsc::Sender<Prepared>,
) {
    while !tx.is_closed() {
        let batch = sources.next_batch(BATCH_DOCUMENTS);
        if batch.is_empty()
            || tx
                .blocking_send(prepare(extractor, batch, defaults))
                .is_err()
        {
            break;
        }
    }
}

async fn store_all(
    store: &impl Store,
    rx: &mut tokio::sync::mpsc::Receiver<Prepared>,
    progress: &mut impl FnMut(&Summary),
) -> Result<Summary, StoreError> {
    let mut total = Summary::default();
    while let Some(prepared) = rx.recv().await {
        let outcome = store_prepared(store, prepared).await?;
        total.absorb(outcome.summary);
        progress(&total);
    }
    Ok(total)
}

/// What a re-extraction did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Reextracted {
    /// Documents that needed a new reading (all of them with `all`).
    pub stale: usize,
    pub reextracted: usize,
    pub failed: Vec<Failure>,
}

/// Reads again, with this extractor, every stored document that an older
/// extractor read (every document with `all`), keeping ids and texts.
pub async fn reextract(
    store: &impl Store,
    extractor: &Extractor,
    all: bool,
    mut progress: impl FnMut(&Reextracted),
) -> Result<Reextracted, StoreError> {
    let ids = store
        .stale(if all { "" } else { EXTRACTOR_VERSION })
        .await?;
    let mut done = Reextracted {
        stale: ids.len(),
        ..Reextracted::default()
    };
    for chunk in ids.chunks(BATCH_DOCUMENTS) {
        let mut docs = Vec::with_capacity(chunk.len());
        for id in chunk {
            if let Some(doc) = store.document(id).await? {
                docs.push(doc);
            }
        }
        let readings: Vec<Result<Report, Failure>> = docs
            .par_iter()
            .map(|doc| read_again(extractor, doc))
            .collect();
        for reading in readings {
            match reading {
                Ok(report) => {
                    if store.replace_reading(&report).await? {
                        done.reextracted += 1;
                    }
                }
                Err(failure) => done.failed.push(failure),
            }
        }
        progress(&done);
    }
    Ok(done)
}

fn read_again(extractor: &Extractor, doc: &StoredDocument) -> Result<Report, Failure> {
    let meta = &doc.report.document;
    let mut input = Input::new(&doc.text, &meta.published).map_err(|e| Failure {
        input: "store".into(),
        line: None,
        id: Some(meta.id.clone()),
        reason: e.to_string(),
    })?;
    input.id = Some(meta.id.clone());
    input.outlet.clone_from(&meta.outlet);
    input.title.clone_from(&meta.title);
    input.url.clone_from(&meta.url);
    input.language.clone_from(&meta.language);
    crate::outlet::fill(&mut input.outlet, input.url.as_deref());
    Ok(extractor.extract(&input))
}

/// The ledger of every stored report that is not a near-duplicate.
pub async fn load_ledger(store: &impl Store) -> Result<Ledger, StoreError> {
    let reports = store.reports().await?;
    Ok(Ledger::from_reports(
        truce_geo::Gazetteer::embedded(),
        reports,
    ))
}
