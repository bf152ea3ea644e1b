//! RSS 2.0 feeds as reports: each `<item>` becomes one line of the JSON
//! Lines input format (`id`, `text`, `published`, `title`, `url`), which
//! [`crate::prepare_jsonl`] reads like any other.
//!
//! A small scanner of our own, enough for RSS: elements are found by name
//! (`title`, `link`, `guid`, `description`, `content:encoded`, `pubDate`),
//! CDATA sections are taken as they are, entities are decoded, and the
//! HTML of a description is reduced to its text. The text of a report is
//! the description (or the full content when the feed gives one), else the
//! title; the title is kept as the report's title. The id is the item's `guid` (else `link`) with a
//! hash of the text, so an item whose text is edited later is stored as a
//! new report (and linked to the first as a near-duplicate) rather than
//! refused for reusing an id.

use crate::IngestError;
use serde_json::json;

/// Whether `bytes` look like an RSS document (an `<rss` or `<channel`
/// element near the start).
pub fn looks_like_rss(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head);
    head.contains("<rss") || head.contains("<channel") || head.contains("<rdf:RDF")
}

/// The items of an RSS feed as JSON Lines; `input` names the feed in
/// errors, `fallback_published` dates items without a `pubDate`.
pub fn rss_to_jsonl(
    input: &str,
    xml: &[u8],
    fallback_published: &str,
) -> Result<Vec<u8>, IngestError> {
    let xml = std::str::from_utf8(xml)
        .map_err(|e| IngestError::Feed(format!("{input}: not UTF-8 ({e})")))?;
    if !looks_like_rss(xml.as_bytes()) {
        return Err(IngestError::Feed(format!(
            "{input}: not an RSS feed (no <rss> or <channel> element)"
        )));
    }
    let mut out = Vec::new();
    for item in elements(xml, "item") {
        let title = child(item, "title").map(|t| plain(&t)).unwrap_or_default();
        let body = child(item, "content:encoded")
            .or_else(|| child(item, "description"))
            .map(|d| plain(&d))
            .unwrap_or_default();
        let link = child(item, "link").map(|l| l.trim().to_string());
        let guid = child(item, "guid").map(|g| g.trim().to_string());
        // the headline repeats the story: it is the text only when the
        // item has no description
        let text = if body.is_empty() { title.clone() } else { body };
        if text.trim().is_empty() {
            continue;
        }
        let published = child(item, "pubDate")
            .and_then(|d| rfc2822(&d))
            .unwrap_or_else(|| fallback_published.to_string());
        let base = guid
            .filter(|g| !g.is_empty())
            .or_else(|| link.clone().filter(|l| !l.is_empty()))
            .unwrap_or_else(|| "rss".to_string());
        let id = format!("{base}#{:08x}", fnv1a32(text.as_bytes()));
        let mut line = json!({ "id": id, "text": text, "published": published });
        if !title.is_empty() {
            line["title"] = json!(title);
        }
        if let Some(url) = link.filter(|l| l.starts_with("http")) {
            line["url"] = json!(url);
        }
        out.extend(line.to_string().into_bytes());
        out.push(b'\n');
    }
    Ok(out)
}

/// The inner text of every `<name ...>...</name>` element, in order.
fn elements<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some((inner, after)) = next_element(rest, name) {
        out.push(inner);
        rest = after;
    }
    out
}

/// The first `<name>` element: its inner text and what follows it.
fn next_element<'a>(xml: &'a str, name: &str) -> Option<(&'a str, &'a str)> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut from = 0;
    loop {
        let at = from + xml.get(from..)?.find(&open)?;
        let after_name = at + open.len();
        let next = xml.get(after_name..)?.chars().next()?;
        if !(next == '>' || next == '/' || next.is_whitespace()) {
            from = after_name; // a longer name (`<items`, `<titles`)
            continue;
        }
        let tag_end = after_name + xml.get(after_name..)?.find('>')?;
        if xml.get(tag_end - 1..tag_end) == Some("/") {
            return Some(("", xml.get(tag_end + 1..)?));
        }
        let body_start = tag_end + 1;
        let end = body_start + find_outside_cdata(xml.get(body_start..)?, &close)?;
        return Some((xml.get(body_start..end)?, xml.get(end + close.len()..)?));
    }
}

