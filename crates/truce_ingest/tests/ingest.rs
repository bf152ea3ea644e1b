//! Whole runs: a store that fails ends the run (no thread left waiting),
//! and loose inputs (a byte order mark, a FIFO in a folder) are read or
//! skipped, never waited on.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;
use truce_ingest::{BATCH_DOCUMENTS, Defaults, Sources, Summary};
use truce_model::Report;
use truce_store::{DocumentSummary, NewDocument, Put, Stats, Store, StoreError, StoredDocument};

/// Generous: a run that has not ended by then is hung.
const HUNG: Duration = Duration::from_secs(60);

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("truce-ingest-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// A store whose every write fails, as a full disk or a held lock would.
struct FailingStore;

fn full() -> StoreError {
    StoreError::Query {
        location: "full.db".into(),
        reason: "database or disk is full".into(),
    }
}

impl Store for FailingStore {
    async fn put_batch(&self, _: &[NewDocument]) -> Result<Vec<Put>, StoreError> {
        Err(full())
    }
    async fn document(&self, _: &str) -> Result<Option<StoredDocument>, StoreError> {
        Ok(None)
    }
    async fn documents(&self, _: i64, _: i64) -> Result<Vec<DocumentSummary>, StoreError> {
        Ok(Vec::new())
    }
    async fn reports(&self) -> Result<Vec<Report>, StoreError> {
        Ok(Vec::new())
    }
    async fn stale(&self, _: &str) -> Result<Vec<String>, StoreError> {
        Ok(Vec::new())
    }
    async fn replace_reading(&self, _: &Report) -> Result<bool, StoreError> {
        Err(full())
    }
    async fn stats(&self) -> Result<Stats, StoreError> {
        Ok(Stats::default())
    }
    async fn sequence(&self) -> Result<truce_store::Sequence, StoreError> {
        Ok(truce_store::Sequence::default())
    }
    async fn snapshot(&self, _: i64) -> Result<truce_store::Snapshot, StoreError> {
        Ok(truce_store::Snapshot::default())
    }
    async fn document_page(
        &self,
        _: &truce_store::DocumentPage,
    ) -> Result<Vec<DocumentSummary>, StoreError> {
        Ok(Vec::new())
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// Runs an ingest of `inputs` into `store` on a thread; `None` if it has not
/// ended within [`HUNG`].
fn ingest_within<S: Store + 'static>(
    store: S,
    inputs: Vec<String>,
) -> Option<Result<Summary, truce_ingest::IngestError>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let extractor = truce_extract::Extractor::new().expect("extractor");
        let mut sources = Sources::new(&inputs);
        let result = truce_ingest::ingest(
            &runtime(),
            &store,
            &extractor,
            &mut sources,
            &Defaults::default(),
            |_| {},
        );
        let _ = tx.send(result);
    });
    rx.recv_timeout(HUNG).ok()
}

/// A store in a file (a pool is tied to the runtime that opened it, and an
/// in-memory database to its one connection).
fn file_store(dir: &std::path::Path) -> truce_store::SqlStore {
    let db = dir.join("t.db");
    runtime()
        .block_on(truce_store::SqlStore::open(&db.display().to_string()))
        .expect("store")
}

#[test]
fn a_failing_store_ends_the_run_with_its_error() {
    let dir = scratch("failing");
    // More batches than the reader can hand over while the first fails.
    let lines: String = (0..BATCH_DOCUMENTS * 4)
        .map(|i| {
            format!(
                "{{\"id\": \"r{i}\", \"published\": \"2016-05-01\", \"text\": \"Report {i}: the truce held in Homs.\"}}\n"
            )
        })
        .collect();
    let input = dir.join("many.jsonl");
    std::fs::write(&input, lines).expect("write");
    let result = ingest_within(FailingStore, vec![input.display().to_string()])
        .expect("the run ends instead of hanging");
    let err = result.expect_err("the store's error");
    assert!(err.to_string().contains("full.db"), "{err}");
    assert!(err.to_string().contains("disk is full"), "{err}");
}

#[test]
fn a_byte_order_mark_before_json_lines_is_skipped() {
    let dir = scratch("bom");
    let input = dir.join("bom.jsonl");
    let line = r#"{"id": "b1", "published": "2016-05-01", "text": "The truce held in Homs."}"#;
    std::fs::write(&input, format!("\u{feff}{line}\n")).expect("write");
    let summary = ingest_within(file_store(&dir), vec![input.display().to_string()])
        .expect("ends")
        .expect("stored");
    assert!(summary.failed.is_empty(), "{:?}", summary.failed);
    assert_eq!(summary.new, 1);

    let extractor = truce_extract::Extractor::new().expect("extractor");
    let body = format!("\u{feff}{line}");
    let prepared =
        truce_ingest::prepare_jsonl(&extractor, "request", body.as_bytes(), &Defaults::default());
    assert!(prepared.failures.is_empty(), "{:?}", prepared.failures);
    assert_eq!(prepared.docs.len(), 1);
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_skipped_with_a_note() {
    let dir = scratch("fifo");
    std::fs::write(
        dir.join("a.txt"),
        "---\npublished: 2016-05-01\n---\nThe truce held in Homs.\n",
    )
    .expect("write");
    let fifo = dir.join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let summary = ingest_within(
        file_store(&scratch("fifo-store")),
        vec![dir.display().to_string()],
    )
    .expect("the FIFO is not opened")
    .expect("stored");
    assert_eq!((summary.new, summary.skipped), (1, 1), "{summary:?}");
    assert_eq!(summary.notes.len(), 1);
    assert!(summary.notes[0].contains("pipe.txt"), "{:?}", summary.notes);
    assert!(summary.notes[0].contains("FIFO"), "{:?}", summary.notes);
}
