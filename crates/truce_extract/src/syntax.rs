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
    /// The sentence at `span` of `doc_text`, from document byte `from` on
    /// when that falls inside it: a dateline ("MOSCOW, May 1 (Wire) -")
    /// is no part of the clause, and the parser would make it the subject.
    /// A credit in brackets opening the sentence ("(Outlet and Agencies)
    /// A truce ...") is left out of the parse for the same reason.
    pub fn new(doc_text: &'a str, span: Span, from: usize) -> Self {
        let start = if (span.start..span.end).contains(&from) {
            from
        } else {
            span.start
        };
        let text = doc_text.get(start..span.end).unwrap_or("");
        let skip = opening_credit(text);
        Syntax {
            text: &text[skip..],
            base: start + skip,
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

    /// Document byte spans of the subject of the verb heading the trigger
    /// at `trigger`, first, then of the subject's conjuncts ("crimes" and
    /// "violations" in "crimes and violations have ended the truce";
    /// "ceasefire" for "has ended" in "a ceasefire between the army and
    /// the rebels ... has ended with no word of a new truce").
    pub fn subject_spans(&self, trigger: usize) -> Vec<(usize, usize)> {
        let Some(t) = self.token_at(trigger) else {
            return Vec::new();
        };
        let p = self.parse();
        let Some(subject) = p.clause_verb(t).and_then(|v| p.subject_of(v)) else {
            return Vec::new();
        };
        let mut all = vec![subject];
        let mut k = 0;
        while let Some(&head) = all.get(k) {
            all.extend(p.children(head).filter(|&c| p.tokens[c].label == Dep::Conj));
            k += 1;
        }
        let span = |i: usize| {
            (
                self.base + p.tokens[i].span.start,
                self.base + p.tokens[i].span.end,
            )
        };
        all.into_iter().map(span).collect()
    }

    /// Whether the trigger at `trigger` heads a relative clause that
    /// describes a noun other than the truce at `noun` ("groups that
    /// agreed to the truce").
    pub fn describes_other(&self, trigger: usize, noun: usize) -> bool {
        let (Some(t), Some(n)) = (self.token_at(trigger), self.noun_at(noun)) else {
            return false;
        };
        let p = self.parse();
        let Some(mut verb) = p.clause_verb(t) else {
            return false;
        };
        // "groups which have not joined or broken the truce": the second
        // verb shares the first one's clause.
        while p.tokens[verb].label == Dep::Conj
            && let Some(h) = p.head_of(verb).filter(|&h| p.tokens[h].is_verb())
        {
            verb = h;
        }
        // "where the army declared a truce" has a subject of its own: it
        // asserts; "groups that agreed", "sanctions imposed by" describe.
        // "whose group has committed" is still a relative subject.
        let relative = |k: usize| {
            let wh = |i: usize| p.tokens[i].tag.starts_with('W') || p.tokens[i].tag == "DT";
            wh(k) || p.children(k).any(|c| p.tokens[c].tag.starts_with('W'))
        };
        let own_subject = p
            .children(verb)
            .any(|k| p.tokens[k].label.is_subject() && !relative(k));
        matches!(p.tokens[verb].label, Dep::Relcl | Dep::Acl)
            && !own_subject
            && p.head_of(verb).is_some_and(|h| !noun_phrase_of(p, n, h))
    }

    /// Whether the verb trigger at `trigger` and the truce noun at `noun`
    /// stand apart in the parse: the noun is not under the verb, the verb
    /// does not describe the noun (a participle or relative clause under
    /// it), and the verb has no pronoun or truce word of its own as object
    /// or passive subject ("announced it"). "Sanctions against Russia,
    /// imposed by the West" is apart from "a ceasefire in Ukraine" named
    /// earlier. `false` when the trigger is no verb.
    pub fn detached(&self, trigger: usize, noun: usize) -> bool {
        let (Some(t), Some(n)) = (self.token_at(trigger), self.noun_at(noun)) else {
            return false;
        };
        let p = self.parse();
        if !p.tokens[t].is_verb() {
            return false;
        }
        // "cease-fire": the noun phrase's head, not the first half
        let n = (p.ancestors_or_self(n))
            .find(|&k| p.tokens[k].label != Dep::Compound)
            .unwrap_or(n);
        let under = |low: usize, high: usize| p.ancestors_or_self(low).any(|k| k == high);
        let pronoun = p.children(t).any(|k| {
            matches!(p.tokens[k].label, Dep::Dobj | Dep::Nsubjpass | Dep::Nsubj)
                && p.tokens[k].tag.starts_with("PRP")
        });
        !under(n, t) && !under(t, n) && !pronoun
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

/// Bytes taken by a bracketed credit of at most 60 bytes opening `text`,
/// with the dash and spaces after it; 0 when there is none.
fn opening_credit(text: &str) -> usize {
    let Some(rest) = text.strip_prefix('(') else {
        return 0;
    };
    let Some(close) = rest.get(..rest.len().min(60)).and_then(|h| h.find(')')) else {
        return 0;
    };
    let after = &rest[close + 1..];
    let trimmed = after.trim_start_matches([' ', '-', '\u{2013}', '\u{2014}']);
    if trimmed.is_empty() {
        return 0;
    }
    text.len() - trimmed.len()
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

#[cfg(test)]
mod tests {
    use super::opening_credit;

    #[test]
    fn bracketed_credits_open_no_clause() {
        let credit = "(Outlet and Agencies) A truce has ended.";
        assert_eq!(&credit[opening_credit(credit)..], "A truce has ended.");
        let dashed = "(Wire) - The truce holds.";
        assert_eq!(&dashed[opening_credit(dashed)..], "The truce holds.");
        for kept in [
            "A truce (the second this year) has ended.",
            "(This sentence stays whole because the bracket runs on far too long to be a credit) yes.",
            "(Only a bracket)",
            "(unclosed bracket and a truce",
        ] {
            assert_eq!(opening_credit(kept), 0, "{kept}");
        }
    }
}
