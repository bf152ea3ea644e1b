//! A small tokenizer that keeps byte offsets into the original text.
//!
//! Words are runs of alphabetic characters, numbers are runs of ASCII
//! digits, and every other non-space character is a one-character
//! punctuation token. A letter run and a digit run that touch ("27th",
//! "1am", "24h") become two tokens; the second is marked `glued` so the
//! grammar can tell "27th" from "27 th".

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// One token: its byte range in the source, its lowercase form and kind.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub raw: &'a str,
    /// Borrowed from the source when it has no uppercase letters.
    pub lower: std::borrow::Cow<'a, str>,
    pub kind: Kind,
    /// True when the previous token is a word or number ending exactly where
    /// this one starts and this one is a word or number too.
    pub glued: bool,
    /// True when the previous token ends exactly where this one starts.
    pub touching: bool,
}

impl Token<'_> {
    /// The numeric value of a digit token of at most 9 digits.
    pub fn number(&self) -> Option<u32> {
        if self.kind == Kind::Num && self.raw.len() <= 9 {
            self.raw.parse().ok()
        } else {
            None
        }
    }

    /// True when the token's first character is uppercase.
    pub fn capitalised(&self) -> bool {
        self.raw.chars().next().is_some_and(char::is_uppercase)
    }
}

fn class(c: char) -> Option<Kind> {
    if c.is_ascii_digit() {
        Some(Kind::Num)
    } else if c.is_alphabetic() {
        Some(Kind::Word)
    } else if c.is_whitespace() {
        None
    } else {
        Some(Kind::Punct)
    }
}

/// Splits `text` into tokens. Never panics: every range comes from
/// `char_indices`, so it always lies on char boundaries.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        let Some(kind) = class(c) else { continue };
        let mut end = start + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(i, d)) = iter.peek() {
                if class(d) != Some(kind) {
                    break;
                }
                end = i + d.len_utf8();
                iter.next();
            }
        }
        let prev = out.last();
        let touching = prev.is_some_and(|p| p.end == start);
        let glued = touching && kind != Kind::Punct && prev.is_some_and(|p| p.kind != Kind::Punct);
        let raw = &text[start..end];
        out.push(Token {
            start,
            end,
            raw,
            lower: if raw.chars().any(char::is_uppercase) {
                std::borrow::Cow::Owned(raw.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(raw)
            },
            kind,
            glued,
            touching,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_digits_letters_and_punctuation() {
        let t = tokenize("On 27th Feb., 1:00am “ok”");
        let lowers: Vec<&str> = t.iter().map(|t| &*t.lower).collect();
        assert_eq!(
            lowers,
            [
                "on", "27", "th", "feb", ".", ",", "1", ":", "00", "am", "“", "ok", "”"
            ]
        );
        assert!(t[2].glued);
        assert!(!t[1].glued);
        assert!(t[9].glued);
    }
}
