//! Near-duplicate look-up in memory.
//!
//! Every original report's fingerprint (see [`crate::simhash`]) sits in a
//! table per band. The index belongs to one [`crate::SqlStore`] and is
//! brought up to date inside each write transaction from the rows stored
//! since it last looked (`seq` greater than the last one it holds), so
//! reports that another process stored are found too; what a batch adds is
//! merged only after its transaction commits.

use crate::simhash::{NEAR_BITS, bands, distance};
use std::collections::HashMap;

#[derive(Debug, Default)]
pub(crate) struct NearIndex {
    /// `(seq, fingerprint)` of every original with a fingerprint.
    entries: Vec<(i64, u64)>,
    /// Per band: band value → positions in `entries`.
    bands: [HashMap<u16, Vec<u32>>; 6],
    /// The highest `seq` the index has seen (stored or not).
    pub seen: i64,
}

impl NearIndex {
    pub fn add(&mut self, seq: i64, hash: u64) {
        self.seen = self.seen.max(seq);
        if hash == 0 {
            return;
        }
        let at = self.entries.len() as u32;
        self.entries.push((seq, hash));
        for (table, band) in self.bands.iter_mut().zip(bands(hash)) {
            table.entry(band).or_default().push(at);
        }
    }

    /// The closest original within [`NEAR_BITS`] (the earliest on a tie).
    pub fn nearest(&self, hash: u64) -> Option<(i64, u32)> {
        if hash == 0 {
            return None;
        }
        let mut best: Option<(i64, u32)> = None;
        for (table, band) in self.bands.iter().zip(bands(hash)) {
            for &at in table.get(&band).into_iter().flatten() {
                let (seq, other) = self.entries[at as usize];
                let d = distance(hash, other);
                let better = best.is_none_or(|(s, b)| d < b || (d == b && seq < s));
                if d <= NEAR_BITS && better {
                    best = Some((seq, d));
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_nearest_earliest_original() {
        let mut index = NearIndex::default();
        index.add(1, 0b1111);
        index.add(2, 0b1110);
        index.add(3, 0);
        assert_eq!(index.seen, 3);
        assert_eq!(index.nearest(0b1111), Some((1, 0)));
        assert_eq!(index.nearest(0b0110), Some((2, 1)));
        assert_eq!(index.nearest(0b1111 << 40 | 0b1111), Some((1, 4)));
        assert_eq!(index.nearest(u64::MAX), None, "too far");
        assert_eq!(index.nearest(0), None, "no fingerprint");
    }

    #[test]
    fn every_pair_within_the_limit_shares_a_band() {
        // Five flipped bits anywhere leave at least one band untouched.
        let base = 0x0123_4567_89ab_cdef_u64;
        let mut index = NearIndex::default();
        index.add(1, base);
        for start in 0..60 {
            let flipped = base ^ (0b11111 << start);
            assert_eq!(
                index.nearest(flipped),
                Some((1, 5)),
                "run of bits at {start}"
            );
        }
        let spread = base ^ (1 | 1 << 13 | 1 << 27 | 1 << 41 | 1 << 63);
        assert_eq!(index.nearest(spread), Some((1, 5)));
    }
}
