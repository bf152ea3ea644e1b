//! The JSON API.

use crate::AppState;
use crate::board::{self, Board, Overview};
use crate::catalog::{Catalog, claim_time};
use crate::error::{ApiError, ErrorBody};
use axum::body::Body;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use jiff::civil::DateTime;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::PoisonError;
use truce_ledger::{ExportFormat, Ledger, Subject, Table};
use truce_model::{Claim, Document};
use truce_store::Store;
use utoipa::{IntoParams, ToSchema};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/status", get(status))
        .route("/api/timeline", get(timeline))
        .route("/api/expiring", get(expiring))
        .route("/api/violations", get(violations))
        .route("/api/disputes", get(disputes))
        .route("/api/truces", get(truces))
        .route("/api/truces/{id}", get(truce))
        .route("/api/truces/{id}/claims", get(truce_claims))
        .route("/api/claims", get(claims))
        .route("/api/claims/{document}/{claim}", get(one_claim))
        .route("/api/documents", get(documents))
        .route("/api/documents/{id}", get(document))
        .route("/api/export", get(export))
        .route("/api/stats", get(stats))
        .route("/api/overview", get(overview))
        .route("/api/board", get(board_at))
        .route("/api/reports", post(post_reports))
        .route("/openapi.json", get(openapi_json))
        .fallback(not_found)
}

/// Query string, with a JSON 400 when it does not parse.
pub(crate) struct Q<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(v)| Q(v))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// Path parameters, with a JSON 400 when they do not parse.
pub(crate) struct P<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for P<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(v)| P(v))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such endpoint or page")
}

/// Runs a read of the ledger off the async workers.
async fn read<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&Ledger, &Catalog) -> T + Send + 'static,
) -> Result<T, ApiError> {
    let ledger = state.ledger.clone();
    let catalog = state.catalog.clone();
    tokio::task::spawn_blocking(move || {
        let l = ledger.read().unwrap_or_else(PoisonError::into_inner);
        let c = catalog.read().unwrap_or_else(PoisonError::into_inner);
        f(&l, &c)
    })
    .await
    .map_err(|e| ApiError::internal("query", e))
}

/// A time from the query, or the latest publication held (the ledger's
/// "now": an archive is judged as of its last report), or now.
fn time_or_latest(text: Option<&str>, catalog: &Catalog) -> Result<DateTime, ApiError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => Ok(truce_ledger::parse_time(t)?),
        None => Ok(catalog
            .last
            .map(|d| d.saturating_add(jiff::SignedDuration::from_hours(24)))
            .unwrap_or_else(|| jiff::Zoned::now().datetime())),
    }
}

fn json_bytes(bytes: Vec<u8>, content_type: &'static str) -> Response {
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        bytes,
    )
        .into_response()
}

// ---------------------------------------------------------------- reads

#[derive(Serialize, ToSchema)]
pub struct Health {
    pub ok: bool,
    pub documents: usize,
    pub writes: bool,
}

/// Liveness, and how many documents the ledger holds.
#[utoipa::path(get, path = "/api/health", responses((status = 200, body = Health)))]
pub(crate) async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let writes = !state.read_only;
    read(&state, move |l, _| {
        Json(Health {
            ok: true,
            documents: l.len(),
            writes,
        })
    })
    .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct StatusQuery {
    /// Place name or gazetteer id (`Damascus`, `SY07`, `170654`).
    place: String,
    /// `2016-05-01T20:00` or `2016-05-01`; default: a day after the latest report.
    at: Option<String>,
}

/// Every truce covering a place at a time, with its state and the claims for and against.
#[utoipa::path(get, path = "/api/status", params(StatusQuery), responses(
    (status = 200, description = "truce_ledger::Status", body = Object),
    (status = 400, description = "bad time", body = ErrorBody),
    (status = 404, description = "unknown place, with suggestions", body = ErrorBody)))]
