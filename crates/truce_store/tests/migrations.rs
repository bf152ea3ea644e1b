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

/// Released migrations, by FNV-1a 64 of their bytes. A committed migration
/// counts as released: some store has applied it, and an edited one would
/// make that store refuse to open (its recorded checksum would differ).
/// Change the schema with a new migration file, and add its line here.
const RELEASED: &[(&str, u64)] = &[
    (
        "postgres/0001_documents_and_claims.sql",
        0x6d51_4b1a_b458_8f57,
    ),
    (
        "sqlite/0001_documents_and_claims.sql",
        0xd55c_0e3d_fc2b_02e0,
    ),
];

fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[test]
fn released_migrations_are_never_edited() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    for (name, expected) in RELEASED {
        let bytes = fs::read(root.join(name)).expect("a released migration is never removed");
        assert_eq!(
            fnv1a64(&bytes),
            *expected,
            "migrations/{name} was edited after its release; restore it and add a new migration instead"
        );
    }
    for backend in ["sqlite", "postgres"] {
        for (file, _) in migrations(backend) {
            let name = format!("{backend}/{file}");
            assert!(
                RELEASED.iter().any(|(n, _)| *n == name),
                "migrations/{name} is new: add its checksum to RELEASED (fnv1a64 {:#x})",
                fnv1a64(&fs::read(root.join(&name)).unwrap_or_default())
            );
        }
    }
}
