//! Training from silver parses (used by `cargo xtask train-parser`), the
//! reader of the CoNLL-U-like files `scripts/silver.py` writes, and scores.
//! Training is deterministic: sentence order comes from a seeded generator
//! and ties break towards the lowest class.

use truce_model::Span;

use crate::features::{Lex, tagger_features};
use crate::parser::{Parser, allowed, argmax, root_tag, start_tag, tag_with};
use crate::perceptron::Trainer;
use crate::state::{State, Tokens, decode, parser_features};
use crate::{Dep, Error, TAGS};

/// One token of a reference parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldToken {
    /// Byte range in the sentence text.
    pub span: Span,
    /// Fine-grained tag.
    pub tag: String,
    /// 1-based head index; 0 for the root.
    pub head: usize,
    /// Dependency label.
    pub label: Dep,
}

/// A sentence with its reference parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub text: String,
    pub tokens: Vec<GoldToken>,
}

/// Reads `# text = ...` headed blocks of `id form tag head label start end`.
pub fn read_conllu(input: &str) -> Result<Vec<Sentence>, Error> {
    let mut out = Vec::new();
    let mut current: Option<Sentence> = None;
    for (n, line) in input.lines().enumerate() {
        let bad = |msg: &str| Error::Conllu {
            line: n + 1,
            msg: msg.to_owned(),
        };
        if let Some(text) = line.strip_prefix("# text = ") {
            out.extend(current.take());
            current = Some(Sentence {
                text: text.to_owned(),
                tokens: Vec::new(),
            });
        } else if !line.is_empty() {
            let sentence = current.as_mut().ok_or_else(|| bad("token before # text"))?;
            sentence
                .tokens
                .push(gold_token(line).ok_or_else(|| bad("malformed row"))?);
        }
    }
    out.extend(current);
    Ok(out)
}

fn gold_token(line: &str) -> Option<GoldToken> {
    let f: Vec<&str> = line.split('\t').collect();
    let [_, _, tag, head, label, start, end] = f.as_slice() else {
        return None;
    };
    Some(GoldToken {
        span: Span::new(start.parse().ok()?, end.parse().ok()?),
        tag: (*tag).to_owned(),
        head: head.parse().ok()?,
        label: label.parse().ok()?,
    })
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Seed of the sentence order and exploration.
    pub seed: u64,
    /// Folds for the parser's training tags: 0 trains the parser on the
    /// reference tags; `k` tags each of `k` parts with a tagger trained on
    /// the others, so the parser learns from tags as wrong as at run time.
    pub jackknife_folds: usize,
    /// Weights smaller than this fraction of the largest are dropped (a
    /// smaller model is faster: fewer cache misses per lookup).
    pub prune: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            tagger_epochs: 6,
            parser_epochs: 12,
            seed: 7,
            jackknife_folds: 0,
            prune: 0.0122,
        }
    }
}

/// A sentence prepared for training: features of words and class indices.
struct Prepared {
    lex: Vec<Lex>,
    tags: Vec<u64>,
    /// Tags the parser trains on (reference or jackknifed).
    parser_tags: Vec<u64>,
    heads: Vec<usize>,
    labels: Vec<usize>,
}

