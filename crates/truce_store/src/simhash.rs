//! Near-duplicate fingerprints: a 64-bit SimHash of the folded text's word
//! pairs (2-shingles).
//!
//! Two reports whose fingerprints differ in at most [`NEAR_BITS`] bits are
//! near-duplicates (the same wire story republished with small edits: a
//! changed dateline, a corrected figure, an added sentence). Word pairs
//! were chosen by measuring on the 2016 news mirror: single words put
//! distinct reports on the same topic within 2 to 5 bits of each other;
//! with pairs, distinct reports were 11 bits or more apart while copies
//! with three words changed and a sentence added were mostly within 5.
//!
//! The fingerprint is cut into six bands (11, 11, 11, 11, 10 and 10 bits):
//! two fingerprints within five bits of each other agree on at least one
//! band, so [`crate::near`] finds candidates with a look-up per band and
//! checks the distance exactly.

use truce_text::fold;

/// Largest Hamming distance between near-duplicates' fingerprints.
pub const NEAR_BITS: u32 = 5;

/// Fewest shingles a text needs before it is fingerprinted at all: shorter
/// texts (a headline) are too small for near-duplicate detection and only
/// ever match exactly.
pub const MIN_SHINGLES: usize = 12;

/// The fingerprint of `text`, or 0 when it is too short to have one.
pub fn simhash(text: &str) -> u64 {
    let folded = fold(text);
    let words: Vec<&str> = folded.text().split_whitespace().collect();
    if words.len() < MIN_SHINGLES + 2 {
        return 0;
    }
    let mut weights = [0i32; 64];
    for shingle in words.windows(2) {
        let h = hash_words(shingle);
        for (bit, weight) in weights.iter_mut().enumerate() {
            *weight += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    let mut out = 0u64;
    for (bit, weight) in weights.iter().enumerate() {
        if *weight > 0 {
            out |= 1 << bit;
        }
    }
    // 0 means "no fingerprint"; a real one of 0 is vanishingly rare.
    out.max(1)
}

/// Where each band starts and how wide it is, in bits.
const BANDS: [(u32, u32); 6] = [(0, 11), (11, 11), (22, 11), (33, 11), (44, 10), (54, 10)];

/// The six bands of a fingerprint.
pub fn bands(hash: u64) -> [u16; 6] {
    BANDS.map(|(shift, width)| ((hash >> shift) & ((1 << width) - 1)) as u16)
}

/// Bits in which two fingerprints differ.
pub fn distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// FNV-1a 64 of the words, separated, then a final avalanche so that every
/// output bit depends on every input bit.
fn hash_words(words: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in words {
        for b in word.bytes().chain([0u8]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^ (hash >> 33)
}

/// FNV-1a 64 of the exact text and its length: equal texts are the same
/// content.
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}-{}", text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Government forces and armed opposition groups agreed on a \
        local truce around the eastern suburbs on Sunday, according to a statement \
        read on state television. The truce will last seventy-two hours and may be \
        extended if it holds, the statement said, while monitors reported sporadic \
        shelling overnight in two villages north of the city.";

    #[test]
    fn small_edits_stay_near() {
        let edited = STORY
            .replace("Sunday", "Saturday")
            .replace("two villages", "three villages");
        let d = distance(simhash(STORY), simhash(&edited));
        assert!(d <= NEAR_BITS, "distance {d}");
    }

    #[test]
    fn different_stories_are_far() {
        let other = "Rebel factions rejected the proposal for a humanitarian pause in \
            the besieged districts and accused the air force of striking a market on \
            Tuesday, killing at least a dozen people, a monitoring group said. Aid \
            convoys have not reached the area since the spring, officials added.";
        assert!(distance(simhash(STORY), simhash(other)) > NEAR_BITS * 2);
    }

    #[test]
    fn short_texts_have_no_fingerprint() {
        assert_eq!(simhash("Truce holds in Homs."), 0);
        assert_eq!(simhash(""), 0);
    }

    #[test]
    fn bands_cover_the_hash() {
        let h = u64::MAX;
        assert_eq!(bands(h), [2047, 2047, 2047, 2047, 1023, 1023]);
        assert_eq!(bands(1 << 63), [0, 0, 0, 0, 0, 512]);
        assert_eq!(bands(1 << 11), [0, 1, 0, 0, 0, 0]);
    }

    #[test]
    fn content_hash_tells_texts_apart() {
        assert_eq!(content_hash("a b"), content_hash("a b"));
        assert_ne!(content_hash("a b"), content_hash("a  b"));
    }
}
