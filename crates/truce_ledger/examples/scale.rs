//! Builds a ledger from generated reports and times `status`:
//! `cargo run --release -p truce_ledger --example scale -- 100000`.

use std::time::{Duration, Instant};
use truce_extract::{Extractor, Input};
use truce_geo::Gazetteer;
use truce_ledger::Ledger;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args().nth(1).map_or(Ok(100_000), |a| a.parse())?;
    let t = Instant::now();
    let generated = truce_bench::generate(n, 42);
    let extractor = Extractor::new()?;
    let mut reports = Vec::with_capacity(n);
    for g in &generated {
        let mut input = Input::new(&g.text, &g.published)?;
        input.id = Some(g.id.clone());
        input.outlet = Some(g.outlet.clone());
        reports.push(extractor.extract(&input));
    }
    drop(generated);
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
    if std::env::var_os("SCALE_SKIP_COUNTS").is_some() {
        return Ok(());
    }
    let t = Instant::now();
    let truces = ledger.truces().len();
    println!("truces(): {truces} records in {:.2?}", t.elapsed());
    let t = Instant::now();
    let violations = ledger.violations(None).len();
    println!("violations(None): {violations} in {:.2?}", t.elapsed());
    let t = Instant::now();
    let disputes = ledger.disputes().len();
    println!("disputes(): {disputes} in {:.2?}", t.elapsed());
    let t = Instant::now();
    let mut sink = std::io::sink();
    ledger.export_json(&mut sink, None)?;
    println!("export_json to a sink: {:.2?}", t.elapsed());
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
