//! Lexical features of tokens and the tagger's feature templates.

use crate::perceptron::{hash_str, mix};

/// A value meaning "no such token".
pub(crate) const NONE: u64 = 0x5bd1_e995_0000_0001;

/// Hashed views of one token's form.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Lex {
    /// Lowercased, digits folded to `0`.
    pub word: u64,
    /// As written.
    pub cased: u64,
    pub suffix3: u64,
    pub suffix2: u64,
    pub prefix1: u64,
    /// Character classes, runs capped (`Xxx`, `dd`, `X.X.`).
    pub shape: u64,
}

impl Lex {
    pub fn new(form: &str) -> Self {
        let norm: String = form
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        let chars: Vec<char> = norm.chars().collect();
        let tail = |n: usize| -> String { chars[chars.len().saturating_sub(n)..].iter().collect() };
        Self {
            word: hash_str(&norm),
            cased: hash_str(form),
            suffix3: hash_str(&tail(3)),
            suffix2: hash_str(&tail(2)),
            prefix1: hash_str(&chars.iter().take(1).collect::<String>()),
            shape: hash_str(&shape(form)),
        }
    }

    /// The pseudo-token standing for the root at the end of the buffer.
    pub fn root() -> Self {
        let h = hash_str("<ROOT>");
        Self {
            word: h,
            cased: h,
            suffix3: h,
            suffix2: h,
            prefix1: h,
            shape: h,
        }
    }
}

fn shape(form: &str) -> String {
    let mut out = String::new();
    let (mut last, mut run) = (' ', 0);
    for c in form.chars() {
        let k = match c {
            c if c.is_uppercase() => 'X',
            c if c.is_lowercase() => 'x',
            c if c.is_ascii_digit() => 'd',
            c => c,
        };
        run = if k == last { run + 1 } else { 1 };
        last = k;
        if run <= 3 {
            out.push(k);
        }
    }
    out
}

/// Hashes a template id with its values.
pub(crate) fn feature(template: u64, values: &[u64]) -> u64 {
    values
        .iter()
        .fold(mix(0x7ac0_5eed, template), |h, &v| mix(h, v))
}

/// The tagger's features for token `i`, given the two previous tags.
pub(crate) fn tagger_features(lex: &[Lex], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    let at = |k: isize| -> Option<&Lex> { lex.get(usize::try_from(i as isize + k).ok()?) };
    let word = |k: isize| at(k).map_or(NONE, |l| l.word);
    let suffix = |k: isize| at(k).map_or(NONE, |l| l.suffix3);
    let w = &lex[i];
    out.clear();
    out.extend([
        feature(0, &[]),
        feature(1, &[w.word]),
        feature(2, &[w.cased]),
        feature(3, &[w.suffix3]),
        feature(4, &[w.suffix2]),
        feature(5, &[w.prefix1]),
        feature(6, &[w.shape]),
        feature(7, &[p1]),
        feature(8, &[p1, p2]),
        feature(9, &[p1, w.word]),
        feature(10, &[word(-1)]),
        feature(11, &[suffix(-1)]),
        feature(12, &[word(-2)]),
        feature(13, &[word(1)]),
        feature(14, &[suffix(1)]),
        feature(15, &[word(2)]),
        feature(16, &[w.word, word(1)]),
        feature(17, &[word(-1), w.word]),
        feature(18, &[w.shape, u64::from(i == 0)]),
        feature(19, &[p1, w.suffix3]),
        feature(20, &[at(1).map_or(NONE, |l| l.shape)]),
    ]);
}
