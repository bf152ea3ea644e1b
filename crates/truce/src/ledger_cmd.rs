//! The commands on a store: ingest, re-extract, and the ledger's questions.
//! Each opens the store, asks the libraries, and prints text or JSON.

use crate::board;
use crate::cli::{
    BoardArgs, ExpiringArgs, ExportArgs, ExportFormat, ExportWhat, Format, IngestArgs,
    ReextractArgs, StatusArgs, TimelineArgs, ViolationsArgs,
};
use crate::{lead, show};
use anyhow::{Context, Result, anyhow};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;
use truce_extract::Extractor;
use truce_ingest::{Defaults, Sources, Summary};
use truce_ledger::{Ledger, LedgerError, Subject, parse_time};
use truce_store::{SqlStore, Store};

/// Some inputs failed; the rest were stored.
const EXIT_PARTIAL: u8 = 3;

/// `--db` (or `TRUCE_DB`), else the default SQLite file. An empty value is
/// an error, not a default.
pub(crate) fn location(db: Option<&str>) -> Result<String> {
    match db {
        Some(db) if db.trim().is_empty() => Err(anyhow!(
            "the store location is empty (--db or TRUCE_DB): give an SQLite file path or a \
             postgres:// URL, or leave both unset for {}",
            truce_store::default_location().display()
        )),
        Some(db) => Ok(db.to_string()),
        None => Ok(truce_store::default_location().display().to_string()),
    }
}

/// An open store and the runtime its driver needs.
pub struct Db {
    rt: tokio::runtime::Runtime,
    store: SqlStore,
}

impl Db {
    /// The store for a question: opened read-only (SQLite `mode=ro`), so
    /// nothing is created, migrated or written, and a read-only file can be
    /// asked.
    pub fn open(db: Option<&str>) -> Result<Db> {
        Self::open_as(db, true)
    }

    /// The store for `ingest` and `reextract`: created or migrated if needed.
    pub fn open_for_writing(db: Option<&str>) -> Result<Db> {
        Self::open_as(db, false)
    }

    fn open_as(db: Option<&str>, read_only: bool) -> Result<Db> {
        let location = location(db)?;
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("starting the async runtime")?;
        let store = if read_only {
            rt.block_on(SqlStore::open_read_only(&location))?
        } else {
            rt.block_on(SqlStore::open(&location))?
        };
        Ok(Db { rt, store })
    }

    fn ledger(&self) -> Result<Ledger> {
        Ok(self.rt.block_on(truce_ingest::load_ledger(&self.store))?)
    }

    /// The end of the last day the stored reports cover.
    fn last_day_end(&self) -> Result<jiff::civil::DateTime> {
        let stats = self.rt.block_on(self.store.stats())?;
        let last = stats.last_published.ok_or_else(|| {
            anyhow!(
                "{} holds no reports yet; store some first: truce ingest PATH",
                self.store.location()
            )
        })?;
        let day = last.get(..10).unwrap_or(&last);
        Ok(parse_time(&format!("{day}T23:59:59"))?)
    }

    fn time_or_last_day(&self, given: Option<&str>) -> Result<jiff::civil::DateTime> {
        match given {
            Some(t) => Ok(parse_time(t)?),
            None => self.last_day_end(),
        }
    }
}

fn print<T: Serialize>(format: Format, value: &T, text: impl FnOnce(&T) -> String) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, value)?;
            out.write_all(b"\n")?;
        }
        Format::Text => out.write_all(text(value).as_bytes())?,
    }
    out.flush()?;
    Ok(())
}

#[derive(Serialize)]
struct IngestReport<'a> {
    store: &'a str,
    seconds: f64,
    #[serde(flatten)]
    summary: &'a Summary,
}

pub fn ingest(db: Option<&str>, args: &IngestArgs) -> Result<ExitCode> {
    let db = Db::open_for_writing(db)?;
    let extractor = Extractor::new().context("building the extractor")?;
    let defaults = Defaults {
        published: args.published.clone(),
        outlet: args.outlet.clone(),
    };
    let mut sources = Sources::new(&args.paths);
    let started = Instant::now();
    let show_progress = !args.quiet && std::io::stderr().is_terminal();
    let summary = truce_ingest::ingest(
        &db.rt,
        &db.store,
        &extractor,
        &mut sources,
        &defaults,
        |s| {
            if show_progress {
                progress_line(s, started);
            }
        },
    )?;
    if show_progress {
        eprintln!();
    }
    let report = IngestReport {
        store: db.store.location(),
        seconds: started.elapsed().as_secs_f64(),
        summary: &summary,
    };
    print(args.format, &report, ingest_text)?;
    if args.board {
        let ledger = db.ledger()?;
        let at = db.last_day_end()?;
        let board = board::build(&ledger, at);
        println!();
        print(args.format, &board, board::summary)?;
    }
    Ok(if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PARTIAL)
    })
}