pub(crate) async fn status(
    State(state): State<AppState>,
    Q(q): Q<StatusQuery>,
) -> Result<Response, ApiError> {
    read(&state, move |l, c| {
        let at = time_or_latest(q.at.as_deref(), c)?;
        let place = l.place(q.place.trim())?;
        Ok(Json(l.status(place, at)).into_response())
    })
    .await?
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct TimelineQuery {
    /// A truce id (`t1`).
    truce: Option<String>,
    /// A place name or id.
    place: Option<String>,
}

/// The dated lifecycle of a truce, or of every truce bearing on a place.
#[utoipa::path(get, path = "/api/timeline", params(TimelineQuery), responses(
    (status = 200, description = "truce_ledger::TimelineEntry list", body = Vec<Object>),
    (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn timeline(
    State(state): State<AppState>,
    Q(q): Q<TimelineQuery>,
) -> Result<Response, ApiError> {
    read(&state, move |l, _| {
        let subject = match (q.truce, q.place) {
            (Some(t), None) => {
                if l.truce(&t).is_none() {
                    return Err(ApiError::not_found(format!("no truce {t:?}")));
                }
                Subject::Truce(t)
            }
            (None, Some(p)) => Subject::Place(l.place(p.trim())?),
            _ => {
                return Err(ApiError::bad_request(
                    "give exactly one of truce=ID or place=NAME",
                ));
            }
        };
        Ok(Json(l.timeline(&subject)).into_response())
    })
    .await?
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ExpiringQuery {
    /// Now (default: a day after the latest report).
    now: Option<String>,
    /// Horizon in hours (default 24, at most 8760).
    hours: Option<i64>,
}

/// Truce areas in force whose window ends within the horizon.
#[utoipa::path(get, path = "/api/expiring", params(ExpiringQuery), responses(
    (status = 200, description = "truce_ledger::Expiring list", body = Vec<Object>),
    (status = 400, body = ErrorBody)))]
pub(crate) async fn expiring(
    State(state): State<AppState>,
    Q(q): Q<ExpiringQuery>,
) -> Result<Response, ApiError> {
    let hours = q.hours.unwrap_or(24);
    if !(0..=8760).contains(&hours) {
        return Err(ApiError::bad_request("hours must be between 0 and 8760"));
    }
    read(&state, move |l, c| {
        let now = time_or_latest(q.now.as_deref(), c)?;
        Ok(Json(l.expiring(now, jiff::SignedDuration::from_hours(hours))).into_response())
    })
    .await?
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ViolationsQuery {
    /// Only this truce's violations.
    truce: Option<String>,
}

/// Incidents inside an active truce's area and window, and explicit violation claims.
#[utoipa::path(get, path = "/api/violations", params(ViolationsQuery), responses(
    (status = 200, description = "truce_ledger::Violation list", body = Vec<Object>),
    (status = 404, body = ErrorBody)))]
pub(crate) async fn violations(
    State(state): State<AppState>,
    Q(q): Q<ViolationsQuery>,
) -> Result<Response, ApiError> {
    read(&state, move |l, _| {
        if let Some(t) = q.truce.as_deref().filter(|t| l.truce(t).is_none()) {
            return Err(ApiError::not_found(format!("no truce {t:?}")));
        }
        Ok(Json(l.violations(q.truce.as_deref())).into_response())
    })
    .await?
}

/// Contradicting claims side by side.
#[utoipa::path(get, path = "/api/disputes", responses(
    (status = 200, description = "truce_ledger::Dispute list", body = Vec<Object>)))]
pub(crate) async fn disputes(State(state): State<AppState>) -> Result<Response, ApiError> {
    cached(&state, "disputes", |l, _| serde_json::to_vec(&l.disputes())).await
}

/// Every truce record.
#[utoipa::path(get, path = "/api/truces", responses(
    (status = 200, description = "truce_ledger::TruceView list", body = Vec<Object>)))]
pub(crate) async fn truces(State(state): State<AppState>) -> Result<Response, ApiError> {
    cached(&state, "truces", |l, _| serde_json::to_vec(&l.truces())).await
}

