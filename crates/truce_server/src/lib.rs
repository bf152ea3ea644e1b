//! The truce board on the web: a JSON API over the ledger and the store, and
//! one page (map, timeline, claims) with its assets embedded in the binary.
//!
//! [`serve`] opens the store, builds the ledger from it and serves until
//! Ctrl-C; [`router`] gives the same application for in-process tests.
//!
//! # Writes and the token rule
//!
//! `POST /api/reports` (JSON Lines, the `truce extract --jsonl` input
//! format) is the only write. A server is either **read-only**
//! ([`ServerConfig::read_only`]: the endpoint answers 403) or has a **bearer
//! token** of at least [`MIN_TOKEN_LEN`] visible ASCII characters;
//! [`serve`] refuses to start with writes enabled and no token, or with a
//! weaker one. [`read_token`] reads it from a file (first line, trimmed) or
//! from the `TRUCE_TOKEN` environment variable. A request without the
//! token, or with another one, gets 401 before its body is read, and
//! nothing changes.
//!
//! # One snapshot, following the store
//!
//! Every endpoint answers from one [`Generation`]: the ledger, the claims
//! and the store's counts read in one store transaction at a store
//! [`truce_store::Sequence`]. A task polls the sequence every
//! [`ServerConfig::poll`] ([`DEFAULT_POLL`]), so what another process
//! stores (`truce ingest`, another server) is answered within about a
//! second; a `POST` answers once its reports are in the generation.
//!
//! # Bounded answers
//!
//! Lists are paged: `limit` (default [`DEFAULT_LIMIT`], at most
//! [`MAX_LIMIT`]) and an opaque `cursor`. The body is the JSON array it
//! always was; `X-Next-Cursor` (absent on the last page), `Link: <...>;
//! rel="next"` and, where known, `X-Total-Count` tell the rest. Lists
//! filter by `place`, `from`/`to` and `truce` where these mean something
//! (see `/openapi.json`). Every answer is computed once per generation,
//! however many requests ask at once, carries a weak `ETag` of the
//! sequence and the request (`If-None-Match` gives 304), and is gzip or
//! brotli compressed when the client accepts it.
//!
//! # Errors
//!
//! Every error is JSON, `{"error": "...", "suggestions": [...]}`
//! (suggestions only for unknown places). Storage failures are logged on
//! standard error and answered with a generic message: no database
//! location, path or SQL reaches a client.

mod api;
mod board;
mod catalog;
mod error;
mod feed;
mod guard;
mod live;
mod openapi;
mod paging;
mod web;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, Method, header};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use truce_extract::Extractor;
use truce_store::{SqlStore, StoreError};

pub use error::ApiError;
pub use feed::AlertConfig;
pub use guard::{
    DEFAULT_BODY_TIMEOUT, DEFAULT_DRAIN, DEFAULT_MAX_CONCURRENT, DEFAULT_REQUEST_TIMEOUT, Limits,
    guarded,
};
pub use live::{DEFAULT_POLL, Generation};
pub use openapi::openapi;
pub use paging::{DEFAULT_LIMIT, MAX_LIMIT};

/// Default listening address: loopback only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8765";
/// Default request body limit (16 MiB).
pub const DEFAULT_BODY_LIMIT: usize = 16 * 1024 * 1024;
/// Shortest accepted write token.
pub const MIN_TOKEN_LEN: usize = 16;
/// Environment variable read by [`read_token`] when no file is given.
pub const TOKEN_ENV: &str = "TRUCE_TOKEN";

/// How to run the server.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// Address to listen on (default [`DEFAULT_LISTEN`]; port 0 picks one).
    pub listen: SocketAddr,
    /// Store location, as `truce_store::SqlStore::open` takes it
    /// (`sqlite:PATH`, a bare path, or `postgres://...`).
    pub db: String,
    /// Bearer token for writes; required unless `read_only`.
    pub token: Option<String>,
    /// No writes at all: `POST /api/reports` answers 403.
    pub read_only: bool,
    /// Largest request body in bytes (default [`DEFAULT_BODY_LIMIT`]); larger gets 413.
    pub body_limit: usize,
    /// Origins allowed by CORS (`https://example.org`); empty: no CORS headers.
    pub cors_origins: Vec<String>,
    /// Request and body timeouts, the cap on requests at once, the drain
    /// deadline on shutdown (see [`Limits`]).
    pub limits: Limits,
    /// The alerts' horizon and the webhook to post them to (none by default).
    pub alerts: AlertConfig,
    /// How often the store is asked for what other processes wrote
    /// (default [`DEFAULT_POLL`]; zero: never).
    pub poll: std::time::Duration,
}

