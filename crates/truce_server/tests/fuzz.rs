//! Random requests against the whole application in process (the router
//! with the limits `truce serve` puts around it), as a bounded fuzz run:
//! random methods, paths made of the real routes and of garbage, query
//! strings with the API's keys and odd values (offsets such as `-25:00`,
//! huge and negative numbers, bad %-escapes, BOMs), headers (compression,
//! ETags, tokens, huge or false Content-Length) and bodies (bad JSON, BOMs,
//! binary, JSON Lines with odd fields).
//!
//! Whatever comes, the server must not panic and must answer within the
//! test's patience; it never answers 5xx except 503 (documented: the
//! concurrency limit and a store busy with another writer); and every 4xx
//! carries a JSON body `{"error": "..."}` (checked on the bytes when the
//! answer is not compressed, by its Content-Type when it is).
//!
//! The number of cases is fixed (`FUZZ_CASES`, default 5000) so that the
//! test's time stays bounded in CI; `PROPTEST_CASES` is not read.

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::time::Duration;
use tower::ServiceExt;
use truce_server::{AppState, Limits, ServerConfig, guarded, router};
use truce_store::SqlStore;

const TOKEN: &str = "test-token-0123456789abcdef";
/// No answer by then counts as a hang.
const PATIENCE: Duration = Duration::from_secs(60);

fn examples() -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/reports.jsonl");
    std::fs::read_to_string(root).expect("examples/reports.jsonl")
}

async fn app() -> Router {
    let store = SqlStore::open("sqlite::memory:").await.expect("store");
    let ex = truce_extract::Extractor::new().expect("extractor");
    let prepared = truce_ingest::prepare_jsonl(
        &ex,
        "examples",
        examples().as_bytes(),
        &truce_ingest::Defaults::default(),
    );
    truce_ingest::store_prepared(&store, prepared)
        .await
        .expect("examples stored");
    let mut config = ServerConfig::new("sqlite::memory:");
    config.token = Some(TOKEN.into());
    config.body_limit = 64 * 1024;
    let state = AppState::load(store, &config).await.expect("state");
    guarded(router(state), &Limits::default())
}

/// One request, as parts that proptest can shrink.
#[derive(Clone, Debug)]
struct Fuzzed {
    method: Method,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        12 => Just(Method::GET),
        2 => Just(Method::POST),
        1 => Just(Method::HEAD),
        1 => Just(Method::PUT),
        1 => Just(Method::DELETE),
        1 => Just(Method::PATCH),
        1 => Just(Method::OPTIONS),
        1 => Just(Method::from_bytes(b"BREW").expect("a token")),
    ]
}

/// Text that shows up in ids, places and cursors: plain, non-ASCII,
/// escapes, dots and slashes.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9_.-]{1,12}",
        Just("Damascus".to_string()),
        Just("Aleppo".to_string()),
        Just("SY07".to_string()),
        Just("حلب".to_string()),
        Just("..".to_string()),
        Just("%00".to_string()),
        Just("%zz".to_string()),
        Just("%EF%BB%BF".to_string()),
        Just("t1".to_string()),
        Just("e-2016-0001".to_string()),
        any::<String>().prop_map(|s| s.chars().take(16).collect()),
    ]
}

/// Percent-encodes everything but unreserved characters (and keeps `%`
/// when `raw`, so bad escapes reach the server as they are).
fn encode(s: &str, raw: bool) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || (raw && b == b'%') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn path() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "/",
        "/api/health",
        "/api/status",
        "/api/timeline",
        "/api/expiring",
        "/api/violations",
        "/api/disputes",
        "/api/truces",
        "/api/claims",
        "/api/documents",
        "/api/export",
        "/api/stats",
        "/api/overview",
        "/api/board",
        "/api/incidents",
        "/api/reports",
        "/openapi.json",
        "/api/feed.atom",
        "/assets/app.js",
        "/api",
        "/api/",
        "//api//status",
        "/nothing/here",
    ])
    .prop_map(str::to_string);
    let with_ids = (
        prop::sample::select(vec![
            "/api/truces/",
            "/api/documents/",
            "/api/claims/",
            "/assets/",
            "/api/truces/t1/",
        ]),
        word(),
        prop::option::of(word()),
        any::<bool>(),
    )
        .prop_map(|(prefix, a, b, raw)| {
            let mut p = format!("{prefix}{}", encode(&a, raw));
            if let Some(b) = b {
                p.push('/');
                p.push_str(&encode(&b, raw));
            }
            if prefix == "/api/truces/t1/" {
                p = format!("/api/truces/{}/claims", encode(&a, raw));
            }
            p
        });
    prop_oneof![6 => fixed.boxed(), 3 => with_ids.boxed(), 1 => "/[a-z/._%-]{0,30}".boxed()]
}

