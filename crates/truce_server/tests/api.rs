//! The API in process: reads, the write rules (401, 413, 400), the OpenAPI
//! document, and a document holding markup served as data.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::Value;
use tower::ServiceExt;
use truce_server::{AppState, ServerConfig, ServerError, check_token, router};
use truce_store::SqlStore;

const TOKEN: &str = "test-token-0123456789abcdef";

fn examples() -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/reports.jsonl");
    std::fs::read_to_string(root).expect("examples/reports.jsonl")
}

fn example_count() -> usize {
    examples().lines().filter(|l| !l.trim().is_empty()).count()
}

fn markup() -> String {
    let p = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/markup.jsonl");
    std::fs::read_to_string(p).expect("fixture")
}

async fn state(limit: usize, preload: &[String]) -> AppState {
    let store = SqlStore::open("sqlite::memory:").await.expect("store");
    let ex = truce_extract::Extractor::new().expect("extractor");
    for body in preload {
        let prepared = truce_ingest::prepare_jsonl(
            &ex,
            "test",
            body.as_bytes(),
            &truce_ingest::Defaults::default(),
        );
        assert!(prepared.failures.is_empty(), "{:?}", prepared.failures);
        truce_ingest::store_prepared(&store, prepared)
            .await
            .expect("ingest");
    }
    let mut config = ServerConfig::new("sqlite::memory:");
    config.token = Some(TOKEN.into());
    config.body_limit = limit;
    AppState::load(store, &config).await.expect("state")
}

async fn call(app: &Router, req: Request<Body>) -> (StatusCode, String, Vec<u8>) {
    let res = app.clone().oneshot(req).await.expect("response");
    let status = res.status();
    let ctype = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec();
    (status, ctype, body)
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    let (status, ctype, body) =
        call(app, Request::get(uri).body(Body::empty()).expect("request")).await;
    assert!(
        ctype.starts_with("application/") && ctype.contains("json"),
        "{uri}: {ctype}"
    );
    (status, serde_json::from_slice(&body).expect("json"))
}

fn post(body: impl Into<Body>, auth: Option<&str>) -> Request<Body> {
    let mut r = Request::post("/api/reports").header(header::CONTENT_TYPE, "application/x-ndjson");
    if let Some(a) = auth {
        r = r.header(header::AUTHORIZATION, a);
    }
    r.body(body.into()).expect("request")
}

async fn documents(app: &Router) -> i64 {
    let (s, v) = get(app, "/api/stats").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["store"]["documents"], v["ledger"]["documents"]);
    v["store"]["documents"].as_i64().expect("count")
}

#[tokio::test]
async fn reads_answer_json() {
    let app = router(state(1 << 20, &[examples()]).await);
    let (s, v) = get(&app, "/api/health").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["documents"], example_count());

    let (s, v) = get(&app, "/api/truces").await;
    assert_eq!(s, StatusCode::OK);
    let truces = v.as_array().expect("list");
    assert!(!truces.is_empty());
    let id = truces[0]["id"].as_str().expect("id").to_string();

    let (s, v) = get(&app, &format!("/api/truces/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["id"], id.as_str());

    let (s, v) = get(&app, &format!("/api/truces/{id}/claims")).await;
    assert_eq!(s, StatusCode::OK);
    let claims = v.as_array().expect("claims");
    assert!(!claims.is_empty());
    for c in claims {
        let p = &c["passage"];
        assert_eq!(p["evidence"], c["claim"]["evidence"]["text"], "{c}");
        assert!(c["source"]["id"].is_string());
        assert!(c["claim"]["attribution"]["chain"].is_array());
    }

    let (s, v) = get(&app, "/api/status?place=Damascus&at=2016-04-25T12:00").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["place"]["name"], "Damascus");
    assert!(
        v["truces"]
            .as_array()
            .expect("truces")
            .iter()
            .any(|t| t["state"] == "in_force"),
        "{v}"
    );

    for uri in [
        "/api/timeline?place=Damascus",
        &format!("/api/timeline?truce={id}"),
        "/api/expiring?now=2016-04-25T12:00&hours=240",
        "/api/violations",
        "/api/disputes",
        "/api/claims?kind=incident.",
        "/api/documents",
        "/api/overview",
        "/api/board?at=2016-04-25T12:00",
        "/api/export",
        "/api/export?format=geojson",
    ] {
        let (s, v) = get(&app, uri).await;
        assert_eq!(s, StatusCode::OK, "{uri}: {v}");
    }
    let (s, ctype, body) = call(
        &app,
        Request::get("/api/export?format=csv&table=claims")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(ctype.starts_with("text/csv"));
    assert!(!body.is_empty());

    let (s, v) = get(&app, "/api/board?at=2016-04-25T12:00").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        v["areas"]
            .as_array()
            .expect("areas")
            .iter()
            .any(|a| a["state"] == "in_force"),
        "{v}"
    );
}

