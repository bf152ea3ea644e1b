//! Arbitrary input never panics; spans are in bounds, on char boundaries,
//! ordered and non-empty; heads are in range.

use proptest::prelude::*;
use truce_parse::{Parser, tokenize};

fn check(text: &str) {
    let spans = tokenize(text);
    let mut last = 0;
    for s in &spans {
        assert!(s.start < s.end && s.end <= text.len(), "{s:?} in {text:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(s.start >= last, "overlap at {s:?}");
        assert!(!s.slice(text).chars().any(char::is_whitespace));
        last = s.end;
    }
    let parse = Parser::embedded().parse(text);
    assert_eq!(parse.tokens.len(), spans.len());
    for (i, t) in parse.tokens.iter().enumerate() {
        assert!(t.head.is_none_or(|h| h < spans.len() && h != i));
        let _ = parse.governing_verb(i);
        let _ = parse.subject_of(i);
    }
}

proptest! {
    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn news_like_strings(text in "[A-Za-z0-9 ,.'’\"“”()\\-–/:;%$!?…é؟ب]{0,80}") {
        check(&text);
    }
}

#[test]
fn edge_cases() {
    for text in [
        "",
        " ",
        "'",
        "'s",
        "n't",
        "...",
        "U.S.",
        "a-",
        "-a",
        "—",
        "$",
        "5km.",
        "\u{301}'s",
        "..'s",
    ] {
        check(text);
    }
}