/// Times and offsets, good and bad.
fn time_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("2016-05-01".to_string()),
        Just("2016-05-01T20:00".to_string()),
        Just("2016-05-01T20:00-25:00".to_string()),
        Just("2016-05-01T20:00+14:30".to_string()),
        Just("2016-05-01T20:00+99:99".to_string()),
        Just("2016-02-30".to_string()),
        Just("9999-12-31T23:59:59Z".to_string()),
        Just("-0001-01-01".to_string()),
        Just("2016-05-01T25:61".to_string()),
        Just("\u{feff}2016-05-01".to_string()),
        Just("now".to_string()),
        (1900i32..2200, 0u8..14, 0u8..33, 0u8..25, -30i8..30).prop_map(|(y, m, d, h, o)| {
            format!(
                "{y:04}-{m:02}-{d:02}T{h:02}:00{}{:02}:00",
                if o < 0 { '-' } else { '+' },
                o.unsigned_abs()
            )
        }),
    ]
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (0i64..2000).prop_map(|n| n.to_string()),
        Just("-1".to_string()),
        Just("0".to_string()),
        Just("18446744073709551616".to_string()),
        Just("1e9".to_string()),
        Just("NaN".to_string()),
        Just(String::new()),
    ]
}

fn query() -> impl Strategy<Value = Vec<(String, String)>> {
    let pair = prop_oneof![
        (
            prop::sample::select(vec!["at", "from", "to", "now"]),
            time_value()
        )
            .prop_map(|(k, v)| (k.to_string(), v)),
        (
            prop::sample::select(vec!["limit", "hours", "cursor"]),
            number()
        )
            .prop_map(|(k, v)| (k.to_string(), v)),
        (
            prop::sample::select(vec![
                "place", "truce", "document", "kind", "cursor", "format", "table", "part"
            ]),
            prop_oneof![
                word(),
                Just("json".to_string()),
                Just("csv".to_string()),
                Just("geojson".to_string()),
                Just("events".to_string()),
                Just("truces".to_string()),
            ]
        )
            .prop_map(|(k, v)| (k.to_string(), v)),
        (word(), word()),
    ];
    prop::collection::vec(pair, 0..5)
}

