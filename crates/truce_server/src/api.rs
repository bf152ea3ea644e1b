//! The JSON API.

use crate::AppState;
use crate::board::{self, Board, Overview};
use crate::catalog::{Catalog, Incident, claim_time};
use crate::error::{ApiError, ErrorBody};
use crate::live::Generation;
use crate::paging::{Ask, PageQuery, WindowQuery};
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
use truce_geo::PlaceId;
use truce_ledger::{Dispute, ExportFormat, Ledger, Subject, Table, TruceView};
use truce_model::{Claim, Document};
use truce_store::{DocumentPage, SqlStore, Store};
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
        .route("/api/incidents", get(incidents))
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
    /// The store's sequence the answers come from (`appended.rewritten`).
    pub sequence: String,
}

/// Liveness, how many documents the ledger holds, and the store sequence it was read at.
#[utoipa::path(get, path = "/api/health", responses((status = 200, body = Health)))]
pub(crate) async fn health(State(state): State<AppState>) -> Json<Health> {
    let g = state.live.current();
    Json(Health {
        ok: true,
        documents: g.ledger.len(),
        writes: !state.read_only,
        sequence: g.sequence().to_string(),
    })
}

/// A place of the query, read against the ledger's gazetteer.
fn place_of(l: &Ledger, name: Option<&str>) -> Result<Option<PlaceId>, ApiError> {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => Ok(Some(l.place(n)?)),
        None => Ok(None),
    }
}

/// Whether the place with gazetteer id `id` is `place`, lies in it, or
/// contains it.
fn bears_on(l: &Ledger, place: PlaceId, id: &str) -> bool {
    let gaz = l.gazetteer();
    gaz.find_id(id)
        .is_some_and(|p| gaz.contains(place, p) || gaz.contains(p, place))
}

/// Whether the place with gazetteer id `id` is `place` or lies in it.
fn inside(l: &Ledger, place: PlaceId, id: &str) -> bool {
    let gaz = l.gazetteer();
    gaz.find_id(id).is_some_and(|p| gaz.contains(place, p))
}

/// The positions of the items `keep` keeps.
fn positions<T>(all: &[T], keep: impl Fn(&T) -> bool) -> Vec<u32> {
    all.iter()
        .enumerate()
        .filter(|(_, x)| keep(x))
        .filter_map(|(i, _)| u32::try_from(i).ok())
        .collect()
}

fn known_truce(l: &Ledger, truce: Option<&str>) -> Result<(), ApiError> {
    match truce {
        Some(t) if l.truce(t).is_none() => Err(ApiError::not_found(format!("no truce {t:?}"))),
        _ => Ok(()),
    }
}

#[derive(Debug, Deserialize, IntoParams)]
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
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 400, description = "bad time", body = ErrorBody),
    (status = 404, description = "unknown place, with suggestions", body = ErrorBody)))]
