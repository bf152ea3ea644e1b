//! Rules as units: each file is one rule that checks a frame (a trigger
//! with what attached to it) in its sentence and keeps it, drops it, or
//! changes its modality or kind. Every change is recorded on the claim
//! (`adjusted_by`), so a user can see why a claim reads as it does.
//!
//! The gate rules guard precision on real prose: a wrong claim is worse
//! than a missing one. Their function words are data (`data/gates.tsv`,
//! one list per rule), not `match` arms.
//!
//! | id | file | what it does |
//! |---|---|---|
//! | `truce.anaphor` | [`anaphor`] | "the deal" after a named truce is that truce; before any, nothing |
//! | `gate.question` | [`question`] | no truce claim from a question |
//! | `gate.conditional` | [`conditional`] | no truce claim inside an "if" clause |
//! | `gate.purpose` | [`purpose`] | a truce that is only called for or aimed at is proposed, or nothing |
//! | `gate.background` | [`background`] | "despite the truce", "ahead of the ceasefire": no claim |
//! | `gate.opinion` | [`opinion`] | "agreed that ..." is an opinion, not a truce agreement |
//! | `gate.noun_of` | [`noun_of`] | "a collapse of the aid talks" is not a truce's collapse |
//! | `gate.attributive` | [`attributive`] | "renewed hostilities", "a proposed ceasefire": adjectives claim nothing |
//! | `gate.description` | [`description`] | "a ceasefire brokered by X has ended": the brokering is a description |
//! | `gate.detached` | [`detached`] | "sanctions imposed by the West" beside a truce declares nothing |
//! | `gate.reported` | [`reported`] | "announced the agreement had expired" declares nothing |
//! | `gate.exclusion` | [`exclusion`] | "the truce does not cover Nusra" is a scope exclusion, not a negated truce |
//! | `gate.talks_about` | [`talks_about`] | peace talks near a truce noun are not truce talks |
//! | `gate.compound` | [`compound`] | "open-ended", "rebel-held": halves of compounds are not triggers |
//! | `gate.habitual` | [`habitual`] | "every time a truce is declared": generalities claim nothing |
//! | `gate.declared_over` | [`declared_over`] | "declared the truce null and void" ends it |
//! | `gate.cause_of_end` | [`cause_of_end`] | "violations have ended the truce": a collapse, the violations its cause |
//! | `gate.support_noun` | [`support_noun`] | "in support of the truce" accepts it; "support for the army" near a truce does not |
//! | `gate.no_longer` | [`no_longer`] | "the truce was no longer in place" ends it |
//! | `gate.support` | [`support`] | "announced its support for the deal" accepts it |
//! | `gate.other_object` | [`other_object`] | "expand delivery of aid" extends no truce |
//! | `gate.subject` | [`subject`] | "since the war began": an intransitive trigger needs the truce as subject |
//! | `gate.dating` | [`dating`] | "since it came into force": a clause that only dates the truce |
//! | `gate.extend_to_place` | [`extend_to_place`] | "extend the truce to Aleppo" is an expansion |
//! | `gate.scheduled` | [`scheduled`] | "once the ceasefire comes into effect" presupposes a truce and claims none |
//! | `gate.far_noun` | [`far_noun`] | the trigger is too far from any truce noun |
//! | `place.venue` | [`venue`] | "talks in Geneva": a venue, not a place of the claim |
//! | `actor.generic` | [`generic_actor`] | "government forces" in a Yemen report are not the Syrian army |
//! | `toll.aggregate` | [`war_toll`] | "the war has killed 250,000": a war's toll is not an incident |
//! | `context.violation` | [`violation_context`] | when a sentence's attacks are violations of its truce |
//! | `place.where` | [`where_place`] | "Aleppo, where Russia extended the truce": the where-clause's place |
//! | `time.extended_until` | [`extended_until`] | "extended a truce that began on Wednesday until Monday": the end |
//! | `time.deadline` | [`deadline`] | "give the process two weeks": a deadline, not the truce's length |
//! | `time.opening` | [`opening_date`] | "On 9 July 2017, ..." dates every claim of its sentence |

