//! A real server on a socket: a client that announces more body than it
//! sends is answered 408 instead of holding the server, and a read-only
//! server reads a read-only store file.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;
use truce_server::{ServerConfig, bind};
use truce_store::{SqlStore, Store};

const TOKEN: &str = "test-token-0123456789abcdef";
/// Generous: no answer by then means the server waits forever.
const HUNG: Duration = Duration::from_secs(30);

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("truce-server-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Sends `request` raw and returns what the server answers before it closes
/// the connection (or [`HUNG`] passes).
fn raw(addr: std::net::SocketAddr, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(HUNG)).expect("timeout");
    stream.write_all(request).expect("send");
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                answer.extend_from_slice(&buf[..n]);
                if answer.windows(4).any(|w| w == b"\r\n\r\n") && answer.ends_with(b"}") {
                    break;
                }
            }
            Err(e) => panic!("no answer within {HUNG:?}: {e}"),
        }
    }
    String::from_utf8_lossy(&answer).into_owned()
}

async fn store_with_a_report(db: &str) {
    let store = SqlStore::open(db).await.expect("store");
    let ex = truce_extract::Extractor::new().expect("extractor");
    let body = br#"{"id": "r1", "published": "2016-05-01", "text": "The army declared a truce in Homs until Monday."}"#;
    let prepared = truce_ingest::prepare_jsonl(&ex, "test", body, &Default::default());
    truce_ingest::store_prepared(&store, prepared)
        .await
        .expect("stored");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_shorter_than_its_content_length_gets_408() {
    let dir = scratch("short-body");
    let db = dir.join("t.db").display().to_string();
    let mut config = ServerConfig::new(&db);
    config.listen = "127.0.0.1:0".parse().expect("addr");
    config.token = Some(TOKEN.into());
    config.limits.body_timeout = Duration::from_secs(1);
    let server = bind(config).await.expect("bind");
    let addr = server.local_addr();
    tokio::spawn(server.run());
    let request = format!(
        "POST /api/reports HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Type: application/x-ndjson\r\nContent-Length: 1000\r\n\r\n{{\"id\": \"r1\""
    );
    let answer = tokio::task::spawn_blocking(move || raw(addr, request.as_bytes()))
        .await
        .expect("client");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("stopped arriving"), "{answer}");
    // The server still answers others.
    let health = tokio::task::spawn_blocking(move || {
        raw(
            addr,
            b"GET /api/health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n",
        )
    })
    .await
    .expect("client");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_server_reads_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("read-only");
    let path = dir.join("ro.db");
    let db = path.display().to_string();
    store_with_a_report(&db).await;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let mut config = ServerConfig::new(&db);
    config.listen = "127.0.0.1:0".parse().expect("addr");
    config.read_only = true;
    let server = bind(config).await.expect("a read-only server binds");
    let addr = server.local_addr();
    tokio::spawn(server.run());
    let (health, post) = tokio::task::spawn_blocking(move || {
        (
            raw(addr, b"GET /api/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"),
            raw(
                addr,
                b"POST /api/reports HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
            ),
        )
    })
    .await
    .expect("client");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.contains("\"documents\":1"), "{health}");
    assert!(post.starts_with("HTTP/1.1 403"), "{post}");
    // nothing written: the refused POST added no document (the file's bytes
    // are not compared: the writer that made the store may still be
    // checkpointing its log into it under load, which is not the server)
    let reader = SqlStore::open_read_only(&db).await.expect("open");
    assert_eq!(reader.stats().await.expect("stats").documents, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_over_the_cap_get_503_at_once() {
    let dir = scratch("cap");
    let db = dir.join("t.db").display().to_string();
    let mut config = ServerConfig::new(&db);
    config.listen = "127.0.0.1:0".parse().expect("addr");
    config.token = Some(TOKEN.into());
    config.limits.max_concurrent = 1;
    config.limits.body_timeout = Duration::from_secs(5);
    let server = bind(config).await.expect("bind");
    let addr = server.local_addr();
    tokio::spawn(server.run());
    let answers = tokio::task::spawn_blocking(move || {
        // Holds the one place: its body never comes.
        let mut slow = TcpStream::connect(addr).expect("connect");
        let head = format!(
            "POST /api/reports HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer {TOKEN}\r\nContent-Length: 50\r\n\r\n{{"
        );
        slow.write_all(head.as_bytes()).expect("send");
        std::thread::sleep(Duration::from_millis(500));
        let busy = raw(addr, b"GET /api/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        drop(slow);
        busy
    })
    .await
    .expect("client");
    assert!(answers.starts_with("HTTP/1.1 503"), "{answers}");
}
