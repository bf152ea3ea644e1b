//! The arc-eager transition system with the root at the end of the buffer
//! (Ballesteros and Nivre 2013), its dynamic oracle (Goldberg and Nivre
//! 2012) and the parser's feature templates.
//!
//! Classes: 0 shift, 1 reduce, `2 + l` left-arc with label `l`,
//! `2 + L + l` right-arc with label `l`, for `L` labels. Label 0 is `ROOT`,
//! used only by the left-arc from the root.

use crate::features::{Lex, NONE, feature};

pub(crate) const SHIFT: usize = 0;
pub(crate) const REDUCE: usize = 1;
const NO: usize = usize::MAX;

/// A parser configuration over `n` tokens; index `n` is the root.
pub(crate) struct State {
    pub stack: Vec<usize>,
    pub next: usize,
    pub n: usize,
    pub heads: Vec<usize>,
    pub labels: Vec<usize>,
    left: Vec<[usize; 2]>,
    right: Vec<[usize; 2]>,
    left_set: Vec<u64>,
    right_set: Vec<u64>,
}

/// The move a class stands for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Move {
    Shift,
    Reduce,
    Left(usize),
    Right(usize),
}

pub(crate) fn decode(class: usize, labels: usize) -> Move {
    match class {
        SHIFT => Move::Shift,
        REDUCE => Move::Reduce,
        c if c < 2 + labels => Move::Left(c - 2),
        c => Move::Right(c - 2 - labels),
    }
}

impl State {
    pub fn new(n: usize) -> Self {
        Self {
            stack: Vec::with_capacity(n),
            next: 0,
            n,
            heads: vec![NO; n + 1],
            labels: vec![0; n + 1],
            left: vec![[NO; 2]; n + 1],
            right: vec![[NO; 2]; n + 1],
            left_set: vec![0; n + 1],
            right_set: vec![0; n + 1],
        }
    }

    pub fn done(&self) -> bool {
        self.next == self.n && self.stack.is_empty()
    }

    /// Whether `m` may be applied now.
    pub fn valid(&self, m: Move) -> bool {
        let top = self.stack.last().copied();
        let at_root = self.next == self.n;
        match m {
            Move::Shift => !at_root,
            Move::Reduce => top.is_some_and(|s| self.heads[s] != NO),
            Move::Left(l) => top.is_some_and(|s| self.heads[s] == NO) && (l == 0) == at_root,
            Move::Right(l) => top.is_some() && !at_root && l != 0,
        }
    }

    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.next);
                self.next += 1;
            }
            Move::Reduce => {
                self.stack.pop();
            }
            Move::Left(l) => {
                let s = self.stack.pop().unwrap_or(NO);
                self.attach(self.next, s, l);
            }
            Move::Right(l) => {
                let s = self.stack.last().copied().unwrap_or(NO);
                self.attach(s, self.next, l);
                self.stack.push(self.next);
                self.next += 1;
            }
        }
    }

    fn attach(&mut self, head: usize, dep: usize, label: usize) {
        self.heads[dep] = head;
        self.labels[dep] = label;
        let bit = 1u64 << (label % 64);
        if dep < head {
            self.left[head] = [dep, self.left[head][0]];
            self.left_set[head] |= bit;
        } else {
            self.right[head] = [dep, self.right[head][0]];
            self.right_set[head] |= bit;
        }
    }

    /// The cost of `m` against gold heads and labels (root = `n`): how many
    /// gold arcs it makes unreachable, plus one for a wrong label.
    pub fn cost(&self, m: Move, gold: &[usize], gold_labels: &[usize]) -> usize {
        let headless = |k: &&usize| self.heads[**k] == NO;
        let b = self.next;
        let s = self.stack.last().copied().unwrap_or(NO);
        let below = &self.stack[..self.stack.len().saturating_sub(1)];
        match m {
            Move::Shift => {
                usize::from(self.stack.contains(&gold[b]))
                    + self
                        .stack
                        .iter()
                        .filter(headless)
                        .filter(|&&k| gold[k] == b)
                        .count()
            }
            Move::Reduce => (b..self.n).filter(|&k| gold[k] == s).count(),
            Move::Left(l) => {
                let lost_head = usize::from(gold[s] > b);
                let lost_deps = (b..self.n).filter(|&k| gold[k] == s).count();
                lost_head + lost_deps + usize::from(gold[s] == b && gold_labels[s] != l)
            }
            Move::Right(l) => {
                let lost_head = usize::from(below.contains(&gold[b]) || gold[b] > b);
                let lost_deps = below
                    .iter()
                    .filter(headless)
                    .filter(|&&k| gold[k] == b)
                    .count()
                    + usize::from(self.heads[s] == NO && gold[s] == b);
                lost_head + lost_deps + usize::from(gold[b] == s && gold_labels[b] != l)
            }
        }
    }
}

