//! Bounded answers and a server that follows its store: pages and their
//! cursors, filters, ETags and 304, compression, one computation for many
//! concurrent cold requests, and reports written by another store handle
//! (another process, say) reaching a running server.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use serde_json::Value;
use std::time::Duration;
use tower::ServiceExt;
use truce_server::{AppState, ServerConfig, router};
use truce_store::{SqlStore, Store};

const TOKEN: &str = "test-token-0123456789abcdef";
/// Generous: the server not following by then means it does not.
const GIVE_UP: Duration = Duration::from_secs(120);

fn examples() -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/reports.jsonl");
    std::fs::read_to_string(root).expect("examples/reports.jsonl")
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("truce-bounded-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

async fn ingest(store: &SqlStore, body: &str) {
    let ex = truce_extract::Extractor::new().expect("extractor");
    let prepared = truce_ingest::prepare_jsonl(
        &ex,
        "test",
        body.as_bytes(),
        &truce_ingest::Defaults::default(),
    );
    assert!(prepared.failures.is_empty(), "{:?}", prepared.failures);
    truce_ingest::store_prepared(store, prepared)
        .await
        .expect("ingest");
}

async fn loaded(db: &str, poll: Duration) -> AppState {
    let store = SqlStore::open(db).await.expect("store");
    ingest(&store, &examples()).await;
    let mut config = ServerConfig::new(db);
    config.token = Some(TOKEN.into());
    config.poll = poll;
    AppState::load(store, &config).await.expect("state")
}

async fn call(app: &Router, req: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
    let res = app.clone().oneshot(req).await.expect("response");
    let status = res.status();
    let headers = res.headers().clone();
    let body = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec();
    (status, headers, body)
}

async fn get(app: &Router, uri: &str) -> (StatusCode, HeaderMap, Value) {
    let (s, h, b) = call(app, Request::get(uri).body(Body::empty()).expect("req")).await;
    let v = if b.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&b).unwrap_or_else(|e| panic!("{uri}: {e}"))
    };
    (s, h, v)
}

fn header<'h>(h: &'h HeaderMap, name: &str) -> Option<&'h str> {
    h.get(name).and_then(|v| v.to_str().ok())
}

/// Follows `X-Next-Cursor` from `uri` to the end; every item of every page.
async fn all_pages(app: &Router, uri: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut next: Option<String> = None;
    for _ in 0..10_000 {
        let sep = if uri.contains('?') { '&' } else { '?' };
        let u = match &next {
            Some(c) => format!("{uri}{sep}cursor={c}"),
            None => uri.to_string(),
        };
        let (s, h, v) = get(app, &u).await;
        assert_eq!(s, StatusCode::OK, "{u}: {v}");
        out.extend(v.as_array().expect("a page is an array").iter().cloned());
        match header(&h, "x-next-cursor") {
            Some(c) => {
                let link = header(&h, "link").expect("a Link with the cursor");
                assert!(link.contains(&format!("cursor={c}")) && link.ends_with("rel=\"next\""));
                next = Some(c.to_string());
            }
            None => return out,
        }
    }
    panic!("{uri}: the pages never end");
}

#[tokio::test]
async fn lists_page_with_cursors_and_filter() {
    let app = router(loaded("sqlite::memory:", Duration::ZERO).await);

    // Pages of one item add up to the whole list, which the default limit holds.
    for list in [
        "/api/truces",
        "/api/violations",
        "/api/disputes",
        "/api/incidents",
        "/api/claims",
        "/api/documents",
        "/api/timeline?place=Syria",
    ] {
        let (s, h, whole) = get(&app, list).await;
        assert_eq!(s, StatusCode::OK, "{list}: {whole}");
        let whole = whole.as_array().expect("array").clone();
        assert!(whole.len() <= 100);
        if let Some(total) = header(&h, "x-total-count") {
            assert_eq!(total, whole.len().to_string(), "{list}");
        }
        let sep = if list.contains('?') { '&' } else { '?' };
        let paged = all_pages(&app, &format!("{list}{sep}limit=1")).await;
        assert_eq!(paged, whole, "{list}");
    }
    let (_, _, claims) = get(&app, "/api/claims").await;
    assert!(
        claims.as_array().expect("claims").len() > 3,
        "examples hold claims"
    );

    // Filters.
    let (_, _, truces) = get(&app, "/api/truces").await;
    let truces = truces.as_array().expect("truces").clone();
    for t in &truces {
        let shown = t["links"].as_array().expect("links").len();
        assert!(
            shown <= 20 && t["links_total"].as_u64() >= Some(shown as u64),
            "{t}"
        );
    }
    let id = truces[0]["id"].as_str().expect("id").to_string();
    let (s, _, mine) = get(&app, &format!("/api/claims?truce={id}&limit=1000")).await;
    assert_eq!(s, StatusCode::OK);
    let (_, _, links) = get(&app, &format!("/api/truces/{id}")).await;
    assert_eq!(
        mine.as_array().expect("claims").len(),
        links["links"].as_array().expect("links").len(),
        "the claims of a truce are its links"
    );
    assert_eq!(
        truces[0]["links_total"].as_u64(),
        Some(links["links"].as_array().expect("links").len() as u64)
    );
    let (s, _, none) = get(&app, "/api/truces?from=1990-01-01&to=1990-02-01").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(none, serde_json::json!([]), "no truce in 1990");
    let (s, _, v) = get(&app, "/api/incidents?from=1990-01-01&to=1990-02-01").await;
    assert_eq!((s, v), (StatusCode::OK, serde_json::json!([])));
    let (s, _, v) = get(&app, "/api/documents?to=1990-01-01").await;
    assert_eq!((s, v), (StatusCode::OK, serde_json::json!([])));
    let (s, _, syria) = get(&app, "/api/truces?place=Syria").await;
    assert_eq!(s, StatusCode::OK);
    assert!(!syria.as_array().expect("truces").is_empty());
    let (s, _, v) = get(&app, "/api/truces?place=Nowhereville").await;
    assert_eq!(s, StatusCode::NOT_FOUND, "{v}");

    // Bad paging is a JSON 400.
    for bad in [
        "/api/truces?limit=0",
        "/api/truces?limit=1001",
        "/api/truces?cursor=nonsense",
        "/api/claims?cursor=c",
        "/api/violations?from=yesterday-ish",
        "/api/disputes?from=2016-06-01&to=2016-05-01",
    ] {
        let (s, _, v) = get(&app, bad).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}");
        assert!(v["error"].is_string(), "{bad}: {v}");
    }
}

