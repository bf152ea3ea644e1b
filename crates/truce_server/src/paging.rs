//! Bounded answers: pages of lists, filters by place, time and truce,
//! ETags and `304 Not Modified`.
//!
//! # Paging
//!
//! Every list endpoint takes `limit` (default [`DEFAULT_LIMIT`], at most
//! [`MAX_LIMIT`]) and `cursor`, and answers a JSON array, as before, of at
//! most `limit` items. When more follow, the response says where:
//! `X-Next-Cursor: CURSOR` (pass it back as `cursor=` with the same other
//! parameters) and `Link: <URL>; rel="next"` (the same request with that
//! cursor). `X-Total-Count` gives how many items the filters select. A
//! cursor is opaque; one that the server did not give is a 400.
//!
//! # ETags
//!
//! Every `GET /api/...` answer (but `health`) carries a weak `ETag` made
//! of the store's sequence and the request (path and query): a request
//! with `If-None-Match` holding it gets `304 Not Modified`, with no body
//! and nothing computed, until the store changes. `Cache-Control:
//! no-cache` asks clients to check every time.

use crate::error::ApiError;
use crate::live::{Computed, Generation, Live};
use crate::{AppState, Arc};
use axum::body::Bytes;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

/// Items per page when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 100;
/// The largest `limit`.
pub const MAX_LIMIT: usize = 1000;
/// The header naming the next page's cursor.
pub(crate) const NEXT_CURSOR: &str = "x-next-cursor";
/// The header counting what the filters select.
pub(crate) const TOTAL_COUNT: &str = "x-total-count";

/// `limit` and `cursor` of a list endpoint.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct PageQuery {
    /// Items per page: default 100, at most 1000.
    limit: Option<usize>,
    /// Where to go on: the `X-Next-Cursor` of the previous page (opaque).
    cursor: Option<String>,
}

/// A page asked for: from `start` (a position whose meaning depends on
/// the list), at most `limit` items.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Page {
    pub start: u64,
    pub limit: usize,
}

impl Page {
    /// The slice `[start, end)` of a list of `len` items, and the next
    /// position when more follow.
    pub(crate) fn bounds(&self, len: usize) -> (usize, usize, Option<u64>) {
        let start = usize::try_from(self.start).unwrap_or(usize::MAX).min(len);
        let end = start.saturating_add(self.limit).min(len);
        (start, end, (end < len).then_some(end as u64))
    }
}

impl PageQuery {
    pub(crate) fn page(&self) -> Result<Page, ApiError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::bad_request(format!(
                "limit must be between 1 and {MAX_LIMIT}"
            )));
        }
        let start = match self.cursor.as_deref().map(str::trim) {
            None | Some("") => 0,
            Some(c) => decode_cursor(c)?,
        };
        Ok(Page { start, limit })
    }
}

/// Cursors look like `c` and a number in base 36: opaque to clients.
pub(crate) fn encode_cursor(position: u64) -> String {
    let mut digits = Vec::new();
    let mut n = position;
    loop {
        let d = (n % 36) as u32;
        digits.push(char::from_digit(d, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.push('c');
    digits.into_iter().rev().collect()
}

fn decode_cursor(c: &str) -> Result<u64, ApiError> {
    c.strip_prefix('c')
        .filter(|d| !d.is_empty() && d.len() <= 13)
        .and_then(|d| u64::from_str_radix(d, 36).ok())
        .ok_or_else(|| {
            ApiError::bad_request(format!(
                "bad cursor {c:?}: pass back the X-Next-Cursor of the previous page"
            ))
        })
}

/// A time window from the query: `from` (inclusive) and `to` (exclusive),
/// each `2016-05-01T20:00` or `2016-05-01`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct WindowQuery {
    /// Only what happened or was said at or after this time.
    from: Option<String>,
    /// Only what happened or was said before this time.
    to: Option<String>,
}

/// A parsed time window; open on a side not given.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Window {
    pub from: Option<DateTime>,
    pub to: Option<DateTime>,
}

impl WindowQuery {
    pub(crate) fn window(&self) -> Result<Window, ApiError> {
        let parse = |t: &Option<String>| -> Result<Option<DateTime>, ApiError> {
            match t.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                Some(t) => Ok(Some(truce_ledger::parse_time(t)?)),
                None => Ok(None),
            }
        };
        let w = Window {
            from: parse(&self.from)?,
            to: parse(&self.to)?,
        };
        if let (Some(f), Some(t)) = (w.from, w.to)
            && f > t
        {
            return Err(ApiError::bad_request("from must not be after to"));
        }
        Ok(w)
    }
}