/// Per-token values the parser's features read.
pub(crate) struct Tokens<'a> {
    pub lex: &'a [Lex],
    pub tags: &'a [u64],
}

impl Tokens<'_> {
    fn word(&self, i: usize) -> u64 {
        self.lex.get(i).map_or(NONE, |l| l.word)
    }
    fn tag(&self, i: usize) -> u64 {
        self.tags.get(i).copied().unwrap_or(NONE)
    }
    fn suffix(&self, i: usize) -> u64 {
        self.lex.get(i).map_or(NONE, |l| l.suffix3)
    }
}

/// Buckets a distance between stack top and buffer front.
fn distance(s: usize, b: usize, n: usize) -> u64 {
    match b.checked_sub(s) {
        _ if s == NO || b == n => 0,
        Some(d @ 1..=4) => d as u64,
        Some(5..=6) => 5,
        Some(7..=9) => 6,
        _ => 7,
    }
}

/// Tokens around the configuration and what has been built on them.
struct View {
    s0: usize,
    s1: usize,
    b0: usize,
    b1: usize,
    b2: usize,
    s0h: usize,
    s0l: usize,
    s0l2: usize,
    s0r: usize,
    s0r2: usize,
    b0l: usize,
    b0l2: usize,
}

fn view(st: &State) -> View {
    let len = st.stack.len();
    let s0 = st.stack.last().copied().unwrap_or(NO);
    let b0 = st.next;
    let child = |v: &[[usize; 2]], i: usize, k: usize| if i == NO { NO } else { v[i][k] };
    View {
        s0,
        s1: if len >= 2 { st.stack[len - 2] } else { NO },
        b0,
        b1: if b0 + 1 < st.n { b0 + 1 } else { NO },
        b2: if b0 + 2 < st.n { b0 + 2 } else { NO },
        s0h: if s0 == NO { NO } else { st.heads[s0] },
        s0l: child(&st.left, s0, 0),
        s0l2: child(&st.left, s0, 1),
        s0r: child(&st.right, s0, 0),
        s0r2: child(&st.right, s0, 1),
        b0l: child(&st.left, b0, 0),
        b0l2: child(&st.left, b0, 1),
    }
}

/// The parser's features for the configuration `st`.
pub(crate) fn parser_features(st: &State, tk: &Tokens<'_>, out: &mut Vec<u64>) {
    let v = view(st);
    out.clear();
    word_tag_features(&v, st, tk, out);
    structure_features(&v, st, tk, out);
}

/// Words and tags of stack and buffer positions and their combinations.
fn word_tag_features(v: &View, st: &State, tk: &Tokens<'_>, out: &mut Vec<u64>) {
    let View {
        s0,
        s1,
        b0,
        b1,
        b2,
        s0h,
        s0l,
        s0r,
        b0l,
        ..
    } = *v;
    let (w, t) = (|i| tk.word(i), |i| tk.tag(i));
    let (s0w, s0t, b0w, b0t) = (w(s0), t(s0), w(b0), t(b0));
    let d = distance(s0, b0, st.n);
    out.extend([
        feature(100, &[s0w]),
        feature(101, &[s0t]),
        feature(102, &[s0w, s0t]),
        feature(103, &[b0w]),
        feature(104, &[b0t]),
        feature(105, &[b0w, b0t]),
        feature(106, &[w(b1)]),
        feature(107, &[t(b1)]),
        feature(108, &[w(b1), t(b1)]),
        feature(109, &[t(b2)]),
        feature(110, &[w(b2)]),
        feature(111, &[s0w, b0w]),
        feature(112, &[s0w, s0t, b0w, b0t]),
        feature(113, &[s0w, s0t, b0w]),
        feature(114, &[s0w, b0w, b0t]),
        feature(115, &[s0w, s0t, b0t]),
        feature(116, &[s0t, b0w, b0t]),
        feature(117, &[s0t, b0t]),
        feature(118, &[b0t, t(b1)]),
        feature(119, &[b0t, t(b1), t(b2)]),
        feature(120, &[s0t, b0t, t(b1)]),
        feature(121, &[t(s0h), s0t, b0t]),
        feature(122, &[s0t, t(s0l), b0t]),
        feature(123, &[s0t, t(s0r), b0t]),
        feature(124, &[s0t, b0t, t(b0l)]),
        feature(125, &[t(s1), s0t, b0t]),
        feature(126, &[w(s1), t(s1)]),
        feature(127, &[t(s1), s0t]),
        feature(128, &[d, s0w]),
        feature(129, &[d, s0t]),
        feature(130, &[d, b0w]),
        feature(131, &[d, b0t]),
        feature(132, &[d, s0w, b0w]),
        feature(133, &[d, s0t, b0t]),
    ]);
}

