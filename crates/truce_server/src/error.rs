//! JSON errors that never carry internals.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An API error: a status and a message for people (and, for unknown
/// places, "did you mean" suggestions).
#[derive(Clone, Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    pub suggestions: Vec<String>,
}

/// The body of every error.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// What went wrong, for people.
    pub error: String,
    /// Names that were probably meant (unknown places only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
            suggestions: Vec::new(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    /// A failure whose detail is logged, not sent.
    pub fn internal(context: &str, detail: impl std::fmt::Display) -> Self {
        eprintln!("truce serve: {context}: {detail}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("internal error ({context}); see the server's log"),
        )
    }
}

impl From<truce_store::StoreError> for ApiError {
    fn from(e: truce_store::StoreError) -> Self {
        match e {
            truce_store::StoreError::Busy { .. } => {
                eprintln!("truce serve: storage: {e}");
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the store is busy with another writer; try again shortly",
                )
            }
            other => ApiError::internal("storage", other),
        }
    }
}

impl From<truce_ledger::LedgerError> for ApiError {
    fn from(e: truce_ledger::LedgerError) -> Self {
        match e {
            truce_ledger::LedgerError::UnknownPlace { name, suggestions } => ApiError {
                status: StatusCode::NOT_FOUND,
                message: if suggestions.is_empty() {
                    format!("unknown place {name:?}")
                } else {
                    format!(
                        "unknown place {name:?}; did you mean: {}?",
                        suggestions.join(", ")
                    )
                },
                suggestions,
            },
            other => ApiError::bad_request(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (
            self.status,
            Json(ErrorBody {
                error: self.message,
                suggestions: self.suggestions,
            }),
        )
            .into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

/// Gives every error answer the API's JSON body: axum's own answers (404
/// for a path no route has, 405 for a method a route does not take, the
/// plain text of a rejected body, the empty 408 of a timeout) come without
/// one. Their status and headers (`Allow`, `WWW-Authenticate`) are kept;
/// a plain-text message is kept as the error's words.
pub(crate) async fn json_errors(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    let res = next.run(req).await;
    let status = res.status();
    let json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("application/json"));
    if json || !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let (parts, body) = res.into_parts();
    let said = axum::body::to_bytes(body, 64 * 1024)
        .await
        .ok()
        .and_then(|b| String::from_utf8(b.to_vec()).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let message = match (status, said) {
        (_, Some(said)) => said,
        (StatusCode::NOT_FOUND, None) => {
            format!("no such path: {path} (the API is described at /openapi.json)")
        }
        (StatusCode::METHOD_NOT_ALLOWED, None) => format!("{method} is not allowed on {path}"),
        (_, None) => status.canonical_reason().unwrap_or("error").to_lowercase(),
    };
    let mut out = ApiError::new(status, message).into_response();
    for (name, value) in &parts.headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            out.headers_mut().insert(name, value.clone());
        }
    }
    out
}
