//! The server follows its store: every answer comes from one
//! [`Generation`] (the ledger, the catalog and the counts read in one store
//! transaction, with the store's [`Sequence`]), shared behind an `Arc`.
//!
//! A poll of [`Store::sequence`] (every [`DEFAULT_POLL`]) notices what any
//! process wrote (the CLI, another server); a new sequence starts one
//! rebuild, and the new generation replaces the old one at once. When only
//! documents were added, the new generation is the old one extended by
//! them; a new reading of a stored document rebuilds from scratch.
//!
//! Expensive answers are computed once per generation: the first request
//! starts the computation, concurrent ones wait for it (single-flight).

use crate::catalog::Catalog;
use crate::error::ApiError;
use axum::body::Bytes;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, Weak};
use std::time::Duration;
use tokio::sync::{OnceCell, watch};
use truce_ledger::{Counts, Dispute, Ledger, TruceView, Violation};
use truce_store::{Sequence, SqlStore, Stats, Store, StoreError};

/// How often a server asks its store whether anything changed (two
/// indexed look-ups; a change is answered within this plus the rebuild).
pub const DEFAULT_POLL: Duration = Duration::from_millis(500);

/// Answers kept per generation before the finished ones are dropped.
const MAX_ANSWERS: usize = 512;
/// Bytes of answers kept per generation before the finished ones are dropped.
const MAX_ANSWER_BYTES: usize = 256 * 1024 * 1024;

/// A finished computation: a whole answer, or the items of a list (each
/// serialised on its own, so that a page is a slice).
#[derive(Clone)]
pub(crate) enum Computed {
    Reply {
        bytes: Bytes,
        content_type: &'static str,
    },
    List(Arc<Vec<Bytes>>),
    /// The positions, in a list the generation holds, of what the filters
    /// select.
    Indices(Arc<Vec<u32>>),
    /// One page of a list walked in place, and where the next starts.
    Page {
        items: Arc<Vec<Bytes>>,
        next: Option<u64>,
        total: Option<usize>,
    },
}

impl Computed {
    fn size(&self) -> usize {
        match self {
            Computed::Reply { bytes, .. } => bytes.len(),
            Computed::List(items) | Computed::Page { items, .. } => {
                items.iter().map(|i| i.len() + 16).sum()
            }
            Computed::Indices(v) => v.len() * 4,
        }
    }
}

type Cell = Arc<OnceCell<Result<Computed, ApiError>>>;

#[derive(Default)]
struct Answers {
    cells: HashMap<String, Cell>,
    bytes: usize,
}

/// One consistent state of the store, as the server answers from it.
pub struct Generation {
    sequence: Sequence,
    pub(crate) ledger: Ledger,
    pub(crate) catalog: Catalog,
    pub(crate) stats: Stats,
    answers: Mutex<Answers>,
    /// Whole-ledger questions several answers share (the overview, the
    /// lists, the counts), each asked of the ledger once.
    truces: OnceLock<Vec<TruceView>>,
    violations: OnceLock<Vec<Violation>>,
    disputes: OnceLock<Vec<Dispute>>,
}

impl Generation {
    fn new(sequence: Sequence, ledger: Ledger, catalog: Catalog, stats: Stats) -> Self {
        Generation {
            sequence,
            ledger,
            catalog,
            stats,
            answers: Mutex::new(Answers::default()),
            truces: OnceLock::new(),
            violations: OnceLock::new(),
            disputes: OnceLock::new(),
        }
    }

    /// Every truce record (computed on first use; blocks meanwhile).
    pub(crate) fn truces(&self) -> &[TruceView] {
        self.truces.get_or_init(|| self.ledger.truces())
    }

    /// Every violation (computed on first use; blocks meanwhile).
    pub(crate) fn violations(&self) -> &[Violation] {
        self.violations.get_or_init(|| self.ledger.violations(None))
    }

