//! Storage alone, without extraction: generates and extracts N reports
//! first, then times `Store::put_batch` over them in batches of
//! `BATCH_DOCUMENTS`, as `truce ingest` stores them.
//!
//!     cargo run --release -p truce_ingest --example store_speed -- N LOCATION
//!
//! LOCATION is a new SQLite file or a PostgreSQL URL (its truce tables
//! must be empty for the figures to mean a fresh load). Prints the
//! extraction and storage rates and, for a file, its bytes per report.

use rayon::prelude::*;
use std::time::Instant;
use truce_extract::{Extractor, Input};
use truce_store::{NewDocument, Put, SqlStore, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map_or(Ok(10_000), |a| a.parse())?;
    let location = args
        .next()
        .ok_or("usage: store_speed N LOCATION (an SQLite file or a postgres:// URL)")?;
    let extractor = Extractor::new()?;
    let t = Instant::now();
    let docs: Vec<NewDocument> = (0..n)
        .into_par_iter()
        .map(|i| {
            let g = truce_bench::generate_one(2016, i);
            let mut input = Input::new(&g.text, &g.published).expect("a generated date");
            input.id = Some(g.id.clone());
            input.outlet = Some(g.outlet.clone());
            input.title = Some(g.title.clone());
            let report = extractor.extract(&input);
            NewDocument::new(g.text, report)
        })
        .collect();
    let extract = t.elapsed();
    let claims: usize = docs.iter().map(|d| d.report.claims.len()).sum();
    println!(
        "generated and extracted {n} reports ({claims} claims) in {:.2} s: {:.0} reports/s",
        extract.as_secs_f64(),
        n as f64 / extract.as_secs_f64()
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let store = SqlStore::open(&location).await?;
        let t = Instant::now();
        let mut new = 0usize;
        for batch in docs.chunks(truce_ingest::BATCH_DOCUMENTS) {
            new += store
                .put_batch(batch)
                .await?
                .iter()
                .filter(|p| matches!(p, Put::New | Put::NearDuplicate { .. }))
                .count();
        }
        let took = t.elapsed().as_secs_f64();
        println!(
            "stored {new} of {n} in {took:.2} s: {:.0} reports/s ({:.0} µs per report) into {}",
            n as f64 / took,
            took * 1e6 / n as f64,
            store.location()
        );
        store.close().await;
        Ok::<_, Box<dyn std::error::Error>>(())
    })?;
    if let Ok(meta) = std::fs::metadata(&location) {
        println!(
            "file size {} bytes: {:.0} bytes per report",
            meta.len(),
            meta.len() as f64 / n as f64
        );
    }
    Ok(())
}
