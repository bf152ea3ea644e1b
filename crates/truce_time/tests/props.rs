//! `find` never panics and its spans are sound, whatever the input.
use proptest::prelude::*;
use truce_time::{Anchor, Context, find, resolve};

fn check(text: &str) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    let ctx = Context::new(Anchor::day(jiff::civil::date(2016, 5, 1)));
    for m in find(text) {
        prop_assert!(m.start < m.end && m.end <= text.len());
        prop_assert!(m.start >= last_end, "overlap or disorder");
        prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        last_end = m.end;
        let _ = resolve(&m.expr, &ctx);
    }
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn wordish_strings(words in prop::collection::vec(
        prop::sample::select(vec![
            "on", "until", "from", "for", "another", "24", "48-hour", "hours", "Monday",
            "May", "2", ",", "2016", "at", "1", ":", "00", "a.m.", "midnight", "between",
            "and", "overnight", "since", "the", "past", "ago", "“", "İ", "é", "-", "(", ")",
            "GMT", "31", "February", "99", "0", "twenty", "-", "four", "night", "last",
        ]),
        0..24,
    )) {
        check(&words.join(" "))?;
        check(&words.concat())?;
    }
}