impl ServerConfig {
    /// Defaults for a store location: loopback, no token, writes enabled
    /// (so a token must be set before [`serve`]), 16 MiB, no CORS.
    pub fn new(db: impl Into<String>) -> Self {
        ServerConfig {
            listen: DEFAULT_LISTEN
                .parse()
                .unwrap_or(SocketAddr::from(([127, 0, 0, 1], 8765))),
            db: db.into(),
            token: None,
            read_only: false,
            body_limit: DEFAULT_BODY_LIMIT,
            cors_origins: Vec::new(),
            limits: Limits::default(),
            alerts: AlertConfig::default(),
            poll: DEFAULT_POLL,
        }
    }
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(
        "writes need a bearer token: give a token file (--token-file FILE) or set {TOKEN_ENV}, or serve read-only (--read-only)"
    )]
    NoToken,
    #[error(
        "the write token is too weak: it needs at least {MIN_TOKEN_LEN} visible ASCII characters and no spaces"
    )]
    WeakToken,
    #[error("cannot read the token file {path}: {reason}")]
    TokenFile { path: String, reason: String },
    #[error("bad CORS origin {0:?} (expected e.g. https://example.org)")]
    BadOrigin(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: SocketAddr, reason: String },
    #[error("the server stopped: {0}")]
    Io(String),
}

/// The write token: the first line of `file` (trimmed) if given, else the
/// `TRUCE_TOKEN` environment variable, else `None`. An empty file or
/// variable counts as none.
pub fn read_token(file: Option<&Path>) -> Result<Option<String>, ServerError> {
    let raw = match file {
        Some(path) => std::fs::read_to_string(path).map_err(|e| ServerError::TokenFile {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?,
        None => std::env::var(TOKEN_ENV).unwrap_or_default(),
    };
    let token = raw.lines().next().unwrap_or("").trim().to_string();
    Ok((!token.is_empty()).then_some(token))
}

/// Checks the token rule (see the crate docs).
pub fn check_token(config: &ServerConfig) -> Result<(), ServerError> {
    match &config.token {
        None if config.read_only => Ok(()),
        None => Err(ServerError::NoToken),
        Some(t) if t.len() < MIN_TOKEN_LEN || !t.bytes().all(|b| b.is_ascii_graphic()) => {
            Err(ServerError::WeakToken)
        }
        Some(_) => Ok(()),
    }
}

/// What the handlers share.
#[derive(Clone)]
pub struct AppState {
    pub(crate) store: Arc<SqlStore>,
    /// The generation answered from, and what replaces it.
    pub(crate) live: Arc<live::Live>,
    pub(crate) token: Option<Arc<str>>,
    pub(crate) read_only: bool,
    pub(crate) body_limit: usize,
    /// The body timeout, for messages.
    pub(crate) body_timeout: std::time::Duration,
    pub(crate) extractor: Arc<OnceLock<Result<Extractor, String>>>,
    /// One write at a time.
    pub(crate) writing: Arc<tokio::sync::Mutex<()>>,
    /// The alert feed, its event stream and webhook poster.
    pub(crate) alerts: feed::Alerts,
}

impl AppState {
    /// State over an open store: the first generation is read from it, and
    /// a task polls it every [`ServerConfig::poll`] (none when zero) for
    /// what other processes write.
    pub async fn load(store: SqlStore, config: &ServerConfig) -> Result<Self, ServerError> {
        let live = live::Live::load(&store).await?;
        let store = Arc::new(store);
        live::follow(Arc::downgrade(&live), store.clone(), config.poll);
        let alerts = feed::Alerts::start(live.subscribe(), &config.alerts);
        Ok(AppState {
            store,
            live,
            token: config.token.as_deref().map(Arc::from),
            read_only: config.read_only,
            body_limit: config.body_limit,
            body_timeout: config.limits.body_timeout,
            extractor: Arc::new(OnceLock::new()),
            writing: Arc::new(tokio::sync::Mutex::new(())),
            alerts,
        })
    }

    /// The generation answered from now.
    pub fn current(&self) -> Arc<Generation> {
        self.live.current()
    }

    /// Every new generation, as it replaces the old one (for feeds).
    pub fn generations(&self) -> tokio::sync::watch::Receiver<Arc<Generation>> {
        self.live.subscribe()
    }

    /// Reads the store's sequence and, when it moved, builds the new
    /// generation before returning (the poll does this on its own).
    pub async fn refresh(&self) -> Result<bool, ServerError> {
        Ok(self.live.refresh(&self.store).await?)
    }

    /// Expensive answers computed so far (each once per generation,
    /// however many requests asked at once): for tests and monitoring.
    pub fn computations(&self) -> u64 {
        self.live.computations()
    }

    /// Generations built since the first.
    pub fn rebuilds(&self) -> u64 {
        self.live.rebuilds()
    }
}

/// The application: API under `/api`, `/openapi.json`, the page at `/`.
/// CORS is off; see [`router_with_cors`].
pub fn router(state: AppState) -> Router {
    let limit = state.body_limit;
    api::routes()
        .merge(web::routes())
        .merge(feed::routes())
        .with_state(state)
        .layer(axum::extract::DefaultBodyLimit::max(limit))
        .layer(axum::middleware::from_fn(error::json_errors))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("referrer-policy"),
            HeaderValue::from_static("no-referrer"),
        ))
        // gzip or brotli as the client accepts (not for event streams or
        // bodies under 32 bytes: tower-http's default predicate).
        .layer(CompressionLayer::new().gzip(true).br(true))
}

