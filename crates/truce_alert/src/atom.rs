//! An Atom feed (RFC 4287) of alert events, written by hand: every text
//! is escaped, characters XML 1.0 forbids are dropped.

use crate::AlertEvent;
use std::fmt::Write;

/// What the feed says of itself.
#[derive(Clone, Debug)]
pub struct FeedInfo {
    pub title: String,
    /// A permanent IRI for the feed (`urn:truce:feed` or its URL).
    pub id: String,
    /// The feed's own address, for `<link rel="self">`, when known.
    pub self_url: Option<String>,
    /// When the feed last changed (RFC 3339); the newest event's time if
    /// `None`.
    pub updated: Option<String>,
}

/// The feed of `events`, newest first. Entry ids are `urn:truce:event:ID`,
/// so a reader shows each event once however often it polls.
pub fn feed(events: &[AlertEvent], info: &FeedInfo) -> String {
    let mut newest: Vec<&AlertEvent> = events.iter().collect();
    newest.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.id.cmp(&b.id)));
    let updated = info
        .updated
        .clone()
        .or_else(|| newest.first().map(|e| e.at.clone()))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    element(&mut out, 1, "title", &info.title);
    element(&mut out, 1, "id", &info.id);
    element(&mut out, 1, "updated", &rfc3339(&updated));
    if let Some(url) = &info.self_url {
        let _ = writeln!(
            out,
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
            escape(url)
        );
    }
    out.push_str("  <author><name>truce</name></author>\n");
    out.push_str("  <generator>truce</generator>\n");
    for e in newest {
        out.push_str("  <entry>\n");
        element(&mut out, 2, "id", &format!("urn:truce:event:{}", e.id));
        element(&mut out, 2, "title", &e.title);
        element(&mut out, 2, "updated", &rfc3339(&e.at));
        let _ = writeln!(out, "    <category term=\"{}\"/>", escape(e.kind.as_str()));
        if let Some(c) = &e.claim {
            element(&mut out, 2, "summary", &summary(e, c));
        }
        let json = serde_json::to_string(e).unwrap_or_default();
        let _ = writeln!(
            out,
            "    <content type=\"application/json\">{}</content>",
            escape(&json)
        );
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

fn summary(e: &AlertEvent, c: &crate::ClaimRef) -> String {
    let source = c.outlet.as_deref().unwrap_or(&c.document);
    format!(
        "{} ({}, {}): \"{}\"",
        e.title, source, c.published, c.evidence
    )
}

fn element(out: &mut String, depth: usize, name: &str, text: &str) {
    let _ = writeln!(
        out,
        "{}<{name}>{}</{name}>",
        "  ".repeat(depth),
        escape(text)
    );
}

/// Atom dates need an offset: a date alone becomes midnight UTC, a time
/// without an offset is taken as UTC.
fn rfc3339(text: &str) -> String {
    if text.len() == 10 {
        return format!("{text}T00:00:00Z");
    }
    let has_offset = text.ends_with('Z')
        || text
            .get(text.len().saturating_sub(6)..)
            .is_some_and(|t| t.starts_with('+') || t.starts_with('-'));
    if has_offset {
        text.to_string()
    } else {
        format!("{text}Z")
    }
}

/// Text and attribute values: `& < > " '` as entities; characters XML 1.0
/// does not allow (controls other than tab and line ends, U+FFFE, U+FFFF)
/// dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;

    fn sample(title: &str) -> AlertEvent {
        AlertEvent {
            id: "ev-1".into(),
            kind: Kind::Expiring,
            truce: "t1".into(),
            truce_key: "d:c1".into(),
            name: "Fooville truce".into(),
            title: title.into(),
            at: "2016-05-01T20:00:00+03:00".into(),
            place: Some("Fooville".into()),
            end: Some("2016-05-02T00:00:00+03:00".into()),
            dispute: None,
            claim: None,
            against: None,
        }
    }

    #[test]
    fn markup_in_a_title_is_escaped() {
        let xml = feed(
            &[sample("<script>alert('x')</script> & \"more\"\u{0}")],
            &FeedInfo {
                title: "truce alerts".into(),
                id: "urn:truce:feed".into(),
                self_url: Some("http://127.0.0.1/api/feed.atom?a=1&b=2".into()),
                updated: None,
            },
        );
        assert!(!xml.contains("<script>"));
        assert!(xml.contains(
            "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;more&quot;</title>"
        ));
        assert!(xml.contains("href=\"http://127.0.0.1/api/feed.atom?a=1&amp;b=2\""));
        assert!(!xml.contains('\u{0}'));
        assert!(xml.contains("<id>urn:truce:event:ev-1</id>"));
        assert!(xml.contains("<updated>2016-05-01T20:00:00+03:00</updated>"));
        // every opened element is closed
        assert_eq!(
            xml.matches("<entry>").count(),
            xml.matches("</entry>").count()
        );
    }

    #[test]
    fn dates_get_an_offset() {
        assert_eq!(rfc3339("2016-05-01"), "2016-05-01T00:00:00Z");
        assert_eq!(rfc3339("2016-05-01T10:00:00"), "2016-05-01T10:00:00Z");
        assert_eq!(
            rfc3339("2016-05-01T10:00:00-04:00"),
            "2016-05-01T10:00:00-04:00"
        );
    }
}
