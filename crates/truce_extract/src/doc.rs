//! A document prepared for reading: folded text, lexicon matches and time
//! mentions, grouped by sentence.

use truce_lexicon::{CueClass, Lexicon, Match};
use truce_model::Span;
use truce_text::{Folded, fold, sentences};

/// A time mention, in document byte offsets.
#[derive(Clone, Debug)]
pub(crate) struct TimeAt {
    pub span: Span,
    /// Folded offsets, for word distances.
    pub folded: (usize, usize),
    pub expr: truce_time::TimeExpr,
}

/// One sentence: its span and the indices of its matches.
#[derive(Clone, Debug)]
pub(crate) struct Sentence {
    pub span: Span,
    pub matches: Vec<Match>,
    pub times: Vec<TimeAt>,
}

/// The prepared document.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub folded: Folded,
    pub sentences: Vec<Sentence>,
}

impl<'a> Doc<'a> {
    pub fn prepare(text: &'a str, lexicon: &Lexicon) -> Self {
        let folded = fold(text);
        let mut all = lexicon.scan(&folded, text).into_iter().peekable();
        let mut out = Vec::new();
        for span in sentences(text) {
            let mut matches = Vec::new();
            while let Some(m) = all.next_if(|m| m.span.start < span.end) {
                if m.span.start >= span.start {
                    matches.push(m);
                }
            }
            let times = find_times(text, &folded, span);
            out.push(Sentence {
                span,
                matches,
                times,
            });
        }
        Doc {
            text,
            folded,
            sentences: out,
        }
    }

    /// Number of word gaps between folded offsets `a` and `b` (order-free).
    pub fn words_between(&self, a: usize, b: usize) -> usize {
        let (a, b) = (a.min(b), a.max(b));
        let t = self.folded.text().as_bytes();
        t[a.min(t.len())..b.min(t.len())]
            .iter()
            .filter(|&&c| c == b' ')
            .count()
    }

    /// The folded text between two folded offsets, trimmed.
    pub fn folded_between(&self, a: usize, b: usize) -> &str {
        let t = self.folded.text();
        t.get(a.min(b).min(t.len())..b.max(a).min(t.len()))
            .unwrap_or("")
            .trim()
    }

    /// The folded word just before folded offset `at`.
    pub fn word_before(&self, at: usize) -> &str {
        let t = self.folded.text();
        let head = t.get(..at.min(t.len())).unwrap_or("").trim_end();
        let start = head
            .char_indices()
            .rfind(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        &head[start..]
    }

    /// Move folded offset `at` left over the words `accept` takes, and
    /// return the new start (the start of the leftmost accepted word).
    pub fn extend_left(&self, mut at: usize, accept: impl Fn(&str) -> bool) -> usize {
        loop {
            let w = self.word_before(at);
            if w.is_empty() || !accept(w) {
                return at;
            }
            let head = self.folded.text().get(..at).unwrap_or("").trim_end();
            at = head.len() - w.len();
        }
    }

    /// The folded word before folded offset `at`, skipping articles ("by
    /// the army" gives "by").
    pub fn word_before_article(&self, mut at: usize) -> &str {
        loop {
            let w = self.word_before(at);
            if !matches!(w, "the" | "a" | "an") {
                return w;
            }
            let head = self.folded.text().get(..at).unwrap_or("").trim_end();
            at = head.len().saturating_sub(w.len());
        }
    }

    /// The folded word just after folded offset `at`.
    pub fn word_after(&self, at: usize) -> &str {
        let t = self.folded.text();
        let tail = t.get(at.min(t.len())..).unwrap_or("").trim_start();
        let end = tail
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(tail.len());
        &tail[..end]
    }

    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text)
    }
}

fn find_times(text: &str, folded: &Folded, sentence: Span) -> Vec<TimeAt> {
    let piece = sentence.slice(text);
    truce_time::find(piece)
        .into_iter()
        .map(|m| {
            let span = Span::new(m.start, m.end).shift(sentence.start);
            let f = (folded.to_folded(span.start), folded.to_folded(span.end));
            TimeAt {
                span,
                folded: f,
                expr: m.expr,
            }
        })
        .collect()
}

/// True if the match carries a cue of this class.
pub(crate) fn has(m: &Match, class: CueClass) -> bool {
    m.cue(class).is_some()
}
