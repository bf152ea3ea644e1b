//! Convert a JSON Lines corpus to the `truce extract --jsonl` format.
//!
//!     cargo run --release -p truce_bench --example to_jsonl -- IN.jsonl > OUT.jsonl
//!
//! Lines that cannot be converted are reported on stderr and skipped.

use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: to_jsonl IN.jsonl > OUT.jsonl");
        return ExitCode::from(2);
    };
    match run(&path) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(skipped) => {
            eprintln!("{path}: {skipped} line(s) skipped");
            ExitCode::from(3)
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(path: &str) -> io::Result<usize> {
    let input = BufReader::new(std::fs::File::open(path)?);
    let mut out = BufWriter::new(io::stdout().lock());
    let mut skipped = 0;
    for (i, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match truce_bench::convert::convert_line(&line) {
            Ok(converted) => writeln!(out, "{converted}")?,
            Err(e) => {
                skipped += 1;
                eprintln!("{path}:{}: {e}", i + 1);
            }
        }
    }
    out.flush()?;
    Ok(skipped)
}
