//! Case, diacritic, punctuation and Arabic-letter folding.
//!
//! The rules, applied per character of the NFD decomposition:
//! - letters are lowercased; combining marks (Latin accents, Arabic
//!   harakat, shadda, sukun) and tatweel are dropped;
//! - Arabic alef forms (أ إ آ ٱ) become ا, alef maqsura ى becomes ي,
//!   ta marbuta ة becomes ه, hamza carriers ؤ ئ become و ي;
//! - apostrophes and transliteration marks (' ’ ‘ ʿ ʾ ` ´) are dropped, so
//!   "Syria's", "Syria’s" and the punctuation-stripped "Syrias" agree and
//!   "Ma'arrat" matches "Maarrat";
//! - hyphens, dashes, underscores and every run of whitespace become one
//!   space, so "Al-Sham" matches "al sham";
//! - curly double quotes become `"`; other characters pass through
//!   lowercased.

use truce_model::Span;
use unicode_normalization::UnicodeNormalization;

/// Folded text with a map from each folded byte to its original byte.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    text: String,
    /// `map[i]` is the original byte offset of the character that produced
    /// folded byte `i`; one extra entry holds the original length.
    map: Vec<u32>,
    /// `ends[i]`: original end offset of the character that produced byte `i`.
    ends: Vec<u32>,
}

impl Folded {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original span of folded bytes `start..end`. Out-of-range input is
    /// clamped, so the result always lies inside the original text.
    pub fn to_original(&self, start: usize, end: usize) -> Span {
        let n = self.text.len();
        if n == 0 {
            return Span::new(0, 0);
        }
        let (start, end) = (start.min(n), end.min(n));
        if start >= end {
            let at = self.map[start] as usize;
            return Span::new(at, at);
        }
        Span::new(self.map[start] as usize, self.ends[end - 1] as usize)
    }

    /// The first folded byte that comes from original byte `original` or
    /// later (the folded length past the end).
    pub fn to_folded(&self, original: usize) -> usize {
        self.map[..self.text.len()].partition_point(|&m| (m as usize) < original)
    }

    /// Original offset of folded byte `i` (the input length past the end).
    pub fn original_offset(&self, i: usize) -> usize {
        self.map[i.min(self.text.len())] as usize
    }
}

/// Folded bytes being built; valid UTF-8 by construction.
struct Builder {
    text: Vec<u8>,
    map: Vec<u32>,
    ends: Vec<u32>,
}

/// Fold `input` for matching, keeping the offset map.
pub fn fold(input: &str) -> Folded {
    let mut out = Builder {
        text: Vec::with_capacity(input.len()),
        map: Vec::with_capacity(input.len() + 1),
        ends: Vec::with_capacity(input.len()),
    };
    let mut pending_space: Option<(u32, u32)> = None;
    let bytes = input.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if plain_ascii(b) {
            // A run of ASCII letters, digits and punctuation folds byte for byte.
            let run = bytes[at..]
                .iter()
                .position(|&c| !plain_ascii(c))
                .map_or(bytes.len(), |n| at + n);
            if pending_space.is_some() {
                flush_space(&mut out, &mut pending_space);
            }
            out.text
                .extend(bytes[at..run].iter().map(u8::to_ascii_lowercase));
            out.map.extend(at as u32..run as u32);
            out.ends.extend(at as u32 + 1..run as u32 + 1);
            at = run;
            continue;
        }
        if b.is_ascii() {
            fold_ascii(&mut out, &mut pending_space, b, at as u32);
            at += 1;
            continue;
        }
        let Some(ch) = input.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let (start, end) = (at as u32, (at + ch.len_utf8()) as u32);
        fold_other(&mut out, &mut pending_space, ch, start, end);
        at += ch.len_utf8();
    }
    out.map.push(input.len() as u32);
    // Every byte pushed came from `char::encode_utf8` or is ASCII.
    let text = String::from_utf8(out.text)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Folded {
        text,
        map: out.map,
        ends: out.ends,
    }
}

/// Fold one non-ASCII character through its canonical decomposition.
fn fold_other(out: &mut Builder, pending: &mut Option<(u32, u32)>, ch: char, start: u32, end: u32) {
    let mut buf = [0u8; 4];
    // Only letters decompose into something we fold differently; quotes,
    // dashes and spaces go straight to the table.
    if !ch.is_alphabetic() {
        match fold_char(ch) {
            Folding::Drop => {}
            Folding::Space => {
                pending.get_or_insert((start, end));
            }
            Folding::Chars(c) => {
                flush_space(out, pending);
                push(out, c.encode_utf8(&mut buf), start, end);
            }
        }
        return;
    }
    for d in std::iter::once(ch).nfd() {
        match fold_char(d) {
            Folding::Drop => {}
            Folding::Space => {
                pending.get_or_insert((start, end));
            }
            Folding::Chars(c) => {
                for lc in c
                    .to_lowercase()
                    .filter(|l| !('\u{0300}'..='\u{036F}').contains(l))
                {
                    flush_space(out, pending);
                    push(out, lc.encode_utf8(&mut buf), start, end);
                }
            }
        }
    }
}

/// Fold a lexicon key: the folded text without leading or trailing space.
pub fn fold_key(key: &str) -> String {
    fold(key).text.trim().to_owned()
}

/// True for bytes that belong to words: ASCII letters and digits and every
/// byte of a non-ASCII character (folded text has no non-word non-ASCII
/// characters that matter for boundaries except punctuation we test for).
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// ASCII bytes that fold to themselves, lowercased.
fn plain_ascii(b: u8) -> bool {
    b.is_ascii()
        && !matches!(
            b,
            b'\'' | b'`' | b'-' | b'_' | b' ' | b'\t' | b'\n' | b'\r' | 0x0c
        )
}

