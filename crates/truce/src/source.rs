//! Where `extract`'s input comes from: a file or standard input, held to
//! the size limit of one report.

use anyhow::{Result, anyhow};
use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;

pub use truce_ingest::text::{MAX_REPORT_BYTES, check_text, human_size, looks_binary};

/// A named input: a path, or `-` for standard input.
#[derive(Clone, Debug)]
pub struct Source {
    path: Option<PathBuf>,
}

impl Source {
    pub fn new(arg: &str) -> Self {
        Self {
            path: (arg != "-").then(|| PathBuf::from(arg)),
        }
    }

    /// Open for streaming.
    pub fn open(&self) -> Result<Box<dyn Read + Send>> {
        match &self.path {
            None => Ok(Box::new(io::stdin())),
            Some(path) => {
                let file = File::open(path).map_err(|e| self.io_error(&e))?;
                let meta = file.metadata().map_err(|e| self.io_error(&e))?;
                if meta.is_dir() {
                    return Err(anyhow!("{self}: is a directory, not a file"));
                }
                Ok(Box::new(file))
            }
        }
    }

    /// Read the whole input, refusing more than `limit` bytes.
    pub fn read_all(&self, limit: u64) -> Result<Vec<u8>> {
        if let Some(path) = &self.path {
            // Refuse early, before reading 200 MB, when the size is known.
            if let Ok(meta) = std::fs::metadata(path)
                && meta.is_file()
                && meta.len() > limit
            {
                return Err(self.too_large(Some(meta.len()), limit));
            }
        }
        let mut bytes = Vec::new();
        self.open()?
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| self.io_error(&e))?;
        if bytes.len() as u64 > limit {
            return Err(self.too_large(None, limit));
        }
        Ok(bytes)
    }

    pub fn io_error(&self, e: &io::Error) -> anyhow::Error {
        let problem = match e.kind() {
            io::ErrorKind::NotFound => "no such file".to_owned(),
            io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            io::ErrorKind::IsADirectory => "is a directory, not a file".to_owned(),
            io::ErrorKind::InvalidData => "not UTF-8 text".to_owned(),
            _ => format!("cannot read: {e}"),
        };
        anyhow!("{self}: {problem}")
    }

    fn too_large(&self, size: Option<u64>, limit: u64) -> anyhow::Error {
        let size = size.map_or_else(|| "the input".to_owned(), human_size);
        anyhow!(
            "{self}: {size} is larger than the {} limit for one report; split it or use --jsonl",
            human_size(limit)
        )
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            None => f.write_str("<stdin>"),
            Some(path) => write!(f, "{}", path.display()),
        }
    }
}
