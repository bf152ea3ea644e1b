//! One line of JSON Lines input: `id`, `text`, `published` and optional
//! `outlet`, `title`, `url`, `language`, `theatre` (the ISO code of the
//! country the report is about). Other fields are ignored.

use crate::text::{TextProblem, check_text};
use serde::Deserialize;
use serde_json::Value;
use truce_extract::{ExtractError, Input};

/// A parsed input line.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub id: String,
    pub text: String,
    pub published: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// ISO 3166-1 alpha-2 code of the report's theatre, when the caller knows it.
    pub theatre: Option<String>,
}

impl Record {
    /// The extractor's input; fails on a bad publication date.
    pub fn input(&self) -> Result<Input<'_>, ExtractError> {
        let mut input = Input::new(&self.text, &self.published)?;
        input.id = Some(self.id.clone());
        input.outlet.clone_from(&self.outlet);
        input.title.clone_from(&self.title);
        input.url.clone_from(&self.url);
        input.language.clone_from(&self.language);
        input.theatre.clone_from(&self.theatre);
        Ok(input)
    }
}

/// Why a line is not a record, with the line's id when it could be read
/// (`Value::Null` otherwise).
#[derive(Clone, Debug, PartialEq)]
pub struct LineError {
    pub id: Value,
    pub message: String,
}

impl LineError {
    fn new(id: Value, message: impl Into<String>) -> Self {
        Self {
            id,
            message: message.into(),
        }
    }
}

/// The fields of a line. News-aggregator exports name some of them
/// otherwise; those names are read too: `source_file` for `id`,
/// `post_date` or `date` for `published`, `original_url` or `link` for
/// `url`, `body` or `content` for `text`, `source` for `outlet`.
#[derive(Deserialize)]
struct RawLine {
    #[serde(alias = "source_file")]
    id: Option<Value>,
    #[serde(alias = "body", alias = "content")]
    text: Option<Value>,
    #[serde(alias = "post_date", alias = "date")]
    published: Option<Value>,
    #[serde(alias = "source")]
    outlet: Option<Value>,
    title: Option<Value>,
    #[serde(alias = "original_url", alias = "link")]
    url: Option<Value>,
    language: Option<Value>,
    theatre: Option<Value>,
}

/// Parse one line (without its newline).
pub fn parse(bytes: &[u8]) -> Result<Record, LineError> {
    let line = match check_text(bytes) {
        Ok(line) => line,
        Err(TextProblem::Empty) => return Err(LineError::new(Value::Null, "empty line")),
        Err(problem) => return Err(LineError::new(Value::Null, problem.to_string())),
    };
    if !line.trim_start().starts_with('{') {
        return Err(LineError::new(
            Value::Null,
            "bad JSON: expected an object `{...}`",
        ));
    }
    let raw: RawLine = serde_json::from_str(line)
        .map_err(|e| LineError::new(Value::Null, format!("bad JSON: {e}")))?;

    let id_value = raw.id.clone().unwrap_or(Value::Null);
    let fail = |message: String| LineError::new(id_value.clone(), message);
    let id = match raw.id {
        None | Some(Value::Null) => return Err(fail(missing("id"))),
        Some(Value::String(s)) if s.trim().is_empty() => return Err(fail("empty id".to_owned())),
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err(fail("field \"id\" must be a string or a number".to_owned())),
    };
    let text = required(raw.text, "text").map_err(fail)?;
    match check_text(text.as_bytes()) {
        Ok(_) => {}
        Err(TextProblem::Empty) => return Err(fail("empty text".to_owned())),
        Err(problem) => return Err(fail(format!("text {problem}"))),
    }
    let published = required(raw.published, "published").map_err(fail)?;
    Ok(Record {
        id,
        text,
        published,
        outlet: optional(raw.outlet, "outlet").map_err(fail)?,
        title: optional(raw.title, "title").map_err(fail)?,
        url: optional(raw.url, "url").map_err(fail)?,
        language: optional(raw.language, "language").map_err(fail)?,
        theatre: theatre(optional(raw.theatre, "theatre").map_err(fail)?).map_err(fail)?,
    })
}

/// A theatre is a two-letter country code, kept upper-case.
fn theatre(code: Option<String>) -> Result<Option<String>, String> {
    match code {
        None => Ok(None),
        Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Ok(Some(c.to_ascii_uppercase()))
        }
        Some(c) => Err(format!(
            "field \"theatre\" must be a two-letter country code (ISO 3166-1), got {c:?}"
        )),
    }
}

fn missing(name: &str) -> String {
    format!("missing field {name:?}")
}

fn required(value: Option<Value>, name: &str) -> Result<String, String> {
    optional(value, name)?.ok_or_else(|| missing(name))
}

fn optional(value: Option<Value>, name: &str) -> Result<Option<String>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("field {name:?} must be a string")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: &str) -> LineError {
        parse(line.as_bytes()).expect_err("should fail")
    }

    #[test]
    fn good_line() {
        let r = parse(br#"{"id": 7, "text": "Truce.", "published": "2016-05-01", "outlet": "W", "extra": [1]}"#)
            .expect("ok");
        assert_eq!(r.id, "7");
        assert_eq!(r.outlet.as_deref(), Some("W"));
        assert_eq!(r.title, None);
        let input = r.input().expect("date");
        assert_eq!(input.id.as_deref(), Some("7"));
    }

    #[test]
    fn theatres_are_country_codes() {
        let r = parse(br#"{"id": 1, "text": "T.", "published": "2016-05-01", "theatre": "ye"}"#)
            .expect("ok");
        assert_eq!(r.theatre.as_deref(), Some("YE"));
        assert_eq!(r.input().expect("date").theatre.as_deref(), Some("YE"));
        let e = err(r#"{"id": 1, "text": "T.", "published": "2016-05-01", "theatre": "Yemen"}"#);
        assert!(
            e.message.contains("two-letter country code"),
            "{}",
            e.message
        );
    }

    #[test]
    fn broken_lines() {
        assert!(err("{nope").message.starts_with("bad JSON"));
        assert!(err("[1, 2]").message.starts_with("bad JSON"));
        let e = err(r#"{"id": "a", "published": "2016-05-01"}"#);
        assert_eq!(e.id, Value::from("a"));
        assert_eq!(e.message, "missing field \"text\"");
        assert_eq!(
            err(r#"{"id": "a", "text": " ", "published": "x"}"#).message,
            "empty text"
        );
        assert_eq!(
            err(r#"{"text": "t", "published": "x"}"#).message,
            "missing field \"id\""
        );
        assert_eq!(
            err(r#"{"id": "a", "text": "t\u0000", "published": "x"}"#).message,
            "text looks like binary data"
        );
        assert_eq!(
            err(r#"{"id": "a", "text": "t", "published": "x", "url": 3}"#).message,
            "field \"url\" must be a string"
        );
        let aliased = parse(
            br#"{"source_file": "posts/a.md", "post_date": "2016-01-11 15:34:10", "original_url": "http://x", "body": "Truce."}"#,
        )
        .expect("aggregator field names");
        assert_eq!(aliased.id, "posts/a.md");
        assert_eq!(aliased.published, "2016-01-11 15:34:10");
        assert_eq!(aliased.url.as_deref(), Some("http://x"));
        assert!(aliased.input().is_ok(), "a date-time with a space");
        let bad_date =
            parse(br#"{"id": "a", "text": "t", "published": "yesterday"}"#).expect("parses");
        assert!(bad_date.input().is_err());
        assert!(
            parse(b"{\"id\": \"\xff\"}")
                .expect_err("utf8")
                .message
                .starts_with("not UTF-8")
        );
    }
}
