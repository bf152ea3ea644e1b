//! `truce watch`: ingest new reports from a folder or a feed, round after
//! round, and send the alert events that are new.
//!
//! A round: read the source (a folder or file through `truce_ingest`, or
//! an http(s) URL of JSON Lines or RSS), store what is new (the store skips
//! texts it holds, by hash), load the ledger, derive the alert events
//! (`truce_alert::events`) and send those the delivery record does not
//! list, recording each after it is accepted. Killed and started again, a
//! watcher re-reads the source (nothing is stored twice) and sends only
//! what was not recorded: nothing lost, nothing sent twice (except, after a
//! `kill -9` in the middle of a delivery, that one event, with the same
//! id). SIGTERM and Ctrl-C stop it between two deliveries.

use crate::cli::WatchArgs;
use anyhow::{Context, Result, anyhow, bail};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use truce_alert::{AlertEvent, Delivered, Options, Webhook};
use truce_extract::Extractor;
use truce_ingest::{Defaults, Sources, Summary};
use truce_store::SqlStore;

/// Some inputs failed or an event could not be delivered (it stays
/// pending for the next round).
const EXIT_PARTIAL: u8 = 3;
/// Largest feed body read (the same as a batch of input).
const FEED_LIMIT: u64 = truce_ingest::BATCH_BYTES as u64;
/// Timeout of a feed download.
const FEED_TIMEOUT: Duration = Duration::from_secs(60);

/// Where events go.
enum Sink {
    Webhook(Webhook),
    Stdout,
}

impl Sink {
    fn name(&self) -> &str {
        match self {
            Sink::Webhook(w) => &w.url,
            Sink::Stdout => "stdout",
        }
    }

    fn send(&self, event: &AlertEvent) -> Result<()> {
        match self {
            Sink::Webhook(w) => Ok(w.deliver(event)?),
            Sink::Stdout => {
                let mut out = std::io::stdout().lock();
                serde_json::to_writer(&mut out, event)?;
                out.write_all(b"\n")?;
                out.flush()?;
                Ok(())
            }
        }
    }
}

struct Watch {
    rt: tokio::runtime::Runtime,
    store: SqlStore,
    extractor: Extractor,
    sink: Sink,
    delivered: Delivered,
    stop: Arc<AtomicBool>,
    wake: Arc<tokio::sync::Notify>,
}

pub fn run(db: Option<&str>, args: &WatchArgs) -> Result<ExitCode> {
    if args.every.as_secs() < 60 {
        bail!("--every must be at least 1m (got {})", args.every);
    }
    let location = crate::ledger_cmd::location(db)?;
    let state = match &args.state {
        Some(p) => p.clone(),
        None => default_state(&location)?,
    };
    let sink = match &args.webhook {
        Some(url) => {
            let file = args
                .secret_file
                .as_deref()
                .ok_or_else(|| anyhow!("--webhook needs --secret-file FILE"))?;
            let secret = truce_alert::read_secret(file)?;
            let mut hook = Webhook::new(url, secret)?;
            hook.timeout = Duration::from_secs(args.webhook_timeout);
            Sink::Webhook(hook)
        }
        None => Sink::Stdout,
    };
    check_source(&args.source)?;
    let delivered = Delivered::open(&state)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let store = rt.block_on(SqlStore::open(&location))?;
    let extractor = Extractor::new().context("building the extractor")?;
    let stop = Arc::new(AtomicBool::new(false));
    let wake = Arc::new(tokio::sync::Notify::new());
    {
        let (stop, wake) = (stop.clone(), wake.clone());
        rt.spawn(async move {
            truce_server::shutdown_signal().await;
            eprintln!("truce watch: stopping (after the delivery under way, if any)");
            stop.store(true, Ordering::SeqCst);
            wake.notify_one();
        });
    }
    let mut w = Watch {
        rt,
        store,
        extractor,
        sink,
        delivered,
        stop,
        wake,
    };
    let every = Duration::from_secs(args.every.as_secs().unsigned_abs());
    let mut round = 0u64;
    loop {
        round += 1;
        let code = w.round(args, round)?;
        if args.once || w.stopped() {
            return Ok(code);
        }
        let wake = w.wake.clone();
        w.rt.block_on(async {
            tokio::select! {
                () = tokio::time::sleep(every) => {},
                () = wake.notified() => {},
            }
        });
        if w.stopped() {
            eprintln!("truce watch: stopped");
            return Ok(ExitCode::SUCCESS);
        }
    }
}

