//! Where the store is: a database URL or an SQLite file path.

use std::path::PathBuf;

/// The database engine behind a location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A location as given (`--db`, `TRUCE_DB`): `postgres://...` and
/// `postgresql://...` are PostgreSQL; `sqlite:...` URLs and plain paths are
/// SQLite files.
#[derive(Clone, Debug)]
pub(crate) struct Location {
    pub backend: Backend,
    /// The URL handed to the driver.
    pub url: String,
    /// The SQLite file, when there is one (not for `sqlite::memory:`).
    pub file: Option<PathBuf>,
    /// The location for messages: passwords removed.
    pub shown: String,
}

impl Location {
    pub fn parse(given: &str) -> Location {
        if given.starts_with("postgres://") || given.starts_with("postgresql://") {
            return Location {
                backend: Backend::Postgres,
                url: given.to_string(),
                file: None,
                shown: redact(given),
            };
        }
        let path = given
            .strip_prefix("sqlite://")
            .or_else(|| given.strip_prefix("sqlite:"))
            .unwrap_or(given);
        let path = path.split('?').next().unwrap_or(path);
        if path == ":memory:" || path.is_empty() {
            return Location {
                backend: Backend::Sqlite,
                url: "sqlite::memory:".to_string(),
                file: None,
                shown: "sqlite::memory:".to_string(),
            };
        }
        Location {
            backend: Backend::Sqlite,
            url: format!("sqlite://{path}?mode=rwc"),
            file: Some(PathBuf::from(path)),
            shown: path.to_string(),
        }
    }
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
    let Some((userinfo, host)) = rest.split_once('@') else {
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

    #[test]
    fn locations() {
        let pg = Location::parse("postgres://truce:hunter2@localhost/truce");
        assert_eq!(pg.backend, Backend::Postgres);
        assert_eq!(pg.shown, "postgres://truce:***@localhost/truce");
        let file = Location::parse("/tmp/x.db");
        assert_eq!(file.backend, Backend::Sqlite);
        assert_eq!(file.url, "sqlite:///tmp/x.db?mode=rwc");
        assert_eq!(file.file, Some(PathBuf::from("/tmp/x.db")));
        let rel = Location::parse("sqlite:data/t.db");
        assert_eq!(rel.url, "sqlite://data/t.db?mode=rwc");
        assert!(Location::parse("sqlite::memory:").file.is_none());
    }
}