#[tokio::test]
async fn bad_queries_get_json_errors() {
    let app = router(state(1 << 20, &[examples()]).await);
    let (s, v) = get(&app, "/api/status?place=Damscus").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(v["error"].as_str().expect("msg").contains("did you mean"));
    assert!(
        v["suggestions"]
            .as_array()
            .expect("suggestions")
            .iter()
            .any(|n| n == "Damascus"),
        "{v}"
    );
    for (uri, want) in [
        (
            "/api/status?place=Damascus&at=yesterday",
            StatusCode::BAD_REQUEST,
        ),
        ("/api/status", StatusCode::BAD_REQUEST),
        ("/api/timeline", StatusCode::BAD_REQUEST),
        ("/api/timeline?truce=nope", StatusCode::NOT_FOUND),
        ("/api/truces/nope", StatusCode::NOT_FOUND),
        ("/api/truces/nope/claims", StatusCode::NOT_FOUND),
        ("/api/claims/nope/c1", StatusCode::NOT_FOUND),
        ("/api/documents/nope", StatusCode::NOT_FOUND),
        ("/api/documents?limit=-1", StatusCode::BAD_REQUEST),
        ("/api/documents?limit=abc", StatusCode::BAD_REQUEST),
        ("/api/expiring?hours=99999999", StatusCode::BAD_REQUEST),
        ("/api/export?format=xml", StatusCode::BAD_REQUEST),
        ("/api/board?at=2016-13-45", StatusCode::BAD_REQUEST),
        ("/api/nothing-here", StatusCode::NOT_FOUND),
    ] {
        let (s, v) = get(&app, uri).await;
        assert_eq!(s, want, "{uri}: {v}");
        let msg = v["error"].as_str().expect("error message");
        assert!(!msg.is_empty());
        assert!(!msg.contains("sqlite"), "{msg}");
    }
    // Odd input never panics.
    for q in [
        "%00",
        "%FF%FE",
        "%E2%80%AE",
        "a%20b%20c",
        "%F0%9F%99%82",
        "%27%20OR%201%3D1%20--",
        "x%0Aat=1",
    ] {
        let (s, _) = get(&app, &format!("/api/status?place={q}&at={q}")).await;
        assert!(s.is_client_error(), "{q}: {s}");
    }
}

#[tokio::test]
async fn writes_need_the_token_and_leave_the_ledger_unchanged_without_it() {
    let app = router(state(1 << 20, &[]).await);
    let body = examples();
    for auth in [
        None,
        Some("Bearer wrong-token-0123456789abcdef"),
        Some("Bearer "),
        Some(TOKEN),
        Some("Basic dGVzdDp0ZXN0"),
        Some("bearer test-token-0123456789abcdeX"),
    ] {
        let (s, _, b) = call(&app, post(body.clone(), auth)).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED, "{auth:?}");
        let v: Value = serde_json::from_slice(&b).expect("json");
        assert!(v["error"].is_string());
        assert_eq!(documents(&app).await, 0);
        let (_, t) = get(&app, "/api/truces").await;
        assert_eq!(t.as_array().map(Vec::len), Some(0));
    }
    let (s, _, b) = call(&app, post(body.clone(), Some(&format!("Bearer {TOKEN}")))).await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&b));
    let v: Value = serde_json::from_slice(&b).expect("json");
    assert_eq!(v["new"], example_count(), "{v}");
    assert_eq!(documents(&app).await as usize, example_count());
    let (_, t) = get(&app, "/api/truces").await;
    assert!(!t.as_array().expect("list").is_empty());
    // The same again: duplicates, nothing new.
    let (s, _, b) = call(&app, post(body, Some(&format!("Bearer {TOKEN}")))).await;
    assert_eq!(s, StatusCode::OK);
    let v: Value = serde_json::from_slice(&b).expect("json");
    assert_eq!(v["duplicates"], example_count(), "{v}");
    assert_eq!(documents(&app).await as usize, example_count());
}