/// Heads, children, labels, valency and neighbours.
fn structure_features(v: &View, st: &State, tk: &Tokens<'_>, out: &mut Vec<u64>) {
    let View {
        s0,
        b0,
        s0h,
        s0l,
        s0l2,
        s0r,
        s0r2,
        b0l,
        b0l2,
        ..
    } = *v;
    let (w, t) = (|i| tk.word(i), |i| tk.tag(i));
    let (s0w, s0t, b0w, b0t) = (w(s0), t(s0), w(b0), t(b0));
    let lab = |i: usize| {
        if i == NO || st.heads[i] == NO {
            NONE
        } else {
            st.labels[i] as u64
        }
    };
    let set = |v: &[u64], i: usize| if i == NO { NONE } else { v[i] };
    let vr = set(&st.right_set, s0).count_ones() as u64;
    let vl = set(&st.left_set, s0).count_ones() as u64;
    let bvl = set(&st.left_set, b0).count_ones() as u64;
    let after_s0 = if s0 == NO { NONE } else { t(s0 + 1) };
    let before_b0 = if b0 == 0 { NONE } else { t(b0 - 1) };
    out.extend([
        feature(134, &[s0w, vr]),
        feature(135, &[s0t, vr]),
        feature(136, &[s0w, vl]),
        feature(137, &[s0t, vl]),
        feature(138, &[b0w, bvl]),
        feature(139, &[b0t, bvl]),
        feature(140, &[w(s0h)]),
        feature(141, &[t(s0h)]),
        feature(142, &[lab(s0)]),
        feature(143, &[w(s0l)]),
        feature(144, &[t(s0l)]),
        feature(145, &[lab(s0l)]),
        feature(146, &[w(s0r)]),
        feature(147, &[t(s0r)]),
        feature(148, &[lab(s0r)]),
        feature(149, &[w(b0l)]),
        feature(150, &[t(b0l)]),
        feature(151, &[lab(b0l)]),
        feature(152, &[t(s0l2)]),
        feature(153, &[lab(s0l2)]),
        feature(154, &[t(s0r2)]),
        feature(155, &[lab(s0r2)]),
        feature(156, &[t(b0l2)]),
        feature(157, &[lab(b0l2)]),
        feature(158, &[s0t, t(s0l), t(s0l2)]),
        feature(159, &[s0t, t(s0r), t(s0r2)]),
        feature(160, &[b0t, t(b0l), t(b0l2)]),
        feature(161, &[s0t, set(&st.left_set, s0)]),
        feature(162, &[s0t, set(&st.right_set, s0)]),
        feature(163, &[b0t, set(&st.left_set, b0)]),
        feature(164, &[s0t, lab(s0), b0t]),
        feature(165, &[tk.suffix(s0), b0t]),
        feature(166, &[s0t, tk.suffix(b0)]),
        feature(167, &[s0t, after_s0, before_b0, b0t]),
        feature(168, &[u64::from(st.next == st.n), s0t, lab(s0)]),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the first zero-cost move; returns the heads built.
    fn follow_oracle(gold: &[usize], labels: &[usize]) -> Vec<usize> {
        let n = gold.len() - 1;
        let mut st = State::new(n);
        while !st.done() {
            let m = (0..2 + 2 * 4)
                .map(|c| decode(c, 4))
                .find(|&m| st.valid(m) && st.cost(m, gold, labels) == 0);
            st.apply(m.expect("a zero-cost move"));
        }
        st.heads[..n].to_vec()
    }

    #[test]
    fn oracle_rebuilds_projective_trees() {
        // "The army said the truce would hold ." (root = 8)
        let gold = [1, 2, 8, 4, 6, 6, 2, 2, NO];
        let labels = [1, 2, 0, 1, 2, 3, 3, 1, 0];
        assert_eq!(follow_oracle(&gold, &labels), gold[..8]);
        // Right arcs and a chain: "fighters withdrew to Idlib and Hama" (root = 6)
        let gold = [1, 6, 1, 2, 3, 3, NO];
        let labels = [2, 0, 3, 3, 1, 1, 0];
        assert_eq!(follow_oracle(&gold, &labels), gold[..6]);
    }
}