/// [`router`] with CORS allowing the given origins (GET and POST, the
/// `Authorization` and `Content-Type` headers).
pub fn router_with_cors(state: AppState, origins: &[String]) -> Result<Router, ServerError> {
    let app = router(state);
    if origins.is_empty() {
        return Ok(app);
    }
    let mut values = Vec::new();
    for o in origins {
        let v = HeaderValue::from_str(o.trim_end_matches('/'))
            .map_err(|_| ServerError::BadOrigin(o.clone()))?;
        if !(o.starts_with("http://") || o.starts_with("https://")) {
            return Err(ServerError::BadOrigin(o.clone()));
        }
        values.push(v);
    }
    Ok(app.layer(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(values))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::IF_NONE_MATCH,
            ])
            .expose_headers([
                header::ETAG,
                header::LINK,
                HeaderName::from_static(paging::NEXT_CURSOR),
                HeaderName::from_static(paging::TOTAL_COUNT),
            ]),
    ))
}

/// A server bound to its address, not yet serving.
pub struct Server {
    listener: tokio::net::TcpListener,
    app: Router,
    addr: SocketAddr,
    drain: std::time::Duration,
}

impl Server {
    /// The address actually bound (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until Ctrl-C (or SIGTERM on Unix), then lets open requests
    /// finish for at most [`Limits::drain`] and stops.
    pub async fn run(self) -> Result<(), ServerError> {
        let (stop, stopping) = tokio::sync::watch::channel(false);
        let signal = async move {
            shutdown_signal().await;
            let _ = stop.send(true);
        };
        let serving = axum::serve(self.listener, self.app).with_graceful_shutdown(signal);
        tokio::select! {
            served = serving => served.map_err(|e| ServerError::Io(e.to_string())),
            () = guard::drain_deadline(stopping, self.drain) => {
                eprintln!(
                    "truce: stopping with connections still open after {} s",
                    self.drain.as_secs()
                );
                Ok(())
            }
        }
    }
}

/// Waits for Ctrl-C, or SIGTERM on Unix: the one stop signal of the
/// server, its event streams and alert poster, and `truce watch`.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// Checks the configuration, opens the store, loads the ledger and binds.
pub async fn bind(config: ServerConfig) -> Result<Server, ServerError> {
    check_token(&config)?;
    let store = if config.read_only {
        SqlStore::open_read_only(&config.db).await?
    } else {
        SqlStore::open(&config.db).await?
    };
    let state = AppState::load(store, &config).await?;
    let app = guarded(
        router_with_cors(state, &config.cors_origins)?,
        &config.limits,
    );
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| ServerError::Bind {
            addr: config.listen,
            reason: e.to_string(),
        })?;
    let addr = listener.local_addr().map_err(|e| ServerError::Bind {
        addr: config.listen,
        reason: e.to_string(),
    })?;
    Ok(Server {
        listener,
        app,
        addr,
        drain: config.limits.drain,
    })
}

/// Runs the board: [`bind`], print `truce: serving http://ADDR/` on
/// standard error, serve until Ctrl-C.
pub async fn serve(config: ServerConfig) -> Result<(), ServerError> {
    let server = bind(config).await?;
    eprintln!("truce: serving http://{}/", server.local_addr());
    server.run().await
}