pub(crate) mod acceptor_clause;
pub(crate) mod anaphor;
pub(crate) mod attributive;
pub(crate) mod background;
pub(crate) mod cause_of_end;
pub(crate) mod compound;
pub(crate) mod conditional;
pub(crate) mod dating;
pub(crate) mod deadline;
pub(crate) mod declared_over;
pub(crate) mod description;
pub(crate) mod detached;
pub(crate) mod exclusion;
pub(crate) mod extend_to_place;
pub(crate) mod extended_until;
pub(crate) mod far_noun;
pub(crate) mod generic_actor;
pub(crate) mod habitual;
pub(crate) mod heading;
pub(crate) mod no_longer;
pub(crate) mod noun_of;
pub(crate) mod opening_date;
pub(crate) mod opinion;
pub(crate) mod other_object;
pub(crate) mod purpose;
pub(crate) mod question;
pub(crate) mod reported;
pub(crate) mod scheduled;
pub(crate) mod subject;
pub(crate) mod support;
pub(crate) mod support_noun;
pub(crate) mod talks_about;
pub(crate) mod venue;
pub(crate) mod violation_context;
pub(crate) mod war_toll;
pub(crate) mod where_place;

#[cfg(test)]
pub(crate) mod fixtures;

use crate::doc::{Doc, Sentence};
use crate::frames::Frame;
use std::collections::HashMap;
use std::sync::LazyLock;
use truce_model::{ClaimKind, Modality};
use truce_text::fold;

/// What a rule decides about a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    Keep,
    Drop,
    Kind(ClaimKind),
    /// Both at once: "no longer in force" is an asserted end.
    Becomes(ClaimKind, Modality),
}

/// A frame in its sentence: what a rule looks at.
pub(crate) struct Ctx<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub s: &'d Sentence,
    /// Folded span of the frame's truce noun, if it has one.
    pub noun: Option<(usize, usize)>,
    /// The sentence's parse, computed when a rule first asks.
    pub syntax: &'d crate::syntax::Syntax<'a>,
    /// Every frame of the sentence before the gates: kind, folded start
    /// of its truce noun, folded span of its trigger.
    pub siblings: &'d [Sibling],
}

/// What a rule may know of the other frames of its sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sibling {
    pub kind: ClaimKind,
    pub noun: Option<usize>,
    pub trigger: (usize, usize),
}

impl Verdict {
    /// `Drop` when `cond` holds, else `Keep`.
    pub fn drop_if(cond: bool) -> Verdict {
        if cond { Verdict::Drop } else { Verdict::Keep }
    }
}

impl Ctx<'_, '_> {
    /// Whether a phrase of `list` ends within `window` words before folded
    /// offset `at`, in the same clause.
    pub fn listed_before(&self, at: usize, list: &str, window: usize) -> bool {
        ends_near(&tokens(clause_tail(self.before(at))), list, window)
    }

    /// The word right after folded offset `at`, unless punctuation comes first.
    pub fn next_word(&self, at: usize) -> Option<&str> {
        let after = self.after(at);
        let punct = [',', '.', ';', ':', ')', '"', '\u{201d}'];
        if after.trim_start().starts_with(punct) {
            return None;
        }
        tokens(after).first().copied()
    }

    /// Whether the parse makes the frame's truce noun an argument of its
    /// trigger's verb (subject, object, or the noun its relative clause
    /// describes): syntax that overrides word distance.
    pub fn truce_argument(&self, f: &Frame) -> bool {
        let Some(noun) = self.noun else {
            return false;
        };
        let orig = |a: usize| self.doc.folded.to_original(a, a + 1).start;
        self.syntax.truce_argument(orig(f.folded.0), orig(noun.0))
    }

    /// Whether the parse makes the frame's truce noun the subject of
    /// another verb than its trigger's ("a ceasefire brokered by Russia
    /// has ended").
    pub fn truce_subject_elsewhere(&self, f: &Frame) -> bool {
        let Some(noun) = self.noun else {
            return false;
        };
        let orig = |a: usize| self.doc.folded.to_original(a, a + 1).start;
        self.syntax
            .subject_elsewhere(orig(noun.0), orig(f.folded.0))
    }

    /// Whether the parse makes the frame's trigger head a relative clause
    /// on another noun than its truce ("groups that agreed to the truce").
    pub fn describes_other(&self, f: &Frame) -> bool {
        let Some(noun) = self.noun else {
            return false;
        };
        let orig = |a: usize| self.doc.folded.to_original(a, a + 1).start;
        self.syntax.describes_other(orig(f.folded.0), orig(noun.0))
    }

    /// Whether the parse sets the frame's verb trigger apart from its truce
    /// noun (`Syntax::detached`).
    pub fn detached(&self, f: &Frame) -> bool {
        let Some(noun) = self.noun else {
            return false;
        };
        let orig = |a: usize| self.doc.folded.to_original(a, a + 1).start;
        self.syntax.detached(orig(f.folded.0), orig(noun.0))
    }

    /// The folded text of the sentence from its start to folded offset `at`.
    pub fn before(&self, at: usize) -> &str {
        let start = self.doc.folded.to_folded(self.s.span.start);
        let t = self.doc.folded.text();
        t.get(start.min(at)..at.min(t.len())).unwrap_or("")
    }