pub(crate) async fn status(ask: Ask, Q(q): Q<StatusQuery>) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    ask.reply(format!("status {q:?}"), move |g| {
        let at = time_or_latest(q.at.as_deref(), &g.catalog)?;
        let place = g.ledger.place(q.place.trim())?;
        Ok(g.ledger.status(place, at))
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct TimelineQuery {
    /// A truce id (`t1`).
    truce: Option<String>,
    /// A place name or id.
    place: Option<String>,
}

/// The dated lifecycle of a truce, or of every truce bearing on a place; paged, within `from`/`to`.
#[utoipa::path(get, path = "/api/timeline", params(TimelineQuery, WindowQuery, PageQuery), responses(
    (status = 200, description = "truce_ledger::TimelineEntry list (one page)", body = Vec<Object>, headers(
        ("x-next-cursor" = String, description = "cursor of the next page, when there is one"),
        ("x-total-count" = usize, description = "items the filters select"))),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn timeline(
    ask: Ask,
    Q(q): Q<TimelineQuery>,
    Q(w): Q<WindowQuery>,
    Q(p): Q<PageQuery>,
) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    let (page, window) = (p.page()?, w.window()?);
    let items = ask
        .list(format!("timeline {q:?} {w:?}"), move |g| {
            let l = &g.ledger;
            let subject = match (q.truce, q.place) {
                (Some(t), None) => {
                    known_truce(l, Some(&t))?;
                    Subject::Truce(t)
                }
                (None, Some(p)) => Subject::Place(l.place(p.trim())?),
                _ => {
                    return Err(ApiError::bad_request(
                        "give exactly one of truce=ID or place=NAME",
                    ));
                }
            };
            let mut out = l.timeline(&subject);
            out.retain(|e| window.holds(&e.said));
            Ok(out)
        })
        .await?;
    Ok(ask.page_of(&items, page))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ExpiringQuery {
    /// Now (default: a day after the latest report).
    now: Option<String>,
    /// Horizon in hours (default 24, at most 8760).
    hours: Option<i64>,
    /// Only areas that are this place, lie in it or contain it.
    place: Option<String>,
    /// Only this truce's areas.
    truce: Option<String>,
}

/// Truce areas in force whose window ends within the horizon; paged.
#[utoipa::path(get, path = "/api/expiring", params(ExpiringQuery, PageQuery), responses(
    (status = 200, description = "truce_ledger::Expiring list (one page)", body = Vec<Object>, headers(
        ("x-next-cursor" = String, description = "cursor of the next page, when there is one"),
        ("x-total-count" = usize, description = "items the filters select"))),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn expiring(
    ask: Ask,
    Q(q): Q<ExpiringQuery>,
    Q(p): Q<PageQuery>,
) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    let page = p.page()?;
    let hours = q.hours.unwrap_or(24);
    if !(0..=8760).contains(&hours) {
        return Err(ApiError::bad_request("hours must be between 0 and 8760"));
    }
    let items = ask
        .list(format!("expiring {q:?}"), move |g| {
            let l = &g.ledger;
            let now = time_or_latest(q.now.as_deref(), &g.catalog)?;
            let place = place_of(l, q.place.as_deref())?;
            known_truce(l, q.truce.as_deref())?;
            let mut out = l.expiring(now, jiff::SignedDuration::from_hours(hours));
            out.retain(|e| {
                place.is_none_or(|p| bears_on(l, p, &e.area.id))
                    && q.truce.as_deref().is_none_or(|t| e.truce == t)
            });
            Ok(out)
        })
        .await?;
    Ok(ask.page_of(&items, page))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ViolationsQuery {
    /// Only this truce's violations.
    truce: Option<String>,
    /// Only violations at this place or inside it.
    place: Option<String>,
}

/// Incidents inside an active truce's area and window, and explicit violation claims; paged, within `from`/`to`.
#[utoipa::path(get, path = "/api/violations", params(ViolationsQuery, WindowQuery, PageQuery), responses(
    (status = 200, description = "truce_ledger::Violation list (one page)", body = Vec<Object>, headers(
        ("x-next-cursor" = String, description = "cursor of the next page, when there is one"),
        ("x-total-count" = usize, description = "items the filters select"))),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn violations(
    ask: Ask,
    Q(q): Q<ViolationsQuery>,
    Q(w): Q<WindowQuery>,
    Q(p): Q<PageQuery>,
) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    let (page, window) = (p.page()?, w.window()?);
    ask.select(
        format!("violations {q:?} {w:?}"),
        page,
        Generation::violations,
        serde_json::to_vec,
        move |g, all| {
            let l = &g.ledger;
            known_truce(l, q.truce.as_deref())?;
            let place = place_of(l, q.place.as_deref())?;
            Ok(positions(all, |v| {
                q.truce.as_deref().is_none_or(|t| v.truce == t)
                    && window.holds(&v.claim.said)
                    && place.is_none_or(|p| v.place.as_ref().is_some_and(|vp| inside(l, p, &vp.id)))
            }))
        },
    )
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct DisputesQuery {
    /// Only disputes about this truce.
    truce: Option<String>,
}

fn dispute_times(d: &Dispute) -> impl Iterator<Item = &str> {
    d.claims_for
        .iter()
        .chain(&d.claims_against)
        .map(|c| c.said.as_str())
}

/// Contradicting claims side by side; paged, within `from`/`to` (a dispute with a claim in the window).
#[utoipa::path(get, path = "/api/disputes", params(DisputesQuery, WindowQuery, PageQuery), responses(
    (status = 200, description = "truce_ledger::Dispute list (one page)", body = Vec<Object>, headers(
        ("x-next-cursor" = String, description = "cursor of the next page, when there is one"),
        ("x-total-count" = usize, description = "items the filters select"))),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn disputes(
    ask: Ask,
    Q(q): Q<DisputesQuery>,
    Q(w): Q<WindowQuery>,
    Q(p): Q<PageQuery>,
) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    let (page, window) = (p.page()?, w.window()?);
    ask.select(
        format!("disputes {q:?} {w:?}"),
        page,
        Generation::disputes,
        serde_json::to_vec,
        move |g, all| {
            known_truce(&g.ledger, q.truce.as_deref())?;
            Ok(positions(all, |d| {
                q.truce.as_ref().is_none_or(|t| d.truces.contains(t))
                    && (window.is_open() || dispute_times(d).any(|t| window.holds(t)))
            }))
        },
    )
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct TrucesQuery {
    /// Only truces with an area that is this place, lies in it or contains it.
    place: Option<String>,
}

/// Truce records, each with its latest 20 links and `links_total`; paged, filtered by place and by `from`/`to` (an area window meeting it).
#[utoipa::path(get, path = "/api/truces", params(TrucesQuery, WindowQuery, PageQuery), responses(
    (status = 200, description = "truce_ledger::TruceView list (one page)", body = Vec<Object>, headers(
        ("x-next-cursor" = String, description = "cursor of the next page, when there is one"),
        ("x-total-count" = usize, description = "items the filters select"))),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn truces(
    ask: Ask,
    Q(q): Q<TrucesQuery>,
    Q(w): Q<WindowQuery>,
    Q(p): Q<PageQuery>,
) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    let (page, window) = (p.page()?, w.window()?);
    ask.select(
        format!("truces {q:?} {w:?}"),
        page,
        Generation::truces,
        truce_item,
        move |g, all| {
            let l = &g.ledger;
            let place = place_of(l, q.place.as_deref())?;
            Ok(positions(all, |t| {
                (place.is_none() && window.is_open())
                    || t.areas.iter().any(|a| {
                        place.is_none_or(|p| bears_on(l, p, &a.place.id))
                            && window.meets(a.window.start.as_deref(), a.window.end.as_deref())
                    })
            }))
        },
    )
    .await
}

/// Links a truce carries in a list (the latest; all of them:
/// `/api/truces/{id}` or, paged, `/api/truces/{id}/claims`).
const LIST_LINKS: usize = 20;

/// A truce as a list shows it: its latest [`LIST_LINKS`] links, and
/// `links_total`. Serialised straight from the borrowed view: the other
/// links are never written.
fn truce_item(t: &TruceView) -> serde_json::Result<Vec<u8>> {
    #[derive(Serialize)]
    struct Item<'a> {
        id: &'a str,
        name: &'a str,
        kind: &'a str,
        names: &'a [String],
        level: &'a truce_ledger::Level,
        #[serde(skip_serializing_if = "Option::is_none")]
        country: Option<&'a truce_ledger::PlaceView>,
        declarer: &'a [truce_ledger::ActorView],
        parties: &'a [truce_ledger::ActorView],
        areas: &'a [truce_ledger::AreaView],
        links: &'a [truce_ledger::LinkView],
        links_total: usize,
    }
    let total = t.links.len();
    serde_json::to_vec(&Item {
        id: &t.id,
        name: &t.name,
        kind: &t.kind,
        names: &t.names,
        level: &t.level,
        country: t.country.as_ref(),
        declarer: &t.declarer,
        parties: &t.parties,
        areas: &t.areas,
        links: &t.links[total.saturating_sub(LIST_LINKS)..],
        links_total: total,
    })
}

