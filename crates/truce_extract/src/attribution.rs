//! Who says so: the speaker of a sentence and the chain through which the
//! words reached the reader.
//!
//! Patterns, tried in this order:
//! - "X quoted Y as saying": speaker Y, `quoted_by` X;
//! - "according to X": speaker X;
//! - "in a (joint) statement signed by N Y": speaker Y with count N;
//!   "of which Z obtained a copy": `obtained_by` Z;
//! - "X said / told / stressed / added ...": speaker X (the subject nearest
//!   before the verb); "told Reuters": `reported_by` Reuters.
//!
//! A pronoun or a definite noun phrase as the subject ("It added", "The
//! official said", "The factions stressed") refers back to the previous
//! speaker of the document, keeping its chain. A place as the subject of a
//! reporting verb ("Damascus said", "Moscow said") is read as the
//! government of its country, not as a place.

use crate::Extractor;
use crate::doc::{Doc, Sentence, has};
use truce_lexicon::{ActorId, ActorKind, CueClass, Entry, Match};
use truce_model::{Excerpt, Link, Span, Speaker};

/// A speaker with its chain, carried from sentence to sentence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Voice {
    pub speaker: Speaker,
    /// The head noun of an unnamed speaker ("official", "source", "group").
    pub head: Option<&'static str>,
    pub chain: Vec<Link>,
}

/// What attribution found in one sentence.
#[derive(Debug, Default)]
pub(crate) struct Attributed {
    pub voice: Option<Voice>,
    /// Matches consumed as speakers or carriers (not places or agents).
    pub used: Vec<usize>,
    /// The reporting verb, whose neighbouring time is the statement's time.
    pub verb: Option<usize>,
}

/// Document state attribution reads and updates.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    pub last: Option<Voice>,
    /// Country (ISO2) of the most recent state-level actor mentioned.
    pub country: Option<String>,
}

impl Extractor {
    pub(crate) fn attribute(&self, doc: &Doc<'_>, s: &Sentence, mem: &mut Memory) -> Attributed {
        let report: Vec<usize> = (0..s.matches.len())
            .filter(|&i| is_report(&s.matches[i]))
            .collect();
        let mut out = Attributed::default();
        let form = |i: usize| s.matches[i].cue(CueClass::Report).map_or("", |c| c.value);
        if let Some(&q) = report.iter().find(|&&i| form(i) == "quote") {
            self.quoted(doc, s, q, mem, &mut out);
        } else if let Some(&a) = report.iter().find(|&&i| form(i) == "according") {
            out.voice = self.speaker_after(doc, s, a, mem, &mut out.used);
            out.verb = Some(a);
        }
        if out.voice.is_none() {
            self.statement(doc, s, &report, mem, &mut out);
        }
        if out.voice.is_none() {
            self.said(doc, s, &report, mem, &mut out);
        }
        if let Some(v) = &out.voice {
            self.note_country(v.speaker.id.as_deref(), mem);
            mem.last = Some(v.clone());
        }
        out
    }

    /// Remember the country of the last speaker (or of the agency that
    /// carried the words), so that "the Defense Ministry" quoted by a
    /// Russian agency after "Russia said" is Russia's.
    fn note_country(&self, id: Option<&str>, mem: &mut Memory) {
        let actors = self.lexicon.actors();
        let Some(a) = id.and_then(|id| actors.find(id)) else {
            return;
        };
        let country = &actors.get(a).country;
        if !country.is_empty() {
            mem.country = Some(country.clone());
        }
    }

    fn quoted(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        q: usize,
        mem: &mut Memory,
        out: &mut Attributed,
    ) {
        let carrier = (0..q).rev().find_map(|i| Some((i, s.matches[i].actor()?)));
        let mut chain = Vec::new();
        if let Some((i, a)) = carrier {
            out.used.push(i);
            chain.push(self.link("quoted_by", a));
            if mem.country.is_none() {
                let id = self.lexicon.actors().get(a).id.clone();
                self.note_country(Some(&id), mem);
            }
        }
        out.verb = Some(q);
        let mut voice = self
            .speaker_after(doc, s, q, mem, &mut out.used)
            .unwrap_or_default();
        voice.chain.splice(0..0, chain);
        out.voice = Some(voice);
    }

