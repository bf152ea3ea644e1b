//! The fixed dev/test split: FNV-1a 64 of the row id string; an even hash
//! goes to dev, an odd one to test.

use serde::Serialize;

/// The rule, as printed with every evaluation.
pub const RULE: &str = "FNV-1a 64 of the split key (row id; UCDP: headline; claims: document id), even = dev, odd = test";

/// One half of a labelled set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Half {
    Dev,
    Test,
}

impl Half {
    pub fn as_str(self) -> &'static str {
        match self {
            Half::Dev => "dev",
            Half::Test => "test",
        }
    }
}

/// Which halves to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    Dev,
    Test,
    /// Dev and test pooled into one column.
    All,
    /// Dev and test side by side (misses: from dev, where tuning happens).
    #[default]
    Both,
}

impl View {
    /// Are misses of `half` shown in this view?
    pub fn lists(self, half: Half) -> bool {
        match self {
            View::Dev | View::Both => half == Half::Dev,
            View::Test => half == Half::Test,
            View::All => true,
        }
    }
}

/// FNV-1a 64 of `s`.
pub fn fnv1a64(s: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The half a row id belongs to.
pub fn half_of(id: &str) -> Half {
    if fnv1a64(id).is_multiple_of(2) {
        Half::Dev
    } else {
        Half::Test
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_reference_values() {
        // published FNV-1a 64 test vectors
        assert_eq!(fnv1a64(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn split_is_balanced_and_stable() {
        let dev = (0..10_000)
            .filter(|i| half_of(&i.to_string()) == Half::Dev)
            .count();
        assert!((4_800..5_200).contains(&dev), "{dev}");
        assert_eq!(half_of("a"), Half::Dev);
    }
}
