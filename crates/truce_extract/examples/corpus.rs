//! Read a JSON Lines corpus and print one report per line, plus counts on
//! stderr: `cargo run --release -p truce_extract --example corpus FILE`.
//! Fields: `text`, and `published` or `post_date` (the first 10 characters
//! are used), and `id` or `source_file`.
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use truce_extract::{Extractor, Input};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: corpus FILE")?;
    let extractor = Extractor::new()?;
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let (mut docs, mut bytes) = (0, 0);
    let started = std::time::Instant::now();
    let mut out = std::io::stdout().lock();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let row: serde_json::Value = serde_json::from_str(&line?)?;
        let text = row["text"].as_str().unwrap_or("");
        let date = row["published"]
            .as_str()
            .or(row["post_date"].as_str())
            .unwrap_or("");
        let mut input = Input::new(text, date.get(..10).unwrap_or(date))?;
        input.id = row["id"]
            .as_str()
            .or(row["source_file"].as_str())
            .map(str::to_owned);
        let report = extractor.extract(&input);
        for c in &report.claims {
            *kinds.entry(c.kind.as_str().to_owned()).or_default() += 1;
        }
        docs += 1;
        bytes += text.len();
        writeln!(out, "{}", serde_json::to_string(&report)?)?;
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{docs} reports, {bytes} bytes in {secs:.3}s: {:.1} MB/s, {:.0} reports/s",
        bytes as f64 / secs / 1e6,
        docs as f64 / secs
    );
    eprintln!("{kinds:?}");
    Ok(())
}