/// Where `needle` first occurs in `text` outside CDATA sections.
fn find_outside_cdata(text: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    loop {
        let hit = from + text.get(from..)?.find(needle)?;
        match text.get(from..hit)?.rfind("<![CDATA[") {
            Some(c) => {
                let cdata = from + c;
                match text.get(cdata..)?.find("]]>") {
                    Some(end) if cdata + end < hit => return Some(hit),
                    Some(end) => from = cdata + end + 3,
                    None => return None,
                }
            }
            None => return Some(hit),
        }
    }
}

/// The decoded text of the first child element `name` of an item.
fn child(item: &str, name: &str) -> Option<String> {
    next_element(item, name).map(|(inner, _)| xml_text(inner))
}

/// Element content as text: CDATA as is, entities outside it decoded.
fn xml_text(inner: &str) -> String {
    let mut out = String::new();
    let mut rest = inner;
    while let Some(start) = rest.find("<![CDATA[") {
        out.push_str(&decode_entities(&rest[..start]));
        let body = &rest[start + 9..];
        match body.find("]]>") {
            Some(end) => {
                out.push_str(&body[..end]);
                rest = &body[end + 3..];
            }
            None => {
                out.push_str(body);
                rest = "";
            }
        }
    }
    out.push_str(&decode_entities(rest));
    out
}

/// HTML reduced to text: tags dropped (block tags end a line), entities
/// decoded, runs of spaces folded.
fn plain(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt]
            .trim_start_matches('/')
            .to_ascii_lowercase();
        let name = tag.split([' ', '/', '\t', '\n']).next().unwrap_or("");
        if matches!(name, "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "tr") {
            text.push('\n');
        }
        rest = &rest[lt + gt + 1..];
    }
    text.push_str(rest);
    let text = decode_entities(&text);
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let folded = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !folded.is_empty() {
            lines.push(folded);
        }
    }
    lines.join("\n")
}

/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`, `&#NN;`,
/// `&#xHH;`; anything else is left as written.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let Some(semi) = after.find(';').filter(|&s| s <= 10) else {
            out.push('&');
            rest = after;
            continue;
        };
        let name = &after[..semi];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `Fri, 01 May 2026 12:00:00 +0300` as `2026-05-01T12:00:00+03:00`.
fn rfc2822(text: &str) -> Option<String> {
    let zoned = jiff::fmt::rfc2822::parse(text.trim()).ok()?;
    Some(zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
}

fn fnv1a32(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in bytes {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>Wire</title><atom:link href="http://x/feed" rel="self"/>
<item>
  <title>Truce in Fooville &amp; Barton</title>
  <link>https://wire.example/fooville</link>
  <guid isPermaLink="false">wire-1</guid>
  <description><![CDATA[<p>A 72-hour truce in Fooville came into effect at noon,</p><p>the army said. </items></p>]]></description>
  <pubDate>Fri, 01 May 2026 12:00:00 +0300</pubDate>
</item>
<item><title>No date</title><description>&lt;b&gt;Shelling&lt;/b&gt; resumed&#44; residents said.</description></item>
<item><title></title><description/></item>
</channel></rss>"#;

    #[test]
    fn items_become_lines() {
        let out = rss_to_jsonl("feed", FEED.as_bytes(), "2026-05-02").expect("rss");
        let lines: Vec<serde_json::Value> = out
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).expect("json"))
            .collect();
        assert_eq!(lines.len(), 2, "the empty item is skipped");
        assert_eq!(lines[0]["title"], "Truce in Fooville & Barton");
        assert_eq!(
            lines[0]["text"],
            "A 72-hour truce in Fooville came into effect at noon,\nthe army said."
        );
        assert_eq!(lines[0]["published"], "2026-05-01T12:00:00+03:00");
        assert_eq!(lines[0]["url"], "https://wire.example/fooville");
        assert!(lines[0]["id"].as_str().expect("id").starts_with("wire-1#"));
        assert_eq!(lines[1]["text"], "Shelling resumed, residents said.");
        assert_eq!(lines[1]["published"], "2026-05-02");
        assert!(lines[1].get("url").is_none());
    }

    #[test]
    fn not_a_feed_is_an_error_naming_it() {
        let err = rss_to_jsonl("http://x/y", b"<html><body>hi</body></html>", "2026-05-02")
            .expect_err("not rss");
        assert!(err.to_string().contains("http://x/y"), "{err}");
    }

    #[test]
    fn entities_and_tags() {
        assert_eq!(
            decode_entities("a &amp; b &#x41;&#66; &bogus; & c"),
            "a & b AB &bogus; & c"
        );
        assert_eq!(plain("<div>one<br/>two</div>  three"), "one\ntwo\nthree");
    }
}