/// One truce record.
#[utoipa::path(get, path = "/api/truces/{id}", params(("id" = String, Path, description = "truce id")),
    responses((status = 200, description = "truce_ledger::TruceView", body = Object),
    (status = 404, body = ErrorBody)))]
pub(crate) async fn truce(
    State(state): State<AppState>,
    P(id): P<String>,
) -> Result<Response, ApiError> {
    read(&state, move |l, _| match l.truce(&id) {
        Some(t) => Ok(Json(t).into_response()),
        None => Err(ApiError::not_found(format!("no truce {id:?}"))),
    })
    .await?
}

/// The source document of a claim, briefly.
#[derive(Clone, Serialize, ToSchema)]
pub struct Source {
    pub id: String,
    pub published: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub translated_by: Option<String>,
    pub edited_by: Option<String>,
}

impl From<&Document> for Source {
    fn from(d: &Document) -> Self {
        Source {
            id: d.id.clone(),
            published: d.published.clone(),
            outlet: d.outlet.clone(),
            title: d.title.clone(),
            url: d.url.clone(),
            translated_by: d.translated_by.clone(),
            edited_by: d.edited_by.clone(),
        }
    }
}

/// The evidence with the text around it (plain text, never HTML).
#[derive(Clone, Serialize, ToSchema)]
pub struct Passage {
    pub before: String,
    pub evidence: String,
    pub after: String,
}

/// A claim with its source, and why it is linked to a truce.
#[derive(Clone, Serialize, ToSchema)]
pub struct ClaimOut {
    pub source: Source,
    /// The claim as extracted (kind, modality, actors, places, time,
    /// quantities, attribution with speaker and chain, evidence span).
    #[schema(value_type = Object)]
    pub claim: Claim,
    /// When it was said or happened.
    pub said: Option<String>,
    /// The linking rule that tied it to the truce.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The evidence in its report (when the text is at hand).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passage: Option<Passage>,
}

const CONTEXT: usize = 240;

fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

pub(crate) fn passage(text: &str, claim: &Claim) -> Option<Passage> {
    let (s, e) = (claim.evidence.start, claim.evidence.end);
    let evidence = text.get(s..e)?;
    let from = floor_char(text, s.saturating_sub(CONTEXT));
    let to = ceil_char(text, e.saturating_add(CONTEXT));
    Some(Passage {
        before: text.get(from..s).unwrap_or("").to_string(),
        evidence: evidence.to_string(),
        after: text.get(e..to).unwrap_or("").to_string(),
    })
}

fn claim_out(doc: &Document, claim: &Claim, rule: Option<String>) -> ClaimOut {
    ClaimOut {
        source: doc.into(),
        claim: claim.clone(),
        said: claim_time(doc, claim).map(|t| t.to_string()),
        rule,
        passage: None,
    }
}

/// Adds passages from the stored texts (one read per document).
async fn with_passages(
    state: &AppState,
    mut out: Vec<ClaimOut>,
) -> Result<Vec<ClaimOut>, ApiError> {
    let mut texts: HashMap<String, Option<String>> = HashMap::new();
    for c in &mut out {
        if !texts.contains_key(&c.source.id) {
            let doc = state.store.document(&c.source.id).await?;
            texts.insert(c.source.id.clone(), doc.map(|d| d.text));
        }
        if let Some(Some(text)) = texts.get(&c.source.id) {
            c.passage = passage(text, &c.claim);
        }
    }
    Ok(out)
}

/// The claims a truce rests on, each with its source, attribution chain and the evidence in its report.
#[utoipa::path(get, path = "/api/truces/{id}/claims", params(("id" = String, Path, description = "truce id")),
    responses((status = 200, body = Vec<ClaimOut>), (status = 404, body = ErrorBody)))]