    /// Every dispute (computed on first use; blocks meanwhile).
    pub(crate) fn disputes(&self) -> &[Dispute] {
        self.disputes.get_or_init(|| self.ledger.disputes())
    }

    /// The ledger's counts, from the shared lists.
    pub(crate) fn counts(&self) -> Counts {
        Counts {
            documents: self.ledger.len(),
            claims: self.catalog.entries.iter().map(|e| e.claims.len()).sum(),
            truces: self.truces().len(),
            incidents: self
                .catalog
                .entries
                .iter()
                .flat_map(|e| &e.claims)
                .filter(|c| c.kind.as_str().starts_with("incident."))
                .count(),
            violations: self.violations().len(),
            disputes: self.disputes().len(),
        }
    }

    /// The store's sequence this generation was read at.
    pub fn sequence(&self) -> Sequence {
        self.sequence
    }

    /// The ledger of this generation.
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// The store's counts, read with the reports.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    fn cell(&self, key: &str) -> Cell {
        let mut answers = self.answers.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(c) = answers.cells.get(key) {
            return c.clone();
        }
        if answers.cells.len() >= MAX_ANSWERS || answers.bytes >= MAX_ANSWER_BYTES {
            // Keep only what is being computed: its waiters hold it anyway.
            answers.cells.retain(|_, c| !c.initialized());
            answers.bytes = 0;
        }
        let c: Cell = Arc::default();
        answers.cells.insert(key.to_string(), c.clone());
        c
    }

    fn forget(&self, key: &str) {
        let mut answers = self.answers.lock().unwrap_or_else(PoisonError::into_inner);
        answers.cells.remove(key);
    }

    fn count_bytes(&self, n: usize) {
        let mut answers = self.answers.lock().unwrap_or_else(PoisonError::into_inner);
        answers.bytes = answers.bytes.saturating_add(n);
    }
}

/// The current generation and what replaces it.
pub(crate) struct Live {
    current: watch::Sender<Arc<Generation>>,
    /// One rebuild at a time.
    refreshing: tokio::sync::Mutex<()>,
    /// Computations started through [`Live::once`].
    computations: AtomicU64,
    /// Generations built after the first.
    rebuilds: AtomicU64,
}

impl Live {
    /// The first generation, read from the store.
    pub(crate) async fn load(store: &SqlStore) -> Result<Arc<Live>, StoreError> {
        let snap = store.snapshot(0).await?;
        let generation = build(None, snap).await?;
        let (current, _) = watch::channel(Arc::new(generation));
        Ok(Arc::new(Live {
            current,
            refreshing: tokio::sync::Mutex::new(()),
            computations: AtomicU64::new(0),
            rebuilds: AtomicU64::new(0),
        }))
    }

    pub(crate) fn current(&self) -> Arc<Generation> {
        self.current.borrow().clone()
    }

    pub(crate) fn subscribe(&self) -> watch::Receiver<Arc<Generation>> {
        self.current.subscribe()
    }

    pub(crate) fn computations(&self) -> u64 {
        self.computations.load(Ordering::Relaxed)
    }

    pub(crate) fn rebuilds(&self) -> u64 {
        self.rebuilds.load(Ordering::Relaxed)
    }

