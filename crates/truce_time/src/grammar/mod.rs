//! A hand-written grammar over tokens. Every rule is a method taking a token
//! index and returning what it parsed with the index just past it, or `None`.
//! Rules never index out of bounds: all token access goes through [`Parser::tok`].

mod clock;
mod day;
mod length;
mod mention;

use crate::TimeMention;
use crate::token::{Token, tokenize};

/// The tokens of one text, with lookup helpers.
pub(crate) struct Parser<'a> {
    toks: Vec<Token<'a>>,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Parser {
            toks: tokenize(text),
        }
    }

    pub(crate) fn tok(&self, i: usize) -> Option<&Token<'a>> {
        self.toks.get(i)
    }

    /// The lowercase text of token `i`, or "" past the end.
    pub(crate) fn word(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| &*t.lower)
    }

    /// The lowercase text of the token before `i`, or "" at the start.
    pub(crate) fn prev_word(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |p| self.word(p))
    }

    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == w
    }

    pub(crate) fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        ws.contains(&self.word(i))
    }

    /// True when token `i` exists and starts where token `i - 1` ends.
    pub(crate) fn touching(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.touching)
    }

    /// Skips token `i` if it is `w`.
    pub(crate) fn skip(&self, i: usize, w: &str) -> usize {
        if self.is(i, w) { i + 1 } else { i }
    }

    /// The number in token `i`, unless it is glued to a preceding word.
    pub(crate) fn num(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if t.glued { None } else { t.number() }
    }

    /// Finds every mention, left to right, longest at each position.
    pub(crate) fn find_all(&self) -> Vec<TimeMention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            match self.mention_at(i) {
                Some((expr, end)) if end > i => {
                    if let (Some(a), Some(b)) = (self.tok(i), self.tok(end - 1)) {
                        out.push(TimeMention {
                            start: a.start,
                            end: b.end,
                            expr,
                        });
                    }
                    i = end;
                }
                _ => i += 1,
            }
        }
        out
    }

    fn mention_at(&self, i: usize) -> Option<(crate::TimeExpr, usize)> {
        if self.tok(i)?.glued {
            return None;
        }
        let (expr, end) = self.mention(i)?;
        // A mention may not stop in the middle of a word ("2016abc").
        if self.tok(end).is_some_and(|t| t.glued) {
            return None;
        }
        Some((expr, end))
    }
}
