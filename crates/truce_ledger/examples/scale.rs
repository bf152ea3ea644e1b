//! Builds a ledger from generated reports and times `status`:
//! `cargo run --release -p truce_ledger --example scale -- 100000`.
//!
//! Environment: `SCALE_CACHE=FILE` keeps the extracted reports between runs;
//! `SCALE_ONLY=status,violations` times only the phases named (`status`,
//! `truces`, `violations`, `disputes`, `export`); `SCALE_SKIP_COUNTS` times
//! only `status`.

use std::time::{Duration, Instant};
use truce_extract::{Extractor, Input};
use truce_geo::Gazetteer;
use truce_ledger::Ledger;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args().nth(1).map_or(Ok(100_000), |a| a.parse())?;
    let t = Instant::now();
    // SCALE_CACHE=FILE keeps the extracted reports (JSON Lines) between runs,
    // so that ledger work can be timed without extracting again
    let cache = std::env::var_os("SCALE_CACHE").map(std::path::PathBuf::from);
    let reports = match cache.as_deref().filter(|p| p.exists()) {
        Some(path) => read_cache(path)?,
        None => {
            let reports = extract(n)?;
            if let Some(path) = &cache {
                write_cache(path, &reports)?;
            }
            reports
        }
    };
    let claims: usize = reports.iter().map(|r| r.claims.len()).sum();
    println!(
        "generated and extracted {n} reports ({claims} claims) in {:.1?}",
        t.elapsed()
    );

    let rss_before = rss_kb();
    let t = Instant::now();
    let ledger = Ledger::from_reports(Gazetteer::embedded(), reports);
    let build = t.elapsed();
    let rss_after = rss_kb();
    println!(
        "Ledger::from_reports: {build:.2?}; resident memory {} MB before, {} MB after (peak {} MB)",
        rss_before / 1024,
        rss_after / 1024,
        peak_kb() / 1024
    );

    let gaz = Gazetteer::embedded();
    let places: Vec<_> = gaz
        .iter()
        .filter(|(_, p)| p.country == "SY")
        .map(|(id, _)| id)
        .step_by(7)
        .collect();
    let only = std::env::var("SCALE_ONLY").ok();
    let wanted = |phase: &str| match &only {
        Some(list) => list.split(',').any(|p| p == phase),
        None => phase == "status" || std::env::var_os("SCALE_SKIP_COUNTS").is_none(),
    };
    if wanted("status") {
        time_status(&ledger, &places)?;
    }
    if wanted("truces") {
        let t = Instant::now();
        let truces = ledger.truces().len();
        println!("truces(): {truces} records in {:.2?}", t.elapsed());
    }
    if wanted("violations") {
        let t = Instant::now();
        let violations = ledger.violations(None).len();
        println!("violations(None): {violations} in {:.2?}", t.elapsed());
    }
    if wanted("disputes") {
        let t = Instant::now();
        let disputes = ledger.disputes().len();
        println!("disputes(): {disputes} in {:.2?}", t.elapsed());
    }
    if wanted("export") {
        let t = Instant::now();
        let mut sink = std::io::sink();
        ledger.export_json(&mut sink, None)?;
        println!("export_json to a sink: {:.2?}", t.elapsed());
    }
    Ok(())
}

fn time_status(
    ledger: &Ledger,
    places: &[truce_geo::PlaceId],
) -> Result<(), Box<dyn std::error::Error>> {
    let mut times: Vec<Duration> = Vec::new();
    let mut listed = 0usize;
    for (i, &p) in places.iter().enumerate() {
        let day = 1 + (i * 13) % 210;
        let at = jiff::civil::date(2016, 3, 1)
            .to_datetime(jiff::civil::Time::midnight())
            .checked_add(jiff::Span::new().days(day as i64))?;
        let t = Instant::now();
        let s = ledger.status(p, at);
        times.push(t.elapsed());
        listed += s.truces.len();
    }
    times.sort();
    let median = times[times.len() / 2];
    let worst = times[times.len() - 1];
    let p99 = times[times.len() * 99 / 100];
    println!(
        "status over {} places/times: median {median:.2?}, p99 {p99:.2?}, worst {worst:.2?} ({listed} truce entries listed)",
        times.len()
    );
    Ok(())
}

fn extract(n: usize) -> Result<Vec<truce_model::Report>, Box<dyn std::error::Error>> {
    let generated = truce_bench::generate(n, 42);
    let extractor = Extractor::new()?;
    let mut reports = Vec::with_capacity(n);
    for g in &generated {
        let mut input = Input::new(&g.text, &g.published)?;
        input.id = Some(g.id.clone());
        input.outlet = Some(g.outlet.clone());
        reports.push(extractor.extract(&input));
    }
    Ok(reports)
}

fn read_cache(
    path: &std::path::Path,
) -> Result<Vec<truce_model::Report>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        out.push(serde_json::from_str(line)?);
    }
    Ok(out)
}

fn write_cache(
    path: &std::path::Path,
    reports: &[truce_model::Report],
) -> Result<(), Box<dyn std::error::Error>> {
    use std::io::Write;
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    for r in reports {
        serde_json::to_writer(&mut w, r)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    Ok(())
}

fn status_field(name: &str) -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn rss_kb() -> usize {
    status_field("VmRSS:")
}

fn peak_kb() -> usize {
    status_field("VmHWM:")
}