pub(crate) async fn truce_claims(
    State(state): State<AppState>,
    P(id): P<String>,
) -> Result<Json<Vec<ClaimOut>>, ApiError> {
    let out = read(&state, move |l, c| {
        let Some(t) = l.truce(&id) else {
            return Err(ApiError::not_found(format!("no truce {id:?}")));
        };
        Ok(t.links
            .iter()
            .filter_map(|link| {
                let (doc, claim) = c.claim(&link.document, &link.claim)?;
                Some(claim_out(doc, claim, Some(link.rule.clone())))
            })
            .collect::<Vec<_>>())
    })
    .await??;
    Ok(Json(with_passages(&state, out).await?))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ClaimsQuery {
    /// Only this document's claims.
    document: Option<String>,
    /// Kind or kind prefix (`incident.`, `truce.declared`).
    kind: Option<String>,
    offset: Option<usize>,
    /// At most 500 (default 100).
    limit: Option<usize>,
}

/// Claims, in the order stored (without passages; see `/api/claims/{document}/{claim}`).
#[utoipa::path(get, path = "/api/claims", params(ClaimsQuery), responses(
    (status = 200, body = Vec<ClaimOut>), (status = 400, body = ErrorBody)))]
pub(crate) async fn claims(
    State(state): State<AppState>,
    Q(q): Q<ClaimsQuery>,
) -> Result<Json<Vec<ClaimOut>>, ApiError> {
    let limit = q.limit.unwrap_or(100);
    if limit > 500 {
        return Err(ApiError::bad_request("limit is at most 500"));
    }
    let offset = q.offset.unwrap_or(0);
    read(&state, move |_, c| {
        let docs: Box<dyn Iterator<Item = usize>> = match &q.document {
            Some(d) => Box::new(c.by_id.get(d).copied().into_iter()),
            None => Box::new(0..c.docs.len()),
        };
        let kind = q.kind.as_deref().unwrap_or("");
        Json(
            docs.flat_map(|d| c.claims[d].iter().map(move |cl| (d, cl)))
                .filter(|(_, cl)| cl.kind.as_str().starts_with(kind))
                .skip(offset)
                .take(limit)
                .map(|(d, cl)| claim_out(&c.docs[d], cl, None))
                .collect(),
        )
    })
    .await
}

/// One claim with its source and the evidence in its report.
#[utoipa::path(get, path = "/api/claims/{document}/{claim}",
    params(("document" = String, Path), ("claim" = String, Path)),
    responses((status = 200, body = ClaimOut), (status = 404, body = ErrorBody)))]
pub(crate) async fn one_claim(
    State(state): State<AppState>,
    P((document, claim)): P<(String, String)>,
) -> Result<Json<ClaimOut>, ApiError> {
    let out = read(&state, move |_, c| {
        c.claim(&document, &claim)
            .map(|(d, cl)| claim_out(d, cl, None))
            .ok_or_else(|| {
                ApiError::not_found(format!("no claim {claim:?} in document {document:?}"))
            })
    })
    .await??;
    let mut v = with_passages(&state, vec![out]).await?;
    v.pop()
        .map(Json)
        .ok_or_else(|| ApiError::internal("claim", "lost"))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct PageQuery {
    offset: Option<i64>,
    /// At most 500 (default 50).
    limit: Option<i64>,
}

/// Stored documents, in the order stored.
#[utoipa::path(get, path = "/api/documents", params(PageQuery), responses(
    (status = 200, description = "truce_store::DocumentSummary list", body = Vec<Object>),
    (status = 400, body = ErrorBody)))]
pub(crate) async fn documents(
    State(state): State<AppState>,
    Q(q): Q<PageQuery>,
) -> Result<Response, ApiError> {
    let offset = q.offset.unwrap_or(0);
    let limit = q.limit.unwrap_or(50);
    if offset < 0 || !(0..=500).contains(&limit) {
        return Err(ApiError::bad_request(
            "offset must be >= 0 and limit between 0 and 500",
        ));
    }
    Ok(Json(state.store.documents(offset, limit).await?).into_response())
}

