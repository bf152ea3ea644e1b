//! What keeps slow or half-open clients from holding the server: a time
//! limit per request and between pieces of a request body, a cap on the
//! requests handled at once, and a deadline for draining on shutdown.

use crate::error::ApiError;
use axum::Router;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

/// Longest a request may take, body and answer included (408 after it).
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(120);
/// Longest wait for the next piece of a request body (408 after it): a
/// client that announces more bytes than it sends is let go.
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(15);
/// Requests handled at once; more get 503 at once.
pub const DEFAULT_MAX_CONCURRENT: usize = 64;
/// After SIGTERM or Ctrl-C, how long open connections may finish before the
/// server stops anyway (the whole stop stays under 10 s).
pub const DEFAULT_DRAIN: Duration = Duration::from_secs(8);

/// The limits of one server.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub request_timeout: Duration,
    pub body_timeout: Duration,
    pub max_concurrent: usize,
    pub drain: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            body_timeout: DEFAULT_BODY_TIMEOUT,
            max_concurrent: DEFAULT_MAX_CONCURRENT,
            drain: DEFAULT_DRAIN,
        }
    }
}

/// `app` with the request and body timeouts and the concurrency cap.
pub fn guarded(app: Router, limits: &Limits) -> Router {
    let permits = Arc::new(Semaphore::new(limits.max_concurrent.max(1)));
    app.layer(RequestBodyTimeoutLayer::new(limits.body_timeout))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ))
        .layer(axum::middleware::from_fn(
            move |req: Request, next: Next| {
                let permits = permits.clone();
                async move { one_of_many(permits, req, next).await }
            },
        ))
        // The timeouts' answers get a JSON body too.
        .layer(axum::middleware::from_fn(crate::error::json_errors))
}

/// Runs the request if a place is free, else answers 503 at once.
async fn one_of_many(permits: Arc<Semaphore>, req: Request, next: Next) -> Response {
    match permits.try_acquire_owned() {
        Ok(_permit) => next.run(req).await,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is handling as many requests as it takes; try again shortly",
        )
        .into_response(),
    }
}

/// Whether a body read failed because the client stopped sending.
pub(crate) fn is_body_timeout(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(e);
    while let Some(c) = cause {
        if c.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        cause = c.source();
    }
    false
}

/// Resolves `drain` after `stopping` turns true; never if it does not.
pub(crate) async fn drain_deadline(
    mut stopping: tokio::sync::watch::Receiver<bool>,
    drain: Duration,
) {
    if stopping.wait_for(|s| *s).await.is_err() {
        std::future::pending::<()>().await;
    }
    tokio::time::sleep(drain).await;
}
