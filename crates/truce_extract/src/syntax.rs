//! The dependency parse of a sentence, for the rules that ask who the
//! subject or object of a trigger is. A sentence is parsed at most once,
//! and only when a rule asks: most sentences never are.

use std::cell::OnceCell;
use truce_model::Span;
use truce_parse::{Dep, Parse, Parser};

/// One sentence and, once asked for, its parse.
pub(crate) struct Syntax<'a> {
    text: &'a str,
    /// Byte offset of the sentence in the document.
    base: usize,
    parse: OnceCell<Parse>,
}

impl<'a> Syntax<'a> {
    /// The sentence at `span` of `doc_text`.
    pub fn new(doc_text: &'a str, span: Span) -> Self {
        Syntax {
            text: doc_text.get(span.start..span.end).unwrap_or(""),
            base: span.start,
            parse: OnceCell::new(),
        }
    }

    fn parse(&self) -> &Parse {
        self.parse
            .get_or_init(|| Parser::embedded().parse(self.text))
    }

    /// The token holding document byte `at`.
    fn token_at(&self, at: usize) -> Option<usize> {
        let rel = at.checked_sub(self.base)?;
        let p = self.parse();
        (p.tokens.iter())
            .position(|t| t.span.start <= rel && rel < t.span.end.max(t.span.start + 1))
    }

    /// The token of the truce noun starting at `at`: its head noun when the
    /// mention opens with a determiner ("the agreement", "this deal").
    fn noun_at(&self, at: usize) -> Option<usize> {
        let n = self.token_at(at)?;
        let p = self.parse();
        Some(match p.tokens[n].label {
            Dep::Det => p.head_of(n).unwrap_or(n),
            _ => n,
        })
    }

    /// Whether the truce noun at `noun` (document bytes) is the subject,
    /// object or passive subject of the verb that heads the trigger at
    /// `trigger`, or the noun a relative clause headed by that verb
    /// describes ("the ceasefire that has held", "a truce deal ... has been
    /// in place", "agreed a ceasefire").
    pub fn truce_argument(&self, trigger: usize, noun: usize) -> bool {
        let (Some(t), Some(n)) = (self.token_at(trigger), self.noun_at(noun)) else {
            return false;
        };
        let p = self.parse();
        let Some(verb) = p.clause_verb(t) else {
            return false;
        };
        let under = |head: usize| noun_phrase_of(p, n, head);
        let argument = |k: usize| {
            matches!(p.tokens[k].label, Dep::Dobj | Dep::Nsubjpass)
                || p.tokens[k].label.is_subject()
        };
        if p.subject_of(verb).is_some_and(under)
            || p.children(verb).any(|k| argument(k) && under(k))
        {
            return true;
        }
        let relcl = matches!(p.tokens[verb].label, Dep::Relcl | Dep::Acl);
        relcl
            && p.head_of(verb)
                .is_some_and(|h| h == n || under(h) && p.tokens[n].label == Dep::Compound)
    }

    /// Whether the trigger at `trigger` heads a relative clause that
    /// describes a noun other than the truce at `noun` ("groups that
    /// agreed to the truce").
    pub fn describes_other(&self, trigger: usize, noun: usize) -> bool {
        let (Some(t), Some(n)) = (self.token_at(trigger), self.noun_at(noun)) else {
            return false;
        };
        let p = self.parse();
        let Some(verb) = p.clause_verb(t) else {
            return false;
        };
        p.tokens[verb].label == Dep::Relcl
            && p.head_of(verb).is_some_and(|h| !noun_phrase_of(p, n, h))
    }

    /// Whether the truce noun at `noun` is the subject of a verb other
    /// than the one heading the trigger at `trigger`: "a ceasefire brokered
    /// by Russia has ended" is about the ending; the brokering describes.
    pub fn subject_elsewhere(&self, noun: usize, trigger: usize) -> bool {
        let (Some(t), Some(n)) = (self.token_at(trigger), self.noun_at(noun)) else {
            return false;
        };
        let p = self.parse();
        let modifier = [Dep::Compound, Dep::Amod, Dep::Nmod];
        let Some(np) = p
            .ancestors_or_self(n)
            .find(|&k| !modifier.contains(&p.tokens[k].label))
        else {
            return false;
        };
        let own = p.clause_verb(t);
        p.tokens[np].label.is_subject() && p.head_of(np).is_some_and(|h| Some(h) != own)
    }
}

/// Whether token `n` is `head` or sits inside the noun phrase `head` heads
/// through compounds, conjuncts and appositions only ("truce" in "a truce
/// deal", "the ceasefire and the aid deal"): a prepositional phrase or a
/// clause between them makes `n` someone else's ("violators of the truce",
/// "the withdrawal, which allowed them to dismiss the deal").
fn noun_phrase_of(p: &Parse, n: usize, head: usize) -> bool {
    let within = [Dep::Compound, Dep::Conj, Dep::Appos, Dep::Nmod, Dep::Amod];
    for k in p.ancestors_or_self(n) {
        if k == head {
            return true;
        }
        if !within.contains(&p.tokens[k].label) {
            return false;
        }
    }
    false
}