fn progress_line(s: &Summary, started: Instant) {
    let rate = s.read as f64 / started.elapsed().as_secs_f64().max(1e-3);
    eprint!(
        "\r  read {}  new {}  duplicates {}  near-duplicates {}  failed {}  ({rate:.0} reports/s) ",
        s.read,
        s.new,
        s.duplicates,
        s.near_duplicates,
        s.failed.len()
    );
}

fn ingest_text(r: &IngestReport) -> String {
    let s = r.summary;
    let rate = s.read as f64 / r.seconds.max(1e-3);
    let mut out = format!(
        "{}: read {}, new {}, duplicates {}, near-duplicates {}, failed {}, skipped {} \
         ({:.1} s, {rate:.0} reports/s)\n",
        r.store,
        s.read,
        s.new,
        s.duplicates,
        s.near_duplicates,
        s.failed.len(),
        s.skipped,
        r.seconds
    );
    for note in &s.notes {
        out.push_str(&format!("  note: {note}\n"));
    }
    for f in &s.failed {
        out.push_str(&format!("  failed: {f}\n"));
    }
    out
}

pub fn reextract(db: Option<&str>, args: &ReextractArgs) -> Result<ExitCode> {
    let db = Db::open_for_writing(db)?;
    let extractor = Extractor::new().context("building the extractor")?;
    let done = db.rt.block_on(truce_ingest::reextract(
        &db.store,
        &extractor,
        args.all,
        |_| {},
    ))?;
    print(args.format, &done, |d| {
        let mut out = format!(
            "{}: {} document(s) to read again, {} read again with {}, {} failed\n",
            db.store.location(),
            d.stale,
            d.reextracted,
            truce_extract::EXTRACTOR_VERSION,
            d.failed.len()
        );
        for f in &d.failed {
            out.push_str(&format!("  failed: {f}\n"));
        }
        out
    })?;
    Ok(if done.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PARTIAL)
    })
}

pub fn board(db: Option<&str>, args: &BoardArgs) -> Result<()> {
    let db = Db::open(db)?;
    let at = db.time_or_last_day(args.at.as_deref())?;
    let ledger = db.ledger()?;
    let text = if args.details {
        board::text
    } else {
        board::summary
    };
    print(args.format, &board::build(&ledger, at), text)
}

pub fn status(db: Option<&str>, args: &StatusArgs) -> Result<()> {
    let db = Db::open(db)?;
    let at = db.time_or_last_day(args.at.as_deref())?;
    let ledger = db.ledger()?;
    let place = find_place(&ledger, &args.place)?;
    let text = if args.details {
        show::status
    } else {
        lead::status
    };
    print(args.format, &ledger.status(place, at), text)
}

/// A place by name or id; an unknown one names what was asked and, when
/// the gazetteer has any, the names probably meant.
fn find_place(ledger: &Ledger, name: &str) -> Result<truce_geo::PlaceId> {
    ledger.place(name).map_err(|e| match e {
        LedgerError::UnknownPlace { name, suggestions } if suggestions.is_empty() => anyhow!(
            "unknown place {name:?}: no place of that name or id in the gazetteer, \
             and none close to it"
        ),
        other => other.into(),
    })
}

pub fn timeline(db: Option<&str>, args: &TimelineArgs) -> Result<()> {
    let db = Db::open(db)?;
    let ledger = db.ledger()?;
    let subject = match (&args.truce, &args.place) {
        (Some(id), _) => {
            if ledger.truce(id).is_none() {
                return Err(anyhow!(
                    "no truce {id:?} in {}; `truce board` lists them",
                    db.store.location()
                ));
            }
            Subject::Truce(id.clone())
        }
        (None, Some(place)) => Subject::Place(find_place(&ledger, place)?),
        (None, None) => return Err(anyhow!("give --place PLACE or --truce ID")),
    };
    print(args.format, &ledger.timeline(&subject), |t| {
        show::timeline(t)
    })
}