    fn statement(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        report: &[usize],
        mem: &mut Memory,
        out: &mut Attributed,
    ) {
        let Some(&st) = report.iter().find(|&&i| {
            s.matches[i]
                .cue(CueClass::Report)
                .is_some_and(|c| c.value == "statement")
        }) else {
            return;
        };
        let after = doc
            .folded
            .text()
            .get(s.matches[st].folded.1..)
            .unwrap_or("");
        if !(after.starts_with(" signed by") || after.starts_with(" issued by")) {
            return;
        }
        let Some(mut voice) = self.speaker_after(doc, s, st, mem, &mut out.used) else {
            return;
        };
        if let Some(&ob) = report.iter().find(|&&i| {
            s.matches[i]
                .cue(CueClass::Report)
                .is_some_and(|c| c.value == "obtained")
        }) && let Some((i, a)) = (0..ob).rev().find_map(|i| Some((i, s.matches[i].actor()?)))
        {
            out.used.push(i);
            voice.chain.insert(0, self.link("obtained_by", a));
        }
        // "..., the opposition said that": the signers are the speaker.
        if let Some(&v) = report
            .iter()
            .find(|&&i| i > st && matches!(form_of(&s.matches[i]), "say" | "added"))
        {
            if let Some(j) = subject_before(doc, s, v) {
                out.used.push(j);
            }
            out.verb = Some(v);
        }
        out.voice = Some(voice);
    }

    fn said(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        report: &[usize],
        mem: &mut Memory,
        out: &mut Attributed,
    ) {
        let mut earlier_subject = None;
        for &v in report {
            if !matches!(form_of(&s.matches[v]), "say" | "added" | "told" | "deny") {
                continue;
            }
            let coordinated = matches!(doc.word_before(s.matches[v].folded.0), "but" | "and");
            let subject =
                subject_before(doc, s, v).or(if coordinated { earlier_subject } else { None });
            if negated_verb(doc, &s.matches[v]) {
                earlier_subject = subject;
                continue;
            }
            let voice = match subject {
                Some(j) => {
                    out.used.push(j);
                    self.voice_at(doc, s, j, mem, &mut out.used)
                }
                None => pronoun_before(doc, &s.matches[v])
                    .then(|| mem.last.clone())
                    .flatten(),
            };
            let Some(mut voice) = voice else { continue };
            if form_of(&s.matches[v]) == "told"
                && let Some((i, a)) = s.matches.get(v + 1).and_then(|m| Some((v + 1, m.actor()?)))
            {
                out.used.push(i);
                voice.chain.insert(0, self.link("reported_by", a));
            }
            out.verb = Some(v);
            out.voice = Some(voice);
            return;
        }
    }

    /// The speaker phrase right after match `at` ("quoted <a prominent
    /// official in the Defense Ministry> as saying", "according to <X>",
    /// "signed by <44 military factions>").
    fn speaker_after(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        at: usize,
        mem: &mut Memory,
        used: &mut Vec<usize>,
    ) -> Option<Voice> {
        let j = (at + 1..s.matches.len()).find(|&j| is_subject(&s.matches[j]))?;
        if doc.words_between(s.matches[at].folded.1, s.matches[j].folded.0) > 4 {
            return None;
        }
        used.push(j);
        self.voice_at(doc, s, j, mem, used)
    }

