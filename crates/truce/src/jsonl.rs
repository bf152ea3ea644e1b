//! `truce extract --jsonl`: stream JSON Lines through the extractor on every
//! core, writing one output line per input line, in input order.
//!
//! Lines are read in batches (1024 lines or 64 MiB, whichever comes first);
//! each batch is extracted in parallel while the next one is read, then
//! written in order. Memory stays bounded whatever the size of the input.

use crate::cli::Format;
use crate::render;
use crate::source::{MAX_REPORT_BYTES, Source, human_size, looks_binary};
use anyhow::{Context, Result, anyhow};
use rayon::prelude::*;
use serde_json::{Value, json};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::ops::Range;
use truce_extract::Extractor;
use truce_ingest::record;

const BATCH_LINES: usize = 1024;
const BATCH_BYTES: usize = 64 * 1024 * 1024;
/// Per-line messages written to stderr before the rest are only counted.
const MAX_STDERR_ERRORS: usize = 20;

/// How a run went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Non-blank input lines.
    pub lines: usize,
    /// Lines written as error records.
    pub failed: usize,
}

/// Stream `arg` (a path or `-`) to `out`.
pub fn run(arg: &str, format: Format, out: impl Write) -> Result<Summary> {
    let source = Source::new(arg);
    let mut reader = BufReader::with_capacity(1 << 20, source.open()?);
    let head = reader.fill_buf().map_err(|e| source.io_error(&e))?;
    if head.is_empty() {
        return Err(anyhow!("{source}: empty input"));
    }
    if looks_binary(head) {
        return Err(anyhow!("{source}: looks like binary data"));
    }
    let summary = stream(&source, reader, format, out)?;
    if summary.lines == 0 {
        return Err(anyhow!("{source}: empty input"));
    }
    if summary.failed > MAX_STDERR_ERRORS {
        eprintln!(
            "{source}: {} more failed line(s) not shown here; see the error records",
            summary.failed - MAX_STDERR_ERRORS
        );
    }
    if summary.failed > 0 {
        eprintln!(
            "{source}: {} of {} line(s) failed",
            summary.failed, summary.lines
        );
    }
    Ok(summary)
}

fn stream<R: BufRead + Send>(
    source: &Source,
    reader: R,
    format: Format,
    out: impl Write,
) -> Result<Summary> {
    let mut out = io::BufWriter::with_capacity(1 << 20, out);
    let extractor = Extractor::new().context("building the extractor")?;
    let name = source.to_string();
    let mut lines = LineReader {
        reader,
        lines_read: 0,
        limit: MAX_REPORT_BYTES as usize,
    };
    let mut current = Batch::default();
    let mut next = Batch::default();
    let mut summary = Summary::default();
    lines.fill(&mut current).map_err(|e| source.io_error(&e))?;
    while !current.lines.is_empty() {
        let (done, read) = rayon::join(
            || current.process(&extractor, format),
            || lines.fill(&mut next),
        );
        for (line, result) in current.lines.iter().zip(done) {
            summary.lines += 1;
            let text = match result {
                Ok(text) => text,
                Err((id, message)) => {
                    summary.failed += 1;
                    if summary.failed <= MAX_STDERR_ERRORS {
                        match &id {
                            Value::Null => eprintln!("{name}:{}: {message}", line.number),
                            id => eprintln!("{name}:{}: {message} (id {id})", line.number),
                        }
                    }
                    error_record(line.number, id, &message, format)
                }
            };
            out.write_all(text.as_bytes())
                .context("writing the output")?;
        }
        read.map_err(|e| source.io_error(&e))?;
        std::mem::swap(&mut current, &mut next);
    }
    out.flush().context("writing the output")?;
    Ok(summary)
}

fn error_record(line: usize, id: Value, message: &str, format: Format) -> String {
    match format {
        Format::Json => format!("{}\n", json!({ "line": line, "id": id, "error": message })),
        Format::Text => match id {
            Value::Null => format!("line {line}: error: {message}\n\n"),
            id => format!("line {line} (id {id}): error: {message}\n\n"),
        },
    }
}

/// One line of a batch: its number in the input and where its bytes are.
#[derive(Clone, Debug)]
struct LineRef {
    number: usize,
    bytes: Range<usize>,
    /// Set when the line was longer than the limit: its length (its bytes were dropped).
    oversize: Option<usize>,
}

#[derive(Debug, Default)]
struct Batch {
    data: Vec<u8>,
    lines: Vec<LineRef>,
}

type LineResult = Result<String, (Value, String)>;

impl Batch {
    fn process(&self, extractor: &Extractor, format: Format) -> Vec<LineResult> {
        self.lines
            .par_iter()
            .map(|line| self.process_line(extractor, line, format))
            .collect()
    }

