//! Sentence splitting for news English.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets
//! after it) followed by whitespace and then an uppercase letter, a digit,
//! an opening quote or bracket, or the end of the text; and at a line
//! break, unless the next line goes on in lowercase (a wrapped line). A period does not end a sentence after a
//! known abbreviation ("Gen.", "Mr.", "Jan.", "a.m."), after a single
//! letter ("U.S.", "J."), or inside a number ("3.5").

use truce_model::Span;

/// Abbreviations that do not end a sentence, lowercased, without the period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "brig", "cmdr",
    "gov", "sen", "rep", "pres", "prof", "rev", "st", "sr", "jr", "no", "vs", "etc", "approx",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "a.m", "p.m", "u.s", "u.n",
    "u.k", "e.g", "i.e", "inc", "co", "corp", "ltd", "dept", "est", "fig", "mt",
];

/// Byte spans of the sentences of `text`, trimmed of surrounding whitespace,
/// in order. Empty text gives no sentences.
pub fn sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let cut = if b == b'\n' {
            line_break_ends(text, i).then_some(i)
        } else if matches!(b, b'.' | b'!' | b'?') {
            terminal_end(text, i)
        } else {
            None
        };
        if let Some(end) = cut {
            push_trimmed(text, start, end + 1, &mut out);
            start = end + 1;
            i = end + 1;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start, bytes.len(), &mut out);
    out
}

/// If the terminal at `i` ends a sentence, the byte index of the last byte
/// belonging to it (after closing quotes and brackets).
fn terminal_end(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes[i] == b'.' && !period_ends(text, i) {
        return None;
    }
    let mut end = i + 1;
    while end < bytes.len() {
        let rest = &text[end..];
        let closer = rest
            .chars()
            .next()
            .filter(|c| is_closer(*c) || matches!(c, '.' | '!' | '?'));
        match closer {
            Some(c) => end += c.len_utf8(),
            None => break,
        }
    }
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\t', '\r']);
    if trimmed.len() == rest.len() && !rest.is_empty() && !rest.starts_with('\n') {
        return None; // no space after the terminal: "3.5", "Al-Souria.Net"
    }
    match trimmed.chars().next() {
        None | Some('\n') => Some(end - 1),
        Some(c) if c.is_uppercase() || c.is_ascii_digit() || is_opener(c) => Some(end - 1),
        Some(c) if !c.is_alphabetic() => Some(end - 1),
        _ => None,
    }
}

/// A line break ends a sentence unless the next line goes on in lowercase
/// ("from 1:00 a.m.\non Saturday": a wrapped line, not a new sentence).
fn line_break_ends(text: &str, i: usize) -> bool {
    let next = text[i + 1..].trim_start_matches([' ', '\t', '\r']);
    !next.chars().next().is_some_and(char::is_lowercase)
}

fn period_ends(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || is_opener(c) || c == '(')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    let letters = lower.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && lower.chars().all(|c| c.is_alphabetic() || c == '.') {
        return false; // "J." or the last period of "U.S."
    }
    !ABBREVIATIONS.contains(&lower.trim_end_matches('.'))
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}' | '\u{00AB}'
    )
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn wrapped_lines_do_not_split() {
        let t = "The truce, to begin at 1:00 a.m.\non Saturday, will last a day.\nRebels agreed.";
        assert_eq!(
            split(t),
            [
                "The truce, to begin at 1:00 a.m.\non Saturday, will last a day.",
                "Rebels agreed."
            ]
        );
        let t = "Aid reached Madaya\nand Foua on Monday\n\nThe truce held";
        assert_eq!(
            split(t),
            ["Aid reached Madaya\nand Foua on Monday", "The truce held"]
        );
        assert_eq!(split("HOMS\nThe truce held."), ["HOMS", "The truce held."]);
    }

    #[test]
    fn abbreviations_do_not_split() {
        let t = "The U.S. envoy met Gen. Smith at 9 a.m. on Monday. The truce held.";
        assert_eq!(
            split(t),
            [
                "The U.S. envoy met Gen. Smith at 9 a.m. on Monday.",
                "The truce held."
            ]
        );
    }

    #[test]
    fn quotes_close_the_sentence() {
        let t = "He said: \u{201C}It is over.\u{201D} Then he left. \"Yes.\" No.";
        assert_eq!(
            split(t),
            [
                "He said: \u{201C}It is over.\u{201D}",
                "Then he left.",
                "\"Yes.\"",
                "No."
            ]
        );
    }

    #[test]
    fn numbers_and_lowercase_continuations() {
        let t = "Some 3.5 million fled. about 20 died? Yes! Al-Souria.Net said so";
        assert_eq!(
            split(t),
            [
                "Some 3.5 million fled. about 20 died?",
                "Yes!",
                "Al-Souria.Net said so"
            ]
        );
    }

    #[test]
    fn line_breaks_split() {
        assert_eq!(
            split("Title line\n\nBody one. Body two"),
            ["Title line", "Body one.", "Body two"]
        );
        assert!(split("  \n ").is_empty());
    }

    #[test]
    fn no_space_after_period_is_not_a_break() {
        assert_eq!(split("In Syria.Then"), ["In Syria.Then"]);
        assert_eq!(split("Ends with a dot."), ["Ends with a dot."]);
    }
}
