//! The fast paths against their oracles: the token filter of `find_all`
//! against trying every token, and `lex` against the original tokenizer.

use super::Parser;
use crate::token::{Kind, first_window, tokenize};
use crate::words::{self, CORE, START};
use proptest::prelude::*;

/// Checks `lex` against `tokenize` and `find` against trying every token.
fn check(text: &str) -> Result<(), TestCaseError> {
    let reference = tokenize(text);
    let parser = Parser::new(text);
    let toks = &parser.lexed.toks;
    prop_assert_eq!(toks.len(), reference.len(), "{:?}", text);
    for (i, (t, r)) in toks.iter().zip(&reference).enumerate() {
        prop_assert_eq!((t.start, t.end, t.kind), (r.start, r.end, r.kind));
        prop_assert_eq!((t.glued, t.touching), (r.glued, r.touching));
        prop_assert_eq!(parser.word(i), &*r.lower);
        let flags = match t.kind {
            Kind::Num => CORE | START,
            Kind::Punct => 0,
            Kind::Word => words::flags(&r.lower),
        };
        prop_assert_eq!(t.flags, flags, "{:?}", &*r.lower);
    }
    let all = parser.find_all_exhaustive();
    prop_assert_eq!(&parser.find_all(), &all, "{:?}", text);
    prop_assert_eq!(&crate::find(text), &all, "{:?}", text);
    match Parser::for_text(text) {
        None => {
            prop_assert!(first_window(text).is_none());
            prop_assert!(all.is_empty());
            prop_assert!(!toks.iter().any(|t| t.flags & CORE != 0));
        }
        Some(window) => {
            // The window's tokens are the full list's from some token on.
            let w = &window.lexed.toks;
            prop_assert!(w.len() <= toks.len());
            let skipped = toks.len() - w.len();
            for (i, (a, b)) in w.iter().zip(&toks[skipped..]).enumerate() {
                prop_assert_eq!((a.start, a.end, a.kind), (b.start, b.end, b.kind));
                prop_assert_eq!(
                    (a.glued, a.touching, a.flags),
                    (b.glued, b.touching, b.flags)
                );
                prop_assert_eq!(window.word(i), parser.word(i + skipped));
            }
            prop_assert!(!toks[..skipped].iter().any(|t| t.flags & CORE != 0));
            prop_assert_eq!(&window.find_all(), &all, "{:?}", text);
        }
    }
    Ok(())
}

/// Every word the grammar knows, plus a few others.
const VOCAB: &[&str] = &[
    "on",
    "until",
    "till",
    "til",
    "through",
    "by",
    "since",
    "from",
    "for",
    "over",
    "within",
    "during",
    "in",
    "at",
    "between",
    "and",
    "to",
    "as",
    "of",
    "with",
    "effect",
    "starting",
    "beginning",
    "commencing",
    "effective",
    "a",
    "an",
    "the",
    "another",
    "additional",
    "further",
    "extra",
    "past",
    "last",
    "previous",
    "next",
    "coming",
    "following",
    "this",
    "earlier",
    "later",
    "ago",
    "more",
    "long",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "overnight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "midnight",
    "noon",
    "midday",
    "monday",
    "friday",
    "saturday",
    "sunday",
    "may",
    "march",
    "mar",
    "feb",
    "sept",
    "february",
    "september",
    "mid",
    "usa",
    "times",
    "post",
    "hour",
    "hours",
    "h",
    "hrs",
    "day",
    "days",
    "week",
    "month",
    "year",
    "years",
    "minutes",
    "one",
    "three",
    "twenty",
    "four",
    "forty",
    "eight",
    "gmt",
    "utc",
    "damascus",
    "local",
    "time",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "st",
    "th",
    "1",
    "2",
    "3",
    "6",
    "12",
    "24",
    "27",
    "00",
    "30",
    "48",
    "72",
    "2016",
    "2200",
    "1999",
    "99",
    "0",
    "-",
    "–",
    ":",
    ".",
    ",",
    "(",
    ")",
    "“",
    "é",
    "truce",
    "people",
    "said",
    "fighters",
    "İ",
    "K",
    "weeK",
];

fn cased(word: &str, case: u8) -> String {
    match case {
        0 => word.to_uppercase(),
        1 => {
            let mut c = word.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
        _ => word.to_string(),
    }
}

fn sentence(parts: &[(usize, u8, usize)]) -> String {
    const SEPS: [&str; 8] = [" ", " ", " ", " ", "", "-", ", ", ". "];
    let mut s = String::new();
    for &(w, case, sep) in parts {
        s.push_str(&cased(VOCAB[w % VOCAB.len()], case % 5));
        s.push_str(SEPS[sep % SEPS.len()]);
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn vocabulary_sequences(parts in prop::collection::vec(
        (0..VOCAB.len(), 0u8..5, 0usize..8), 0..40,
    )) {
        check(&sentence(&parts))?;
    }

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn ascii_strings(text in "[ -~\t\n\u{b}\u{c}\r]{0,80}") {
        check(&text)?;
    }
}

#[test]
fn fixed_sentences() {
    let texts = [
        "Russia on Sunday said the ceasefire had been extended around Damascus for \
         another 24 hours and that in Lattakia it is still in effect until Monday.",
        "a for the an additional more-hours ago",
        "They talked for the an additional more-hours and left.",
        "with effect from the night of 19 September",
        "between earlier this week and later this month",
        "the truce may hold until May 5, 2016 at 1:00 a.m. (2200 GMT)",
        "On 27th Feb., 1:00am “ok” 2016-02-27T10",
        "Forty-eight hours ago, WEE\u{212A} the past week; a year ago; an hour ago",
        "The Sunday Times reported it. USA Today reported it. mid-March 2016",
        "İn March, İstanbul; ÉTÉ Monday",
        // Long leads after words that are skipped before the first core.
        "The talks, which were held far away, broke up as they a for the an \
         additional more-hours ago",
        "The talks, which were held far away, broke up and mid-March came",
        "The talks, which were held far away, broke up and mid - March came",
        "The talks, which were held far away, broke up and USA Today said",
        "The talks, which were held far away, broke up in 2016",
        "",
    ];
    for t in texts {
        if let Err(e) = check(t) {
            panic!("{e}");
        }
    }
    let text = "a for the an additional more-hours ago";
    assert_eq!(
        crate::find(text).first().map(|m| (m.start, m.end)),
        Some((0, text.len()))
    );
}
