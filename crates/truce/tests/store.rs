//! The store through the binary, where it can go wrong: a held lock, two
//! writers on a new store, a kill -9 during the first open, odd and empty
//! `--db` values, a read-only store, loose times and places. Every run has
//! a deadline: one that has not ended by then counts as hung.

mod common;

use common::{Run, repo};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Generous: a run that has not ended by then is hung.
const HUNG: Duration = Duration::from_secs(60);

fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("truce-store-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn start(args: &[&str], out: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_truce"))
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(out.with_extension("out")).expect("stdout file"))
        .stderr(std::fs::File::create(out.with_extension("err")).expect("stderr file"))
        .spawn()
        .expect("run truce")
}

/// Waits for a run; kills it and fails the test if it outlives [`HUNG`].
fn finish(mut child: Child, out: &Path, what: &str) -> Run {
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll") {
            break status;
        }
        if started.elapsed() > HUNG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} hung: still running after {HUNG:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |ext| std::fs::read_to_string(out.with_extension(ext)).unwrap_or_default();
    Run {
        code: status.code(),
        stdout: read("out"),
        stderr: read("err"),
    }
}

fn run(args: &[&str], out: &Path) -> Run {
    finish(start(args, out), out, &args.join(" "))
}

fn db_args<'a>(db: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["--db", db];
    args.extend_from_slice(rest);
    args
}

fn ok(run: Run) -> Run {
    assert_eq!(
        run.code,
        Some(0),
        "stderr: {}\nstdout: {}",
        run.stderr,
        run.stdout
    );
    run
}

/// JSON Lines of `n` short distinct reports.
fn reports(n: usize, path: &Path) {
    let lines: String = (0..n)
        .map(|i| {
            format!(
                "{{\"id\": \"r{i}\", \"published\": \"2016-05-01\", \"text\": \"Report {i}: the truce held in Homs on day {i}.\"}}\n"
            )
        })
        .collect();
    std::fs::write(path, lines).expect("write reports");
}

#[test]
fn a_held_lock_ends_ingest_with_a_message_not_a_hang() {
    let dir = scratch_dir("locked");
    let db = dir.join("t.db");
    let db = db.to_str().expect("path");
    ok(run(
        &db_args(db, &["ingest", "examples/reports"]),
        &dir.join("first"),
    ));
    let input = dir.join("many.jsonl");
    // More batches than the reader can hand over while the first waits.
    reports(truce_ingest::BATCH_DOCUMENTS * 4, &input);

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    sqlx::any::install_default_drivers();
    let pool = rt
        .block_on(sqlx::AnyPool::connect(&format!("sqlite://{db}")))
        .expect("raw connection");
    let holder = rt
        .block_on(pool.begin_with("BEGIN IMMEDIATE"))
        .expect("the write lock");
    let locked = run(
        &db_args(db, &["ingest", input.to_str().expect("path")]),
        &dir.join("second"),
    );
    rt.block_on(holder.rollback()).expect("release");
    assert_eq!(locked.code, Some(1), "{}", locked.stderr);
    assert!(
        locked.stderr.contains(db),
        "names the store: {}",
        locked.stderr
    );
    assert!(
        locked.stderr.contains("locked by another writer"),
        "{}",
        locked.stderr
    );
}

#[test]
fn two_ingests_into_one_new_store_both_succeed() {
    for trial in 0..3 {
        let dir = scratch_dir(&format!("pair-{trial}"));
        let db = dir.join("new.db");
        let db = db.to_str().expect("path");
        let a = start(
            &db_args(db, &["ingest", "examples/reports"]),
            &dir.join("a"),
        );
        let b = start(
            &db_args(db, &["ingest", "examples/reports.jsonl"]),
            &dir.join("b"),
        );
        ok(finish(a, &dir.join("a"), "first ingest"));
        ok(finish(b, &dir.join("b"), "second ingest"));
        let stats = ok(run(
            &db_args(db, &["stats", "--format", "json"]),
            &dir.join("s"),
        ))
        .json();
        assert!(
            stats["documents"].as_u64().is_some_and(|n| n > 0),
            "{stats}"
        );
    }
}