#[tokio::test]
async fn the_overview_is_bounded_and_counts() {
    let app = router(loaded("sqlite::memory:", Duration::ZERO).await);
    let (s, _, full) = get(&app, "/api/overview").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(full["truncated"], false);
    for list in ["truces", "incidents", "violations", "disputes"] {
        assert_eq!(
            full["counts"][list].as_u64(),
            Some(full[list].as_array().expect(list).len() as u64),
            "{list}"
        );
    }
    let (s, _, one) = get(&app, "/api/overview?limit=1").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(one["truncated"], true);
    assert_eq!(one["counts"], full["counts"], "counts are of everything");
    assert_eq!(one["truces"].as_array().expect("truces").len(), 1);
    assert!(one["incidents"].as_array().expect("incidents").len() <= 1);
    let (s, _, v) = get(&app, "/api/overview?limit=0").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
}

#[tokio::test]
async fn etags_answer_304_until_the_store_changes_and_answers_are_compressed() {
    let app = router(loaded("sqlite::memory:", Duration::ZERO).await);
    let (s, h, _) = get(&app, "/api/truces").await;
    assert_eq!(s, StatusCode::OK);
    let tag = header(&h, "etag").expect("an ETag").to_string();
    assert_eq!(header(&h, "cache-control"), Some("no-cache"));
    let (_, h2, _) = get(&app, "/api/truces?limit=5").await;
    assert_ne!(
        header(&h2, "etag"),
        Some(tag.as_str()),
        "the request is in the tag"
    );

    let again = || {
        Request::get("/api/truces")
            .header(header::IF_NONE_MATCH, &tag)
            .body(Body::empty())
            .expect("req")
    };
    let (s, h, body) = call(&app, again()).await;
    assert_eq!(s, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    assert_eq!(header(&h, "etag"), Some(tag.as_str()));

    // A write moves the sequence: the old tag no longer matches.
    let post = Request::post("/api/reports")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::from(
            r#"{"id": "new-1", "published": "2016-06-01", "text": "The army declared a truce in Homs until Monday."}"#,
        ))
        .expect("req");
    let (s, _, b) = call(&app, post).await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&b));
    let (s, h, _) = call(&app, again()).await;
    assert_eq!(s, StatusCode::OK);
    assert_ne!(header(&h, "etag"), Some(tag.as_str()));

    for (accept, encoding) in [("gzip", "gzip"), ("br", "br"), ("br, gzip", "br")] {
        let req = Request::get("/api/truces")
            .header(header::ACCEPT_ENCODING, accept)
            .body(Body::empty())
            .expect("req");
        let (s, h, body) = call(&app, req).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(header(&h, "content-encoding"), Some(encoding), "{accept}");
        assert!(
            serde_json::from_slice::<Value>(&body).is_err(),
            "compressed"
        );
    }
    let (_, h, _) = get(&app, "/api/truces").await;
    assert_eq!(
        header(&h, "content-encoding"),
        None,
        "not without Accept-Encoding"
    );
}

