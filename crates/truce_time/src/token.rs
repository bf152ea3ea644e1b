//! A small tokenizer that keeps byte offsets into the original text.
//!
//! Words are runs of alphabetic characters, numbers are runs of ASCII
//! digits, and every other non-space character is a one-character
//! punctuation token. A letter run and a digit run that touch ("27th",
//! "1am", "24h") become two tokens; the second is marked `glued` so the
//! grammar can tell "27th" from "27 th".
//!
//! The tokenizer does not allocate per token: lowercase forms of words with
//! uppercase letters go into one shared buffer. Each token also carries the
//! flags of [`words::flags`], so the parser can skip tokens that cannot
//! start a mention, and [`first_window`] rejects most sentences before any
//! token is stored, and skips the tokens before the first one that matters.

use crate::words::{self, CORE, CORE_REACH, LOOKBEHIND, START};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// One token: its byte range in the source, its kind and flags. Its
/// lowercase form is [`Lexed::lower`].
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub raw: &'a str,
    /// Where the lowercase form is in [`Lexed::lowered`], when `raw` has
    /// uppercase letters; `None` when `raw` is its own lowercase form.
    lowered: Option<(usize, usize)>,
    pub kind: Kind,
    /// True when the previous token is a word or number ending exactly where
    /// this one starts and this one is a word or number too.
    pub glued: bool,
    /// True when the previous token ends exactly where this one starts.
    pub touching: bool,
    /// [`words::CORE`] and [`words::START`].
    pub flags: u8,
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

/// The tokens of a text and the lowercase forms of its capitalised words.
pub(crate) struct Lexed<'a> {
    pub toks: Vec<Token<'a>>,
    lowered: String,
}

impl<'a> Lexed<'a> {
    /// The lowercase form of `t`.
    pub fn lower<'s>(&'s self, t: &'s Token<'a>) -> &'s str {
        match t.lowered {
            None => t.raw,
            Some((a, b)) => self.lowered.get(a..b).unwrap_or(""),
        }
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

/// One token's extent, as the scanner finds it.
#[derive(Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    kind: Kind,
    /// Some character is uppercase.
    upper: bool,
    /// Every character is ASCII.
    ascii: bool,
}

/// Byte classes for the ASCII fast path.
const SPACE: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 3;
const PUNCT: u8 = 4;
/// A byte of a multi-byte character: decode it and use [`class`].
const HIGH: u8 = 5;

/// The class of every byte; ASCII whitespace is what `char::is_whitespace`
/// accepts (tab, line feed, vertical tab, form feed, carriage return, space).
const CLASSES: [u8; 256] = {
    let mut t = [PUNCT; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => SPACE,
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            0x80..=0xFF => HIGH,
            _ => PUNCT,
        };
        b += 1;
    }
    t
};

fn byte_class(bytes: &[u8], i: usize) -> Option<u8> {
    bytes.get(i).map(|&b| CLASSES[usize::from(b)])
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// How many of the 8 bytes at `i` are ASCII letters before the first that is
/// not, and whether any of those is uppercase; `None` near the end.
#[inline(always)]
fn ascii_letters(bytes: &[u8], i: usize) -> Option<(usize, bool)> {
    const HI: u64 = 0x8080_8080_8080_8080;
    let chunk = bytes.get(i..i + 8)?;
    let x = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).ok()?);
    // Per byte, with no carries between bytes: y is the byte without its
    // high bit, lowercased if it was an ASCII capital.
    let y = (x | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F;
    let at_least_a = y + 0x1F1F_1F1F_1F1F_1F1F; // high bit: y >= b'a'
    let above_z = y + 0x0505_0505_0505_0505; // high bit: y > b'z'
    let letters = at_least_a & !above_z & !x & HI;
    // A capital letter has bit 5 clear; move bit 5 up to bit 7.
    let capitals = letters & !(x << 2);
    let others = !letters & HI;
    if others == 0 {
        return Some((8, capitals != 0));
    }
    let n = others.trailing_zeros() / 8;
    let before = (others & others.wrapping_neg()) - 1;
    Some((n as usize, capitals & before != 0))
}

/// The token starting at or after byte `pos` (a char boundary).
#[inline(always)]
fn scan(text: &str, mut pos: usize) -> Option<Span> {
    let bytes = text.as_bytes();
    // The first character: its class, and the byte just past it.
    let (start, mut end, kind, mut upper, mut ascii) = loop {
        match byte_class(bytes, pos)? {
            SPACE => pos += 1,
            LOWER => break (pos, pos + 1, Kind::Word, false, true),
            UPPER => break (pos, pos + 1, Kind::Word, true, true),
            DIGIT => break (pos, pos + 1, Kind::Num, false, true),
            PUNCT => {
                let end = pos + 1;
                let (kind, upper, ascii) = (Kind::Punct, false, true);
                return Some(Span {
                    start: pos,
                    end,
                    kind,
                    upper,
                    ascii,
                });
            }
            _ => {
                let c = char_at(text, pos)?;
                match class(c) {
                    None => pos += c.len_utf8(),
                    Some(k) => break (pos, pos + c.len_utf8(), k, c.is_uppercase(), false),
                }
            }
        }
    };
    match kind {
        Kind::Punct => {}
        Kind::Num => {
            while byte_class(bytes, end) == Some(DIGIT) {
                end += 1;
            }
        }
        Kind::Word => loop {
            if let Some((n, up)) = ascii_letters(bytes, end) {
                upper |= up;
                end += n;
                if n == 8 {
                    continue;
                }
            }
            match byte_class(bytes, end) {
                Some(LOWER) => end += 1,
                Some(UPPER) => {
                    upper = true;
                    end += 1;
                }
                Some(HIGH) => match char_at(text, end) {
                    Some(c) if c.is_alphabetic() => {
                        upper |= c.is_uppercase();
                        ascii = false;
                        end += c.len_utf8();
                    }
                    _ => break,
                },
                _ => break,
            }
        },
    }
    Some(Span {
        start,
        end,
        kind,
        upper,
        ascii,
    })
}

