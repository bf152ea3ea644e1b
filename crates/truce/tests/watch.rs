//! `truce watch` on loopback: a feed server (JSON Lines and RSS), a webhook
//! receiver that checks each signature, and a watcher killed and started
//! again. Every report here is invented for these tests.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

const SECRET: &str = "loopback-test-secret";

/// The first reports: a 72-hour truce in Homs from noon on Friday 6 March
/// 2026 (so it ends at noon on Monday 9 March), then a report it holds.
const FIRST: &str = r#"{"id": "wire-1", "published": "2026-03-06T14:00", "outlet": "Wire", "text": "The Syrian army declared a 72-hour truce in Homs starting at noon on Friday, state television said."}
{"id": "wire-2", "published": "2026-03-07T09:00", "outlet": "Wire", "text": "The truce in Homs was holding on Saturday, residents said."}
"#;

/// Later reports: an extension, a violation and a denial.
const LATER: &str = r#"{"id": "wire-3", "published": "2026-03-09T10:00", "outlet": "Wire", "text": "The Syrian army extended the truce in Homs for another 48 hours on Monday, state television said."}
{"id": "wire-4", "published": "2026-03-10T08:00", "outlet": "Courier", "text": "Rebel commanders said the truce in Homs was violated on Tuesday when government forces shelled the Waer district."}
"#;

/// One request as the receiver saw it.
#[derive(Clone, Debug)]
struct Received {
    path: String,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

/// A tiny HTTP/1.1 server on 127.0.0.1: GETs answer from `files`, POSTs
/// are kept in `received` and answered 200 (or 503 while `fail_next` > 0).
#[derive(Clone)]
struct Loopback {
    addr: String,
    files: Arc<Mutex<HashMap<String, (String, String)>>>,
    received: Arc<Mutex<Vec<Received>>>,
    fail_next: Arc<Mutex<u32>>,
    /// While true, an accepted POST waits before it is answered.
    hold: Arc<(Mutex<bool>, Condvar)>,
}

impl Loopback {
    fn start() -> Loopback {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("addr").to_string();
        let server = Loopback {
            addr,
            files: Arc::default(),
            received: Arc::default(),
            fail_next: Arc::default(),
            hold: Arc::default(),
        };
        let s = server.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let s = s.clone();
                std::thread::spawn(move || s.answer(stream));
            }
        });
        server
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn serve(&self, path: &str, content_type: &str, body: &str) {
        self.files
            .lock()
            .expect("files")
            .insert(path.into(), (content_type.into(), body.into()));
    }

    fn posts(&self) -> Vec<Received> {
        self.received.lock().expect("received").clone()
    }

    fn set_hold(&self, on: bool) {
        let (lock, cvar) = &*self.hold;
        *lock.lock().expect("hold") = on;
        cvar.notify_all();
    }

    /// Waits for the test to release the hold (at most two minutes: a
    /// guard against a hang, never a measure).
    fn wait_while_held(&self) {
        let (lock, cvar) = &*self.hold;
        let held = lock.lock().expect("hold");
        let _ = cvar.wait_timeout_while(held, Duration::from_secs(120), |on| *on);
    }

    fn answer(&self, stream: TcpStream) {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).is_err() {
            return;
        }
        let mut parts = request_line.split_whitespace();
        let (method, path) = (
            parts.next().unwrap_or("").to_string(),
            parts.next().unwrap_or("").to_string(),
        );
        let mut headers = HashMap::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
            }
        }
        let length: usize = headers
            .get("content-length")
            .and_then(|l| l.parse().ok())
            .unwrap_or(0);
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let (status, content_type, reply) = if method == "POST" {
            let mut fail = self.fail_next.lock().expect("fail");
            if *fail > 0 {
                *fail -= 1;
                (
                    "503 Service Unavailable",
                    String::from("text/plain"),
                    String::new(),
                )
            } else {
                self.received.lock().expect("received").push(Received {
                    path,
                    headers,
                    body,
                });
                ("200 OK", String::from("text/plain"), String::new())
            }
        } else {
            let file = self.files.lock().expect("files").get(&path).cloned();
            match file {
                Some((t, b)) => ("200 OK", t, b),
                None => ("404 Not Found", String::from("text/plain"), String::new()),
            }
        };
        if method == "POST" && status.starts_with("200") {
            self.wait_while_held();
        }
        let mut stream = stream;
        let _ = write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{reply}",
            reply.len()
        );
    }
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_truce")
}