/// One truce record.
#[utoipa::path(get, path = "/api/truces/{id}", params(("id" = String, Path, description = "truce id")),
    responses((status = 200, description = "truce_ledger::TruceView", body = Object),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 404, body = ErrorBody)))]
pub(crate) async fn truce(ask: Ask, P(id): P<String>) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    ask.reply(format!("truce {id:?}"), move |g| {
        g.ledger
            .truce(&id)
            .ok_or_else(|| ApiError::not_found(format!("no truce {id:?}")))
    })
    .await
}

/// The source document of a claim, briefly.
#[derive(Clone, Serialize, Deserialize, ToSchema)]
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
#[derive(Clone, Serialize, Deserialize, ToSchema)]
pub struct Passage {
    pub before: String,
    pub evidence: String,
    pub after: String,
}

/// A claim with its source, and why it is linked to a truce.
#[derive(Clone, Serialize, Deserialize, ToSchema)]
pub struct ClaimOut {
    pub source: Source,
    /// The claim as extracted (kind, modality, actors, places, time,
    /// quantities, attribution with speaker and chain, evidence span).
    #[schema(value_type = Object)]
    pub claim: Claim,
    /// When it was said or happened.
    pub said: Option<String>,
    /// The linking rule that tied it to the truce.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The evidence in its report (when the text is at hand).
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    store: &SqlStore,
    mut out: Vec<ClaimOut>,
) -> Result<Vec<ClaimOut>, ApiError> {
    let mut texts: HashMap<String, Option<String>> = HashMap::new();
    for c in &mut out {
        if !texts.contains_key(&c.source.id) {
            let doc = store.document(&c.source.id).await?;
            texts.insert(c.source.id.clone(), doc.map(|d| d.text));
        }
        if let Some(Some(text)) = texts.get(&c.source.id) {
            c.passage = passage(text, &c.claim);
        }
    }
    Ok(out)
}

