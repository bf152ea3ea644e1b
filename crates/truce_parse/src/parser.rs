//! The tagger and parser at run time, and their binary file format.

use std::sync::OnceLock;

use truce_model::Span;

use crate::features::{Lex, tagger_features};
use crate::labels::static_tag;
use crate::parse::{Parse, Token};
use crate::perceptron::{Model, hash_str};
use crate::state::{State, Tokens, decode, parser_features};
use crate::{Dep, Error, tokenize};

const MAGIC: &[u8] = b"TRUCEPARSE1\n";

/// The weights under `data/parser.bin` (see `data/LICENSES`).
static EMBEDDED: &[u8] = include_bytes!("../../../data/parser.bin");

/// A part-of-speech tagger and labelled dependency parser.
#[derive(Debug)]
pub struct Parser {
    pub(crate) tags: Vec<&'static str>,
    pub(crate) labels: Vec<Dep>,
    pub(crate) tagger: Model,
    pub(crate) parser: Model,
}

/// Hash standing for the tag before the first token.
pub(crate) fn start_tag() -> u64 {
    hash_str("<START>")
}

/// Tag value of the root pseudo-token.
pub(crate) fn root_tag() -> u64 {
    hash_str("<ROOT-TAG>")
}

impl Parser {
    /// The parser with the weights embedded in the crate, decoded once.
    pub fn embedded() -> &'static Parser {
        static PARSER: OnceLock<Parser> = OnceLock::new();
        PARSER.get_or_init(|| match Parser::from_bytes(EMBEDDED) {
            Ok(p) => p,
            Err(e) => panic!("embedded data/parser.bin is unreadable: {e}"),
        })
    }

    /// Tokenizes, tags and parses one sentence.
    pub fn parse(&self, sentence: &str) -> Parse {
        self.parse_spans(sentence, &tokenize(sentence))
    }

    /// Tags and parses already tokenized text; `spans` are byte ranges of
    /// `text` (out-of-range spans are read as empty words).
    pub fn parse_spans(&self, text: &str, spans: &[Span]) -> Parse {
        let lex: Vec<Lex> = spans
            .iter()
            .map(|s| Lex::new(text.get(s.start..s.end).unwrap_or("")))
            .collect();
        let tags = self.tag_lex(&lex);
        let state = self.parse_lex(&lex, &tags);
        let n = spans.len();
        let tokens = (0..n)
            .map(|i| {
                let head = state.heads[i];
                let root = head >= n;
                Token {
                    span: spans[i],
                    tag: self.tags[tags[i] as usize],
                    head: (!root).then_some(head),
                    label: if root {
                        Dep::Root
                    } else {
                        self.labels[state.labels[i]]
                    },
                }
            })
            .collect();
        Parse {
            text: text.to_owned(),
            tokens,
        }
    }

    /// Greedy left-to-right tagging; returns class indices.
    pub(crate) fn tag_lex(&self, lex: &[Lex]) -> Vec<u64> {
        tag_with(&self.tagger, lex)
    }

    /// Greedy arc-eager parsing over tagged tokens.
    pub(crate) fn parse_lex(&self, lex: &[Lex], tags: &[u64]) -> State {
        let n = lex.len();
        let mut lex_root = lex.to_vec();
        lex_root.push(Lex::root());
        let mut tags_root = tags.to_vec();
        tags_root.push(root_tag());
        let tokens = Tokens {
            lex: &lex_root,
            tags: &tags_root,
        };
        let mut state = State::new(n);
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        let labels = self.labels.len();
        while !state.done() {
            parser_features(&state, &tokens, &mut feats);
            self.parser.score(&feats, &mut scores);
            let best = argmax(&scores, |c| state.valid(decode(c, labels)));
            state.apply(decode(best, labels));
        }
        state
    }

    /// Decodes a model file written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, Error> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(Error::Model("not a truce_parse model file".into()));
        }
        let tags = (0..r.varint()?)
            .map(|_| static_tag(r.string()?))
            .collect::<Result<Vec<_>, _>>()?;
        let labels = (0..r.varint()?)
            .map(|_| r.string()?.parse())
            .collect::<Result<Vec<Dep>, _>>()?;
        if labels.first() != Some(&Dep::Root) || tags.is_empty() {
            return Err(Error::Model("tag or label list malformed".into()));
        }
        let tagger = r.model(tags.len())?;
        let parser = r.model(2 + 2 * labels.len())?;
        Ok(Parser {
            tags,
            labels,
            tagger,
            parser,
        })
    }

    /// Encodes the model (the inverse of [`Parser::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        put_varint(&mut out, self.tags.len() as u64);
        self.tags.iter().for_each(|t| put_string(&mut out, t));
        put_varint(&mut out, self.labels.len() as u64);
        self.labels
            .iter()
            .for_each(|l| put_string(&mut out, l.as_str()));
        put_model(&mut out, &self.tagger);
        put_model(&mut out, &self.parser);
        out
    }

    /// The tag set, in class order.
    pub fn tags(&self) -> &[&'static str] {
        &self.tags
    }

    /// Number of hashed features kept by the tagger and the parser.
    pub fn feature_counts(&self) -> (usize, usize) {
        (self.tagger.len(), self.parser.len())
    }
}