/// A claim of a document with its evidence in UTF-16 code units (for
/// JavaScript strings) as well as bytes.
#[derive(Serialize, ToSchema)]
pub struct DocClaim {
    #[schema(value_type = Object)]
    pub claim: Claim,
    /// `[start, end)` of the evidence in UTF-16 code units of `text`; absent if the span is not on the text.
    pub evidence_utf16: Option<[usize; 2]>,
}

/// A stored document: its text (as data, never markup) and its claims.
#[derive(Serialize, ToSchema)]
pub struct DocumentOut {
    #[schema(value_type = Object)]
    pub document: Document,
    pub text: String,
    pub duplicate_of: Option<String>,
    pub ingested_at: String,
    pub claims: Vec<DocClaim>,
}

fn utf16(text: &str, start: usize, end: usize) -> Option<[usize; 2]> {
    let head = text.get(..start)?;
    let mid = text.get(start..end)?;
    let s = head.encode_utf16().count();
    Some([s, s + mid.encode_utf16().count()])
}

/// One stored document with its text and claims (evidence spans in bytes and UTF-16).
#[utoipa::path(get, path = "/api/documents/{id}", params(("id" = String, Path)),
    responses((status = 200, body = DocumentOut), (status = 404, body = ErrorBody)))]
pub(crate) async fn document(
    State(state): State<AppState>,
    P(id): P<String>,
) -> Result<Json<DocumentOut>, ApiError> {
    let Some(d) = state.store.document(&id).await? else {
        return Err(ApiError::not_found(format!("no document {id:?}")));
    };
    let claims = d
        .report
        .claims
        .into_iter()
        .map(|c| DocClaim {
            evidence_utf16: utf16(&d.text, c.evidence.start, c.evidence.end),
            claim: c,
        })
        .collect();
    Ok(Json(DocumentOut {
        document: d.report.document,
        text: d.text,
        duplicate_of: d.duplicate_of,
        ingested_at: d.ingested_at,
        claims,
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ExportQuery {
    /// `json` (default), `geojson` or `csv`.
    format: Option<String>,
    /// What the export holds: `truces`, `areas`, `claims`, `incidents` or
    /// `events` (CSV: one table, default `truces`; JSON and GeoJSON: that
    /// part only, default everything).
    table: Option<String>,
    /// States as of this time (default: the latest report).
    at: Option<String>,
}

/// Truces, claims and incidents as JSON, GeoJSON or CSV.
#[utoipa::path(get, path = "/api/export", params(ExportQuery), responses(
    (status = 200, description = "the export", body = Object), (status = 400, body = ErrorBody)))]
pub(crate) async fn export(
    State(state): State<AppState>,
    Q(q): Q<ExportQuery>,
) -> Result<Response, ApiError> {
    let what = match q.table.as_deref() {
        None => None,
        Some("truces") => Some(Table::Truces),
        Some("areas") => Some(Table::Areas),
        Some("claims") => Some(Table::Claims),
        Some("incidents") => Some(Table::Incidents),
        Some("events") => Some(Table::Events),
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "unknown table {other:?} (truces, areas, claims, incidents, events)"
            )));
        }
    };
    let table = what.unwrap_or(Table::Truces);
    let (format, ctype) = match q.format.as_deref().unwrap_or("json") {
        "json" => (ExportFormat::Json, "application/json"),
        "geojson" => (ExportFormat::GeoJson, "application/geo+json"),
        "csv" => (ExportFormat::Csv(table), "text/csv; charset=utf-8"),
        other => {
            return Err(ApiError::bad_request(format!(
                "unknown format {other:?} (json, geojson, csv)"
            )));
        }
    };
    let at = match q.at.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(t) => Some(truce_ledger::parse_time(t)?),
        None => None,
    };
    let bytes = read(&state, move |l, _| {
        let mut out = Vec::new();
        l.export_what(format, what, &mut out, at).map(|()| out)
    })
    .await?
    .map_err(|e| ApiError::internal("export", e))?;
    Ok(json_bytes(bytes, ctype))
}