fn fold_ascii(out: &mut Builder, pending: &mut Option<(u32, u32)>, b: u8, at: u32) {
    match b {
        b'\'' | b'`' => {}
        b'-' | b'_' | b' ' | b'\t' | b'\n' | b'\r' | 0x0c => {
            pending.get_or_insert((at, at + 1));
        }
        _ => {
            if pending.is_some() {
                flush_space(out, pending);
            }
            out.text.push(b.to_ascii_lowercase());
            out.map.push(at);
            out.ends.push(at + 1);
        }
    }
}

fn flush_space(out: &mut Builder, pending: &mut Option<(u32, u32)>) {
    if let Some((start, end)) = pending.take()
        && !out.text.is_empty()
        && out.text.last() != Some(&b' ')
    {
        out.text.push(b' ');
        out.map.push(start);
        out.ends.push(end);
    }
}

fn push(out: &mut Builder, s: &str, start: u32, end: u32) {
    out.text.extend_from_slice(s.as_bytes());
    for _ in 0..s.len() {
        out.map.push(start);
        out.ends.push(end);
    }
}

enum Folding {
    Drop,
    Space,
    Chars(char),
}

fn fold_char(c: char) -> Folding {
    match c {
        // combining marks: Latin accents, Arabic harakat, shadda, sukun, dagger alef
        '\u{0300}'..='\u{036F}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}' => Folding::Drop,
        '\u{0640}' => Folding::Drop, // tatweel
        '\u{2018}' | '\u{2019}' | '\u{02BB}' | '\u{02BC}' | '\u{02BE}' | '\u{02BF}'
        | '\u{00B4}' => Folding::Drop,
        '\u{0621}' => Folding::Drop, // lone hamza
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => Folding::Chars('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Folding::Space,
        c if c.is_whitespace() => Folding::Space,
        // zero-width spaces and joiners, byte-order mark, soft hyphen
        '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Folding::Drop,
        '\u{2026}' => Folding::Chars('.'),
        // other punctuation of the General Punctuation block, and the
        // replacement character, separate words
        '\u{2016}'..='\u{205E}' | '\u{FFFD}' => Folding::Space,
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' => Folding::Chars('\u{0627}'),
        '\u{0649}' => Folding::Chars('\u{064A}'),
        '\u{0629}' => Folding::Chars('\u{0647}'),
        '\u{0624}' => Folding::Chars('\u{0648}'),
        '\u{0626}' => Folding::Chars('\u{064A}'),
        'ı' => Folding::Chars('i'),
        'ə' => Folding::Chars('e'),
        c => Folding::Chars(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_and_punctuation_characters_separate_words() {
        assert_eq!(fold_key("Aleppo\u{2026} today"), "aleppo. today");
        assert_eq!(fold_key("Al\u{200B}eppo"), "aleppo");
        assert_eq!(fold_key("Homs\u{2022}Hama"), "homs hama");
        assert_eq!(fold_key("Homs\u{FFFD}Hama"), "homs hama");
    }

    #[test]
    fn latin_folding() {
        assert_eq!(fold_key("Ḩalab"), "halab");
        assert_eq!(fold_key("Madīnat  Ḩalab"), "madinat halab");
        assert_eq!(fold_key("Al-Ladhiqiyah"), "al ladhiqiyah");
        assert_eq!(fold_key("Ma'arrat al-Nu‘man"), "maarrat al numan");
        assert_eq!(fold_key("Syria’s"), "syrias");
        assert_eq!(fold_key("  Deir ez—Zor "), "deir ez zor");
    }

    #[test]
    fn arabic_folding() {
        assert_eq!(fold_key("إدلب"), fold_key("ادلب"));
        assert_eq!(fold_key("حماة"), fold_key("حماه"));
        assert_eq!(fold_key("دمـشـق"), fold_key("دمشق"));
        assert_eq!(fold_key("اللاذقيَّة"), fold_key("اللاذقيه"));
        assert_eq!(fold_key("مصطفى"), fold_key("مصطفي"));
    }

    #[test]
    fn offsets_map_back() {
        let src = "Près de «Ḩalab» — today";
        let f = fold(src);
        let at = f.text().find("halab").expect("folded");
        let span = f.to_original(at, at + 5);
        assert_eq!(span.slice(src), "Ḩalab");
        let at = f.text().find("today").expect("folded");
        assert_eq!(f.to_original(at, at + 5).slice(src), "today");
    }

    #[test]
    fn empty_and_out_of_range() {
        let f = fold("");
        assert_eq!(f.text(), "");
        assert_eq!(f.to_original(0, 10), Span::new(0, 0));
        let f = fold("ab");
        assert_eq!(f.to_original(1, 99), Span::new(1, 2));
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn offsets_are_monotonic_and_in_bounds(input in "\\PC{0,200}") {
            let f = fold(&input);
            let mut last = 0;
            for i in 0..f.text().len() {
                let at = f.original_offset(i);
                prop_assert!(at >= last && at <= input.len());
                last = at;
            }
            let span = f.to_original(0, f.text().len());
            prop_assert!(input.get(span.start..span.end).is_some());
        }

        #[test]
        fn folding_is_idempotent(input in "[ -~]{0,120}") {
            let once = fold_key(&input);
            prop_assert_eq!(fold_key(&once), once.clone());
        }
    }
}