/// Greedy left-to-right tagging with `model`; returns class indices.
pub(crate) fn tag_with(model: &Model, lex: &[Lex]) -> Vec<u64> {
    let (mut feats, mut scores) = (Vec::new(), Vec::new());
    let mut tags: Vec<u64> = Vec::with_capacity(lex.len());
    for i in 0..lex.len() {
        let p1 = if i >= 1 { tags[i - 1] } else { start_tag() };
        let p2 = if i >= 2 { tags[i - 2] } else { start_tag() };
        tagger_features(lex, i, p1, p2, &mut feats);
        model.score(&feats, &mut scores);
        tags.push(argmax(&scores, |_| true) as u64);
    }
    tags
}

/// The highest-scoring class among those `allowed`; ties go to the lowest.
pub(crate) fn argmax<T: PartialOrd + Copy>(scores: &[T], allowed: impl Fn(usize) -> bool) -> usize {
    let mut best: Option<(usize, T)> = None;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(c) && best.is_none_or(|(_, b)| s > b) {
            best = Some((c, s));
        }
    }
    best.map_or(0, |b| b.0)
}

/// Whether a move is allowed (used by training as well).
pub(crate) fn allowed(state: &State, class: usize, labels: usize) -> bool {
    state.valid(decode(class, labels))
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_string(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_model(out: &mut Vec<u8>, model: &Model) {
    let sorted = model.sorted();
    put_varint(out, sorted.len() as u64);
    let mut last = 0u64;
    for (key, entries) in sorted {
        put_varint(out, key - last);
        last = key;
        put_varint(out, entries.len() as u64);
        for &(class, w) in entries {
            put_varint(out, u64::from(class));
            put_varint(out, u64::from(((w << 1) ^ (w >> 15)) as u16));
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| Error::Model("truncated model file".into()))?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn varint(&mut self) -> Result<u64, Error> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(Error::Model("varint too long".into()))
    }

    fn string(&mut self) -> Result<&'a str, Error> {
        let n = self.varint()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| Error::Model("string not UTF-8".into()))
    }

    fn model(&mut self, classes: usize) -> Result<Model, Error> {
        let mut model = Model::new(classes);
        let (count, mut key) = (self.varint()?, 0u64);
        let mut entries = Vec::new();
        for _ in 0..count {
            key = key.wrapping_add(self.varint()?);
            entries.clear();
            for _ in 0..self.varint()? {
                let class = self.varint()? as u16;
                let z = self.varint()? as u16;
                if usize::from(class) >= classes {
                    return Err(Error::Model("class out of range".into()));
                }
                entries.push((class, ((z >> 1) as i16) ^ -((z & 1) as i16)));
            }
            if !entries.is_empty() {
                model.push(key, &entries);
            }
        }
        model.seal();
        Ok(model)
    }
}