impl Watch {
    fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// One round: ingest, derive, deliver. Errors of the store end the
    /// watch; a failed input or delivery is reported and retried next round.
    fn round(&mut self, args: &WatchArgs, n: u64) -> Result<ExitCode> {
        let mut partial = false;
        let summary = match self.ingest(args) {
            Ok(s) => s,
            // a feed that cannot be fetched now may answer next round
            Err(e) if !args.once && is_fetch(&e) => {
                eprintln!("truce watch: round {n}: {e:#}");
                Summary::default()
            }
            Err(e) => return Err(e),
        };
        for f in &summary.failed {
            eprintln!("truce watch: {f}");
            partial = true;
        }
        let ledger = self
            .rt
            .block_on(truce_ingest::load_ledger(&self.store))
            .context("loading the ledger")?;
        let options = match &args.now {
            Some(t) => Options::new(truce_ledger::parse_time(t)?, args.horizon),
            None => Options::now_in_home(args.horizon),
        };
        let events = truce_alert::events(&ledger, &options);
        let pending: Vec<AlertEvent> = self
            .delivered
            .pending(self.sink.name(), &events)
            .into_iter()
            .cloned()
            .collect();
        let mut sent = 0;
        for event in &pending {
            if self.stopped() {
                break;
            }
            match self.sink.send(event) {
                Ok(()) => {
                    self.delivered.record(self.sink.name(), event)?;
                    sent += 1;
                }
                Err(e) => {
                    // keep the order: the rest waits for the next round
                    eprintln!("truce watch: {e:#}");
                    partial = true;
                    break;
                }
            }
        }
        eprintln!(
            "truce watch: round {n}: {} new, {} already stored, {} failed; {} events, {sent} sent, {} pending",
            summary.new + summary.near_duplicates,
            summary.duplicates,
            summary.failed.len(),
            events.len(),
            pending.len() - sent,
        );
        Ok(if partial {
            ExitCode::from(EXIT_PARTIAL)
        } else {
            ExitCode::SUCCESS
        })
    }

    fn ingest(&self, args: &WatchArgs) -> Result<Summary> {
        let today = jiff::Zoned::now().date().to_string();
        let defaults = Defaults {
            published: args.published.clone(),
            outlet: args.outlet.clone(),
        };
        if !is_url(&args.source) {
            let mut sources = Sources::new(std::slice::from_ref(&args.source));
            return Ok(truce_ingest::ingest(
                &self.rt,
                &self.store,
                &self.extractor,
                &mut sources,
                &defaults,
                |_| {},
            )?);
        }
        let (content_type, body) = truce_alert::fetch(&args.source, FEED_TIMEOUT, FEED_LIMIT)?;
        let is_rss = content_type.contains("xml") || truce_ingest::rss::looks_like_rss(&body);
        let lines = if is_rss {
            let published = args.published.clone().unwrap_or(today);
            truce_ingest::rss::rss_to_jsonl(&args.source, &body, &published)?
        } else {
            body
        };
        let prepared =
            truce_ingest::prepare_jsonl(&self.extractor, &args.source, &lines, &defaults);
        let outcome = self
            .rt
            .block_on(truce_ingest::store_prepared(&self.store, prepared))?;
        Ok(outcome.summary)
    }
}

fn is_url(source: &str) -> bool {
    source.starts_with("http://") || source.starts_with("https://")
}

fn is_fetch(e: &anyhow::Error) -> bool {
    matches!(
        e.downcast_ref::<truce_alert::AlertError>(),
        Some(truce_alert::AlertError::Fetch { .. })
    )
}

/// A folder or file that exists, or an http(s) URL.
fn check_source(source: &str) -> Result<()> {
    if is_url(source) {
        return Ok(());
    }
    if source.contains("://") {
        bail!("cannot watch {source:?}: only http:// and https:// URLs, folders and files");
    }
    std::fs::metadata(source).map_err(|e| anyhow!("cannot watch {source:?}: {e}"))?;
    Ok(())
}

/// `STORE.alerts.jsonl` beside an SQLite file; other stores need --state.
pub(crate) fn default_state(location: &str) -> Result<PathBuf> {
    let need = || {
        anyhow!(
            "give --state FILE for the record of delivered alerts (the store {location:?} is not a file)"
        )
    };
    if location.starts_with("postgres:") || location.starts_with("postgresql:") {
        return Err(need());
    }
    let path = match location.strip_prefix("sqlite:") {
        Some(rest) => rest
            .trim_start_matches("//")
            .split('?')
            .next()
            .unwrap_or(""),
        None => location,
    };
    if path.is_empty() || path.contains(":memory:") {
        return Err(need());
    }
    Ok(PathBuf::from(format!("{path}.alerts.jsonl")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_sits_beside_an_sqlite_store() {
        assert_eq!(
            default_state("/tmp/t.db").expect("path"),
            PathBuf::from("/tmp/t.db.alerts.jsonl")
        );
        assert_eq!(
            default_state("sqlite:///tmp/t.db?mode=rwc").expect("url"),
            PathBuf::from("/tmp/t.db.alerts.jsonl")
        );
        assert!(default_state("postgres://u@h/db").is_err());
        assert!(default_state("sqlite::memory:").is_err());
    }

    #[test]
    fn sources_are_checked() {
        assert!(check_source("ftp://x/y").is_err());
        assert!(check_source("/no/such/folder/for/truce").is_err());
        assert!(check_source("http://127.0.0.1:9/feed").is_ok());
    }
}
