//! "a five-year-old war", "the 48-hour-old truce": an age, not a length of
//! time the claim lasts.

use truce_time::find;

#[test]
fn ages_are_not_lengths() {
    for text in [
        "the five-year-old civil war",
        "Syria's 5-year-old conflict",
        "a three-week-old truce",
        "the decade-old dispute",
        "a two-month-old ceasefire collapsed",
    ] {
        let found: Vec<&str> = find(text).iter().map(|m| &text[m.start..m.end]).collect();
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
}

#[test]
fn lengths_still_found_next_to_ages() {
    let text = "the five-year-old war saw a 48-hour truce";
    let found: Vec<&str> = find(text).iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(found, ["48-hour"]);
}