    /// The voice of the subject at match `j`: an actor, a place standing for
    /// its government, or an unnamed speaker ("a senior official in X").
    fn voice_at(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        j: usize,
        mem: &mut Memory,
        used: &mut Vec<usize>,
    ) -> Option<Voice> {
        let m = &s.matches[j];
        let lead = match j.checked_sub(1).map(|d| &s.matches[d]) {
            Some(d)
                if demonym(d).is_some()
                    && doc.folded_between(d.folded.1, m.folded.0).is_empty() =>
            {
                d.folded.0
            }
            _ => m.folded.0,
        };
        let definite = matches!(doc.word_before(lead), "the" | "this" | "that" | "these");
        if let Some(head) = m.cue(CueClass::Speaker).map(|c| c.value) {
            return Some(self.unnamed(doc, s, j, head, definite, mem, used));
        }
        let actor = match m.actor() {
            Some(a) => self.specialise(a, mem.country.as_deref()),
            None => self.place_government(m)?,
        };
        let a = self.lexicon.actors().get(actor);
        if definite
            && a.kind == ActorKind::Generic
            && let Some(last) = mem.last.clone()
        {
            return Some(last);
        }
        let count = count_before(doc, s, j);
        let name = doc.slice(m.span).to_owned();
        let speaker = Speaker {
            name,
            id: Some(a.id.clone()),
            unnamed: false,
            count,
            mention: Some(Excerpt::new(m.span, doc.text)),
        };
        Some(Voice {
            speaker,
            head: None,
            chain: Vec::new(),
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn unnamed(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        j: usize,
        head: &'static str,
        definite: bool,
        mem: &mut Memory,
        used: &mut Vec<usize>,
    ) -> Voice {
        if definite
            && let Some(last) = mem
                .last
                .clone()
                .filter(|l| l.head == Some(head) || head == "group" || l.head.is_none())
        {
            return last;
        }
        let m = &s.matches[j];
        let mut span = m.span;
        let mut actor = None;
        // "a Russian military source", "a senior UN official": a country
        // adjective or an actor just before the head, with only speaker
        // adjectives between, names the body the speaker belongs to.
        if let Some(d) = j.checked_sub(1).filter(|&d| {
            let between = doc.folded_between(s.matches[d].folded.1, m.folded.0);
            between
                .split(' ')
                .filter(|w| !w.is_empty())
                .all(is_speaker_adjective)
        }) && let Some(a) = demonym(&s.matches[d]).or(s.matches[d].actor())
        {
            span = span.cover(s.matches[d].span);
            actor = Some(a);
            used.push(d);
        }
        // "an official in the Defense Ministry", "residents of Douma".
        let named =
            |k: &usize| s.matches[*k].actor().is_some() || s.matches[*k].places().next().is_some();
        if let Some(k) = (j + 1..s.matches.len()).find(named) {
            let between = doc.folded_between(m.folded.1, s.matches[k].folded.0);
            if matches!(
                between,
                "in the"
                    | "of the"
                    | "from the"
                    | "at the"
                    | "in"
                    | "of"
                    | "from"
                    | "close to the"
                    | "close to"
            ) {
                span = span.cover(s.matches[k].span);
                actor = s.matches[k].actor();
                used.push(k);
            }
        }
        let id = actor.map(|a| self.specialise(a, mem.country.as_deref()));
        let start = doc.extend_left(doc.folded.to_folded(span.start), |w| {
            is_speaker_adjective(w) || matches!(w, "a" | "an")
        });
        let span = Span::new(
            doc.folded
                .to_original(start, start + 1)
                .start
                .min(span.start),
            span.end,
        );
        let speaker = Speaker {
            name: doc.slice(span).to_owned(),
            id: id.map(|a| self.lexicon.actors().get(a).id.clone()),
            unnamed: true,
            count: count_before(doc, s, j),
            mention: Some(Excerpt::new(span, doc.text)),
        };
        Voice {
            speaker,
            head: Some(head),
            chain: Vec::new(),
        }
    }

    /// "Damascus said": the state actor of the place's country.
    fn place_government(&self, m: &Match) -> Option<ActorId> {
        let place = m.places().next()?;
        let country = &self.gazetteer.get(truce_geo::PlaceId(place)).country;
        self.lexicon.actors().state_of(country)
    }

    pub(crate) fn link(&self, role: &str, actor: ActorId) -> Link {
        let a = self.lexicon.actors().get(actor);
        Link {
            role: role.to_owned(),
            name: a.name.clone(),
            id: Some(a.id.clone()),
        }
    }
}

/// Words that may stand between an article and a speaker noun.
fn is_speaker_adjective(w: &str) -> bool {
    matches!(
        w,
        "senior"
            | "top"
            | "prominent"
            | "high"
            | "ranking"
            | "military"
            | "security"
            | "government"
            | "diplomatic"
            | "western"
            | "local"
            | "rebel"
            | "opposition"
            | "regime"
            | "informed"
            | "unnamed"
            | "anonymous"
            | "knowledgeable"
            | "official"
            | "field"
            | "medical"
            | "intelligence"
    )
}

fn form_of(m: &Match) -> &'static str {
    m.cue(CueClass::Report).map_or("", |c| c.value)
}

/// A reporting cue that is not also a truce trigger ("announced" declares).
fn is_report(m: &Match) -> bool {
    has(m, CueClass::Report) && !has(m, CueClass::Kind)
}

fn is_subject(m: &Match) -> bool {
    m.actor().is_some() || has(m, CueClass::Speaker) || m.places().next().is_some()
}

/// A subject of a reporting verb: not a place after a preposition
/// ("residents of Douma said": the residents speak, not Douma).
fn is_subject_at(doc: &Doc<'_>, s: &Sentence, j: usize) -> bool {
    let m = &s.matches[j];
    let bare_place = m.actor().is_none() && !has(m, CueClass::Speaker);
    is_subject(m) && !(bare_place && crate::places::after_preposition(doc, m))
}

fn demonym(m: &Match) -> Option<ActorId> {
    m.entries.iter().find_map(|e| match e {
        Entry::Demonym(a) => Some(*a),
        _ => None,
    })
}

/// The subject of reporting verb `v`: the nearest actor, speaker noun or
/// place before it with at most a few words (an auxiliary, a time) between.
fn subject_before(doc: &Doc<'_>, s: &Sentence, v: usize) -> Option<usize> {
    let verb = &s.matches[v];
    let j = (0..v).rev().find(|&j| is_subject_at(doc, s, j))?;
    let between = doc.folded_between(s.matches[j].folded.1, verb.folded.0);
    let gap = doc.words_between(s.matches[j].folded.1, verb.folded.0);
    let clean = !between.contains([',', '"', ';', ':']);
    (gap <= 4 && clean).then_some(j)
}

fn pronoun_before(doc: &Doc<'_>, verb: &Match) -> bool {
    let mut w = doc.word_before(verb.folded.0);
    if matches!(w, "also" | "later" | "then" | "further") {
        let head = doc
            .folded
            .text()
            .get(..verb.folded.0)
            .unwrap_or("")
            .trim_end();
        w = doc.word_before(head.len().saturating_sub(w.len()));
    }
    matches!(w, "it" | "he" | "she" | "they" | "we")
}

/// "did not say": a negated reporting verb reports nothing.
fn negated_verb(doc: &Doc<'_>, verb: &Match) -> bool {
    let head = doc.folded.text().get(..verb.folded.0).unwrap_or("");
    head.ends_with("not ") || head.ends_with("never ") || head.ends_with("didnt ")
}

/// "44 military factions": a count right before a collective subject.
fn count_before(doc: &Doc<'_>, s: &Sentence, j: usize) -> Option<u32> {
    let m = &s.matches[j];
    let w = doc.word_before(m.folded.0);
    let _ = s;
    w.parse::<u32>().ok().filter(|n| *n > 1)
}
