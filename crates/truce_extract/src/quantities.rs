//! Numbers and casualty counts.

use crate::doc::{Doc, Sentence};
use truce_lexicon::{CueClass, Match};
use truce_model::{Excerpt, Quantity, Span};

/// A number in a sentence, in folded offsets, with its approximation.
#[derive(Clone, Debug)]
pub(crate) struct Num {
    pub folded: (usize, usize),
    pub span: Span,
    pub value: f64,
    pub approx: Option<&'static str>,
    /// Folded start of the number with its approximation ("at least 12").
    pub lead: usize,
}

/// Every number of a sentence: digit runs ("44", "1,200", "3.5") and number
/// words ("twelve", "dozens"), each with an approximation cue ending right
/// before it ("at least 12").
pub(crate) fn numbers(doc: &Doc<'_>, s: &Sentence) -> Vec<Num> {
    let (fs, fe) = (
        doc.folded.to_folded(s.span.start),
        doc.folded.to_folded(s.span.end),
    );
    let mut out = digit_runs(doc, fs, fe);
    out.extend(s.matches.iter().filter_map(|m| article_count(doc, m)));
    for m in &s.matches {
        if let Some(c) = m.cue(CueClass::Number)
            && let Ok(value) = c.value.parse::<f64>()
            && (c.value != "1" || followed_by_casualty_word(doc, m.folded.1))
        {
            out.push(Num {
                folded: m.folded,
                span: m.span,
                value,
                approx: None,
                lead: m.folded.0,
            });
        }
    }
    out.sort_by_key(|n| n.folded.0);
    for n in &mut out {
        let approx = s.matches.iter().find(|m| {
            m.cue(CueClass::Approx).is_some()
                && m.folded.1 <= n.folded.0
                && doc.folded_between(m.folded.1, n.folded.0).is_empty()
        });
        n.approx = approx
            .and_then(|m| m.cue(CueClass::Approx))
            .map(|c| c.value);
        n.lead = approx.map_or(n.folded.0, |m| m.folded.0);
    }
    out
}

/// "a civilian was killed": the article before a singular victim word is a
/// count of one. (The lexicon has no "a"/"an" keys: they would match inside
/// most words and slow every scan.)
fn article_count(doc: &Doc<'_>, m: &Match) -> Option<Num> {
    m.cue(CueClass::Victim)?;
    let singular = doc.folded_between(m.folded.0, m.folded.1);
    if !matches!(
        singular,
        "civilian" | "child" | "person" | "soldier" | "fighter" | "man" | "woman"
    ) {
        return None;
    }
    let article = doc.word_before(m.folded.0);
    if !matches!(article, "a" | "an") {
        return None;
    }
    let head = doc.folded.text().get(..m.folded.0).unwrap_or("").trim_end();
    let start = head.len() - article.len();
    let folded = (start, start + article.len());
    let span = doc.folded.to_original(folded.0, folded.1);
    Some(Num {
        folded,
        span,
        value: 1.0,
        approx: None,
        lead: start,
    })
}

/// "one civilian", "one Turkish soldier": a singular victim word right
/// after the number, or after one more word (an adjective).
fn followed_by_casualty_word(doc: &Doc<'_>, at: usize) -> bool {
    let singular = |w: &str| {
        matches!(
            w,
            "civilian" | "child" | "person" | "soldier" | "fighter" | "man" | "woman"
        )
    };
    let next = doc.word_after(at);
    if singular(next) {
        return true;
    }
    let t = doc.folded.text();
    let Some(rest) = t.get(at.min(t.len())..) else {
        return false;
    };
    let skip = rest.len() - rest.trim_start().len() + next.len();
    !next.is_empty()
        && !matches!(next, "of" | "and" | "or" | "more" | "in" | "day" | "year")
        && singular(doc.word_after(at + skip))
}