pub fn expiring(db: Option<&str>, args: &ExpiringArgs) -> Result<()> {
    let db = Db::open(db)?;
    let now = db.time_or_last_day(args.now.as_deref())?;
    let ledger = db.ledger()?;
    print(args.format, &ledger.expiring(now, args.within), |e| {
        show::expiring(e)
    })
}

pub fn violations(db: Option<&str>, args: &ViolationsArgs) -> Result<()> {
    let db = Db::open(db)?;
    let ledger = db.ledger()?;
    if let Some(id) = &args.truce
        && ledger.truce(id).is_none()
    {
        return Err(anyhow!(
            "no truce {id:?} in {}; `truce board` lists them",
            db.store.location()
        ));
    }
    print(
        args.format,
        &ledger.violations(args.truce.as_deref()),
        |v| show::violations(v),
    )
}

pub fn disputes(db: Option<&str>, format: Format) -> Result<()> {
    let db = Db::open(db)?;
    let ledger = db.ledger()?;
    print(format, &ledger.disputes(), |d| show::disputes(d))
}

#[derive(Serialize)]
struct StatsReport {
    store: String,
    #[serde(flatten)]
    stored: truce_store::Stats,
    truces: usize,
}

pub fn stats(db: Option<&str>, format: Format) -> Result<()> {
    let db = Db::open(db)?;
    let stored = db.rt.block_on(db.store.stats())?;
    let truces = db.ledger()?.truces().len();
    let report = StatsReport {
        store: db.store.location().to_string(),
        stored,
        truces,
    };
    print(format, &report, |r| {
        let mut out = format!(
            "{}\n  documents {} (near-duplicates {}), claims {}, truces {}\n",
            r.store, r.stored.documents, r.stored.near_duplicates, r.stored.claims, r.truces
        );
        if let (Some(a), Some(b)) = (&r.stored.first_published, &r.stored.last_published) {
            out.push_str(&format!("  published {a} to {b}\n"));
        }
        for (kind, n) in &r.stored.claims_by_kind {
            out.push_str(&format!("  {kind:<22} {n}\n"));
        }
        out
    })
}

pub fn export(db: Option<&str>, args: &ExportArgs) -> Result<()> {
    let db = Db::open(db)?;
    let at = match args.at.as_deref() {
        Some(t) => Some(parse_time(t)?),
        None => None,
    };
    let ledger = db.ledger()?;
    let what = args.what.map(|w| match w {
        ExportWhat::Truces => truce_ledger::Table::Truces,
        ExportWhat::Areas => truce_ledger::Table::Areas,
        ExportWhat::Claims => truce_ledger::Table::Claims,
        ExportWhat::Incidents => truce_ledger::Table::Incidents,
        ExportWhat::Events => truce_ledger::Table::Events,
    });
    let format = match args.format {
        ExportFormat::Json => truce_ledger::ExportFormat::Json,
        ExportFormat::Geojson => truce_ledger::ExportFormat::GeoJson,
        ExportFormat::Csv => {
            truce_ledger::ExportFormat::Csv(what.unwrap_or(truce_ledger::Table::Truces))
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    ledger.export_what(format, what, &mut out, at)?;
    out.flush()?;
    Ok(())
}

pub fn serve(db: Option<&str>, args: &crate::cli::ServeArgs) -> Result<()> {
    let mut config = truce_server::ServerConfig::new(location(db)?);
    config.listen = args.listen;
    config.token = truce_server::read_token(args.token_file.as_deref())?;
    config.read_only = args.read_only;
    config.body_limit = args.body_limit;
    config.cors_origins.clone_from(&args.cors_origins);
    config.alerts.horizon = args.horizon;
    if let Some(url) = &args.webhook {
        let file = args
            .secret_file
            .as_deref()
            .ok_or_else(|| anyhow!("--webhook needs --secret-file FILE"))?;
        let hook = truce_alert::Webhook::new(url, truce_alert::read_secret(file)?)?;
        let state = match &args.alert_state {
            Some(path) => path.clone(),
            None => crate::watch::default_state(&config.db)?,
        };
        let record = truce_alert::Delivered::open(&state)?;
        config.alerts.webhook = Some((hook, std::sync::Arc::new(std::sync::Mutex::new(record))));
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let served = rt.block_on(truce_server::serve(config));
    // Requests still running after the drain deadline are not waited for.
    rt.shutdown_timeout(std::time::Duration::from_secs(1));
    Ok(served?)
}