/// A fresh folder under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("watch-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn watch_args(dir: &Path, source: &str, hook: Option<&str>) -> Vec<String> {
    let secret = dir.join("secret");
    std::fs::write(&secret, format!("{SECRET}\n")).expect("secret");
    let mut args: Vec<String> = vec![
        "--db".into(),
        dir.join("t.db").display().to_string(),
        "watch".into(),
        source.into(),
        "--now".into(),
        "2026-03-08T20:00".into(),
        "--horizon".into(),
        "24h".into(),
    ];
    if let Some(hook) = hook {
        args.extend([
            "--webhook".into(),
            hook.into(),
            "--secret-file".into(),
            secret.display().to_string(),
        ]);
    }
    args
}

fn run(args: &[String]) -> Output {
    Command::new(bin())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run truce")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every POST is signed with the secret, and its id header matches its body.
fn check_signed(posts: &[Received]) -> Vec<serde_json::Value> {
    let now = jiff::Timestamp::now().as_second().unsigned_abs();
    posts
        .iter()
        .map(|p| {
            let ts = p
                .headers
                .get("x-truce-timestamp")
                .expect("timestamp header");
            let sig = p
                .headers
                .get("x-truce-signature")
                .expect("signature header");
            assert!(sig.starts_with("sha256="), "{sig}");
            truce_alert::verify(SECRET.as_bytes(), ts, &p.body, sig, now, 600)
                .expect("the signature verifies");
            assert!(
                truce_alert::verify(b"another secret", ts, &p.body, sig, now, 600).is_err(),
                "a wrong secret must not verify"
            );
            let event: serde_json::Value = serde_json::from_slice(&p.body).expect("JSON body");
            assert_eq!(
                p.headers.get("x-truce-event-id").map(String::as_str),
                event["id"].as_str()
            );
            assert_eq!(
                p.headers.get("x-truce-event").map(String::as_str),
                event["kind"].as_str()
            );
            assert_eq!(p.path, "/hook");
            event
        })
        .collect()
}

fn kinds(events: &[serde_json::Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["kind"].as_str().unwrap_or("").to_string())
        .collect()
}

fn assert_each_once(events: &[serde_json::Value]) {
    let mut ids: Vec<&str> = events.iter().filter_map(|e| e["id"].as_str()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "an event was delivered twice: {events:#?}");
}

#[test]
fn a_signed_expiring_event_reaches_a_loopback_webhook_after_a_retry() {
    let dir = scratch("expiring");
    let server = Loopback::start();
    server.serve("/feed.jsonl", "application/x-ndjson", FIRST);
    *server.fail_next.lock().expect("fail") = 1; // the first POST gets 503
    let args = watch_args(&dir, &server.url("/feed.jsonl"), Some(&server.url("/hook")));
    let out = run(&[args, vec!["--once".into()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let events = check_signed(&server.posts());
    assert_eq!(kinds(&events), ["declared", "expiring"], "{events:#?}");
    let expiring = &events[1];
    assert_eq!(expiring["end"], "2026-03-09T12:00:00+03:00");
    assert_eq!(expiring["place"], "Homs");
    assert!(
        expiring["claim"]["evidence"]
            .as_str()
            .is_some_and(|e| e.contains("72-hour truce")),
        "{expiring}"
    );
    // the record sits beside the store
    let record = std::fs::read_to_string(dir.join("t.db.alerts.jsonl")).expect("record");
    assert_eq!(record.lines().count(), 2);
}

#[test]
fn killed_and_restarted_the_watcher_loses_and_repeats_nothing() {
    let dir = scratch("restart");
    let server = Loopback::start();
    server.serve("/feed.jsonl", "application/x-ndjson", FIRST);
    let args = watch_args(&dir, &server.url("/feed.jsonl"), Some(&server.url("/hook")));
    // a long-running watcher: one round, then it sleeps for an hour
    let mut child = Command::new(bin())
        .args(&args)
        .args(["--every", "1h"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start watch");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    // the round's summary line says it is done (read with a guard against a hang)
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        while stderr.read_line(&mut line).unwrap_or(0) > 0 {
            if line.contains("round 1") {
                let _ = tx.send(line.clone());
                break;
            }
            line.clear();
        }
    });
    let summary = rx.recv_timeout(Duration::from_secs(300));
    // a second watcher on the same record is refused while the first runs
    let second = run(&[args.clone(), vec!["--once".into()]].concat());
    child.kill().expect("kill -9");
    let _ = child.wait();
    let summary = summary.expect("the first round finished");
    assert!(summary.contains("2 sent"), "{summary}");
    assert_eq!(second.status.code(), Some(1), "{}", text(&second.stderr));
    assert!(
        text(&second.stderr).contains("t.db.alerts.jsonl")
            && text(&second.stderr).contains("in use"),
        "{}",
        text(&second.stderr)
    );
    assert_eq!(
        kinds(&check_signed(&server.posts())),
        ["declared", "expiring"]
    );

    // the same source again: nothing new to send
    let out = run(&[args.clone(), vec!["--once".into()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("0 sent"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(server.posts().len(), 2);

    // the source grows: only what is new is sent
    server.serve(
        "/feed.jsonl",
        "application/x-ndjson",
        &format!("{FIRST}{LATER}"),
    );
    let out = run(&[args.clone(), vec!["--once".into()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let events = check_signed(&server.posts());
    assert_each_once(&events);
    assert!(
        events.len() > 2,
        "the later reports made events: {events:#?}"
    );
    for kind in ["extended", "violated"] {
        assert!(
            kinds(&events[2..]).iter().any(|k| k == kind),
            "{kind}: {events:#?}"
        );
    }

    // and once more: nothing
    let out = run(&[args, vec!["--once".into()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(server.posts().len(), events.len());

    // nothing lost: the ids delivered across the kill are exactly those one
    // uninterrupted run over the whole source gives
    let fresh = scratch("restart-reference");
    let reference = run(&[
        watch_args(&fresh, &server.url("/feed.jsonl"), None),
        vec!["--once".into()],
    ]
    .concat());
    assert_eq!(
        reference.status.code(),
        Some(0),
        "{}",
        text(&reference.stderr)
    );
    let mut expected: Vec<String> = text(&reference.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON")["id"].to_string())
        .collect();
    let mut delivered: Vec<String> = events.iter().map(|e| e["id"].to_string()).collect();
    expected.sort();
    delivered.sort();
    assert_eq!(delivered, expected);
}

#[test]
fn an_rss_feed_is_read_into_reports() {
    let dir = scratch("rss");
    let server = Loopback::start();
    let rss = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item>
  <title>Army declares truce in Homs</title>
  <link>https://wire.example/homs-truce</link>
  <guid>wire-homs-1</guid>
  <description>&lt;p&gt;The Syrian army declared a 72-hour truce in Homs starting at noon on Friday, state television said.&lt;/p&gt;</description>
  <pubDate>Fri, 06 Mar 2026 14:00:00 +0200</pubDate>
</item>
</channel></rss>"#;
    server.serve("/feed.rss", "application/rss+xml", rss);
    let args = watch_args(&dir, &server.url("/feed.rss"), None);
    let out = run(&[args.clone(), vec!["--once".into()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let printed: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(kinds(&printed), ["declared", "expiring"], "{printed:#?}");
    assert_eq!(printed[0]["claim"]["outlet"], "wire.example");
    // a second round reads the same item: stored once, printed once
    let out = run(&[args, vec!["--once".into()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).is_empty(), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("0 new, 1 already stored"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_folder_is_watched_and_bad_sources_are_named() {
    let dir = scratch("folder");
    let reports = dir.join("reports");
    std::fs::create_dir_all(&reports).expect("reports dir");
    std::fs::write(reports.join("a.jsonl"), FIRST).expect("write");
    let args = watch_args(&dir, &reports.display().to_string(), None);
    let out = run(&[args.clone(), vec!["--once".into()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 2);
    std::fs::write(reports.join("b.jsonl"), LATER).expect("write");
    let out = run(&[args, vec!["--once".into()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let kinds: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON")["kind"].to_string())
        .collect();
    assert!(kinds.len() >= 2, "{kinds:?}");
    assert!(kinds.iter().all(|k| k != "\"declared\""), "{kinds:?}");

    let missing = dir.join("no-such-folder").display().to_string();
    let out = run(&watch_args(&dir, &missing, None));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(&missing),
        "{}",
        text(&out.stderr)
    );

    // a feed that is not there is an error naming it (with --once)
    let server = Loopback::start();
    let url = server.url("/gone.jsonl");
    let out = run(&[watch_args(&dir, &url, None), vec!["--once".into()]].concat());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(&url), "{}", text(&out.stderr));

    // --webhook without --secret-file is a usage error
    let out = run(&[
        watch_args(&dir, &missing, None),
        vec!["--webhook".into(), "http://127.0.0.1:9/x".into()],
    ]
    .concat());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn sigterm_during_a_delivery_finishes_it_records_it_and_stops() {
    let dir = scratch("sigterm");
    let server = Loopback::start();
    server.serve("/feed.jsonl", "application/x-ndjson", FIRST);
    server.set_hold(true);
    let args = watch_args(&dir, &server.url("/feed.jsonl"), Some(&server.url("/hook")));
    // the receiver holds its answer: let each attempt wait long enough
    let mut child = Command::new(bin())
        .args(&args)
        .args(["--every", "1h", "--webhook-timeout", "600"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start watch");
    // the first event has arrived and waits for its answer
    let mut waited = 0;
    while server.posts().is_empty() && waited < 1200 {
        std::thread::sleep(Duration::from_millis(100));
        waited += 1;
    }
    assert_eq!(server.posts().len(), 1, "the first POST arrived");
    // the watcher's messages, line by line
    let stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let (tx, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill -TERM");
    assert!(killed.success());
    // it says it heard the signal; only then does the receiver answer
    let mut said = Vec::new();
    while let Ok(line) = lines.recv_timeout(Duration::from_secs(120)) {
        let heard = line.contains("stopping");
        said.push(line);
        if heard {
            break;
        }
    }
    assert!(said.iter().any(|l| l.contains("stopping")), "{said:?}");
    server.set_hold(false);
    let status = child.wait().expect("the watcher stops");
    said.extend(lines.iter());
    let stderr = said.join("\n");
    assert_eq!(status.code(), Some(0), "{stderr}");
    // the event in flight was finished and recorded; the next one waits
    assert_eq!(server.posts().len(), 1, "{stderr}");
    let record = std::fs::read_to_string(dir.join("t.db.alerts.jsonl")).expect("record");
    assert_eq!(record.lines().count(), 1, "{record}");
    // started again: the rest, and nothing twice
    let out = run(&[args, vec!["--once".into()]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let events = check_signed(&server.posts());
    assert_each_once(&events);
    assert_eq!(kinds(&events), ["declared", "expiring"]);
}
