//! `truce bench`: extraction throughput on one core and on many.
//!
//! The corpus is held in memory (it is read several times), so give it a
//! sample, not a 10 GB archive. Each run repeats whole passes over the
//! corpus until `--min-time` has elapsed; figures are text bytes and reports
//! extracted per second of wall time. Reading and writing are not timed.

use crate::cli::{BenchArgs, Format};
use crate::source::Source;
use anyhow::{Context, Result, anyhow};
use rayon::prelude::*;
use serde::Serialize;
use std::hint::black_box;
use std::io::{BufRead, BufReader, Write};
use std::time::{Duration, Instant};
use truce_extract::{Extractor, Input};
use truce_ingest::record::{self, Record};

#[derive(Debug, Serialize)]
pub struct Results {
    pub corpus: Corpus,
    pub extractor_new_ms: f64,
    pub runs: Vec<Run>,
}

#[derive(Debug, Serialize)]
pub struct Corpus {
    pub source: String,
    pub reports: usize,
    pub bytes: usize,
    /// Lines of a --jsonl corpus that could not be read (not benched).
    pub skipped: usize,
}

#[derive(Debug, Serialize)]
pub struct Run {
    pub threads: usize,
    pub passes: usize,
    pub seconds: f64,
    pub mb_per_s: f64,
    pub reports_per_s: f64,
    /// Claims found in one pass (the same in every run).
    pub claims: usize,
}

pub fn run(args: &BenchArgs, out: &mut impl Write) -> Result<()> {
    let (corpus, records) = load(args)?;
    let inputs: Vec<Input<'_>> = records.iter().filter_map(|r| r.input().ok()).collect();
    let corpus = Corpus {
        skipped: corpus.skipped + records.len() - inputs.len(),
        reports: inputs.len(),
        bytes: inputs.iter().map(|i| i.text.len()).sum(),
        ..corpus
    };
    if inputs.is_empty() {
        return Err(anyhow!("{}: no readable reports to bench", corpus.source));
    }
    let started = Instant::now();
    let extractor = Extractor::new().context("building the extractor")?;
    let extractor_new_ms = started.elapsed().as_secs_f64() * 1e3;

    let min_time = Duration::from_secs_f64(args.min_time.clamp(0.0, 3600.0));
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    let one = timed(&corpus, 1, min_time, || {
        inputs
            .iter()
            .map(|i| black_box(extractor.extract(i)).claims.len())
            .sum()
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("starting the thread pool")?;
    let many = timed(&corpus, threads, min_time, || {
        pool.install(|| {
            inputs
                .par_iter()
                .map(|i| black_box(extractor.extract(i)).claims.len())
                .sum()
        })
    });
    let results = Results {
        corpus,
        extractor_new_ms,
        runs: vec![one, many],
    };
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &results)?;
            writeln!(out)?;
        }
        Format::Text => write_text(&results, out)?,
    }
    Ok(())
}

fn load(args: &BenchArgs) -> Result<(Corpus, Vec<Record>)> {
    let Some(path) = &args.jsonl else {
        let records = truce_bench::generate(args.reports, args.seed)
            .into_iter()
            .map(|g| Record {
                id: g.id,
                text: g.text,
                published: g.published,
                outlet: Some(g.outlet),
                title: Some(g.title),
                url: None,
                language: None,
                theatre: None,
            })
            .collect();
        let source = format!("generated ({} reports, seed {})", args.reports, args.seed);
        return Ok((
            Corpus {
                source,
                reports: 0,
                bytes: 0,
                skipped: 0,
            },
            records,
        ));
    };
    let source = Source::new(path);
    let reader = BufReader::new(source.open()?);
    let mut records = Vec::new();
    let mut skipped = 0;
    for (i, line) in reader.split(b'\n').enumerate() {
        let line = line.map_err(|e| source.io_error(&e))?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match record::parse(&line) {
            Ok(r) => records.push(r),
            Err(e) => {
                skipped += 1;
                if skipped <= 5 {
                    eprintln!("{source}:{}: {} (skipped)", i + 1, e.message);
                }
            }
        }
    }
    Ok((
        Corpus {
            source: source.to_string(),
            reports: 0,
            bytes: 0,
            skipped,
        },
        records,
    ))
}

/// Repeat `pass` until `min_time` has passed (at least once).
fn timed(corpus: &Corpus, threads: usize, min_time: Duration, pass: impl Fn() -> usize) -> Run {
    let started = Instant::now();
    let claims = pass();
    let mut passes = 1;
    while started.elapsed() < min_time {
        black_box(pass());
        passes += 1;
    }
    let seconds = started.elapsed().as_secs_f64().max(1e-9);
    Run {
        threads,
        passes,
        seconds,
        mb_per_s: (corpus.bytes * passes) as f64 / 1e6 / seconds,
        reports_per_s: (corpus.reports * passes) as f64 / seconds,
        claims,
    }
}

fn write_text(r: &Results, out: &mut impl Write) -> Result<()> {
    let c = &r.corpus;
    writeln!(out, "corpus:    {}", c.source)?;
    writeln!(
        out,
        "           {} reports, {:.2} MB of text",
        c.reports,
        c.bytes as f64 / 1e6
    )?;
    if c.skipped > 0 {
        writeln!(out, "           {} unreadable line(s) skipped", c.skipped)?;
    }
    writeln!(out, "extractor: built in {:.1} ms", r.extractor_new_ms)?;
    writeln!(
        out,
        "{:>8} {:>7} {:>9} {:>10} {:>12} {:>8}",
        "threads", "passes", "seconds", "MB/s", "reports/s", "claims"
    )?;
    for run in &r.runs {
        writeln!(
            out,
            "{:>8} {:>7} {:>9.2} {:>10.2} {:>12.0} {:>8}",
            run.threads, run.passes, run.seconds, run.mb_per_s, run.reports_per_s, run.claims
        )?;
    }
    if let [one, many] = r.runs.as_slice()
        && one.reports_per_s > 0.0
    {
        writeln!(
            out,
            "speed-up:  {:.2}x on {} threads",
            many.reports_per_s / one.reports_per_s,
            many.threads
        )?;
    }
    Ok(())
}