#[tokio::test]
async fn oversize_and_malformed_bodies() {
    let app = router(state(4096, &[]).await);
    let auth = format!("Bearer {TOKEN}");
    let big = format!(
        "{{\"text\": \"{}\", \"published\": \"2016-05-01\"}}\n",
        "a ".repeat(4000)
    );
    let (s, _, b) = call(&app, post(big.clone(), Some(&auth))).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(String::from_utf8_lossy(&b).contains("\"error\""));
    // Streamed, without a length.
    let stream = Body::from_stream(futures_stream(big));
    let (s, _, _) = call(&app, post(stream, Some(&auth))).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    // Too large and no token: 401 first.
    let (s, _, _) = call(&app, post("x".repeat(10_000), None)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);

    for bad in [
        "",
        "   \n",
        "not json\n",
        "{\"text\": 3}\n",
        "[1,2,3]\n",
        "{\"published\": \"2016-05-01\"}\n",
    ] {
        let (s, _, b) = call(&app, post(bad, Some(&auth))).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad:?}");
        let v: Value = serde_json::from_slice(&b).expect("json");
        assert!(v["error"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
    }
    let (s, _, _) = call(&app, post(vec![0xff, 0xfe, 0x00, 0x80], Some(&auth))).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(documents(&app).await, 0);
}

fn futures_stream(
    s: String,
) -> impl futures_core::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = s
        .into_bytes()
        .chunks(1000)
        .map(|c| Ok(c.to_vec()))
        .collect();
    Iter(chunks.into_iter())
}

struct Iter<I>(I);
impl<I: Iterator + Unpin> futures_core::Stream for Iter<I> {
    type Item = I::Item;
    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<I::Item>> {
        std::task::Poll::Ready(self.0.next())
    }
}