#[derive(Serialize, ToSchema)]
pub struct StatsOut {
    #[schema(value_type = Object)]
    pub store: truce_store::Stats,
    #[schema(value_type = Object)]
    pub ledger: truce_ledger::Counts,
}

/// Counts of documents, duplicates, claims, truces, incidents, violations, disputes.
#[utoipa::path(get, path = "/api/stats", responses((status = 200, body = StatsOut)))]
pub(crate) async fn stats(State(state): State<AppState>) -> Result<Json<StatsOut>, ApiError> {
    let store = state.store.stats().await?;
    let ledger = read(&state, |l, _| l.counts()).await?;
    Ok(Json(StatsOut { store, ledger }))
}

/// A JSON answer that depends only on the ledger, serialised once per
/// ledger change.
async fn cached(
    state: &AppState,
    key: &'static str,
    f: impl FnOnce(&Ledger, &Catalog) -> Result<Vec<u8>, serde_json::Error> + Send + 'static,
) -> Result<Response, ApiError> {
    let hit = state
        .cache
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .get(key)
        .cloned();
    let bytes = match hit {
        Some(b) => b,
        None => {
            let cache = state.cache.clone();
            read(state, move |l, c| {
                let bytes = axum::body::Bytes::from(f(l, c)?);
                // Stored while the ledger's read lock is held: a write, which
                // clears the cache under the write lock, cannot come between.
                cache
                    .write()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(key, bytes.clone());
                Ok::<_, serde_json::Error>(bytes)
            })
            .await?
            .map_err(|e| ApiError::internal("serialise", e))?
        }
    };
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        bytes,
    )
        .into_response())
}

/// Everything the board draws that does not depend on the time: truces with areas,
/// windows, exclusions and lifecycle; incidents with coordinates; violations; disputes.
#[utoipa::path(get, path = "/api/overview", responses((status = 200, body = Overview)))]
pub(crate) async fn overview(State(state): State<AppState>) -> Result<Response, ApiError> {
    cached(&state, "overview", |l, c| {
        serde_json::to_vec::<Overview>(&board::overview(l, c))
    })
    .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct BoardQuery {
    /// The board's time (default: a day after the latest report).
    at: Option<String>,
}

/// The state of every truce area at a time, and what expires in the next 24 hours.
#[utoipa::path(get, path = "/api/board", params(BoardQuery), responses(
    (status = 200, body = Board), (status = 400, body = ErrorBody)))]
pub(crate) async fn board_at(
    State(state): State<AppState>,
    Q(q): Q<BoardQuery>,
) -> Result<Json<Board>, ApiError> {
    read(&state, move |l, c| {
        let at = time_or_latest(q.at.as_deref(), c)?;
        Ok(Json(board::board(l, at)))
    })
    .await?
}

/// The OpenAPI document of this API.
pub(crate) async fn openapi_json() -> Response {
    match crate::openapi().to_json() {
        Ok(s) => json_bytes(s.into_bytes(), "application/json"),
        Err(e) => ApiError::internal("openapi", e).into_response(),
    }
}

// ---------------------------------------------------------------- writes

fn authorised(state: &AppState, headers: &HeaderMap) -> bool {
    let Some(expected) = state.token.as_deref() else {
        return false;
    };
    let Some(given) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    else {
        return false;
    };
    // Constant time in the token's content.
    let (a, b) = (given.trim().as_bytes(), expected.as_bytes());
    let mut diff = a.len() ^ b.len();
    for (i, &x) in b.iter().enumerate() {
        diff |= usize::from(x ^ a.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

/// Ingests reports: a JSON Lines body, one report a line, in the `truce extract
/// --jsonl` input format (`{"id", "text", "published", "outlet", "title", ...}`).
/// Needs `Authorization: Bearer TOKEN`. Lines that fail are listed in the
/// summary; a body of which no line could be read is a 400.
#[utoipa::path(post, path = "/api/reports",
    request_body(content = String, content_type = "application/x-ndjson", description = "JSON Lines"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "truce_ingest::Summary: read, new, duplicates, near_duplicates, failed", body = Object),
        (status = 400, description = "malformed body", body = ErrorBody),
        (status = 401, description = "missing or wrong token", body = ErrorBody),
        (status = 403, description = "read-only server", body = ErrorBody),
        (status = 413, description = "body over the limit", body = ErrorBody)))]