/// The claims a truce rests on, each with its source, attribution chain and the evidence in its report; paged, within `from`/`to`.
#[utoipa::path(get, path = "/api/truces/{id}/claims",
    params(("id" = String, Path, description = "truce id"), WindowQuery, PageQuery),
    responses((status = 200, body = Vec<ClaimOut>, headers(
        ("x-next-cursor" = String, description = "cursor of the next page, when there is one"),
        ("x-total-count" = usize, description = "items the filters select"))),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn truce_claims(
    State(state): State<AppState>,
    ask: Ask,
    P(id): P<String>,
    Q(w): Q<WindowQuery>,
    Q(p): Q<PageQuery>,
) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    let (page, window) = (p.page()?, w.window()?);
    let store = state.store.clone();
    ask.page_async(
        format!("truce claims {id:?} {w:?} {page:?}"),
        move |g| async move {
            let Some(t) = g.ledger.truce(&id) else {
                return Err(ApiError::not_found(format!("no truce {id:?}")));
            };
            let mut all: Vec<ClaimOut> = t
                .links
                .iter()
                .filter_map(|link| {
                    let (doc, claim) = g.catalog.claim(&link.document, &link.claim)?;
                    let out = claim_out(doc, claim, Some(link.rule.clone()));
                    (window.is_open() || out.said.as_deref().is_some_and(|s| window.holds(s)))
                        .then_some(out)
                })
                .collect();
            let total = all.len();
            let (start, end, next) = page.bounds(total);
            all.truncate(end);
            let slice = all.split_off(start);
            Ok((with_passages(&store, slice).await?, next, Some(total)))
        },
    )
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ClaimsQuery {
    /// Only this document's claims.
    document: Option<String>,
    /// Kind or kind prefix (`incident.`, `truce.declared`).
    kind: Option<String>,
    /// Only the claims linked to this truce.
    truce: Option<String>,
    /// Only claims naming this place or a place inside it.
    place: Option<String>,
}

/// Bits of a claims cursor for the claim's place in its document.
const CLAIM_BITS: u32 = 20;

/// Claims, in the order stored (without passages; see `/api/claims/{document}/{claim}`); paged, filtered by document, kind, truce, place and `from`/`to`.
#[utoipa::path(get, path = "/api/claims", params(ClaimsQuery, WindowQuery, PageQuery), responses(
    (status = 200, body = Vec<ClaimOut>, headers(
        ("x-next-cursor" = String, description = "cursor of the next page, when there is one"))),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn claims(
    ask: Ask,
    Q(q): Q<ClaimsQuery>,
    Q(w): Q<WindowQuery>,
    Q(p): Q<PageQuery>,
) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    let (page, window) = (p.page()?, w.window()?);
    ask.walk(format!("claims {q:?} {w:?} {page:?}"), move |g| {
        let (l, c) = (&g.ledger, &g.catalog);
        let place = place_of(l, q.place.as_deref())?;
        let linked: Option<std::collections::HashSet<(String, String)>> = match &q.truce {
            Some(t) => {
                let Some(view) = l.truce(t) else {
                    return Err(ApiError::not_found(format!("no truce {t:?}")));
                };
                Some(
                    view.links
                        .into_iter()
                        .map(|k| (k.document, k.claim))
                        .collect(),
                )
            }
            None => None,
        };
        let kind = q.kind.as_deref().unwrap_or("");
        let first_doc = usize::try_from(page.start >> CLAIM_BITS).unwrap_or(usize::MAX);
        let first_claim = (page.start & ((1 << CLAIM_BITS) - 1)) as usize;
        let docs: Vec<usize> = match &q.document {
            Some(d) => c.by_id.get(d).copied().into_iter().collect(),
            None => (first_doc.min(c.entries.len())..c.entries.len()).collect(),
        };
        let mut out = Vec::new();
        for d in docs {
            if d < first_doc {
                continue;
            }
            let skip = if d == first_doc { first_claim } else { 0 };
            let doc = &c.entries[d].doc;
            for (i, cl) in c.entries[d].claims.iter().enumerate().skip(skip) {
                let wanted = cl.kind.as_str().starts_with(kind)
                    && linked
                        .as_ref()
                        .is_none_or(|s| s.contains(&(doc.id.clone(), cl.id.clone())))
                    && place.is_none_or(|p| {
                        cl.places
                            .iter()
                            .any(|cp| cp.id.as_deref().is_some_and(|id| inside(l, p, id)))
                    })
                    && (window.is_open()
                        || claim_time(doc, cl).is_some_and(|t| window.holds_time(t)));
                if !wanted {
                    continue;
                }
                if out.len() == page.limit {
                    let next = ((d as u64) << CLAIM_BITS) | i as u64;
                    return Ok((out, Some(next)));
                }
                out.push(claim_out(doc, cl, None));
            }
        }
        Ok((out, None))
    })
    .await
}