impl Window {
    pub(crate) fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Whether a time (ISO text) is inside; a time that cannot be read is
    /// inside only an open window.
    pub(crate) fn holds(&self, text: &str) -> bool {
        if self.is_open() {
            return true;
        }
        match truce_ledger::parse_time(text) {
            Ok(t) => self.holds_time(t),
            Err(_) => false,
        }
    }

    pub(crate) fn holds_time(&self, t: DateTime) -> bool {
        self.from.is_none_or(|f| t >= f) && self.to.is_none_or(|e| t < e)
    }

    /// Whether a span meets the window: an unknown end is open on that
    /// side; a span with neither end known meets only an open window.
    pub(crate) fn meets(&self, start: Option<&str>, end: Option<&str>) -> bool {
        if self.is_open() {
            return true;
        }
        let start = start.and_then(|s| truce_ledger::parse_time(s).ok());
        let end = end.and_then(|s| truce_ledger::parse_time(s).ok());
        if start.is_none() && end.is_none() {
            return false;
        }
        self.to.is_none_or(|to| start.is_none_or(|s| s < to))
            && self.from.is_none_or(|from| end.is_none_or(|e| e >= from))
    }
}

/// A GET request as the answering helpers need it: the generation it is
/// answered from, its ETag and the client's `If-None-Match`.
pub(crate) struct Ask {
    pub generation: Arc<Generation>,
    live: Arc<Live>,
    path: String,
    query: Option<String>,
    etag: String,
    if_none_match: Option<HeaderValue>,
}

impl FromRequestParts<AppState> for Ask {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let generation = state.live.current();
        let path = parts.uri.path().to_string();
        let query = parts.uri.query().map(str::to_string);
        let etag = format!(
            "W/\"{}-{:016x}\"",
            generation.sequence(),
            fnv(parts
                .uri
                .path_and_query()
                .map_or(path.as_str(), |p| p.as_str()))
        );
        Ok(Ask {
            generation,
            live: state.live.clone(),
            path,
            query,
            etag,
            if_none_match: parts.headers.get(header::IF_NONE_MATCH).cloned(),
        })
    }
}

