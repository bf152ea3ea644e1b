//! Multiclass perceptrons over hashed features: the averaged trainer and the
//! compact quantised model it produces.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a over bytes: stable across platforms and runs.
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Mixes a value into a feature hash.
pub(crate) fn mix(h: u64, v: u64) -> u64 {
    let x = (h ^ v.wrapping_mul(0x9e37_79b9_7f4a_7c15)).rotate_left(29);
    x.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (x >> 32)
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// A trained model: for each feature, the classes it votes for, with
/// weights quantised to `i16`. Features live in an open-addressing table
/// (linear probing, at most half full) so that a lookup costs one cache
/// line; the entries of one feature are contiguous.
#[derive(Debug, Default)]
pub(crate) struct Model {
    pub classes: usize,
    keys: Vec<Slot>,
    table: Vec<Slot>,
    entries: Vec<(u16, i16)>,
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u64,
    start: u32,
    /// Number of entries; 0 marks an empty slot.
    len: u32,
}

impl Model {
    pub fn new(classes: usize) -> Self {
        Self {
            classes,
            ..Self::default()
        }
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Adds the votes of `features` into `scores` (cleared first). Lookups
    /// go in batches so that their cache misses overlap.
    pub fn score(&self, features: &[u64], scores: &mut Vec<i32>) {
        scores.clear();
        scores.resize(self.classes, 0);
        for chunk in features.chunks(32) {
            let mut hits = [(0u32, 0u32); 32];
            for (hit, &f) in hits.iter_mut().zip(chunk) {
                *hit = self.lookup(f);
            }
            for &(start, len) in &hits[..chunk.len()] {
                let start = start as usize;
                for &(class, w) in &self.entries[start..start + len as usize] {
                    scores[usize::from(class)] += i32::from(w);
                }
            }
        }
    }

    /// (start, len) of a feature's entries; len 0 if absent.
    fn lookup(&self, key: u64) -> (u32, u32) {
        if self.table.is_empty() {
            return (0, 0);
        }
        let mask = self.table.len() - 1;
        let mut i = (key >> 17) as usize & mask;
        loop {
            let slot = self.table[i];
            if slot.len == 0 || slot.key == key {
                return (slot.start, slot.len);
            }
            i = (i + 1) & mask;
        }
    }

    /// The features in key order, each with its entries.
    pub fn sorted(&self) -> Vec<(u64, &[(u16, i16)])> {
        let mut out: Vec<_> = self
            .keys
            .iter()
            .map(|s| {
                (
                    s.key,
                    &self.entries[s.start as usize..(s.start + s.len) as usize],
                )
            })
            .collect();
        out.sort_unstable_by_key(|e| e.0);
        out
    }

    /// Appends one feature's entries (each feature once, entries non-empty);
    /// call [`Model::seal`] after the last.
    pub fn push(&mut self, key: u64, entries: &[(u16, i16)]) {
        let start = self.entries.len() as u32;
        self.entries.extend_from_slice(entries);
        let len = entries.len() as u32;
        self.keys.push(Slot { key, start, len });
    }

    /// Builds the lookup table.
    pub fn seal(&mut self) {
        let size = (self.keys.len() * 2).next_power_of_two().max(2);
        self.table = vec![Slot::default(); size];
        for &slot in self.keys.iter().filter(|s| s.len > 0) {
            let mut i = (slot.key >> 17) as usize & (size - 1);
            while self.table[i].len != 0 && self.table[i].key != slot.key {
                i = (i + 1) & (size - 1);
            }
            self.table[i] = slot;
        }
    }
}

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u32,
}

/// An averaged perceptron in training (lazy averaging by time stamps).
pub(crate) struct Trainer {
    classes: usize,
    weights: KeyMap<Vec<Entry>>,
    now: u32,
}

impl Trainer {
    pub fn new(classes: usize) -> Self {
        Self {
            classes,
            weights: KeyMap::default(),
            now: 1,
        }
    }

    /// Current (not averaged) scores of every class.
    pub fn score(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.classes, 0.0);
        for f in features {
            for e in self.weights.get(f).into_iter().flatten() {
                scores[e.class as usize] += e.weight;
            }
        }
    }

    /// Counts one training instance (for averaging).
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// Moves the weights of `features` towards `truth` and away from `guess`.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in features {
            let entries = self.weights.entry(f).or_default();
            for (class, delta) in [(truth, 1.0), (guess, -1.0)] {
                bump(entries, class as u16, delta, self.now);
            }
        }
    }

    /// Averages and quantises the weights to `i16` (the largest magnitude
    /// maps to 32767), dropping those that quantise below `prune` times the
    /// largest.
    pub fn finish(&self, prune: f32) -> Model {
        let averaged = self.averaged();
        let min = (prune * 32767.0).round().max(1.0) as i16;
        let max = averaged
            .iter()
            .flat_map(|(_, es)| es.iter().map(|e| e.1.abs()))
            .fold(f32::MIN_POSITIVE, f32::max);
        let scale = 32767.0 / max;
        let mut model = Model::new(self.classes);
        for (key, es) in averaged {
            let q: Vec<(u16, i16)> = es
                .iter()
                .map(|&(c, w)| (c, (w * scale).round() as i16))
                .filter(|e| e.1.abs() >= min)
                .collect();
            if !q.is_empty() {
                model.push(key, &q);
            }
        }
        model.seal();
        model
    }

    fn averaged(&self) -> Vec<(u64, Vec<(u16, f32)>)> {
        let now = f64::from(self.now);
        let mut out: Vec<(u64, Vec<(u16, f32)>)> = self
            .weights
            .iter()
            .map(|(&key, es)| {
                let avg = es.iter().map(|e| {
                    let total = e.total + (now - f64::from(e.stamp)) * f64::from(e.weight);
                    (e.class, (total / now) as f32)
                });
                (key, avg.filter(|e| e.1 != 0.0).collect())
            })
            .filter(|(_, es): &(u64, Vec<_>)| !es.is_empty())
            .collect();
        out.sort_unstable_by_key(|e| e.0);
        out
    }
}

fn bump(entries: &mut Vec<Entry>, class: u16, delta: f32, now: u32) {
    let i = match entries.iter().position(|e| e.class == class) {
        Some(i) => i,
        None => {
            entries.push(Entry {
                class,
                weight: 0.0,
                total: 0.0,
                stamp: now,
            });
            entries.len() - 1
        }
    };
    let e = &mut entries[i];
    e.total += f64::from(now - e.stamp) * f64::from(e.weight);
    e.stamp = now;
    e.weight += delta;
}
