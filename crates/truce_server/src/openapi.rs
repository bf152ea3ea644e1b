//! The OpenAPI document, generated from the handlers' annotations.

use crate::api;
use utoipa::Modify;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "truce",
        description = "The ceasefire ledger: truces, their areas and windows, claims with their sources, incidents, violations and disputes. Times are wall-clock in Syria (Asia/Damascus) unless given with an offset. Errors are {\"error\": \"...\"}. Lists are paged: `limit` (default 100, at most 1000) and `cursor` (opaque: the `X-Next-Cursor` header of the previous page; `Link: <...>; rel=\"next\"` gives the whole next request); the body stays a JSON array, and `X-Total-Count` counts what the filters select where it is known. Every GET answer carries a weak ETag made of the store's sequence and the request: `If-None-Match` with it gives 304 until the store changes. Answers are gzip or brotli compressed when the client accepts it."
    ),
    paths(
        api::health,
        api::status,
        api::timeline,
        api::expiring,
        api::violations,
        api::disputes,
        api::truces,
        api::truce,
        api::truce_claims,
        api::claims,
        api::one_claim,
        api::documents,
        api::document,
        api::export,
        api::stats,
        api::overview,
        api::board_at,
        api::incidents,
        api::post_reports,
        crate::feed::feed_atom,
        crate::feed::events,
    ),
    modifiers(&Bearer)
)]
struct ApiDoc;

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI 3.1 document served at `/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}
