//! Where the store is: a database URL or an SQLite file path.

use crate::StoreError;
use std::path::{Path, PathBuf};

/// The database engine behind a location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A location as given (`--db`, `TRUCE_DB`).
///
/// - `postgres:...` and `postgresql:...` are PostgreSQL URLs;
/// - `sqlite:PATH`, `sqlite://PATH` and `sqlite::memory:` are SQLite URLs:
///   their path is URL syntax (`%xx` is decoded, a `?` starts the query,
///   which truce ignores: it chooses the mode itself);
/// - anything else is a plain file path, taken literally (`?`, `%` and
///   `#` are characters of the name);
/// - an empty location is refused.
#[derive(Clone, Debug)]
pub(crate) struct Location {
    pub backend: Backend,
    /// The URL handed to the driver, without a mode (see [`Location::url`]).
    base: String,
    /// The SQLite file, when there is one (not for `sqlite::memory:`).
    pub file: Option<PathBuf>,
    /// The location for messages: passwords removed.
    pub shown: String,
}

impl Location {
    pub fn parse(given: &str) -> Result<Location, StoreError> {
        if given.trim().is_empty() {
            return Err(bad(
                given,
                "it is empty; give an SQLite file path or a postgres:// URL",
            ));
        }
        if given.starts_with("postgres:") || given.starts_with("postgresql:") {
            return Ok(Location {
                backend: Backend::Postgres,
                base: given.to_string(),
                file: None,
                shown: redact(given),
            });
        }
        match given.strip_prefix("sqlite:") {
            Some(rest) => sqlite_url(given, rest),
            None => Ok(sqlite_file(PathBuf::from(given), given.to_string())),
        }
    }

    /// The URL to connect with: SQLite files get `mode=ro` (read-only) or
    /// `mode=rwc` (read, write, create).
    pub fn url(&self, read_only: bool) -> String {
        match (&self.backend, &self.file) {
            (Backend::Sqlite, Some(_)) if read_only => format!("{}?mode=ro", self.base),
            (Backend::Sqlite, Some(_)) => format!("{}?mode=rwc", self.base),
            _ => self.base.clone(),
        }
    }
}

fn bad(given: &str, reason: &str) -> StoreError {
    StoreError::Location {
        given: redact(given),
        reason: reason.to_string(),
    }
}

/// `sqlite:` followed by `rest`: `:memory:`, `//PATH` or `PATH`, each
/// maybe with a `?query`.
fn sqlite_url(given: &str, rest: &str) -> Result<Location, StoreError> {
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let path = rest.split('?').next().unwrap_or(rest);
    if path == ":memory:" {
        return Ok(Location {
            backend: Backend::Sqlite,
            base: "sqlite::memory:".to_string(),
            file: None,
            shown: "sqlite::memory:".to_string(),
        });
    }
    let decoded = percent_decode(path)
        .ok_or_else(|| bad(given, "its path has a bad %-escape or is not UTF-8"))?;
    if decoded.is_empty() {
        return Err(bad(given, "it names no file (sqlite:PATH)"));
    }
    Ok(sqlite_file(PathBuf::from(decoded), given.to_string()))
}

fn sqlite_file(path: PathBuf, shown: String) -> Location {
    Location {
        backend: Backend::Sqlite,
        base: format!("sqlite://{}", percent_encode(&absolute(&path))),
        file: Some(path),
        shown,
    }
}

/// The path made absolute (not resolved), so the URL has no host part.
fn absolute(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// Every byte but ASCII letters, digits and `/-_.~` as `%XX`: the driver
/// decodes the path, so `%`, `?` and `#` in a file name stay literal.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `%XX` escapes decoded; `None` for a broken escape or bytes that are not
/// UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The default store: `$XDG_DATA_HOME/truce/truce.db`, else
/// `~/.local/share/truce/truce.db`, else `truce.db` in the working
/// directory.
pub fn default_location() -> PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|home| PathBuf::from(home).join(".local").join("share"))
        });
    match base {
        Some(base) => base.join("truce").join("truce.db"),
        None => PathBuf::from("truce.db"),
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((userinfo, host)) = rest.rsplit_once('@') else {
        return url.to_string();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(given: &str) -> Location {
        Location::parse(given).expect("a location")
    }

    #[test]
    fn locations() {
        let pg = parse("postgres://truce:hunter2@localhost/truce");
        assert_eq!(pg.backend, Backend::Postgres);
        assert_eq!(pg.shown, "postgres://truce:***@localhost/truce");
        assert_eq!(parse("postgresql:///truce").backend, Backend::Postgres);
        let file = parse("/tmp/x.db");
        assert_eq!(file.backend, Backend::Sqlite);
        assert_eq!(file.url(false), "sqlite:///tmp/x.db?mode=rwc");
        assert_eq!(file.url(true), "sqlite:///tmp/x.db?mode=ro");
        assert_eq!(file.file, Some(PathBuf::from("/tmp/x.db")));
        let rel = parse("sqlite:data/t.db");
        assert_eq!(rel.file, Some(PathBuf::from("data/t.db")));
        assert!(
            rel.url(false).starts_with("sqlite:///"),
            "{}",
            rel.url(false)
        );
        assert!(rel.url(false).ends_with("/data/t.db?mode=rwc"));
        assert!(parse("sqlite::memory:").file.is_none());
        assert_eq!(parse("sqlite::memory:").url(true), "sqlite::memory:");
    }

    #[test]
    fn plain_paths_are_literal() {
        let odd = parse("/tmp/a?b%41 c#d.db");
        assert_eq!(odd.file, Some(PathBuf::from("/tmp/a?b%41 c#d.db")));
        assert_eq!(
            odd.url(false),
            "sqlite:///tmp/a%3Fb%2541%20c%23d.db?mode=rwc"
        );
        assert_eq!(odd.shown, "/tmp/a?b%41 c#d.db");
        // A URL's path is URL syntax.
        let url = parse("sqlite:///tmp/a%20b.db?mode=rwc");
        assert_eq!(url.file, Some(PathBuf::from("/tmp/a b.db")));
    }

    #[test]
    fn empty_and_broken_locations_are_refused() {
        for given in ["", "  ", "sqlite:", "sqlite://", "sqlite:/tmp/%zz.db"] {
            let err = Location::parse(given).expect_err(given);
            assert!(err.to_string().contains("store location"), "{err}");
        }
    }

    #[test]
    fn round_trip_through_the_driver_encoding() {
        let path = "/tmp/ü ?%#.db";
        assert_eq!(percent_decode(&percent_encode(path)).as_deref(), Some(path));
    }
}