fn headers() -> impl Strategy<Value = Vec<(&'static str, String)>> {
    let one = prop_oneof![
        prop::sample::select(vec![
            "gzip",
            "br",
            "identity",
            "gzip;q=0, br",
            "*",
            "x,,;q=2"
        ])
        .prop_map(|v| ("accept-encoding", v.to_string())),
        prop_oneof![
            Just(format!("Bearer {TOKEN}")),
            Just("Bearer wrong-token-0123456789".to_string()),
            Just("Basic dXNlcjpwYXNz".to_string()),
            Just("Bearer".to_string()),
            "[ -~]{0,40}",
        ]
        .prop_map(|v| ("authorization", v)),
        prop_oneof![
            Just("\"0.0\"".to_string()),
            Just("W/\"1.0-x\"".to_string()),
            Just("*".to_string()),
            "[ -~]{0,20}",
        ]
        .prop_map(|v| ("if-none-match", v)),
        prop_oneof![
            Just("application/x-ndjson".to_string()),
            Just("application/json".to_string()),
            Just("text/plain; charset=utf-16".to_string()),
            "[ -~]{0,20}",
        ]
        .prop_map(|v| ("content-type", v)),
        prop_oneof![
            Just("99999999999999".to_string()),
            Just("18446744073709551615".to_string()),
            Just("-1".to_string()),
            Just("0".to_string()),
            Just("7".to_string()),
        ]
        .prop_map(|v| ("content-length", v)),
        prop::sample::select(vec!["http://evil.example", "null", "http://127.0.0.1:8765"])
            .prop_map(|v| ("origin", v.to_string())),
    ];
    prop::collection::vec(one, 0..4)
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    let line = prop_oneof![
        Just(r#"{"id": "f1", "published": "2016-05-01", "text": "The army declared a truce in Homs until Monday."}"#.to_string()),
        Just(r#"{"id": "f2", "published": "2016-05-01T20:00-25:00", "text": "A truce held in Aleppo."}"#.to_string()),
        Just(r#"{"id": "f3", "published": "2016-05-01", "text": ""}"#.to_string()),
        Just(r#"{"id": 7, "published": null, "text": ["a"]}"#.to_string()),
        Just(r#"{"id": "f4", "published": "2016-05-01", "text": "truce", "extra": {"#.to_string()),
        Just("[1, 2, 3]".to_string()),
        Just("{".to_string()),
        Just("null".to_string()),
        Just("\u{feff}{\"id\": \"f5\"}".to_string()),
        "[ -~]{0,60}",
    ];
    prop_oneof![
        2 => Just(Vec::new()).boxed(),
        3 => prop::collection::vec(line, 1..4)
            .prop_map(|lines| lines.join("\n").into_bytes())
            .boxed(),
        1 => prop::collection::vec(line_bytes(), 1..3)
            .prop_map(|parts| parts.concat())
            .boxed(),
        1 => prop::collection::vec(any::<u8>(), 0..200).boxed(),
    ]
}

fn line_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"\xef\xbb\xbf".to_vec()),
        Just(b"\xff\xfe{\x00".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\n\n".to_vec()),
        Just(br#"{"id": "f6", "published": "2016-05-01", "text": "Ceasefire in Daraa."}"#.to_vec()),
    ]
}

fn request() -> impl Strategy<Value = Fuzzed> {
    let any_request = (method(), path(), query(), headers(), body()).prop_map(
        |(method, path, query, headers, body)| Fuzzed {
            method,
            path,
            query,
            headers,
            body,
        },
    );
    // Writes, mostly with the right token, so that bodies reach the reader.
    let write = (any::<bool>(), headers(), body()).prop_map(|(authorised, mut headers, body)| {
        if authorised {
            headers.retain(|(name, _)| *name != "authorization");
            headers.push(("authorization", format!("Bearer {TOKEN}")));
        }
        Fuzzed {
            method: Method::POST,
            path: "/api/reports".into(),
            query: Vec::new(),
            headers,
            body,
        }
    });
    prop_oneof![3 => any_request, 1 => write]
}

impl Fuzzed {
    fn uri(&self) -> String {
        let mut uri = self.path.clone();
        for (i, (k, v)) in self.query.iter().enumerate() {
            uri.push(if i == 0 { '?' } else { '&' });
            // Keys and values are encoded, except that a value's own `%`
            // stays when it starts a bad escape on purpose.
            uri.push_str(&encode(k, false));
            uri.push('=');
            uri.push_str(&encode(v, v.contains("%zz")));
        }
        uri
    }

    fn build(&self) -> Option<Request<Body>> {
        let mut r = Request::builder()
            .method(self.method.clone())
            .uri(self.uri());
        for (name, value) in &self.headers {
            r = r.header(*name, value.as_str());
        }
        // A header value that http refuses is not a request a client can
        // send: skipped, as a client library would refuse it too.
        r.body(Body::from(self.body.clone())).ok()
    }
}

type Seen = std::sync::Mutex<std::collections::BTreeMap<u16, u32>>;

async fn check(app: &Router, case: &Fuzzed, seen: &Seen) -> Result<(), TestCaseError> {
    let Some(req) = case.build() else {
        return Ok(());
    };
    let res = tokio::time::timeout(PATIENCE, app.clone().oneshot(req))
        .await
        .map_err(|_| TestCaseError::fail(format!("no answer within {PATIENCE:?}")))?
        .map_err(|e| TestCaseError::fail(format!("service error: {e}")))?;
    let status = res.status();
    *seen
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .entry(status.as_u16())
        .or_default() += 1;
    let headers = res.headers().clone();
    let body = tokio::time::timeout(PATIENCE, axum::body::to_bytes(res.into_body(), usize::MAX))
        .await
        .map_err(|_| TestCaseError::fail("the body never ended"))?
        .map_err(|e| TestCaseError::fail(format!("body error: {e}")))?;
    prop_assert!(
        !status.is_server_error() || status == StatusCode::SERVICE_UNAVAILABLE,
        "{status} for {} {}: {}",
        case.method,
        case.uri(),
        String::from_utf8_lossy(&body)
    );
    let error_body = status.is_client_error() || status == StatusCode::SERVICE_UNAVAILABLE;
    if error_body && case.method != Method::HEAD {
        let ctype = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        prop_assert!(
            ctype.starts_with("application/json"),
            "{status} for {} {} has Content-Type {ctype:?}: {}",
            case.method,
            case.uri(),
            String::from_utf8_lossy(&body)
        );
        if !headers.contains_key(header::CONTENT_ENCODING) {
            let json: serde_json::Value = serde_json::from_slice(&body).map_err(|e| {
                TestCaseError::fail(format!(
                    "{status} for {} {}: not JSON ({e}): {}",
                    case.method,
                    case.uri(),
                    String::from_utf8_lossy(&body)
                ))
            })?;
            let message = json.get("error").and_then(|v| v.as_str()).unwrap_or("");
            prop_assert!(
                !message.is_empty(),
                "{status} for {} {}: no error message in {json}",
                case.method,
                case.uri()
            );
        }
    }
    Ok(())
}

#[test]
fn random_requests_never_panic_and_4xx_are_json() {
    let cases: u32 = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5000);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let app = rt.block_on(app());
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let seen = Seen::default();
    let result = runner.run(&request(), |case| rt.block_on(check(&app, &case, &seen)));
    if let Err(e) = result {
        panic!("{e}");
    }
    let seen = seen
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    eprintln!("answers by status: {seen:?}");
    // The run reached the handlers, not only the router's refusals.
    for status in [200, 400, 404, 405] {
        assert!(seen.contains_key(&status), "no {status} in {seen:?}");
    }
}
