//! The parser's output and the questions rules ask of it.

use truce_model::Span;

use crate::Dep;

/// One token of a parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the parsed sentence.
    pub span: Span,
    /// Penn Treebank tag (spaCy's fine-grained tag set, [`crate::TAGS`]).
    pub tag: &'static str,
    /// Index of the head token; `None` for a root.
    pub head: Option<usize>,
    /// Label of the arc from the head (`Dep::Root` for a root).
    pub label: Dep,
}

impl Token {
    /// A verb tag (`VB`, `VBD`, `VBG`, `VBN`, `VBP`, `VBZ`).
    pub fn is_verb(&self) -> bool {
        self.tag.starts_with("VB")
    }
}

/// A dependency parse of one sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parse {
    /// The sentence as given to the parser; spans index into it.
    pub text: String,
    /// Tokens in order.
    pub tokens: Vec<Token>,
}

impl Parse {
    /// The text of token `i` (empty if out of range).
    pub fn word(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.span.start..t.span.end))
            .unwrap_or("")
    }

    /// The first token whose text is `word`.
    pub fn find(&self, word: &str) -> Option<usize> {
        (0..self.tokens.len()).find(|&i| self.word(i) == word)
    }

    /// The head of token `i`; `None` for a root or out of range.
    pub fn head_of(&self, i: usize) -> Option<usize> {
        self.tokens.get(i)?.head
    }

    /// The dependents of token `i`, left to right.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.tokens.len()).filter(move |&k| self.tokens[k].head == Some(i))
    }

    /// The roots (one per well-formed sentence).
    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.tokens.len()).filter(|&k| self.tokens[k].head.is_none())
    }

    /// The subject of `verb`: its `nsubj`/`nsubjpass`/`csubj` dependent; for
    /// a verb without one that is conjoined to or controlled by another verb
    /// (`conj`, `xcomp`), that verb's subject.
    pub fn subject_of(&self, verb: usize) -> Option<usize> {
        let mut v = verb;
        for _ in 0..self.tokens.len() {
            if let Some(s) = self
                .children(v)
                .find(|&k| self.tokens[k].label.is_subject())
            {
                return Some(s);
            }
            let t = self.tokens.get(v)?;
            match (t.label, t.head) {
                (Dep::Conj | Dep::Xcomp, Some(h)) => v = h,
                _ => return None,
            }
        }
        None
    }

    /// The verb heading the clause of `token`: the nearest verb among the
    /// token and its ancestors.
    pub fn clause_verb(&self, token: usize) -> Option<usize> {
        self.ancestors_or_self(token)
            .find(|&k| self.tokens[k].is_verb())
    }

    /// The verb governing the clause of `token` ("said" for any token of
    /// "the truce would hold" in "The army said the truce would hold"):
    /// the nearest verb above the token's clause verb.
    pub fn governing_verb(&self, token: usize) -> Option<usize> {
        let clause = self.clause_verb(token)?;
        let above = self.head_of(clause)?;
        self.clause_verb(above)
    }

    /// `token`, its head, its head's head, up to the root (cycle-safe).
    pub fn ancestors_or_self(&self, token: usize) -> impl Iterator<Item = usize> + '_ {
        let mut next = (token < self.tokens.len()).then_some(token);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let k = next.filter(|_| steps <= self.tokens.len())?;
            steps += 1;
            next = self.tokens[k].head;
            Some(k)
        })
    }
}