#[test]
fn a_kill_during_the_first_open_leaves_a_store_the_next_open_completes() {
    for delay_ms in [0, 3, 6, 10, 20, 40] {
        let dir = scratch_dir(&format!("kill-{delay_ms}"));
        let db = dir.join("k.db");
        let db = db.to_str().expect("path");
        let mut child = start(
            &db_args(db, &["ingest", "examples/reports"]),
            &dir.join("k"),
        );
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let again = run(
            &db_args(db, &["ingest", "examples/reports"]),
            &dir.join("again"),
        );
        assert_eq!(
            again.code,
            Some(0),
            "after a kill at {delay_ms} ms: {}",
            again.stderr
        );
        ok(run(&db_args(db, &["stats"]), &dir.join("stats")));
    }
}

#[test]
fn db_values_empty_and_literal() {
    let dir = scratch_dir("db-values");
    let empty = run(&["--db", "", "stats"], &dir.join("empty"));
    assert_eq!(empty.code, Some(1), "{}", empty.stderr);
    assert!(
        empty.stderr.contains("store location is empty"),
        "{}",
        empty.stderr
    );
    let from_env = finish(
        Command::new(env!("CARGO_BIN_EXE_truce"))
            .args(["ingest", "examples/reports"])
            .env("TRUCE_DB", "")
            .current_dir(repo())
            .stdout(std::fs::File::create(dir.join("env.out")).expect("file"))
            .stderr(std::fs::File::create(dir.join("env.err")).expect("file"))
            .spawn()
            .expect("run"),
        &dir.join("env"),
        "ingest with an empty TRUCE_DB",
    );
    assert_eq!(from_env.code, Some(1), "{}", from_env.stdout);
    assert!(from_env.stderr.contains("TRUCE_DB"), "{}", from_env.stderr);

    let odd = dir.join("a?b%41 #c.db");
    let odd = odd.to_str().expect("path");
    ok(run(
        &db_args(odd, &["ingest", "examples/reports"]),
        &dir.join("odd"),
    ));
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".db"))
        .collect();
    assert_eq!(
        names,
        ["a?b%41 #c.db"],
        "the path is the file name, literally"
    );
    let stats = ok(run(
        &db_args(odd, &["stats", "--format", "json"]),
        &dir.join("s"),
    ))
    .json();
    assert!(stats["documents"].as_u64().is_some_and(|n| n > 0));
}

#[cfg(unix)]
#[test]
fn a_read_only_store_answers_every_question() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch_dir("read-only");
    let db_path = dir.join("ro.db");
    let db = db_path.to_str().expect("path");
    ok(run(
        &db_args(db, &["ingest", "examples/reports"]),
        &dir.join("ingest"),
    ));
    std::fs::set_permissions(&db_path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = std::fs::read(&db_path).expect("read");
    let questions: &[&[&str]] = &[
        &["stats"],
        &["board"],
        &["status", "Damascus"],
        &["timeline", "--place", "Damascus"],
        &["expiring"],
        &["violations"],
        &["disputes"],
        &["export", "--format", "geojson"],
    ];
    for (i, q) in questions.iter().enumerate() {
        ok(run(&db_args(db, q), &dir.join(format!("q{i}"))));
    }
    assert_eq!(
        std::fs::read(&db_path).expect("read"),
        before,
        "nothing written"
    );
    let missing = dir.join("missing.db");
    let asked = run(
        &db_args(missing.to_str().expect("path"), &["board"]),
        &dir.join("missing"),
    );
    assert_eq!(asked.code, Some(1));
    assert!(
        asked.stderr.contains("no truce store yet"),
        "{}",
        asked.stderr
    );
    assert!(!missing.exists(), "a question creates no store");
}

