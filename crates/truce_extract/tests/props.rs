//! Property tests: nothing panics on any input, and every span in a report
//! lies inside the input on character boundaries.

use proptest::prelude::*;
use std::sync::OnceLock;
use truce_extract::{Extractor, Input};
use truce_model::{Excerpt, Report};

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new().expect("extractor"))
}

fn excerpts(r: &Report) -> Vec<&Excerpt> {
    let mut out = Vec::new();
    for c in &r.claims {
        out.push(&c.evidence);
        out.extend(c.actors.iter().filter_map(|a| a.mention.as_ref()));
        out.extend(c.places.iter().filter_map(|p| p.mention.as_ref()));
        out.extend(c.quantities.iter().filter_map(|q| q.mention.as_ref()));
        out.extend(c.time.as_ref().and_then(|t| t.mention.as_ref()));
        out.extend(c.truce.as_ref().and_then(|t| t.mention.as_ref()));
        out.extend(
            c.attribution
                .speaker
                .as_ref()
                .and_then(|s| s.mention.as_ref()),
        );
    }
    out
}

fn check(text: &str) {
    let report = extractor().extract(&Input::new(text, "2016-05-01").expect("date"));
    for e in excerpts(&report) {
        assert!(
            e.start <= e.end && e.end <= text.len(),
            "span {}..{} outside {}",
            e.start,
            e.end,
            text.len()
        );
        assert_eq!(
            text.get(e.start..e.end),
            Some(e.text.as_str()),
            "span not on char boundaries"
        );
    }
}

const WORDS: &[&str] = &[
    "ceasefire",
    "truce",
    "Aleppo",
    "Damascus",
    "said",
    "told",
    "Reuters",
    "quoted",
    "as saying",
    "according to",
    "killed",
    "at least",
    "12",
    "civilians",
    "airstrikes",
    "by",
    "the",
    "regime",
    "until",
    "Monday",
    "extended",
    "for another 24 hours",
    "except",
    "areas under the control of",
    "Islamic State",
    "not",
    "will",
    "collapsed",
    "in",
    "province",
    "city",
    "the city of",
    "both areas",
    ",",
    ".",
    "\u{201c}",
    "\u{201d}",
    "\n",
    "حلب",
    "é",
    "translated by",
    "\u{2026}",
    "\u{200b}",
    "\u{fffd}",
    "…said",
    "Aleppo\u{2026}",
    "Al-Souria Net",
    "44",
    "factions",
    "Ḩalab",
    "’s",
    "-",
    "'",
    "signed by",
    "obtained a copy",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn arbitrary_bytes_as_lossy_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn word_salad_of_cues_never_panics(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..60)) {
        check(&words.join(" "));
    }
}
