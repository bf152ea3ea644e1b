//! Attachment scores against reference parses.

use std::collections::HashMap;

use truce_model::Span;

use crate::train::Sentence;
use crate::{Dep, Parse, Parser};

/// Counts of one evaluation; see [`Counts::rate`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Reference tokens.
    pub tokens: usize,
    /// Reference tokens the tokenizer reproduced exactly (same span).
    pub matched: usize,
    pub tag: usize,
    /// Right head.
    pub unlabelled: usize,
    /// Right head and label.
    pub labelled: usize,
}

impl Counts {
    /// `count / tokens` as a fraction.
    pub fn rate(&self, count: usize) -> f64 {
        count as f64 / self.tokens.max(1) as f64
    }
}

/// Scores on reference tokens and end to end (own tokenizer, tokens aligned
/// by span, unmatched tokens count as wrong), with and without `punct`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    pub gold_tokens: Counts,
    pub gold_tokens_no_punct: Counts,
    pub end_to_end: Counts,
    pub end_to_end_no_punct: Counts,
}

/// Parses every sentence twice (on its reference tokens, then from its
/// text) and compares with the reference.
pub fn evaluate(parser: &Parser, sentences: &[Sentence]) -> Scores {
    let mut scores = Scores::default();
    for s in sentences {
        let spans: Vec<Span> = s.tokens.iter().map(|t| t.span).collect();
        let given = parser.parse_spans(&s.text, &spans);
        let own = parser.parse(&s.text);
        count(
            s,
            &given,
            &mut scores.gold_tokens,
            &mut scores.gold_tokens_no_punct,
        );
        count(
            s,
            &own,
            &mut scores.end_to_end,
            &mut scores.end_to_end_no_punct,
        );
    }
    scores
}

fn count(s: &Sentence, parse: &Parse, all: &mut Counts, no_punct: &mut Counts) {
    let by_span: HashMap<Span, usize> = parse
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.span, i))
        .collect();
    for g in &s.tokens {
        let Some(&i) = by_span.get(&g.span) else {
            all.tokens += 1;
            no_punct.tokens += usize::from(g.label != Dep::Punct);
            continue;
        };
        let t = &parse.tokens[i];
        let gold_head = g.head.checked_sub(1).map(|h| s.tokens[h].span);
        let head_ok = t.head.map(|h| parse.tokens[h].span) == gold_head;
        let c = Counts {
            tokens: 1,
            matched: 1,
            tag: usize::from(t.tag == g.tag),
            unlabelled: usize::from(head_ok),
            labelled: usize::from(head_ok && t.label == g.label),
        };
        add(all, c);
        if g.label != Dep::Punct {
            add(no_punct, c);
        }
    }
}

fn add(into: &mut Counts, c: Counts) {
    into.tokens += c.tokens;
    into.matched += c.matched;
    into.tag += c.tag;
    into.unlabelled += c.unlabelled;
    into.labelled += c.labelled;
}
