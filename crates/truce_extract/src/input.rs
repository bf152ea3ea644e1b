//! One document to read.

use crate::ExtractError;
use jiff::civil::{Date, DateTime};

/// The publication time of a document: the text as given and its parsed
/// civil date (and time, when given).
#[derive(Clone, Debug, PartialEq)]
pub struct Published {
    pub text: String,
    pub date: Date,
    pub time: Option<jiff::civil::Time>,
}

impl Published {
    /// Accepts `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` with or without an
    /// offset or `Z` (the offset is dropped: times are read as local to the
    /// report), and RFC 2822-like `YYYY-MM-DD HH:MM`.
    pub fn parse(value: &str) -> Result<Self, ExtractError> {
        let bad = || ExtractError::BadPublished {
            value: value.to_owned(),
        };
        let v = value.trim();
        if v.len() == 10 {
            let date: Date = v.parse().map_err(|_| bad())?;
            return Ok(Self {
                text: v.to_owned(),
                date,
                time: None,
            });
        }
        let local = strip_offset(v).replacen(' ', "T", 1);
        let dt: DateTime = local.parse().map_err(|_| bad())?;
        Ok(Self {
            text: v.to_owned(),
            date: dt.date(),
            time: Some(dt.time()),
        })
    }
}

fn strip_offset(v: &str) -> &str {
    if let Some(stripped) = v.strip_suffix('Z') {
        return stripped;
    }
    match v.get(10..).and_then(|t| t.rfind(['+', '-'])) {
        Some(i) => &v[..10 + i],
        None => v,
    }
}

/// One document: its text and what the caller knows about it.
#[derive(Clone, Debug)]
pub struct Input<'a> {
    pub id: Option<String>,
    pub text: &'a str,
    pub published: Published,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// The home country (ISO code) of the report when the caller knows it;
    /// else chosen from the places the report names.
    pub theatre: Option<String>,
}

impl<'a> Input<'a> {
    /// A document with its text and publication date; other fields empty.
    pub fn new(text: &'a str, published: &str) -> Result<Self, ExtractError> {
        Ok(Self {
            id: None,
            text,
            published: Published::parse(published)?,
            outlet: None,
            title: None,
            url: None,
            language: None,
            theatre: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_forms() {
        assert_eq!(
            Published::parse("2016-05-01")
                .expect("date")
                .date
                .to_string(),
            "2016-05-01"
        );
        let p = Published::parse("2016-05-01T14:30:00+03:00").expect("dt");
        assert_eq!(p.time.map(|t| t.hour()), Some(14));
        assert!(Published::parse("2016-05-01T14:30Z").is_ok());
        assert!(Published::parse("2016-05-01 09:15").is_ok());
        assert!(Published::parse("yesterday").is_err());
        assert!(Published::parse("2016-13-01").is_err());
        assert!(Published::parse("").is_err());
    }
}
