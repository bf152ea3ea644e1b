//! Alerts from the truce ledger: what changed that someone should hear of.
//!
//! [`events`] reads a [`truce_ledger::Ledger`] and lists alert events of
//! five kinds ([`Kind`]): a truce was **declared**, **extended**, **nears
//! its end** within a horizon (`expiring`), was **reported violated**, or
//! became **disputed**. Each event has a stable id, a hash of its kind, the
//! truce and the claim or time that decides it (see [`AlertEvent::id`]), so
//! the same event derived again from a rebuilt ledger has the same id and is
//! never sent twice.
//!
//! Events are rendered as JSON (they are `Serialize`), as an Atom feed
//! ([`atom::feed`], a small writer of our own that escapes every text), and
//! posted to webhooks signed with HMAC-SHA256 ([`sign`], [`Webhook`]).
//! [`Delivered`] is the record of delivered ids, an append-only file, so a
//! watcher killed and started again neither loses nor repeats an event.
//!
//! ```
//! use truce_alert::{Delivered, Kind, Options, events, sign};
//! use truce_geo::Gazetteer;
//! use truce_ledger::{Ledger, parse_time};
//!
//! let mut ledger = Ledger::new(Gazetteer::embedded());
//! let report: truce_model::Report = serde_json::from_str(r#"{
//!   "document": {"id": "d1", "published": "2016-05-01", "bytes": 0, "extractor": "x"},
//!   "claims": [{"id": "c1", "kind": "truce.declared", "modality": "asserted",
//!     "truce": {"name": "truce"},
//!     "places": [{"role": "scope", "id": "170654", "name": "Damascus"}],
//!     "time": {"start": "2016-05-01", "end": "2016-05-02", "precision": "day"},
//!     "attribution": {"chain": []},
//!     "evidence": {"start": 0, "end": 0, "text": ""}}]
//! }"#).unwrap();
//! ledger.add(report);
//!
//! // Noon on 2 May: the truce runs to the end of that day, within 24 hours.
//! let options = Options::new(parse_time("2016-05-02T12:00").unwrap(), jiff::SignedDuration::from_hours(24));
//! let found = events(&ledger, &options);
//! assert_eq!(found.iter().map(|e| e.kind).collect::<Vec<_>>(), [Kind::Declared, Kind::Expiring]);
//! // The same ledger gives the same ids.
//! assert_eq!(found[1].id, events(&ledger, &options)[1].id);
//!
//! // What a webhook receives: the JSON body, its timestamp and signature.
//! let body = serde_json::to_vec(&found[1]).unwrap();
//! let signature = sign(b"a shared secret", 1_700_000_000, &body);
//! assert!(signature.starts_with("sha256="));
//! assert!(truce_alert::verify(b"a shared secret", "1700000000", &body, &signature, 1_700_000_100, 300).is_ok());
//!
//! // Delivered ids are kept in a file: a second run skips them.
//! let dir = std::env::temp_dir().join(format!("truce-alert-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! let mut delivered = Delivered::open(&dir.join("alerts.jsonl")).unwrap();
//! delivered.record("stdout", &found[1]).unwrap();
//! drop(delivered); // the record is locked while open
//! assert!(Delivered::open(&dir.join("alerts.jsonl")).unwrap().contains("stdout", &found[1].id));
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```
//!
//! # Verifying a webhook
//!
//! Each event is one `POST` with a JSON body (an [`AlertEvent`]) and the
//! headers `X-Truce-Event` (the kind), `X-Truce-Event-Id` (the id),
//! `X-Truce-Timestamp` (Unix seconds when it was signed) and
//! `X-Truce-Signature: sha256=<hex>`, where the hex is
//! HMAC-SHA256(secret, timestamp + "." + body) over the raw body bytes. A
//! receiver recomputes it, compares in constant time, rejects a timestamp
//! more than a few minutes from its clock (a replay), and keeps the event
//! ids it has acted on: a sender killed between the receiver's answer and
//! its own record sends that one event again after a restart, with the same
//! id. [`verify`] does all but the last.
//!
//! Delivery ([`Webhook::deliver`]) waits at most [`Webhook::timeout`] for
//! each attempt and tries [`Webhook::attempts`] times, backing off, on
//! connection errors, 408, 429 and 5xx; another 4xx is final. An answer in
//! 2xx is success.

pub mod atom;
mod deliver;
mod derive;
mod signing;
mod state;

pub use deliver::{DEFAULT_ATTEMPTS, DEFAULT_TIMEOUT, Webhook, fetch};
pub use derive::{AlertEvent, ClaimRef, Kind, Options, events};
pub use signing::{SIGNATURE_HEADER, TIMESTAMP_HEADER, sign, verify};
pub use state::Delivered;

/// Why an alert could not be derived, rendered, delivered or recorded.
#[derive(Debug, thiserror::Error)]
pub enum AlertError {
    #[error("bad webhook URL {url:?}: {reason}")]
    BadUrl { url: String, reason: String },
    #[error("cannot read the secret file {path}: {reason}")]
    SecretFile { path: String, reason: String },
    #[error("the secret file {0} is empty")]
    EmptySecret(String),
    #[error("webhook {url} refused event {id}: HTTP {status}")]
    Refused {
        url: String,
        id: String,
        status: u16,
    },
    #[error("webhook {url} failed for event {id} after {attempts} attempts: {reason}")]
    Unreachable {
        url: String,
        id: String,
        attempts: u32,
        reason: String,
    },
    #[error("fetching {url}: {reason}")]
    Fetch { url: String, reason: String },
    #[error("the delivery record {path}: {reason}")]
    State { path: String, reason: String },
    #[error("bad signature: {0}")]
    Signature(String),
}

/// A secret for signing: the first line of `path`, trimmed; an empty one
/// is refused.
pub fn read_secret(path: &std::path::Path) -> Result<Vec<u8>, AlertError> {
    let text = std::fs::read_to_string(path).map_err(|e| AlertError::SecretFile {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    let secret = text.lines().next().unwrap_or("").trim();
    if secret.is_empty() {
        return Err(AlertError::EmptySecret(path.display().to_string()));
    }
    Ok(secret.as_bytes().to_vec())
}