fn fnv(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The entity tag without its weakness marker.
fn opaque(tag: &str) -> &str {
    tag.trim().trim_start_matches("W/")
}

impl Ask {
    /// `304 Not Modified` when the client holds this answer already.
    pub(crate) fn not_modified(&self) -> Option<Response> {
        let given = self.if_none_match.as_ref()?.to_str().ok()?;
        let ours = opaque(&self.etag);
        let hit = given
            .split(',')
            .any(|t| t.trim() == "*" || opaque(t) == ours);
        hit.then(|| {
            let mut r = StatusCode::NOT_MODIFIED.into_response();
            self.tag(r.headers_mut());
            r
        })
    }

    fn tag(&self, headers: &mut HeaderMap) {
        if let Ok(v) = HeaderValue::from_str(&self.etag) {
            headers.insert(header::ETAG, v);
        }
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }

    /// A response from bytes, with the ETag.
    pub(crate) fn respond(&self, bytes: Bytes, content_type: &'static str) -> Response {
        let mut r = (
            [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
            bytes,
        )
            .into_response();
        self.tag(r.headers_mut());
        r
    }

    /// A whole answer, computed once per generation for `key` by `f` on the
    /// blocking pool.
    pub(crate) async fn reply<T, F>(&self, key: String, f: F) -> Result<Response, ApiError>
    where
        T: Serialize,
        F: FnOnce(&Generation) -> Result<T, ApiError> + Send + 'static,
    {
        self.reply_bytes(key, "application/json", move |g| {
            let v = f(g)?;
            serde_json::to_vec(&v).map_err(|e| ApiError::internal("serialise", e))
        })
        .await
    }

    /// A whole answer of any content type, computed once per generation.
    pub(crate) async fn reply_bytes<F>(
        &self,
        key: String,
        content_type: &'static str,
        f: F,
    ) -> Result<Response, ApiError>
    where
        F: FnOnce(&Generation) -> Result<Vec<u8>, ApiError> + Send + 'static,
    {
        let computed = self
            .live
            .once(&self.generation, &key, move |g| async move {
                tokio::task::spawn_blocking(move || {
                    f(&g).map(|bytes| Computed::Reply {
                        bytes: Bytes::from(bytes),
                        content_type,
                    })
                })
                .await
                .map_err(|e| ApiError::internal("query", e))?
            })
            .await?;
        Ok(self.respond_computed(computed))
    }

    /// A whole answer whose computation is asynchronous (it reads the
    /// store), computed once per generation.
    pub(crate) async fn reply_async<T, F, Fut>(
        &self,
        key: String,
        f: F,
    ) -> Result<Response, ApiError>
    where
        T: Serialize,
        F: FnOnce(Arc<Generation>) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, ApiError>> + Send + 'static,
    {
        let computed = self
            .live
            .once(&self.generation, &key, move |g| async move {
                let v = f(g).await?;
                let bytes =
                    serde_json::to_vec(&v).map_err(|e| ApiError::internal("serialise", e))?;
                Ok(Computed::Reply {
                    bytes: Bytes::from(bytes),
                    content_type: "application/json",
                })
            })
            .await?;
        Ok(self.respond_computed(computed))
    }

    fn respond_computed(&self, computed: Computed) -> Response {
        match computed {
            Computed::Reply {
                bytes,
                content_type,
            } => self.respond(bytes, content_type),
            Computed::List(items) => {
                let page = Page {
                    start: 0,
                    limit: items.len(),
                };
                self.page_of(&items, page)
            }
            Computed::Page { items, next, total } => self.json_page(&items, next, total),
            Computed::Indices(_) => ApiError::internal("answer", "not a reply").into_response(),
        }
    }

    /// The items of a list, computed once per generation for `key`, each
    /// serialised on its own.
    pub(crate) async fn list<T, F>(&self, key: String, f: F) -> Result<Arc<Vec<Bytes>>, ApiError>
    where
        T: Serialize,
        F: FnOnce(&Generation) -> Result<Vec<T>, ApiError> + Send + 'static,
    {
        let computed = self
            .live
            .once(&self.generation, &key, move |g| async move {
                tokio::task::spawn_blocking(move || {
                    let items = f(&g)?
                        .iter()
                        .map(|i| serde_json::to_vec(i).map(Bytes::from))
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(|e| ApiError::internal("serialise", e))?;
                    Ok(Computed::List(Arc::new(items)))
                })
                .await
                .map_err(|e| ApiError::internal("query", e))?
            })
            .await?;
        match computed {
            Computed::List(items) => Ok(items),
            _ => Err(ApiError::internal("list", "not a list")),
        }
    }

    /// One page of a list the generation holds (`source`): which items
    /// the filters select is computed once per generation for `key` (as
    /// positions); the page's items are serialised per request.
    pub(crate) async fn select<T, F>(
        &self,
        key: String,
        page: Page,
        source: fn(&Generation) -> &[T],
        render: fn(&T) -> serde_json::Result<Vec<u8>>,
        select: F,
    ) -> Result<Response, ApiError>
    where
        T: Sync + 'static,
        F: FnOnce(&Generation, &[T]) -> Result<Vec<u32>, ApiError> + Send + 'static,
    {
        let computed = self
            .live
            .once(&self.generation, &key, move |g| async move {
                tokio::task::spawn_blocking(move || {
                    select(&g, source(&g)).map(|v| Computed::Indices(Arc::new(v)))
                })
                .await
                .map_err(|e| ApiError::internal("query", e))?
            })
            .await?;
        let Computed::Indices(positions) = computed else {
            return Err(ApiError::internal("list", "not a selection"));
        };
        let (start, end, next) = page.bounds(positions.len());
        let all = source(&self.generation);
        let items = positions[start..end]
            .iter()
            .filter_map(|&i| all.get(i as usize))
            .map(|item| render(item).map(Bytes::from))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| ApiError::internal("serialise", e))?;
        Ok(self.json_page(&items, next, Some(positions.len())))
    }

    /// One page of a computed list, with the paging headers.
    pub(crate) fn page_of(&self, items: &[Bytes], page: Page) -> Response {
        let (start, end, next) = page.bounds(items.len());
        self.json_page(&items[start..end], next, Some(items.len()))
    }

    /// A JSON array of serialised items, with the paging headers: the next
    /// position (if any) and the total (if known).
    pub(crate) fn json_page(
        &self,
        items: &[Bytes],
        next: Option<u64>,
        total: Option<usize>,
    ) -> Response {
        let mut body = Vec::with_capacity(items.iter().map(|i| i.len() + 1).sum::<usize>() + 2);
        body.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                body.push(b',');
            }
            body.extend_from_slice(item);
        }
        body.push(b']');
        let mut r = self.respond(Bytes::from(body), "application/json");
        let h = r.headers_mut();
        if let Some(total) = total {
            h.insert(TOTAL_COUNT, HeaderValue::from(total));
        }
        if let Some(next) = next {
            let cursor = encode_cursor(next);
            let mut query: Vec<&str> = self
                .query
                .as_deref()
                .unwrap_or("")
                .split('&')
                .filter(|p| !p.is_empty() && !p.starts_with("cursor="))
                .collect();
            let with = format!("cursor={cursor}");
            query.push(&with);
            let link = format!("<{}?{}>; rel=\"next\"", self.path, query.join("&"));
            if let Ok(v) = HeaderValue::from_str(&cursor) {
                h.insert(NEXT_CURSOR, v);
            }
            if let Ok(v) = HeaderValue::from_str(&link) {
                h.insert(header::LINK, v);
            }
        }
        r
    }

    /// A page computed by `f` on the blocking pool (its items and the next
    /// position), once per generation for `key`: for lists walked in place
    /// rather than held whole.
    pub(crate) async fn walk<T, F>(&self, key: String, f: F) -> Result<Response, ApiError>
    where
        T: Serialize + Send + 'static,
        F: FnOnce(&Generation) -> Result<(Vec<T>, Option<u64>), ApiError> + Send + 'static,
    {
        self.page_async(key, move |g| async move {
            tokio::task::spawn_blocking(move || f(&g).map(|(items, next)| (items, next, None)))
                .await
                .map_err(|e| ApiError::internal("query", e))?
        })
        .await
    }

    /// A page computed by the future `f` returns (items, next position,
    /// total if known), once per generation for `key`.
    pub(crate) async fn page_async<T, F, Fut>(
        &self,
        key: String,
        f: F,
    ) -> Result<Response, ApiError>
    where
        T: Serialize,
        F: FnOnce(Arc<Generation>) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(Vec<T>, Option<u64>, Option<usize>), ApiError>>
            + Send
            + 'static,
    {
        let computed = self
            .live
            .once(&self.generation, &key, move |g| async move {
                let (items, next, total) = f(g).await?;
                let items = items
                    .iter()
                    .map(|i| serde_json::to_vec(i).map(Bytes::from))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| ApiError::internal("serialise", e))?;
                Ok(Computed::Page {
                    items: Arc::new(items),
                    next,
                    total,
                })
            })
            .await?;
        Ok(self.respond_computed(computed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_bad_ones_are_refused() {
        for n in [0, 1, 35, 36, 100, 123_456_789, u64::MAX] {
            assert_eq!(decode_cursor(&encode_cursor(n)).ok(), Some(n), "{n}");
        }
        for bad in ["", "c", "x12", "c!!", "c-1", "czzzzzzzzzzzzzzzz"] {
            assert!(decode_cursor(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn windows_hold_and_meet() {
        let w = WindowQuery {
            from: Some("2016-05-01".into()),
            to: Some("2016-06-01".into()),
        }
        .window()
        .expect("window");
        assert!(w.holds("2016-05-01T00:00"));
        assert!(!w.holds("2016-06-01T00:00"), "to is exclusive");
        assert!(!w.holds("not a time"));
        assert!(w.meets(Some("2016-04-01"), None), "open end");
        assert!(!w.meets(Some("2016-03-01"), Some("2016-04-01")));
        assert!(!w.meets(None, None), "undated");
        assert!(Window::default().meets(None, None));
        let backwards = WindowQuery {
            from: Some("2016-06-01".into()),
            to: Some("2016-05-01".into()),
        };
        assert!(backwards.window().is_err());
    }
}
