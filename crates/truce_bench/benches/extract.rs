//! Extract throughput on generated reports: `cargo bench -p truce_bench`.

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use truce_bench::GeneratedReport;
use truce_extract::{Extractor, Input};

const CORPUS: usize = 256;
const SEED: u64 = 2016;

fn main() {
    divan::main();
}

fn corpus() -> Vec<GeneratedReport> {
    truce_bench::generate(CORPUS, SEED)
}

fn inputs(reports: &[GeneratedReport]) -> Vec<Input<'_>> {
    reports
        .iter()
        .filter_map(|r| {
            let mut input = Input::new(&r.text, &r.published).ok()?;
            input.id = Some(r.id.clone());
            input.outlet = Some(r.outlet.clone());
            Some(input)
        })
        .collect()
}

/// One report at a time, cycling through the corpus: time per report.
#[divan::bench]
fn extract_per_report(bencher: Bencher) {
    let reports = corpus();
    let inputs = inputs(&reports);
    let extractor = Extractor::new().expect("embedded reference tables");
    let mean_bytes = reports.iter().map(|r| r.text.len()).sum::<usize>() / reports.len().max(1);
    let mut next = 0usize;
    bencher
        .counter(BytesCount::new(mean_bytes))
        .bench_local(|| {
            let input = &inputs[next % inputs.len()];
            next += 1;
            black_box(extractor.extract(black_box(input)))
        });
}

/// The whole corpus in one pass, serialised to JSON as `extract --jsonl` does.
#[divan::bench(sample_count = 20)]
fn extract_corpus_to_json(bencher: Bencher) {
    let reports = corpus();
    let inputs = inputs(&reports);
    let extractor = Extractor::new().expect("embedded reference tables");
    let bytes: usize = reports.iter().map(|r| r.text.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(inputs.len()))
        .bench_local(|| {
            let mut out = 0usize;
            for input in &inputs {
                let report = extractor.extract(input);
                out += serde_json::to_string(&report).map(|s| s.len()).unwrap_or(0);
            }
            black_box(out)
        });
}

/// Building the extractor (compiling lexicons and automata).
#[divan::bench(sample_count = 10)]
fn extractor_new() -> Extractor {
    Extractor::new().expect("embedded reference tables")
}

/// The generator itself, so a slow generator is not mistaken for a slow extractor.
#[divan::bench(sample_count = 20)]
fn generate_corpus() -> Vec<GeneratedReport> {
    truce_bench::generate(CORPUS, SEED)
}
