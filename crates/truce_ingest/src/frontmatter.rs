//! An optional front-matter header on a single report:
//!
//! ```text
//! ---
//! published: 2016-05-01
//! outlet: Example Wire
//! title: Truce extended around Damascus
//! ---
//! The text of the report...
//! ```
//!
//! Keys: `published`, `outlet`, `title`, `url`, `language`. Values may be
//! quoted. Blank lines and `#` comments are allowed. Byte offsets in the
//! report are offsets into the text after the header.

use std::fmt;

/// What the header says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

pub const KEYS: &[&str] = &["published", "outlet", "title", "url", "language"];

/// A header that cannot be read. `line` is 1-based, in the whole input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderError {
    pub line: usize,
    pub problem: String,
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "front matter, line {}: {}", self.line, self.problem)
    }
}

/// Split a text into its header (if it starts with a `---` line) and body.
pub fn split(text: &str) -> Result<(Meta, &str), HeaderError> {
    let mut lines = LineIter {
        rest: text,
        consumed: 0,
    };
    match lines.next() {
        Some((_, first)) if first.trim_end() == "---" => {}
        _ => return Ok((Meta::default(), text)),
    }
    let mut meta = Meta::default();
    for (index, (end, line)) in lines.enumerate() {
        let number = index + 2;
        let line = line.trim();
        if line == "---" {
            return Ok((meta, &text[end..]));
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |problem: String| HeaderError {
            line: number,
            problem,
        };
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(format!(
                "expected `key: value` or the closing `---`, found {line:?}"
            )));
        };
        let key = key.trim();
        let value = unquote(value.trim());
        let slot = match key {
            "published" => &mut meta.published,
            "outlet" => &mut meta.outlet,
            "title" => &mut meta.title,
            "url" => &mut meta.url,
            "language" => &mut meta.language,
            _ => {
                return Err(err(format!(
                    "unknown key {key:?} (known keys: {})",
                    KEYS.join(", ")
                )));
            }
        };
        if slot.is_some() {
            return Err(err(format!("{key:?} given twice")));
        }
        if !value.is_empty() {
            *slot = Some(value.to_owned());
        }
    }
    Err(HeaderError {
        line: 1,
        problem: "opened with `---` but never closed".to_owned(),
    })
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

/// Lines with the byte offset just past each line's newline.
struct LineIter<'a> {
    rest: &'a str,
    consumed: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let (line, len) = match self.rest.find('\n') {
            Some(i) => (&self.rest[..i], i + 1),
            None => (self.rest, self.rest.len()),
        };
        self.rest = &self.rest[len..];
        self.consumed += len;
        Some((self.consumed, line.strip_suffix('\r').unwrap_or(line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_header() {
        let (meta, body) = split("The truce held.\n---\n").expect("ok");
        assert_eq!(meta, Meta::default());
        assert_eq!(body, "The truce held.\n---\n");
    }

    #[test]
    fn header_and_body() {
        let text = "---\r\npublished: 2016-05-01\n# note\n\noutlet: \"Wire: North\"\ntitle: 'A, b'\n---\nBody.\n";
        let (meta, body) = split(text).expect("ok");
        assert_eq!(meta.published.as_deref(), Some("2016-05-01"));
        assert_eq!(meta.outlet.as_deref(), Some("Wire: North"));
        assert_eq!(meta.title.as_deref(), Some("A, b"));
        assert_eq!(body, "Body.\n");
    }

    #[test]
    fn bad_headers() {
        let e = split("---\npublished: 2016-05-01\n").expect_err("unclosed");
        assert!(e.problem.contains("never closed"));
        let e = split("---\npublished: 2016-05-01\nBody.\n").expect_err("unclosed");
        assert_eq!(e.line, 3);
        assert!(e.problem.contains("or the closing `---`"), "{e}");
        let e = split("---\npubished: 2016-05-01\n---\nBody.").expect_err("typo");
        assert_eq!(e.line, 2);
        assert!(e.to_string().contains("unknown key \"pubished\""), "{e}");
        let e = split("---\noutlet: a\noutlet: b\n---\n").expect_err("twice");
        assert_eq!(e.line, 3);
        assert!(split("---\njust words\n---\n").is_err());
    }

    #[test]
    fn header_only() {
        let (meta, body) = split("---\npublished: 2016-05-01\n---").expect("ok");
        assert_eq!(meta.published.as_deref(), Some("2016-05-01"));
        assert_eq!(body, "");
    }
}
