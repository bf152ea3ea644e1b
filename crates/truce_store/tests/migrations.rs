//! The two backends' migrations stay in step: the same files, and the same
//! statements once the known type spellings are made equal.

use std::fs;
use std::path::Path;

fn migrations(backend: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut files: Vec<(String, String)> = fs::read_dir(&dir)
        .expect("migrations folder")
        .map(|e| {
            let path = e.expect("entry").path();
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            (name, fs::read_to_string(&path).expect("readable migration"))
        })
        .collect();
    files.sort();
    files
}

/// Statements without comments, with each backend's type names mapped to
/// one spelling.
fn normalised(sql: &str) -> String {
    let body: String = sql
        .lines()
        .map(|l| l.split("--").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ");
    body.replace("BIGSERIAL PRIMARY KEY", "SERIAL_KEY")
        .replace("INTEGER PRIMARY KEY AUTOINCREMENT", "SERIAL_KEY")
        .replace("BIGINT", "INTEGER")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn sqlite_and_postgres_migrations_match() {
    let sqlite = migrations("sqlite");
    let postgres = migrations("postgres");
    assert!(!sqlite.is_empty());
    let names = |m: &[(String, String)]| m.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&sqlite), names(&postgres), "same migration files");
    for ((name, a), (_, b)) in sqlite.iter().zip(&postgres) {
        assert_eq!(normalised(a), normalised(b), "{name} differs beyond types");
    }
}