/// One claim with its source and the evidence in its report.
#[utoipa::path(get, path = "/api/claims/{document}/{claim}",
    params(("document" = String, Path), ("claim" = String, Path)),
    responses((status = 200, body = ClaimOut),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 404, body = ErrorBody)))]
pub(crate) async fn one_claim(
    State(state): State<AppState>,
    ask: Ask,
    P((document, claim)): P<(String, String)>,
) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    let store = state.store.clone();
    ask.reply_async(
        format!("claim {document:?} {claim:?}"),
        move |g| async move {
            let out = g
                .catalog
                .claim(&document, &claim)
                .map(|(d, cl)| claim_out(d, cl, None))
                .ok_or_else(|| {
                    ApiError::not_found(format!("no claim {claim:?} in document {document:?}"))
                })?;
            with_passages(&store, vec![out])
                .await?
                .pop()
                .ok_or_else(|| ApiError::internal("claim", "lost"))
        },
    )
    .await
}

/// A time as the store's publication column compares it: the date alone
/// at midnight.
fn published_text(t: Option<DateTime>) -> Option<String> {
    t.map(|t| {
        if t.time() == jiff::civil::Time::midnight() {
            t.date().to_string()
        } else {
            t.to_string()
        }
    })
}

/// Stored documents, in the order stored, as of the generation answered from; paged, within `from`/`to` (publication, compared as ISO text).
#[utoipa::path(get, path = "/api/documents", params(WindowQuery, PageQuery), responses(
    (status = 200, description = "truce_store::DocumentSummary list (one page)", body = Vec<Object>, headers(
        ("x-next-cursor" = String, description = "cursor of the next page, when there is one"))),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 400, body = ErrorBody)))]
