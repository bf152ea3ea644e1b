//! Convert other JSON Lines corpora to the `truce extract --jsonl` format
//! (`id`, `text`, `published`, optional `outlet`, `title`, `url`, `language`).
//!
//! Known source: the 2016 news aggregator mirror
//! (`source_file`, `post_date`, `title`, `original_url`, `text`, ...), whose
//! titles end with the outlet after a dash ("... – Reuters").

use serde::Serialize;
use serde_json::{Map, Value};

/// A line in the `extract --jsonl` format.
#[derive(Debug, Serialize)]
struct Line<'a> {
    id: &'a str,
    text: &'a str,
    published: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// Convert one line. Lines already in the extract format pass through
/// unchanged; aggregator-mirror lines are mapped; others are an error.
pub fn convert_line(line: &str) -> Result<String, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("bad JSON: {e}"))?;
    let Value::Object(map) = value else {
        return Err("not a JSON object".to_owned());
    };
    if ["id", "text", "published"]
        .iter()
        .all(|k| map.contains_key(*k))
    {
        return Ok(line.trim().to_owned());
    }
    let field = |name: &str| -> Result<&str, String> {
        str_field(&map, name)?.ok_or_else(|| format!("missing field {name:?}"))
    };
    let title = str_field(&map, "title")?;
    let line = Line {
        id: field("source_file")?,
        text: field("text")?,
        published: field("post_date")?,
        outlet: title.and_then(outlet_from_title),
        title,
        url: str_field(&map, "original_url")?,
    };
    serde_json::to_string(&line).map_err(|e| e.to_string())
}

fn str_field<'a>(map: &'a Map<String, Value>, name: &str) -> Result<Option<&'a str>, String> {
    match map.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("field {name:?} is not a string")),
    }
}

/// "Aid convoy enters town – Reuters" → "Reuters".
fn outlet_from_title(title: &str) -> Option<&str> {
    let (_, tail) = title
        .rsplit_once(" – ")
        .or_else(|| title.rsplit_once(" - "))?;
    let tail = tail.trim();
    (!tail.is_empty() && tail.len() <= 40 && !tail.ends_with('?')).then_some(tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_aggregator_fields() {
        let line = r#"{"source_file": "_posts/a.md", "post_date": "2016-01-11 15:34:10",
            "title": "Convoy enters town – Reuters", "original_url": "http://example.org/a",
            "text": "Body.", "truce_terms": false}"#;
        let out: Value = serde_json::from_str(&convert_line(line).expect("ok")).expect("json");
        assert_eq!(out["id"], "_posts/a.md");
        assert_eq!(out["published"], "2016-01-11 15:34:10");
        assert_eq!(out["outlet"], "Reuters");
        assert_eq!(out["url"], "http://example.org/a");
        assert!(out.get("truce_terms").is_none());
    }

    #[test]
    fn passes_through_and_rejects() {
        let ours = r#"{"id":"a","text":"t","published":"2016-05-01"}"#;
        assert_eq!(convert_line(ours).as_deref(), Ok(ours));
        assert!(convert_line("[1]").is_err());
        assert!(
            convert_line(r#"{"text":"x"}"#)
                .expect_err("missing")
                .contains("source_file")
        );
        assert!(convert_line("{").expect_err("bad").starts_with("bad JSON"));
    }
}