/// The flags of a word token (`lower` when it had to be lowercased).
#[inline(always)]
fn word_flags(text: &str, span: &Span, lower: Option<&str>) -> u8 {
    let len = span.end - span.start;
    if !span.ascii {
        let raw = text.get(span.start..span.end).unwrap_or("");
        return words::flags(lower.unwrap_or(raw));
    }
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.get(span.start), bytes.get(span.end.wrapping_sub(1)))
    else {
        return 0;
    };
    if !words::may_be_flagged(len, first | 0x20, last | 0x20) {
        return 0;
    }
    // ASCII letters only: setting bit 5 of every byte lowercases them. The
    // key is built in registers (a byte-wise stack buffer read back as one
    // integer stalls store forwarding).
    let mask = u128::MAX >> (128 - 8 * len);
    let key = match bytes
        .get(span.start..span.start + words::KEY_LEN)
        .and_then(|c| <[u8; words::KEY_LEN]>::try_from(c).ok())
    {
        Some(chunk) => u128::from_le_bytes(chunk) & mask,
        None => bytes
            .get(span.start..span.end)
            .unwrap_or(&[])
            .iter()
            .rev()
            .fold(0u128, |k, &b| (k << 8) | u128::from(b)),
    };
    words::flags_of_key(key | (mask & u128::from_le_bytes([0x20; words::KEY_LEN])))
}

/// The flags of a token.
#[inline(always)]
fn span_flags(text: &str, span: &Span, lower: Option<&str>) -> u8 {
    match span.kind {
        Kind::Num => CORE | START,
        Kind::Punct => 0,
        Kind::Word => word_flags(text, span, lower),
    }
}

/// Where to start lexing: a byte offset and the token before it (its end
/// and kind), which `glued` and `touching` of the first token depend on.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Resume {
    pos: usize,
    prev: Option<(usize, Kind)>,
}

/// Tokens kept before the first core token: the [`CORE_REACH`] tokens that
/// may start a mention reaching it and the [`LOOKBEHIND`] before those.
const KEEP: usize = CORE_REACH + LOOKBEHIND;

/// Where the tokens that matter start: [`KEEP`] tokens before the first
/// [`CORE`] token, or `None` when there is none, so that `text` has no
/// temporal expression (every mention contains a digit or a core word).
/// Allocates nothing for ASCII text.
pub(crate) fn first_window(text: &str) -> Option<Resume> {
    // The resume points of the last RING tokens: token t is at t % RING.
    const RING: usize = 16;
    const _: () = assert!(KEEP < RING);
    let mut ring = [Resume::default(); RING];
    let mut n = 0usize;
    let mut prev = None;
    let mut pos = 0;
    while let Some(span) = scan(text, pos) {
        let here = Resume {
            pos: span.start,
            prev,
        };
        if let Some(r) = ring.get_mut(n % RING) {
            *r = here;
        }
        pos = span.end;
        prev = Some((span.end, span.kind));
        let lower = match span.kind {
            Kind::Word if !span.ascii && span.upper => {
                text.get(span.start..span.end).map(str::to_lowercase)
            }
            _ => None,
        };
        if span_flags(text, &span, lower.as_deref()) & CORE != 0 {
            // KEEP tokens back, or the first token.
            return ring.get(n.saturating_sub(KEEP) % RING).copied();
        }
        n += 1;
    }
    None
}

/// Splits `text` into tokens from `from` on. Never panics: every range
/// lies on char boundaries.
pub(crate) fn lex_from(text: &str, from: Resume) -> Lexed<'_> {
    let rest = text.len().saturating_sub(from.pos);
    let mut toks: Vec<Token<'_>> = Vec::with_capacity(rest / 5 + 4);
    let mut lowered = String::new();
    let mut pos = from.pos;
    let mut prev = from.prev;
    while let Some(span) = scan(text, pos) {
        pos = span.end;
        let (start, end, kind) = (span.start, span.end, span.kind);
        let touching = prev.is_some_and(|(e, _)| e == start);
        let glued = touching && kind != Kind::Punct && prev.is_some_and(|(_, k)| k != Kind::Punct);
        prev = Some((end, kind));
        let raw = text.get(start..end).unwrap_or("");
        let lower = if span.upper {
            let a = lowered.len();
            if span.ascii {
                lowered.push_str(raw);
                if let Some(s) = lowered.get_mut(a..) {
                    s.make_ascii_lowercase();
                }
            } else {
                lowered.push_str(&raw.to_lowercase());
            }
            Some((a, lowered.len()))
        } else {
            None
        };
        let flags = span_flags(text, &span, lower.and_then(|(a, b)| lowered.get(a..b)));
        toks.push(Token {
            start,
            end,
            raw,
            lowered: lower,
            kind,
            glued,
            touching,
            flags,
        });
    }
    Lexed { toks, lowered }
}

/// The original tokenizer, kept as the oracle for [`lex`].
#[cfg(test)]
#[derive(Debug, Clone)]
pub(crate) struct RefToken<'a> {
    pub start: usize,
    pub end: usize,
    pub lower: std::borrow::Cow<'a, str>,
    pub kind: Kind,
    pub glued: bool,
    pub touching: bool,
}

/// The original tokenizer, kept as the oracle for [`lex`].
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<RefToken<'_>> {
    let mut out: Vec<RefToken<'_>> = Vec::new();
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
        out.push(RefToken {
            start,
            end,
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