pub(crate) async fn documents(
    State(state): State<AppState>,
    ask: Ask,
    Q(w): Q<WindowQuery>,
    Q(p): Q<PageQuery>,
) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    let (page, window) = (p.page()?, w.window()?);
    let store = state.store.clone();
    ask.page_async(format!("documents {w:?} {page:?}"), move |g| async move {
        let mut docs = store
            .document_page(&DocumentPage {
                after: i64::try_from(page.start).unwrap_or(i64::MAX),
                upto: Some(g.sequence().appended),
                published_from: published_text(window.from),
                published_before: published_text(window.to),
                limit: page.limit as i64 + 1,
            })
            .await?;
        let next = if docs.len() > page.limit {
            docs.truncate(page.limit);
            docs.last().map(|d| d.seq.max(0) as u64)
        } else {
            None
        };
        Ok((docs, next, None))
    })
    .await
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
    responses((status = 200, body = DocumentOut),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 404, body = ErrorBody)))]
pub(crate) async fn document(
    State(state): State<AppState>,
    ask: Ask,
    P(id): P<String>,
) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    let store = state.store.clone();
    ask.reply_async(format!("document {id:?}"), move |g| async move {
        let Some(d) = store.document(&id).await? else {
            return Err(ApiError::not_found(format!("no document {id:?}")));
        };
        // The reading the ledger holds (the store's may be newer).
        let (document, claims) = match g.catalog.by_id.get(&id) {
            Some(&i) => {
                let e = &g.catalog.entries[i];
                (e.doc.clone(), e.claims.clone())
            }
            None => (d.report.document, d.report.claims),
        };
        let claims = claims
            .into_iter()
            .map(|c| DocClaim {
                evidence_utf16: utf16(&d.text, c.evidence.start, c.evidence.end),
                claim: c,
            })
            .collect();
        Ok(DocumentOut {
            document,
            text: d.text,
            duplicate_of: d.duplicate_of,
            ingested_at: d.ingested_at,
            claims,
        })
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
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

/// Truces, claims and incidents as JSON, GeoJSON or CSV (whole: not paged).
#[utoipa::path(get, path = "/api/export", params(ExportQuery), responses(
    (status = 200, description = "the export", body = Object),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 400, body = ErrorBody)))]
pub(crate) async fn export(ask: Ask, Q(q): Q<ExportQuery>) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
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
    ask.reply_bytes(format!("export {q:?}"), ctype, move |g| {
        let mut out = Vec::new();
        g.ledger
            .export_what(format, what, &mut out, at)
            .map_err(|e| ApiError::internal("export", e))?;
        Ok(out)
    })
    .await
}

#[derive(Serialize, ToSchema)]
pub struct StatsOut {
    #[schema(value_type = Object)]
    pub store: truce_store::Stats,
    #[schema(value_type = Object)]
    pub ledger: truce_ledger::Counts,
}

/// Counts of documents, duplicates, claims, truces, incidents, violations, disputes (store and ledger from one snapshot).
#[utoipa::path(get, path = "/api/stats", responses((status = 200, body = StatsOut),
    (status = 304, description = "not modified (If-None-Match)")))]
