//! Alerts on the server: the Atom feed, server-sent events on a change of
//! the store, and signed webhooks posted to a receiver on loopback. The
//! reports are invented for these tests.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use futures_util::StreamExt;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;
use tower::ServiceExt;
use truce_alert::{Delivered, Webhook};
use truce_server::{AlertConfig, AppState, ServerConfig, router};
use truce_store::SqlStore;

const TOKEN: &str = "test-token-0123456789abcdef";
const SECRET: &str = "feed-test-secret";

const FIRST: &str = r#"{"id": "wire-1", "published": "2026-03-06T14:00", "outlet": "Wire", "text": "The Syrian army declared a 72-hour truce in Homs starting at noon on Friday, state television said."}
{"id": "wire-2", "published": "2026-03-07T09:00", "outlet": "Wire", "text": "The truce in Homs was holding on Saturday, residents said."}
"#;

const LATER: &str = r#"{"id": "wire-3", "published": "2026-03-09T10:00", "outlet": "Wire", "text": "The Syrian army extended the truce in Homs for another 48 hours on Monday, state television said."}
"#;

/// A POST as the receiver saw it: headers (lower-case names) and body.
type Post = (Vec<(String, String)>, Vec<u8>);

/// A guard against a hang (never an assertion about speed).
const PATIENCE: Duration = Duration::from_secs(120);

/// A webhook receiver on 127.0.0.1: every POST's headers and body go to
/// the channel; the answer is 200.
async fn receiver() -> (String, mpsc::UnboundedReceiver<Post>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let tx = tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut reader = BufReader::new(read);
                let mut headers = Vec::new();
                let mut line = String::new();
                reader.read_line(&mut line).await.ok();
                loop {
                    line.clear();
                    if reader.read_line(&mut line).await.unwrap_or(0) == 0 || line.trim().is_empty()
                    {
                        break;
                    }
                    if let Some((k, v)) = line.split_once(':') {
                        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                    }
                }
                let length = headers
                    .iter()
                    .find(|(k, _)| k == "content-length")
                    .and_then(|(_, v)| v.parse().ok())
                    .unwrap_or(0);
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).await.is_err() {
                    return;
                }
                let _ = tx.send((headers, body));
                let _ = write
                    .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .await;
            });
        }
    });
    (url, rx)
}

/// The next POST, with its signature checked; the event as JSON.
async fn next_event(rx: &mut mpsc::UnboundedReceiver<Post>) -> serde_json::Value {
    let (headers, body) = tokio::time::timeout(PATIENCE, rx.recv())
        .await
        .expect("a webhook post came")
        .expect("receiver open");
    let get = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("header {name}"))
    };
    let now = jiff::Timestamp::now().as_second().unsigned_abs();
    truce_alert::verify(
        SECRET.as_bytes(),
        &get("x-truce-timestamp"),
        &body,
        &get("x-truce-signature"),
        now,
        600,
    )
    .expect("signed with the secret");
    let event: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(event["id"].as_str(), Some(get("x-truce-event-id").as_str()));
    event
}

async fn state(alerts: AlertConfig) -> AppState {
    let store = SqlStore::open("sqlite::memory:").await.expect("store");
    let ex = truce_extract::Extractor::new().expect("extractor");
    let prepared = truce_ingest::prepare_jsonl(
        &ex,
        "test",
        FIRST.as_bytes(),
        &truce_ingest::Defaults::default(),
    );
    truce_ingest::store_prepared(&store, prepared)
        .await
        .expect("ingest");
    let mut config = ServerConfig::new("sqlite::memory:");
    config.token = Some(TOKEN.into());
    config.alerts = alerts;
    AppState::load(store, &config).await.expect("state")
}

async fn body_text(app: &Router, uri: &str) -> (StatusCode, String, String) {
    let res = app
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let status = res.status();
    let ctype = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .expect("body");
    (status, ctype, String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_atom_feed_lists_the_alert_events() {
    let app = router(state(AlertConfig::default()).await);
    let (status, ctype, xml) = body_text(&app, "/api/feed.atom").await;
    assert_eq!(status, StatusCode::OK);
    assert!(ctype.starts_with("application/atom+xml"), "{ctype}");
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert!(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    assert_eq!(xml.matches("<entry>").count(), 1, "{xml}");
    assert!(xml.contains("<category term=\"declared\"/>"), "{xml}");
    assert!(xml.contains("<id>urn:truce:event:ev-"), "{xml}");
    assert!(xml.contains("Syrian army"), "{xml}");
    let (status, _, doc) = body_text(&app, "/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let doc: serde_json::Value = serde_json::from_str(&doc).expect("OpenAPI JSON");
    for path in ["/api/feed.atom", "/api/events"] {
        assert!(doc["paths"].get(path).is_some(), "{path} not documented");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_is_an_event_on_the_stream_and_a_signed_webhook() {
    let (url, mut posts) = receiver().await;
    let dir = std::env::temp_dir().join(format!("truce-feed-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let record = Delivered::open(&dir.join("alerts.jsonl")).expect("record");
    let hook = Webhook::new(&url, SECRET.as_bytes().to_vec()).expect("hook");
    let alerts = AlertConfig {
        webhook: Some((hook, Arc::new(Mutex::new(record)))),
        ..AlertConfig::default()
    };
    let app = router(state(alerts).await);

    // what the store held at start is posted once
    let first = next_event(&mut posts).await;
    assert_eq!(first["kind"], "declared", "{first}");

    // the page's stream: a `change` on connecting
    let res = app
        .clone()
        .oneshot(
            Request::get("/api/events")
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("response");
    assert_eq!(res.status(), StatusCode::OK);
    let ctype = res.headers().get(header::CONTENT_TYPE).cloned();
    assert_eq!(
        ctype.as_ref().and_then(|v| v.to_str().ok()),
        Some("text/event-stream")
    );
    let mut stream = res.into_body().into_data_stream();
    let mut next_chunk = async || -> String {
        let chunk = tokio::time::timeout(PATIENCE, stream.next())
            .await
            .expect("an event came")
            .expect("stream open")
            .expect("chunk");
        String::from_utf8_lossy(&chunk).into_owned()
    };
    let hello = next_chunk().await;
    assert!(hello.contains("event: change"), "{hello}");
    assert!(hello.contains("\"documents\":2"), "{hello}");

    // a write: the stream says so, and the extension is posted, signed
    let write = Request::post("/api/reports")
        .header(header::CONTENT_TYPE, "application/x-ndjson")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::from(LATER))
        .expect("request");
    let res = app.clone().oneshot(write).await.expect("response");
    assert!(res.status().is_success(), "{}", res.status());
    let mut seen = String::new();
    while !seen.contains("\"documents\":3") {
        seen.push_str(&next_chunk().await);
    }
    assert!(seen.contains("event: change"), "{seen}");
    let extended = next_event(&mut posts).await;
    assert_eq!(extended["kind"], "extended", "{extended}");
    assert_ne!(extended["id"], first["id"]);
    // the stream also carries what was posted (the first batch too, if
    // it was posted after the page connected)
    let id = extended["id"].as_str().expect("id");
    while !seen.contains(id) {
        seen.push_str(&next_chunk().await);
    }
    assert!(seen.contains("event: alerts"), "{seen}");
    // each event was posted once
    let record = std::fs::read_to_string(dir.join("alerts.jsonl")).expect("record");
    assert_eq!(record.lines().count(), 2, "{record}");
    let _ = std::fs::remove_dir_all(&dir);
}
