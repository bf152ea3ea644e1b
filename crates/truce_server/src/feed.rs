//! Alerts on the server: `GET /api/feed.atom` (the alert events of
//! `truce_alert` as an Atom feed), `GET /api/events` (server-sent events:
//! `change` when the store changed, `alerts` when webhooks were posted),
//! and the webhook poster that runs after each change.
//!
//! The poster follows the server's generations (each a consistent reading
//! of the store, whoever wrote to it): for every new one, and every minute
//! (an end comes nearer without any report), it derives the alert events
//! and posts those its delivery record does not list, recording each
//! after the receiver accepted it. The record is the same file format as
//! `truce watch`'s, so a server restarted sends nothing twice.
//!
//! Server-sent events, for the page (`new EventSource("/api/events")`):
//!
//! - `change`, data `{"sequence": "12.0", "documents": 12}`: sent once on
//!   connecting and after each change of the store; the page reloads what
//!   it shows.
//! - `alerts`, data: a JSON array of alert events just posted to the
//!   webhook (only when the server posts webhooks).
//!
//! A keep-alive comment goes out every 15 seconds; the stream ends when
//! the server stops (Ctrl-C or SIGTERM).

use crate::AppState;
use crate::error::ApiError;
use crate::live::Generation;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use jiff::SignedDuration;
use std::convert::Infallible;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::sync::watch;
use truce_alert::{AlertEvent, Delivered, Options, Webhook, atom};

/// Entries in the Atom feed (the newest).
const FEED_ENTRIES: usize = 200;
/// How often the poster looks again without a change (ends come nearer).
const RECHECK: Duration = Duration::from_secs(60);

/// Alerts of `truce serve`: the horizon for `expiring`, and the webhook to
/// post to with its delivery record.
#[derive(Clone, Debug)]
pub struct AlertConfig {
    /// How far ahead an end makes an `expiring` event (feed and webhook).
    pub horizon: SignedDuration,
    /// Where to post, and the record of what was posted.
    pub webhook: Option<(Webhook, Arc<Mutex<Delivered>>)>,
}

impl Default for AlertConfig {
    fn default() -> Self {
        AlertConfig {
            horizon: SignedDuration::from_hours(24),
            webhook: None,
        }
    }
}

/// What the handlers need: the horizon, the batches posted, and whether
/// the server is stopping.
#[derive(Clone)]
pub(crate) struct Alerts {
    horizon: SignedDuration,
    posted: watch::Receiver<Arc<Vec<AlertEvent>>>,
    stopping: watch::Receiver<bool>,
}

impl Alerts {
    /// Starts the poster (when a webhook is configured) and a listener for
    /// Ctrl-C and SIGTERM that ends event streams.
    pub(crate) fn start(
        generations: watch::Receiver<Arc<Generation>>,
        config: &AlertConfig,
    ) -> Alerts {
        let (posted_tx, posted) = watch::channel(Arc::new(Vec::new()));
        let (stop_tx, stopping) = watch::channel(false);
        tokio::spawn(async move {
            crate::shutdown_signal().await;
            let _ = stop_tx.send(true);
        });
        if let Some((hook, record)) = config.webhook.clone() {
            tokio::spawn(post_changes(
                generations,
                hook,
                record,
                config.horizon,
                posted_tx,
            ));
        }
        Alerts {
            horizon: config.horizon,
            posted,
            stopping,
        }
    }
}

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/feed.atom", get(feed_atom))
        .route("/api/events", get(events))
}

/// Every generation (and every [`RECHECK`]): derive, post what is pending.
async fn post_changes(
    mut generations: watch::Receiver<Arc<Generation>>,
    hook: Webhook,
    record: Arc<Mutex<Delivered>>,
    horizon: SignedDuration,
    posted: watch::Sender<Arc<Vec<AlertEvent>>>,
) {
    loop {
        let generation = generations.borrow_and_update().clone();
        let (hook, record) = (hook.clone(), record.clone());
        let sent =
            tokio::task::spawn_blocking(move || post_pending(&generation, &hook, &record, horizon))
                .await;
        match sent {
            Ok(sent) if !sent.is_empty() => {
                posted.send_replace(Arc::new(sent));
            }
            Ok(_) => {}
            Err(e) => eprintln!("truce serve: posting alerts: {e}"),
        }
        tokio::select! {
            changed = generations.changed() => {
                if changed.is_err() {
                    break; // the server is gone
                }
            }
            () = tokio::time::sleep(RECHECK) => {}
        }
    }
}

