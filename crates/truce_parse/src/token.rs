//! A news-English tokenizer that follows spaCy's English conventions closely
//! enough for the parser trained on spaCy's silver parses: punctuation is
//! split off, possessive `'s` and `n't` are tokens of their own, hyphens
//! inside compounds are tokens (`al - Nusra`, `24 - hour`), numbers keep
//! their decimal points and thousands separators, and abbreviations with
//! dots (`U.S.`, `Mr.`) stay whole.

use truce_model::Span;

/// Characters split off the front of a word.
const PREFIX: &[char] = &[
    '"', '“', '‘', '\'', '(', '[', '{', '<', '«', '$', '£', '€', '¥', '#', '…', '*', '„',
];
/// Characters split off the end of a word.
const SUFFIX: &[char] = &[
    '"', '”', '’', '\'', ')', ']', '}', '>', '»', ',', ';', ':', '!', '?', '%', '…', '*',
];
/// Clitics split off the end of a word (matched case-insensitively).
const CLITICS: &[&str] = &[
    "'s", "’s", "n't", "n’t", "'ll", "’ll", "'re", "’re", "'ve", "’ve", "'m", "’m", "'d", "’d",
];
/// Units split off a number ("5km" → "5", "km").
const UNITS: &[&str] = &["km", "kg", "mm", "cm", "m", "mph", "kmh"];
/// Abbreviations that keep their final dot.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt", "capt", "gov", "sen", "rep", "st",
    "jr", "sr", "prof", "inc", "co", "corp", "ltd", "vs", "etc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "mt", "ft", "adm", "brig", "pres",
];

/// Splits `text` into tokens, returned as byte spans in order; whitespace is
/// never part of a token and every span lies on `char` boundaries.
///
/// ```
/// use truce_parse::tokenize;
/// let text = "Syria's al-Nusra didn't sign.";
/// let words: Vec<&str> = tokenize(text).iter().map(|s| s.slice(text)).collect();
/// assert_eq!(words, ["Syria", "'s", "al", "-", "Nusra", "did", "n't", "sign", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                split_chunk(text, s, i, &mut out);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        split_chunk(text, s, text.len(), &mut out);
    }
    out
}

/// Tokens of one whitespace-free chunk: prefixes, the infix-split core, suffixes.
fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let (mut a, mut b) = (start, end);
    while let Some(n) = prefix_len(&text[a..b]).filter(|&n| n < b - a) {
        out.push(Span::new(a, a + n));
        a += n;
    }
    let mut tail = Vec::new();
    while let Some(n) = suffix_len(&text[a..b]).filter(|&n| n < b - a) {
        tail.push(Span::new(b - n, b));
        b -= n;
    }
    split_infixes(text, a, b, out);
    out.extend(tail.into_iter().rev());
}

fn prefix_len(s: &str) -> Option<usize> {
    if s.starts_with("...") {
        return Some(3);
    }
    let c = s.chars().next()?;
    let clitic = CLITICS.iter().any(|k| s.eq_ignore_ascii_case(k));
    (PREFIX.contains(&c) && !clitic).then(|| c.len_utf8())
}

fn suffix_len(s: &str) -> Option<usize> {
    if s.ends_with("...") {
        return Some(3);
    }
    let lower = s.to_lowercase();
    if let Some(k) = CLITICS
        .iter()
        .find(|k| lower.ends_with(*k) && lower.len() > k.len())
    {
        return Some(k.len());
    }
    let c = s.chars().next_back()?;
    if SUFFIX.contains(&c) {
        return Some(c.len_utf8());
    }
    if c == '.' {
        return (!is_abbreviation(&s[..s.len() - 1])).then_some(1);
    }
    unit_len(s)
}

/// The length of a unit after digits ("5km"), if any.
fn unit_len(s: &str) -> Option<usize> {
    let unit = UNITS.iter().find(|u| s.ends_with(*u))?;
    let before = s[..s.len() - unit.len()].chars().next_back()?;
    before.is_ascii_digit().then_some(unit.len())
}

/// "U.S", "Mr", "A" (before the final dot): letters with inner dots, a known
/// abbreviation or a single capital letter.
fn is_abbreviation(core: &str) -> bool {
    if core.is_empty() || !core.chars().all(|c| c.is_alphabetic() || c == '.') {
        return false;
    }
    let mut chars = core.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    core.contains('.') || single_capital || ABBREVIATIONS.contains(&core.to_lowercase().as_str())
}

/// Splits hyphens, dashes, slashes, colons and commas inside a word.
fn split_infixes(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let word = &text[start..end];
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut from = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|n| n.1);
        if i > from && is_infix(prev, c, next) {
            out.push(Span::new(start + from, start + i));
            out.push(Span::new(start + i, start + i + c.len_utf8()));
            from = i + c.len_utf8();
        }
    }
    if from < word.len() {
        out.push(Span::new(start + from, end));
    }
}

fn is_infix(prev: Option<char>, c: char, next: Option<char>) -> bool {
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    match c {
        '-' => p.is_alphanumeric() && n.is_alphabetic() || p.is_ascii_digit() && n.is_ascii_digit(),
        '–' | '—' => p.is_alphabetic() && n.is_alphabetic(),
        '/' | ':' | ',' => p.is_alphabetic() && n.is_alphabetic(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn news_english() {
        assert_eq!(
            words("(AFP) \"We won't,\" the U.S. envoy said of the 24-hour truce."),
            [
                "(", "AFP", ")", "\"", "We", "wo", "n't", ",", "\"", "the", "U.S.", "envoy",
                "said", "of", "the", "24", "-", "hour", "truce", "."
            ]
        );
        assert_eq!(
            words("1,200 people, 3.5% of $5m. Mr. Smith’s rebels'"),
            [
                "1,200", "people", ",", "3.5", "%", "of", "$", "5", "m", ".", "Mr.", "Smith", "’s",
                "rebels", "'"
            ]
        );
    }
}