    fn process_line(&self, extractor: &Extractor, line: &LineRef, format: Format) -> LineResult {
        if let Some(len) = line.oversize {
            return Err((
                Value::Null,
                format!(
                    "line is {}, larger than the {} limit for one report",
                    human_size(len as u64),
                    human_size(MAX_REPORT_BYTES)
                ),
            ));
        }
        let record =
            record::parse(&self.data[line.bytes.clone()]).map_err(|e| (e.id, e.message))?;
        let input = record
            .input()
            .map_err(|e| (Value::String(record.id.clone()), e.to_string()))?;
        let report = extractor.extract(&input);
        Ok(match format {
            Format::Json => {
                let mut s =
                    serde_json::to_string(&report).map_err(|e| (Value::Null, e.to_string()))?;
                s.push('\n');
                s
            }
            Format::Text => render::text(&report) + "\n",
        })
    }
}

/// Reads lines into batches, holding each line to a size limit.
struct LineReader<R> {
    reader: R,
    lines_read: usize,
    limit: usize,
}

impl<R: BufRead> LineReader<R> {
    /// Refill `batch` with the next lines; an empty batch means the input is done.
    /// Blank lines are counted but not kept.
    fn fill(&mut self, batch: &mut Batch) -> io::Result<()> {
        batch.data.clear();
        batch.lines.clear();
        while batch.lines.len() < BATCH_LINES && batch.data.len() < BATCH_BYTES {
            let start = batch.data.len();
            let n = (&mut self.reader)
                .take(self.limit as u64 + 1)
                .read_until(b'\n', &mut batch.data)?;
            if n == 0 {
                break;
            }
            self.lines_read += 1;
            let number = self.lines_read;
            if n > self.limit && batch.data.last() != Some(&b'\n') {
                let rest = skip_line(&mut self.reader)?;
                batch.data.truncate(start);
                batch.lines.push(LineRef {
                    number,
                    bytes: start..start,
                    oversize: Some(n + rest),
                });
                continue;
            }
            // A UTF-8 byte order mark before the first line is not data.
            if number == 1 && batch.data[start..].starts_with(b"\xEF\xBB\xBF") {
                batch.data.drain(start..start + 3);
            }
            let mut end = batch.data.len();
            while end > start && matches!(batch.data[end - 1], b'\n' | b'\r') {
                end -= 1;
            }
            if batch.data[start..end].iter().all(u8::is_ascii_whitespace) {
                batch.data.truncate(start);
                continue;
            }
            batch.data.truncate(end);
            batch.lines.push(LineRef {
                number,
                bytes: start..end,
                oversize: None,
            });
        }
        Ok(())
    }
}

/// Drop the rest of the current line; returns how many bytes were dropped.
fn skip_line(reader: &mut impl BufRead) -> io::Result<usize> {
    let mut skipped = 0;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(skipped);
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(skipped + i);
            }
            None => {
                let len = buf.len();
                reader.consume(len);
                skipped += len;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batches(input: &str, limit: usize) -> Vec<(usize, String, Option<usize>)> {
        let mut reader = LineReader {
            reader: input.as_bytes(),
            lines_read: 0,
            limit,
        };
        let mut batch = Batch::default();
        let mut all = Vec::new();
        loop {
            reader.fill(&mut batch).expect("read");
            if batch.lines.is_empty() {
                return all;
            }
            for l in &batch.lines {
                let text = String::from_utf8_lossy(&batch.data[l.bytes.clone()]).into_owned();
                all.push((l.number, text, l.oversize));
            }
        }
    }

    #[test]
    fn lines_numbers_blanks_and_limits() {
        let got = batches("a\r\n\n  \nbbbbbbbbbb\nc", 5);
        assert_eq!(
            got,
            vec![
                (1, "a".to_owned(), None),
                (4, String::new(), Some(10)),
                (5, "c".to_owned(), None)
            ]
        );
    }

    #[test]
    fn many_batches_keep_order() {
        let input: String = (0..2500).map(|i| format!("{i}\n")).collect();
        let got = batches(&input, 100);
        assert_eq!(got.len(), 2500);
        assert!(
            got.iter()
                .enumerate()
                .all(|(i, (n, t, _))| *n == i + 1 && *t == i.to_string())
        );
    }

    #[test]
    fn stream_writes_reports_and_error_records_in_order() {
        let input = concat!(
            r#"{"id":"a","text":"The truce held.","published":"2016-05-01"}"#,
            "\n{broken\n",
            r#"{"id":"c","text":"Shelling resumed.","published":"2016-05-02","outlet":"W"}"#,
            "\n"
        );
        let mut out = Vec::new();
        let summary =
            stream(&Source::new("-"), input.as_bytes(), Format::Json, &mut out).expect("stream");
        assert_eq!(
            summary,
            Summary {
                lines: 3,
                failed: 1
            }
        );
        let lines: Vec<Value> = String::from_utf8(out)
            .expect("utf8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(lines[0]["document"]["id"], "a");
        assert_eq!(lines[1]["line"], 2);
        assert_eq!(lines[1]["id"], Value::Null);
        assert_eq!(lines[2]["document"]["outlet"], "W");
    }
}