    /// The folded text from folded offset `at` to the sentence's end.
    pub fn after(&self, at: usize) -> &str {
        let end = self.doc.folded.to_folded(self.s.span.end);
        let t = self.doc.folded.text();
        t.get(at.min(end)..end.min(t.len())).unwrap_or("")
    }
}

/// One gate rule: its id and its check.
type Gate = (&'static str, fn(&Ctx<'_, '_>, &Frame) -> Verdict);

/// The gates, in the order they run; the first that does not keep decides.
const GATES: &[Gate] = &[
    (question::ID, question::check),
    (heading::ID, heading::check),
    (compound::ID, compound::check),
    (habitual::ID, habitual::check),
    (conditional::ID, conditional::check),
    (opinion::ID, opinion::check),
    (noun_of::ID, noun_of::check),
    (declared_over::ID, declared_over::check),
    (cause_of_end::ID, cause_of_end::check),
    (support::ID, support::check),
    (support_noun::ID, support_noun::check),
    (no_longer::ID, no_longer::check),
    (other_object::ID, other_object::check),
    (purpose::ID, purpose::check),
    (attributive::ID, attributive::check),
    (description::ID, description::check),
    (acceptor_clause::ID, acceptor_clause::check),
    (detached::ID, detached::check),
    (reported::ID, reported::check),
    (exclusion::ID, exclusion::check),
    (talks_about::ID, talks_about::check),
    (background::ID, background::check),
    (scheduled::ID, scheduled::check),
    (dating::ID, dating::check),
    (extend_to_place::ID, extend_to_place::check),
    (far_noun::ID, far_noun::check),
    (subject::ID, subject::check),
];

/// The gates of incident frames.
const INCIDENT_GATES: &[Gate] = &[(war_toll::ID, war_toll::check)];

/// Run the gates on a truce or incident frame: `None` when a gate drops it.
pub(crate) fn gate(ctx: &Ctx<'_, '_>, mut f: Frame) -> Option<Frame> {
    let gates = match f.kind {
        k if k.is_truce() => GATES,
        ClaimKind::IncidentAttack => INCIDENT_GATES,
        _ => return Some(f),
    };
    for (id, check) in gates {
        match check(ctx, &f) {
            Verdict::Keep => continue,
            Verdict::Drop => return None,
            Verdict::Kind(k) => f.kind = k,
            Verdict::Becomes(k, m) => (f.kind, f.modality) = (k, m),
        }
        f.adjusted_by.push(id);
    }
    Some(f)
}

/// The word lists of `data/gates.tsv`, folded, by list name.
static WORDS: LazyLock<HashMap<&'static str, Vec<String>>> = LazyLock::new(|| {
    let mut out: HashMap<&str, Vec<String>> = HashMap::new();
    let data = include_str!("../../../../data/gates.tsv");
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        if let Some((list, phrase)) = line.split_once('\t') {
            out.entry(list)
                .or_default()
                .push(fold(phrase.trim()).text().to_owned());
        }
    }
    out
});

/// The phrases of one list of `data/gates.tsv`.
pub(crate) fn words(list: &str) -> &'static [String] {
    WORDS.get(list).map_or(&[], Vec::as_slice)
}

/// Whether `word` is a phrase of list `list`.
pub(crate) fn listed(list: &str, word: &str) -> bool {
    words(list).iter().any(|w| w == word)
}

/// Whole words of folded text, punctuation stripped from their ends.
pub(crate) fn tokens(text: &str) -> Vec<&str> {
    text.split(' ')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Where phrase `p` (space-separated words) occurs in `toks`: the indexes of its first word.
pub(crate) fn find_phrase(toks: &[&str], p: &str) -> Vec<usize> {
    let pw: Vec<&str> = p.split(' ').collect();
    (0..toks.len().saturating_sub(pw.len() - 1))
        .filter(|&i| toks[i..i + pw.len()] == pw[..])
        .collect()
}

/// Whether any phrase of `list` ends within the last `window` words of `toks`.
pub(crate) fn ends_near(toks: &[&str], list: &str, window: usize) -> bool {
    words(list).iter().any(|p| {
        let n = p.split(' ').count();
        find_phrase(toks, p)
            .iter()
            .any(|&i| toks.len() - (i + n) < window)
    })
}

/// The text after the last clause break (comma, semicolon, colon, dash).
pub(crate) fn clause_tail(text: &str) -> &str {
    text.rfind([',', ';', ':', '\u{2013}', '\u{2014}'])
        .map_or(text, |i| &text[i + 1..])
}
