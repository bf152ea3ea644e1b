//! The record of delivered events: an append-only JSON Lines file, one
//! line per event and sink, written and synced to disk after each delivery.

use crate::{AlertError, AlertEvent};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

#[derive(Serialize, Deserialize)]
struct Line {
    sink: String,
    id: String,
    #[serde(default)]
    kind: String,
    /// Unix seconds when it was delivered.
    #[serde(default)]
    delivered: u64,
}

/// Which events each sink (a webhook URL, `stdout`) has received.
///
/// A line is appended and synced only after the sink accepted the event,
/// so a process killed at any moment loses no event: at worst the one
/// being delivered is sent again after a restart, with the same id. A torn
/// last line (killed while writing it) is ignored on reading. The file is
/// locked while it is open (an advisory lock, released when the process
/// ends however it ends): a second watcher on the same record is refused.
#[derive(Debug)]
pub struct Delivered {
    path: PathBuf,
    seen: HashSet<(String, String)>,
    file: File,
}

impl Delivered {
    /// Opens (creating it and its folder if needed) and reads the record.
    pub fn open(path: &Path) -> Result<Delivered, AlertError> {
        let err = |reason: String| AlertError::State {
            path: path.display().to_string(),
            reason,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
        }
        let mut file = OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .open(path)
            .map_err(|e| err(e.to_string()))?;
        // two senders on one record would both send what it lacks
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(err(
                    "in use by another truce watch or serve (give each its own --state)".into(),
                ));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(err(e.to_string())),
        }
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(|e| err(e.to_string()))?;
        let mut seen = HashSet::new();
        for (n, line) in bytes.split(|b| *b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<Line>(line) {
                Ok(l) => {
                    seen.insert((l.sink, l.id));
                }
                // a record cut short by a kill while it was written
                Err(_) if line.starts_with(b"{\"sink\"") => {}
                Err(_) => {
                    return Err(err(format!(
                        "line {} is not a delivery record (is this the right file?)",
                        n + 1
                    )));
                }
            }
        }
        if bytes.last().is_some_and(|&b| b != b'\n') {
            // end a torn line so the next record starts on its own
            file.write_all(b"\n").map_err(|e| err(e.to_string()))?;
        }
        Ok(Delivered {
            path: path.to_path_buf(),
            seen,
            file,
        })
    }

    /// Whether `sink` has received the event `id`.
    pub fn contains(&self, sink: &str, id: &str) -> bool {
        self.seen.contains(&(sink.to_string(), id.to_string()))
    }

    /// Events of `events` that `sink` has not received, in their order.
    pub fn pending<'a>(&self, sink: &str, events: &'a [AlertEvent]) -> Vec<&'a AlertEvent> {
        events
            .iter()
            .filter(|e| !self.contains(sink, &e.id))
            .collect()
    }

    /// Records that `sink` received `event`: appended and synced before
    /// returning.
    pub fn record(&mut self, sink: &str, event: &AlertEvent) -> Result<(), AlertError> {
        if self.contains(sink, &event.id) {
            return Ok(());
        }
        let line = Line {
            sink: sink.to_string(),
            id: event.id.clone(),
            kind: event.kind.as_str().to_string(),
            delivered: jiff::Timestamp::now().as_second().max(0).unsigned_abs(),
        };
        let mut bytes = serde_json::to_vec(&line).map_err(|e| self.err(e.to_string()))?;
        bytes.push(b'\n');
        self.file
            .write_all(&bytes)
            .and_then(|()| self.file.sync_data())
            .map_err(|e| self.err(e.to_string()))?;
        self.seen.insert((line.sink, line.id));
        Ok(())
    }

    /// How many (sink, event) pairs are recorded.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, reason: String) -> AlertError {
        AlertError::State {
            path: self.path.display().to_string(),
            reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;

    fn event(id: &str) -> AlertEvent {
        AlertEvent {
            id: id.into(),
            kind: Kind::Declared,
            truce: "t1".into(),
            truce_key: "d:c1".into(),
            name: "n".into(),
            title: "n declared".into(),
            at: "2016-05-01T00:00:00+03:00".into(),
            place: None,
            end: None,
            dispute: None,
            claim: None,
            against: None,
        }
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("truce-alert-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join("alerts.jsonl")
    }

    #[test]
    fn records_survive_reopening_and_a_torn_last_line() {
        let path = temp("torn");
        let mut d = Delivered::open(&path).expect("open");
        d.record("hook", &event("ev-a")).expect("record");
        d.record("hook", &event("ev-a")).expect("again");
        drop(d);
        // a process killed mid-write leaves half a line
        let mut f = OpenOptions::new().append(true).open(&path).expect("f");
        f.write_all(b"{\"sink\":\"hook\",\"id\":\"ev-").expect("w");
        drop(f);
        let mut d = Delivered::open(&path).expect("reopen");
        assert!(d.contains("hook", "ev-a"));
        assert!(!d.contains("stdout", "ev-a"));
        assert_eq!(d.len(), 1);
        d.record("hook", &event("ev-b")).expect("record b");
        let busy = Delivered::open(&path).expect_err("locked while open");
        assert!(busy.to_string().contains("in use"), "{busy}");
        drop(d);
        let d = Delivered::open(&path).expect("third open");
        assert!(d.contains("hook", "ev-b"));
        assert_eq!(d.len(), 2);
        let evs = [event("ev-a"), event("ev-c")];
        let pending: Vec<&str> = d
            .pending("hook", &evs)
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(pending, ["ev-c"]);
    }

    #[test]
    fn a_file_of_something_else_is_refused() {
        let path = temp("other");
        std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
        std::fs::write(&path, "not json\nnor this\n").expect("write");
        let err = Delivered::open(&path).expect_err("refused");
        assert!(err.to_string().contains("alerts.jsonl"), "{err}");
    }
}
