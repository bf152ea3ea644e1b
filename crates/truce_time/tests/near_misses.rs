//! Words that look temporal but are not.
mod common;

use common::spans;

#[test]
fn nothing_found() {
    let texts = [
        "The truce may hold if both sides agree.",
        "They may extend it.",
        "A march on the city was planned.",
        "The march ended peacefully.",
        "The second truce was signed.",
        "For a second time they met.",
        "24 people killed in Aleppo.",
        "44 military factions signed it.",
        "The Sunday Times reported it.",
        "USA Today reported it.",
        "The F-16 jets struck.",
        "At least 1,000 people fled.",
        "Version 2.0 of the plan.",
        "Resolution 22/54/2016 was adopted.",
        "The ratio was 3/4 of the vote.",
        "Mixed separators 01/03-2016 are no date.",
        "Numbers 13/13/2016 name no month.",
        "The score was 3:1.",
        "Mondays are quiet.",
        "The 1990s were different.",
        "They fought from north to south.",
        "In the time and place of their choosing.",
        "Sat on the fence, the Sun rose.",
        "A day after the strike, officials met.",
        "the mar of war",
        "in may",
        "the last day of the truce",
        "",
        "   ",
    ];
    for text in texts {
        assert_eq!(spans(text), Vec::<&str>::new(), "{text:?}");
    }
}

#[test]
fn close_calls_found_correctly() {
    assert_eq!(spans("Monday Mohammed said."), ["Monday"]);
    assert_eq!(spans("In May they met."), ["In May"]);
    assert_eq!(spans("On March 3 they met."), ["On March 3"]);
    assert_eq!(spans("a march on 3 March"), ["on 3 March"]);
    assert_eq!(spans("the truce may hold until May 5"), ["until May 5"]);
    assert_eq!(
        spans("“Monday” and ‘tomorrow’ — Monday–Friday"),
        ["Monday", "tomorrow", "Monday", "Friday"]
    );
}
