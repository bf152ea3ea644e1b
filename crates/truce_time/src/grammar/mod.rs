//! A hand-written grammar over tokens. Every rule is a method taking a token
//! index and returning what it parsed with the index just past it, or `None`.
//! Rules never index out of bounds: all token access goes through [`Parser::tok`].

mod clock;
mod day;
mod length;
mod mention;

use crate::TimeMention;
use crate::token::{Lexed, Token, lex_from};
use crate::words::{CORE, CORE_REACH, START};

/// The tokens of one text, with lookup helpers.
pub(crate) struct Parser<'a> {
    lexed: Lexed<'a>,
}

impl<'a> Parser<'a> {
    /// The parser for `text`, or `None` when it has no temporal expression.
    /// Tokens before the first that matters are not stored (see
    /// [`crate::token::first_window`]).
    pub(crate) fn for_text(text: &'a str) -> Option<Self> {
        let from = crate::token::first_window(text)?;
        Some(Parser {
            lexed: lex_from(text, from),
        })
    }

    /// The parser over all of `text`.
    #[cfg(test)]
    pub(crate) fn new(text: &'a str) -> Self {
        Parser {
            lexed: lex_from(text, crate::token::Resume::default()),
        }
    }

    pub(crate) fn tok(&self, i: usize) -> Option<&Token<'a>> {
        self.lexed.toks.get(i)
    }

    /// The lowercase text of token `i`, or "" past the end.
    pub(crate) fn word(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| self.lexed.lower(t))
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
    ///
    /// A mention is only tried at a token that can start one ([`START`])
    /// and has a [`CORE`] token within [`CORE_REACH`] tokens; the others
    /// cannot start a mention, so the result is that of trying every token.
    pub(crate) fn find_all(&self) -> Vec<TimeMention> {
        let toks = &self.lexed.toks;
        let mut out = Vec::new();
        let mut i = 0;
        // The first core token at or after `i`.
        let mut core = 0;
        while i < toks.len() {
            if core < i {
                core = i;
            }
            while toks.get(core).is_some_and(|t| t.flags & CORE == 0) {
                core += 1;
            }
            if core >= toks.len() {
                break;
            }
            if core - i > CORE_REACH {
                i = core - CORE_REACH;
            }
            if toks.get(i).is_some_and(|t| t.flags & START == 0) {
                i += 1;
                continue;
            }
            i = self.step(i, &mut out);
        }
        out
    }

    /// Tries a mention at `i`; pushes it and returns the index after it, or
    /// returns `i + 1`.
    fn step(&self, i: usize, out: &mut Vec<TimeMention>) -> usize {
        match self.mention_at(i) {
            Some((expr, end)) if end > i => {
                if let (Some(a), Some(b)) = (self.tok(i), self.tok(end - 1)) {
                    out.push(TimeMention {
                        start: a.start,
                        end: b.end,
                        expr,
                    });
                }
                end
            }
            _ => i + 1,
        }
    }

    /// [`Self::find_all`] trying a mention at every token: the oracle for
    /// the token filter.
    #[cfg(test)]
    pub(crate) fn find_all_exhaustive(&self) -> Vec<TimeMention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.lexed.toks.len() {
            i = self.step(i, &mut out);
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
        // "a five-year-old war" gives an age, not a length of time.
        let hyphen = self.tok(end).is_some_and(|t| t.touching) && self.is(end, "-");
        if hyphen && self.is(end + 1, "old") {
            return None;
        }
        Some((expr, end))
    }
}

#[cfg(test)]
mod tests;