/// Trains tagger and parser; `log` receives one line per epoch.
pub fn train(
    sentences: &[Sentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Parser, Error> {
    let tags: Vec<&'static str> = TAGS
        .iter()
        .copied()
        .filter(|t| {
            sentences
                .iter()
                .any(|s| s.tokens.iter().any(|g| g.tag == *t))
        })
        .collect();
    let mut data = sentences
        .iter()
        .map(|s| prepare(s, &tags))
        .collect::<Result<Vec<_>, _>>()?;
    let mut rng = Rng(opts.seed.max(1));
    let tagger = train_tagger(&data, tags.len(), opts, &mut rng, log);
    jackknife(&mut data, tags.len(), opts, log);
    let parser = train_parser(&data, opts, &mut rng, log);
    Ok(Parser {
        tags,
        labels: Dep::ALL.to_vec(),
        tagger: tagger.finish(opts.prune),
        parser: parser.finish(opts.prune),
    })
}

fn prepare(s: &Sentence, tags: &[&str]) -> Result<Prepared, Error> {
    let n = s.tokens.len();
    let bad = |msg: String| Error::Conllu { line: 0, msg };
    let mut p = Prepared {
        lex: Vec::with_capacity(n),
        tags: Vec::with_capacity(n),
        parser_tags: Vec::new(),
        heads: Vec::with_capacity(n + 1),
        labels: Vec::with_capacity(n + 1),
    };
    for t in &s.tokens {
        let word = s.text.get(t.span.start..t.span.end);
        p.lex.push(Lex::new(
            word.ok_or_else(|| bad(format!("span in {:?}", s.text)))?,
        ));
        let tag = tags.iter().position(|x| *x == t.tag).unwrap_or(0);
        p.tags.push(tag as u64);
        p.heads.push(if t.head == 0 { n } else { t.head - 1 });
        let label = Dep::ALL.iter().position(|d| *d == t.label).unwrap_or(0);
        p.labels.push(if t.head == 0 { 0 } else { label });
    }
    if p.heads.iter().any(|&h| h > n)
        || p.labels
            .iter()
            .zip(&p.heads)
            .any(|(&l, &h)| (l == 0) != (h == n))
    {
        return Err(bad(format!("bad heads in {:?}", s.text)));
    }
    p.heads.push(usize::MAX);
    p.labels.push(0);
    p.parser_tags = p.tags.clone();
    Ok(p)
}

/// Replaces the parser's training tags by those of taggers trained on the
/// other folds (sentence `i` is in fold `i % k`).
fn jackknife(
    data: &mut [Prepared],
    classes: usize,
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) {
    let k = opts.jackknife_folds;
    for fold in 0..k {
        let (held, rest): (Vec<usize>, Vec<usize>) = (0..data.len()).partition(|i| i % k == fold);
        let others: Vec<&Prepared> = rest.iter().map(|&i| &data[i]).collect();
        let mut rng = Rng(opts.seed.max(1) + fold as u64 + 1);
        let model = train_tagger(&others, classes, opts, &mut rng, &mut |_| {}).finish(opts.prune);
        let (mut right, mut total) = (0, 0);
        for &i in &held {
            let tags = tag_with(&model, &data[i].lex);
            right += tags
                .iter()
                .zip(&data[i].tags)
                .filter(|(a, b)| a == b)
                .count();
            total += tags.len();
            data[i].parser_tags = tags;
        }
        log(&format!(
            "jackknife fold {}: tag accuracy {:.4}",
            fold + 1,
            right as f64 / total.max(1) as f64
        ));
    }
}

fn train_tagger<P: std::borrow::Borrow<Prepared>>(
    data: &[P],
    classes: usize,
    opts: &TrainOptions,
    rng: &mut Rng,
    log: &mut dyn FnMut(&str),
) -> Trainer {
    let mut model = Trainer::new(classes);
    let (mut feats, mut scores) = (Vec::new(), Vec::new());
    for epoch in 0..opts.tagger_epochs {
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &rng.order(data.len()) {
            let s = data[k].borrow();
            let mut guessed: Vec<u64> = Vec::with_capacity(s.lex.len());
            for i in 0..s.lex.len() {
                let p1 = if i >= 1 { guessed[i - 1] } else { start_tag() };
                let p2 = if i >= 2 { guessed[i - 2] } else { start_tag() };
                tagger_features(&s.lex, i, p1, p2, &mut feats);
                model.score(&feats, &mut scores);
                let guess = argmax(&scores, |_| true);
                model.update(&feats, s.tags[i] as usize, guess);
                model.tick();
                right += usize::from(guess as u64 == s.tags[i]);
                total += 1;
                guessed.push(guess as u64);
            }
        }
        log(&format!(
            "tagger epoch {}: train accuracy {:.4}",
            epoch + 1,
            right as f64 / total as f64
        ));
    }
    model
}

fn train_parser(
    data: &[Prepared],
    opts: &TrainOptions,
    rng: &mut Rng,
    log: &mut dyn FnMut(&str),
) -> Trainer {
    let labels = Dep::ALL.len();
    let mut model = Trainer::new(2 + 2 * labels);
    for epoch in 0..opts.parser_epochs {
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &rng.order(data.len()) {
            let (r, t) = train_sentence(&mut model, &data[k], epoch > 0, rng);
            right += r;
            total += t;
        }
        log(&format!(
            "parser epoch {}: train UAS {:.4}",
            epoch + 1,
            right as f64 / total as f64
        ));
    }
    model
}

/// One pass of the dynamic oracle over a sentence; returns (right heads, tokens).
fn train_sentence(
    model: &mut Trainer,
    s: &Prepared,
    explore: bool,
    rng: &mut Rng,
) -> (usize, usize) {
    let n = s.lex.len();
    let labels = Dep::ALL.len();
    let mut lex = s.lex.clone();
    lex.push(Lex::root());
    let mut tags = s.parser_tags.clone();
    tags.push(root_tag());
    let tokens = Tokens {
        lex: &lex,
        tags: &tags,
    };
    let mut state = State::new(n);
    let (mut feats, mut scores, mut costs) = (Vec::new(), Vec::new(), Vec::new());
    while !state.done() {
        parser_features(&state, &tokens, &mut feats);
        model.score(&feats, &mut scores);
        let guess = argmax(&scores, |c| allowed(&state, c, labels));
        costs.clear();
        costs.extend((0..scores.len()).map(|c| {
            let m = decode(c, labels);
            if state.valid(m) {
                state.cost(m, &s.heads, &s.labels)
            } else {
                usize::MAX
            }
        }));
        let least = costs.iter().copied().min().unwrap_or(0);
        let best = argmax(&scores, |c| costs[c] == least);
        model.update(&feats, best, guess);
        model.tick();
        let follow = costs[guess] == least || explore && !rng.next().is_multiple_of(10);
        state.apply(decode(if follow { guess } else { best }, labels));
    }
    let right = (0..n).filter(|&i| state.heads[i] == s.heads[i]).count();
    (right, n)
}

/// xorshift64*: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A shuffled `0..n` (Fisher-Yates).
    fn order(&mut self, n: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            v.swap(i, (self.next() % (i as u64 + 1)) as usize);
        }
        v
    }
}