/// Posts the events of `generation` the record does not list, in order,
/// stopping at the first failure (the rest waits for the next look).
fn post_pending(
    generation: &Generation,
    hook: &Webhook,
    record: &Mutex<Delivered>,
    horizon: SignedDuration,
) -> Vec<AlertEvent> {
    let events = truce_alert::events(generation.ledger(), &Options::now_in_home(horizon));
    let mut record = record.lock().unwrap_or_else(PoisonError::into_inner);
    let mut sent = Vec::new();
    for event in record.pending(&hook.url, &events) {
        if let Err(e) = hook.deliver(event) {
            eprintln!("truce serve: {e}");
            break;
        }
        if let Err(e) = record.record(&hook.url, event) {
            eprintln!("truce serve: {e}");
            break;
        }
        sent.push(event.clone());
    }
    sent
}

/// The alert events of the ledger as Atom, newest first.
#[utoipa::path(get, path = "/api/feed.atom", responses(
    (status = 200, description = "the alert events (declared, extended, expiring within the server's horizon, violated, disputed) as an Atom feed, newest first; entry ids are urn:truce:event:ID", content_type = "application/atom+xml", body = String)))]
pub(crate) async fn feed_atom(State(state): State<AppState>) -> Result<Response, ApiError> {
    let generation = state.current();
    let horizon = state.alerts.horizon;
    let xml = tokio::task::spawn_blocking(move || {
        let events = truce_alert::events(generation.ledger(), &Options::now_in_home(horizon));
        let newest = &events[events.len().saturating_sub(FEED_ENTRIES)..];
        atom::feed(
            newest,
            &atom::FeedInfo {
                title: "truce: alerts".into(),
                id: "urn:truce:feed:alerts".into(),
                self_url: None,
                updated: None,
            },
        )
    })
    .await
    .map_err(|e| ApiError::internal("the Atom feed", e))?;
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/atom+xml; charset=utf-8"),
        )],
        xml,
    )
        .into_response())
}

/// What a `change` event says.
fn change(generation: &Generation) -> Event {
    let data = serde_json::json!({
        "sequence": generation.sequence().to_string(),
        "documents": generation.ledger().len(),
    });
    Event::default().event("change").data(data.to_string())
}

struct Stream {
    generations: watch::Receiver<Arc<Generation>>,
    posted: watch::Receiver<Arc<Vec<AlertEvent>>>,
    stopping: watch::Receiver<bool>,
    greeted: bool,
}

/// Server-sent events: `change` on connecting and after each change,
/// `alerts` after webhooks were posted.
#[utoipa::path(get, path = "/api/events", responses(
    (status = 200, description = "server-sent events: `change` with {\"sequence\", \"documents\"} on connecting and after each change of the store; `alerts` with a JSON array of the alert events just posted to the webhook (when one is configured)", content_type = "text/event-stream", body = String)))]
pub(crate) async fn events(
    State(state): State<AppState>,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let mut start = Stream {
        generations: state.generations(),
        posted: state.alerts.posted.clone(),
        stopping: state.alerts.stopping.clone(),
        greeted: false,
    };
    start.posted.mark_unchanged();
    let stream = futures_util::stream::unfold(start, |mut s| async move {
        if !s.greeted {
            s.greeted = true;
            let first = change(&s.generations.borrow_and_update());
            return Some((Ok(first), s));
        }
        if *s.stopping.borrow() {
            return None;
        }
        tokio::select! {
            changed = s.generations.changed() => {
                changed.ok()?;
                let event = change(&s.generations.borrow_and_update());
                Some((Ok(event), s))
            }
            // without a webhook nothing is posted: the branch sleeps
            Ok(()) = s.posted.changed() => {
                let batch = s.posted.borrow_and_update().clone();
                let data = serde_json::to_string(&*batch).unwrap_or_else(|_| "[]".into());
                Some((Ok(Event::default().event("alerts").data(data)), s))
            }
            _ = s.stopping.changed() => None,
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}