pub(crate) async fn post_reports(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    if state.read_only {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server is read-only",
        ));
    }
    if !authorised(&state, &headers) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "writes need the header Authorization: Bearer TOKEN with the server's token",
        ));
    }
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is larger than {} bytes", state.body_limit),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > state.body_limit as u64) {
        return Err(too_large());
    }
    let bytes = match axum::body::to_bytes(body, state.body_limit).await {
        Ok(b) => b,
        Err(e) => {
            let over = std::error::Error::source(&e)
                .is_some_and(|s| s.to_string().contains("length limit"))
                || e.to_string().contains("length limit");
            return Err(if over {
                too_large()
            } else if crate::guard::is_body_timeout(&e) {
                ApiError::new(
                    StatusCode::REQUEST_TIMEOUT,
                    format!(
                        "the request body stopped arriving (nothing for {} s; is Content-Length right?)",
                        state.body_timeout.as_secs()
                    ),
                )
            } else {
                ApiError::bad_request("cannot read the request body")
            });
        }
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request(
            "empty body: send JSON Lines, one report a line, e.g. {\"text\": \"...\", \"published\": \"2016-05-01\"}",
        ));
    }
    let extractor = state.extractor.clone();
    let prepared = tokio::task::spawn_blocking(move || {
        let ex =
            extractor.get_or_init(|| truce_extract::Extractor::new().map_err(|e| e.to_string()));
        match ex {
            Ok(ex) => Ok(truce_ingest::prepare_jsonl(
                ex,
                "request",
                &bytes,
                &truce_ingest::Defaults::default(),
            )),
            Err(e) => Err(ApiError::internal("extractor", e)),
        }
    })
    .await
    .map_err(|e| ApiError::internal("extract", e))??;
    if prepared.docs.is_empty() {
        let first = prepared
            .failures
            .first()
            .map(|f| f.to_string())
            .unwrap_or_else(|| "no report in the body".into());
        let more = prepared.failures.len().saturating_sub(1);
        return Err(ApiError::bad_request(if more > 0 {
            format!("no report could be read: {first} (and {more} more)")
        } else {
            format!("no report could be read: {first}")
        }));
    }
    // The write runs as a task of its own: a request cut short (timeout,
    // closed connection) cannot stop it between the store and the ledger.
    let writer = state.clone();
    tokio::spawn(async move { store_and_link(writer, prepared).await })
        .await
        .map_err(|e| ApiError::internal("write", e))?
}

/// Stores a prepared batch (one writer at a time) and adds what is new to
/// the ledger.
async fn store_and_link(
    state: AppState,
    prepared: truce_ingest::Prepared,
) -> Result<Response, ApiError> {
    let _one_writer = state.writing.lock().await;
    let outcome = truce_ingest::store_prepared(state.store.as_ref(), prepared).await?;
    let added = outcome.added;
    if !added.is_empty() {
        let (ledger, cat, cache) = (
            state.ledger.clone(),
            state.catalog.clone(),
            state.cache.clone(),
        );
        tokio::task::spawn_blocking(move || {
            let mut l = ledger.write().unwrap_or_else(PoisonError::into_inner);
            let mut c = cat.write().unwrap_or_else(PoisonError::into_inner);
            for r in &added {
                c.add(r);
            }
            l.extend(added);
            cache
                .write()
                .unwrap_or_else(PoisonError::into_inner)
                .clear();
        })
        .await
        .map_err(|e| ApiError::internal("ledger update", e))?;
    }
    Ok(Json(outcome.summary).into_response())
}
