//! HMAC-SHA256 signatures of webhook bodies.

use crate::AlertError;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Header carrying `sha256=<hex>`.
pub const SIGNATURE_HEADER: &str = "X-Truce-Signature";
/// Header carrying the Unix time (seconds) the body was signed at.
pub const TIMESTAMP_HEADER: &str = "X-Truce-Timestamp";

fn mac(secret: &[u8], timestamp: &str, body: &[u8]) -> Hmac<Sha256> {
    // HMAC takes a key of any length: new_from_slice does not fail for it;
    // the fallback (a zero key) only keeps the function total
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret)
        .unwrap_or_else(|_| <Hmac<Sha256> as hmac::digest::KeyInit>::new(&Default::default()));
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// `sha256=` and the hex HMAC-SHA256 of `timestamp.body` under `secret`.
pub fn sign(secret: &[u8], timestamp: u64, body: &[u8]) -> String {
    let tag = mac(secret, &timestamp.to_string(), body)
        .finalize()
        .into_bytes();
    format!("sha256={}", hex(&tag))
}

/// Checks a received body: the signature header's HMAC over
/// `timestamp.body` (compared in constant time), and a timestamp within
/// `tolerance` seconds of `now`.
pub fn verify(
    secret: &[u8],
    timestamp: &str,
    body: &[u8],
    signature: &str,
    now: u64,
    tolerance: u64,
) -> Result<(), AlertError> {
    let sent: u64 = timestamp
        .trim()
        .parse()
        .map_err(|_| AlertError::Signature(format!("timestamp {timestamp:?} is not a number")))?;
    if sent.abs_diff(now) > tolerance {
        return Err(AlertError::Signature(format!(
            "timestamp {sent} is more than {tolerance} s from now ({now})"
        )));
    }
    let hex_tag = signature
        .trim()
        .strip_prefix("sha256=")
        .ok_or_else(|| AlertError::Signature("expected sha256=<hex>".into()))?;
    let tag = unhex(hex_tag)
        .ok_or_else(|| AlertError::Signature("the signature is not hexadecimal".into()))?;
    mac(secret, timestamp.trim(), body)
        .verify_slice(&tag)
        .map_err(|_| AlertError::Signature("the HMAC does not match".into()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231_case_2() {
        // key "Jefe", data "what do ya want for nothing?": split as
        // timestamp "what do ya want for nothing?" would not be a number,
        // so check the MAC itself through the same construction
        let mut m = Hmac::<Sha256>::new_from_slice(b"Jefe").expect("key");
        m.update(b"what do ya want for nothing?");
        assert_eq!(
            hex(&m.finalize().into_bytes()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn a_signature_verifies_and_a_changed_body_does_not() {
        let sig = sign(b"s3cret", 1_000, b"{\"a\":1}");
        assert!(verify(b"s3cret", "1000", b"{\"a\":1}", &sig, 1_010, 300).is_ok());
        assert!(verify(b"s3cret", "1000", b"{\"a\":2}", &sig, 1_010, 300).is_err());
        assert!(verify(b"other", "1000", b"{\"a\":1}", &sig, 1_010, 300).is_err());
        assert!(verify(b"s3cret", "1001", b"{\"a\":1}", &sig, 1_010, 300).is_err());
        // a replay an hour later
        assert!(verify(b"s3cret", "1000", b"{\"a\":1}", &sig, 4_600, 300).is_err());
        assert!(verify(b"s3cret", "1000", b"{\"a\":1}", "md5=00", 1_010, 300).is_err());
        assert!(verify(b"s3cret", "soon", b"{\"a\":1}", &sig, 1_010, 300).is_err());
    }
}