#[test]
fn loose_times_and_places() {
    let dir = scratch_dir("loose");
    let db = dir.join("t.db");
    let db = db.to_str().expect("path");
    ok(run(
        &db_args(db, &["ingest", "examples/reports"]),
        &dir.join("ingest"),
    ));
    let far = run(
        &db_args(db, &["board", "--at", "2016-05-01T20:00-25:00"]),
        &dir.join("far"),
    );
    assert_eq!(far.code, Some(2), "{}", far.stderr);
    assert!(far.stderr.contains("out of range"), "{}", far.stderr);
    assert!(far.stderr.contains("-25:00"), "{}", far.stderr);
    for at in [
        "2016-05-01T20:00+14:30",
        "2016-05-01T20:00Z",
        "2016-05-01T20:00-03:00",
    ] {
        ok(run(&db_args(db, &["board", "--at", at]), &dir.join("at")));
    }
    let expiring = run(
        &db_args(db, &["expiring", "--now", "2016-05-01T20:00+3"]),
        &dir.join("now"),
    );
    assert_eq!(expiring.code, Some(2), "{}", expiring.stderr);

    let nowhere = run(&db_args(db, &["status", "Qqqqxzzzv"]), &dir.join("nowhere"));
    assert_eq!(nowhere.code, Some(1));
    assert!(
        nowhere.stderr.contains("unknown place \"Qqqqxzzzv\""),
        "{}",
        nowhere.stderr
    );
    assert!(
        !nowhere.stderr.contains("did you mean"),
        "{}",
        nowhere.stderr
    );
}

#[test]
fn a_bom_and_a_fifo_in_an_ingested_folder() {
    let dir = scratch_dir("loose-inputs");
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(
        folder.join("a.jsonl"),
        "\u{feff}{\"id\": \"b1\", \"published\": \"2016-05-01\", \"text\": \"The truce held in Homs.\"}\n",
    )
    .expect("write");
    let fifo = folder.join("pipe.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let db = dir.join("t.db");
    let done = ok(run(
        &db_args(
            db.to_str().expect("path"),
            &["ingest", folder.to_str().expect("path")],
        ),
        &dir.join("ingest"),
    ));
    assert!(done.stdout.contains("new 1"), "{}", done.stdout);
    assert!(!done.stdout.contains("failed:"), "{}", done.stdout);
    let extracted = ok(run(
        &[
            "extract",
            "--jsonl",
            folder.join("a.jsonl").to_str().expect("path"),
        ],
        &dir.join("extract"),
    ));
    assert!(
        !extracted.stdout.contains("\"error\""),
        "{}",
        extracted.stdout
    );
    if made {
        assert!(done.stdout.contains("note:"), "{}", done.stdout);
        assert!(done.stdout.contains("FIFO"), "{}", done.stdout);
    }
}

/// SIGTERM stops a server within the drain deadline, even with a client
/// holding a half-sent request.
#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_with_a_client_holding_a_connection() {
    use std::io::Write;
    let dir = scratch_dir("sigterm");
    let db = dir.join("t.db");
    let db = db.to_str().expect("path");
    ok(run(
        &db_args(db, &["ingest", "examples/reports"]),
        &dir.join("ingest"),
    ));
    let out = dir.join("serve");
    let child = start(
        &db_args(db, &["serve", "--read-only", "--listen", "127.0.0.1:0"]),
        &out,
    );
    let started = Instant::now();
    let addr = loop {
        let err = std::fs::read_to_string(out.with_extension("err")).unwrap_or_default();
        if let Some(rest) = err.split("serving http://").nth(1) {
            break rest.split('/').next().unwrap_or_default().to_string();
        }
        assert!(started.elapsed() < HUNG, "the server did not start: {err}");
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut half = std::net::TcpStream::connect(&addr).expect("connect");
    half.write_all(b"GET /api/health HTTP/1.1\r\nHost: t\r\n")
        .expect("send");
    std::thread::sleep(Duration::from_millis(200));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let stopped = Instant::now();
    let done = finish(child, &out, "serve after SIGTERM");
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    assert!(
        stopped.elapsed() < Duration::from_secs(30),
        "stopped after {:?}",
        stopped.elapsed()
    );
    drop(half);
}
