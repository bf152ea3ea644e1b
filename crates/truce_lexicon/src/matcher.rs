//! One automaton over every folded key; a scan returns non-overlapping,
//! leftmost-longest matches that start and end on word boundaries.

use crate::LexiconError;
use crate::actors::{ActorId, Actors};
use crate::cues::{Cue, parse_cues};
use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::sync::Arc;
use truce_model::Span;
use truce_text::{Folded, fold_key, is_word_byte};

const ACTORS_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/actors.tsv"
));
const DEMONYMS_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/demonyms.tsv"
));
const TRIGGERS_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/triggers.tsv"
));

/// What a matched key stands for. A key may stand for several entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    /// A gazetteer place (the caller's place id).
    Place(u32),
    Actor(ActorId),
    /// A country adjective ("Russian") pointing at the country's state actor.
    Demonym(ActorId),
    Cue(Cue),
}

/// One match in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// Bytes of the original text.
    pub span: Span,
    /// Bytes of the folded text.
    pub folded: (usize, usize),
    /// Shared with the lexicon when the key has no case-exact aliases.
    pub entries: Arc<[Entry]>,
}

impl Match {
    pub fn cue(&self, class: crate::CueClass) -> Option<Cue> {
        self.entries.iter().find_map(|e| match e {
            Entry::Cue(c) if c.class == class => Some(*c),
            _ => None,
        })
    }

    pub fn places(&self) -> impl Iterator<Item = u32> + '_ {
        self.entries.iter().filter_map(|e| match e {
            Entry::Place(p) => Some(*p),
            _ => None,
        })
    }

    pub fn actor(&self) -> Option<ActorId> {
        self.entries.iter().find_map(|e| match e {
            Entry::Actor(a) => Some(*a),
            _ => None,
        })
    }
}

/// One value slot of the automaton: the entries of a key, each with the
/// exact original spelling it requires (for `=`-prefixed aliases).
type Slot = Vec<(Entry, Option<String>)>;

/// Collects keys, then compiles them.
#[derive(Default)]
pub struct LexiconBuilder {
    keys: HashMap<String, usize>,
    slots: Vec<Slot>,
    actors: Actors,
}

impl LexiconBuilder {
    /// Add the embedded actor, demonym and trigger tables.
    pub fn embedded_tables(self) -> Result<Self, LexiconError> {
        self.tables(ACTORS_TSV, DEMONYMS_TSV, TRIGGERS_TSV)
    }

    /// Add actor, demonym and trigger tables given as text.
    pub fn tables(
        mut self,
        actors: &str,
        demonyms: &str,
        triggers: &'static str,
    ) -> Result<Self, LexiconError> {
        let table = Actors::parse(actors, demonyms)?;
        for (id, actor) in table.iter() {
            for alias in &actor.aliases {
                self.add(alias, Entry::Actor(id));
            }
        }
        for (adjective, id) in table.demonyms.clone() {
            self.add(&adjective, Entry::Demonym(id));
        }
        for (phrase, cue) in parse_cues(triggers)? {
            self.add(phrase, Entry::Cue(cue));
        }
        self.actors = table;
        Ok(self)
    }

    /// Add a place name (already folded or not) for the caller's place id.
    pub fn place(mut self, name: &str, place: u32) -> Self {
        self.add(name, Entry::Place(place));
        self
    }

    fn add(&mut self, surface: &str, entry: Entry) {
        let (exact, surface) = match surface.strip_prefix('=') {
            Some(s) => (Some(s.to_owned()), s),
            None => (None, surface),
        };
        let key = fold_key(surface);
        // A leading article would steal the start of the next name
        // ("the military factions" is not "the military").
        let key = match key.strip_prefix("the ") {
            Some(rest) if matches!(entry, Entry::Actor(_) | Entry::Place(_)) => rest.to_owned(),
            _ => key,
        };
        if key.is_empty() {
            return;
        }
        let next = self.slots.len();
        let slot = *self.keys.entry(key).or_insert(next);
        if slot == next {
            self.slots.push(Vec::new());
        }
        if !self.slots[slot]
            .iter()
            .any(|(e, x)| *e == entry && *x == exact)
        {
            self.slots[slot].push((entry, exact));
        }
    }

    pub fn build(self) -> Result<Lexicon, LexiconError> {
        let pairs = self.keys.iter().map(|(k, v)| (k.as_bytes(), *v as u32));
        let automaton = DoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(pairs)
            .map_err(|e| LexiconError::Automaton(e.to_string()))?;
        let plain = self
            .slots
            .iter()
            .map(|slot| {
                let exact = slot.iter().any(|(_, x)| x.is_some());
                (!exact).then(|| slot.iter().map(|(e, _)| *e).collect::<Arc<[Entry]>>())
            })
            .collect();
        Ok(Lexicon {
            automaton,
            slots: self.slots,
            plain,
            actors: self.actors,
        })
    }
}

