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
