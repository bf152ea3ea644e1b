//! Byte spans into the original input.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the original input text.
///
/// Every match, mention and claim carries one. Spans always refer to the bytes
/// the user gave us, never to a normalised copy: normalisers keep an offset map
/// back to the original (see `truce_text::Folded`).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; the bounds are swapped if given backwards.
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Self { start, end }
        } else {
            Self {
                start: end,
                end: start,
            }
        }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers in `source`, or `""` if it does not lie on
    /// character boundaries inside `source`.
    pub fn slice(self, source: &str) -> &str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// Shift by `offset` bytes (used to move a sentence-local span into the document).
    pub fn shift(self, offset: usize) -> Span {
        Span {
            start: self.start + offset,
            end: self.end + offset,
        }
    }
}

/// A span with the text it covers, as it appears in the JSON output.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excerpt {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Excerpt {
    pub fn new(span: Span, source: &str) -> Self {
        Self {
            start: span.start,
            end: span.end,
            text: span.slice(source).to_owned(),
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_and_overlap() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert!(a.cover(b).contains(b));
    }

    #[test]
    fn slice_off_boundary_is_empty() {
        let s = "é";
        assert_eq!(Span::new(0, 1).slice(s), "");
        assert_eq!(Span::new(0, 2).slice(s), "é");
        assert_eq!(Span::new(7, 2).start, 2);
    }
}
