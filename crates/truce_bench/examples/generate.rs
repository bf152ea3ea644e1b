//! Write a synthetic corpus as JSON Lines (the `truce extract --jsonl` format).
//!
//!     cargo run --release -p truce_bench --example generate -- [N [SEED]] > corpus.jsonl

use std::io::{self, BufWriter};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let n = args.next().map_or(Ok(1000), |a| a.parse::<usize>());
    let seed = args.next().map_or(Ok(2016), |a| a.parse::<u64>());
    let (Ok(n), Ok(seed)) = (n, seed) else {
        eprintln!("usage: generate [N [SEED]] > corpus.jsonl");
        return ExitCode::from(2);
    };
    let reports = truce_bench::generate(n, seed);
    match truce_bench::write_jsonl(&reports, BufWriter::new(io::stdout().lock())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::FAILURE
        }
    }
}
