//! The ledger users would see for some reports: read with `truce ingest`'s
//! readers ([`Sources`], [`truce_ingest::prepare`],
//! [`truce_ingest::store_prepared`]) into a store in memory, one batch at a
//! time, then loaded with the function every ledger command uses ([`truce_ingest::load_ledger`]), so duplicates and
//! near-duplicates are dropped exactly as they are for `truce status`.

use crate::EvalError;
use truce_extract::Extractor;
use truce_ingest::{Defaults, Sources, Summary};
use truce_ledger::Ledger;
use truce_store::SqlStore;

/// A ledger and what reading its inputs did.
#[derive(Debug)]
pub struct Built {
    pub ledger: Ledger,
    pub summary: Summary,
}

/// Reads `paths` (text files, folders, JSON Lines; `defaults` for text
/// files without a header) and builds their ledger.
pub fn build(
    paths: &[String],
    defaults: &Defaults,
    extractor: &Extractor,
) -> Result<Built, EvalError> {
    let fail = |e: &dyn std::fmt::Display| EvalError::Ledger(e.to_string());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fail(&e))?;
    let store = rt
        .block_on(SqlStore::open("sqlite::memory:"))
        .map_err(|e| fail(&e))?;
    let mut sources = Sources::new(paths);
    let mut summary = Summary::default();
    loop {
        let batch = sources.next_batch(truce_ingest::BATCH_DOCUMENTS);
        if batch.is_empty() {
            break;
        }
        let prepared = truce_ingest::prepare(extractor, batch, defaults);
        let outcome = rt
            .block_on(truce_ingest::store_prepared(&store, prepared))
            .map_err(|e| fail(&e))?;
        summary.absorb(outcome.summary);
    }
    summary.skipped = sources.skipped;
    let ledger = rt
        .block_on(truce_ingest::load_ledger(&store))
        .map_err(|e| fail(&e))?;
    rt.block_on(store.close());
    Ok(Built { ledger, summary })
}

/// What reading the inputs did, as notes for the score: counts, and every
/// input that failed.
pub fn notes(summary: &Summary) -> Vec<String> {
    let mut out = vec![format!(
        "read {}, new {}, duplicates {}, near-duplicates {}, failed {}",
        summary.read,
        summary.new,
        summary.duplicates,
        summary.near_duplicates,
        summary.failed.len()
    )];
    out.extend(summary.failed.iter().map(|f| format!("failed: {f}")));
    out
}
