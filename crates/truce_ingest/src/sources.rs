//! The inputs of a run, read in bounded batches.

use crate::text::{MAX_REPORT_BYTES, human_size};
use crate::{BATCH_BYTES, Failure};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How an item's bytes are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// A whole report, optionally with a front-matter header.
    Text,
    /// One JSON line in the `extract --jsonl` input format.
    JsonLine,
}

/// One report's bytes and where they came from.
#[derive(Clone, Debug)]
pub struct Item {
    pub input: String,
    pub line: Option<usize>,
    pub kind: ItemKind,
    pub bytes: Vec<u8>,
}

/// An item, or the reason an input could not be read.
pub type Entry = Result<Item, Failure>;

enum Pending {
    Path(PathBuf),
    Stdin,
}

struct OpenJsonl {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
}

/// A UTF-8 byte order mark, skipped at the start of an input.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The inputs of a run (paths, folders, `-`), handed out in batches.
pub struct Sources {
    pending: VecDeque<Pending>,
    current: Option<OpenJsonl>,
    /// Files skipped in folders (not reports by their extension, or not
    /// regular files).
    pub skipped: usize,
    /// Why some files in folders were skipped (FIFOs, devices, sockets:
    /// reading one could wait forever).
    pub notes: Vec<String>,
}

impl Sources {
    pub fn new<S: AsRef<str>>(args: &[S]) -> Self {
        let pending = args
            .iter()
            .map(|a| match a.as_ref() {
                "-" => Pending::Stdin,
                path => Pending::Path(PathBuf::from(path)),
            })
            .collect();
        Sources {
            pending,
            current: None,
            skipped: 0,
            notes: Vec::new(),
        }
    }

    /// Up to `max` entries (fewer once [`BATCH_BYTES`] are read); empty
    /// when every input is exhausted.
    pub fn next_batch(&mut self, max: usize) -> Vec<Entry> {
        let mut out = Vec::new();
        let mut bytes = 0;
        while out.len() < max && bytes < BATCH_BYTES {
            let Some(entry) = self.next_entry() else {
                break;
            };
            if let Ok(item) = &entry {
                bytes += item.bytes.len();
            }
            out.push(entry);
        }
        out
    }

    fn next_entry(&mut self) -> Option<Entry> {
        loop {
            if let Some(open) = &mut self.current {
                match next_line(open) {
                    Some(entry) => return Some(entry),
                    None => self.current = None,
                }
            }
            match self.pending.pop_front()? {
                Pending::Stdin => {
                    if let Some(entry) = self.open_stdin() {
                        return Some(entry);
                    }
                }
                Pending::Path(path) => {
                    if let Some(entry) = self.open_path(&path) {
                        return Some(entry);
                    }
                }
            }
        }
    }

    /// Standard input: JSON Lines when it starts with `{`, else one text.
    fn open_stdin(&mut self) -> Option<Entry> {
        let mut reader = BufReader::with_capacity(1 << 20, io::stdin());
        let name = "<stdin>".to_string();
        let head = match reader.fill_buf() {
            Ok(head) => head,
            Err(e) => return Some(Err(failure(&name, None, &e.to_string()))),
        };
        let head = head.strip_prefix(BOM).unwrap_or(head);
        let first = head.iter().find(|b| !b.is_ascii_whitespace());
        if first == Some(&b'{') {
            self.current = Some(OpenJsonl {
                name,
                reader: Box::new(reader),
                line: 0,
            });
            return None;
        }
        Some(read_whole(&name, reader))
    }

    fn open_path(&mut self, path: &Path) -> Option<Entry> {
        let name = path.display().to_string();
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => return Some(Err(failure(&name, None, &io_problem(&e)))),
        };
        if meta.is_dir() {
            match walk(path) {
                Ok((files, skipped, notes)) => {
                    self.skipped += skipped;
                    self.notes.extend(notes);
                    for file in files.into_iter().rev() {
                        self.pending.push_front(Pending::Path(file));
                    }
                    return None;
                }
                Err(e) => return Some(Err(failure(&name, None, &io_problem(&e)))),
            }
        }
        let file = match File::open(path) {
            Ok(file) => file,
            Err(e) => return Some(Err(failure(&name, None, &io_problem(&e)))),
        };
        if is_jsonl(path) {
            self.current = Some(OpenJsonl {
                name,
                reader: Box::new(BufReader::with_capacity(1 << 20, file)),
                line: 0,
            });
            return None;
        }
        if meta.len() > MAX_REPORT_BYTES {
            return Some(Err(too_large(&name, None, meta.len())));
        }
        Some(read_whole(&name, file))
    }
}

fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

fn is_text(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "md" | "text")
    )
}

/// Report files under `dir`, in name order, how many others there were,
/// and notes on the report-named entries that are not regular files.
fn walk(dir: &Path) -> io::Result<(Vec<PathBuf>, usize, Vec<String>)> {
    let mut files = Vec::new();
    let mut skipped = 0;
    let mut notes = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        entries.sort();
        for path in entries.into_iter().rev() {
            let meta = std::fs::metadata(&path).ok();
            if meta.as_ref().is_some_and(std::fs::Metadata::is_dir) {
                stack.push(path);
            } else if !(is_text(&path) || is_jsonl(&path)) {
                skipped += 1;
            } else if let Some(kind) = meta.as_ref().and_then(special_kind) {
                skipped += 1;
                notes.push(format!(
                    "{}: {kind}, not a regular file; skipped",
                    path.display()
                ));
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    notes.sort();
    Ok((files, skipped, notes))
}

/// What a file that is neither a regular file nor a folder is.
fn special_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    if meta.is_file() || meta.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

fn read_whole(name: &str, reader: impl Read) -> Entry {
    let mut bytes = Vec::new();
    reader
        .take(MAX_REPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| failure(name, None, &io_problem(&e)))?;
    if bytes.len() as u64 > MAX_REPORT_BYTES {
        return Err(too_large(name, None, bytes.len() as u64));
    }
    Ok(Item {
        input: name.to_string(),
        line: None,
        kind: ItemKind::Text,
        bytes,
    })
}

/// The next non-blank line, held to the size of one report.
fn next_line(open: &mut OpenJsonl) -> Option<Entry> {
    loop {
        open.line += 1;
        let mut bytes = Vec::new();
        let limit = MAX_REPORT_BYTES + 1;
        let read = (&mut open.reader).take(limit).read_until(b'\n', &mut bytes);
        match read {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => return Some(Err(failure(&open.name, Some(open.line), &io_problem(&e)))),
        }
        if open.line == 1 && bytes.starts_with(BOM) {
            bytes.drain(..BOM.len());
        }
        if bytes.len() as u64 >= limit && bytes.last() != Some(&b'\n') {
            let rest = skip_line(&mut open.reader).unwrap_or(0);
            let size = (bytes.len() + rest) as u64;
            return Some(Err(too_large(&open.name, Some(open.line), size)));
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            bytes.pop();
        }
        return Some(Ok(Item {
            input: open.name.clone(),
            line: Some(open.line),
            kind: ItemKind::JsonLine,
            bytes,
        }));
    }
}

/// Discards the rest of an oversize line; returns how many bytes it had.
fn skip_line(reader: &mut dyn BufRead) -> io::Result<usize> {
    let mut skipped = 0;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        if let Some(i) = buf.iter().position(|b| *b == b'\n') {
            reader.consume(i + 1);
            return Ok(skipped + i + 1);
        }
        let n = buf.len();
        reader.consume(n);
        skipped += n;
    }
}

pub(crate) fn failure(input: &str, line: Option<usize>, reason: &str) -> Failure {
    Failure {
        input: input.to_string(),
        line,
        id: None,
        reason: reason.to_string(),
    }
}

fn too_large(name: &str, line: Option<usize>, size: u64) -> Failure {
    failure(
        name,
        line,
        &format!(
            "{} is larger than the {} limit for one report",
            human_size(size),
            human_size(MAX_REPORT_BYTES)
        ),
    )
}

fn io_problem(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => format!("cannot read: {e}"),
    }
}