fn digit_runs(doc: &Doc<'_>, fs: usize, fe: usize) -> Vec<Num> {
    let t = doc.folded.text().as_bytes();
    let mut out = Vec::new();
    let mut i = fs;
    while i < fe.min(t.len()) {
        let boundary = i == 0 || !t[i - 1].is_ascii_alphanumeric();
        if !(t[i].is_ascii_digit() && boundary) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < fe
            && (t[j].is_ascii_digit()
                || (matches!(t[j], b',' | b'.') && j + 1 < fe && t[j + 1].is_ascii_digit()))
        {
            j += 1;
        }
        let raw: String = doc.folded.text()[i..j]
            .chars()
            .filter(|c| *c != ',')
            .collect();
        let followed_by_letter = j < t.len() && t[j].is_ascii_alphabetic();
        if let (Ok(value), false) = (raw.parse::<f64>(), followed_by_letter) {
            out.push(Num {
                folded: (i, j),
                span: doc.folded.to_original(i, j),
                value,
                approx: None,
                lead: i,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// Casualty quantities of a stretch of a sentence (folded `from..to`):
/// Casualty quantities of a stretch of a sentence (folded `from..to`):
/// "at least 12 civilians were killed", "killing five people", "20 dead".
/// A count whose casualty word comes after a subset ("14 civilians,
/// including five children, were killed") shares the subset's word.
pub(crate) fn casualties(
    doc: &Doc<'_>,
    s: &Sentence,
    nums: &[Num],
    from: usize,
    to: usize,
) -> Vec<Quantity> {
    let inside: Vec<&Num> = nums
        .iter()
        .filter(|n| n.folded.0 >= from && n.folded.1 <= to)
        .collect();
    let read: Vec<(Option<&Match>, Option<&'static str>)> =
        inside.iter().map(|n| count_of(doc, s, n)).collect();
    let mut out = Vec::new();
    for (i, n) in inside.iter().enumerate() {
        let (victim, mut what) = read[i];
        if what.is_none() && victim.is_some() {
            what = subset_casualty(doc, victim, inside.get(i + 1), read.get(i + 1));
        }
        let Some(what) = what else { continue };
        let of = victim
            .and_then(|v| v.cue(CueClass::Victim))
            .map(|c| c.value.to_owned());
        let mention = victim.map_or(n.span, |v| n.span.cover(v.span));
        out.push(Quantity {
            value: n.value,
            approx: n.approx.map(str::to_owned),
            what: what.to_owned(),
            of,
            mention: Some(Excerpt::new(mention, doc.text)),
        });
    }
    out
}

/// "14 civilians, including five children, were killed": the casualty word
/// of the subset that follows, when the words between introduce a subset.
fn subset_casualty(
    doc: &Doc<'_>,
    victim: Option<&Match>,
    next: Option<&&Num>,
    next_read: Option<&(Option<&Match>, Option<&'static str>)>,
) -> Option<&'static str> {
    let (victim, next, (_, what)) = (victim?, next?, next_read?);
    let between = doc.folded_between(victim.folded.1, next.lead);
    let subset = ["including", "among them", "among whom", "of whom", "among"]
        .iter()
        .any(|w| between.trim_start_matches(',').trim() == *w);
    subset.then_some(*what).flatten()
}

/// Words between a casualty word and a later count that start a new
/// clause ("one person killed and twelve wounded").
fn joined(between: &str) -> bool {
    between.contains(',')
        || between
            .split(' ')
            .any(|w| matches!(w, "and" | "or" | "while"))
}

/// The victim word and casualty word of one count.
fn count_of<'s>(
    doc: &Doc<'_>,
    s: &'s Sentence,
    n: &Num,
) -> (Option<&'s Match>, Option<&'static str>) {
    let victim = s.matches.iter().find(|m| {
        m.cue(CueClass::Victim).is_some()
            && m.folded.0 >= n.folded.1
            && doc.words_between(n.folded.1, m.folded.0) <= 2
    });
    let mut after = victim.map_or(n.folded.1, |v| v.folded.1);
    // "2 members of the regime forces were killed": the victims' group
    // ("of" or "from" and a named actor or place) sits between the count
    // and the casualty word.
    if victim.is_some() && matches!(doc.word_after(after), "of" | "from") {
        let group = s.matches.iter().find(|m| {
            m.folded.0 > after
                && doc.words_between(after, m.folded.0) <= 3
                && m.entries.iter().any(|e| {
                    matches!(
                        e,
                        truce_lexicon::Entry::Actor(_) | truce_lexicon::Entry::Place(_)
                    )
                })
        });
        if let Some(g) = group {
            after = g.folded.1;
        }
    }
    // The nearest casualty word: after the count and its victims ("12
    // civilians were killed"), or right before the count and its
    // approximation ("killing at least 12"); a word before wins a tie
    // ("killed 40 people and wounded 100 others").
    let casualty = s
        .matches
        .iter()
        .filter_map(|m| {
            let c = m.cue(CueClass::Casualty)?;
            if m.folded.0 >= after && doc.words_between(after, m.folded.0) <= 3 {
                Some((doc.words_between(after, m.folded.0) * 2 + 1, c.value))
            } else if m.folded.1 <= n.lead
                && doc.words_between(m.folded.1, n.lead) <= 2
                && !joined(doc.folded_between(m.folded.1, n.lead))
            {
                Some((doc.words_between(m.folded.1, n.lead) * 2, c.value))
            } else {
                None
            }
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, v)| v);
    (victim, casualty)
}