    /// Brings the generation up to the store's sequence; `true` if a new
    /// one was built. Concurrent calls wait for each other, so a caller
    /// that wrote before calling sees its write when this returns.
    pub(crate) async fn refresh(&self, store: &SqlStore) -> Result<bool, StoreError> {
        let _one = self.refreshing.lock().await;
        let old = self.current();
        let now = store.sequence().await?;
        if now == old.sequence {
            return Ok(false);
        }
        let started = std::time::Instant::now();
        let appended_only =
            now.rewritten == old.sequence.rewritten && now.appended >= old.sequence.appended;
        let mut snap = store
            .snapshot(if appended_only {
                old.sequence.appended
            } else {
                0
            })
            .await?;
        let mut base = Some(old);
        if appended_only && snap.sequence.rewritten != now.rewritten {
            // A new reading came in between the two reads.
            snap = store.snapshot(0).await?;
            base = None;
        } else if !appended_only {
            base = None;
        }
        let read = started.elapsed();
        let (extended, added, at) = (base.is_some(), snap.reports.len(), snap.sequence);
        let generation = build(base, snap).await?;
        self.rebuilds.fetch_add(1, Ordering::Relaxed);
        let old = self.current.send_replace(Arc::new(generation));
        // Freeing a ledger takes a while: not on the async workers.
        tokio::task::spawn_blocking(move || drop(old));
        eprintln!(
            "truce serve: store at {at}: {} with {added} report(s) in {} ms (read {} ms)",
            if extended { "extended" } else { "rebuilt" },
            started.elapsed().as_millis(),
            read.as_millis()
        );
        Ok(true)
    }

    /// The answer for `key` in `generation`: computed by `compute` once,
    /// however many requests ask at the same time. The computation runs as
    /// a task of its own, so a request that gives up does not cancel it
    /// for the others. Failures of the server (5xx) are not kept.
    pub(crate) async fn once<F, Fut>(
        self: &Arc<Self>,
        generation: &Arc<Generation>,
        key: &str,
        compute: F,
    ) -> Result<Computed, ApiError>
    where
        F: FnOnce(Arc<Generation>) -> Fut + Send + 'static,
        Fut: Future<Output = Result<Computed, ApiError>> + Send + 'static,
    {
        let cell = generation.cell(key);
        if let Some(done) = cell.get() {
            return done.clone();
        }
        let (live, g, k) = (self.clone(), generation.clone(), key.to_string());
        let task = tokio::spawn(async move {
            let out = cell
                .get_or_init(|| {
                    live.computations.fetch_add(1, Ordering::Relaxed);
                    let (g1, g2) = (g.clone(), g.clone());
                    async move {
                        let out = compute(g2).await;
                        if let Ok(c) = &out {
                            g1.count_bytes(c.size());
                        }
                        out
                    }
                })
                .await
                .clone();
            if matches!(&out, Err(e) if e.status.is_server_error()) {
                g.forget(&k);
            }
            out
        });
        task.await
            .map_err(|e| ApiError::internal("computation", e))?
    }
}

/// A generation from a store snapshot: the old one extended by the new
/// reports when `base` is given, else built from scratch.
async fn build(
    base: Option<Arc<Generation>>,
    snap: truce_store::Snapshot,
) -> Result<Generation, StoreError> {
    let truce_store::Snapshot {
        sequence,
        reports,
        stats,
    } = snap;
    tokio::task::spawn_blocking(move || match base {
        Some(old) => {
            let mut catalog = old.catalog.clone();
            catalog.add_all(&reports);
            let mut ledger = old.ledger.clone();
            ledger.extend(reports);
            Generation::new(sequence, ledger, catalog, stats)
        }
        None => {
            let catalog = Catalog::from_reports(&reports);
            let ledger = Ledger::from_reports(truce_geo::Gazetteer::embedded(), reports);
            Generation::new(sequence, ledger, catalog, stats)
        }
    })
    .await
    .map_err(|e| StoreError::Query {
        location: "the ledger".into(),
        reason: format!("building the ledger failed: {e}"),
    })
}

/// Polls the store every `every` and refreshes; stops when the server's
/// state is gone. A failing poll is logged once until it succeeds again.
pub(crate) fn follow(live: Weak<Live>, store: Arc<SqlStore>, every: Duration) {
    if every.is_zero() {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tick.tick().await;
        let mut failing = false;
        loop {
            tick.tick().await;
            let Some(live) = live.upgrade() else {
                break;
            };
            match live.refresh(&store).await {
                Ok(_) => failing = false,
                Err(e) => {
                    if !failing {
                        eprintln!("truce serve: following the store: {e}");
                    }
                    failing = true;
                }
            }
        }
    });
}