#[tokio::test]
async fn markup_in_a_report_is_data() {
    let app = router(state(1 << 20, &[markup()]).await);
    let (s, ctype, body) = call(
        &app,
        Request::get("/api/documents/html-script-article")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(ctype.starts_with("application/json"));
    let v: Value = serde_json::from_slice(&body).expect("json");
    let text = v["text"].as_str().expect("text");
    assert!(text.contains("<script>window.__pwned = true; alert('x')</script>"));
    assert_eq!(
        v["document"]["title"],
        "<b>Bold</b> headline <img src=x onerror=alert(1)>"
    );
    for c in v["claims"].as_array().expect("claims") {
        let [a, b] = [0, 1].map(|i| c["evidence_utf16"][i].as_u64().expect("span") as usize);
        let units: Vec<u16> = text.encode_utf16().collect();
        let slice = String::from_utf16(&units[a..b]).expect("utf16");
        assert_eq!(
            slice,
            c["claim"]["evidence"]["text"].as_str().expect("text")
        );
    }
}

#[tokio::test]
async fn openapi_lists_every_route() {
    let app = router(state(1 << 20, &[]).await);
    let (s, v) = get(&app, "/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert!(v["openapi"].as_str().expect("version").starts_with("3."));
    let paths = v["paths"].as_object().expect("paths");
    for p in [
        "/api/health",
        "/api/status",
        "/api/timeline",
        "/api/expiring",
        "/api/violations",
        "/api/disputes",
        "/api/truces",
        "/api/truces/{id}",
        "/api/truces/{id}/claims",
        "/api/claims",
        "/api/claims/{document}/{claim}",
        "/api/documents",
        "/api/documents/{id}",
        "/api/export",
        "/api/stats",
        "/api/overview",
        "/api/board",
        "/api/incidents",
        "/api/reports",
    ] {
        assert!(paths.contains_key(p), "{p} missing");
        // Every documented GET path answers (not the fallback's 404 for an unknown route).
        if p != "/api/reports" {
            let uri = p
                .replace("{id}", "x")
                .replace("{document}", "x")
                .replace("{claim}", "x");
            let (_, v) = get(&app, &uri).await;
            assert_ne!(v["error"], "no such endpoint or page", "{uri}");
        }
    }
    // Also documented: feed.rs's /api/feed.atom and /api/events (a stream:
    // not asked here).
    for p in ["/api/feed.atom", "/api/events"] {
        assert!(paths.contains_key(p), "{p} missing");
    }
    assert_eq!(paths.len(), 21, "a route is not documented, or vice versa");
    assert!(paths["/api/reports"]["post"]["responses"]["401"].is_object());
    assert!(v["components"]["securitySchemes"]["bearer"].is_object());
}

#[tokio::test]
async fn the_page_is_served_with_a_strict_policy() {
    let app = router(state(1 << 20, &[]).await);
    let res = app
        .clone()
        .oneshot(Request::get("/").body(Body::empty()).expect("request"))
        .await
        .expect("page");
    assert_eq!(res.status(), StatusCode::OK);
    let csp = res
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .expect("csp");
    assert!(csp.contains("script-src 'self'"));
    assert!(!csp.contains("unsafe-eval"));
    let (s, _, _) = call(
        &app,
        Request::get("/assets/../Cargo.toml")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[test]
fn token_rule() {
    let mut c = ServerConfig::new("sqlite::memory:");
    assert!(matches!(check_token(&c), Err(ServerError::NoToken)));
    c.read_only = true;
    assert!(check_token(&c).is_ok());
    c.read_only = false;
    c.token = Some("short".into());
    assert!(matches!(check_token(&c), Err(ServerError::WeakToken)));
    c.token = Some("sixteen chars with spaces".into());
    assert!(matches!(check_token(&c), Err(ServerError::WeakToken)));
    c.token = Some(TOKEN.into());
    assert!(check_token(&c).is_ok());
    assert_eq!(c.listen.to_string(), "127.0.0.1:8765");
}

#[tokio::test]
async fn read_only_servers_refuse_writes_and_no_server_starts_writable_without_a_token() {
    let store = SqlStore::open("sqlite::memory:").await.expect("store");
    let mut config = ServerConfig::new("sqlite::memory:");
    config.read_only = true;
    let app = router(AppState::load(store, &config).await.expect("state"));
    let (s, _, b) = call(&app, post(examples(), Some(&format!("Bearer {TOKEN}")))).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert!(String::from_utf8_lossy(&b).contains("read-only"));
    assert_eq!(documents(&app).await, 0);

    let refused = truce_server::bind(ServerConfig::new("sqlite::memory:")).await;
    assert!(matches!(refused, Err(ServerError::NoToken)));
    let mut weak = ServerConfig::new("sqlite::memory:");
    weak.token = Some("1234".into());
    assert!(matches!(
        truce_server::bind(weak).await,
        Err(ServerError::WeakToken)
    ));
}

#[tokio::test]
async fn cors_only_for_configured_origins() {
    let origin = "https://board.example.org";
    let ask = || {
        Request::get("/api/health")
            .header(header::ORIGIN, origin)
            .body(Body::empty())
            .expect("request")
    };
    let plain = router(state(1 << 20, &[]).await);
    let res = plain.oneshot(ask()).await.expect("response");
    assert!(
        res.headers()
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .is_none()
    );
    let open = truce_server::router_with_cors(state(1 << 20, &[]).await, &[origin.to_string()])
        .expect("cors");
    let res = open.oneshot(ask()).await.expect("response");
    assert_eq!(
        res.headers()
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .and_then(|v| v.to_str().ok()),
        Some(origin)
    );
    assert!(truce_server::router_with_cors(state(1 << 20, &[]).await, &["*".to_string()]).is_err());
}