/// The compiled lexicon.
pub struct Lexicon {
    automaton: DoubleArrayAhoCorasick<u32>,
    slots: Vec<Slot>,
    /// Per slot, every entry, shared by matches of keys with no
    /// case-exact alias (almost all of them).
    plain: Vec<Option<Arc<[Entry]>>>,
    actors: Actors,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("keys", &self.slots.len())
            .finish()
    }
}

impl Lexicon {
    pub fn builder() -> LexiconBuilder {
        LexiconBuilder::default()
    }

    pub fn actors(&self) -> &Actors {
        &self.actors
    }

    pub fn keys(&self) -> usize {
        self.slots.len()
    }

    /// Every match in `folded` (the fold of `original`), non-overlapping,
    /// leftmost-longest, on word boundaries. A trailing possessive "s"
    /// ("Syrias", "Russia's") is allowed after place and actor names.
    ///
    /// The automaton finds the leftmost-longest key; a key that does not
    /// sit on word boundaries ("hama" in "hamas", "not" in "notably") is
    /// dropped and the search restarts at the next word start after it.
    pub fn scan(&self, folded: &Folded, original: &str) -> Vec<Match> {
        let text = folded.text().as_bytes();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = self.automaton.leftmost_find_iter(&text[pos..]).next() else {
                break;
            };
            let (start, end) = (pos + m.start(), pos + m.end());
            let found = (self.word_end(text, start, end, m.value()))
                .map(|e| (e, m.value()))
                .or_else(|| self.shorter(text, start, end));
            if let Some((end, slot)) = found {
                let span = folded.to_original(start, end);
                let entries = self.entries(slot, span.slice(original));
                if !entries.is_empty() {
                    out.push(Match {
                        span,
                        folded: (start, end),
                        entries,
                    });
                    pos = end;
                    continue;
                }
            }
            pos = next_word_start(text, start + 1);
        }
        out
    }

    /// The longest key at `start` that ends on a word boundary before
    /// `end`, when the longest key there does not ("could" in "could
    /// begin", where "could be" is the longest key).
    fn shorter(&self, text: &[u8], start: usize, end: usize) -> Option<(usize, u32)> {
        let mut limit = end;
        loop {
            limit = (start + 1..limit).rev().find(|&i| ends_word(text, i))?;
            let m = self
                .automaton
                .leftmost_find_iter(&text[start..limit])
                .next()?;
            if m.start() != 0 {
                return None;
            }
            if let Some(e) = self.word_end(text, start, start + m.end(), m.value()) {
                return Some((e, m.value()));
            }
            limit = start + m.end();
        }
    }

    /// The end of a match that sits on word boundaries, if it does.
    fn word_end(&self, text: &[u8], start: usize, end: usize, slot: u32) -> Option<usize> {
        if !starts_word(text, start) {
            None
        } else if ends_word(text, end) {
            Some(end)
        } else if possessive(text, end) && self.is_name(slot) {
            Some(end + 1)
        } else {
            None
        }
    }

    fn is_name(&self, slot: u32) -> bool {
        self.slots[slot as usize]
            .iter()
            .any(|(e, _)| matches!(e, Entry::Place(_) | Entry::Actor(_) | Entry::Demonym(_)))
    }

    fn entries(&self, slot: u32, original: &str) -> Arc<[Entry]> {
        if let Some(all) = &self.plain[slot as usize] {
            return Arc::clone(all);
        }
        let trimmed = original.trim_end_matches(['s', '\'', '\u{2019}']);
        self.slots[slot as usize]
            .iter()
            .filter(|(_, exact)| {
                exact
                    .as_deref()
                    .is_none_or(|x| x == original || x == trimmed)
            })
            .map(|(e, _)| *e)
            .collect()
    }
}

fn starts_word(text: &[u8], start: usize) -> bool {
    start == 0 || !is_word_byte(text[start - 1]) || !is_word_byte(text[start])
}

fn ends_word(text: &[u8], end: usize) -> bool {
    end == text.len() || !is_word_byte(text[end]) || !is_word_byte(text[end - 1])
}

fn next_word_start(text: &[u8], from: usize) -> usize {
    (from..text.len())
        .find(|&i| starts_word(text, i))
        .unwrap_or(text.len())
}

fn possessive(text: &[u8], end: usize) -> bool {
    text.get(end) == Some(&b's')
        && ends_word(text, end + 1)
        && end > 0
        && is_word_byte(text[end - 1])
}
