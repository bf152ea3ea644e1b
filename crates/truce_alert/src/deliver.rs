//! Webhook delivery over a small blocking HTTP client (`ureq`, rustls for
//! https), with a timeout on every request and retries with back-off.

use crate::signing::{SIGNATURE_HEADER, TIMESTAMP_HEADER, sign};
use crate::{AlertError, AlertEvent};
use std::time::Duration;

/// Whole-request timeout of one attempt.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Attempts per event before giving up (the event stays pending).
pub const DEFAULT_ATTEMPTS: u32 = 3;

/// A webhook: where events go and the secret they are signed with.
#[derive(Clone)]
pub struct Webhook {
    pub url: String,
    secret: Vec<u8>,
    /// Timeout of each attempt (connect, send, answer).
    pub timeout: Duration,
    /// Attempts per event.
    pub attempts: u32,
    /// Wait before the second attempt; doubled after each.
    pub backoff: Duration,
}

impl std::fmt::Debug for Webhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhook")
            .field("url", &self.url)
            .field("secret", &"<hidden>")
            .field("timeout", &self.timeout)
            .field("attempts", &self.attempts)
            .finish()
    }
}

impl Webhook {
    /// A webhook at an `http://` or `https://` URL; the secret must not be
    /// empty.
    pub fn new(url: &str, secret: Vec<u8>) -> Result<Webhook, AlertError> {
        check_url(url)?;
        if secret.is_empty() {
            return Err(AlertError::EmptySecret("(given)".into()));
        }
        Ok(Webhook {
            url: url.to_string(),
            secret,
            timeout: DEFAULT_TIMEOUT,
            attempts: DEFAULT_ATTEMPTS,
            backoff: Duration::from_millis(500),
        })
    }

    /// Posts one event, signed; retries on connection errors, 408, 429 and
    /// 5xx. Success is a 2xx answer.
    pub fn deliver(&self, event: &AlertEvent) -> Result<(), AlertError> {
        let body = serde_json::to_vec(event).map_err(|e| AlertError::Unreachable {
            url: self.url.clone(),
            id: event.id.clone(),
            attempts: 0,
            reason: e.to_string(),
        })?;
        let agent = agent(self.timeout);
        let mut wait = self.backoff;
        let mut last = String::new();
        let attempts = self.attempts.max(1);
        for attempt in 1..=attempts {
            let now = jiff::Timestamp::now().as_second().max(0).unsigned_abs();
            let answer = agent
                .post(&self.url)
                .header("Content-Type", "application/json")
                .header("User-Agent", concat!("truce/", env!("CARGO_PKG_VERSION")))
                .header("X-Truce-Event", event.kind.as_str())
                .header("X-Truce-Event-Id", &event.id)
                .header(TIMESTAMP_HEADER, now.to_string())
                .header(SIGNATURE_HEADER, sign(&self.secret, now, &body))
                .send(&body[..]);
            match answer {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    if (200..300).contains(&status) {
                        return Ok(());
                    }
                    if !(status == 408 || status == 429 || status >= 500) {
                        return Err(AlertError::Refused {
                            url: self.url.clone(),
                            id: event.id.clone(),
                            status,
                        });
                    }
                    last = format!("HTTP {status}");
                }
                Err(e) => last = e.to_string(),
            }
            if attempt < attempts {
                std::thread::sleep(wait);
                wait = wait.saturating_mul(2);
            }
        }
        Err(AlertError::Unreachable {
            url: self.url.clone(),
            id: event.id.clone(),
            attempts,
            reason: last,
        })
    }
}

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(3)
        .build()
        .into()
}

fn check_url(url: &str) -> Result<(), AlertError> {
    let bad = |reason: &str| AlertError::BadUrl {
        url: url.to_string(),
        reason: reason.to_string(),
    };
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .ok_or_else(|| bad("expected http:// or https://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() {
        return Err(bad("no host"));
    }
    url.parse::<ureq::http::Uri>()
        .map_err(|e| bad(&e.to_string()))?;
    Ok(())
}

/// GETs `url` (http or https) within `timeout`, reading at most `limit`
/// bytes of body; returns the `Content-Type` (empty if none) and the body.
/// An answer other than 2xx is an error naming the URL.
pub fn fetch(url: &str, timeout: Duration, limit: u64) -> Result<(String, Vec<u8>), AlertError> {
    check_url(url)?;
    let err = |reason: String| AlertError::Fetch {
        url: url.to_string(),
        reason,
    };
    let mut resp = agent(timeout)
        .get(url)
        .header("User-Agent", concat!("truce/", env!("CARGO_PKG_VERSION")))
        .call()
        .map_err(|e| err(e.to_string()))?;
    let status = resp.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(err(format!("HTTP {status}")));
    }
    let content_type = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = resp
        .body_mut()
        .with_config()
        .limit(limit)
        .read_to_vec()
        .map_err(|e| err(e.to_string()))?;
    Ok((content_type, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_http_with_a_host() {
        assert!(Webhook::new("http://127.0.0.1:9/hook", b"k".to_vec()).is_ok());
        assert!(Webhook::new("https://example.org/x", b"k".to_vec()).is_ok());
        for bad in ["ftp://x/y", "127.0.0.1:9", "http:///path", "http://"] {
            let err = Webhook::new(bad, b"k".to_vec()).expect_err(bad);
            assert!(err.to_string().contains(bad), "{err}");
        }
        assert!(Webhook::new("http://127.0.0.1:9/hook", Vec::new()).is_err());
    }

    #[test]
    fn an_unreachable_hook_fails_after_its_attempts() {
        // port 9 (discard) on loopback: nothing listens in a test sandbox
        let mut hook = Webhook::new("http://127.0.0.1:9/hook", b"k".to_vec()).expect("hook");
        hook.attempts = 2;
        hook.backoff = Duration::from_millis(1);
        hook.timeout = Duration::from_secs(5);
        let event: AlertEvent = serde_json::from_str(
            r#"{"id":"ev-x","kind":"declared","truce":"t1","truce_key":"d:c1","name":"n","title":"t","at":"2016-05-01T00:00:00+03:00"}"#,
        )
        .expect("event");
        match hook.deliver(&event) {
            Err(AlertError::Unreachable { attempts, id, .. }) => {
                assert_eq!(attempts, 2);
                assert_eq!(id, "ev-x");
            }
            other => panic!("expected Unreachable, got {other:?}"),
        }
    }
}