pub(crate) async fn stats(ask: Ask) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    ask.reply("stats".into(), |g| {
        Ok(StatsOut {
            store: g.stats.clone(),
            ledger: g.counts(),
        })
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct OverviewQuery {
    /// Only truces with an area, and incidents and violations, at this place (or bearing on it).
    place: Option<String>,
    /// At most this many truces, incidents, violations and disputes each
    /// (the latest when there are more; default 1000, at most 10000).
    limit: Option<usize>,
}

/// What the board draws that does not depend on the chosen time: counts; truces with areas,
/// windows, exclusions and (the latest) lifecycle steps; incidents with coordinates; violations;
/// disputes. Bounded: at most `limit` of each, the latest, within `from`/`to` and the place.
#[utoipa::path(get, path = "/api/overview", params(OverviewQuery, WindowQuery), responses(
    (status = 200, body = Overview),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn overview(
    ask: Ask,
    Q(q): Q<OverviewQuery>,
    Q(w): Q<WindowQuery>,
) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    let window = w.window()?;
    let limit = q.limit.unwrap_or(board::OVERVIEW_LIMIT);
    if !(1..=board::OVERVIEW_MAX).contains(&limit) {
        return Err(ApiError::bad_request(format!(
            "limit must be between 1 and {}",
            board::OVERVIEW_MAX
        )));
    }
    ask.reply(format!("overview {q:?} {w:?}"), move |g| {
        let place = place_of(&g.ledger, q.place.as_deref())?;
        Ok(board::overview(
            g,
            &board::Bounds {
                place,
                window,
                limit,
            },
        ))
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct BoardQuery {
    /// The board's time (default: a day after the latest report).
    at: Option<String>,
}

/// The state of every truce area at a time, and what expires in the next 24 hours.
#[utoipa::path(get, path = "/api/board", params(BoardQuery), responses(
    (status = 200, body = Board),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 400, body = ErrorBody)))]
pub(crate) async fn board_at(ask: Ask, Q(q): Q<BoardQuery>) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    ask.reply(format!("board {q:?}"), move |g| {
        let at = time_or_latest(q.at.as_deref(), &g.catalog)?;
        Ok(board::board(&g.ledger, at))
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct IncidentsQuery {
    /// Only incidents at this place or inside it.
    place: Option<String>,
    /// Kind or kind prefix (`incident.attack`).
    kind: Option<String>,
}

/// Incident claims with a place on the map, in time order; paged, filtered by place, kind and `from`/`to`.
#[utoipa::path(get, path = "/api/incidents", params(IncidentsQuery, WindowQuery, PageQuery), responses(
    (status = 200, body = Vec<Incident>, headers(
        ("x-next-cursor" = String, description = "cursor of the next page, when there is one"),
        ("x-total-count" = usize, description = "items the filters select"))),
    (status = 304, description = "not modified (If-None-Match)"),
    (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn incidents(
    ask: Ask,
    Q(q): Q<IncidentsQuery>,
    Q(w): Q<WindowQuery>,
    Q(p): Q<PageQuery>,
) -> Result<Response, ApiError> {
    if let Some(r) = ask.not_modified() {
        return Ok(r);
    }
    let (page, window) = (p.page()?, w.window()?);
    let items = ask
        .list(format!("incidents {q:?} {w:?}"), move |g| {
            let l = &g.ledger;
            let place = place_of(l, q.place.as_deref())?;
            let kind = q.kind.as_deref().unwrap_or("");
            Ok(g.catalog
                .incidents
                .iter()
                .filter(|i| {
                    i.kind.starts_with(kind)
                        && window.holds_time(i.at)
                        && place.is_none_or(|p| {
                            i.place_id.as_deref().is_some_and(|id| inside(l, p, id))
                        })
                })
                .cloned()
                .collect::<Vec<Incident>>())
        })
        .await?;
    Ok(ask.page_of(&items, page))
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

/// Stores a prepared batch (one writer at a time), then brings the
/// generation up to the store, so that the answer's reports are in what
/// the next request sees.
async fn store_and_link(
    state: AppState,
    prepared: truce_ingest::Prepared,
) -> Result<Response, ApiError> {
    let _one_writer = state.writing.lock().await;
    let outcome = truce_ingest::store_prepared(state.store.as_ref(), prepared).await?;
    if !outcome.added.is_empty()
        && let Err(e) = state.live.refresh(&state.store).await
    {
        // Stored all the same: the poll will pick it up.
        eprintln!("truce serve: reading the store after a write: {e}");
    }
    Ok(Json(outcome.summary).into_response())
}