/// Sixteen requests at once, on a generation nobody asked yet, cost one
/// computation, for every endpoint.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixteen_concurrent_cold_requests_cost_one_computation() {
    let state = loaded("sqlite::memory:", Duration::ZERO).await;
    let app = router(state.clone());
    // Ids from the ledger itself: no answer is computed before the test.
    let truce = state.current().ledger().truces().remove(0);
    let (id, doc, claim) = (
        truce.id.clone(),
        truce.links[0].document.clone(),
        truce.links[0].claim.clone(),
    );
    let endpoints = [
        "/api/overview".to_string(),
        "/api/board".into(),
        "/api/board?at=2016-05-01T12:00".into(),
        "/api/truces".into(),
        format!("/api/truces/{id}"),
        format!("/api/truces/{id}/claims"),
        "/api/status?place=Damascus".into(),
        "/api/timeline?place=Syria".into(),
        "/api/expiring?hours=8760".into(),
        "/api/violations".into(),
        "/api/disputes".into(),
        "/api/incidents".into(),
        "/api/claims?limit=3".into(),
        format!("/api/claims/{doc}/{claim}"),
        "/api/documents".into(),
        format!("/api/documents/{doc}"),
        "/api/export?format=csv".into(),
        "/api/stats".into(),
        "/api/status?place=Nowhereville".into(),
    ];
    for uri in &endpoints {
        let before = state.computations();
        let mut tasks = Vec::new();
        for _ in 0..16 {
            let (app, uri) = (app.clone(), uri.clone());
            tasks.push(tokio::spawn(async move {
                let (s, _, b) =
                    call(&app, Request::get(&uri).body(Body::empty()).expect("req")).await;
                (s, b)
            }));
        }
        let mut answers = Vec::new();
        for t in tasks {
            answers.push(t.await.expect("request"));
        }
        assert_eq!(state.computations() - before, 1, "{uri}");
        assert!(
            answers.windows(2).all(|w| w[0] == w[1]),
            "{uri}: one answer for all"
        );
        // Asked again: nothing computed.
        let (s, _, b) = call(&app, Request::get(uri).body(Body::empty()).expect("req")).await;
        assert_eq!((s, b), answers[0], "{uri}");
        assert_eq!(state.computations() - before, 1, "{uri} again");
    }
}

/// Polls `uri` until `done` holds for its JSON (or [`GIVE_UP`] passes).
async fn until(app: &Router, uri: &str, done: impl Fn(&Value) -> bool) -> Value {
    let start = std::time::Instant::now();
    loop {
        let (s, _, v) = get(app, uri).await;
        assert_eq!(s, StatusCode::OK, "{uri}: {v}");
        if done(&v) {
            return v;
        }
        assert!(start.elapsed() < GIVE_UP, "{uri} never changed: {v}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_server_follows_what_another_process_stores() {
    let dir = scratch("follow");
    let db = dir.join("t.db").display().to_string();
    let state = loaded(&db, Duration::from_millis(100)).await;
    let app = router(state.clone());
    let (_, _, health) = get(&app, "/api/health").await;
    let before = health["documents"].as_u64().expect("documents");
    let seq = health["sequence"].as_str().expect("sequence").to_string();

    // Another handle on the same file: what `truce ingest` does.
    let other = SqlStore::open(&db).await.expect("other");
    ingest(
        &other,
        r#"{"id": "elsewhere-1", "published": "2016-07-01", "text": "Rebels and the army agreed a truce in Daraa until Friday, the monitor said."}"#,
    )
    .await;
    let now = other.sequence().await.expect("sequence");
    other.close().await;

    let health = until(&app, "/api/health", |v| {
        v["documents"].as_u64() != Some(before)
    })
    .await;
    assert_eq!(health["documents"].as_u64(), Some(before + 1));
    assert_ne!(health["sequence"].as_str(), Some(seq.as_str()));
    assert_eq!(health["sequence"].as_str(), Some(now.to_string().as_str()));
    // One snapshot: the store's counts and the ledger's agree.
    let (_, _, stats) = get(&app, "/api/stats").await;
    assert_eq!(stats["store"]["documents"], stats["ledger"]["documents"]);
    let (s, _, doc) = get(&app, "/api/documents/elsewhere-1").await;
    assert_eq!(s, StatusCode::OK, "{doc}");
    assert!(state.rebuilds() >= 1);

    // A read-only server follows too.
    let mut config = ServerConfig::new(&db);
    config.read_only = true;
    config.poll = Duration::from_millis(100);
    let ro = SqlStore::open_read_only(&db).await.expect("read-only");
    let app_ro = router(AppState::load(ro, &config).await.expect("state"));
    let writer = SqlStore::open(&db).await.expect("writer");
    ingest(
        &writer,
        r#"{"id": "elsewhere-2", "published": "2016-07-02", "text": "The truce in Daraa collapsed on Saturday after shelling, residents said."}"#,
    )
    .await;
    writer.close().await;
    until(&app_ro, "/api/health", |v| {
        v["documents"].as_u64() == Some(before + 2)
    })
    .await;
    let _ = std::fs::remove_dir_all(&dir);
}
